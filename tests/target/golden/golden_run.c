/* SPDX-License-Identifier: MIT
 * golden_run.c — the runtime's golden programs on a board (golden.h: golden_main): the
 * boards' golden tests (tests/target/fw_golden.c on mps2-an386, nd2-golden on the Netduino
 * Plus 2, mb_golden on the micro:bit) give it their flash, slots and pools.
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vm.h>

#include "golden.h"
#include "tap.h"

typedef struct cap {
    char *buf[2];
    size_t len[2], size;
    int overflow;
} cap_t;

static void capture(void *user, int stream, const char *s, size_t n)
{
    cap_t *c = user;
    int k = stream == 2 ? 1 : 0;
    if (c->len[k] + n > c->size) {
        c->overflow = 1;
        return;
    }
    memcpy(c->buf[k] + c->len[k], s, n);
    c->len[k] += n;
}

static void err_printf(cap_t *c, const char *fmt, const char *a, unsigned long pc, const char *b,
                       unsigned long ctx)
{
    char line[256];
    int n = snprintf(line, sizeof line, fmt, a, pc, b, ctx);
    if (n > 0)
        capture(c, 2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* The exit status sensevm-run gives st, with its stderr lines for a trap. */
static int finish(svm_vm_t *vm, svm_status_t st, cap_t *c)
{
    switch (st) {
    case SVM_HALTED: return 0;
    case SVM_EXITED: return vm->exit_code & 255;
    case SVM_TRAPPED:
        if (vm->trap.code == SVM_TRAP_uncaught_exception) {
            char buf[256];
            svm_format_exn(vm, vm->trap.value, buf, sizeof buf);
            capture(c, 2, "Fatal error: exception ", 23);
            capture(c, 2, buf, strlen(buf));
            capture(c, 2, "\n", 1);
        } else {
            const char *mn = svbc_op_name(vm->trap.opcode);
            err_printf(c, "sensevm-run: IMAGE: trap: %s at pc 0x%lx (%s) in context %lu\n",
                       svm_trap_message(vm->trap.code), (unsigned long)vm->trap.pc, mn ? mn : "?",
                       (unsigned long)vm->trap.context);
        }
        return 2;
    default: return 2;
    }
}

/* Run one program as sensevm-run does; returns the exit status, -1 if it does not fit the
 * pools (*need = the bytes it would need), -2 if it cannot be installed or started. */
static int run(const golden_board_t *b, const golden_prog_t *g, cap_t *c, unsigned long *need)
{
    static svm_vm_t vm;
    static svm_context_t ctx;
    static svl_boot_t
        bt; /* static, as vm and ctx: 368 bytes off the C stack (3 KB on the micro:bit) */
    *need = 0;
    /* the validator's work memory (12 bytes per block start, loader.h) is the heap pool,
     * idle until the program runs: a 16 KB board has no 4 KB to spare for it */
    uint8_t *work = b->heap_pool;
    size_t wsize = b->heap_pool_size;
    if (svl_install(&b->flash, &b->slots, g->img, g->size, work, wsize, NULL) != SVL_INST_OK ||
        svl_boot_select(&b->flash, &b->slots, NULL, 0, work, wsize, &bt) != SVL_INST_OK)
        return -2;
    const svl_manifest_t *mf = &bt.image.manifest;
    uint32_t heap = g->heap ? g->heap : mf->heap_size;
    uint32_t stack = g->stack ? g->stack : mf->stack_size;
    if (!g->heap) /* the manifest's heap, or the pool if that is smaller */
        while (heap > 64u && svm_memory_size(heap, mf->globals) > b->heap_pool_size)
            heap -= 64u;
    if (!g->stack && stack > b->stack_pool_size - 4u * SVM_STACK_GUARD)
        stack = b->stack_pool_size - 4u * SVM_STACK_GUARD;
    uint32_t mem = svm_memory_size(heap, mf->globals);
    uint32_t words = stack / 4u + SVM_STACK_GUARD;
    if (mem > b->heap_pool_size || words > b->stack_pool_size / 4u) {
        *need = (unsigned long)mem + 4ul * words;
        return -1;
    }
    static const char *const argv[] = {"IMAGE", NULL};
    svm_config_t cfg = {.memory = b->heap_pool,
                        .memory_size = mem,
                        .heap_size = heap,
                        .write = capture,
                        .user = c,
                        .argc = 1,
                        .argv = argv};
    if (svm_vm_init(&vm, &bt.image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, b->stack_pool, words, mf->entry) != SVM_INIT_OK)
        return -2;
    svm_status_t st;
    do
        st = svm_run(&vm, &ctx, 1u << 30);
    while (st == SVM_FUEL);
    return finish(&vm, st, c);
}

int golden_main(const golden_board_t *b)
{
    static char msg[200];
    cap_t c = {{b->cap, b->cap + b->cap_size / 2u}, {0, 0}, b->cap_size / 2u, 0};
    tap_plan((int)golden_nprogs + 1);
    unsigned ran = 0;
    for (size_t i = 0; i < golden_nprogs; i++) {
        const golden_prog_t *g = &golden_progs[i];
        c.len[0] = c.len[1] = 0;
        c.overflow = 0;
        unsigned long need;
        int rc = run(b, g, &c, &need);
        if (rc == -1) {
            snprintf(msg, sizeof msg,
                     "%s # SKIP needs %lu bytes of heap + stack; the pools "
                     "have %lu",
                     g->name, need, (unsigned long)b->heap_pool_size + b->stack_pool_size);
            tap_ok(1, msg);
            continue;
        }
        ran++;
        int out_ok = c.len[0] == g->out_len && memcmp(c.buf[0], g->out, g->out_len) == 0;
        int err_ok = c.len[1] == g->err_len && memcmp(c.buf[1], g->err, g->err_len) == 0;
        snprintf(msg, sizeof msg, "%s: exit status %d (expected %d), stdout %s, stderr %s", g->name,
                 rc, g->rc, out_ok ? "same" : "DIFFERS", err_ok ? "same" : "DIFFERS");
        if (!tap_ok(rc == g->rc && out_ok && err_ok && !c.overflow, msg))
            printf("# stdout:\n%.*s# stderr:\n%.*s", (int)c.len[0], c.buf[0], (int)c.len[1],
                   c.buf[1]);
    }
    snprintf(msg, sizeof msg, "%u of %u golden programs ran on %s (at least %u must)", ran,
             (unsigned)golden_nprogs, b->name, b->min_ran);
    tap_ok(ran >= b->min_ran, msg);
    return tap_done();
}
