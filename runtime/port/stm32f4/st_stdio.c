/* SPDX-License-Identifier: MIT
 * st_stdio.c — picolibc's standard streams on the console USART (st_hal.c), so that
 * printf works on the board without a debugger (bytes as they are: a terminal maps LF to
 * CRLF itself). stdin reads the console's receive ring.
 */
#include <stdio.h>

#include <sensevm/stm32f4/svm_stm32f4.h>

static int st_putc(char c, FILE *f)
{
    (void)f;
    svm_st_console_write(&c, 1);
    return (unsigned char)c;
}

static int st_getc(FILE *f)
{
    (void)f;
    int c = svm_st_console_getc();
    return c < 0 ? EOF : c;
}

static FILE st_stdio = FDEV_SETUP_STREAM(st_putc, st_getc, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &st_stdio;
FILE *const stdout = &st_stdio;
FILE *const stderr = &st_stdio;
