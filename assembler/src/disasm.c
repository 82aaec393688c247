/* SPDX-License-Identifier: MIT
 * disasm.c — disassembly in assembler syntax. One instruction at a time
 * (svasm_disasm_insn), or whole objects/images as listings that re-assemble: every branch
 * target gets a label (its symbol, or a made-up .Lxxxx), constants print as literals and
 * the address and bytes of each instruction follow as a comment.
 */
#include "internal.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct asm_dis {
    /* Each returns 1 and appends text to `out` if it can name the operand at code offset
     * `field` (no fixed buffer: a string constant's literal has no length limit). */
    int (*label)(void *u, uint32_t field, uint32_t target, asm_sb_t *out);
    int (*konst)(void *u, uint32_t field, uint32_t idx, asm_sb_t *out);
    int (*var)(void *u, uint32_t field, uint32_t slot, asm_sb_t *out);
    void *u;
} asm_dis_t;

/* Appends the instruction at `pc` to *b; returns its size, or 0 (and a comment) if the
 * byte is no instruction. */
static uint32_t dis_one(const uint8_t *code, size_t avail, uint32_t pc, asm_sb_t *b,
                        const asm_dis_t *cx)
{
    svbc_insn_t in;
    uint32_t n = svbc_decode(code, avail, &in);
    if (!n) {
        asm_sb_printf(b, "; invalid instruction byte 0x%02x", avail ? code[0] : 0);
        return 0;
    }
    const svbc_opinfo_t *info = &svbc_opinfo[in.op];
    asm_sb_printf(b, "%s", info->name);
    uint32_t field = pc + 1;
    int vi = 0;
    for (const char *k = info->operands; *k; k++) {
        asm_sb_printf(b, k == info->operands ? " " : ", ");
        int32_t v = in.opnd[vi];
        switch (*k) {
        case SVBC_OPND_LABEL:
            if (!(cx && cx->label && cx->label(cx->u, field, (uint32_t)((int64_t)pc + v), b)))
                asm_sb_printf(b, "%d", v);
            break;
        case SVBC_OPND_CONST:
            if (!(cx && cx->konst && cx->konst(cx->u, field, (uint32_t)v, b)))
                asm_sb_printf(b, "%d", v);
            break;
        case SVBC_OPND_GLOBAL:
            if (!(cx && cx->var && cx->var(cx->u, field, (uint32_t)v, b)))
                asm_sb_printf(b, "%d", v);
            break;
        case SVBC_OPND_SERVICE:
            if (v >= 0 && v < SVBC_SVC_LIMIT && svbc_svcinfo[v].name)
                asm_sb_printf(b, "%s", svbc_svcinfo[v].name);
            else
                asm_sb_printf(b, "%d", v);
            break;
        case SVBC_OPND_TABLE: {
            int32_t nint = in.opnd[vi], nblk = in.opnd[vi + 1];
            asm_sb_printf(b, "%d, %d", nint, nblk);
            for (int32_t j = 0; j < nint + nblk; j++) {
                int32_t lv = svbc_read_i32(in.table + 4 * j);
                uint32_t f = field + 4 + 4u * (uint32_t)j;
                asm_sb_printf(b, ", ");
                if (!(cx && cx->label && cx->label(cx->u, f, (uint32_t)((int64_t)pc + lv), b)))
                    asm_sb_printf(b, "%d", lv);
            }
            vi++;
            break;
        }
        default: asm_sb_printf(b, "%d", v);
        }
        vi++;
        field += svbc_operand_size(*k);
    }
    return n;
}

typedef struct names_ctx {
    svasm_symname_fn fn;
    void *ctx;
} names_ctx_t;

static int names_label(void *u, uint32_t field, uint32_t target, asm_sb_t *out)
{
    (void)field;
    names_ctx_t *n = u;
    const char *s = n->fn ? n->fn(n->ctx, target) : NULL;
    if (!s)
        return 0;
    asm_sb_printf(out, "%s", s);
    return 1;
}

uint32_t svasm_disasm_insn(const uint8_t *code, size_t avail, uint32_t pc, char *text,
                           size_t textcap, svasm_symname_fn names, void *ctx)
{
    names_ctx_t n = {names, ctx};
    asm_dis_t cx = {names_label, NULL, NULL, &n};
    asm_sb_t b = {0};
    uint32_t len = dis_one(code, avail, pc, &b, names ? &cx : NULL);
    char *t = asm_sb_take(&b);
    snprintf(text, textcap, "%s", t); /* one line of a trace: cut at textcap */
    free(t);
    return len;
}

/* ---- shared listing machinery ---- */

