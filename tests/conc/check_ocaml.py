#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that each prog.expected in this directory is what real OCaml threads print:
    check_ocaml.py OCAML DIR
runs `OCAML -I +threads unix.cma threads.cma prog.ml` for every prog.ml except the
Sense-only sense_*.ml and compares stdout. Exit 0 when all match, 1 otherwise."""
import os
import subprocess
import sys


def main():
    ocaml, d = sys.argv[1], sys.argv[2]
    bad = 0
    for n in sorted(os.listdir(d)):
        if not n.endswith(".ml") or n.startswith("sense_"):
            continue
        p = os.path.join(d, n)
        r = subprocess.run([ocaml, "-I", "+threads", "unix.cma", "threads.cma", p],
                           capture_output=True, timeout=60)
        with open(p[:-3] + ".expected", "rb") as f:
            want = f.read()
        if r.returncode != 0 or r.stdout != want:
            bad += 1
            print(f"FAIL: {n}: ocaml exit {r.returncode}\n--- ocaml:\n"
                  + r.stdout.decode(errors="replace") + r.stderr.decode(errors="replace"))
        else:
            print(f"ok: {n}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
