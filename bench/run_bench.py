#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the Sense-VM benchmarks (B1..B6) side by side with OCaml's bytecode interpreter
(ocamlc + ocamlrun), Lua 5.4 and LuaJIT (its interpreter, `luajit -joff`, and for reference
its JIT, `luajit`), several times each, taking turns; print a table of medians and the
ratios Sense-VM/ocamlrun, Sense-VM/Lua and Sense-VM/`luajit -joff`, and check every result.
Lua 5.4 and both LuaJIT columns run the same bench/lua/NAME.lua.
The SAME OCaml source (bench/ml/NAME.ml) is compiled by sensec for Sense-VM and by ocamlc
for ocamlrun. With --senseasm, the hand-written assembly (bench/asm/NAME.s) is run as an
extra column ("sv-asm").
usage: run_bench.py --sensec PATH --sensevm PATH [--senseasm PATH] [--srcdir DIR]
                    [--workdir DIR] [--runs N] [--only NAME,...]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

BENCHES = [
    ("fib", "B1 fib 30", "832040"),
    ("tak", "B2 tak 18 12 6 x7500", "52500"),
    ("loop", "B3 loop 10M mod", "10000001"),
    ("map", "B4 list map+sum x5", "500500000"),
    ("fold", "B5 closure fold x10", "1000000000"),
    ("pingpong", "B6 ping-pong 1M", "1000000"),
]
SENSEVM_OPTS = ["--heap", "64M"]
# B6 uses OCaml's threads library under ocamlrun (system threads: ~20 s, so one run only)
OCAMLC_EXTRA = {"pingpong": ["-I", "+threads", "unix.cma", "threads.cma"]}
RUNS_OVERRIDE = {("pingpong", "ocamlrun"): 1}
ROUND_TRIPS = {"pingpong": 1000000}  # reported as round trips per second too


def timed(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True)
    dt = time.perf_counter() - t
    return dt, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sensec", required=True)
    ap.add_argument("--senseasm", default="")
    ap.add_argument("--sensevm", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--srcdir", default=here)
    ap.add_argument("--workdir", default="bench-work")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    a.workdir = os.path.abspath(a.workdir)  # ocamlc runs in it: a relative path would break
    os.makedirs(a.workdir, exist_ok=True)
    only = set(filter(None, a.only.split(",")))
    ocamlc = shutil.which("ocamlc")
    ocamlrun = shutil.which("ocamlrun")
    lua = shutil.which("lua5.4") or shutil.which("lua")
    luajit = shutil.which("luajit")
    rows, bad, rts = [], 0, []
    for name, title, expect in BENCHES:
        if only and name not in only:
            continue
        ml = os.path.join(a.srcdir, "ml", name + ".ml")
        img = os.path.join(a.workdir, name + ".svm")
        subprocess.run([a.sensec, "-o", img, ml], check=True)
        cmds = {"sensevm": [a.sensevm] + SENSEVM_OPTS + [img]}
        if a.senseasm and os.path.exists(os.path.join(a.srcdir, "asm", name + ".s")):
            aimg = os.path.join(a.workdir, name + ".asm.svm")
            subprocess.run([a.senseasm, "-o", aimg, os.path.join(a.srcdir, "asm", name + ".s")],
                           check=True)
            cmds["sv-asm"] = [a.sensevm] + SENSEVM_OPTS + [aimg]
        if ocamlc and ocamlrun:
            # compile a copy: ocamlc writes .cmi/.cmo next to its source
            mlcopy = os.path.join(a.workdir, name + ".ml")
            shutil.copyfile(ml, mlcopy)
            byt = os.path.join(a.workdir, name + ".byte")
            subprocess.run([ocamlc] + OCAMLC_EXTRA.get(name, []) + ["-o", byt, name + ".ml"],
                           check=True, cwd=a.workdir)
            cmds["ocamlrun"] = [ocamlrun, byt]
        luasrc = os.path.join(a.srcdir, "lua", name + ".lua")
        if lua:
            cmds["lua"] = [lua, luasrc]
        if luajit:
            cmds["lj-interp"] = [luajit, "-joff", luasrc]
            cmds["luajit"] = [luajit, luasrc]
        # the tools take turns (run i of each, then run i+1 of each), so that a change in
        # the machine's load or clock during the benchmark hits all columns alike
        times = {who: [] for who in cmds}
        failed = set()
        nruns = {who: RUNS_OVERRIDE.get((name, who), a.runs) for who in cmds}
        for i in range(max(nruns.values())):
            for who, cmd in cmds.items():
                if who in failed or i >= nruns[who]:
                    continue
                dt, r = timed(cmd)
                out = r.stdout.decode().strip()
                if r.returncode != 0 or out != expect:
                    print("%s: %s: wrong result %r (exit %d), expected %s: %s" %
                          (name, who, out, r.returncode, expect, r.stderr.decode()[:300]))
                    bad += 1
                    failed.add(who)
                    continue
                times[who].append(dt)
        med = {who: statistics.median(t) if t and who not in failed else float("nan")
               for who, t in times.items()}
        rows.append((title, med))
        if name in ROUND_TRIPS:
            rts.append((title, ROUND_TRIPS[name], med))
        sys.stdout.flush()

    def f(x):
        return "%8.3f" % x if x == x else "%8s" % "-"

    def ratio(m, k):
        return "%8.2f" % (m["sensevm"] / m[k]) if k in m and m[k] == m[k] else "%8s" % "-"

    asm = bool(a.senseasm)
    # median seconds per column, then the ratios of Sense-VM to ocamlrun, Lua 5.4 and
    # LuaJIT's interpreter (the column the speed goal is set against)
    cols = [("sensevm", "sensevm"), ("ocamlrun", "ocamlrun"), ("lua", "lua5.4"),
            ("lj-interp", "lj-joff"), ("luajit", "luajit")]
    ratios = [("ocamlrun", "sv/ocaml"), ("lua", "sv/lua"), ("lj-interp", "sv/ljoff")]
    print("%-24s " % "benchmark (median s)" + " ".join("%8s" % h for _, h in cols) + " " +
          " ".join("%8s" % h for _, h in ratios) + (" %8s" % "sv-asm" if asm else ""))
    for title, m in rows:
        print("%-24s " % title + " ".join(f(m.get(k, float("nan"))) for k, _ in cols) + " " +
              " ".join(ratio(m, k) for k, _ in ratios) +
              (" %s" % f(m.get("sv-asm", float("nan"))) if asm else ""))
    for title, n, m in rts:  # B6: millions of round trips per second
        who = [w for w in ("sensevm", "sv-asm", "ocamlrun", "lua", "lj-interp", "luajit")
               if w in m and m[w] == m[w]]
        print("%-24s " % (title + " (M round trips/s)") +
              " ".join("%s %.2f" % (w, n / m[w] / 1e6) for w in who))
    print("sensevm: sensec-compiled ml/NAME.ml; ocamlrun: ocamlc-compiled ml/NAME.ml; "
          "lua5.4, lj-joff (luajit -joff: LuaJIT's interpreter), luajit (its JIT, for "
          "reference): lua/NAME.lua" +
          ("; sv-asm: hand-written asm/NAME.s on Sense-VM" if asm else ""))
    print("runs per program: %d; results %s" % (a.runs, "all correct" if not bad else
                                                  "%d WRONG" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
