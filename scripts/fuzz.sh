#!/bin/sh
# SPDX-License-Identifier: MIT
# Fuzz with libFuzzer (clang, ASan+UBSan), each harness from its committed seeds, sharing
# the given time equally:   scripts/fuzz.sh [SECONDS]   (default 180: 60 s per harness)
#   fuzz_validate    the image validator (tests/fuzz/)
#   fuzz_asm_parse   the assembler's front end: diagnostics, disassembly round trip
#                    (tests/fuzz/)
#   fuzz_asm         assembly, objects and images through the whole assembler library
#                    (tests/assembler/)
set -eu
cd "$(dirname "$0")/.."
total=${1:-180}
nharness=3
secs=$((total / nharness))
[ "$secs" -ge 1 ] || secs=1
dir=build-fuzz
[ -f "$dir/build.ninja" ] || CC=clang meson setup "$dir" -Dfuzz=libfuzzer \
  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all
ninja -C "$dir" tests/fuzz/fuzz_validate tests/fuzz/fuzz_asm_parse tests/assembler/fuzz_asm
# libFuzzer writes new inputs into the first directory: keep it in the build dir
mkdir -p "$dir/corpus-validate" "$dir/corpus-asm-parse" "$dir/corpus-asm"
echo "fuzz.sh: $secs s for each of $nharness harnesses"
"$dir/tests/fuzz/fuzz_validate" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-validate" tests/fuzz/seeds_validate tests/loader/corpus
"$dir/tests/fuzz/fuzz_asm_parse" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-asm-parse" tests/assembler/progs
"$dir/tests/assembler/fuzz_asm" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$dir/" \
  "$dir/corpus-asm" tests/assembler/progs
