/* SPDX-License-Identifier: MIT
 * fw_latency.c — interrupt-to-container latency on the Cortex-M4 board, for
 * bench/target/run.py (which counts guest instructions between the marks below with the
 * insncount plugin, under -icount). The images come through the image inbox (QEMU
 * `-device loader`): tests/sched/progs/button.s linked with priority 200 as "lat_hi"
 * (waits for button0, copies each level to led0) at 0x00300000; lat_lo.s (priority 1: a
 * loop that never yields, or a slice-buster: run.py --lat-lo) at 0x00340000, and again
 * with a slice budget of 1000 (senseasm --fuel 1000) at 0x00380000; lat_tick (priority
 * 200, periodic: run.py makes it from tests/sched/progs/blinky.s) at 0x003c0000.
 *
 * The interrupt: the CMSDK APB timer 0 of the MPS2 board (IRQ 8), armed for a pseudo-random
 * 40k..640k instructions ahead each time, so that it lands at any point of the scheduler,
 * the interpreter or the low container's slice. Its handler lat_irq stands in for a device
 * driver's: it acknowledges the timer and sets the button level with svm_cm_button (which
 * pends the port's button line; the port's handler pushes the event into the scheduler's
 * queue). Marks (the plugin prints the instruction count when each is reached):
 *   lat_irq     the first instruction of the interrupt handler
 *   button_isr  the port's button handler (tail-chained), which pushes the event
 *   lat_resume  the scheduler calls run_ctx for the high container (the woken context is
 *               handed to the interpreter; its first bytecode runs next, after the glue
 *               restores its registers)
 *   lat_led     the woken context's dev_write(led0) reaches the HAL (four bytecodes after
 *               its ev_sync returns)
 * Case "idle": lat_hi alone (the scheduler sleeps in `wfi` between events); case "busy":
 * lat_hi and lat_lo (the interrupt comes while the low container runs, with the default
 * slice budget, 10000); case "busy-fuel1000": the same with lat_lo's budget 1000; case
 * "busy-cut": as "busy" with the scheduler's interrupt cut (svm_sched_cfg_t.cut = LAT_CUT
 * units: the button event ends the low slice at its next cut point), "busy-cut128" with
 * chunks of 128 (the targets' default). Each prints "case NAME N" and then takes N
 * interrupts. Then run_load (the cut's cost to the load) and run_tick (the cut's timer
 * half: lat_tick at 0x003c0000, a container on 2 ms deadlines), below. Exit status 0
 * when all were handled.
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vmsched.h>

#include <sensevm/cortexm/cm_board.h>
#include "fw_install.h"
#include <sensevm/cortexm/svm_cortexm.h>

#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define TIMER0_CTRL REG(0x40000000u)
#define TIMER0_VALUE REG(0x40000004u)
#define TIMER0_RELOAD REG(0x40000008u)
#define TIMER0_INTCLEAR REG(0x4000000cu)
#define TIMER0_IRQ 8u
#define SCB_VTOR REG(0xe000ed08u)
#define NVIC_ISER0 REG(0xe000e100u)
#define NVIC_IPR(n) (*(volatile uint8_t *)(uintptr_t)(0xe000e400u + (n)))

#define N_IRQ 40u
#ifndef LAT_CUT
#define LAT_CUT 32u /* the interrupt cut's chunk in case busy-cut (units) */
#endif
#define HEAP (16u * 1024u)
#define STACK (2u * 1024u)
#define LO_IMAGE(i) (SVM_CM_INBOX + 0x40000u * (i))

static svm_cm_t port;
static svm_hal_t hal; /* port.hal with the dev_write mark */
static svm_sched_t sched;
/* The containers of a case: lat_hi, then the load */
static struct box_mem {
    uint8_t pool[48 * 1024] __attribute__((aligned(8)));
    svm_box_t box;
    svl_boot_t boot;
} cont[2];
static uint8_t xmem[512] __attribute__((aligned(8)));
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */
static volatile uint32_t nirq, nled;
static uint32_t rnd = 12345u;

__attribute__((noinline)) void lat_resume(void) { __asm volatile("" ::: "memory"); }
__attribute__((noinline)) void lat_led(void) { __asm volatile("" ::: "memory"); }

