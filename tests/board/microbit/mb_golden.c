/* SPDX-License-Identifier: MIT
 * mb_golden.c — the runtime's golden programs that fit the micro:bit, run as sensevm-run
 * runs them (tests/target/golden/golden_progs.c, the programs and the desktop's stdout,
 * stderr and exit status): each image is installed into a flash slot through the NVMC,
 * boot-selected and run in place by the interpreter compiled for ARMv6-M, in the board's
 * container RAM: a heap pool of HEAP_POOL and a stack pool of STACK_POOL bytes. A program
 * whose heap or stack override does not fit is skipped (TAP SKIP, with its needs); one with
 * the manifest's sizes gets min(manifest, pool): its output must still be the desktop's.
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vm.h>

#include "../../target/golden/golden.h"
#include "../../target/tap.h"
#include "svm_nrf51_fw.h"

#define HEAP_POOL (6u * 1024u)
#define STACK_POOL 1536u
static uint8_t heap_pool[HEAP_POOL] __attribute__((aligned(8)));
static uint32_t stack_pool[STACK_POOL / 4u];
static svm_nrf51_t port;

typedef struct cap {
    char buf[2][640];
    size_t len[2];
    int overflow;
} cap_t;

static void capture(void *user, int stream, const char *s, size_t n)
{
    cap_t *c = user;
    int k = stream == 2 ? 1 : 0;
    if (c->len[k] + n > sizeof c->buf[k]) {
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

/* Run one program as sensevm-run does; returns the exit status, or -1 if it does not fit
 * (*need = the bytes it would need). */
static int run(const golden_prog_t *g, cap_t *c, unsigned long *need)
{
    static svm_vm_t vm;
    static svm_context_t ctx;
    svl_flash_t f = svm_nrf51_flash_svl(&port.flash);
    svl_slots_t sl = svm_nrf51_slots(0);
    svl_boot_t bt;
    *need = 0;
    /* the validator's scratch is the heap pool, idle until the program runs (its stack
     * check needs 12 bytes per block start: arith has 33) */
    if (svl_install(&f, &sl, g->img, g->size, heap_pool, sizeof heap_pool, NULL) != SVL_INST_OK ||
        svl_boot_select(&f, &sl, NULL, 0, heap_pool, sizeof heap_pool, &bt) != SVL_INST_OK)
        return -2;
    const svl_manifest_t *mf = &bt.image.manifest;
    uint32_t heap = g->heap ? g->heap : mf->heap_size;
    uint32_t stack = g->stack ? g->stack : mf->stack_size;
    if (!g->heap) /* the manifest's heap, or the pool if that is smaller */
        while (heap > 64u && svm_memory_size(heap, mf->globals) > HEAP_POOL)
            heap -= 64u;
    if (!g->stack && stack > STACK_POOL - 4u * SVM_STACK_GUARD)
        stack = STACK_POOL - 4u * SVM_STACK_GUARD;
    uint32_t mem = svm_memory_size(heap, mf->globals);
    uint32_t words = stack / 4u + SVM_STACK_GUARD;
    if (mem > HEAP_POOL || words > STACK_POOL / 4u) {
        *need = (unsigned long)mem + 4ul * words;
        return -1;
    }
    static const char *const argv[] = {"IMAGE", NULL};
    svm_config_t cfg = {.memory = heap_pool, .memory_size = mem, .heap_size = heap,
                        .write = capture, .user = c, .argc = 1, .argv = argv};
    if (svm_vm_init(&vm, &bt.image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stack_pool, words, mf->entry) != SVM_INIT_OK)
        return -1;
    svm_status_t st;
    do
        st = svm_run(&vm, &ctx, 1u << 30);
    while (st == SVM_FUEL);
    switch (st) {
    case SVM_HALTED:
        return 0;
    case SVM_EXITED:
        return vm.exit_code & 255;
    case SVM_TRAPPED:
        if (vm.trap.code == SVM_TRAP_uncaught_exception) {
            char buf[256];
            svm_format_exn(&vm, vm.trap.value, buf, sizeof buf);
            capture(c, 2, "Fatal error: exception ", 23);
            capture(c, 2, buf, strlen(buf));
            capture(c, 2, "\n", 1);
        } else {
            const char *mn = svbc_op_name(vm.trap.opcode);
            err_printf(c, "sensevm-run: IMAGE: trap: %s at pc 0x%lx (%s) in context %lu\n",
                       svm_trap_message(vm.trap.code), (unsigned long)vm.trap.pc,
                       mn ? mn : "?", (unsigned long)vm.trap.context);
        }
        return 2;
    default:
        return 2;
    }
}

int main(void)
{
    static cap_t c;
    char msg[200];
    svm_nrf51_init(&port);
    tap_plan((int)golden_nprogs);
    unsigned ran = 0;
    for (size_t i = 0; i < golden_nprogs; i++) {
        const golden_prog_t *g = &golden_progs[i];
        memset(&c, 0, sizeof c);
        unsigned long need;
        int rc = run(g, &c, &need);
        if (rc == -1) {
            snprintf(msg, sizeof msg, "%s # SKIP needs %lu bytes of heap + stack; the pools "
                     "have %u", g->name, need, HEAP_POOL + STACK_POOL);
            tap_ok(1, msg);
            continue;
        }
        ran++;
        int out_ok = c.len[0] == g->out_len && memcmp(c.buf[0], g->out, g->out_len) == 0;
        int err_ok = c.len[1] == g->err_len && memcmp(c.buf[1], g->err, g->err_len) == 0;
        snprintf(msg, sizeof msg, "%s: exit status %d (expected %d), stdout %s, stderr %s",
                 g->name, rc, g->rc, out_ok ? "same" : "DIFFERS", err_ok ? "same" : "DIFFERS");
        if (!tap_ok(rc == g->rc && out_ok && err_ok && !c.overflow, msg)) {
            printf("# stdout:\n%.*s# stderr:\n%.*s", (int)c.len[0], c.buf[0], (int)c.len[1],
                   c.buf[1]);
        }
    }
    printf("# %u of %u golden programs ran on the micro:bit\n", ran, (unsigned)golden_nprogs);
    return tap_done();
}
