/* SPDX-License-Identifier: MIT
 * exhaust.h — the exhaustiveness check of pattern matching (exhaust.c).
 */
#ifndef SENSEC_EXHAUST_H
#define SENSEC_EXHAUST_H

#include "ast.h"

/* Warn at l (OCaml's warning 8, with an example of an unmatched value) if the clauses
 * without a guard do not cover every value of type t. */
void check_exhaustive(mcase_t **cases, int n, type_t *t, loc_t l);

#endif
