#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The collector per container (issue 17): a program whose live data is about 85 % of a
# 16 KB heap budget runs under the mark-compact collector (manifest `gc compact`, set by
# sensec --gc, or sensevm-run --gc compact) and runs out of memory under the copying one;
# `.manifest gc compact` in assembly selects it; bad --gc values are refused.
# Usage: test_gc_heap.py SENSEC SENSEASM SENSEVM_RUN GCPROGS WORKDIR
import os
import re
import subprocess
import sys

sensec, asm, run, progs, work = sys.argv[1:6]
os.makedirs(work, exist_ok=True)
failures = 0


def check(cond, what, detail=""):
    global failures
    if cond:
        print("ok:", what)
    else:
        failures += 1
        print("FAIL:", what, "\n" + detail)


def sh(*args):
    r = subprocess.run(list(args), capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


src = os.path.join(progs, "live85.ml")
expect = "639015 24100\n"  # ocaml live85.ml
img = {}
for gc in ("copy", "compact"):
    img[gc] = os.path.join(work, "live85-" + gc + ".svm")
    rc, out, err = sh(sensec, "--heap", "16K", "--gc", gc, src, "-o", img[gc])
    check(rc == 0, "sensec --gc " + gc, err)

rc, out, err = sh(run, "--stats", img["compact"])
check(rc == 0 and out == expect, "manifest gc compact: 85 % live runs", out + err)
m = re.search(r"live high-water (\d+) bytes", err)
check(m and int(m.group(1)) >= 16384 * 83 // 100, "live data is about 85 % of 16 KB", err)
rc, out, err = sh(run, img["copy"])
check(rc != 0 and "heap exhausted" in err and out == "", "manifest gc copy: out of memory",
      out + err)
rc, out, err = sh(run, "--gc", "compact", img["copy"])
check(rc == 0 and out == expect, "sensevm-run --gc compact overrides the manifest", out + err)
rc, out, err = sh(run, "--gc", "copy", img["compact"])
check(rc != 0 and "heap exhausted" in err, "sensevm-run --gc copy overrides the manifest",
      out + err)
rc, out, err = sh(run, "--gc", "compact", "--gc-every-alloc", img["copy"])
check(rc == 0 and out == expect, "compact, collecting on every allocation", out + err)
rc, out, err = sh(run, "--no-sched", "--gc", "compact", img["copy"])
check(rc == 0 and out == expect, "compact on the bare VM", out + err)

# the directive
s = os.path.join(work, "gc_directive.svm")
rc, out, err = sh(asm, "-o", s, os.path.join(progs, "gc_directive.s"))
check(rc == 0, "senseasm .manifest gc compact", err)
rc, out, err = sh(run, "--no-sched", "--stats", s)
check(rc == 0 and out == "1" and "of 3712 bytes" in err,
      ".manifest gc compact: 3,712 of a 4 KB budget for objects", out + err)
rc, out, err = sh(run, "--no-sched", "--stats", "--gc", "copy", s)
check(rc == 0 and "of 2048 bytes" in err, "--gc copy: a 2 KB semispace", out + err)
rc, out, err = sh(asm, "--gc", "compact", "-o", s, os.path.join(progs, "gc_directive.s"))
check(rc == 0, "senseasm --gc compact", err)

# bad values
rc, out, err = sh(run, "--gc", "mark", img["copy"])
check(rc == 2 and "expected copy or compact" in err, "sensevm-run --gc mark is refused", err)
rc, out, err = sh(asm, "--gc", "mark", "-o", s, os.path.join(progs, "gc_directive.s"))
check(rc != 0 and "expected copy or compact" in err, "senseasm --gc mark is refused", err)
bad = os.path.join(work, "bad_gc.s")
with open(bad, "w") as f:
    f.write("        .manifest gc fast\n        .global main\nmain:\n        halt\n")
rc, out, err = sh(asm, "-o", s, bad)
check(rc != 0 and "bad gc 'fast'" in err, ".manifest gc fast is refused", err)

sys.exit(1 if failures else 0)
