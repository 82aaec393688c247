#!/bin/sh
# SPDX-License-Identifier: MIT
# Fuzz the image validator with libFuzzer (clang, ASan+UBSan):  scripts/fuzz.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
dir=build-fuzz
[ -f "$dir/build.ninja" ] || CC=clang meson setup "$dir" -Dfuzz=libfuzzer \
  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all
ninja -C "$dir" tests/fuzz/fuzz_validate
mkdir -p "$dir/corpus-validate"
"$dir/tests/fuzz/fuzz_validate" -max_total_time="$secs" -print_final_stats=1 \
  "$dir/corpus-validate" tests/fuzz/seeds_validate tests/loader/corpus
