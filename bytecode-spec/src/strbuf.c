/* SPDX-License-Identifier: MIT
 * strbuf.c — the bounded text builder of sensevm/strbuf.h. Freestanding.
 */
#include <sensevm/strbuf.h>

#include <string.h>

void svbc_buf_put(svbc_buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, b->len++)
        if (b->len + 1 < b->cap)
            b->buf[b->len] = s[i];
}

void svbc_buf_str(svbc_buf_t *b, const char *s) { svbc_buf_put(b, s, strlen(s)); }

void svbc_buf_num(svbc_buf_t *b, uint32_t v, unsigned base, unsigned width)
{
    char t[12];
    unsigned n = sizeof t;
    do {
        t[--n] = "0123456789abcdef"[v % base];
        v /= base;
    } while (n > 0 && (v || sizeof t - n < width));
    svbc_buf_put(b, t + n, sizeof t - n);
}

size_t svbc_buf_end(svbc_buf_t *b)
{
    if (b->cap)
        b->buf[b->len < b->cap ? b->len : b->cap - 1] = '\0';
    return b->len;
}
