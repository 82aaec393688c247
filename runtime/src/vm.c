/* SPDX-License-Identifier: MIT
 * vm.c — container and context set-up, trap names, stack high-water marks and the
 * OCaml-style printing of an exception value.
 */
#include "gc.h"

#include <sensevm/strbuf.h>

#define STACK_PAINT 0xdeadbeeeu /* never a value: a const ref far beyond any image */

_Static_assert(sizeof(svm_value_t) == 4, "values are 32-bit words");

static const char *const trap_names[] = {
#define N_(name, msg) #name,
    SVM_TRAP_LIST(N_)
#undef N_
};
static const char *const trap_msgs[] = {
#define M_(name, msg) msg,
    SVM_TRAP_LIST(M_)
#undef M_
};

const char *svm_trap_name(svm_trap_t t)
{
    return (unsigned)t < SVM_TRAP_COUNT_ ? trap_names[t] : "?";
}
const char *svm_trap_message(svm_trap_t t)
{
    return (unsigned)t < SVM_TRAP_COUNT_ ? trap_msgs[t] : "?";
}

static uint32_t align8(uint32_t n) { return (n + 7u) & ~7u; }

uint32_t svm_memory_size(uint32_t heap_size, uint32_t nglobals)
{
    return align8(nglobals * 4u) + 2u * ((heap_size / 2u) & ~7u);
}

void svm_write(svm_vm_t *vm, int stream, const char *s, size_t len)
{
    if (vm->cfg.write && len)
        vm->cfg.write(vm->cfg.user, stream, s, len);
}

svm_init_result_t svm_vm_init(svm_vm_t *vm, const svl_image_t *img, const svm_config_t *cfg)
{
    if (!vm || !img || !cfg || !cfg->memory || ((uintptr_t)cfg->memory & 7u))
        return SVM_INIT_BAD_ARG;
    {
        const uint32_t one = 1;
        uint8_t b;
        memcpy(&b, &one, 1);
        if (b != 1)
            return SVM_INIT_BAD_ARG; /* little-endian hosts only */
    }
    memset(vm, 0, sizeof *vm);
    vm->cfg = *cfg;
    vm->image = img;
    vm->code = img->code;
    vm->code_size = img->code_size;
    vm->consts = img->consts;
    vm->consts_size = img->consts_size;
    vm->nglobals = img->manifest.globals;
    uint32_t semi = (cfg->heap_size / 2u) & ~7u; /* heap_size is the RAM budget */
    if (semi < 64u || cfg->memory_size < svm_memory_size(cfg->heap_size, vm->nglobals))
        return SVM_INIT_NO_MEMORY;
#if SVM_CFG_GC_COMPACT
    if ((unsigned)cfg->gc > SVM_GC_COMPACT)
        return SVM_INIT_BAD_ARG;
    int compact = cfg->gc ? cfg->gc == SVM_GC_COMPACT : img->manifest.gc == SVMF_GC_COMPACT;
#else
    /* no compact collector in this build: a container that asks for it is refused (the
     * validated manifest's gc is SVMF_GC_COPY or SVMF_GC_COMPACT) */
    if ((unsigned)cfg->gc >= SVM_GC_COMPACT || (cfg->gc == SVM_GC_MANIFEST && img->manifest.gc))
        return SVM_INIT_BAD_ARG;
#endif
    uint8_t *mem = cfg->memory;
    vm->globals = (svm_value_t *)(void *)mem;
    for (uint32_t i = 0; i < vm->nglobals; i++)
        vm->globals[i] = SVM_VAL_UNIT;
    mem += align8(vm->nglobals * 4u);
    /* the same memory either way: two semispaces, or the compact heap and its tables */
    vm->heap = mem;
    vm->spare = mem + semi;
    vm->semi_size = semi;
#if SVM_CFG_GC_COMPACT
    if (compact && !svm_gc_compact_setup(vm, mem, 2u * semi))
        return SVM_INIT_NO_MEMORY;
#endif
    vm->alloc_limit = cfg->gc_every_alloc ? 0 : vm->semi_size;
    vm->hp = 4;
    vm->hp_after_gc = 4;
    vm->exn_div_by_zero = SVM_VAL_UNIT;
    vm->exn_index_oob = SVM_VAL_UNIT;
    vm->trap.value = SVM_VAL_UNIT;
    vm->trap.container = cfg->container_id;
    uint32_t e = svm_make_exn(vm, "Division_by_zero", NULL);
    if (!e)
        return SVM_INIT_NO_MEMORY;
    vm->exn_div_by_zero = e;
    e = svm_make_exn(vm, "Invalid_argument", "index out of bounds");
    if (!e)
        return SVM_INIT_NO_MEMORY;
    vm->exn_index_oob = e;
    vm->work.pending = 0; /* the set-up's work is not charged to the program */
    return SVM_INIT_OK;
}

