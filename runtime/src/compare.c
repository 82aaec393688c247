/* SPDX-License-Identifier: MIT
 * compare.c — OCaml's structural comparison (compare, =, <, …) and a Hashtbl.hash-like
 * structural hash. Comparison recurses on all fields but the last and loops on the last,
 * so lists cost no C stack; other nesting is limited to SVM_CFG_COMPARE_DEPTH (then the
 * instruction traps with stack_overflow rather than overflowing the host's C stack).
 */
#include "internal.h"

static int kind_class(uint32_t k) { return k == SVOBJ_BYTES ? (int)SVOBJ_STRING : (int)k; }

static int cmp(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee, int depth)
{
    if (depth > SVM_CFG_COMPARE_DEPTH)
        return SVM_CMP_TOO_DEEP;
    for (;;) {
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
            svm_string_view(vm, a, &sa, &la);
            svm_string_view(vm, b, &sb, &lb);
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
        case SVOBJ_BLOCK: case SVOBJ_ARRAY: {
            if (SVOBJ_TAG(ha) != SVOBJ_TAG(hb))
                return SVOBJ_TAG(ha) < SVOBJ_TAG(hb) ? -1 : 1;
            uint32_t na = SVOBJ_SIZE(ha), nb = SVOBJ_SIZE(hb);
            if (na != nb)
                return na < nb ? -1 : 1;
            if (na == 0)
                return 0;
            const uint32_t *fa = svm_heap_obj(vm, a) + 1, *fb = svm_heap_obj(vm, b) + 1;
            for (uint32_t i = 0; i + 1 < na; i++) {
                int r = cmp(vm, fa[i], fb[i], ieee, depth + 1);
                if (r)
                    return r;
            }
            a = fa[na - 1];
            b = fb[na - 1];
            continue;
        }
        default: return 0;
        }
    }
}

int svm_compare(const svm_vm_t *vm, svm_value_t a, svm_value_t b, int ieee)
{
    return cmp(vm, a, b, ieee, 0);
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
            if (d == 0.0)
                d = 0.0; /* -0.0 and 0.0 hash alike */
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
