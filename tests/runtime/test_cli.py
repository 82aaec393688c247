#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# sensevm-run's command line (issue 15, issue 13): -h/-V, options after the image, unknown
# options with "did you mean", --trace of several containers and contexts, a warning for
# input of an unclaimed device, files of the wrong kind, an input script that is not text
# or endless, and the exit statuses (0 ok, 1 bad input, 2 usage / the program's trap).
# Usage: test_cli.py SENSEASM SENSEVM_RUN RUNTIME_PROGS SCHED_PROGS WORKDIR
import os
import subprocess
import sys

asm, run, rprogs, sprogs, work = sys.argv[1:6]
os.makedirs(work, exist_ok=True)
failures = 0


def build(src, name):
    out = os.path.join(work, name + ".svm")
    subprocess.run([asm, "-o", out, src], check=True)
    return out


def sv(*args, stdin=None):
    r = subprocess.run([run] + list(args), capture_output=True, timeout=60, stdin=stdin)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def check(cond, what, detail=""):
    global failures
    if cond:
        print("ok:", what)
    else:
        failures += 1
        print("FAIL:", what, "\n" + detail)


services = build(os.path.join(rprogs, "services.s"), "services")
ping = build(os.path.join(sprogs, "pingpong.s"), "pingpong")
button = build(os.path.join(sprogs, "button.s"), "button")
hi = build(os.path.join(sprogs, "hi.s"), "hi")

rc, out, err = sv("-h")
check(rc == 0 and "usage: sensevm-run" in out and "--no-sched" in out and err == "",
      "-h prints the usage on stdout, exit 0", out + err)
rc, out, err = sv("--help")
check(rc == 0 and "--verify-key FILE" in out, "--help", out + err)
rc, out, err = sv("-V")
check(rc == 0 and out.startswith("sensevm-run ") and "image format" in out, "-V", out + err)
rc, out, err = sv("--version")
check(rc == 0 and out.startswith("sensevm-run "), "--version", out + err)

rc, out, err = sv(ping, "--stats")
check(rc == 0 and out == "1\n2\n3\n" and "stats: pingpong" in err,
      "an option after the image is taken (--stats)", out + err)
rc, out, err = sv(ping, "--heap=64K", "--stats")
check(rc == 0 and "stats:" in err, "--opt=value form", out + err)

rc, out, err = sv("--stat", ping)
check(rc == 2 and err == "sensevm-run: error: unknown option '--stat'; did you mean '--stats'?\n"
      "Try 'sensevm-run --help' for more information.\n"
      and out == "", "unknown option: names it, did you mean, exit 2", err)
rc, out, err = sv("--trase", ping)
check(rc == 2 and "did you mean '--trace'?" in err, "did you mean --trace", err)
rc, out, err = sv("--frobnicate", ping)
check(rc == 2 and "error: unknown option '--frobnicate'\nTry 'sensevm-run --help'" in err,
      "unknown option without a close one", err)
rc, out, err = sv("--heap", "lots", ping)
check(rc == 2 and "--heap needs a number of bytes (e.g. 64K), not 'lots'" in err,
      "bad option value", err)
rc, out, err = sv("--quantum", "0", ping)  # issue 13 (s6-timeiso): --quantum's range
check(rc == 2 and "--quantum must be between 1 and 4294967295" in err, "--quantum 0", err)
rc, out, err = sv()
check(rc == 2 and "no image given" in err, "no image: usage error", err)
rc, out, err = sv("--no-sched", ping, hi)
check(rc == 2 and "--no-sched runs one image" in err, "--no-sched with two images", err)

# --trace under the scheduler: two containers, several contexts, prefixed lines
rc, out, err = sv("--trace", ping, hi)
lines = err.splitlines()
check(rc == 0 and out.startswith("1\n2\n3\n") and
      any(l.startswith("trace: pingpong/0 ") for l in lines) and
      any(l.startswith("trace: pingpong/1 ") for l in lines) and
      any(l.startswith("trace: hi/0 ") for l in lines),
      "--trace a.svm b.svm traces both containers and every context", err[-2000:])
rc2, out2, err2 = sv("--trace", ping, hi)
check(err2 == err and out2 == out, "--trace is deterministic under virtual time")

# scripted input for a device nobody claims
script = os.path.join(work, "unclaimed.in")
with open(script, "w") as f:
    f.write("at 1ms press button0\nat 2ms press button1\nat 3ms press button1\n")
rc, out, err = sv("--input", script, button)
check(err.count("warning:") == 1 and
      script + ":2: warning: no container claims device 'button1': its input events are "
      "dropped\n" in err, "input for an unclaimed device: one warning, with the line", err)

# an input script that is not text, or endless (issue 13)
rc, out, err = sv("--input", "/dev/zero", ping)
check(rc == 1 and "/dev/zero: error: not a text file" in err,
      "--input /dev/zero: an error, no hang", err)
rc, out, err = sv("--input", services, ping)
check(rc == 1 and "not a text file" in err, "--input IMAGE: not a text file", err)
big = os.path.join(work, "big.in")
with open(big, "w") as f:
    f.write("# x\n" * (5 << 18))
rc, out, err = sv("--input", big, ping)
check(rc == 1 and "larger than" in err, "an input script above the limit", err)

# files of the wrong kind
obj = os.path.join(work, "app.o")
subprocess.run([asm, "-c", "-o", obj, os.path.join(sprogs, "pingpong.s")], check=True)
rc, out, err = sv(obj)
check(rc == 1 and ("app.o is a Sense object file (ELF), not a container image; link it "
                   "with senseasm -o " + obj[:-2] + ".svm " + obj) in err,
      "an object file: what it is and what to do", err)
for name, text, what in [("app.ml", "let () = print_endline \"hi\"\n", "sensec -o"),
                         ("app.s", "main: halt\n", "senseasm -o"),
                         ("app.c", "int x;\n", "C source"),
                         ("app.hex", ":00000001FF\n", "Intel HEX")]:
    p = os.path.join(work, name)
    with open(p, "w") as f:
        f.write(text)
    rc, out, err = sv(p)
    check(rc == 1 and "is " in err and what in err and "not a container image" in err,
          "a %s file says what it is" % name, err)
rc, out, err = sv(os.path.join(work, "missing.svm"))
check(rc == 1 and "cannot read" in err, "a missing image: exit 1", err)

print("%d failure(s)" % failures)
sys.exit(1 if failures else 0)
