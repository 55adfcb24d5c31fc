#!/usr/bin/env bash
# The Debian package: cpack -G DEB builds it from the build folder, dpkg installs it into a
# scratch root (its own dpkg database, nothing outside it touched), and the installed files are
# where Debian keeps them; chatjwt --version runs from there and names chatjwt's and OpenSSL's
# versions.
# usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$(realpath "$1")
version=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/out/chatjwt_"$version"_*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# The scratch root's database is empty, so the dependencies (libc6, libssl3, ...) are the
# machine's own: --force-depends. --force-not-root lets the test run as any user.
dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless \
  --log=/dev/null -i "$deb" >"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log"; exit 1; }
dpkg --root="$root" -s chatjwt | grep -q '^Status: install ok installed'

for file in usr/bin/chatjwt usr/share/man/man1/chatjwt.1.gz \
  usr/share/bash-completion/completions/chatjwt usr/share/zsh/vendor-completions/_chatjwt \
  usr/share/fish/vendor_completions.d/chatjwt.fish; do
  [[ -f $root/$file ]] || { echo "missing /$file"; exit 1; }
  dpkg --root="$root" -S "/$file" >/dev/null || { echo "/$file is not the package's"; exit 1; }
done

out=$("$root/usr/bin/chatjwt" --version)
echo "$out"
[[ $out =~ ^chatjwt\ ${version//./\\.}\ \(OpenSSL\ [0-9]+\.[0-9]+\.[0-9]+ ]] ||
  { echo "unexpected --version output"; exit 1; }

# The installed page is the committed one, compressed.
gzip -dc "$root/usr/share/man/man1/chatjwt.1.gz" | cmp - "$(dirname "$0")/../../man/chatjwt.1"
# The package's dependencies name OpenSSL's library.
dpkg-deb -f "$deb" Depends | grep -q 'libssl3'
echo "package ok"
