#!/usr/bin/env bash
# Tab completion in the real shells: bash (with Debian's bash-completion), zsh and fish each
# complete partial chatjwt command lines with the committed scripts in completions/, and the
# candidates are checked: subcommands, every flag of every command (as --help lists them),
# the values of enumerated flags, files where a file is expected, exported variable names for
# --secret-env.
# usage: completion_test.sh CHATJWT SOURCE_DIR bash|zsh|fish
set -uo pipefail
chatjwt=$(realpath "$1")
source_dir=$(realpath "$2")
shell=$3
here=$(cd "$(dirname "$0")" && pwd)
failures=0

# Candidates for LINE (typed as is; a trailing space starts a new word), one per line.
complete_line() {
  local line=$1
  case $shell in
    bash) bash "$here/bash_complete.sh" "$source_dir/completions/chatjwt.bash" "$line" ;;
    zsh) timeout 60 zsh -f "$here/zsh_complete.zsh" "$source_dir/completions" "$line" ;;
    fish) bash "$here/fish_complete.sh" "$source_dir/completions/chatjwt.fish" "$line" ;;
  esac
}

# True when WORD is among the candidates GOT, as the shells spell them: bash and fish offer
# "keys/convrs.key", zsh "convrs.key" after the typed "keys/"; fish offers "--format=sarif"
# where the others offer "sarif".
offered() {
  local word=$1 got=$2
  grep -qxF -- "$word" <<<"$got" || grep -qxF -- "${word##*/}" <<<"$got" ||
    grep -qE -- "^--[a-z-]+=${word}\$" <<<"$got"
}

# expect LINE WORD...: each WORD is among the candidates.
expect() {
  local line=$1
  shift
  local got missing=()
  got=$(complete_line "$line")
  for word in "$@"; do
    offered "$word" "$got" || missing+=("$word")
  done
  if ((${#missing[@]})); then
    echo "FAIL [$shell] '$line': missing ${missing[*]}; offered: $(tr '\n' ' ' <<<"$got")"
    failures=$((failures + 1))
  else
    echo "ok   [$shell] '$line'"
  fi
}

# refuse LINE WORD...: no WORD is among the candidates.
refuse() {
  local line=$1
  shift
  local got
  got=$(complete_line "$line")
  for word in "$@"; do
    if offered "$word" "$got"; then
      echo "FAIL [$shell] '$line': offered $word"
      failures=$((failures + 1))
      return
    fi
  done
  echo "ok   [$shell] '$line' (without $*)"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/keys"
touch "$scratch/tokens.txt" "$scratch/fixture.json" "$scratch/keys/convrs.key"
cd "$scratch" || exit 2
export CHATJWT_TEST_EXPORTED=1
CHATJWT_TEST_PRIVATE=1  # a shell variable, not in the environment: not offered

expect 'chatjwt ' sign decode verify lint completion
expect 'chatjwt ver' verify
expect 'chatjwt --' --help --version --man-page
# Every flag of every command, as its --help lists them.
for command in sign decode verify lint completion; do
  flags=$("$chatjwt" "$command" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  if [[ -z $flags ]]; then
    echo "FAIL [$shell] chatjwt $command --help lists no flag"
    failures=$((failures + 1))
    continue
  fi
  # shellcheck disable=SC2086
  expect "chatjwt $command --" $flags
done
expect 'chatjwt verify --profile ' auto convrs eloquent generic
expect 'chatjwt sign --profile elo' eloquent
expect 'chatjwt lint --format ' text json sarif github
expect 'chatjwt lint --format=s' sarif
expect 'chatjwt sign --format ' token html
expect 'chatjwt decode --color ' auto always never
expect 'chatjwt verify --secret-encoding base' base64 base64url
expect 'chatjwt completion ' bash zsh fish
expect 'chatjwt verify --secret-env CHATJWT_TEST_' CHATJWT_TEST_EXPORTED
refuse 'chatjwt verify --secret-env CHATJWT_TEST_' CHATJWT_TEST_PRIVATE
expect 'chatjwt verify --batch tok' tokens.txt
expect 'chatjwt sign --secret-file keys/' keys/convrs.key
expect 'chatjwt lint fix' fixture.json
expect 'chatjwt sign fix' fixture.json
# A token is no file: nothing from the folder is offered for verify's argument.
refuse 'chatjwt verify tok' tokens.txt
# A value nobody can guess (a duration) gets no file names either.
refuse 'chatjwt sign --expires-in ' tokens.txt fixture.json

if ((failures)); then
  echo "$failures completion check(s) failed in $shell"
  exit 1
fi
