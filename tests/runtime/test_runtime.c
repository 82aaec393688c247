/* SPDX-License-Identifier: MIT
 * test_runtime.c — Criterion units for the runtime: value encoding, the copying GC
 * (roots in stacks, globals and registers survive, garbage is reclaimed, forwarding keeps
 * sharing; the resumable collection of issue 13, in steps), number formatting/parsing with OCaml's semantics, structural comparison.
 */
#include <criterion/criterion.h>

#include "internal.h"

#include <sensevm/value.h>
#include <sensevm/vm.h>

#include <stdlib.h>
#include <string.h>

Test(value, ints_wrap_to_31_bits)
{
    cr_assert_eq(svm_val_int(svm_int_val(0)), 0);
    cr_assert_eq(svm_val_int(svm_int_val(-5)), -5);
    cr_assert_eq(svm_val_int(svm_int_val((int32_t)SVM_INT_MAX)), SVM_INT_MAX);
    cr_assert_eq(svm_val_int(svm_int_val((int32_t)SVM_INT_MAX + 1)), SVM_INT_MIN);
    cr_assert(svm_is_int(SVM_VAL_UNIT));
    cr_assert_eq(SVM_VAL_UNIT, svm_int_val(0));
    cr_assert_eq(SVM_VAL_TRUE, svm_int_val(1));
    cr_assert(svm_is_ptr(8) && !svm_is_const(8) && svm_is_const(8 | 2) && !svm_is_ptr(8 | 2));
}

/* A VM over a dummy image with no code (the GC and services do not need any). */
typedef struct fixture {
    svl_image_t img;
    svm_vm_t vm;
    svm_context_t ctx;
    uint64_t mem[16384];
    uint32_t stack[SVM_STACK_GUARD + 512];
} fixture_t;

static fixture_t *make_cfg(uint32_t heap, int every, uint32_t gc_step,
                           void (*ext_roots)(svm_vm_t *, void (*)(svm_value_t *, void *), void *))
{
    fixture_t *f = calloc(1, sizeof *f);
    static const uint8_t code[1] = {0x1e}; /* halt */
    f->img.code = code;
    f->img.code_size = 1;
    f->img.manifest.globals = 4;
    svm_config_t cfg = {.memory = f->mem,
                        .memory_size = sizeof f->mem,
                        .heap_size = heap,
                        .gc_every_alloc = every,
                        .gc_step = gc_step,
                        .ext_roots = ext_roots};
    cr_assert_eq(svm_vm_init(&f->vm, &f->img, &cfg), SVM_INIT_OK);
    cr_assert_eq(svm_context_init(&f->vm, &f->ctx, 0, f->stack, sizeof f->stack / 4, 0),
                 SVM_INIT_OK);
    return f;
}

static fixture_t *make(uint32_t heap, int every) { return make_cfg(heap, every, 0, NULL); }

/* Stack painting: the high-water mark counts the words a context used; with
 * cfg.no_stack_paint, set-up leaves the stack below the guard alone and the mark is 0. */
Test(vm, stack_hwm_with_and_without_painting)
{
    for (int off = 0; off <= 1; off++) {
        fixture_t *f = calloc(1, sizeof *f);
        static const uint8_t code[1] = {0x1e};
        f->img.code = code;
        f->img.code_size = 1;
        svm_config_t cfg = {.memory = f->mem,
                            .memory_size = sizeof f->mem,
                            .heap_size = 4096,
                            .no_stack_paint = off};
        for (size_t i = 0; i < sizeof f->stack / 4; i++)
            f->stack[i] = 0x5a5a5a5au;
        cr_assert_eq(svm_vm_init(&f->vm, &f->img, &cfg), SVM_INIT_OK);
        cr_assert_eq(svm_context_init(&f->vm, &f->ctx, 0, f->stack, sizeof f->stack / 4, 0),
                     SVM_INIT_OK);
        /* a context that used 3 value words and 2 more control words (+2 entry frame) */
        f->ctx.sp[-1] = SVM_VAL_UNIT, f->ctx.sp[-2] = SVM_VAL_UNIT, f->ctx.sp[-3] = 7;
        f->ctx.csp[0] = 1, f->ctx.csp[1] = 5;
        if (off) {
            cr_assert_eq(f->stack[100], 0x5a5a5a5au, "an unpainted stack is left alone");
            cr_assert_eq(svm_stack_hwm(&f->ctx), 0u);
        } else {
            cr_assert_neq(f->stack[100], 0x5a5a5a5au);
            cr_assert_eq(svm_stack_hwm(&f->ctx), 3u + 4u);
        }
        free(f);
    }
}

