/* SPDX-License-Identifier: MIT
 * runimg.c — run a validated image on the bare VM and under the scheduler with a fuel
 * limit, then check that the container's values all point inside it (runimg.h).
 */
#include "runimg.h"

#include <sensevm/posix/svm_posix.h>

#include <sensevm/vmsched.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char msg[160];

#define BAD(...)                                                                                   \
    do {                                                                                           \
        snprintf(msg, sizeof msg, __VA_ARGS__);                                                    \
        goto out;                                                                                  \
    } while (0)

/* bitmaps of object starts (heap) and constant headers (pool), one bit per word */
static int bit(const uint8_t *m, uint32_t off) { return m[off >> 5] >> ((off >> 2) & 7) & 1; }
static void set_bit(uint8_t *m, uint32_t off) { m[off >> 5] |= (uint8_t)(1u << ((off >> 2) & 7)); }

static int value_ok(const svm_vm_t *vm, const uint8_t *objs, const uint8_t *consts, svm_value_t v)
{
    if (svm_is_int(v))
        return 1;
    if (svm_is_const(v)) {
        uint32_t o = svm_ref_offset(v);
        return o < vm->consts_size && bit(consts, o);
    }
    return v > 0 && v < vm->hp && bit(objs, v);
}

const char *runimg_check_heap(const svm_vm_t *vm)
{
    /* A collection paused at the end of a slice (issue 13, the resumable collection) leaves
     * forwarded objects in the from-space: the heap is whole again when the next slice has
     * finished it, and is checked then (and after the run, when svm_gc_collect has). */
    if (vm->gcr_phase)
        return NULL;
    const char *res = msg;
    uint8_t *objs = calloc(vm->semi_size / 32u + 1u, 1);
    uint8_t *consts = calloc(vm->consts_size / 32u + 1u, 1);
    if (!objs || !consts) {
        free(objs), free(consts);
        return "out of host memory";
    }
    for (uint32_t k = 0; k < vm->image->nconsts; k++)
        set_bit(consts, svm_ref_offset(svl_const_value(vm->image, k)));
    if (vm->hp > vm->semi_size || vm->hp < 4)
        BAD("hp %u outside the semispace of %u bytes", vm->hp, vm->semi_size);
    /* pass 1: the objects tile [4, hp) */
    for (uint32_t off = 4; off < vm->hp;) {
        uint32_t hd, size;
        memcpy(&hd, vm->heap + off, 4);
        size = SVOBJ_SIZE(hd);
        if (SVOBJ_KIND(hd) > SVOBJ_KIND_PUBLIC_MAX)
            BAD("object at %u: kind %u", off, SVOBJ_KIND(hd));
        uint32_t bytes = (size ? size + 1u : 2u) * 4u;
        if (bytes > vm->hp - off)
            BAD("object at %u: %u bytes past hp %u", off, bytes, vm->hp);
        set_bit(objs, off);
        off += bytes;
    }
    /* pass 2: every field value */
    for (uint32_t off = 4; off < vm->hp;) {
        const uint32_t *o = (const uint32_t *)(const void *)(vm->heap + off);
        uint32_t size = SVOBJ_SIZE(o[0]), kind = SVOBJ_KIND(o[0]), first = 1;
        switch (kind) {
        case SVOBJ_CLOSURE:
            if (size < 2 || !svm_is_int(o[1]) || !svm_is_int(o[2]) ||
                (uint32_t)svm_val_int(o[1]) >= vm->code_size)
                BAD("closure at %u: bad code or arity", off);
            first = 3;
            /* fall through */
        case SVOBJ_BLOCK:
        case SVOBJ_PAP:
        case SVOBJ_ARRAY:
            for (uint32_t i = first; i <= size; i++)
                if (!value_ok(vm, objs, consts, o[i]))
                    BAD("%s at %u: field %u = 0x%x points outside the container",
                        kind == SVOBJ_ARRAY ? "array" : "block", off, i - 1, o[i]);
            if (kind == SVOBJ_PAP && (size < 1 || !svm_is_ptr(o[1])))
                BAD("partial application at %u: no closure", off);
            break;
        case SVOBJ_STRING:
        case SVOBJ_BYTES:
            if (size < 1 || o[1] > (size - 1u) * 4u)
                BAD("string at %u: length %u in %u words", off, o[1], size);
            break;
        case SVOBJ_FLOAT:
            if (size != 2)
                BAD("float at %u: %u words", off, size);
            break;
        default: break;
        }
        off += (size ? size + 1u : 2u) * 4u;
    }
    for (uint32_t g = 0; g < vm->nglobals; g++)
        if (!value_ok(vm, objs, consts, vm->globals[g]))
            BAD("global %u = 0x%x points outside the container", g, vm->globals[g]);
    for (const svm_context_t *c = vm->contexts; c; c = c->next) {
        if (c->sp > c->base || c->csp > (const uint32_t *)c->sp || c->csp < c->lo)
            BAD("context %u: stack registers out of order", c->id);
        for (const svm_value_t *p = c->sp; p < c->hi; p++)
            if (!value_ok(vm, objs, consts, *p))
                BAD("context %u: stack slot %ld = 0x%x points outside the container", c->id,
                    (long)(p - c->sp), *p);
        for (const uint32_t *w = c->lo + 1; w < c->csp; w += 2)
            if (!value_ok(vm, objs, consts, *w))
                BAD("context %u: control word = 0x%x points outside the container", c->id, *w);
        if (!value_ok(vm, objs, consts, c->acc) || !value_ok(vm, objs, consts, c->ep))
            BAD("context %u: A 0x%x or EP 0x%x points outside the container", c->id, c->acc, c->ep);
        if (c->pc >= vm->code_size)
            BAD("context %u: pc %u outside the code", c->id, c->pc);
    }
    res = NULL;
out:
    free(objs);
    free(consts);
    return res;
}

