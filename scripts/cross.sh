#!/bin/sh
# SPDX-License-Identifier: MIT
# Cross-build the freestanding parts (bytecode-spec, loader, runtime without the posix port)
# for Cortex-M4F with arm-none-eabi-gcc + picolibc at -Os, run the on-target tests under QEMU,
# and print the code size of runtime + loader (target: <= 24 KB).
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build-arm}
[ -f "$dir/build.ninja" ] || meson setup "$dir" --cross-file cross/cortex-m4f-mps2.ini
ninja -C "$dir"
meson test -C "$dir" --print-errorlogs
echo "== Cortex-M4F code size (arm-none-eabi-size, -Os, Thumb-2)"
total=0
for lib in bytecode-spec/libsvbc.a loader/libsvl.a runtime/libsvm.a; do
  [ -f "$dir/$lib" ] || continue
  t=$(arm-none-eabi-size -t "$dir/$lib" | awk '/\(TOTALS\)/ {print $1 + $2}')
  printf '%-28s %7d bytes (text+data)\n' "$lib" "$t"
  total=$((total + t))
done
printf '%-28s %7d bytes (target 24576)\n' "total" "$total"
