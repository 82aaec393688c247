#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""board_cli.py SENSEASM SRCDIR - senseasm --board on the host (suite 'board'): the board's
heap/stack (and, where it sets them, contexts/channels) defaults, Intel HEX at the board's inbox for *.hex, explicit options winning, the .s manifest winning
over the board's defaults, and the link-time refusals with their numbers (RAM, devices, the
validator's work memory); an unknown board is bad usage."""
import os
import subprocess
import sys
import tempfile

asm, src = sys.argv[1], sys.argv[2]
prog = os.path.join(src, 'tests', 'sched', 'progs', 'checksum.s')
fails = 0


def run(*args):
    return subprocess.run([asm, *args], capture_output=True, text=True)


def check(ok, what):
    global fails
    print(('ok   ' if ok else 'FAIL ') + what)
    fails += not ok


with tempfile.TemporaryDirectory() as tmp:
    svm, hexf = os.path.join(tmp, 'a.svm'), os.path.join(tmp, 'a.hex')
    run('--board', 'netduinoplus2', '-o', svm, prog)
    info = run('--info', svm).stdout
    check('heap:        16384' in info and 'stack:       1024' in info,
          "--board netduinoplus2: the board's default heap (16K) and stack (1K)")
    check('contexts:    8' in info, '--board netduinoplus2 sets no contexts: the desktop\'s 8')
    run('--board', 'microbit', '-o', svm, prog)
    info = run('--info', svm).stdout
    check('heap:        2048' in info and 'stack:       512' in info and
          'contexts:    1' in info and 'channels:    1' in info,
          "--board microbit: 2K heap, 512 B stack, 1 context, 1 channel (the board's defaults)")
    run('--board', 'microbit', '--contexts', '2', '-o', svm, prog)
    check('contexts:    2' in run('--info', svm).stdout, '--contexts given: it wins')
    run('--board', 'netduinoplus2', '--heap', '8K', '-o', svm, prog)
    check('heap:        8192' in run('--info', svm).stdout, '--heap given: it wins')
    p = run('--board', 'netduinoplus2', '-o', hexf, prog)
    first = open(hexf).readline().strip() if p.returncode == 0 else ''
    check(first == ':020000040804EE', f'-o a.hex: Intel HEX at 0x08040000 ({first})')
    run('--board', 'netduinoplus2', '--base', '0x08060000', '-o', hexf, prog)
    check(open(hexf).readline().strip() == ':020000040806EC', '--base wins')
    p = run('--board', 'netduinoplus2', '--heap', '100K', '-o', svm, prog)
    check(p.returncode == 1 and 'needs 124.8 KB of RAM' in p.stderr and
          'board netduinoplus2 has 100 KB for containers' in p.stderr,
          'too much RAM: ' + p.stderr.strip())
    refused = os.path.join(tmp, 'refused.svm')
    p = run('--board', 'netduinoplus2', '--device', 'servo0', '-o', refused, prog)
    check(p.returncode == 1 and "device 'servo0' is not on board netduinoplus2 (it has led0, "
          "led1, button0, uart0)" in p.stderr, 'unknown device: ' + p.stderr.strip())
    check(not os.path.exists(refused), 'nothing written on refusal')
    # the manifest the user wrote (.manifest in the .s) wins over the board's defaults,
    # which fill only what it leaves unset; an option wins over both
    own = os.path.join(tmp, 'own.s')
    with open(own, 'w') as f:
        f.write('        .global main\n        .manifest heap 3K\n        .manifest contexts 2\n'
                'main:\n        quote 0\n        halt\n')
    run('--board', 'microbit', '-o', svm, own)
    info = run('--info', svm).stdout
    check('heap:        3072' in info and 'contexts:    2' in info and
          'stack:       512' in info and 'channels:    1' in info,
          "--board microbit: the .s manifest's heap 3K and 2 contexts win, the board fills "
          "stack and channels")
    run('--board', 'microbit', '--heap', '1K', '-o', svm, own)
    check('heap:        1024' in run('--info', svm).stdout, '--heap wins over the .manifest')
    # the validator's work memory (loader rule 107): 12 bytes per block start; the micro:bit's
    # firmware lends it at most its 9,024 bytes of container RAM. 800 block starts need
    # 9,612 bytes (12 each, the entry's too): refused with the figures; 700 fit.
    for n, ok in ((700, True), (800, False)):
        blocks = os.path.join(tmp, f'blocks{n}.s')
        with open(blocks, 'w') as f:
            f.write('        .global main\nmain:\n        quote 0\n')
            for i in range(n):
                f.write(f'        branch .L{i}\n.L{i}:\n')
            f.write('        halt\n')
        p = run('--board', 'microbit', '-o', svm, blocks)
        if ok:
            check(p.returncode == 0, f'{n} block starts: the validator fits ({p.stderr.strip()})')
        else:
            check(p.returncode == 1 and 'validating the image needs ' in p.stderr and
                  'loader rule 107' in p.stderr and 'at most 9024 bytes' in p.stderr,
                  f'{n} block starts: ' + p.stderr.strip())
        p = run('--board', 'netduinoplus2', '-o', svm, blocks)
        check(p.returncode == 0, f'{n} block starts fit the netduinoplus2 ({p.stderr.strip()})')
    p = run('--board', 'nosuch', '-o', svm, prog)
    check(p.returncode == 2 and "unknown board 'nosuch' (known: " in p.stderr and
          'netduinoplus2' in p.stderr, 'unknown board: ' + p.stderr.strip())
sys.exit(1 if fails else 0)