static svm_value_t cons(svm_vm_t *vm, svm_context_t *ctx, svm_value_t hd)
{
    /* the list so far is in ctx->acc (a root) */
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
    cr_assert_neq(off, 0u);
    uint32_t *o = svm_heap_obj(vm, off);
    o[1] = hd;
    o[2] = ctx->acc;
    return off;
}

static int32_t sum(svm_vm_t *vm, svm_value_t l)
{
    int32_t s = 0;
    while (!svm_is_int(l)) {
        uint32_t *o = svm_heap_obj(vm, l);
        s += svm_val_int(o[1]);
        l = o[2];
    }
    return s;
}

Test(gc, roots_survive_and_garbage_is_reclaimed)
{
    for (int every = 0; every < 2; every++) {
        fixture_t *f = make(2048, every);
        svm_vm_t *vm = &f->vm;
        f->ctx.acc = SVM_VAL_UNIT;
        for (int i = 1; i <= 20; i++)
            f->ctx.acc = cons(vm, &f->ctx, svm_int_val(i)); /* live: 20 pairs */
        *--f->ctx.sp = f->ctx.acc;                          /* also on the stack */
        vm->globals[2] = f->ctx.acc;                        /* and in a global */
        for (int i = 0; i < 1000; i++) {                    /* garbage */
            uint32_t g = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 3));
            cr_assert_neq(g, 0u, "heap exhausted by garbage (every=%d)", every);
            uint32_t *o = svm_heap_obj(vm, g);
            o[1] = o[2] = o[3] = SVM_VAL_UNIT;
        }
        svm_gc_collect(vm);
        cr_assert_eq(sum(vm, f->ctx.acc), 210);
        /* sharing is preserved: the three roots still name one list */
        cr_assert_eq(f->ctx.sp[0], f->ctx.acc);
        cr_assert_eq(vm->globals[2], f->ctx.acc);
        cr_assert(vm->gc.collections >= 1);
        cr_assert_leq(vm->gc.live_hwm, 2048u / 2);
        free(f);
    }
}

Test(gc, exhaustion_returns_zero)
{
    fixture_t *f = make(1024, 0);
    f->ctx.acc = SVM_VAL_UNIT;
    uint32_t off = 1;
    int n = 0;
    while (off && n < 10000) {
        off = svm_alloc(&f->vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
        if (off) {
            uint32_t *o = svm_heap_obj(&f->vm, off);
            o[1] = SVM_VAL_UNIT;
            o[2] = f->ctx.acc;
            f->ctx.acc = off;
            n++;
        }
    }
    cr_assert_eq(off, 0u);
    cr_assert(n > 10 && n < 100, "n = %d", n);
    free(f);
}

Test(gc, strings_and_floats_move_intact)
{
    fixture_t *f = make(1024, 1);
    svm_vm_t *vm = &f->vm;
    f->ctx.acc = svm_make_string(vm, "hello", 5);
    *--f->ctx.sp = svm_make_float(vm, 2.5);
    svm_gc_collect(vm);
    const uint8_t *s;
    uint32_t len;
    double d;
    cr_assert(svm_string_view(vm, f->ctx.acc, &s, &len));
    cr_assert_eq(len, 5u);
    cr_assert(memcmp(s, "hello", 5) == 0);
    cr_assert(svm_float_view(vm, f->ctx.sp[0], &d));
    cr_assert_eq(d, 2.5);
    free(f);
}

/* The resumable copying collection (issue 13, gc.c): an allocation that needs a
 * collection runs it on the fuel it is given and stops when that is spent
 * (SVM_ALLOC_SUSPENDED); svm_gc_resume continues it in steps of the fuel given, each doing
 * at most that work plus one object; the roots (own and the scheduler's, which may change
 * while it is suspended) come out right, and the instruction that started it then
 * allocates without a second collection. */
static svm_value_t ext_slot = SVM_VAL_UNIT; /* "the scheduler's value" */
static int ext_visits;
static void ext_roots(svm_vm_t *vm, void (*visit)(svm_value_t *, void *), void *arg)
{
    (void)vm;
    ext_visits++;
    visit(&ext_slot, arg);
}

static fixture_t *make_resumable(uint32_t heap, uint32_t gc_step)
{
    ext_slot = SVM_VAL_UNIT;
    ext_visits = 0;
    return make_cfg(heap, 0, gc_step, ext_roots);
}

/* a fresh pair (hd, tl) with tl read from *tl after the allocation (a root) */
static svm_value_t pair(svm_vm_t *vm, svm_value_t hd, const svm_value_t *tl)
{
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
    cr_assert_gt(off, SVM_ALLOC_SUSPENDED);
    uint32_t *o = svm_heap_obj(vm, off);
    o[1] = hd;
    o[2] = *tl;
    return off;
}

/* A nearly full heap: a live list of n pairs in A, each of its first `nstack` cells also
 * in a stack slot (many roots), then garbage up to the end of the semispace. */
static void fill(fixture_t *f, int n, int nstack)
{
    svm_vm_t *vm = &f->vm;
    f->ctx.acc = SVM_VAL_UNIT;
    for (int i = 1; i <= n; i++)
        f->ctx.acc = pair(vm, svm_int_val(i), &f->ctx.acc);
    svm_value_t l = f->ctx.acc;
    for (int i = 0; i < nstack; i++) {
        *--f->ctx.sp = l;
        l = svm_heap_obj(vm, l)[2];
    }
    while (vm->hp + 16u <= vm->semi_size) {
        uint32_t g = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 3));
        uint32_t *o = svm_heap_obj(vm, g);
        o[1] = o[2] = o[3] = SVM_VAL_UNIT;
    }
}

