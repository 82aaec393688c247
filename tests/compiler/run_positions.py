#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Source positions for backtraces: run_positions.py SENSEC SENSEASM DIR.

For each DIR/NAME.ml with DIR/NAME.backtrace (what `ocamlc -g NAME.ml && OCAMLRUNPARAM=b
./a.out` prints on stderr), compile NAME.ml with sensec, disassemble the image with
`senseasm -d`, and check that every "Raised at"/"Called from" frame of NAME.ml in OCaml's
backtrace, line L, characters C-E (0-based), is a `.line L, C+1, E` (the line table's
columns are 1-based, 0 = not known; E is OCaml's end) right before a call, raise or
trapping instruction of the image. Also checks that `sensec -S` never writes the same
position twice in a row (the line table stays compact).
Regenerate a .backtrace: ocamlc -g NAME.ml -o x && OCAMLRUNPARAM=b ./x 2> NAME.backtrace
"""

import os
import re
import subprocess
import sys
import tempfile

FRAME = re.compile(r'^(Raised at|Called from) .* in file "([^"]+)", line (\d+), characters (\d+)-(\d+)')
# what a backtrace frame can be: a call, a raise, a trapping primitive
FRAME_INSNS = {'call', 'pushcall', 'app', 'tailcall', 'pushtailcall', 'tailapp', 'raise',
               'divint', 'modint', 'divimm', 'modimm', 'arrayget', 'arrayset', 'strget', 'svc'}


def positions(disasm, fname):
    """(line, col, end) -> mnemonic of the instruction right after `.line line, col, end`
    in fname"""
    out, cur_file, pending = {}, None, None
    for raw in disasm.splitlines():
        s = raw.split(';')[0].strip()
        if not s or s.endswith(':'):
            continue
        m = re.match(r'\.file\s+"(.*)"', s)
        if m:
            cur_file = m.group(1)
            continue
        m = re.match(r'\.line\s+(\d+)(?:,\s*(\d+))?(?:,\s*(\d+))?', s)
        if m:
            pending = tuple(int(g or 0) for g in m.groups())
            continue
        if s.startswith('.'):
            continue
        if pending and cur_file == fname:
            out.setdefault(pending, s.split()[0])
        pending = None
    return out


def repeated_positions(asm):
    """consecutive identical `.line` directives with no label between them"""
    last, bad = None, []
    for raw in asm.splitlines():
        if raw and not raw[0].isspace() and raw.endswith(':'):
            last = None
            continue
        m = re.match(r'\s+(\.line\s+\d+(?:,\s*\d+)*)\s*$', raw)
        if m:
            if m.group(1) == last:
                bad.append(m.group(1))
            last = m.group(1)
    return bad


def main():
    sensec, senseasm, d = (os.path.abspath(a) for a in sys.argv[1:4])
    fails, n = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in sorted(os.listdir(d)):
            if not f.endswith('.ml') or not os.path.exists(os.path.join(d, f[:-3] + '.backtrace')):
                continue
            n += 1
            img, asm = os.path.join(tmp, f + '.svm'), os.path.join(tmp, f + '.s')
            for cmd in ([sensec, f, '-o', img], [sensec, '-S', f, '-o', asm]):
                p = subprocess.run(cmd, cwd=d, capture_output=True, text=True)
                if p.returncode != 0:
                    print('FAIL %s: %s\n%s' % (f, ' '.join(cmd), p.stderr))
                    return 1
            p = subprocess.run([senseasm, '-d', img], capture_output=True, text=True)
            pos = positions(p.stdout, f)
            problems = []
            with open(os.path.join(d, f[:-3] + '.backtrace')) as bt:
                for line in bt:
                    m = FRAME.match(line)
                    if not m or m.group(2) != f:
                        continue
                    key = (int(m.group(3)), int(m.group(4)) + 1, int(m.group(5)))
                    if key not in pos:
                        problems.append('no .line %d, %d, %d (%s)' % (key + (line.strip(),)))
                    elif pos[key] not in FRAME_INSNS:
                        problems.append('.line %d, %d, %d is before %s, not a call/raise/trap'
                                        % (key + (pos[key],)))
            with open(asm) as fh:
                problems += ['repeated ' + r for r in repeated_positions(fh.read())]
            if problems:
                fails += 1
                print('FAIL %s\n  %s' % (f, '\n  '.join(problems)))
            else:
                print('ok   %s' % f)
    print('%d/%d passed' % (n - fails, n))
    return 1 if fails or n == 0 else 0


sys.exit(main())
