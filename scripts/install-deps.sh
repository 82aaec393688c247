#!/bin/sh
# SPDX-License-Identifier: MIT
# Install everything Sense-VM needs to build, test, cross-build and benchmark on Debian 12.
# Idempotent; run as root. --no-install-recommends keeps newlib's C++ libraries (1.5 GB) out.
# dpkg-dev and debian-archive-keyring: scripts/fetch-sodium-src.sh fetches and unpacks
# Debian's libsodium source package for the target's Ed25519 verifier.
set -eu
export DEBIAN_FRONTEND=noninteractive
PKGS="meson ninja-build pkg-config gcc libc6-dev python3 flex bison libelf-dev libcriterion-dev
  ocaml-nox lua5.4 luajit clang clang-format clang-tools libclang-rt-14-dev cppcheck
  gcc-arm-none-eabi binutils-arm-none-eabi picolibc-arm-none-eabi qemu-system-arm
  libsodium-dev binutils make dpkg-dev debian-archive-keyring"
missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' $PKGS 2>/dev/null | awk '$1 == "ii" {print $2}' | sort > /tmp/.svm-have; \
          for p in $PKGS; do grep -qx "$p" /tmp/.svm-have || echo "$p"; done)
rm -f /tmp/.svm-have
if [ -n "$missing" ]; then
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
