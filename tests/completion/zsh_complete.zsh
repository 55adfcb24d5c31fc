#!/usr/bin/env zsh
# Prints, one per line, the candidates zsh's completion system offers for a command line (the
# second argument, typed then completed with Tab), with the functions in DIR (completions/,
# where _chatjwt is) first on $fpath. Run from the directory whose files should be offered.
#
# zsh completes only inside its line editor, so this drives an interactive zsh on a
# pseudo-terminal (zsh/zpty). In there, compadd is wrapped to print each match it is asked to
# add, between two marker lines written before and after the completion (compprefuncs,
# comppostfuncs); the shell then exits, and the lines between the markers are the answer.
# usage: zsh_complete.zsh DIR LINE
emulate -L zsh
zmodload zsh/zpty || exit 2
local dir=$1 line=$2
local setup=$(mktemp) out
cat > $setup <<SETUP
PS1='' PROMPT='' RPROMPT=''
unsetopt beep
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
chatjwt_mark() { print -r -- '@@mark@@' }
compprefuncs=(chatjwt_mark)
comppostfuncs=(chatjwt_mark exit)
compadd() {
  # A call that only collects matches (-O, -A, -D) adds nothing yet: pass it on untouched.
  if (( \${@[(I)-[[:alpha:]]#[OAD]]} )); then
    builtin compadd "\$@"
    return
  fi
  local -a found
  builtin compadd -A found "\$@"
  (( \$#found )) && print -rl -- "@@ "\${^found}
  builtin compadd "\$@"
}
print -r -- '@@ready@@'
SETUP
zpty chatjwt_shell zsh -f -i
zpty -w chatjwt_shell "source ${(q)setup}"
local text=''
while zpty -r chatjwt_shell out; do
  [[ $out == *@@ready@@* ]] && break
done
zpty -w -n chatjwt_shell "$line"$'\t'
local answer=''
while zpty -r chatjwt_shell out; do answer+=$out; done
zpty -d chatjwt_shell
rm -f $setup
# The matches are the '@@ ' lines after the first marker.
local -a matches
local l
for l in ${(f)${answer//$'\r'/}}; do
  [[ $l == '@@ '* ]] && matches+=(${l#'@@ '})
done
print -rl -- ${(ou)matches}
