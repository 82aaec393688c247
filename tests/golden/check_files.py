#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Consistency check of the golden suite (needs neither sensec nor ocaml):
progs.txt lists exactly the progs/*.ml files, every program has its .expected file, every
.status holds a number in 1..255, and there are no stray .expected/.status files.
    check_files.py [GOLDEN_DIR]      (default: this script's directory)"""
import os
import sys


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    progs = os.path.join(here, "progs")
    errors = []
    with open(os.path.join(here, "progs.txt"), encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    on_disk = sorted(n for n in os.listdir(progs) if n.endswith(".ml"))
    if len(set(listed)) != len(listed):
        errors.append("progs.txt has duplicate entries")
    for n in sorted(set(on_disk) - set(listed)):
        errors.append("progs/%s is not listed in progs.txt (run regen.sh)" % n)
    for n in sorted(set(listed) - set(on_disk)):
        errors.append("progs.txt lists missing file progs/%s" % n)
    stems = {n[:-3] for n in on_disk}
    for n in sorted(os.listdir(progs)):
        stem, ext = os.path.splitext(n)
        if ext in (".expected", ".status") and stem not in stems:
            errors.append("progs/%s has no program" % n)
        if ext == ".status":
            with open(os.path.join(progs, n), encoding="ascii") as f:
                t = f.read().strip()
            if not t.isdigit() or not 1 <= int(t) <= 255:
                errors.append("progs/%s: bad status %r" % (n, t))
    for s in sorted(stems):
        if not os.path.exists(os.path.join(progs, s + ".expected")):
            errors.append("progs/%s.ml has no .expected file (run regen.sh)" % s)
    for e in errors:
        print("check_files.py: " + e, file=sys.stderr)
    print("%d programs, %d problems" % (len(on_disk), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
