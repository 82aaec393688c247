/* SPDX-License-Identifier: MIT
 * format.c — number <-> text conversions with OCaml's semantics (31-bit ints). The only
 * runtime file that uses the C library's snprintf/strtod (picolibc provides both on the
 * target).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

size_t svm_fmt_int(char *buf, int32_t n)
{
    char tmp[16];
    size_t len = 0, k = 0;
    uint32_t u = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    do {
        tmp[k++] = (char)('0' + u % 10u);
        u /= 10u;
    } while (u);
    if (n < 0)
        buf[len++] = '-';
    while (k)
        buf[len++] = tmp[--k];
    buf[len] = '\0';
    return len;
}

/* OCaml's valid_float_lexem: add "." when the text looks like an integer. */
static size_t float_lexem(char *buf, size_t cap, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!(buf[i] == '-' || (buf[i] >= '0' && buf[i] <= '9')))
            return len;
    if (len + 1 < cap) {
        buf[len++] = '.';
        buf[len] = '\0';
    }
    return len;
}

size_t svm_fmt_string_of_float(char *buf, size_t cap, double d)
{
    int n;
    if (d != d)
        n = snprintf(buf, cap, "nan");
    else if (d > 1.7976931348623157e308)
        n = snprintf(buf, cap, "inf");
    else if (d < -1.7976931348623157e308)
        n = snprintf(buf, cap, "-inf");
    else
        n = snprintf(buf, cap, "%.12g", d);
    if (n < 0)
        return 0;
    size_t len = (size_t)n < cap ? (size_t)n : cap - 1;
    return float_lexem(buf, cap, len);
}

/* One printf conversion: %[flags][width][.prec]conv, width and precision at most 99. */
typedef struct spec {
    char flags[8];
    int nflags, width, prec;
    char conv;
} spec_t;

static int parse_spec(const char *f, uint32_t n, spec_t *s)
{
    uint32_t i = 0;
    s->nflags = 0;
    s->width = -1;
    s->prec = -1;
    if (n < 2 || f[i++] != '%')
        return -1;
    while (i < n && (f[i] == '-' || f[i] == '0' || f[i] == '+' || f[i] == ' ' || f[i] == '#')) {
        if (s->nflags < 7)
            s->flags[s->nflags++] = f[i];
        i++;
    }
    s->flags[s->nflags] = '\0';
    if (i < n && f[i] >= '0' && f[i] <= '9') {
        s->width = 0;
        while (i < n && f[i] >= '0' && f[i] <= '9') {
            s->width = s->width * 10 + (f[i++] - '0');
            if (s->width > 99)
                return -1;
        }
    }
    if (i < n && f[i] == '.') {
        i++;
        s->prec = 0;
        while (i < n && f[i] >= '0' && f[i] <= '9') {
            s->prec = s->prec * 10 + (f[i++] - '0');
            if (s->prec > 99)
                return -1;
        }
    }
    /* OCaml's size modifiers for native ints are accepted and ignored */
    while (i < n && (f[i] == 'l' || f[i] == 'n' || f[i] == 'L'))
        i++;
    if (i + 1 != n)
        return -1;
    s->conv = f[i];
    return 0;
}

