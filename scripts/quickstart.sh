#!/bin/sh
# SPDX-License-Identifier: MIT
# Quick start: install the packages, build Sense-VM and run the demo.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build
ninja -C build
sh scripts/demo.sh build
