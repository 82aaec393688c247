/* SPDX-License-Identifier: MIT
 * sensevm/suggest.h — "did you mean": the known name closest to a mistyped one, for the
 * three tools' unknown options (sensec, senseasm, sensevm-run: one rule for all). Host
 * tools only (not in the cross build's library); no memory.
 *
 *   svbc_suggest_t s;
 *   svbc_suggest_init(&s, "--stirp");
 *   for (each known option) svbc_suggest_try(&s, "--strip");
 *   if (s.best) ... "did you mean '%s'?", s.best
 *
 * A candidate is close when at most 2 edits (insert, delete, replace a character) away;
 * the closest wins (the first of equals). Failing that, a candidate that starts with the
 * name (longer than 3 characters: "--max" for "--max-steps"). Leading '-' do not count,
 * so that "stirp" and "--strip" compare as written.
 */
#ifndef SENSEVM_SUGGEST_H
#define SENSEVM_SUGGEST_H

#include <stddef.h>

typedef struct svbc_suggest {
    const char *name; /* the mistyped name, up to '=' */
    size_t len;
    const char *best; /* the suggestion, or NULL */
    unsigned dist;    /* its distance; > 2: a prefix match */
} svbc_suggest_t;

void svbc_suggest_init(svbc_suggest_t *s, const char *name);
void svbc_suggest_try(svbc_suggest_t *s, const char *candidate);

#endif
