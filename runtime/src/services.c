/* SPDX-License-Identifier: MIT
 * services.c — the core's runtime services (services.def rows below SVM_SVC_SCHED_FIRST:
 * output, formatting, strings, arrays, float math, process) and svm_service(), which
 * dispatches through the one table (svctable.c). The scheduler's services are in box.c.
 * Calling convention and helpers: service.h.
 */
#include "service.h"

#include <math.h>

typedef svm_svc_result_t svc_result_t;

static svc_result_t trap(svm_vm_t *vm, svm_trap_t t) { return svm_svc_trap(vm, t); }
#define TYPE_ERROR() TRAP_WITH(type_error)

#define STR_ARG(n, i, s, len)                                                                      \
    do {                                                                                           \
        if (!svm_string_view(vm, ARG(n, i), &(s), &(len)))                                         \
            TYPE_ERROR();                                                                          \
    } while (0)
#define INT_ARG(n, i, x)                                                                           \
    do {                                                                                           \
        if (!svm_is_int(ARG(n, i)))                                                                \
            TYPE_ERROR();                                                                          \
        x = svm_val_int(ARG(n, i));                                                                \
    } while (0)
#define FLOAT_ARG(n, i, d)                                                                         \
    do {                                                                                           \
        if (!svm_float_view(vm, ARG(n, i), &(d)))                                                  \
            TYPE_ERROR();                                                                          \
    } while (0)
#define SVC_FN(name) SVM_SERVICE(name)

static svc_result_t ret_string(svm_vm_t *vm, svm_context_t *ctx, const char *s, size_t len)
{
    uint32_t off = svm_make_string(vm, s, (uint32_t)len);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    RESULT(off);
    return SVM_SVC_OK;
}
static svc_result_t ret_float(svm_vm_t *vm, svm_context_t *ctx, double d)
{
    uint32_t off = svm_make_float(vm, d);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    RESULT(off);
    return SVM_SVC_OK;
}

