#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_debug.py — source backtraces of uncaught exceptions and traps (issue 15): sensec
# programs (progs/*.ml) run by sensevm-run, compared with real OCaml's OCAMLRUNPARAM=b
# output where OCaml has the same frames; the target's report (--backtrace-pcs, the
# runtime's svm_format_fault) symbolised by senseasm --addr2line into the same lines;
# stripped images; two containers.
# usage: test_debug.py SENSEC SENSEASM SENSEVM-RUN PROGS-DIR WORK-DIR
import os
import re
import shutil
import subprocess
import sys

# The lines, start and end characters must be OCaml's exactly: sensec writes `.line L, C, E`
# before every call and raise (docs/sensec.md, "Source positions").

sensec, senseasm, runner, progs, work = map(os.path.abspath, sys.argv[1:6])
os.makedirs(work, exist_ok=True)
failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1
        if detail:
            print("  | " + "\n  | ".join(str(detail).splitlines()))


def run(cmd, stdin=None, cwd=None):
    r = subprocess.run(cmd, capture_output=True, input=stdin, cwd=cwd, timeout=120)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def build(name, *extra, out=None):
    src = os.path.join(work, name + ".ml")
    shutil.copy(os.path.join(progs, name + ".ml"), src)
    img = os.path.join(work, (out or name) + ".svm")
    # relative, as a user types it: the file name the LINES section records
    rc, o, e = run([sensec, "-o", img, name + ".ml"] + list(extra), cwd=work)
    check(rc == 0, "sensec %s" % name, e)
    return img


def build_in_work(name):
    """A program already in the work directory (a copy of a bench/ program)."""
    img = os.path.join(work, name + ".svm")
    rc, o, e = run([sensec, "-o", img, name + ".ml"], cwd=work)
    check(rc == 0, "sensec %s" % name, e)
    return img


FRAME = re.compile(r'^(Raised at|Raised by primitive operation at|Re-raised at|Called from|Blocked at|'
                   r'Trapped at) (unknown location|\S+)(?: in file "([^"]+)", line (\d+)(?:, characters? (\d+(?:-\d+)?))?'
                   r'| \(pc 0x([0-9a-f]+)\))$')


def frames(text):
    """The backtrace lines of a report: (verb, function, file, line, char, pc)."""
    out = []
    for l in text.splitlines():
        m = FRAME.match(l)
        if m:
            v, f, file, line, ch, pc = m.groups()
            out.append((v, f, file, int(line) if line else None, ch, pc))
    return out


def first_lines(name):
    """1-based line of each top-level `let NAME` of a program (its function's start)."""
    starts = {}
    with open(os.path.join(progs, name + ".ml")) as f:
        for i, l in enumerate(f, 1):
            m = re.match(r"let (?:rec )?(\w+|\(\))", l)
            if m:
                starts[m.group(1)] = i
    return starts


def ocaml_run(name):
    """The stderr of real OCaml's `ocamlc -g` build of progs/NAME.ml run with OCAMLRUNPARAM=b
    (the program is in the work directory: build() copied it)."""
    exe = os.path.join(work, name + ".byte")
    run([ocamlc, "-g", "-o", exe, name + ".ml"], cwd=work)
    r = subprocess.run([exe], capture_output=True, env=dict(os.environ, OCAMLRUNPARAM="b"),
                       timeout=60)
    return r.stderr.decode()


def same_as_ocaml(name, err, nframes):
    """Our report's frames are OCaml's: verbs, functions, files, lines, characters C-E."""
    theirs = ocaml_run(name)
    check(len(frames(theirs)) == nframes and frames(err) == frames(theirs),
          "%s: verbs, functions, files, lines and characters C-E as OCaml's" % name,
          "ours:\n" + err + "\nOCaml's:\n" + theirs)


ocamlc = shutil.which("ocamlc")

# ---- 1. an exception from nested calls, re-raised by a handler: as OCaml prints it ----
nested = build("nested")
rc, out, err = run([runner, nested])
check(rc == 2 and out == "cleaning up\n", "nested: exit status 2 and the handler's output",
      out + err)
