/* SPDX-License-Identifier: MIT
 * mb_sched.c — the container scheduler on the micro:bit (16 KB of RAM), with the programs
 * of tests/sched/progs/ (one context each, C arrays made at build time), installed into the A/B
 * slots through the NVMC and booted by the firmware's library (svm_nrf51_fw.h) within the
 * board's container RAM (less 1 KB for the test's buffers), 2 KB of heap and 512 bytes of stack
 * each.
 * QEMU runs it with `-icount shift=6,sleep=off` (64 ns per instruction: the chip's speed
 * within 2.4%), so latencies and periods are those of a 16 MHz Cortex-M0 and repeatable:
 *   button -> LED: button A pressed and released through the GPIO pin: the GPIOTE handler's
 *     events reach the container's dev_event, which copies them to led0 (row 1 pin);
 *   priorities + a fault in the low one: `hi` (priority 200, every 10 ms) keeps its
 *     period while `divzero` (priority 5) faults (uncaught Division_by_zero) and stops;
 *   isolation: `divzero` faults while `checksum` prints what it prints on the desktop;
 *   pre-emption: `hi` keeps its period while `lo` (priority 1, progs/busy.s) runs a
 *     1-million-iteration loop that never yields.
 */
#include <stdio.h>
#include <string.h>

#include "../../target/tap.h"
#include "mb_images.h"
#include "mb_support.h"
#include <sensevm/nrf51/svm_nrf51_fw.h>

#define MS 1000000ull
#define HEAP 2048u
#define STACK 512u

static svm_nrf51_t port;
static svm_nrf51_fw_t fw;
static svm_hal_t hal; /* port.hal with a bounded sleep */
static uint64_t deadline;
/* the board's container RAM less 896 bytes: the test's own buffers (outputs, messages) */
static uint8_t pool[SVM_BOARD_CONTAINER_RAM - 896u] __attribute__((aligned(8)));
MB_OUT(out0, 128); /* (hi: 5 short lines; checksum: 35 bytes) */
MB_OUT(out1, 128);
MB_OUT(msgs, 256);
static mb_out_t *const outs[2] = {&out0, &out1};

static uint64_t next_poke = UINT64_MAX; /* the test's next stimulus */

static int bounded_sleep(void *p, uint64_t t)
{
    uint64_t until = t < deadline ? t : deadline;
    return port.hal.sleep_until(p, until < next_poke ? until : next_poke);
}

typedef void (*poke_fn)(uint64_t t0, uint64_t now);

/* Install n images into containers 0..n-1, boot them, run until all finish or `ms` have
 * passed (calling poke between steps). The last step result, or -1 on a setup failure. */
static int run(const uint8_t *const *imgs, const size_t *sizes, unsigned n, uint64_t ms,
               poke_fn poke)
{
    svm_nrf51_fw_init(&fw, &port, pool, sizeof pool);
    fw.sched.hal = &hal;
    fw.say = mb_say;
    fw.user = &msgs;
    msgs.len = 0;
    fw.write = mb_capture;
    svl_flash_t f = svm_nrf51_flash_svl(&port.flash);
    for (unsigned k = 0; k < n; k++) {
        svl_slots_t sl = svm_nrf51_slots(k);
        for (uint32_t p = 0; p < 2 * sl.npages; p++)
            f.erase(f.ctx, sl.first_page[0] + p);
        uint8_t work[256];
        outs[k]->len = 0;
        outs[k]->overflow = 0;
        fw.write_user[k] = outs[k];
        if (svl_install(&f, &sl, imgs[k], sizes[k], work, sizeof work, NULL) != SVL_INST_OK ||
            svm_nrf51_fw_boot(&fw, k, HEAP, STACK) != 0)
            return -1;
    }
    if (svm_nrf51_fw_link(&fw) != 0)
        return -1;
    uint64_t t0 = svm_nrf51_now_ns();
    deadline = t0 + ms * MS;
    int res;
    do {
        if (poke)
            poke(t0, svm_nrf51_now_ns());
        res = svm_sched_step(&fw.sched);
    } while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK && svm_nrf51_now_ns() < deadline);
    return res;
}

static int finished_ok(const svm_container_t *c)
{
    return c->state == SVM_K_DONE || (c->state == SVM_K_EXITED && c->exit_status == 0);
}

/* button A: pressed at 50 ms, released at 100 ms, pressed at 150, released at 170 */
static const uint32_t at[4] = {50, 100, 150, 170};
static unsigned next_change;
static uint64_t led_on_at[4];
static unsigned led_seen;
static int led_last;

static void poke_button(uint64_t t0, uint64_t now)
{
    if (next_change < 4 && now >= t0 + at[next_change] * MS) {
        svm_nrf51_button_stimulus(0, !(next_change & 1));
        next_change++;
    }
    next_poke = next_change < 4 ? t0 + at[next_change] * MS : t0 + 250 * MS;
    unsigned r, c;
    svm_nrf51_led_pins(0, &r, &c);
    int lit = svm_nrf51_pin_out(r) && !svm_nrf51_pin_out(c);
    if (lit != led_last && led_seen < 4) {
        led_on_at[led_seen++] = now - t0;
        led_last = lit;
    }
}

