#!/bin/sh
# SPDX-License-Identifier: MIT
# Build and test the real boards (docs/boards.md): the host tools (native build, default
# `build`, or SENSEVM_HOST_BUILD: the cross builds make their images with its sensec and
# senseasm, and the board tests run sensec --board as a user does), then, for each board
# with a cross file, the cross build (build-<board>), its tests under QEMU, and the
# firmware's footprint from its link map (scripts/board-footprint.py).
# Usage: scripts/boards.sh [BOARD...] (default: every board that has cross/<board>.ini).
set -eu
cd "$(dirname "$0")/.."
host=${SENSEVM_HOST_BUILD:-build}
[ -f "$host/build.ninja" ] || meson setup "$host"
ninja -C "$host" compiler/sensec assembler/senseasm stdlib/libsense.a
host=$(cd "$host" && pwd)
boards=${*:-}
if [ -z "$boards" ]; then
    for f in boards/*.board; do
        b=$(basename "$f" .board)
        [ -f "cross/$b.ini" ] && boards="$boards $b"
    done
fi
for b in $boards; do
    dir=build-$b
    if [ -f "$dir/build.ninja" ] && [ "cross/$b.ini" -nt "$dir/meson-private/coredata.dat" ]; then
        meson setup --wipe "$dir" --cross-file "cross/$b.ini" "-Dhost_build=$host"
    elif [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" --cross-file "cross/$b.ini" "-Dhost_build=$host"
    else
        meson configure "$dir" "-Dhost_build=$host"
    fi
    ninja -C "$dir"
    SENSEVM_HOST_BUILD=$host meson test -C "$dir" --print-errorlogs
    echo "== $b: footprint (scripts/board-footprint.py; docs/boards.md's memory budget)"
    chip=$(python3 scripts/board.py get chip "boards/$b.board")
    for map in "$dir/runtime/port/$chip"/*.map; do
        python3 scripts/board-footprint.py "boards/$b.board" "$map"
    done
done
