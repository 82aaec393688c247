#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# run_negative.py SENSEC DIR [--update]: for each DIR/NAME.ml, run `sensec -S NAME.ml` in DIR
# and compare stderr and the exit status with DIR/NAME.expected (first line "exit N",
# then the exact diagnostics). --update rewrites the expected files.
import os, subprocess, sys, tempfile

def main():
    sensec, d = os.path.abspath(sys.argv[1]), sys.argv[2]
    update = '--update' in sys.argv
    fails = 0
    names = sorted(f for f in os.listdir(d) if f.endswith('.ml'))
    with tempfile.TemporaryDirectory() as tmp:
        for f in names:
            out = os.path.join(tmp, f[:-3] + '.s')
            p = subprocess.run([sensec, '-S', f, '-o', out], cwd=d, capture_output=True, text=True)
            got = 'exit %d\n%s' % (p.returncode, p.stderr)
            exp_path = os.path.join(d, f[:-3] + '.expected')
            if update:
                with open(exp_path, 'w') as fh:
                    fh.write(got)
                continue
            exp = open(exp_path).read() if os.path.exists(exp_path) else '(missing %s)\n' % exp_path
            if got != exp:
                fails += 1
                print('FAIL %s\n--- expected\n%s--- got\n%s' % (f, exp, got))
            else:
                print('ok   %s' % f)
    print('%d/%d passed' % (len(names) - fails, len(names)))
    return 1 if fails else 0

sys.exit(main())