/* Timer 0 at 25 MHz: 1 tick = 40 ns = 40 instructions under -icount shift=0. */
static void arm_timer(void)
{
    rnd = rnd * 1103515245u + 12345u;
    TIMER0_CTRL = 0;
    TIMER0_RELOAD = 1000u + (rnd >> 16) % 15000u;
    TIMER0_VALUE = TIMER0_RELOAD;
    TIMER0_CTRL = 9u; /* enable, interrupt enable */
}

void lat_irq(void)
{
    TIMER0_CTRL = 0;
    TIMER0_INTCLEAR = 1;
    nirq++;
    svm_cm_button((int)(nirq & 1u));
}

/* The tick cases: lat_tick's led0 writes are counted, no timer 0 interrupt is armed. */
#define TICK_N 21u
static uint32_t tick_case;

static int dev_write_mark(void *p, uint16_t dev, int32_t value)
{
    if (dev == SVM_CM_LED0 && tick_case) {
        nled++;
    } else if (dev == SVM_CM_LED0) {
        lat_led();
        if (++nled < N_IRQ)
            arm_timer();
    }
    return port.hal.dev_write(p, dev, value);
}

static svm_ctx_status_t run_ctx_mark(void *user, svm_container_t *c, svm_ctx_t *x, uint32_t fuel,
                                     uint32_t *used)
{
    if (c == &cont[0].box.c)
        lat_resume();
    return svm_box_run_ctx(user, c, x, fuel, used);
}

static int fail(unsigned k, const char *what, int code)
{
    fprintf(stderr, "fw_latency: image %u: %s %d\n", k, what, code);
    return -1;
}

static int setup(unsigned k, const uint8_t *img)
{
    uint32_t len = (uint32_t)svbc_read_i32(img + SVIMG_OFF_SIZE);
    svl_flash_t f = fw_flash();
    svl_slots_t sl = fw_slots(k);
    svm_config_t vcfg = {.container_id = k};
    svm_sched_err_t se;
    if (memcmp(img, SVIMG_MAGIC, 4) != 0 || len > 0x40000u)
        return fail(k, "no image in the inbox", 0);
    for (uint32_t p = 0; p < 2 * sl.npages; p++)
        f.erase(f.ctx, sl.first_page[0] + p);
    if (svl_install(&f, &sl, img, len, work, sizeof work, NULL) != SVL_INST_OK ||
        svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &cont[k].boot) != SVL_INST_OK)
        return fail(k, "the image does not install", 0);
    if (svm_box_mem_size(&cont[k].boot.image, HEAP, STACK) > sizeof cont[k].pool ||
        svm_box_init(&cont[k].box, &cont[k].boot.image, &vcfg, HEAP, STACK, cont[k].pool,
                     sizeof cont[k].pool) != 0)
        return fail(k, "the container does not fit its pool", 0);
    if (svm_sched_add(&sched, &cont[k].box.c, &se) != 0)
        return fail(k, "the scheduler refuses it, error", se.code);
    return 0;
}

/* One case: lat_hi, and the lo image at LO_IMAGE(lo) if lo > 0; N_IRQ interrupts; cut:
 * the scheduler's interrupt cut (svm_sched_cfg_t.cut, units; 0: off). */
static int run_case(const char *name, unsigned lo, uint32_t cut)
{
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    scfg.cut = cut;
    svm_sched_ops_t ops = {NULL, run_ctx_mark, svm_box_restart, NULL};
    svm_sched_init(&sched, &hal, &ops, &scfg);
    if (setup(0, (const uint8_t *)(uintptr_t)SVM_CM_INBOX) != 0 ||
        (lo > 0 && setup(1, (const uint8_t *)(uintptr_t)LO_IMAGE(lo)) != 0))
        return -1;
    svm_sched_err_t se;
    if (svm_sched_xchan_mem_size(&sched) > sizeof xmem ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0)
        return -1;
    printf("case %s %u\n", name, N_IRQ);
    nirq = nled = 0;
    rnd = 12345u; /* every case: the same interrupt times */
    arm_timer();
    while (nled < N_IRQ) {
        int res = svm_sched_step(&sched);
        if (res == SVM_STEP_FINISHED || res == SVM_STEP_STUCK)
            return -1;
    }
    /* the load's progress meanwhile (what the cut costs it: compare busy and busy-cut) */
    printf("load %s %lu units\n", name, lo > 0 ? (unsigned long)cont[1].box.c.stats.insns : 0ul);
    return nirq == N_IRQ ? 0 : -1;
}

