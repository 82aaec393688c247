/* SPDX-License-Identifier: MIT
 * gc.c — the container heap and its precise copying collector (Cheney, 1970).
 *
 * Invariants: the heap is two semispaces of semi_size bytes; values are byte offsets into
 * the current one (`heap`); offset 0..3 is never an object, so a heap reference is > 0.
 * Every object has at least one payload word (the forwarding slot). A collection copies
 * what the roots (gc.h svm_gc_roots) reach into `spare` breadth-first (no recursion, no
 * mark stack: constant C stack, which matters on a microcontroller) and swaps the
 * semispaces. It runs in steps (gc_step, issue 13): the collection an instruction's
 * allocation needs stops when that instruction's fuel is spent and the slice ends;
 * svm_run continues it before anything else (docs/concurrency.md, "The resumable
 * collection"). Why copying: see docs/runtime.md (pause proportional to live data only,
 * allocation is a pointer bump, no fragmentation; the price is half the heap RAM). A
 * container whose manifest asks for `gc compact` uses gc_compact.c instead (spare = NULL).
 * The allocator and the statistics below serve both.
 */
#include "gc.h"

typedef struct gc_state {
    svm_vm_t *vm;
    uint8_t *to;
    uint32_t free;
    svm_gcwork_t work;   /* words copied + scanned in this step */
    svm_gcwork_t budget; /* the step's: it stops at the first object past it */
    uint32_t at;         /* roots phase: number of the first slot of the current range */
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

static void visit_root(svm_value_t *slot, void *arg) { forward(arg, slot); }

/* The roots phase, in steps: the VM's own roots in svm_gc_roots' order (gc.h), from
 * number vm->gcr_roots on, while the budget lasts. They stay put while the collection is
 * suspended (the container runs nothing meanwhile), so a step finds where the last one
 * stopped by counting whole ranges (a step costs one range per context, not one slot per
 * root). Stack slots count a word of work each, as in a whole collection. Returns 1 when
 * all are forwarded. */
static int roots_range(gc_state_t *g, svm_value_t *p, uint32_t n, uint32_t stride, int walk)
{
    uint32_t *i = &g->vm->gcr_roots, end = g->at + n;
    for (; *i < end; ++*i) {
        if (g->work >= g->budget)
            return 0;
        forward(g, p + (size_t)(*i - g->at) * stride);
        g->work += (svm_gcwork_t)walk;
    }
    g->at = end;
    return 1;
}

static int roots_step(gc_state_t *g)
{
    svm_vm_t *vm = g->vm;
    if (!roots_range(g, vm->globals, vm->nglobals, 1, 0))
        return 0;
    for (svm_context_t *c = vm->contexts; c; c = c->next)
        if (!roots_range(g, c->sp, (uint32_t)(c->hi - c->sp), 1, 1) ||
            !roots_range(g, c->lo + 1, (uint32_t)(c->csp - c->lo) / 2u, 2, 1) ||
            !roots_range(g, &c->acc, 1, 1, 0) || !roots_range(g, &c->ep, 1, 1, 0))
            return 0;
    for (uint32_t k = 0; k < vm->nroots; k++)
        if (!roots_range(g, vm->roots[k], 1, 1, 0))
            return 0;
    return roots_range(g, &vm->exn_div_by_zero, 1, 1, 0) &&
           roots_range(g, &vm->exn_index_oob, 1, 1, 0) && roots_range(g, &vm->trap.value, 1, 1, 0);
}

/* charge: the program's collection (its work costs fuel, work.h); 0 for the extra ones
 * cfg.gc_every_alloc forces, a testing aid that must not change the schedule */
static void gc_charge(svm_vm_t *vm, svm_gcwork_t work)
{
    /* a word copied or scanned (forwarding, a header test) costs about three a memcpy
     * does: the unit of work.h */
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
    if (charge)
        gc_charge(vm, work);
}

/* Start a copying collection (phase 1); steps (gc_step) do the work. */
static void gc_begin(svm_vm_t *vm, int charge)
{
    vm->gcr_phase = 1;
    vm->gcr_roots = 0;
    vm->gcr_scan = vm->gcr_free = HEAP_START;
    vm->gcr_field = 0;
    vm->gcr_work = 0;
    vm->gcr_charge = (uint32_t)charge;
    vm->alloc_limit = 0; /* nothing may be bump-allocated in from-space meanwhile */
}

/* One step of the collection in progress, of about `budget` words of work (charged as
 * fuel, 3 per word, as it goes): at least one slot is forwarded or one object scanned,
 * and the budget is tested before each, so a step overshoots by at most one object's
 * copy (SVOBJ_SIZE_MAX words). Phases:
 * 1, the VM's own roots (roots_step); 2, the Cheney scan of to-space, where
 * [scan, free) is the grey queue; when it is empty, the scheduler's values (which may
 * have changed while the collection was suspended; until now they held from-space
 * values, as the rest of the scheduler expects) and the scan again (3); when that is
 * empty too, the semispaces swap. Returns 1 when the collection is done. */
static int gc_step(svm_vm_t *vm, svm_gcwork_t budget)
{
    gc_state_t g = {vm, vm->spare, vm->gcr_free, 0, budget ? budget : 1u, 0};
    int finished = 0;
    if (vm->gcr_phase == 1) {
        if (!roots_step(&g))
            goto out;
        vm->gcr_phase = 2;
    }
    for (;;) {
        uint32_t scan = vm->gcr_scan, field = vm->gcr_field;
        while (scan < g.free) {
            uint32_t *o = (uint32_t *)(void *)(g.to + scan);
            uint32_t hd = o[0], size = SVOBJ_SIZE(hd);
            if (svm_gc_has_fields(hd)) {
                /* a field at a time (an array's fields may each name a big object) */
                for (; field < size; field++) {
                    if (g.work >= g.budget)
                        break;
                    forward(&g, o + 1 + field);
                    g.work++;
                }
                if (field < size)
                    break;
                field = 0;
            } else if (g.work >= g.budget)
                break;
            else
                g.work++; /* (a run of strings is work too: a step stops in it) */
            scan += svm_obj_bytes_for(size);
        }
        vm->gcr_scan = scan;
        vm->gcr_field = field;
        if (scan < g.free)
            goto out;
        if (vm->gcr_phase == 3)
            break;
        if (vm->cfg.ext_roots)
            vm->cfg.ext_roots(vm, visit_root, &g);
        vm->gcr_phase = 3;
    }
    finished = 1;
out:
    vm->gcr_free = g.free;
    vm->gcr_work += g.work;
    if (vm->gcr_charge)
        gc_charge(vm, g.work);
    if (!finished)
        return 0;
    uint8_t *t = vm->heap;
    vm->heap = vm->spare;
    vm->spare = t;
    vm->gcr_phase = 0;
    vm->alloc_limit = vm->cfg.gc_every_alloc ? 0 : vm->semi_size;
    svm_gc_done(vm, g.free, vm->gcr_work, 0);
    return 1;
}

/* Start a collection: the statistics, then the compact collector's (whole), or a copying
 * one (returns 1: gc_step does it). */
static int start(svm_vm_t *vm, int charge)
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
    gc_begin(vm, charge);
    return 1;
}

