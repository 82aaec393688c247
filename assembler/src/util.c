/* SPDX-License-Identifier: MIT
 * util.c — allocation, string builder, diagnostics list, float formatting and string
 * quoting for the assembler library.
 */
#include "internal.h"

#include <sensevm/image.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *asm_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

void *asm_xcalloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz ? sz : 1);
    if (!p)
        abort();
    return p;
}

void *asm_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        abort();
    return q;
}

char *asm_xstrndup(const char *s, size_t n)
{
    char *p = asm_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *asm_xstrdup(const char *s) { return asm_xstrndup(s, strlen(s)); }

void asm_sb_add(asm_sb_t *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->len + n + 1)
            c *= 2;
        b->s = asm_xrealloc(b->s, c);
        b->cap = c;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void asm_sb_printf(asm_sb_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        char *tmp = asm_xmalloc((size_t)n + 1);
        vsnprintf(tmp, (size_t)n + 1, fmt, ap2);
        asm_sb_add(b, tmp, (size_t)n);
        free(tmp);
    }
    va_end(ap2);
}

char *asm_sb_take(asm_sb_t *b)
{
    if (!b->s)
        return asm_xstrdup("");
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void svasm_diag_add(svasm_diags_t *d, svasm_severity_t sev, const char *file, int line, int col,
                    const char *srcline, const char *fmt, ...)
{
    if (d->truncated)
        return;
    if (sev == SVASM_ERROR && d->max_errors > 0 && d->nerrors >= d->max_errors) {
        d->truncated = 1;
        return;
    }
    svasm_diag_t *g = asm_xcalloc(1, sizeof *g);
    g->severity = sev;
    g->file = file ? asm_xstrdup(file) : NULL;
    g->line = line;
    g->col = col;
    g->srcline = srcline ? asm_xstrdup(srcline) : NULL;
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    g->msg = asm_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    g->msg[0] = '\0';
    if (n > 0)
        vsnprintf(g->msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    if (d->tail)
        d->tail->next = g;
    else
        d->head = g;
    d->tail = g;
    if (sev == SVASM_ERROR)
        d->nerrors++;
    else if (sev == SVASM_WARNING)
        d->nwarnings++;
}

void svasm_diags_free(svasm_diags_t *d)
{
    svasm_diag_t *g = d->head;
    while (g) {
        svasm_diag_t *n = g->next;
        free(g->file);
        free(g->msg);
        free(g->srcline);
        free(g);
        g = n;
    }
    d->head = d->tail = NULL;
    d->nerrors = d->nwarnings = 0;
}

void asm_fmt_float(double v, char *buf, size_t cap)
{
    if (isnan(v)) {
        snprintf(buf, cap, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v < 0 ? "-inf" : "inf");
        return;
    }
    /* shortest %.*g that reads back exactly; plain decimals for moderate magnitudes */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    double a = fabs(v);
    if (strchr(buf, 'e') && a >= 1e-4 && a < 1e16) {
        char tmp[64];
        for (int d = 0; d <= 20; d++) {
            snprintf(tmp, sizeof tmp, "%.*f", d, v);
            if (strtod(tmp, NULL) == v) {
                snprintf(buf, cap, "%s", tmp);
                break;
            }
        }
    }
    if (!strpbrk(buf, ".eEn")) {
        size_t n = strlen(buf);
        if (n + 3 <= cap)
            memcpy(buf + n, ".0", 3);
    }
}

char *svasm_quote(const uint8_t *s, size_t len)
{
    asm_sb_t b = {0};
    asm_sb_add(&b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        char tmp[8];
        switch (c) {
        case '\n': asm_sb_add(&b, "\\n", 2); break;
        case '\t': asm_sb_add(&b, "\\t", 2); break;
        case '\\': asm_sb_add(&b, "\\\\", 2); break;
        case '"': asm_sb_add(&b, "\\\"", 2); break;
        default:
            if (c >= 0x20 && c < 0x7f) {
                tmp[0] = (char)c;
                asm_sb_add(&b, tmp, 1);
            } else {
                snprintf(tmp, sizeof tmp, "\\x%02x", c);
                asm_sb_add(&b, tmp, 4);
            }
        }
    }
    asm_sb_add(&b, "\"", 1);
    return asm_sb_take(&b);
}

static uint64_t map_hash(const void *key, size_t len)
{
    const uint8_t *p = key;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

int asm_map_get(const asm_map_t *m, const void *key, size_t len, int *val)
{
    if (!m->cap)
        return 0;
    for (size_t i = map_hash(key, len) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const struct asm_map_ent *e = &m->e[i];
        if (!e->used)
            return 0;
        if (e->len == len && memcmp(e->key, key, len) == 0) {
            *val = e->val;
            return 1;
        }
    }
}

void asm_map_put(asm_map_t *m, const void *key, size_t len, int val)
{
    if ((m->n + 1) * 2 > m->cap) {
        asm_map_t nm = {0};
        nm.cap = m->cap ? m->cap * 2 : 64;
        nm.e = asm_xcalloc(nm.cap, sizeof *nm.e);
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].used)
                asm_map_put(&nm, m->e[i].key, m->e[i].len, m->e[i].val);
        free(m->e);
        *m = nm;
    }
    size_t i = map_hash(key, len) & (m->cap - 1);
    for (;; i = (i + 1) & (m->cap - 1)) {
        struct asm_map_ent *e = &m->e[i];
        if (!e->used) {
            e->used = 1;
            e->key = key;
            e->len = len;
            e->val = val;
            m->n++;
            return;
        }
        if (e->len == len && memcmp(e->key, key, len) == 0) {
            e->val = val;
            return;
        }
    }
}

void asm_map_free(asm_map_t *m)
{
    free(m->e);
    m->e = NULL;
    m->n = m->cap = 0;
}

int asm_valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n >= SVIMG_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

int svasm_parse_gc(const char *s)
{
    if (strcmp(s, "copy") == 0)
        return SVMF_GC_COPY;
    if (strcmp(s, "compact") == 0)
        return SVMF_GC_COMPACT;
    return -1;
}

int svasm_parse_policy(const char *s)
{
    if (strcmp(s, "stop") == 0)
        return SVMF_POLICY_STOP;
    if (strcmp(s, "restart") == 0)
        return SVMF_POLICY_RESTART;
    if (strcmp(s, "log") == 0)
        return SVMF_POLICY_LOG;
    return -1;
}

int svasm_parse_size(const char *s, long *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno)
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1024, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1024 * 1024, end++;
    if (*end || v > (unsigned long long)0x7fffffff / mul)
        return -1;
    *out = (long)(v * mul);
    return 0;
}

