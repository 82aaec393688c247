/* SPDX-License-Identifier: MIT
 * golden.h — the runtime's golden programs for the on-target test fw_golden, with what the
 * desktop runner prints for them (golden_progs.c, made by gen_golden.py at build time).
 */
#ifndef SVM_GOLDEN_H
#define SVM_GOLDEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct golden_prog {
    const char *name;
    const uint8_t *img;
    uint32_t size;
    uint32_t heap, stack;     /* overrides (bytes), 0 = the manifest's */
    const char *out;          /* expected stdout */
    uint32_t out_len;
    const char *err;          /* expected stderr ("IMAGE" stands for the image path) */
    uint32_t err_len;
    int rc;                   /* expected exit status */
} golden_prog_t;

extern const golden_prog_t golden_progs[];
extern const size_t golden_nprogs;

#endif
