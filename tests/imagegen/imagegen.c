/* SPDX-License-Identifier: MIT
 * imagegen.c — random valid images (imagegen.h). A small typed code generator: each
 * expression leaves a value of the asked type in A with the stack as it found it, so the
 * model knows the exact depth and the type of every slot of the frame; the validator's
 * rules (operands in range, labels at instruction starts, the entry's straight-line stack)
 * then hold by construction. "Chaos" instructions (any opcode whose stack need the model
 * satisfies, operands random within the validator's ranges) and stray jumps to earlier
 * labels placed at the same stack depth make what no compiler emits.
 */
#include "imagegen.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- randomness ---- */

void imagegen_seed(imagegen_rng_t *r, uint64_t seed)
{
    memset(r, 0, sizeof *r);
    r->s = seed * 0x9e3779b97f4a7c15ull + 1u;
}

void imagegen_seed_bytes(imagegen_rng_t *r, const uint8_t *data, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ data[i]) * 1099511628211ull;
    imagegen_seed(r, h);
    r->data = data;
    r->len = len;
}

uint32_t imagegen_rand(imagegen_rng_t *r, uint32_t n)
{
    uint32_t x;
    if (r->pos + 2 <= r->len) {
        x = (uint32_t)r->data[r->pos] | (uint32_t)r->data[r->pos + 1] << 8;
        r->pos += 2;
    } else {
        r->s ^= r->s >> 12;
        r->s ^= r->s << 25;
        r->s ^= r->s >> 27;
        x = (uint32_t)((r->s * 2685821657736338717ull) >> 32);
    }
    return n ? x % n : 0;
}

/* ---- the model ---- */

enum { T_INT, T_FLOAT, T_STR, T_BYTES, T_BLOCK, T_ARRAY, T_CLOS, T_ANY, T_NTYPES };

#define MAX_CODE (48u << 10)
#define MAX_LABELS 4096
#define MAX_FIX 8192
#define MAX_FUN 12
#define MAX_DEPTH 200 /* model slots in a frame */
#define MAX_CONSTS 40
#define MAX_GLOBALS 24

typedef struct fun {
    int label;
    uint8_t arity, nfree, ret;
    uint8_t arg[4], free[3];
} fun_t;

typedef struct gen {
    imagegen_rng_t *r;
    uint8_t code[MAX_CODE];
    uint32_t len;
    uint32_t label_pos[MAX_LABELS];
    int label_depth[MAX_LABELS]; /* the model's depth where the label was placed */
    int nlabels;
    struct {
        uint32_t at, insn;
        int label;
    } fix[MAX_FIX];
    int nfix;
    fun_t fun[MAX_FUN];
    int nfun, cur;         /* current function, -1 = the entry */
    int first_label;       /* the current function's first label (stray jumps stay inside) */
    uint8_t st[MAX_DEPTH]; /* slot types, st[d-1] = S0 */
    int d;
    int in_try;      /* no return/tail call inside a handler's body */
    int entry_plain; /* still in the entry's straight-line code: stay stack-exact */
    uint32_t budget; /* code bytes to aim for */
    int nconsts;
    uint8_t ctype[MAX_CONSTS]; /* T_STR or T_FLOAT */
    int nglobals;
    uint8_t gtype[MAX_GLOBALS];
    int full; /* out of room: emit leaves only */
} gen_t;

#define R(n) imagegen_rand(g->r, (n))
#define CHANCE(p) (R(1000) < (p)) /* per mille */

static int new_label(gen_t *g)
{
    if (g->nlabels >= MAX_LABELS) {
        g->full = 1;
        return 0; /* label 0 is the entry function's start: always valid */
    }
    g->label_pos[g->nlabels] = UINT32_MAX;
    return g->nlabels++;
}
static void place(gen_t *g, int l)
{
    g->label_pos[l] = g->len;
    g->label_depth[l] = g->d;
}

/* Emit op with operands; label operands take label ids (fixed up at the end). */
static void emit_t(gen_t *g, int op, const int32_t *opnd, const int *tab, int ntab)
{
    int32_t o[SVBC_MAX_OPERANDS] = {0};
    int32_t tl[64] = {0};
    const char *shape = svbc_opinfo[op].operands;
    uint32_t at = g->len, off = 1;
    if (g->len + 16 + 4u * (uint32_t)ntab > MAX_CODE || g->nfix + 70 > MAX_FIX)
        abort(); /* the budget checks keep far from this */
    /* opnd has SVBC_MAX_OPERANDS entries (a table takes two) */
    for (unsigned i = 0, k = 0; shape[k] && i < SVBC_MAX_OPERANDS; k++, i++) {
        if (shape[k] == SVBC_OPND_LABEL) {
            g->fix[g->nfix].at = at + off;
            g->fix[g->nfix].insn = at;
            g->fix[g->nfix++].label = opnd[i];
        } else if (shape[k] == SVBC_OPND_TABLE) {
            if (i + 1 >= SVBC_MAX_OPERANDS)
                abort();
            o[i] = opnd[i];
            o[i + 1] = opnd[i + 1];
            for (int j = 0; j < ntab; j++) {
                g->fix[g->nfix].at = at + off + 4 + 4u * (uint32_t)j;
                g->fix[g->nfix].insn = at;
                g->fix[g->nfix++].label = tab[j];
            }
            i++;
        } else {
            o[i] = opnd[i];
        }
        off += svbc_operand_size(shape[k]);
    }
    uint32_t n = svbc_encode((uint8_t)op, o, tl, g->code + g->len, MAX_CODE - g->len);
    if (!n)
        abort(); /* an operand out of range: a generator bug */
    g->len += n;
}
static void emit(gen_t *g, int op, int32_t a, int32_t b, int32_t c)
{
    int32_t o[3] = {a, b, c};
    emit_t(g, op, o, NULL, 0);
}
#define E0(op) emit(g, SVBC_OP_##op, 0, 0, 0)
#define E1(op, a) emit(g, SVBC_OP_##op, (a), 0, 0)
#define E2(op, a, b) emit(g, SVBC_OP_##op, (a), (b), 0)
#define E3(op, a, b, c) emit(g, SVBC_OP_##op, (a), (b), (c))