static void build(char *out, const spec_t *s, const char *len_mod, char conv)
{
    size_t k = 0;
    out[k++] = '%';
    for (int i = 0; i < s->nflags; i++)
        out[k++] = s->flags[i];
    if (s->width >= 0) {
        if (s->width >= 10)
            out[k++] = (char)('0' + s->width / 10);
        out[k++] = (char)('0' + s->width % 10);
    }
    if (s->prec >= 0) {
        out[k++] = '.';
        if (s->prec >= 10)
            out[k++] = (char)('0' + s->prec / 10);
        out[k++] = (char)('0' + s->prec % 10);
    }
    while (*len_mod)
        out[k++] = *len_mod++;
    out[k++] = conv;
    out[k] = '\0';
}

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
long svm_fmt_one(char *buf, size_t cap, const char *fmt, uint32_t fmtlen, int kind,
                 int32_t ival, double fval, const uint8_t *sval, uint32_t slen)
{
    spec_t s;
    char cf[32];
    int n;
    (void)sval;
    (void)slen;
    if (parse_spec(fmt, fmtlen, &s))
        return -1;
    if (kind == 'i') {
        switch (s.conv) {
        case 'd': case 'i':
            build(cf, &s, "l", s.conv);
            n = snprintf(buf, cap, cf, (long)ival);
            break;
        case 'x': case 'X': case 'o': case 'u':
            build(cf, &s, "l", s.conv);
            /* OCaml: the 31-bit word read as unsigned */
            n = snprintf(buf, cap, cf, (unsigned long)(((uint32_t)ival << 1 | 1u) >> 1));
            break;
        case 'c':
            build(cf, &s, "", 'c');
            n = snprintf(buf, cap, cf, (int)(ival & 0xff));
            break;
        default: return -1;
        }
    } else if (kind == 'f') {
        switch (s.conv) {
        case 'f': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
            build(cf, &s, "", s.conv);
            n = snprintf(buf, cap, cf, fval);
            break;
        case 'F': {
            if (fval != fval)
                n = snprintf(buf, cap, "nan");
            else if (fval > 1.7976931348623157e308)
                n = snprintf(buf, cap, "infinity");
            else if (fval < -1.7976931348623157e308)
                n = snprintf(buf, cap, "neg_infinity");
            else {
                if (s.prec < 0)
                    s.prec = 12;
                build(cf, &s, "", 'g');
                n = snprintf(buf, cap, cf, fval);
                if (n >= 0 && (size_t)n < cap)
                    n = (int)float_lexem(buf, cap, (size_t)n);
            }
            break;
        }
        default: return -1;
        }
    } else {
        return -1;
    }
    return n < 0 ? -1 : n;
}
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

int svm_fmt_string_spec(const char *fmt, uint32_t fmtlen, int *left, int *width)
{
    spec_t s;
    if (parse_spec(fmt, fmtlen, &s) || s.conv != 's')
        return -1;
    *left = 0;
    for (int i = 0; i < s.nflags; i++)
        if (s.flags[i] == '-')
            *left = 1;
    *width = s.width < 0 ? 0 : s.width;
    return 0;
}

static int digit(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* OCaml's parse_intnat for 31 bits. */
int svm_parse_int(const uint8_t *s, uint32_t len, int32_t *out)
{
    uint32_t i = 0, base = 10;
    int neg = 0, signedness = 1;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i + 1 < len && s[i] == '0') {
        switch (s[i + 1]) {
        case 'x': case 'X': base = 16; signedness = 0; i += 2; break;
        case 'o': case 'O': base = 8; signedness = 0; i += 2; break;
        case 'b': case 'B': base = 2; signedness = 0; i += 2; break;
        case 'u': case 'U': signedness = 0; i += 2; break;
        default: break;
        }
    }
    if (i >= len || digit(s[i]) >= (int)base)
        return -1;
    uint64_t res = 0;
    for (; i < len; i++) {
        if (s[i] == '_')
            continue;
        int d = digit(s[i]);
        if (d >= (int)base)
            return -1;
        res = res * base + (uint64_t)d;
        if (res > 0xffffffffu)
            return -1;
    }
    if (signedness) {
        if (neg ? res > (1u << 30) : res >= (1u << 30))
            return -1;
    } else if (res >= (1u << 31)) {
        return -1;
    }
    uint32_t r = (uint32_t)res;
    if (neg)
        r = 0u - r;
    *out = (int32_t)(r << 1) >> 1;
    return 0;
}

int svm_parse_float(const uint8_t *s, uint32_t len, double *out)
{
    char buf[128];
    uint32_t k = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (s[i] == '_')
            continue;
        if (s[i] == '\0' || k + 1 >= sizeof buf)
            return -1;
        buf[k++] = (char)s[i];
    }
    buf[k] = '\0';
    if (k == 0)
        return -1;
    char *end;
    *out = strtod(buf, &end);
    return end == buf + k ? 0 : -1;
}
