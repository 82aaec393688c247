/* SPDX-License-Identifier: MIT
 * golden.h — the runtime's golden programs for the on-target test fw_golden, with what the
 * desktop runner prints for them (golden_progs.c, made by gen_golden.py at build time).
 */
#ifndef SVM_GOLDEN_H
#define SVM_GOLDEN_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/loader.h>

typedef struct golden_prog {
    const char *name;
    const uint8_t *img;
    uint32_t size;
    uint32_t heap, stack; /* overrides (bytes), 0 = the manifest's */
    const char *out;      /* expected stdout */
    uint32_t out_len;
    const char *err; /* expected stderr ("IMAGE" stands for the image path) */
    uint32_t err_len;
    int rc; /* expected exit status */
} golden_prog_t;

extern const golden_prog_t golden_progs[];
extern const size_t golden_nprogs;

/* One board's golden run (golden_run.c): where the images are installed, and the RAM the
 * programs run in. Each image is installed into a flash slot, boot-selected and run in
 * place as sensevm-run runs it (same heap/stack, same fuel loop); its stdout, stderr and
 * exit status must equal the desktop's. A program with the manifest's sizes gets
 * min(manifest, pool); one whose .opts override does not fit the pools is skipped (TAP
 * SKIP, with its needs), and fewer than min_ran programs run is a failure. */
typedef struct golden_board {
    const char *name; /* for the summary line: "the micro:bit" */
    svl_flash_t flash;
    svl_slots_t slots;
    uint8_t *heap_pool; /* 8-aligned */
    uint32_t heap_pool_size;
    uint32_t *stack_pool;
    uint32_t stack_pool_size; /* bytes */
    char *cap;                /* capture buffer: stdout's half, then stderr's */
    uint32_t cap_size;
    unsigned min_ran;
} golden_board_t;

/* Run every golden program on board b, printing TAP; returns tap_done()'s status (plus a
 * failure if fewer than b->min_ran ran). */
int golden_main(const golden_board_t *b);

#endif