static void push(gen_t *g, int t)
{
    E0(push);
    g->st[g->d++] = (uint8_t)t;
}
static void popn(gen_t *g, int n)
{
    if (n) {
        E1(pop, n);
        g->d -= n;
    }
}
/* the slot index of a slot of type t (S[n]), or -1 */
static int find_slot(gen_t *g, int t)
{
    if (g->d == 0)
        return -1;
    int start = (int)R((uint32_t)g->d);
    for (int k = 0; k < g->d && k < 255; k++) {
        int n = (start + k) % g->d;
        if (n < 255 && (t == T_ANY || g->st[g->d - 1 - n] == t))
            return n;
    }
    return -1;
}

static int32_t rand_int(gen_t *g)
{
    switch (R(8)) {
    case 0: return (int32_t)SVBC_IMM_MAX - (int32_t)R(3);
    case 1: return (int32_t)SVBC_IMM_MIN + (int32_t)R(3);
    case 2: return (int32_t)R(1u << 30) - (1 << 29);
    case 3: return -(int32_t)R(5);
    default: return (int32_t)R(12);
    }
}

static void gen(gen_t *g, int t, int depth, int tail);

/* A value of type t with no sub-expression. */
static void leaf(gen_t *g, int t)
{
    int n = find_slot(g, t);
    if (n >= 0 && CHANCE(400)) {
        E1(acc, n);
        return;
    }
    if (g->nglobals && CHANCE(150)) {
        int k = (int)R((uint32_t)g->nglobals);
        if (g->gtype[k] == t || t == T_ANY) {
            E1(getvar, k);
            return;
        }
    }
    if (g->cur >= 0 && g->fun[g->cur].nfree && CHANCE(200)) {
        const fun_t *f = &g->fun[g->cur];
        int k = (int)R(f->nfree);
        if (f->free[k] == t || t == T_ANY) {
            E1(envacc, k);
            return;
        }
    }
    if (t == T_FLOAT || t == T_STR) {
        for (int k = 0; k < g->nconsts; k++)
            if (g->ctype[k] == t && CHANCE(300)) {
                E1(const, k);
                return;
            }
    }
    switch (t) {
    case T_FLOAT:
        E1(quote, rand_int(g));
        E0(floatofint);
        break;
    case T_STR:
        if (g->nconsts && g->ctype[0] == T_STR)
            E1(const, 0);
        else {
            E1(quote, rand_int(g));
            emit(g, SVBC_OP_svc, SVBC_SVC_string_of_int, 0, 0);
        }
        break;
    case T_BYTES:
        E1(quote, (int32_t)R(6));
        emit(g, SVBC_OP_svc, SVBC_SVC_bytes_create, 0, 0);
        break;
    case T_BLOCK:
        E1(quote, rand_int(g));
        push(g, T_INT);
        E1(quote, 1);
        E0(cons);
        g->d--;
        break;
    case T_ARRAY:
        E1(quote, rand_int(g));
        E2(arrayn, 1, 0);
        break;
    case T_CLOS: E3(cur, g->fun[0].label, g->fun[0].arity, 0); break; /* nfree 0: see below */
    default: E1(quote, rand_int(g)); break;
    }
}

/* Compute and push values of types ts[0..n-1], in that order (ts[n-1] ends on top). */
static void push_args(gen_t *g, const uint8_t *ts, int n, int depth)
{
    for (int i = 0; i < n; i++) {
        gen(g, ts[i], depth, 0);
        push(g, ts[i]);
    }
}

/* A closure of function f in A (its free variables computed first). */
static void closure_of(gen_t *g, int f, int depth)
{
    const fun_t *fn = &g->fun[f];
    for (int i = fn->nfree - 1; i >= 1; i--) { /* free var i = S[i-1] at the cur */
        gen(g, fn->free[i], depth, 0);
        push(g, fn->free[i]);
    }
    if (fn->nfree)
        gen(g, fn->free[0], depth, 0);
    E3(cur, fn->label, fn->arity, fn->nfree);
    g->d -= fn->nfree ? fn->nfree - 1 : 0;
}

