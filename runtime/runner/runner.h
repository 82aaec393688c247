/* SPDX-License-Identifier: MIT
 * runner.h — sensevm-run, the desktop runner: one option parser (options.c) filling one
 * configuration, the host helpers (host.c: reading and checking images, tracing), and the
 * two ways to run: under the container scheduler over the posix HAL (scheduled.c, the
 * default) or one image on the bare VM (bare.c, --no-sched, as a firmware without the
 * scheduler embeds it). Host code: stdio and malloc.
 */
#ifndef SVM_RUNNER_H
#define SVM_RUNNER_H

#include <sensevm/loader.h>
#include <sensevm/sched.h>
#include <sensevm/vm.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses (docs/man/sensevm-run.1): the runner's own, then the program's. */
#define RUNNER_EXIT_OK 0
#define RUNNER_EXIT_INPUT 1 /* an image cannot be read, is not one, is invalid or refused */
#define RUNNER_EXIT_USAGE 2 /* bad command line */
#define RUNNER_EXIT_TRAP 2  /* a program's uncaught exception, trap or deadlock (as ocamlrun) */
/* a program's `exit n` gives n land 255 */

#define RUNNER_MAX_IMAGES SVM_CFG_MAX_CONTAINERS

typedef struct runner_cfg {
    const char *images[RUNNER_MAX_IMAGES];
    int nimages;
    char **args; /* the program's arguments (after the images, or after `--`) */
    int nargs;
    /* both modes */
    uint64_t heap, stack, max_steps;
    int gc_every, trace, stats, no_sched;
    int gc; /* svm_config_t.gc: 0 = each manifest's */
    const char *verify_key;
    /* the scheduler's */
    int real_time, time_set, count_steps, via_sched, generic_loop, trace_sched;
    const char *input, *devices, *devlog;
    uint64_t fuel, ns_per_insn, heartbeat_ms, spin_limit;
    int fuel_set, ns_set, heartbeat_set, spin_set;
    uint64_t quantum; /* --quantum (issue 13) */
    int quantum_set;
} runner_cfg_t;

extern const char *const runner_prog; /* "sensevm-run" */

/* Parse argv into cfg. Returns -1 to go on and run, else the exit status to return at once
 * (0 after --help/--version, RUNNER_EXIT_USAGE after a diagnostic on stderr). */
int runner_parse(int argc, char **argv, runner_cfg_t *cfg);

/* ---- host.c ---- */
/* Read image `path`, say what it is if it is not one (an object file, HEX, source …),
 * validate it and check its signature against cfg->verify_key. Returns the bytes (free
 * them) with *img filled, or NULL after a diagnostic (*status = the exit status). */
uint8_t *runner_load_image(const runner_cfg_t *cfg, const char *path, svl_image_t *img,
                           int *status);
/* The VM output callbacks over stdout/stderr. */
void runner_write(void *user, int stream, const char *buf, size_t len);
void runner_flush(void *user);
/* Issue 13, testing: the environment variable SENSEVM_GC_STEP (words; svm_config_t
 * gc_step: every copying collection an instruction starts stops after that much work),
 * 0 when unset. */
uint32_t runner_gc_step(void);
/* One trace line for the instruction at pc: `trace: WHO pc <sym+off> mnemonic operands`,
 * then `  ; file:line` when the image's LINES section covers pc. With runner_trace_calls
 * (--trace=calls) only for the first instruction of a function (a SYMBOLS address):
 * `trace: WHO call FUNCTION  ; file:line`. */
extern int runner_trace_calls;
extern int runner_tracing; /* --trace given (the hook also serves --profile) */
void runner_trace_insn(FILE *f, const char *who, const svm_vm_t *vm, uint32_t pc);
/* Report a trapped VM: `Fatal error: exception …` or `sensevm-run: WHERE: trap: …`, then
 * the details and the source backtrace (docs/runtime.md, "Debugging a program"); with
 * runner_fault_pcs (--backtrace-pcs), the target's report instead (svm_format_fault). */
extern int runner_fault_pcs;
extern uint64_t runner_max_steps; /* --max-steps (0: none): a fuel_exhausted trap states it */
void runner_report_trap(const svm_vm_t *vm, const char *where, const char *prefix);
/* Where context ctx of vm waits (a deadlock report): `PREFIX  context N (thread T) waits in
 * SERVICE`, then its backtrace from the blocking instruction, `Blocked at …` first.
 * Overwrites vm->bt. */
void runner_report_blocked(svm_vm_t *vm, const svm_context_t *ctx, uint32_t thread,
                           const char *prefix);

/* ---- profile.c (--profile) ---- */
extern int runner_profiling;
/* Count the instruction at pc of vm (the container vm->cfg.container_id). */
void runner_profile_step(const svm_vm_t *vm, uint32_t pc);
/* The flat profile of every container profiled, on f; frees it. */
void runner_profile_print(FILE *f);

/* ---- the two modes ---- */
int runner_run_bare(const runner_cfg_t *cfg);
int runner_run_scheduled(const runner_cfg_t *cfg);

#endif
