/* SPDX-License-Identifier: MIT
 * svm_stm32f4.h — the HAL (hal.h) on STM32F405/407 (RM0090), for the boards of chip
 * `stm32f4` (boards/netduinoplus2.board): the clock (HSI 16 MHz at reset, optionally the
 * PLL, every wait bounded), SysTick for 64-bit time and wake-ups with `wfi` when idle, the
 * console on the board's USART (TX polled, RX by interrupt -> device events for `uart0`),
 * LEDs on GPIO outputs (BSRR), the button on an EXTI line -> device events, and the flash
 * interface (st_flash.h) for the A/B slots.
 *
 * QEMU (-M netduinoplus2) models the USARTs, SysTick, EXTI's registers and TIM2..5, but
 * no RCC (reads 0), no GPIO, no flash interface, and no EXTI software trigger. The port
 * notices the missing RCC (RCC_CR reads 0 where the chip reads HSION|HSIRDY) and then
 * takes the board's qemu_clock_hz; docs/boards.md lists what QEMU does not model.
 *
 * Interrupts: SysTick (priority 0x40) above the USART and EXTI lines (0x80, equal, so the
 * event queue has one producer at a time, as hal.h requires).
 */
#ifndef SVM_STM32F4_H
#define SVM_STM32F4_H

#include <stdint.h>

#include <sensevm/hal.h>

#include <sensevm/board.h>
#include <sensevm/stm32f4/st_flash.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SVM_ST_DEVLOG 32u

typedef struct svm_st {
    svm_hal_t hal;
    uint32_t core_hz;                 /* what SysTick counts */
    uint8_t emulated;                 /* 1: no RCC answered (QEMU) */
    uint8_t pll;                      /* 1: running on the PLL */
    int32_t state[SVM_BOARD_NDEVS];   /* LED levels, button level, last UART byte out */
    uint32_t writes[SVM_BOARD_NDEVS]; /* dev_write calls per device */
    volatile uint32_t sleeps, wakeups_by_event, rx_bytes, rx_overruns;
} svm_st_t;

/* Clock, SysTick, console USART, GPIO and EXTI; after this p->hal is the HAL table and
 * printf goes to the console. One port per chip. */
void svm_st_init(svm_st_t *p);

/* Time since svm_st_init, ns. */
uint64_t svm_st_now_ns(void);

/* Console input that no container consumes: bytes received by the USART are queued both
 * as uart0 events and here (a 64-byte ring; older bytes are dropped when it is full).
 * Returns a byte, or -1 when none. */
int svm_st_console_getc(void);

/* The button's interrupt without a GPIO (QEMU): set the level the handler reads and pend
 * the EXTI line's interrupt in the NVIC. On a chip the pin's edge raises it. */
void svm_st_button_inject(int pressed);

/* Console output, blocking, polled TX (also what printf uses). */
void svm_st_console_write(const char *s, uint32_t n);

#ifdef __cplusplus
}
#endif
#endif
