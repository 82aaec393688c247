#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build and run one example: compile each program with sensec (with its link options),
run the images together with sensevm-run (virtual time, deterministic) and compare
stdout (device log included) and exit status with the expected file.

    run_example.py --sensec PATH --runner PATH --expected FILE [--status N]
                   [--run-arg ARG]... [--timeout S] "PROG.ml [LINK OPTION]..."...

Each positional argument is one container: a program and its sensec link options
(`"control.ml --name control --priority 200 --device led0"`), relative to this
script's directory. Exit status 0 on a match, 1 otherwise.
"""

import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sensec", required=True)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--run-arg", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("progs", nargs="+")
    a = ap.parse_args()
    a.sensec = os.path.abspath(a.sensec)
    a.runner = os.path.abspath(a.runner)
    with tempfile.TemporaryDirectory(prefix="sense-example-") as tmp:
        images = []
        for spec in a.progs:
            words = shlex.split(spec)
            src = os.path.join(HERE, words[0])
            img = os.path.join(tmp, os.path.basename(words[0])[:-3] + ".svm")
            cmd = [a.sensec, src, "-o", img] + words[1:]
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout)
            if r.returncode != 0:
                print("FAIL: " + " ".join(cmd) + "\n" + r.stdout + r.stderr)
                return 1
            images.append(img)
        cmd = [a.runner] + a.run_arg + images
        try:
            r = subprocess.run(cmd, capture_output=True, cwd=HERE, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            print("FAIL: timeout: " + " ".join(cmd))
            return 1
    with open(os.path.join(HERE, a.expected), "rb") as f:
        want = f.read()
    ok = True
    if r.stdout != want:
        ok = False
        diff = difflib.unified_diff(want.decode(errors="replace").splitlines(),
                                    r.stdout.decode(errors="replace").splitlines(),
                                    "expected", "got", lineterm="")
        print("\n".join(list(diff)[:60]))
    if r.returncode != a.status:
        ok = False
        print(f"exit status {r.returncode}, expected {a.status}")
    if not ok:
        print("command: " + " ".join(cmd))
        sys.stderr.write(r.stderr.decode(errors="replace"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