check(err.startswith("Fatal error: exception Not_found\n"), "nested: the exception first", err)
ours = frames(err)
want = [("Raised at", "Nested.find"), ("Called from", "Nested.lookup"),
        ("Called from", "Nested.total"), ("Called from", "Nested.guarded"),
        ("Re-raised at", "Nested.guarded"), ("Called from", "Nested")]
check([(v, f) for v, f, *_ in ours] == want, "nested: the frames, innermost first, with the "
      "re-raise appended", err)
check(all(fi == "nested.ml" for _, _, fi, *_ in ours), "nested: every frame names nested.ml",
      err)
starts = first_lines("nested")
last = max(starts.values()) + 5
ok = True
for v, f, fi, line, ch, pc in ours:
    lo = starts[f.split(".")[-1]] if "." in f else starts["()"]
    ok = ok and line is not None and lo <= line <= last
check(ok, "nested: each line lies in its function", err)

if ocamlc:
    same_as_ocaml("nested", err, 6)
else:
    print("note: no ocamlc: the comparison with OCaml's output is skipped")

# ---- 1b. frames inside closure bodies name their function, exactly as OCaml's ----
closure = build("closure")
rc, out, err = run([runner, closure])
cl_ours = frames(err)
check(rc == 2 and [f for _, f, *_ in cl_ours] == ["Closure.find"] * 4 + ["Closure.g", "Closure"],
      "closure: frames in a closure body are named after find", err)
if ocamlc:
    same_as_ocaml("closure", err, 6)

# ---- 1c. local named functions and anonymous functions: M.f.k, M.g.h.(fun), M.(fun) ----
local = build("local")
rc, out, err = run([runner, local])
lo_ours = frames(err)
check(rc == 2 and [f for _, f, *_ in lo_ours][:2] == ["Local.f.k", "Local.f.loop"] and
      "Local.g.h.(fun)" in err and "Local.(fun)" in err,
      "local: frames of local functions are M.f.k, of anonymous ones M.f.(fun)", err)
if ocamlc:
    same_as_ocaml("local", err, 12)

# ---- 1c'. a local operator's body gets a valid symbol (anonymous: M.f.(fun)) ----
localop = build("localop")
rc, out, err = run([runner, localop])
check(rc == 2 and [f for _, f, *_ in frames(err)] == ["Localop.f.(fun)", "Localop"],
      "localop: a local operator compiles; its frame is M.f.(fun)", err)

# ---- 1d. a raise and a call whose text spans lines: OCaml's end is past the first line ----
multi = build("multiline")
rc, out, err = run([runner, multi])
check(rc == 2 and "line 3, characters 24-49" in err, "multiline: characters C-E, E past the line",
      err)
if ocamlc:
    same_as_ocaml("multiline", err, 3)

# ---- 2. a primitive's exception; a tail call leaves no frame (as in OCaml) ----
divide = build("divide")
rc, out, err = run([runner, divide])
fr = frames(err)
check(rc == 2 and err.startswith("Fatal error: exception Division_by_zero\n"),
      "divide: Division_by_zero", err)
check([(v, f) for v, f, *_ in fr] == [("Raised by primitive operation at", "Divide.ratio"),
                                     ("Called from", "Divide")],
      "divide: raised by the primitive in ratio; average's tail call elided", err)
check(fr and fr[0][3] == first_lines("divide")["ratio"], "divide: the line of ratio", err)

# ---- 3. a trap: its name, where, its limit, and the same backtrace ----
deep = build("deep", "--stack", "4K")
rc, out, err = run([runner, deep])
lines = err.splitlines()
check(rc == 2 and re.match(r"sensevm-run: \S+deep\.svm: trap: stack overflow at pc 0x[0-9a-f]+ "
                           r"\(\w+\) in context 0$", lines[0] if lines else ""),
      "deep: the trap line names the trap, pc, instruction and context", err)