/* a whole collection: the one in progress if any, else a new one */
static void collect(svm_vm_t *vm, int charge)
{
    if (vm->gcr_phase || start(vm, charge))
        gc_step(vm, (svm_gcwork_t)-1);
}

int svm_gc_collect(svm_vm_t *vm)
{
    if (vm->gcr_phase)
        collect(vm, 1); /* finish the one in progress first */
    collect(vm, 1);
    return 0;
}

/* a step's budget: the words of work the fuel left pays for, at 3 charged words a word
 * copied or scanned (gc_charge; cfg.gc_step caps it) */
static svm_gcwork_t budget_of(const svm_vm_t *vm, uint32_t fuel)
{
    svm_gcwork_t budget = (svm_gcwork_t)fuel * SVM_WORK_UNIT / 3u;
    if (vm->cfg.gc_step && budget > vm->cfg.gc_step)
        budget = vm->cfg.gc_step;
    return budget;
}

int64_t svm_gc_resume(svm_vm_t *vm, const void *ctx, int64_t left)
{
    int done = gc_step(vm, budget_of(vm, (uint32_t)left));
    left = svm_work_settle(vm, left);
    if (!done)
        return -1;
    if (ctx == vm->gcr_ctx) {
        /* the instruction that started it runs again next: its allocation must not start
         * another (see svm_alloc_slow_r); the slow path clears the mark */
        vm->gcr_fresh = 1;
        vm->alloc_limit = 0;
    }
    return left;
}

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

