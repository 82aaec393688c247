/* SPDX-License-Identifier: MIT
 * exhaust.c — exhaustiveness of pattern matching (exhaust.h), after Maranget's "Warnings
 * for pattern matching": the usefulness of a wildcard row against the clauses' matrix,
 * with a witness (an example of an unmatched value) built on the way. Called by the type
 * checker; builds only on types.c.
 */
#include <stdlib.h>
#include <string.h>
#include "exhaust.h"
#include "types.h"

static int is_wild(const pat_t *p) { return p->kind == P_ANY; }

static type_t **con_arg_types(struct cinfo *c, type_t *t)
{
    type_t **r = xalloc(sizeof(type_t *) * (size_t)(c->arity + 1));
    t = ty_repr(t);
    for (int i = 0; i < c->arity; i++) {
        if (c->is_exn || !t || t->kind != TY_CON)
            r[i] = c->args[i];
        else {
            /* substitute the declaration's parameters by t's arguments */
            r[i] = ty_subst(c->args[i], c->owner, t->args);
        }
    }
    return r;
}

static pat_t *exh_norm(pat_t *p)
{
    for (;;) {
        if (p->kind == P_CONSTRAINT || p->kind == P_ALIAS)
            p = p->sub[0];
        else if (p->kind == P_VAR)
            return &wild_pat;
        else
            return p;
    }
}

static const char *paren_arg(const char *s)
{
    if (strchr(s, ' ') && s[0] != '(' && s[0] != '{' && s[0] != '[')
        return xfmt("(%s)", s);
    if (strstr(s, "::") && s[0] != '(')
        return xfmt("(%s)", s);
    return s;
}

static const char *con_str(struct cinfo *c, const char **args)
{
    if (c->arity == 0)
        return c->name;
    if (!strcmp(c->name, "::"))
        return xfmt("%s::%s", strstr(args[0], "::") ? xfmt("(%s)", args[0]) : args[0], args[1]);
    if (c->arity == 1)
        return xfmt("%s %s", c->name, paren_arg(args[0]));
    sbuf_t b = {0};
    sb_add(&b, c->name, strlen(c->name));
    sb_add(&b, " (", 2);
    for (int i = 0; i < c->arity; i++) {
        if (i)
            sb_add(&b, ", ", 2);
        sb_add(&b, args[i], strlen(args[i]));
    }
    sb_add(&b, ")", 1);
    return b.s;
}

/* A witness: ncols strings, or NULL when the matrix is exhaustive. */
typedef const char **witness_t;
static witness_t exh(pat_t ***rows, int nrows, int ncols, type_t **types, int depth);

/* the matrix with or-patterns of column 0 expanded (first alternative first) and
 * variables, aliases and constraints there read as what they match */
static vec_t expand_or(pat_t ***rows, int nrows, int ncols)
{
    vec_t rv = {0};
    for (int i = 0; i < nrows; i++) {
        vec_t work = {0};
        vpush(&work, rows[i]);
        while (work.n) {
            pat_t **r = work.v[--work.n];
            pat_t *p = exh_norm(r[0]);
            if (p->kind == P_OR) {
                pat_t **a = xalloc(sizeof(pat_t *) * (size_t)ncols),
                      **b = xalloc(sizeof(pat_t *) * (size_t)ncols);
                memcpy(a, r, sizeof(pat_t *) * (size_t)ncols);
                memcpy(b, r, sizeof(pat_t *) * (size_t)ncols);
                a[0] = p->sub[0];
                b[0] = p->sub[1];
                vpush(&work, b);
                vpush(&work, a);
            } else {
                pat_t **c = xalloc(sizeof(pat_t *) * (size_t)ncols);
                memcpy(c, r, sizeof(pat_t *) * (size_t)ncols);
                c[0] = p;
                vpush(&rv, c);
            }
        }
        free(work.v);
    }
    return rv;
}

