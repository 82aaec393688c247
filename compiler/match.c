/* SPDX-License-Identifier: MIT
 * match.c — pattern matching compiled to decision trees (match.h), in the manner of
 * Maranget's "Compiling pattern matching to good decision trees": pick the first column
 * the first row tests, dispatch on its constructors (a switch, a test chain or a jump
 * table), specialise the matrix per head, fall to the default matrix. Pattern variables
 * that name an immutable field are read in place instead of copied.
 * Guards and clause bodies are compiled through the hooks the code generator passes.
 */
#include <stdlib.h>
#include <string.h>
#include "cg.h"
#include "match.h"

typedef struct row {
    pat_t **p;
    int clause;
    int nb;
    var_t **bv;
    occ_t **bo;
} row_t;

typedef struct mctx {
    mcase_t **cases;
    int ncases;
    vec_t *cvars; /* per clause: var_t* pushed for its body (locals) */
    const char **body_label;
    int *body_used;
    int tail;
    int reraise; /* try: unmatched exception is re-raised */
    occ_t *root;
    const match_hooks_t *h;
    loc_t loc;
    int last_clause; /* clause of the last leaf emitted (its body follows) */
} mctx_t;

static void row_bind(row_t *r, var_t *v, occ_t *o)
{
    var_t **nbv = xalloc(sizeof(var_t *) * (size_t)(r->nb + 1));
    occ_t **nbo = xalloc(sizeof(occ_t *) * (size_t)(r->nb + 1));
    if (r->nb) {
        memcpy(nbv, r->bv, sizeof(var_t *) * (size_t)r->nb);
        memcpy(nbo, r->bo, sizeof(occ_t *) * (size_t)r->nb);
    }
    nbv[r->nb] = v;
    nbo[r->nb] = o;
    r->nb++;
    r->bv = nbv;
    r->bo = nbo;
}

/* strip constraints, record aliases/variables as bindings */
static pat_t *norm(row_t *r, int col, occ_t *o)
{
    pat_t *p = r->p[col];
    if (!p) /* never: every row has a pattern per column; read as a wildcard if it had not */
        p = &wild_pat;
    for (;;) {
        /* a constraint or alias always wraps a pattern (the parser builds both with one) */
        if (p->kind == P_CONSTRAINT && p->sub[0])
            p = p->sub[0];
        else if (p->kind == P_ALIAS && p->sub[0]) {
            row_bind(r, p->var, o);
            p = p->sub[0];
        } else if (p->kind == P_VAR) {
            row_bind(r, p->var, o);
            p = &wild_pat;
        } else
            break;
    }
    r->p[col] = p;
    return p;
}

static row_t *row_copy(row_t *r, int ncols)
{
    row_t *c = xalloc(sizeof *c);
    *c = *r;
    c->p = xalloc(sizeof(pat_t *) * (size_t)(ncols + 1));
    memcpy(c->p, r->p, sizeof(pat_t *) * (size_t)ncols);
    return c;
}

static void mcomp(row_t **rows, int nrows, occ_t **occs, int ncols, mctx_t *m);

static void match_fail(mctx_t *m)
{
    if (m->reraise) {
        load_occ(m->root);
        emit("%s", OPN(raise));
        return;
    }
    emit_raise_at("Match_failure", m->loc);
}

static void leaf(row_t **rows, int nrows, occ_t **occs, int ncols, mctx_t *m)
{
    row_t *r = rows[0];
    int c = r->clause;
    vec_t *vars = &m->cvars[c];
    int pushed = 0;
    for (int i = 0; i < vars->n; i++) {
        var_t *v = vars->v[i];
        occ_t *o = NULL;
        for (int k = 0; k < r->nb; k++)
            if (r->bv[k] == v)
                o = r->bo[k];
        if (!o)
            ICE();
        if (v->alias)
            continue; /* read in place by the body */
        load_occ(o);
        if (v->kind == V_GVAL) {
            ref_sym(v->sym);
            emit("%s %s", OPN(setvar), v->sym);
            continue;
        }
        push();
        v->pos = cg.depth - 1;
        pushed++;
    }
    mcase_t *mc = m->cases[c];
    if (!m->body_label[c])
        m->body_label[c] = newlabel();
    m->body_used[c] = 1;
    if (mc->guard) {
        const char *lf = newlabel();
        m->h->cjump_false(mc->guard, lf);
        emit("%s %s", OPN(branch), m->body_label[c]);
        label(lf);
        popn(pushed);
        /* a failed guard goes on with the next clause: the other alternatives of this
         * clause's or-pattern are not retried (OCaml's semantics) */
        row_t **rest = xalloc(sizeof(row_t *) * (size_t)nrows);
        int nrest = 0;
        for (int i = 1; i < nrows; i++)
            if (rows[i]->clause != c)
                rest[nrest++] = rows[i];
        mcomp(rest, nrest, occs, ncols, m);
        return;
    }
    emit("%s %s", OPN(branch), m->body_label[c]);
    m->last_clause = c;
    cg.depth -= pushed;
}