uint32_t svm_alloc_slow_r(svm_vm_t *vm, uint32_t header, uint32_t fuel)
{
    uint32_t bytes = svm_obj_bytes_for(SVOBJ_SIZE(header));
    int full = bytes > vm->semi_size - vm->hp;
    /* fresh: the instruction a collection stopped runs again, now that it is done: no
     * second collection for it (an extra one of gc_every_alloc, or a futile one) */
    int fresh = vm->gcr_fresh && fuel != SVM_NO_FUEL;
    if (vm->gcr_fresh) {
        vm->gcr_fresh = 0;
        vm->alloc_limit = vm->cfg.gc_every_alloc ? 0 : vm->semi_size;
    }
    if (!fresh && (vm->gcr_phase || vm->cfg.gc_every_alloc || full)) {
        /* The interpreter's resumable sites (fuel given) may stop in the collection: the
         * slice ends, and the instruction runs again when svm_run has finished it. A
         * copying collection only; and not the extras of gc_every_alloc unless gc_step
         * asks (they must not change the schedule). One in progress when a service
         * allocates is finished. */
        if (fuel == SVM_NO_FUEL || vm->gcr_phase || (!full && !vm->cfg.gc_step))
            collect(vm, full);
        else if (start(vm, full) && !gc_step(vm, budget_of(vm, fuel)))
            return SVM_ALLOC_SUSPENDED; /* (its work is pending: the caller charges it) */
    }
    if (bytes > vm->semi_size - vm->hp)
        return 0;
    uint32_t off = vm->hp;
    vm->hp += bytes;
    uint32_t *o = (uint32_t *)(void *)(vm->heap + off);
    o[0] = header;
    o[1] = SVM_VAL_UNIT;
    return off;
}

uint32_t svm_alloc_slow(svm_vm_t *vm, uint32_t header)
{
    return svm_alloc_slow_r(vm, header, SVM_NO_FUEL);
}

uint32_t svm_alloc_string_r(svm_vm_t *vm, uint32_t kind, uint32_t len, uint32_t fuel)
{
    uint32_t words = 1u + (len + 3u) / 4u;
    if (len > (SVOBJ_SIZE_MAX - 1u) * 4u)
        return 0;
    uint32_t off = svm_alloc_slow_r(vm, SVOBJ_HEADER(kind, 0, words), fuel);
    if (off <= SVM_ALLOC_SUSPENDED)
        return off;
    uint32_t *o = svm_heap_obj(vm, off);
    svm_work_charge(vm, words); /* the zeroing below, and the copy callers do */
    o[1] = len;
    o[words] = 0; /* zero the padding (and, for bytes_create, the contents below) */
    memset(o + 2, 0, (words - 1u) * 4u);
    return off;
}

uint32_t svm_alloc_string(svm_vm_t *vm, uint32_t kind, uint32_t len)
{
    return svm_alloc_string_r(vm, kind, len, SVM_NO_FUEL);
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
