#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_color.py — diagnostics in colour (issue 15, "One CLI convention"): each tool's
# --color=always (also `--color WHEN` and `--color` alone) colours its diagnostics as gcc does;
# --color=never and the default under a pipe do not; auto colours on a terminal (a pty)
# unless NO_COLOR is set and not empty.
# usage: test_color.py SENSEC SENSEASM SENSEVM-RUN WORK-DIR
import os
import subprocess
import sys

sensec, senseasm, runner, work = map(os.path.abspath, sys.argv[1:5])
os.makedirs(work, exist_ok=True)
failures = 0
ESC = "\x1b["
BOLD, RED, MAGENTA, GREEN, OFF = ESC + "01m", ESC + "01;31m", ESC + "01;35m", ESC + "01;32m", ESC + "m"


def check(ok, what, detail=""):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1
        print("  | " + "\n  | ".join(repr(detail).split("\\n")))


def env_with(no_color):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    if no_color is not None:
        env["NO_COLOR"] = no_color
    return env


def run(cmd, no_color=None, tty=False):
    """The command's stderr (a pipe, or a pty when tty) and its status."""
    env = env_with(no_color)
    if not tty:
        r = subprocess.run(cmd, capture_output=True, env=env, cwd=work, timeout=60)
        return r.returncode, r.stderr.decode(errors="replace")
    master, slave = os.openpty()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, env=env, cwd=work)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child's side is closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    rc = p.wait(timeout=60)
    return rc, out.decode(errors="replace").replace("\r\n", "\n")


def write(name, text):
    with open(os.path.join(work, name), "w") as f:
        f.write(text)


write("bad.ml", "let x = 1 +\n")
write("warn.ml", "let () = let y = 3 in ()\n")
write("bad.s", "  .text\nmain:\n  bogus 1\n")
write("good.s", "        .text\n        .global main\nmain:\n        halt\n")
write("in.txt", "at 10ms press button1\n")
write("raise.ml", "let rec f n = if n = 0 then raise Not_found else f (n - 1)\nlet () = f 3\n")
rc, err = run([sensec, "-o", "raise.svm", "raise.ml", "--color=never"])
check(rc == 0 and ESC not in err, "sensec builds raise.svm", err)

# (tool, argv without --color, what the coloured stderr holds, its status)
CASES = [
    ("sensec error", [sensec, "-S", "bad.ml", "-o", "bad.s.out"],
     [BOLD + "bad.ml:1:12:" + OFF + " " + RED + "error:" + OFF, GREEN + "^" + OFF], 1),
    ("sensec warning", [sensec, "-S", "warn.ml", "-o", "warn.s.out"],
     [BOLD + "warn.ml:1:14:" + OFF + " " + MAGENTA + "warning:" + OFF], 0),
    ("senseasm", [senseasm, "-c", "bad.s", "-o", "bad.o"],
     [BOLD + "bad.s:3:3:" + OFF + " " + RED + "error:" + OFF, GREEN + "^" + OFF], 1),
    ("senseasm usage", [senseasm, "--heap", "lots", "x.o"],
     [BOLD + "senseasm:" + OFF + " " + RED + "error:" + OFF], 2),
    ("sensec usage", [sensec, "--stirp", "x.ml"],
     [BOLD + "sensec:" + OFF + " " + RED + "error:" + OFF + " unknown option"], 2),
    ("sensevm-run usage", [runner, "--stat", "x.svm"],
     [BOLD + "sensevm-run:" + OFF + " " + RED + "error:" + OFF + " unknown option"], 2),
    ("senseasm unreadable file", [senseasm, "-c", "missing.s", "-o", "missing.o"],
     [BOLD + "senseasm:" + OFF + " " + RED + "error:" + OFF + " cannot open"], 1),
    ("senseasm board check", [senseasm, "--board", "microbit", "--heap", "4M", "-o", "big.svm",
                              "good.s"],
     [BOLD + "senseasm: big.svm:" + OFF + " " + RED + "error:" + OFF + " the program needs"], 1),
    ("sensevm-run input warning", [runner, "--input", "in.txt", "raise.svm"],
     [BOLD + "in.txt:1:" + OFF + " " + MAGENTA + "warning:" + OFF + " no container claims"], 2),
    ("sensevm-run exception", [runner, "raise.svm"], [RED + "Fatal error:" + OFF], 2),
    ("sensevm-run trap", [runner, "--max-steps", "5", "raise.svm"],
     [BOLD + "sensevm-run: raise.svm:" + OFF + " " + RED + "trap:" + OFF], 2),
]

