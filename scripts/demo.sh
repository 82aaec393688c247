#!/bin/sh
# SPDX-License-Identifier: MIT
# The Quick start demo: compile an OCaml program with sensec, inspect the image, run it;
# then two containers of different criticality under the scheduler, in virtual time.
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
set -x
"$b/compiler/sensec" -o "$b/hello.svm" examples/hello.ml
"$b/assembler/senseasm" --info "$b/hello.svm"
"$b/runtime/sensevm-run" "$b/hello.svm"
"$b/compiler/sensec" examples/control.ml -o "$b/control.svm" --name control --priority 200 \
  --device led0 --device sensor0
"$b/compiler/sensec" examples/logger.ml -o "$b/logger.svm" --name logger --priority 10
"$b/runtime/sensevm-run" --input examples/control.input "$b/control.svm" "$b/logger.svm"