#ifdef SVMF_ARRAYS_MAX
#define SVASM_ARRAYS_MAX SVMF_ARRAYS_MAX
#else
#define SVASM_ARRAYS_MAX (16u << 20)
#endif

const char *asm_xchan_parse(const char *spec, asm_xchan_t *out, char *canon, size_t canoncap)
{
    char buf[64], *part[5];
    int n = 0;
    asm_xchan_t x;
    memset(&x, 0, sizeof x);
    x.depth = 1;
    x.policy = SVMF_XPOLICY_DROP_NEW;
    if (strlen(spec) >= sizeof buf)
        goto bad;
    strcpy(buf, spec);
    part[n++] = buf;
    for (char *p = buf; *p; p++)
        if (*p == ':') {
            if (n == 4)
                goto bad;
            *p = '\0';
            part[n++] = p + 1;
        }
    if (n < 2 || !asm_valid_name(part[0]))
        goto bad;
    snprintf(x.name, sizeof x.name, "%s", part[0]);
    if (strcmp(part[1], "send") == 0)
        x.dir = SVMF_XCHAN_SEND;
    else if (strcmp(part[1], "recv") == 0)
        x.dir = SVMF_XCHAN_RECV;
    else
        goto bad;
    if (n > 2) {
        char *end;
        long d = strtol(part[2], &end, 10);
        if (!*part[2] || *end || d < 1 || d > 65535)
            goto bad;
        x.depth = (uint16_t)d;
    }
    if (n > 3) {
        if (strcmp(part[3], "drop") == 0)
            x.policy = SVMF_XPOLICY_DROP_NEW;
        else if (strcmp(part[3], "overwrite") == 0)
            x.policy = SVMF_XPOLICY_OVERWRITE;
        else
            goto bad;
    }
    if (out)
        *out = x;
    snprintf(canon, canoncap, "%s:%s:%u:%s", x.name, x.dir == SVMF_XCHAN_SEND ? "send" : "recv",
             (unsigned)x.depth, x.policy == SVMF_XPOLICY_OVERWRITE ? "overwrite" : "drop");
    return NULL;
bad:
    snprintf(canon, canoncap,
             "bad xchan '%.40s' (expected NAME:send|recv[:DEPTH[:drop|overwrite]], NAME 1..15 "
             "characters of A-Z a-z 0-9 _ . -, DEPTH 1..65535)",
             spec);
    return canon;
}

