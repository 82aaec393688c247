/* SPDX-License-Identifier: MIT
 * svm_cortexm.h — the bare-metal Cortex-M port of the HAL (hal.h) for QEMU's MPS2 boards:
 * SysTick for 64-bit time and wake-ups, `wfi` for sleep, semihosting for the console,
 * LED/button/UART stand-ins that a test can drive and observe, and interrupt handlers that
 * push events into the scheduler's ISR-safe queue.
 *
 * Interrupts: SysTick (1 ms, time and scheduled stand-in input), and two external lines
 * (cm_board.h) that the stand-ins pend in the NVIC, so that every event really reaches the
 * queue from handler mode, as a GPIO or UART interrupt would. Both lines have the same
 * priority, so the queue has one producer at a time (hal.h's requirement).
 */
#ifndef SVM_CORTEXM_H
#define SVM_CORTEXM_H

#include <stdint.h>

#include <sensevm/hal.h>

#include <sensevm/cortexm/cm_board.h>
#include <sensevm/cortexm/cm_flash.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The board's devices, index = device id. */
enum { SVM_CM_LED0, SVM_CM_LED1, SVM_CM_BUTTON0, SVM_CM_UART0, SVM_CM_NDEVS };

#define SVM_CM_DEVLOG 32u

typedef struct svm_cm_devlog {
    uint64_t t; /* now_ns() of the write */
    uint16_t dev;
    int32_t value;
} svm_cm_devlog_t;

typedef struct svm_cm {
    svm_hal_t hal;
    svm_cm_flash_t flash;
    int32_t state[SVM_CM_NDEVS];           /* LED/button levels, last UART byte out */
    uint32_t writes[SVM_CM_NDEVS];         /* dev_write calls per device (tests observe LEDs) */
    svm_cm_devlog_t devlog[SVM_CM_DEVLOG]; /* the first LED writes, timestamped */
    uint32_t ndevlog;
    int log_devices; /* 1: print "[  t ms] led0 on" lines on the console */
    volatile uint32_t sleeps, wakeups_by_event;
} svm_cm_t;

/* Set up the port (one per device; it owns SysTick, VTOR and the two IRQ lines) and start
 * the clock. After this p->hal is the table to hand to the scheduler. */
void svm_cm_init(svm_cm_t *p);

/* Time since svm_cm_init, ns (what hal.now_ns returns). */
uint64_t svm_cm_now_ns(void);

/* Stand-ins for the outside world. Each sets the input and pends the device's interrupt;
 * the handler pushes the event (SVM_EV_PRESS/RELEASE, SVM_EV_RX). svm_cm_button_at
 * schedules a button change at time t (the SysTick handler applies it, 1 ms resolution);
 * up to SVM_CM_SCHEDULED changes may be pending (more are ignored: returns -1). */
#define SVM_CM_SCHEDULED 8u
void svm_cm_button(int pressed);
int svm_cm_button_at(uint64_t t, int pressed);
void svm_cm_uart_rx(uint8_t byte);

#ifdef __cplusplus
}
#endif
#endif
