#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_mli.py SENSEC RUNNER: .mli interfaces across files (docs/language.md, "Interfaces"):
# what an interface hides or makes abstract is refused in the other files, the program
# runs, a .mli given on the command line is the one used, and the command-line errors.
# (Single-file mismatches are in neg/mli_*.ml; a program in tests/golden/progs/560_*.)
import os, subprocess, sys, tempfile

sensec, runner = (os.path.abspath(p) for p in sys.argv[1:3])
fails = 0


def check(ok, what, detail=''):
    global fails
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    if not ok:
        fails += 1
        print(detail)


def sensec_run(d, *args):
    return subprocess.run([sensec, '-o', os.path.join(d, 'a.svm')] + list(args), cwd=d,
                          capture_output=True, text=True)


def write(d, name, text):
    os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
    with open(os.path.join(d, name), 'w') as f:
        f.write(text)


with tempfile.TemporaryDirectory() as d:
    write(d, 'counter.mli', 'type t\nval make : int -> t\nval next : t -> t\nval get : t -> int\n')
    write(d, 'counter.ml', 'type t = int\nlet make n = n\nlet step = 2\n'
                           'let next c = c + step\nlet get c = c\n')
    write(d, 'main.ml', 'let () = print_int (Counter.get (Counter.next (Counter.make 1)))\n')
    c = sensec_run(d, 'counter.ml', 'main.ml')
    r = subprocess.run([runner, os.path.join(d, 'a.svm')], capture_output=True, text=True) \
        if c.returncode == 0 else None
    check(r is not None and r.stdout == '3', 'counter.mli beside counter.ml: the program runs',
          c.stderr + (r.stdout if r else ''))

    write(d, 'leak.ml', 'let () = print_int (Counter.make 1 + 1)\n')
    c = sensec_run(d, 'counter.ml', 'leak.ml')
    check(c.returncode == 1 and 'leak.ml:1:21: error: This expression has type Counter.t but an '
          'expression was expected of type int' in c.stderr, 'an abstract type is abstract in '
          'another file', c.stderr)

    write(d, 'hidden.ml', 'let () = print_int Counter.step\n')
    c = sensec_run(d, 'counter.ml', 'hidden.ml')
    check(c.returncode == 1 and 'hidden.ml:1:20: error: Unbound value Counter.step' in c.stderr,
          'a value the interface leaves out is invisible to another file', c.stderr)

    # an interface elsewhere, given on the command line, replaces the one beside the .ml
    write(d, 'other/counter.mli', 'type t = int\nval make : int -> t\nval get : t -> int\n'
                                  'val step : int\n')
    write(d, 'uses_step.ml', 'let () = print_int (Counter.make Counter.step + 1)\n')
    c = sensec_run(d, 'other/counter.mli', 'counter.ml', 'uses_step.ml')
    r = subprocess.run([runner, os.path.join(d, 'a.svm')], capture_output=True, text=True) \
        if c.returncode == 0 else None
    check(r is not None and r.stdout == '3', 'a .mli on the command line is the interface used',
          c.stderr)
    write(d, 'other/counter.mli', 'val make : string -> int\n')
    c = sensec_run(d, 'counter.ml', 'other/counter.mli', 'main.ml')
    check(c.returncode == 1 and c.stderr.startswith(
        "other/counter.mli:1:1: error: The implementation counter.ml does not match the interface "
        "other/counter.mli: Values do not match: val make : 'a -> 'a is not included in "
        "val make : string -> int") and 'main.ml' not in c.stderr, 'a mismatch with a .mli given on the command line', c.stderr)

    c = sensec_run(d, 'counter.mli')
    check(c.returncode == 2 and c.stderr.startswith(
        'sensec: error: counter.mli: an interface without its implementation: give counter.ml too'),
        'a .mli alone is a usage error', c.stderr)
    c = sensec_run(d, 'counter.mli', 'other/counter.mli', 'counter.ml')
    check(c.returncode == 2 and c.stderr.startswith(
        'sensec: error: two interfaces for counter.ml: counter.mli and other/counter.mli'),
        'two interfaces for one file are a usage error', c.stderr)

print('%d failed' % fails)
sys.exit(1 if fails else 0)
