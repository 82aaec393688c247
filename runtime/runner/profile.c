/* SPDX-License-Identifier: MIT
 * profile.c — sensevm-run --profile: a flat profile by function (instructions, their share
 * of the container's total, bytes allocated), from the per-instruction hook the runner
 * installs (svm_config_t.trace), the functions being the image's SYMBOLS. Printed on
 * stderr at the end, in the format docs/runtime.md ("Profiling") describes.
 */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdlib.h>
#include <string.h>

typedef struct fn {
    const char *name;
    uint32_t at; /* code address */
    uint64_t insns, bytes;
} fn_t;

typedef struct prof {
    const svm_vm_t *vm;
    fn_t *fn;             /* by address; fn[0] is "(no symbol)" */
    uint32_t nfn, *of_pc; /* of_pc[pc]: index into fn */
    uint32_t last;        /* the function of the previous instruction */
    uint64_t alloc_seen;  /* bytes allocated when it ran */
} prof_t;

int runner_profiling;
static prof_t profs[RUNNER_MAX_IMAGES];

static int by_at(const void *a, const void *b)
{
    const fn_t *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

static uint64_t allocated(const svm_vm_t *vm)
{
    return vm->gc.bytes_allocated + (vm->hp - vm->hp_after_gc);
}

static int setup(prof_t *p, const svm_vm_t *vm)
{
    const svl_image_t *im = vm->image;
    uint32_t n = im->symbols && im->symbols_size >= 4 ? (uint32_t)svbc_read_i32(im->symbols) : 0;
    p->vm = vm;
    p->fn = calloc((size_t)n + 1, sizeof *p->fn);
    p->of_pc = calloc((size_t)vm->code_size + 1, sizeof *p->of_pc);
    if (!p->fn || !p->of_pc)
        return -1;
    p->fn[0].name = "(no symbol)";
    p->nfn = 1;
    for (uint32_t i = 0; i < n; i++) { /* the loader checked the table */
        const uint8_t *e = im->symbols + 4 + 8 * i;
        p->fn[p->nfn].at = (uint32_t)svbc_read_i32(e);
        p->fn[p->nfn++].name = (const char *)im->symbols + svbc_read_i32(e + 4);
    }
    qsort(p->fn + 1, p->nfn - 1, sizeof *p->fn, by_at);
    for (uint32_t pc = 0, k = 0; pc < vm->code_size; pc++) {
        while (k + 1 < p->nfn && p->fn[k + 1].at <= pc)
            k++;
        p->of_pc[pc] = k;
    }
    p->alloc_seen = allocated(vm);
    return 0;
}

void runner_profile_step(const svm_vm_t *vm, uint32_t pc)
{
    uint32_t c = vm->cfg.container_id;
    if (c >= RUNNER_MAX_IMAGES)
        return;
    prof_t *p = &profs[c];
    if (!p->vm && setup(p, vm)) {
        fprintf(stderr, "%s: --profile: out of host memory\n", runner_prog);
        exit(RUNNER_EXIT_USAGE);
    }
    /* what was allocated since the last instruction, that instruction did */
    uint64_t a = allocated(vm);
    p->fn[p->last].bytes += a - p->alloc_seen;
    p->alloc_seen = a;
    p->last = pc < vm->code_size ? p->of_pc[pc] : 0;
    p->fn[p->last].insns++;
}

static int by_insns(const void *a, const void *b)
{
    const fn_t *x = a, *y = b;
    if (x->insns != y->insns)
        return x->insns > y->insns ? -1 : 1;
    return strcmp(x->name, y->name);
}

void runner_profile_print(FILE *f)
{
    for (uint32_t c = 0; c < RUNNER_MAX_IMAGES; c++) {
        prof_t *p = &profs[c];
        if (!p->vm)
            continue;
        uint64_t a = allocated(p->vm); /* the last instruction's allocation */
        p->fn[p->last].bytes += a - p->alloc_seen;
        p->alloc_seen = a;
        uint64_t total = 0, bytes = 0;
        for (uint32_t i = 0; i < p->nfn; i++)
            total += p->fn[i].insns, bytes += p->fn[i].bytes;
        const svl_image_t *im = p->vm->image;
        svimg_debug_t d = {im->code,         im->code_size, im->symbols,
                           im->symbols_size, im->lines,     im->lines_size};
        qsort(p->fn, p->nfn, sizeof *p->fn, by_insns);
        fprintf(f, "%s: profile: %s: %llu instructions, %llu bytes allocated\n", runner_prog,
                im->manifest.name, (unsigned long long)total, (unsigned long long)bytes);
        fprintf(f, "%s: profile: %12s %7s %12s  %s\n", runner_prog, "instructions", "share",
                "alloc-bytes", "function (source)");
        for (uint32_t i = 0; i < p->nfn; i++) {
            const fn_t *e = &p->fn[i];
            if (!e->insns && !e->bytes)
                continue;
            uint32_t pos = 0;
            const char *file = i < p->nfn && e->name != NULL && strcmp(e->name, "(no symbol)")
                                   ? svimg_line_at(&d, e->at, &pos, NULL)
                                   : NULL;
            char src[300] = "";
            if (file && file[0] && SVIMG_POS_LINE(pos))
                snprintf(src, sizeof src, " (%.256s:%u)", file, SVIMG_POS_LINE(pos));
            fprintf(f, "%s: profile: %12llu %6.2f%% %12llu  %s%s\n", runner_prog,
                    (unsigned long long)e->insns,
                    total ? 100.0 * (double)e->insns / (double)total : 0.0,
                    (unsigned long long)e->bytes, e->name, src);
        }
        free(p->fn);
        free(p->of_pc);
        memset(p, 0, sizeof *p);
    }
}
