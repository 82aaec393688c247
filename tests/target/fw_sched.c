/* SPDX-License-Identifier: MIT
 * fw_sched.c — scheduler tests of the containers issue on the target, through the
 * Cortex-M port (programs from tests/sched/progs/, C arrays made at build time):
 *   button -> LED: scheduled button changes raise the button interrupt; the handler's event
 *     reaches the container's dev_event, which copies it to led0 (latency measured);
 *   isolation: `divzero` faults (uncaught Division_by_zero) while `checksum` prints the
 *     same five numbers as on the desktop;
 *   pre-emption: `hi` (priority 200, every 10 ms) keeps its period (within 20 ms: QEMU runs
 *     in host time on a shared machine; typically +-1..3 ms) while `lo` (priority 1) runs a
 *     10-million-iteration loop that never yields (about 3 s under QEMU).
 * Each container: 16 KB heap, 2 KB stack per context (48 KB with its 8 context slots; a
 * 128 KB board runs two).
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/vmsched.h>

#include "fw_install.h"
#include <sensevm/cortexm/svm_cortexm.h>
#include "tap.h"

extern const uint8_t button_svm[], divzero_svm[], checksum_svm[], hi_svm[], lo_svm[];
extern const size_t button_svm_size, divzero_svm_size, checksum_svm_size, hi_svm_size, lo_svm_size;

#define MS 1000000ull
#define HEAP (16u * 1024u)
#define STACK (2u * 1024u)

static svm_cm_t port;
static svm_hal_t hal; /* port.hal with a bounded sleep */
static uint64_t deadline;
static svm_sched_t sched;
static svm_box_t box[2];
static svl_boot_t boot[2];
static uint8_t pool[2][48 * 1024] __attribute__((aligned(8)));
static uint8_t xmem[512] __attribute__((aligned(8)));
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */

typedef struct out {
    char buf[512];
    size_t len;
} out_t;
static out_t outs[2];

static void capture(void *user, int stream, const char *s, size_t n)
{
    out_t *o = user;
    (void)stream;
    if (o->len + n <= sizeof o->buf) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    }
}

/* The scheduler sleeps until a wake-up or an event; never past the test's deadline. */
static int bounded_sleep(void *p, uint64_t t)
{
    return port.hal.sleep_until(p, t < deadline ? t : deadline);
}

/* Install, boot-select and add n containers; run until all finish or `ms` have passed.
 * Returns the last step result, or -1 on a setup failure. */
static int run(const uint8_t *const *blobs, const size_t *sizes, unsigned n, uint64_t ms)
{
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&sched, &hal, &ops, &scfg);
    svl_flash_t f = fw_flash();
    for (unsigned k = 0; k < n; k++) {
        svl_slots_t sl = fw_slots(k);
        for (uint32_t p = 0; p < 2 * sl.npages; p++)
            f.erase(f.ctx, sl.first_page[0] + p);
        outs[k].len = 0;
        svm_config_t vcfg = {.write = capture, .user = &outs[k], .container_id = k};
        if (svl_install(&f, &sl, blobs[k], sizes[k], work, sizeof work, NULL) != SVL_INST_OK ||
            svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &boot[k]) != SVL_INST_OK ||
            svm_box_mem_size(&boot[k].image, HEAP, STACK) > sizeof pool[k] ||
            svm_box_init(&box[k], &boot[k].image, &vcfg, HEAP, STACK, pool[k], sizeof pool[k]) != 0)
            return -1;
        svm_sched_err_t se;
        if (svm_sched_add(&sched, &box[k].c, &se) != 0)
            return -1;
    }
    svm_sched_err_t se;
    if (svm_sched_xchan_mem_size(&sched) > sizeof xmem ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0)
        return -1;
    deadline = svm_cm_now_ns() + ms * MS;
    int res;
    do
        res = svm_sched_step(&sched);
    while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK && svm_cm_now_ns() < deadline);
    return res;
}

/* Finished normally: every context halted (the glue may report it as an exit with 0). */
static int finished_ok(const svm_container_t *c)
{
    return c->state == SVM_K_DONE || (c->state == SVM_K_EXITED && c->exit_status == 0);
}

