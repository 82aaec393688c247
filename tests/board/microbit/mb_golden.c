/* SPDX-License-Identifier: MIT
 * mb_golden.c — the runtime's golden programs that fit the micro:bit
 * (tests/target/golden/golden_run.c): each image is installed into a flash slot through the
 * NVMC, boot-selected and run in place by the interpreter compiled for ARMv6-M, in the
 * board's container RAM: a heap pool of HEAP_POOL and a stack pool of STACK_POOL bytes.
 * 20 of the 23 fit (the others' .opts ask for more heap or stack than 16 KB hold;
 * trap_underflow left the list when the loader's static stack check began refusing it).
 */
#include <sensevm/vm.h>

#include "../../target/golden/golden.h"
#include <sensevm/nrf51/svm_nrf51_fw.h>

#include <stdio.h>

#define HEAP_POOL (6u * 1024u)
#define STACK_POOL 1536u
static uint8_t heap_pool[HEAP_POOL] __attribute__((aligned(8)));
static uint32_t stack_pool[STACK_POOL / 4u];
static char cap[1280];
static svm_nrf51_t port;

/* The C stack's depth: paint from the end of .bss (below the stack's own 3 KB, so that a
 * deeper stack shows how deep) up to the current frame, and find the lowest byte touched. */
extern uint8_t __bss_end[], __stack[], __stack_size[];
static void paint(void)
{
    volatile uint8_t *sp;
    __asm volatile("mov %0, sp" : "=r"(sp));
    for (volatile uint8_t *p = __bss_end; p < sp - 32; p++)
        *p = 0xa5u;
}
static unsigned depth(void)
{
    const volatile uint8_t *p = __bss_end;
    while (p < __stack && *p == 0xa5u)
        p++;
    return (unsigned)(__stack - (const uint8_t *)p);
}

int main(void)
{
    svm_nrf51_init(&port);
    paint();
    golden_board_t b = {"the micro:bit",    svm_nrf51_flash_svl(&port.flash),
                        svm_nrf51_slots(0), heap_pool,
                        HEAP_POOL,          stack_pool,
                        STACK_POOL,         cap,
                        sizeof cap,         20};
    int rc = golden_main(&b);
    /* the programs (the runtime's own float conversions among them: floats.s) and their
     * installation must leave at least 64 bytes of the 3 KB C stack (__stack_size): room
     * for an interrupt frame. The deepest path is the installer's (2.9 KB here) */
    unsigned used = depth(), size = (unsigned)(uintptr_t)__stack_size;
    printf("# C stack high-water mark %u of %u bytes\n", used, size);
    if (used + 64u > size) {
        printf("Bail out! the C stack has less than 64 bytes left\n");
        return 1;
    }
    return rc;
}
