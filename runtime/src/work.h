/* SPDX-License-Identifier: MIT
 * work.h — charging data-sized work as fuel (issue 13). Every operation whose work grows
 * with the data (the collector, copies, fills, comparisons, services) reports the words it
 * touched here; the interpreter turns them into fuel (SVM_WORK_UNIT words per unit) at the
 * end of the instruction, so a slice's budget bounds its work and not only its
 * instructions. docs/concurrency.md, "The time bound", states what this buys.
 */
#ifndef SVM_WORK_H
#define SVM_WORK_H

#include <sensevm/vm.h>

/* Words of work per unit of fuel: about one instruction's worth of time (a word copied,
 * filled or compared costs a few cycles, an instruction about ten). A remainder under one
 * unit is not charged, so small objects cost what they always did. Per port: cross builds
 * set 1 (runtime/meson.build), since picolibc's memmove, built for size, copies a byte at
 * a time (about 20 instructions a word: one unit of a loop is about 27 on a Cortex-M4). */
#ifndef SVM_WORK_UNIT
#define SVM_WORK_UNIT 8u
#endif

/* Report `words` of work done by the running instruction. One instruction's work fits:
 * at most one collection (3 * 2^22) and one object (2^20 words) or comparison budget. */
static inline void svm_work_charge(svm_vm_t *vm, uint32_t words) { vm->work.pending += words; }

/* The interpreter's side (out of line: one small call per site keeps firmware small).
 * settle: charge the reported work to `left` (the fuel left, >= 0) and return what is
 * left; what exceeds it becomes vm->work.debt. The remainder under a unit is forgotten.
 * pay: pay the debt from a new activation's `left`; returns what is left. */
int64_t svm_work_settle(svm_vm_t *vm, int64_t left);
int64_t svm_work_pay(svm_vm_t *vm, int64_t left);

/* The interrupt cut (sensevm/hal.h), whose slices run in chunks: pay pays the debt from the
 * slice's later chunks (svm_cut.rest) first, so that the chunk goes to new work and not
 * to a return to the scheduler per chunk of the debt. Defined by the scheduler's library;
 * weak, so that a program without the scheduler links (its address is then NULL). */
#include <sensevm/hal.h>
extern svm_cut_t svm_cut __attribute__((weak));

#endif
