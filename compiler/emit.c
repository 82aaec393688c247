/* SPDX-License-Identifier: MIT
 * emit.c — the code generators' common floor (cg.h): the assembly-text emitter (with the
 * push/acc fusions of peephole.c applied as instructions are written), labels, stack-depth
 * bookkeeping, and loads of variables and of parts of matched values.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sensevm/image.h>
#include "cg.h"
#include "peephole.h"
#include "types.h"

struct cg_state cg;

vec_t cg_refs;            /* global symbols referenced */
static vec_t g_used_mods; /* modules referenced by anything compiled so far */
int gen_uses_module(const char *m)
{
    for (int i = 0; i < g_used_mods.n; i++)
        if (!strcmp(g_used_mods.v[i], m))
            return 1;
    return 0;
}
void ref_sym(const char *s)
{
    const char *dot = strrchr(s, '.');
    if (dot && dot != s) {
        char *m = xfmt("%.*s", (int)(dot - s), s);
        if (!gen_uses_module(m))
            vpush(&g_used_mods, m);
    }
    for (int i = 0; i < cg_refs.n; i++)
        if (!strcmp(cg_refs.v[i], s))
            return;
    vpush(&cg_refs, (void *)s);
}
/* OCaml's end character of a position: the offset just past its text from the start of
 * its first line (so past that line's end when the text spans lines); 0 = not known,
 * SVIMG_COL_MAX at most (the line table's limit). */
static int end_char(loc_t l)
{
    if (l.ecol <= 0 || l.eline < l.line)
        return 0;
    long end = l.ecol - 1;
    if (l.eline > l.line) {
        int len;
        const char *p = src_line(l.line, &len), *q = p;
        if (!p)
            return 0;
        const char *lim = cur_file->text + cur_file->len;
        for (int n = l.line; q && n < l.eline; n++) {
            q = memchr(q, '\n', (size_t)(lim - q));
            if (q)
                q++;
        }
        if (!q)
            return 0;
        end += q - p;
    }
    return end > (long)SVIMG_COL_MAX ? (int)SVIMG_COL_MAX : (int)end;
}

/* Source positions for backtraces: `.line L, C, E` (C: 1-based column, E: OCaml's end
 * character; reports print C - 1 and E, OCaml's 0-based "characters C-E")
 * right before every instruction that calls, raises or can trap (the opcode table's CALL
 * and TRAP flags), giving the position of the expression being compiled (cg.pos), and
 * before a function's first instruction. A position is written again only when it
 * changed, or after a label (code after a label may be reached from elsewhere). Fusing
 * keeps it right before the fused instruction: it is inserted after the fusion. */
static void mark_position(void)
{
    size_t st = 0;
    const char *ins = peep_last_insn(cg.buf, &st);
    int op = svbc_lookup_op(ins, strcspn(ins, " \n"));
    int need = !cg.pos_known || (op >= 0 && (svbc_opinfo[op].flags & (SVBC_F_CALL | SVBC_F_TRAP)));
    if (!need || cg.pos.line <= 0 || cg.pos.line > (int)SVIMG_LINE_MAX)
        return;
    /* the line table's column is 1-based (0 = not known, image.h), as the parser's; it holds
     * columns up to SVIMG_COL_MAX: a later one reads as that */
    int col = cg.pos.col <= 0                   ? 0
              : cg.pos.col > (int)SVIMG_COL_MAX ? (int)SVIMG_COL_MAX
                                                : cg.pos.col;
    int end = col ? end_char(cg.pos) : 0;
    if (end && end < col)
        end = 0; /* a column past the table's limit */
    if (cg.pos_known && cg.pos.line == cg.pos_line && col == cg.pos_col && end == cg.pos_end)
        return;
    cg.pos_known = 1;
    cg.pos_line = cg.pos.line;
    cg.pos_col = col;
    cg.pos_end = end;
    size_t len = cg.buf->n - st;
    char *line = xfmt("%.*s", (int)len, cg.buf->s + st);
    cg.buf->n = st;
    char *dir = end ? xfmt("        .line %d, %d, %d\n", cg.pos_line, cg.pos_col, end)
                    : xfmt("        .line %d, %d\n", cg.pos_line, cg.pos_col);
    sb_add(cg.buf, dir, strlen(dir));
    sb_add(cg.buf, line, len);
}

