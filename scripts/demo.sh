#!/bin/sh
# SPDX-License-Identifier: MIT
# The Quick start demo: compile an OCaml program with sensec, inspect the image, run it.
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
set -x
"$b/compiler/sensec" -o "$b/hello.svm" examples/hello.ml
"$b/assembler/senseasm" --info "$b/hello.svm"
"$b/runtime/sensevm-run" "$b/hello.svm"
