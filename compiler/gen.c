/* SPDX-License-Identifier: MIT
 * gen.c — CAM code generation (assembly text for senseasm, isa.md §7) from the typed AST:
 * flat closures, known calls (call/tailcall), tail calls everywhere, primitives inline,
 * fused compare-and-branch; functions and the module initialiser. Pattern matching is
 * match.c's, format strings printf.c's, the text-level clean-up peephole.c's; all emit
 * through emit.c (cg.h, which states the frame invariant).
 */
#include <stdlib.h>
#include <string.h>
#include "cg.h"
#include "match.h"
#include "peephole.h"
#include "printf.h"

/* ------------------------------------------------------------------ closures */
static struct fn *enqueue_fn(struct fn *f)
{
    if (!f->label)
        f->label = newlabel();
    vpush(&cg.queue, f);
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
        if (m > 255)
            fatal_at(f->loc, "too many free variables (more than 504)");
        for (int i = n - 1; i >= 249; i--) {
            var_t *v = f->fv.v[i];
            if (pending)
                for (int k = 0; k < pending->n; k++)
                    if (pending->v[k] == v)
                        fatal_at(f->loc, "too many free variables in a recursive definition");
            load_var(v, f->loc);
            if (i > 249)
                push();
        }
        emit("%s 0, %d", OPN(makeblock), m);
        cg.depth -= m - 1;
        push();
        for (int i = 248; i >= 0; i--) {
            var_t *v = f->fv.v[i];
            int pend = 0;
            if (pending)
                for (int k = 0; k < pending->n; k++)
                    if (pending->v[k] == v)
                        pend = 1;
            if (pend)
                emit("%s 0", OPN(quote));
            else
                load_var(v, f->loc);
            if (i > 0)
                push();
        }
        emit("%s %s, %d, %d", OPN(cur), f->label, f->arity, 250);
        cg.depth -= 249;
        return;
    }
    for (int i = n - 1; i >= 0; i--) {
        var_t *v = f->fv.v[i];
        int pend = 0;
        if (pending)
            for (int k = 0; k < pending->n; k++)
                if (pending->v[k] == v)
                    pend = 1;
        if (pend)
            emit("%s 0", OPN(quote));
        else
            load_var(v, f->loc);
        if (i > 0)
            push();
    }
    /* n <= 250 here: larger environments took the branch above */
    emit("%s %s, %d, %d", OPN(cur), f->label, f->arity, n);
    if (n > 1)
        cg.depth -= n - 1;
}

/* ------------------------------------------------------------------ expressions */
static void gexpr(expr_t *e, int tail);
static void ret(int tail)
{
    if (tail)
        emit("%s %d", OPN(return ), cg.depth);
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
        if (!simple_expr(args[i]))
            simple = 0;
    if (simple) {
        for (int i = 0; i < n; i++) {
            gexpr(args[i], 0);
            if (i < n - 1)
                push();
        }
        return;
    }
    if (n == 1) {
        gexpr(args[0], 0);
        return;
    }
    if (n == 2 && (simple_expr(args[0]) || args[0]->kind == E_FUN || args[0]->kind == E_FUNCTION ||
                   (args[0]->kind == E_VAR && args[0]->var && args[0]->var->kind == V_GVAL))) {
        /* a constant, a variable (a global's value cannot change while the other argument
         * is evaluated) or a closure: nothing to observe in the order, so evaluate it
         * first, and no swap is needed */
        gexpr(args[0], 0);
        push();
        gexpr(args[1], 0);
        return;
    }
    if (n == 2) {
        gexpr(args[1], 0);
        push();
        gexpr(args[0], 0);
        emit("%s", OPN(swap));
        return;
    }
    int base = cg.depth;
    for (int i = n - 1; i >= 0; i--) {
        gexpr(args[i], 0);
        push();
    }
    /* arg i is at frame position base + (n-1-i) */
    for (int i = 0; i < n; i++) {
        emit("%s %d", OPN(acc), cg.depth - 1 - (base + n - 1 - i));
        if (i < n - 1)
            push();
    }
    /* stack: temporaries (n) then n-1 pushed copies */
    (void)base;
}
/* after svc with n args in svc_args's non-simple n>2 mode, drop the temporaries */
static int svc_args_temps(expr_t **args, int n)
{
    for (int i = 0; i < n; i++)
        if (!simple_expr(args[i]))
            return n > 2 ? n : 0;
    return 0;
}
static void do_svc(svbc_service_t s, expr_t **args, int n)
{
    int temps = svc_args_temps(args, n);
    svc_args(args, n);
    emit_svc(s);
    if (n > 1)
        cg.depth -= n - 1;
    popn(temps);
}

/* a[0].(a[1]) <- a[2] for a 3-operand store (bytesset, arrayset): right to left, as
 * OCaml's bytecode evaluates arguments; the store pops the two pushed operands */
static void set3(expr_t **a, svbc_opcode_t op)
{
    gexpr(a[2], 0);
    push();
    gexpr(a[1], 0);
    push();
    gexpr(a[0], 0);
    emit("%s", OPNAME(op));
    cg.depth -= 2;
}

static void binop(expr_t *a, expr_t *b, svbc_opcode_t op)
{
    if (simple_expr(b) && a->kind == E_APP && a->a->kind == E_VAR && a->a->var &&
        a->a->var->kind == V_PRIM) {
        /* a long left-nested chain (v0 + v1 + ... + vn): evaluate the left operand first
         * so temporaries do not pile up; b is pure, so the order is not observable */
        gexpr(a, 0);
        push();
        gexpr(b, 0);
        /* A op S0 = S0 op A for the commutative integer operations: no swap needed */
        if (op != SVBC_OP_addint && op != SVBC_OP_mulint && op != SVBC_OP_andint &&
            op != SVBC_OP_orint && op != SVBC_OP_xorint && op != SVBC_OP_eq && op != SVBC_OP_ne)
            emit("%s", OPN(swap));
        emit("%s", OPNAME(op));
        cg.depth--;
        return;
    }
    gexpr(b, 0);
    push();
    gexpr(a, 0);
    emit("%s", OPNAME(op));
    cg.depth--;
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
    if (u & 0x40000000UL)
        return (long)u - 0x80000000L;
    return (long)u;
}

static void cjump_false(expr_t *e, const char *lf);
static void cjump_true(expr_t *e, const char *lt);

static int cmp_prim(int p)
{
    return p == PR_EQ || p == PR_NE || p == PR_LT || p == PR_LE || p == PR_GT || p == PR_GE ||
           p == PR_PHYS_EQ || p == PR_PHYS_NE;
}

