/* SPDX-License-Identifier: MIT
 * gc_compact.c — the mark-compact collector (issue 17): a container can fill about 93 %
 * of its heap budget with live data, where the copying collector (gc.c) keeps half in
 * reserve. Selected per container by the manifest's `gc` field (image-format.md §5).
 *
 * Layout of the heap budget (svm_gc_compact_setup): the heap of semi_size bytes (a
 * multiple of 128), then the mark stack's own room (about 1/128 of the budget), the mark
 * bitmap (a bit per heap word: semi_size / 32 bytes) and the block table (a word per 128
 * heap bytes: semi_size / 32 bytes). The mark stack grows from the end of the live heap
 * (hp) through its own room, so it has at least that room and, when the heap is not full
 * (a collection forced by gc_every_alloc, or svm_gc_collect), the free tail too. Outside
 * a collection all of it is free: compare.c keeps its work stack in the free tail of the
 * heap and the tables after it.
 *
 * A collection, all with constant C stack (no recursion):
 *  1. mark: from the roots (gc.h svm_gc_roots), depth first with a bounded stack of
 *     {object, next field} pairs; a pair is popped when its last field is taken, so lists
 *     and other right-leaning chains use one pair. Marking an object sets the bits of all
 *     its words. When the stack is full, the object stays marked but unscanned and an
 *     overflow is noted; the heap is then walked for marked objects with unmarked
 *     children, until a walk ends without overflow (slower, never wrong).
 *  2. table: fwd[k] = the new offset of the first live word at or after block k's start
 *     = HEAP_START + 4 × (live words before block k). An object's new offset is
 *     fwd[k] + 4 × (live words before it in its block): the bitmap and the table alone
 *     give it, whatever was already moved (Lisp-2 sliding without a forwarding word).
 *  3. update: every root and every field of every live object gets its new offset.
 *  4. slide: live objects move down in address order (a forward word copy: the
 *     destination is never above the source), so the order of objects is kept.
 * The live objects are walked through the bitmap (dead objects are never read). Work:
 * proportional to the heap in use (hp), not the budget; charged as fuel like the copy's.
 */
#include "gc.h"

typedef int svm_gc_compact_unit_t; /* ISO C: a translation unit is never empty */

#if SVM_CFG_GC_COMPACT

#define BLOCK_SHIFT 7u /* 128-byte blocks: a bitmap word each */

typedef struct cgc {
    uint32_t *heap; /* the heap as words */
    uint32_t *bits;
    uint32_t *stk;   /* pairs: stk[2i] object offset, stk[2i+1] next field */
    uint32_t n, cap; /* pairs on the stack; capacity */
    int overflow;    /* an object was marked but not pushed */
    uint64_t work;
} cgc_t;

static inline uint32_t popcount32(uint32_t x) /* no libgcc call on Cortex-M */
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (x * 0x01010101u) >> 24;
}

static inline int marked(const uint32_t *bits, uint32_t w)
{
    return (int)((bits[w >> 5] >> (w & 31u)) & 1u);
}

/* Set bits [w, w + n). */
static void mark_words(uint32_t *bits, uint32_t w, uint32_t n)
{
    while (n) {
        uint32_t b = w & 31u, k = 32u - b < n ? 32u - b : n;
        uint32_t m = k == 32u ? 0xffffffffu : ((1u << k) - 1u) << b;
        bits[w >> 5] |= m;
        w += k;
        n -= k;
    }
}

static void mark(cgc_t *g, svm_value_t v)
{
    if (!svm_is_ptr(v) || v == 0)
        return;
    uint32_t w = v >> 2;
    if (marked(g->bits, w))
        return;
    uint32_t hd = g->heap[w], nw = svm_obj_bytes_for(SVOBJ_SIZE(hd)) / 4u;
    mark_words(g->bits, w, nw);
    g->work += nw;
    if (!svm_gc_has_fields(hd) || SVOBJ_SIZE(hd) == 0)
        return;
    if (g->n == g->cap) {
        g->overflow = 1;
        return;
    }
    g->stk[2 * g->n] = v;
    g->stk[2 * g->n + 1] = 0;
    g->n++;
}

static void drain(cgc_t *g)
{
    while (g->n) {
        uint32_t *top = g->stk + 2 * (g->n - 1);
        const uint32_t *o = g->heap + (top[0] >> 2);
        uint32_t i = top[1];
        if (i + 1u >= SVOBJ_SIZE(o[0]))
            g->n--; /* the last field: no pair left behind (chains use one pair) */
        else
            top[1] = i + 1u;
        g->work++;
        mark(g, o[1 + i]);
    }
}

static void visit_mark(svm_value_t *slot, void *arg)
{
    cgc_t *g = arg;
    mark(g, *slot);
    drain(g);
}

