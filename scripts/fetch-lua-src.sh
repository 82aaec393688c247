#!/bin/sh
# SPDX-License-Identifier: MIT
# fetch-lua-src.sh [CACHE_DIR] — fetch Debian's lua5.4 source package (with Debian's patches
# applied) and unpack it into CACHE_DIR/lua5.4 (default:
# ${SVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sensevm}), outside the source tree.
# Prints the absolute path of the unpacked tree on stdout. bench/target/run.sh builds Lua 5.4
# from it for the Cortex-M4 board, to compare the two interpreters on the target (guest
# instructions per benchmark, code size). Nothing from it is committed to this repository.
#
# Done as scripts/fetch-sodium-src.sh does it: idempotent (an unpacked tree with its stamp
# file is reused without network access); the source comes through apt itself (`apt-get
# source --download-only`, checked against the archive's signed index) with deb-src entries
# derived from the machine's own deb lines, in a private apt state directory, so the system's
# apt configuration is not changed. Needs apt-get and dpkg-source (dpkg-dev). Exit 1 (with a
# message on stderr) if the source cannot be had, e.g. without network.
set -eu
cache=${1:-${SVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sensevm}}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
dest=$cache/lua5.4
say() { echo "fetch-lua-src: $*" >&2; }
# the files bench/target/run.sh compiles
need="src/lua.h src/lapi.c src/lvm.c src/lauxlib.c src/lbaselib.c src/lcorolib.c"

complete() {
    [ -f "$1/.svm-fetched" ] || return 1
    for f in $need; do [ -f "$1/$f" ] || return 1; done
}

if complete "$dest"; then
    say "using $dest ($(cat "$dest/.svm-fetched"))"
    echo "$dest"
    exit 0
fi
for t in apt-get dpkg-source; do
    command -v "$t" > /dev/null || { say "$t not found (apt-get install dpkg-dev)"; exit 1; }
done

work=$cache/apt-work-lua
rm -rf "$work"
rm -f "$cache"/lua5.4_*.orig.tar.* "$cache"/lua5.4_*.debian.tar.*  # dpkg-source's copies
mkdir -p "$work/parts" "$work/lists/partial" "$work/cache/archives/partial" "$work/dl"
n=0
for f in /etc/apt/sources.list.d/*.sources; do  # deb822 files: Types: deb -> deb-src
    [ -f "$f" ] && grep -q '^Types:.*\bdeb\b' "$f" || continue
    sed 's/^Types:.*/Types: deb-src/' "$f" > "$work/parts/src$n.sources"
    n=$((n + 1))
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do  # one-line files
    [ -f "$f" ] || continue
    grep '^[[:space:]]*deb[[:space:]]' "$f" | sed 's/^[[:space:]]*deb[[:space:]]/deb-src /' \
        > "$work/parts/src$n.list" || true
    n=$((n + 1))
done
# apt reads this file (APT_CONFIG) before the system's configuration: a private source
# list and state, so that nothing of the system's apt state is touched
cat > "$work/apt.conf" << EOF
Dir::Etc::SourceList "$work/none.list";
Dir::Etc::SourceParts "$work/parts";
Dir::State::Lists "$work/lists";
Dir::Cache "$work/cache";
APT::Sandbox::User "root";
EOF
apt_private() { APT_CONFIG=$work/apt.conf apt-get -q "$@"; }
say "fetching the lua5.4 source package with apt-get source"
apt_private update > "$work/update.log" 2>&1 ||
    say "apt-get update reported errors (see $work/update.log); trying anyway"
if ! (cd "$work/dl" && apt_private source --download-only lua5.4) > "$work/source.log" 2>&1; then
    say "apt-get source lua5.4 failed (no network?); see $work/update.log and $work/source.log"
    exit 1
fi
dsc=$(ls "$work"/dl/lua5.4_5.4*.dsc 2> /dev/null | tail -n 1)
[ -n "$dsc" ] || { say "no lua5.4 source package in $work/dl (got: $(ls "$work/dl"))"; exit 1; }
rm -rf "$dest.tmp"
if ! dpkg-source -x "$dsc" "$dest.tmp" > "$work/unpack.log" 2>&1; then
    say "dpkg-source -x failed; see $work/unpack.log"
    exit 1
fi
basename "$dsc" .dsc > "$dest.tmp/.svm-fetched"
complete "$dest.tmp" || { say "unexpected source layout in $dest.tmp"; exit 1; }
rm -rf "$dest"
mv "$dest.tmp" "$dest"
rm -rf "$work"
rm -f "$cache"/lua5.4_*.orig.tar.* "$cache"/lua5.4_*.debian.tar.*  # dpkg-source's copies
say "unpacked $(cat "$dest/.svm-fetched") into $dest"
echo "$dest"
