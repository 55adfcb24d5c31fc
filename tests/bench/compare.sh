#!/usr/bin/env bash
# chatjwt against the verifiers people use today, on this machine: tokens per second in one
# process (median of RUNS), and the wall time of a fresh process verifying one token.
#
# usage: tests/bench/compare.sh [BUILD_DIR] [TOKENS] [RUNS] [chatjwt-only]
#        (default: build/release 200000 5; chatjwt-only: no peers, chatjwt's rows and scaling)
#
# Installs what is missing (as root, from Debian: jose, libjwt-dev, python3-jwt, hyperfine,
# gcc, nodejs, npm) and the pinned npm peers (tests/bench/peers/package-lock.json: fast-jwt
# 4.0.5, the last that runs on Debian 12's Node 18, and jsonwebtoken 9.0.3) into
# BUILD_DIR/bench-peers. Not part of the test run: figures from a busy machine mean little.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build/release}" && pwd)
tokens=${2:-200000}
runs=${3:-5}
only=${4:-}
if [ -n "$only" ] && [ "$only" != chatjwt-only ]; then
  echo "compare.sh: the fourth argument is chatjwt-only or nothing" >&2
  exit 2
fi
[ -x "$build/cli/chatjwt" ] || { echo "compare.sh: build chatjwt first ($build/cli/chatjwt)" >&2; exit 2; }

if [ -n "$only" ]; then
  mkdir -p "$build/bench-peers"
  exec /usr/bin/python3 "$here/compare.py" "$build/cli/chatjwt" "$build/bench-peers" "$tokens" \
    "$runs" chatjwt-only
fi

# Debian packages, only those missing.
need=()
command -v jose >/dev/null || need+=(jose)
[ -f /usr/include/jwt.h ] || need+=(libjwt-dev)
/usr/bin/python3 -c 'import jwt' 2>/dev/null || need+=(python3-jwt)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v gcc >/dev/null || need+=(gcc)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "compare.sh: missing ${need[*]}; run as root, or install them" >&2
    exit 2
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

peers=$build/bench-peers
mkdir -p "$peers"
if ! cmp -s "$here/peers/package-lock.json" "$peers/package-lock.json" ||
   [ ! -f "$peers/node_modules/fast-jwt/package.json" ]; then
  [ -n "${NODE_EXTRA_CA_CERTS:-}" ] || [ ! -f /etc/ssl/certs/ca-certificates.crt ] ||
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  cp "$here/peers/package.json" "$here/peers/package-lock.json" "$peers/"
  (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error)
fi
gcc -O2 -o "$peers/libjwt_verify" "$here/peers/libjwt_verify.c" -ljwt

exec /usr/bin/python3 "$here/compare.py" "$build/cli/chatjwt" "$peers" "$tokens" "$runs"
