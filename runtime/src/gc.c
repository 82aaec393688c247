/* SPDX-License-Identifier: MIT
 * gc.c — the container heap and its precise copying collector (Cheney, 1970).
 *
 * Invariants: the heap is two semispaces of semi_size bytes; values are byte offsets into
 * the current one (`heap`); offset 0..3 is never an object, so a heap reference is > 0.
 * Every object has at least one payload word (the forwarding slot). A collection copies
 * what the roots reach into `spare` breadth-first (no recursion, no mark stack: constant
 * C stack, which matters on a microcontroller) and swaps the semispaces. Roots: globals;
 * each context's value stack [sp, hi) (incl. the guard), the EP words of its control
 * stack, its A and EP registers; vm->roots; the prebuilt exceptions; the trap value.
 * Why copying: see docs/runtime.md (pause proportional to live data only, allocation is a
 * pointer bump, no fragmentation; the price is half the heap RAM).
 */
#include "internal.h"

#define HEAP_START 4u /* first object offset of a semispace */

typedef struct gc_state {
    svm_vm_t *vm;
    uint8_t *to;
    uint32_t free;
    uint64_t work; /* words copied + scanned */
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

/* issue 5: the scheduler's values (sched.h svm_container_roots) are roots too */
static void visit_ext_root(svm_value_t *slot, void *arg) { forward(arg, slot); }

/* charge: the program's collection (its work costs fuel, work.h); 0 for the extra ones
 * cfg.gc_every_alloc forces, a testing aid that must not change the schedule */
static int collect(svm_vm_t *vm, int charge)
{
    gc_state_t g = {vm, vm->spare, HEAP_START, 0};
    if (vm->hp > vm->gc.heap_hwm)
        vm->gc.heap_hwm = vm->hp;
    vm->gc.bytes_allocated += vm->hp - vm->hp_after_gc;

    forward_range(&g, vm->globals, vm->globals + vm->nglobals);
    for (svm_context_t *c = vm->contexts; c; c = c->next) {
        forward_range(&g, c->sp, c->hi);
        for (uint32_t *w = c->lo + 1; w < c->csp; w += 2)
            forward(&g, w);
        forward(&g, &c->acc);
        forward(&g, &c->ep);
        g.work += (uint64_t)(c->hi - c->sp) + (uint64_t)(c->csp - c->lo) / 2;
    }
    for (uint32_t i = 0; i < vm->nroots; i++)
        forward(&g, vm->roots[i]);
    forward(&g, &vm->exn_div_by_zero);
    forward(&g, &vm->exn_index_oob);
    forward(&g, &vm->trap.value);
    if (vm->cfg.ext_roots)
        vm->cfg.ext_roots(vm, visit_ext_root, &g);

    /* Cheney scan: the to-space between `scan` and `free` is the grey queue. */
    uint32_t scan = HEAP_START;
    while (scan < g.free) {
        uint32_t *o = (uint32_t *)(void *)(g.to + scan);
        uint32_t hd = o[0], size = SVOBJ_SIZE(hd);
        switch (SVOBJ_KIND(hd)) {
        case SVOBJ_BLOCK: case SVOBJ_CLOSURE: case SVOBJ_PAP: case SVOBJ_ARRAY:
            forward_range(&g, o + 1, o + 1 + size);
            g.work += size;
            break;
        default: break;
        }
        scan += svm_obj_bytes_for(size);
    }

    uint8_t *t = vm->heap;
    vm->heap = vm->spare;
    vm->spare = t;
    vm->hp = g.free;
    vm->hp_after_gc = g.free;
    vm->gc.collections++;
    if (g.free > vm->gc.live_hwm)
        vm->gc.live_hwm = g.free;
    if (g.work > vm->gc.longest_pause)
        vm->gc.longest_pause = (uint32_t)g.work;
    vm->gc.total_pause += g.work;
    /* a word copied or scanned (forwarding, a header test) costs about three a memcpy
     * does: the unit of work.h */
    if (charge)
        svm_work_charge(vm, g.work > UINT32_MAX / 3u ? UINT32_MAX : 3u * (uint32_t)g.work);
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
