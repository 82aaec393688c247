/* SPDX-License-Identifier: MIT
 * types.c — operations on the type representation (types.h). It calls no other pass: the
 * type checker and the exhaustiveness checker both build on it.
 */
#include "types.h"

int ty_level = 1;
static int var_counter;

type_t *ty_newvar_at(int level)
{
    type_t *t = xalloc(sizeof *t);
    t->kind = TY_VAR;
    t->level = level;
    t->id = ++var_counter;
    return t;
}
type_t *ty_newvar(void) { return ty_newvar_at(ty_level); }

type_t *ty_con(struct tdecl *d, const char *name, int n, type_t **args)
{
    type_t *t = xalloc(sizeof *t);
    t->kind = TY_CON;
    t->decl = d;
    t->name = d ? d->name : name;
    t->nargs = n;
    t->args = xalloc(sizeof(type_t *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        t->args[i] = args[i];
    return t;
}

type_t *ty_repr(type_t *t)
{
    while (t && t->kind == TY_VAR && t->link)
        t = t->link;
    return t;
}

type_t *ty_inst_rec(type_t *t, struct ty_subst *s)
{
    t = ty_repr(t);
    if (t->kind == TY_VAR) {
        if (t->level != GENERIC_LEVEL)
            return t;
        for (int i = 0; i < s->n; i++)
            if (s->from[i] == t)
                return s->to[i];
        type_t *v = ty_newvar();
        if (s->n < 64) {
            s->from[s->n] = t;
            s->to[s->n++] = v;
        }
        return v;
    }
    if (t->nargs == 0)
        return t;
    type_t **a = xalloc(sizeof(type_t *) * (size_t)t->nargs);
    int changed = 0;
    for (int i = 0; i < t->nargs; i++) {
        a[i] = ty_inst_rec(t->args[i], s);
        if (a[i] != t->args[i])
            changed = 1;
    }
    if (!changed)
        return t;
    return ty_con(t->decl, t->name, t->nargs, a);
}
type_t *ty_instantiate(type_t *t)
{
    struct ty_subst s = {.n = 0};
    return ty_inst_rec(t, &s);
}
type_t *ty_subst(type_t *t, struct tdecl *d, type_t **args)
{
    struct ty_subst s = {.n = 0};
    for (int i = 0; i < d->nparams && i < 64; i++) {
        s.from[i] = d->params[i];
        s.to[i] = args[i];
    }
    s.n = d->nparams;
    return ty_inst_rec(t, &s);
}
