/* SPDX-License-Identifier: MIT
 * types.h — the type representation's operations shared by the type checker and the
 * exhaustiveness checker: fresh variables, constructed types, following links,
 * instantiation of type schemes and of a declaration's parameters (types.c).
 */
#ifndef SENSEC_TYPES_H
#define SENSEC_TYPES_H

#include "ast.h"

extern int ty_level; /* binding level of fresh variables (typer's let depth) */
type_t *ty_newvar_at(int level);
type_t *ty_newvar(void);                                                 /* at ty_level */
type_t *ty_con(struct tdecl *d, const char *name, int n, type_t **args); /* name: "->", "*" if !d */
type_t *ty_repr(type_t *t); /* follow variable links (NULL stays NULL) */

/* generic variables -> fresh ones (at most 64 distinct per substitution) */
struct ty_subst {
    type_t *from[64], *to[64];
    int n;
};
type_t *ty_inst_rec(type_t *t, struct ty_subst *s);
type_t *ty_instantiate(type_t *t);
/* a declaration's type over its parameters, with the parameters replaced by args */
type_t *ty_subst(type_t *t, struct tdecl *d, type_t **args);

#endif