void emit(const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof tmp && peep_fuse(cg.buf, tmp)) {
        mark_position();
        return;
    }
    sb_add(cg.buf, "        ", 8);
    if (n >= (int)sizeof tmp) {
        char *big = xalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_add(cg.buf, big, (size_t)n);
    } else
        sb_add(cg.buf, tmp, (size_t)n);
    sb_add(cg.buf, "\n", 1);
    mark_position();
}
void label(const char *l)
{
    /* peephole: drop a branch to the very next instruction */
    char *tailb = xfmt("        %s %s\n", OPN(branch), l);
    size_t tl = strlen(tailb);
    if (cg.buf->n >= tl && memcmp(cg.buf->s + cg.buf->n - tl, tailb, tl) == 0)
        cg.buf->n -= tl;
    sb_add(cg.buf, l, strlen(l));
    sb_add(cg.buf, ":\n", 2);
    if (cg.pos_known)
        cg.pos_line = -1; /* write the next position again */
}
int take_back_push(void)
{
    size_t st = 0;
    if (strcmp(peep_last_insn(cg.buf, &st), xfmt("%s\n", OPN(push))))
        return 0;
    cg.buf->n = st;
    return 1;
}
const char *newlabel(void) { return xfmt(".L%d", ++cg.nlabel); }

void push(void)
{
    emit("%s", OPN(push));
    cg.depth++;
}
void popn(int n)
{
    cg.depth -= n;
    while (n > 255) {
        emit("%s 255", OPN(pop));
        n -= 255;
    }
    if (n > 0)
        emit("%s %d", OPN(pop), n);
}

void emit_app(int n, int tail, int frame)
{
    while (n > 255) {
        emit("%s 255", OPN(app));
        cg.depth -= 255;
        n -= 255;
    }
    if (tail) {
        emit("%s %d, %d", OPN(tailapp), n, frame);
        cg.depth = frame;
    } else {
        emit("%s %d", OPN(app), n);
        cg.depth -= n;
    }
}

const char *quote_str(const char *s, int len)
{
    sbuf_t b = {0};
    sb_add(&b, "\"", 1);
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char t[8];
        if (c == '"' || c == '\\') {
            t[0] = '\\';
            t[1] = (char)c;
            sb_add(&b, t, 2);
        } else if (c == '\n')
            sb_add(&b, "\\n", 2);
        else if (c == '\t')
            sb_add(&b, "\\t", 2);
        else if (c < 32 || c >= 127) {
            snprintf(t, sizeof t, "\\x%02x", c);
            sb_add(&b, t, 4);
        } else
            sb_add(&b, (const char *)&c, 1);
    }
    sb_add(&b, "\"", 1);
    return b.s;
}
void emit_const_string(const char *s, int len) { emit("%s %s", OPN(const), quote_str(s, len)); }
void emit_const_cstr(const char *s) { emit_const_string(s, (int)strlen(s)); }

void emit_raise_at(const char *exn, loc_t l)
{
    emit("%s %d", OPN(quote), l.col - 1);
    push();
    emit("%s %d", OPN(quote), l.line);
    push();
    emit_const_cstr(cur_file->name);
    push();
    emit_const_cstr(exn);
    emit("%s 248, 4", OPN(makeblock));
    cg.depth -= 3;
    emit("%s", OPN(raise));
}

void line_comment(loc_t l)
{
    if (l.line <= 0 || l.line == cg.last_line)
        return;
    cg.last_line = l.line;
    int len;
    const char *s = src_line(l.line, &len);
    if (!s)
        return;
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    if (len > 100)
        len = 100;
    char *t = xfmt("; %s:%d: %.*s\n", cur_file->name, l.line, len, s);
    sb_add(cg.buf, t, strlen(t));
}