const char *asm_mfield_check(const char *key, const char *value, int value_is_num, int64_t num,
                             char *canon, size_t canoncap)
{
    static const struct {
        const char *key;
        int64_t min, max, mult;
    } nums[] = {
        {"priority", 0, 255, 1},
        {"heap", SVMF_HEAP_MIN, SVMF_HEAP_MAX, 8},
        {"stack", SVMF_STACK_MIN, SVMF_STACK_MAX, 4},
        {"arrays", 0, SVASM_ARRAYS_MAX, 8},
        {"contexts", 1, SVMF_CONTEXTS_MAX, 1},
        {"channels", 0, SVMF_CHANNELS_MAX, 1},
        {"heartbeat", 0, 0x7fffffff, 1},
        {"fuel", 0, 0x7fffffff, 1},
    };
    /* errors are written into canon too (the caller's buffer: reentrant) */
    char *msg = canon;
    size_t msgcap = canoncap;
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        if (strcmp(key, nums[i].key) != 0)
            continue;
        if (!value_is_num) {
            snprintf(msg, msgcap, "manifest '%.20s' needs a number", key);
            return msg;
        }
        if (num < nums[i].min || num > nums[i].max || num % nums[i].mult) {
            if (nums[i].mult > 1)
                snprintf(
                    msg, msgcap,
                    "manifest '%.20s' out of range: %lld (expected %lld..%lld, a multiple of %lld)",
                    key, (long long)num, (long long)nums[i].min, (long long)nums[i].max,
                    (long long)nums[i].mult);
            else
                snprintf(msg, msgcap, "manifest '%.20s' out of range: %lld (expected %lld..%lld)",
                         key, (long long)num, (long long)nums[i].min, (long long)nums[i].max);
            return msg;
        }
        snprintf(canon, canoncap, "%lld", (long long)num);
        return NULL;
    }
    if (strcmp(key, "name") == 0 || strcmp(key, "device") == 0) {
        if (value_is_num || !asm_valid_name(value)) {
            snprintf(msg, msgcap, "bad %.20s '%.40s' (1..15 characters of A-Z a-z 0-9 _ . -)", key,
                     value_is_num ? "?" : value);
            return msg;
        }
        snprintf(canon, canoncap, "%s", value);
        return NULL;
    }
    if (strcmp(key, "xchan") == 0) {
        if (value_is_num) {
            snprintf(msg, msgcap,
                     "manifest 'xchan' needs a string \"NAME:send|recv[:DEPTH[:drop|overwrite]]\"");
            return msg;
        }
        return asm_xchan_parse(value, NULL, canon, canoncap);
    }
    /* keys whose value is one of a few words */
    int is_policy = strcmp(key, "policy") == 0, is_gc = strcmp(key, "gc") == 0;
    if (is_policy || is_gc) {
        int ok = !value_is_num && (is_gc ? svasm_parse_gc(value) : svasm_parse_policy(value)) >= 0;
        if (!ok) {
            snprintf(msg, msgcap, "bad %s '%.40s' (expected %s)", key, value_is_num ? "?" : value,
                     is_gc ? "copy or compact" : "stop, restart or log");
            return msg;
        }
        snprintf(canon, canoncap, "%s", value);
        return NULL;
    }
    snprintf(msg, msgcap, "unknown manifest key '%.40s'", key);
    return msg;
}
