#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_cli.py — command-line tests of senseasm: usage and exit codes, GNU-style
# diagnostics, objects that readelf accepts, archives built with ar, the byte-exact golden
# image, one-step vs two-step links, map file, --info, -d, and the three output formats
# (the C array is compiled and its bytes compared; the Intel HEX is parsed back).
# Environment: SENSEASM, CC, READELF, AR, TESTDIR (set by meson). REGEN=1 rewrites the golden.
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clicheck import check, finish, run  # noqa: E402

CC = shlex.split(os.environ.get('CC', 'cc'))
READELF = os.environ.get('READELF', '')
AR = os.environ.get('AR', '')
TESTDIR = os.environ['TESTDIR']
PROGS = os.path.join(TESTDIR, 'progs')
GOLDEN = os.path.join(TESTDIR, 'golden', 'hello.svm.hex')


def prog(name):
    return os.path.join(PROGS, name)


def hexdump(data):
    return '\n'.join(data[i:i + 32].hex() for i in range(0, len(data), 32)) + '\n'


def sections(img):
    n = int.from_bytes(img[14:16], 'little')
    out = {}
    for i in range(n):
        e = img[64 + 16 * i:80 + 16 * i]
        kind, off, size = (int.from_bytes(e[k:k + 4], 'little') for k in (0, 4, 8))
        out[kind] = img[off:off + size]
    return out


