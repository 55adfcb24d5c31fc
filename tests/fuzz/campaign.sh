#!/usr/bin/env bash
# A longer fuzzing run than CI's: every target for SECONDS (default 600), two at a time,
# continuing from the corpus the build folder has grown. Prints one line of figures per target;
# the full logs stay in build/fuzz/tests/fuzz/logs. Build first: cmake --workflow --preset fuzz
# Usage: tests/fuzz/campaign.sh [SECONDS] [PARALLEL]
set -euo pipefail
seconds=${1:-600}
parallel=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/fuzz/tests/fuzz
mkdir -p "$bin/logs" "$bin/artifacts"
targets=(base64url json token lint token_finder timespec)
run_one() {
  local name=$1 options=()
  [ -f "$root/tests/fuzz/$name.dict" ] && options+=("-dict=$root/tests/fuzz/$name.dict")
  mkdir -p "$bin/corpus/$name"
  "$bin/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$bin/artifacts/fuzz_$name-" "${options[@]}" \
    "$bin/corpus/$name" "$root/tests/fuzz/corpus/$name" >"$bin/logs/$name.log" 2>&1
  echo "$name: exit $?"
}
export -f run_one
export root bin seconds
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'run_one {}' || true
for name in "${targets[@]}"; do
  log=$bin/logs/$name.log
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  crash=$(grep -cE '^==[0-9]+==ERROR|check failed|SUMMARY: ' "$log" || true)
  printf '%-13s execs %-10s per s %-7s findings %s | %s\n' "$name" "$execs" "$rate" "$crash" \
    "$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*')"
done