/* What the cut costs the load: lat_hi (waiting, no interrupt comes) and lat_lo for 40 ms of
 * guest time (-icount shift=0: 40 M instructions), with the cut off and on; prints the
 * load's units. */
static int run_load(const char *name, uint32_t cut)
{
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    scfg.cut = cut;
    svm_sched_ops_t ops = {NULL, run_ctx_mark, svm_box_restart, NULL};
    svm_sched_init(&sched, &hal, &ops, &scfg);
    svm_sched_err_t se;
    if (setup(0, (const uint8_t *)(uintptr_t)SVM_CM_INBOX) != 0 ||
        setup(1, (const uint8_t *)(uintptr_t)LO_IMAGE(1)) != 0 ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0)
        return -1;
    uint64_t end = svm_cm_now_ns() + 40000000u;
    while (svm_cm_now_ns() < end)
        if (svm_sched_step(&sched) != SVM_STEP_RAN)
            return -1;
    printf("load %s %lu units\n", name, (unsigned long)cont[1].box.c.stats.insns);
    return 0;
}

/* The timer half: lat_tick (priority 200, led0 on deadlines every 2 ms, at LO_IMAGE(3))
 * alone or above lat_lo, with the cut `cut`, for TICK_N writes. run.py counts the guest
 * instructions from the SysTick handler (1 ms; it calls svm_cut_tick) to each resumption of
 * lat_tick (lat_resume): the clock's reading has the tick's resolution under QEMU, so the
 * instructions tell how late the container runs after its deadline's tick. */
static int run_tick(const char *name, unsigned lo, uint32_t cut)
{
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    scfg.cut = cut;
    svm_sched_ops_t ops = {NULL, run_ctx_mark, svm_box_restart, NULL};
    svm_sched_init(&sched, &hal, &ops, &scfg);
    svm_sched_err_t se;
    if (setup(0, (const uint8_t *)(uintptr_t)LO_IMAGE(3)) != 0 ||
        (lo > 0 && setup(1, (const uint8_t *)(uintptr_t)LO_IMAGE(lo)) != 0) ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0)
        return -1;
    printf("tick %s %u\n", name, TICK_N);
    tick_case = 1;
    nled = 0;
    while (nled < TICK_N)
        if (svm_sched_step(&sched) == SVM_STEP_STUCK)
            return -1;
    tick_case = 0;
    return 0;
}

int main(void)
{
    svm_cm_init(&port);
    hal = port.hal;
    hal.dev_write = dev_write_mark;
    /* timer 0's interrupt at the device lines' priority, into the port's RAM vector table */
    ((volatile uint32_t *)(uintptr_t)SCB_VTOR)[16 + TIMER0_IRQ] = (uint32_t)(uintptr_t)lat_irq;
    NVIC_IPR(TIMER0_IRQ) = NVIC_IPR(SVM_CM_IRQ_BUTTON);
    NVIC_ISER0 = 1u << TIMER0_IRQ;
    if (run_case("idle", 0, 0) != 0 || run_case("busy", 1, 0) != 0 ||
        run_case("busy-fuel1000", 2, 0) != 0 || run_case("busy-cut", 1, LAT_CUT) != 0 ||
        run_case("busy-cut128", 1, 128) != 0 || run_load("40ms", 0) != 0 ||
        run_load("40ms-cut", LAT_CUT) != 0 || run_load("40ms-cut128", 128) != 0 ||
        run_tick("idle", 0, 0) != 0 || run_tick("busy", 1, 0) != 0 ||
        run_tick("busy-cut128", 1, 128) != 0) {
        fprintf(stderr, "fw_latency: a case failed (%lu interrupts, %lu led writes)\n",
                (unsigned long)nirq, (unsigned long)nled);
        return 1;
    }
    return 0;
}
