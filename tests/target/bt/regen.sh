#!/bin/sh
# SPDX-License-Identifier: MIT
# regen.sh SENSEC SENSEASM SENSEVM-RUN [--check DIR] — (re)make the on-target backtrace test's
# files (fw_backtrace, issue 15) with the native tools (the cross build has none):
#   bt.s          sensec -S bt.ml (not remade with --check: a codegen change must not
#                 make the target's expected pcs stale; remake it on purpose)
#   bt_svm.c      bt.s + main.s (sensec's entry stub) linked, as `senseasm --format=c`
#   bt.console    the fault report the firmware must print: the desktop's
#                 `sensevm-run --no-sched --backtrace-pcs` of the same image (its stderr)
#   bt_console.c  bt.console as a C string, for the firmware to compare with
# With --check DIR the files are made in DIR and compared with the committed ones.
set -eu
sensec=$1 asm=$2 run=$3
here=$(cd "$(dirname "$0")" && pwd)
out=$here
if [ "${4:-}" = "--check" ]; then out=$5; mkdir -p "$out"; else (cd "$here" && "$sensec" -S bt.ml -o bt.s); fi
link="--heap 2K --stack 1K --name bt"
# shellcheck disable=SC2086
"$asm" -o "$out/bt.svm" $link "$here/bt.s" "$here/main.s"
# shellcheck disable=SC2086
"$asm" -o "$out/bt_svm.c" --format=c --symbol bt_svm $link "$here/bt.s" "$here/main.s"
"$run" --no-sched --backtrace-pcs "$out/bt.svm" > /dev/null 2> "$out/bt.console" || [ $? -eq 2 ]
{ echo "/* bt.console as a C string (regen.sh) */"
  echo "extern const char bt_console[];"
  echo "const char bt_console[] ="
  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/    "/; s/$/\\n"/' "$out/bt.console"
  echo "    ;"; } > "$out/bt_console.c"
if [ "$out" != "$here" ]; then
  for f in bt_svm.c bt.console bt_console.c; do
    cmp -s "$out/$f" "$here/$f" || { echo "regen.sh: $f is stale: run tests/target/bt/regen.sh build/compiler/sensec build/assembler/senseasm build/runtime/sensevm-run" >&2; exit 1; }
  done
  echo "regen.sh: bt_svm.c, bt.console, bt_console.c up to date"
else
  rm -f "$out/bt.svm"
fi
