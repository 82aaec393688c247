/* SPDX-License-Identifier: MIT
 * compare.c — OCaml's structural comparison (compare, =, <, …) at any nesting depth
 * without C recursion, and a Hashtbl.hash-like structural hash.
 */
#include "internal.h"

static int kind_class(uint32_t k) { return k == SVOBJ_BYTES ? (int)SVOBJ_STRING : (int)k; }

/* Compare two values that are not both blocks to descend into. Returns -1/0/1, an
 * SVM_CMP_* code, or 5 ("descend": both are blocks/arrays of equal tag and size > 0).
 * *work grows by the words a string comparison reads. */
#define DESCEND 5
/* One step (a pair of values: tests, a push or pop of the work stack) costs about what an
 * instruction does: charged as this many words (work.h). */
#define CMP_STEP_WORDS 8u
static int cmp_shallow(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee, uint64_t *work)
{
    if (svm_is_int(a)) {
        if (!svm_is_int(b))
            return -1;
        return (int32_t)a < (int32_t)b ? -1 : (a == b ? 0 : 1);
    }
    if (svm_is_int(b))
        return 1;
    if (a == b && !ieee)
        return 0;
    uint32_t ha = svm_header(vm, a), hb = svm_header(vm, b);
    int ka = kind_class(SVOBJ_KIND(ha)), kb = kind_class(SVOBJ_KIND(hb));
    if (ka == SVOBJ_CLOSURE || ka == SVOBJ_PAP || kb == SVOBJ_CLOSURE || kb == SVOBJ_PAP)
        return SVM_CMP_FUNCTIONAL;
    if (ka != kb)
        return ka < kb ? -1 : 1;
    switch (ka) {
    case SVOBJ_STRING: {
        const uint8_t *sa = NULL, *sb = NULL;
        uint32_t la = 0, lb = 0;
        if (!svm_string_view(vm, a, &sa, &la) || !svm_string_view(vm, b, &sb, &lb))
            return 0; /* unreachable: both kinds were checked to be STRING/BYTES */
        uint32_t l = la < lb ? la : lb;
        *work += l / 4u; /* bounded by one object (SVOBJ_SIZE_MAX words) */
        int r = memcmp(sa, sb, l);
        if (r)
            return r < 0 ? -1 : 1;
        return la < lb ? -1 : (la > lb ? 1 : 0);
    }
    case SVOBJ_FLOAT: {
        double x = 0, y = 0;
        svm_float_view(vm, a, &x);
        svm_float_view(vm, b, &y);
        if (x < y)
            return -1;
        if (x > y)
            return 1;
        if (x == y)
            return 0;
        if (ieee)
            return SVM_CMP_UNORDERED;
        if (x != x)
            return y != y ? 0 : -1; /* compare: nan = nan, nan below everything */
        return 1;
    }
    case SVOBJ_BLOCK:
    case SVOBJ_ARRAY:
        if (SVOBJ_TAG(ha) != SVOBJ_TAG(hb))
            return SVOBJ_TAG(ha) < SVOBJ_TAG(hb) ? -1 : 1;
        if (SVOBJ_SIZE(ha) != SVOBJ_SIZE(hb))
            return SVOBJ_SIZE(ha) < SVOBJ_SIZE(hb) ? -1 : 1;
        return SVOBJ_SIZE(ha) ? DESCEND : 0;
    default: return 0;
    }
}

/* The work stack's room: memory that is free outside a collection (comparing does not
 * allocate): the spare semispace (copy), or the free tail of the heap and the
 * collector's tables after it (compact: at least 1/16 of the heap, gc_compact.c). */
static uint32_t *cmp_stack(const svm_vm_t *vm, uint32_t *cap)
{
#if SVM_CFG_GC_COMPACT
    if (!vm->spare) {
        uint8_t *s = vm->heap + vm->hp;
        *cap = (uint32_t)(vm->gc_end - s) / 12u;
        return (uint32_t *)(void *)s;
    }
#endif
    *cap = vm->semi_size / 12u;
    return (uint32_t *)(void *)vm->spare;
}

/* Iterative, in OCaml's field order (left to right, first difference decides), at any
 * nesting depth: the pending fields live in a work stack of {a, b, next field} entries
 * (cmp_stack). Each entry stands for a block of >= 2 fields in each operand, so under
 * the copying collector the stack needs no more room than the data compared; the last
 * field is compared without an entry (lists and chains use none).
 * The state is (*pa, *pb: the pair to compare next; *pn: entries). One step per pair,
 * each costing one word of work plus what a string comparison reads; when *work reaches
 * `limit` before the end, SVM_CMP_SUSPENDED with the state left for the next call. */
