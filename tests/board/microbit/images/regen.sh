#!/bin/sh
# SPDX-License-Identifier: MIT
# regen.sh SENSEC SENSEASM [--check DIR] — (re)make the committed images of the micro:bit
# board tests with the native tools (the cross build builds none), sized for 16 KB:
#   hello.svm blinky.svm   examples/hello.ml, examples/blinky.ml (the user flow)
#   echo.svm               progs/echo.ml (UART round trip)
#   nodev.svm              progs/nodev.s (claims a device the board lacks)
#   mb_images.c            C arrays for the TAP firmwares: tests/target/images/hello.s and
#                          update.s (two generations of one container), nodev, and the
#                          scheduler programs of tests/sched/progs/ with one context each (lo: progs/busy.s)
# With --check DIR the files are made in DIR and compared with the committed ones.
set -eu
cc=$1; asm=$2
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../../../..
out=$here
if [ "${3:-}" = "--check" ]; then out=$4; mkdir -p "$out"; fi
small="--heap 2K --stack 512 --contexts 1 --channels 1 --strip"
"$cc" -o "$out/hello.svm" "$top/examples/hello.ml" $small
"$cc" -o "$out/blinky.svm" "$top/examples/blinky.ml" $small --device led0
"$cc" -o "$out/echo.svm" "$here/../progs/echo.ml" $small --device uart0
"$asm" -o "$out/nodev.svm" "$here/../progs/nodev.s"
: > "$out/mb_images.c.tmp"
for p in hello update; do
  "$asm" -o "$out/$p.tmp.c" --format=c --symbol "mb_${p}_svm" --channels 1 \
    "$top/tests/target/images/$p.s"
  cat "$out/$p.tmp.c" >> "$out/mb_images.c.tmp"; rm -f "$out/$p.tmp.c"
done
"$asm" -o "$out/nodev.tmp.c" --format=c --symbol mb_nodev_svm "$here/../progs/nodev.s"
cat "$out/nodev.tmp.c" >> "$out/mb_images.c.tmp"; rm -f "$out/nodev.tmp.c"
for p in button divzero checksum hi; do
  "$asm" -o "$out/$p.tmp.c" --format=c --symbol "mb_${p}_svm" --contexts 1 --channels 1 \
    "$top/tests/sched/progs/$p.s"
  cat "$out/$p.tmp.c" >> "$out/mb_images.c.tmp"; rm -f "$out/$p.tmp.c"
done
"$asm" -o "$out/lo.tmp.c" --format=c --symbol mb_lo_svm --contexts 1 --channels 1 \
  "$here/../progs/busy.s"
cat "$out/lo.tmp.c" >> "$out/mb_images.c.tmp"; rm -f "$out/lo.tmp.c"
mv "$out/mb_images.c.tmp" "$out/mb_images.c"
if [ "$out" != "$here" ]; then
  for f in hello.svm blinky.svm echo.svm nodev.svm mb_images.c; do
    cmp -s "$out/$f" "$here/$f" || { echo "regen.sh: $f is stale: run tests/board/microbit/images/regen.sh build/compiler/sensec build/assembler/senseasm" >&2; exit 1; }
  done
  echo "regen.sh: 5 files up to date"
fi
