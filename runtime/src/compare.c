/* SPDX-License-Identifier: MIT
 * compare.c — OCaml's structural comparison (compare, =, <, …) at any nesting depth
 * without C recursion, and a Hashtbl.hash-like structural hash.
 */
#include "internal.h"

static int kind_class(uint32_t k) { return k == SVOBJ_BYTES ? (int)SVOBJ_STRING : (int)k; }

/* Compare two values that are not both blocks to descend into. Returns -1/0/1, an
 * SVM_CMP_* code, or 5 ("descend": both are blocks/arrays of equal tag and size > 0). */
#define DESCEND 5
static int cmp_shallow(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee)
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
        int r = memcmp(sa, sb, la < lb ? la : lb);
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
    case SVOBJ_BLOCK: case SVOBJ_ARRAY:
        if (SVOBJ_TAG(ha) != SVOBJ_TAG(hb))
            return SVOBJ_TAG(ha) < SVOBJ_TAG(hb) ? -1 : 1;
        if (SVOBJ_SIZE(ha) != SVOBJ_SIZE(hb))
            return SVOBJ_SIZE(ha) < SVOBJ_SIZE(hb) ? -1 : 1;
        return SVOBJ_SIZE(ha) ? DESCEND : 0;
    default: return 0;
    }
}

/* Iterative, in OCaml's field order (left to right, first difference decides), at any
 * nesting depth: the pending fields live in a work stack of {a, b, next field} entries in
 * the *spare semispace*, which is free outside a collection and comparing does not
 * allocate. Each entry stands for a block of >= 2 fields in each operand, so the stack
 * needs no more room than the data compared; the last field is compared without an
 * entry (lists and chains use none). */
int svm_compare(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee)
{
    uint32_t *stk = (uint32_t *)(void *)vm->spare;
    uint32_t cap = vm->semi_size / 12u, n = 0;
    for (;;) {
        int r = cmp_shallow(vm, a, b, ieee);
        if (r == DESCEND) {
            const uint32_t *oa = svm_heap_obj(vm, a), *ob = svm_heap_obj(vm, b);
            uint32_t size = SVOBJ_SIZE(oa[0]);
            if (size > 1) {
                if (n == cap)
                    return SVM_CMP_TOO_DEEP;
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
            return r;
        /* equal so far: next pending field */
        if (n == 0)
            return 0;
        uint32_t *top = stk + 3 * (n - 1);
        const uint32_t *oa = svm_heap_obj(vm, top[0]), *ob = svm_heap_obj(vm, top[1]);
        uint32_t i = top[2], size = SVOBJ_SIZE(oa[0]);
        a = oa[1 + i];
        b = ob[1 + i];
        if (++top[2] == size)
            n--;
    }
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

uint32_t svm_hash(const svm_vm_t *vm, svm_value_t v)
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
            for (uint32_t i = 0; i < len; i++)
                h = mix(h, s[i]);
            h = mix(h, len);
            meaningful--;
        } else if (svm_float_view(vm, v, &d)) {
            uint32_t w[2];
            d += 0.0; /* -0.0 + 0.0 = +0.0: -0.0 and 0.0 hash alike */
            memcpy(w, &d, 8);
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
