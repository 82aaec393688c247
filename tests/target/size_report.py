#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# size_report.py MAP [BUDGET [--enforce]] — the memory budget of a linked firmware, from its GNU ld map:
# code (text + rodata), initialised data and bss contributed by each Sense-VM library
# (bytecode-spec, loader, runtime, scheduler, the Cortex-M port) and by the rest (libc,
# the test itself). Compares runtime + loader + bytecode library code with BUDGET bytes
# (default 24576: issue 3's "runtime + loader <= 24 KB"); with --enforce, exceeding it fails.
import re
import sys

LIBS = [('libsvbc.a', 'bytecode-spec'), ('libsvl.a', 'loader'), ('libsvm.a', 'runtime'),
        ('libsvm_interp.a', 'runtime'), ('libsvmsched.a', 'scheduler'),
        ('libsvmvmsched.a', 'scheduler'), ('libsvm_cortexm.a', 'cortexm port'),
        ('libsvm_cm_evq.a', 'cortexm port')]

def owner(path):
    base = path.split('/')[-1]
    for lib, name in LIBS:  # a regular archive member, or an object of a thin archive
        if base.startswith(lib + '(') or path.startswith(lib + '.p/') or '/' + lib + '.p/' in path:
            return name
    if 'libc.a' in base or 'libsemihost' in base or 'crt0' in base or 'libgcc' in base or 'libm.a' in base:
        return 'libc (picolibc)'
    return 'firmware'

def kind(sect):
    if sect.startswith('.text') or sect.startswith('.rodata') or sect.startswith('.init') \
            or sect.startswith('.ARM.exidx') or sect.startswith('.fini'):
        return 'code'
    if sect.startswith('.data') or sect.startswith('.tdata'):
        return 'data'
    if sect.startswith('.bss') or sect.startswith('.tbss') or sect == 'COMMON' or sect.startswith('.noinit'):
        return 'bss'
    return None

text = open(sys.argv[1]).read()
budget = int(sys.argv[2]) if len(sys.argv) > 2 else 24576
enforce = '--enforce' in sys.argv[3:]
text = text[text.index('Linker script and memory map'):]
sizes = {}
pending = None
line_re = re.compile(r'^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$')
cont_re = re.compile(r'^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$')
for line in text.splitlines():
    m = line_re.match(line)
    if m:
        sect, size, path = m.group(1), int(m.group(3), 16), m.group(4)
    else:
        m2 = cont_re.match(line)
        if m2 and pending:
            sect, size, path = pending, int(m2.group(2), 16), m2.group(3)
        else:
            pending = line.strip() if re.match(r'^ \.\S+$', line) or line.strip() == 'COMMON' else None
            continue
    pending = None
    k = kind(sect)
    if k is None or size == 0 or path.startswith('*'):
        continue
    o = owner(path)
    sizes.setdefault(o, {'code': 0, 'data': 0, 'bss': 0})[k] += size

order = ['bytecode-spec', 'loader', 'runtime', 'scheduler', 'cortexm port', 'libc (picolibc)', 'firmware']
print(f'{"component":18} {"code":>7} {"data":>6} {"bss":>7}   (bytes; code = text+rodata, in flash)')
for o in order:
    if o in sizes:
        s = sizes[o]
        print(f'{o:18} {s["code"]:7} {s["data"]:6} {s["bss"]:7}')
vm = sum(sizes.get(o, {}).get('code', 0) for o in ('bytecode-spec', 'loader', 'runtime'))
ram = sum(sizes.get(o, {}).get(k, 0) for o in ('bytecode-spec', 'loader', 'runtime', 'scheduler')
          for k in ('data', 'bss'))
print(f'runtime + loader + bytecode library code: {vm} bytes (budget {budget})')
if vm > budget:
    print(f'OVER BUDGET by {vm - budget} bytes' + ('' if enforce else ' (not enforced)'))
print(f'static RAM of the VM libraries (data + bss): {ram} bytes')
sys.exit(1 if enforce and vm > budget else 0)
