#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""board_cli.py SENSEASM SRCDIR - senseasm --board on the host (suite 'board'): the board's
heap/stack (and, where it sets them, contexts/channels) defaults, Intel HEX at the board's inbox for *.hex, explicit options winning, and
the link-time refusals with their numbers; an unknown board is bad usage."""
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
    p = run('--board', 'nosuch', '-o', svm, prog)
    check(p.returncode == 2 and "unknown board 'nosuch' (known: " in p.stderr and
          'netduinoplus2' in p.stderr, 'unknown board: ' + p.stderr.strip())
sys.exit(1 if fails else 0)
