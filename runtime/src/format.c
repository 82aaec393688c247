/* SPDX-License-Identifier: MIT
 * format.c — number <-> text conversions with OCaml's semantics (31-bit ints, floats as
 * OCaml's printf and float_of_string give them on a glibc host), written here so that the
 * freestanding runtime needs no C library formatting (no snprintf, no strtod).
 *
 * Floats are converted exactly: a double is m * 2^e, whose decimal expansion is finite
 * (at most 767 significant digits); printing rounds that expansion to the precision asked,
 * ties to even, as glibc does. Parsing computes the correctly rounded double of the
 * decimal (or hexadecimal) text by big-integer division; texts of more than
 * FMT_PARSE_DIGITS significant digits are rounded as if cut there with a sticky digit.
 * Built with SVM_CFG_PORT_FLOAT_FORMAT (a Cortex-M cross build whose cross file does not
 * ask for float_format = 'own', as the boards' do: docs/boards.md), the float conversions
 * are the port's instead: svm_port_format_float / svm_port_parse_float (sensevm/vm.h).
 */
#include "internal.h"

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

/* ---- output with a capacity: writes at most cap-1 bytes and a NUL, counts them all ---- */
typedef struct out {
    char *buf;
    size_t cap, len;
} out_t;

static void put(out_t *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}
static void put_n(out_t *o, char c, long n)
{
    while (n-- > 0)
        put(o, c);
}
static void put_s(out_t *o, const char *s)
{
    while (*s)
        put(o, *s++);
}
static void out_end(out_t *o)
{
    if (o->cap)
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

/* ---- printf conversions ---- */
typedef struct spec {
    int minus, zero, plus, space, alt;
    int width, prec;
    char conv;
} spec_t;

static int parse_spec(const char *f, uint32_t n, spec_t *s)
{
    uint32_t i = 0;
    memset(s, 0, sizeof *s);
    s->width = -1;
    s->prec = -1;
    if (n < 2 || f[i++] != '%')
        return -1;
    for (; i < n; i++) {
        if (f[i] == '-')
            s->minus = 1;
        else if (f[i] == '0')
            s->zero = 1;
        else if (f[i] == '+')
            s->plus = 1;
        else if (f[i] == ' ')
            s->space = 1;
        else if (f[i] == '#')
            s->alt = 1;
        else
            break;
    }
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

/* A field: left padding, prefix (sign, 0x), zeros to the width (when zero_ok), the body
 * (blen chars, written by the caller), then right padding (the returned count). */
static long field_begin(out_t *o, const spec_t *s, const char *prefix, long blen, int zero_ok)
{
    long total = (long)strlen(prefix) + blen;
    long pad = s->width > total ? s->width - total : 0;
    if (!s->minus && !(s->zero && zero_ok))
        put_n(o, ' ', pad);
    put_s(o, prefix);
    if (!s->minus && s->zero && zero_ok)
        put_n(o, '0', pad);
    return s->minus ? pad : 0;
}

#ifndef SVM_CFG_PORT_FLOAT_FORMAT
/* ---- the exact decimal expansion of a finite double ----
 * value = 0.d[0] d[1] … d[ndig-1] × 10^dexp, the digits held in base-10^9 limbs
 * (little-endian: limb[0] holds the last 9 digits). */
#define DEC_LIMBS 90 /* 767 significant digits of a subnormal, 309 of DBL_MAX */
typedef struct dec {
    uint32_t limb[DEC_LIMBS];
    int n;    /* limbs in use */
    int ndig; /* significant digits (0 for zero) */
    int dexp;
    int top; /* digits in limb[n-1] */
} dec_t;

static void dec_mul(dec_t *x, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < x->n; i++) {
        uint64_t t = (uint64_t)x->limb[i] * m + carry;
        x->limb[i] = (uint32_t)(t % 1000000000u);
        carry = t / 1000000000u;
    }
    while (carry) {
        x->limb[x->n++] = (uint32_t)(carry % 1000000000u);
        carry /= 1000000000u;
    }
}

/* d >= 0 and finite */
static void dec_of_double(dec_t *x, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    int be = (int)(bits >> 52 & 0x7ffu);
    uint64_t m = bits & ((1ull << 52) - 1u);
    if (be)
        m |= 1ull << 52;
    int e = (be ? be : 1) - 1075; /* d = m * 2^e */
    x->n = 0;
    if (!m) {
        x->ndig = 0;
        x->dexp = 1;
        x->top = 0;
        return;
    }
    while (!(m & 1u)) { /* fewer multiplications below */
        m >>= 1;
        e++;
    }
    while (m) {
        x->limb[x->n++] = (uint32_t)(m % 1000000000u);
        m /= 1000000000u;
    }
    int frac = 0; /* decimal digits after the point */
    if (e > 0) {
        for (; e >= 29; e -= 29)
            dec_mul(x, 1u << 29);
        if (e)
            dec_mul(x, 1u << e);
    } else if (e < 0) {
        frac = -e; /* m / 2^k = m * 5^k / 10^k */
        int k = frac;
        for (; k >= 13; k -= 13)
            dec_mul(x, 1220703125u); /* 5^13 */
        uint32_t p = 1;
        while (k-- > 0)
            p *= 5u;
        if (p > 1)
            dec_mul(x, p);
    }
    uint32_t t = x->limb[x->n - 1];
    x->top = 0;
    do {
        x->top++;
        t /= 10u;
    } while (t);
    x->ndig = (x->n - 1) * 9 + x->top;
    x->dexp = x->ndig - frac;
}

/* digit i (0 = the most significant) of the expansion; 0 past its end */
static int dec_digit(const dec_t *x, long i)
{
    if (i < 0 || i >= x->ndig)
        return 0;
    long from_low = x->ndig - 1 - i; /* position counted from the last digit */
    uint32_t v = x->limb[from_low / 9];
    for (long k = from_low % 9; k > 0; k--)
        v /= 10u;
    return (int)(v % 10u);
}

/* The expansion rounded to its first `keep` digits (keep may be <= 0), ties to even. */
typedef struct rounded {
    const dec_t *x;
    long keep;
    int up;   /* add one unit in the last kept place */
    long p9;  /* with up: the last kept digit that is not 9 (-1: all nines) */
    int dexp; /* the decimal exponent after rounding */
} rounded_t;

static void round_at(rounded_t *r, const dec_t *x, long keep)
{
    r->x = x;
    r->keep = keep;
    r->up = 0;
    r->dexp = x->dexp;
    if (keep >= x->ndig || x->ndig == 0)
        return;
    if (keep < 0)
        return; /* below half a unit of the place asked */
    int first = dec_digit(x, keep);
    if (first > 5) {
        r->up = 1;
    } else if (first == 5) {
        int rest = 0;
        for (long i = keep + 1; i < x->ndig && !rest; i++)
            rest = dec_digit(x, i) != 0;
        r->up = rest || (keep > 0 && (dec_digit(x, keep - 1) & 1));
    }
    if (!r->up)
        return;
    r->p9 = keep - 1;
    while (r->p9 >= 0 && dec_digit(x, r->p9) == 9)
        r->p9--;
    if (r->p9 < 0)
        r->dexp++; /* 99.9 -> 100: one more integer digit */
}

/* digit i of the rounded value */
static int rdigit(const rounded_t *r, long i)
{
    if (i < 0 || i >= r->keep + (r->up && r->p9 < 0))
        return 0;
    if (!r->up)
        return dec_digit(r->x, i);
    if (r->p9 < 0)
        return i == 0; /* 1 followed by zeros */
    if (i < r->p9)
        return dec_digit(r->x, i);
    return i == r->p9 ? dec_digit(r->x, i) + 1 : 0;
}

/* The digits of a float conversion: 'f' = the integer digits, then fdigits decimals;
 * 'e' = one digit, fdigits decimals, the exponent. */
typedef struct fbody {
    const rounded_t *r;
    char kind, e;
    int fdigits, dot, zero;
} fbody_t;

static void float_body(out_t *o, const fbody_t *b)
{
    const rounded_t *r = b->r;
    if (b->kind == 'f') {
        if (r->dexp <= 0)
            put(o, '0');
        for (long i = 0; i < r->dexp; i++)
            put(o, (char)('0' + rdigit(r, i)));
        if (b->dot)
            put(o, '.');
        for (long j = 0; j < b->fdigits; j++)
            put(o, (char)('0' + rdigit(r, r->dexp + j)));
        return;
    }
    put(o, (char)('0' + rdigit(r, 0)));
    if (b->dot)
        put(o, '.');
    for (long j = 1; j <= b->fdigits; j++)
        put(o, (char)('0' + rdigit(r, j)));
    int x = b->zero ? 0 : r->dexp - 1;
    put(o, b->e);
    put(o, x < 0 ? '-' : '+');
    unsigned ux = (unsigned)(x < 0 ? -x : x);
    if (ux >= 100)
        put(o, (char)('0' + ux / 100u));
    put(o, (char)('0' + ux / 10u % 10u));
    put(o, (char)('0' + ux % 10u));
}

/* %g without '#': the decimals of b that are not trailing zeros */
static int significant_decimals(const fbody_t *b)
{
    int n = b->fdigits;
    long first = b->kind == 'f' ? b->r->dexp : 1;
    while (n > 0 && rdigit(b->r, first + n - 1) == 0)
        n--;
    return n;
}

static void fmt_float(out_t *o, spec_t s, double d)
{
    dec_t x;
    uint64_t bits;
    memcpy(&bits, &d, 8);
    int neg = (int)(bits >> 63);
    int upper = s.conv == 'E' || s.conv == 'G';
    const char *prefix = neg ? "-" : s.plus ? "+" : s.space ? " " : "";
    if (d != d || d - d != 0) { /* nan, inf: glibc's text, padded with spaces */
        const char *t = d != d ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        long right = field_begin(o, &s, prefix, 3, 0);
        put_s(o, t);
        put_n(o, ' ', right);
        return;
    }
    dec_of_double(&x, neg ? -d : d);
    int prec = s.prec < 0 ? 6 : s.prec;
    rounded_t r;
    fbody_t b = {&r, 'f', upper ? 'E' : 'e', prec, 0, x.ndig == 0};
    if (s.conv == 'f' || s.conv == 'F') {
        round_at(&r, &x, (long)x.dexp + prec);
    } else if (s.conv == 'e' || s.conv == 'E') {
        b.kind = 'e';
        round_at(&r, &x, (long)prec + 1);
    } else { /* g, G: %e's exponent after rounding to p digits decides */
        int p = prec ? prec : 1;
        round_at(&r, &x, p);
        int xe = x.ndig == 0 ? 0 : r.dexp - 1;
        if (p > xe && xe >= -4) {
            b.fdigits = p - 1 - xe;
            round_at(&r, &x, (long)x.dexp + b.fdigits);
        } else {
            b.kind = 'e';
            b.fdigits = p - 1;
        }
        if (!s.alt)
            b.fdigits = significant_decimals(&b);
    }
    b.dot = b.fdigits > 0 || s.alt;
    out_t count = {NULL, 0, 0};
    float_body(&count, &b);
    long right = field_begin(o, &s, prefix, (long)count.len, 1);
    float_body(o, &b);
    put_n(o, ' ', right);
}

#else /* SVM_CFG_PORT_FLOAT_FORMAT: the port's conversion (sensevm/vm.h) */
static void fmt_float(out_t *o, spec_t s, double d)
{
    char cs[16];
    size_t k = 0;
    cs[k++] = '%';
    if (s.minus)
        cs[k++] = '-';
    if (s.zero)
        cs[k++] = '0';
    if (s.plus)
        cs[k++] = '+';
    if (s.space)
        cs[k++] = ' ';
    if (s.alt)
        cs[k++] = '#';
    if (s.width >= 0) {
        if (s.width >= 10)
            cs[k++] = (char)('0' + s.width / 10);
        cs[k++] = (char)('0' + s.width % 10);
    }
    if (s.prec >= 0) {
        cs[k++] = '.';
        if (s.prec >= 10)
            cs[k++] = (char)('0' + s.prec / 10);
        cs[k++] = (char)('0' + s.prec % 10);
    }
    cs[k++] = s.conv;
    cs[k] = '\0';
    size_t room = o->len + 1 < o->cap ? o->cap - o->len : 0;
    long n = svm_port_format_float(room ? o->buf + o->len : NULL, room, cs, d);
    o->len += n > 0 ? (size_t)n : 0u;
}
#endif

/* OCaml's valid_float_lexem: add "." when the text looks like an integer. */
static void float_lexem(out_t *o, size_t from)
{
    for (size_t i = from; i < o->len && i + 1 < o->cap; i++)
        if (!(o->buf[i] == '-' || (o->buf[i] >= '0' && o->buf[i] <= '9')))
            return;
    put(o, '.');
}

size_t svm_fmt_string_of_float(char *buf, size_t cap, double d)
{
    out_t o = {buf, cap, 0};
    if (d != d) {
        put_s(&o, "nan");
    } else if (d - d != 0) {
        put_s(&o, d > 0 ? "inf" : "-inf");
    } else {
        spec_t s = {.width = -1, .prec = 12, .conv = 'g'};
        fmt_float(&o, s, d);
        float_lexem(&o, 0);
    }
    out_end(&o);
    return o.len < cap ? o.len : cap - 1;
}

static void fmt_int(out_t *o, const spec_t *s, int32_t ival)
{
    if (s->conv == 'c') {
        long right = field_begin(o, s, "", 1, 0);
        put(o, (char)(ival & 0xff));
        put_n(o, ' ', right);
        return;
    }
    const char *prefix = "";
    char tmp[16];
    int n = 0;
    uint32_t u, base = s->conv == 'o' ? 8u : s->conv == 'x' || s->conv == 'X' ? 16u : 10u;
    if (s->conv == 'd' || s->conv == 'i') {
        u = ival < 0 ? 0u - (uint32_t)ival : (uint32_t)ival;
        prefix = ival < 0 ? "-" : s->plus ? "+" : s->space ? " " : "";
    } else {
        u = ((uint32_t)ival << 1 | 1u) >> 1; /* OCaml: the 31-bit word read as unsigned */
    }
    const char *dig = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    for (uint32_t v = u; v; v /= base)
        tmp[n++] = dig[v % base];
    int prec = s->prec < 0 ? 1 : s->prec;
    if (s->alt && base == 8u && prec <= n)
        prec = n + 1; /* a leading 0 */
    if (s->alt && base == 16u && u)
        prefix = s->conv == 'X' ? "0X" : "0x";
    int zeros = prec > n ? prec - n : 0;
    long right = field_begin(o, s, prefix, zeros + n, s->prec < 0);
    put_n(o, '0', zeros);
    while (n)
        put(o, tmp[--n]);
    put_n(o, ' ', right);
}

long svm_fmt_one(char *buf, size_t cap, const char *fmt, uint32_t fmtlen, int kind, int32_t ival,
                 double fval, const uint8_t *sval, uint32_t slen)
{
    spec_t s;
    out_t o = {buf, cap, 0};
    (void)sval;
    (void)slen;
    if (parse_spec(fmt, fmtlen, &s))
        return -1;
    if (kind == 'i') {
        if (!s.conv || !strchr("diuxXoc", s.conv))
            return -1;
        fmt_int(&o, &s, ival);
    } else if (kind == 'f') {
        if (!s.conv || !strchr("feEgGF", s.conv))
            return -1;
        if (s.conv == 'F') { /* OCaml's %F: a float lexeme (%.12g with a '.' if needed) */
            if (fval != fval) {
                put_s(&o, "nan");
            } else if (fval - fval != 0) {
                put_s(&o, fval > 0 ? "infinity" : "neg_infinity");
            } else {
                if (s.prec < 0)
                    s.prec = 12;
                s.conv = 'g';
                fmt_float(&o, s, fval);
                float_lexem(&o, 0);
            }
        } else {
            fmt_float(&o, s, fval);
        }
    } else {
        return -1;
    }
    out_end(&o);
    return (long)o.len;
}

int svm_fmt_string_spec(const char *fmt, uint32_t fmtlen, int *left, int *width)
{
    spec_t s;
    if (parse_spec(fmt, fmtlen, &s) || s.conv != 's')
        return -1;
    *left = s.minus;
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
        case 'x':
        case 'X':
            base = 16;
            signedness = 0;
            i += 2;
            break;
        case 'o':
        case 'O':
            base = 8;
            signedness = 0;
            i += 2;
            break;
        case 'b':
        case 'B':
            base = 2;
            signedness = 0;
            i += 2;
            break;
        case 'u':
        case 'U':
            signedness = 0;
            i += 2;
            break;
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

#ifndef SVM_CFG_PORT_FLOAT_FORMAT
/* ---- float_of_string: correctly rounded, without strtod ---- */
#define FMT_PARSE_DIGITS 40 /* significant digits kept (then a sticky digit) */
#define BIG_LIMBS 48        /* 1536 bits: 10^(330 + FMT_PARSE_DIGITS + 1) << 64 fits */
typedef struct big {
    uint32_t w[BIG_LIMBS]; /* little-endian */
    int n;
} big_t;

static void big_set(big_t *b, uint32_t v)
{
    b->w[0] = v;
    b->n = v ? 1 : 0;
}
static void big_muladd(big_t *b, uint32_t m, uint32_t add)
{
    uint64_t c = add;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * m + c;
        b->w[i] = (uint32_t)t;
        c = t >> 32;
    }
    if (c && b->n < BIG_LIMBS)
        b->w[b->n++] = (uint32_t)c;
}
static int big_bits(const big_t *b)
{
    if (!b->n)
        return 0;
    uint32_t t = b->w[b->n - 1];
    int k = 0;
    while (t) {
        k++;
        t >>= 1;
    }
    return (b->n - 1) * 32 + k;
}
static void big_shl(big_t *b, int s)
{
    int words = s / 32, bits = s % 32;
    if (!b->n || s <= 0)
        return;
    int n = b->n + words + 1;
    if (n > BIG_LIMBS)
        n = BIG_LIMBS;
    for (int i = n - 1; i >= 0; i--) {
        int j = i - words;
        uint32_t hi = j >= 0 && j < b->n ? b->w[j] : 0;
        uint32_t lo = j - 1 >= 0 && j - 1 < b->n ? b->w[j - 1] : 0;
        b->w[i] = bits ? hi << bits | lo >> (32 - bits) : hi;
    }
    b->n = n;
    while (b->n && !b->w[b->n - 1])
        b->n--;
}
static void big_shr1(big_t *b)
{
    for (int i = 0; i < b->n; i++)
        b->w[i] = b->w[i] >> 1 | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
    while (b->n && !b->w[b->n - 1])
        b->n--;
}
static int big_cmp(const big_t *a, const big_t *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}
static void big_sub(big_t *a, const big_t *b) /* a >= b */
{
    uint64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        a->w[i] = (uint32_t)t;
        borrow = t >> 63;
    }
    while (a->n && !a->w[a->n - 1])
        a->n--;
}