check(len(lines) > 1 and "the stack limit is 4096 bytes" in lines[1],
      "deep: the limit it hit", err)
fr = frames(err)
check(fr and fr[0][:3] == ("Trapped at", "Deep.down", "deep.ml") and
      all(x[:2] == ("Called from", "Deep.down") for x in fr[1:]) and len(fr) == 16 and
      lines[-1].startswith("(more frames"),
      "deep: trapped in down, 16 frames kept, the rest announced", err)

# ---- 4. the target's report, symbolised on the host, reads as the desktop's ----
for img in (nested, divide, deep):
    rc, out, full = run([runner, img])
    rc2, out2, pcs = run([runner, "--backtrace-pcs", img])
    check(rc2 == rc and re.search(r"^svm-bt [0-9a-f]{16}( r?0x[0-9a-f]+)+( \.\.\.)?$", pcs, re.M),
          "%s: --backtrace-pcs prints the target's svm-bt line" % os.path.basename(img), pcs)
    rc3, sym, e3 = run([senseasm, "--addr2line", img], stdin=pcs.encode())
    check(rc3 == 0 and frames(sym) == frames(full),
          "%s: senseasm --addr2line turns it into the same backtrace" % os.path.basename(img),
          "desktop:\n" + full + "\nsymbolised:\n" + sym + e3)

# ---- 5. a stripped image runs; its backtrace has pcs; the full copy symbolises it ----
stripped = build("nested", "--strip", out="nested-stripped")
rc, out, err = run([runner, stripped])
fr = frames(err)
check(rc == 2 and len(fr) == len(ours) + 1 and
      all(f == "unknown location" and pc for _, f, _, _, _, pc in fr),
      "stripped: the same frames (and the entry's) as pcs", err)
rc, out, pcs = run([runner, "--backtrace-pcs", stripped])
rc, sym, e = run([senseasm, "--addr2line", nested], stdin=pcs.encode())
check(frames(sym) == ours and "warning: the backtrace is of image" in e,
      "stripped: the unstripped image symbolises its pcs (with a warning: other digest)",
      sym + e)

# ---- 6. pcs on the command line: r0xPC is a return address ----
m = re.search(r"svm-bt \S+ (0x[0-9a-f]+) (r0x[0-9a-f]+)", pcs)
rc, out, err = run([senseasm, "--addr2line", nested, m.group(1), m.group(2)])
got = out.split()
check(rc == 0 and len(got) == 6 and got[1] == "Nested.find" and got[4] == "Nested.lookup",
      "--addr2line PC r0xPC: the raise in find, the call in lookup", out + err)

# ---- 7. two containers: the report names the one that faulted on every line ----
worker = build("worker")
rc, out, err = run([runner, nested, worker])
fl = [l for l in err.splitlines() if l.strip()]
check(fl and all(l.startswith("sensevm-run: nested: ") for l in fl) and
      len(frames("\n".join(l[len("sensevm-run: nested: "):] for l in fl))) == len(ours),
      "two containers: each report line carries the container's name", err)

# ---- 9. --trace: every instruction with its source line; --trace=calls; scheduled ----
rc, out, err = run([runner, "--trace", nested])
tl = err.splitlines()
check(any(re.match(r"trace: nested/0 [0-9a-f]{6} <Nested\.find\+0x0> \S.*  ; nested\.ml:\d+$", l)
          for l in tl), "--trace: a line per instruction with its source line", err[:800])
rc, out, err = run([runner, "--trace=calls", nested])
calls = [l for l in err.splitlines() if l.startswith("trace: ")]
want = ["main", "Nested.__init", "Nested.guarded", "Nested.total", "Nested.lookup",
        "Nested.find", "Nested.find", "Nested.find"]
got = [re.match(r"trace: nested/0 call (\S+)(?:  ; nested\.ml:(\d+))?$", l) for l in calls]
ok = len(got) == len(want) and all(got)
for m, f in zip(got, want):
    if ok and f != "main":  # each function's line: its `let` or the next two (its body)
        first = starts["()"] if f == "Nested.__init" else starts[f.split(".")[-1]]
        ok = m.group(1) == f and m.group(2) and first <= int(m.group(2)) <= first + 2
