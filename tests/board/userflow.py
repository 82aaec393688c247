#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""userflow.py BOARD DOCS.md SOURCE BOARD_BUILD HOST_BUILD - docs/boards.md's "three
commands" for BOARD, run exactly as written, as a new user runs them after building the
board's firmware: the fenced ```sh block that follows the line `<!-- userflow BOARD -->`.

The commands run in an empty directory where, as in a checkout, `build` is the native build
(the host tools), `build-BOARD` the board's cross build, and `examples`, `scripts` the
source tree's. Every command but the last must succeed; the last one (QEMU) runs until the
console says that all containers finished, and is then stopped.

Twice: with the program the docs name (examples/blinky.ml: its console must show the image
installed and `blinky: done`), and with a fresh program of the user's own written here
(the docs' program path replaced by it): its console must show exactly what the desktop
runner prints for the same program. Exit status 0 when every check passes."""
import os
import re
import select
import subprocess
import sys
import tempfile
import time

FRESH = '''(* a program of the user's own: recursion, lists, strings *)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let () =
  List.iter (fun n -> print_endline ("fib " ^ string_of_int n ^ " = " ^ string_of_int (fib n)))
    [5; 10; 15];
  print_endline (String.concat ", " (List.map string_of_int (List.rev [1; 2; 3])));
  print_endline "mine: done"
'''
DONE = 'all containers finished'
FAILED = []


def check(ok, what):
    print(('ok     ' if ok else 'FAILED ') + what, flush=True)
    if not ok:
        FAILED.append(what)
    return ok


def commands(docs, board):
    """The shell commands of the ```sh block after `<!-- userflow BOARD -->`."""
    text = open(docs, encoding='utf-8').read()
    m = re.search(r'<!-- userflow ' + re.escape(board) + r' -->\s*```sh\n(.*?)```', text, re.S)
    if not m:
        sys.exit(f'userflow.py: {docs}: no "<!-- userflow {board} -->" followed by a ```sh block')
    joined = re.sub(r'\\\n\s*', '', m.group(1))
    return [c.strip() for c in joined.splitlines() if c.strip() and not c.startswith('#')]


def run_qemu(cmd, cwd, timeout=90.0):
    """Run the QEMU command until DONE appears on the console (or timeout); its output."""
    p = subprocess.Popen('exec ' + cmd, shell=True, cwd=cwd, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, end = b'', time.time() + timeout
    try:
        while DONE.encode() not in out and time.time() < end:
            r, _, _ = select.select([p.stdout], [], [], 0.2)
            if r:
                chunk = os.read(p.stdout.fileno(), 4096)
                if not chunk:
                    break
                out += chunk
    finally:
        p.kill()
        p.wait()
    return out.decode('latin-1').replace('\r\n', '\n')


def flow(cmds, work, program, expect):
    """Run the commands with program in place of the docs' one; check the console."""
    for c in cmds[:-1]:
        c = c.replace('examples/blinky.ml', program)
        p = subprocess.run(c, shell=True, cwd=work, capture_output=True, text=True)
        if not check(p.returncode == 0, f'$ {c}'):
            sys.stdout.write(p.stdout + p.stderr)
            return
    out = run_qemu(cmds[-1], work)
    sys.stdout.write(''.join('  | ' + line + '\n' for line in out.splitlines()))
    check(DONE in out, f'$ {cmds[-1]}: the firmware ran the program to the end')
    check(re.search(r'install', out) is not None, 'the firmware installed the image')
    lines = out.splitlines()
    missing = [e for e in expect if e not in lines]
    check(not missing, f'{program}: the console shows {expect}' +
          (f' (missing: {missing})' if missing else ''))
    if expect and not missing:   # and in the desktop's order
        pos = [lines.index(e) for e in expect]
        check(pos == sorted(pos), f'{program}: in the same order as on the desktop')


def main():
    board, docs, src, board_build, host_build = sys.argv[1:6]
    cmds = commands(docs, board)
    print(f'# docs/boards.md, {board}: {len(cmds)} commands', flush=True)
    check(len(cmds) <= 3, f'at most three commands ({len(cmds)})')
    with tempfile.TemporaryDirectory() as work:
        os.symlink(os.path.abspath(host_build), os.path.join(work, 'build'))
        os.symlink(os.path.abspath(board_build), os.path.join(work, 'build-' + board))
        for d in ('examples', 'scripts'):
            os.symlink(os.path.join(os.path.abspath(src), d), os.path.join(work, d))
        flow(cmds, work, 'examples/blinky.ml', ['blinky: done'])
        fresh = os.path.join(work, 'mine.ml')
        with open(fresh, 'w', encoding='utf-8') as f:
            f.write(FRESH)
        svm = os.path.join(work, 'mine-desktop.svm')
        subprocess.run([os.path.join(host_build, 'compiler', 'sensec'), '-o', svm, fresh],
                       check=True)
        desk = subprocess.run([os.path.join(host_build, 'runtime', 'sensevm-run'), svm],
                              capture_output=True, text=True, check=True).stdout
        check(desk.endswith('mine: done\n'), 'the fresh program runs on the desktop')
        flow(cmds, work, 'mine.ml', desk.splitlines())
    return 1 if FAILED else 0


if __name__ == '__main__':
    sys.exit(main())
