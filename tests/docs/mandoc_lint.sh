#!/usr/bin/env bash
# mandoc -Tlint, at its most demanding level (style), finds nothing in the man page.
# usage: mandoc_lint.sh MAN_PAGE
set -uo pipefail
out=$(mandoc -Tlint -W style "$1" 2>&1)
status=$?
if [[ -n $out || $status -ne 0 ]]; then
  echo "$out"
  echo "mandoc -Tlint: status $status"
  exit 1
fi
echo "mandoc -Tlint: nothing to report"