static int is_wild(pat_t *p) { return p->kind == P_ANY; }

/* many integer/char constants in a small range: one bounds check and a jump table */
static int dense_int_switch(vec_t *heads, const char **hl, const char *ldef, occ_t *o)
{
    if (heads->n < 5)
        return 0;
    long mn = 0, mx = 0;
    for (int h = 0; h < heads->n; h++) {
        pat_t *p = heads->v[h];
        if (p->kind != P_INT && p->kind != P_CHAR)
            return 0;
        if (h == 0 || p->ival < mn)
            mn = p->ival;
        if (h == 0 || p->ival > mx)
            mx = p->ival;
    }
    long range = mx - mn;
    if (range > 3L * heads->n + 8 || range > 1000)
        return 0;
    const char *ldp = newlabel();
    load_occ(o);
    if (mn)
        emit("%s %ld", OPN(addimm), -mn);
    push();
    emit("%s %ld", OPN(quote), range);
    push();
    emit("%s 1", OPN(acc));
    emit("%s %s", OPN(bgt), ldp);
    cg.depth--;
    emit("%s 0", OPN(quote));
    push();
    emit("%s 1", OPN(acc));
    emit("%s %s", OPN(blt), ldp);
    cg.depth--;
    emit("%s 0", OPN(acc));
    popn(1);
    sbuf_t b = {0};
    char *t = xfmt("%s %ld, 0", OPN(switch), range + 1);
    sb_add(&b, t, strlen(t));
    for (long v = mn; v <= mx; v++) {
        const char *lab = ldef;
        for (int h = 0; h < heads->n; h++)
            if (((pat_t *)heads->v[h])->ival == v)
                lab = hl[h];
        sb_add(&b, ", ", 2);
        sb_add(&b, lab, strlen(lab));
    }
    emit("%s", b.s);
    label(ldp);
    emit("%s 1", OPN(pop));
    emit("%s %s", OPN(branch), ldef);
    return 1;
}

/* the occurrences of a matrix without column col, plus arity sub-occurrences of o (fields
 * base, base+1, ...) at the end */
static occ_t **occs_without(occ_t **occs, int ncols, int col, occ_t *o, int arity, int base)
{
    occ_t **no = xalloc(sizeof(occ_t *) * (size_t)(ncols + arity));
    int k = 0;
    for (int j = 0; j < ncols; j++)
        if (j != col)
            no[k++] = occs[j];
    for (int a = 0; a < arity; a++)
        no[k++] = occ_sub(o, a + base);
    return no;
}
/* row r without column col, plus the arity components of its pattern there at the end */
static row_t *row_without(row_t *r, int ncols, int col, int arity)
{
    row_t *x = xalloc(sizeof *x);
    *x = *r;
    x->p = xalloc(sizeof(pat_t *) * (size_t)(ncols + arity));
    int q = 0;
    for (int j = 0; j < ncols; j++)
        if (j != col)
            x->p[q++] = r->p[j];
    for (int a = 0; a < arity; a++)
        x->p[q++] = pat_arg(r->p[col], a);
    return x;
}

/* expand or-patterns in column col; normalise it in every row */
static vec_t expand_or(row_t **rows, int nrows, occ_t **occs, int ncols, int col)
{
    vec_t rv = {0};
    for (int i = 0; i < nrows; i++) {
        vec_t work = {0};
        vpush(&work, rows[i]);
        while (work.n) {
            row_t *r = work.v[--work.n];
            pat_t *p = norm(r, col, occs[col]);
            if (p->kind == P_OR) {
                row_t *b = row_copy(r, ncols);
                b->p[col] = p->sub[1];
                row_t *a = row_copy(r, ncols);
                a->p[col] = p->sub[0];
                vpush(&work, b);
                vpush(&work, a);
            } else
                vpush(&rv, r);
        }
        free(work.v);
    }
    return rv;
}

