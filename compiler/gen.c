/* SPDX-License-Identifier: MIT
 * gen.c — CAM code generation (assembly text for senseasm, isa.md §7) from the typed AST:
 * flat closures, known calls (call/tailcall), tail calls everywhere, primitives inline,
 * fused compare-and-branch, and pattern matching compiled to decision trees.
 * Invariant: g.depth is the number of stack slots of the current frame (arguments, locals
 * and temporaries); a local at frame position p is `acc depth-1-p`.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ast.h"


typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf_t;

static void sb_add(sbuf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        char *ns = realloc(b->s, b->cap);
        if (!ns) abort();
        b->s = ns;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static struct {
    sbuf_t *buf;
    struct fn *fn;
    int depth;
    int last_line;
    vec_t queue;                         /* struct fn* waiting to be emitted */
    int nlabel;
    const char *modname;
    int spill_mode;                      /* let-bound locals live in a heap array */
    int spill_pos;                       /* frame position of that array */
    int nspill;
    int too_deep;                        /* an acc needed an offset above 255 */
} g;

static vec_t g_refs;                     /* global symbols referenced */
static void ref_sym(const char *s)
{
    for (int i = 0; i < g_refs.n; i++)
        if (!strcmp(g_refs.v[i], s)) return;
    vpush(&g_refs, (void *)s);
}
static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    sb_add(g.buf, "        ", 8);
    if (n >= (int)sizeof tmp) {
        char *big = xalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_add(g.buf, big, (size_t)n);
    } else
        sb_add(g.buf, tmp, (size_t)n);
    sb_add(g.buf, "\n", 1);
}
static void label(const char *l)
{
    /* peephole: drop a branch to the very next instruction */
    char *tailb = xfmt("        branch %s\n", l);
    size_t tl = strlen(tailb);
    if (g.buf->n >= tl && memcmp(g.buf->s + g.buf->n - tl, tailb, tl) == 0) g.buf->n -= tl;
    sb_add(g.buf, l, strlen(l));
    sb_add(g.buf, ":\n", 2);
}
static const char *newlabel(void) { return xfmt(".L%d", ++g.nlabel); }

static void push(void) { emit("push"); g.depth++; }
static void popn(int n)
{
    g.depth -= n;
    while (n > 255) {
        emit("pop 255");
        n -= 255;
    }
    if (n > 0) emit("pop %d", n);
}

/* app n for any n: the first 255 arguments are on top, the rest stay below for the
 * result (over-application); tail: the last piece is a tailapp */
static void emit_app(int n, int tail, int frame)
{
    while (n > 255) {
        emit("app 255");
        g.depth -= 255;
        n -= 255;
    }
    if (tail) {
        emit("tailapp %d, %d", n, frame);
        g.depth = frame;
    } else {
        emit("app %d", n);
        g.depth -= n;
    }
}

static const char *quote_str(const char *s, int len)
{
    sbuf_t b = { 0 };
    sb_add(&b, "\"", 1);
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char t[8];
        if (c == '"' || c == '\\') { t[0] = '\\'; t[1] = (char)c; sb_add(&b, t, 2); }
        else if (c == '\n') sb_add(&b, "\\n", 2);
        else if (c == '\t') sb_add(&b, "\\t", 2);
        else if (c < 32 || c >= 127) { snprintf(t, sizeof t, "\\x%02x", c); sb_add(&b, t, 4); }
        else sb_add(&b, (const char *)&c, 1);
    }
    sb_add(&b, "\"", 1);
    return b.s;
}
static void emit_const_string(const char *s, int len) { emit("const %s", quote_str(s, len)); }
static void emit_const_cstr(const char *s) { emit_const_string(s, (int)strlen(s)); }

static void line_comment(loc_t l)
{
    if (l.line <= 0 || l.line == g.last_line) return;
    g.last_line = l.line;
    int len;
    const char *s = src_line(l.line, &len);
    if (!s) return;
    while (len > 0 && (*s == ' ' || *s == '\t')) { s++; len--; }
    if (len > 100) len = 100;
    char *t = xfmt("; %s:%d: %.*s\n        .line %d\n", cur_file->name, l.line, len, s, l.line);
    sb_add(g.buf, t, strlen(t));
}

/* ------------------------------------------------------------------ types */
static type_t *trepr(type_t *t)
{
    while (t && t->kind == TY_VAR && t->link) t = t->link;
    return t;
}
static const char *tname(type_t *t)
{
    t = trepr(t);
    if (!t || t->kind != TY_CON) return NULL;
    return t->name;
}
static int is_immediate(type_t *t)
{
    t = trepr(t);
    if (!t || t->kind != TY_CON || !t->decl) return 0;
    const char *n = t->name;
    if (!strcmp(n, "int") || !strcmp(n, "char") || !strcmp(n, "bool") || !strcmp(n, "unit")) return 1;
    return t->decl->kind == TD_VARIANT && t->decl->nblock == 0;
}
static int is_float(type_t *t)
{
    const char *n = tname(t);
    t = trepr(t);
    return n && t->decl && !strcmp(n, "float");
}

/* ------------------------------------------------------------------ variables */
static void load_var(var_t *v, loc_t l)
{
    switch (v->kind) {
    case V_LOCAL:
        if (v->owner == g.fn) {
            if (v->spill >= 0 && g.spill_mode) {
                emit("quote %d", v->spill);
                push();
                emit("acc %d", g.depth - 1 - g.spill_pos);
                emit("arrayget");
                g.depth--;
                return;
            }
            int off = g.depth - 1 - v->pos;
            if (off < 0) ICE();
            if (off > 255) {
                if (g.spill_mode) fatal_at(l, "function too large: more than 255 live stack slots");
                g.too_deep = 1;
                off = 255;
            }
            emit("acc %d", off);
            return;
        }
        if (g.fn && v == g.fn->self) {
            emit("getenv");
            return;
        }
        for (struct fn *f = g.fn; f; f = NULL)
            for (int i = 0; i < f->fv.n; i++)
                if (f->fv.v[i] == v) {
                    if (f->fv.n > 250 && i >= 249) {
                        /* free variables beyond 249 live in a block in slot 249 */
                        emit("envacc 249");
                        emit("field %d", i - 249);
                    } else
                        emit("envacc %d", i);
                    return;
                }
        ICE();
    case V_GFUN:
    case V_PRIM:
        ref_sym(v->sym);
        emit("cur %s, %d, 0", v->sym, v->arity);
        return;
    case V_GVAL:
        if (v->is_const) {
            emit("quote %ld", v->cval);
            return;
        }
        if (v->fconst) {
            const char *fs = v->fconst;
            if (!strpbrk(fs, ".eEni")) fs = xfmt("%s.0", fs);
            else if (fs[strlen(fs) - 1] == '.') fs = xfmt("%s0", fs);
            emit("const %s", fs);
            return;
        }
        ref_sym(v->sym);
        emit("getvar %s", v->sym);
        return;
    }
}

/* ------------------------------------------------------------------ closures */
static struct fn *enqueue_fn(struct fn *f)
{
    if (!f->label) f->label = newlabel();
    vpush(&g.queue, f);
    return f;
}

/* build the closure of f; siblings (mutual recursion not built yet) get () */
static void make_closure(struct fn *f, vec_t *pending)
{
    enqueue_fn(f);
    int n = f->fv.n;
    if (n > 250) {
        /* slot 249 holds a block with free variables 249 .. n-1 */
        int m = n - 249;
        if (m > 255) fatal_at(f->loc, "too many free variables (more than 504)");
        for (int i = n - 1; i >= 249; i--) {
            var_t *v = f->fv.v[i];
            if (pending)
                for (int k = 0; k < pending->n; k++)
                    if (pending->v[k] == v) fatal_at(f->loc, "too many free variables in a recursive definition");
            load_var(v, f->loc);
            if (i > 249) push();
        }
        emit("makeblock 0, %d", m);
        g.depth -= m - 1;
        push();
        for (int i = 248; i >= 0; i--) {
            var_t *v = f->fv.v[i];
            int pend = 0;
            if (pending)
                for (int k = 0; k < pending->n; k++)
                    if (pending->v[k] == v) pend = 1;
            if (pend) emit("quote 0");
            else load_var(v, f->loc);
            if (i > 0) push();
        }
        emit("cur %s, %d, %d", f->label, f->arity, 250);
        g.depth -= 249;
        return;
    }
    for (int i = n - 1; i >= 0; i--) {
        var_t *v = f->fv.v[i];
        int pend = 0;
        if (pending)
            for (int k = 0; k < pending->n; k++)
                if (pending->v[k] == v) pend = 1;
        if (pend)
            emit("quote 0");
        else
            load_var(v, f->loc);
        if (i > 0) push();
    }
    if (n > 255) fatal_at(f->loc, "too many free variables");
    emit("cur %s, %d, %d", f->label, f->arity, n);
    if (n > 1) g.depth -= n - 1;
}

/* ------------------------------------------------------------------ expressions */
static void gexpr(expr_t *e, int tail);
static void ret(int tail)
{
    if (tail) emit("return %d", g.depth);
}

static int simple_expr(expr_t *e)
{
    return e->kind == E_INT || e->kind == E_CHAR || e->kind == E_STRING || e->kind == E_FLOAT ||
           (e->kind == E_VAR && e->var && e->var->kind != V_GVAL) ||
           (e->kind == E_CONSTR && e->n == 0 && e->con && !e->con->is_exn);
}

/* evaluate args right to left, then put them as a service wants: first deepest, last in A */
static void svc_args(expr_t **args, int n)
{
    int simple = 1;
    for (int i = 0; i < n; i++)
        if (!simple_expr(args[i])) simple = 0;
    if (simple) {
        for (int i = 0; i < n; i++) {
            gexpr(args[i], 0);
            if (i < n - 1) push();
        }
        return;
    }
    if (n == 1) { gexpr(args[0], 0); return; }
    if (n == 2) {
        gexpr(args[1], 0);
        push();
        gexpr(args[0], 0);
        emit("swap");
        return;
    }
    int base = g.depth;
    for (int i = n - 1; i >= 0; i--) {
        gexpr(args[i], 0);
        push();
    }
    /* arg i is at frame position base + (n-1-i) */
    for (int i = 0; i < n; i++) {
        emit("acc %d", g.depth - 1 - (base + n - 1 - i));
        if (i < n - 1) push();
    }
    /* stack: temporaries (n) then n-1 pushed copies */
    (void)base;
}
/* after svc with n args in svc_args's non-simple n>2 mode, drop the temporaries */
static int svc_args_temps(expr_t **args, int n)
{
    for (int i = 0; i < n; i++)
        if (!simple_expr(args[i])) return n > 2 ? n : 0;
    return 0;
}
static void do_svc(const char *name, expr_t **args, int n)
{
    int temps = svc_args_temps(args, n);
    svc_args(args, n);
    emit("svc %s", name);
    if (n > 1) g.depth -= n - 1;
    popn(temps);
}

