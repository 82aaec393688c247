#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_completion.py — the bash completion of the three tools (issue 15,
# docs/completion/sensevm.bash): its option lists are each tool's --help (the options
# test_manpages.py reads from it); sourced in bash, each tool's completion function offers
# options, fixed option values (--color, --gc, --format, --policy, --board from senseasm's
# board table, --trace=calls) and files by extension.
# usage: test_completion.py SCRIPT SENSEC SENSEASM SENSEVM-RUN WORK-DIR
import os
import re
import shlex
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_manpages import options  # noqa: E402

script, sensec, senseasm, runner, work = map(os.path.abspath, sys.argv[1:6])
results = []  # (ok, what, detail), printed at the end


def check(ok, what, detail=""):
    results.append((bool(ok), what, str(detail)))


with open(script) as f:
    text = f.read()

# the option lists against --help
for tool, exe, var in [("sensec", sensec, "_sensevm_sensec_opts"),
                       ("senseasm", senseasm, "_sensevm_senseasm_opts"),
                       ("sensevm-run", runner, "_sensevm_run_opts")]:
    m = re.search(r"^%s='([^']*)'" % var, text, re.M)
    listed = set(m.group(1).split()) if m else set()
    r = subprocess.run([exe, "--help"], capture_output=True, text=True)
    helped = options(r.stdout + r.stderr, tool)
    check(r.returncode == 0 and helped and listed == helped,
          "%s: the completion's options are --help's" % tool,
          "only in --help: %s\nonly in the script: %s" % (sorted(helped - listed),
                                                         sorted(listed - helped)))

# the board names senseasm knows (its error for an unknown board lists them)
r = subprocess.run([senseasm, "--board=nonesuch"], capture_output=True, text=True)
m = re.search(r"known: ([^)]*)\)", r.stderr)
boards = sorted(m.group(1).replace(",", " ").split()) if m else []
check(len(boards) > 0, "senseasm --board names its boards", r.stderr)

# files to complete
shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(work, "lib"))
for f in ["app.ml", "util.ml", "app.s", "app.o", "libx.a", "app.svm", "notes.txt", "app.hex"]:
    open(os.path.join(work, f), "w").close()

# (words on the line, the last one being completed; the expected candidates, sorted)
CASES = [
    (["sensec", ""], ["app.ml", "lib", "util.ml"]),
    (["sensec", "u"], ["util.ml"]),
    (["sensec", "app.ml", "--co"], ["--color", "--contexts"]),
    (["sensec", "--color=a"], ["--color=always", "--color=auto"]),
    (["sensec", "--color", "=", ""], ["always", "auto", "never"]),  # COMP_WORDBREAKS has '='
    (["sensec", "--color", "n"], ["never"]),
    (["sensec", "--color", "a"], ["always", "app.ml", "auto"]),  # --color alone, then a file
    (["sensec", "--gc", ""], ["compact", "copy"]),
    (["sensec", "--board", ""], boards),
    (["sensec", "--policy", "r"], ["restart"]),
    (["sensec", "--heap", ""], []),
    (["sensec", "-o", "app.s"], ["app.s", "app.svm"]),
    (["senseasm", ""], ["app.o", "app.s", "lib", "libx.a"]),
    (["senseasm", "-d", ""], ["app.o", "app.s", "app.svm", "lib", "libx.a"]),
    (["senseasm", "--format", ""], ["c", "ihex", "raw"]),
    (["senseasm", "--format=i"], ["--format=ihex"]),
    (["senseasm", "--board", "=", ""], boards),
    (["senseasm", "--max-e"], ["--max-errors"]),
    (["senseasm", "--color", "=", "nev"], ["never"]),
    (["sensevm-run", ""], ["app.svm", "lib"]),
    (["sensevm-run", "--gc", "c"], ["compact", "copy"]),
    (["sensevm-run", "--trace=c"], ["--trace=calls"]),
    (["sensevm-run", "--no-s"], ["--no-sched"]),
    (["sensevm-run", "--board", ""], ["app.svm", "lib"]),  # not a runner option: no boards
    (["sensevm-run", "app.svm", "--col"], ["--color"]),
    (["sensevm-run", "--color=x"], []),
]
FUNC = {"sensec": "_sensevm_sensec", "senseasm": "_sensevm_senseasm",
        "sensevm-run": "_sensevm_sensevm_run"}

prog = ["source %s" % shlex.quote(script)]
for i, (words, _) in enumerate(CASES):
    prog.append("COMP_WORDS=(%s); COMP_CWORD=%d; COMPREPLY=(); %s; echo \"@@%d ${COMPREPLY[*]}\""
                % (" ".join(shlex.quote(w) for w in words), len(words) - 1, FUNC[words[0]], i))
env = dict(os.environ)
env["PATH"] = os.path.dirname(senseasm) + os.pathsep + env.get("PATH", "")
r = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(prog)], capture_output=True,
                   text=True, cwd=work, env=env, timeout=60)
got = {}
for line in r.stdout.splitlines():
    if line.startswith("@@"):
        k, _, rest = line[2:].partition(" ")
        got[int(k)] = sorted(rest.split())
check(r.returncode == 0 and r.stderr == "", "bash sources the script and runs the functions",
      r.stderr)
for i, (words, want) in enumerate(CASES):
    check(got.get(i) == sorted(want), "%s -> %s" % (" ".join(words[:-1]) + " [" + words[-1] + "]",
                                                   " ".join(sorted(want)) or "(nothing)"),
          "got %s" % got.get(i))

for ok, what, detail in results:
    print("%s %s" % ("ok:" if ok else "FAIL:", what))
    if not ok and detail:
        print("".join("  | %s\n" % line for line in detail.splitlines()), end="")
bad = sum(not ok for ok, _, _ in results)
print("%d of %d checks failed" % (bad, len(results)))
sys.exit(1 if bad else 0)
