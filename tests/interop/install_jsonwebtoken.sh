#!/usr/bin/env bash
# Installs the pinned jsonwebtoken (tests/interop/jsonwebtoken/package-lock.json) into DEST with
# npm ci, for the differential test. Test set-up only; skipped when DEST already has it.
set -euo pipefail
dest=$1
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$dest/node_modules/jsonwebtoken/package.json" ] &&
  cmp -s "$here/jsonwebtoken/package-lock.json" "$dest/package-lock.json" && exit 0
# Debian's node trusts its own CA list; let it use the system's store too (a proxy's CA).
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] || [ ! -f /etc/ssl/certs/ca-certificates.crt ] ||
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
mkdir -p "$dest"
cp "$here/jsonwebtoken/package.json" "$here/jsonwebtoken/package-lock.json" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error
