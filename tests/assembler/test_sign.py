#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_sign.py — Ed25519 image signatures end to end (only registered when the build found
# libsodium): senseasm --gen-key writes a key pair, --sign adds a 64-byte SIGNATURE section
# (--info shows SIGNED, the CRC and SHA-256 check), sensevm-run --verify-key runs the
# signed image and refuses (exit 1, "invalid image: bad signature") a flipped signature
# byte, another key, and an unsigned image; the loader still runs the signed image without
# --verify-key. Environment: SENSEASM, SENSEVM_RUN, TESTDIR (set by meson).
import os
import hashlib
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clicheck import check, finish  # noqa: E402

ASM = os.environ['SENSEASM']
RUN = os.environ['SENSEVM_RUN']
PROGS = os.path.join(os.environ['TESTDIR'], 'progs')
HELLO = [os.path.join(PROGS, 'hello.s'), os.path.join(PROGS, 'util.s')]


def run(cmd, *args):
    p = subprocess.run([cmd, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def section(img, kind):
    n = int.from_bytes(img[14:16], 'little')
    for i in range(n):
        e = img[64 + 16 * i:80 + 16 * i]
        k, off, size = (int.from_bytes(e[j:j + 4], 'little') for j in (0, 4, 8))
        if k == kind:
            return off, size
    return None


def recrc(img):
    """Recompute the header CRC-32 (bytes 20..24 read as zero) after an edit."""
    img[20:24] = b'\0\0\0\0'
    img[20:24] = (zlib.crc32(bytes(img)) & 0xffffffff).to_bytes(4, 'little')


with tempfile.TemporaryDirectory() as tmp:
    def t(name):
        return os.path.join(tmp, name)

    # ---- keys ----
    rc, out, err = run(ASM, '--gen-key', t('key'))
    check(rc == 0, '--gen-key exits 0', err)
    sk = open(t('key')).read()
    pk = open(t('key.pub')).read()
    check(len(sk.strip()) == 64 and all(c in '0123456789abcdef' for c in sk.strip()),
          'secret key file: 64 hex digits', sk)
    check(len(pk.strip()) == 64 and all(c in '0123456789abcdef' for c in pk.strip()),
          'public key file: 64 hex digits', pk)
    check(os.stat(t('key')).st_mode & 0o077 == 0, 'secret key file is private')
    rc, _, err = run(ASM, '--gen-key', t('key'))
    check(rc == 1 and 'exists' in err, '--gen-key never overwrites a key', err)
    rc, _, err = run(ASM, '--gen-key', t('other'), HELLO[0])
    check(rc == 2, '--gen-key with inputs is a usage error', err)
    run(ASM, '--gen-key', t('other'))

    # ---- signing ----
    rc, _, err = run(ASM, '-o', t('app.svm'), *HELLO, '--sign', t('key'))
    check(rc == 0 and err == '', 'link with --sign', err)
    img = open(t('app.svm'), 'rb').read()
    rc, info, err = run(ASM, '--info', t('app.svm'))
    check(rc == 0 and 'SIGNED' in info and 'SIGNATURE' in info, '--info shows a signed image',
          info + err)
    check('CRC-32:' in info and 'MISMATCH' not in info, '--info: CRC-32 and SHA-256 ok', info)
    sig = section(img, 6)
    check(sig is not None and sig[1] == 64 and int.from_bytes(img[8:12], 'little') & 2,
          'SIGNATURE section of 64 bytes, SIGNED flag', repr(sig))

    rc, _, err = run(ASM, '-o', t('unsigned.svm'), *HELLO)
    unsigned = open(t('unsigned.svm'), 'rb').read()
    check(int.from_bytes(unsigned[8:12], 'little') & 2 == 0, 'unsigned by default')
    check(len(img) == len(unsigned) + 16 + 64, 'signing adds a table entry and 64 bytes')
    rc, _, err = run(ASM, '-o', t('a2.svm'), *HELLO, '--sign', t('key'), '--map=' + t('a2.map'))
    check(open(t('a2.svm'), 'rb').read() == img, 'Ed25519 signing is deterministic')
    mp = open(t('a2.map')).read()
    sig_off = 64 + 16 * (img[14] - 1) + 4
    check(f'SIGNATURE  0x{int.from_bytes(img[sig_off:sig_off + 4], "little"):08x} 64' in mp,
          'the map file lists the SIGNATURE section where the signed image has it', mp)
    rc, _, err = run(ASM, '-o', t('s.svm'), '--strip', '--format=c', *HELLO, '--sign', t('key'))
    check(rc == 0 and 'SVMI' not in err, '--sign with --strip and --format=c', err)

    # ---- key file errors ----
    open(t('badkey'), 'w').write('xyz\n')
    rc, _, err = run(ASM, '-o', t('x.svm'), *HELLO, '--sign', t('badkey'))
    check(rc == 1 and 'not a key file' in err and not os.path.exists(t('x.svm')),
          'a malformed key file is an error', err)
    open(t('shortkey'), 'w').write('00' * 16 + '\n')
    rc, _, err = run(ASM, '-o', t('x.svm'), *HELLO, '--sign', t('shortkey'))
    check(rc == 1 and '64 or 128 hex digits' in err, 'a key of the wrong length is an error', err)
    rc, _, err = run(ASM, '-o', t('x.svm'), *HELLO, '--sign', t('missing'))
    check(rc == 1 and 'cannot open' in err, 'a missing key file is an error', err)
    rc, _, err = run(ASM, '-c', HELLO[0], '--sign', t('key'))
    check(rc == 2, '--sign with -c is a usage error', err)

    # ---- running: the loader accepts the signed image; --verify-key checks it ----
    rc, out, err = run(RUN, t('app.svm'))
    check(rc == 0 and 'Hello, world!' in out, 'signed image runs (svl_validate ok)', out + err)
    rc, out, err = run(RUN, '--verify-key', t('key.pub'), t('app.svm'))
    check(rc == 0 and 'Hello, world!' in out, '--verify-key with the right key runs it', out + err)
    rc, out, err = run(RUN, '--verify-key', t('other.pub'), t('app.svm'))
    check(rc == 1 and out == '' and
          err == f'sensevm-run: {t("app.svm")}: invalid image: bad signature\n',
          'another key is refused (exit 1)', out + err)
    rc, out, err = run(RUN, '--verify-key', t('key.pub'), t('unsigned.svm'))
    check(rc == 1 and out == '' and 'invalid image: bad signature' in err,
          'an unsigned image is refused (exit 1)', out + err)

    off, _ = sig
    for pos in (0, 31, 63):
        bad = bytearray(img)
        bad[off + pos] ^= 0x01
        open(t('flip.svm'), 'wb').write(bad)
        rc, out, err = run(RUN, '--verify-key', t('key.pub'), t('flip.svm'))
        check(rc == 1 and out == '' and 'invalid image' in err,
              f'flipped signature byte {pos} is refused (CRC)', out + err)
        recrc(bad)      # with a fixed-up CRC the image is valid, only the signature is bad
        open(t('flip.svm'), 'wb').write(bad)
        rc, out, err = run(RUN, t('flip.svm'))
        check(rc == 0, f'byte {pos} flipped, CRC fixed: valid without --verify-key', out + err)
        rc, out, err = run(RUN, '--verify-key', t('key.pub'), t('flip.svm'))
        check(rc == 1 and out == '' and 'invalid image: bad signature' in err,
              f'byte {pos} flipped, CRC fixed: bad signature', out + err)

    # a changed byte with CRC and SHA resealed: the digest changes, the signature fails
    # (the manifest priority byte: any value is valid, so only the signature can object)
    bad = bytearray(img)
    man = section(bytes(bad), 3)
    bad[man[0] + 16] ^= 0x07
    z = bytearray(bad)
    z[20:56] = b'\0' * 36
    z[off:off + 64] = b'\0' * 64
    bad[24:56] = hashlib.sha256(bytes(z)).digest()
    recrc(bad)
    open(t('tamper.svm'), 'wb').write(bad)
    rc, out, err = run(RUN, t('tamper.svm'))
    check(rc == 0, 'tampered manifest, resealed: structurally valid', out + err)
    rc, out, err = run(RUN, '--verify-key', t('key.pub'), t('tamper.svm'))
    check(rc == 1 and 'invalid image: bad signature' in err,
          'tampered manifest, resealed: bad signature', out + err)

    # ---- runner usage errors ----
    rc, _, err = run(RUN, '--verify-key', t('missing.pub'), t('app.svm'))
    check(rc == 2 and 'not a public key file' in err, 'missing public key file: exit 2', err)
    rc, _, err = run(RUN, '--verify-key')
    check(rc == 2, '--verify-key without an argument: exit 2', err)
    # (a plain --help goes to the scheduler's usage text; with --verify-key the
    # single-container loop, which implements it, answers)
    rc, out, _ = run(RUN, '--verify-key', t('key.pub'), '--help')
    check(rc == 0 and '--verify-key FILE' in out, '--help documents --verify-key', out)

finish()