/* the witness of the default matrix (rows whose column 0 is a wildcard), with w0 in front */
static witness_t exh_default(pat_t ***rows, int nrows, int ncols, type_t **types, int depth,
                             const char *w0)
{
    pat_t ***dr = xalloc(sizeof(pat_t **) * (size_t)(nrows + 1));
    int nd = 0;
    for (int i = 0; i < nrows; i++)
        if (is_wild(rows[i][0]))
            dr[nd++] = rows[i] + 1;
    witness_t r = exh(dr, nd, ncols - 1, types + 1, depth + 1);
    if (!r)
        return NULL;
    witness_t w = xalloc(sizeof(char *) * (size_t)(ncols + 1));
    w[0] = w0;
    for (int j = 1; j < ncols; j++)
        w[j] = r[j - 1];
    return w;
}

/* the first constructor of first's type that no row's column 0 mentions, or NULL */
static struct cinfo *missing_con(pat_t ***rows, int nrows, const struct tdecl *d)
{
    for (int c = 0; c < d->cons.n; c++) {
        struct cinfo *ci = d->cons.v[c];
        int present = 0;
        for (int i = 0; i < nrows; i++)
            if (rows[i][0]->kind == P_CONSTR && rows[i][0]->con == ci)
                present = 1;
        if (!present)
            return ci;
    }
    return NULL;
}

/* the types of the components of first's kind of value at type t0 (ci: the constructor) */
static type_t **component_types(pat_t *first, struct cinfo *ci, type_t *t0, int arity)
{
    if (ci)
        return con_arg_types(ci, t0);
    type_t **at = xalloc(sizeof(type_t *) * (size_t)(arity + 1));
    for (int a = 0; a < arity; a++) {
        if (first->kind == P_TUPLE)
            at[a] =
                (t0 && t0->kind == TY_CON && t0->nargs == arity) ? t0->args[a] : first->sub[a]->ty;
        else {
            struct tdecl *rd = first->fields[0]->owner;
            at[a] = (t0 && t0->kind == TY_CON)
                        ? ty_subst(((struct finfo *)rd->fields.v[a])->type, rd, t0->args)
                        : NULL;
        }
    }
    return at;
}

/* a witness value of first's kind made of the components' witnesses */
static const char *compose(pat_t *first, struct cinfo *ci, witness_t r, int arity)
{
    if (ci)
        return con_str(ci, r);
    sbuf_t b = {0};
    if (first->kind == P_TUPLE) {
        sb_add(&b, "(", 1);
        for (int a = 0; a < arity; a++) {
            if (a)
                sb_add(&b, ", ", 2);
            sb_add(&b, r[a], strlen(r[a]));
        }
        sb_add(&b, ")", 1);
        return b.s;
    }
    struct tdecl *rd = first->fields[0]->owner;
    sb_add(&b, "{", 1);
    int any = 0, wild = 0;
    for (int a = 0; a < arity; a++) {
        if (!strcmp(r[a], "_")) {
            wild = 1;
            continue;
        }
        if (any)
            sb_add(&b, "; ", 2);
        const char *f = xfmt("%s=%s", ((struct finfo *)rd->fields.v[a])->name, r[a]);
        sb_add(&b, f, strlen(f));
        any = 1;
    }
    if (wild)
        sb_add(&b, any ? "; _ " : "_", any ? 4 : 1);
    sb_add(&b, "}", 1);
    return b.s;
}

/* specialise the matrix by constructor ci (NULL: the one constructor of a tuple or record
 * type) and look for a witness there */
static witness_t exh_con(pat_t ***rows, int nrows, int ncols, type_t **types, int depth,
                         pat_t *first, struct cinfo *ci)
{
    int arity = ci                       ? ci->arity
                : first->kind == P_TUPLE ? first->n
                                         : first->fields[0]->owner->fields.n;
    type_t **at = component_types(first, ci, ty_repr(types[0]), arity);
    int nc = ncols - 1 + arity;
    type_t **nt = xalloc(sizeof(type_t *) * (size_t)(nc + 1));
    for (int a = 0; a < arity; a++)
        nt[a] = at[a];
    for (int j = 1; j < ncols; j++)
        nt[arity + j - 1] = types[j];
    vec_t nr = {0};
    for (int i = 0; i < nrows; i++) {
        pat_t *p = rows[i][0];
        if (!is_wild(p) && ci && p->con != ci)
            continue;
        pat_t **x = xalloc(sizeof(pat_t *) * (size_t)(nc + 1));
        for (int a = 0; a < arity; a++)
            x[a] = pat_arg(p, a);
        for (int j = 1; j < ncols; j++)
            x[arity + j - 1] = rows[i][j];
        vpush(&nr, x);
    }
    witness_t r = exh((pat_t ***)nr.v, nr.n, nc, nt, depth + 1);
    if (!r)
        return NULL;
    witness_t w = xalloc(sizeof(char *) * (size_t)(ncols + 1));
    w[0] = compose(first, ci, r, arity);
    for (int j = 1; j < ncols; j++)
        w[j] = r[arity + j - 1];
    return w;
}