static void binop(expr_t *a, expr_t *b, const char *op)
{
    if (simple_expr(b) && a->kind == E_APP && a->a->kind == E_VAR && a->a->var && a->a->var->kind == V_PRIM) {
        /* a long left-nested chain (v0 + v1 + ... + vn): evaluate the left operand first
         * so temporaries do not pile up; b is pure, so the order is not observable */
        gexpr(a, 0);
        push();
        gexpr(b, 0);
        emit("swap");
        emit("%s", op);
        g.depth--;
        return;
    }
    gexpr(b, 0);
    push();
    gexpr(a, 0);
    emit("%s", op);
    g.depth--;
}

static int fold_int(expr_t *e, long *out)
{
    if (e->kind == E_INT || e->kind == E_CHAR) {
        *out = e->ival;
        return 1;
    }
    return 0;
}
static long wrap31(long v)
{
    unsigned long u = (unsigned long)v & 0x7fffffffUL;
    if (u & 0x40000000UL) return (long)u - 0x80000000L;
    return (long)u;
}

static void cjump_false(expr_t *e, const char *lf);
static void cjump_true(expr_t *e, const char *lt);

static int cmp_prim(int p) { return p == PR_EQ || p == PR_NE || p == PR_LT || p == PR_LE || p == PR_GT || p == PR_GE || p == PR_PHYS_EQ || p == PR_PHYS_NE; }

/* comparisons: produce a bool in A */
static void compare_value(int p, expr_t *a, expr_t *b)
{
    type_t *t = a->ty;
    if (p == PR_PHYS_EQ || p == PR_PHYS_NE) {
        binop(a, b, p == PR_PHYS_EQ ? "eq" : "ne");
        return;
    }
    if (is_immediate(t)) {
        static const char *ops[] = { [PR_EQ] = "eq", [PR_NE] = "ne", [PR_LT] = "lt", [PR_LE] = "le", [PR_GT] = "gt", [PR_GE] = "ge" };
        binop(a, b, ops[p]);
        return;
    }
    if (is_float(t)) {
        switch (p) {
        case PR_EQ: binop(a, b, "eqfloat"); return;
        case PR_NE: binop(a, b, "eqfloat"); emit("not"); return;
        case PR_LT: binop(a, b, "ltfloat"); return;
        case PR_LE: binop(a, b, "lefloat"); return;
        case PR_GT: gexpr(b, 0); push(); gexpr(a, 0); emit("swap"); emit("ltfloat"); g.depth--; return;
        case PR_GE: gexpr(b, 0); push(); gexpr(a, 0); emit("swap"); emit("lefloat"); g.depth--; return;
        }
    }
    static const char *pops[] = { [PR_EQ] = "polyeq", [PR_NE] = "polyne", [PR_LT] = "polylt", [PR_LE] = "polyle", [PR_GT] = "polygt", [PR_GE] = "polyge" };
    binop(a, b, pops[p]);
}

static void capp(expr_t *e, int tail);

static expr_t *mk_app2(expr_t *f, expr_t *x, loc_t l)
{
    /* f x, flattening f = (g a..) into g a.. x */
    expr_t *r = mk_expr(E_APP, l);
    r->ty = NULL;
    if (f->kind == E_APP) {
        r->a = f->a;
        r->n = f->n + 1;
        r->args = xalloc(sizeof(expr_t *) * (size_t)r->n);
        memcpy(r->args, f->args, sizeof(expr_t *) * (size_t)f->n);
        r->args[f->n] = x;
    } else {
        r->a = f;
        r->n = 1;
        r->args = xalloc(sizeof(expr_t *));
        r->args[0] = x;
    }
    return r;
}

/* a primitive applied to exactly its arity of arguments; returns 1 if it emitted `return` */
static int cprim(int p, expr_t **a, expr_t *e, int tail)
{
    long x, y;
    switch (p) {
    case PR_ADD:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) { emit("quote %ld", wrap31(x + y)); return 0; }
        if (fold_int(a[1], &y)) { gexpr(a[0], 0); if (y) emit("addimm %ld", y); return 0; }
        if (fold_int(a[0], &x)) { gexpr(a[1], 0); if (x) emit("addimm %ld", x); return 0; }
        binop(a[0], a[1], "addint"); return 0;
    case PR_SUB:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) { emit("quote %ld", wrap31(x - y)); return 0; }
        if (fold_int(a[1], &y) && y != -0x40000000L) { gexpr(a[0], 0); if (y) emit("addimm %ld", -y); return 0; }
        binop(a[0], a[1], "subint"); return 0;
    case PR_MUL:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) { emit("quote %ld", wrap31((long)((unsigned long)x * (unsigned long)y))); return 0; }
        binop(a[0], a[1], "mulint"); return 0;
    case PR_DIV:
        if (fold_int(a[0], &x) && fold_int(a[1], &y) && y != 0 && !(x == -0x40000000L && y == -1)) { emit("quote %ld", x / y); return 0; }
        binop(a[0], a[1], "divint"); return 0;
    case PR_MOD:
        if (fold_int(a[0], &x) && fold_int(a[1], &y) && y != 0 && y != -1) { emit("quote %ld", x % y); return 0; }
        binop(a[0], a[1], "modint"); return 0;
    case PR_LAND: binop(a[0], a[1], "andint"); return 0;
    case PR_LOR: binop(a[0], a[1], "orint"); return 0;
    case PR_LXOR: binop(a[0], a[1], "xorint"); return 0;
    case PR_LSL: binop(a[0], a[1], "lslint"); return 0;
    case PR_LSR: binop(a[0], a[1], "lsrint"); return 0;
    case PR_ASR: binop(a[0], a[1], "asrint"); return 0;
    case PR_NEG:
        if (fold_int(a[0], &x)) { emit("quote %ld", wrap31(-x)); return 0; }
        gexpr(a[0], 0); emit("negint"); return 0;
    case PR_SUCC: gexpr(a[0], 0); emit("addimm 1"); return 0;
    case PR_PRED: gexpr(a[0], 0); emit("addimm -1"); return 0;
    case PR_FADD: binop(a[0], a[1], "addfloat"); return 0;
    case PR_FSUB: binop(a[0], a[1], "subfloat"); return 0;
    case PR_FMUL: binop(a[0], a[1], "mulfloat"); return 0;
    case PR_FDIV: binop(a[0], a[1], "divfloat"); return 0;
    case PR_FNEG: gexpr(a[0], 0); emit("negfloat"); return 0;
    case PR_FPOW: do_svc("float_pow", a, 2); return 0;
    case PR_EQ: case PR_NE: case PR_LT: case PR_LE: case PR_GT: case PR_GE: case PR_PHYS_EQ: case PR_PHYS_NE:
        compare_value(p, a[0], a[1]); return 0;
    case PR_COMPARE: binop(a[0], a[1], "polycmp"); return 0;
    case PR_NOT: gexpr(a[0], 0); emit("not"); return 0;
    case PR_STRCAT:
        if (a[0]->kind == E_STRING && a[1]->kind == E_STRING) {
            char *cat = xalloc((size_t)(a[0]->slen + a[1]->slen + 1));
            memcpy(cat, a[0]->sval, (size_t)a[0]->slen);
            memcpy(cat + a[0]->slen, a[1]->sval, (size_t)a[1]->slen);
            emit_const_string(cat, a[0]->slen + a[1]->slen);
            return 0;
        }
        binop(a[0], a[1], "strcat");
        return 0;
    case PR_REF: gexpr(a[0], 0); emit("makeblock 0, 1"); return 0;
    case PR_DEREF: gexpr(a[0], 0); emit("field 0"); return 0;
    case PR_ASSIGN:
        gexpr(a[1], 0); push(); gexpr(a[0], 0); emit("setfield 0"); g.depth--; return 0;
    case PR_INCR: case PR_DECR:
        gexpr(a[0], 0); push(); emit("field 0"); emit("addimm %d", p == PR_INCR ? 1 : -1); emit("swap");
        emit("setfield 0"); g.depth--; return 0;
    case PR_FST: gexpr(a[0], 0); emit("field 0"); return 0;
    case PR_SND: gexpr(a[0], 0); emit("field 1"); return 0;
    case PR_IGNORE: gexpr(a[0], 0); emit("quote 0"); return 0;
    case PR_RAISE: gexpr(a[0], 0); emit("raise"); return 1;
    case PR_FAILWITH: case PR_INVALID_ARG:
        gexpr(a[0], 0); push(); emit_const_cstr(p == PR_FAILWITH ? "Failure" : "Invalid_argument");
        emit("makeblock 248, 2"); g.depth--; emit("raise"); return 1;
    case PR_EXIT: gexpr(a[0], 0); emit("svc exit"); return 0;
    case PR_PIPE: capp(mk_app2(a[1], a[0], e->loc), tail); return 1;
    case PR_ATAT: capp(mk_app2(a[0], a[1], e->loc), tail); return 1;
    case PR_PRINT_STRING: gexpr(a[0], 0); emit("svc print_string"); return 0;
    case PR_PRINT_INT: gexpr(a[0], 0); emit("svc print_int"); return 0;
    case PR_PRINT_CHAR: gexpr(a[0], 0); emit("svc print_char"); return 0;
    case PR_PRINT_FLOAT: gexpr(a[0], 0); emit("svc string_of_float"); emit("svc print_string"); return 0;
    case PR_PRINT_ENDLINE: gexpr(a[0], 0); emit("svc print_string"); emit("quote 10"); emit("svc print_char"); return 0;
    case PR_PRINT_NEWLINE: gexpr(a[0], 0); emit("quote 10"); emit("svc print_char"); emit("svc flush"); return 0;
    case PR_PRERR_STRING: gexpr(a[0], 0); emit("svc print_err"); return 0;
    case PR_PRERR_ENDLINE: gexpr(a[0], 0); emit("svc print_err"); emit_const_cstr("\n"); emit("svc print_err"); return 0;
    case PR_STRING_OF_INT: gexpr(a[0], 0); emit("svc string_of_int"); return 0;
    case PR_INT_OF_STRING: gexpr(a[0], 0); emit("svc int_of_string"); return 0;
    case PR_STRING_OF_FLOAT: gexpr(a[0], 0); emit("svc string_of_float"); return 0;
    case PR_FLOAT_OF_STRING: gexpr(a[0], 0); emit("svc float_of_string"); return 0;
    case PR_FLOAT_OF_INT: case PR_FLOAT: gexpr(a[0], 0); emit("floatofint"); return 0;
    case PR_INT_OF_FLOAT: case PR_TRUNCATE: gexpr(a[0], 0); emit("intoffloat"); return 0;
    case PR_INT_OF_CHAR: case PR_CHAR_CODE: case PR_CHAR_UNSAFE_CHR: gexpr(a[0], 0); return 0;
    case PR_SQRT: gexpr(a[0], 0); emit("svc float_sqrt"); return 0;
    case PR_EXP: gexpr(a[0], 0); emit("svc float_exp"); return 0;
    case PR_LOG: gexpr(a[0], 0); emit("svc float_log"); return 0;
    case PR_SIN: gexpr(a[0], 0); emit("svc float_sin"); return 0;
    case PR_COS: gexpr(a[0], 0); emit("svc float_cos"); return 0;
    case PR_FLOOR: gexpr(a[0], 0); emit("svc float_floor"); return 0;
    case PR_CEIL: gexpr(a[0], 0); emit("svc float_ceil"); return 0;
    case PR_ABS_FLOAT: gexpr(a[0], 0); emit("svc float_abs"); return 0;
    case PR_MOD_FLOAT: do_svc("float_mod", a, 2); return 0;
    case PR_STRING_LENGTH: case PR_BYTES_LENGTH: gexpr(a[0], 0); emit("strlen"); return 0;
    case PR_STRING_GET: case PR_STRING_UNSAFE_GET: case PR_BYTES_GET: binop(a[0], a[1], "strget"); return 0;
    case PR_BYTES_SET:
        gexpr(a[2], 0); push(); gexpr(a[1], 0); push(); gexpr(a[0], 0); emit("bytesset"); g.depth -= 2; return 0;
    case PR_BYTES_CREATE: gexpr(a[0], 0); emit("svc bytes_create"); return 0;
    case PR_BYTES_MAKE: binop(a[0], a[1], "bytesmake"); return 0;
    case PR_STRING_MAKE: binop(a[0], a[1], "bytesmake"); emit("svc bytes_to_string"); return 0;
    case PR_BYTES_TO_STRING: gexpr(a[0], 0); emit("svc bytes_to_string"); return 0;
    case PR_BYTES_OF_STRING: gexpr(a[0], 0); emit("svc string_to_bytes"); return 0;
    case PR_STRING_EQUAL: do_svc("string_equal", a, 2); return 0;
    case PR_STRING_COMPARE: do_svc("string_compare", a, 2); return 0;
    case PR_STRING_SUB: do_svc("string_sub", a, 3); return 0;
    case PR_ARRAY_GET: case PR_ARRAY_UNSAFE_GET: binop(a[0], a[1], "arrayget"); return 0;
    case PR_ARRAY_SET: case PR_ARRAY_UNSAFE_SET:
        gexpr(a[2], 0); push(); gexpr(a[1], 0); push(); gexpr(a[0], 0); emit("arrayset"); g.depth -= 2; return 0;
    case PR_ARRAY_LENGTH: gexpr(a[0], 0); emit("arraylen"); return 0;
    case PR_ARRAY_MAKE: binop(a[0], a[1], "makearray"); return 0;
    case PR_ARRAY_CREATE_FLOAT: emit("const 0.0"); push(); gexpr(a[0], 0); emit("makearray"); g.depth--; return 0;
    case PR_ARRAY_SUB: do_svc("array_sub", a, 3); return 0;
    case PR_ARRAY_BLIT_RAW: do_svc("array_blit", a, 5); return 0;
    case PR_BYTES_BLIT_RAW: case PR_BYTES_BLIT_STRING_RAW: do_svc("bytes_blit", a, 5); return 0;
    case PR_HASH: gexpr(a[0], 0); emit("svc hash"); return 0;
    case PR_FLUSH_STDOUT: gexpr(a[0], 0); emit("svc flush"); return 0;
    case PR_MAGIC: case PR_THREAD_ID: gexpr(a[0], 0); return 0;
    case PR_THREAD_CREATE: do_svc("thread_create", a, 2); return 0;
    case PR_THREAD_YIELD: do_svc("thread_yield", a, 1); return 0;
    case PR_THREAD_SELF: do_svc("thread_self", a, 1); return 0;
    case PR_EV_NEW_CHANNEL: do_svc("chan_new", a, 1); return 0;
    case PR_EV_SEND: do_svc("ev_send", a, 2); return 0;
    case PR_EV_RECEIVE: do_svc("ev_receive", a, 1); return 0;
    case PR_EV_ALWAYS: do_svc("ev_always", a, 1); return 0;
    case PR_EV_CHOOSE: do_svc("ev_choose", a, 1); return 0;
    case PR_EV_WRAP: do_svc("ev_wrap", a, 2); return 0;
    case PR_EV_SYNC_RAW: do_svc("ev_sync", a, 1); return 0;
    case PR_EV_POLL_RAW: do_svc("ev_poll", a, 1); return 0;
    case PR_SLEEP_NS: do_svc("sleep_ns", a, 1); return 0;
    case PR_SLEEP_US: do_svc("sleep_us", a, 1); return 0;
    case PR_SLEEP_MS: do_svc("sleep_ms", a, 1); return 0;
    case PR_TIME_MS: do_svc("time_ms", a, 1); return 0;
    case PR_TIME_US: do_svc("time_us", a, 1); return 0;
    case PR_SLEEP_UNTIL_MS: do_svc("sleep_until_ms", a, 1); return 0;
    case PR_EV_AFTER: do_svc("ev_after", a, 1); return 0;
    case PR_PROGRESS: do_svc("progress", a, 1); return 0;
    case PR_MONITOR_COUNT: do_svc("monitor_count", a, 1); return 0;
    case PR_DEV_WRITE: do_svc("dev_write", a, 2); return 0;
    case PR_DEV_READ: do_svc("dev_read", a, 1); return 0;
    case PR_DEV_EVENT: do_svc("dev_event", a, 1); return 0;
    case PR_XSEND: do_svc("xchan_send", a, 2); return 0;
    case PR_XRECEIVE: do_svc("xchan_receive", a, 1); return 0;
    }
    ICE();
}