/* comparisons: produce a bool in A */
static void compare_value(int p, expr_t *a, expr_t *b)
{
    type_t *t = a->ty;
    if (p == PR_PHYS_EQ || p == PR_PHYS_NE) {
        binop(a, b, p == PR_PHYS_EQ ? SVBC_OP_eq : SVBC_OP_ne);
        return;
    }
    if (is_immediate(t)) {
        static const svbc_opcode_t ops[] = {
            [PR_EQ] = SVBC_OP_eq, [PR_NE] = SVBC_OP_ne, [PR_LT] = SVBC_OP_lt,
            [PR_LE] = SVBC_OP_le, [PR_GT] = SVBC_OP_gt, [PR_GE] = SVBC_OP_ge};
        binop(a, b, ops[p]);
        return;
    }
    if (is_float(t)) {
        switch (p) {
        case PR_EQ: binop(a, b, SVBC_OP_eqfloat); return;
        case PR_NE:
            binop(a, b, SVBC_OP_eqfloat);
            emit("%s", OPN(not ));
            return;
        case PR_LT: binop(a, b, SVBC_OP_ltfloat); return;
        case PR_LE: binop(a, b, SVBC_OP_lefloat); return;
        case PR_GT:
            gexpr(b, 0);
            push();
            gexpr(a, 0);
            emit("%s", OPN(swap));
            emit("%s", OPN(ltfloat));
            cg.depth--;
            return;
        case PR_GE:
            gexpr(b, 0);
            push();
            gexpr(a, 0);
            emit("%s", OPN(swap));
            emit("%s", OPN(lefloat));
            cg.depth--;
            return;
        }
    }
    static const svbc_opcode_t pops[] = {
        [PR_EQ] = SVBC_OP_polyeq, [PR_NE] = SVBC_OP_polyne, [PR_LT] = SVBC_OP_polylt,
        [PR_LE] = SVBC_OP_polyle, [PR_GT] = SVBC_OP_polygt, [PR_GE] = SVBC_OP_polyge};
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

/* x is a local `ref` kept unboxed in its slot (clet) */
static int unboxed_ref(expr_t *x)
{
    return x->kind == E_VAR && x->var && x->var->kind == V_LOCAL && x->var->unboxed &&
           x->var->owner == cg.fn && !x->var->alias;
}
/* slot of unboxed ref v := A; A := () */
static void assign_slot(var_t *v, loc_t l) { emit("%s %d", OPN(assign), slot_offset(v, l)); }

/* the primitives of the library: strings, arrays, input/output and the services */
static int cprim_lib(int p, expr_t **a)
{
    switch (p) {
    case PR_PRINT_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_string);
        return 0;
    case PR_PRINT_INT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_int);
        return 0;
    case PR_PRINT_CHAR:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_char);
        return 0;
    case PR_PRINT_FLOAT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_string_of_float);
        emit_svc(SVBC_SVC_print_string);
        return 0;
    case PR_PRINT_ENDLINE:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_string);
        emit("%s 10", OPN(quote));
        emit_svc(SVBC_SVC_print_char);
        return 0;
    case PR_PRINT_NEWLINE:
        gexpr(a[0], 0);
        emit("%s 10", OPN(quote));
        emit_svc(SVBC_SVC_print_char);
        emit_svc(SVBC_SVC_flush);
        return 0;
    case PR_PRERR_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_err);
        return 0;
    case PR_PRERR_ENDLINE:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_print_err);
        emit_const_cstr("\n");
        emit_svc(SVBC_SVC_print_err);
        return 0;
    case PR_STRING_OF_INT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_string_of_int);
        return 0;
    case PR_INT_OF_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_int_of_string);
        return 0;
    case PR_STRING_OF_FLOAT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_string_of_float);
        return 0;
    case PR_FLOAT_OF_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_of_string);
        return 0;
    case PR_FLOAT_OF_INT:
    case PR_FLOAT:
        gexpr(a[0], 0);
        emit("%s", OPN(floatofint));
        return 0;
    case PR_INT_OF_FLOAT:
    case PR_TRUNCATE:
        gexpr(a[0], 0);
        emit("%s", OPN(intoffloat));
        return 0;
    case PR_INT_OF_CHAR:
    case PR_CHAR_CODE:
    case PR_CHAR_UNSAFE_CHR: gexpr(a[0], 0); return 0;
    case PR_SQRT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_sqrt);
        return 0;
    case PR_EXP:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_exp);
        return 0;
    case PR_LOG:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_log);
        return 0;
    case PR_SIN:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_sin);
        return 0;
    case PR_COS:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_cos);
        return 0;
    case PR_FLOOR:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_floor);
        return 0;
    case PR_CEIL:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_ceil);
        return 0;
    case PR_ABS_FLOAT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_float_abs);
        return 0;
    case PR_MOD_FLOAT: do_svc(SVBC_SVC_float_mod, a, 2); return 0;
    case PR_STRING_LENGTH:
    case PR_BYTES_LENGTH:
        gexpr(a[0], 0);
        emit("%s", OPN(strlen));
        return 0;
    case PR_STRING_GET:
    case PR_STRING_UNSAFE_GET:
    case PR_BYTES_GET: binop(a[0], a[1], SVBC_OP_strget); return 0;
    case PR_BYTES_SET: set3(a, SVBC_OP_bytesset); return 0;
    case PR_BYTES_CREATE:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_bytes_create);
        return 0;
    case PR_BYTES_MAKE: binop(a[0], a[1], SVBC_OP_bytesmake); return 0;
    case PR_STRING_MAKE:
        binop(a[0], a[1], SVBC_OP_bytesmake);
        emit_svc(SVBC_SVC_bytes_to_string);
        return 0;
    case PR_BYTES_TO_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_bytes_to_string);
        return 0;
    case PR_BYTES_OF_STRING:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_string_to_bytes);
        return 0;
    case PR_STRING_EQUAL: do_svc(SVBC_SVC_string_equal, a, 2); return 0;
    case PR_STRING_COMPARE: do_svc(SVBC_SVC_string_compare, a, 2); return 0;
    case PR_STRING_SUB: do_svc(SVBC_SVC_string_sub, a, 3); return 0;
    case PR_ARRAY_GET:
    case PR_ARRAY_UNSAFE_GET: binop(a[0], a[1], SVBC_OP_arrayget); return 0;
    case PR_ARRAY_SET:
    case PR_ARRAY_UNSAFE_SET: set3(a, SVBC_OP_arrayset); return 0;
    case PR_ARRAY_LENGTH:
        gexpr(a[0], 0);
        emit("%s", OPN(arraylen));
        return 0;
    case PR_ARRAY_MAKE: binop(a[0], a[1], SVBC_OP_makearray); return 0;
    case PR_ARRAY_CREATE_FLOAT:
        emit("%s 0.0", OPN(const));
        push();
        gexpr(a[0], 0);
        emit("%s", OPN(makearray));
        cg.depth--;
        return 0;
    case PR_ARRAY_SUB: do_svc(SVBC_SVC_array_sub, a, 3); return 0;
    case PR_ARRAY_BLIT_RAW: do_svc(SVBC_SVC_array_blit, a, 5); return 0;
    case PR_BYTES_BLIT_RAW:
    case PR_BYTES_BLIT_STRING_RAW: do_svc(SVBC_SVC_bytes_blit, a, 5); return 0;
    case PR_HASH:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_hash);
        return 0;
    case PR_FLUSH_STDOUT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_flush);
        return 0;
    case PR_MAGIC:
    case PR_THREAD_ID: gexpr(a[0], 0); return 0;
    case PR_THREAD_CREATE: do_svc(SVBC_SVC_thread_create, a, 2); return 0;
    case PR_THREAD_YIELD: do_svc(SVBC_SVC_thread_yield, a, 1); return 0;
    case PR_THREAD_SELF: do_svc(SVBC_SVC_thread_self, a, 1); return 0;
    case PR_EV_NEW_CHANNEL: do_svc(SVBC_SVC_chan_new, a, 1); return 0;
    case PR_EV_SEND: do_svc(SVBC_SVC_ev_send, a, 2); return 0;
    case PR_EV_RECEIVE: do_svc(SVBC_SVC_ev_receive, a, 1); return 0;
    case PR_EV_ALWAYS: do_svc(SVBC_SVC_ev_always, a, 1); return 0;
    case PR_EV_CHOOSE: do_svc(SVBC_SVC_ev_choose, a, 1); return 0;
    case PR_EV_WRAP: do_svc(SVBC_SVC_ev_wrap, a, 2); return 0;
    case PR_EV_SYNC_RAW: do_svc(SVBC_SVC_ev_sync, a, 1); return 0;
    case PR_EV_POLL_RAW: do_svc(SVBC_SVC_ev_poll, a, 1); return 0;
    case PR_SLEEP_NS: do_svc(SVBC_SVC_sleep_ns, a, 1); return 0;
    case PR_SLEEP_US: do_svc(SVBC_SVC_sleep_us, a, 1); return 0;
    case PR_SLEEP_MS: do_svc(SVBC_SVC_sleep_ms, a, 1); return 0;
    case PR_TIME_MS: do_svc(SVBC_SVC_time_ms, a, 1); return 0;
    case PR_TIME_US: do_svc(SVBC_SVC_time_us, a, 1); return 0;
    case PR_SLEEP_UNTIL_MS: do_svc(SVBC_SVC_sleep_until_ms, a, 1); return 0;
    case PR_EV_AFTER: do_svc(SVBC_SVC_ev_after, a, 1); return 0;
    case PR_PROGRESS: do_svc(SVBC_SVC_progress, a, 1); return 0;
    case PR_MONITOR_COUNT: do_svc(SVBC_SVC_monitor_count, a, 1); return 0;
    case PR_DEV_WRITE: do_svc(SVBC_SVC_dev_write, a, 2); return 0;
    case PR_DEV_READ: do_svc(SVBC_SVC_dev_read, a, 1); return 0;
    case PR_DEV_EVENT: do_svc(SVBC_SVC_dev_event, a, 1); return 0;
    case PR_XSEND: do_svc(SVBC_SVC_xchan_send, a, 2); return 0;
    case PR_XRECEIVE: do_svc(SVBC_SVC_xchan_receive, a, 1); return 0;
    case PR_ARGV: do_svc(SVBC_SVC_argv, a, 1); return 0;
    }
    ICE();
}

