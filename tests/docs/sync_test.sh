#!/usr/bin/env bash
# The committed man page and completion scripts are exactly what the binary generates from its
# command-line definition: a new or changed option that was not regenerated fails here.
# usage: sync_test.sh CHATJWT SOURCE_DIR
set -uo pipefail
chatjwt=$1
source_dir=$2
failures=0
check() {
  local file=$1
  shift
  if ! diff -u "$source_dir/$file" <("$chatjwt" "$@") >/tmp/chatjwt-sync.$$ 2>&1; then
    echo "FAIL $file differs from 'chatjwt $*':"
    head -40 /tmp/chatjwt-sync.$$
    failures=$((failures + 1))
  else
    echo "ok   $file"
  fi
  rm -f /tmp/chatjwt-sync.$$
}
check man/chatjwt.1 --man-page
check completions/chatjwt.bash completion bash
check completions/_chatjwt completion zsh
check completions/chatjwt.fish completion fish
if ((failures)); then
  echo "regenerate them: cmake --build --preset release --target docs"
  exit 1
fi