/* applications */
static void capp(expr_t *e, int tail)
{
    expr_t *h = e->a;
    int n = e->n;
    var_t *v = (h->kind == E_VAR) ? h->var : NULL;
    if (v && v->kind == V_PRIM && n >= v->arity) {
        int extra = n - v->arity;
        for (int i = n - 1; i >= v->arity; i--) {
            gexpr(e->args[i], 0);
            push();
        }
        int done = cprim(v->prim, e->args, e, extra ? 0 : tail);
        if (extra) {
            emit_app(extra, tail, g.depth - extra);
            return;
        }
        if (!done) ret(tail);
        return;
    }
    int known = v && ((v->kind == V_GFUN && v->arity > 0) || (v->kind == V_LOCAL && v->fn)) && n >= v->arity;
    int frame = g.depth;
    for (int i = n - 1; i >= 0; i--) {
        gexpr(e->args[i], 0);
        push();
    }
    if (known) {
        const char *lab;
        if (v->kind == V_GFUN) {
            emit("quote 0");
            lab = v->sym;
            ref_sym(lab);
        } else {
            load_var(v, h->loc);
            lab = v->fn->label ? v->fn->label : (v->fn->label = newlabel());
        }
        int k = v->arity, extra = n - k;
        if (extra == 0 && tail) {
            emit("tailcall %s, %d, %d", lab, k, frame);
            g.depth = frame;
            return;
        }
        emit("call %s, %d", lab, k);
        g.depth -= k;
        if (extra) {
            emit_app(extra, tail, frame);
            if (tail) return;
        }
        ret(tail);
        return;
    }
    gexpr(h, 0);
    emit_app(n, tail, frame);
}

/* ------------------------------------------------------------------ conditions */
static int prim_of(expr_t *e, int *arity)
{
    if (e->kind != E_APP || e->a->kind != E_VAR || !e->a->var || e->a->var->kind != V_PRIM) return -1;
    *arity = e->a->var->arity;
    if (e->n != *arity) return -1;
    return e->a->var->prim;
}

static int const_bool(expr_t *e)
{
    if (e->kind == E_CONSTR && e->con && !e->con->is_exn && e->n == 0 && e->con->owner &&
        !strcmp(e->con->owner->name, "bool"))
        return e->con->tag;
    return -1;
}

static void cjump_false(expr_t *e, const char *lf)
{
    int cb = const_bool(e);
    if (cb == 0) { emit("branch %s", lf); return; }
    if (cb == 1) return;
    int ar, p = prim_of(e, &ar);
    if (p >= 0 && cmp_prim(p) && (is_immediate(e->args[0]->ty) || p == PR_PHYS_EQ || p == PR_PHYS_NE)) {
        static const char *neg[] = { [PR_EQ] = "bne", [PR_NE] = "beq", [PR_LT] = "bge", [PR_LE] = "bgt",
                                     [PR_GT] = "ble", [PR_GE] = "blt", [PR_PHYS_EQ] = "bne", [PR_PHYS_NE] = "beq" };
        gexpr(e->args[1], 0);
        push();
        gexpr(e->args[0], 0);
        emit("%s %s", neg[p], lf);
        g.depth--;
        return;
    }
    if (p == PR_NOT) {
        cjump_true(e->args[0], lf);
        return;
    }
    if (e->kind == E_AND) {
        cjump_false(e->a, lf);
        cjump_false(e->b, lf);
        return;
    }
    if (e->kind == E_OR) {
        const char *lt = newlabel();
        cjump_true(e->a, lt);
        cjump_false(e->b, lf);
        label(lt);
        return;
    }
    gexpr(e, 0);
    emit("branchifnot %s", lf);
}

static void cjump_true(expr_t *e, const char *lt)
{
    int cb = const_bool(e);
    if (cb == 1) { emit("branch %s", lt); return; }
    if (cb == 0) return;
    int ar, p = prim_of(e, &ar);
    if (p >= 0 && cmp_prim(p) && (is_immediate(e->args[0]->ty) || p == PR_PHYS_EQ || p == PR_PHYS_NE)) {
        static const char *pos[] = { [PR_EQ] = "beq", [PR_NE] = "bne", [PR_LT] = "blt", [PR_LE] = "ble",
                                     [PR_GT] = "bgt", [PR_GE] = "bge", [PR_PHYS_EQ] = "beq", [PR_PHYS_NE] = "bne" };
        gexpr(e->args[1], 0);
        push();
        gexpr(e->args[0], 0);
        emit("%s %s", pos[p], lt);
        g.depth--;
        return;
    }
    if (p == PR_NOT) {
        cjump_false(e->args[0], lt);
        return;
    }
    if (e->kind == E_OR) {
        cjump_true(e->a, lt);
        cjump_true(e->b, lt);
        return;
    }
    if (e->kind == E_AND) {
        const char *lf = newlabel();
        cjump_false(e->a, lf);
        cjump_true(e->b, lt);
        label(lf);
        return;
    }
    gexpr(e, 0);
    emit("branchif %s", lt);
}

/* ------------------------------------------------------------------ pattern matching */
typedef struct occ {
    var_t *rootvar;                      /* root is a variable, or */
    int rootpos;                         /* a frame slot */
    int n;
    int *steps;                          /* field indices */
} occ_t;