svm_init_result_t svm_context_init(svm_vm_t *vm, svm_context_t *ctx, uint32_t id, uint32_t *stack,
                                   uint32_t stack_words, uint32_t entry)
{
    if (!vm || !ctx || !stack || stack_words < SVM_STACK_MIN_WORDS)
        return SVM_INIT_BAD_ARG;
    memset(ctx, 0, sizeof *ctx);
    ctx->lo = stack;
    ctx->hi = stack + stack_words;
    ctx->base = ctx->hi - SVM_STACK_GUARD;
    for (svm_value_t *p = ctx->base; p < ctx->hi; p++)
        *p = SVM_VAL_UNIT;
    ctx->painted = !vm->cfg.no_stack_paint;
    if (ctx->painted)
        for (uint32_t *p = ctx->lo; p < ctx->base; p++)
            *p = STACK_PAINT;
    ctx->sp = ctx->base;
    ctx->csp = ctx->lo;
    /* the entry frame: an "extra arguments" record with k = 0 halts the context */
    ctx->csp[0] = 1u;
    ctx->csp[1] = SVM_VAL_UNIT;
    ctx->csp += 2;
    ctx->pc = entry;
    ctx->ep = SVM_VAL_UNIT;
    ctx->acc = SVM_VAL_UNIT;
    ctx->id = id;
    ctx->next = vm->contexts;
    vm->contexts = ctx;
    return SVM_INIT_OK;
}

uint32_t svm_stack_hwm(const svm_context_t *ctx)
{
    const uint32_t *c = ctx->lo, *v = ctx->base;
    if (!ctx->painted)
        return 0;
    while (c < ctx->base && *c != STACK_PAINT)
        c++;
    while (v > c && v[-1] != STACK_PAINT)
        v--;
    return (uint32_t)(c - ctx->lo) + (uint32_t)(ctx->base - v);
}

/* ---- exception printing ---- */

static void put_quoted(svbc_buf_t *o, const uint8_t *s, uint32_t n)
{
    svbc_buf_put(o, "\"", 1);
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        switch (c) {
        case '"': svbc_buf_put(o, "\\\"", 2); break;
        case '\\': svbc_buf_put(o, "\\\\", 2); break;
        case '\n': svbc_buf_put(o, "\\n", 2); break;
        case '\t': svbc_buf_put(o, "\\t", 2); break;
        case '\r': svbc_buf_put(o, "\\r", 2); break;
        case '\b': svbc_buf_put(o, "\\b", 2); break;
        default:
            if (c >= 32 && c < 127) {
                svbc_buf_put(o, (const char *)&c, 1);
            } else {
                svbc_buf_put(o, "\\", 1);
                svbc_buf_num(o, c, 10, 3);
            }
        }
    }
    svbc_buf_put(o, "\"", 1);
}

static void put_arg(svbc_buf_t *o, const svm_vm_t *vm, svm_value_t v)
{
    char tmp[64];
    const uint8_t *s;
    uint32_t n;
    double d;
    if (svm_is_int(v)) {
        svbc_buf_put(o, tmp, svm_fmt_int(tmp, svm_val_int(v)));
    } else if (svm_string_view(vm, v, &s, &n)) {
        put_quoted(o, s, n);
    } else if (svm_float_view(vm, v, &d)) {
        svbc_buf_put(o, tmp, svm_fmt_string_of_float(tmp, sizeof tmp, d));
    } else {
        svbc_buf_put(o, "_", 1);
    }
}

size_t svm_format_exn(const svm_vm_t *vm, svm_value_t exn, char *buf, size_t cap)
{
    svbc_buf_t o = {buf, cap, 0};
    const uint8_t *s;
    uint32_t n;
    uint32_t *b = svm_heap_kind(vm, exn, SVOBJ_BLOCK);
    if (!b || SVOBJ_SIZE(b[0]) < 1 || !svm_string_view(vm, b[1], &s, &n)) {
        svbc_buf_put(&o, "_", 1);
    } else {
        uint32_t size = SVOBJ_SIZE(b[0]);
        svbc_buf_put(&o, (const char *)s, n);
        uint32_t *tup = NULL;
        /* OCaml prints Match_failure/Assert_failure's location tuple flat */
        if (size == 2 && ((n == 13 && memcmp(s, "Match_failure", 13) == 0) ||
                          (n == 14 && memcmp(s, "Assert_failure", 14) == 0)))
            tup = svm_heap_kind(vm, b[2], SVOBJ_BLOCK);
        uint32_t *fields = tup ? tup + 1 : b + 2;
        uint32_t nf = tup ? SVOBJ_SIZE(tup[0]) : size - 1u;
        if (nf > 0) {
            svbc_buf_put(&o, "(", 1);
            for (uint32_t i = 0; i < nf; i++) {
                if (i)
                    svbc_buf_put(&o, ", ", 2);
                put_arg(&o, vm, fields[i]);
            }
            svbc_buf_put(&o, ")", 1);
        }
    }
    return svbc_buf_end(&o);
}
