/* SPDX-License-Identifier: MIT
 * suggest.c — "did you mean" for the tools' unknown options (sensevm/suggest.h).
 */
#include <sensevm/suggest.h>

#include <string.h>

#define NAME_MAX_ 48 /* longer names are never close */

static const char *undash(const char *s)
{
    while (*s == '-')
        s++;
    return s;
}

/* Levenshtein distance of a[0..la) and b[0..lb), both at most NAME_MAX_ long. */
static unsigned distance(const char *a, size_t la, const char *b, size_t lb)
{
    unsigned row[NAME_MAX_ + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void svbc_suggest_init(svbc_suggest_t *s, const char *name)
{
    s->name = undash(name);
    s->len = strcspn(s->name, "=");
    s->best = NULL;
    s->dist = ~0u;
}

void svbc_suggest_try(svbc_suggest_t *s, const char *candidate)
{
    const char *c = undash(candidate);
    size_t lc = strlen(c);
    if (s->len > NAME_MAX_ || lc > NAME_MAX_ || !s->len)
        return;
    unsigned d = distance(s->name, s->len, c, lc);
    if (d > 2)
        d = s->len > 3 && s->len < lc && !memcmp(s->name, c, s->len) ? 3 : ~0u;
    if (d < s->dist) {
        s->dist = d;
        s->best = candidate;
    }
}
