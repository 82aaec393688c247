#!/bin/sh
# SPDX-License-Identifier: MIT
# Fuzz the image validator and the assembler/object reader with libFuzzer (clang,
# ASan+UBSan), each from its committed seeds:   scripts/fuzz.sh [SECONDS-PER-HARNESS]
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
dir=build-fuzz
[ -f "$dir/build.ninja" ] || CC=clang meson setup "$dir" -Dfuzz=libfuzzer \
  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all
ninja -C "$dir" tests/fuzz/fuzz_validate tests/assembler/fuzz_asm
# libFuzzer writes new inputs into the first directory: keep it in the build dir
mkdir -p "$dir/corpus-validate" "$dir/corpus-asm"
"$dir/tests/fuzz/fuzz_validate" -max_total_time="$secs" -print_final_stats=1 \
  "$dir/corpus-validate" tests/fuzz/seeds_validate tests/loader/corpus
"$dir/tests/assembler/fuzz_asm" -max_total_time="$secs" -print_final_stats=1 \
  "$dir/corpus-asm" tests/assembler/progs