/* The double nearest to (q + sticky fraction) * 2^e2, q != 0; ties to even. */
static double make_double(uint64_t q, int e2, int sticky, int neg)
{
    while (!(q >> 63)) { /* exact for the bits that matter: see format.c's header */
        q <<= 1;
        e2--;
    }
    int e = 63 + e2; /* the value is in [2^e, 2^(e+1)) */
    int drop = 11;   /* 64 - 53 */
    if (e < -1022)
        drop += -1022 - e;
    uint64_t mant, bits;
    if (drop >= 64) {
        int half = drop == 64 && (q > (1ull << 63) || ((q >> 63) && sticky));
        mant = half ? 1u : 0u;
    } else {
        mant = q >> drop;
        uint64_t rest = q & ((1ull << drop) - 1u), half = 1ull << (drop - 1);
        if (rest > half || (rest == half && (sticky || (mant & 1u))))
            mant++;
    }
    if (e >= -1022) {
        if (mant >> 53) { /* rounding carried into a new bit */
            mant >>= 1;
            e++;
        }
        if (e > 1023)
            bits = 0x7ffull << 52; /* inf */
        else
            bits = (uint64_t)(e + 1023) << 52 | (mant & ((1ull << 52) - 1u));
    } else {
        bits = mant; /* subnormal; 2^52 becomes the smallest normal by itself */
    }
    bits |= (uint64_t)neg << 63;
    double d;
    memcpy(&d, &bits, 8);
    return d;
}