/* A call of a function returning t: arguments pushed last first (S0 = the first), then
 * one of the ways to apply it. */
static int call(gen_t *g, int t, int depth, int tail)
{
    int cand[MAX_FUN], nc = 0;
    for (int f = 0; f < g->nfun; f++)
        if ((g->fun[f].ret == t || t == T_ANY) && (f > g->cur || CHANCE(100)))
            cand[nc++] = f;
    if (!nc)
        return 0;
    int f = cand[R((uint32_t)nc)];
    const fun_t *fn = &g->fun[f];
    int k = fn->arity, d0 = g->d;
    if (fn->nfree == 0 && !tail && CHANCE(250)) { /* args but the first; push A; call */
        for (int i = k - 1; i >= 1; i--) {
            gen(g, fn->arg[i], depth, 0);
            push(g, fn->arg[i]);
        }
        gen(g, fn->arg[0], depth, 0);
        emit(g, SVBC_OP_pushcall, fn->label, k, 0);
        g->d = d0;
        return 1;
    }
    for (int i = k - 1; i >= 0; i--) {
        gen(g, fn->arg[i], depth, 0);
        push(g, fn->arg[i]);
    }
    closure_of(g, f, depth);
    int tailok = tail && !g->in_try && g->cur >= 0;
    switch (R(tailok ? 6 : 4)) {
    case 0: E2(call, fn->label, k); break;
    case 1:
        if (k > 1) { /* partial application, then the rest */
            int j = 1 + (int)R((uint32_t)k - 1);
            E1(app, j);
            E1(app, k - j);
            break;
        }
        /* fall through */
    case 2:
    case 3: E1(app, k); break;
    case 4: E3(tailcall, fn->label, k, d0); break;
    default: E2(tailapp, k, d0); break;
    }
    g->d = d0;
    return 1;
}

/* Services with typed arguments: "args>result" (I int, F float, S string, B bytes,
 * K block, A array, X any; result U = unit). */
static const struct {
    uint16_t num;
    const char *sig;
} svcs[] = {
    {SVBC_SVC_print_string, "S>U"},
    {SVBC_SVC_print_int, "I>U"},
    {SVBC_SVC_print_char, "I>U"},
    {SVBC_SVC_string_of_int, "I>S"},
    {SVBC_SVC_int_of_string, "S>I"},
    {SVBC_SVC_string_of_float, "F>S"},
    {SVBC_SVC_float_of_string, "S>F"},
    {SVBC_SVC_format_int, "SI>S"},
    {SVBC_SVC_format_float, "SF>S"},
    {SVBC_SVC_format_string, "SS>S"},
    {SVBC_SVC_flush, "I>U"},
    {SVBC_SVC_print_err, "S>U"},
    {SVBC_SVC_string_sub, "SII>S"},
    {SVBC_SVC_bytes_create, "I>B"},
    {SVBC_SVC_bytes_blit, "SIBII>U"},
    {SVBC_SVC_bytes_to_string, "B>S"},
    {SVBC_SVC_string_to_bytes, "S>B"},
    {SVBC_SVC_string_equal, "SS>I"},
    {SVBC_SVC_string_compare, "SS>I"},
    {SVBC_SVC_array_blit, "AIAII>U"},
    {SVBC_SVC_array_sub, "AII>A"},
    {SVBC_SVC_hash, "X>I"},
    {SVBC_SVC_float_sqrt, "F>F"},
    {SVBC_SVC_float_floor, "F>F"},
    {SVBC_SVC_float_pow, "FF>F"},
    {SVBC_SVC_float_log, "F>F"},
    {SVBC_SVC_float_mod, "FF>F"},
    {SVBC_SVC_argv, "I>A"},
    {SVBC_SVC_exit, "I>U"},
    {SVBC_SVC_thread_yield, "I>U"},
    {SVBC_SVC_thread_self, "I>I"},
    {SVBC_SVC_thread_create, "CX>I"},
    {SVBC_SVC_chan_new, "I>I"},
    {SVBC_SVC_ev_send, "IX>K"},
    {SVBC_SVC_ev_receive, "I>K"},
    {SVBC_SVC_ev_always, "X>K"},
    {SVBC_SVC_ev_sync, "K>X"},
    {SVBC_SVC_ev_poll, "K>X"},
    {SVBC_SVC_ev_after, "I>K"},
    {SVBC_SVC_ev_choose, "K>K"},
    {SVBC_SVC_ev_wrap, "KC>K"},
    {SVBC_SVC_sleep_ms, "I>U"},
    {SVBC_SVC_sleep_us, "I>U"},
    {SVBC_SVC_time_ms, "I>I"},
    {SVBC_SVC_time_us, "I>I"},
    {SVBC_SVC_sleep_until_ms, "I>U"},
    {SVBC_SVC_progress, "I>U"},
    {SVBC_SVC_monitor_count, "I>I"},
    {SVBC_SVC_dev_write, "XI>U"},
    {SVBC_SVC_dev_read, "X>I"},
    {SVBC_SVC_dev_event, "X>K"},
    {SVBC_SVC_xchan_send, "IX>I"},
    {SVBC_SVC_xchan_receive, "I>K"},
    {SVBC_SVC_ev_send_sync, "IX>U"},
    {SVBC_SVC_ev_receive_sync, "I>X"},
};