static void check(const svm_vm_t *vm, const char *when)
{
    const char *m = runimg_check_heap(vm);
    if (m) {
        fprintf(stderr, "runimg: %s: %s\n", when, m);
        abort();
    }
}

static void run_bare(const svl_image_t *img, const runimg_opts_t *o, runimg_result_t *res)
{
    uint32_t mem_size = svm_memory_size(o->heap, img->manifest.globals);
    uint32_t stack_words = o->stack / 4u + SVM_STACK_GUARD;
    /* each region exactly its size: ASan reports a byte outside */
    void *mem = aligned_alloc(8, (mem_size + 7u) & ~7u);
    uint32_t *stk = malloc((size_t)stack_words * 4u);
    static const char *const argv[] = {"prog", "a", NULL};
    svm_config_t cfg = {
        .memory = mem,
        .memory_size = mem_size,
        .heap_size = o->heap,
        .gc_every_alloc = o->gc_every_alloc,
        .count_steps = o->count_steps,
        .argc = 2,
        .argv = argv,
    };
    svm_vm_t *vm = calloc(1, sizeof *vm);
    svm_context_t *ctx = calloc(1, sizeof *ctx);
    if (!mem || !stk || !vm || !ctx)
        abort();
    memset(mem, 0x5a, mem_size); /* garbage: nothing may read a word it did not write */
    if (svm_vm_init(vm, img, &cfg) == SVM_INIT_OK &&
        svm_context_init(vm, ctx, 0, stk, stack_words, img->manifest.entry) == SVM_INIT_OK) {
        svm_status_t st = SVM_FUEL;
        while (st == SVM_FUEL && ctx->steps < o->fuel) {
            st = svm_run(vm, ctx, o->slice);
            check(vm, "bare run");
        }
        res->bare_status = (int)st;
        res->bare_trap = st == SVM_TRAPPED ? (int)vm->trap.code : 0;
        res->bare_steps = ctx->steps;
        if ((unsigned)vm->trap.code >= SVM_TRAP_COUNT_)
            abort();
        svm_gc_collect(vm);
        check(vm, "bare run, after a collection");
    }
    free(ctx);
    free(vm);
    free(stk);
    free(mem);
}

