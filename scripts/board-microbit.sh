#!/bin/sh
# SPDX-License-Identifier: MIT
# The BBC micro:bit v1 board (boards/microbit.board): cross-build the firmware and the board
# tests for the nRF51822 (Cortex-M0, ARMv6-M) with cross/microbit.ini, run them under QEMU's
# microbit machine (meson test --suite microbit), and print the footprint from the
# firmware's link map (docs/boards.md (micro:bit section), "Memory budget").
#   sh scripts/board-microbit.sh [BUILDDIR]       (default build-microbit)
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build-microbit}
cross=cross/microbit.ini
if [ -f "$dir/build.ninja" ] && [ "$cross" -nt "$dir/meson-private/coredata.dat" ]; then
    # Meson keeps a machine file's built-in options from the first setup: start afresh
    meson setup --wipe "$dir" --cross-file "$cross"
elif [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --cross-file "$cross"
fi
ninja -C "$dir"
meson test -C "$dir" --suite microbit --print-errorlogs
map=$dir/runtime/port/nrf51/sensevm-microbit.map
echo "== micro:bit firmware footprint (sensevm-microbit.elf, -Os Thumb-1; from $map)"
python3 tests/target/size_report.py "$map" 0
arm-none-eabi-size "$dir/runtime/port/nrf51/sensevm-microbit.elf"
python3 - "$map" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def sym(name):
    m = re.search(r'^\s+0x([0-9a-f]+)\s+' + re.escape(name) + r' = ', text, re.M)
    return int(m.group(1), 16)
def section_size(name):
    m = re.search(r'^' + re.escape(name) + r'\s+0x[0-9a-f]+\s+0x([0-9a-f]+)', text, re.M)
    return int(m.group(1), 16) if m else 0
pool = int(re.search(r'^ \.bss\.pool\s+0x[0-9a-f]+\s+0x([0-9a-f]+)', text, re.M).group(1), 16)
ram, stack = 16384, sym('__stack_size')
static = sym('__bss_end') - 0x20000000
print(f'RAM: firmware static data+bss {static - pool} B, C stack {stack} B, containers {pool} B, '
      f'unused {ram - static - stack} B (of {ram})')
PY
