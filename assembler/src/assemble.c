/* SPDX-License-Identifier: MIT
 * assemble.c — assembly semantics: the grammar forwards labels, operands and statements
 * here (pass 1: sizes, label offsets, directives); asm_finish() then resolves operands,
 * encodes every instruction with svbc_encode and emits relocations (pass 2).
 *
 * Every reference to a code label becomes a relocation (even inside the file) so that the
 * linker can see which chunks reach which; the field also holds the resolved value.
 */
#include "internal.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct asm_label {
    char *name;
    asm_loc_t loc;   /* definition (or first mention) */
    uint32_t offset; /* code offset, or variable slot */
    uint8_t defined, is_var, global, is_extern, used;
    asm_loc_t global_loc;
    int symidx; /* in the object's symbol table, -1 if none */
} asm_label_t;

typedef struct asm_insn {
    int op;
    asm_loc_t loc;
    uint32_t offset, len, seq;
    asm_opnd_t *ops;
    int nops;
} asm_insn_t;

typedef struct asm_numlabel {
    int64_t num;
    uint32_t offset, seq;
} asm_numlabel_t;

struct asm_state {
    const char *file, *src;
    size_t len;
    svasm_diags_t *d;
    svasm_diags_t local; /* collected, then sorted by position into d */
    asm_opnd_t *cur;
    int ncur, capcur;
    asm_insn_t *insns;
    size_t ninsns, capinsns;
    asm_label_t *labels;
    size_t nlabels, caplabels;
    asm_map_t labmap;
    asm_numlabel_t *nums;
    size_t nnums, capnums;
    svasm_obj_t *obj;
    uint32_t capconsts, capmf, caplines, caprelocs, capsyms;
    asm_map_t constmap;
    char **constkeys;
    size_t nconstkeys, capconstkeys;
    char *cur_file;
    uint32_t cur_line, cur_end; /* the last .line: SVIMG_POS, end character */
    int have_line;
    uint32_t pc;
    int lex_err_line;
    int too_many_consts;  /* the constant limit was reported */
    int too_many_vars;    /* the variable limit was reported */
    uint32_t *line_start; /* offset of each line (index line-1), built on first need */
    size_t nline_start;
};

/* ---- diagnostics ---- */

/* Offsets of the lines of the source, so that each diagnostic finds its line in O(log n)
 * rather than by a scan from the start (thousands of errors on a long file). */
static void index_lines(asm_state_t *st)
{
    size_t n = 1, cap = 64;
    st->line_start = asm_xmalloc(sizeof *st->line_start * cap);
    st->line_start[0] = 0;
    for (size_t i = 0; i < st->len; i++)
        if (st->src[i] == '\n') {
            ASM_GROW(st->line_start, n, cap);
            st->line_start[n++] = (uint32_t)(i + 1);
        }
    st->nline_start = n;
}

/* The text of source line `line` around column `col`: the whole line when it is at most
 * SVASM_EXCERPT_MAX bytes, else a window around the column with "..." at a cut end.
 * *caret is the column's position in the returned text (1-based). */
static char *source_excerpt(asm_state_t *st, int line, int col, int *caret)
{
    if (!st->line_start)
        index_lines(st);
    if (line < 1 || (size_t)line > st->nline_start)
        return NULL;
    const char *p = st->src + st->line_start[line - 1], *end = st->src + st->len;
    const char *q = memchr(p, '\n', (size_t)(end - p));
    q = q ? q : end;
    if (q > p && q[-1] == '\r')
        q--;
    size_t len = (size_t)(q - p), c = col > 0 ? (size_t)col - 1 : 0;
    *caret = col;
    size_t from = 0, to = len;
    if (len > SVASM_EXCERPT_MAX) {
        size_t half = SVASM_EXCERPT_MAX / 2;
        from = c > half ? c - half : 0;
        if (from > len)
            from = len;
        to = from + SVASM_EXCERPT_MAX - 6 < len ? from + SVASM_EXCERPT_MAX - 6 : len;
    }
    asm_sb_t b = {0};
    if (from > 0)
        asm_sb_add(&b, "...", 3);
    size_t at = b.len;
    asm_sb_add(&b, p + from, to - from);
    for (size_t i = at; i < b.len; i++) /* a NUL in the line must not cut the echo */
        if (b.s[i] == '\0')
            b.s[i] = ' ';
    if (to < len)
        asm_sb_add(&b, "...", 3);
    if (from > 0)
        *caret = (int)(c - from) + 1 + 3;
    if (*caret > (int)b.len + 1) /* a column past a stripped '\r' points just after the text */
        *caret = (int)b.len + 1;
    return asm_sb_take(&b);
}