static occ_t *occ_sub(occ_t *o, int field)
{
    occ_t *r = xalloc(sizeof *r);
    *r = *o;
    r->steps = xalloc(sizeof(int) * (size_t)(o->n + 1));
    if (o->n) memcpy(r->steps, o->steps, sizeof(int) * (size_t)o->n);
    r->steps[r->n++] = field;
    return r;
}
static void load_occ(occ_t *o)
{
    if (o->rootvar)
        load_var(o->rootvar, o->rootvar->loc);
    else
        emit("acc %d", g.depth - 1 - o->rootpos);
    for (int i = 0; i < o->n; i++) emit("field %d", o->steps[i]);
}

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
    vec_t *cvars;                        /* per clause: var_t* pushed for its body (locals) */
    const char **body_label;
    int *body_used;
    int tail;
    int reraise;                         /* try: unmatched exception is re-raised */
    occ_t *root;
    loc_t loc;
    int toplevel_let;                    /* top-level pattern let: bind globals */
    int last_clause;                     /* clause of the last leaf emitted (its body follows) */
} mctx_t;

static pat_t wild_pat = { .kind = P_ANY };

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
    for (;;) {
        if (p->kind == P_CONSTRAINT) p = p->sub[0];
        else if (p->kind == P_ALIAS) { row_bind(r, p->var, o); p = p->sub[0]; }
        else if (p->kind == P_VAR) { row_bind(r, p->var, o); p = &wild_pat; }
        else break;
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
        emit("raise");
        return;
    }
    emit("quote %d", m->loc.col - 1);
    push();
    emit("quote %d", m->loc.line);
    push();
    emit_const_cstr(cur_file->name);
    push();
    emit_const_cstr("Match_failure");
    emit("makeblock 248, 4");
    g.depth -= 3;
    emit("raise");
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
            if (r->bv[k] == v) o = r->bo[k];
        if (!o) ICE();
        load_occ(o);
        if (v->kind == V_GVAL) {
            ref_sym(v->sym);
            emit("setvar %s", v->sym);
            continue;
        }
        push();
        v->pos = g.depth - 1;
        pushed++;
    }
    mcase_t *mc = m->cases[c];
    if (!m->body_label[c]) m->body_label[c] = newlabel();
    m->body_used[c] = 1;
    if (mc->guard) {
        const char *lf = newlabel();
        cjump_false(mc->guard, lf);
        emit("branch %s", m->body_label[c]);
        label(lf);
        popn(pushed);
        /* a failed guard goes on with the next clause: the other alternatives of this
         * clause's or-pattern are not retried (OCaml's semantics) */
        row_t **rest = xalloc(sizeof(row_t *) * (size_t)nrows);
        int nrest = 0;
        for (int i = 1; i < nrows; i++)
            if (rows[i]->clause != c) rest[nrest++] = rows[i];
        mcomp(rest, nrest, occs, ncols, m);
        return;
    }
    emit("branch %s", m->body_label[c]);
    m->last_clause = c;
    g.depth -= pushed;
}

static int is_wild(pat_t *p) { return p->kind == P_ANY; }

/* many integer/char constants in a small range: one bounds check and a jump table */
static int dense_int_switch(vec_t *heads, const char **hl, const char *ldef, occ_t *o)
{
    if (heads->n < 5) return 0;
    long mn = 0, mx = 0;
    for (int h = 0; h < heads->n; h++) {
        pat_t *p = heads->v[h];
        if (p->kind != P_INT && p->kind != P_CHAR) return 0;
        if (h == 0 || p->ival < mn) mn = p->ival;
        if (h == 0 || p->ival > mx) mx = p->ival;
    }
    long range = mx - mn;
    if (range > 3L * heads->n + 8 || range > 1000) return 0;
    const char *ldp = newlabel();
    load_occ(o);
    if (mn) emit("addimm %ld", -mn);
    push();
    emit("quote %ld", range);
    push();
    emit("acc 1");
    emit("bgt %s", ldp);
    g.depth--;
    emit("quote 0");
    push();
    emit("acc 1");
    emit("blt %s", ldp);
    g.depth--;
    emit("acc 0");
    popn(1);
    sbuf_t b = { 0 };
    char *t = xfmt("switch %ld, 0", range + 1);
    sb_add(&b, t, strlen(t));
    for (long v = mn; v <= mx; v++) {
        const char *lab = ldef;
        for (int h = 0; h < heads->n; h++)
            if (((pat_t *)heads->v[h])->ival == v) lab = hl[h];
        sb_add(&b, ", ", 2);
        sb_add(&b, lab, strlen(lab));
    }
    emit("%s", b.s);
    label(ldp);
    emit("pop 1");
    emit("branch %s", ldef);
    return 1;
}

