/* SPDX-License-Identifier: MIT
 * peephole.c — the code generator's text-level optimisations (peephole.h): fusing an
 * instruction into the one before it as it is emitted, and the pass over one function's
 * finished text (jump threading, dead code, redundant loads). Which instructions end a
 * block, carry a label or keep A comes from the opcode table's columns (opcodes.def), which
 * pairs fuse from the fusion table (fusions.def).
 * Lines are "        op args" (instructions), "        .dir args" (directives: positions),
 * "name:" (labels) or "; ..." (comments).
 */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "cg.h"
#include "peephole.h"

/* The fusion table (fusions.def): first; second -> fused. */
static const struct fusion {
    svbc_opcode_t first, second, fused;
} fusions[] = {
#define FUSE(first, second, fused) {SVBC_OP_##first, SVBC_OP_##second, SVBC_OP_##fused},
#include <sensevm/fusions.def>
#undef FUSE
};
#define N_FUSIONS (sizeof fusions / sizeof fusions[0])

/* the operands of instruction text `ins` if it is `op` followed by a space, else NULL */
static const char *insn_operands(const char *ins, svbc_opcode_t op)
{
    size_t k = strlen(OPNAME(op));
    return strncmp(ins, OPNAME(op), k) == 0 && ins[k] == ' ' ? ins + k + 1 : NULL;
}

/* the opcode of instruction text (-1 for a directive), and where its operands start */
static int insn_op(const char *ins, const char **opnds)
{
    size_t k = strcspn(ins, " \n");
    *opnds = ins[k] == ' ' ? ins + k + 1 : ins + k;
    return svbc_lookup_op(ins, k);
}

/* the row fusing `first` and `second`, or NULL */
static const struct fusion *fusion_of(int first, int second)
{
    for (size_t k = 0; k < N_FUSIONS; k++)
        if ((int)fusions[k].first == first && (int)fusions[k].second == second)
            return &fusions[k];
    return NULL;
}

/* "fused a.., b..": the operand texts joined (each up to its newline) */
static char *fused_text(const struct fusion *f, const char *a, const char *b)
{
    int la = (int)strcspn(a, "\n"), lb = (int)strcspn(b, "\n");
    return xfmt("%s%s%.*s%s%.*s", OPNAME(f->fused), la || lb ? " " : "", la, a,
                la && lb ? ", " : "", lb, b);
}

const char *peep_last_insn(const sbuf_t *b, size_t *start)
{
    if (!b->s || b->n < 9 || b->s[b->n - 1] != '\n')
        return "";
    size_t i = b->n - 1;
    while (i > 0 && b->s[i - 1] != '\n')
        i--;
    // cppcheck-suppress knownConditionTrueFalse ; i moved back to the line start above
    if (b->n - i < 9 || memcmp(b->s + i, "        ", 8) != 0 || b->s[i + 8] == '.')
        return "";
    *start = i;
    return b->s + i + 8;
}

int peep_fuse(sbuf_t *b, const char *ins)
{
    size_t st = 0;
    const char *prev = peep_last_insn(b, &st), *po, *io;
    if (!*prev)
        return 0;
    const struct fusion *f = fusion_of(insn_op(prev, &po), insn_op(ins, &io));
    if (!f)
        return 0;
    char *r = fused_text(f, po, io);
    b->n = st;
    if (!peep_fuse(b, r)) { /* the fused instruction may fuse with the one before it */
        sb_add(b, "        ", 8);
        sb_add(b, r, strlen(r));
        sb_add(b, "\n", 1);
    }
    return 1;
}

/* ------------------------------------------------------------------ the pass */
static int is_label_line(const char *l)
{
    return l[0] != ' ' && l[0] != ';' && l[0] && strchr(l, ':') && l[strlen(l) - 1] == ':';
}
static const char *insn_of(const char *l)
{
    while (*l == ' ')
        l++;
    return l;
}

static unsigned op_flags(int op) { return op < 0 ? 0 : svbc_opinfo[op].flags; }
static const char *op_shape(int op) { return op < 0 ? "" : svbc_opinfo[op].operands; }
/* control never falls through (the END flag) */
static int is_end_insn(const char *ins)
{
    const char *o;
    return (op_flags(insn_op(ins, &o)) & SVBC_F_END) != 0;
}
/* a jump whose one label is its last operand: the offset of the label in the text */
static const char *jump_label(const char *ins, int *op)
{
    const char *opnds;
    *op = insn_op(ins, &opnds);
    const char *shape = op_shape(*op);
    size_t sl = strlen(shape);
    if (!(op_flags(*op) & SVBC_F_BR) || !sl || shape[sl - 1] != 'l' ||
        strchr(shape, 'l') != shape + sl - 1 || !*opnds)
        return NULL;
    if (sl == 1)
        return opnds;
    const char *comma = NULL;
    for (const char *q = strstr(opnds, ", "); q; q = strstr(q + 1, ", "))
        comma = q;
    return comma ? comma + 2 : NULL;
}
/* a compare-and-branch on A against an immediate or a slot: A and the stack are kept */
static int keeps_acc(const char *ins)
{
    const char *o;
    int op = insn_op(ins, &o);
    const char *shape = op_shape(op);
    return (op_flags(op) & (SVBC_F_BR | SVBC_F_END | SVBC_F_CALL)) == SVBC_F_BR &&
           svbc_opinfo[op].pop == 0 && svbc_opinfo[op].push == 0 && strlen(shape) == 2 &&
           (shape[0] == 'i' || shape[0] == 'a') && shape[1] == 'l';
}