static void check_list(fixture_t *f, int n, int nstack)
{
    svm_vm_t *vm = &f->vm;
    cr_assert_eq(sum(vm, f->ctx.acc), n * (n + 1) / 2);
    svm_value_t l = f->ctx.acc;
    for (int i = 0; i < nstack; i++) { /* sharing kept: slot i is the list's cell i */
        cr_assert_eq(f->ctx.sp[nstack - 1 - i], l, "stack root %d", i);
        l = svm_heap_obj(vm, l)[2];
    }
}

/* Steps of `fuel` units: each does at most its budget plus one object (three words of a
 * pair, charged 3 per word: the debt grows by at most 2 units a step); the collection
 * takes many of them, and everything live survives with its sharing. */
Test(gc_resume, steps_are_bounded_and_roots_survive)
{
    const int n = 600, nstack = 200;
    fixture_t *f = make_resumable(32768, 0);
    svm_vm_t *vm = &f->vm;
    fill(f, n, nstack);
    uint32_t before = vm->gc.collections;
    uint32_t hd = SVOBJ_HEADER(SVOBJ_BLOCK, 0, 4);
    uint32_t off = svm_alloc_slow_r(vm, hd, 4);
    cr_assert_eq(off, SVM_ALLOC_SUSPENDED, "a collection of %d pairs on 4 units of fuel", n);
    cr_assert_neq(vm->gcr_phase, 0u);
    cr_assert_eq(vm->alloc_limit, 0u, "nothing is bump-allocated in from-space meanwhile");
    vm->gcr_ctx = &f->ctx;
    (void)svm_work_settle(vm, 4);
    int steps = 1;
    for (;;) {
        uint64_t debt = vm->work.debt;
        int64_t left = svm_gc_resume(vm, &f->ctx, 4);
        cr_assert_leq(vm->work.debt - debt, 2u, "step %d overshot its budget by %llu units", steps,
                      (unsigned long long)(vm->work.debt - debt));
        steps++;
        if (left >= 0)
            break;
        cr_assert_eq(vm->gc.collections, before, "not done before its last step");
        cr_assert(steps < 100000);
    }
    cr_assert_gt(steps, 100, "the collection ran in %d steps only", steps);
    cr_assert_eq(vm->gc.collections, before + 1);
    cr_assert_eq(vm->gcr_phase, 0u);
    check_list(f, n, nstack);
    /* the instruction runs again: it allocates without another collection */
    off = svm_alloc_slow_r(vm, hd, 4);
    cr_assert_gt(off, SVM_ALLOC_SUSPENDED);
    cr_assert_eq(vm->gc.collections, before + 1);
    cr_assert_eq(vm->alloc_limit, vm->semi_size);
    free(f);
}

