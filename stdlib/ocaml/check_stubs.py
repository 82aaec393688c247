#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Editor type information (issue 15): the interface stubs of the Sense-only modules, for
real OCaml's type checker (ocamlc, merlin, ocaml-lsp).

    check_stubs.py OCAMLC STUBDIR --build OUTDIR
        compile STUBDIR/*.mli (in dependency order) to OUTDIR/*.cmi
    check_stubs.py OCAMLC STUBDIR PROG.ml|DIR ...
        compile the stubs into a temporary directory, then type-check every program
        (`ocamlc -i -I STUBS prog.ml`) against them: all of them in one ocamlc run, and when
        that fails, each one alone to name every program that does not type-check.
        Exit 0 when all do, 1 otherwise.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# a multi-file golden program names its other files (tests/golden/run_golden.py)
MODULES = re.compile(r"\(\*\s*golden-modules:(.*?)\*\)")

# event first: sense.mli refers to Event.event
ORDER = ["event", "thread", "sense"]


def build(ocamlc, stubdir, out):
    os.makedirs(out, exist_ok=True)
    for m in ORDER:
        r = subprocess.run([ocamlc, "-c", "-I", out, "-o", os.path.join(out, m + ".cmi"),
                            os.path.join(stubdir, m + ".mli")], capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write("check_stubs: %s.mli does not compile:\n%s%s" % (m, r.stdout, r.stderr))
            return False
    return True


def typecheck(ocamlc, incdir, progs, cwd):
    # -w -24: golden programs are named 001_x.ml, not a valid module name (a warning)
    return subprocess.run([ocamlc, "-i", "-w", "-24", "-I", incdir] + progs, cwd=cwd,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)


def modules_of(prog):
    """The other files (.ml, with their .mli where present) of a multi-file program."""
    with open(prog, encoding="utf-8", errors="replace") as f:
        m = MODULES.search(f.read())
    if not m:
        return []
    out = []
    for rel in m.group(1).split():
        ml = os.path.join(os.path.dirname(prog), rel)
        if os.path.exists(ml + "i"):
            out.append(ml + "i")
        out.append(ml)
    return out


def typecheck_multi(ocamlc, incdir, prog, tmp):
    """Compile a multi-file program's modules (interfaces first) in a scratch copy, then
    type-check the program against them and the stubs."""
    work = tempfile.mkdtemp(dir=tmp)
    files = []
    for f in modules_of(prog):
        shutil.copy(f, work)
        files.append(os.path.basename(f))
    r = subprocess.run([ocamlc, "-c", "-I", incdir] + files, cwd=work,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        return r
    return typecheck(ocamlc, incdir, ["-I", work, prog], work)


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.stderr.write(__doc__)
        return 2
    ocamlc, stubdir = args[0], args[1]
    if args[2] == "--build":
        return 0 if build(ocamlc, stubdir, args[3]) else 1
    progs = []
    for a in args[2:]:
        if os.path.isdir(a):
            progs += sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith(".ml"))
        else:
            progs.append(a)
    progs = [os.path.abspath(p) for p in progs]
    multi = [p for p in progs if modules_of(p)]
    single = [p for p in progs if p not in multi]
    with tempfile.TemporaryDirectory() as tmp:
        if not build(ocamlc, stubdir, tmp):
            return 1
        r = typecheck(ocamlc, tmp, single, tmp)
        if r.returncode == 0 and all(typecheck_multi(ocamlc, tmp, p, tmp).returncode == 0
                                     for p in multi):
            print("check_stubs: %d programs type-check with %s against the stubs" % (len(progs), ocamlc))
            return 0
        bad = 0
        for p in progs:
            r = typecheck_multi(ocamlc, tmp, p, tmp) if p in multi else typecheck(ocamlc, tmp, [p], tmp)
            if r.returncode != 0:
                bad += 1
                print("FAIL: %s does not type-check with ocamlc against the stubs:\n%s%s" % (p, r.stdout, r.stderr))
        print("check_stubs: %d of %d programs fail" % (bad, len(progs)))
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
