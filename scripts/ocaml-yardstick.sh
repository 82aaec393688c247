#!/bin/bash
# SPDX-License-Identifier: MIT
# The outside measure of issue 16: of the single-file tests in OCaml's own test suite
# (the ocaml/ocaml repository's testsuite/tests/, in the directories below) that the local
# `ocaml` runs, how many print exactly the same under Sense? Nothing of the test suite is
# copied into this project: give the path of a checkout of ocaml/ocaml.
#   scripts/ocaml-yardstick.sh OCAML_CHECKOUT [BUILD_DIR]     (default build dir: build)
# Prints one line per test (PASS, DIFF: output differs, COMP: sensec refused it, with its
# first diagnostic) into $OUT/results.txt (default /tmp/sense-yardstick) and "N of M".
set -u
src=${1:?usage: scripts/ocaml-yardstick.sh OCAML_CHECKOUT [BUILD_DIR]}
bld=${2:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
sensec=$here/$bld/compiler/sensec
run=$here/$bld/runtime/sensevm-run
out=${OUT:-/tmp/sense-yardstick}
mkdir -p "$out"
: > "$out/results.txt"
dirs="basic basic-more basic-float basic-modules lib-list lib-string lib-array lib-buffer
lib-bytes lib-option lib-result lib-fun lib-int lib-bool lib-hashtbl lib-queue lib-stack
lib-set lib-seq lib-printf lib-filename match-exception lazy let-syntax local-functions
functors tailcalls misc"
ok=0; tot=0
for d in $dirs; do
  for f in "$src"/testsuite/tests/"$d"/*.ml; do
    [ -f "$f" ] || continue
    grep -q "modules *=" "$f" && continue        # several files: not a single-file test
    b=$d--$(basename "$f" .ml)
    (cd "$out" && timeout 20 ocaml "$f" > "$b.ref" 2>/dev/null) || continue
    tot=$((tot + 1))
    if timeout 60 "$sensec" -o "$out/$b.svm" "$f" > "$out/$b.cerr" 2>&1; then
      timeout 20 "$run" "$out/$b.svm" > "$out/$b.out" 2> "$out/$b.rerr"
      if cmp -s "$out/$b.out" "$out/$b.ref"; then ok=$((ok + 1)); echo "PASS $b"
      else echo "DIFF $b"; fi
    else
      echo "COMP $b $(head -1 "$out/$b.cerr" | sed 's|.*/||' | cut -c1-160)"
    fi >> "$out/results.txt"
  done
done
echo "$ok of $tot"