static int type_of_letter(char c)
{
    switch (c) {
    case 'I':
    case 'U': return T_INT;
    case 'F': return T_FLOAT;
    case 'S': return T_STR;
    case 'B': return T_BYTES;
    case 'K': return T_BLOCK;
    case 'A': return T_ARRAY;
    case 'C': return T_CLOS;
    default: return T_ANY;
    }
}

static int service(gen_t *g, int t, int depth)
{
    int start = (int)R(sizeof svcs / sizeof svcs[0]);
    for (size_t k = 0; k < sizeof svcs / sizeof svcs[0]; k++) {
        size_t i = (start + k) % (sizeof svcs / sizeof svcs[0]);
        const char *sig = svcs[i].sig, *gt = strchr(sig, '>');
        if (t != T_ANY && type_of_letter(gt[1]) != t)
            continue;
        if (svcs[i].num == SVBC_SVC_exit && !CHANCE(50))
            continue;
        int n = (int)(gt - sig), d0 = g->d;
        for (int a = 0; a < n - 1; a++) {
            /* small integers mostly: lengths, offsets, times, devices */
            if (sig[a] == 'I' && CHANCE(700)) {
                E1(quote, (int32_t)R(8));
            } else
                gen(g, type_of_letter(sig[a]), depth, 0);
            push(g, type_of_letter(sig[a]));
        }
        if (sig[n - 1] == 'I' && CHANCE(700))
            E1(quote, (int32_t)R(8));
        else
            gen(g, type_of_letter(sig[n - 1]), depth, 0);
        emit(g, SVBC_OP_svc, svcs[i].num, 0, 0);
        g->d = d0;
        return 1;
    }
    return 0;
}

/* An instruction no type discipline chose: any opcode whose stack need the model meets,
 * without labels or a dynamic stack effect; operands random within the validator's
 * ranges. Every slot's type is forgotten afterwards. */
static void chaos(gen_t *g)
{
    for (int tries = 0; tries < 20; tries++) {
        int op = (int)R(256);
        const svbc_opinfo_t *oi = &svbc_opinfo[op];
        if (!oi->name || (oi->flags & (SVBC_F_BR | SVBC_F_END | SVBC_F_CALL)) || oi->pop < 0)
            continue;
        int32_t o[3] = {0};
        const char *shape = oi->operands;
        for (int k = 0; shape[k]; k++) {
            switch (shape[k]) {
            case SVBC_OPND_U8: o[k] = (int32_t)R(CHANCE(800) ? 4 : 256); break;
            case SVBC_OPND_U16: o[k] = (int32_t)R(CHANCE(800) ? 4 : 65536); break;
            case SVBC_OPND_IMM: o[k] = rand_int(g); break;
            case SVBC_OPND_CONST: o[k] = g->nconsts ? (int32_t)R((uint32_t)g->nconsts) : -1; break;
            case SVBC_OPND_GLOBAL:
                o[k] = g->nglobals ? (int32_t)R((uint32_t)g->nglobals) : -1;
                break;
            case SVBC_OPND_SERVICE: {
                int s;
                do
                    s = (int)R(SVBC_SVC_LIMIT);
                while (!svbc_svcinfo[s].name);
                o[k] = s;
                break;
            }
            default: o[k] = (int32_t)R(CHANCE(700) ? 4 : 256); break; /* slots, counts */
            }
        }
        if (o[0] < 0 || o[1] < 0 || o[2] < 0)
            continue;
        if (op == SVBC_OP_makeblock && (o[1] == 0 || o[0] > (int32_t)SVOBJ_TAG_EXN))
            continue;
        if (op == SVBC_OP_arrayn && o[0] == 0)
            continue;
        uint8_t buf[16];
        svbc_insn_t in;
        uint32_t n = svbc_encode((uint8_t)op, o, NULL, buf, sizeof buf);
        if (!n || !svbc_decode(buf, n, &in))
            continue;
        int pop, pushn;
        if (svbc_stack_effect(&in, &pop, &pushn) != 0 || (int)svbc_stack_need(&in) > g->d ||
            g->d - pop + pushn > MAX_DEPTH - 8)
            continue;
        emit(g, op, o[0], o[1], o[2]);
        g->d += pushn - pop;
        for (int i = 0; i < g->d; i++)
            g->st[i] = T_ANY;
        return;
    }
}

/* A, an object of type t, updated in place, then A again: field n := v (setfield), or
 * element/byte n := v (arrayset, bytesset: the index pushed); v is the object itself when
 * self (a cycle), else a value of type vt (a byte for bytesset). */
