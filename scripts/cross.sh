#!/bin/sh
# SPDX-License-Identifier: MIT
# Cross-build the freestanding parts (bytecode-spec, loader, runtime without the posix port)
# for Cortex-M4F with arm-none-eabi-gcc + picolibc at -Os, run the on-target tests under QEMU
# (the size-budget test enforces the code budget of runtime + loader + bytecode library,
# docs/porting.md), and print the code sizes.
#
# Ed25519 verification on the target (docs/flash.md §5a) needs Debian's libsodium source:
# scripts/fetch-sodium-src.sh fetches it (once; cached outside the tree) and the build gets
# -Dsodium_src. If it cannot be had (no network), the cross build goes on with the feature
# off and says so. SVM_NO_SODIUM=1 turns it off on purpose.
#
# The images the target tests embed are made at build time by the host tools of a native
# build (SENSEVM_HOST_BUILD, default build/; boards/meson.build): it is built first.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build-arm}
host=${SENSEVM_HOST_BUILD:-build}
[ -f "$host/build.ninja" ] || meson setup "$host"
ninja -C "$host" compiler/sensec assembler/senseasm stdlib/libsense.a
host=$(cd "$host" && pwd)
sodium=
if [ -n "${SVM_NO_SODIUM:-}" ]; then
    echo "cross.sh: Ed25519 verification on the target: off (SVM_NO_SODIUM is set)"
elif sodium=$(sh scripts/fetch-sodium-src.sh); then
    echo "cross.sh: Ed25519 verification on the target: on (libsodium source in $sodium)"
else
    sodium=
    echo "cross.sh: WARNING: could not fetch the libsodium source package; building with" \
        "Ed25519 verification on the target OFF (fw_sign is not built)"
fi
cross=cross/cortex-m4f-mps2.ini
if [ -f "$dir/build.ninja" ] && [ "$cross" -nt "$dir/meson-private/coredata.dat" ]; then
    # Meson keeps a machine file's built-in options from the first setup: start afresh
    meson setup --wipe "$dir" --cross-file "$cross" "-Dsodium_src=$sodium" "-Dhost_build=$host"
elif [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "-Dsodium_src=$sodium" "-Dhost_build=$host"
else
    meson setup "$dir" --cross-file "$cross" "-Dsodium_src=$sodium" "-Dhost_build=$host"
fi
ninja -C "$dir"
meson test -C "$dir" --print-errorlogs
echo "== Cortex-M4F code size (arm-none-eabi-size of the archives, -Os, Thumb-2)"
size_of() { arm-none-eabi-size -t "$dir/$1" | awk '/\(TOTALS\)/ {print $1 + $2}'; }
rt=$(size_of runtime/libsvm.a); ld=$(size_of loader/libsvl.a); bc=$(size_of bytecode-spec/libsvbc.a)
printf '%-34s %7d bytes\n' "runtime (libsvm.a)" "$rt" "loader (libsvl.a)" "$ld" \
    "bytecode library (libsvbc.a)" "$bc"
printf '%-34s %7d bytes (whole archives; linked: see the size-budget test)\n' "all three" \
    "$((rt + ld + bc))"
if [ -n "$sodium" ]; then
    sg=$(size_of runtime/port/cortexm/libsvm_sodium.a)
    printf '%-34s %7d bytes (whole archive; linked: see the size-sign test)\n' \
        "libsodium subset (libsvm_sodium.a)" "$sg"
fi
