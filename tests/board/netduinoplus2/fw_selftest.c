/* SPDX-License-Identifier: MIT
 * fw_selftest.c — on-QEMU tests of the STM32F4 port (runtime/port/stm32f4/) on
 * netduinoplus2, printing TAP on the console USART (the exe_wrapper's -serial stdio):
 *   the clock (no RCC in QEMU: the board's qemu_clock_hz), the SysTick time base against
 *   QEMU's virtual clock (run with -icount: 1 instruction = 1 ns), `wfi` sleep, the
 *   button's interrupt -> event (EXTI15_10's vector), LED writes, the flash driver over the
 *   flash interface model in RAM (install into the other slot and boot from it; a corrupt
 *   image refused without a flash write while the old slot keeps running), an image
 *   claiming a device the board lacks refused at load, and two containers with priorities:
 *   a fault in the low one leaves the other's output intact; a busy low one cannot delay
 *   the high one's period.
 * Programs: tests/target/images/hello.s and tests/sched/progs/{divzero,checksum,hi,lo}.s
 * (C arrays made at build time: tests/target/images/meson.build).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vmsched.h>

#include <sensevm/stm32f4/st_flash_model.h>
#include <sensevm/stm32f4/svm_stm32f4.h>
#include "tap.h"

extern const uint8_t hello_svm[], divzero_svm[], checksum_svm[], hi_svm[], lo_svm[];
extern const size_t hello_svm_size, divzero_svm_size, checksum_svm_size, hi_svm_size, lo_svm_size;

#define MS 1000000ull

static svm_st_t port;
static svm_hal_t hal;
static uint64_t deadline;
static uint8_t work[256];

/* ---- flash: the driver over the model, four 4 KiB sectors in RAM ---- */
static uint8_t area[4 * 4096] __attribute__((aligned(8)));
static svm_st_sector_t sectors[4];
static svm_st_model_t model;
static svm_st_flash_t flash;

static void flash_setup(void)
{
    for (unsigned i = 0; i < 4; i++)
        sectors[i] = (svm_st_sector_t){(uint32_t)(uintptr_t)area + 4096u * i, 4096u};
    svm_st_model_init(&model, area, sectors, 4);
    svm_st_flash_init(&flash, &svm_st_model_bus, &model, sectors, 4, 0, 4);
}

/* ---- containers ---- */
typedef struct out {
    char buf[256];
    size_t len;
} out_t;
static out_t outs[2];
static svm_sched_t sched;
static svm_box_t box[2];
static uint8_t pool[2][40 * 1024] __attribute__((aligned(8)));
static uint8_t xmem[512] __attribute__((aligned(8)));

static void capture(void *user, int stream, const char *s, size_t n)
{
    out_t *o = user;
    (void)stream;
    if (o->len + n <= sizeof o->buf) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    }
}

static int bounded_sleep(void *p, uint64_t t)
{
    return port.hal.sleep_until(p, t < deadline ? t : deadline);
}

/* Set up the scheduler with n images (executing in place); 0, or a load error. */
static int load(const svl_image_t *const *imgs, unsigned n, svm_sched_err_t *se)
{
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&sched, &hal, &ops, &scfg);
    for (unsigned k = 0; k < n; k++) {
        outs[k].len = 0;
        svm_config_t vcfg = {.write = capture, .user = &outs[k], .container_id = k};
        if (svm_box_mem_size(imgs[k], 8192, 1024) > sizeof pool[k] ||
            svm_box_init(&box[k], imgs[k], &vcfg, 8192, 1024, pool[k], sizeof pool[k]) != 0)
            return -1;
        int rc = svm_sched_add(&sched, &box[k].c, se);
        if (rc != 0)
            return rc;
    }
    return svm_sched_link(&sched, xmem, sizeof xmem, se);
}

static int run(uint64_t ms)
{
    deadline = svm_st_now_ns() + ms * MS;
    int res;
    do
        res = svm_sched_step(&sched);
    while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK && svm_st_now_ns() < deadline);
    return res;
}

static int finished_ok(const svm_container_t *c)
{
    return c->state == SVM_K_DONE || (c->state == SVM_K_EXITED && c->exit_status == 0);
}

static int validate(const uint8_t *img, size_t len, svl_image_t *im)
{
    uint32_t off;
    return svl_validate_ex(img, len, work, sizeof work, im, &off) == SVL_OK;
}

/* ---- the tests ---- */

static void test_clock(void)
{
    char msg[128];
    snprintf(msg, sizeof msg,
             "clock: no RCC answers under QEMU: core clock %lu Hz "
             "(qemu_clock_hz)",
             (unsigned long)port.core_hz);
    tap_ok(port.emulated && !port.pll && port.core_hz == SVM_BOARD_QEMU_CLOCK_HZ, msg);
}

