/* SPDX-License-Identifier: MIT
 * internal.h — runtime-private helpers shared by the interpreter, GC and services: object
 * access for heap and constant references, allocation, exceptions.
 *
 * Invariant (see value.h): every value word reachable by the GC is valid. Anything that
 * allocates may move every heap object, so C code holds values across an allocation only
 * in the context registers/stack or in vm->roots (svm_root_push/pop).
 */
#ifndef SVM_INTERNAL_H
#define SVM_INTERNAL_H

#include <sensevm/bytecode.h>
#include <sensevm/vm.h>

#include <string.h>

#include "work.h"

#if defined(__GNUC__) || defined(__clang__)
#define SVM_LIKELY(x) __builtin_expect(!!(x), 1)
#define SVM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define SVM_LIKELY(x) (x)
#define SVM_UNLIKELY(x) (x)
#endif

static inline uint32_t svm_ld32(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Pointer to the header word of a heap or constant object (v must be a reference). */
static inline const uint8_t *svm_obj_bytes(const svm_vm_t *vm, svm_value_t v)
{
    return svm_is_ptr(v) ? vm->heap + v : vm->consts + (v & ~3u);
}
static inline uint32_t *svm_heap_obj(const svm_vm_t *vm, svm_value_t v)
{
    return (uint32_t *)(void *)(vm->heap + v);
}
/* Header of any reference. */
static inline uint32_t svm_header(const svm_vm_t *vm, svm_value_t v)
{
    return svm_ld32(svm_obj_bytes(vm, v));
}

/* A heap object of `kind` (NULL otherwise). */
static inline uint32_t *svm_heap_kind(const svm_vm_t *vm, svm_value_t v, uint32_t kind)
{
    if (!svm_is_ptr(v))
        return NULL;
    uint32_t *o = svm_heap_obj(vm, v);
    return SVOBJ_KIND(o[0]) == kind ? o : NULL;
}

/* String or bytes (heap or constant): pointer to its bytes and its length; 0 if not one. */
static inline int svm_string_view(const svm_vm_t *vm, svm_value_t v, const uint8_t **s,
                                  uint32_t *len)
{
    if (svm_is_int(v))
        return 0;
    const uint8_t *o = svm_obj_bytes(vm, v);
    uint32_t k = SVOBJ_KIND(svm_ld32(o));
    if (k != SVOBJ_STRING && k != SVOBJ_BYTES)
        return 0;
    *len = svm_ld32(o + 4);
    *s = o + 8;
    return 1;
}

/* A float (heap or constant); 0 if not one. */
static inline int svm_float_view(const svm_vm_t *vm, svm_value_t v, double *d)
{
    if (svm_is_int(v))
        return 0;
    const uint8_t *o = svm_obj_bytes(vm, v);
    if (SVOBJ_KIND(svm_ld32(o)) != SVOBJ_FLOAT)
        return 0;
    memcpy(d, o + 4, 8);
    return 1;
}

/* Physical size in bytes of an object of `size` payload words (>= 1 payload word, so a
 * forwarding pointer always fits). */
static inline uint32_t svm_obj_bytes_for(uint32_t size) { return (size ? size + 1u : 2u) * 4u; }

/* Allocate an object; returns its offset, or 0 when the heap is exhausted even after a
 * collection. MAY RUN THE GC: every value must be in a root (context registers saved). The
 * payload is not initialised except for a zero-size object's pad word. */
uint32_t svm_alloc_slow(svm_vm_t *vm, uint32_t header);
/* Issue 13, the resumable collection (gc.c). svm_alloc_slow_r: the same for an
 * instruction that can run again from its start (the interpreter's allocating
 * instructions), with the fuel left (< SVM_NO_FUEL): a copying collection it needs runs on that
 * fuel and, when the fuel is spent first, it returns SVM_ALLOC_SUSPENDED with the
 * collection in progress (vm->gcr_phase; its work pending, work.h); the caller ends the
 * slice with the instruction not begun, after setting vm->gcr_ctx. svm_gc_resume: svm_run
 * continues it on entry, before anything else, on the fuel left; -1 if it goes on. */
#define SVM_ALLOC_SUSPENDED 1u
#define SVM_NO_FUEL UINT32_MAX /* fuel of a site that cannot run again: no stop */
uint32_t svm_alloc_slow_r(svm_vm_t *vm, uint32_t header, uint32_t fuel);
int64_t svm_gc_resume(svm_vm_t *vm, const void *ctx, int64_t left);

static inline uint32_t svm_alloc(svm_vm_t *vm, uint32_t header)
{
    uint32_t bytes = svm_obj_bytes_for(SVOBJ_SIZE(header));
    if (SVM_LIKELY(vm->hp + bytes <= vm->alloc_limit)) {
        uint32_t off = vm->hp;
        vm->hp += bytes;
        uint32_t *o = (uint32_t *)(void *)(vm->heap + off);
        o[0] = header;
        o[1] = SVM_VAL_UNIT;
        return off;
    }
    return svm_alloc_slow(vm, header);
}

/* Fresh string/bytes of len bytes (contents zeroed). 0 = exhausted. May GC. */
uint32_t svm_alloc_string(svm_vm_t *vm, uint32_t kind, uint32_t len);
/* The same for a resumable instruction (svm_alloc_slow_r): may return SVM_ALLOC_SUSPENDED. */
uint32_t svm_alloc_string_r(svm_vm_t *vm, uint32_t kind, uint32_t len, uint32_t fuel);
/* Fresh string copied from C memory that is NOT in the heap. 0 = exhausted. May GC. */
uint32_t svm_make_string(svm_vm_t *vm, const char *s, uint32_t len);
/* Fresh float box. 0 = exhausted. May GC. */
uint32_t svm_make_float(svm_vm_t *vm, double d);
/* Exception value NAME or NAME(arg) with a string argument (arg may be NULL). 0 =
 * exhausted. May GC. */
uint32_t svm_make_exn(svm_vm_t *vm, const char *name, const char *arg);

static inline void svm_root_push(svm_vm_t *vm, svm_value_t *slot)
{
    vm->roots[vm->nroots++] = slot;
}
static inline void svm_root_pop(svm_vm_t *vm, uint32_t n) { vm->nroots -= n; }

/* Structural comparison (compare.c). mode 0: total order as `compare` (nan = nan, nan
 * smallest); mode 1: IEEE for floats — returns SVM_CMP_UNORDERED when a nan is met.
 * Returns -1/0/1, SVM_CMP_UNORDERED, or SVM_CMP_FUNCTIONAL (functional value met),
 * SVM_CMP_TOO_DEEP. */
#define SVM_CMP_UNORDERED 2
#define SVM_CMP_FUNCTIONAL 3
#define SVM_CMP_TOO_DEEP 4
#define SVM_CMP_SUSPENDED 6 /* svm_compare_bounded: out of budget, progress saved */
int svm_compare(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee);
/* The same with a budget of `words` words of work (at least SVM_WORK_UNIT are granted, so
 * every call makes progress), charged with svm_work_charge. SVM_CMP_SUSPENDED: the budget
 * ran out; the progress is saved in vm->work and the spare semispace, and the next call
 * for the same context, pc and operands continues it (unless a collection or another
 * comparison came in between: it then starts again). Cyclic data compares forever, in
 * budget-sized steps, as any loop: fuel, --max-steps and the scheduler stop it. */
int svm_compare_bounded(svm_vm_t *vm, const void *ctx, uint32_t pc, svm_value_t a, svm_value_t b,
                        int ieee, uint64_t words);
uint32_t svm_hash(svm_vm_t *vm, svm_value_t v); /* charges the string bytes it reads */

/* Control-stack records (interp.c's invariants): the low 2 bits of a record's first word.
 * A return record is 2 words {return pc << 2 | REC_RETURN, EP}, an over-application's
 * {count << 2 | REC_EXTRA, ()} (count 0: the entry record), a handler 4 words {handler pc
 * << 2 | REC_HANDLER, EP, outer handler << 2 | REC_LINK, stack depth}. */
#define REC_RETURN 0u
#define REC_EXTRA 1u
#define REC_HANDLER 2u
#define REC_LINK 3u

/* Backtraces (backtrace.c; vm.h svm_backtrace_t). At a raise of exn at pc, before the
 * unwinding (ctx->trap still names the handler, csp is the live control stack top). */
void svm_bt_raise(svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc, const uint32_t *csp,
                  svm_value_t exn);
/* At a trap at pc (not an uncaught exception: its raise recorded it). */
void svm_bt_trap(svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc, const uint32_t *csp);

/* Output helpers. */
void svm_write(svm_vm_t *vm, int stream, const char *s, size_t len);

/* Number formatting and parsing (format.c, our own: no C library formatting). */
size_t svm_fmt_int(char *buf, int32_t n); /* decimal, buf >= 16 */
size_t svm_fmt_string_of_float(char *buf, size_t cap, double d);
/* One printf conversion: kind 'i' int, 'f' float, 's' string. Returns length or -1 if
 * the format is invalid; writes at most cap-1 bytes + NUL (the length may exceed cap). */
long svm_fmt_one(char *buf, size_t cap, const char *fmt, uint32_t fmtlen, int kind, int32_t ival,
                 double fval, const uint8_t *sval, uint32_t slen);
/* Parse a %s conversion: flags '-' (left) and width. -1 if invalid. */
int svm_fmt_string_spec(const char *fmt, uint32_t fmtlen, int *left, int *width);
int svm_parse_int(const uint8_t *s, uint32_t len, int32_t *out);
int svm_parse_float(const uint8_t *s, uint32_t len, double *out);

#endif
