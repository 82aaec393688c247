#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerate the expected outputs of the golden programs with real OCaml.
#   tests/golden/regen.sh [prog.ml ...]     (default: every tests/golden/progs/*.ml)
# For each prog.ml writes prog.expected (stdout of `ocaml prog.ml`) and, when the exit
# status is not 0, prog.status (the status as a decimal number); a stale .status is removed.
# Fails if OCaml reports a compile error (the program is not valid OCaml). Without
# arguments it also rewrites progs.txt (the list of programs meson.build reads).
set -u
here=$(cd "$(dirname "$0")" && pwd)
command -v ocaml >/dev/null 2>&1 || { echo "regen.sh: ocaml not found" >&2; exit 1; }
if [ "$#" -eq 0 ]; then
  # Full regeneration: also rewrite progs.txt, the program list meson.build reads.
  (cd "$here/progs" && ls -1 *.ml) >"$here/progs.txt"
  set -- "$here"/progs/*.ml
fi
err=$(mktemp)
trap 'rm -f "$err"' EXIT
fail=0
for p in "$@"; do
  base=${p%.ml}
  mods=$(sed -n 's/.*(\* *golden-modules:\(.*\)\*).*/\1/p' "$p")
  if [ -n "$mods" ]; then
    # several files (run_golden.py): ocamlc with each a.mli before its a.ml, in a scratch
    # directory (the program's own name need not be a module name: it becomes main.ml)
    tmp=$(mktemp -d)
    list=
    for m in $mods; do
      src=$(dirname "$p")/$m
      [ -f "${src}i" ] && cp "${src}i" "$tmp/" && list="$list $(basename "$m")i"
      cp "$src" "$tmp/" && list="$list $(basename "$m")"
    done
    cp "$p" "$tmp/main.ml"
    (cd "$tmp" && ocamlc -o prog.byte $list main.ml) 2>"$err" &&
      (cd "$tmp" && ./prog.byte </dev/null >"$tmp/out" 2>>"$err")
    st=$?
    cp "$tmp/out" "$base.expected" 2>/dev/null || : >"$base.expected"
    rm -rf "$tmp"
  else
    ocaml "$p" </dev/null >"$base.expected" 2>"$err"
    st=$?
  fi
  if grep -q '^Error' "$err" || grep -q 'Error: ' "$err"; then
    echo "regen.sh: $p: OCaml rejected the program:" >&2
    cat "$err" >&2
    fail=1
  fi
  if grep -q 'Warning' "$err"; then
    echo "regen.sh: $p: warning from OCaml:" >&2
    cat "$err" >&2
  fi
  if [ "$st" -ne 0 ]; then
    echo "$st" >"$base.status"
  else
    rm -f "$base.status"
  fi
done
exit $fail