static void mcomp(row_t **rows, int nrows, occ_t **occs, int ncols, mctx_t *m)
{
    if (nrows == 0) {
        match_fail(m);
        return;
    }
    /* normalise the first row; find a column to test */
    int col = -1;
    for (int j = 0; j < ncols; j++) {
        pat_t *p = norm(rows[0], j, occs[j]);
        if (!is_wild(p) && col < 0) col = j;
    }
    if (col < 0) {
        leaf(rows, nrows, occs, ncols, m);
        return;
    }
    /* expand or-patterns in this column; normalise it in every row */
    vec_t rv = { 0 };
    for (int i = 0; i < nrows; i++) {
        vec_t work = { 0 };
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
    rows = (row_t **)rv.v;
    nrows = rv.n;
    pat_t *first = NULL;
    for (int i = 0; i < nrows && !first; i++)
        if (!is_wild(rows[i]->p[col])) first = rows[i]->p[col];
    occ_t *o = occs[col];

    /* product types: tuples and records — no test, just expand */
    if (first->kind == P_TUPLE || first->kind == P_RECORD ||
        (first->kind == P_CONSTR && !first->con->is_exn && first->con->owner->cons.n == 1)) {
        int arity;
        struct tdecl *rd = NULL;
        if (first->kind == P_TUPLE) arity = first->n;
        else if (first->kind == P_RECORD) { rd = first->fields[0]->owner; arity = rd->fields.n; }
        else arity = first->con->arity;
        int nc = ncols - 1 + arity;
        occ_t **no = xalloc(sizeof(occ_t *) * (size_t)(nc + 1));
        int k = 0;
        for (int j = 0; j < ncols; j++)
            if (j != col) no[k++] = occs[j];
        for (int a = 0; a < arity; a++) no[k++] = occ_sub(o, a);
        row_t **nr = xalloc(sizeof(row_t *) * (size_t)(nrows + 1));
        for (int i = 0; i < nrows; i++) {
            row_t *r = rows[i];
            row_t *x = xalloc(sizeof *x);
            *x = *r;
            x->p = xalloc(sizeof(pat_t *) * (size_t)(nc + 1));
            int q = 0;
            for (int j = 0; j < ncols; j++)
                if (j != col) x->p[q++] = r->p[j];
            pat_t *p = r->p[col];
            for (int a = 0; a < arity; a++) {
                pat_t *s = &wild_pat;
                if (p->kind == P_TUPLE || (p->kind == P_CONSTR && p->n)) s = p->sub[a];
                else if (p->kind == P_RECORD)
                    for (int f = 0; f < p->n; f++)
                        if (p->fields[f]->index == a) s = p->sub[f];
                x->p[q++] = s;
            }
            nr[i] = x;
        }
        mcomp(nr, nrows, no, nc, m);
        return;
    }

    if (first->kind == P_ARRAY) fatal_at(first->loc, "Sense does not support array patterns");

    /* collect the distinct heads of the column */
    vec_t heads = { 0 };
    for (int i = 0; i < nrows; i++) {
        pat_t *p = rows[i]->p[col];
        if (is_wild(p)) continue;
        int dup = 0;
        for (int h = 0; h < heads.n && !dup; h++) {
            pat_t *q = heads.v[h];
            if (p->kind == P_CONSTR) dup = (q->con == p->con) ||
                (p->con->is_exn && q->con->is_exn && !strcmp(p->con->exn_name, q->con->exn_name));
            else if (p->kind == P_INT || p->kind == P_CHAR) dup = q->ival == p->ival;
            else if (p->kind == P_STRING) dup = q->slen == p->slen && memcmp(q->sval, p->sval, (size_t)p->slen) == 0;
            else if (p->kind == P_FLOAT) dup = strtod(q->sval, NULL) == strtod(p->sval, NULL);
        }
        if (!dup) vpush(&heads, p);
    }
    int is_variant = first->kind == P_CONSTR && !first->con->is_exn;
    struct tdecl *d = is_variant ? first->con->owner : NULL;
    int complete = is_variant && heads.n == d->cons.n;
    const char **hl = xalloc(sizeof(char *) * (size_t)(heads.n + 1));
    for (int h = 0; h < heads.n; h++) hl[h] = newlabel();
    const char *ldef = newlabel();

    /* dispatch */
    if (is_variant) {
        const char **by_con = xalloc(sizeof(char *) * (size_t)(d->cons.n + 1));
        for (int c = 0; c < d->cons.n; c++) by_con[c] = ldef;
        for (int h = 0; h < heads.n; h++) by_con[((pat_t *)heads.v[h])->con->index] = hl[h];
        int nconst = d->nconst, nblock = d->nblock;
        const char **cl = xalloc(sizeof(char *) * (size_t)(nconst + 1));
        const char **bl = xalloc(sizeof(char *) * (size_t)(nblock + 1));
        for (int c = 0; c < d->cons.n; c++) {
            struct cinfo *ci = d->cons.v[c];
            if (ci->arity) bl[ci->tag] = by_con[c];
            else cl[ci->tag] = by_con[c];
        }
        load_occ(o);
        if (nblock == 0 && nconst == 2) {
            emit("branchif %s", cl[1]);
            emit("branch %s", cl[0]);
        } else if (nconst == 1 && nblock == 1) {
            emit("isint");
            emit("branchif %s", cl[0]);
            emit("branch %s", bl[0]);
        } else if (nconst == 0 && nblock == 1) {
            emit("branch %s", bl[0]);
        } else {
            sbuf_t b = { 0 };
            char *t = xfmt("switch %d, %d", nconst, nblock);
            sb_add(&b, t, strlen(t));
            for (int c = 0; c < nconst; c++) { sb_add(&b, ", ", 2); sb_add(&b, cl[c], strlen(cl[c])); }
            for (int c = 0; c < nblock; c++) { sb_add(&b, ", ", 2); sb_add(&b, bl[c], strlen(bl[c])); }
            emit("%s", b.s);
        }
    } else if (dense_int_switch(&heads, hl, ldef, o)) {
        /* done */
    } else {
        for (int h = 0; h < heads.n; h++) {
            pat_t *p = heads.v[h];
            switch (p->kind) {
            case P_INT: case P_CHAR:
                emit("quote %ld", p->ival);
                push();
                load_occ(o);
                emit("beq %s", hl[h]);
                g.depth--;
                break;
            case P_STRING:
                load_occ(o);
                push();
                emit_const_string(p->sval, p->slen);
                emit("svc string_equal");
                g.depth--;
                emit("branchif %s", hl[h]);
                break;
            case P_FLOAT:
                emit("const %s", p->sval);
                push();
                load_occ(o);
                emit("eqfloat");
                g.depth--;
                emit("branchif %s", hl[h]);
                break;
            case P_CONSTR:
                load_occ(o);
                if (p->con->arity) emit("field 0");
                else {
                    /* constant exceptions are blocks too (name only) */
                    emit("field 0");
                }
                push();
                emit_const_cstr(p->con->exn_name);
                emit("svc string_equal");
                g.depth--;
                emit("branchif %s", hl[h]);
                break;
            default: ICE();
            }
        }
        emit("branch %s", ldef);
    }

    /* specialised matrices */
    for (int h = 0; h < heads.n; h++) {
        pat_t *hp = heads.v[h];
        int arity = hp->kind == P_CONSTR ? hp->con->arity : 0;
        int base = (hp->kind == P_CONSTR && hp->con->is_exn) ? 1 : 0;
        int nc = ncols - 1 + arity;
        occ_t **no = xalloc(sizeof(occ_t *) * (size_t)(nc + 1));
        int k = 0;
        for (int j = 0; j < ncols; j++)
            if (j != col) no[k++] = occs[j];
        for (int a = 0; a < arity; a++) no[k++] = occ_sub(o, a + base);
        vec_t nr = { 0 };
        for (int i = 0; i < nrows; i++) {
            row_t *r = rows[i];
            pat_t *p = r->p[col];
            int match;
            if (is_wild(p)) match = 1;
            else if (p->kind == P_CONSTR) match = p->con == hp->con ||
                (p->con->is_exn && hp->con->is_exn && !strcmp(p->con->exn_name, hp->con->exn_name));
            else if (p->kind == P_INT || p->kind == P_CHAR) match = p->ival == hp->ival;
            else if (p->kind == P_STRING) match = p->slen == hp->slen && memcmp(p->sval, hp->sval, (size_t)p->slen) == 0;
            else if (p->kind == P_FLOAT) match = strtod(p->sval, NULL) == strtod(hp->sval, NULL);
            else match = 0;
            if (!match) continue;
            row_t *x = xalloc(sizeof *x);
            *x = *r;
            x->p = xalloc(sizeof(pat_t *) * (size_t)(nc + 1));
            int q = 0;
            for (int j = 0; j < ncols; j++)
                if (j != col) x->p[q++] = r->p[j];
            for (int a = 0; a < arity; a++) x->p[q++] = (!is_wild(p) && p->n > a) ? p->sub[a] : &wild_pat;
            vpush(&nr, x);
        }
        label(hl[h]);
        int saved = g.depth;
        mcomp((row_t **)nr.v, nr.n, no, nc, m);
        g.depth = saved;
    }
    label(ldef);
    if (!complete) {
        vec_t dr = { 0 };
        for (int i = 0; i < nrows; i++)
            if (is_wild(rows[i]->p[col])) vpush(&dr, rows[i]);
        int nc = ncols - 1;
        occ_t **no = xalloc(sizeof(occ_t *) * (size_t)(nc + 1));
        int k = 0;
        for (int j = 0; j < ncols; j++)
            if (j != col) no[k++] = occs[j];
        for (int i = 0; i < dr.n; i++) {
            row_t *r = dr.v[i];
            row_t *x = xalloc(sizeof *x);
            *x = *r;
            x->p = xalloc(sizeof(pat_t *) * (size_t)(nc + 1));
            int q = 0;
            for (int j = 0; j < ncols; j++)
                if (j != col) x->p[q++] = r->p[j];
            dr.v[i] = x;
        }
        int saved = g.depth;
        mcomp((row_t **)dr.v, dr.n, no, nc, m);
        g.depth = saved;
    }
}

/* the variables a pattern binds, in a canonical order (first alternative of or-patterns) */
static void pat_vars(pat_t *p, vec_t *out)
{
    switch (p->kind) {
    case P_VAR: vpush(out, p->var); break;
    case P_ALIAS: pat_vars(p->sub[0], out); vpush(out, p->var); break;
    case P_OR: pat_vars(p->sub[0], out); break;
    case P_TUPLE: case P_CONSTR: case P_RECORD: case P_CONSTRAINT: case P_ARRAY:
        for (int i = 0; i < p->n; i++) pat_vars(p->sub[i], out);
        break;
    default: break;
    }
}

/* ---- exhaustiveness ---- */

static type_t **con_arg_types(struct cinfo *c, type_t *t)
{
    type_t **r = xalloc(sizeof(type_t *) * (size_t)(c->arity + 1));
    t = trepr(t);
    for (int i = 0; i < c->arity; i++) {
        if (c->is_exn || !t || t->kind != TY_CON) r[i] = c->args[i];
        else {
            /* substitute the declaration's parameters by t's arguments */
            r[i] = typer_subst(c->args[i], c->owner, t->args);
        }
    }
    return r;
}

static pat_t *exh_norm(pat_t *p)
{
    for (;;) {
        if (p->kind == P_CONSTRAINT || p->kind == P_ALIAS) p = p->sub[0];
        else if (p->kind == P_VAR) return &wild_pat;
        else return p;
    }
}

static const char *paren_arg(const char *s)
{
    if (strchr(s, ' ') && s[0] != '(' && s[0] != '{' && s[0] != '[' ) return xfmt("(%s)", s);
    if (strstr(s, "::") && s[0] != '(') return xfmt("(%s)", s);
    return s;
}

static const char *con_str(struct cinfo *c, const char **args)
{
    if (c->arity == 0) return c->name;
    if (!strcmp(c->name, "::")) return xfmt("%s::%s", strstr(args[0], "::") ? xfmt("(%s)", args[0]) : args[0], args[1]);
    if (c->arity == 1) return xfmt("%s %s", c->name, paren_arg(args[0]));
    sbuf_t b = { 0 };
    sb_add(&b, c->name, strlen(c->name));
    sb_add(&b, " (", 2);
    for (int i = 0; i < c->arity; i++) {
        if (i) sb_add(&b, ", ", 2);
        sb_add(&b, args[i], strlen(args[i]));
    }
    sb_add(&b, ")", 1);
    return b.s;
}

/* returns NULL if exhaustive, else a string with ncols witnesses separated by '\x01' */
static const char **exh(pat_t ***rows, int nrows, int ncols, type_t **types, int depth)
{
    const char **w = xalloc(sizeof(char *) * (size_t)(ncols + 1));
    if (ncols == 0) return nrows ? NULL : w;
    if (depth > 40) return NULL;
    if (nrows == 0) {
        for (int j = 0; j < ncols; j++) w[j] = "_";
        return w;
    }
    /* expand or-patterns in column 0 */
    vec_t rv = { 0 };
    for (int i = 0; i < nrows; i++) {
        vec_t work = { 0 };
        vpush(&work, rows[i]);
        while (work.n) {
            pat_t **r = work.v[--work.n];
            pat_t *p = exh_norm(r[0]);
            if (p->kind == P_OR) {
                pat_t **a = xalloc(sizeof(pat_t *) * (size_t)ncols), **b = xalloc(sizeof(pat_t *) * (size_t)ncols);
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
    }
    rows = (pat_t ***)rv.v;
    nrows = rv.n;
    pat_t *first = NULL;
    for (int i = 0; i < nrows && !first; i++)
        if (!is_wild(rows[i][0])) first = rows[i][0];
    type_t *t0 = trepr(types[0]);
    if (!first) {
        /* default matrix */
        pat_t ***dr = xalloc(sizeof(pat_t **) * (size_t)(nrows + 1));
        for (int i = 0; i < nrows; i++) dr[i] = rows[i] + 1;
        const char **r = exh(dr, nrows, ncols - 1, types + 1, depth + 1);
        if (!r) return NULL;
        w[0] = "_";
        for (int j = 1; j < ncols; j++) w[j] = r[j - 1];
        return w;
    }
    /* the constructors to try */
    int kind = first->kind;
    if (kind == P_TUPLE || kind == P_RECORD || (kind == P_CONSTR && !first->con->is_exn)) {
        vec_t cons = { 0 };
        struct tdecl *rd = NULL;
        int ntry;
        if (kind == P_CONSTR) {
            ntry = first->con->owner->cons.n;
            for (int c = 0; c < ntry; c++) vpush(&cons, first->con->owner->cons.v[c]);
        } else {
            ntry = 1;
            if (kind == P_RECORD) rd = first->fields[0]->owner;
        }
        /* signature completeness */
        int present_any_missing = 0;
        const char *missing = NULL;
        if (kind == P_CONSTR) {
            for (int c = 0; c < ntry; c++) {
                struct cinfo *ci = cons.v[c];
                int present = 0;
                for (int i = 0; i < nrows; i++) {
                    pat_t *p = rows[i][0];
                    if (p->kind == P_CONSTR && p->con == ci) present = 1;
                }
                if (!present) {
                    present_any_missing = 1;
                    if (!missing) {
                        const char **args = xalloc(sizeof(char *) * (size_t)(ci->arity + 1));
                        for (int a = 0; a < ci->arity; a++) args[a] = "_";
                        missing = con_str(ci, args);
                    }
                }
            }
        }
        if (present_any_missing) {
            pat_t ***dr = xalloc(sizeof(pat_t **) * (size_t)(nrows + 1));
            int nd = 0;
            for (int i = 0; i < nrows; i++)
                if (is_wild(rows[i][0])) dr[nd++] = rows[i] + 1;
            const char **r = exh(dr, nd, ncols - 1, types + 1, depth + 1);
            if (!r) return NULL;
            w[0] = missing;
            for (int j = 1; j < ncols; j++) w[j] = r[j - 1];
            return w;
        }
        for (int c = 0; c < ntry; c++) {
            struct cinfo *ci = kind == P_CONSTR ? cons.v[c] : NULL;
            int arity;
            type_t **at;
            if (kind == P_TUPLE) {
                arity = first->n;
                at = xalloc(sizeof(type_t *) * (size_t)(arity + 1));
                for (int a = 0; a < arity; a++)
                    at[a] = (t0 && t0->kind == TY_CON && t0->nargs == arity) ? t0->args[a] : first->sub[a]->ty;
            } else if (kind == P_RECORD) {
                arity = rd->fields.n;
                at = xalloc(sizeof(type_t *) * (size_t)(arity + 1));
                for (int a = 0; a < arity; a++) {
                            at[a] = (t0 && t0->kind == TY_CON) ? typer_subst(((struct finfo *)rd->fields.v[a])->type, rd, t0->args) : NULL;
                }
            } else {
                arity = ci->arity;
                at = con_arg_types(ci, t0);
            }
            int nc = ncols - 1 + arity;
            type_t **nt = xalloc(sizeof(type_t *) * (size_t)(nc + 1));
            for (int a = 0; a < arity; a++) nt[a] = at[a];
            for (int j = 1; j < ncols; j++) nt[arity + j - 1] = types[j];
            vec_t nr = { 0 };
            for (int i = 0; i < nrows; i++) {
                pat_t *p = rows[i][0];
                if (!is_wild(p) && kind == P_CONSTR && p->con != ci) continue;
                pat_t **x = xalloc(sizeof(pat_t *) * (size_t)(nc + 1));
                for (int a = 0; a < arity; a++) {
                    pat_t *s = &wild_pat;
                    if (!is_wild(p)) {
                        if (p->kind == P_RECORD) {
                            for (int f = 0; f < p->n; f++)
                                if (p->fields[f]->index == a) s = p->sub[f];
                        } else if (p->n > a)
                            s = p->sub[a];
                    }
                    x[a] = s;
                }
                for (int j = 1; j < ncols; j++) x[arity + j - 1] = rows[i][j];
                vpush(&nr, x);
            }
            const char **r = exh((pat_t ***)nr.v, nr.n, nc, nt, depth + 1);
            if (r) {
                if (kind == P_TUPLE) {
                    sbuf_t b = { 0 };
                    sb_add(&b, "(", 1);
                    for (int a = 0; a < arity; a++) {
                        if (a) sb_add(&b, ", ", 2);
                        sb_add(&b, r[a], strlen(r[a]));
                    }
                    sb_add(&b, ")", 1);
                    w[0] = b.s;
                } else if (kind == P_RECORD) {
                    sbuf_t b = { 0 };
                    sb_add(&b, "{", 1);
                    int any = 0, wild = 0;
                    for (int a = 0; a < arity; a++) {
                        if (!strcmp(r[a], "_")) { wild = 1; continue; }
                        if (any) sb_add(&b, "; ", 2);
                        const char *f = xfmt("%s=%s", ((struct finfo *)rd->fields.v[a])->name, r[a]);
                        sb_add(&b, f, strlen(f));
                        any = 1;
                    }
                    if (wild) sb_add(&b, any ? "; _ " : "_", any ? 4 : 1);
                    sb_add(&b, "}", 1);
                    w[0] = b.s;
                } else
                    w[0] = con_str(ci, r);
                for (int j = 1; j < ncols; j++) w[j] = r[arity + j - 1];
                return w;
            }
        }
        return NULL;
    }
    /* infinite signatures: constants and exceptions */
    pat_t ***dr = xalloc(sizeof(pat_t **) * (size_t)(nrows + 1));
    int nd = 0;
    for (int i = 0; i < nrows; i++)
        if (is_wild(rows[i][0])) dr[nd++] = rows[i] + 1;
    const char **r = exh(dr, nd, ncols - 1, types + 1, depth + 1);
    if (!r) return NULL;
    const char *ws = "_";
    if (kind == P_INT || kind == P_CHAR) {
        for (long v = kind == P_CHAR ? 'a' : 0;; v++) {
            int used = 0;
            for (int i = 0; i < nrows; i++)
                if (rows[i][0]->kind == kind && rows[i][0]->ival == v) used = 1;
            if (!used) {
                ws = kind == P_CHAR ? xfmt("'%c'", (int)v) : xfmt("%ld", v);
                break;
            }
        }
    } else if (kind == P_STRING) {
        ws = "\"\"";
        for (int i = 0; i < nrows; i++)
            if (rows[i][0]->kind == P_STRING && rows[i][0]->slen == 0) ws = "\"*\"";
    } else if (kind == P_FLOAT)
        ws = "0.";
    w[0] = ws;
    for (int j = 1; j < ncols; j++) w[j] = r[j - 1];
    return w;
}

void check_exhaustive(mcase_t **cases, int n, type_t *t, loc_t l)
{
    vec_t rows = { 0 };
    for (int i = 0; i < n; i++) {
        if (cases[i]->guard) continue;
        pat_t **r = xalloc(sizeof(pat_t *));
        r[0] = cases[i]->pat;
        vpush(&rows, r);
    }
    type_t *ts[1] = { t };
    const char **w = exh((pat_t ***)rows.v, rows.n, 1, ts, 0);
    if (w)
        diag_warning(l, "this pattern-matching is not exhaustive. Here is an example of a case that is not matched: %s", w[0]);
}

/* compile a match of the value in A (or of variable rootvar) against cases */
static int tuple_only(mcase_t **cases, int n, int arity)
{
    for (int i = 0; i < n; i++) {
        pat_t *p = cases[i]->pat;
        while (p->kind == P_CONSTRAINT) p = p->sub[0];
        if (p->kind == P_ANY) continue;
        if (p->kind != P_TUPLE || p->n != arity) return 0;
    }
    return 1;
}

static void cmatch(expr_t *scrut, mcase_t **cases, int n, int tail, int reraise, loc_t l, int in_A)
{
    int base = g.depth;
    occ_t *root = xalloc(sizeof *root);
    int pushed_root = 0;
    /* match (a, b) with (p, q) -> ...: no tuple is built, the components get slots */
    int ntup = (!in_A && scrut->kind == E_TUPLE && tuple_only(cases, n, scrut->n)) ? scrut->n : 0;
    occ_t **occs = xalloc(sizeof(occ_t *) * (size_t)(ntup + 1));
    if (ntup) {
        for (int i = ntup - 1; i >= 0; i--) {
            gexpr(scrut->args[i], 0);
            push();
            occs[i] = xalloc(sizeof(occ_t));
            occs[i]->rootpos = g.depth - 1;
        }
        root = occs[0];
        pushed_root = ntup;
    } else if (!in_A && scrut->kind == E_VAR && scrut->var && scrut->var->kind == V_LOCAL) {
        root->rootvar = scrut->var;
        scrut->var->used = 1;
    } else {
        if (!in_A) gexpr(scrut, 0);
        push();
        root->rootpos = g.depth - 1;
        pushed_root = 1;
    }
    if (!ntup) occs[0] = root;
    int ncols = ntup ? ntup : 1;
    mctx_t m = { 0 };
    m.cases = cases;
    m.ncases = n;
    m.cvars = xalloc(sizeof(vec_t) * (size_t)(n + 1));
    m.body_label = xalloc(sizeof(char *) * (size_t)(n + 1));
    m.body_used = xalloc(sizeof(int) * (size_t)(n + 1));
    m.tail = tail;
    m.reraise = reraise;
    m.root = root;
    m.loc = l;
    m.last_clause = -1;
    for (int i = 0; i < n; i++) pat_vars(cases[i]->pat, &m.cvars[i]);
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
        while (p->kind == P_CONSTRAINT) p = p->sub[0];
        for (int j = 0; j < ntup; j++) rows[i]->p[j] = p->kind == P_TUPLE ? p->sub[j] : &wild_pat;
    }
    int d0 = g.depth;
    mcomp(rows, n, occs, ncols, &m);
    const char *lend = newlabel();
    for (int ii = -1; ii < n; ii++) {
        /* the body of the last leaf first: its branch then falls through */
        int i = ii < 0 ? m.last_clause : ii;
        if (ii >= 0 && i == m.last_clause) continue;
        if (i < 0 || !m.body_used[i]) continue;
        g.depth = d0;
        int k = 0;
        for (int j = 0; j < m.cvars[i].n; j++) {
            var_t *v = m.cvars[i].v[j];
            if (v->kind == V_GVAL) continue;
            v->pos = g.depth;
            g.depth++;
            k++;
        }
        label(m.body_label[i]);
        gexpr(cases[i]->body, tail);
        if (!tail) {
            popn(k);
            emit("branch %s", lend);
        }
    }
    g.depth = d0;
    label(lend);
    if (pushed_root && !tail) popn(pushed_root);
    if (!tail) g.depth = base;
    (void)base;
}

/* ------------------------------------------------------------------ printf */
static void cprintf(expr_t *e, int tail)
{
    vec_t segs = { 0 };
    const char *err;
    fmt_parse(e->a->sval, e->a->slen, &segs, &err);
    int k = e->n;
    int base = g.depth;
    for (int i = k - 1; i >= 0; i--) {
        gexpr(e->args[i], 0);
        push();
    }
    /* arg i at frame position base + k-1-i */
#define ARG(i) emit("acc %d", g.depth - 1 - (base + k - 1 - (i)))
    int kind = e->pf_kind;
    int ai = 0;
    int npieces = 0;
    /* for sprintf: pieces are produced left to right, concatenated with an accumulator slot */
    int accpos = -1;
    if (kind == 1) {
        emit_const_cstr("");
        push();
        accpos = g.depth - 1;
    }
    for (int s = 0; s < segs.n; s++) {
        fmtseg_t *sg = segs.v[s];
        int direct = 0;                  /* printed directly (printf only) */
        if (!sg->conv) {
            emit_const_string(sg->text, sg->len);
            if (kind == 0) { emit("svc print_string"); direct = 1; }
        } else {
            int c = sg->conv;
            int idx = ai++;
            const char *spec = xfmt("%.*s", sg->len, sg->text);
            if ((c == 'd' || c == 'i') && sg->simple) {
                ARG(idx);
                if (kind == 0) { emit("svc print_int"); direct = 1; }
                else emit("svc string_of_int");
            } else if (c == 's' && sg->simple) {
                ARG(idx);
                if (kind == 0) { emit("svc print_string"); direct = 1; }
            } else if (c == 'c' && sg->simple && kind == 0) {
                ARG(idx);
                emit("svc print_char");
                direct = 1;
            } else if (c == 'S' || c == 'C') {
                /* OCaml-escaped, with quotes: "\"" ^ escaped x ^ "\"" */
                const char *q = c == 'S' ? "\"" : "'";
                emit_const_cstr(q);
                push();
                ARG(idx);
                push();
                emit("quote 0");
                const char *fnsym = c == 'S' ? "String.escaped" : "Char.escaped";
                ref_sym(fnsym);
                emit("call %s, 1", fnsym);
                g.depth--;
                push();
                emit_const_cstr(q);
                emit("strcat");
                g.depth--;
                emit("strcat");
                g.depth--;
            } else if (c == 'b' || c == 'B') {
                const char *lt = newlabel(), *le = newlabel();
                ARG(idx);
                emit("branchif %s", lt);
                emit_const_cstr("false");
                emit("branch %s", le);
                label(lt);
                emit_const_cstr("true");
                label(le);
                if (!sg->simple) {
                    push();
                    emit_const_cstr(xfmt("%.*ss", sg->len - 1, sg->text));
                    emit("swap");
                    emit("svc format_string");
                    g.depth--;
                }
            } else {
                const char *svc = "format_int";
                if (strchr("fFeEgG", c)) svc = "format_float";
                else if (c == 's') svc = "format_string";
                emit_const_cstr(spec);
                push();
                ARG(idx);
                emit("svc %s", svc);
                g.depth--;
            }
            if (!direct && kind == 0) { emit("svc print_string"); direct = 1; }
        }
        if (!direct) {
            if (kind == 2) emit("svc print_err");
            else if (kind == 1) {
                /* acc := acc ^ piece */
                push();
                emit("acc %d", g.depth - 1 - accpos);
                emit("strcat");
                g.depth--;
                emit("assign %d", g.depth - 1 - accpos);
            }
        }
        npieces++;
    }
    if (kind == 1) {
        emit("acc 0");
        popn(1);
    } else
        emit("quote 0");
    popn(k);
#undef ARG
    (void)npieces;
    ret(tail);
}

/* ------------------------------------------------------------------ let */
static void clet(expr_t *e, int i, int tail)
{
    if (i == e->n) {
        gexpr(e->a, tail);
        return;
    }
    binding_t *b = e->binds[i];
    pat_t *p = b->pat;
    while (p->kind == P_CONSTRAINT) p = p->sub[0];
    if (p->kind == P_VAR) {
        gexpr(b->e, 0);
        if (g.spill_mode) {
            p->var->spill = g.nspill++;
            push();
            emit("quote %d", p->var->spill);
            push();
            emit("acc %d", g.depth - 1 - g.spill_pos);
            emit("arrayset");
            g.depth -= 2;
            clet(e, i + 1, tail);
            return;
        }
        p->var->spill = -1;
        push();
        p->var->pos = g.depth - 1;
        clet(e, i + 1, tail);
        if (!tail) popn(1);
        return;
    }
    if (p->kind == P_ANY || (p->kind == P_CONSTR && p->n == 0 && p->con && !p->con->is_exn &&
                             p->con->owner && p->con->owner->cons.n == 1)) {
        gexpr(b->e, 0);
        clet(e, i + 1, tail);
        return;
    }
    /* pattern: match with one case whose body is the rest */
    expr_t *rest = mk_expr(E_LET, e->loc);
    rest->n = e->n - i - 1;
    rest->binds = e->binds + i + 1;
    rest->a = e->a;
    rest->ty = e->ty;
    mcase_t *mc = xalloc(sizeof *mc);
    mc->pat = b->pat;
    mc->body = rest;
    cmatch(b->e, &mc, 1, tail, 0, b->loc, 0);
}

static void cletrec(expr_t *e, int tail)
{
    int n = e->n;
    vec_t pending = { 0 };
    var_t **vs = xalloc(sizeof(var_t *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        pat_t *p = e->binds[i]->pat;
        while (p->kind == P_CONSTRAINT) p = p->sub[0];
        vs[i] = p->var;
        vpush(&pending, vs[i]);
    }
    for (int i = 0; i < n; i++) {
        make_closure(vs[i]->fn, &pending);
        push();
        vs[i]->pos = g.depth - 1;
    }
    for (int i = 0; i < n; i++) {
        struct fn *f = vs[i]->fn;
        for (int j = 0; j < f->fv.n; j++) {
            var_t *v = f->fv.v[j];
            int sib = 0;
            for (int k = 0; k < n; k++)
                if (vs[k] == v) sib = 1;
            if (!sib) continue;
            load_var(v, e->loc);
            push();
            load_var(vs[i], e->loc);
            emit("closurepatch %d", j);
            g.depth--;
        }
    }
    gexpr(e->a, tail);
    if (!tail) popn(n);
}

/* ------------------------------------------------------------------ main expression compiler */
static void cblock(int tag, expr_t **args, int n, const char *exn_name)
{
    int total = n + (exn_name ? 1 : 0);
    for (int i = n - 1; i >= (exn_name ? 0 : 1); i--) {
        gexpr(args[i], 0);
        push();
    }
    if (exn_name)
        emit_const_cstr(exn_name);
    else
        gexpr(args[0], 0);
    emit("makeblock %d, %d", tag, total);
    g.depth -= total - 1;
}

static void gexpr_inner(expr_t *e, int tail);
/* in tail position the code returns; the frame depth seen after it is the one before */
static void gexpr(expr_t *e, int tail)
{
    int d = g.depth;
    gexpr_inner(e, tail);
    if (tail) g.depth = d;
}

static void gexpr_inner(expr_t *e, int tail)
{
    line_comment(e->loc);
    switch (e->kind) {
    case E_INT: case E_CHAR:
        emit("quote %ld", e->ival);
        break;
    case E_FLOAT: {
        const char *s = e->sval;
        if (!strpbrk(s, ".eE")) s = xfmt("%s.0", s);
        else if (s[strlen(s) - 1] == '.') s = xfmt("%s0", s);
        emit("const %s", s);
        break;
    }
    case E_STRING: emit_const_string(e->sval, e->slen); break;
    case E_VAR: load_var(e->var, e->loc); break;
    case E_CONSTR: {
        struct cinfo *c = e->con;
        if (c->is_exn) cblock(248, e->args, e->n, c->exn_name);
        else if (c->arity == 0) emit("quote %d", c->tag);
        else cblock(c->tag, e->args, e->n, NULL);
        break;
    }
    case E_TUPLE: cblock(0, e->args, e->n, NULL); break;
    case E_APP: capp(e, tail); return;
    case E_PRINTF: cprintf(e, tail); return;
    case E_FUN: make_closure(e->fn, NULL); break;
    case E_LET:
        if (e->ival) cletrec(e, tail);
        else clet(e, 0, tail);
        return;
    case E_MATCH:
        cmatch(e->a, e->cases, e->n, tail, 0, e->loc, 0);
        return;
    case E_TRY: {
        const char *lh = newlabel(), *lend = newlabel();
        int base = g.depth;
        emit("pushtrap %s", lh);
        g.depth += 3;
        gexpr(e->a, 0);
        emit("poptrap");
        g.depth -= 3;
        if (tail) emit("return %d", g.depth);
        else emit("branch %s", lend);
        label(lh);
        g.depth = base;
        cmatch(NULL, e->cases, e->n, tail, 1, e->loc, 1);
        label(lend);
        return;
    }
    case E_IF: {
        const char *lf = newlabel(), *lend = newlabel();
        cjump_false(e->a, lf);
        int d = g.depth;
        gexpr(e->b, tail);
        if (!tail) emit("branch %s", lend);
        label(lf);
        g.depth = d;
        if (e->c) gexpr(e->c, tail);
        else {
            emit("quote 0");
            ret(tail);
        }
        label(lend);
        return;
    }
    case E_SEQ:
        gexpr(e->a, 0);
        gexpr(e->b, tail);
        return;
    case E_WHILE: {
        const char *ltop = newlabel(), *lend = newlabel();
        label(ltop);
        cjump_false(e->a, lend);
        gexpr(e->b, 0);
        emit("branch %s", ltop);
        label(lend);
        emit("quote 0");
        break;
    }
    case E_FOR: {
        const char *ltop = newlabel(), *lend = newlabel();
        gexpr(e->a, 0);
        push();
        int ipos = g.depth - 1;
        if (e->pat->kind == P_VAR) e->pat->var->pos = ipos;
        gexpr(e->b, 0);
        push();
        int lpos = g.depth - 1;
        /* if i > limit (to) / i < limit (downto): skip */
        emit("acc %d", g.depth - 1 - lpos);
        push();
        emit("acc %d", g.depth - 1 - ipos);
        emit("%s %s", e->ival ? "bgt" : "blt", lend);
        g.depth--;
        label(ltop);
        gexpr(e->c, 0);
        emit("acc %d", g.depth - 1 - lpos);
        push();
        emit("acc %d", g.depth - 1 - ipos);
        emit("beq %s", lend);
        g.depth--;
        emit("acc %d", g.depth - 1 - ipos);
        emit("addimm %d", e->ival ? 1 : -1);
        emit("assign %d", g.depth - 1 - ipos);
        emit("branch %s", ltop);
        label(lend);
        popn(2);
        emit("quote 0");
        break;
    }
    case E_RECORD: {
        struct tdecl *d = e->fields[0]->owner;
        int nf = d->fields.n;
        expr_t **vals = xalloc(sizeof(expr_t *) * (size_t)(nf + 1));
        for (int i = 0; i < e->n; i++) vals[e->fields[i]->index] = e->args[i];
        int basepos = -1;
        if (e->a) {
            gexpr(e->a, 0);
            push();
            basepos = g.depth - 1;
        }
        for (int i = nf - 1; i >= 0; i--) {
            if (vals[i]) gexpr(vals[i], 0);
            else {
                emit("acc %d", g.depth - 1 - basepos);
                emit("field %d", i);
            }
            if (i > 0) push();
        }
        emit("makeblock 0, %d", nf);
        g.depth -= nf - 1;
        if (e->a) popn(1);
        break;
    }
    case E_FIELD:
        gexpr(e->a, 0);
        emit("field %d", e->field->index);
        break;
    case E_SETFIELD:
        gexpr(e->b, 0);
        push();
        gexpr(e->a, 0);
        emit("setfield %d", e->field->index);
        g.depth--;
        break;
    case E_ARRAY:
        if (e->n == 0) {
            emit("quote 0");
            push();
            emit("quote 0");
            emit("makearray");
            g.depth--;
            break;
        }
        for (int i = e->n - 1; i >= 1; i--) {
            gexpr(e->args[i], 0);
            push();
        }
        gexpr(e->args[0], 0);
        emit("arrayn %d", e->n);
        g.depth -= e->n - 1;
        break;
    case E_CONSTRAINT: gexpr(e->a, tail); return;
    case E_AND: case E_OR: {
        const char *lend = newlabel();
        gexpr(e->a, 0);
        emit("%s %s", e->kind == E_AND ? "branchifnot" : "branchif", lend);
        if (tail) {
            gexpr(e->b, 1);
            label(lend);
            emit("return %d", g.depth);
            return;
        }
        gexpr(e->b, 0);
        label(lend);
        break;
    }
    case E_ASSERT: {
        const char *lok = newlabel();
        cjump_true(e->a, lok);
        emit("quote %d", e->loc.col - 1);
        push();
        emit("quote %d", e->loc.line);
        push();
        emit_const_cstr(cur_file->name);
        push();
        emit_const_cstr("Assert_failure");
        emit("makeblock 248, 4");
        g.depth -= 3;
        emit("raise");
        label(lok);
        emit("quote 0");
        break;
    }
    default: ICE();
    }
    ret(tail);
}


/* ------------------------------------------------------------------ peephole */
/* On one function's text: thread jumps to labels that only branch elsewhere, drop code
 * after an unconditional transfer until the next label, and drop branches to the next
 * line. Lines are "        op args" (instructions), "name:" (labels) or "; ..." (comments). */
static int is_label_line(const char *l) { return l[0] != ' ' && l[0] != ';' && l[0] && strchr(l, ':') && l[strlen(l) - 1] == ':'; }
static const char *insn_of(const char *l) { while (*l == ' ') l++; return l; }
static int is_end_insn(const char *i)
{
    return !strncmp(i, "branch ", 7) || !strncmp(i, "return ", 7) || !strncmp(i, "tailcall ", 9) ||
           !strncmp(i, "tailapp ", 8) || !strcmp(i, "raise") || !strcmp(i, "halt") || !strncmp(i, "switch ", 7);
}
static void peephole(sbuf_t *b)
{
    vec_t lines = { 0 };
    char *p = b->s;
    while (p && *p) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        vpush(&lines, p);
        p = nl ? nl + 1 : NULL;
    }
    int n = lines.n;
    char **L = (char **)lines.v;
    /* label -> target of the first instruction after it, if that is a branch */
    vec_t from = { 0 }, to = { 0 };
    for (int i = 0; i < n; i++) {
        if (!is_label_line(L[i]) || L[i][0] != '.') continue;
        int j = i + 1;
        while (j < n && (is_label_line(L[j]) || L[j][0] == ';' || !L[j][0])) j++;
        if (j < n && !strncmp(insn_of(L[j]), "branch ", 7)) {
            vpush(&from, xfmt("%.*s", (int)strlen(L[i]) - 1, L[i]));
            vpush(&to, (void *)(insn_of(L[j]) + 7));
        }
    }
    /* resolve a label through the chains (bounded, so cycles terminate) */
#define RESOLVE(lab, out)                                                         \
    do {                                                                          \
        const char *r_ = (lab);                                                   \
        for (int hop_ = 0; hop_ < 16; hop_++) {                                   \
            int k_, f_ = -1;                                                      \
            for (k_ = 0; k_ < from.n; k_++)                                       \
                if (!strcmp(from.v[k_], r_)) { f_ = k_; break; }                  \
            if (f_ < 0) break;                                                    \
            r_ = to.v[f_];                                                        \
        }                                                                         \
        (out) = r_;                                                               \
    } while (0)
    /* pass 1: resolve branch targets */
    for (int i = 0; i < n; i++) {
        char *l = L[i];
        if (l[0] != ' ') continue;
        const char *ins = insn_of(l);
        static const char *brs[] = { "branch ", "branchif ", "branchifnot ", "beq ", "bne ", "blt ", "ble ", "bgt ", "bge ", NULL };
        for (int k = 0; brs[k]; k++)
            if (!strncmp(ins, brs[k], strlen(brs[k]))) {
                const char *t;
                RESOLVE(ins + strlen(brs[k]), t);
                L[i] = xfmt("        %s%s", brs[k], t);
                break;
            }
    }
    /* referenced local labels */
    vec_t refs = { 0 };
    for (int i = 0; i < n; i++) {
        if (L[i][0] != ' ') continue;
        for (const char *q = strstr(L[i], ".L"); q; q = strstr(q + 1, ".L")) {
            if (q[-1] != ' ' && q[-1] != ',') continue;
            size_t k = 0;
            while (q[k] && q[k] != ',' && q[k] != ' ') k++;
            vpush(&refs, xfmt("%.*s", (int)k, q));
        }
    }
    sbuf_t o = { 0 };
    int dead = 0, seen_label = 0;
    for (int i = 0; i < n; i++) {
        char *l = L[i];
        if (is_label_line(l)) {
            size_t ll = strlen(l) - 1;
            if (l[0] == '.' && l[1] == 'L' && seen_label) {
                int used = 0;
                for (int k = 0; k < refs.n; k++)
                    if (strlen(refs.v[k]) == ll && !strncmp(refs.v[k], l, ll)) used = 1;
                if (!used) continue;
            }
            seen_label = 1;
            dead = 0;
            char *tb = xfmt("        branch %.*s\n", (int)ll, l);
            size_t tl = strlen(tb);
            if (o.n >= tl && memcmp(o.s + o.n - tl, tb, tl) == 0) o.n -= tl;
            sb_add(&o, l, strlen(l));
            sb_add(&o, "\n", 1);
            continue;
        }
        if (l[0] != ' ') {
            sb_add(&o, l, strlen(l));
            sb_add(&o, "\n", 1);
            continue;
        }
        if (dead) continue;
        const char *ins = insn_of(l);
        if (!strncmp(ins, "branch ", 7)) {
            /* a branch to a label that follows directly is dropped */
            const char *t = ins + 7;
            int j = i + 1, drop = 0;
            while (j < n && (is_label_line(L[j]) || L[j][0] == ';' || !L[j][0])) {
                if (is_label_line(L[j]) && strlen(L[j]) - 1 == strlen(t) && !strncmp(L[j], t, strlen(t))) drop = 1;
                j++;
            }
            if (drop) {
                dead = 1;
                continue;
            }
        }
        sb_add(&o, l, strlen(l));
        sb_add(&o, "\n", 1);
        if (is_end_insn(ins)) dead = 1;
    }
#undef RESOLVE
    free(lines.v);
    free(b->s);
    *b = o;
}

/* ------------------------------------------------------------------ functions */
/* A function whose frame would need stack offsets above 255 is compiled again with its
 * let-bound locals in a heap array allocated on entry (frame slot `arity`). */
static void emit_fn(struct fn *f, sbuf_t *out)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        sbuf_t b = { 0 };
        g.buf = &b;
        g.fn = f;
        g.last_line = -1;
        g.depth = f->arity;
        g.spill_mode = attempt;
        g.too_deep = 0;
        g.nspill = 0;
        for (int i = 0; i < f->arity; i++) {
            pat_t *p = f->params[i];
            while (p->kind == P_CONSTRAINT) p = p->sub[0];
            if (p->kind == P_VAR) {
                p->var->pos = f->arity - 1 - i;
                p->var->spill = -1;
            }
        }
        if (attempt) {
            g.spill_pos = g.depth;
            g.depth++;
        }
        gexpr(f->body, 1);
        if (g.too_deep && !attempt) {
            free(b.s);
            continue;
        }
        sbuf_t h = { 0 };
        if (f->toplevel) {
            char *t = xfmt("        .global %s\n", f->label);
            sb_add(&h, t, strlen(t));
        }
        char *t = xfmt("%s:\n", f->label);
        sb_add(&h, t, strlen(t));
        if (attempt) {
            t = xfmt("        quote 0\n        push\n        quote %d\n        makearray\n        push\n", g.nspill ? g.nspill : 1);
            sb_add(&h, t, strlen(t));
        }
        sb_add(&h, b.s, b.n);
        free(b.s);
        peephole(&h);
        sb_add(out, h.s, h.n);
        sb_add(out, "\n", 1);
        free(h.s);
        break;
    }
    g.spill_mode = 0;
}

