#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Packaging test: `meson install` into a staging directory, then use only what was
# installed — sensec (which finds senseasm and libsense.a beside itself), the man pages, the
# headers, the libraries and the pkg-config file — to build a small C project with make
# that runs an OCaml program compiled to a C array.
#   check_install.py BUILDDIR SRCDIR
import os
import shutil
import subprocess
import sys

build, src = sys.argv[1], sys.argv[2]
work = os.path.join(build, 'package-test')
stage = os.path.join(work, 'stage')
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f'FAIL: {" ".join(cmd)}\n{r.stdout}\n{r.stderr}')
    return r.stdout


run(['meson', 'install', '-C', build, '--no-rebuild', '--destdir', stage])
prefix = None
for d, _, files in os.walk(stage):
    if 'sensec' in files and d.endswith('/bin'):
        prefix = os.path.dirname(d)
if not prefix:
    sys.exit('FAIL: sensec was not installed')
for tool in ('sensec', 'senseasm', 'sensevm-run'):
    assert os.access(os.path.join(prefix, 'bin', tool), os.X_OK), tool
    assert os.path.exists(os.path.join(prefix, 'share/man/man1', tool + '.1')), tool + '.1'
# the OCaml interface stubs of the Sense-only modules (stdlib/ocaml/, issue 15)
stubs = os.path.join(prefix, 'share/sensevm/ocaml')
for m in ('sense', 'thread', 'event'):
    assert os.path.exists(os.path.join(stubs, m + '.mli')), m + '.mli'
if shutil.which('ocamlc') and os.path.exists(os.path.join(stubs, 'sense.cmi')):
    run(['ocamlc', '-i', '-I', stubs, os.path.join(src, 'examples/blinky.ml')], cwd=work)
pcdirs = [d for d, _, f in os.walk(stage) if 'sensevm.pc' in f]
if not pcdirs:
    sys.exit('FAIL: sensevm.pc was not installed')

proj = os.path.join(work, 'proj')
shutil.copytree(os.path.join(src, 'tests/package'), proj)
env = dict(os.environ, PKG_CONFIG_PATH=pcdirs[0])
# the installed pkg-config file names the final prefix; point it at the staging copy
env['PKG_CONFIG_SYSROOT_DIR'] = stage
hello = os.path.join(proj, 'hello.ml')
with open(hello, 'w') as f:
    f.write('let () = List.iter (fun x -> Printf.printf "%d " (x * x)) [1; 2; 3]; print_endline "packaged"\n')
run([os.path.join(prefix, 'bin', 'sensec'), '-o', os.path.join(proj, 'app_image.c'), hello,
     '--format=c', '--symbol', 'app_image', '--heap', '1M', '--stack', '64K'])
run(['make', '-s', '-C', proj, 'consumer'], env=env)
out = run([os.path.join(proj, 'consumer')])
if out != '1 4 9 packaged\n':
    sys.exit(f'FAIL: consumer printed {out!r}')
print('installed tools, man pages, headers, libraries and pkg-config file work')
