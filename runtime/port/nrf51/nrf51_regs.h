/* SPDX-License-Identifier: MIT
 * nrf51_regs.h — the nRF51 registers the port uses, from the nRF51 Series Reference Manual
 * (v3.0) and the nRF51822 Product Specification: peripheral base addresses, register
 * offsets and bit fields. Only what the drivers need; written from the manuals' tables.
 *
 * Conventions (RM §10 "Peripheral interface"): a peripheral at 0x4000_0000 + ID * 0x1000
 * has interrupt number ID; TASKS_* registers start a task on a write of 1, EVENTS_* read 1
 * when the event happened and are cleared by writing 0; INTENSET/INTENCLR set/clear
 * interrupt enable bits.
 */
#ifndef SVM_NRF51_REGS_H
#define SVM_NRF51_REGS_H

#include <stdint.h>

#define NRF_REG(base, off) (*(volatile uint32_t *)(uintptr_t)((base) + (off)))

/* ---- peripheral IDs (= IRQ numbers) and bases ---- */
#define NRF_UART0 0x40002000u  /* ID 2 */
#define NRF_GPIOTE 0x40006000u /* ID 6 */
#define NRF_TIMER0 0x40008000u /* ID 8 */
#define NRF_TIMER1 0x40009000u /* ID 9 */
#define NRF_NVMC 0x4001e000u   /* ID 30 (no interrupt) */
#define NRF_GPIO 0x50000000u   /* P0, on the AHB (no ID) */
#define NRF_IRQ_UART0 2u
#define NRF_IRQ_GPIOTE 6u
#define NRF_IRQ_TIMER0 8u
#define NRF_IRQ_TIMER1 9u

/* ---- TIMER (RM §18): 16 MHz >> PRESCALER, 8/16/24/32-bit counter, 4 CC registers.
 * The counter cannot be read directly: TASKS_CAPTURE[n] copies it into CC[n]. ---- */
#define TIMER_TASKS_START 0x000u
#define TIMER_TASKS_STOP 0x004u
#define TIMER_TASKS_CLEAR 0x00cu
#define TIMER_TASKS_CAPTURE(n) (0x040u + 4u * (n))
#define TIMER_EVENTS_COMPARE(n) (0x140u + 4u * (n))
#define TIMER_SHORTS 0x200u
#define TIMER_INTENSET 0x304u
#define TIMER_INTENCLR 0x308u
#define TIMER_MODE 0x504u      /* 0 = timer */
#define TIMER_BITMODE 0x508u   /* 0 = 16, 1 = 8, 2 = 24, 3 = 32 bits */
#define TIMER_PRESCALER 0x510u /* f = 16 MHz / 2^PRESCALER, 0..9 */
#define TIMER_CC(n) (0x540u + 4u * (n))
#define TIMER_INT_COMPARE(n) (1u << (16u + (n)))
#define TIMER_SHORT_COMPARE_CLEAR(n) (1u << (n))

/* ---- UART (RM §29) ---- */
#define UART_TASKS_STARTRX 0x000u
#define UART_TASKS_STOPRX 0x004u
#define UART_TASKS_STARTTX 0x008u
#define UART_TASKS_STOPTX 0x00cu
#define UART_EVENTS_RXDRDY 0x108u
#define UART_EVENTS_TXDRDY 0x11cu
#define UART_EVENTS_ERROR 0x124u
#define UART_INTENSET 0x304u
#define UART_INTENCLR 0x308u
#define UART_ERRORSRC 0x480u
#define UART_ENABLE 0x500u /* 4 = enabled */
#define UART_PSELRTS 0x508u
#define UART_PSELTXD 0x50cu
#define UART_PSELCTS 0x510u
#define UART_PSELRXD 0x514u
#define UART_RXD 0x518u
#define UART_TXD 0x51cu
#define UART_BAUDRATE 0x524u
#define UART_CONFIG 0x56cu
#define UART_INT_RXDRDY (1u << 2)
#define UART_INT_ERROR (1u << 9)
#define UART_ENABLE_ON 4u
#define UART_BAUD_115200 0x01d7e000u

/* ---- GPIO (RM §14): one port of 32 pins ---- */
#define GPIO_OUT 0x504u
#define GPIO_OUTSET 0x508u
#define GPIO_OUTCLR 0x50cu
#define GPIO_IN 0x510u
#define GPIO_DIR 0x514u
#define GPIO_DIRSET 0x518u
#define GPIO_DIRCLR 0x51cu
#define GPIO_PIN_CNF(n) (0x700u + 4u * (n))
/* PIN_CNF fields: DIR bit 0 (1 = output), INPUT bit 1 (1 = buffer disconnected),
 * PULL bits 2-3 (0 none, 1 down, 3 up), DRIVE bits 8-10 (0 = S0S1), SENSE bits 16-17
 * (0 off, 2 high, 3 low). */
#define GPIO_CNF_OUTPUT 0x1u
#define GPIO_CNF_INPUT_DISCONNECT 0x2u
#define GPIO_CNF_PULLUP (3u << 2)
#define GPIO_CNF_SENSE_HIGH (2u << 16)
#define GPIO_CNF_SENSE_LOW (3u << 16)

/* ---- GPIOTE (RM §15): the PORT event fires when a pin with SENSE set reaches its level
 * (the DETECT signal rises). ---- */
#define GPIOTE_EVENTS_PORT 0x17cu
#define GPIOTE_INTENSET 0x304u
#define GPIOTE_INTENCLR 0x308u
#define GPIOTE_INT_PORT (1u << 31)

/* ---- NVMC (RM §6): 1 KB pages; CONFIG selects read-only / write / erase. A word store
 * into flash with CONFIG = WEN programs it (bits can only go 1 -> 0); ERASEPAGE takes the
 * page's address. READY reads 1 when no operation is running. ---- */
#define NVMC_READY 0x400u
#define NVMC_CONFIG 0x504u
#define NVMC_ERASEPAGE 0x508u
#define NVMC_CONFIG_REN 0u
#define NVMC_CONFIG_WEN 1u
#define NVMC_CONFIG_EEN 2u
#define NRF51_PAGE_SIZE 1024u

/* ---- Cortex-M0 system (ARMv6-M ARM): NVIC, SCB; no SysTick on the nRF51 (the core
 * option is not fitted), no VTOR (the vector table stays at 0). ---- */
#define NVIC_ISER 0xe000e100u
#define NVIC_ICER 0xe000e180u
#define NVIC_ISPR 0xe000e200u
#define NVIC_ICPR 0xe000e280u
#define NVIC_IPR(n) (0xe000e400u + 4u * ((n) / 4u)) /* word access only on v6-M */
#define SCB_AIRCR 0xe000ed0cu
#define AIRCR_SYSRESETREQ 0x05fa0004u

#endif
