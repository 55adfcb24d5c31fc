#!/usr/bin/env bash
# Source coverage of the core library reached by the fuzz corpora: builds the fuzz targets with
# Clang's coverage instrumentation (no sanitizers) in build/fuzz-coverage, runs each over its
# seeds and the corpus the fuzz build has grown, and prints llvm-cov's report for lib/chatjwt.
# Usage: tests/fuzz/coverage.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/fuzz-coverage
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCHATJWT_FUZZ=ON -DCHATJWT_COVERAGE=ON -DCHATJWT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzzers >/dev/null
rm -rf "$build/profiles" && mkdir -p "$build/profiles"
objects=()
for name in base64url json token lint token_finder timespec; do
  grown=$root/build/fuzz/tests/fuzz/corpus/$name
  dirs=("$root/tests/fuzz/corpus/$name")
  [ -d "$grown" ] && dirs+=("$grown")
  LLVM_PROFILE_FILE="$build/profiles/$name.profraw" \
    "$build/tests/fuzz/fuzz_$name" -runs=0 "${dirs[@]}" >/dev/null 2>&1
  objects+=(-object "$build/tests/fuzz/fuzz_$name")
done
llvm-profdata merge -sparse "$build"/profiles/*.profraw -o "$build/profiles/all.profdata"
llvm-cov report "${objects[@]:1}" -instr-profile="$build/profiles/all.profdata" \
  "$root/lib/chatjwt" 2>/dev/null
