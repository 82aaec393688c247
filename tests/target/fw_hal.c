/* SPDX-License-Identifier: MIT
 * fw_hal.c — the Cortex-M port's HAL on QEMU: SysTick time, wfi sleep until a deadline or
 * an event, button and UART interrupts pushing events from handler mode into the ISR-safe
 * queue (overflow counted), LED and UART devices, console, flash entries.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/cortexm/svm_cortexm.h>
#include "tap.h"

static svm_cm_t port;
static svm_hal_event_t evbuf[4];
static svm_evq_t evq;

#define MS 1000000ull

int main(void)
{
    char msg[100];
    svm_cm_init(&port);
    const svm_hal_t *h = &port.hal;
    tap_plan(14);

    uint64_t t0 = h->now_ns(h->port);
    int mono = 1;
    uint64_t prev = t0;
    for (int i = 0; i < 200000; i++) {
        uint64_t t = h->now_ns(h->port);
        if (t < prev)
            mono = 0;
        prev = t;
    }
    snprintf(msg, sizeof msg, "now_ns is monotonic and advances (%lu us in a busy loop)",
             (unsigned long)((prev - t0) / 1000u));
    tap_ok(mono && prev > t0, msg);

    uint64_t t = h->now_ns(h->port) + 20 * MS;
    int r = h->sleep_until(h->port, t);
    uint64_t woke = h->now_ns(h->port);
    snprintf(msg, sizeof msg, "sleep_until(+20 ms) sleeps in wfi and wakes at +%lu us (%lu wfi)",
             (unsigned long)((woke - t + 20 * MS) / 1000u), (unsigned long)port.sleeps);
    tap_ok(r == SVM_HAL_WOKE_TIME && woke >= t && woke < t + 100 * MS && port.sleeps > 0, msg);

    /* Events: the handlers push into the attached queue. */
    svm_evq_init(&evq, evbuf, 4);
    h->attach(h->port, &evq);
    int bi = svm_hal_find_dev(h, "button0");
    tap_ok(bi == SVM_CM_BUTTON0 && svm_hal_find_dev(h, "led0") == SVM_CM_LED0 &&
               svm_hal_find_dev(h, "nope") < 0,
           "devices are found by name");
    uint64_t before = h->now_ns(h->port);
    svm_cm_button(1);
    svm_hal_event_t ev;
    int got = svm_evq_pop(&evq, &ev);
    tap_ok(got && ev.dev == SVM_CM_BUTTON0 && ev.kind == SVM_EV_PRESS && ev.value == 1 &&
               ev.time_ns >= before && ev.time_ns <= h->now_ns(h->port),
           "a button press arrives from its interrupt handler as PRESS, timestamped");
    int32_t level = -1;
    tap_ok(h->dev_read(h->port, SVM_CM_BUTTON0, &level) == 0 && level == 1,
           "dev_read(button0) = 1 while pressed");
    svm_cm_uart_rx('Z');
    got = svm_evq_pop(&evq, &ev);
    tap_ok(got && ev.dev == SVM_CM_UART0 && ev.kind == SVM_EV_RX && ev.value == 'Z',
           "a UART byte arrives as RX");

    /* Woken early by an interrupt during sleep. */
    uint64_t start = h->now_ns(h->port);
    svm_cm_button_at(start + 10 * MS, 0);
    port.wakeups_by_event = 0;
    r = h->sleep_until(h->port, start + 1000 * MS);
    woke = h->now_ns(h->port);
    got = svm_evq_pop(&evq, &ev);
    snprintf(msg, sizeof msg, "sleep_until(+1 s) is woken by a release at +10 ms (woke at +%lu us)",
             (unsigned long)((woke - start) / 1000u));
    tap_ok(r == SVM_HAL_WOKE_EVENT && woke >= start + 10 * MS && woke < start + 500 * MS && got &&
               ev.kind == SVM_EV_RELEASE && port.wakeups_by_event == 1,
           msg);
    svm_cm_button(1);
    tap_ok(h->sleep_until(h->port, UINT64_MAX) == SVM_HAL_WOKE_EVENT && svm_evq_pop(&evq, &ev),
           "an event already queued: sleep_until(forever) returns at once");

    /* Overflow: a 4-slot ring, 6 presses: 4 kept, 2 refused and counted. */
    for (int i = 0; i < 6; i++)
        svm_cm_button(i & 1);
    snprintf(msg, sizeof msg, "a full queue refuses and counts: %lu queued, %lu overflowed",
             (unsigned long)svm_evq_count(&evq), (unsigned long)svm_evq_overflows(&evq));
    tap_ok(svm_evq_count(&evq) == 4 && svm_evq_overflows(&evq) == 2, msg);
    while (svm_evq_pop(&evq, &ev))
        ;

    /* Devices. */
    tap_ok(h->dev_write(h->port, SVM_CM_LED0, 1) == 0 && port.state[SVM_CM_LED0] == 1 &&
               h->dev_write(h->port, SVM_CM_LED0, 0) == 0 && port.writes[SVM_CM_LED0] == 2 &&
               h->dev_read(h->port, SVM_CM_LED0, &level) == 0 && level == 0,
           "LED writes are observable");
    tap_ok(h->dev_write(h->port, SVM_CM_LED1, 2) == SVM_HAL_EINVAL &&
               h->dev_write(h->port, 9, 1) == SVM_HAL_ENODEV &&
               h->dev_write(h->port, SVM_CM_BUTTON0, 1) == SVM_HAL_ENODEV,
           "bad device writes are refused");
    tap_ok(h->dev_write(h->port, SVM_CM_UART0, '#') == 0 &&
               h->dev_write(h->port, SVM_CM_UART0, '\n') == 0 && port.state[SVM_CM_UART0] == '\n',
           "UART bytes go out");
    tap_ok(h->console_write(h->port, 1, (const uint8_t *)"# console\n", 10) == 0, "console_write");

    /* Flash entries (NOR rules). */
    uint32_t ps, np, wu;
    uint8_t b[4] = {0x0f, 0xf0, 0x00, 0xff}, rb[4];
    int ok = h->flash_geometry(h->port, &ps, &np, &wu) == 0 && ps == SVM_CM_FLASH_PAGE &&
             wu == SVM_CM_FLASH_UNIT && h->flash_erase(h->port, np - 1) == 0 &&
             h->flash_write(h->port, (np - 1) * ps, b, 4) == 0 &&
             h->flash_read(h->port, (np - 1) * ps, rb, 4) == 0 && memcmp(rb, b, 4) == 0;
    b[0] = 0xff;
    ok = ok && h->flash_write(h->port, (np - 1) * ps, b, 4) == SVM_HAL_ENOTERASED &&
         h->flash_write(h->port, (np - 1) * ps + 2, b, 4) == SVM_HAL_EALIGN &&
         h->flash_erase(h->port, np) == SVM_HAL_ERANGE;
    tap_ok(ok, "flash: erase, write, read; 0->1 writes and misaligned writes refused");
    return tap_done();
}
