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
echo "== Cortex-M4F code size (arm-none-eabi-size of the archives, -Os, Thumb-2)"
size_of() { arm-none-eabi-size -t "$dir/$1" | awk '/\(TOTALS\)/ {print $1 + $2}'; }
rt=$(size_of runtime/libsvm.a); ld=$(size_of loader/libsvl.a); bc=$(size_of bytecode-spec/libsvbc.a)
printf '%-34s %7d bytes\n' "runtime (libsvm.a)" "$rt" "loader (libsvl.a)" "$ld"
printf '%-34s %7d bytes (target 24576)\n' "runtime + loader" "$((rt + ld))"
printf '%-34s %7d bytes (opcode/service tables, CRC, SHA-256)\n' "bytecode library (libsvbc.a)" "$bc"
printf '%-34s %7d bytes\n' "all three" "$((rt + ld + bc))"
