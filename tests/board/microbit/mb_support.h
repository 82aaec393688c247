/* SPDX-License-Identifier: MIT
 * mb_support.h — shared by the micro:bit TAP firmwares (tests/board/microbit/): container
 * output captured in RAM, and a fault handler that reports over semihosting and exits, so
 * that a fault fails the test at once instead of timing out.
 */
#ifndef SVM_MB_SUPPORT_H
#define SVM_MB_SUPPORT_H

#include <stddef.h>

typedef struct mb_out {
    char *buf;
    size_t cap, len;
    int overflow;
} mb_out_t;
/* A static mb_out_t `name` with a buffer of `size` bytes. */
#define MB_OUT(name, size)                                                                         \
    static char name##_buf[size];                                                                  \
    static mb_out_t name = {name##_buf, size, 0, 0}

/* svm_write_fn: append to the mb_out_t passed as user (both streams). */
void mb_capture(void *user, int stream, const char *s, size_t n);
/* svm_nrf51_fw_t.say: append msg and "\n" to the mb_out_t passed as user. */
void mb_say(void *user, const char *msg);
/* 1 if needle occurs in o. */
int mb_has(const mb_out_t *o, const char *needle);

/* The C stack's high-water mark: paint the unused part of the stack region now; later,
 * the bytes of it ever used, and the region's size. */
void mb_stack_paint(void);
unsigned mb_stack_used(unsigned *size);

#endif
