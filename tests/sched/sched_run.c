/* SPDX-License-Identifier: MIT
 * sched_run.c — the multi-container runner for the scheduler tests (what sensevm-run
 * delegates to): svm_posix_main.
 */
#include "svm_posix.h"

int main(int argc, char **argv) { return svm_posix_main(argc, argv); }
