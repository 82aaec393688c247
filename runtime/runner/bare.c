/* SPDX-License-Identifier: MIT
 * bare.c — `sensevm-run --no-sched`: one image on the bare VM, as a firmware embeds it
 * without the scheduler (its services 0x40 on trap unknown_service): a heap and a stack
 * from the manifest or --heap/--stack, the entry context run to its end.
 */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"

#include <stdlib.h>
#include <string.h>

#ifdef SVM_RUNNER_GC_EVERY_ALLOC
#define RUNNER_GC_EVERY_ALLOC 1 /* -Dgc_every_alloc=true */
#else
#define RUNNER_GC_EVERY_ALLOC 0
#endif

static void bare_trace(const svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc)
{
    if (runner_profiling)
        runner_profile_step(vm, pc);
    if (!runner_tracing)
        return;
    char who[32];
    snprintf(who, sizeof who, "%s/%u", vm->image->manifest.name, ctx->id);
    runner_trace_insn(stderr, who, vm, pc);
}

int runner_run_bare(const runner_cfg_t *rc)
{
    const char *path = rc->images[0];
    svl_image_t image;
    int status;
    uint8_t *bytes = runner_load_image(rc, path, &image, &status);
    if (!bytes)
        return status;
    if (rc->trace)
        setvbuf(stdout, NULL, _IONBF, 0); /* keep program output and trace in order */
    uint64_t heap = rc->heap ? rc->heap : image.manifest.heap_size;
    uint64_t stack = rc->stack ? rc->stack : image.manifest.stack_size;
    uint32_t mem_size = svm_memory_size((uint32_t)heap, image.manifest.globals);
    uint32_t stack_words = (uint32_t)(stack / 4) + SVM_STACK_GUARD;
    void *mem = aligned_alloc(8, (mem_size + 7u) & ~7u);
    uint32_t *stk = malloc((size_t)stack_words * 4u);
    const char **pargv = malloc(sizeof *pargv * (size_t)(rc->nargs + 2));
    if (!mem || !stk || !pargv) {
        fprintf(stderr, "%s: out of host memory\n", runner_prog);
        free(mem), free(stk), free(pargv), free(bytes);
        return RUNNER_EXIT_USAGE;
    }
    pargv[0] = path;
    memcpy(pargv + 1, rc->args, sizeof *pargv * (size_t)rc->nargs);
    pargv[rc->nargs + 1] = NULL;
    svm_config_t cfg = {
        .memory = mem,
        .memory_size = mem_size,
        .heap_size = (uint32_t)heap,
        .write = runner_write,
        .flush = runner_flush,
        .gc_every_alloc = rc->gc_every || RUNNER_GC_EVERY_ALLOC,
        .gc = rc->gc,
        .gc_step = runner_gc_step(), /* issue 13: testing */
        .count_steps = rc->stats || rc->trace || rc->max_steps || runner_profiling,
        .argc = rc->nargs + 1,
        .argv = pargv,
        .trace = rc->trace || runner_profiling ? bare_trace : NULL,
    };
    static svm_vm_t vm;
    static svm_context_t ctx;
    if (svm_vm_init(&vm, &image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stk, stack_words, image.manifest.entry) != SVM_INIT_OK) {
        fprintf(stderr, "%s: %s: heap or stack too small\n", runner_prog, path);
        free(mem), free(stk), free(pargv), free(bytes);
        return RUNNER_EXIT_TRAP;
    }

    svm_status_t st;
    for (;;) {
        uint64_t budget = 1u << 30;
        if (rc->max_steps) {
            if (ctx.steps >= rc->max_steps) {
                vm.trap.code = SVM_TRAP_fuel_exhausted;
                vm.trap.context = ctx.id;
                vm.trap.pc = ctx.pc;
                vm.trap.opcode = vm.code[ctx.pc];
                svm_backtrace_capture(&vm, &ctx);
                st = SVM_TRAPPED;
                break;
            }
            if (rc->max_steps - ctx.steps < budget)
                budget = rc->max_steps - ctx.steps;
        }
        st = svm_run(&vm, &ctx, (uint32_t)budget);
        if (st != SVM_FUEL)
            break;
    }
    fflush(stdout);

    int r = 0;
    switch (st) {
    case SVM_HALTED: r = 0; break;
    case SVM_EXITED: r = vm.exit_code & 255; break;
    case SVM_TRAPPED:
        r = RUNNER_EXIT_TRAP;
        runner_report_trap(&vm, path, "");
        break;
    default:
        r = RUNNER_EXIT_TRAP;
        fprintf(stderr, "%s: %s: context blocked with no scheduler\n", runner_prog, path);
        break;
    }
    if (runner_profiling)
        runner_profile_print(stderr);
    if (rc->stats) {
        svm_gc_stats_t g;
        svm_get_gc_stats(&vm, &g);
        fprintf(stderr,
                "sensevm-run: stats: instructions %llu\n"
                "sensevm-run: stats: gc collections %u, allocated %llu bytes, live high-water %u "
                "bytes, heap high-water %u of %u bytes, longest pause %u words\n"
                "sensevm-run: stats: stack high-water %u of %u words\n",
                (unsigned long long)ctx.steps, g.collections, (unsigned long long)g.bytes_allocated,
                g.live_hwm, g.heap_hwm, vm.semi_size, g.longest_pause, svm_stack_hwm(&ctx),
                stack_words - SVM_STACK_GUARD);
    }
    free(stk);
    free(mem);
    free(pargv);
    free(bytes);
    return r;
}