static void update(gen_t *g, int t, int op, int32_t n, int vt, int self, int depth)
{
    push(g, t);
    if (self)
        E1(acc, 0);
    else if (op == SVBC_OP_bytesset)
        E1(quote, (int32_t)R(256));
    else
        gen(g, vt, depth, 0);
    push(g, vt);
    if (op == SVBC_OP_setfield) {
        E1(acc, 1);
        emit(g, op, n, 0, 0);
        g->d -= 1;
    } else {
        E1(quote, n);
        push(g, T_INT);
        E1(acc, 2);
        emit(g, op, 0, 0, 0);
        g->d -= 2;
    }
    E1(acc, 0);
    popn(g, 1);
}

/* A value of type t in A, the stack as before. tail: in a function's tail position. */
static void gen(gen_t *g, int t, int depth, int tail)
{
    if (g->len > g->budget || g->d > MAX_DEPTH - 40)
        g->full = 1;
    if (depth <= 0 || g->full) {
        leaf(g, t);
        return;
    }
    if (!g->entry_plain && CHANCE(30)) { /* chaos, then reset the model to the frame */
        int before = g->d;
        chaos(g);
        if (g->d > before)
            popn(g, g->d - before);
        else
            while (g->d < before)
                push(g, T_ANY);
        /* the frame's types are forgotten: keep the generator honest with ANY */
    }
    switch (R(16)) {
    case 0: { /* let x = e1 in e2 */
        int t1 = (int)R(T_NTYPES);
        gen(g, t1, depth - 1, 0);
        push(g, t1);
        gen(g, t, depth - 1, tail);
        popn(g, 1); /* pop keeps A */
        return;
    }
    case 1: { /* if c then a else b */
        int le = new_label(g), lend = new_label(g);
        gen(g, T_INT, depth - 1, 0);
        E1(branchifnot, le);
        g->entry_plain = 0;
        gen(g, t, depth - 1, tail);
        E1(branch, lend);
        place(g, le);
        gen(g, t, depth - 1, tail);
        place(g, lend);
        return;
    }
    case 2: /* e1; e2 */
        gen(g, (int)R(T_NTYPES), depth - 1, 0);
        gen(g, t, depth - 1, tail);
        return;
    case 3: /* a call */
        if (call(g, t, depth - 1, tail)) {
            g->entry_plain = 0;
            return;
        }
        break;
    case 4: /* a service */
        if (service(g, t, depth - 1)) {
            g->entry_plain = 0;
            return;
        }
        break;
    case 5: { /* try e with _ -> h */
        int lh = new_label(g), lend = new_label(g);
        E1(pushtrap, lh);
        g->entry_plain = 0;
        for (int i = 0; i < 3; i++)
            g->st[g->d++] = T_ANY;
        g->in_try++;
        gen(g, t, depth - 1, 0);
        g->in_try--;
        E0(poptrap);
        g->d -= 3;
        E1(branch, lend);
        place(g, lh);
        if (CHANCE(500))
            gen(g, t, depth - 1, 0);
        else if (t == T_ANY)
            E0(nop); /* the exception itself */
        else
            leaf(g, t);
        place(g, lend);
        return;
    }
    case 6: { /* raise (Failure s) or a re-raise of a fresh block */
        if (!CHANCE(120))
            break;
        gen(g, T_STR, depth - 1, 0);
        emit(g, SVBC_OP_makeblock, (int32_t)SVOBJ_TAG_EXN, 1, 0);
        E0(raise);
        g->entry_plain = 0;
        return;
    }
    case 7: { /* for i = lo to hi do body done; then t */
        int ltop = new_label(g), lskip = new_label(g);
        E1(quote, (int32_t)R(4));
        push(g, T_INT);
        E1(quote, (int32_t)R(12));
        push(g, T_INT);
        E1(acc, 1);
        E2(bgtacc, 0, lskip);
        g->entry_plain = 0;
        place(g, ltop);
        gen(g, (int)R(T_NTYPES), depth - 1, 0);
        emit(g, R(4) ? SVBC_OP_forup : SVBC_OP_fordown, 1, 0, ltop);
        place(g, lskip);
        popn(g, 2);
        gen(g, t, depth - 1, tail);
        return;
    }
    case 8: { /* match on an integer or a block tag */
        int nint = 1 + (int)R(4), nblk = (int)R(3), lend = new_label(g), tab[8] = {0};
        if (R(4))
            E1(quote, (int32_t)R((uint32_t)(nint + 1))); /* in range mostly */
        else
            gen(g, R(3) ? T_INT : T_BLOCK, depth - 1, 0);
        for (int i = 0; i < nint + nblk; i++)
            tab[i] = i && CHANCE(200) ? tab[i - 1] : new_label(g);
        int32_t o[3] = {nint, nblk, 0};
        emit_t(g, SVBC_OP_switch, o, tab, nint + nblk);
        g->entry_plain = 0;
        for (int i = 0; i < nint + nblk; i++) {
            if (i && tab[i] == tab[i - 1])
                continue;
            place(g, tab[i]);
            gen(g, t, depth - 1, tail);
            E1(branch, lend);
        }
        place(g, lend);
        return;
    }
    case 9: /* a global: set then read */
        if (g->nglobals) {
            int k = (int)R((uint32_t)g->nglobals);
            gen(g, g->gtype[k], depth - 1, 0);
            E1(setvar, k);
            gen(g, t, depth - 1, tail);
            return;
        }
        break;
    case 10: /* structural comparison of two values of one type */
        if (t == T_INT || t == T_ANY) {
            int t2 = (int)R(T_NTYPES);
            gen(g, t2, depth - 1, 0);
            push(g, t2);
            gen(g, R(8) ? t2 : T_ANY, depth - 1, 0);
            emit(g, SVBC_OP_polyeq + (int)R(7), 0, 0, 0);
            g->d--;
            return;
        }
        break;
    case 11: /* a stray jump back to an earlier label of this function, taken sometimes */
        if (!g->entry_plain && g->nlabels > g->first_label && CHANCE(150)) {
            int l = g->first_label + (int)R((uint32_t)(g->nlabels - g->first_label));
            /* only to a label placed at this depth: the loader refuses an instruction
             * reached with two depths (image-format.md §4) */
            if (g->label_pos[l] != UINT32_MAX && g->label_depth[l] == g->d) {
                gen(g, T_INT, depth - 1, 0);
                E1(branchif, l);
            }
        }
        break;
    default: break;
    }
    /* by type */
    switch (t) {
    case T_INT: {
        static const uint8_t bin[] = {
            SVBC_OP_addint, SVBC_OP_subint, SVBC_OP_mulint, SVBC_OP_divint, SVBC_OP_modint,
            SVBC_OP_andint, SVBC_OP_orint,  SVBC_OP_xorint, SVBC_OP_lslint, SVBC_OP_lsrint,
            SVBC_OP_asrint, SVBC_OP_eq,     SVBC_OP_ne,     SVBC_OP_lt,     SVBC_OP_le,
            SVBC_OP_gt,     SVBC_OP_ge};
        switch (R(8)) {
        case 0:
        case 1:
            gen(g, T_INT, depth - 1, 0);
            push(g, T_INT);
            gen(g, T_INT, depth - 1, 0);
            emit(g, bin[R(sizeof bin)], 0, 0, 0);
            g->d--;
            return;
        case 2:
            gen(g, T_INT, depth - 1, 0);
            emit(g, R(2) ? SVBC_OP_modimm : SVBC_OP_divimm, rand_int(g), 0, 0);
            return;
        case 3:
            gen(g, R(2) ? T_STR : T_BYTES, depth - 1, 0);
            E0(strlen);
            return;
        case 4: /* a.(i) or s.[i] */
            if (R(2)) {
                E1(quote, (int32_t)R(4));
                push(g, T_INT);
                gen(g, T_ARRAY, depth - 1, 0);
                E0(arrayget);
            } else {
                E1(quote, (int32_t)R(6));
                push(g, T_INT);
                gen(g, T_STR, depth - 1, 0);
                E0(strget);
            }
            g->d--;
            return;
        case 5:
            gen(g, T_ANY, depth - 1, 0);
            emit(g, R(2) ? SVBC_OP_gettag : SVBC_OP_isint, 0, 0, 0);
            return;
        case 6:
            gen(g, T_FLOAT, depth - 1, 0);
            E0(intoffloat);
            return;
        default:
            gen(g, T_INT, depth - 1, 0);
            if (R(2))
                E1(addimm, rand_int(g));
            else
                E0(negint);
            return;
        }
    }
    case T_FLOAT:
        gen(g, T_FLOAT, depth - 1, 0);
        if (R(3)) {
            push(g, T_FLOAT);
            gen(g, T_FLOAT, depth - 1, 0);
            emit(g, SVBC_OP_addfloat + (int)R(4), 0, 0, 0);
            g->d--;
        } else
            E0(negfloat);
        return;
    case T_STR:
        gen(g, T_STR, depth - 1, 0);
        push(g, T_STR);
        gen(g, T_STR, depth - 1, 0);
        E0(strcat);
        g->d--;
        return;
    case T_BYTES:
        E1(quote, (int32_t)R(256));
        push(g, T_INT);
        E1(quote, (int32_t)R(CHANCE(50) ? 4000 : 16));
        E0(bytesmake);
        g->d--;
        if (CHANCE(300)) /* b.[i] <- c, then b again */
            update(g, T_BYTES, SVBC_OP_bytesset, (int32_t)R(16), T_INT, 0, depth - 1);
        return;
    case T_BLOCK: {
        /* tags 0..8 are also the scheduler's event shapes (vmsched.h) */
        int n = 1 + (int)R(5), tag = (int)R(CHANCE(100) ? 249 : 9), cyclic = CHANCE(150);
        uint8_t ts[6] = {0};
        for (int i = 0; i < n; i++)
            ts[i] = (uint8_t)R(T_NTYPES);
        push_args(g, ts, n - 1, depth - 1);
        gen(g, ts[n - 1], depth - 1, 0);
        emit(g, SVBC_OP_makeblock, tag, n, 0);
        g->d -= n - 1;
        if (CHANCE(300) || cyclic) /* set a field (to the block: a cycle), then the block */
            update(g, T_BLOCK, SVBC_OP_setfield, (int32_t)R((uint32_t)n + 1), T_ANY, cyclic,
                   depth - 1);
        return;
    }
    case T_ARRAY:
        if (R(2)) {
            int n = 1 + (int)R(6);
            uint8_t ts[7] = {0};
            for (int i = 0; i < n; i++)
                ts[i] = T_INT;
            push_args(g, ts, n - 1, depth - 1);
            gen(g, T_INT, depth - 1, 0);
            E1(arrayn, n);
            g->d -= n - 1;
        } else {
            gen(g, (int)R(T_NTYPES), depth - 1, 0);
            push(g, T_ANY);
            E1(quote, (int32_t)R(CHANCE(30) ? 100000 : 20));
            E0(makearray);
            g->d--;
        }
        if (CHANCE(300)) /* a.(i) <- v (or a itself: a cycle), then a again */
            update(g, T_ARRAY, SVBC_OP_arrayset, (int32_t)R(8), T_INT, CHANCE(300), depth - 1);
        return;
    case T_CLOS: {
        int f = (int)R((uint32_t)g->nfun);
        closure_of(g, f, depth - 1);
        return;
    }
    default:
        if (CHANCE(300)) { /* a field of a block */
            gen(g, T_BLOCK, depth - 1, 0);
            E1(field, (int32_t)R(3));
        } else
            gen(g, (int)R(T_ANY), depth, tail);
        return;
    }
}