/* cfg.gc_step caps a step whatever the fuel; the scheduler's values are visited once, in
 * the last step, so one they change while the collection is suspended is forwarded (here:
 * a live cell the scheduler starts holding meanwhile, and one it drops). */
Test(gc_resume, gc_step_caps_steps_and_ext_roots_come_last)
{
    const int n = 300;
    fixture_t *f = make_resumable(32768, 5);
    svm_vm_t *vm = &f->vm;
    fill(f, n, 0);
    svm_value_t third = svm_heap_obj(vm, svm_heap_obj(vm, f->ctx.acc)[2])[2];
    ext_slot = SVM_VAL_UNIT;
    cr_assert_eq(svm_alloc_slow_r(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 4), 1000000),
                 SVM_ALLOC_SUSPENDED);
    cr_assert_eq(ext_visits, 0);
    ext_slot = third; /* from-space, as the scheduler's values stay until the last step */
    int steps = 0;
    while (svm_gc_resume(vm, &f->ctx, 1000000) < 0)
        steps++;
    cr_assert_gt(steps, 50);
    cr_assert_eq(ext_visits, 1);
    check_list(f, n, 0);
    cr_assert_eq(ext_slot, svm_heap_obj(vm, svm_heap_obj(vm, f->ctx.acc)[2])[2]);
    cr_assert_eq(sum(vm, ext_slot), (n - 2) * (n - 1) / 2);
    free(f);
}

/* A service's allocation (not resumable) finishes a collection in progress first; a
 * collection that frees nothing leaves the instruction that ran again with 0
 * (heap exhausted), not with a second collection. */
Test(gc_resume, service_finishes_it_and_exhaustion_is_reported)
{
    fixture_t *f = make_resumable(32768, 3);
    svm_vm_t *vm = &f->vm;
    fill(f, 300, 10);
    uint32_t big = SVOBJ_HEADER(SVOBJ_ARRAY, 0, 8000); /* more than a semispace */
    cr_assert_eq(svm_alloc_slow_r(vm, big, 1), SVM_ALLOC_SUSPENDED);
    uint32_t c0 = vm->gc.collections;
    uint32_t s = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 1)); /* a service's */
    cr_assert_gt(s, SVM_ALLOC_SUSPENDED);
    cr_assert_eq(vm->gc.collections, c0 + 1);
    cr_assert_eq(vm->gcr_phase, 0u);
    check_list(f, 300, 10);
    /* the big one again: a collection stopped, finished, then no room: 0 */
    cr_assert_eq(svm_alloc_slow_r(vm, big, 1), SVM_ALLOC_SUSPENDED);
    vm->gcr_ctx = &f->ctx;
    while (svm_gc_resume(vm, &f->ctx, 1) < 0)
        ;
    cr_assert_eq(svm_alloc_slow_r(vm, big, 1), 0u);
    check_list(f, 300, 10);
    free(f);
}

static const char *sof(double d)
{
    static char buf[64];
    svm_fmt_string_of_float(buf, sizeof buf, d);
    return buf;
}

Test(format, string_of_float_is_ocamls)
{
    cr_assert_str_eq(sof(1.0), "1.");
    cr_assert_str_eq(sof(-2.0), "-2.");
    cr_assert_str_eq(sof(0.1), "0.1");
    cr_assert_str_eq(sof(1e20), "1e+20");
    cr_assert_str_eq(sof(3.14159265358979), "3.14159265359");
    cr_assert_str_eq(sof(1.0 / 0.0), "inf");
    cr_assert_str_eq(sof(-1.0 / 0.0), "-inf");
    // cppcheck-suppress duplicateExpression ; NaN on purpose
    cr_assert_str_eq(sof(0.0 / 0.0), "nan");
}

static int pint(const char *s, int32_t *out)
{
    return svm_parse_int((const uint8_t *)s, (uint32_t)strlen(s), out);
}

