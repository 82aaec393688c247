#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Generate the opcode appendix of bytecode-spec/isa.md from opcodes.def (the one table), or
# check that isa.md carries the current one:  gen-isa-appendix.py opcodes.def [--check isa.md]
import re
import sys

ROW = re.compile(r'^OP\((\w+),\s*(0x[0-9a-fA-F]+),\s*"([a-zA-Z]*)",\s*(-?\d+),\s*(-?\d+),\s*([^,]+),\s*"(.*)"\)\s*$')
SHAPE = {'b': 'u8', 'h': 'u16', 'i': 'imm32', 'l': 'label', 'k': 'const', 'g': 'global',
         's': 'service', 't': 'table', 'a': 'slot', 'p': 'push+slot', 'n': 'count',
         'c': 'values', 'C': 'elements', 'F': 'fields', 'T': 'tag', 'r': 'arity', 'm': 'frame'}
# what an operand adds to the slots popped (opcodes.def header)
POPS = {'n': 'n', 'c': '(n-1)', 'C': '(n-1)', 'F': '(n-1)', 's': '(arity-1)'}
BEGIN = '<!-- BEGIN GENERATED OPCODE TABLE (scripts/gen-isa-appendix.py) -->'
END = '<!-- END GENERATED OPCODE TABLE -->'


def table(defpath):
    rows = []
    for line in open(defpath, encoding='utf-8'):
        m = ROW.match(line.strip())
        if m:
            name, code, shape, pop, push, flags, doc = m.groups()
            fl = ' '.join(f.replace('SVBC_F_', '').lower() for f in re.findall(r'SVBC_F_\w+', flags))
            extra = [POPS[c] for c in shape if c in POPS]
            popped = '+'.join(([pop] if pop != '0' or not extra else []) + extra)
            eff = '?' if pop == '-1' or push == '-1' else f'-{popped} +{push}'
            ops = ', '.join(SHAPE[c] for c in shape) or '—'
            rows.append(f'| `{code.lower()}` | `{name}` | {ops} | {eff} | {fl} | {doc.replace("|", "/")} |')
    out = [BEGIN, '', '| code | mnemonic | operands | stack | flags | semantics |',
           '|---|---|---|---|---|---|'] + rows + ['', END]
    return '\n'.join(out) + '\n'


def main():
    gen = table(sys.argv[1])
    if len(sys.argv) > 3 and sys.argv[2] == '--check':
        doc = open(sys.argv[3], encoding='utf-8').read()
        if gen not in doc:
            sys.stderr.write(f'{sys.argv[3]}: the opcode appendix differs from {sys.argv[1]}; '
                             'regenerate it with scripts/gen-isa-appendix.py\n')
            return 1
        print(f'isa.md appendix matches {gen.count(chr(10)) - 6} opcodes.def rows')
        return 0
    if len(sys.argv) > 3 and sys.argv[2] == '--update':
        path = sys.argv[3]
        doc = open(path, encoding='utf-8').read()
        if BEGIN in doc:
            doc = doc[:doc.index(BEGIN)] + gen + doc[doc.index(END) + len(END) + 1:]
        else:
            doc = doc.rstrip('\n') + '\n\n' + gen
        open(path, 'w', encoding='utf-8').write(doc)
        return 0
    sys.stdout.write(gen)
    return 0


sys.exit(main())
