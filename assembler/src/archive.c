/* SPDX-License-Identifier: MIT
 * archive.c — reading `ar` archives: System V/GNU (with "/" symbol index and "//" long
 * name table) and BSD ("#1/len" names). Members are views into the caller's buffer.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int svasm_is_archive(const uint8_t *buf, size_t len)
{
    return len >= 8 && memcmp(buf, "!<arch>\n", 8) == 0;
}

static unsigned long long field_num(const uint8_t *p, size_t n, int *ok)
{
    unsigned long long v = 0;
    size_t i = 0;
    while (i < n && p[i] == ' ')
        i++;
    if (i == n || p[i] < '0' || p[i] > '9')
        *ok = 0;
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
        v = v * 10 + (unsigned)(p[i] - '0');
    for (; i < n; i++)
        if (p[i] != ' ')
            *ok = 0;
    return v;
}

int asm_ar_list(const char *name, const uint8_t *buf, size_t len, asm_ar_member_t **out,
                size_t *nout, svasm_diags_t *d)
{
    asm_ar_member_t *m = NULL;
    size_t n = 0, cap = 0;
    const uint8_t *longnames = NULL;
    size_t nlong = 0, pos = 8;
    *out = NULL;
    *nout = 0;
#define AR_FAIL(...)                                                                               \
    do {                                                                                           \
        svasm_diag_add(d, SVASM_ERROR, name, 0, 0, NULL, __VA_ARGS__);                             \
        for (size_t i_ = 0; i_ < n; i_++)                                                          \
            free(m[i_].name);                                                                      \
        free(m);                                                                                   \
        return -1;                                                                                 \
    } while (0)
    if (!svasm_is_archive(buf, len))
        AR_FAIL("not an ar archive");
    while (pos < len) {
        if (len - pos < 60)
            AR_FAIL("truncated archive member header at offset %zu", pos);
        const uint8_t *h = buf + pos;
        int ok = 1;
        unsigned long long size = field_num(h + 48, 10, &ok);
        if (h[58] != '`' || h[59] != '\n' || !ok)
            AR_FAIL("malformed archive member header at offset %zu", pos);
        if (size > len - pos - 60)
            AR_FAIL("truncated archive member at offset %zu", pos);
        const uint8_t *data = h + 60;
        size_t dsize = (size_t)size;
        char mname[256];
        mname[0] = 0;
        if (h[0] == '/' && (h[1] == ' ' || memcmp(h, "/SYM64/", 7) == 0)) {
            /* symbol index: not needed, members are read directly */
        } else if (h[0] == '/' && h[1] == '/') {
            longnames = data;
            nlong = dsize;
        } else if (h[0] == '/' && h[1] >= '0' && h[1] <= '9') {
            int ok2 = 1;
            size_t k = 1;
            while (k < 16 && h[k] >= '0' && h[k] <= '9')
                k++;
            unsigned long long off = field_num(h + 1, k - 1, &ok2);
            if (!longnames || off >= nlong)
                AR_FAIL("bad long member name at offset %zu", pos);
            size_t ml = 0;
            while (off + ml < nlong && longnames[off + ml] != '/' && longnames[off + ml] != '\n' &&
                   ml < sizeof mname - 1)
                ml++;
            memcpy(mname, longnames + off, ml);
            mname[ml] = 0;
        } else if (memcmp(h, "#1/", 3) == 0) {
            int ok2 = 1;
            unsigned long long nl = field_num(h + 3, 13, &ok2);
            if (!ok2 || nl > dsize || nl >= sizeof mname)
                AR_FAIL("bad long member name at offset %zu", pos);
            memcpy(mname, data, (size_t)nl);
            mname[nl] = 0;
            data += nl;
            dsize -= (size_t)nl;
        } else {
            size_t ml = 0;
            while (ml < 16 && h[ml] != '/' && h[ml] != ' ')
                ml++;
            memcpy(mname, h, ml);
            mname[ml] = 0;
        }
        if (mname[0]) {
            ASM_GROW(m, n, cap);
            size_t nn = strlen(name) + strlen(mname) + 3;
            m[n].name = asm_xmalloc(nn);
            snprintf(m[n].name, nn, "%s(%s)", name, mname);
            m[n].data = data;
            m[n].size = dsize;
            n++;
        }
        pos += 60 + (size_t)size;
        pos += pos & 1;
    }
#undef AR_FAIL
    *out = m;
    *nout = n;
    return 0;
}
