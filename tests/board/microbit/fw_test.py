#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""fw_test.py SCENARIO --fw sensevm-microbit.hex --hex-tool scripts/microbit-hex.py
               --images DIR --examples DIR [--timeout S]

The board firmware as a user runs it: one combined .hex (firmware + images in the
containers' inboxes, made by scripts/microbit-hex.py) on QEMU's micro:bit, its UART as
the console on QEMU's stdio, `-icount shift=6,sleep=off` (virtual time: 64 ns per
instruction, idle time skipped). Scenarios:

  flow    hello + blinky (the user flow of docs/boards.md (micro:bit section)): both inbox images
          installed into slot A and booted; hello prints what it prints on the desktop
          (examples/hello.expected); blinky's 10 LED writes seen in QEMU's GPIO model
          (trace nrf51_gpio_update_output_irq: led0 = row pin 13 high, column pin 4 low)
  echo    UART round trip: bytes typed into QEMU's serial reach the echo container as
          uart0 device events (RX interrupt) and come back upper-cased; "q" ends it
  refuse  a corrupt image in inbox 0 is refused with a console message; an image claiming
          a device the board lacks (inbox 1) is refused at load; nothing runs
Exit status 0 when every check passes; each check prints one line."""
import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time

FAILED = []


def check(ok, what):
    print(('ok     ' if ok else 'FAILED ') + what)
    if not ok:
        FAILED.append(what)


class Board:
    """QEMU's micro:bit running a combined hex; the UART is stdin/stdout."""

    def __init__(self, hexfile, tracefile=None):
        cmd = ['qemu-system-arm', '-M', 'microbit', '-display', 'none', '-monitor', 'none',
               '-serial', 'stdio', '-icount', 'shift=6,sleep=off',
               '-device', 'loader,file=' + hexfile]
        if tracefile:
            cmd += ['-trace', 'nrf51_gpio_update_output_irq', '-D', tracefile]
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.out = b''
        self.lock = threading.Lock()
        self.t = threading.Thread(target=self._read, daemon=True)
        self.t.start()

    def _read(self):
        while True:
            b = self.p.stdout.read1(4096)
            if not b:
                return
            with self.lock:
                self.out += b

    def text(self):
        with self.lock:
            return self.out.decode('latin-1').replace('\r\n', '\n')

    def wait(self, marker, timeout):
        end = time.time() + timeout
        while time.time() < end:
            if marker in self.text():
                return True
            time.sleep(0.02)
        return False

    def send(self, data, pause=0.02):
        for b in data:
            self.p.stdin.write(bytes([b]))
            self.p.stdin.flush()
            time.sleep(pause)

    def stop(self):
        self.p.kill()
        self.p.wait()
        self.t.join(1)


def combined(args, tmp, images):
    out = os.path.join(tmp, 'app.hex')
    r = subprocess.run([sys.executable, args.hex_tool, args.fw] + images + ['-o', out],
                       capture_output=True, text=True)
    if r.returncode:
        sys.stderr.write(r.stderr)
        sys.exit(1)
    return out


def flow(args, tmp):
    trace = os.path.join(tmp, 'gpio.trace')
    b = Board(combined(args, tmp, [os.path.join(args.images, 'hello.svm'),
                                   os.path.join(args.images, 'blinky.svm')]), trace)
    done = b.wait('sensevm: all containers finished', args.timeout)
    b.stop()
    out = b.text()
    sys.stdout.write(''.join('  | ' + line + '\n' for line in out.splitlines()))
    check(done, 'the firmware ran both containers to the end')
    check('container 0: installed the inbox image into slot A (seq 1' in out and
          'container 1: installed the inbox image into slot A (seq 1' in out,
          'both inbox images were installed into slot A')
    check("container 0: 'hello' from slot A" in out and "container 1: 'blinky' from slot A" in
          out, 'both containers booted from their slots')
    want = open(os.path.join(args.examples, 'hello.expected')).read()
    hello = ''.join(line + '\n' for line in out.splitlines()
                    if line in want.splitlines())
    check(want in out or hello == want, "hello's output is the desktop's (examples/hello.expected)")
    check('blinky: done' in out and "container 1 'blinky': exited with status 0" in out,
          'blinky finished')
    # led0 = row 1 (pin 13) high with column 1 (pin 4) low
    levels = {13: 0, 4: 1}
    lit, changes = False, []
    with open(trace) as f:
        for line in f:
            if 'nrf51_gpio_update_output_irq' not in line:
                continue
            words = line.replace(',', ' ').split()
            try:
                pin = int(words[words.index('line') + 1])
                val = int(words[words.index('value') + 1])
            except (ValueError, IndexError):
                continue
            if pin in levels:
                levels[pin] = val
                now = levels[13] == 1 and levels[4] == 0
                if now != lit:
                    lit = now
                    changes.append(now)
    check(changes == [True, False] * 5,
          'QEMU saw led0 (row 13 high, column 4 low) go on/off 5 times: %s' %
          ''.join('1' if c else '0' for c in changes))


def echo(args, tmp):
    b = Board(combined(args, tmp, [os.path.join(args.images, 'echo.svm')]))
    ready = b.wait('echo: ready', args.timeout)
    check(ready, 'the echo container is ready')
    # one byte at a time, each sent when the previous one has come back: the round trip
    # holds however the host schedules QEMU (a burst could overflow the device's mailbox)
    start = len(b.text())
    got = True
    typed = 'Hello, micro:bit\n'
    for i, ch in enumerate(typed):
        b.send(ch.encode(), pause=0)
        want = typed.upper()[:i + 1]
        end = time.time() + args.timeout
        while got and want not in b.text()[start:]:
            got = time.time() < end
            time.sleep(0.005)
    check(got, 'typed "Hello, micro:bit" came back as "HELLO, MICRO:BIT" (RX -> event -> '
          'container -> uart0)')
    b.send(b'q')
    fin = b.wait('sensevm: all containers finished', args.timeout)
    b.stop()
    out = b.text()
    sys.stdout.write(''.join('  | ' + line + '\n' for line in out.splitlines()))
    check(fin and 'echo: 1 lines' in out, '"q" ended the container after 1 line')


def refuse(args, tmp):
    hello = open(os.path.join(args.images, 'hello.svm'), 'rb').read()
    bad = bytearray(hello)
    bad[len(bad) // 2] ^= 0x01
    badpath = os.path.join(tmp, 'corrupt.svm')
    with open(badpath, 'wb') as f:
        f.write(bad)
    b = Board(combined(args, tmp, [badpath, os.path.join(args.images, 'nodev.svm')]))
    done = b.wait('sensevm: no container to run', args.timeout)
    b.stop()
    out = b.text()
    sys.stdout.write(''.join('  | ' + line + '\n' for line in out.splitlines()))
    check(done, 'the firmware says that nothing runs')
    check('container 0: inbox image refused: invalid image' in out,
          'the corrupt image is refused with a console message')
    check("container 1: refused at load: 'nodev' claims device 'servo0', which this board "
          'does not have' in out, 'the image claiming servo0 is refused at load')
    check('nodev must not run' not in out, 'nodev never ran')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('scenario', choices=['flow', 'echo', 'refuse'])
    ap.add_argument('--fw', required=True)
    ap.add_argument('--hex-tool', required=True)
    ap.add_argument('--images', required=True)
    ap.add_argument('--examples', required=True)
    ap.add_argument('--timeout', type=float, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        {'flow': flow, 'echo': echo, 'refuse': refuse}[args.scenario](args, tmp)
    return 1 if FAILED else 0


if __name__ == '__main__':
    sys.exit(main())
