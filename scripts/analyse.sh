#!/bin/sh
# SPDX-License-Identifier: MIT
# Static analysis: scan-build (clang analyzer) must find nothing, and cppcheck over the
# project's own sources (generated parsers excluded) must report nothing.
# (Facebook's infer is not packaged for Debian, so it is not run.)
set -eu
# (unknownMacro: cppcheck cannot expand Criterion's Test(..., .init = f) in some test files)
cd "$(dirname "$0")/.."
rm -rf build-sa
scan-build meson setup build-sa >/dev/null
scan-build --status-bugs -o build-sa/scan-report ninja -C build-sa
cppcheck --project=build-sa/compile_commands.json -ibuild-sa \
  --enable=warning,style,performance,portability --std=c11 \
  --suppress=missingIncludeSystem --suppress='unknownMacro:*tests/*' \
  --error-exitcode=1 --inline-suppr -q -j2
echo "static analysis: clean"
