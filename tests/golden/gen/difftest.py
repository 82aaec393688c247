#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Differential test: random programs (gen_prog.py) run by real OCaml and by
sensec + sensevm-run must print the same stdout and exit with the same status.

    difftest.py --sensec PATH --runner PATH [--ocaml ocaml] [-n N] [--seed S]
                [--save DIR] [-j JOBS] [--size K] [--timeout SECONDS]
    difftest.py ... --from-env     N from $DIFFTEST_N (default 1000), seed from
                                   $DIFFTEST_SEED (default: derived from the time)

Program i uses generator seed S+i, so any failure is reproduced with
`gen_prog.py S+i`. Failing programs are saved to DIR (default ./difftest-failures) as
seed-NNN.ml with seed-NNN.txt (both outputs and the diff). Exit status 1 when any
program differs, 0 otherwise.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import gen_prog  # noqa: E402


def run(cmd, timeout):
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""


def text(b):
    return b.decode("utf-8", errors="backslashreplace")


def check(args, seed, workdir):
    """Returns None when OCaml and Sense agree, else (kind, report, source)."""
    src = gen_prog.generate(seed, args.size)
    path = os.path.join(workdir, "seed-%d.ml" % seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    ost, oout, oerr = run([args.ocaml, "-w", "-a", path], args.timeout)
    want = int(src.split("(* expect status ")[1].split()[0]) if "(* expect status " in src else 0
    if ost != want or b"Error:" in oerr:
        return ("generator", "ocaml rejected or failed (status %s):\n%s" % (ost, text(oerr)[:3000]), src)
    image = os.path.join(workdir, "seed-%d.svm" % seed)
    cst, cout, cerr = run([args.sensec, "-o", image, path], args.timeout)
    if cst != 0:
        return ("sensec", "sensec failed (status %s):\n%s" % (cst, text(cerr + cout)[:3000]), src)
    cmd = [args.runner] + args.runner_arg + [image]
    rst, rout, rerr = run(cmd, args.timeout)
    for p in (path, image):
        try:
            os.remove(p)
        except OSError:
            pass
    if rst == ost and rout == oout:
        return None
    report = ["status: ocaml %s, sensevm-run %s" % (ost, rst)]
    diff = difflib.unified_diff(text(oout).splitlines(keepends=True), text(rout).splitlines(keepends=True),
                                "ocaml", "sensevm-run")
    report.append("".join(diff))
    if rerr:
        report.append("sensevm-run stderr:\n" + text(rerr)[:3000])
    return ("mismatch", "\n".join(report), src)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sensec", required=True)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--runner-arg", action="append", default=[], help="extra sensevm-run argument")
    ap.add_argument("--ocaml", default="ocaml")
    ap.add_argument("-n", type=int, default=100, help="number of programs (default 100)")
    ap.add_argument("--seed", type=int, default=1, help="first generator seed (default 1)")
    ap.add_argument("--from-env", action="store_true", help="take -n and --seed from DIFFTEST_N / DIFFTEST_SEED")
    ap.add_argument("--size", type=int, default=16, help="statements per program")
    ap.add_argument("--save", default="difftest-failures", help="directory for failing programs")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    if args.from_env:
        args.n = int(os.environ.get("DIFFTEST_N", "1000"))
        args.seed = int(os.environ.get("DIFFTEST_SEED", str(int(time.time()) % 1000000 * 1000)))

    print("difftest: %d programs, seeds %d..%d" % (args.n, args.seed, args.seed + args.n - 1), flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="difftest-") as work:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            futs = {ex.submit(check, args, args.seed + i, work): args.seed + i for i in range(args.n)}
            for fut in concurrent.futures.as_completed(futs):
                results[futs[fut]] = fut.result()
    failures = sorted((s, r) for s, r in results.items() if r is not None)
    counts = {}
    if failures:
        os.makedirs(args.save, exist_ok=True)
    for seed, (kind, report, src) in failures:
        counts[kind] = counts.get(kind, 0) + 1
        base = os.path.join(args.save, "seed-%d" % seed)
        with open(base + ".ml", "w", encoding="utf-8") as f:
            f.write(src)
        with open(base + ".txt", "w", encoding="utf-8") as f:
            f.write("%s\n%s\n" % (kind, report))
        first = report.splitlines()[0] if report else ""
        print("seed %d: %s: %s  (saved %s.ml)" % (seed, kind, first, base))
    summary = ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))
    print("difftest: %d programs, %d agree, %d differ%s" % (
        args.n, args.n - len(failures), len(failures), " (" + summary + ")" if summary else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
