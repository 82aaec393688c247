#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Assemble one CAM program (progs/NAME.s) with senseasm, run it with sensevm-run and
compare with its expectations, which sit beside it:
  NAME.out   expected stdout (required)
  NAME.err   expected stderr (exact; default: empty)
  NAME.rc    expected exit status (default 0)
  NAME.opts  one run per line: sensevm-run options, then `--`, then program arguments
             (default: one run with no options). Every run must meet the expectations.
Extra options given after the program name (e.g. --gc-every-alloc) are added to every run.
usage: run_prog.py SENSEASM SENSEVM-RUN PROGS-DIR WORK-DIR NAME [runner options...]
"""
import os
import subprocess
import sys


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def main():
    asm, run, progs, work, name = sys.argv[1:6]
    extra = sys.argv[6:]
    src = os.path.join(progs, name + ".s")
    os.makedirs(work, exist_ok=True)
    img = os.path.join(work, name + ".svm")
    r = subprocess.run([asm, "-o", img, src], capture_output=True)
    if r.returncode != 0:
        sys.stderr.write("senseasm failed:\n" + r.stderr.decode(errors="replace"))
        return 1
    exp_out = read(os.path.join(progs, name + ".out"))
    exp_err = read(os.path.join(progs, name + ".err"), b"")
    exp_rc = int(read(os.path.join(progs, name + ".rc"), b"0").strip())
    opts = read(os.path.join(progs, name + ".opts"), b"").decode().splitlines()
    opts = [l for l in opts if l.strip() and not l.startswith("#")] or [""]
    failed = 0
    for line in opts:
        words = line.split()
        if "--" in words:
            k = words.index("--")
            ropts, pargs = words[:k], words[k + 1:]
        else:
            ropts, pargs = words, []
        cmd = [run] + extra + ropts + [img] + pargs
        r = subprocess.run(cmd, capture_output=True, timeout=120)
        err = r.stderr.replace(img.encode(), b"IMAGE")
        problems = []
        if r.returncode != exp_rc:
            problems.append("exit status %d, expected %d" % (r.returncode, exp_rc))
        if r.stdout != exp_out:
            problems.append("stdout differs:\n--- got\n%s\n--- expected\n%s" %
                            (r.stdout.decode(errors="replace"), exp_out.decode(errors="replace")))
        if err != exp_err:
            problems.append("stderr differs:\n--- got\n%s\n--- expected\n%s" %
                            (err.decode(errors="replace"), exp_err.decode(errors="replace")))
        print("run:", " ".join(cmd))
        for p in problems:
            print("FAIL:", p)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
