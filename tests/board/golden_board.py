#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden_board.py BOARD FIRMWARE.elf SOURCE HOST_BUILD [--every N] [--jobs J] [--only NAME...]

The language's golden programs (tests/golden/progs/, whose expected stdout and exit status
real OCaml produced) on a board's QEMU model, the user's way: each program compiled with
`sensec --board BOARD` (plus the RAM options below), written into the inbox as Intel HEX
(QEMU -device loader), run by the board firmware; the console between the firmware's
"container(s) running" line and its report on the container must be the expected stdout,
and the report the expected exit status (`exited with N` -> N, `finished` -> 0, an
uncaught exception -> 2, as the desktop runner).

The set: every N-th program of tests/golden/progs.txt (default 4: a representative quarter,
every part of the language), minus those whose `(* golden: heap ... *)` comment asks for
more heap than the board's containers have and those that write to stderr (the board has
one console; the golden files hold stdout only). A program that runs out of the board's
RAM (a stack_overflow or heap_exhausted fault: the desktop gives it 16 MB of heap and 4 MB
of stack) is skipped, but what it printed until then must be the start of the expected
stdout; at least MIN_RAN programs must run to the end. KNOWN lists the programs whose
output differs on the board for a known reason (TAP TODO: a fix shows as an unexpected
pass). Exit status 0 when every program passes; the programs left out are listed."""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

# per board: the options each program gets (its RAM for containers: docs/boards.md) and
# the heap the largest program may ask for
BOARDS = {
    'netduinoplus2': {'opts': ['--heap', '40K', '--stack', '16K', '--contexts', '2'],
                      'max_heap': 32 * 1024, 'qemu': ['-M', 'netduinoplus2']},
}
SIZE = {'': 1, 'K': 1024, 'M': 1024 * 1024}
MIN_RAN = 45
# the cross builds format floats with picolibc's printf (runtime/port/picolibc/format.c),
# which is not exact where glibc is: %f of 1.5e300, %.12g of subnormals, 5e-07 to 6 places
KNOWN = {'197_float_format': 'picolibc float formatting (not exact)',
         '314_float': 'picolibc float formatting (not exact)'}
RESOURCE = ('stack_overflow', 'heap_exhausted')


def needs_heap(ml):
    m = re.search(r'\(\* golden: .*?heap (\d+)([KM]?)', open(ml, encoding='utf-8').read())
    return int(m.group(1)) * SIZE[m.group(2)] if m else 0


def expected(ml):
    base = ml[:-3]
    out = open(base + '.expected', 'rb').read().decode('latin-1')
    st = int(open(base + '.status').read().strip()) if os.path.exists(base + '.status') else 0
    return out, st


def run_one(args, ml, tmp):
    """(result, message) for one program: result 'ok', 'fail' or 'skip'."""
    name = os.path.basename(ml)[:-3]
    hexf = os.path.join(tmp, name + '.hex')
    p = subprocess.run([os.path.join(args.host, 'compiler', 'sensec'), '--board', args.board,
                        '-o', hexf] + BOARDS[args.board]['opts'] + [ml],
                       capture_output=True, text=True)
    if p.returncode:
        return 'fail', f'{name}: sensec --board {args.board} failed:\n{p.stderr}'
    q = subprocess.Popen(['qemu-system-arm'] + BOARDS[args.board]['qemu'] +
                         ['-display', 'none', '-monitor', 'none', '-serial', 'stdio',
                          '-kernel', args.firmware, '-device', 'loader,file=' + hexf],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out, end = b'', time.time() + args.timeout
    try:
        os.set_blocking(q.stdout.fileno(), False)
        while b'all containers finished' not in out and time.time() < end:
            chunk = q.stdout.read()
            if chunk:
                out += chunk
            else:
                time.sleep(0.05)
    finally:
        q.kill()
        q.wait()
    text = out.decode('latin-1').replace('\r\n', '\n')
    m = re.search(r'container\(s\) running[^\n]*\n(.*?)sensevm: container 0 \'[^\']*\' '
                  r'(exited with (-?\d+)|finished|faulted: (\w+))', text, re.S)
    if not m:
        return 'fail', f'{name}: the firmware did not run it to the end:\n{text}'
    got = m.group(1)
    want, want_st = expected(ml)
    if m.group(4) in RESOURCE and want.startswith(got):
        return 'skip', f'{name}: does not fit the board: {m.group(4)} (its output until then ' \
                       'is the expected one)'
    status = int(m.group(3)) if m.group(3) else 0
    if m.group(4):
        status = 2 if m.group(4) == 'uncaught_exception' else -1
    if got != want or status != want_st:
        return 'fail', (f'{name}: exit status {status} (expected {want_st}), stdout '
                        f'{"same" if got == want else "DIFFERS"}:\n{text}')
    return 'ok', f'{name}: stdout and exit status {status} as in OCaml'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('board', choices=sorted(BOARDS))
    ap.add_argument('firmware')
    ap.add_argument('source')
    ap.add_argument('host')
    ap.add_argument('--every', type=int, default=4)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=30)
    ap.add_argument('--only', nargs='*')
    args = ap.parse_args()
    progs_dir = os.path.join(args.source, 'tests', 'golden', 'progs')
    names = [n.strip() for n in open(os.path.join(args.source, 'tests', 'golden', 'progs.txt'))
             if n.strip() and not n.startswith('#')]
    names = args.only or names[::args.every]
    progs, left_out = [], []
    for n in names:
        ml = os.path.join(progs_dir, os.path.basename(n))
        if not ml.endswith('.ml'):
            ml += '.ml'
        src = open(ml, encoding='utf-8').read()
        if needs_heap(ml) > BOARDS[args.board]['max_heap'] or \
                re.search(r'prerr|eprint|stderr', src):
            left_out.append(os.path.basename(ml)[:-3])
        else:
            progs.append(ml)
    print(f'1..{len(progs) + 1}', flush=True)
    count = {'ok': 0, 'fail': 0, 'skip': 0}
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for i, (res, msg) in enumerate(pool.map(lambda ml: run_one(args, ml, tmp), progs), 1):
            name = os.path.basename(progs[i - 1])[:-3]
            head, _, rest = msg.partition('\n')
            mark = f' # TODO {KNOWN[name]}' if name in KNOWN else \
                ' # SKIP' if res == 'skip' else ''
            print(f'{"not ok" if res == "fail" else "ok"} {i} - {head}{mark}')
            if rest:
                print(''.join('# ' + line + '\n' for line in rest.splitlines()), end='')
            count[res] += 1
    ran = count['ok'] + sum(1 for p in progs if os.path.basename(p)[:-3] in KNOWN)
    print(f'{"ok" if ran >= MIN_RAN else "not ok"} {len(progs) + 1} - {count["ok"]} of '
          f'{len(progs)} golden programs as in OCaml on {args.board}, {count["skip"]} do not '
          f'fit its RAM (at least {MIN_RAN} must run)')
    print(f'# left out (more heap than the board has, or stderr): {", ".join(left_out)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
