/* SPDX-License-Identifier: MIT
 * mb_support.c — see mb_support.h.
 */
#include "mb_support.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mb_capture(void *user, int stream, const char *s, size_t n)
{
    mb_out_t *o = user;
    (void)stream;
    if (o->len + n > o->cap) {
        o->overflow = 1;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

void mb_say(void *user, const char *msg)
{
    mb_capture(user, 1, msg, strlen(msg));
    mb_capture(user, 1, "\n", 1);
}

int mb_has(const mb_out_t *o, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= o->len; i++)
        if (memcmp(o->buf + i, needle, n) == 0)
            return 1;
    return 0;
}

extern char __stack[], __stack_size[];
#define PAINT 0xa5u

void mb_stack_paint(void)
{
    volatile uint8_t *lo = (volatile uint8_t *)(__stack - (uintptr_t)__stack_size), *sp;
    __asm volatile("mov %0, sp" : "=r"(sp));
    for (volatile uint8_t *p = lo; p < sp - 32; p++)
        *p = PAINT;
}

unsigned mb_stack_used(unsigned *size)
{
    const uint8_t *lo = (const uint8_t *)(__stack - (uintptr_t)__stack_size), *p = lo;
    *size = (unsigned)(uintptr_t)__stack_size;
    while (p < (const uint8_t *)__stack && *p == PAINT)
        p++;
    return (unsigned)((const uint8_t *)__stack - p);
}

void mb_fault_report(const uint32_t *frame);
void mb_fault_report(const uint32_t *frame)
{
    printf("Bail out! hard fault (stacked pc 0x%08lx, lr 0x%08lx)\n", (unsigned long)frame[6],
           (unsigned long)frame[5]);
    exit(99);
}

/* Replaces the port's weak handler (runtime/port/nrf51/nrf51_vectors.c): the exception
 * frame is at MSP on entry (the firmwares run on MSP). */
__attribute__((naked)) void svm_nrf51_fault_isr(void)
{
    __asm volatile("mrs r0, msp\n\tldr r1, =mb_fault_report\n\tbx r1\n\t.ltorg");
}
