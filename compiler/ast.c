/* SPDX-License-Identifier: MIT
 * ast.c — arena-style allocation, GNU-style diagnostics with source line and caret, and
 * the small AST constructors the parser uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sensevm/color.h>
#include "ast.h"

struct srcfile *cur_file;
int n_errors, n_warnings, quiet_warnings;
jmp_buf *fatal_jmp;

char *stack_base;
void check_nesting(loc_t l)
{
    char here = 0; /* only its address is used: how deep the C stack is */
    if (!stack_base)
        return;
    /* the stack grows down on every host sensec runs on; keep 1/8 in reserve for the
     * passes' own leaf calls and for printing the diagnostic */
    uintptr_t b = (uintptr_t)stack_base, h = (uintptr_t)&here;
    size_t used = (size_t)(b > h ? b - h : h - b);
    if (used > SENSEC_STACK_SIZE / 8 * 7)
        fatal_at(l, "nesting too deep: this expression or pattern nests deeper than sensec "
                    "supports (see docs/sensec.md)");
}

void *xalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fputs("sensec: out of memory\n", stderr);
        abort();
    }
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xalloc(n + 1);
    memcpy(p, s, n);
    return p;
}

char *xfmt(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = xalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void vpush(vec_t *v, void *x)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        void **nv = realloc(v->v, sizeof(void *) * (size_t)v->cap);
        if (!nv)
            abort();
        v->v = nv;
    }
    v->v[v->n++] = x;
}

