/* SPDX-License-Identifier: MIT
 * sensevm/strbuf.h — a bounded text builder for the freestanding parts (no stdio, no
 * malloc): the runtime's exception text and fault report (runtime/src/vm.c, backtrace.c)
 * and the backtrace lines of the debug info (src/debuginfo.c) build their text with it.
 *
 * The caller's buffer holds at most cap - 1 bytes and a NUL; `len` counts every byte
 * appended, also those that did not fit, so a caller sees how much room the whole text
 * needs (as snprintf's result). cap = 0 writes nothing.
 */
#ifndef SENSEVM_STRBUF_H
#define SENSEVM_STRBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct svbc_buf {
    char *buf;
    size_t cap, len;
} svbc_buf_t;

/* Append n bytes of s / the NUL-terminated s / v in base 10 or 16 (lower case), with
 * leading zeros up to `width` digits. */
void svbc_buf_put(svbc_buf_t *b, const char *s, size_t n);
void svbc_buf_str(svbc_buf_t *b, const char *s);
void svbc_buf_num(svbc_buf_t *b, uint32_t v, unsigned base, unsigned width);
/* NUL-terminate the text (when cap > 0) and return its full length. */
size_t svbc_buf_end(svbc_buf_t *b);

#endif