/* a constant (or exception) no row of column 0 names */
static const char *unused_constant(pat_t ***rows, int nrows, int kind)
{
    if (kind == P_INT || kind == P_CHAR) {
        for (long v = kind == P_CHAR ? 'a' : 0;; v++) {
            int used = 0;
            for (int i = 0; i < nrows; i++)
                if (rows[i][0]->kind == kind && rows[i][0]->ival == v)
                    used = 1;
            if (!used)
                return kind == P_CHAR ? xfmt("'%c'", (int)v) : xfmt("%ld", v);
        }
    }
    if (kind == P_STRING) {
        const char *ws = "\"\"";
        for (int i = 0; i < nrows; i++)
            if (rows[i][0]->kind == P_STRING && rows[i][0]->slen == 0)
                ws = "\"*\"";
        return ws;
    }
    return kind == P_FLOAT ? "0." : "_";
}

static witness_t exh(pat_t ***rows, int nrows, int ncols, type_t **types, int depth)
{
    witness_t w = xalloc(sizeof(char *) * (size_t)(ncols + 1));
    if (ncols == 0)
        return nrows ? NULL : w;
    if (depth > 40)
        return NULL;
    check_nesting(nrows && rows[0][0] ? rows[0][0]->loc : (loc_t){1, 1, 1, 1});
    if (nrows == 0) {
        for (int j = 0; j < ncols; j++)
            w[j] = "_";
        return w;
    }
    vec_t rv = expand_or(rows, nrows, ncols);
    rows = (pat_t ***)rv.v;
    nrows = rv.n;
    pat_t *first = NULL;
    for (int i = 0; i < nrows && !first; i++)
        if (!is_wild(rows[i][0]))
            first = rows[i][0];
    if (!first)
        return exh_default(rows, nrows, ncols, types, depth, "_");
    int kind = first->kind;
    if (kind == P_TUPLE || kind == P_RECORD)
        return exh_con(rows, nrows, ncols, types, depth, first, NULL);
    if (kind == P_CONSTR && !first->con->is_exn) {
        const struct tdecl *d = first->con->owner;
        struct cinfo *missing = missing_con(rows, nrows, d);
        if (missing) {
            const char **args = xalloc(sizeof(char *) * (size_t)(missing->arity + 1));
            for (int a = 0; a < missing->arity; a++)
                args[a] = "_";
            return exh_default(rows, nrows, ncols, types, depth, con_str(missing, args));
        }
        for (int c = 0; c < d->cons.n; c++) {
            witness_t r = exh_con(rows, nrows, ncols, types, depth, first, d->cons.v[c]);
            if (r)
                return r;
        }
        return NULL;
    }
    /* infinite signatures: constants and exceptions */
    return exh_default(rows, nrows, ncols, types, depth, unused_constant(rows, nrows, kind));
}

void check_exhaustive(mcase_t **cases, int n, type_t *t, loc_t l)
{
    vec_t rows = {0};
    for (int i = 0; i < n; i++) {
        if (cases[i]->guard)
            continue;
        pat_t **r = xalloc(sizeof(pat_t *));
        r[0] = cases[i]->pat;
        vpush(&rows, r);
    }
    type_t *ts[1] = {t};
    witness_t w = exh((pat_t ***)rows.v, rows.n, 1, ts, 0);
    if (w)
        diag_warning(l,
                     "this pattern-matching is not exhaustive. Here is an example of a case that "
                     "is not matched: %s",
                     w[0]);
}