void sb_add(sbuf_t *b, const char *s, size_t n)
{
    if (!b->s || b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        char *ns = realloc(b->s, b->cap);
        if (!ns)
            abort();
        b->s = ns;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

pat_t wild_pat = {.kind = P_ANY};

pat_t *pat_arg(pat_t *p, int a)
{
    if (p->kind == P_RECORD) {
        for (int f = 0; f < p->n; f++)
            if (p->fields[f]->index == a)
                return p->sub[f];
        return &wild_pat;
    }
    return p->kind != P_ANY && p->n > a ? p->sub[a] : &wild_pat;
}

void **vec_to_array(vec_t *v)
{
    void **a = xalloc(sizeof(void *) * (size_t)(v->n + 1));
    if (v->n)
        memcpy(a, v->v, sizeof(void *) * (size_t)v->n);
    return a;
}

/* (the code generator asks for every line it comments: an index, not a scan from the start) */
const char *src_line(int line, int *len)
{
    struct srcfile *f = cur_file;
    if (!f || line < 1)
        return NULL;
    const char *end = f->text + f->len;
    if (!f->line_at) {
        int n = 1;
        for (const char *c = f->text; c < end; c++)
            n += *c == '\n';
        f->line_at = xalloc(sizeof(size_t) * (size_t)(n + 1));
        f->nlines = 0;
        f->line_at[f->nlines++] = 0;
        for (const char *c = f->text; c < end; c++)
            if (*c == '\n')
                f->line_at[f->nlines++] = (size_t)(c + 1 - f->text);
    }
    const char *p = line <= f->nlines ? f->text + f->line_at[line - 1] : end;
    const char *q = p;
    while (q < end && *q != '\n')
        q++;
    *len = (int)(q - p);
    return p;
}

static void vdiag(const char *kind, loc_t l, const char *fmt, va_list ap)
{
    const char *off = svbc_sgr(SVBC_SGR_RESET);
    fprintf(stderr, "%s%s:%d:%d:%s %s%s:%s ", svbc_sgr(SVBC_SGR_LOCUS),
            cur_file ? cur_file->name : "sensec", l.line, l.col, off, svbc_sgr_kind(kind), kind,
            off);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    int len;
    const char *s = src_line(l.line, &len);
    if (!s)
        return;
    fprintf(stderr, " %5d | %.*s\n", l.line, len, s);
    fprintf(stderr, "       | ");
    for (int i = 1; i < l.col && i <= len; i++)
        fputc(s[i - 1] == '\t' ? '\t' : ' ', stderr);
    fprintf(stderr, "%s^", svbc_sgr(SVBC_SGR_CARET));
    int endc = (l.eline == l.line) ? l.ecol : len + 1;
    for (int i = l.col + 1; i < endc && i <= len; i++)
        fputc('~', stderr);
    fprintf(stderr, "%s\n", off);
}

void diag_error(loc_t l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag("error", l, fmt, ap);
    va_end(ap);
    n_errors++;
}

void diag_warning(loc_t l, const char *fmt, ...)
{
    if (quiet_warnings)
        return;
    va_list ap;
    va_start(ap, fmt);
    vdiag("warning", l, fmt, ap);
    va_end(ap);
    n_warnings++;
}

void fatal_at(loc_t l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag("error", l, fmt, ap);
    va_end(ap);
    n_errors++;
    if (fatal_jmp)
        longjmp(*fatal_jmp, 1);
    exit(1);
}

void fatal_stop(void)
{
    if (fatal_jmp)
        longjmp(*fatal_jmp, 1);
    exit(1);
}

void internal_error(const char *file, int line)
{
    fprintf(stderr, "sensec: internal error at %s:%d\n", file, line);
    abort();
}

expr_t *mk_expr(int kind, loc_t l)
{
    expr_t *e = xalloc(sizeof *e);
    e->kind = kind;
    e->loc = l;
    return e;
}

pat_t *mk_pat(int kind, loc_t l)
{
    pat_t *p = xalloc(sizeof *p);
    p->kind = kind;
    p->loc = l;
    return p;
}

texpr_t *mk_texpr(int kind, loc_t l, const char *name)
{
    texpr_t *t = xalloc(sizeof *t);
    t->kind = kind;
    t->loc = l;
    t->name = name;
    return t;
}

expr_t *mk_app(loc_t l, expr_t *f, int n, expr_t **args)
{
    /* flatten (f a) b into f a b, as OCaml's parser does for juxtaposition */
    expr_t *e = mk_expr(E_APP, l);
    e->a = f;
    e->n = n;
    e->args = xalloc(sizeof(expr_t *) * (size_t)(n + 1));
    memcpy(e->args, args, sizeof(expr_t *) * (size_t)n);
    return e;
}

expr_t *mk_var(loc_t l, const char *name)
{
    expr_t *e = mk_expr(E_VAR, l);
    e->sval = name;
    return e;
}

expr_t *mk_binop(loc_t l, const char *op, loc_t opl, expr_t *a, expr_t *b)
{
    expr_t *args[2] = {a, b};
    return mk_app(l, mk_var(opl, op), 2, args);
}

expr_t *mk_constr(loc_t l, const char *name, expr_t *arg)
{
    expr_t *e = mk_expr(E_CONSTR, l);
    e->sval = name;
    e->a = arg;
    return e;
}

pat_t *mk_pconstr(loc_t l, const char *name, pat_t *arg)
{
    pat_t *p = mk_pat(P_CONSTR, l);
    p->name = name;
    if (arg) {
        p->n = 1;
        p->sub = xalloc(sizeof(pat_t *));
        p->sub[0] = arg;
    }
    return p;
}

/* ---- copies of untyped trees (a functor's body, once per application) ----
 * Type expressions and declarations are read-only for the type checker and shared; what
 * the checker fills in (types, resolved names, code) starts empty in the copy. */
static pat_t *copy_pat(const pat_t *p)
{
    if (!p)
        return NULL;
    pat_t *q = mk_pat(p->kind, p->loc);
    *q = *p;
    q->ty = NULL;
    q->var = NULL;
    q->con = NULL;
    q->fields = NULL;
    if (p->sub) {
        q->sub = xalloc(sizeof(pat_t *) * (size_t)(p->n + 1));
        for (int i = 0; i < p->n; i++)
            q->sub[i] = copy_pat(p->sub[i]);
    }
    return q;
}
static item_t *copy_item(const item_t *it);
static binding_t *copy_binding(const binding_t *b)
{
    binding_t *r = xalloc(sizeof *r);
    *r = *b;
    r->pat = copy_pat(b->pat);
    r->e = copy_expr(b->e);
    return r;
}
expr_t *copy_expr(const expr_t *e)
{
    if (!e)
        return NULL;
    expr_t *r = mk_expr(e->kind, e->loc);
    *r = *e;
    r->ty = NULL;
    r->var = NULL;
    r->con = NULL;
    r->field = NULL;
    r->fields = NULL;
    r->fn = NULL;
    r->a = copy_expr(e->a);
    r->b = copy_expr(e->b);
    r->c = copy_expr(e->c);
    r->d = copy_expr(e->d);
    r->pat = copy_pat(e->pat);
    if (e->item && e->item->kind == I_MODULE)
        r->item = copy_item(e->item); /* let module */
    size_t n = (size_t)e->n + 1;
    if (e->args) {
        r->args = xalloc(sizeof(expr_t *) * n);
        for (int i = 0; i < e->n; i++)
            r->args[i] = copy_expr(e->args[i]);
    }
    if (e->params) {
        r->params = xalloc(sizeof(pat_t *) * n);
        for (int i = 0; i < e->n; i++)
            r->params[i] = copy_pat(e->params[i]);
    }
    if (e->binds) {
        r->binds = xalloc(sizeof(binding_t *) * n);
        for (int i = 0; i < e->n; i++)
            r->binds[i] = copy_binding(e->binds[i]);
    }
    if (e->cases) {
        r->cases = xalloc(sizeof(mcase_t *) * n);
        for (int i = 0; i < e->n; i++) {
            r->cases[i] = xalloc(sizeof(mcase_t));
            *r->cases[i] = *e->cases[i];
            r->cases[i]->pat = copy_pat(e->cases[i]->pat);
            r->cases[i]->guard = copy_expr(e->cases[i]->guard);
            r->cases[i]->body = copy_expr(e->cases[i]->body);
        }
    }
    return r;
}
static item_t *copy_item(const item_t *it)
{
    item_t *r = xalloc(sizeof *r);
    *r = *it;
    memset(&r->vars, 0, sizeof r->vars);
    r->e = copy_expr(it->e);
    if (it->binds) {
        r->binds = xalloc(sizeof(binding_t *) * (size_t)(it->n + 1));
        for (int i = 0; i < it->n; i++)
            r->binds[i] = copy_binding(it->binds[i]);
    }
    if (it->me)
        r->me = copy_modexpr(it->me);
    return r;
}
modexpr_t *copy_modexpr(const modexpr_t *m)
{
    if (!m)
        return NULL;
    modexpr_t *r = xalloc(sizeof *r);
    *r = *m;
    memset(&r->items, 0, sizeof r->items);
    for (int i = 0; i < m->items.n; i++)
        vpush(&r->items, copy_item(m->items.v[i]));
    r->f = copy_modexpr(m->f);
    r->arg = copy_modexpr(m->arg);
    return r;
}
