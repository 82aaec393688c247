#!/bin/sh
# SPDX-License-Identifier: MIT
# Fuzz with libFuzzer (clang, ASan+UBSan), each harness from its committed seeds, sharing
# the given time equally:   scripts/fuzz.sh [SECONDS]   (default 300: 60 s per harness)
#   fuzz_validate    the image validator (tests/fuzz/)
#   fuzz_run         runs every image the validator accepts, and random valid images the
#                    input steers (tests/fuzz/, tests/imagegen/)
#   fuzz_sensec      sensec's front end: parse, type, match compilation, code generation
#                    (tests/fuzz/)
#   fuzz_asm_parse   the assembler's front end: diagnostics, disassembly round trip
#                    (tests/fuzz/)
#   fuzz_asm         assembly, objects and images through the whole assembler library
#                    (tests/assembler/)
set -eu
cd "$(dirname "$0")/.."
total=${1:-300}
nharness=5
secs=$((total / nharness))
[ "$secs" -ge 1 ] || secs=1
dir=build-fuzz
[ -f "$dir/build.ninja" ] || CC=clang meson setup "$dir" -Dfuzz=libfuzzer \
  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all
ninja -C "$dir" tests/fuzz/fuzz_validate tests/fuzz/fuzz_asm_parse tests/assembler/fuzz_asm \
  tests/fuzz/fuzz_run tests/fuzz/fuzz_sensec
# libFuzzer writes new inputs into the first directory: keep it in the build dir
mkdir -p "$dir/corpus-validate" "$dir/corpus-asm-parse" "$dir/corpus-asm" "$dir/corpus-run" \
  "$dir/corpus-sensec"
echo "fuzz.sh: $secs s for each of $nharness harnesses"
"$dir/tests/fuzz/fuzz_validate" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-validate" tests/fuzz/seeds_validate tests/loader/corpus
"$dir/tests/fuzz/fuzz_asm_parse" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-asm-parse" tests/assembler/progs
"$dir/tests/assembler/fuzz_asm" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-asm" tests/assembler/progs
"$dir/tests/fuzz/fuzz_run" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-run" tests/fuzz/seeds_validate tests/loader/corpus
# diagnostics on stderr are hidden (-close_fd_mask=2); a crash report is still printed.
# sensec frees nothing until it exits (by design: a short-lived tool), so one process that
# compiled thousands of inputs grows past libFuzzer's 2 GB RSS limit (about 0.5 MB per input
# under ASan): fork mode runs the inputs in a sequence of short child processes instead, and
# still stops at the first crash, timeout or out-of-memory (ignore_* = 0).
"$dir/tests/fuzz/fuzz_sensec" -fork=1 -ignore_crashes=0 -ignore_timeouts=0 -ignore_ooms=0 \
  -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  -close_fd_mask=2 -max_len=4096 "$dir/corpus-sensec" tests/golden/progs