static int lower(uint8_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int word_is(const uint8_t *s, uint32_t n, const char *w)
{
    uint32_t k = 0;
    for (; k < n && w[k]; k++)
        if (lower(s[k]) != w[k])
            return 0;
    return k == n && !w[k];
}

/* The exponent part `E [+-] d+` (E = e or p, any case) of s[0..n): 0 with *x, or -1.
 * Exponents beyond 100000 saturate (the value is then 0 or infinite anyway). */
static int exponent(const uint8_t *s, uint32_t n, char letter, long *x)
{
    uint32_t i = 0;
    if (lower(s[i]) != letter || ++i >= n)
        return -1;
    int neg = s[i] == '-';
    if (s[i] == '-' || s[i] == '+')
        i++;
    if (i >= n)
        return -1;
    for (*x = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        if (*x < 100000)
            *x = *x * 10 + (s[i] - '0');
    }
    if (neg)
        *x = -*x;
    return 0;
}

/* hexadecimal: 0x h* [. h*] [p [+-] d+] */
static int parse_hex(const uint8_t *s, uint32_t n, int neg, double *out)
{
    uint64_t q = 0;
    int e2 = 0, sticky = 0, digits = 0, any = 0;
    uint32_t i = 0;
    for (int frac = 0; i < n; i++) {
        if (s[i] == '.' && !frac) {
            frac = 1;
            continue;
        }
        int d = digit(s[i]);
        if (d >= 16)
            break;
        any = 1;
        if (!q && !d) {
            e2 -= frac ? 4 : 0;
            continue;
        }
        if (digits < 15) {
            q = q << 4 | (uint64_t)d;
            digits++;
            e2 -= frac ? 4 : 0;
        } else {
            sticky |= d != 0;
            e2 += frac ? 0 : 4;
        }
    }
    if (!any)
        return -1;
    long x = 0;
    if (i < n && exponent(s + i, n - i, 'p', &x))
        return -1;
    e2 += (int)x;
    if (!q) {
        uint64_t z = (uint64_t)neg << 63;
        memcpy(out, &z, 8);
        return 0;
    }
    *out = make_double(q, e2, sticky, neg);
    return 0;
}

/* decimal: d* [. d*] [e [+-] d+], at least one digit */
static int parse_dec(const uint8_t *s, uint32_t n, int neg, double *out)
{
    big_t num, den;
    uint8_t dig[FMT_PARSE_DIGITS + 1];
    int nd = 0, any = 0, frac = 0, sticky = 0;
    long q = 0; /* value = digits * 10^q */
    uint32_t i = 0;
    for (; i < n; i++) {
        if (s[i] == '.' && !frac) {
            frac = 1;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            break;
        any = 1;
        int d = s[i] - '0';
        if (!nd && !d) {
            q -= frac;
        } else if (nd < FMT_PARSE_DIGITS) {
            dig[nd++] = (uint8_t)d;
            q -= frac;
        } else {
            sticky |= d;
            q += !frac;
        }
    }
    if (sticky) { /* digits cut off: one more digit 1 keeps the value strictly inside */
        dig[nd++] = 1;
        q--;
    }
    if (!any)
        return -1;
    long x = 0;
    if (i < n && exponent(s + i, n - i, 'e', &x))
        return -1;
    q += x;
    uint64_t zero = (uint64_t)neg << 63, inf = zero | 0x7ffull << 52;
    if (!nd || nd + q < -330) {
        memcpy(out, &zero, 8);
        return 0;
    }
    if (nd + q > 310) {
        memcpy(out, &inf, 8);
        return 0;
    }
    /* num / den = the value * 2^-e2 with 2^63 <= num/den < 2^65: 64 quotient bits */
    big_set(&num, 0);
    num.n = 0;
    for (int k = 0; k < nd; k++) {
        if (!num.n)
            big_set(&num, dig[k]);
        else
            big_muladd(&num, 10u, dig[k]);
    }
    big_set(&den, 1);
    for (long k = 0; k < (q < 0 ? -q : q); k++)
        big_muladd(q < 0 ? &den : &num, 10u, 0);
    int e2 = big_bits(&den) - big_bits(&num) + 63;
    if (e2 > 0)
        big_shl(&num, e2);
    else
        big_shl(&den, -e2);
    /* restoring division: the 64 quotient bits, from den << 63 down to den */
    big_shl(&den, 63);
    uint64_t qt = 0;
    for (int b = 63; b >= 0; b--) {
        qt <<= 1;
        if (big_cmp(&num, &den) >= 0) {
            big_sub(&num, &den);
            qt |= 1u;
        }
        if (b)
            big_shr1(&den);
    }
    *out = make_double(qt, -e2, num.n != 0, neg);
    return 0;
}

int svm_parse_float(const uint8_t *s0, uint32_t len0, double *out)
{
    uint8_t buf[256];
    uint32_t n = 0, i = 0;
    for (uint32_t k = 0; k < len0; k++) { /* OCaml drops the underscores */
        if (s0[k] == '_')
            continue;
        if (s0[k] == '\0' || n >= sizeof buf)
            return -1;
        buf[n++] = s0[k];
    }
    while (i < n && (buf[i] == ' ' || (buf[i] >= '\t' && buf[i] <= '\r')))
        i++; /* as strtod */
    int neg = 0;
    if (i < n && (buf[i] == '-' || buf[i] == '+'))
        neg = buf[i++] == '-';
    const uint8_t *s = buf + i;
    uint32_t m = n - i;
    if (word_is(s, m, "nan") || word_is(s, m, "inf") || word_is(s, m, "infinity")) {
        uint64_t bits =
            (uint64_t)neg << 63 | 0x7ffull << 52 | (lower(s[0]) == 'n' ? 1ull << 51 : 0);
        memcpy(out, &bits, 8);
        return 0;
    }
    if (m >= 2 && s[0] == '0' && lower(s[1]) == 'x')
        return parse_hex(s + 2, m - 2, neg, out);
    return parse_dec(s, m, neg, out);
}
#else /* SVM_CFG_PORT_FLOAT_FORMAT: the port's conversion (sensevm/vm.h) */
int svm_parse_float(const uint8_t *s, uint32_t len, double *out)
{
    char buf[256];
    uint32_t k = 0;
    for (uint32_t i = 0; i < len; i++) { /* OCaml drops the underscores */
        if (s[i] == '_')
            continue;
        if (s[i] == '\0' || k + 1 >= sizeof buf)
            return -1;
        buf[k++] = (char)s[i];
    }
    buf[k] = '\0';
    return k ? svm_port_parse_float(buf, out) : -1;
}
#endif
