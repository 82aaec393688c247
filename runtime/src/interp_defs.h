/* SPDX-License-Identifier: MIT
 * interp_defs.h — what every instantiation of the interpreter loop (interp_loop.h) needs:
 * dispatch mode, control-record kinds, operand readers. Included by interp.c and by the
 * scheduler glue's own loop (runtime/sched/vmglue.c, SVM_GLUE_LOOP).
 */
#ifndef SENSEVM_INTERP_DEFS_H
#define SENSEVM_INTERP_DEFS_H

#include "service.h"

#if !defined(SVM_CFG_SWITCH_DISPATCH) && (defined(__GNUC__) || defined(__clang__))
#define SVM_COMPUTED_GOTO 1
#endif

/* gcc: keep trap paths out of line (else their set-up is hoisted into every handler) */
#if defined(__GNUC__) && !defined(__clang__)
#define SVM_COLD_LABEL __attribute__((cold));
#else
#define SVM_COLD_LABEL
#endif

/* control-record kinds REC_*: internal.h (the backtrace walker reads them too) */

static inline int32_t rd_i32(const uint8_t *p)
{
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}
static inline uint32_t rd_u16(const uint8_t *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 8); }

/* The n fields of a new object from the accumulator and the stack, as makeblock, cur (the
 * environment) and arrayn take them: f[0] = a, f[1..n-1] = sp[0..n-2]. Returns the stack
 * pointer after popping those n - 1 values. */
static inline svm_value_t *fill_fields(uint32_t *f, svm_value_t a, svm_value_t *sp, uint32_t n)
{
    if (!n)
        return sp;
    f[0] = a;
    for (uint32_t i = 1; i < n; i++)
        f[i] = sp[i - 1];
    return sp + (n - 1);
}

static int32_t wrap_float_to_int(double d)
{
    if (!(d > -9.2e18 && d < 9.2e18))
        return 0; /* nan, inf or out of int64 range: unspecified in OCaml */
    int64_t i = (int64_t)d;
    return (int32_t)((uint32_t)(uint64_t)i << 1) >> 1;
}

#endif
