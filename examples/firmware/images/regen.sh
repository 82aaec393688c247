#!/bin/sh
# SPDX-License-Identifier: MIT
# regen.sh SENSEASM [--check DIR] — (re)make the firmware example's container images as
# the C arrays `senseasm --format=c` writes (blinky_svm.c, logger_svm.c): the cross build
# builds no host tools, so they are committed. With --check DIR they are made in DIR and
# compared with the committed ones (the native test install/example-images).
set -eu
asm=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$here
if [ "${2:-}" = "--check" ]; then out=$3; mkdir -p "$out"; fi
for p in blinky logger; do
  "$asm" -o "$out/${p}_svm.c" --format=c --symbol "${p}_svm" "$here/$p.s"
done
if [ "$out" != "$here" ]; then
  for p in blinky logger; do
    cmp -s "$out/${p}_svm.c" "$here/${p}_svm.c" || { echo "regen.sh: ${p}_svm.c is stale: run examples/firmware/images/regen.sh build/assembler/senseasm" >&2; exit 1; }
  done
  echo "regen.sh: 2 images up to date"
fi
