#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""run_board.py TEST FIRMWARE.elf - the netduinoplus2 board tests that need the host tools:
images made with sensec/senseasm --board (the user's way), written into the board's inboxes
by QEMU's -device loader (Intel HEX, as openocd would flash them), run by the board firmware
under qemu-system-arm -M netduinoplus2; the console is QEMU's first -serial (stdio here,
so the test types into it); LED writes are seen in QEMU's -d unimp log (GPIO is not modelled).

The host tools come from the native build SENSEVM_HOST_BUILD (default SENSEVM_SOURCE/build;
scripts/boards.sh builds it). Without them the test is skipped (exit 77).

Tests: userflow (docs/boards.md's three commands, blinky), console (UART round trip),
button (button0 -> event -> container -> led0), priorities (two containers: a fault in the
low one; a busy low one and the high one's period), corrupt (a corrupt image refused with a
console message, the other container runs), refusals (a device the board lacks: refused at
link time by --board, and at load by the firmware; a program too big for the board)."""
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

SRC = os.environ.get('SENSEVM_SOURCE', os.path.join(os.path.dirname(__file__), '..', '..', '..'))
HOST = os.environ.get('SENSEVM_HOST_BUILD', os.path.join(SRC, 'build'))
SENSEC = os.path.join(HOST, 'compiler', 'sensec')
SENSEASM = os.path.join(HOST, 'assembler', 'senseasm')
INBOX = [0x08040000, 0x08060000]   # boards/netduinoplus2.board: inbox + k * inbox_size
BSRR_PA10_SET, BSRR_PA10_RESET = 0x400, 0x4000000


class Fail(Exception):
    pass


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        raise Fail(what)


def run(args, expect_rc=0):
    p = subprocess.run(args, capture_output=True, text=True)
    if expect_rc is not None and p.returncode != expect_rc:
        raise Fail(f'{" ".join(args)}: exit {p.returncode} (expected {expect_rc})\n'
                   f'{p.stdout}{p.stderr}')
    return p


class Qemu:
    """qemu-system-arm -M netduinoplus2 with the firmware and images; console on stdio."""

    def __init__(self, firmware, hexes, tmp, extra=()):
        self.log = os.path.join(tmp, 'unimp.log')
        args = ['qemu-system-arm', '-M', 'netduinoplus2', '-display', 'none', '-monitor', 'none',
                '-serial', 'stdio', '-d', 'unimp', '-D', self.log, '-kernel', firmware]
        for h in hexes:
            args += ['-device', 'loader,file=' + h]
        self.p = subprocess.Popen(args + list(extra), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.out = b''
        self.times = []   # (time, line) of each complete line

    def wait_for(self, pattern, timeout=30.0):
        """Read the console until pattern (regex) appears; return the time it did."""
        rx = re.compile(pattern.encode())
        end = time.time() + timeout
        while time.time() < end:
            m = rx.search(self.out)
            if m:
                return time.time()
            r, _, _ = select.select([self.p.stdout], [], [], 0.2)
            if r:
                chunk = os.read(self.p.stdout.fileno(), 4096)
                if not chunk:
                    break
                self.out += chunk
        raise Fail(f'no {pattern!r} on the console within {timeout} s; console:\n'
                   + self.out.decode(errors='replace'))

    def type(self, text):
        self.p.stdin.write(text.encode())
        self.p.stdin.flush()

    def text(self):
        return self.out.decode(errors='replace')

    def bsrr_writes(self):
        with open(self.log, encoding='utf-8', errors='replace') as f:
            return [int(m.group(1), 16) for m in
                    re.finditer(r'GPIOA: unimplemented device write \(size 4, offset 0x018, '
                                r'value 0x([0-9a-f]+)\)', f.read())]

    def close(self):
        self.p.kill()
        self.p.wait()


def t_userflow(fw, tmp):
    # docs/boards.md, "Your program on the board": command 1 ...
    hexf = os.path.join(tmp, 'blinky.hex')
    run([SENSEC, '--board', 'netduinoplus2', '--device', 'led0', '-o', hexf,
         os.path.join(SRC, 'examples', 'blinky.ml')])
    check(open(hexf).readline().startswith(':020000040804'),
          'sensec --board netduinoplus2 -o blinky.hex: Intel HEX at the inbox, 0x08040000')
    # ... command 2 (with -d unimp, which shows the LED writes)
    q = Qemu(fw, [hexf], tmp)
    try:
        t0 = q.wait_for(r'container\(s\) running')
        t1 = q.wait_for(r'blinky: done', 60)
        q.wait_for(r'all containers finished')
    finally:
        q.close()
    out = q.text()
    check("installed 'blinky' from the inbox into slot A" in out,
          'the firmware installs the image from the inbox into container 0\'s slot A')
    w = q.bsrr_writes()
    check(w == [BSRR_PA10_SET, BSRR_PA10_RESET] * 5,
          f'led0 (PA10) toggled 10 times through GPIOA_BSRR: {[hex(x) for x in w]}')
    check(t1 - t0 >= 4.4, f'blinky took {t1 - t0:.2f} s of host time (10 x 500 ms; never less)')


def t_console(fw, tmp):
    hexf = os.path.join(tmp, 'echo.hex')
    run([SENSEC, '--board', 'netduinoplus2', '--device', 'uart0', '-o', hexf,
         os.path.join(SRC, 'tests', 'board', 'programs', 'echo.ml')])
    q = Qemu(fw, [hexf], tmp)
    try:
        q.wait_for('echo: ready')
        # typed, not pasted: a container's device mailbox holds SVM_CFG_MBOX_DEPTH (8)
        # events; a faster burst overwrites the oldest (counted in its dev_overflow)
        for c in 'hello, board.':
            q.type(c)
            time.sleep(0.05)
        q.wait_for(r'echo: 12 bytes before the dot')
    finally:
        q.close()
    check('HELLO, BOARD.' in q.text(), 'typed "hello, board." came back as "HELLO, BOARD." '
          '(USART1 RX interrupt -> uart0 event -> container -> USART1 TX)')


def t_button(fw, tmp):
    hexf = os.path.join(tmp, 'button.hex')
    run([SENSEC, '--board', 'netduinoplus2', '--device', 'led0', '--device', 'button0', '-o',
         hexf, os.path.join(SRC, 'examples', 'button_led.ml')])
    q = Qemu(fw, [hexf], tmp)
    try:
        q.wait_for(r'container\(s\) running')
        q.type('p')
        q.wait_for('press 1')
        q.type('r')
        time.sleep(0.3)
        q.type('p')
        q.wait_for('press 2')
        q.type('r')
        time.sleep(0.3)
    finally:
        q.close()
    w = q.bsrr_writes()
    check(w == [BSRR_PA10_SET, BSRR_PA10_RESET] * 2,
          f'button0 press/release -> EXTI15_10 -> event -> container -> led0: {[hex(x) for x in w]}')


def asm_hex(name, k, tmp, extra=()):
    hexf = os.path.join(tmp, f'{name}.hex')
    run([SENSEASM, '--board', 'netduinoplus2', '--base', hex(INBOX[k]), '--format', 'ihex', '-o',
         hexf, os.path.join(SRC, 'tests', 'sched', 'progs', name + '.s')] + list(extra))
    return hexf


def t_priorities(fw, tmp):
    # the fault in the low-priority container (the manifests' priorities overridden)
    q = Qemu(fw, [asm_hex('divzero', 0, tmp, ['--priority', '1']),
                  asm_hex('checksum', 1, tmp, ['--priority', '200'])], tmp)
    try:
        q.wait_for('all containers finished')
    finally:
        q.close()
    out = q.text()
    want = open(os.path.join(SRC, 'tests', 'sched', 'progs', 'checksum.out')).read()
    check(re.search(r"container 0 'a' faulted: .*\n(.|\n)*container 0 'a' stopped", out)
          is not None and "container 0 'a': priority 1" in out,
          'divzero (container 0, priority 1) faults and is stopped, with a console message')
    check(want in out and "container 1 'b': priority 200" in out,
          'checksum (container 1, priority 200) prints what it prints on the desktop')
    # hi (priority 200, every 10 ms) against lo (priority 1, a loop that never yields),
    # in QEMU's instruction-counted virtual time
    q = Qemu(fw, [asm_hex('hi', 0, tmp), asm_hex('lo', 1, tmp)], tmp,
             ['-icount', 'shift=0,sleep=off'])
    try:
        q.wait_for('all containers finished', 60)
    finally:
        q.close()
    ms = [int(x) for x in re.findall(r'^hi (\d+)', q.text(), re.M)]
    dev = max(abs(b - a - 10) for a, b in zip(ms, ms[1:])) if len(ms) > 1 else 99
    check(len(ms) == 5 and dev <= 2 and 'lo done' in q.text(),
          f'hi keeps its 10 ms period (+- {dev} ms) while lo runs: {ms}')


def t_corrupt(fw, tmp):
    good = asm_hex('checksum', 0, tmp)
    svm = os.path.join(tmp, 'bad.svm')
    run([SENSEASM, '--board', 'netduinoplus2', '-o', svm,
         os.path.join(SRC, 'tests', 'sched', 'progs', 'divzero.s')])
    data = bytearray(open(svm, 'rb').read())
    data[len(data) // 2] ^= 0x20
    open(svm, 'wb').write(data)
    bad = os.path.join(tmp, 'bad.hex')
    run(['arm-none-eabi-objcopy', '-I', 'binary', '-O', 'ihex', '--change-addresses',
         hex(INBOX[1]), svm, bad])
    q = Qemu(fw, [good, bad], tmp)
    try:
        q.wait_for('all containers finished')
    finally:
        q.close()
    out = q.text()
    check(re.search(r'container 1: the image in the inbox at 0x08060000 is refused: '
                    r'validator rule \d+ .*at byte \d+', out) is not None,
          'a corrupt image in inbox 1 is refused with a console message')
    want = open(os.path.join(SRC, 'tests', 'sched', 'progs', 'checksum.out')).read()
    check(want in out and '1 container(s) running' in out, 'container 0 runs regardless')


def t_refusals(fw, tmp):
    src = os.path.join(SRC, 'tests', 'sched', 'progs', 'checksum.s')
    p = run([SENSEASM, '--board', 'netduinoplus2', '--device', 'servo0', '-o',
             os.path.join(tmp, 'x.hex'), src], expect_rc=1)
    check("device 'servo0' is not on board netduinoplus2" in p.stderr,
          'senseasm --board refuses a device the board lacks: ' + p.stderr.strip())
    p = run([SENSEC, '--board', 'netduinoplus2', '--heap', '100K', '-o',
             os.path.join(tmp, 'big.hex'), os.path.join(SRC, 'examples', 'hello.ml')],
            expect_rc=1)
    check(re.search(r'needs [\d.]+ KB of RAM .*board netduinoplus2 has 100 KB for containers',
                    p.stderr) is not None, 'a program too big for the board: ' + p.stderr.strip())
    # made without --board, the firmware refuses it at load
    hexf = os.path.join(tmp, 'servo.hex')
    run([SENSEASM, '--device', 'servo0', '--heap', '16K', '--stack', '2K', '--format', 'ihex',
         '--base', hex(INBOX[0]), '-o', hexf, src])
    q = Qemu(fw, [hexf], tmp)
    try:
        q.wait_for('container')
        q.wait_for(r'0 container\(s\) running')
    finally:
        q.close()
    check("refused at load: the board has no device 'servo0'" in q.text(),
          'the firmware refuses an image claiming a device the board lacks, at load')


TESTS = {'userflow': t_userflow, 'console': t_console, 'button': t_button,
         'priorities': t_priorities, 'corrupt': t_corrupt, 'refusals': t_refusals}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in TESTS:
        sys.stderr.write(__doc__)
        return 2
    if not (os.access(SENSEC, os.X_OK) and os.access(SENSEASM, os.X_OK)):
        print(f'SKIP: no host tools in {HOST} (build them: scripts/boards.sh)')
        return 77
    tmp = tempfile.mkdtemp(prefix='nd2-')
    try:
        TESTS[sys.argv[1]](sys.argv[2], tmp)
    except Fail as e:
        print(e)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
