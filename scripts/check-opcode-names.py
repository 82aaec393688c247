#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Fails if a C/Flex/Bison source outside bytecode-spec/ and tests/ spells an opcode mnemonic
# as a string literal ("addint" or "addint ..."): the instruction set is written down once,
# in opcodes.def, and tools take names from svbc_opinfo.   usage: check-opcode-names.py ROOT
import os
import re
import sys

root = sys.argv[1]
names = re.findall(r'^OP\((\w+),', open(os.path.join(root, 'bytecode-spec/include/sensevm/opcodes.def')).read(), re.M)
# a string literal that is a mnemonic, or starts like an instruction line: "name", "name %d",
# "name 3", "\tname ..."; lines marked `opcode-names: ok` (e.g. operator-name tables) are skipped
alt = '|'.join(sorted(names, key=len, reverse=True))
pat = re.compile(r'"(?:\\t)?(' + alt + r')(?:"|\\n| [-%0-9."])|"\\t(' + alt + r')\b')
bad = 0
for top in ('assembler', 'compiler', 'loader', 'runtime', 'stdlib'):
    for d, _, files in os.walk(os.path.join(root, top)):
        for f in files:
            if not f.endswith(('.c', '.h', '.l', '.y')):
                continue
            path = os.path.join(d, f)
            for n, line in enumerate(open(path, encoding='utf-8', errors='replace'), 1):
                m = pat.search(line)
                if m and 'opcode-names: ok' not in line:
                    print(f'{os.path.relpath(path, root)}:{n}: opcode name "{m.group(1) or m.group(2)}" spelled outside opcodes.def')
                    bad += 1
print(f'{len(names)} opcode names checked: {bad} stray spelling(s)')
sys.exit(1 if bad else 0)