/* a primitive applied to exactly its arity of arguments a (e: the application); returns 1
 * if it emitted `return` or a raise (tail), 0 if its value is in A */
static int cprim(int p, expr_t **a, expr_t *e, int tail)
{
    long x, y;
    switch (p) {
    case PR_ADD:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) {
            emit("%s %ld", OPN(quote), wrap31(x + y));
            return 0;
        }
        if (fold_int(a[1], &y)) {
            gexpr(a[0], 0);
            if (y)
                emit("%s %ld", OPN(addimm), y);
            return 0;
        }
        if (fold_int(a[0], &x)) {
            gexpr(a[1], 0);
            if (x)
                emit("%s %ld", OPN(addimm), x);
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_addint);
        return 0;
    case PR_SUB:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) {
            emit("%s %ld", OPN(quote), wrap31(x - y));
            return 0;
        }
        if (fold_int(a[1], &y) && y != -0x40000000L) {
            gexpr(a[0], 0);
            if (y)
                emit("%s %ld", OPN(addimm), -y);
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_subint);
        return 0;
    case PR_MUL:
        if (fold_int(a[0], &x) && fold_int(a[1], &y)) {
            emit("%s %ld", OPN(quote), wrap31((long)((unsigned long)x * (unsigned long)y)));
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_mulint);
        return 0;
    case PR_DIV:
        if (fold_int(a[0], &x) && fold_int(a[1], &y) && y != 0 && !(x == -0x40000000L && y == -1)) {
            emit("%s %ld", OPN(quote), x / y);
            return 0;
        }
        if (fold_int(a[1], &y) && y != 0) {
            gexpr(a[0], 0);
            emit("%s %ld", OPN(divimm), y);
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_divint);
        return 0;
    case PR_MOD:
        if (fold_int(a[0], &x) && fold_int(a[1], &y) && y != 0 && y != -1) {
            emit("%s %ld", OPN(quote), x % y);
            return 0;
        }
        if (fold_int(a[1], &y) && y != 0) {
            gexpr(a[0], 0);
            emit("%s %ld", OPN(modimm), y);
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_modint);
        return 0;
    case PR_LAND: binop(a[0], a[1], SVBC_OP_andint); return 0;
    case PR_LOR: binop(a[0], a[1], SVBC_OP_orint); return 0;
    case PR_LXOR: binop(a[0], a[1], SVBC_OP_xorint); return 0;
    case PR_LSL: binop(a[0], a[1], SVBC_OP_lslint); return 0;
    case PR_LSR: binop(a[0], a[1], SVBC_OP_lsrint); return 0;
    case PR_ASR: binop(a[0], a[1], SVBC_OP_asrint); return 0;
    case PR_NEG:
        if (fold_int(a[0], &x)) {
            emit("%s %ld", OPN(quote), wrap31(-x));
            return 0;
        }
        gexpr(a[0], 0);
        emit("%s", OPN(negint));
        return 0;
    case PR_SUCC:
        gexpr(a[0], 0);
        emit("%s 1", OPN(addimm));
        return 0;
    case PR_PRED:
        gexpr(a[0], 0);
        emit("%s -1", OPN(addimm));
        return 0;
    case PR_FADD: binop(a[0], a[1], SVBC_OP_addfloat); return 0;
    case PR_FSUB: binop(a[0], a[1], SVBC_OP_subfloat); return 0;
    case PR_FMUL: binop(a[0], a[1], SVBC_OP_mulfloat); return 0;
    case PR_FDIV: binop(a[0], a[1], SVBC_OP_divfloat); return 0;
    case PR_FNEG:
        gexpr(a[0], 0);
        emit("%s", OPN(negfloat));
        return 0;
    case PR_FPOW: do_svc(SVBC_SVC_float_pow, a, 2); return 0;
    case PR_EQ:
    case PR_NE:
    case PR_LT:
    case PR_LE:
    case PR_GT:
    case PR_GE:
    case PR_PHYS_EQ:
    case PR_PHYS_NE: compare_value(p, a[0], a[1]); return 0;
    case PR_COMPARE: binop(a[0], a[1], SVBC_OP_polycmp); return 0;
    case PR_NOT:
        gexpr(a[0], 0);
        emit("%s", OPN(not ));
        return 0;
    case PR_STRCAT:
        if (a[0]->kind == E_STRING && a[1]->kind == E_STRING) {
            char *cat = xalloc((size_t)(a[0]->slen + a[1]->slen + 1));
            memcpy(cat, a[0]->sval, (size_t)a[0]->slen);
            memcpy(cat + a[0]->slen, a[1]->sval, (size_t)a[1]->slen);
            emit_const_string(cat, a[0]->slen + a[1]->slen);
            return 0;
        }
        binop(a[0], a[1], SVBC_OP_strcat);
        return 0;
    case PR_REF:
        gexpr(a[0], 0);
        emit("%s 0, 1", OPN(makeblock));
        return 0;
    case PR_DEREF:
        if (unboxed_ref(a[0])) {
            gexpr(a[0], 0);
            return 0;
        } /* the slot holds the contents */
        gexpr(a[0], 0);
        emit("%s 0", OPN(field));
        return 0;
    case PR_ASSIGN:
        if (unboxed_ref(a[0])) {
            gexpr(a[1], 0);
            assign_slot(a[0]->var, a[0]->loc);
            return 0;
        }
        gexpr(a[1], 0);
        push();
        gexpr(a[0], 0);
        emit("%s 0", OPN(setfield));
        cg.depth--;
        return 0;
    case PR_INCR:
    case PR_DECR:
        if (unboxed_ref(a[0])) {
            gexpr(a[0], 0);
            emit("%s %d", OPN(addimm), p == PR_INCR ? 1 : -1);
            assign_slot(a[0]->var, a[0]->loc);
            return 0;
        }
        gexpr(a[0], 0);
        push();
        emit("%s 0", OPN(field));
        emit("%s %d", OPN(addimm), p == PR_INCR ? 1 : -1);
        emit("%s", OPN(swap));
        emit("%s 0", OPN(setfield));
        cg.depth--;
        return 0;
    case PR_FST:
        gexpr(a[0], 0);
        emit("%s 0", OPN(field));
        return 0;
    case PR_SND:
        gexpr(a[0], 0);
        emit("%s 1", OPN(field));
        return 0;
    case PR_IGNORE:
        gexpr(a[0], 0);
        emit("%s 0", OPN(quote));
        return 0;
    case PR_RAISE:
        gexpr(a[0], 0);
        emit("%s", OPN(raise));
        return 1;
    case PR_FAILWITH:
    case PR_INVALID_ARG:
        gexpr(a[0], 0);
        push();
        emit_const_cstr(p == PR_FAILWITH ? "Failure" : "Invalid_argument");
        emit("%s 248, 2", OPN(makeblock));
        cg.depth--;
        emit("%s", OPN(raise));
        return 1;
    case PR_EXIT:
        gexpr(a[0], 0);
        emit_svc(SVBC_SVC_exit);
        return 0;
    case PR_PIPE: capp(mk_app2(a[1], a[0], e->loc), tail); return 1;
    case PR_ATAT: capp(mk_app2(a[0], a[1], e->loc), tail); return 1;
    default: return cprim_lib(p, a);
    }
    ICE();
}