/* label -> value, open addressing: a function's labels are found without a scan (one
 * function may hold tens of thousands: a deeply nested match) */
typedef struct smap {
    const char **key;
    void **val;
    size_t cap, n;
} smap_t;
static size_t smap_hash(const char *s, size_t n)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}
/* the value slot of the key s[0..n): a new one (NULL value) when create, else NULL */
static void **smap_at(smap_t *m, const char *s, size_t n, int create)
{
    if (create && 2 * (m->n + 1) > m->cap) {
        smap_t g = {0};
        g.cap = m->cap ? 2 * m->cap : 64;
        g.key = xalloc(sizeof(char *) * g.cap);
        g.val = xalloc(sizeof(void *) * g.cap);
        for (size_t i = 0; i < m->cap; i++)
            if (m->key[i])
                *smap_at(&g, m->key[i], strlen(m->key[i]), 1) = m->val[i];
        free(m->key);
        free(m->val);
        *m = g;
    }
    if (!m->cap)
        return NULL;
    for (size_t i = smap_hash(s, n) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->key[i]) {
            if (!create)
                return NULL;
            m->key[i] = xfmt("%.*s", (int)n, s);
            m->n++;
            return &m->val[i];
        }
        if (strlen(m->key[i]) == n && !strncmp(m->key[i], s, n))
            return &m->val[i];
    }
}
static void *smap_get(smap_t *m, const char *s, size_t n)
{
    void **v = smap_at(m, s, n, 0);
    return v ? *v : NULL;
}

typedef struct peep {
    char **L; /* the lines */
    int n;
    smap_t chain; /* label -> the target of the branch right after it */
    smap_t refs;  /* local label -> how many references (as a pointer-sized count) */
    sbuf_t o;     /* the output */
    int dead, seen_label;
    const char *last_acc; /* A = S[last_acc] here (straight-line code) */
    smap_t known;         /* label -> last_acc at the latest branch to it that keeps A */
} peep_t;

/* a directive line (`.line L, C`): no instruction, A and the stack unchanged */
static int is_directive(const char *l) { return l[0] == ' ' && insn_of(l)[0] == '.'; }
static int skippable(const char *l)
{
    return is_label_line(l) || l[0] == ';' || !l[0] || is_directive(l);
}

/* label -> target of the first instruction after it, if that is a branch */
static void find_chains(peep_t *P)
{
    for (int i = 0; i < P->n; i++) {
        if (!is_label_line(P->L[i]) || P->L[i][0] != '.')
            continue;
        int j = i + 1;
        while (j < P->n && skippable(P->L[j]))
            j++;
        const char *target = j < P->n ? insn_operands(insn_of(P->L[j]), SVBC_OP_branch) : NULL;
        if (target)
            *smap_at(&P->chain, P->L[i], strlen(P->L[i]) - 1, 1) = (void *)target;
    }
}
/* resolve a label through the chains (bounded, so cycles terminate) */
static const char *resolve(peep_t *P, const char *lab, size_t len)
{
    const char *r = xfmt("%.*s", (int)len, lab);
    for (int hop = 0; hop < 16; hop++) {
        const char *t = smap_get(&P->chain, r, strlen(r));
        if (!t)
            break;
        r = t;
    }
    return r;
}
static void thread_jumps(peep_t *P)
{
    for (int i = 0; i < P->n; i++) {
        if (P->L[i][0] != ' ')
            continue;
        const char *ins = insn_of(P->L[i]);
        int op;
        const char *lab = jump_label(ins, &op);
        if (!lab)
            continue;
        const char *t = resolve(P, lab, strlen(lab));
        P->L[i] = xfmt("        %.*s%s", (int)(lab - ins), ins, t);
    }
}
static void collect_refs(peep_t *P)
{
    for (int i = 0; i < P->n; i++) {
        if (P->L[i][0] != ' ')
            continue;
        for (const char *q = strstr(P->L[i], ".L"); q; q = strstr(q + 1, ".L")) {
            if (q[-1] != ' ' && q[-1] != ',')
                continue;
            size_t k = 0;
            while (q[k] && q[k] != ',' && q[k] != ' ')
                k++;
            void **c = smap_at(&P->refs, q, k, 1);
            *c = (void *)((intptr_t)*c + 1);
        }
    }
}
static void out_line(peep_t *P, const char *l)
{
    sb_add(&P->o, l, strlen(l));
    sb_add(&P->o, "\n", 1);
}

