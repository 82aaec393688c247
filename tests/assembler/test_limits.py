#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_limits.py — senseasm on big and hostile input (issue 13) and --addr2line (issue 15):
# the error budget (--max-errors, default 20) and bounded source excerpts, 40k labels
# (must simply finish within the meson timeout: symbol lookup is near-linear), more than
# 65,535 constants or variables (an error naming the limit), and --addr2line on a linked,
# a stripped and a forged image. Asserts on counts and text, never on time.
# Environment: SENSEASM, TESTDIR (set by meson).
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clicheck import check, finish, run  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    def t(name):
        return os.path.join(tmp, name)

    def write(name, text):
        with open(t(name), 'w') as f:
            f.write(text)
        return t(name)

    # ---- the error budget and bounded excerpts ----
    parens = write('parens.s', 'main: halt ' + ')' * 4000 + '\n')
    rc, out, err = run('-c', parens, '-o', t('p.o'))
    nerr = err.count(': error: ')
    check(rc == 1 and nerr == 20, 'stops after 20 errors by default', f'{nerr} errors')
    check('stopped after 20 errors (--max-errors 20; 0 for no limit)' in err,
          'says why it stopped', err[-300:])
    check(max(len(line) for line in err.splitlines()) <= 200,
          'each echoed line is a bounded excerpt (<= 200 columns)', err[:600])
    rc, out, err = run('--max-errors', '5', '-c', parens, '-o', t('p.o'))
    check(rc == 1 and err.count(': error: ') == 5, '--max-errors 5 reports 5 errors', err[-300:])
    rc, out, err = run('--max-errors', '0', '-c', parens, '-o', t('p.o'))
    check(rc == 1 and err.count(': error: ') == 4000 and 'stopped after' not in err,
          '--max-errors 0 reports all 4000', f'{err.count(": error: ")} errors')
    rc, out, err = run('--max-errors', 'many', '-c', parens)
    check(rc == 2 and "bad --max-errors 'many'" in err, 'bad --max-errors is a usage error', err)
    # an error deep in a long line: the excerpt is cut on both sides, the caret under it
    deep = write('deep.s', 'main: halt ' + ' ' * 3000 + '@' + ' ' * 3000 + '\n')
    rc, out, err = run('-c', deep, '-o', t('d.o'))
    lines = err.splitlines()
    src = next((l for l in lines if l.startswith('...')), '')
    caret = next((l for l in lines if l.strip() == '^'), '')
    check(rc == 1 and src.endswith('...') and len(src) <= 130 and len(caret) - 1 < len(src)
          and src[len(caret) - 1] == '@', 'a long line is echoed as an excerpt around the column',
          err)

    # a NUL byte in the line does not cut the echo short (found by fuzz_asm_parse)
    with open(t('nul.s'), 'wb') as f:
        f.write(b'; a\0b\n  halt x ; \0 z\n')
    rc, out, err = run('-c', t('nul.s'), '-o', t('n.o'))
    lines = err.splitlines()
    check(rc == 1 and len(lines) >= 3 and lines[1] == '  halt x ;   z' and lines[2] == '  ^',
          'a NUL in a source line is echoed as a space, the caret in place', repr(err))

    # ---- 40k labels (quadratic symbol handling took ~5 s; now it must just finish) ----
    n = 40000
    body = ['        .global main', 'main:']
    for i in range(n):
        body.append(f'L{i}:    quote {i}')
        body.append(f'        branchif L{(i * 7919) % n}')
    body.append('        halt')
    big = write('big.s', '\n'.join(body) + '\n')
    rc, out, err = run('-c', big, '-o', t('big.o'))
    check(rc == 0 and err == '', f'{n} labels assemble', err)
    rc, out, err = run(t('big.o'), '--no-dce', '-o', t('big.svm'))
    check(rc == 0, f'{n} labels link', err)
    rc, out, err = run('--info', t('big.o'))
    check(rc == 0 and f'symbols:    {n + 1}' in out, f'the object has {n + 1} symbols', out[:400])

    # ---- more than 65,535 constants or variables ----
    consts = write('consts.s', 'main:\n' + ''.join(f'        const "s{i}"\n' for i in range(65537))
                   + '        halt\n')
    rc, out, err = run('-c', consts, '-o', t('c.o'))
    check(rc == 1 and err.count(': error: ') == 1 and
          'too many constants: an object or image holds at most 65535' in err and
          ':65537:15: error:' in err, 'constant 65,536 is an error naming the limit', err[:500])
    rc, out, err = run('-c', write('c2.s', 'main:\n' + ''.join(
        f'        const "s{i % 65535}"\n' for i in range(70000)) + '        halt\n'), '-o', t('c2.o'))
    check(rc == 0, '65,535 distinct constants used 70,000 times assemble', err[:300])
    nv = 65536
    vars_ = write('vars.s', ''.join(f'        .var v{i}\n' for i in range(nv)) + 'main:   halt\n')
    rc, out, err = run('-c', vars_, '-o', t('v.o'))
    check(rc == 1 and err.count(': error: ') == 1 and
          'too many variables: an object or image holds at most 65535' in err,
          'variable 65,536 is an error naming the limit', err[:500])
    # the linker's limit, across objects
    half = ''.join(f'        const "a{i}"\n' for i in range(40000))
    a = write('ka.s', '        .global main\n        .extern f\nmain:\n' + half + '        call f, 0\n        halt\n')
    b = write('kb.s', '        .global f\nf:\n' + half.replace('"a', '"b') + '        halt\n')
    rc, out, err = run(a, b, '-o', t('k.svm'))
    check(rc == 1 and 'too many constants: an image holds at most 65535' in err,
          'the linker names the constant limit', err[:500])

    # ---- --addr2line ----
    src = write('prog.s', '''        .global main
        .file "prog.ml"
main:   .line 3, 5
        quote 1
        push
        .line 4
        call f, 1
        halt
f:      .line 10, 2, 9
        acc 0
        return 1
''')
    rc, out, err = run(src, '-o', t('prog.svm'))
    check(rc == 0, 'link the addr2line program', err)
    rc, out, err = run('--addr2line', t('prog.svm'), '0', '0x6', '0xd', '14', '0x9999')
    got = out.splitlines()
    want = ['0x0000 main prog.ml:3:5', '0x0006 main prog.ml:4:0', '0x000d f prog.ml:10:2-9',
            '0x000e f prog.ml:10:2-9', '0x9999 ?? ??:0:0']
    check(rc == 0 and got == want, '--addr2line prints pc, function and file:line:col[-end]',
          out + err)
    rc, out, err = run('-d', t('prog.svm'))
    check(rc == 0 and '.line 3, 5\n' in out and '.line 4\n' in out and '.line 10, 2, 9\n' in out,
          '-d shows .line with a column and an end', out)
    rc, out, err = run('-c', src, '-o', t('prog.o'))
    rc2, out2, err2 = run('-d', t('prog.o'))
    check(rc == 0 and '.line 10, 2, 9\n' in out2 and '.line 3, 5\n' in out2,
          'the object file keeps the end character', out2 + err + err2)
    rc, out, err = run('--strip', src, '-o', t('stripped.svm'))
    rc, out, err = run('--addr2line', t('stripped.svm'), '0', '0xd')
    check(rc == 0 and out.splitlines() == ['0x0000 ?? ??:0:0', '0x000d ?? ??:0:0'],
          '--addr2line on a stripped image: pcs and ??', out + err)
    rc, out, err = run('--addr2line', t('prog.svm'), 'zz')
    check(rc == 2 and "bad pc 'zz'" in err, 'a bad pc is a usage error', err)
    rc, out, err = run('--addr2line')
    check(rc == 2, '--addr2line without an image is a usage error', err)
    rc, out, err = run('--addr2line', t('prog.svm'), 'r0xe', '0xd')
    check(rc == 0 and out.splitlines() == ['0x000d f prog.ml:10:2-9'] * 2,
          '--addr2line r0xPC: a return address names the instruction before it', out + err)
    # no pcs: a target's log on stdin, its svm-bt lines symbolised, the rest copied
    with open(t('prog.svm'), 'rb') as f:
        sha = f.read()[24:32].hex()
    log = 'boot\nFatal error: exception Not_found\nsvm-bt %s 0xd r0xb\nend\n' % sha
    rc, out, err = run('--addr2line', t('prog.svm'), stdin=log)
    check(rc == 0 and out == 'boot\nFatal error: exception Not_found\n'
          'Raised by primitive operation at f in file "prog.ml", line 10, characters 1-9\n'
          'Called from main in file "prog.ml", line 4\nend\n' and not err,
          '--addr2line IMAGE < log: svm-bt lines become the source backtrace', out + err)
    rc, out, err = run('--addr2line', t('prog.svm'), stdin='svm-bt 0011223344556677 0xd\n')
    check(rc == 0 and 'warning: the backtrace is of image 0011223344556677' in err,
          '--addr2line warns when the digest is not the image\'s', err)
    rc, out, err = run('--addr2line', src, '0')
    check(rc == 1 and 'not a Sense-VM image' in err, '--addr2line on a source file is an error', err)
    rc, out, err = run('-c', write('badline.s', 'main: .line 2000000\n halt\n'), '-o', t('x.o'))
    check(rc == 1 and "'.line' expects a line number (0..1048575)" in err, '.line range', err)
    for body, want in (('.line 2, 5, 4', "'.line' end character 4 is before the column 5"),
                       ('.line 2, 0, 4', "'.line' has an end character but no column"),
                       ('.line 2, 5, 4096', "'.line' expects an end character (0..4095)"),
                       ('.line 2, 5, 6, 7', "'.line' expects a line number and optionally")):
        rc, out, err = run('-c', write('badend.s', 'main: %s\n halt\n' % body), '-o', t('x.o'))
        check(rc == 1 and want in err, '.line end: %s is an error' % body, err)

finish()
