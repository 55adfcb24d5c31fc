#!/usr/bin/env bash
# verify --batch --jobs under ThreadSanitizer (the tsan preset): the worker threads, the chunk
# ring and the shared key ring must show no data race, and every N must print what N=1 prints.
# usage: batch_jobs.sh CHATJWT PYTHON
set -euo pipefail
chatjwt=$1
python=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}"
secret=tsan-secret-0123456789abcdef-0123456789
now=1776954600
# Valid tokens, with garbage, comments, a line over 1 MiB and tokens signed otherwise mixed in.
"$python" "$here/../bench/make_tokens.py" 1500 "$secret" "$now" > "$work/good.txt"
"$python" "$here/../bench/make_tokens.py" 300 other-secret-0123456789abcdef0123 "$now" > "$work/other.txt"
{
  head -700 "$work/good.txt"
  printf 'not a token\n# a comment\n\n'
  head -c 1100000 /dev/zero | tr '\0' 'A'
  printf '\n'
  cat "$work/other.txt"
  tail -800 "$work/good.txt"
} > "$work/batch.txt"

status=0
for mode in "--no-lint" "--no-lint --json" "" "--json"; do
  # shellcheck disable=SC2086 # mode is a list of flags
  CONVRS_SIGNING_SECRET=$secret "$chatjwt" verify --batch "$work/batch.txt" --now "$now" $mode \
    --jobs 1 > "$work/one.out" 2> "$work/one.err" || [ $? -eq 1 ]
  for jobs in 2 3 8; do
    rc=0
    # shellcheck disable=SC2086
    CONVRS_SIGNING_SECRET=$secret "$chatjwt" verify --batch "$work/batch.txt" --now "$now" $mode \
      --jobs "$jobs" > "$work/many.out" 2> "$work/many.err" || rc=$?
    if [ "$rc" -ne 1 ]; then
      echo "batch_jobs: '$mode' --jobs $jobs exited $rc (66: a ThreadSanitizer report)" >&2
      cat "$work/many.err" >&2
      status=1
    elif ! cmp -s "$work/one.out" "$work/many.out" || ! cmp -s "$work/one.err" "$work/many.err"; then
      echo "batch_jobs: '$mode' --jobs $jobs printed something else than --jobs 1" >&2
      status=1
    fi
  done
done
# No variable set: every line cannot be judged, from every thread at once.
rc=0
env -u CONVRS_SIGNING_SECRET "$chatjwt" verify --batch "$work/batch.txt" --now "$now" --jobs 4 \
  > /dev/null 2> "$work/unset.err" || rc=$?
if [ "$rc" -ne 2 ]; then
  echo "batch_jobs: with no secret, --jobs 4 exited $rc, not 2" >&2
  head -5 "$work/unset.err" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "batch_jobs: 4 modes x 3 thread counts agree with --jobs 1, no data race"
exit "$status"