/* ---- functions ---- */

static void body(gen_t *g, int f)
{
    const fun_t *fn = &g->fun[f];
    g->cur = f;
    g->first_label = g->nlabels;
    place(g, fn->label);
    g->d = fn->arity;
    for (int i = 0; i < fn->arity; i++)
        g->st[fn->arity - 1 - i] = fn->arg[i]; /* S0 = the first argument */
    g->full = 0;
    g->entry_plain = 0;
    gen(g, fn->ret, 3 + (int)R(4), 1);
    popn(g, g->d - fn->arity);
    E1(return, fn->arity);
}

static void entry(gen_t *g, int label)
{
    g->cur = -1;
    g->first_label = g->nlabels;
    place(g, label);
    g->d = 0;
    g->full = 0;
    g->entry_plain = 1;
    int n = 1 + (int)R(4);
    for (int i = 0; i < n && !g->full; i++) {
        if (R(3)) { /* try stmt with _ -> () : run on after an exception */
            int lh = new_label(g), lend = new_label(g);
            E1(pushtrap, lh);
            g->entry_plain = 0;
            for (int k = 0; k < 3; k++)
                g->st[g->d++] = T_ANY;
            gen(g, (int)R(T_NTYPES), 4 + (int)R(4), 0);
            E0(poptrap);
            g->d -= 3;
            place(g, lh);
            place(g, lend);
        } else
            gen(g, (int)R(T_NTYPES), 4 + (int)R(4), 0);
    }
    popn(g, g->d);
    if (R(2))
        E0(halt);
    else
        E1(return, 0); /* from the entry frame: halts */
}