Test(format, int_of_string_is_ocamls)
{
    int32_t n;
    cr_assert_eq(pint("123", &n), 0);
    cr_assert_eq(n, 123);
    cr_assert_eq(pint("-0x1F", &n), 0);
    cr_assert_eq(n, -31);
    cr_assert_eq(pint("0b1_01", &n), 0);
    cr_assert_eq(n, 5);
    cr_assert_eq(pint("0o17", &n), 0);
    cr_assert_eq(n, 15);
    cr_assert_eq(pint("1073741823", &n), 0);
    cr_assert_eq(n, 1073741823);
    cr_assert_eq(pint("-1073741824", &n), 0);
    cr_assert_eq(n, -1073741824);
    cr_assert_neq(pint("1073741824", &n), 0);
    cr_assert_eq(pint("0x7fffffff", &n), 0); /* wraps, as in OCaml */
    cr_assert_eq(n, -1);
    cr_assert_neq(pint("0x80000000", &n), 0);
    cr_assert_neq(pint("", &n), 0);
    cr_assert_neq(pint("_1", &n), 0);
    cr_assert_neq(pint("12a", &n), 0);
}

static const char *fmt(const char *f, int kind, int32_t i, double d)
{
    static char buf[128];
    long n = svm_fmt_one(buf, sizeof buf, f, (uint32_t)strlen(f), kind, i, d, NULL, 0);
    return n < 0 ? "<bad>" : buf;
}

Test(format, one_conversion)
{
    cr_assert_str_eq(fmt("%5d", 'i', 42, 0), "   42");
    cr_assert_str_eq(fmt("%-4d", 'i', 7, 0), "7   ");
    cr_assert_str_eq(fmt("%x", 'i', -1, 0), "7fffffff");
    cr_assert_str_eq(fmt("%04X", 'i', 255, 0), "00FF");
    cr_assert_str_eq(fmt("%.3f", 'f', 0, 3.14159), "3.142");
    cr_assert_str_eq(fmt("%F", 'f', 0, 2.0), "2.");
    cr_assert_str_eq(fmt("%e", 'f', 0, 1234.5), "1.234500e+03");
    cr_assert_str_eq(fmt("%q", 'i', 1, 0), "<bad>");
}

Test(compare, structural_order)
{
    fixture_t *f = make(4096, 0);
    svm_vm_t *vm = &f->vm;
    svm_value_t a = svm_make_string(vm, "abc", 3);
    vm->globals[0] = a;
    svm_value_t b = svm_make_string(vm, "abd", 3);
    a = vm->globals[0];
    cr_assert_eq(svm_compare(vm, a, b, 0), -1);
    cr_assert_eq(svm_compare(vm, b, a, 0), 1);
    cr_assert_eq(svm_compare(vm, a, a, 0), 0);
    cr_assert_eq(svm_compare(vm, svm_int_val(3), a, 0), -1); /* immediates first */
    vm->globals[1] = b;
    // cppcheck-suppress duplicateExpression ; NaN on purpose
    svm_value_t n1 = svm_make_float(vm, 0.0 / 0.0);
    cr_assert_eq(svm_compare(vm, n1, n1, 0), 0);
    cr_assert_eq(svm_compare(vm, n1, n1, 1), SVM_CMP_UNORDERED);
    free(f);
}

/* Left-deep pairs ((((0, 1), 2), 3) …): the deep side is field 0, so comparison must not
 * recurse on the C stack (OCaml compares these at any depth). */
static svm_value_t left_deep(svm_vm_t *vm, svm_context_t *ctx, int n, int last)
{
    ctx->acc = svm_int_val(0);
    for (int i = 1; i <= n; i++) {
        uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
        cr_assert_neq(off, 0u);
        uint32_t *o = svm_heap_obj(vm, off);
        o[1] = ctx->acc;
        o[2] = svm_int_val(i == n ? last : i);
        ctx->acc = off;
    }
    return ctx->acc;
}

Test(compare, any_depth_without_c_recursion)
{
    fixture_t *f = make(96 * 1024, 0); /* 48 KB semispaces */
    svm_vm_t *vm = &f->vm;
    vm->globals[0] = left_deep(vm, &f->ctx, 1000, 1000);
    vm->globals[1] = left_deep(vm, &f->ctx, 1000, 1000);
    vm->globals[2] = left_deep(vm, &f->ctx, 1000, -1);
    cr_assert_eq(svm_compare(vm, vm->globals[0], vm->globals[1], 0), 0);
    cr_assert_eq(svm_compare(vm, vm->globals[0], vm->globals[1], 1), 0);
    cr_assert_eq(svm_compare(vm, vm->globals[0], vm->globals[2], 0), 1);
    cr_assert_eq(svm_compare(vm, vm->globals[2], vm->globals[0], 0), -1);
    free(f);
}
