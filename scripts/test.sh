#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the whole test suite:   scripts/test.sh [BUILDDIR [meson setup options...]]
# Builds BUILDDIR (default: build) if needed, runs `meson test`, and ends with one line
# "N passed, N failed". Exit status is non-zero if any test failed (meson's own status
# wraps at 256 failures, so the summary is checked too).
set -u
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
if [ ! -f "$dir/build.ninja" ]; then
  meson setup "$dir" "$@" || exit 1
fi
ninja -C "$dir" || { echo "0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC2086
meson test -C "$dir" --print-errorlogs ${MESON_TEST_ARGS:-}
rc=$?
log="$dir/meson-logs/testlog.txt"
ok=$(awk '/^Ok:/ {n=$2} END {print n+0}' "$log")
bad=$(awk '/^(Fail|Timeout|Unexpected Pass):/ {n+=$NF} END {print n+0}' "$log")
echo "$ok passed, $bad failed"
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ]
