/* SPDX-License-Identifier: MIT
 * gc.c — the container heap and its precise copying collector (Cheney, 1970).
 *
 * Invariants: the heap is two semispaces of semi_size bytes; values are byte offsets into
 * the current one (`heap`); offset 0..3 is never an object, so a heap reference is > 0.
 * Every object has at least one payload word (the forwarding slot). A collection copies
 * what the roots (gc.h svm_gc_roots) reach into `spare` breadth-first (no recursion, no
 * mark stack: constant C stack, which matters on a microcontroller) and swaps the
 * semispaces. Why copying: see docs/runtime.md (pause proportional to live data only,
 * allocation is a pointer bump, no fragmentation; the price is half the heap RAM). A
 * container whose manifest asks for `gc compact` uses gc_compact.c instead (spare = NULL).
 * The allocator and the statistics below serve both.
 */
#include "gc.h"

typedef struct gc_state {
    svm_vm_t *vm;
    uint8_t *to;
    uint32_t free;
    svm_gcwork_t work; /* words copied + scanned */
} gc_state_t;

static void forward(gc_state_t *g, svm_value_t *slot)
{
    svm_value_t v = *slot;
    if (!svm_is_ptr(v) || v == 0)
        return;
    uint32_t *o = (uint32_t *)(void *)(g->vm->heap + v);
    uint32_t hd = o[0];
    if (SVOBJ_KIND(hd) == SVM_KIND_FORWARD) {
        *slot = o[1];
        return;
    }
    uint32_t bytes = svm_obj_bytes_for(SVOBJ_SIZE(hd));
    uint32_t nv = g->free;
    memcpy(g->to + nv, o, bytes);
    g->free += bytes;
    g->work += bytes / 4;
    o[0] = SVOBJ_HEADER(SVM_KIND_FORWARD, 0, 1);
    o[1] = nv;
    *slot = nv;
}

static void forward_range(gc_state_t *g, svm_value_t *p, const svm_value_t *end)
{
    for (; p < end; p++)
        forward(g, p);
}

static void visit_root(svm_value_t *slot, void *arg) { forward(arg, slot); }

/* charge: the program's collection (its work costs fuel, work.h); 0 for the extra ones
 * cfg.gc_every_alloc forces, a testing aid that must not change the schedule */
#if SVM_CFG_GC_COMPACT
#define GC_DONE_LINKAGE /* gc_compact.c ends its collections here too */
#else
#define GC_DONE_LINKAGE static
#endif
GC_DONE_LINKAGE void svm_gc_done(svm_vm_t *vm, uint32_t live, svm_gcwork_t work, int charge)
{
    vm->hp = live;
    vm->hp_after_gc = live;
    vm->gc.collections++;
    if (live > vm->gc.live_hwm)
        vm->gc.live_hwm = live;
    if (work > vm->gc.longest_pause)
        vm->gc.longest_pause = (uint32_t)work; /* < 2^32: a heap is < 4 GiB */
    vm->gc.total_pause += work;
    /* a word copied or scanned (forwarding, a header test) costs about three a memcpy
     * does: the unit of work.h */
    if (!charge)
        return;
#if UINTPTR_MAX > 0xffffffffu
    /* saturating: a desktop-sized heap's collection (issue 16) can exceed 2^32 / 3 */
    uint32_t room = UINT32_MAX - vm->work.pending;
    svm_work_charge(vm, work > room / 3u ? room : 3u * (uint32_t)work);
#else
    /* 32-bit hosts and boards: a heap is at most 16 MiB (SVMF_HEAP_MAX), so a collection
     * does < 2^23 words of work and 3 times that fits */
    svm_work_charge(vm, 3u * (uint32_t)work);
#endif
}

/* charge: the program's collection (its work costs fuel, work.h); 0 for the extra ones
 * cfg.gc_every_alloc forces, a testing aid that must not change the schedule */