/* The SysTick time base against QEMU's virtual clock: the test runs under
 * `-icount shift=0,sleep=off`, where every instruction takes 1 ns of virtual time and an
 * idle CPU jumps to the next timer deadline. A loop of 2 x 50,000,000 instructions must
 * take 100 ms by SysTick, and a 200 ms sleep (wfi) 200 ms. */
static void test_timebase(void)
{
    char msg[160];
    uint64_t t0 = svm_st_now_ns();
    uint32_t n = 50000000u;
    __asm volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n)::"cc");
    uint64_t t1 = svm_st_now_ns();
    long busy_us = (long)((t1 - t0) / 1000u);
    snprintf(msg, sizeof msg,
             "time base: 100,000,000 instructions (100 ms of QEMU's virtual "
             "clock under -icount shift=0) took %ld us by SysTick",
             busy_us);
    tap_ok(busy_us >= 99900 && busy_us <= 100300, msg);
    uint32_t sleeps0 = port.sleeps;
    t0 = svm_st_now_ns();
    port.hal.sleep_until(&port, t0 + 200 * MS);
    t1 = svm_st_now_ns();
    long sleep_us = (long)((t1 - t0) / 1000u);
    snprintf(msg, sizeof msg, "sleep: a 200 ms sleep took %ld us in %lu wfi wake-ups", sleep_us,
             (unsigned long)(port.sleeps - sleeps0));
    tap_ok(sleep_us >= 200000 && sleep_us < 201100 && port.sleeps > sleeps0, msg);
}

static void test_button(void)
{
    static svm_hal_event_t buf[8];
    static svm_evq_t q;
    svm_evq_init(&q, buf, 8);
    port.hal.attach(&port, &q);
    uint64_t t = svm_st_now_ns();
    svm_st_button_inject(1);
    svm_st_button_inject(0);
    svm_hal_event_t a = {0}, b = {0};
    int n = svm_evq_pop(&q, &a) + svm_evq_pop(&q, &b);
    tap_ok(n == 2 && a.dev == SVM_BOARD_DEV_BUTTON0 && a.kind == SVM_EV_PRESS && a.value == 1 &&
               b.kind == SVM_EV_RELEASE && a.time_ns >= t && b.time_ns >= a.time_ns,
           "button0: EXTI15_10's handler queues press and release, in time order");
    port.hal.attach(&port, NULL);
}

static void test_led(void)
{
    int32_t v = -1;
    int ok = port.hal.dev_write(&port, SVM_BOARD_DEV_LED0, 1) == 0 &&
             port.hal.dev_read(&port, SVM_BOARD_DEV_LED0, &v) == 0 && v == 1 &&
             port.hal.dev_write(&port, SVM_BOARD_DEV_LED0, 2) == SVM_HAL_EINVAL &&
             port.hal.dev_write(&port, SVM_BOARD_NDEVS, 1) == SVM_HAL_ENODEV;
    tap_ok(ok, "led0: written through GPIOA_BSRR (QEMU: -d unimp shows it), read back");
}

static void test_install(void)
{
    char msg[160];
    static uint8_t bad[1024];
    svl_flash_t f = svm_st_flash_svl(&flash);
    svl_slots_t sl = {{0, 1}, 1};
    svl_install_info_t info;
    svl_boot_t bt;
    int ok =
        svl_install(&f, &sl, hello_svm, hello_svm_size, work, sizeof work, &info) == SVL_INST_OK &&
        info.slot == 0;
    ok = ok &&
         svl_install(&f, &sl, checksum_svm, checksum_svm_size, work, sizeof work, &info) ==
             SVL_INST_OK &&
         info.slot == 1;
    ok = ok && svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt) == SVL_INST_OK &&
         bt.slot == 1 && bt.size == checksum_svm_size;
    snprintf(msg, sizeof msg,
             "flash: hello installed into slot A, then checksum into slot B "
             "(%lu sector erases, %lu words programmed; locked: %d)",
             (unsigned long)model.nerase, (unsigned long)model.nprogram,
             (model.cr & ST_CR_LOCK) != 0);
    tap_ok(ok && (model.cr & ST_CR_LOCK) && model.violations == 0, msg);

    /* a corrupt copy of hello: refused, nothing written, slot B still boots and runs */
    memcpy(bad, hello_svm, hello_svm_size);
    bad[hello_svm_size / 2] ^= 0x20;
    uint32_t e = model.nerase, w = model.nprogram;
    svl_inst_result_t r = svl_install(&f, &sl, bad, hello_svm_size, work, sizeof work, &info);
    snprintf(msg, sizeof msg,
             "flash: a corrupt image is refused (installer %d, validator rule "
             "%d at byte %lu) without a flash operation",
             (int)r, (int)info.vres, (unsigned long)info.err_offset);
    tap_ok(r == SVL_INST_INVALID && info.vres == SVL_bad_crc && model.nerase == e &&
               model.nprogram == w,
           msg);
    ok = svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt) == SVL_INST_OK && bt.slot == 1;
    const svl_image_t *imgs[1] = {&bt.image};
    svm_sched_err_t se;
    ok = ok && load(imgs, 1, &se) == 0 && run(3000) == SVM_STEP_FINISHED && finished_ok(&box[0].c);
    static const char want[] = "667472\n139106\n487175\n738116\n933429\n";
    tap_ok(ok && outs[0].len == sizeof want - 1 && memcmp(outs[0].buf, want, outs[0].len) == 0,
           "flash: slot B keeps booting, and runs from the flash model in place");
}

