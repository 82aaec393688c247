#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""board-footprint.py BOARD.board FIRMWARE.map - a board firmware's memory budget, measured
from its GNU ld map (docs/boards.md's footprint tables; scripts/boards.sh prints it for each
board): flash (code + initialised data) and RAM (data + bss) of the VM, the chip port, the
firmware's own code, picolibc, the C stack, and the RAM left to containers (the firmware's
container pool, the `pool` array), against the board's firmware flash and RAM
(boards/BOARD.board: firmware_size, ram_size). Markdown, ready for docs/boards.md."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, '..', 'tests', 'target'))
import board  # noqa: E402  (scripts/board.py: the .board parser)
import size_report  # noqa: E402  (tests/target/size_report.py: the map parser)


def symbol(text, name):
    m = re.search(r'^\s+0x([0-9a-f]+)\s+(?:PROVIDE \()?' + re.escape(name) + r' = ', text, re.M)
    return int(m.group(1), 16) if m else None


def section(text, name):
    m = re.search(r'^' + re.escape(name) + r'\s+0x[0-9a-f]+\s+0x([0-9a-f]+)', text, re.M)
    return int(m.group(1), 16) if m else 0


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    keys, _ = board.parse(argv[1])
    text = open(argv[2], encoding='utf-8').read()
    sizes = size_report.component_sizes(text)

    def get(part, *kinds):
        return sum(sizes.get(part, {}).get(k, 0) for k in kinds)

    pool = section(text, ' .bss.pool')
    stack = symbol(text, '__stack_size') or section(text, '.stack')
    bss_end = symbol(text, '__bss_end')
    vm = ['runtime', 'scheduler', 'loader', 'bytecode-spec']
    port = next((p for p in sizes if p.endswith(' port')), None)
    rows = [('VM: ' + ' + '.join(f'{n} {get(p, "code", "data"):,}' for n, p in
                                 zip(['runtime', 'scheduler', 'loader', 'bytecode library'], vm)),
             sum(get(p, 'code', 'data') for p in vm), sum(get(p, 'data', 'bss') for p in vm))]
    if port:
        rows.append((f'{port} (HAL, drivers)', get(port, 'code', 'data'), get(port, 'data', 'bss')))
    rows += [('firmware main (scheduler state, container records, boot)',
              get('firmware', 'code', 'data'), get('firmware', 'data', 'bss') - pool),
             ('picolibc (printf, memcpy, soft-float ...)', get('libc (picolibc)', 'code', 'data'),
              get('libc (picolibc)', 'data', 'bss')),
             ('C stack', None, stack),
             ('**containers** (the firmware\'s pool: heaps, stacks, contexts)', None, pool)]
    # the totals from the link's own symbols: flash up to the end of .data's load image, RAM
    # up to the end of .bss plus the C stack; 'other' is what no component owns (the vector
    # table's alignment, fill between sections)
    flash = symbol(text, '__data_source') + symbol(text, '__data_size') - keys['flash_base']
    used = bss_end - keys['ram_base'] + stack
    rows.insert(-2, ('other (alignment, fill, vector table padding)',
                     flash - sum(r[1] or 0 for r in rows), used - sum(r[2] for r in rows)))
    fw_flash = keys.get('firmware_size', keys['flash_size'])
    print(f'{keys["name"]}: {os.path.basename(argv[2])}\n')
    print('| part | flash (code + data) | RAM (data + bss) |')
    print('|---|---:|---:|')
    for name, fl, ram in rows:
        print(f'| {name} | {"—" if fl is None else f"{fl:,}"} | {ram:,} |')
    print(f'| **total** | **{flash:,}** of {fw_flash:,} (firmware flash) | **{used:,}** of '
          f'{keys["ram_size"]:,} |')
    print(f'\nRAM for containers: {pool:,} bytes ({pool * 100 // keys["ram_size"]}% of the RAM; '
          f'the board file says container_ram = {keys["container_ram"]:,}); RAM unused: '
          f'{keys["ram_size"] - used:,} bytes; flash left for the firmware: '
          f'{fw_flash - flash:,} bytes')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
