#!/bin/sh
# SPDX-License-Identifier: MIT
# outoftree.sh BUILD SRC HELLO_SVM.C — a firmware built out of tree from `meson install` of the cross
# build BUILD: headers and libraries found with pkg-config (sensevm-netduinoplus2 ->
# sensevm-sched -> sensevm), compiled with the board's flags, run on QEMU; it embeds
# HELLO_SVM.C (senseasm --format=c of tests/target/images/hello.s).
set -eu
build=$1 src=$2 hello=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --destdir "$tmp/stage" --no-rebuild >/dev/null
prefix=$(find "$tmp/stage" -name sensevm-netduinoplus2.pc -path '*pkgconfig*' | head -1)
[ -n "$prefix" ] || { echo "no sensevm-netduinoplus2.pc installed"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$prefix") PKG_CONFIG_SYSROOT_DIR=$tmp/stage
flags=$(pkg-config --cflags --libs sensevm-netduinoplus2)
stdio=$(find "$tmp/stage" -name st_stdio.c | head -1)
cpu="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16"
arm-none-eabi-gcc $cpu --specs=picolibc.specs --oslib=semihost -Os -std=c11 -Wall -Werror \
    -Wl,--defsym=__flash=0x08000000 -Wl,--defsym=__flash_size=0x00040000 \
    -Wl,--defsym=__ram=0x20000000 -Wl,--defsym=__ram_size=0x00020000 -Wl,--gc-sections \
    "$src/tests/board/programs/oot_fw.c" "$hello" "$stdio" \
    $flags -o "$tmp/fw.elf"
echo "built $tmp/fw.elf with: $flags"
out=$(timeout 30 qemu-system-arm -M netduinoplus2 -display none -monitor none -serial stdio \
    -semihosting-config enable=on,target=native -kernel "$tmp/fw.elf")
echo "$out"
echo "$out" | grep -q "out-of-tree firmware on netduinoplus2"
echo "$out" | grep -q "Hello from Sense-VM on Cortex-M"