static void drain_queue(sbuf_t *out)
{
    while (g.queue.n) {
        struct fn *f = g.queue.v[0];
        memmove(g.queue.v, g.queue.v + 1, sizeof(void *) * (size_t)(g.queue.n - 1));
        g.queue.n--;
        if (f->emitted) continue;
        f->emitted = 1;
        emit_fn(f, out);
    }
}

static int is_fun_expr(expr_t *e)
{
    while (e->kind == E_CONSTRAINT) e = e->a;
    return e->kind == E_FUN;
}

void gen_module(FILE *out, program_t *p, const char *modname)
{
    memset(&g, 0, sizeof g);
    g_refs.n = 0;
    g.modname = modname;
    vec_t defined = { 0 };
    sbuf_t all = { 0 };
    sbuf_t init = { 0 };
    char *hdr = xfmt("; generated by sensec from %s (module %s)\n        .text\n        .file %s\n", cur_file->name, modname,
                     quote_str(cur_file->name, (int)strlen(cur_file->name)));
    sb_add(&all, hdr, strlen(hdr));
    /* global variables */
    for (int i = 0; i < p->items.n; i++) {
        item_t *it = p->items.v[i];
        if (it->kind != I_LET) continue;
        for (int k = 0; k < it->vars.n; k++) {
            var_t *v = it->vars.v[k];
            if (v->kind == V_GVAL) {
                char *t = xfmt("        .var %s\n        .global %s\n", v->sym, v->sym);
                sb_add(&all, t, strlen(t));
                vpush(&defined, (void *)v->sym);
            }
        }
    }
    /* the module initialiser: top-level code in order (again with spilled locals if its
     * frame gets too deep, as for functions) */
    struct fn *initf = init_fn_of_module;
    for (int attempt = 0; attempt < 2; attempt++) {
    init.n = 0;
    g.buf = &init;
    g.fn = initf;
    g.depth = 0;
    g.last_line = -1;
    g.spill_mode = attempt;
    g.too_deep = 0;
    g.nspill = 0;
    char *t = xfmt("        .global %s\n%s:\n", initf->label, initf->label);
    sb_add(&init, t, strlen(t));
    size_t spill_at = init.n;
    if (attempt) {
        g.spill_pos = 0;
        g.depth = 1;
    }
    for (int i = 0; i < p->items.n; i++) {
        item_t *it = p->items.v[i];
        if (it->kind == I_EXPR) {
            gexpr(it->e, 0);
            continue;
        }
        if (it->kind != I_LET) continue;
        for (int b = 0; b < it->n; b++) {
            binding_t *bd = it->binds[b];
            pat_t *pp = bd->pat;
            while (pp->kind == P_CONSTRAINT) pp = pp->sub[0];
            if (pp->kind == P_VAR && pp->var->kind == V_GFUN && is_fun_expr(bd->e)) {
                expr_t *fe = bd->e;
                while (fe->kind == E_CONSTRAINT) fe = fe->a;
                fe->fn->label = pp->var->sym;
                fe->fn->toplevel = 1;
                if (!attempt) vpush(&defined, (void *)pp->var->sym);
                enqueue_fn(fe->fn);
                continue;
            }
            if (pp->kind == P_VAR) {
                gexpr(bd->e, 0);
                ref_sym(pp->var->sym);
                emit("setvar %s", pp->var->sym);
                continue;
            }
            if (pp->kind == P_ANY || (pp->kind == P_CONSTR && pp->n == 0 && pp->con && !pp->con->is_exn &&
                                      pp->con->owner && pp->con->owner->cons.n == 1)) {
                gexpr(bd->e, 0);
                continue;
            }
            mcase_t *mc = xalloc(sizeof *mc);
            mc->pat = bd->pat;
            mc->body = mk_constr(bd->loc, "()", NULL);
            mc->body->con = typer_exn("()");
            mc->body->n = 0;
            cmatch(bd->e, &mc, 1, 0, 0, bd->loc, 0);
        }
    }
    emit("quote 0");
    emit("return %d", g.depth);
    if (g.too_deep && !attempt) continue;
    if (attempt) {
        /* insert the spill array's allocation after the label */
        char *alloc = xfmt("        quote 0\n        push\n        quote %d\n        makearray\n        push\n", g.nspill ? g.nspill : 1);
        sbuf_t x = { 0 };
        sb_add(&x, init.s, spill_at);
        sb_add(&x, alloc, strlen(alloc));
        sb_add(&x, init.s + spill_at, init.n - spill_at);
        free(init.s);
        init = x;
    }
    break;
    }
    g.spill_mode = 0;
    peephole(&init);
    sb_add(&init, "\n", 1);
    sbuf_t fns = { 0 };
    drain_queue(&fns);
    for (int i = 0; i < g_refs.n; i++) {
        int def = 0;
        for (int k = 0; k < defined.n; k++)
            if (!strcmp(defined.v[k], g_refs.v[i])) def = 1;
        if (def) continue;
        char *x = xfmt("        .extern %s\n", (const char *)g_refs.v[i]);
        sb_add(&all, x, strlen(x));
    }
    sb_add(&all, "\n", 1);
    if (fns.s) sb_add(&all, fns.s, fns.n);
    sb_add(&all, init.s, init.n);
    fwrite(all.s, 1, all.n, out);
}