static void test_button(void)
{
    char msg[160];
    const uint8_t *b[1] = {button_svm};
    const size_t s[1] = {button_svm_size};
    uint64_t t0 = svm_cm_now_ns();
    /* pressed for 50 ms, then a 20 ms tap (the desktop test's script, 10x faster) */
    static const uint32_t at[4] = {150, 200, 300, 320};
    for (unsigned i = 0; i < 4; i++)
        svm_cm_button_at(t0 + at[i] * MS, !(i & 1));
    port.ndevlog = 0;
    int res = run(b, s, 1, 450);
    int ok = res >= 0 && port.ndevlog == 4;
    uint64_t worst = 0;
    for (unsigned i = 0; ok && i < 4; i++) {
        const svm_cm_devlog_t *d = &port.devlog[i];
        uint64_t due = t0 + at[i] * MS;
        ok = d->dev == SVM_CM_LED0 && d->value == !(i & 1) && d->t >= due && d->t < due + 50 * MS;
        if (d->t >= due && d->t - due > worst)
            worst = d->t - due;
    }
    snprintf(msg, sizeof msg,
             "button -> interrupt -> event -> container -> led0: %lu changes, on/off/on/off, "
             "worst latency %lu us",
             (unsigned long)port.ndevlog, (unsigned long)(worst / 1000u));
    tap_ok(ok, msg);
}

static void test_isolation(void)
{
    const uint8_t *b[2] = {divzero_svm, checksum_svm};
    const size_t s[2] = {divzero_svm_size, checksum_svm_size};
    int res = run(b, s, 2, 5000);
    static const char want[] = "667472\n139106\n487175\n738116\n933429\n";
    tap_ok(res == SVM_STEP_FINISHED && box[0].c.state == SVM_K_STOPPED &&
               box[0].c.fault.reason == SVM_TRAP_uncaught_exception,
           "isolation: divzero stops with an uncaught exception");
    tap_ok(finished_ok(&box[1].c) && outs[1].len == sizeof want - 1 &&
               memcmp(outs[1].buf, want, sizeof want - 1) == 0,
           "isolation: checksum is unaffected and prints what it prints on the desktop");
}

static void test_preemption(void)
{
    char msg[200];
    const uint8_t *b[2] = {hi_svm, lo_svm};
    const size_t s[2] = {hi_svm_size, lo_svm_size};
    uint64_t t0 = svm_cm_now_ns();
    int res = run(b, s, 2, 30000);
    uint64_t took = svm_cm_now_ns() - t0;
    /* hi prints "hi <ms>\n" five times, 10 ms apart on its logical baseline */
    long prev = -1, worst = 0;
    int lines = 0,
        ok = res == SVM_STEP_FINISHED && finished_ok(&box[0].c) && finished_ok(&box[1].c);
    const char *p = outs[0].buf, *end = outs[0].buf + outs[0].len;
    while (ok && p < end) {
        long v;
        int n;
        if (sscanf(p, "hi %ld\n%n", &v, &n) != 1) {
            ok = 0;
            break;
        }
        if (prev >= 0 && (v - prev - 10 > worst || prev + 10 - v > worst))
            worst = v - prev - 10 > 0 ? v - prev - 10 : prev + 10 - v;
        prev = v;
        lines++;
        p += n;
    }
    snprintf(msg, sizeof msg,
             "pre-emption: hi printed %d times, period 10 ms +- %ld ms, while lo's busy loop "
             "ran (all done in %lu ms)",
             lines, worst, (unsigned long)(took / MS));
    tap_ok(ok && lines == 5 && worst <= 20 && outs[1].len == 8 &&
               memcmp(outs[1].buf, "lo done\n", 8) == 0,
           msg);
}

int main(void)
{
    svm_cm_init(&port);
    hal = port.hal;
    hal.sleep_until = bounded_sleep;
    tap_plan(4);
    test_button();
    test_isolation();
    test_preemption();
    return tap_done();
}
