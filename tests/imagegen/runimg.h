/* SPDX-License-Identifier: MIT
 * runimg.h — run one validated image the way a board would, under a fuel limit, for the
 * run fuzzer (tests/fuzz/fuzz_run.c) and the random-image test (imagegen_run.c): on the
 * bare VM and as a scheduled container (posix HAL, virtual time), each in memory of its
 * own exact size (so that ASan reports any access outside the container), then checks
 * that every value the container holds points inside it (runimg_check_heap).
 */
#ifndef TESTS_RUNIMG_H
#define TESTS_RUNIMG_H

#include <sensevm/loader.h>
#include <sensevm/vm.h>

#include <stdint.h>

typedef struct runimg_opts {
    uint32_t fuel;      /* total units per run (bare: in slices of `slice`) */
    uint32_t slice;     /* units per svm_run / per scheduler slice */
    uint32_t heap;      /* heap budget in bytes (the manifest's is ignored: small, fast) */
    uint32_t stack;     /* stack bytes per context */
    int gc_every_alloc; /* collect before every allocation */
    int count_steps;    /* fuel counts every instruction */
    int sched;          /* also run it as a scheduled container */
    int via_sched;      /* switch_via_scheduler (scheduled run) */
} runimg_opts_t;

/* What happened (for statistics and the caller's own checks). */
typedef struct runimg_result {
    int bare_status; /* svm_status_t of the last svm_run */
    int bare_trap;   /* svm_trap_t when trapped */
    uint64_t bare_steps;
    int sched_ran; /* 1 when the scheduled run took place (devices known etc.) */
    uint64_t sched_rounds;
} runimg_result_t;

/* Run img (validated: svl_validate said OK) per opts. Aborts (after printing why on
 * stderr) when a value of the container points outside it or at no object. */
/* svl_validate_ex with work memory that always suffices (SVL_WORK_SIZE: the static stack
 * check needs 12 bytes per block start, more than svl_validate's default for big images). */
svl_result_t runimg_validate(const uint8_t *img, size_t len, svl_image_t *out, uint32_t *off);

void runimg_run(const svl_image_t *img, const runimg_opts_t *opts, runimg_result_t *res);

/* Check every value of vm (globals, the contexts' stacks and registers, heap fields):
 * an immediate, a constant-pool reference at a constant's header, or a heap reference at
 * an object start below hp; every object header well formed. Returns NULL if all is
 * well (or while a resumable collection is paused: checked when it has finished), else a
 * message (static storage). */
const char *runimg_check_heap(const svm_vm_t *vm);

/* The checker's own test: on a fresh VM over img, a register holding a reference past
 * the heap's end, into the middle of an object, or to no constant must each be reported,
 * and () not. Returns 0 when all four hold. */
int runimg_self_test(const svl_image_t *img);

#endif
