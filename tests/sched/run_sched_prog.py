#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run one scheduler test program through senseasm + the multi-container runner and compare
with the expectations beside it (progs/):
  NAME.cmd   one run per line: runner arguments; every `X.svm` is progs/X.s assembled,
             every file after --input is copied from progs/ (default: `NAME.svm`)
  NAME.out   expected stdout (device log lines included), NAME.err expected stderr
             (default empty), NAME.rc expected exit status (default 0);
             NAME.gc-every-alloc.out replaces NAME.out with --gc-every-alloc
Every run is done twice more with --trace-sched: the output and the trace must be
byte-identical (same inputs => same schedule).
usage: run_sched_prog.py SENSEASM RUNNER PROGS-DIR WORK-DIR NAME [runner options...]
(extra options, e.g. --gc-every-alloc, are added to every run)
"""
import os
import shutil
import subprocess
import sys


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def main():
    asm, runner, progs, work, name = sys.argv[1:6]
    extra = sys.argv[6:]
    runner = os.path.abspath(runner)
    os.makedirs(work, exist_ok=True)
    cmds = read(os.path.join(progs, name + ".cmd"), (name + ".svm").encode()).decode()
    cmds = [l.split() for l in cmds.splitlines() if l.strip() and not l.startswith("#")]
    exp_out = read(os.path.join(progs, name + ".out"), b"")
    if "--gc-every-alloc" in extra:  # the forced collections cost no fuel (gc.c), so a
        # program whose output shows how long its own collections take has its own file
        exp_out = read(os.path.join(progs, name + ".gc-every-alloc.out"), exp_out)
    exp_err = read(os.path.join(progs, name + ".err"), b"")
    exp_rc = int(read(os.path.join(progs, name + ".rc"), b"0").strip())
    failed = 0
    for args in cmds:
        args = extra + args
        for i, a in enumerate(args):
            if a.endswith(".svm"):
                src = os.path.join(progs, a[:-4] + ".s")
                r = subprocess.run([asm, "-o", os.path.join(work, a), src], capture_output=True)
                if r.returncode:
                    sys.stderr.write("senseasm %s failed:\n%s" % (src, r.stderr.decode()))
                    return 1
            if i > 0 and args[i - 1] == "--input":
                shutil.copy(os.path.join(progs, a), os.path.join(work, a))
        r = subprocess.run([runner] + args, capture_output=True, cwd=work, timeout=100)
        print("run: sensevm-run " + " ".join(args))
        if r.returncode != exp_rc:
            print("FAIL: exit status %d, expected %d" % (r.returncode, exp_rc))
            failed = 1
        for what, got, exp in (("stdout", r.stdout, exp_out), ("stderr", r.stderr, exp_err)):
            if got != exp:
                print("FAIL: %s differs:\n--- got\n%s\n--- expected\n%s" % (
                    what, got.decode(errors="replace"), exp.decode(errors="replace")))
                failed = 1
        t1 = subprocess.run([runner, "--trace-sched"] + args, capture_output=True, cwd=work,
                            timeout=100)
        t2 = subprocess.run([runner, "--trace-sched"] + args, capture_output=True, cwd=work,
                            timeout=100)
        if (t1.stdout, t1.stderr, t1.returncode) != (t2.stdout, t2.stderr, t2.returncode):
            print("FAIL: two traced runs differ")
            failed = 1
        if t1.stdout != r.stdout:
            print("FAIL: --trace-sched changed the program's output")
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
