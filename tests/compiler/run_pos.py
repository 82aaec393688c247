#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# run_pos.py SENSEC RUNNER DIR: compile each DIR/NAME.ml with sensec, run it, compare
# stdout with DIR/NAME.expected and the exit status with DIR/NAME.status (default 0).
# A first line "(* sensec: ARGS *)" gives extra sensec arguments; "(* run: ARGS *)"
# extra runner arguments; "(* size-max: N *)" an upper bound for the image size;
# "(* asm-has: M1 M2 ... *)" mnemonics/services that `sensec -S` must emit (code-generation
# promises, e.g. the fused services or a superinstruction); "(* asm-not: M1 ... *)" ones
# it must not emit.
import os, re, subprocess, sys, tempfile

def main():
    sensec, runner, d = sys.argv[1:4]
    fails = 0
    names = sorted(f for f in os.listdir(d) if f.endswith('.ml'))
    with tempfile.TemporaryDirectory() as tmp:
        for f in names:
            src = os.path.join(d, f)
            text = open(src).read()
            sargs = re.search(r'\(\* sensec: (.*?) \*\)', text)
            rargs = re.search(r'\(\* run: (.*?) \*\)', text)
            smax = re.search(r'\(\* size-max: (\d+) \*\)', text)
            ahas = re.search(r'\(\* asm-has: (.*?) \*\)', text)
            anot = re.search(r'\(\* asm-not: (.*?) \*\)', text)
            if ahas or anot:
                asm = os.path.join(tmp, f[:-3] + '.s')
                c = subprocess.run([sensec, '-w', '-S', '-o', asm, src], capture_output=True, text=True)
                words = set(re.findall(r'^\s+(?:svc\s+)?([a-z_0-9]+)', open(asm).read(), re.M)) if c.returncode == 0 else set()
                missing = [w for w in ahas.group(1).split() if w not in words] if ahas else []
                if missing or c.returncode:
                    print('FAIL %s: sensec -S emits no %s' % (f, ' '.join(missing))); fails += 1; continue
                extra = [w for w in anot.group(1).split() if w in words] if anot else []
                if extra:
                    print('FAIL %s: sensec -S emits %s' % (f, ' '.join(extra))); fails += 1; continue
            img = os.path.join(tmp, f[:-3] + '.svm')
            c = subprocess.run([sensec, '-w', '-o', img, src] + (sargs.group(1).split() if sargs else []),
                               capture_output=True, text=True)
            if c.returncode != 0:
                print('FAIL %s: sensec failed\n%s' % (f, c.stderr)); fails += 1; continue
            if smax and os.path.getsize(img) > int(smax.group(1)):
                print('FAIL %s: image is %d bytes, more than %s' % (f, os.path.getsize(img), smax.group(1)))
                fails += 1; continue
            r = subprocess.run([runner] + (rargs.group(1).split() if rargs else []) + [img],
                               capture_output=True, text=True, timeout=60)
            exp = open(os.path.join(d, f[:-3] + '.expected')).read()
            st_path = os.path.join(d, f[:-3] + '.status')
            st = int(open(st_path).read()) if os.path.exists(st_path) else 0
            if r.stdout != exp or r.returncode != st:
                print('FAIL %s (status %d, expected %d)\n--- expected\n%s--- got\n%s%s' %
                      (f, r.returncode, st, exp, r.stdout, r.stderr))
                fails += 1
            else:
                print('ok   %s' % f)
    print('%d/%d passed' % (len(names) - fails, len(names)))
    return 1 if fails else 0

sys.exit(main())
