#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden_board.py BOARD FIRMWARE.elf SOURCE HOST_BUILD [--every N] [--jobs J] [--only NAME...]

The language's golden programs (tests/golden/progs/, whose expected stdout and exit status
real OCaml produced) on a board's QEMU model, the user's way: each program compiled with
`sensec --board BOARD` (plus the RAM options below), written into the inbox as Intel HEX
(QEMU -device loader), run by the board firmware; the console between the firmware's line that starts the
container and its report on it must be the expected stdout, and the report the expected
exit status (`exited with N` -> N, a normal end -> 0, an uncaught exception -> 2, as the
desktop runner).

The set: every N-th program of tests/golden/progs.txt (default 4: a representative quarter,
every part of the language), minus those whose `(* golden: heap ... *)` comment asks for
more heap than the board's containers have and those that write to stderr (the board has
one console; the golden files hold stdout only). A program that runs out of the board's
RAM (a stack_overflow or heap_exhausted fault: the desktop gives it 16 MB of heap and 4 MB
of stack) is skipped, but what it printed until then must be the start of the expected
stdout; so is one that `sensec --board` refuses because it does not fit the board (image
size, RAM, the validator's work memory). At least min_ran programs must run to the end.
KNOWN lists the programs whose
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

# per board: the options each program gets (its RAM for containers: docs/boards.md), the
# heap the largest program may ask for, how many programs must run to the end, and the
# firmware's console: the line after which the container's output starts, and its report
# on container 0 (exit status, normal end, or the fault's trap name or message)
BOARDS = {
    'netduinoplus2': {'opts': ['--heap', '40K', '--stack', '16K', '--contexts', '2'],
                      'max_heap': 32 * 1024, 'qemu': ['-M', 'netduinoplus2'], 'min_ran': 45,
                      'timeout': 30,
                      'start': r'container\(s\) running[^\n]*\n',
                      'end': r"sensevm: container 0 '[^']*' (?:exited with (-?\d+)|finished|"
                             r'faulted: (\w+))'},
    # 9,024 bytes for containers: 4 KiB of heap, 1.5 KiB of stack, one context (the board's
    # default); 153_tail_loop_10m takes 35 s of QEMU's Cortex-M0
    'microbit': {'opts': ['--heap', '4K', '--stack', '1536'],
                 'max_heap': 4 * 1024, 'qemu': ['-M', 'microbit'], 'min_ran': 50,
                 'timeout': 90,
                 'start': r"container 0: '[^']*' from slot [AB][^\n]*\n",
                 'end': r"container 0 '[^']*': (?:exited with status (-?\d+)|done|"
                        r'stopped: ([a-z ]+) at pc)'},
}
SIZE = {'': 1, 'K': 1024, 'M': 1024 * 1024}
# programs whose output differs on a board for a known reason (none since the boards format
# floats with the runtime's own exact conversions: docs/boards.md, "Floats")
KNOWN = {}
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
    if p.returncode and f'board {args.board} ' in p.stderr:
        return 'skip', f'{name}: does not fit the board: ' + \
            p.stderr.strip().splitlines()[0].split(' error: ', 1)[-1]
    if p.returncode:
        return 'fail', f'{name}: sensec --board {args.board} failed:\n{p.stderr}'
    q = subprocess.Popen(['qemu-system-arm'] + BOARDS[args.board]['qemu'] +
                         ['-display', 'none', '-monitor', 'none', '-serial', 'stdio',
                          '-kernel', args.firmware, '-device', 'loader,file=' + hexf],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out, end = b'', time.time() + (args.timeout or BOARDS[args.board]['timeout'])
    try:
        os.set_blocking(q.stdout.fileno(), False)
        while not re.search(b'all containers (finished|stuck)', out) and time.time() < end:
            chunk = q.stdout.read()
            if chunk:
                out += chunk
            else:
                time.sleep(0.05)
    finally:
        q.kill()
        q.wait()
    text = out.decode('latin-1').replace('\r\n', '\n')
    b = BOARDS[args.board]
    m = re.search(b['start'] + '(.*?)' + b['end'], text, re.S)
    if not m:
        return 'fail', f'{name}: the firmware did not run it to the end:\n{text}'
    got = m.group(1)
    fault = m.group(3).replace(' ', '_') if m.group(3) else None
    want, want_st = expected(ml)
    if fault in RESOURCE and want.startswith(got):
        return 'skip', f'{name}: does not fit the board: {fault} (its output until then ' \
                       'is the expected one)'
    status = int(m.group(2)) if m.group(2) else 0
    if fault:
        status = 2 if fault == 'uncaught_exception' else -1
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
    ap.add_argument('--timeout', type=float, help='seconds per program (default: the board\'s)')
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
    min_ran = BOARDS[args.board]['min_ran']
    print(f'{"ok" if ran >= min_ran else "not ok"} {len(progs) + 1} - {count["ok"]} of '
          f'{len(progs)} golden programs as in OCaml on {args.board}, {count["skip"]} do not '
          f'fit it (at least {min_ran} must run)')
    print(f'# left out (more heap than the board has, or stderr): {", ".join(left_out)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