/* two patterns of a column that test the same thing */
static int same_head(const pat_t *p, const pat_t *q)
{
    switch (p->kind) {
    case P_CONSTR:
        return q->con == p->con ||
               (p->con->is_exn && q->con->is_exn && !strcmp(p->con->exn_name, q->con->exn_name));
    case P_INT:
    case P_CHAR: return q->ival == p->ival;
    case P_STRING: return q->slen == p->slen && memcmp(q->sval, p->sval, (size_t)p->slen) == 0;
    case P_FLOAT: return strtod(q->sval, NULL) == strtod(p->sval, NULL);
    default: return 0;
    }
}

/* dispatch on a variant's constructors: a branch, a test or a switch to the head labels */
static void variant_dispatch(struct tdecl *d, vec_t *heads, const char **hl, const char *ldef,
                             occ_t *o)
{
    const char **by_con = xalloc(sizeof(char *) * (size_t)(d->cons.n + 1));
    for (int c = 0; c < d->cons.n; c++)
        by_con[c] = ldef;
    for (int h = 0; h < heads->n; h++)
        by_con[((pat_t *)heads->v[h])->con->index] = hl[h];
    int nconst = d->nconst, nblock = d->nblock;
    const char **cl = xalloc(sizeof(char *) * (size_t)(nconst + 1));
    const char **bl = xalloc(sizeof(char *) * (size_t)(nblock + 1));
    for (int c = 0; c < d->cons.n; c++) {
        struct cinfo *ci = d->cons.v[c];
        if (ci->arity)
            bl[ci->tag] = by_con[c];
        else
            cl[ci->tag] = by_con[c];
    }
    load_occ(o);
    if (nblock == 0 && nconst == 2) {
        emit("%s %s", OPN(branchif), cl[1]);
        emit("%s %s", OPN(branch), cl[0]);
    } else if (nconst == 1 && nblock == 1) {
        /* one constant constructor (tag 0, the word of `quote 0`) and one block
         * constructor: a value of the type is that word or a pointer */
        emit("%s 0, %s", OPN(beqimm), cl[0]);
        emit("%s %s", OPN(branch), bl[0]);
    } else if (nconst == 0 && nblock == 1) {
        emit("%s %s", OPN(branch), bl[0]);
    } else {
        sbuf_t b = {0};
        char *t = xfmt("%s %d, %d", OPN(switch), nconst, nblock);
        sb_add(&b, t, strlen(t));
        for (int c = 0; c < nconst; c++) {
            sb_add(&b, ", ", 2);
            sb_add(&b, cl[c], strlen(cl[c]));
        }
        for (int c = 0; c < nblock; c++) {
            sb_add(&b, ", ", 2);
            sb_add(&b, bl[c], strlen(bl[c]));
        }
        emit("%s", b.s);
    }
}

/* one test of o against constant (or exception) p, jumping to lt when it matches */
static void test_head(pat_t *p, occ_t *o, const char *lt)
{
    switch (p->kind) {
    case P_INT:
    case P_CHAR:
        emit("%s %ld", OPN(quote), p->ival);
        push();
        load_occ(o);
        emit("%s %s", OPN(beq), lt);
        cg.depth--;
        return;
    case P_STRING:
        load_occ(o);
        push();
        emit_const_string(p->sval, p->slen);
        emit_svc(SVBC_SVC_string_equal);
        cg.depth--;
        emit("%s %s", OPN(branchif), lt);
        return;
    case P_FLOAT:
        emit("%s %s", OPN(const), p->sval);
        push();
        load_occ(o);
        emit("%s", OPN(eqfloat));
        cg.depth--;
        emit("%s %s", OPN(branchif), lt);
        return;
    case P_CONSTR:
        /* exceptions, constant ones too, are blocks whose field 0 is the name */
        load_occ(o);
        emit("%s 0", OPN(field));
        push();
        emit_const_cstr(p->con->exn_name);
        emit_svc(SVBC_SVC_string_equal);
        cg.depth--;
        emit("%s %s", OPN(branchif), lt);
        return;
    default: ICE();
    }
}