check(ok, "--trace=calls: one line per function entered, with its line", "\n".join(calls))
rc, out, err = run([runner, "--trace=call", nested])
check(rc == 2 and "--trace=call" in err, "--trace=VALUE other than calls is a usage error", err)
pc = build("threads")
rc, out, err = run([runner, "--trace", pc, worker])
rc2, out2, err2 = run([runner, "--trace", pc, worker])
who = set(l.split()[1] for l in err.splitlines() if l.startswith("trace: "))
check({"threads/0", "threads/1", "worker/0"} <= who and err == err2 and out == out2,
      "--trace of a scheduled program: contexts and containers prefixed, deterministic",
      sorted(who))
rc, out, err = run([runner, "--trace=calls", pc, worker])
check(any(l.startswith("trace: threads/1 call Threads.") for l in err.splitlines()),
      "--trace=calls under the scheduler: a thread's calls carry its context", err[:800])

# ---- 10. --profile: a flat profile by function, hot function first ----
PROF = re.compile(r"^sensevm-run: profile: +(\d+) +([\d.]+)% +(\d+)  (\S+)(?: \((\S+):(\d+)\))?$")
shutil.copy(os.path.join(progs, "..", "..", "..", "bench", "ml", "fib.ml"), work)
fib = build_in_work("fib")
for mode in ([], ["--no-sched"]):
    rc, out, err = run([runner, "--profile", "--max-steps", "300000"] + mode + [fib])
    rows = [PROF.match(l) for l in err.splitlines() if PROF.match(l)]
    check(rows and rows[0].group(4) == "Fib.fib" and float(rows[0].group(2)) > 99 and
          rows[0].group(5) == "fib.ml" and
          "sensevm-run: profile: fib: 300000 instructions, " in err,
          "--profile %s on bench B1 (fib): the hot function first, with its source" %
          " ".join(mode), err[-1500:])
alloc = build("alloc")
rc, out, err = run([runner, "--profile", alloc])
rows = {m.group(4): m for m in (PROF.match(l) for l in err.splitlines()) if m}
check(rc == 0 and out == "10000" and "Alloc.build" in rows and "Alloc.len" in rows and
      int(rows["Alloc.build"].group(3)) >= 10000 * 12 and int(rows["Alloc.len"].group(3)) == 0,
      "--profile: allocations by function (build's list cells, len none)", err)

# ---- 11. sensec's command line: nothing forwarded silently, wrong kinds say what to do ----
rc, out, err = run([sensec, "--stirp", "nested.ml"], cwd=work)
check(rc == 2 and "unknown option '--stirp'; did you mean '--strip'?" in err,
      "sensec: an unknown option is an error with did-you-mean, not a link option", err)
rc, out, err = run([sensec, "nested.ml", "--bogus=1"], cwd=work)
check(rc == 2 and "unknown option '--bogus'" in err, "sensec: --opt=value unknown too", err)
rc, out, err = run([sensec, "nested.ml", "--strip", "-o", "x.svm", "--map=x.map"], cwd=work)
check(rc == 0 and os.path.exists(os.path.join(work, "x.map")),
      "sensec: link options (and --opt=value forms) still reach senseasm", err)
for f, want in (("nested.svm", "run it with sensevm-run nested.svm"),
                ("app.o", "link it with senseasm -o app.svm app.o"),
                ("prog.s", "assemble it with senseasm"), ("fw.c", "is C"),
                ("app.hex", "Intel HEX")):
    rc, out, err = run([sensec, f], cwd=work)
    check(rc == 2 and want in err, "sensec %s: says what it is and what to do" % f, err)