static int collect(svm_vm_t *vm, int charge)
{
    if (vm->hp > vm->gc.heap_hwm)
        vm->gc.heap_hwm = vm->hp;
    vm->gc.bytes_allocated += vm->hp - vm->hp_after_gc;
#if SVM_CFG_GC_COMPACT
    if (!vm->spare) {
        svm_gc_compact(vm, charge);
        return 0;
    }
#endif
    gc_state_t g = {vm, vm->spare, HEAP_START, 0};
    g.work += svm_gc_roots(vm, visit_root, &g);

    /* Cheney scan: the to-space between `scan` and `free` is the grey queue. */
    uint32_t scan = HEAP_START;
    while (scan < g.free) {
        uint32_t *o = (uint32_t *)(void *)(g.to + scan);
        uint32_t hd = o[0], size = SVOBJ_SIZE(hd);
        if (svm_gc_has_fields(hd)) {
            forward_range(&g, o + 1, o + 1 + size);
            g.work += size;
        }
        scan += svm_obj_bytes_for(size);
    }

    uint8_t *t = vm->heap;
    vm->heap = vm->spare;
    vm->spare = t;
    svm_gc_done(vm, g.free, g.work, charge);
    return 0;
}

int svm_gc_collect(svm_vm_t *vm) { return collect(vm, 1); }

int64_t svm_work_settle(svm_vm_t *vm, int64_t left)
{
    int64_t w = (int64_t)(vm->work.pending / SVM_WORK_UNIT);
    vm->work.pending = 0;
    if (w > left) {
        vm->work.debt += (uint64_t)(w - left);
        w = left;
    }
    return left - w;
}

int64_t svm_work_pay(svm_vm_t *vm, int64_t left)
{
    if (&svm_cut != NULL && svm_cut.rest) {
        uint32_t q = vm->work.debt < svm_cut.rest ? (uint32_t)vm->work.debt : svm_cut.rest;
        svm_cut.rest -= q;
        vm->work.debt -= q;
    }
    uint64_t p = vm->work.debt < (uint64_t)left ? vm->work.debt : (uint64_t)left;
    vm->work.debt -= p;
    return left - (int64_t)p;
}

uint32_t svm_alloc_slow(svm_vm_t *vm, uint32_t header)
{
    uint32_t bytes = svm_obj_bytes_for(SVOBJ_SIZE(header));
    if (vm->cfg.gc_every_alloc || bytes > vm->semi_size - vm->hp)
        collect(vm, bytes > vm->semi_size - vm->hp);
    if (bytes > vm->semi_size - vm->hp)
        return 0;
    uint32_t off = vm->hp;
    vm->hp += bytes;
    uint32_t *o = (uint32_t *)(void *)(vm->heap + off);
    o[0] = header;
    o[1] = SVM_VAL_UNIT;
    return off;
}

uint32_t svm_alloc_string(svm_vm_t *vm, uint32_t kind, uint32_t len)
{
    uint32_t words = 1u + (len + 3u) / 4u;
    if (len > (SVOBJ_SIZE_MAX - 1u) * 4u)
        return 0;
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(kind, 0, words));
    if (!off)
        return 0;
    uint32_t *o = svm_heap_obj(vm, off);
    svm_work_charge(vm, words); /* the zeroing below, and the copy callers do */
    o[1] = len;
    o[words] = 0; /* zero the padding (and, for bytes_create, the contents below) */
    memset(o + 2, 0, (words - 1u) * 4u);
    return off;
}

uint32_t svm_make_string(svm_vm_t *vm, const char *s, uint32_t len)
{
    uint32_t off = svm_alloc_string(vm, SVOBJ_STRING, len);
    if (off)
        memcpy(vm->heap + off + 8, s, len);
    return off;
}

uint32_t svm_make_float(svm_vm_t *vm, double d)
{
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));
    if (off)
        memcpy(vm->heap + off + 4, &d, 8);
    return off;
}

uint32_t svm_make_exn(svm_vm_t *vm, const char *name, const char *arg)
{
    svm_value_t n = SVM_VAL_UNIT, a = SVM_VAL_UNIT;
    svm_root_push(vm, &n);
    svm_root_push(vm, &a);
    uint32_t res = 0;
    n = svm_make_string(vm, name, (uint32_t)strlen(name));
    if (!n)
        goto out;
    if (arg) {
        a = svm_make_string(vm, arg, (uint32_t)strlen(arg));
        if (!a)
            goto out;
    }
    res = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, SVOBJ_TAG_EXN, arg ? 2u : 1u));
    if (res) {
        uint32_t *o = svm_heap_obj(vm, res);
        o[1] = n;
        if (arg)
            o[2] = a;
    }
out:
    svm_root_pop(vm, 2);
    return res;
}

void svm_get_gc_stats(const svm_vm_t *vm, svm_gc_stats_t *out)
{
    *out = vm->gc;
    out->bytes_allocated += vm->hp - vm->hp_after_gc;
    if (vm->hp > out->heap_hwm)
        out->heap_hwm = vm->hp;
}