static void vdiag(asm_state_t *st, svasm_severity_t sev, asm_loc_t loc, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    int caret = 0;
    char *src = loc.line > 0 ? source_excerpt(st, loc.line, loc.col, &caret) : NULL;
    svasm_diag_t *before = st->local.tail;
    svasm_diag_add(&st->local, sev, st->file, loc.line, loc.col, src, "%s", buf);
    if (st->local.tail != before)
        st->local.tail->caret = caret;
    free(src);
}

int asm_stopped(const asm_state_t *st) { return st->local.truncated; }

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
err(asm_state_t *st, asm_loc_t loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(st, SVASM_ERROR, loc, fmt, ap);
    va_end(ap);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
note(asm_state_t *st, asm_loc_t loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(st, SVASM_NOTE, loc, fmt, ap);
    va_end(ap);
}

void asm_on_syntax_error(asm_state_t *st, asm_loc_t loc, const char *msg)
{
    err(st, loc, "%s", msg);
}

void asm_on_lex_error(asm_state_t *st, asm_loc_t loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(st, SVASM_ERROR, loc, fmt, ap);
    va_end(ap);
    st->lex_err_line = loc.line;
}

int asm_lex_error_line(const asm_state_t *st) { return st->lex_err_line; }

/* ---- operands and labels ---- */

static void free_opnd(asm_opnd_t *o) { free(o->str); }

void asm_clear_operands(asm_state_t *st)
{
    for (int i = 0; i < st->ncur; i++)
        free_opnd(&st->cur[i]);
    st->ncur = 0;
}

void asm_on_operand(asm_state_t *st, const asm_opnd_t *op)
{
    ASM_GROW(st->cur, st->ncur, st->capcur);
    st->cur[st->ncur++] = *op;
}

static asm_label_t *label_get(asm_state_t *st, const char *name, asm_loc_t loc, int create)
{
    int idx;
    if (asm_map_get(&st->labmap, name, strlen(name), &idx))
        return &st->labels[idx];
    if (!create)
        return NULL;
    ASM_GROW(st->labels, st->nlabels, st->caplabels);
    asm_label_t *l = &st->labels[st->nlabels];
    memset(l, 0, sizeof *l);
    l->name = asm_xstrdup(name);
    l->loc = loc;
    l->symidx = -1;
    /* the map keys point into label names, which never move */
    asm_map_put(&st->labmap, l->name, strlen(l->name), (int)st->nlabels);
    st->nlabels++;
    return l;
}

static int is_local_name(const char *n) { return n[0] == '.' && n[1] == 'L'; }

static void define(asm_state_t *st, char *name, asm_loc_t loc, int is_var, uint32_t value)
{
    asm_label_t *l = label_get(st, name, loc, 1);
    if (l->defined) {
        err(st, loc, "duplicate label '%s'", name);
        note(st, l->loc, "'%s' was first defined here", name);
    } else if (l->is_extern) {
        err(st, loc, "'%s' is declared .extern and cannot be defined here", name);
    } else {
        l->defined = 1;
        l->is_var = (uint8_t)is_var;
        l->offset = value;
        l->loc = loc;
    }
    free(name);
}

void asm_on_label(asm_state_t *st, char *name, asm_loc_t loc) { define(st, name, loc, 0, st->pc); }

void asm_on_numlabel(asm_state_t *st, int64_t num, asm_loc_t loc)
{
    (void)loc;
    ASM_GROW(st->nums, st->nnums, st->capnums);
    st->nums[st->nnums].num = num;
    st->nums[st->nnums].offset = st->pc;
    st->nums[st->nnums].seq = (uint32_t)st->ninsns;
    st->nnums++;
}

/* ---- directives ---- */

static int want(asm_state_t *st, const char *dir, asm_loc_t loc, int n)
{
    if (st->ncur != n) {
        err(st, loc, "'%s' expects %d operand%s, got %d", dir, n, n == 1 ? "" : "s", st->ncur);
        return 0;
    }
    return 1;
}

static void dir_symbols(asm_state_t *st, const char *dir, asm_loc_t loc, int is_extern)
{
    if (st->ncur == 0)
        err(st, loc, "'%s' expects a symbol name", dir);
    for (int i = 0; i < st->ncur; i++) {
        asm_opnd_t *o = &st->cur[i];
        if (o->kind != OPND_SYM || o->ival != 0) {
            err(st, o->loc, "'%s' expects a symbol name", dir);
            continue;
        }
        if (is_local_name(o->str)) {
            err(st, o->loc, "local label '%s' cannot be %s", o->str,
                is_extern ? "external" : "global");
            continue;
        }
        asm_label_t *l = label_get(st, o->str, o->loc, 1);
        if (is_extern) {
            if (l->defined)
                err(st, o->loc, "'%s' is defined in this file and cannot be .extern", o->str);
            else
                l->is_extern = 1;
        } else {
            l->global = 1;
            l->global_loc = o->loc;
        }
    }
}

static void dir_manifest(asm_state_t *st, asm_loc_t loc)
{
    if (st->ncur != 2 || st->cur[0].kind != OPND_SYM) {
        err(st, loc, "'.manifest' expects a key and a value");
        return;
    }
    asm_opnd_t *k = &st->cur[0], *v = &st->cur[1];
    int isnum = v->kind == OPND_INT;
    if (!isnum && v->kind != OPND_STR && v->kind != OPND_SYM) {
        err(st, v->loc, "bad manifest value");
        return;
    }
    if (isnum && v->big) {
        err(st, v->loc, "integer too large");
        return;
    }
    if (v->kind == OPND_STR && memchr(v->str, 0, v->len)) {
        err(st, v->loc, "manifest string contains a NUL byte");
        return;
    }
    char canon[192];
    const char *e =
        asm_mfield_check(k->str, isnum ? "" : v->str, isnum, v->ival, canon, sizeof canon);
    if (e) {
        err(st, strncmp(e, "unknown", 7) == 0 ? k->loc : v->loc, "%s", e);
        return;
    }
    svasm_obj_t *o = st->obj;
    ASM_GROW(o->manifest, o->nmanifest, st->capmf);
    o->manifest[o->nmanifest].key = asm_xstrdup(k->str);
    o->manifest[o->nmanifest].value = asm_xstrdup(canon);
    o->manifest[o->nmanifest].line = loc.line;
    o->nmanifest++;
}

static void directive(asm_state_t *st, const char *name, asm_loc_t loc)
{
    if (strcmp(name, ".text") == 0) {
        want(st, name, loc, 0);
    } else if (strcmp(name, ".section") == 0) {
        if (want(st, name, loc, 1) &&
            (st->cur[0].kind != OPND_SYM || strcmp(st->cur[0].str, ".text") != 0))
            err(st, st->cur[0].loc, "unknown section (only .text holds code)");
    } else if (strcmp(name, ".global") == 0 || strcmp(name, ".globl") == 0) {
        dir_symbols(st, name, loc, 0);
    } else if (strcmp(name, ".extern") == 0) {
        dir_symbols(st, name, loc, 1);
    } else if (strcmp(name, ".var") == 0) {
        if (!want(st, name, loc, 1))
            return;
        asm_opnd_t *o = &st->cur[0];
        if (o->kind != OPND_SYM || o->ival != 0) {
            err(st, o->loc, "'.var' expects a variable name");
            return;
        }
        if (st->obj->nvars >= SVMF_GLOBALS_MAX) {
            if (!st->too_many_vars++)
                err(st, o->loc, "too many variables: an object or image holds at most %u",
                    SVMF_GLOBALS_MAX);
            return;
        }
        define(st, o->str, o->loc, 1, st->obj->nvars++);
        o->str = NULL;
    } else if (strcmp(name, ".manifest") == 0) {
        dir_manifest(st, loc);
    } else if (strcmp(name, ".file") == 0) {
        if (want(st, name, loc, 1)) {
            if (st->cur[0].kind != OPND_STR)
                err(st, st->cur[0].loc, "'.file' expects a string");
            else {
                free(st->cur_file);
                st->cur_file = asm_xstrndup(st->cur[0].str, strlen(st->cur[0].str));
            }
        }
    } else if (strcmp(name, ".line") == 0) { /* .line LINE[, COLUMN[, END]] */
        if (st->ncur < 1 || st->ncur > 3) {
            err(st, loc, "'.line' expects a line number and optionally a column and an end");
            return;
        }
        static const int64_t max[3] = {SVIMG_LINE_MAX, SVIMG_COL_MAX, SVIMG_COL_MAX};
        static const char *const what[3] = {"a line number", "a column", "an end character"};
        int64_t v[3] = {0, 0, 0};
        for (int i = 0; i < st->ncur; i++) {
            asm_opnd_t *o = &st->cur[i];
            if (o->kind != OPND_INT || o->big || o->ival < 0 || o->ival > max[i]) {
                err(st, o->loc, "'.line' expects %s (0..%lld)", what[i], (long long)max[i]);
                return;
            }
            v[i] = o->ival;
        }
        if (v[2] && !v[1]) {
            err(st, st->cur[2].loc, "'.line' has an end character but no column");
            return;
        }
        if (v[2] && v[2] < v[1]) { /* the end is 0-based and exclusive, the column 1-based */
            err(st, st->cur[2].loc, "'.line' end character %lld is before the column %lld",
                (long long)v[2], (long long)v[1]);
            return;
        }
        st->cur_line = SVIMG_POS(v[0], v[1]);
        st->cur_end = (uint32_t)v[2];
        st->have_line = 1;
    } else {
        err(st, loc, "unknown directive '%s'", name);
    }
}

/* ---- instructions, pass 1 ---- */

static void add_line_info(asm_state_t *st)
{
    svasm_obj_t *o = st->obj;
    if (!st->have_line)
        return;
    const char *f = st->cur_file ? st->cur_file : "";
    if (o->nlines) {
        svasm_line_t *p = &o->lines[o->nlines - 1];
        if (p->line == st->cur_line && p->end == st->cur_end && strcmp(p->file, f) == 0)
            return;
    }
    ASM_GROW(o->lines, o->nlines, st->caplines);
    o->lines[o->nlines].offset = st->pc;
    o->lines[o->nlines].line = st->cur_line;
    o->lines[o->nlines].end = st->cur_end;
    o->lines[o->nlines].file = asm_xstrdup(f);
    o->nlines++;
}

void asm_on_stmt(asm_state_t *st, char *name, asm_loc_t loc)
{
    if (st->lex_err_line == loc.line)
        goto out; /* the scanner rejected part of this line */
    if (name[0] == '.') {
        directive(st, name, loc);
        goto out;
    }
    int op = svbc_lookup_op(name, strlen(name));
    if (op < 0) {
        err(st, loc, "unknown instruction '%s'", name);
        goto out;
    }
    const char *shape = svbc_opinfo[op].operands;
    int expect = 0, is_table = 0;
    for (const char *k = shape; *k; k++)
        if (*k == SVBC_OPND_TABLE)
            expect += 2, is_table = 1;
        else
            expect++;
    uint32_t len = 1;
    for (const char *k = shape; *k; k++)
        len += svbc_operand_size(*k);
    if (is_table) {
        if (st->ncur < 2) {
            err(st, loc, "'%s' expects nint, nblk and nint+nblk labels", name);
            goto out;
        }
        for (int i = 0; i < 2; i++) {
            asm_opnd_t *o = &st->cur[i];
            if (o->kind != OPND_INT || o->big || o->ival < 0 || o->ival > 0xffff) {
                err(st, o->loc, "case count must be an integer in 0..65535");
                goto out;
            }
        }
        int64_t n = st->cur[0].ival + st->cur[1].ival;
        if (st->ncur != 2 + n) {
            err(st, loc, "'%s' with %lld+%lld cases expects %lld labels, got %d", name,
                (long long)st->cur[0].ival, (long long)st->cur[1].ival, (long long)n, st->ncur - 2);
            goto out;
        }
        len += 4u * (uint32_t)n;
    } else if (st->ncur != expect) {
        err(st, loc, "'%s' expects %d operand%s, got %d", name, expect, expect == 1 ? "" : "s",
            st->ncur);
        goto out;
    }
    add_line_info(st);
    ASM_GROW(st->insns, st->ninsns, st->capinsns);
    asm_insn_t *in = &st->insns[st->ninsns];
    in->op = op;
    in->loc = loc;
    in->offset = st->pc;
    in->len = len;
    in->seq = (uint32_t)st->ninsns;
    in->nops = st->ncur;
    in->ops = asm_xmalloc(sizeof *in->ops * (size_t)(st->ncur ? st->ncur : 1));
    if (st->ncur)
        memcpy(in->ops, st->cur, sizeof *in->ops * (size_t)st->ncur);
    st->ncur = 0; /* operands now owned by the instruction */
    st->ninsns++;
    if (st->pc > 0x7fffffffu - len)
        err(st, loc, "code too large");
    st->pc += len;
out:
    free(name);
    asm_clear_operands(st);
}

/* ---- pass 2 ---- */

static void add_reloc(asm_state_t *st, uint32_t off, int type, int sym, int64_t addend)
{
    svasm_obj_t *o = st->obj;
    ASM_GROW(o->relocs, o->nrelocs, st->caprelocs);
    o->relocs[o->nrelocs].offset = off;
    o->relocs[o->nrelocs].type = (uint8_t)type;
    o->relocs[o->nrelocs].sym = sym;
    o->relocs[o->nrelocs].addend = (int32_t)addend;
    o->nrelocs++;
}

/* The object's index of a constant (identical ones shared), or -1 past the limit of
 * SVIMG_CONST_MAX (an error at loc, once per file). */
static int add_const(asm_state_t *st, asm_loc_t loc, uint8_t kind, const uint8_t *data,
                     uint32_t len)
{
    /* de-duplicate within the file: key = kind byte + payload */
    char *key = asm_xmalloc((size_t)len + 1);
    key[0] = (char)kind;
    if (len)
        memcpy(key + 1, data, len);
    int idx;
    if (asm_map_get(&st->constmap, key, (size_t)len + 1, &idx)) {
        free(key);
        return idx;
    }
    svasm_obj_t *o = st->obj;
    if (o->nconsts >= SVIMG_CONST_MAX) {
        free(key);
        if (!st->too_many_consts++)
            err(st, loc, "too many constants: an object or image holds at most %u distinct ones",
                SVIMG_CONST_MAX);
        return -1;
    }
    ASM_GROW(o->consts, o->nconsts, st->capconsts);
    o->consts[o->nconsts].kind = kind;
    o->consts[o->nconsts].len = len;
    o->consts[o->nconsts].data = asm_xmalloc(len ? len : 1);
    if (len)
        memcpy(o->consts[o->nconsts].data, data, len);
    ASM_GROW(st->constkeys, st->nconstkeys, st->capconstkeys);
    st->constkeys[st->nconstkeys++] = key;
    asm_map_put(&st->constmap, key, (size_t)len + 1, (int)o->nconsts);
    return (int)o->nconsts++;
}

static int resolve_numref(asm_state_t *st, const asm_insn_t *in, const asm_opnd_t *o,
                          uint32_t *target)
{
    /* nums are in definition (seq) order: find the first after the instruction, then walk
     * back (1b) or forward (1f) to the nearest with the number */
    size_t lo = 0, hi = st->nnums;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (st->nums[mid].seq <= in->seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (o->dir == 'b') {
        for (size_t i = lo; i-- > 0;)
            if (st->nums[i].num == o->ival) {
                *target = st->nums[i].offset;
                return 1;
            }
    } else {
        for (size_t i = lo; i < st->nnums; i++)
            if (st->nums[i].num == o->ival) {
                *target = st->nums[i].offset;
                return 1;
            }
    }
    return 0;
}

static const char *kind_range(char k)
{
    if (k == SVBC_OPND_IMM)
        return "-1073741824..1073741823";
    return svbc_operand_size(k) == 1 ? "0..255" : "0..65535";
}

/* Service number by name, or -1. (Walks svbc_svcinfo within its bounds: svbc_lookup_svc
 * of the bytecode library scans 256 entries of a SVBC_SVC_LIMIT-entry table.) */
static int lookup_service(const char *name)
{
    for (int i = 0; i < SVBC_SVC_LIMIT; i++)
        if (svbc_svcinfo[i].name && strcmp(svbc_svcinfo[i].name, name) == 0)
            return i;
    return -1;
}

/* Resolve a label operand at field `field` of instruction `in`: returns the relative value
 * to store and adds the relocation. */
static int label_operand(asm_state_t *st, const asm_insn_t *in, const asm_opnd_t *o, uint32_t field,
                         int32_t *val)
{
    if (o->kind == OPND_INT) { /* a raw offset relative to the instruction */
        if (o->big || o->ival < INT32_MIN || o->ival > INT32_MAX) {
            err(st, o->loc, "operand out of range: branch offset does not fit in 32 bits");
            return 0;
        }
        *val = (int32_t)o->ival;
        return 1;
    }
    if (o->kind == OPND_NUMREF) {
        uint32_t t;
        if (!resolve_numref(st, in, o, &t)) {
            err(st, o->loc, "undefined label '%lld%c'", (long long)o->ival, o->dir);
            return 0;
        }
        add_reloc(st, field, SVASM_R_PC32, -1, t);
        *val = (int32_t)((int64_t)t - in->offset);
        return 1;
    }
    if (o->kind != OPND_SYM) {
        err(st, o->loc, "expected a label");
        return 0;
    }
    if (o->big) {
        err(st, o->loc, "label offset too large");
        return 0;
    }
    asm_label_t *l = label_get(st, o->str, o->loc, 0);
    if (!l || (!l->defined && !l->is_extern && !l->global)) {
        err(st, o->loc, "undefined label '%s'", o->str);
        return 0;
    }
    if (l->is_var) {
        err(st, o->loc, "'%s' is a global variable, where a code label is expected", o->str);
        return 0;
    }
    l->used = 1;
    if (!l->defined) { /* external */
        add_reloc(st, field, SVASM_R_PC32, l->symidx, o->ival);
        *val = 0;
        return 1;
    }
    int64_t target = (int64_t)l->offset + o->ival;
    if (l->symidx < 0)
        add_reloc(st, field, SVASM_R_PC32, -1, target);
    else
        add_reloc(st, field, SVASM_R_PC32, l->symidx, o->ival);
    *val = (int32_t)(target - in->offset);
    return 1;
}

static void encode(asm_state_t *st, asm_insn_t *in)
{
    const char *shape = svbc_opinfo[in->op].operands;
    int32_t opnd[SVBC_MAX_OPERANDS] = {0};
    int32_t *labels = NULL;
    int ok = 1, oi = 0, vi = 0;
    uint32_t field = in->offset + 1;
    for (const char *k = shape; *k; k++) {
        if (*k == SVBC_OPND_TABLE) {
            opnd[vi++] = (int32_t)in->ops[0].ival;
            opnd[vi++] = (int32_t)in->ops[1].ival;
            int n = in->nops - 2;
            labels = asm_xcalloc((size_t)(n ? n : 1), sizeof *labels);
            for (int j = 0; j < n; j++)
                ok &= label_operand(st, in, &in->ops[2 + j], field + 4 + 4u * (uint32_t)j,
                                    &labels[j]);
            oi += 2 + n;
            continue;
        }
        asm_opnd_t *o = &in->ops[oi++];
        int32_t v = 0;
        switch (*k) {
        case SVBC_OPND_LABEL: ok &= label_operand(st, in, o, field, &v); break;
        case SVBC_OPND_CONST:
            if (o->kind == OPND_STR) {
                v = add_const(st, o->loc, SVOBJ_STRING, (const uint8_t *)o->str, (uint32_t)o->len);
                if (v < 0)
                    ok = 0;
                else
                    add_reloc(st, field, SVASM_R_CONST16, -1, v);
            } else if (o->kind == OPND_FLOAT ||
                       (o->kind == OPND_SYM && o->ival == 0 &&
                        (strcmp(o->str, "nan") == 0 || strcmp(o->str, "inf") == 0))) {
                double f = o->kind == OPND_FLOAT        ? o->fval
                           : strcmp(o->str, "nan") == 0 ? (double)NAN
                                                        : (double)HUGE_VAL;
                uint8_t b[8];
                uint64_t u;
                memcpy(&u, &f, 8);
                for (int i = 0; i < 8; i++)
                    b[i] = (uint8_t)(u >> (8 * i));
                v = add_const(st, o->loc, SVOBJ_FLOAT, b, 8);
                if (v < 0)
                    ok = 0;
                else
                    add_reloc(st, field, SVASM_R_CONST16, -1, v);
            } else if (o->kind == OPND_INT) {
                if (o->big || o->ival < 0 || o->ival > 0xffff) {
                    err(st, o->loc, "operand out of range: %s%lld (expected 0..65535)",
                        o->big ? ">" : "", (long long)o->ival);
                    ok = 0;
                }
                v = (int32_t)o->ival;
            } else {
                err(st, o->loc, "expected a constant (a string or a floating-point number)");
                ok = 0;
            }
            break;
        case SVBC_OPND_GLOBAL:
            if (o->kind == OPND_INT) {
                if (o->big || o->ival < 0 || o->ival > 0xffff) {
                    err(st, o->loc, "operand out of range: %lld (expected 0..65535)",
                        (long long)o->ival);
                    ok = 0;
                }
                v = (int32_t)o->ival;
            } else if (o->kind == OPND_SYM && o->ival == 0) {
                asm_label_t *l = label_get(st, o->str, o->loc, 0);
                if (!l || (!l->defined && !l->is_extern && !l->global)) {
                    err(st, o->loc, "undefined variable '%s'", o->str);
                    ok = 0;
                } else if (l->defined && !l->is_var) {
                    err(st, o->loc, "'%s' is a code label, where a global variable is expected",
                        o->str);
                    ok = 0;
                } else {
                    l->used = 1;
                    v = l->defined ? (int32_t)l->offset : 0;
                    add_reloc(st, field, SVASM_R_VAR16, l->symidx, 0);
                }
            } else {
                err(st, o->loc, "expected a global variable");
                ok = 0;
            }
            break;
        case SVBC_OPND_SERVICE:
            if (o->kind == OPND_SYM && o->ival == 0) {
                int s = lookup_service(o->str);
                if (s < 0) {
                    err(st, o->loc, "unknown service '%s'", o->str);
                    ok = 0;
                }
                v = s;
            } else if (o->kind == OPND_INT) {
                if (o->big || o->ival < 0 || o->ival >= SVBC_SVC_LIMIT) {
                    err(st, o->loc, "operand out of range: %lld (expected 0..%d)",
                        (long long)o->ival, SVBC_SVC_LIMIT - 1);
                    ok = 0;
                }
                v = (int32_t)o->ival;
            } else {
                err(st, o->loc, "expected a service name or number");
                ok = 0;
            }
            break;
        default: { /* i and the u8/u16 kinds (b h a p n c C): plain integers */
            if (o->kind != OPND_INT) {
                err(st, o->loc, "expected an integer");
                ok = 0;
                break;
            }
            int64_t lo = *k == SVBC_OPND_IMM ? SVBC_IMM_MIN : 0;
            int64_t hi = *k == SVBC_OPND_IMM          ? SVBC_IMM_MAX
                         : svbc_operand_size(*k) == 1 ? 0xff
                                                      : 0xffff;
            if (o->suffixed && *k != SVBC_OPND_IMM) {
                err(st, o->loc, "size suffix not allowed here");
                ok = 0;
            } else if (o->big || o->ival < lo || o->ival > hi) {
                if (o->big)
                    err(st, o->loc, "operand out of range: integer too large (expected %s)",
                        kind_range(*k));
                else
                    err(st, o->loc, "operand out of range: %lld (expected %s)", (long long)o->ival,
                        kind_range(*k));
                ok = 0;
            }
            v = (int32_t)o->ival;
        }
        }
        opnd[vi++] = v;
        field += svbc_operand_size(*k);
    }
    if (ok) {
        uint32_t n =
            svbc_encode((uint8_t)in->op, opnd, labels, st->obj->code + in->offset, in->len);
        if (n != in->len)
            err(st, in->loc, "internal error: cannot encode this instruction");
    }
    free(labels);
}

static int cmp_offset(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Symbols: code labels (not .L), variables, then referenced externals. */
static void build_symbols(asm_state_t *st)
{
    svasm_obj_t *o = st->obj;
    for (size_t i = 0; i < st->nlabels; i++) {
        asm_label_t *l = &st->labels[i];
        if (!l->defined && !l->is_extern && !l->global)
            continue; /* only mentioned (an error later if referenced) */
        if (l->defined && is_local_name(l->name))
            continue;
        ASM_GROW(o->syms, o->nsyms, st->capsyms);
        svasm_sym_t *s = &o->syms[o->nsyms];
        s->name = asm_xstrdup(l->name);
        s->kind = !l->defined ? SVASM_SYM_UNDEF : l->is_var ? SVASM_SYM_VAR : SVASM_SYM_CODE;
        s->bind = (l->global || !l->defined) ? SVASM_BIND_GLOBAL : SVASM_BIND_LOCAL;
        s->value = l->offset;
        s->size = l->is_var ? 1 : 0;
        l->symidx = (int)o->nsyms++;
    }
    /* code symbol sizes: up to the next code symbol at a higher offset (or the end); by
     * sorting the offsets, so that 40k labels cost n log n, not n^2 */
    uint32_t *at = asm_xmalloc(sizeof *at * (o->nsyms ? o->nsyms : 1)), n = 0;
    for (uint32_t i = 0; i < o->nsyms; i++)
        if (o->syms[i].kind == SVASM_SYM_CODE)
            at[n++] = o->syms[i].value;
    qsort(at, n, sizeof *at, cmp_offset);
    for (uint32_t i = 0; i < o->nsyms; i++) {
        svasm_sym_t *s = &o->syms[i];
        if (s->kind != SVASM_SYM_CODE)
            continue;
        uint32_t lo = 0, hi = n; /* first offset above s->value */
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (at[mid] <= s->value)
                lo = mid + 1;
            else
                hi = mid;
        }
        s->size = (lo < n ? at[lo] : o->code_size) - s->value;
    }
    free(at);
}

static void finish(asm_state_t *st)
{
    svasm_obj_t *o = st->obj;
    o->code_size = st->pc;
    o->code = asm_xcalloc(st->pc ? st->pc : 1, 1);
    for (size_t i = 0; i < st->nlabels; i++) {
        asm_label_t *l = &st->labels[i];
        if (l->global && !l->defined && is_local_name(l->name))
            err(st, l->global_loc, "local label '%s' cannot be global", l->name);
    }
    build_symbols(st);
    for (size_t i = 0; i < st->ninsns; i++)
        encode(st, &st->insns[i]);
}

static int diag_cmp(const void *a, const void *b)
{
    const svasm_diag_t *x = *(svasm_diag_t *const *)a, *y = *(svasm_diag_t *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return 0;
}

svasm_obj_t *svasm_assemble(const char *file, const char *src, size_t len, svasm_diags_t *d)
{
    asm_state_t st;
    memset(&st, 0, sizeof st);
    st.file = file;
    st.src = src;
    st.len = len;
    st.d = d;
    st.obj = asm_xcalloc(1, sizeof *st.obj);
    st.obj->name = asm_xstrdup(file);
    /* the error budget left in d (an exhausted one still lets this file report one) */
    if (d->max_errors > 0)
        st.local.max_errors = d->max_errors > d->nerrors ? d->max_errors - d->nerrors : 1;
    if (len > 0x7fffffff) {
        svasm_diag_add(d, SVASM_ERROR, file, 0, 0, NULL, "file too large");
        svasm_obj_free(st.obj);
        return NULL;
    }
    asm_run_parser(&st, src, len);
    asm_clear_operands(&st);
    finish(&st); /* also after syntax errors: report every bad operand and label at once */
    /* move diagnostics into d, ordered by line (stable: notes stay after their error) */
    size_t n = 0;
    for (svasm_diag_t *g = st.local.head; g; g = g->next)
        n++;
    svasm_diag_t **v = asm_xmalloc(sizeof *v * (n ? n : 1));
    n = 0;
    for (svasm_diag_t *g = st.local.head; g; g = g->next)
        v[n++] = g;
    /* stable insertion sort by line of groups (an error and the notes that follow it) */
    for (size_t i = 1; i < n;) {
        size_t g = i + 1;
        while (g < n && v[g]->severity == SVASM_NOTE)
            g++;
        size_t j = i;
        if (v[i]->severity != SVASM_NOTE) {
            while (j > 0) { /* find the head of the group before j */
                size_t h = j - 1;
                while (h > 0 && v[h]->severity == SVASM_NOTE)
                    h--;
                if (diag_cmp(&v[h], &v[i]) <= 0)
                    break;
                j = h;
            }
            if (j < i) { /* rotate v[j..g) so that v[i..g) comes first */
                size_t glen = g - i;
                svasm_diag_t **tmp = asm_xmalloc(sizeof *tmp * glen);
                memcpy(tmp, v + i, sizeof *tmp * glen);
                memmove(v + j + glen, v + j, sizeof *v * (i - j));
                memcpy(v + j, tmp, sizeof *tmp * glen);
                free(tmp);
            }
        }
        i = g;
    }
    for (size_t i = 0; i < n; i++) {
        v[i]->next = NULL;
        if (d->tail)
            d->tail->next = v[i];
        else
            d->head = v[i];
        d->tail = v[i];
        if (v[i]->severity == SVASM_ERROR)
            d->nerrors++;
        else if (v[i]->severity == SVASM_WARNING)
            d->nwarnings++;
    }
    free(v);
    d->truncated |= st.local.truncated;
    int failed = st.local.nerrors > 0;
    free(st.line_start);
    /* free the state */
    for (size_t i = 0; i < st.ninsns; i++) {
        for (int j = 0; j < st.insns[i].nops; j++)
            free_opnd(&st.insns[i].ops[j]);
        free(st.insns[i].ops);
    }
    free(st.insns);
    free(st.cur);
    for (size_t i = 0; i < st.nlabels; i++)
        free(st.labels[i].name);
    free(st.labels);
    asm_map_free(&st.labmap);
    asm_map_free(&st.constmap);
    for (size_t i = 0; i < st.nconstkeys; i++)
        free(st.constkeys[i]);
    free(st.constkeys);
    free(st.nums);
    free(st.cur_file);
    if (failed) {
        svasm_obj_free(st.obj);
        return NULL;
    }
    return st.obj;
}

void svasm_obj_free(svasm_obj_t *o)
{
    if (!o)
        return;
    free(o->name);
    free(o->code);
    for (uint32_t i = 0; i < o->nconsts; i++)
        free(o->consts[i].data);
    free(o->consts);
    for (uint32_t i = 0; i < o->nsyms; i++)
        free(o->syms[i].name);
    free(o->syms);
    free(o->relocs);
    for (uint32_t i = 0; i < o->nmanifest; i++) {
        free(o->manifest[i].key);
        free(o->manifest[i].value);
    }
    free(o->manifest);
    for (uint32_t i = 0; i < o->nlines; i++)
        free(o->lines[i].file);
    free(o->lines);
    free(o);
}