static void test_unknown_device(void)
{
    char msg[300];
    static uint8_t img[1024] __attribute__((aligned(4)));
    static svl_image_t im;
    memcpy(img, hello_svm, hello_svm_size);
    /* claim "servo0", which the board lacks, and reseal (a well-formed image) */
    uint8_t *mf = NULL;
    for (uint32_t i = 0; i < svbc_read_u16(img + SVIMG_OFF_NSECT); i++) {
        const uint8_t *e = img + SVIMG_HEADER_SIZE + SVIMG_SECT_ENTRY_SIZE * i;
        if (svbc_read_i32(e) == SVIMG_SECT_MANIFEST)
            mf = img + svbc_read_i32(e + 4);
    }
    if (!mf) {
        tap_ok(0, "hello has a manifest section");
        return;
    }
    mf[SVMF_OFF_NDEVICES] = 1;
    memcpy(mf + SVMF_OFF_DEVICES, "servo0", 7);
    svimg_seal(img, (uint32_t)hello_svm_size);
    int valid = validate(img, hello_svm_size, &im);
    const svl_image_t *imgs[1] = {&im};
    svm_sched_err_t se;
    int rc = valid ? load(imgs, 1, &se) : 0;
    char why[SVIMG_NAME_MAX + 1] = "";
    if (rc)
        memcpy(why, se.name, SVIMG_NAME_MAX);
    snprintf(msg, sizeof msg,
             "an image claiming a device the board lacks is refused at load "
             "(error %d, device '%s')",
             rc, why);
    tap_ok(valid && rc == SVM_S_EDEVUNKNOWN && strcmp(why, "servo0") == 0, msg);
}

static void test_isolation(void)
{
    svl_image_t a, b;
    validate(divzero_svm, divzero_svm_size, &a);
    validate(checksum_svm, checksum_svm_size, &b);
    const svl_image_t *imgs[2] = {&a, &b};
    svm_sched_err_t se;
    int res = load(imgs, 2, &se) == 0 ? run(5000) : -1;
    static const char want[] = "667472\n139106\n487175\n738116\n933429\n";
    tap_ok(res == SVM_STEP_FINISHED && box[0].c.state == SVM_K_STOPPED &&
               box[0].c.fault.reason == SVM_TRAP_uncaught_exception,
           "two containers: divzero faults (uncaught Division_by_zero) and is stopped");
    tap_ok(finished_ok(&box[1].c) && outs[1].len == sizeof want - 1 &&
               memcmp(outs[1].buf, want, sizeof want - 1) == 0,
           "two containers: checksum is unaffected and prints what it prints on the desktop");
}

static void test_preemption(void)
{
    char msg[200];
    svl_image_t a, b;
    validate(hi_svm, hi_svm_size, &a);
    validate(lo_svm, lo_svm_size, &b);
    const svl_image_t *imgs[2] = {&a, &b};
    svm_sched_err_t se;
    int res = load(imgs, 2, &se) == 0 ? run(60000) : -1;
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
        long d = prev < 0 ? 0 : v - prev - 10;
        if (d < 0)
            d = -d;
        if (d > worst)
            worst = d;
        prev = v;
        lines++;
        p += n;
    }
    snprintf(msg, sizeof msg,
             "priorities: hi (200) printed %d times, period 10 ms +- %ld ms, "
             "while lo (1) ran a loop that never yields",
             lines, worst);
    tap_ok(ok && lines == 5 && worst <= 2 && outs[1].len == 8 &&
               memcmp(outs[1].buf, "lo done\n", 8) == 0,
           msg);
}

int main(void)
{
    svm_st_init(&port);
    hal = port.hal;
    hal.sleep_until = bounded_sleep;
    flash_setup();
    tap_plan(12);
    test_clock();
    test_timebase();
    test_button();
    test_led();
    test_install();
    test_unknown_device();
    test_isolation();
    test_preemption();
    exit(tap_done());
}
