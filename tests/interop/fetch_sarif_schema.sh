#!/usr/bin/env bash
# Fetches the SARIF 2.1.0 JSON schema (OASIS) into DEST by npm, from the package that ships it:
# @microsoft/jest-sarif 1.0.0-beta.0, lib/schemas/sarif-2.1.0-rtm.5.json. Test set-up only.
set -euo pipefail
dest=$1
[ -s "$dest/sarif-2.1.0-rtm.5.json" ] && exit 0
# Debian's node trusts its own CA list; let it use the system's store too (a proxy's CA).
[ -n "${NODE_EXTRA_CA_CERTS:-}" ] || [ ! -f /etc/ssl/certs/ca-certificates.crt ] ||
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
mkdir -p "$dest"
cd "$dest"
tarball=$(npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 2>/dev/null | tail -n 1)
tar xzf "$tarball" package/lib/schemas/sarif-2.1.0-rtm.5.json
mv package/lib/schemas/sarif-2.1.0-rtm.5.json .
rm -rf package "$tarball"