/* ---- output and formatting ---- */
SVC_FN(print_string)
{
    const uint8_t *s;
    uint32_t len;
    STR_ARG(1, 0, s, len);
    svm_work_charge(vm, len / 4u);
    svm_write(vm, 1, (const char *)s, len);
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(print_err)
{
    const uint8_t *s;
    uint32_t len;
    STR_ARG(1, 0, s, len);
    svm_work_charge(vm, len / 4u);
    svm_write(vm, 2, (const char *)s, len);
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(print_int)
{
    char buf[16];
    int32_t n;
    INT_ARG(1, 0, n);
    svm_write(vm, 1, buf, svm_fmt_int(buf, n));
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(print_char)
{
    int32_t n;
    INT_ARG(1, 0, n);
    char c = (char)(n & 0xff);
    svm_write(vm, 1, &c, 1);
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(flush)
{
    if (vm->cfg.flush)
        vm->cfg.flush(vm->cfg.user);
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(string_of_int)
{
    char buf[16];
    int32_t n;
    INT_ARG(1, 0, n);
    return ret_string(vm, ctx, buf, svm_fmt_int(buf, n));
}
SVC_FN(int_of_string)
{
    const uint8_t *s;
    uint32_t len;
    int32_t n;
    STR_ARG(1, 0, s, len);
    if (svm_parse_int(s, len, &n))
        FAILURE("int_of_string");
    RESULT(svm_int_val(n));
    return SVM_SVC_OK;
}
SVC_FN(string_of_float)
{
    char buf[64];
    double d;
    FLOAT_ARG(1, 0, d);
    return ret_string(vm, ctx, buf, svm_fmt_string_of_float(buf, sizeof buf, d));
}
SVC_FN(float_of_string)
{
    const uint8_t *s;
    uint32_t len;
    double d;
    STR_ARG(1, 0, s, len);
    if (svm_parse_float(s, len, &d))
        FAILURE("float_of_string");
    return ret_float(vm, ctx, d);
}

static svc_result_t format_num(svm_vm_t *vm, svm_context_t *ctx, int kind)
{
    const uint8_t *f;
    uint32_t flen;
    char buf[512];
    int32_t n = 0;
    double d = 0;
    STR_ARG(2, 0, f, flen);
    if (kind == 'i')
        INT_ARG(2, 1, n);
    else
        FLOAT_ARG(2, 1, d);
    long len = svm_fmt_one(buf, sizeof buf, (const char *)f, flen, kind, n, d, NULL, 0);
    if (len < 0 || (size_t)len >= sizeof buf)
        INVALID(kind == 'i' ? "format_int: bad format" : "format_float: bad format");
    return ret_string(vm, ctx, buf, (size_t)len);
}
SVC_FN(format_int) { return format_num(vm, ctx, 'i'); }
SVC_FN(format_float) { return format_num(vm, ctx, 'f'); }
SVC_FN(format_string)
{
    const uint8_t *f, *s;
    uint32_t flen, slen;
    int left, width;
    STR_ARG(2, 0, f, flen);
    STR_ARG(2, 1, s, slen);
    if (svm_fmt_string_spec((const char *)f, flen, &left, &width))
        INVALID("format_string: bad format");
    uint32_t total = slen > (uint32_t)width ? slen : (uint32_t)width, pad = total - slen;
    uint32_t off = svm_alloc_string(vm, SVOBJ_STRING, total);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    STR_ARG(2, 1, s, slen); /* it may have moved */
    uint8_t *dst = vm->heap + off + 8;
    memset(dst, ' ', total);
    memcpy(dst + (left ? 0 : pad), s, slen);
    RESULT(off);
    return SVM_SVC_OK;
}

/* ---- strings and bytes ---- */
SVC_FN(string_sub)
{
    const uint8_t *s;
    uint32_t len;
    int32_t ofs, n;
    STR_ARG(3, 0, s, len);
    INT_ARG(3, 1, ofs);
    INT_ARG(3, 2, n);
    if (ofs < 0 || n < 0 || (uint32_t)ofs + (uint32_t)n > len)
        INVALID("String.sub / Bytes.sub");
    uint32_t kind = SVOBJ_KIND(svm_header(vm, ARG(3, 0)));
    uint32_t off = svm_alloc_string(vm, kind, (uint32_t)n);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    STR_ARG(3, 0, s, len);
    memcpy(vm->heap + off + 8, s + ofs, (size_t)n);
    RESULT(off);
    return SVM_SVC_OK;
}
SVC_FN(bytes_create)
{
    int32_t n;
    INT_ARG(1, 0, n);
    if (n < 0 || (uint32_t)n > (SVOBJ_SIZE_MAX - 1u) * 4u)
        INVALID("Bytes.create");
    uint32_t off = svm_alloc_string(vm, SVOBJ_BYTES, (uint32_t)n);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    RESULT(off);
    return SVM_SVC_OK;
}
SVC_FN(bytes_blit)
{
    const uint8_t *src, *dst;
    uint32_t sl, dl;
    int32_t so, d0, n;
    STR_ARG(5, 0, src, sl);
    INT_ARG(5, 1, so);
    STR_ARG(5, 2, dst, dl);
    INT_ARG(5, 3, d0);
    INT_ARG(5, 4, n);
    if (!svm_is_ptr(ARG(5, 2)) || SVOBJ_KIND(svm_header(vm, ARG(5, 2))) != SVOBJ_BYTES)
        INVALID("String.blit / Bytes.blit");
    if (n < 0 || so < 0 || d0 < 0 || (uint32_t)so + (uint32_t)n > sl ||
        (uint32_t)d0 + (uint32_t)n > dl)
        INVALID("String.blit / Bytes.blit");
    svm_work_charge(vm, (uint32_t)n / 4u);
    memmove(vm->heap + ARG(5, 2) + 8 + d0, src + so, (size_t)n);
    (void)dst;
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
static svc_result_t copy_string(svm_vm_t *vm, svm_context_t *ctx, uint32_t kind)
{
    const uint8_t *s;
    uint32_t len;
    STR_ARG(1, 0, s, len);
    uint32_t off = svm_alloc_string(vm, kind, len);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    STR_ARG(1, 0, s, len);
    memcpy(vm->heap + off + 8, s, len);
    RESULT(off);
    return SVM_SVC_OK;
}
SVC_FN(bytes_to_string) { return copy_string(vm, ctx, SVOBJ_STRING); }
SVC_FN(string_to_bytes) { return copy_string(vm, ctx, SVOBJ_BYTES); }
static int string_cmp(svm_vm_t *vm, svm_context_t *ctx, int *r)
{
    const uint8_t *a, *b;
    uint32_t la, lb;
    if (!svm_string_view(vm, ARG(2, 0), &a, &la) || !svm_string_view(vm, ARG(2, 1), &b, &lb))
        return -1;
    svm_work_charge(vm, (la < lb ? la : lb) / 4u);
    int c = memcmp(a, b, la < lb ? la : lb);
    *r = c ? (c < 0 ? -1 : 1) : (la < lb ? -1 : la > lb ? 1 : 0);
    return 0;
}
SVC_FN(string_equal)
{
    int r;
    if (string_cmp(vm, ctx, &r))
        TYPE_ERROR();
    RESULT(svm_bool_val(r == 0));
    return SVM_SVC_OK;
}
SVC_FN(string_compare)
{
    int r;
    if (string_cmp(vm, ctx, &r))
        TYPE_ERROR();
    RESULT(svm_int_val(r));
    return SVM_SVC_OK;
}
static uint32_t *array_arg(svm_vm_t *vm, svm_value_t v)
{
    return svm_heap_kind(vm, v, SVOBJ_ARRAY);
}
SVC_FN(array_blit)
{
    uint32_t *src = array_arg(vm, ARG(5, 0)), *dst = array_arg(vm, ARG(5, 2));
    int32_t so, d0, n;
    if (!src || !dst)
        TYPE_ERROR();
    INT_ARG(5, 1, so);
    INT_ARG(5, 3, d0);
    INT_ARG(5, 4, n);
    if (n < 0 || so < 0 || d0 < 0 || (uint32_t)so + (uint32_t)n > SVOBJ_SIZE(src[0]) ||
        (uint32_t)d0 + (uint32_t)n > SVOBJ_SIZE(dst[0]))
        INVALID("Array.blit");
    svm_work_charge(vm, (uint32_t)n);
    memmove(dst + 1 + d0, src + 1 + so, (size_t)n * 4u);
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SVC_FN(array_sub)
{
    uint32_t *src = array_arg(vm, ARG(3, 0));
    int32_t ofs, n;
    if (!src)
        TYPE_ERROR();
    INT_ARG(3, 1, ofs);
    INT_ARG(3, 2, n);
    if (ofs < 0 || n < 0 || (uint32_t)ofs + (uint32_t)n > SVOBJ_SIZE(src[0]))
        INVALID("Array.sub");
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_ARRAY, 0, (uint32_t)n));
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    src = array_arg(vm, ARG(3, 0)); /* it may have moved */
    svm_work_charge(vm, (uint32_t)n);
    memcpy(svm_heap_obj(vm, off) + 1, src + 1 + ofs, (size_t)n * 4u);
    RESULT(off);
    return SVM_SVC_OK;
}
SVC_FN(hash)
{
    RESULT(svm_int_val((int32_t)svm_hash(vm, ARG(1, 0))));
    return SVM_SVC_OK;
}

/* ---- float math ---- */
#define MATH1(name, expr)                                                                          \
    SVC_FN(name)                                                                                   \
    {                                                                                              \
        double x;                                                                                  \
        FLOAT_ARG(1, 0, x);                                                                        \
        return ret_float(vm, ctx, expr);                                                           \
    }
#define MATH2(name, expr)                                                                          \
    SVC_FN(name)                                                                                   \
    {                                                                                              \
        double x, y;                                                                               \
        FLOAT_ARG(2, 0, x);                                                                        \
        FLOAT_ARG(2, 1, y);                                                                        \
        return ret_float(vm, ctx, expr);                                                           \
    }
MATH1(float_sqrt, sqrt(x))
MATH1(float_floor, floor(x))
MATH1(float_ceil, ceil(x))
MATH2(float_pow, pow(x, y))
MATH1(float_exp, exp(x))
MATH1(float_log, log(x))
MATH1(float_sin, sin(x))
MATH1(float_cos, cos(x))
MATH1(float_abs, fabs(x))
MATH2(float_mod, fmod(x, y))

/* ---- process ---- */
SVC_FN(exit)
{
    int32_t n;
    INT_ARG(1, 0, n);
    vm->exit_code = n;
    if (vm->cfg.flush)
        vm->cfg.flush(vm->cfg.user);
    return SVM_SVC_EXIT;
}
SVC_FN(argv)
{
    uint32_t n = vm->cfg.argc > 0 ? (uint32_t)vm->cfg.argc : 0u;
    svm_value_t arr = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_ARRAY, 0, n));
    if (!arr)
        return trap(vm, SVM_TRAP_heap_exhausted);
    for (uint32_t i = 0; i < n; i++)
        svm_heap_obj(vm, arr)[1 + i] = SVM_VAL_UNIT;
    svm_root_push(vm, &arr);
    for (uint32_t i = 0; i < n; i++) {
        const char *s = vm->cfg.argv[i];
        uint32_t off = svm_make_string(vm, s, (uint32_t)strlen(s));
        if (!off) {
            svm_root_pop(vm, 1);
            return trap(vm, SVM_TRAP_heap_exhausted);
        }
        svm_heap_obj(vm, arr)[1 + i] = off;
    }
    svm_root_pop(vm, 1);
    RESULT(arr);
    return SVM_SVC_OK;
}

/* ---- dispatch: the one table (svctable.c) ---- */
_Static_assert(SVBC_SVC_thread_create == SVM_SVC_SCHED_FIRST,
               "the scheduler's services start at SVM_SVC_SCHED_FIRST");

svm_svc_result_t svm_service(svm_vm_t *vm, svm_context_t *ctx, uint32_t num)
{
    svm_svc_fn f = num < SVBC_SVC_LIMIT ? svm_service_table[num] : NULL;
    if (!f || (num >= SVM_SVC_SCHED_FIRST && !vm->cfg.box))
        return trap(vm, SVM_TRAP_unknown_service); /* the bare VM has no scheduler */
    return f(vm, ctx);
}