typedef svasm_dsym_t lst_sym_t;

typedef struct lst {
    lst_sym_t *syms; /* sorted by address */
    size_t nsyms, capsyms;
    svasm_dline_t *lines; /* ascending addresses */
    size_t nlines, caplines;
    uint32_t *targets; /* addresses needing a made-up label */
    size_t ntargets, captargets;
    const uint8_t *code;
    uint32_t code_size;
    /* object: relocations sorted by offset */
    const svasm_obj_t *o;
    const svasm_reloc_t **rel;
    /* image */
    const svasm_image_t *im;
} lst_t;

static int cmp_sym(const void *a, const void *b)
{
    const lst_sym_t *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static const char *sym_at(const lst_t *l, uint32_t addr)
{
    size_t lo = 0, hi = l->nsyms;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->syms[mid].addr < addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->nsyms && l->syms[lo].addr == addr ? l->syms[lo].name : NULL;
}

static int is_target(const lst_t *l, uint32_t addr)
{
    return l->ntargets &&
           bsearch(&addr, l->targets, l->ntargets, sizeof *l->targets, cmp_u32) != NULL;
}

static int label_name(lst_t *l, uint32_t target, asm_sb_t *out)
{
    const char *s = sym_at(l, target);
    if (s)
        asm_sb_printf(out, "%s", s);
    else
        asm_sb_printf(out, ".L%04x", target);
    return 1;
}

static const svasm_reloc_t *reloc_at(const lst_t *l, uint32_t field)
{
    uint32_t lo = 0, hi = l->o->nrelocs;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (l->rel[mid]->offset < field)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->o->nrelocs && l->rel[lo]->offset == field ? l->rel[lo] : NULL;
}

static int cmp_rel(const void *a, const void *b)
{
    uint32_t x = (*(const svasm_reloc_t *const *)a)->offset;
    uint32_t y = (*(const svasm_reloc_t *const *)b)->offset;
    return x < y ? -1 : x > y;
}

static int obj_label(void *u, uint32_t field, uint32_t target, asm_sb_t *out)
{
    lst_t *l = u;
    const svasm_reloc_t *r = reloc_at(l, field);
    if (r && r->sym >= 0) {
        const svasm_sym_t *s = &l->o->syms[r->sym];
        if (r->addend)
            asm_sb_printf(out, "%s%+d", s->name, r->addend);
        else
            asm_sb_printf(out, "%s", s->name);
        return 1;
    }
    if (r)
        target = (uint32_t)r->addend;
    if (target > l->code_size)
        return 0;
    return label_name(l, target, out);
}

static void fmt_const(const svasm_const_t *c, asm_sb_t *out)
{
    if (c->kind == SVOBJ_STRING) {
        char *q = svasm_quote(c->data, c->len);
        asm_sb_printf(out, "%s", q);
        free(q);
    } else {
        uint64_t u = 0;
        for (int i = 7; i >= 0; i--)
            u = (u << 8) | c->data[i];
        double v;
        memcpy(&v, &u, 8);
        char f[64];
        asm_fmt_float(v, f, sizeof f);
        asm_sb_printf(out, "%s", f);
    }
}

static int obj_const(void *u, uint32_t field, uint32_t idx, asm_sb_t *out)
{
    lst_t *l = u;
    const svasm_reloc_t *r = reloc_at(l, field);
    if (!r || r->type != SVASM_R_CONST16)
        return 0;
    (void)idx;
    fmt_const(&l->o->consts[r->addend], out);
    return 1;
}

static int obj_var(void *u, uint32_t field, uint32_t slot, asm_sb_t *out)
{
    lst_t *l = u;
    (void)slot;
    const svasm_reloc_t *r = reloc_at(l, field);
    if (!r || r->type != SVASM_R_VAR16 || r->sym < 0)
        return 0;
    asm_sb_printf(out, "%s", l->o->syms[r->sym].name);
    return 1;
}

static int img_label(void *u, uint32_t field, uint32_t target, asm_sb_t *out)
{
    lst_t *l = u;
    (void)field;
    if (target > l->code_size)
        return 0;
    return label_name(l, target, out);
}

static int img_const(void *u, uint32_t field, uint32_t idx, asm_sb_t *out)
{
    lst_t *l = u;
    (void)field;
    const svasm_image_t *im = l->im;
    if (idx >= im->nconsts)
        return 0;
    uint32_t off = (uint32_t)svbc_read_i32(im->consts + 4 + 4 * idx);
    if ((uint64_t)off + 8 > im->consts_size)
        return 0;
    uint32_t h = (uint32_t)svbc_read_i32(im->consts + off);
    svasm_const_t c;
    if (SVOBJ_KIND(h) == SVOBJ_STRING) {
        c.kind = SVOBJ_STRING;
        c.len = (uint32_t)svbc_read_i32(im->consts + off + 4);
        if (c.len > im->consts_size - off - 8)
            return 0;
        c.data = (uint8_t *)(uintptr_t)(im->consts + off + 8);
    } else if (SVOBJ_KIND(h) == SVOBJ_FLOAT && (uint64_t)off + 12 <= im->consts_size) {
        c.kind = SVOBJ_FLOAT;
        c.len = 8;
        c.data = (uint8_t *)(uintptr_t)(im->consts + off + 4);
    } else
        return 0;
    fmt_const(&c, out);
    return 1;
}

/* Collect branch targets that need a made-up label. */
static void collect_targets(lst_t *l, const asm_dis_t *cx)
{
    for (uint32_t pc = 0; pc < l->code_size;) {
        svbc_insn_t in;
        uint32_t n = svbc_decode(l->code + pc, l->code_size - pc, &in);
        if (!n)
            break;
        const char *shape = svbc_opinfo[in.op].operands;
        uint32_t field = pc + 1;
        int vi = 0;
        for (const char *k = shape; *k; k++) {
            int32_t nf = 0;
            if (*k == SVBC_OPND_LABEL)
                nf = 1;
            else if (*k == SVBC_OPND_TABLE)
                nf = in.opnd[vi] + in.opnd[vi + 1];
            for (int32_t j = 0; j < nf; j++) {
                uint32_t fj = *k == SVBC_OPND_LABEL ? field : field + 4 + 4u * (uint32_t)j;
                int32_t rel = *k == SVBC_OPND_LABEL ? in.opnd[vi] : svbc_read_i32(in.table + 4 * j);
                uint32_t t = (uint32_t)((int64_t)pc + rel);
                if (l->o) {
                    const svasm_reloc_t *r = reloc_at(l, fj);
                    if (r && r->sym >= 0)
                        continue;
                    if (r)
                        t = (uint32_t)r->addend;
                }
                if (t > l->code_size || sym_at(l, t))
                    continue;
                ASM_GROW(l->targets, l->ntargets, l->captargets);
                l->targets[l->ntargets++] = t;
            }
            if (*k == SVBC_OPND_TABLE)
                vi++;
            vi++;
            field += svbc_operand_size(*k);
        }
        pc += n;
    }
    (void)cx;
    if (l->ntargets)
        qsort(l->targets, l->ntargets, sizeof *l->targets, cmp_u32);
}

static void listing(asm_sb_t *b, lst_t *l, const asm_dis_t *cx)
{
    collect_targets(l, cx);
    size_t si = 0, li = 0;
    const char *cur_file = NULL;
    for (uint32_t pc = 0; pc < l->code_size;) {
        while (si < l->nsyms && l->syms[si].addr < pc)
            si++;
        while (li < l->nlines && l->lines[li].addr < pc)
            li++;
        for (; si < l->nsyms && l->syms[si].addr == pc; si++)
            asm_sb_printf(b, "%s:\n", l->syms[si].name);
        if (is_target(l, pc))
            asm_sb_printf(b, ".L%04x:\n", pc);
        for (; li < l->nlines && l->lines[li].addr == pc; li++) { /* debug info */
            if (!cur_file || strcmp(cur_file, l->lines[li].file) != 0) {
                char *q =
                    svasm_quote((const uint8_t *)l->lines[li].file, strlen(l->lines[li].file));
                asm_sb_printf(b, "        .file %s\n", q);
                free(q);
                cur_file = l->lines[li].file;
            }
            uint32_t pos = l->lines[li].pos;
            if (SVIMG_POS_COL(pos) && l->lines[li].end)
                asm_sb_printf(b, "        .line %u, %u, %u\n", SVIMG_POS_LINE(pos),
                              SVIMG_POS_COL(pos), l->lines[li].end);
            else if (SVIMG_POS_COL(pos))
                asm_sb_printf(b, "        .line %u, %u\n", SVIMG_POS_LINE(pos), SVIMG_POS_COL(pos));
            else
                asm_sb_printf(b, "        .line %u\n", SVIMG_POS_LINE(pos));
        }
        asm_sb_t t = {0};
        uint32_t n = dis_one(l->code + pc, l->code_size - pc, pc, &t, cx);
        char *text = asm_sb_take(&t);
        if (!n) {
            asm_sb_printf(b, "        %s\n", text);
            free(text);
            pc++;
            continue;
        }
        int w = (int)strlen(text);
        asm_sb_printf(b, "        %s%*s ; %04x:", text, w < 32 ? 32 - w : 0, "", pc);
        free(text);
        for (uint32_t i = 0; i < n && i < 8; i++)
            asm_sb_printf(b, " %02x", l->code[pc + i]);
        asm_sb_printf(b, "%s\n", n > 8 ? " ..." : "");
        pc += n;
    }
    for (; si < l->nsyms; si++)
        if (l->syms[si].addr >= l->code_size)
            asm_sb_printf(b, "%s:\n", l->syms[si].name);
}

char *svasm_disasm_obj(const svasm_obj_t *o)
{
    asm_sb_t b = {0};
    lst_t l;
    memset(&l, 0, sizeof l);
    l.o = o;
    l.rel = asm_xmalloc(sizeof *l.rel * (o->nrelocs ? o->nrelocs : 1));
    for (uint32_t i = 0; i < o->nrelocs; i++)
        l.rel[i] = &o->relocs[i];
    if (o->nrelocs)
        qsort(l.rel, o->nrelocs, sizeof *l.rel, cmp_rel);
    for (uint32_t i = 0; i < o->nlines; i++) {
        ASM_GROW(l.lines, l.nlines, l.caplines);
        l.lines[l.nlines].addr = o->lines[i].offset;
        l.lines[l.nlines].pos = o->lines[i].line;
        l.lines[l.nlines].end = o->lines[i].end;
        l.lines[l.nlines++].file = o->lines[i].file;
    }
    l.code = o->code;
    l.code_size = o->code_size;
    asm_sb_printf(&b, "; %s: Sense-VM object, %u bytes of code\n        .text\n", o->name,
                  o->code_size);
    for (uint32_t i = 0; i < o->nmanifest; i++) {
        const char *k = o->manifest[i].key, *v = o->manifest[i].value;
        if (strcmp(k, "name") == 0 || strcmp(k, "device") == 0 || strcmp(k, "xchan") == 0)
            asm_sb_printf(&b, "        .manifest %s \"%s\"\n", k, v);
        else
            asm_sb_printf(&b, "        .manifest %s %s\n", k, v);
    }
    for (uint32_t i = 0; i < o->nsyms; i++) {
        const svasm_sym_t *s = &o->syms[i];
        if (s->kind == SVASM_SYM_UNDEF)
            asm_sb_printf(&b, "        .extern %s\n", s->name);
        else if (s->bind == SVASM_BIND_GLOBAL)
            asm_sb_printf(&b, "        .global %s\n", s->name);
    }
    /* variables in slot order */
    for (uint32_t slot = 0; slot < o->nvars; slot++)
        for (uint32_t i = 0; i < o->nsyms; i++)
            if (o->syms[i].kind == SVASM_SYM_VAR && o->syms[i].value == slot)
                asm_sb_printf(&b, "        .var %s\n", o->syms[i].name);
    for (uint32_t i = 0; i < o->nsyms; i++)
        if (o->syms[i].kind == SVASM_SYM_CODE) {
            ASM_GROW(l.syms, l.nsyms, l.capsyms);
            l.syms[l.nsyms].addr = o->syms[i].value;
            l.syms[l.nsyms++].name = o->syms[i].name;
        }
    if (l.nsyms)
        qsort(l.syms, l.nsyms, sizeof *l.syms, cmp_sym);
    asm_dis_t cx = {obj_label, obj_const, obj_var, &l};
    listing(&b, &l, &cx);
    free(l.syms);
    free(l.targets);
    free(l.rel);
    free(l.lines);
    return asm_sb_take(&b);
}

char *svasm_disasm_image(const svasm_image_t *im)
{
    asm_sb_t b = {0};
    lst_t l;
    memset(&l, 0, sizeof l);
    l.im = im;
    l.code = im->code;
    l.code_size = im->code_size;
    svasm_debuginfo_t di;
    svasm_debuginfo_read(im, &di);
    l.syms = di.syms; /* taken over */
    l.nsyms = di.nsyms;
    l.lines = di.lines;
    l.nlines = di.nlines;
    uint32_t entry = (uint32_t)svbc_read_i32(im->manifest + SVMF_OFF_ENTRY);
    asm_sb_printf(&b,
                  "; Sense-VM image, %u bytes of code, %u constants, entry 0x%04x\n"
                  "        .text\n",
                  im->code_size, im->nconsts, entry);
    asm_dis_t cx = {img_label, img_const, NULL, &l};
    listing(&b, &l, &cx);
    free(l.syms);
    free(l.targets);
    free(l.lines);
    return asm_sb_take(&b);
}