/* ------------------------------------------------------------------ types */
static const char *tname(type_t *t)
{
    t = ty_repr(t);
    if (!t || t->kind != TY_CON)
        return NULL;
    return t->name;
}
int is_immediate(type_t *t)
{
    t = ty_repr(t);
    if (!t || t->kind != TY_CON || !t->decl)
        return 0;
    const char *n = t->name;
    if (!strcmp(n, "int") || !strcmp(n, "char") || !strcmp(n, "bool") || !strcmp(n, "unit"))
        return 1;
    return t->decl->kind == TD_VARIANT && t->decl->nblock == 0;
}
int is_float(type_t *t)
{
    const char *n = tname(t);
    t = ty_repr(t);
    return n && t->decl && !strcmp(n, "float");
}

/* ------------------------------------------------------------------ variables */
int slot_offset(var_t *v, loc_t l)
{
    int off = cg.depth - 1 - v->pos;
    if (off < 0)
        ICE();
    if (off > 255) {
        if (cg.spill_mode)
            fatal_at(l, "function too large: more than 255 live stack slots");
        cg.too_deep = 1;
        off = 255;
    }
    return off;
}
void load_var(var_t *v, loc_t l)
{
    switch (v->kind) {
    case V_LOCAL:
        if (v->owner == cg.fn) {
            if (v->alias) { /* a pattern variable read in place (cmatch) */
                load_occ(v->alias);
                return;
            }
            if (v->spill >= 0 && cg.spill_mode) {
                emit("%s %d", OPN(quote), v->spill);
                push();
                emit("%s %d", OPN(acc), cg.depth - 1 - cg.spill_pos);
                emit("%s", OPN(arrayget));
                cg.depth--;
                return;
            }
            emit("%s %d", OPN(acc), slot_offset(v, l));
            return;
        }
        if (cg.fn && v == cg.fn->self) {
            emit("%s", OPN(getenv));
            return;
        }
        for (struct fn *f = cg.fn; f; f = NULL)
            for (int i = 0; i < f->fv.n; i++)
                if (f->fv.v[i] == v) {
                    if (f->fv.n > 250 && i >= 249) {
                        /* free variables beyond 249 live in a block in slot 249 */
                        emit("%s 249", OPN(envacc));
                        emit("%s %d", OPN(field), i - 249);
                    } else
                        emit("%s %d", OPN(envacc), i);
                    return;
                }
        ICE();
    case V_GFUN:
    case V_PRIM:
        ref_sym(v->sym);
        emit("%s %s, %d, 0", OPN(cur), v->sym, v->arity);
        return;
    case V_GVAL:
        if (v->is_const) {
            emit("%s %ld", OPN(quote), v->cval);
            return;
        }
        if (v->fconst) {
            const char *fs = v->fconst;
            if (!strpbrk(fs, ".eEni"))
                fs = xfmt("%s.0", fs);
            else if (fs[strlen(fs) - 1] == '.')
                fs = xfmt("%s0", fs);
            emit("%s %s", OPN(const), fs);
            return;
        }
        ref_sym(v->sym);
        emit("%s %s", OPN(getvar), v->sym);
        return;
    }
}

void emit_svc(svbc_service_t s) { emit("%s %s", OPN(svc), SVCNAME(s)); }

occ_t *occ_sub(occ_t *o, int field)
{
    occ_t *r = xalloc(sizeof *r);
    *r = *o;
    r->steps = xalloc(sizeof(int) * (size_t)(o->n + 1));
    if (o->n)
        memcpy(r->steps, o->steps, sizeof(int) * (size_t)o->n);
    r->steps[r->n++] = field;
    return r;
}
void load_occ(occ_t *o)
{
    if (o->rootvar)
        load_var(o->rootvar, o->rootvar->loc);
    else
        emit("%s %d", OPN(acc), cg.depth - 1 - o->rootpos);
    for (int i = 0; i < o->n; i++)
        emit("%s %d", OPN(field), o->steps[i]);
}
