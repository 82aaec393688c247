#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The C sources follow .clang-format (docs/development.md, "Code style"): every tracked
# .c/.h file must come out of clang-format unchanged. Skipped (77) without clang-format or
# outside a git checkout (a release tarball). Fix with:
#   git ls-files '*.c' '*.h' | xargs clang-format -i
import shutil, subprocess, sys

root = sys.argv[1]
cf = shutil.which('clang-format')
if not cf:
    print('clang-format not installed: skipped')
    sys.exit(77)
try:
    files = subprocess.run(['git', '-C', root, 'ls-files', '*.c', '*.h'], check=True,
                           capture_output=True, text=True).stdout.split()
except (OSError, subprocess.CalledProcessError):
    print('not a git checkout: skipped')
    sys.exit(77)
r = subprocess.run([cf, '--dry-run', '--Werror'] + files, cwd=root, capture_output=True,
                   text=True)
bad = sorted({line.split(':')[0] for line in r.stderr.splitlines() if ': error:' in line})
for f in bad:
    print(f'{f}: not formatted as .clang-format says')
print(f'{len(files)} files checked: {len(bad)} not formatted')
sys.exit(1 if bad or r.returncode else 0)