for name, cmd, marks, status in CASES:
    plain = None
    for how, extra, no_color, tty, coloured in [
        ("--color=always", ["--color=always"], None, False, True),
        ("--color always (before the files)", None, None, False, True),
        ("--color alone", ["--color"], None, False, True),
        ("--color=always with NO_COLOR=1", ["--color=always"], "1", False, True),
        ("--color=never", ["--color=never"], None, True, False),
        ("the default under a pipe", [], None, False, False),
        ("the default on a terminal", [], None, True, True),
        ("--color=auto on a terminal, NO_COLOR empty", ["--color=auto"], "", True, True),
        ("the default on a terminal, NO_COLOR=1", [], "1", True, False),
        ("--color=auto on a terminal, NO_COLOR=1", ["--color=auto"], "1", True, False),
    ]:
        argv = cmd[:1] + ["--color", "always"] + cmd[1:] if extra is None else cmd + extra
        rc, err = run(argv, no_color, tty)
        if coloured:
            ok = rc == status and all(m in err for m in marks)
        else:
            ok = rc == status and ESC not in err and err.strip() != ""
            if plain is None and not tty:
                plain = err
        check(ok, "%s: %s %s" % (name, how, "colours" if coloured else "does not colour"),
              "status %d\n%s" % (rc, err))
    # the colours are added, nothing else changes
    rc, err = run(cmd + ["--color=always"])
    for m in [BOLD, RED, MAGENTA, GREEN, OFF]:
        err = err.replace(m, "")
    check(plain is not None and err == plain, "%s: coloured text less the escapes is the plain text"
          % name, "%r\n%r" % (err, plain))

# a bad value is a usage error, with the accepted ones named; a typo gets "did you mean"
for tool in (sensec, senseasm, runner):
    rc, err = run([tool, "--color=sometimes", "x"])
    check(rc == 2 and "auto, always or never" in err, "%s --color=sometimes: usage error"
          % os.path.basename(tool), err)
    rc, err = run([tool, "--colr", "x"])
    check(rc == 2 and "did you mean '--color'" in err, "%s --colr: did you mean '--color'"
          % os.path.basename(tool), err)

# usage errors (unknown option, missing argument): the same two lines from every tool,
# "PROG: error: MESSAGE" and the hint, exit status 2, nothing on stdout
USAGE = [
    (sensec, ["--frobnicate", "x.ml"], "unknown option '--frobnicate'"),
    (sensec, ["x.ml", "-o"], "option '-o' needs an argument"),
    (sensec, [], "no input files"),
    (senseasm, ["--frobnicate", "x.o"], "unknown option '--frobnicate'"),
    (senseasm, ["x.o", "--heap"], "option '--heap' needs an argument"),
    (runner, ["--frobnicate", "x.svm"], "unknown option '--frobnicate'"),
    (runner, ["x.svm", "--heap"], "--heap needs an argument (SIZE)"),
    (runner, [], "no image given"),
]
for tool, args, message in USAGE:
    prog = os.path.basename(tool)
    r = subprocess.run([tool] + args, capture_output=True, env=env_with(None), cwd=work,
                       timeout=60)
    want = "%s: error: %s\nTry '%s --help' for more information.\n" % (prog, message, prog)
    err = r.stderr.decode(errors="replace")
    check(r.returncode == 2 and err == want and r.stdout == b"",
          "%s %s: usage error in the one form" % (prog, " ".join(args)), err)

sys.exit(1 if failures else 0)
