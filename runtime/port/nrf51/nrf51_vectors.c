/* SPDX-License-Identifier: MIT
 * nrf51_vectors.c — the vector table at flash address 0 (the Cortex-M0 has no VTOR): the
 * initial stack pointer and picolibc's _start, then the port's handlers (ARMv6-M: 16 system
 * entries, then the nRF51's 32 peripheral interrupts, interrupt n = peripheral ID n). It
 * replaces picolibc's __interrupt_vector (which has no peripheral entries) by name.
 */
#include <stdint.h>

extern char __stack[];
void _start(void);
void svm_nrf51_timer0_isr(void);
void svm_nrf51_timer1_isr(void);
void svm_nrf51_uart0_isr(void);
void svm_nrf51_gpiote_isr(void);
void svm_nrf51_fault_isr(void);

/* A fault outside the VM (the VM's own faults are traps and never get here): stop. A
 * firmware or a test may define its own (report, then reset). */
__attribute__((weak)) void svm_nrf51_fault_isr(void)
{
    for (;;)
        __asm volatile("wfi");
}

static void unexpected_isr(void) { svm_nrf51_fault_isr(); }

typedef void (*isr_t)(void);
__attribute__((section(".data.init.enter"), used, aligned(128)))
const isr_t __interrupt_vector[16 + 32] = {
    [0] = (isr_t)(uintptr_t)__stack,
    [1] = _start,
    [2] = unexpected_isr,      /* NMI */
    [3] = svm_nrf51_fault_isr, /* HardFault (every fault on v6-M) */
    [11] = unexpected_isr,     /* SVCall */
    [14] = unexpected_isr,     /* PendSV */
    [15] = unexpected_isr,     /* SysTick: not fitted on the nRF51 */
    [16 + 0] = unexpected_isr, /* POWER_CLOCK */
    [16 + 1] = unexpected_isr, /* RADIO */
    [16 + 2] = svm_nrf51_uart0_isr,
    [16 + 3] = unexpected_isr, /* SPI0/TWI0 */
    [16 + 4] = unexpected_isr, /* SPI1/TWI1 */
    [16 + 6] = svm_nrf51_gpiote_isr,
    [16 + 7] = unexpected_isr, /* ADC */
    [16 + 8] = svm_nrf51_timer0_isr,
    [16 + 9] = svm_nrf51_timer1_isr,
    [16 + 10] = unexpected_isr, /* TIMER2 */
    [16 + 11] = unexpected_isr, /* RTC0 */
    [16 + 12] = unexpected_isr, /* TEMP */
    [16 + 13] = unexpected_isr, /* RNG */
    [16 + 14] = unexpected_isr, /* ECB */
    [16 + 15] = unexpected_isr, /* CCM_AAR */
    [16 + 16] = unexpected_isr, /* WDT */
    [16 + 17] = unexpected_isr, /* RTC1 */
    [16 + 18] = unexpected_isr, /* QDEC */
    [16 + 19] = unexpected_isr, /* LPCOMP */
    [16 + 20] = unexpected_isr, /* SWI0 */
    [16 + 21] = unexpected_isr, /* SWI1 */
    [16 + 22] = unexpected_isr, /* SWI2 */
    [16 + 23] = unexpected_isr, /* SWI3 */
    [16 + 24] = unexpected_isr, /* SWI4 */
    [16 + 25] = unexpected_isr, /* SWI5 */
};
