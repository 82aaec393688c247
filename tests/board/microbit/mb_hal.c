/* SPDX-License-Identifier: MIT
 * mb_hal.c — the nRF51 HAL on QEMU's micro:bit (runtime/port/nrf51/), run with
 * `-icount shift=6,sleep=off`: QEMU's virtual clock then advances 64 ns per guest
 * instruction (15.6 MHz, the chip's 16 MHz within 2.4%) and jumps to the next timer deadline
 * while the guest sleeps, so time is exact and repeatable.
 *   time base: a loop of a known instruction count measured with TIMER0 against the
 *     virtual clock; sleep_until wakes on time (TIMER0 compare, `wfi`); the 32-bit
 *     counter's wrap (71.6 min) keeps time monotonic;
 *   display: pixel writes drive the matrix pins (row high, column low); two rows lit are
 *     multiplexed by TIMER1, one row is static;
 *   buttons: a level on the pin reaches the GPIOTE handler, which pushes PRESS/RELEASE
 *     events with the button's device id and wakes a sleep;
 *   NVMC: erase, word programming from an unaligned buffer, read-back, refusals.
 */
#include <stdio.h>
#include <string.h>

#include "../../target/tap.h"
#include "mb_support.h"
#include <sensevm/nrf51/svm_nrf51.h>

#define US 1000ull
#define MS 1000000ull
#define NS_PER_INSN 64u /* -icount shift=6 */

static svm_nrf51_t port;
static svm_evq_t evq;
static svm_hal_event_t evbuf[8];

/* 2 instructions per iteration: subs, bne (taken) */
static void spin(uint32_t n)
{
    __asm volatile(".syntax unified\n1:\n\tsubs %0, %0, #1\n\tbne 1b" : "+l"(n)::"cc");
}

static void test_time(void)
{
    char msg[160];
    const uint32_t iters = 200000u;
    uint64_t t0 = svm_nrf51_now_ns();
    spin(iters);
    uint64_t dt = svm_nrf51_now_ns() - t0;
    uint64_t want = 2ull * iters * NS_PER_INSN; /* 25.6 ms */
    uint64_t err = dt > want ? dt - want : want - dt;
    snprintf(msg, sizeof msg,
             "time base: %lu instructions measured as %lu us by TIMER0 (virtual clock %lu us, "
             "error %lu us)",
             (unsigned long)(2u * iters), (unsigned long)(dt / US), (unsigned long)(want / US),
             (unsigned long)(err / US));
    tap_ok(err <= 20 * US, msg); /* the reads' own instructions and 1 us resolution */

    uint32_t sleeps = port.sleeps;
    t0 = svm_nrf51_now_ns();
    int r = port.hal.sleep_until(&port, t0 + 50 * MS);
    uint64_t late = svm_nrf51_now_ns() - (t0 + 50 * MS);
    snprintf(msg, sizeof msg, "sleep_until +50 ms: woke by time, %lu us late, after %lu wfi",
             (unsigned long)(late / US), (unsigned long)(port.sleeps - sleeps));
    tap_ok(r == SVM_HAL_WOKE_TIME && late < 50 * US && port.sleeps > sleeps, msg);

    /* past the 32-bit wrap of the microsecond counter (4294.97 s) */
    uint64_t far = 4400ull * 1000 * MS;
    r = port.hal.sleep_until(&port, far);
    uint64_t t1 = svm_nrf51_now_ns();
    port.hal.sleep_until(&port, t1 + 10 * MS);
    uint64_t t2 = svm_nrf51_now_ns();
    snprintf(msg, sizeof msg,
             "across the counter's wrap: woke at %lu ms (deadline 4400000 ms), then +%lu us",
             (unsigned long)(t1 / MS), (unsigned long)((t2 - t1) / US));
    tap_ok(r == SVM_HAL_WOKE_TIME && t1 >= far && t1 < far + MS && t2 - t1 >= 10 * MS &&
               t2 - t1 < 10 * MS + 50 * US,
           msg);
}

static int led(unsigned n, int v) { return port.hal.dev_write(&port, (uint16_t)n, v); }

static void test_display(void)
{
    unsigned r0, c0, r1, c1;
    svm_nrf51_led_pins(0, &r0, &c0);
    svm_nrf51_led_pins(1, &r1, &c1);
    tap_ok(r0 == 13 && c0 == 4 && r1 == 14 && c1 == 7,
           "led0 is row 1 (P0.13) x column 1 (P0.4), led1 row 2 (P0.14) x column 4 (P0.7)");
    led(0, 1);
    int32_t v = -1;
    port.hal.dev_read(&port, 0, &v);
    tap_ok(svm_nrf51_pin_out(r0) == 1 && svm_nrf51_pin_out(c0) == 0 && svm_nrf51_pin_out(r1) == 0 &&
               svm_nrf51_pin_out(15) == 0 && svm_nrf51_pin_out(c1) == 1 && v == 1,
           "led0 on: its row high, its column low, the other rows low (static drive)");
    /* two rows lit: TIMER1 multiplexes them */
    led(1, 1);
    unsigned seen0 = 0, seen1 = 0, both = 0;
    for (unsigned i = 0; i < 40; i++) {
        port.hal.sleep_until(&port, svm_nrf51_now_ns() + 500 * US);
        int a = svm_nrf51_pin_out(r0) && !svm_nrf51_pin_out(c0);
        int b = svm_nrf51_pin_out(r1) && !svm_nrf51_pin_out(c1);
        seen0 += (unsigned)a;
        seen1 += (unsigned)b;
        both += (unsigned)(svm_nrf51_pin_out(r0) && svm_nrf51_pin_out(r1));
    }
    char msg[120];
    snprintf(msg, sizeof msg,
             "led0 + led1 (two rows): multiplexed, row 1 lit in %u and row 2 in %u of 40 "
             "samples, never both",
             seen0, seen1);
    tap_ok(seen0 >= 10 && seen1 >= 10 && both == 0, msg);
    led(0, 0);
    led(1, 0);
    tap_ok(svm_nrf51_pin_out(r0) == 0 && svm_nrf51_pin_out(r1) == 0 && svm_nrf51_pin_out(c0) == 1 &&
               svm_nrf51_pin_out(c1) == 1,
           "all off: rows low, columns high");
    tap_ok(led(0, 2) == SVM_HAL_EINVAL && led(SVM_BOARD_DEV_BUTTON0, 1) == SVM_HAL_ENODEV &&
               led(SVM_BOARD_NDEVS, 1) == SVM_HAL_ENODEV,
           "refused: an LED value other than 0/1, writing a button, an unknown device");
}