/* ---- the image ---- */

static uint32_t put_const(gen_t *g, uint8_t *c, uint32_t at)
{
    if (R(3) == 0) {
        double vals[] = {0.0, -0.0, 1.5, -2.25, 1e300, HUGE_VAL, -HUGE_VAL, NAN, 3.0};
        double d = vals[R(sizeof vals / sizeof vals[0])];
        svbc_write_i32(c + at, (int32_t)SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));
        memcpy(c + at + 4, &d, 8);
        g->ctype[g->nconsts++] = T_FLOAT;
        return at + 12;
    }
    uint32_t len = R(4) ? R(12) : R(200), words = 1 + (len + 3) / 4;
    svbc_write_i32(c + at, (int32_t)SVOBJ_HEADER(SVOBJ_STRING, 0, words));
    svbc_write_i32(c + at + 4, (int32_t)len);
    memset(c + at + 8, 0, (words - 1) * 4);
    static const char fmts[][8] = {"%d", "%5x", "%-3s", "%.2f", "%g", "%", "%q", "%08.3e"};
    if (len && R(3) == 0) { /* a printf format for the format services */
        const char *f = fmts[R(sizeof fmts / sizeof fmts[0])];
        memcpy(c + at + 8, f, strlen(f) < len ? strlen(f) : len);
    } else
        for (uint32_t i = 0; i < len; i++)
            c[at + 8 + i] = (uint8_t)(R(3) ? '0' + R(75) : R(256));
    g->ctype[g->nconsts++] = T_STR;
    return at + 4 + words * 4;
}

static const char *const devices[] = {"led0", "led1", "button0", "uart0", "gpio0", "sensor0"};