static void test_button(void)
{
    char msg[200];
    const uint8_t *b[1] = {mb_button_svm};
    const size_t s[1] = {mb_button_svm_size};
    next_change = led_seen = 0;
    led_last = 0;
    int res = run(b, s, 1, 300, poke_button);
    next_poke = UINT64_MAX;
    int ok = res >= 0 && led_seen == 4;
    uint64_t worst = 0;
    for (unsigned i = 0; ok && i < 4; i++) {
        uint64_t due = at[i] * MS;
        ok = led_on_at[i] >= due && led_on_at[i] < due + 2 * MS;
        if (led_on_at[i] >= due && led_on_at[i] - due > worst)
            worst = led_on_at[i] - due;
    }
    snprintf(msg, sizeof msg,
             "button A -> GPIOTE interrupt -> event -> container -> led0 pins: %u changes, "
             "on/off/on/off, worst latency %lu us",
             led_seen, (unsigned long)(worst / 1000u));
    tap_ok(ok, msg);
    printf("# %.*s", (int)msgs.len, msgs.buf);
}

/* hi prints "hi <ms>\n" five times 10 ms apart: the worst deviation, or -1 if malformed */
static long hi_jitter(const mb_out_t *o, int *lines)
{
    long prev = -1, worst = 0;
    const char *p = o->buf, *end = o->buf + o->len;
    *lines = 0;
    while (p < end) {
        long v;
        int n;
        if (sscanf(p, "hi %ld\n%n", &v, &n) != 1)
            return -1;
        long d = prev >= 0 ? v - prev - 10 : 0;
        if (d < 0)
            d = -d;
        if (d > worst)
            worst = d;
        prev = v;
        (*lines)++;
        p += n;
    }
    return worst;
}

static void test_fault_in_low(void)
{
    char msg[200];
    const uint8_t *b[2] = {mb_hi_svm, mb_divzero_svm};
    const size_t s[2] = {mb_hi_svm_size, mb_divzero_svm_size};
    int res = run(b, s, 2, 5000, NULL);
    int lines;
    long worst = hi_jitter(outs[0], &lines);
    snprintf(msg, sizeof msg,
             "priorities: hi (200) printed %d times, period 10 ms +- %ld ms, while divzero (5) "
             "faulted",
             lines, worst);
    tap_ok(res == SVM_STEP_FINISHED && finished_ok(&fw.box[0].c) && lines == 5 && worst >= 0 &&
               worst <= 1,
           msg);
    tap_ok(fw.box[1].c.state == SVM_K_STOPPED &&
               fw.box[1].c.fault.reason == SVM_TRAP_uncaught_exception,
           "the low container stopped with an uncaught exception (Division_by_zero)");
}

static void test_isolation(void)
{
    const uint8_t *b[2] = {mb_divzero_svm, mb_checksum_svm};
    const size_t s[2] = {mb_divzero_svm_size, mb_checksum_svm_size};
    int res = run(b, s, 2, 10000, NULL);
    static const char want[] = "667472\n139106\n487175\n738116\n933429\n";
    tap_ok(res == SVM_STEP_FINISHED && fw.box[0].c.state == SVM_K_STOPPED &&
               finished_ok(&fw.box[1].c) && outs[1]->len == sizeof want - 1 &&
               memcmp(outs[1]->buf, want, sizeof want - 1) == 0,
           "isolation: divzero stops, checksum prints what it prints on the desktop");
}

static void test_preemption(void)
{
    char msg[200];
    const uint8_t *b[2] = {mb_hi_svm, mb_lo_svm};
    const size_t s[2] = {mb_hi_svm_size, mb_lo_svm_size};
    uint64_t t0 = svm_nrf51_now_ns();
    int res = run(b, s, 2, 60000, NULL);
    uint64_t took = svm_nrf51_now_ns() - t0;
    int lines;
    long worst = hi_jitter(outs[0], &lines);
    snprintf(msg, sizeof msg,
             "pre-emption: hi printed %d times, period 10 ms +- %ld ms, while lo's busy loop "
             "ran (all done in %lu ms)",
             lines, worst, (unsigned long)(took / MS));
    tap_ok(res == SVM_STEP_FINISHED && finished_ok(&fw.box[0].c) && finished_ok(&fw.box[1].c) &&
               lines == 5 && worst >= 0 && worst <= 1 && outs[1]->len == 8 &&
               memcmp(outs[1]->buf, "lo done\n", 8) == 0,
           msg);
}

int main(void)
{
    mb_stack_paint();
    svm_nrf51_init(&port);
    hal = port.hal;
    hal.sleep_until = bounded_sleep;
    tap_plan(6);
    test_button();
    test_fault_in_low();
    test_isolation();
    test_preemption();
    char msg[100];
    unsigned size, used = mb_stack_used(&size);
    snprintf(msg, sizeof msg, "C stack high-water mark %u of %u bytes (at least 128 left)", used,
             size);
    tap_ok(used + 128u <= size, msg);
    return tap_done();
}
