#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# check_doc.py ERRORS_DEF IMAGE_FORMAT_MD — every result code of loader/include/sensevm/errors.def is listed
# in the rule tables of bytecode-spec/image-format.md with its number, and vice versa.
import re
import sys

defs = {}
for m in re.finditer(r'^SVL_ERR\((\w+),\s*(\d+),', open(sys.argv[1]).read(), re.M):
    defs[m.group(1)] = int(m.group(2))
doc = open(sys.argv[2]).read()
rows = {}
for m in re.finditer(r'^\| [A-F]\d+ \| (\d+) \| `(\w+)` \|', doc, re.M):
    rows.setdefault(m.group(2), set()).add(int(m.group(1)))
bad = 0
for name, code in defs.items():
    if name == 'OK':
        continue
    if name not in rows:
        print(f'{sys.argv[2]}: error: rule {name} ({code}) is not in the rule tables')
        bad += 1
    elif rows[name] != {code}:
        print(f'{sys.argv[2]}: error: rule {name} listed with code {rows[name]}, errors.def says {code}')
        bad += 1
for name in rows:
    if name not in defs:
        print(f'{sys.argv[2]}: error: rule {name} is not in errors.def')
        bad += 1
print(f'check_doc: {len(defs) - 1} codes, {bad} problem(s)')
sys.exit(1 if bad else 0)
