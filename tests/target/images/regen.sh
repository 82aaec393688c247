#!/bin/sh
# SPDX-License-Identifier: MIT
# regen.sh SENSEASM [--check DIR] — (re)make the committed on-target test images with the
# native senseasm (the cross build does not build host tools):
#   hello.svm, update.svm   raw images
#   hello_svm.c             hello.svm as the C array `senseasm --format=c` writes (blob path 1)
#   update.hex              update.svm as Intel HEX at 0x00300000 (blob path 3)
#   sched_svm.c             C arrays of scheduler test programs of tests/sched/progs/ (button,
#                           divzero, checksum, hi, lo) for fw_sched
# With --check DIR the files are made in DIR and compared with the committed ones (a native
# test, so that a senseasm or format change cannot leave them stale).
set -eu
asm=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$here
if [ "${2:-}" = "--check" ]; then out=$3; mkdir -p "$out"; fi
"$asm" -o "$out/hello.svm" "$here/hello.s"
"$asm" -o "$out/update.svm" "$here/update.s"
"$asm" -o "$out/hello_svm.c" --format=c --symbol hello_svm "$here/hello.s"
"$asm" -o "$out/update.hex" --format=ihex --base 0x00300000 "$here/update.s"
progs=$here/../../sched/progs
: > "$out/sched_svm.c.tmp"
for p in button divzero checksum hi lo; do
  "$asm" -o "$out/$p.tmp.c" --format=c --symbol "${p}_svm" "$progs/$p.s"
  cat "$out/$p.tmp.c" >> "$out/sched_svm.c.tmp"
  rm -f "$out/$p.tmp.c"
done
mv "$out/sched_svm.c.tmp" "$out/sched_svm.c"
if [ "$out" != "$here" ]; then
  for f in hello.svm update.svm hello_svm.c update.hex sched_svm.c; do
    cmp -s "$out/$f" "$here/$f" || { echo "regen.sh: $f is stale: run tests/target/images/regen.sh build/assembler/senseasm" >&2; exit 1; }
  done
  echo "regen.sh: 5 files up to date"
fi
