#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Speed on the target: the benchmarks B1..B6, scaled down to fit a small board, on QEMU's
Cortex-M4 (mps2-an386) under -icount, counted in guest instructions by a TCG plugin
(insncount.c) for Sense-VM (fw_bench, from the cross build) and for Lua 5.4 built for the
same board from Debian's lua5.4 source package (scripts/fetch-lua-src.sh; without network
the Lua column is skipped, and the script says so); the code size of each interpreter;
and, with --fw-latency, the interrupt-to-container latency (fw_latency.c).

The scaled programs are made from the desktop sources bench/ml/NAME.ml and bench/lua/NAME.lua
by replacing their size constants (SCALE below; each must occur exactly once), compiled with
the native sensec. Each program runs twice: the two counts must be equal (the count is exact
and repeatable), and so must the output be the expected one.

usage: run.py --fw-bench ELF [--fw-latency ELF] [--native BUILDDIR] [--out DIR]
              [--only NAME,...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.dirname(HERE)

# name, title, expected output, [(file kind, desktop text, scaled text)]
SCALE = [
    ("fib", "B1 fib 20", "6765", [("ml", "(fib 30)", "(fib 20)"), ("lua", "fib(30)", "fib(20)")]),
    ("tak", "B2 tak 18 12 6 x10", "70",
     [("ml", "1 to 7500", "1 to 10"), ("lua", "1, 7500", "1, 10")]),
    ("loop", "B3 loop 100k mod", "100002",
     [("ml", "9_999_999", "99_999"), ("lua", "9999999", "99999")]),
    ("map", "B4 list map+sum 1k x5", "500500",
     [("ml", "go 999_999", "go 999"), ("lua", "999999, 0", "999, 0")]),
    ("fold", "B5 closure fold 1k x10", "1000000",
     [("ml", "go 999_999", "go 999"), ("lua", "999999, 0", "999, 0")]),
    ("pingpong", "B6 ping-pong 10k", "10000",
     [("ml", "1 to 1_000_000", "1 to 10_000"), ("lua", "1, 1000000", "1, 10000")]),
]
# The cross file's code generation (cross/cortex-m4f-mps2.ini), for the Lua firmware
CPU = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"]
CFLAGS = CPU + ["--specs=picolibc.specs", "-Os", "-ffunction-sections", "-fdata-sections"]
LDFLAGS = CPU + ["--specs=picolibc.specs", "--crt0=semihost", "--oslib=semihost",
                 "-Wl,--gc-sections", "-Wl,--defsym=__flash=0x00000000",
                 "-Wl,--defsym=__flash_size=0x00200000", "-Wl,--defsym=__ram=0x20000000",
                 "-Wl,--defsym=__ram_size=0x00400000"]
# Lua 5.4: the core, the auxiliary library and the libraries fw_lua.c opens
LUA_CORE = ["lapi", "lcode", "lctype", "ldebug", "ldo", "ldump", "lfunc", "lgc", "llex", "lmem",
            "lobject", "lopcodes", "lparser", "lstate", "lstring", "ltable", "ltm", "lundump",
            "lvm", "lzio", "lauxlib", "lbaselib", "lcorolib", "lstrlib", "ltablib", "lmathlib"]
INBOX = 0x00300000
TICK_N = 21  # fw_latency.c: lat_tick's writes per tick case
ICOUNT = "shift=0,sleep=off"  # 1 instruction = 1 ns of virtual time; no real-time sleep


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def symbol(elf, name):
    out = subprocess.run(["arm-none-eabi-nm", elf], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return int(f[0], 16) & ~1
    raise SystemExit("run.py: %s has no symbol %s" % (elf, name))


def qemu(elf, plugin, marks, blobs=(), timeout=300):
    """Run elf under QEMU with the plugin; return (exit code, the guest's output, QEMU's
    other messages, [(mark index, count)], total)."""
    cmd = ["qemu-system-arm", "-M", "mps2-an386", "-display", "none", "-monitor", "none",
           "-serial", "none", "-chardev", "stdio,id=sh0",
           "-semihosting-config", "enable=on,target=native,chardev=sh0",
           "-icount", ICOUNT, "-plugin", plugin + "".join(",mark=0x%x" % m for m in marks),
           "-d", "plugin", "-kernel", elf]
    for blob, addr in blobs:  # files flashed at addr (the firmware's image inbox)
        cmd[-2:-2] = ["-device", "loader,file=%s,addr=0x%x,force-raw=on" % (blob, addr)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    hits, total, err = [], None, []
    for line in r.stderr.splitlines():
        m = re.match(r"insncount: mark (\d+) (\d+)$", line)
        if m:
            hits.append((int(m.group(1)), int(m.group(2))))
        elif line.startswith("insncount: total "):
            total = int(line.split()[2])
        else:
            err.append(line)
    return r.returncode, r.stdout, "\n".join(err), hits, total


def code_size(mapfile, wanted):
    """Bytes of code (text + rodata) that the linker took from input files whose path
    matches the regular expression wanted, from a GNU ld map."""
    text = open(mapfile).read()
    text = text[text.index("Linker script and memory map"):]
    total, sect = 0, None
    for line in text.splitlines():
        m = re.match(r"^ (\.\S+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*))?$", line)
        if m:
            sect = m.group(1)
            if m.group(2) is None:
                continue
            size, path = int(m.group(3), 16), m.group(4)
        else:
            m = re.match(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$", line)
            if not m or sect is None:
                sect = None
                continue
            size, path = int(m.group(2), 16), m.group(3)
        if (sect.startswith(".text") or sect.startswith(".rodata")) and re.search(wanted, path):
            total += size
        sect = None
    return total


def build_lua(out):
    """Build fw_lua.elf from Debian's lua5.4 source; return (elf, map, version) or None."""
    r = subprocess.run(["sh", os.path.join(ROOT, "scripts", "fetch-lua-src.sh")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("run.py: Lua 5.4 column SKIPPED: the lua5.4 source package could not be "
              "fetched:\n" + r.stderr.strip())
        return None
    src = r.stdout.strip()
    version = open(os.path.join(src, ".svm-fetched")).read().strip()
    bdir = os.path.join(out, "lua-build")
    lsrc = os.path.join(bdir, "src")
    os.makedirs(lsrc, exist_ok=True)
    # a private copy of the sources: luaconf.h is edited (LUA_32BITS: 32-bit integers and
    # single floats, Lua's own setting for small machines; the M4F's FPU is single-precision)
    # and Debian's luaconf.h includes a header that its build generates
    for f in os.listdir(os.path.join(src, "src")):
        if f.endswith(".c") or f.endswith(".h"):
            shutil.copyfile(os.path.join(src, "src", f), os.path.join(lsrc, f))
    conf = open(os.path.join(lsrc, "luaconf.h")).read()
    conf2 = re.sub(r"#define LUA_32BITS\s+0\b", "#define LUA_32BITS\t1", conf)
    if conf2 == conf:
        raise SystemExit("run.py: cannot set LUA_32BITS in %s/src/luaconf.h" % src)
    open(os.path.join(lsrc, "luaconf.h"), "w").write(conf2)
    open(os.path.join(lsrc, "lua5.4-deb-multiarch.h"), "w").write(
        '#define DEB_HOST_MULTIARCH "arm-none-eabi"\n')
    objs = []
    for m in LUA_CORE + ["fw_lua"]:
        c = os.path.join(HERE, m + ".c") if m == "fw_lua" else os.path.join(lsrc, m + ".c")
        o = os.path.join(bdir, m + ".o")
        # a fixed hash seed (Lua's default takes time(): host time through semihosting,
        # which made the count differ by a few dozen instructions from run to run)
        extra = ["-Wall", "-Wextra", "-Werror", "-I" + lsrc] if m == "fw_lua" else \
            ["-Dluai_makeseed(L)=0u"]
        sh(["arm-none-eabi-gcc"] + CFLAGS + extra + ["-c", c, "-o", o])
        objs.append(o)
    elf, mapf = os.path.join(bdir, "fw_lua.elf"), os.path.join(bdir, "fw_lua.map")
    sh(["arm-none-eabi-gcc"] + LDFLAGS + ["-Wl,-Map=" + mapf] + objs + ["-lm", "-o", elf])
    return elf, mapf, version


def scaled(kind, name, rules, out):
    path = os.path.join(BENCH, kind, "%s.%s" % (name, kind))
    text = open(path).read()
    for k, old, new in rules:
        if k != kind:
            continue
        if text.count(old) != 1:
            raise SystemExit("run.py: %r occurs %d times in %s (want once)" %
                             (old, text.count(old), path))
        text = text.replace(old, new)
    # "t_" + name: a file named map.ml would be module Map, which the stdlib takes
    dst = os.path.join(out, "t_%s.%s" % (name, kind))
    open(dst, "w").write(text)
    return dst


def measure(elf, plugin, blob, expect, who, name):
    """Run twice; return (instructions between the marks, stderr) or None on a failure."""
    marks = [symbol(elf, "bench_start"), symbol(elf, "bench_stop")]
    counts = []
    for _ in range(2):
        rc, out, err, hits, _ = qemu(elf, plugin, marks, [(blob, INBOX)])
        d = dict(hits)
        # the program's output, then the firmware's own lines ("fw_bench: ...")
        prog = "\n".join(x for x in out.splitlines() if not x.startswith("fw_"))
        err = out + err
        if rc != 0 or prog.strip() != expect or len(hits) != 2 or 0 not in d or 1 not in d:
            print("run.py: %s on %s: exit %d, output %r (expected %s): %s" %
                  (name, who, rc, out.strip()[:80], expect, err[-300:]))
            return None
        counts.append(d[1] - d[0])
    if counts[0] != counts[1]:
        print("run.py: %s on %s: two runs counted %d and %d instructions" %
              (name, who, counts[0], counts[1]))
        return None
    return counts[0], err


def latency(elf, plugin, senseasm, out, lo=None):
    """fw_latency: marks at the interrupt handler's entry (lat_irq), at the port's button
    handler (which pushes the event), at the scheduler handing the woken high-priority
    context to the VM (lat_resume) and at its device write (lat_led); and at the SysTick
    handler, for the tick cases (lat_tick). Returns {case: [(to the port's handler, to
    the resume, to the led0 write)]}, plus "load units" and "tick late" (run_load,
    run_tick in fw_latency.c)."""
    names = ["lat_irq", "button_isr", "lat_resume", "lat_led", "systick_isr"]
    marks = [symbol(elf, n) for n in names]
    blobs = []
    # the woken container: the scheduler tests' button -> led0 program at priority 200
    button = os.path.join(ROOT, "tests", "sched", "progs", "button.s")
    lo = lo or os.path.join(HERE, "lat_lo.s")  # --lat-lo: another load (issue 13's busters)
    # the tick cases' container: the scheduler tests' blinky (led0 on logical deadlines),
    # every 2 ms instead of 500, 21 writes instead of 6
    tick = os.path.join(out, "lat_tick.s")
    text = open(os.path.join(ROOT, "tests", "sched", "progs", "blinky.s")).read()
    for old, new in (("addimm 500\n", "addimm 2\n"), ("quote 6\n", "quote %d\n" % TICK_N)):
        if text.count(old) != 1:
            raise SystemExit("run.py: %r occurs %d times in blinky.s (want once)" %
                             (old, text.count(old)))
        text = text.replace(old, new)
    open(tick, "w").write(text)
    for name, src, opts, addr in (
            ("lat_hi", button, ["--name", "lat_hi", "--priority", "200"], INBOX),
            ("lat_lo", lo, [], INBOX + 0x40000),
            ("lat_lo_fuel1000", lo, ["--fuel", "1000"], INBOX + 0x80000),
            ("lat_tick", tick,
             ["--name", "lat_tick", "--priority", "200"], INBOX + 0xc0000)):
        img = os.path.join(out, name + ".svm")
        sh([senseasm, "-o", img] + opts + [src])
        blobs.append((img, addr))
    rc, out, err, hits, _ = qemu(elf, plugin, marks, blobs)
    if rc != 0:
        print("run.py: fw_latency: exit %d: %s %s" % (rc, out[-300:], err[-300:]))
        return None
    # the firmware prints "case NAME N" before each case's N interrupts; the marks of one
    # interrupt come in the order of names (lat_resume is also reached when the high
    # context first runs, before any interrupt: only those after an interrupt count)
    cases = [(m.group(1), int(m.group(2))) for m in
             re.finditer(r"^case (\S+) (\d+)$", out, re.M)]
    per, t = [], None
    for idx, count in hits:
        if idx == 0:
            t = [count]
        elif t is not None and idx == len(t):
            t.append(count)
            if len(t) == 4:
                per.append(tuple(x - t[0] for x in t[1:]))
                t = None
    res, k = {}, 0
    for name, n in cases:
        res[name] = per[k:k + n]
        k += n
    # the low container's units in each case (same interrupt times in every case): what
    # the interrupt cut costs it is busy-cut's shortfall against busy
    res["load units"] = {m.group(1): int(m.group(2)) for m in
                         re.finditer(r"^load (\S+) (\d+) units$", out, re.M)}
    # the timer half: the tick cases come last, each with n resumptions of lat_tick (the
    # first is its start); each other one counts from the SysTick handler before it
    ticks = [(m.group(1), int(m.group(2))) for m in
             re.finditer(r"^tick (\S+) (\d+)$", out, re.M)]
    resumes, last_tick = [], None
    for idx, count in hits:
        if idx == 4:
            last_tick = count
        elif idx == 2:
            resumes.append(count - last_tick if last_tick is not None else 0)
    res["tick late"], j = {}, len(resumes) - sum(n for _, n in ticks)
    for name, n in ticks:
        res["tick late"][name] = max(resumes[j + 1:j + n])
        j += n
    if k != len(per) or any(len(v) == 0 for v in res.values()):
        print("run.py: fw_latency: %d measurements for %s" % (len(per), cases))
        return None
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fw-bench", required=True)
    ap.add_argument("--fw-latency", default="")
    ap.add_argument("--native", default=os.environ.get("SVM_NATIVE_BUILD",
                                                       os.path.join(ROOT, "build")))
    ap.add_argument("--out", default="bench-target-work")
    ap.add_argument("--only", default="")
    ap.add_argument("--check-cut", type=int, default=None, metavar="N",
                    help="with --fw-latency (the test fw-latency-cut): fail unless, behind "
                         "the busy low container, the interrupt cut (case busy-cut) resumes "
                         "the woken container within N guest instructions of the idle case, "
                         "and without it (case busy) it waits more than 10 N")
    ap.add_argument("--lat-lo", default=None,
                    help="the low container of fw_latency's busy cases (default lat_lo.s; "
                         "tests/isolation/target/*.s: the slice-busters)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    sensec = os.path.join(os.path.abspath(a.native), "compiler", "sensec")
    if not os.access(sensec, os.X_OK):
        raise SystemExit("run.py: no native sensec at %s: build the native tree first (meson "
                         "setup build && ninja -C build) or pass --native DIR" % sensec)
    plugin = os.path.join(out, "libinsncount.so")
    sh(["cc", "-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-o", plugin,
        os.path.join(HERE, "insncount.c")])
    qv = subprocess.run(["qemu-system-arm", "--version"], capture_output=True,
                        text=True).stdout.splitlines()[0]
    # --lat-lo measures the latency only: no benchmarks, no Lua
    lua = build_lua(out) if not a.lat_lo else None
    only = set(filter(None, a.only.split(","))) if not a.lat_lo else {"-"}
    rows, bad = [], 0
    for name, title, expect, rules in SCALE:
        if only and name not in only:
            continue
        img = os.path.join(out, name + ".svm")
        sh([sensec, "-o", img, scaled("ml", name, rules, out)])
        sv = measure(a.fw_bench, plugin, img, expect, "Sense-VM", name)
        lu = measure(lua[0], plugin, scaled("lua", name, rules, out), expect, "Lua", name) \
            if lua else None
        bad += sv is None or (lua is not None and lu is None)
        gc = re.search(r"(\d+) collections, live high-water (\d+) bytes", sv[1]) if sv else None
        peak = re.search(r"peak heap (\d+) bytes", lu[1]) if lu else None
        rows.append((title, sv[0] if sv else None, lu[0] if lu else None,
                     "%s GCs, live %s B" % gc.groups() if gc else "-",
                     "%s B" % peak.group(1) if peak else "-"))

    def n(x):
        return "%12d" % x if x is not None else "%12s" % "-"
    print("== guest instructions per benchmark (QEMU mps2-an386 Cortex-M4, -icount %s; "
          "exact, two runs equal)" % ICOUNT)
    print("%-24s %12s %12s %7s  %-24s %s" % ("benchmark", "Sense-VM", "Lua 5.4", "sv/lua",
                                             "Sense-VM heap 64 KB", "Lua peak heap"))
    for title, sv, lu, gc, peak in rows:
        r = "%7.2f" % (sv / lu) if sv and lu else "%7s" % "-"
        print("%-24s %s %s %s  %-24s %s" % (title, n(sv), n(lu), r, gc, peak))
    print("== code size (text + rodata, bytes, -Os Thumb-2, as linked)")
    bmap = os.path.splitext(a.fw_bench)[0] + ".map"
    if os.path.exists(bmap):
        vm = code_size(bmap, r"lib(svbc|svl|svm|svm_interp)\.a")
        sch = code_size(bmap, r"lib(svmsched|svmvmsched)\.a")
        port = code_size(bmap, r"lib(svm_cortexm|svm_cm_evq)\.a")
        print("%-64s %7d" % ("Sense-VM: interpreter, GC, loader, bytecode library", vm))
        print("%-64s %7d" % ("Sense-VM: container scheduler and its VM glue", sch))
        print("%-64s %7d" % ("Sense-VM: all of the above", vm + sch))
        print("%-64s %7d" % ("Sense-VM: Cortex-M port (HAL; not counted above)", port))
    if lua:
        core = code_size(lua[1], r"/lua-build/l\w+\.o$")
        comp = code_size(lua[1], r"/lua-build/l(parser|code|lex)\.o$")
        print("%-64s %7d" % ("Lua 5.4: core, auxlib, base/coroutine/string/table/math libs", core))
        print("%-64s %7d" % ("Lua 5.4: of which its compiler (lparser, lcode, llex)", comp))
        print("%-64s %7d" % ("Lua 5.4: without the compiler (precompiled chunks only)",
                             core - comp))
        print("Lua: %s, LUA_32BITS" % lua[2])
    print("QEMU: %s" % qv)
    if a.fw_latency:
        res = latency(a.fw_latency, plugin, os.path.join(os.path.dirname(os.path.dirname(
            sensec)), "assembler", "senseasm"), out, a.lat_lo and os.path.abspath(a.lat_lo))
        bad += res is None
        if res:
            print("== interrupt-to-container latency (guest instructions from the first "
                  "instruction of the interrupt handler; min / median / max)")
            load = res.pop("load units")
            tick = res.pop("tick late")
            if a.check_cut is not None:
                worst = {k: max(m[1] for m in v) for k, v in res.items()}
                ok = worst["busy-cut"] <= worst["idle"] + a.check_cut and \
                    worst["busy"] > worst["idle"] + 10 * a.check_cut
                print("check-cut: idle %d, busy %d, busy-cut %d guest instructions at most "
                      "(cut within %d of idle, uncut beyond %d): %s" %
                      (worst["idle"], worst["busy"], worst["busy-cut"], a.check_cut,
                       10 * a.check_cut, "ok" if ok else "FAILED"))
                bad += not ok
            for case, v in res.items():
                cols = []
                for i, what in enumerate(("port's event push", "woken context resumed",
                                          "its led0 write")):
                    x = sorted(m[i] for m in v)
                    cols.append("%s %d / %d / %d" % (what, x[0], x[len(x) // 2], x[-1]))
                print("%-14s n=%-3d %s" % (case, len(v), "; ".join(cols)))
            print("the load's progress meanwhile (units): " +
                  ", ".join("%s %d" % kv for kv in load.items() if kv[1]))
            print("a 2 ms periodic container, resumed after its deadline's tick (guest "
                  "instructions, the max of %d): " % (TICK_N - 1) +
                  ", ".join("%s %d" % kv for kv in tick.items()))
    print("results %s" % ("all correct" if not bad else "%d FAILED" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
