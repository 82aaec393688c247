/* SPDX-License-Identifier: MIT
 * svm_nrf51.h — the HAL (hal.h) on the nRF51822 (BBC micro:bit v1, Cortex-M0): TIMER0 at
 * 1 MHz as the 64-bit clock and the tickless sleep manager's wake-up, `wfi` when idle, the
 * UART as console (TX) and device `uart0` (interrupt-driven RX), the 5x5 LED display
 * (led0..led24, multiplexed by TIMER1 only while pixels of two rows are lit), buttons A/B
 * (button0/button1, GPIOTE PORT event), and the NVMC flash driver for the A/B slots
 * (nrf51_flash.h). Devices, pins and the memory map come from boards/microbit.board
 * (<sensevm/board.h>).
 *
 * Interrupt priorities (2 bits on v6-M): TIMER0 0 (time, wake-ups) above TIMER1 1 (display
 * scan) above UART0 and GPIOTE 2 (the only event-queue producers: one priority, so one
 * producer at a time, as svm_evq_push requires).
 */
#ifndef SVM_NRF51_H
#define SVM_NRF51_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/hal.h>

#include <sensevm/nrf51/nrf51_flash.h>
#include <sensevm/board.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct svm_nrf51 {
    svm_hal_t hal;
    svm_nrf51_flash_t flash; /* the slot area (SVM_BOARD_SLOT_A .. inbox) */
    uint32_t lit;            /* display: bit x + 5y set = pixel lit */
    uint32_t led_writes;     /* dev_write calls on LEDs */
    int32_t button[2];       /* last level seen by the GPIOTE handler (1 = pressed) */
    volatile uint32_t sleeps, wakeups_by_event, rx_bytes, rx_errors;
} svm_nrf51_t;

/* Set up the port (one per device): clock, UART console, display, buttons, flash. After
 * this p->hal is the table to hand to the scheduler. Enables interrupts. */
void svm_nrf51_init(svm_nrf51_t *p);

/* Time since svm_nrf51_init, ns (what hal.now_ns returns); 1 us resolution. */
uint64_t svm_nrf51_now_ns(void);

/* Blocking UART output, raw; and the console's: each "\n" sent as "\r\n" (terminals),
 * which is what hal.console_write does. */
void svm_nrf51_uart_write(const uint8_t *buf, size_t len);
void svm_nrf51_console_write(const uint8_t *buf, size_t len);

/* Device ids of the board's buttons and UART (from the device table). */
int svm_nrf51_button_dev(unsigned which);

/* Tests on QEMU, whose model has no GPIOTE and no way to drive a pin from outside: drive
 * button `which`'s pin from inside (pin as output, its input buffer reading the output
 * back) and pend the GPIOTE interrupt, so that the real handler reads the level from
 * GPIO IN. On a board, leave the pins alone. */
void svm_nrf51_button_stimulus(unsigned which, int pressed);

/* Level of GPIO pin n as driven now (GPIO OUT; tests check the display's pins). */
int svm_nrf51_pin_out(unsigned n);
/* Pins of display pixel `led` (0..24): row pin (active high), column pin (active low). */
void svm_nrf51_led_pins(unsigned led, unsigned *row_pin, unsigned *col_pin);

/* Reset the chip (SYSRESETREQ). */
void svm_nrf51_reset(void) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif
#endif
