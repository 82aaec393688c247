#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# run_deep.py SENSEC RUNNER: sensec on inputs nested 100,000 deep (issue 13: a
# 10,000-element list literal or a 10,000-term `+` chain used to crash it with a C stack
# overflow). Each program must compile and print what OCaml prints.
import os, subprocess, sys, tempfile

N = 100000
PROGS = {
    'list_literal': ('let l = [' + '; '.join(str(i % 10) for i in range(N)) + ']\n'
                     'let () = Printf.printf "%d %d\\n" (List.length l) (List.fold_left ( + ) 0 l)\n',
                     '%d %d\n' % (N, sum(i % 10 for i in range(N)))),
    'plus_chain': ('let s = ' + ' + '.join('1' for _ in range(N)) + '\nlet () = print_int s; print_newline ()\n',
                   '%d\n' % N),
    'cons_chain': ('let l = ' + ' :: '.join('1' for _ in range(N)) + ' :: []\n'
                   'let () = print_int (List.length l); print_newline ()\n', '%d\n' % N),
    'parens': ('let x = ' + '(' * N + '7' + ')' * N + '\nlet () = print_int x; print_newline ()\n', '7\n'),
    # match nested 100,000 deep, ten per line (issue 16: the peephole pass looked each label up
    # by a scan of the function's labels, and each line comment by a scan of the file: 10,000
    # took 13 s, 100,000 would take 20 min; now seconds). --strip: its line table is over 1 MB.
    'nested_match': ('let f x =\n' + ''.join(' '.join('match x with %d -> %d | _ ->' % (j, j)
                                                       for j in range(i, i + 10)) + '\n'
                                              for i in range(0, N, 10))
                     + '  -1\nlet () = print_int (f 99999); print_int (f (-5)); print_newline ()\n',
                     '99999-1\n', ['--strip']),
}

def main():
    sensec, runner = sys.argv[1:3]
    fails = 0
    with tempfile.TemporaryDirectory() as d:
        for name, (src, want, *extra) in PROGS.items():
            ml, img = os.path.join(d, name + '.ml'), os.path.join(d, name + '.svm')
            open(ml, 'w').write(src)
            try:
                c = subprocess.run([sensec, '-w', '-o', img, ml] + (extra[0] if extra else []),
                                   capture_output=True, text=True, timeout=180)
            except subprocess.TimeoutExpired:
                print('FAIL %s: sensec took more than 180 s' % name); fails += 1; continue
            if c.returncode != 0:
                print('FAIL %s: sensec exit %d\n%s' % (name, c.returncode, c.stderr[-2000:])); fails += 1; continue
            r = subprocess.run([runner, img], capture_output=True, text=True)
            if r.stdout != want:
                print('FAIL %s: printed %r, want %r' % (name, r.stdout[:200], want)); fails += 1; continue
            print('ok   %s' % name)
    print('%d/%d passed' % (len(PROGS) - fails, len(PROGS)))
    sys.exit(1 if fails else 0)

main()
