#!/bin/sh
# SPDX-License-Identifier: MIT
# regen.sh SENSEASM [--check DIR] — (re)make the committed on-target test images with the
# native senseasm (the cross build does not build host tools):
#   hello.svm, update.svm   raw images
#   hello_svm.c             hello.svm as the C array `senseasm --format=c` writes (blob path 1)
#   update.hex              update.svm as Intel HEX at 0x00300000 (blob path 3)
#   sched_svm.c             C arrays of scheduler test programs of tests/sched/progs/ (button,
#                           divzero, checksum, hi, lo) for fw_sched
#   signed_svm.c            hello.s signed with the committed TEST-ONLY keys sign-a.key and
#                           sign-b.key (`senseasm --sign`; Ed25519 signatures are
#                           deterministic), and both public keys, for fw_sign (made only
#                           when senseasm has --sign, i.e. was built with libsodium)
# With --check DIR the files are made in DIR and compared with the committed ones (a native
# test, so that a senseasm or format change cannot leave them stale).
set -eu
asm=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$here
if [ "${2:-}" = "--check" ]; then out=$3; mkdir -p "$out"; fi
"$asm" -o "$out/hello.svm" "$here/hello.s"
"$asm" -o "$out/update.svm" "$here/update.s"
"$asm" -o "$out/hello_svm.c" --format=c --symbol hello_svm "$here/hello.s"
"$asm" -o "$out/update.hex" --format=ihex --base 0x00300000 "$here/update.s"
progs=$here/../../sched/progs
: > "$out/sched_svm.c.tmp"
for p in button divzero checksum hi lo; do
  "$asm" -o "$out/$p.tmp.c" --format=c --symbol "${p}_svm" "$progs/$p.s"
  cat "$out/$p.tmp.c" >> "$out/sched_svm.c.tmp"
  rm -f "$out/$p.tmp.c"
done
mv "$out/sched_svm.c.tmp" "$out/sched_svm.c"
files="hello.svm update.svm hello_svm.c update.hex sched_svm.c"
if "$asm" -o "$out/signed_a.tmp.c" --format=c --symbol hello_signed_a_svm --sign "$here/sign-a.key" \
     "$here/hello.s" 2> "$out/sign.err"; then
  "$asm" -o "$out/signed_b.tmp.c" --format=c --symbol hello_signed_b_svm --sign "$here/sign-b.key" \
    "$here/hello.s"
  { cat "$out/signed_a.tmp.c" "$out/signed_b.tmp.c"
    for k in a b; do
      echo
      echo "/* the public key of sign-$k.key (TEST ONLY) */"
      echo "extern const uint8_t sign_${k}_pub[32];"
      echo "const uint8_t sign_${k}_pub[32] = {"
      sed 's/\(..\)/0x\1, /g' "$here/sign-$k.key.pub" | fold -w 48 | sed 's/ *$//; s/^/    /'
      echo "};"
    done; } > "$out/signed_svm.c.tmp"
  rm -f "$out/signed_a.tmp.c" "$out/signed_b.tmp.c"
  mv "$out/signed_svm.c.tmp" "$out/signed_svm.c"
  files="$files signed_svm.c"
elif grep -q libsodium "$out/sign.err" && [ "$out" != "$here" ]; then
  echo "regen.sh: this senseasm cannot sign (built without libsodium): signed_svm.c not checked" >&2
else
  cat "$out/sign.err" >&2; rm -f "$out/sign.err"; exit 1
fi
rm -f "$out/sign.err"
if [ "$out" != "$here" ]; then
  for f in $files; do
    cmp -s "$out/$f" "$here/$f" || { echo "regen.sh: $f is stale: run tests/target/images/regen.sh build/assembler/senseasm" >&2; exit 1; }
  done
  echo "regen.sh: $(echo $files | wc -w) files up to date"
fi
