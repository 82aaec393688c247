#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_manpages.py — every option a tool's --help names is in its man page, and every
# option its man page names is in --help (issue 15: one CLI convention; the man pages list
# every option). Options named as another tool's (`senseasm --sign` in sensevm-run's help)
# do not count. usage: test_manpages.py TOOL MANPAGE [TOOL MANPAGE ...]
import os
import re
import subprocess
import sys

TOOLS = ("sensec", "senseasm", "sensevm-run")
OPT = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


def options(text, tool):
    for other in TOOLS:
        if other != tool:  # `senseasm --sign`: another tool's option
            text = re.sub(r"\b%s((?: -[\w=-]+| [A-Z.]+)+)" % re.escape(other), "", text)
    return set(OPT.findall(text))


def main(args):
    failed = 0
    for exe, man in zip(args[0::2], args[1::2]):
        tool = os.path.basename(exe)
        r = subprocess.run([exe, "--help"], capture_output=True, text=True)
        h = options(r.stdout + r.stderr, tool)
        with open(man) as f:
            m = re.sub(r"\\f[BIRP]", "", f.read().replace("\\-", "-"))
        m = options(m, tool)
        ok = r.returncode == 0 and h and h == m
        print("%s %s: --help and %s name the same options" % ("ok:" if ok else "FAIL:", tool,
                                                             os.path.basename(man)))
        if not ok:
            failed = 1
            print("  only in --help:", sorted(h - m), " only in the man page:", sorted(m - h),
                  " status", r.returncode)
    return failed


if __name__ == "__main__":  # test_completion.py imports options()
    sys.exit(main(sys.argv[1:]))