static void do_label(peep_t *P, const char *l)
{
    size_t ll = strlen(l) - 1;
    intptr_t used = (intptr_t)smap_get(&P->refs, l, ll);
    /* a label reached only from one A-keeping branch (no fall-through into it) still
     * knows which slot A holds */
    const char *known = NULL;
    if (P->dead && used == 1)
        known = smap_get(&P->known, l, ll);
    if (l[0] == '.' && l[1] == 'L' && P->seen_label && !used)
        return; /* dropped */
    P->last_acc = known;
    P->seen_label = 1;
    P->dead = 0;
    char *tb = xfmt("        %s %.*s\n", OPN(branch), (int)ll, l);
    size_t tl = strlen(tb);
    if (P->o.s && P->o.n >= tl && memcmp(P->o.s + P->o.n - tl, tb, tl) == 0)
        P->o.n -= tl;
    out_line(P, l);
}

/* a branch to a label that follows directly is dropped (returns 1) */
static int drop_branch_to_next(peep_t *P, int i, const char *t)
{
    int drop = 0;
    for (int j = i + 1; j < P->n && skippable(P->L[j]); j++)
        if (is_label_line(P->L[j]) && strlen(P->L[j]) - 1 == strlen(t) &&
            !strncmp(P->L[j], t, strlen(t)))
            drop = 1;
    if (!drop)
        return 0;
    P->dead = 1;
    if (P->last_acc) { /* falls through to t with A = S[last_acc] */
        *smap_at(&P->known, t, strlen(t), 1) = (void *)P->last_acc;
    }
    return 1;
}

/* acc n; b<cmp>imm k, L; acc n: the compare-and-branches that keep A and the stack make
 * the second acc n redundant. Returns the line to write, or NULL to drop it. */
static const char *track_acc(peep_t *P, const char *ins, const char *l, int is_branch)
{
    const char *an = insn_operands(ins, SVBC_OP_acc);
    if (an && P->last_acc && !strcmp(an, P->last_acc))
        return NULL;
    /* accfield n, m with A = S[n] already: field m */
    const char *af = insn_operands(ins, SVBC_OP_accfield);
    size_t lal = P->last_acc ? strlen(P->last_acc) : 0;
    if (af && P->last_acc && !strncmp(af, P->last_acc, lal) && !strncmp(af + lal, ", ", 2))
        l = xfmt("        %s %s", OPN(field), af + lal + 2);
    int keeps = is_branch || keeps_acc(ins);
    if (keeps && P->last_acc) {
        const char *lab = strrchr(ins, ' ') + 1;
        *smap_at(&P->known, lab, strlen(lab), 1) = (void *)P->last_acc;
    }
    if (an)
        P->last_acc = an;
    else if (!keeps)
        P->last_acc = NULL;
    return l;
}

/* push + acc/quote/envacc that an (unused, dropped) label kept apart (directives between
 * them stay, before the fused instruction) */
static const char *refuse_push(peep_t *P, const char *ins, const char *l)
{
    char *tp = xfmt("        %s\n", OPN(push));
    size_t tpl = strlen(tp);
    sbuf_t *o = &P->o;
    size_t q = o->n; /* where the trailing directive lines start */
    while (q > 0) {
        size_t st = q - 1;
        while (st > 0 && o->s[st - 1] != '\n')
            st--;
        if (!is_directive(o->s + st))
            break;
        q = st;
    }
    if (!(o->s && q >= tpl && memcmp(o->s + q - tpl, tp, tpl) == 0 &&
          (q == tpl || o->s[q - tpl - 1] == '\n')))
        return l;
    const char *opnds;
    const struct fusion *f = fusion_of(SVBC_OP_push, insn_op(ins, &opnds));
    if (!f)
        return l;
    memmove(o->s + q - tpl, o->s + q, o->n - q);
    o->n -= tpl;
    o->s[o->n] = 0;
    return xfmt("        %s", fused_text(f, "", opnds));
}

void peephole(sbuf_t *b)
{
    peep_t P = {0};
    vec_t lines = {0};
    char *p = b->s;
    while (p && *p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        vpush(&lines, p);
        p = nl ? nl + 1 : NULL;
    }
    P.n = lines.n;
    P.L = (char **)lines.v;
    find_chains(&P);
    thread_jumps(&P);
    collect_refs(&P);
    for (int i = 0; i < P.n; i++) {
        const char *l = P.L[i];
        if (is_label_line(l)) {
            do_label(&P, l);
            continue;
        }
        if (l[0] != ' ') {
            out_line(&P, l);
            continue;
        }
        if (P.dead)
            continue;
        if (is_directive(l)) {
            out_line(&P, l);
            continue;
        }
        const char *ins = insn_of(l);
        const char *t = insn_operands(ins, SVBC_OP_branch);
        if (t && drop_branch_to_next(&P, i, t))
            continue;
        l = track_acc(&P, ins, l, t != NULL);
        if (!l)
            continue;
        l = refuse_push(&P, ins, l);
        out_line(&P, l);
        if (is_end_insn(ins))
            P.dead = 1;
    }
    free(lines.v);
    smap_t *maps[] = {&P.chain, &P.refs, &P.known};
    for (int k = 0; k < 3; k++) {
        free(maps[k]->key);
        free(maps[k]->val);
    }
    free(b->s);
    *b = P.o;
}
