# SPDX-License-Identifier: MIT
# clicheck.py — the helpers of the senseasm command-line tests: run the tool, check a
# condition (ok/FAIL lines, failures counted), and finish with the exit status.
import os
import subprocess
import sys

ASM = os.environ['SENSEASM']
failures = 0


def run(*args, cwd=None, stdin=''):
    p = subprocess.run([ASM, *args], capture_output=True, text=True, cwd=cwd, input=stdin)
    return p.returncode, p.stdout, p.stderr


def check(cond, what, detail=''):
    global failures
    if cond:
        print(f'ok   {what}')
    else:
        failures += 1
        print(f'FAIL {what}\n{detail[:4000]}')


def finish():
    print(f'{failures} failure(s)')
    sys.exit(1 if failures else 0)
