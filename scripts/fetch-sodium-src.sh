#!/bin/sh
# SPDX-License-Identifier: MIT
# fetch-sodium-src.sh [CACHE_DIR] — fetch Debian's libsodium source package (the 1.0.18
# series of Debian 12, with Debian's security patches applied) and unpack it into
# CACHE_DIR/libsodium (default: ${SVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sensevm}),
# outside the source tree. Prints the absolute path of the unpacked tree on stdout: pass it
# to a cross build as `-Dsodium_src=PATH` to get Ed25519 signature verification on the target
# (docs/flash.md §5a). Nothing from it is committed to this repository.
#
# Idempotent: an unpacked tree with its stamp file is reused without any network access.
# The source comes through apt itself (`apt-get source --download-only`), which checks the
# files against the archive's signed index; the deb-src entries are derived from this
# machine's own apt sources (the deb lines, with deb-src instead), in a private apt state
# directory, so the system's apt configuration is not changed. Needs apt-get and dpkg-source
# (package dpkg-dev; scripts/install-deps.sh installs it). Exit 1 (with a message on stderr)
# if the source cannot be had, e.g. without network.
set -eu
cache=${1:-${SVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sensevm}}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
dest=$cache/libsodium
# the files the target build compiles (runtime/port/cortexm/meson.build)
need="src/libsodium/crypto_sign/ed25519/ref10/open.c src/libsodium/crypto_core/ed25519/ref10/ed25519_ref10.c
  src/libsodium/crypto_hash/sha512/cp/hash_sha512_cp.c src/libsodium/include/sodium/crypto_sign_ed25519.h"

complete() {
    [ -f "$1/.svm-fetched" ] || return 1
    for f in $need; do [ -f "$1/$f" ] || return 1; done
}

if complete "$dest"; then
    echo "fetch-sodium-src: using $dest ($(cat "$dest/.svm-fetched"))" >&2
    echo "$dest"
    exit 0
fi
for t in apt-get dpkg-source; do
    command -v "$t" > /dev/null || { echo "fetch-sodium-src: $t not found (apt-get install dpkg-dev)" >&2; exit 1; }
done

work=$cache/apt-work
rm -rf "$work"
mkdir -p "$work/parts" "$work/lists/partial" "$work/cache/archives/partial" "$work/dl"
# deb-src twins of the machine's deb sources (deb822 .sources files and one-line .list files)
n=0
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    grep -q '^Types:.*\bdeb\b' "$f" || continue
    sed 's/^Types:.*/Types: deb-src/' "$f" > "$work/parts/src$n.sources"
    n=$((n + 1))
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    grep '^[[:space:]]*deb[[:space:]]' "$f" | sed 's/^[[:space:]]*deb[[:space:]]/deb-src /' > "$work/parts/src$n.list" || true
    n=$((n + 1))
done
apt() {
    apt-get -q -o Dir::Etc::SourceList="$work/none.list" -o Dir::Etc::SourceParts="$work/parts" \
        -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" \
        -o APT::Sandbox::User=root "$@"
}
echo "fetch-sodium-src: fetching the libsodium source package with apt-get source" >&2
# A source without deb-src indexes (a third-party repository) fails the update as a whole
# but not the others, so only the `source` step decides.
apt update > "$work/update.log" 2>&1 ||
    echo "fetch-sodium-src: apt-get update reported errors (see $work/update.log); trying anyway" >&2
if ! (cd "$work/dl" && apt source --download-only libsodium) > "$work/source.log" 2>&1; then
    echo "fetch-sodium-src: apt-get source libsodium failed (no network?); see $work/update.log and $work/source.log" >&2
    exit 1
fi
dsc=$(ls "$work"/dl/libsodium_1.0.18*.dsc 2> /dev/null | tail -n 1)
if [ -z "$dsc" ]; then
    echo "fetch-sodium-src: no libsodium 1.0.18 source package in $work/dl (got: $(ls "$work/dl"))" >&2
    exit 1
fi
rm -rf "$dest.tmp"
# the archive's signed index already vouched for the files; dpkg-source re-checks the
# checksums of the .dsc and applies Debian's patches (debian/patches/series)
if ! dpkg-source -x "$dsc" "$dest.tmp" > "$work/unpack.log" 2>&1; then
    echo "fetch-sodium-src: dpkg-source -x failed; see $work/unpack.log" >&2
    exit 1
fi
basename "$dsc" .dsc > "$dest.tmp/.svm-fetched"
complete "$dest.tmp" || { echo "fetch-sodium-src: unexpected source layout in $dest.tmp" >&2; exit 1; }
rm -rf "$dest"
mv "$dest.tmp" "$dest"
rm -rf "$work"
rm -f "$cache"/libsodium_*.orig.tar.* "$cache"/libsodium_*.debian.tar.*  # dpkg-source's copies
echo "fetch-sodium-src: unpacked $(cat "$dest/.svm-fetched") into $dest" >&2
echo "$dest"