/* product types: tuples, records and one-constructor variants — no test, just expand */
static void expand_product(row_t **rows, int nrows, occ_t **occs, int ncols, int col, pat_t *first,
                           mctx_t *m)
{
    int arity;
    if (first->kind == P_TUPLE)
        arity = first->n;
    else if (first->kind == P_RECORD)
        arity = first->fields[0]->owner->fields.n;
    else
        arity = first->con->arity;
    int nc = ncols - 1 + arity;
    occ_t **no = occs_without(occs, ncols, col, occs[col], arity, 0);
    row_t **nr = xalloc(sizeof(row_t *) * (size_t)(nrows + 1));
    for (int i = 0; i < nrows; i++)
        nr[i] = row_without(rows[i], ncols, col, arity);
    mcomp(nr, nrows, no, nc, m);
}

/* the matrix of the rows that match head hp (wildcards too), compiled at hp's label */
static void specialise(row_t **rows, int nrows, occ_t **occs, int ncols, int col, pat_t *hp,
                       mctx_t *m)
{
    int arity = hp->kind == P_CONSTR ? hp->con->arity : 0;
    int base = (hp->kind == P_CONSTR && hp->con->is_exn) ? 1 : 0;
    occ_t **no = occs_without(occs, ncols, col, occs[col], arity, base);
    vec_t nr = {0};
    for (int i = 0; i < nrows; i++) {
        pat_t *p = rows[i]->p[col];
        if (is_wild(p) || same_head(p, hp))
            vpush(&nr, row_without(rows[i], ncols, col, arity));
    }
    int saved = cg.depth;
    mcomp((row_t **)nr.v, nr.n, no, ncols - 1 + arity, m);
    cg.depth = saved;
}

/* the default matrix: the rows with a wildcard in column col */
static void default_matrix(row_t **rows, int nrows, occ_t **occs, int ncols, int col, mctx_t *m)
{
    vec_t dr = {0};
    for (int i = 0; i < nrows; i++)
        if (is_wild(rows[i]->p[col]))
            vpush(&dr, row_without(rows[i], ncols, col, 0));
    occ_t **no = occs_without(occs, ncols, col, occs[col], 0, 0);
    int saved = cg.depth;
    mcomp((row_t **)dr.v, dr.n, no, ncols - 1, m);
    cg.depth = saved;
}

/* test column col: dispatch on its distinct heads, then each head's matrix, then the
 * default matrix unless the heads cover the variant */
static void test_column(row_t **rows, int nrows, occ_t **occs, int ncols, int col, pat_t *first,
                        mctx_t *m)
{
    occ_t *o = occs[col];
    vec_t heads = {0};
    for (int i = 0; i < nrows; i++) {
        pat_t *p = rows[i]->p[col];
        if (is_wild(p))
            continue;
        int dup = 0;
        for (int h = 0; h < heads.n && !dup; h++)
            dup = same_head(p, heads.v[h]);
        if (!dup)
            vpush(&heads, p);
    }
    int is_variant = first->kind == P_CONSTR && !first->con->is_exn;
    struct tdecl *d = is_variant ? first->con->owner : NULL;
    int complete = is_variant && heads.n == d->cons.n;
    const char **hl = xalloc(sizeof(char *) * (size_t)(heads.n + 1));
    for (int h = 0; h < heads.n; h++)
        hl[h] = newlabel();
    const char *ldef = newlabel();
    if (is_variant)
        variant_dispatch(d, &heads, hl, ldef, o);
    else if (!dense_int_switch(&heads, hl, ldef, o)) {
        for (int h = 0; h < heads.n; h++)
            test_head(heads.v[h], o, hl[h]);
        emit("%s %s", OPN(branch), ldef);
    }
    for (int h = 0; h < heads.n; h++) {
        label(hl[h]);
        specialise(rows, nrows, occs, ncols, col, heads.v[h], m);
    }
    label(ldef);
    if (!complete)
        default_matrix(rows, nrows, occs, ncols, col, m);
}