static FILE *devnull(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

static void run_sched(const svl_image_t *img, const runimg_opts_t *o, runimg_result_t *res)
{
    svm_posix_t *port = calloc(1, sizeof *port);
    svm_sched_t *s = calloc(1, sizeof *s);
    svm_box_t *b = calloc(1, sizeof *b);
    if (!port || !s || !b)
        abort();
    svm_posix_cfg_t pc;
    svm_posix_default_cfg(&pc);
    pc.devlog = pc.out = pc.err = devnull();
    char err[128];
    if (svm_posix_init(port, &pc, err, sizeof err))
        abort();
    svm_sched_cfg_t sc;
    svm_sched_default_cfg(&sc);
    sc.default_fuel = o->slice;
    sc.ns_per_insn = pc.ns_per_insn;
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(s, &port->hal, &ops, &sc);
    static const char *const argv[] = {"prog", NULL};
    svm_config_t cfg = {
        .gc_every_alloc = o->gc_every_alloc,
        .count_steps = o->count_steps,
        .argc = 1,
        .argv = argv,
        .switch_via_scheduler = o->via_sched,
        .no_stack_paint = 1,
    };
    size_t need = svm_box_mem_size(img, o->heap, o->stack);
    void *mem = malloc(need);
    void *xmem = NULL;
    svm_sched_err_t se;
    if (!mem)
        abort();
    memset(mem, 0x5a, need);
    if (svm_box_init(b, img, &cfg, o->heap, o->stack, mem, need) == 0 &&
        svm_sched_add(s, &b->c, &se) == 0) {
        size_t xm = svm_sched_xchan_mem_size(s);
        xmem = malloc(xm ? xm : 1);
        if (xmem && svm_sched_link(s, xmem, xm, &se) == 0) {
            res->sched_ran = 1;
            for (uint64_t r = 0; r < 4096; r++) {
                int st = svm_sched_step(s);
                res->sched_rounds = r + 1;
                check(&b->vm, "scheduled run");
                if (st == SVM_STEP_FINISHED || st == SVM_STEP_STUCK || b->c.stats.insns >= o->fuel)
                    break;
            }
            svm_gc_collect(&b->vm);
            check(&b->vm, "scheduled run, after a collection");
        }
    }
    free(xmem);
    free(mem);
    svm_posix_free(port);
    free(b);
    free(s);
    free(port);
}

int runimg_self_test(const svl_image_t *img)
{
    uint32_t mem_size = svm_memory_size(4096, img->manifest.globals);
    void *mem = aligned_alloc(8, (mem_size + 7u) & ~7u);
    uint32_t stk[SVM_STACK_MIN_WORDS];
    svm_config_t cfg = {.memory = mem, .memory_size = mem_size, .heap_size = 4096};
    svm_vm_t vm;
    svm_context_t ctx;
    int fails = 0;
    if (!mem || svm_vm_init(&vm, img, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stk, SVM_STACK_MIN_WORDS, img->manifest.entry) !=
            SVM_INIT_OK) {
        free(mem);
        return 1;
    }
    /* the prebuilt exceptions are objects: vm.exn_div_by_zero is one's start */
    const svm_value_t bad[] = {vm.hp + 64u, vm.exn_div_by_zero + 4u, vm.consts_size | 2u};
    svm_context_t *c = vm.contexts; /* = &ctx: the checker reads it through vm */
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        c->acc = bad[i];
        fails += runimg_check_heap(&vm) == NULL;
    }
    c->acc = SVM_VAL_UNIT;
    fails += runimg_check_heap(&vm) != NULL;
    free(mem);
    return fails;
}

svl_result_t runimg_validate(const uint8_t *img, size_t len, svl_image_t *out, uint32_t *off)
{
    size_t ws = SVL_WORK_SIZE(len);
    uint8_t *work = malloc(ws);
    if (!work)
        abort();
    svl_result_t r = svl_validate_ex(img, len, work, ws, out, off);
    free(work);
    return r;
}

void runimg_run(const svl_image_t *img, const runimg_opts_t *o, runimg_result_t *res)
{
    memset(res, 0, sizeof *res);
    run_bare(img, o, res);
    if (o->sched)
        run_sched(img, o, res);
}
