#!/bin/sh
# SPDX-License-Identifier: MIT
# The BBC micro:bit v1 board (boards/microbit.board): the host tools, the cross build
# build-microbit (cross/microbit.ini) and its tests under QEMU's microbit machine, and the
# footprint from the firmware's link map. The same as `scripts/boards.sh microbit`.
exec sh "$(dirname "$0")/boards.sh" microbit