static void mcomp(row_t **rows, int nrows, occ_t **occs, int ncols, mctx_t *m)
{
    check_nesting(nrows && ncols && rows[0]->p[0] ? rows[0]->p[0]->loc : (loc_t){1, 1, 1, 1});
    if (nrows == 0) {
        match_fail(m);
        return;
    }
    /* normalise the first row; find a column to test */
    int col = -1;
    for (int j = 0; j < ncols; j++) {
        pat_t *p = norm(rows[0], j, occs[j]);
        if (!is_wild(p) && col < 0)
            col = j;
    }
    if (col < 0) {
        leaf(rows, nrows, occs, ncols, m);
        return;
    }
    vec_t rv = expand_or(rows, nrows, occs, ncols, col);
    rows = (row_t **)rv.v;
    nrows = rv.n;
    pat_t *first = NULL;
    for (int i = 0; i < nrows && !first; i++)
        if (!is_wild(rows[i]->p[col]))
            first = rows[i]->p[col];
    if (!first) {
        /* every alternative was a wildcard, e.g. `(_ | _)`: the column needs no test now */
        mcomp(rows, nrows, occs, ncols, m);
        return;
    }
    if (first->kind == P_TUPLE || first->kind == P_RECORD ||
        (first->kind == P_CONSTR && !first->con->is_exn && first->con->owner->cons.n == 1)) {
        expand_product(rows, nrows, occs, ncols, col, first, m);
        return;
    }
    if (first->kind == P_ARRAY)
        fatal_at(first->loc, "Sense does not support array patterns");
    test_column(rows, nrows, occs, ncols, col, first, m);
}

/* the variables a pattern binds, in a canonical order (first alternative of or-patterns) */
static void pat_vars(pat_t *p, vec_t *out)
{
    switch (p->kind) {
    case P_VAR: vpush(out, p->var); break;
    case P_ALIAS:
        pat_vars(p->sub[0], out);
        vpush(out, p->var);
        break;
    case P_OR: pat_vars(p->sub[0], out); break;
    case P_TUPLE:
    case P_CONSTR:
    case P_RECORD:
    case P_CONSTRAINT:
    case P_ARRAY:
        for (int i = 0; i < p->n; i++)
            pat_vars(p->sub[i], out);
        break;
    default: break;
    }
}

/* compile a match of the value in A (or of variable rootvar) against cases */
static int tuple_only(mcase_t **cases, int n, int arity)
{
    for (int i = 0; i < n; i++) {
        pat_t *p = cases[i]->pat;
        while (p->kind == P_CONSTRAINT)
            p = p->sub[0];
        if (p->kind == P_ANY)
            continue;
        if (p->kind != P_TUPLE || p->n != arity)
            return 0;
    }
    return 1;
}

/* Pattern variables that name a field of the matched value (or the value itself) are not
 * copied into slots: the body reads them in place (`accfield`), when the path is at most
 * one field from a slot and every block on it is immutable — tuples, constructor
 * arguments, immutable record fields (a mutable field could change under the body).
 * Variables under an or-pattern keep their slots (their path depends on the branch). */
static int occ_depth(occ_t *o)
{
    return o->n + (o->rootvar && o->rootvar->alias ? occ_depth(o->rootvar->alias) : 0);
}
static void try_alias(var_t *v, occ_t *o, int ok)
{
    v->alias = (ok && v->kind == V_LOCAL && occ_depth(o) <= 1) ? o : NULL;
}
static void alias_walk(pat_t *p, occ_t *o, int ok)
{
    switch (p->kind) {
    case P_CONSTRAINT: alias_walk(p->sub[0], o, ok); return;
    case P_VAR: try_alias(p->var, o, ok); return;
    case P_ALIAS:
        try_alias(p->var, o, ok);
        alias_walk(p->sub[0], o, ok);
        return;
    case P_TUPLE:
        for (int a = 0; a < p->n; a++)
            alias_walk(p->sub[a], occ_sub(o, a), ok);
        return;
    case P_CONSTR: {
        int base = p->con && p->con->is_exn ? 1 : 0;
        for (int a = 0; a < p->n; a++)
            alias_walk(p->sub[a], occ_sub(o, a + base), ok);
        return;
    }
    case P_RECORD:
        for (int f = 0; f < p->n; f++)
            alias_walk(p->sub[f], occ_sub(o, p->fields[f]->index), ok && !p->fields[f]->is_mutable);
        return;
    case P_OR:
    case P_ARRAY:
        for (int a = 0; a < p->n; a++)
            alias_walk(p->sub[a], o, 0);
        return;
    default: return;
    }
}

