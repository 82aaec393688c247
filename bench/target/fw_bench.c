/* SPDX-License-Identifier: MIT
 * fw_bench.c — Sense-VM on the Cortex-M4 board for bench/target/run.sh: runs the image that
 * QEMU's `-device loader` put in the image inbox (0x00300000) the way a board does — install
 * into a flash slot, boot-select (validate), then the container scheduler with the
 * Cortex-M port's HAL (SysTick time, interrupts) runs it as one container until it finishes,
 * as sensevm-run does on the desktop. bench_start()/bench_stop() bracket the run (not the
 * install and validation), for the instruction-counting QEMU plugin (insncount.c).
 * The container gets BENCH_HEAP bytes of heap (both semispaces) and BENCH_STACK bytes of
 * stack per context. Prints the program's output, then one line of GC figures on stderr;
 * exit status 0 when the program finished normally.
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vmsched.h>

#include <sensevm/cortexm/cm_board.h>
#include "fw_install.h"
#include <sensevm/cortexm/svm_cortexm.h>

#define BENCH_HEAP (64u * 1024u)
#define BENCH_STACK (4u * 1024u)

__attribute__((noinline)) void bench_start(void) { __asm volatile("" ::: "memory"); }
__attribute__((noinline)) void bench_stop(void) { __asm volatile("" ::: "memory"); }

static svm_cm_t port;
static svm_sched_t sched;
static svm_box_t box;
static svl_boot_t boot;
static uint8_t pool[128 * 1024] __attribute__((aligned(8)));
static uint8_t xmem[512] __attribute__((aligned(8)));
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */

static void out(void *user, int stream, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stream == 2 ? stderr : stdout);
}

static int fail(const char *what)
{
    fprintf(stderr, "fw_bench: %s\n", what);
    return 1;
}

int main(void)
{
    const uint8_t *inbox = (const uint8_t *)(uintptr_t)SVM_CM_INBOX;
    uint32_t len = (uint32_t)svbc_read_i32(inbox + SVIMG_OFF_SIZE);
    if (memcmp(inbox, SVIMG_MAGIC, 4) != 0 || len > SVM_CM_INBOX_SIZE)
        return fail("no image in the inbox (-device loader,file=P.svm,addr=0x00300000)");
    svm_cm_init(&port);
    svl_flash_t f = fw_flash();
    svl_slots_t sl = fw_slots(0);
    if (svl_install(&f, &sl, inbox, len, work, sizeof work, NULL) != SVL_INST_OK ||
        svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &boot) != SVL_INST_OK)
        return fail("the image does not install");
    if (svm_box_mem_size(&boot.image, BENCH_HEAP, BENCH_STACK) > sizeof pool)
        return fail("the container does not fit its memory pool");
    svm_config_t vcfg = {.write = out};
    if (svm_box_init(&box, &boot.image, &vcfg, BENCH_HEAP, BENCH_STACK, pool, sizeof pool) != 0)
        return fail("svm_box_init failed");
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&sched, &port.hal, &ops, &scfg);
    svm_sched_err_t se;
    if (svm_sched_add(&sched, &box.c, &se) != 0 || svm_sched_xchan_mem_size(&sched) > sizeof xmem ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0)
        return fail("the scheduler refuses the container");
    int res;
    bench_start();
    do
        res = svm_sched_step(&sched);
    while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK);
    bench_stop();
    svm_gc_stats_t gs;
    svm_get_gc_stats(&box.vm, &gs);
    fprintf(stderr,
            "fw_bench: heap %u bytes (two semispaces), %lu collections, live high-water %lu "
            "bytes, longest pause %lu words\n",
            BENCH_HEAP, (unsigned long)gs.collections, (unsigned long)gs.live_hwm,
            (unsigned long)gs.longest_pause);
    int ok = box.c.state == SVM_K_DONE || (box.c.state == SVM_K_EXITED && box.c.exit_status == 0);
    return ok ? 0 : fail("the program did not finish normally");
}