size_t imagegen_build(imagegen_rng_t *r, uint8_t *buf)
{
    gen_t *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    g->r = r;
    g->budget = 256 + R(R(8) ? 3000 : 12000);
    g->nglobals = (int)R(MAX_GLOBALS);
    for (int i = 0; i < g->nglobals; i++)
        g->gtype[i] = (uint8_t)R(T_NTYPES);
    /* constants (written below, after the code: the count is needed first) */
    uint8_t *cpool = calloc(1, 16384);
    int want = (int)R(MAX_CONSTS);
    uint32_t cat = 4 + 4 * (uint32_t)want;
    for (int k = 0; k < want; k++) {
        svbc_write_i32(cpool + 4 + 4 * k, (int32_t)cat);
        cat = put_const(g, cpool, cat);
    }
    svbc_write_i32(cpool, want);
    /* function signatures, then the bodies; the entry first or last */
    g->nfun = 1 + (int)R(MAX_FUN);
    for (int f = 0; f < g->nfun; f++) {
        fun_t *fn = &g->fun[f];
        fn->label = new_label(g);
        fn->arity = (uint8_t)(1 + R(4));
        fn->nfree = (uint8_t)R(4);
        fn->ret = (uint8_t)R(T_NTYPES);
        for (int i = 0; i < 4; i++)
            fn->arg[i] = (uint8_t)R(T_NTYPES);
        for (int i = 0; i < 3; i++)
            fn->free[i] = (uint8_t)R(T_NTYPES);
    }
    int lentry = new_label(g), entry_first = (int)R(2);
    if (entry_first)
        entry(g, lentry);
    uint32_t per = g->budget / (uint32_t)(g->nfun + 1);
    for (int f = 0; f < g->nfun; f++) {
        g->budget = g->len + per;
        body(g, f);
    }
    if (!entry_first) {
        g->budget = g->len + per;
        entry(g, lentry);
    }
    for (int i = 0; i < g->nfix; i++) {
        uint32_t to = g->label_pos[g->fix[i].label];
        if (to == UINT32_MAX)
            abort(); /* a label never placed: a generator bug */
        svbc_write_i32(g->code + g->fix[i].at, (int32_t)(to - g->fix[i].insn));
    }

    /* the image: header, 3 sections, CODE, CONST, MANIFEST */
    uint32_t code_off = SVIMG_HEADER_SIZE + 3 * SVIMG_SECT_ENTRY_SIZE;
    uint32_t const_off = (code_off + g->len + 3) & ~3u;
    uint32_t man_off = (const_off + cat + 3) & ~3u, size = man_off + SVIMG_MANIFEST_SIZE;
    if (size > IMAGEGEN_MAX_IMAGE)
        abort();
    memset(buf, 0, size);
    memcpy(buf, SVIMG_MAGIC, 4);
    svbc_write_u16(buf + SVIMG_OFF_MAJOR, SVIMG_FORMAT_MAJOR);
    svbc_write_u16(buf + SVIMG_OFF_MINOR, SVIMG_FORMAT_MINOR);
    buf[SVIMG_OFF_WORDSIZE] = SVIMG_WORD_SIZE;
    buf[SVIMG_OFF_HDRSIZE] = SVIMG_HEADER_SIZE;
    svbc_write_u16(buf + SVIMG_OFF_NSECT, 3);
    svbc_write_i32(buf + SVIMG_OFF_SIZE, (int32_t)size);
    const uint32_t sect[3][3] = {{SVIMG_SECT_CODE, code_off, g->len},
                                 {SVIMG_SECT_CONST, const_off, cat},
                                 {SVIMG_SECT_MANIFEST, man_off, SVIMG_MANIFEST_SIZE}};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            svbc_write_i32(buf + SVIMG_HEADER_SIZE + 16 * i + 4 * j, (int32_t)sect[i][j]);
    memcpy(buf + code_off, g->code, g->len);
    memcpy(buf + const_off, cpool, cat);
    uint8_t *m = buf + man_off;
    memcpy(m + SVMF_OFF_NAME, "gen", 3);
    m[SVMF_OFF_PRIORITY] = (uint8_t)R(256);
    m[SVMF_OFF_POLICY] = (uint8_t)R(3);
    int ndev = (int)R(4);
    m[SVMF_OFF_NDEVICES] = (uint8_t)ndev;
    for (int i = 0; i < ndev; i++) /* distinct: consecutive entries of the board's list */
        memcpy(m + SVMF_OFF_DEVICES + 16 * i, devices[i + 2], strlen(devices[i + 2]));
    svbc_write_i32(m + SVMF_OFF_HEAP, (int32_t)(4096 + 8 * R(4096)));
    svbc_write_i32(m + SVMF_OFF_STACK, (int32_t)(1024 + 4 * R(1024)));
    svbc_write_u16(m + SVMF_OFF_CONTEXTS, (uint16_t)(1 + R(R(4) ? 8 : 256)));
    svbc_write_u16(m + SVMF_OFF_CHANNELS, (uint16_t)R(32));
    svbc_write_i32(m + SVMF_OFF_ENTRY, (int32_t)g->label_pos[lentry]);
    svbc_write_i32(m + SVMF_OFF_GLOBALS, g->nglobals);
    svbc_write_i32(m + SVMF_OFF_HEARTBEAT, (int32_t)(R(4) ? 0 : R(100)));
    svbc_write_i32(m + SVMF_OFF_FUEL, (int32_t)(R(2) ? 0 : 1 + R(5000)));
    svimg_seal(buf, size);
    free(cpool);
    free(g);
    return size;
}
