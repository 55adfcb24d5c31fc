#!/usr/bin/env bash
# Prints, one per line, the candidates fish offers for a command line (its second argument),
# using completions/chatjwt.fish, without their descriptions. Run from the directory whose
# files should be offered.
# usage: fish_complete.sh SCRIPT LINE
set -uo pipefail
CHATJWT_SCRIPT=$1 CHATJWT_LINE=$2 fish --no-config -c \
  'source $CHATJWT_SCRIPT; and complete --do-complete=$CHATJWT_LINE' | cut -f1 | sort -u