with tempfile.TemporaryDirectory() as tmp:
    def t(name):
        return os.path.join(tmp, name)

    # ---- usage and exit codes ----
    rc, out, err = run('--help')
    check(rc == 0 and out.startswith('Usage: senseasm'), '--help exits 0 with usage', out + err)
    rc, out, err = run('--version')
    check(rc == 0 and out.startswith('senseasm '), '--version exits 0', out + err)
    rc, out, err = run()
    check(rc == 2 and 'no input files' in err, 'no inputs is a usage error (2)', err)
    rc, out, err = run('--frobnicate', 'x.s')
    check(rc == 2 and "unknown option '--frobnicate'" in err, 'unknown option exits 2', err)
    rc, out, err = run('--heap', 'lots', prog('hello.s'))
    check(rc == 2 and "bad number 'lots'" in err, 'bad --heap exits 2', err)
    rc, out, err = run('--heap', '100', prog('hello.s'))
    check(rc == 2 and "manifest 'heap' out of range: 100" in err, 'out-of-range --heap exits 2', err)
    rc, out, err = run('--format=elf', prog('hello.s'))
    check(rc == 2 and "unknown --format 'elf'" in err, 'bad --format exits 2', err)
    rc, out, err = run('-d', 'a', 'b')
    check(rc == 2, '-d with two files exits 2', err)
    rc, out, err = run('-c', t('missing.s'))
    check(rc == 1 and 'cannot open' in err, 'missing input exits 1', err)

    # ---- diagnostics ----
    rc, out, err = run('-c', prog('bad.s'), '-o', t('bad.o'))
    want = (f"{prog('bad.s')}:3:9: error: unknown instruction 'pushh'\n"
            "        pushh\n"
            "        ^\n"
            f"{prog('bad.s')}:4:13: error: operand out of range: 300 (expected 0..255)\n"
            "        acc 300\n"
            "            ^\n"
            f"{prog('bad.s')}:5:16: error: undefined label 'nowhere'\n"
            "        branch nowhere\n"
            "               ^\n")
    check(rc == 1 and err == want, 'GNU-style diagnostics with source line and caret',
          f'rc={rc}\n--- got\n{err}--- want\n{want}')
    check(not os.path.exists(t('bad.o')), 'no object is written after errors')

    # ---- objects and readelf ----
    rc, out, err = run('-c', prog('hello.s'), '-o', t('hello.o'))
    check(rc == 0 and err == '', 'assemble hello.s', err)
    rc, out, err = run('-c', prog('util.s'), '-o', t('util.o'))
    check(rc == 0, 'assemble util.s', err)
    if READELF:
        p = subprocess.run([READELF, '-a', '-W', t('hello.o')], capture_output=True, text=True)
        check(p.returncode == 0 and 'REL (Relocatable file)' in p.stdout and '0x5356' in p.stdout
              and '.rela.text' in p.stdout and 'print_twice' in p.stdout
              and 'Error' not in p.stderr and 'Warning' not in p.stderr,
              'readelf -a accepts the object', p.stdout + p.stderr)
    else:
        print('skip readelf (not found)')
    rc, out, err = run('-c', prog('util.s'), cwd=tmp)
    check(rc == 0 and os.path.exists(t('util.o')), '-c without -o writes NAME.o in the current directory', err)

    # ---- golden image (byte-exact) ----
    golden_args = ['--heartbeat', '100', '--contexts', '4']
    rc, out, err = run('-o', t('hello.svm'), t('hello.o'), t('util.o'), *golden_args)
    check(rc == 0, 'link hello.o util.o', err)
    img = open(t('hello.svm'), 'rb').read()
    if os.environ.get('REGEN'):
        os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
        open(GOLDEN, 'w').write(hexdump(img))
        print(f'regenerated {GOLDEN}')
    want = open(GOLDEN).read()
    check(hexdump(img) == want, 'image matches the golden bytes (tests/assembler/golden/hello.svm.hex)',
          hexdump(img))

    # one step: .s inputs are assembled and linked at once, same bytes
    rc, out, err = run('-o', t('hello1.svm'), prog('hello.s'), prog('util.s'), *golden_args)
    check(rc == 0 and open(t('hello1.svm'), 'rb').read() == img, 'one-step link gives the same image', err)
    # mixing .s and .o
    rc, out, err = run('-o', t('hello2.svm'), prog('hello.s'), t('util.o'), *golden_args)
    check(rc == 0 and open(t('hello2.svm'), 'rb').read() == img, 'mixed .s/.o link gives the same image', err)

    # ---- link errors ----
    rc, out, err = run('-o', t('x.svm'), t('hello.o'))
    check(rc == 1 and err == f"senseasm: {t('hello.o')}:(.text+0x4): error: undefined symbol 'print_twice'\n",
          'undefined symbol names object and symbol', err)
    rc, out, err = run('-o', t('x.svm'), t('util.o'))
    check(rc == 1 and err == "senseasm: error: undefined symbol 'main' (the entry point)\n", 'missing entry', err)
    rc, out, err = run('-o', t('x.svm'), t('hello.o'), t('util.o'), prog('util.s'))
    check(rc == 1 and f"error: duplicate symbol 'print_twice' (first defined in {t('util.o')})" in err,
          'duplicate symbol', err)
    rc, out, err = run('-o', t('x.svm'), prog('bad.s'))
    check(rc == 1 and 'unknown instruction' in err and not os.path.exists(t('x.svm')),
          'assembly errors stop the link', err)

    # ---- --info and -d ----
    rc, out, err = run('--info', t('hello.svm'))
    check(rc == 0 and 'name:        hello' in out and 'devices:     led0' in out and 'CRC-32' in out
          and '(ok)' in out and 'CODE' in out and 'heartbeat:   100 ms' in out, '--info on an image', out + err)
    check('xchans:      (none)' in out, '--info shows no inter-container channel', out)
    # --xchan (repeatable; --xchan=SPEC too, which sensec passes through)
    rc, out, err = run('-o', t('x1.svm'), t('hello.o'), t('util.o'), '--xchan', 'log:recv:3:overwrite',
                       '--xchan=cmd:send')
    check(rc == 0, '--xchan links', err)
    rc, out, err = run('--info', t('x1.svm'))
    check(rc == 0 and 'xchans:      log:recv:3:overwrite, cmd:send:1:drop' in out,
          '--info shows the inter-container channels', out + err)
    rc, out, err = run('-o', t('x2.svm'), t('hello.o'), t('util.o'), '--xchan', 'log:sideways')
    check(rc == 2 and "bad xchan 'log:sideways'" in err, 'bad --xchan exits 2', err)
    rc, out, err = run('--info', t('hello.o'))
    check(rc == 0 and 'print_twice' in out and 'undef' in out, '--info on an object', out + err)
    rc, out, err = run('-d', t('hello.o'))
    check(rc == 0 and 'call print_twice, 0' in out and 'setvar counter' in out and 'blt .L' in out
          and 'const "Hello, world!\\n"' in out, '-d on an object shows names', out + err)
    rc, out, err = run('-d', t('hello.svm'))
    check(rc == 0 and 'call print_twice, 0' in out and 'print_twice:' in out and 'const 2.5' in out
          and 'never_called' not in out, '-d on an image shows symbol names', out + err)
    open(t('relisted.s'), 'w').write(out)
    rc, out2, err = run('-o', t('relisted.svm'), t('relisted.s'), *golden_args)
    if rc == 0:
        a, b = sections(img), sections(open(t('relisted.svm'), 'rb').read())
        check(all(a[k] == b[k] for k in (1, 2, 4, 5)),
              'the image listing re-assembles to the same code, constants, symbols and lines')
    else:
        check(False, 'the image listing re-assembles', err)
    rc, out, err = run('-d', prog('hello.s'))
    check(rc == 1 and 'file format not recognized' in err, '-d on a source file is an error', err)
    rc, out, err = run('--strip', '-o', t('s.svm'), t('hello.o'), t('util.o'))
    rc2, out, err2 = run('-d', t('s.svm'))
    check(rc == 0 and rc2 == 0 and 'print_twice' not in out and '.line' not in out and 'call .L' in out,
          '--strip drops symbols and lines', out + err + err2)
    rc, out, err = run('--entry', 'print_twice', '-o', t('e.svm'), t('util.o'))
    rc2, out, err2 = run('--info', t('e.svm'))
    check(rc == 0 and 'entry:       0x0000' in out and 'name:        e' in out, '--entry and the default name', out + err)

    # ---- map file ----
    rc, out, err = run('-o', t('m.svm'), '--map=' + t('m.map'), t('hello.o'), t('util.o'))
    mp = open(t('m.map')).read() if rc == 0 else ''
    check(rc == 0 and 'Sections:' in mp and 'CODE' in mp and 'MANIFEST   ' in mp
          and 'main' in mp and 'print_twice' in mp and 'never_called' in mp
          and 'string "Hello, world!\\n"' in mp and 'counter' in mp, 'map file contents', mp + err)

    # ---- archives (real ar) ----
    if AR:
        objs = []
        for m in ('libmath_add', 'libmath_sub', 'libmath_twice'):
            run('-c', prog(m + '.s'), '-o', t(m + '.o'))
            objs.append(t(m + '.o'))
        if os.path.exists(t('libmath.a')):
            os.unlink(t('libmath.a'))
        p = subprocess.run([AR, 'rcs', t('libmath.a'), *objs], capture_output=True, text=True)
        check(p.returncode == 0, 'ar builds an archive of objects', p.stderr)
        rc, out, err = run('-o', t('u.svm'), '--map=' + t('u.map'), prog('useadd.s'), t('libmath.a'))
        mp = open(t('u.map')).read() if rc == 0 else ''
        check(rc == 0 and 'libmath_add.o' in mp and 'libmath_twice.o' in mp and 'libmath_sub.o' not in mp,
              'only the needed archive members are linked', mp + err)
        rc, out, err = run('-d', t('u.svm'))
        check('call add, 1' in out and 'call twice, 1' in out and 'sub' not in out, 'archive link disassembles', out)
        rc, out, err = run('-d', t('libmath.a'))
        check(rc == 0 and 'libmath.a(libmath_sub.o)' in out and 'const "sub"' in out, '-d on an archive lists every member', out + err)
    else:
        print('skip archives (ar not found)')

    # ---- output formats ----
    rc, out, err = run('-o', t('hello.c'), '--format=c', t('hello.o'), t('util.o'), *golden_args)
    check(rc == 0 and 'const uint8_t hello[' in open(t('hello.c')).read(), '--format=c names the array', err)
    rc, out, err = run('-o', t('img.c'), '--format=c', '--symbol', 'app_image', t('hello.o'), t('util.o'),
                       *golden_args)
    main_c = t('dump.c')
    open(main_c, 'w').write(
        '#include <stdio.h>\n#include <stdint.h>\n#include <stddef.h>\n'
        'extern const uint8_t app_image[]; extern const size_t app_image_size;\n'
        'int main(void) {\n'
        '  if (((uintptr_t)app_image & 3) != 0) return 3;\n'
        '  fwrite(app_image, 1, app_image_size, stdout); return 0; }\n')
    p = subprocess.run([*CC, '-std=c11', '-Wall', '-Wextra', '-Werror', '-pedantic', '-o', t('dump'),
                        t('img.c'), main_c], capture_output=True, text=True)
    check(p.returncode == 0, 'the C array compiles (-std=c11 -Wall -Wextra -Werror -pedantic)', p.stderr)
    if p.returncode == 0:
        q = subprocess.run([t('dump')], capture_output=True)
        check(q.returncode == 0 and q.stdout == img, 'the compiled C array holds the image bytes, 4-aligned')

    rc, out, err = run('-o', t('hello.hex'), '--format=ihex', '--base', '0x0803fff8', t('hello.o'),
                       t('util.o'), *golden_args)
    mem = {}
    upper = 0
    ok = rc == 0
    eof = False
    for line in open(t('hello.hex')).read().splitlines() if ok else []:
        raw = bytes.fromhex(line[1:])
        ok &= line[0] == ':' and sum(raw) & 0xff == 0 and raw[0] == len(raw) - 5
        n, addr, typ, data = raw[0], int.from_bytes(raw[1:3], 'big'), raw[3], raw[4:-1]
        if typ == 0:
            for i, b in enumerate(data):
                mem[(upper << 16) + addr + i] = b
        elif typ == 4:
            upper = int.from_bytes(data, 'big')
        elif typ == 1:
            eof = True
    if ok and mem:
        lo = min(mem)
        back = bytes(mem.get(lo + i, 0) for i in range(max(mem) - lo + 1))
        ok &= lo == 0x0803fff8 and back == img and eof
    check(ok, 'Intel HEX parses back to the image at --base (checksums, 64K boundary)', err)

finish()
