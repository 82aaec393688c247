/* SPDX-License-Identifier: MIT
 * match.h — the match compiler (match.c). It emits through cg.h and compiles guards and
 * clause bodies through hooks, so that it does not call the expression compiler (gen.c)
 * that calls it.
 */
#ifndef SENSEC_MATCH_H
#define SENSEC_MATCH_H

#include "cg.h"

typedef struct match_hooks {
    void (*expr)(expr_t *e, int tail);              /* e's value in A (tail: and return) */
    void (*cjump_false)(expr_t *e, const char *lf); /* jump to lf if boolean e is false */
} match_hooks_t;

/* Compile `match scrut with cases` (n clauses; in_A: the value is in A already, scrut is
 * unused). tail: in tail position. reraise: a try's handler (an unmatched exception is
 * raised again) rather than Match_failure at l. */
void match_compile(const match_hooks_t *h, expr_t *scrut, mcase_t **cases, int n, int tail,
                   int reraise, loc_t l, int in_A);

#endif