static int cmp_run(const svm_vm_t *vm, svm_value_t *pa, svm_value_t *pb, uint32_t *pn, int ieee,
                   uint64_t *work, uint64_t limit)
{
    uint32_t cap, n = *pn;
    uint32_t *stk = cmp_stack(vm, &cap);
    svm_value_t a = *pa, b = *pb;
    int r;
    for (;;) {
        if (SVM_UNLIKELY(*work >= limit)) {
            r = SVM_CMP_SUSPENDED;
            break;
        }
        *work += CMP_STEP_WORDS;
        r = cmp_shallow(vm, a, b, ieee, work);
        if (r == DESCEND) {
            const uint32_t *oa = svm_heap_obj(vm, a), *ob = svm_heap_obj(vm, b);
            uint32_t size = SVOBJ_SIZE(oa[0]);
            if (size > 1) {
                if (n == cap) {
                    r = SVM_CMP_TOO_DEEP;
                    break;
                }
                stk[3 * n] = a;
                stk[3 * n + 1] = b;
                stk[3 * n + 2] = 1;
                n++;
            }
            a = oa[1];
            b = ob[1];
            continue;
        }
        if (r != 0)
            break;
        /* equal so far: next pending field */
        if (n == 0)
            break;
        uint32_t *top = stk + 3 * (n - 1);
        const uint32_t *oa = svm_heap_obj(vm, top[0]), *ob = svm_heap_obj(vm, top[1]);
        uint32_t i = top[2], size = SVOBJ_SIZE(oa[0]);
        a = oa[1 + i];
        b = ob[1 + i];
        if (++top[2] == size)
            n--;
    }
    *pa = a;
    *pb = b;
    *pn = n;
    return r;
}

int svm_compare(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee)
{
    uint32_t n = 0;
    uint64_t work = 0;
    return cmp_run(vm, &a, &b, &n, ieee, &work, UINT64_MAX);
}

/* A suspended comparison is valid for the same context, pc, operands and mode as long as
 * no collection ran (the entries and the offsets would be stale), no other comparison
 * started (it reuses the room) and, under the compact collector, nothing was allocated
 * (its entries are above hp); any of these simply restarts it. Between the
 * suspension and the resumption the scheduler keeps the context current (a slice that
 * ends on fuel resumes it first), so in practice it always continues. */
int svm_compare_bounded(svm_vm_t *vm, const void *ctx, uint32_t pc, svm_value_t a, svm_value_t b,
                        int ieee, uint64_t words)
{
    svm_work_t *w = &vm->work;
    svm_value_t ca = a, cb = b;
    uint32_t n = 0;
    uint64_t work = 0;
    if (w->cmp_active && w->cmp_ctx == ctx && w->cmp_pc == pc && w->cmp_a == a && w->cmp_b == b &&
        w->cmp_ieee == (uint32_t)ieee && w->cmp_gc == vm->gc.collections &&
        (!SVM_CFG_GC_COMPACT || vm->spare || vm->cmp_hp == vm->hp)) {
        ca = w->cmp_ca;
        cb = w->cmp_cb;
        n = w->cmp_n;
    }
    w->cmp_active = 0;
    if (words < SVM_WORK_UNIT)
        words = SVM_WORK_UNIT;
    int r = cmp_run(vm, &ca, &cb, &n, ieee, &work, words);
    svm_work_charge(vm, work > UINT32_MAX ? UINT32_MAX : (uint32_t)work);
    if (r == SVM_CMP_SUSPENDED) {
        w->cmp_active = 1;
        w->cmp_ctx = ctx;
        w->cmp_pc = pc;
        w->cmp_a = a;
        w->cmp_b = b;
        w->cmp_ieee = (uint32_t)ieee;
        w->cmp_gc = vm->gc.collections;
#if SVM_CFG_GC_COMPACT
        vm->cmp_hp = vm->hp;
#endif
        w->cmp_ca = ca;
        w->cmp_cb = cb;
        w->cmp_n = n;
    }
    return r;
}

/* Hash: breadth-first over at most 256 values, 10 of them meaningful (as OCaml's
 * Hashtbl.hash), mixing with MurmurHash3's finaliser. */
static uint32_t mix(uint32_t h, uint32_t d)
{
    d *= 0xcc9e2d51u;
    d = (d << 15) | (d >> 17);
    d *= 0x1b873593u;
    h ^= d;
    h = (h << 13) | (h >> 19);
    return h * 5u + 0xe6546b64u;
}

uint32_t svm_hash(svm_vm_t *vm, svm_value_t v)
{
    svm_value_t queue[256];
    uint32_t rd = 0, wr = 0, meaningful = 10, h = 0;
    queue[wr++] = v;
    while (rd < wr && meaningful > 0) {
        v = queue[rd++];
        if (svm_is_int(v)) {
            h = mix(h, v);
            meaningful--;
            continue;
        }
        uint32_t hd = svm_header(vm, v);
        const uint8_t *s;
        uint32_t len;
        double d;
        if (svm_string_view(vm, v, &s, &len)) {
            svm_work_charge(vm, len); /* a mix per byte; bounded by one object */
            for (uint32_t i = 0; i < len; i++)
                h = mix(h, s[i]);
            h = mix(h, len);
            meaningful--;
        } else if (svm_float_view(vm, v, &d)) {
            uint32_t w[2];
            d += 0.0; /* -0.0 + 0.0 = +0.0: -0.0 and 0.0 hash alike */
            memcpy(w, &d, 8);
            if (d != d) { /* every NaN hashes alike: compare calls them all equal */
                w[0] = 0;
                w[1] = 0x7ff80000u;
            }
            h = mix(mix(h, w[0]), w[1]);
            meaningful--;
        } else if (SVOBJ_KIND(hd) == SVOBJ_BLOCK || SVOBJ_KIND(hd) == SVOBJ_ARRAY) {
            h = mix(h, SVOBJ_TAG(hd) | (SVOBJ_SIZE(hd) << 8));
            const uint32_t *f = svm_heap_obj(vm, v) + 1;
            for (uint32_t i = 0; i < SVOBJ_SIZE(hd) && wr < 256; i++)
                queue[wr++] = f[i];
        }
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    return h & 0x3fffffffu;
}