void match_compile(const match_hooks_t *h, expr_t *scrut, mcase_t **cases, int n, int tail,
                   int reraise, loc_t l, int in_A)
{
    int base = cg.depth;
    occ_t *root = xalloc(sizeof *root);
    int pushed_root = 0;
    /* match (a, b) with (p, q) -> ...: no tuple is built, the components get slots */
    int ntup = (!in_A && scrut->kind == E_TUPLE && tuple_only(cases, n, scrut->n)) ? scrut->n : 0;
    occ_t **occs = xalloc(sizeof(occ_t *) * (size_t)(ntup + 1));
    if (ntup) {
        for (int i = ntup - 1; i >= 0; i--) {
            h->expr(scrut->args[i], 0);
            push();
            occs[i] = xalloc(sizeof(occ_t));
            occs[i]->rootpos = cg.depth - 1;
        }
        root = occs[0];
        pushed_root = ntup;
    } else if (!in_A && scrut->kind == E_VAR && scrut->var && scrut->var->kind == V_LOCAL) {
        root->rootvar = scrut->var;
        scrut->var->used = 1;
    } else {
        if (!in_A)
            h->expr(scrut, 0);
        push();
        root->rootpos = cg.depth - 1;
        pushed_root = 1;
    }
    if (!ntup)
        occs[0] = root;
    int ncols = ntup ? ntup : 1;
    mctx_t m = {0};
    m.cases = cases;
    m.ncases = n;
    m.cvars = xalloc(sizeof(vec_t) * (size_t)(n + 1));
    m.body_label = xalloc(sizeof(char *) * (size_t)(n + 1));
    m.body_used = xalloc(sizeof(int) * (size_t)(n + 1));
    m.tail = tail;
    m.reraise = reraise;
    m.root = root;
    m.h = h;
    m.loc = l;
    m.last_clause = -1;
    for (int i = 0; i < n; i++)
        pat_vars(cases[i]->pat, &m.cvars[i]);
    row_t **rows = xalloc(sizeof(row_t *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        rows[i] = xalloc(sizeof(row_t));
        rows[i]->p = xalloc(sizeof(pat_t *) * (size_t)ncols);
        rows[i]->clause = i;
        if (!ntup) {
            rows[i]->p[0] = cases[i]->pat;
            continue;
        }
        pat_t *p = cases[i]->pat;
        while (p->kind == P_CONSTRAINT)
            p = p->sub[0];
        for (int j = 0; j < ntup; j++)
            rows[i]->p[j] = p->kind == P_TUPLE ? p->sub[j] : &wild_pat;
    }
    for (int i = 0; i < n; i++) {
        pat_t *p = cases[i]->pat;
        while (p->kind == P_CONSTRAINT)
            p = p->sub[0];
        if (!ntup)
            alias_walk(p, root, 1);
        else if (p->kind == P_TUPLE)
            for (int j = 0; j < ntup; j++)
                alias_walk(p->sub[j], occs[j], 1);
    }
    int d0 = cg.depth;
    mcomp(rows, n, occs, ncols, &m);
    const char *lend = newlabel();
    for (int ii = -1; ii < n; ii++) {
        /* the body of the last leaf first: its branch then falls through */
        int i = ii < 0 ? m.last_clause : ii;
        if (ii >= 0 && i == m.last_clause)
            continue;
        if (i < 0 || !m.body_used[i])
            continue;
        cg.depth = d0;
        int k = 0;
        for (int j = 0; j < m.cvars[i].n; j++) {
            var_t *v = m.cvars[i].v[j];
            if (v->kind == V_GVAL || v->alias)
                continue;
            v->pos = cg.depth;
            cg.depth++;
            k++;
        }
        label(m.body_label[i]);
        h->expr(cases[i]->body, tail);
        if (!tail) {
            popn(k);
            emit("%s %s", OPN(branch), lend);
        }
    }
    cg.depth = d0;
    label(lend);
    if (pushed_root && !tail)
        popn(pushed_root);
    if (!tail)
        cg.depth = base;
    (void)base;
}
