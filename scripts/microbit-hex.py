#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""microbit-hex.py FIRMWARE.hex [IMAGE...] -o OUT.hex [--board boards/microbit.board]

One Intel HEX file to drag onto the micro:bit's USB drive (or to give QEMU: -kernel or
-device loader,file=OUT.hex): the firmware's HEX (sensevm-microbit.hex) merged with the
images for the containers. IMAGE k (0, 1, ...) goes to container k's inbox, at
inbox + k * inbox_size from the board description; the firmware installs it into one of
container k's A/B slots at boot (docs/boards.md (micro:bit section)). An IMAGE is a raw image (.svm)
or senseasm's Intel HEX (--format=ihex --base ADDRESS), which must already lie in an
inbox. Overlapping data or data outside the flash is an error."""
import os
import re
import sys


def fail(msg):
    sys.stderr.write(f'microbit-hex.py: error: {msg}\n')
    sys.exit(1)


def board_keys(path):
    keys = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if '=' in line:
                k, v = (s.strip() for s in line.split('=', 1))
                if k != 'device':
                    keys[k] = v
    def num(k):
        m = re.fullmatch(r'(0[xX][0-9a-fA-F]+|[0-9]+)([KM]?)', keys.get(k, ''))
        if not m:
            fail(f'{path}: no numeric key {k!r}')
        return int(m.group(1), 0) * {'': 1, 'K': 1024, 'M': 1 << 20}[m.group(2)]
    return {k: num(k) for k in ('flash_base', 'flash_size', 'inbox', 'inbox_size',
                                'containers', 'firmware_size')}


def read_hex(path):
    """Return {address: byte} of an Intel HEX file (types 00, 01, 02, 04, 03, 05)."""
    data, base = {}, 0
    with open(path, encoding='ascii') as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            if not line.startswith(':'):
                fail(f'{path}:{n}: not an Intel HEX record')
            try:
                rec = bytes.fromhex(line[1:])
            except ValueError:
                fail(f'{path}:{n}: bad hex digits')
            if len(rec) < 5 or len(rec) != rec[0] + 5 or sum(rec) & 0xff:
                fail(f'{path}:{n}: bad record length or checksum')
            kind, addr, payload = rec[3], rec[1] << 8 | rec[2], rec[4:-1]
            if kind == 0:
                for i, b in enumerate(payload):
                    data[base + addr + i] = b
            elif kind == 1:
                break
            elif kind == 2:
                base = int.from_bytes(payload, 'big') << 4
            elif kind == 4:
                base = int.from_bytes(payload, 'big') << 16
            elif kind not in (3, 5):
                fail(f'{path}:{n}: unknown record type {kind}')
    return data


def write_hex(data, path):
    out, upper = [], None
    addrs = sorted(data)
    i = 0
    while i < len(addrs):
        start = addrs[i]
        chunk = [data[start]]
        while (i + len(chunk) < len(addrs) and len(chunk) < 16 and
               addrs[i + len(chunk)] == start + len(chunk) and
               (start + len(chunk)) & 0xffff):
            chunk.append(data[start + len(chunk)])
        if start >> 16 != upper:
            upper = start >> 16
            rec = bytes([2, 0, 0, 4]) + upper.to_bytes(2, 'big')
            out.append(':' + (rec + bytes([-sum(rec) & 0xff])).hex().upper())
        rec = bytes([len(chunk), (start >> 8) & 0xff, start & 0xff, 0]) + bytes(chunk)
        out.append(':' + (rec + bytes([-sum(rec) & 0xff])).hex().upper())
        i += len(chunk)
    out.append(':00000001FF')
    with open(path, 'w', encoding='ascii') as f:
        f.write('\n'.join(out) + '\n')


def main(argv):
    args, out, board = [], None, None
    it = iter(argv[1:])
    for a in it:
        if a == '-o':
            out = next(it, None)
        elif a == '--board':
            board = next(it, None)
        elif a in ('-h', '--help'):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if not out or not args:
        sys.stderr.write(__doc__)
        return 2
    if board is None:
        board = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'boards',
                             'microbit.board')
    b = board_keys(board)
    merged = read_hex(args[0])
    fw_end = b['flash_base'] + b['firmware_size']
    for a in merged:
        if not b['flash_base'] <= a < fw_end:
            fail(f'{args[0]}: firmware data at {a:#x} outside the firmware area '
                 f'({b["flash_base"]:#x}..{fw_end - 1:#x})')
    if len(args) - 1 > b['containers']:
        fail(f'{len(args) - 1} images for a board of {b["containers"]} containers')
    for k, path in enumerate(args[1:]):
        lo = b['inbox'] + k * b['inbox_size']
        hi = lo + b['inbox_size']
        if path.lower().endswith('.hex'):
            img = read_hex(path)
            for a in img:
                if not lo <= a < hi:
                    fail(f'{path}: data at {a:#x} is not in container {k}\'s inbox '
                         f'({lo:#x}..{hi - 1:#x}): link it with --base {lo:#x}')
        else:
            with open(path, 'rb') as f:
                raw = f.read()
            if raw[:4] != b'SVMI':
                fail(f'{path}: not a Sense-VM image (no "SVMI" magic)')
            if len(raw) > b['inbox_size']:
                fail(f'{path}: {len(raw)} bytes do not fit an inbox of {b["inbox_size"]} bytes')
            img = {lo + i: v for i, v in enumerate(raw)}
        for a, v in img.items():
            if a in merged:
                fail(f'{path}: overlaps data already at {a:#x}')
            merged[a] = v
    write_hex(merged, out)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