static void test_buttons(void)
{
    char msg[160];
    port.hal.attach(&port, &evq);
    static const struct {
        unsigned which;
        int pressed;
    } steps[4] = {{0, 1}, {0, 0}, {1, 1}, {1, 0}};
    int ok = 1;
    for (unsigned i = 0; i < 4; i++) {
        uint64_t t0 = svm_nrf51_now_ns();
        svm_nrf51_button_stimulus(steps[i].which, steps[i].pressed);
        int r = port.hal.sleep_until(&port, t0 + 100 * MS);
        svm_hal_event_t ev;
        int got = svm_evq_pop(&evq, &ev);
        int32_t level = -1;
        port.hal.dev_read(&port, (uint16_t)svm_nrf51_button_dev(steps[i].which), &level);
        int dev = svm_nrf51_button_dev(steps[i].which);
        int good = r == SVM_HAL_WOKE_EVENT && got && ev.dev == dev &&
                   ev.kind == (steps[i].pressed ? SVM_EV_PRESS : SVM_EV_RELEASE) &&
                   ev.value == steps[i].pressed && level == steps[i].pressed &&
                   svm_nrf51_now_ns() - t0 < MS && svm_evq_count(&evq) == 0;
        snprintf(msg, sizeof msg, "button %c %s: event %s on %s, level %ld", 'A' + steps[i].which,
                 steps[i].pressed ? "pressed" : "released",
                 got ? (ev.kind == SVM_EV_PRESS ? "PRESS" : "RELEASE") : "none",
                 got && ev.dev < SVM_BOARD_NDEVS ? port.hal.devs[ev.dev].name : "-", (long)level);
        ok &= tap_ok(good, msg);
    }
    (void)ok;
}

static void test_flash(void)
{
    svm_nrf51_flash_t *f = &port.flash;
    uint32_t last = f->npages - 1;
    const uint8_t *p = (const uint8_t *)(uintptr_t)(f->base + last * 1024u);
    static uint8_t buf[13];
    int rc = svm_nrf51_flash_erase(f, last);
    int erased = 1;
    for (unsigned i = 0; i < 1024; i++)
        erased &= p[i] == 0xff;
    tap_ok(rc == 0 && erased, "NVMC: a page erase leaves 1024 bytes of 0xff");
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(0x11 * i + 3);
    uint32_t off = last * 1024u + 8u;
    rc = svm_nrf51_flash_write(f, off, buf + 1, 12); /* buf + 1: unaligned source */
    uint8_t back[12];
    svm_nrf51_flash_read(f, off, back, 12);
    tap_ok(rc == 0 && memcmp(back, buf + 1, 12) == 0 && p[7] == 0xff && p[20] == 0xff,
           "NVMC: 12 bytes programmed from an unaligned buffer read back, neighbours erased");
    uint8_t ones[4] = {0xff, 0xff, 0xff, 0xff};
    uint32_t words = f->nword;
    rc = svm_nrf51_flash_write(f, off + 12, ones, 4); /* over erased flash: nothing to do */
    uint8_t zero4[4] = {0, 0, 0, 0};
    int rc2 = svm_nrf51_flash_write(f, off + 4, zero4, 4); /* clearing bits: allowed */
    uint8_t set[4] = {0xff, 0, 0, 0};
    int rc3 = svm_nrf51_flash_write(f, off + 4, set, 4); /* 0 -> 1: refused */
    svm_nrf51_flash_read(f, off, back, 8);
    tap_ok(rc == 0 && rc2 == 0 && rc3 == SVM_HAL_ENOTERASED && memcmp(back, buf + 1, 4) == 0 &&
               memcmp(back + 4, zero4, 4) == 0 && f->nword == words + 1,
           "NVMC: all-ones not programmed, a bit clear allowed, a 0 -> 1 write refused unchanged");
    tap_ok(svm_nrf51_flash_write(f, off + 2, zero4, 4) == SVM_HAL_EALIGN &&
               svm_nrf51_flash_write(f, f->npages * 1024u, zero4, 4) == SVM_HAL_ERANGE &&
               svm_nrf51_flash_erase(f, f->npages) == SVM_HAL_ERANGE,
           "NVMC: unaligned and out-of-range operations refused");
}

int main(void)
{
    svm_evq_init(&evq, evbuf, 8);
    svm_nrf51_init(&port);
    tap_plan(3 + 5 + 4 + 4);
    test_time();
    test_display();
    test_buttons();
    test_flash();
    return tap_done();
}
