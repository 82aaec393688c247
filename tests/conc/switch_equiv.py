#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The in-interpreter context switch (svm_config_t.ext_switch / ext_rendezvous) is an
optimisation only: every program must print the same, exit the same, and give the same
scheduler trace and statistics as when every switch goes back to the scheduler's loop
(sensevm-run --switch-via-scheduler), and the same with the hooks called through
svm_config_t from svm_run's loop (--generic-loop, the targets' path) as with the scheduler
glue's own loop that inlines them. Runs the scheduler test programs (CAM assembly,
tests/sched/progs, one run per line of NAME.cmd) and OCaml programs (compiled by sensec)
both ways, with --trace-sched --stats, in the fast fuel mode and with --count-steps.

usage: switch_equiv.py --senseasm A --sensec C --runner R --work DIR
                       [--progs DIR] [--input-dir DIR]... [FILE.ml ...]
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--senseasm", required=True)
    ap.add_argument("--sensec", required=True)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--progs")
    ap.add_argument("ml", nargs="*")
    a = ap.parse_args()
    runner = os.path.abspath(a.runner)
    os.makedirs(a.work, exist_ok=True)
    jobs = []  # (label, runner arguments)
    if a.progs:
        for src in sorted(glob.glob(os.path.join(a.progs, "*.s"))):
            name = os.path.basename(src)[:-2]
            r = subprocess.run([a.senseasm, "-o", os.path.join(a.work, name + ".svm"), src],
                               capture_output=True)
            if r.returncode:
                print("senseasm %s failed:\n%s" % (src, r.stderr.decode()))
                return 1
        for f in glob.glob(os.path.join(a.progs, "*.in")):
            shutil.copy(f, a.work)
        for src in sorted(glob.glob(os.path.join(a.progs, "*.s"))):
            name = os.path.basename(src)[:-2]
            cmd = os.path.join(a.progs, name + ".cmd")
            lines = open(cmd).read().splitlines() if os.path.exists(cmd) else [name + ".svm"]
            for i, l in enumerate(x for x in lines if x.strip() and not x.startswith("#")):
                jobs.append(("%s#%d" % (name, i), l.split()))
    for ml in a.ml:
        name = "ml_" + os.path.basename(ml)[:-3]
        out = os.path.join(a.work, name + ".svm")
        r = subprocess.run([a.sensec, "-o", out, ml], capture_output=True)
        if r.returncode:
            print("sensec %s failed:\n%s" % (ml, r.stderr.decode()))
            return 1
        args = [name + ".svm"]
        inp = ml[:-3] + ".input"
        if os.path.exists(inp):
            shutil.copy(inp, a.work)
            args = ["--input", os.path.basename(inp)] + args
        jobs.append((os.path.basename(ml), args))
    failed = 0
    runs = 0
    for label, args in jobs:
        for mode in ([], ["--count-steps"]):
            # the glue's loop with the hooks inlined (fast mode on hosts); svm_run's loop
            # with the hooks called through svm_config_t (as on targets; counted mode
            # always); every switch through the scheduler's loop
            variants = [[], ["--switch-via-scheduler"]]
            if not mode:
                variants.insert(1, ["--generic-loop"])
            res = []
            for via in variants:
                r = subprocess.run([runner, "--trace-sched", "--stats"] + mode + via + args,
                                   capture_output=True, cwd=a.work, timeout=120)
                res.append((r.returncode, r.stdout, r.stderr))
            runs += len(variants)
            same = all(x == res[0] for x in res)
            print("%s %s %s" % ("ok  " if same else "FAIL", label, " ".join(mode)))
            if not same:
                failed += 1
                for k in range(1, len(res)):
                    for what, i in (("exit status", 0), ("stdout", 1), ("stderr", 2)):
                        if res[0][i] != res[k][i]:
                            print("  %s differs:\n--- %s\n%s\n--- %s\n%s" % (
                                what, " ".join(variants[0]) or "default", res[0][i],
                                " ".join(variants[k]), res[k][i]))
    print("%d runs compared, %d differ" % (runs, failed))
    return 1 if failed or not jobs else 0


if __name__ == "__main__":
    sys.exit(main())