/* The next live word at or after w (below end), or end. */
static uint32_t next_live(const uint32_t *bits, uint32_t w, uint32_t end)
{
    while (w < end) {
        uint32_t b = bits[w >> 5] >> (w & 31u);
        if (b)
            return w + (uint32_t)__builtin_ctz(b);
        w = (w | 31u) + 1u;
    }
    return end;
}

/* New offset of the live object at offset v. */
static inline uint32_t new_offset(const svm_vm_t *vm, uint32_t v)
{
    uint32_t w = v >> 2, below = vm->gc_bits[w >> 5] & ((1u << (w & 31u)) - 1u);
    return vm->gc_fwd[v >> BLOCK_SHIFT] + 4u * popcount32(below);
}

static void visit_update(svm_value_t *slot, void *arg)
{
    const svm_vm_t *vm = arg;
    if (svm_is_ptr(*slot) && *slot != 0)
        *slot = new_offset(vm, *slot);
}

void svm_gc_compact(svm_vm_t *vm, int charge)
{
    uint32_t end = vm->hp >> 2; /* heap words in use */
    uint32_t nbw = (end + 31u) >> 5;
    uint32_t *stk = (uint32_t *)(void *)vm->heap + ((end + 1u) & ~1u); /* 8-aligned */
    uint32_t cap = (uint32_t)((uint8_t *)vm->gc_bits - (uint8_t *)stk) / 8u;
    cgc_t g = {(uint32_t *)(void *)vm->heap, vm->gc_bits, stk, 0, cap, 0, nbw};
    memset(g.bits, 0, nbw * 4u);

    /* 1. mark */
    g.work += svm_gc_roots(vm, visit_mark, &g);
    while (g.overflow) {
        g.overflow = 0;
        vm->mark_rescans++;
        for (uint32_t w = next_live(g.bits, 1, end); w < end;) {
            uint32_t hd = g.heap[w], size = SVOBJ_SIZE(hd);
            if (svm_gc_has_fields(hd))
                for (uint32_t i = 0; i < size; i++) {
                    mark(&g, g.heap[w + 1 + i]);
                    drain(&g);
                }
            g.work += size + 1u;
            w = next_live(g.bits, w + svm_obj_bytes_for(size) / 4u, end);
        }
    }

    /* 2. the block table */
    uint32_t live = 0;
    for (uint32_t k = 0; k < nbw; k++) {
        vm->gc_fwd[k] = HEAP_START + 4u * live;
        live += popcount32(g.bits[k]);
    }
    g.work += nbw;

    /* 3. update the roots and the fields of live objects */
    g.work += svm_gc_roots(vm, visit_update, vm);
    for (uint32_t w = next_live(g.bits, 1, end); w < end;) {
        uint32_t hd = g.heap[w], size = SVOBJ_SIZE(hd);
        if (svm_gc_has_fields(hd)) {
            for (uint32_t i = 0; i < size; i++)
                visit_update(&g.heap[w + 1 + i], vm);
            g.work += size;
        }
        w = next_live(g.bits, w + svm_obj_bytes_for(size) / 4u, end);
    }

    /* 4. slide */
    uint32_t dst = HEAP_START / 4u;
    for (uint32_t w = next_live(g.bits, 1, end); w < end;) {
        uint32_t nw = svm_obj_bytes_for(SVOBJ_SIZE(g.heap[w])) / 4u;
        if (dst != w)
            for (uint32_t i = 0; i < nw; i++)
                g.heap[dst + i] = g.heap[w + i];
        dst += nw;
        g.work += nw;
        w = next_live(g.bits, w + nw, end);
    }
    svm_gc_done(vm, dst * 4u, g.work, charge);
}

int svm_gc_compact_setup(svm_vm_t *vm, uint8_t *mem, uint32_t bytes)
{
    uint32_t stack = (bytes / 128u) & ~7u;
    if (stack < 64u)
        stack = 64u;
    if (stack > 65536u)
        stack = 65536u;
    if (bytes < stack + 256u)
        return 0;
    /* heap + heap/32 (bitmap) + heap/32 (table) + stack <= bytes */
    uint32_t heap = (uint32_t)((uint64_t)(bytes - stack) * 16u / 17u) & ~127u;
    if (heap < 128u)
        return 0;
    vm->heap = mem;
    vm->spare = NULL;
    vm->semi_size = heap;
    vm->gc_end = mem + bytes;
    vm->gc_fwd = (uint32_t *)(void *)vm->gc_end - heap / 128u;
    vm->gc_bits = vm->gc_fwd - heap / 128u;
    vm->gc_stack = (uint32_t *)(void *)(mem + heap); /* its own room: up to gc_bits */
    vm->gc_stack_cap = (uint32_t)((uint8_t *)vm->gc_bits - (uint8_t *)vm->gc_stack) / 8u;
    return 1;
}

#endif