# ---- 12. a deadlock: where each blocked context waits, with its backtrace ----
dl = build("deadlock")
rc, out, err = run([runner, dl])
lines = err.splitlines()
blocked = [l for l in lines if re.match(r"  context \d+ \(thread \d+\) waits at pc 0x[0-9a-f]+ "
                                         r"\(svc ev_receive_sync\)$", l)]
fr = frames(err)
check(rc == 2 and lines and lines[0].endswith("deadlock: 2 contexts blocked forever") and
      len(blocked) == 2 and
      [(v, f, x) for v, f, _, x, *_ in fr] ==
      [("Blocked at", "Deadlock.wait_for", 7), ("Called from", "Deadlock", 15),
       ("Blocked at", "Deadlock.wait_for", 7), ("Called from", "Deadlock.worker", 10)],
      "deadlock: each blocked context, the service it waits in and its source backtrace", err)
rc, out, err = run([runner, dl, worker])
check(rc == 2 and all(l.startswith("sensevm-run: deadlock: ") for l in err.splitlines()) and
      len(frames("\n".join(l[len("sensevm-run: deadlock: "):] for l in err.splitlines()))) == 4,
      "deadlock of one of two containers: its lines carry its name", err)

# ---- 13. --max-steps: the trap states the limit (scheduled and --no-sched) ----
for mode in ([], ["--no-sched"]):
    rc, out, err = run([runner, "--max-steps", "40"] + mode + [nested])
    lines = err.splitlines()
    check(rc == 2 and len(lines) > 2 and "trap: fuel exhausted at pc" in lines[0] and
          lines[1] == "  fuel exhausted after 40 steps (--max-steps 40)" and
          frames(err) and frames(err)[0][0] == "Trapped at",
          "--max-steps %s: the trap names the limit, then where it stopped" % " ".join(mode), err)

# ---- 14. one CLI rule: each tool's unknown option, with a did-you-mean when close ----
for tool, opt, want in ((sensec, "--stirp", "--strip"), (senseasm, "--stirp", "--strip"),
                        (senseasm, "--adr2line", "--addr2line"),
                        (runner, "--max-step=5", "--max-steps"), (sensec, "--keep-temp",
                                                                  "--keep-temps")):
    rc, out, err = run([tool, opt, "x"], cwd=work)
    name = opt.split("=")[0]
    check(rc == 2 and "unknown option '%s'; did you mean '%s'?" % (name, want) in err,
          "%s %s: did you mean %s" % (os.path.basename(tool), opt, want), err)
for tool in (sensec, senseasm, runner):
    rc, out, err = run([tool, "--frobnicate", "x"], cwd=work)
    check(rc == 2 and "unknown option '--frobnicate'" in err and "did you mean" not in err,
          "%s --frobnicate: unknown, nothing close" % os.path.basename(tool), err)

# ---- 8. the target's half (tests/target/fw_backtrace prints bt/bt.console on QEMU) ----
btdir = os.path.join(os.path.dirname(progs), "..", "target", "bt")
rc, out, err = run(["sh", os.path.join(btdir, "regen.sh"), sensec, senseasm, runner, "--check",
                    os.path.join(work, "bt")])
check(rc == 0, "target: bt.console is today's report of bt.svm (regen.sh --check)", out + err)
btimg = os.path.join(work, "bt", "bt.svm")
with open(os.path.join(btdir, "bt.console"), "rb") as f:
    console = f.read()
rc, sym, e = run([senseasm, "--addr2line", btimg], stdin=console)
rc2, out2, full = run([runner, "--no-sched", btimg])
want = [("Raised at", "Bt.find"), ("Called from", "Bt.lookup"), ("Called from", "Bt.total"),
        ("Called from", "Bt.guarded"), ("Re-raised at", "Bt.guarded"), ("Called from", "Bt")]
check(rc == 0 and [x[:2] for x in frames(sym)] == want and frames(sym) == frames(full) and
      all(x[2] == "bt.ml" for x in frames(sym)) and not e,
      "target: its console report symbolised on the host gives the source backtrace",
      sym + e + "\ndesktop:\n" + full)

sys.exit(1 if failures else 0)
