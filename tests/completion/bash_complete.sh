#!/usr/bin/env bash
# Prints, one per line, the candidates bash (with Debian's bash-completion) offers for a command
# line (its second argument, as typed), using completions/chatjwt.bash. Words are split as bash
# splits them for completion: at spaces and around '=' (COMP_WORDBREAKS). Run from the
# directory whose files should be offered.
# usage: bash_complete.sh SCRIPT LINE
set -uo pipefail
script=$1
line=$2
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion || exit 2
# shellcheck disable=SC1090
source "$script" || exit 2
read -r -a COMP_WORDS <<<"${line//=/ = }"
[[ $line == *' ' || $line == *'=' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
COMPREPLY=()
_chatjwt chatjwt "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}" | sort -u
