#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Golden-test driver: compile OCaml-subset programs with sensec, run them with
sensevm-run, and compare stdout and exit status with the expected files that real OCaml
produced (see regen.sh).

    run_golden.py --sensec PATH --runner PATH [--heap SIZE] [--gc-every-alloc]
                  [--timeout SECONDS] [--keep DIR] [--sensec-arg ARG]... PROG...

PROG is a .ml file, a directory (all its *.ml files), or @FILE (a list of programs, one
per line, relative to the list's directory). For prog.ml the expected stdout is
prog.expected and the expected exit status is the number in prog.status (0 when that
file is absent). Stderr is not compared (uncaught-exception messages go there).
Exit status: 0 when every program passed, 1 otherwise, 2 on a usage error.

A program may state what it needs from the machine in a comment line of the form
    (* golden: heap 512K stack 2M *)
`stack` is passed to sensevm-run as --stack; `heap` is the least heap the program's live
data needs: it is passed as --heap when no --heap is given, and raises a smaller --heap
(the small-heap configuration) to that value.

A program made of several files names the others, relative to its directory, in
    (* golden-modules: DIR/a.ml DIR/b.ml *)
they are compiled before it, in that order (each with the a.mli beside it, if any).
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

MAX_DIFF_LINES = 60


def collect(progs):
    out = []
    for p in progs:
        if p.startswith("@"):
            lst = p[1:]
            base = os.path.dirname(os.path.abspath(lst))
            with open(lst, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line and not line.startswith("#"):
                        out.append(os.path.join(base, line))
        elif os.path.isdir(p):
            out.extend(sorted(os.path.join(p, n) for n in os.listdir(p) if n.endswith(".ml")))
        else:
            out.append(p)
    return out


def read_expected(prog):
    base = prog[:-3] if prog.endswith(".ml") else prog
    with open(base + ".expected", "rb") as f:
        stdout = f.read()
    status = 0
    if os.path.exists(base + ".status"):
        with open(base + ".status", encoding="ascii") as f:
            status = int(f.read().strip())
    return stdout, status


DIRECTIVE = re.compile(r"\(\*\s*golden:(.*?)\*\)")


def parse_size(text):
    m = re.fullmatch(r"(\d+)([KkMm]?)", text)
    if not m:
        raise ValueError("bad size %r" % text)
    return int(m.group(1)) << {"": 0, "k": 10, "m": 20}[m.group(2).lower()]


def directives(prog):
    """The `(* golden: key value ... *)` settings of a program, sizes as strings."""
    out = {}
    with open(prog, encoding="utf-8", errors="replace") as f:
        for m in DIRECTIVE.finditer(f.read()):
            words = m.group(1).split()
            for key, val in zip(words[0::2], words[1::2]):
                if key not in ("heap", "stack"):
                    raise ValueError("%s: unknown golden directive %r" % (prog, key))
                parse_size(val)
                out[key] = val
    return out


MODULES = re.compile(r"\(\*\s*golden-modules:(.*?)\*\)")


def modules(prog):
    """The other files of a multi-file program (golden-modules), as paths."""
    with open(prog, encoding="utf-8", errors="replace") as f:
        m = MODULES.search(f.read())
    base = os.path.dirname(os.path.abspath(prog))
    return [os.path.join(base, n) for n in m.group(1).split()] if m else []


def show_bytes(b):
    return b.decode("utf-8", errors="backslashreplace")


def describe_status(code):
    if code < 0:
        return "killed by signal %d" % -code
    return "exit status %d" % code


def run_one(args, prog, workdir):
    """Returns (ok, message)."""
    name = os.path.basename(prog)
    try:
        exp_out, exp_status = read_expected(prog)
    except OSError as e:
        return False, "%s: cannot read expected output: %s" % (name, e)
    image = os.path.join(workdir, os.path.splitext(name)[0] + ".svm")
    cmd = [args.sensec] + args.sensec_arg + ["-o", image] + modules(prog) + [prog]
    try:
        c = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return False, "%s: sensec timed out after %ss" % (name, args.timeout)
    if c.returncode != 0 or not os.path.exists(image):
        msg = "%s: sensec failed (%s)\n  command: %s\n" % (name, describe_status(c.returncode), " ".join(cmd))
        err = show_bytes(c.stderr + c.stdout).rstrip()
        if err:
            msg += "".join("  | " + l + "\n" for l in err.splitlines()[:40])
        return False, msg.rstrip()
    try:
        need = directives(prog)
    except (OSError, ValueError) as e:
        return False, "%s: %s" % (name, e)
    heap = args.heap
    if "heap" in need and (heap is None or parse_size(need["heap"]) > parse_size(heap)):
        heap = need["heap"]
    stack = args.stack or need.get("stack")
    cmd = [args.runner]
    if heap:
        cmd += ["--heap", heap]
    if stack:
        cmd += ["--stack", stack]
    if args.gc_every_alloc:
        cmd += ["--gc-every-alloc"]
    cmd += args.runner_arg + [image]
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        return False, "%s: sensevm-run timed out after %ss (%d bytes of output so far)\n  command: %s" % (
            name, args.timeout, len(out), " ".join(cmd))
    problems = []
    if r.returncode != exp_status:
        problems.append("expected %s, got %s" % (describe_status(exp_status), describe_status(r.returncode)))
    if r.stdout != exp_out:
        problems.append("stdout differs")
    if not problems:
        return True, "%s: ok" % name
    msg = ["%s: FAILED: %s" % (name, "; ".join(problems)), "  command: " + " ".join(cmd)]
    if r.stdout != exp_out:
        a = show_bytes(exp_out).splitlines(keepends=True)
        b = show_bytes(r.stdout).splitlines(keepends=True)
        diff = list(difflib.unified_diff(a, b, "expected (ocaml)", "actual (sensevm-run)"))
        for line in diff[:MAX_DIFF_LINES]:
            line = line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            msg.append("  " + line.rstrip("\n").replace("\n", "\n  "))
        if len(diff) > MAX_DIFF_LINES:
            msg.append("  ... (%d more diff lines)" % (len(diff) - MAX_DIFF_LINES))
    err = show_bytes(r.stderr).rstrip()
    if err:
        msg.append("  stderr:")
        msg.extend("  | " + l for l in err.splitlines()[:20])
    return False, "\n".join(msg)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sensec", required=True, help="path to the sensec compiler")
    ap.add_argument("--runner", required=True, help="path to sensevm-run")
    ap.add_argument("--heap", help="heap size passed to sensevm-run --heap (e.g. 64K)")
    ap.add_argument("--stack", help="stack size passed to sensevm-run --stack (overrides the programs' own)")
    ap.add_argument("--gc-every-alloc", action="store_true", help="pass --gc-every-alloc to sensevm-run")
    ap.add_argument("--timeout", type=float, default=float(os.environ.get("GOLDEN_TIMEOUT", "60")),
                    help="per-command timeout in seconds (default 60, env GOLDEN_TIMEOUT)")
    ap.add_argument("--keep", help="keep compiled images in this directory instead of a temp dir")
    ap.add_argument("--sensec-arg", action="append", default=[], help="extra argument for sensec")
    ap.add_argument("--runner-arg", action="append", default=[], help="extra argument for sensevm-run")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only failures and the summary")
    ap.add_argument("progs", nargs="+", help="program.ml, directory, or @listfile")
    args = ap.parse_args()
    # slow builds (sanitizers) scale every timeout, as `meson test --timeout-multiplier` does
    args.timeout *= float(os.environ.get("GOLDEN_TIMEOUT_SCALE", "1"))

    for tool in (args.sensec, args.runner):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)) and shutil.which(tool) is None:
            print("run_golden.py: not an executable: %s" % tool, file=sys.stderr)
            return 2
    progs = collect(args.progs)
    if not progs:
        print("run_golden.py: no programs given", file=sys.stderr)
        return 2

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir, tmp = args.keep, None
    else:
        tmp = tempfile.TemporaryDirectory(prefix="golden-")
        workdir = tmp.name
    failed = []
    try:
        for p in progs:
            ok, msg = run_one(args, p, workdir)
            if not ok:
                failed.append(os.path.basename(p))
            if not ok or not args.quiet:
                print(msg, flush=True)
    finally:
        if tmp is not None:
            tmp.cleanup()
    config = []
    if args.heap:
        config.append("--heap " + args.heap)
    if args.gc_every_alloc:
        config.append("--gc-every-alloc")
    cfg = " [%s]" % " ".join(config) if config else ""
    print("golden%s: %d passed, %d failed, %d total" % (cfg, len(progs) - len(failed), len(failed), len(progs)))
    if failed:
        print("failed: " + " ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