/* applications */
/* the stdlib function `sym` (or its primitive prim) applied to exactly n arguments */
static int is_call_of(expr_t *e, const char *sym, int prim, int n)
{
    while (e->kind == E_CONSTRAINT)
        e = e->a;
    if (e->kind != E_APP || e->n != n || e->a->kind != E_VAR || !e->a->var)
        return 0;
    var_t *v = e->a->var;
    return (v->kind == V_GFUN && v->sym && !strcmp(v->sym, sym)) ||
           (v->kind == V_PRIM && v->prim == prim);
}

static void capp(expr_t *e, int tail)
{
    expr_t *h = e->a;
    int n = e->n;
    var_t *v = (h->kind == E_VAR) ? h->var : NULL;
    /* Event.sync (Event.send c x) / Event.sync (Event.receive c): one service each, no
     * event block (ev_send_sync / ev_receive_sync; the same evaluation order) */
    if (v && v->kind == V_GFUN && n == 1 && !strcmp(v->sym, "Event.sync")) {
        expr_t *a0 = e->args[0];
        while (a0->kind == E_CONSTRAINT)
            a0 = a0->a;
        if (is_call_of(a0, "Event.send", PR_EV_SEND, 2)) {
            do_svc(SVBC_SVC_ev_send_sync, a0->args, 2);
            ret(tail);
            return;
        }
        if (is_call_of(a0, "Event.receive", PR_EV_RECEIVE, 1)) {
            do_svc(SVBC_SVC_ev_receive_sync, a0->args, 1);
            ret(tail);
            return;
        }
    }
    if (v && v->kind == V_PRIM && n >= v->arity) {
        int extra = n - v->arity;
        for (int i = n - 1; i >= v->arity; i--) {
            gexpr(e->args[i], 0);
            push();
        }
        int done = cprim(v->prim, e->args, e, extra ? 0 : tail);
        if (extra) {
            emit_app(extra, tail, cg.depth - extra);
            return;
        }
        if (!done)
            ret(tail);
        return;
    }
    int known = v && ((v->kind == V_GFUN && v->arity > 0) || (v->kind == V_LOCAL && v->fn)) &&
                n >= v->arity;
    int frame = cg.depth;
    for (int i = n - 1; i >= 0; i--) {
        gexpr(e->args[i], 0);
        push();
    }
    if (known) {
        const char *lab;
        int k = v->arity, extra = n - k, fold_push = 0;
        if (v->kind == V_GFUN) {
            lab = v->sym;
            ref_sym(lab);
            /* a closed function never reads EP: fold the last argument's push into the
             * call (pushcall/pushtailcall, EP := that argument) instead of quote 0 */
            if (take_back_push())
                fold_push = 1;
            else
                emit("%s 0", OPN(quote));
        } else {
            load_var(v, h->loc);
            lab = v->fn->label ? v->fn->label : (v->fn->label = newlabel());
        }
        if (extra == 0 && tail) {
            emit("%s %s, %d, %d", fold_push ? OPN(pushtailcall) : OPN(tailcall), lab, k, frame);
            cg.depth = frame;
            return;
        }
        emit("%s %s, %d", fold_push ? OPN(pushcall) : OPN(call), lab, k);
        cg.depth -= k;
        if (extra) {
            emit_app(extra, tail, frame);
            if (tail)
                return;
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
    if (e->kind != E_APP || e->a->kind != E_VAR || !e->a->var || e->a->var->kind != V_PRIM)
        return -1;
    *arity = e->a->var->arity;
    if (e->n != *arity)
        return -1;
    return e->a->var->prim;
}

static int const_bool(expr_t *e)
{
    if (e->kind == E_CONSTR && e->con && !e->con->is_exn && e->n == 0 && e->con->owner &&
        !strcmp(e->con->owner->name, "bool"))
        return e->con->tag;
    return -1;
}

/* The variant of the register-register branch rr (beq..bge) in a family listed in the
 * order eq, ne, lt, le, gt, ge (the b<cmp>imm or b<cmp>acc rows); mirrored (operands
 * swapped: lt <-> gt, le <-> ge) when side is 1. 0 if rr is not a compare branch. */
static svbc_opcode_t cmp_variant(svbc_opcode_t rr, int side, const svbc_opcode_t fam[6])
{
    static const svbc_opcode_t rrs[6] = {SVBC_OP_beq, SVBC_OP_bne, SVBC_OP_blt,
                                         SVBC_OP_ble, SVBC_OP_bgt, SVBC_OP_bge};
    static const int mirror[6] = {0, 1, 4, 5, 2, 3};
    for (int i = 0; i < 6; i++)
        if (rrs[i] == rr)
            return fam[side ? mirror[i] : i];
    return 0;
}

/* compare with an integer constant: "x OP k" -> x; b<OP>imm k, L (and "k OP x" with the
 * mirrored condition); tab maps the comparison primitive to the register-register branch */
static int cmp_imm(expr_t *e, int p, const svbc_opcode_t *tab, const char *l)
{
    static const svbc_opcode_t fam[6] = {SVBC_OP_beqimm, SVBC_OP_bneimm, SVBC_OP_bltimm,
                                         SVBC_OP_bleimm, SVBC_OP_bgtimm, SVBC_OP_bgeimm};
    long k;
    int side;
    if (fold_int(e->args[1], &k))
        side = 0;
    else if (fold_int(e->args[0], &k))
        side = 1;
    else
        return 0;
    svbc_opcode_t im = cmp_variant(tab[p], side, fam);
    if (!im)
        return 0;
    gexpr(e->args[side ? 1 : 0], 0);
    emit("%s %ld, %s", OPNAME(im), k, l);
    return 1;
}

/* the stack offset of a local that lives in a slot of the current frame, else -1 */
static int local_slot(expr_t *e)
{
    while (e->kind == E_CONSTRAINT)
        e = e->a;
    if (e->kind != E_VAR || !e->var)
        return -1;
    var_t *v = e->var;
    if (v->kind != V_LOCAL || v->owner != cg.fn || v->alias || (v->spill >= 0 && cg.spill_mode))
        return -1;
    int off = cg.depth - 1 - v->pos;
    return off >= 0 && off <= 255 ? off : -1;
}

/* compare with a local in a slot: "e OP x" -> e; b<OP>acc off(x), L (and "x OP e" with the
 * mirrored condition) */
static int cmp_acc(expr_t *e, int p, const svbc_opcode_t *tab, const char *l)
{
    static const svbc_opcode_t fam[6] = {SVBC_OP_beqacc, SVBC_OP_bneacc, SVBC_OP_bltacc,
                                         SVBC_OP_bleacc, SVBC_OP_bgtacc, SVBC_OP_bgeacc};
    int side;
    if (local_slot(e->args[1]) >= 0)
        side = 0;
    else if (local_slot(e->args[0]) >= 0)
        side = 1;
    else
        return 0;
    svbc_opcode_t im = cmp_variant(tab[p], side, fam);
    if (!im)
        return 0;
    gexpr(e->args[side ? 1 : 0], 0);
    emit("%s %d, %s", OPNAME(im), local_slot(e->args[side ? 0 : 1]), l);
    return 1;
}

/* jump to l if boolean e is `sense` (1: true, 0: false), else fall through */
static void cjump(expr_t *e, int sense, const char *l)
{
    static const svbc_opcode_t br[2][PR_COUNT] = {{[PR_EQ] = SVBC_OP_bne,
                                                   [PR_NE] = SVBC_OP_beq,
                                                   [PR_LT] = SVBC_OP_bge,
                                                   [PR_LE] = SVBC_OP_bgt,
                                                   [PR_GT] = SVBC_OP_ble,
                                                   [PR_GE] = SVBC_OP_blt,
                                                   [PR_PHYS_EQ] = SVBC_OP_bne,
                                                   [PR_PHYS_NE] = SVBC_OP_beq},
                                                  {[PR_EQ] = SVBC_OP_beq,
                                                   [PR_NE] = SVBC_OP_bne,
                                                   [PR_LT] = SVBC_OP_blt,
                                                   [PR_LE] = SVBC_OP_ble,
                                                   [PR_GT] = SVBC_OP_bgt,
                                                   [PR_GE] = SVBC_OP_bge,
                                                   [PR_PHYS_EQ] = SVBC_OP_beq,
                                                   [PR_PHYS_NE] = SVBC_OP_bne}};
    int cb = const_bool(e);
    if (cb == sense) {
        emit("%s %s", OPN(branch), l);
        return;
    }
    if (cb == !sense)
        return;
    int ar, p = prim_of(e, &ar);
    if (p >= 0 && cmp_prim(p) &&
        (is_immediate(e->args[0]->ty) || p == PR_PHYS_EQ || p == PR_PHYS_NE)) {
        const svbc_opcode_t *tab = br[sense];
        if (cmp_imm(e, p, tab, l) || cmp_acc(e, p, tab, l))
            return;
        gexpr(e->args[1], 0);
        push();
        gexpr(e->args[0], 0);
        emit("%s %s", OPNAME(tab[p]), l);
        cg.depth--;
        return;
    }
    if (p == PR_NOT) {
        cjump(e->args[0], !sense, l);
        return;
    }
    /* a && b jumps if false when either is; a || b jumps if true when either is */
    if (e->kind == (sense ? E_OR : E_AND)) {
        cjump(e->a, sense, l);
        cjump(e->b, sense, l);
        return;
    }
    if (e->kind == (sense ? E_AND : E_OR)) {
        const char *lo = newlabel();
        cjump(e->a, !sense, lo);
        cjump(e->b, sense, l);
        label(lo);
        return;
    }
    gexpr(e, 0);
    emit("%s %s", sense ? OPN(branchif) : OPN(branchifnot), l);
}
static void cjump_false(expr_t *e, const char *lf) { cjump(e, 0, lf); }
static void cjump_true(expr_t *e, const char *lt) { cjump(e, 1, lt); }

/* ------------------------------------------------------------------ match, printf */
static const match_hooks_t match_hooks = {gexpr, cjump_false};
static void cmatch(expr_t *scrut, mcase_t **cases, int n, int tail, int reraise, loc_t l, int in_A)
{
    match_compile(&match_hooks, scrut, cases, n, tail, reraise, l, in_A);
}

static void cprintf(expr_t *e, int tail)
{
    int k = e->n, chanpos = -1;
    if (e->b) { /* the output channel */
        gexpr(e->b, 0);
        push();
        chanpos = cg.depth - 1;
    }
    int base = cg.depth;
    for (int i = k - 1; i >= 0; i--) {
        gexpr(e->args[i], 0);
        push();
    }
    printf_emit(e->a->sval, e->a->slen, e->pf_kind, base, k, chanpos);
    popn(k + (e->b != NULL));
    ret(tail);
}

/* The symbol of a local function's or a closure's body, before its `$cN` suffix: the name
 * OCaml gives its frames (backtraces), spelt as a label. A local function `let k x = …` in
 * M.f is M.f.k (M.k at the top level); an anonymous function is OCaml's M.f.(fun), spelt
 * M.f.$f; a function that is its parent's whole body (`let f x = function …`, curried)
 * is merged into it, as OCaml does. svimg_format_frame (bytecode-spec) turns these back. */
static vec_t fn_names; /* struct fn*, then its local name: pairs */

static void name_local_fn(expr_t *rhs, const char *name)
{
    /* an operator `let ( + ) a b = …` is no label: it keeps the anonymous function's name */
    if (!name || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'") !=
                     strlen(name))
        return;
    while (rhs->kind == E_CONSTRAINT)
        rhs = rhs->a;
    if ((rhs->kind == E_FUN || rhs->kind == E_FUNCTION) && rhs->fn) {
        vpush(&fn_names, rhs->fn);
        vpush(&fn_names, (void *)name);
    }
}

static const char *frame_name(const struct fn *f)
{
    if (!f)
        return cg.modname; /* the initialiser's frames are OCaml's "M" */
    if (f->label[0] != '.') {
        size_t n = strlen(f->label);
        return n > 7 && !strcmp(f->label + n - 7, ".__init") ? cg.modname : f->label;
    }
    for (int i = fn_names.n - 2; i >= 0; i -= 2)
        if (fn_names.v[i] == f)
            return xfmt("%s.%s", frame_name(f->parent), (char *)fn_names.v[i + 1]);
    const expr_t *pb = f->parent ? f->parent->body : NULL;
    while (pb && pb->kind == E_CONSTRAINT)
        pb = pb->a;
    if (pb && (pb->kind == E_FUN || pb->kind == E_FUNCTION) && pb->fn == f)
        return frame_name(f->parent);
    return xfmt("%s.$f", frame_name(f->parent));
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
    while (p->kind == P_CONSTRAINT)
        p = p->sub[0];
    if (p->kind == P_VAR) {
        /* `let x = ref e` where x does not escape (typer: only `!x`, `x := e`, `incr x`,
         * `decr x` in this function): the slot holds the contents, no block */
        expr_t *init = b->e;
        while (init->kind == E_CONSTRAINT)
            init = init->a;
        int unboxed = !cg.spill_mode && !p->var->escapes && init->kind == E_APP && init->n == 1 &&
                      init->a->kind == E_VAR && init->a->var && init->a->var->kind == V_PRIM &&
                      init->a->var->prim == PR_REF;
        p->var->unboxed = 0;
        name_local_fn(b->e, p->var->name);
        gexpr(unboxed ? init->args[0] : b->e, 0);
        if (cg.spill_mode) {
            p->var->spill = cg.nspill++;
            push();
            emit("%s %d", OPN(quote), p->var->spill);
            push();
            emit("%s %d", OPN(acc), cg.depth - 1 - cg.spill_pos);
            emit("%s", OPN(arrayset));
            cg.depth -= 2;
            clet(e, i + 1, tail);
            return;
        }
        p->var->spill = -1;
        push();
        p->var->pos = cg.depth - 1;
        p->var->unboxed = unboxed;
        clet(e, i + 1, tail);
        if (!tail)
            popn(1);
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
    vec_t pending = {0};
    var_t **vs = xalloc(sizeof(var_t *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        pat_t *p = e->binds[i]->pat;
        while (p->kind == P_CONSTRAINT)
            p = p->sub[0];
        vs[i] = p->var;
        vpush(&pending, vs[i]);
        name_local_fn(e->binds[i]->e, p->var->name);
    }
    for (int i = 0; i < n; i++) {
        make_closure(vs[i]->fn, &pending);
        push();
        vs[i]->pos = cg.depth - 1;
    }
    for (int i = 0; i < n; i++) {
        struct fn *f = vs[i]->fn;
        for (int j = 0; j < f->fv.n; j++) {
            var_t *v = f->fv.v[j];
            int sib = 0;
            for (int k = 0; k < n; k++)
                if (vs[k] == v)
                    sib = 1;
            if (!sib)
                continue;
            load_var(v, e->loc);
            push();
            load_var(vs[i], e->loc);
            emit("%s %d", OPN(closurepatch), j);
            cg.depth--;
        }
    }
    gexpr(e->a, tail);
    if (!tail)
        popn(n);
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
    emit("%s %d, %d", OPN(makeblock), tag, total);
    cg.depth -= total - 1;
}

static void gexpr_inner(expr_t *e, int tail);
/* in tail position the code returns; the frame depth seen after it is the one before */
static void gexpr(expr_t *e, int tail)
{
    check_nesting(e->loc);
    int d = cg.depth;
    loc_t saved = cg.pos;
    cg.pos = e->loc;
    gexpr_inner(e, tail);
    cg.pos = saved;
    if (tail)
        cg.depth = d;
}

/* compile e for its effect only: its value may be left out of A */
static void geffect(expr_t *e)
{
    cg.discard = 1;
    gexpr(e, 0);
    cg.discard = 0;
}

static void ctry(expr_t *e, int tail)
{
    const char *lh = newlabel(), *lend = newlabel();
    int base = cg.depth;
    emit("%s %s", OPN(pushtrap), lh);
    cg.depth += 3;
    gexpr(e->a, 0);
    emit("%s", OPN(poptrap));
    cg.depth -= 3;
    if (tail)
        emit("%s %d", OPN(return ), cg.depth);
    else
        emit("%s %s", OPN(branch), lend);
    label(lh);
    cg.depth = base;
    cmatch(NULL, e->cases, e->n, tail, 1, e->loc, 1);
    label(lend);
}

static void cif(expr_t *e, int tail, int discard)
{
    const char *lf = newlabel(), *lend = newlabel();
    if (discard && !e->c) { /* if c then e; — no () for the missing else */
        cjump_false(e->a, lend);
        geffect(e->b);
        label(lend);
        return;
    }
    cjump_false(e->a, lf);
    int d = cg.depth;
    cg.discard = discard;
    gexpr(e->b, tail);
    if (!tail)
        emit("%s %s", OPN(branch), lend);
    label(lf);
    cg.depth = d;
    if (e->c) {
        cg.discard = discard;
        gexpr(e->c, tail);
    } else {
        emit("%s 0", OPN(quote));
        ret(tail);
    }
    label(lend);
}

static void cwhile(expr_t *e, int discard)
{
    const char *ltop = newlabel(), *lend = newlabel();
    label(ltop);
    cjump_false(e->a, lend);
    geffect(e->b);
    emit("%s %s", OPN(branch), ltop);
    label(lend);
    if (!discard)
        emit("%s 0", OPN(quote));
}

static void cfor(expr_t *e, int discard)
{
    const char *ltop = newlabel(), *lend = newlabel();
    gexpr(e->a, 0);
    push();
    int ipos = cg.depth - 1;
    if (e->pat->kind == P_VAR)
        e->pat->var->pos = ipos;
    gexpr(e->b, 0);
    push();
    int lpos = cg.depth - 1;
    /* if i > limit (to) / i < limit (downto): skip */
    emit("%s %d", OPN(acc), cg.depth - 1 - ipos);
    emit("%s %d, %s", e->ival ? OPN(bgtacc) : OPN(bltacc), cg.depth - 1 - lpos, lend);
    label(ltop);
    geffect(e->c);
    /* i = limit: done; else step i and loop (one forup/fordown) */
    emit("%s %d, %d, %s", e->ival ? OPN(forup) : OPN(fordown), cg.depth - 1 - ipos,
         cg.depth - 1 - lpos, ltop);
    label(lend);
    popn(2);
    if (!discard)
        emit("%s 0", OPN(quote));
}

static void crecord(expr_t *e)
{
    struct tdecl *d = e->fields[0]->owner;
    int nf = d->fields.n;
    expr_t **vals = xalloc(sizeof(expr_t *) * (size_t)(nf + 1));
    for (int i = 0; i < e->n; i++)
        vals[e->fields[i]->index] = e->args[i];
    int basepos = -1;
    if (e->a) {
        gexpr(e->a, 0);
        push();
        basepos = cg.depth - 1;
    }
    for (int i = nf - 1; i >= 0; i--) {
        if (vals[i])
            gexpr(vals[i], 0);
        else {
            emit("%s %d", OPN(acc), cg.depth - 1 - basepos);
            emit("%s %d", OPN(field), i);
        }
        if (i > 0)
            push();
    }
    emit("%s 0, %d", OPN(makeblock), nf);
    cg.depth -= nf - 1;
    if (e->a)
        popn(1);
}

/* a literal longer than this fills an array made first: the elements on the stack (for one
 * arrayn) would exceed a frame's 255 slots */
#define ARRAY_LIT_ON_STACK 64
static void carray(expr_t *e)
{
    if (e->n > ARRAY_LIT_ON_STACK) { /* right to left, as arrayn's */
        gexpr(e->args[e->n - 1], 0);
        push();
        emit("%s %d", OPN(quote), e->n);
        emit("%s", OPN(makearray));
        cg.depth--;
        push();
        int apos = cg.depth - 1;
        for (int i = e->n - 2; i >= 0; i--) {
            gexpr(e->args[i], 0);
            push();
            emit("%s %d", OPN(quote), i);
            push();
            emit("%s %d", OPN(acc), cg.depth - 1 - apos);
            emit("%s", OPN(arrayset));
            cg.depth -= 2;
        }
        emit("%s 0", OPN(acc));
        popn(1);
        return;
    }
    if (e->n == 0) {
        emit("%s 0", OPN(quote));
        push();
        emit("%s 0", OPN(quote));
        emit("%s", OPN(makearray));
        cg.depth--;
        return;
    }
    for (int i = e->n - 1; i >= 1; i--) {
        gexpr(e->args[i], 0);
        push();
    }
    gexpr(e->args[0], 0);
    emit("%s %d", OPN(arrayn), e->n);
    cg.depth -= e->n - 1;
}

/* e1 && e2, e1 || e2 as a value (returns 1 when it returned already: tail) */
static int candor(expr_t *e, int tail)
{
    const char *lend = newlabel();
    gexpr(e->a, 0);
    emit("%s %s", e->kind == E_AND ? OPN(branchifnot) : OPN(branchif), lend);
    if (tail) {
        gexpr(e->b, 1);
        label(lend);
        emit("%s %d", OPN(return ), cg.depth);
        return 1;
    }
    gexpr(e->b, 0);
    label(lend);
    return 0;
}

static void cassert(expr_t *e, int discard)
{
    const char *lok = newlabel();
    cjump_true(e->a, lok);
    emit_raise_at("Assert_failure", e->loc);
    label(lok);
    if (!discard)
        emit("%s 0", OPN(quote));
}

static void gexpr_inner(expr_t *e, int tail)
{
    int discard = cg.discard && !tail;
    cg.discard = 0;
    line_comment(e->loc);
    switch (e->kind) {
    case E_INT:
    case E_CHAR: emit("%s %ld", OPN(quote), e->ival); break;
    case E_FLOAT: {
        const char *s = e->sval;
        if (!strpbrk(s, ".eE"))
            s = xfmt("%s.0", s);
        else if (s[strlen(s) - 1] == '.')
            s = xfmt("%s0", s);
        emit("%s %s", OPN(const), s);
        break;
    }
    case E_STRING: emit_const_string(e->sval, e->slen); break;
    case E_VAR: load_var(e->var, e->loc); break;
    case E_CONSTR: {
        struct cinfo *c = e->con;
        if (c->is_exn)
            cblock(248, e->args, e->n, c->exn_name);
        else if (c->arity == 0)
            emit("%s %d", OPN(quote), c->tag);
        else
            cblock(c->tag, e->args, e->n, NULL);
        break;
    }
    case E_TUPLE: cblock(0, e->args, e->n, NULL); break;
    case E_APP: capp(e, tail); return;
    case E_PRINTF: cprintf(e, tail); return;
    case E_FUN: make_closure(e->fn, NULL); break;
    case E_LET:
        if (e->ival)
            cletrec(e, tail);
        else
            clet(e, 0, tail);
        return;
    case E_MATCH: cmatch(e->a, e->cases, e->n, tail, 0, e->loc, 0); return;
    case E_TRY: ctry(e, tail); return;
    case E_IF: cif(e, tail, discard); return;
    case E_LETEXN:
    case E_OPEN:
    case E_CONSTRAINT:
        cg.discard = discard;
        gexpr(e->a, tail);
        return;
    case E_SEQ:
        geffect(e->a);
        cg.discard = discard;
        gexpr(e->b, tail);
        return;
    case E_WHILE: cwhile(e, discard); break;
    case E_FOR: cfor(e, discard); break;
    case E_RECORD: crecord(e); break;
    case E_FIELD:
        gexpr(e->a, 0);
        emit("%s %d", OPN(field), e->field->index);
        break;
    case E_SETFIELD:
        gexpr(e->b, 0);
        push();
        gexpr(e->a, 0);
        emit("%s %d", OPN(setfield), e->field->index);
        cg.depth--;
        break;
    case E_ARRAY: carray(e); break;
    case E_AND:
    case E_OR:
        if (candor(e, tail))
            return;
        break;
    case E_ASSERT: cassert(e, discard); break;
    default: ICE();
    }
    ret(tail);
}

/* the spill array's allocation: `quote 0; push; quote nspill; makearray; push` */
static char *spill_alloc_text(void)
{
    return xfmt("        %s 0\n        %s\n        %s %d\n        %s\n        %s\n", OPN(quote),
                OPN(push), OPN(quote), cg.nspill ? cg.nspill : 1, OPN(makearray), OPN(push));
}

/* ------------------------------------------------------------------ functions */
/* A function whose frame would need stack offsets above 255 is compiled again with its
 * let-bound locals in a heap array allocated on entry (frame slot `arity`). */
static void emit_fn(struct fn *f, sbuf_t *out)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        sbuf_t b = {0};
        cg.buf = &b;
        cg.fn = f;
        cg.last_line = -1;
        cg.pos_known = 0;
        cg.depth = f->arity;
        cg.spill_mode = attempt;
        cg.too_deep = 0;
        cg.nspill = 0;
        for (int i = 0; i < f->arity; i++) {
            pat_t *p = f->params[i];
            while (p->kind == P_CONSTRAINT)
                p = p->sub[0];
            if (p->kind == P_VAR) {
                p->var->pos = f->arity - 1 - i;
                p->var->spill = -1;
            }
        }
        if (attempt) {
            cg.spill_pos = cg.depth;
            cg.depth++;
        }
        gexpr(f->body, 1);
        if (cg.too_deep && !attempt) {
            free(b.s);
            continue;
        }
        sbuf_t h = {0};
        if (f->toplevel) {
            char *t = xfmt("        .global %s\n", f->label);
            sb_add(&h, t, strlen(t));
        }
        char *t = xfmt("%s:\n", f->label);
        sb_add(&h, t, strlen(t));
        if (attempt) {
            t = spill_alloc_text();
            sb_add(&h, t, strlen(t));
        }
        sb_add(&h, b.s, b.n);
        free(b.s);
        peephole(&h);
        peephole(&h); /* again: label counts without the dead code the first pass removed */
        if (f->label[0] == '.') { /* a local function's or a closure's body: a symbol */
            static int seq;       /* never reset: cg is, between functor instances */
            t = xfmt("%s$c%d:\n", frame_name(f), ++seq);
            sb_add(out, t, strlen(t));
        }
        sb_add(out, h.s, h.n);
        sb_add(out, "\n", 1);
        free(h.s);
        break;
    }
    cg.spill_mode = 0;
}

static void drain_queue(sbuf_t *out)
{
    while (cg.queue.n) {
        struct fn *f = cg.queue.v[0];
        memmove(cg.queue.v, cg.queue.v + 1, sizeof(void *) * (size_t)(cg.queue.n - 1));
        cg.queue.n--;
        if (f->emitted)
            continue;
        f->emitted = 1;
        emit_fn(f, out);
    }
}

static int is_fun_expr(expr_t *e)
{
    while (e->kind == E_CONSTRAINT)
        e = e->a;
    return e->kind == E_FUN;
}

/* Does the module's initialiser (Mod.__init) do anything? Top-level functions and
 * immediate/float constants need no code (readers inline them); any other value or
 * top-level expression does. sensec's entry code calls the initialisers of the stdlib
 * modules for which this holds (main.c). */
int module_needs_init(program_t *p)
{
    for (int i = 0; i < p->items.n; i++) {
        item_t *it = p->items.v[i];
        if (it->kind == I_EXPR)
            return 1;
        if (it->kind != I_LET)
            continue;
        for (int b = 0; b < it->n; b++) {
            pat_t *pp = it->binds[b]->pat;
            while (pp->kind == P_CONSTRAINT)
                pp = pp->sub[0];
            if (pp->kind == P_VAR && pp->var->kind == V_GFUN && is_fun_expr(it->binds[b]->e))
                continue;
            if (pp->kind == P_VAR && pp->var->kind == V_GVAL &&
                (pp->var->is_const || pp->var->fconst))
                continue;
            return 1;
        }
    }
    return 0;
}

void gen_module(FILE *out, program_t *p, const char *modname)
{
    memset(&cg, 0, sizeof cg);
    cg_refs.n = 0;
    cg.modname = modname;
    vec_t defined = {0};
    sbuf_t all = {0};
    sbuf_t init = {0};
    char *hdr =
        xfmt("; generated by sensec from %s (module %s)\n        .text\n        .file %s\n",
             cur_file->name, modname, quote_str(cur_file->name, (int)strlen(cur_file->name)));
    sb_add(&all, hdr, strlen(hdr));
    /* global variables */
    for (int i = 0; i < p->items.n; i++) {
        item_t *it = p->items.v[i];
        if (it->kind != I_LET)
            continue;
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
        cg.buf = &init;
        cg.fn = initf;
        cg.depth = 0;
        cg.last_line = -1;
        cg.pos_known = 0;
        cg.spill_mode = attempt;
        cg.too_deep = 0;
        cg.nspill = 0;
        char *t = xfmt("        .global %s\n%s:\n", initf->label, initf->label);
        sb_add(&init, t, strlen(t));
        size_t spill_at = init.n;
        if (attempt) {
            cg.spill_pos = 0;
            cg.depth = 1;
        }
        for (int i = 0; i < p->items.n; i++) {
            item_t *it = p->items.v[i];
            if (it->kind == I_EXPR) {
                gexpr(it->e, 0);
                continue;
            }
            if (it->kind != I_LET)
                continue;
            for (int b = 0; b < it->n; b++) {
                binding_t *bd = it->binds[b];
                pat_t *pp = bd->pat;
                while (pp->kind == P_CONSTRAINT)
                    pp = pp->sub[0];
                if (pp->kind == P_VAR && pp->var->kind == V_GFUN && is_fun_expr(bd->e)) {
                    expr_t *fe = bd->e;
                    while (fe->kind == E_CONSTRAINT)
                        fe = fe->a;
                    fe->fn->label = pp->var->sym;
                    fe->fn->toplevel = 1;
                    if (!attempt)
                        vpush(&defined, (void *)pp->var->sym);
                    enqueue_fn(fe->fn);
                    continue;
                }
                if (pp->kind == P_VAR) {
                    gexpr(bd->e, 0);
                    ref_sym(pp->var->sym);
                    emit("%s %s", OPN(setvar), pp->var->sym);
                    continue;
                }
                if (pp->kind == P_ANY ||
                    (pp->kind == P_CONSTR && pp->n == 0 && pp->con && !pp->con->is_exn &&
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
        emit("%s 0", OPN(quote));
        emit("%s %d", OPN(return ), cg.depth);
        if (cg.too_deep && !attempt)
            continue;
        if (attempt) {
            /* insert the spill array's allocation after the label */
            char *alloc = spill_alloc_text();
            sbuf_t x = {0};
            sb_add(&x, init.s, spill_at);
            sb_add(&x, alloc, strlen(alloc));
            sb_add(&x, init.s + spill_at, init.n - spill_at);
            free(init.s);
            init = x;
        }
        break;
    }
    cg.spill_mode = 0;
    peephole(&init);
    peephole(&init);
    sb_add(&init, "\n", 1);
    sbuf_t fns = {0};
    drain_queue(&fns);
    for (int i = 0; i < cg_refs.n; i++) {
        int def = 0;
        for (int k = 0; k < defined.n; k++)
            if (!strcmp(defined.v[k], cg_refs.v[i]))
                def = 1;
        if (def)
            continue;
        char *x = xfmt("        .extern %s\n", (const char *)cg_refs.v[i]);
        sb_add(&all, x, strlen(x));
    }
    sb_add(&all, "\n", 1);
    if (fns.s)
        sb_add(&all, fns.s, fns.n);
    sb_add(&all, init.s, init.n);
    fwrite(all.s, 1, all.n, out);
    free(fns.s);
    free(init.s);
    free(all.s);
}
