/* SPDX-License-Identifier: MIT
 * interp_loop.h — the one source of the interpreter loop. See interp.c for the invariants.
 *
 * Specialising it (the one mechanism): an instance is a static function made by
 *     #include "interp_defs.h"
 *     #define SVM_RUN_NAME name        the function's name
 *     #define SVM_COUNT_EACH 0 or 1    1: count and spend fuel on every instruction;
 *                                      0: only at control transfers (faster)
 *     #define SVM_LOOP_RENDEZVOUS f    optional, with SVM_LOOP_SWITCH g: the scheduler's
 *     #define SVM_LOOP_SWITCH g        hooks as inline functions instead of the
 *                                      svm_config_t pointers (ext_rendezvous, ext_switch)
 *     #include "interp_loop.h"         (it #undefs the four parameters)
 * The instances: run_counted and run_fast (interp.c, behind svm_run) and, on hosts,
 * run_box (box.c: the scheduled container's loop with its switch hooks inlined).
 */

/* the dispatch table's range initialiser and its overrides are intended */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#ifdef __clang__
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
#endif

static svm_status_t SVM_RUN_NAME(svm_vm_t *vm, svm_context_t *ctx, uint32_t fuel)
{
    const uint8_t *const code = vm->code;
    const uint8_t *pc = code + ctx->pc;
    svm_value_t *sp = ctx->sp;
    uint32_t *csp = ctx->csp;
    svm_value_t a = ctx->acc, ep = ctx->ep;
    svm_value_t *base = ctx->base; /* changes only at an in-loop context switch */
    uint8_t *heap = vm->heap;
    int64_t left = fuel; /* budget left; < 0: exhausted before this instruction */
    svm_status_t st = SVM_TRAPPED;
    svm_trap_t trapc = SVM_TRAP_none;
    /* scratch shared by the apply/return paths */
    uint32_t nargs = 0, mslots = 0, is_tail = 0;
    const uint8_t *next_pc = pc;

/* ---- register save/restore ----
 * SAVE writes the VM registers into the context, where the GC and the services find them
 * (the GC rewrites A, EP and the stack in place); LOAD reads them back (A/EP may have
 * moved; the heap base may have flipped). PROTECT(stmt) wraps every call that may
 * allocate, raise or run a service (Lua's Protect, OCaml's Setup_for_gc): no value may be
 * held in a C local across it — allocate first, then read the operands from A/the stack. */
#define SAVE()                                                                                     \
    (ctx->pc = (uint32_t)(pc - code), ctx->sp = sp, ctx->csp = csp, ctx->acc = a, ctx->ep = ep)
#define LOAD() (sp = ctx->sp, csp = ctx->csp, a = ctx->acc, ep = ctx->ep, heap = vm->heap)
#define PROTECT(stmt)                                                                              \
    do {                                                                                           \
        SAVE();                                                                                    \
        stmt;                                                                                      \
        LOAD();                                                                                    \
    } while (0)

/* One cold label per trap kind, so hot handlers carry no trap-code bookkeeping. */
#define TRAP(name) goto trap_##name
#define RAISE(exn)                                                                                 \
    do {                                                                                           \
        a = (exn);                                                                                 \
        goto do_raise;                                                                             \
    } while (0)
/* Raise a fresh Invalid_argument msg (allocates). */
#define RAISE_INVALID(msg)                                                                         \
    do {                                                                                           \
        uint32_t e_;                                                                               \
        PROTECT(e_ = svm_make_exn(vm, "Invalid_argument", msg));                                   \
        if (!e_)                                                                                   \
            TRAP(heap_exhausted);                                                                  \
        RAISE(e_);                                                                                 \
    } while (0)

/* k values must be on the stack before popping them. The loader proves it for every
 * instruction of a validated image (image-format.md §4, the static stack check), so the
 * handlers pop without checking; only `apply` checks, where the count depends on a PAP or
 * on the arguments an over-application left below a frame. */
#define NEED(k)                                                                                    \
    do {                                                                                           \
        if (SVM_UNLIKELY((size_t)((const char *)base - (const char *)sp) < (size_t)(k)*4u))        \
            TRAP(stack_underflow);                                                                 \
    } while (0)
/* room for v value words and c control words */
#define ROOM(v, c)                                                                                 \
    do {                                                                                           \
        if (SVM_UNLIKELY((size_t)((const char *)sp - (const char *)csp) <                          \
                         ((size_t)(v) + (size_t)(c)) * 4u))                                        \
            TRAP(stack_overflow);                                                                  \
    } while (0)

/* ALLOC(off, header): bump allocation, or the collector under PROTECT. The collection
 * runs on the fuel left and may stop when it is spent (issue 13): the slice then ends
 * (gc_suspended) with the instruction not begun, and it runs again once svm_run has
 * finished the collection. So a handler does nothing before its ALLOC that running it
 * again would not redo (pc, sp, A untouched); ALLOC_ONCE(off, header) is for the one
 * site that cannot run again (a PAP, after apply has unpacked one): its collection runs
 * to the end. */
#define ALLOC_(off, hd, fuel)                                                                      \
    do {                                                                                           \
        uint32_t hd_ = (hd), nb_ = svm_obj_bytes_for(SVOBJ_SIZE(hd_));                             \
        if (SVM_LIKELY(vm->hp + nb_ <= vm->alloc_limit)) {                                         \
            off = vm->hp;                                                                          \
            vm->hp += nb_;                                                                         \
            uint32_t *o_ = (uint32_t *)(void *)(heap + off);                                       \
            o_[0] = hd_;                                                                           \
            o_[1] = SVM_VAL_UNIT;                                                                  \
        } else {                                                                                   \
            PROTECT(off = svm_alloc_slow_r(vm, hd_, fuel));                                        \
            if (SVM_UNLIKELY(off <= SVM_ALLOC_SUSPENDED)) {                                        \
                if (off)                                                                           \
                    goto gc_suspended;                                                             \
                TRAP(heap_exhausted);                                                              \
            }                                                                                      \
            CHARGE_WORK();                                                                         \
        }                                                                                          \
    } while (0)
#define ALLOC(off, hd) ALLOC_(off, hd, (uint32_t)left)
#define ALLOC_ONCE(off, hd) ALLOC_(off, hd, SVM_NO_FUEL)

#define OBJ(v) ((uint32_t *)(void *)(heap + (v)))
/* o := block v with more than n fields, else type_error */
#define BLOCK_FIELD(o, v, n)                                                                       \
    do {                                                                                           \
        if (SVM_UNLIKELY(!svm_is_ptr(v)))                                                          \
            TRAP(type_error);                                                                      \
        o = OBJ(v);                                                                                \
        if (SVM_UNLIKELY((o[0] & 0xf00u) != 0 || SVOBJ_SIZE(o[0]) < (uint32_t)(n) + 1u))           \
            TRAP(type_error);                                                                      \
    } while (0)
#define FLOAT_ARG(v, d)                                                                            \
    do {                                                                                           \
        if (SVM_UNLIKELY(!svm_float_view(vm, v, &d)))                                              \
            TRAP(type_error);                                                                      \
    } while (0)
#define BOX_FLOAT(d)                                                                               \
    do {                                                                                           \
        double d_ = (d);                                                                           \
        uint32_t off_;                                                                             \
        ALLOC(off_, SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));                                              \
        memcpy(heap + off_ + 4, &d_, 8);                                                           \
        a = off_;                                                                                  \
    } while (0)

/* ---- the scheduler's hooks: through svm_config_t, or (SVM_LOOP_RENDEZVOUS and
 * SVM_LOOP_SWITCH defined) the scheduler glue's own functions, inlined into its own
 * instantiation of this loop (runtime/sched/vmglue.c) ---- */
#ifdef SVM_LOOP_RENDEZVOUS
#define LOOP_HAS_RENDEZVOUS 1
#define LOOP_RENDEZVOUS SVM_LOOP_RENDEZVOUS
#define LOOP_HAS_SWITCH 1
#define LOOP_SWITCH SVM_LOOP_SWITCH
#else
#define LOOP_HAS_RENDEZVOUS (vm->cfg.ext_rendezvous != NULL)
#define LOOP_RENDEZVOUS vm->cfg.ext_rendezvous
#define LOOP_HAS_SWITCH (vm->cfg.ext_switch != NULL)
#define LOOP_SWITCH vm->cfg.ext_switch
#endif

/* ---- dispatch: OPCASE labels a handler, NEXT ends one, DISPATCH fetches ---- */
#define OPCASE(name) op_##name
#define FUEL()                                                                                     \
    do {                                                                                           \
        if (SVM_UNLIKELY(--left < 0))                                                              \
            goto out_of_fuel;                                                                      \
    } while (0)
/* Data-sized work (the collector, fills, copies, services; work.h) costs fuel too, so a
 * budget bounds a slice's time (issue 13). Never below 0 inside a handler: the next check
 * ends the slice. */
#define CHARGE_WORK() (left = svm_work_settle(vm, left))
/* On entry and at an in-loop switch: first pay the work an earlier activation of the
 * container did beyond its budget (CHARGE_WORK); all of it used: the slice is over. */
#define PAY_DEBT()                                                                                 \
    do {                                                                                           \
        if (SVM_UNLIKELY(vm->work.debt)) {                                                         \
            left = svm_work_pay(vm, left);                                                         \
            if (left == 0)                                                                         \
                goto out_of_fuel;                                                                  \
        }                                                                                          \
    } while (0)
/* Counted mode spends fuel on every instruction; fast mode only at control transfers
 * (JUMPED), which every loop and recursion passes through. */
#if SVM_COUNT_EACH
/* ... and calls cfg.trace, when set, before each instruction (sensevm-run --trace) */
#define EACH()                                                                                     \
    do {                                                                                           \
        FUEL();                                                                                    \
        if (SVM_UNLIKELY(vm->cfg.trace != NULL))                                                   \
            vm->cfg.trace(vm, ctx, (uint32_t)(pc - code));                                         \
    } while (0)
#define JUMPED()                                                                                   \
    do {                                                                                           \
    } while (0)
#else
#define EACH()                                                                                     \
    do {                                                                                           \
    } while (0)
#define JUMPED() FUEL()
#endif
#ifdef SVM_COMPUTED_GOTO
    static const void *const dispatch_table[256] = {
        [0 ... 255] = &&op_invalid_,
#define OP(name, code_, shape, pop, push, flags, doc) [code_] = &&op_##name,
#include <sensevm/opcodes.def>
#undef OP
    };
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        EACH();                                                                                    \
        goto *dispatch_table[*pc];                                                                 \
    } while (0)
#else
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        EACH();                                                                                    \
        goto dispatch_switch;                                                                      \
    } while (0)
#endif
#define NEXT DISPATCH()
/* Dynamic fusion (fast mode only): a handler whose most frequent successor is `op` jumps
 * straight to that handler — a direct, well-predicted branch instead of an indirect one.
 * The successor is a real instruction start (validated), so semantics are unchanged. */
#if SVM_COUNT_EACH
#define FUSE(op)                                                                                   \
    do {                                                                                           \
    } while (0)
#else
#define FUSE(op)                                                                                   \
    do {                                                                                           \
        if (*pc == SVBC_OP_##op)                                                                   \
            goto op_##op;                                                                          \
    } while (0)
#endif
/* end of a handler that transferred control */
#define NEXT_JUMP                                                                                  \
    do {                                                                                           \
        JUMPED();                                                                                  \
        DISPATCH();                                                                                \
    } while (0)

    PAY_DEBT();
    if (SVM_UNLIKELY(vm->gcr_phase)) { /* a collection ALLOC stopped: it goes first */
        left = svm_gc_resume(vm, ctx, left);
        LOAD(); /* (it moved A, EP and the stack's values: `leave` saves these) */
        if (left < 0)
            goto out_of_fuel;
    }
    NEXT_JUMP;

#ifndef SVM_COMPUTED_GOTO
dispatch_switch:
    switch (*pc) {
#define OP(name, code_, shape, pop, push, flags, doc)                                              \
    case code_:                                                                                    \
        goto op_##name;
#include <sensevm/opcodes.def>
#undef OP
    default: goto op_invalid_;
    }
#endif

    /* ---- classic CAM core ---- */
    OPCASE(nop) : pc += 1;
    NEXT;
    OPCASE(acc) : a = sp[pc[1]];
    pc += 2;
    FUSE(push);
    NEXT;
    OPCASE(envacc) :
    {
        uint32_t n = pc[1];
        if (SVM_UNLIKELY(!svm_is_ptr(ep)))
            TRAP(type_error);
        uint32_t *o = OBJ(ep);
        if (SVM_UNLIKELY((o[0] & 0xf00u) != (SVOBJ_CLOSURE << 8) || SVOBJ_SIZE(o[0]) <= n + 2u))
            TRAP(type_error);
        a = o[3 + n];
        pc += 2;
        FUSE(push);
        NEXT;
    }
    OPCASE(push) : ROOM(1, 0);
    *--sp = a;
    pc += 1;
    FUSE(acc);
    NEXT;
    OPCASE(pop) : sp += pc[1];
    pc += 2;
    NEXT;
    OPCASE(swap) :
    {
        svm_value_t t = sp[0];
        sp[0] = a;
        a = t;
        pc += 1;
        NEXT;
    }
    OPCASE(assign) : sp[pc[1]] = a;
    a = SVM_VAL_UNIT;
    pc += 2;
    NEXT;
    OPCASE(quote) : a = ((uint32_t)rd_i32(pc + 1) << 1) | 1u;
    pc += 5;
    FUSE(push);
    NEXT;
    OPCASE(const) : a = svm_ld32(vm->consts + 4 + 4 * rd_u16(pc + 1)) | SVOBJ_CONST_TAG;
    pc += 3;
    NEXT;
    OPCASE(fst) :
    {
        uint32_t *o;
        BLOCK_FIELD(o, a, 0);
        a = o[1];
        pc += 1;
        FUSE(push);
        NEXT;
    }
    OPCASE(snd) :
    {
        uint32_t *o;
        BLOCK_FIELD(o, a, 1);
        a = o[2];
        pc += 1;
        FUSE(push);
        NEXT;
    }
    OPCASE(field) :
    {
        uint32_t *o, n = pc[1];
        BLOCK_FIELD(o, a, n);
        a = o[1 + n];
        pc += 2;
        NEXT;
    }
    OPCASE(cons) :
    {
        uint32_t off;
        ALLOC(off, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
        uint32_t *o = OBJ(off);
        o[1] = sp[0];
        o[2] = a;
        sp++;
        a = off;
        pc += 1;
        NEXT;
    }
    OPCASE(makeblock) :
    {
        uint32_t tag = pc[1], n = rd_u16(pc + 2), off;
        ALLOC(off, SVOBJ_HEADER(SVOBJ_BLOCK, tag, n));
        sp = fill_fields(OBJ(off) + 1, a, sp, n);
        a = off;
        pc += 4;
        NEXT;
    }
    OPCASE(setfield) :
    {
        uint32_t *o, n = pc[1];
        BLOCK_FIELD(o, a, n);
        o[1 + n] = *sp++;
        a = SVM_VAL_UNIT;
        pc += 2;
        NEXT;
    }
    OPCASE(getenv) : a = ep;
    pc += 1;
    NEXT;
    /* ---- superinstructions: push; acc/quote/envacc and acc; field (same checks as the
     * separate instructions: the push checks ROOM, acc n reaches at most 255 slots past
     * SP into the guard, envacc/field check kind and size) ---- */
    OPCASE(pushacc) : ROOM(1, 0);
    *--sp = a;
    a = sp[pc[1]];
    pc += 2;
    FUSE(pushacc);
    NEXT;
    OPCASE(pushacc2) :
    { /* pushacc n; pushacc m (each index counts from its own push) */
        ROOM(2, 0);
        sp[-1] = a;
        sp[-2] = sp[-1 + pc[1]];
        sp -= 2;
        a = sp[pc[2]];
        pc += 3;
        NEXT;
    }
    OPCASE(pushquote) : ROOM(1, 0);
    *--sp = a;
    a = ((uint32_t)rd_i32(pc + 1) << 1) | 1u;
    pc += 5;
    NEXT;
    OPCASE(pushenvacc) :
    {
        uint32_t n = pc[1];
        ROOM(1, 0);
        if (SVM_UNLIKELY(!svm_is_ptr(ep)))
            TRAP(type_error);
        uint32_t *o = OBJ(ep);
        if (SVM_UNLIKELY((o[0] & 0xf00u) != (SVOBJ_CLOSURE << 8) || SVOBJ_SIZE(o[0]) <= n + 2u))
            TRAP(type_error);
        *--sp = a;
        a = o[3 + n];
        pc += 2;
        NEXT;
    }
    OPCASE(accfield) :
    {
        uint32_t *o, n = pc[2];
        svm_value_t v = sp[pc[1]];
        BLOCK_FIELD(o, v, n);
        a = o[1 + n];
        pc += 3;
        NEXT;
    }

    OPCASE(pushaccfield) :
    {
        uint32_t *o, n = pc[2];
        ROOM(1, 0);
        *--sp = a;
        svm_value_t v = sp[pc[1]];
        BLOCK_FIELD(o, v, n);
        a = o[1 + n];
        pc += 3;
        NEXT;
    }
    OPCASE(envaccfield) :
    {
        uint32_t n = pc[1], m = pc[2];
        if (SVM_UNLIKELY(!svm_is_ptr(ep)))
            TRAP(type_error);
        uint32_t *o = OBJ(ep);
        if (SVM_UNLIKELY((o[0] & 0xf00u) != (SVOBJ_CLOSURE << 8) || SVOBJ_SIZE(o[0]) <= n + 2u))
            TRAP(type_error);
        svm_value_t v = o[3 + n];
        BLOCK_FIELD(o, v, m);
        a = o[1 + m];
        pc += 3;
        NEXT;
    }
    /* A mod/div an immediate (the compiler's `x mod 3`); n = 0 raises like modint */
    OPCASE(modimm) :
    {
        int32_t y = rd_i32(pc + 1);
        if (SVM_UNLIKELY(y == 0))
            RAISE(vm->exn_div_by_zero);
        a = svm_int_val(svm_val_int(a) % y);
        pc += 5;
        NEXT;
    }
    OPCASE(divimm) :
    {
        int32_t y = rd_i32(pc + 1);
        if (SVM_UNLIKELY(y == 0))
            RAISE(vm->exn_div_by_zero);
        a = svm_int_val(svm_val_int(a) / y);
        pc += 5;
        NEXT;
    }

    /* ---- closures and calls ---- */
    OPCASE(cur) :
    {
        uint32_t target = (uint32_t)(pc - code) + (uint32_t)rd_i32(pc + 1);
        uint32_t arity = pc[5], n = pc[6], off;
        ALLOC(off, SVOBJ_HEADER(SVOBJ_CLOSURE, 0, 2 + n));
        uint32_t *o = OBJ(off);
        o[1] = svm_int_val((int32_t)target);
        o[2] = svm_int_val((int32_t)arity);
        sp = fill_fields(o + 3, a, sp, n);
        a = off;
        pc += 7;
        NEXT;
    }
    OPCASE(closurepatch) :
    {
        uint32_t n = pc[1];
        if (SVM_UNLIKELY(!svm_is_ptr(a)))
            TRAP(type_error);
        uint32_t *o = OBJ(a);
        if (SVM_UNLIKELY((o[0] & 0xf00u) != (SVOBJ_CLOSURE << 8) || SVOBJ_SIZE(o[0]) <= n + 2u))
            TRAP(type_error);
        o[3 + n] = *sp++;
        pc += 2;
        NEXT;
    }
    OPCASE(call) : ROOM(0, 2);
    csp[0] = (uint32_t)(pc + 6 - code) << 2 | REC_RETURN;
    csp[1] = ep;
    csp += 2;
    ep = a;
    pc += rd_i32(pc + 1);
    NEXT_JUMP;
    OPCASE(tailcall) :
    {
        uint32_t n = pc[5], m = rd_u16(pc + 6);
        if (m) {
            svm_value_t *d = sp + m;
            switch (n) {          /* the common small counts without a loop */
            case 3: d[2] = sp[2]; /* fall through */
            case 2: d[1] = sp[1]; /* fall through */
            case 1: d[0] = sp[0]; /* fall through */
            case 0: break;
            default:
                for (uint32_t i = n; i-- > 0;)
                    d[i] = sp[i];
            }
            sp = d;
        }
        ep = a;
        pc += rd_i32(pc + 1);
        NEXT_JUMP;
    }
    OPCASE(pushcall)
        : /* push; call (sensec: known calls of closed functions, EP unused) */
          ROOM(1, 2);
    *--sp = a;
    csp[0] = (uint32_t)(pc + 6 - code) << 2 | REC_RETURN;
    csp[1] = ep;
    csp += 2;
    ep = a;
    pc += rd_i32(pc + 1);
    NEXT_JUMP;
    OPCASE(pushtailcall)
        : /* same operand layout as tailcall */
          ROOM(1, 0);
    *--sp = a;
    goto op_tailcall;
    OPCASE(app) :
    {
        /* fast path: a closure of exactly this arity (the arguments stay where they are; the
     * callee's accesses and its `return` do their own checks, as after `call`) */
        if (SVM_LIKELY(svm_is_ptr(a) && (OBJ(a)[0] & 0xf00u) == (SVOBJ_CLOSURE << 8) &&
                       OBJ(a)[2] == svm_int_val((int32_t)pc[1]))) {
            uint32_t *o = OBJ(a);
            ROOM(0, 2);
            csp[0] = (uint32_t)(pc + 2 - code) << 2 | REC_RETURN;
            csp[1] = ep;
            csp += 2;
            ep = a;
            pc = code + svm_val_int(o[1]);
            NEXT_JUMP;
        }
    }
    nargs = pc[1];
    mslots = 0;
    is_tail = 0;
    next_pc = pc + 2;
    goto apply;
    OPCASE(tailapp) : nargs = pc[1];
    mslots = rd_u16(pc + 2);
    is_tail = 1;
    goto apply;
    OPCASE(return ) :
    {
        uint32_t m = rd_u16(pc + 1);
        sp += m;
        uint32_t w = csp[-2];
        if (SVM_LIKELY((w & 3u) == REC_RETURN)) { /* the common case of do_return, inline */
            ep = csp[-1];
            csp -= 2;
            pc = code + (w >> 2);
            FUSE(pushacc);
            NEXT;
        }
        goto do_return;
    }

apply : {
    /* A = closure or PAP; nargs arguments on the stack (S0 = first); for a tail
     * application, mslots slots of the current frame below them are dropped. */
    NEED(nargs + mslots);
    if (SVM_UNLIKELY(!svm_is_ptr(a)))
        TRAP(type_error);
    uint32_t *o = OBJ(a);
    if (SVOBJ_KIND(o[0]) == SVOBJ_PAP) {
        uint32_t k = SVOBJ_SIZE(o[0]) - 1u; /* held arguments go first: on top */
        ROOM(k, 0);
        sp -= k;
        for (uint32_t i = 0; i < k; i++)
            sp[i] = o[2 + i];
        nargs += k;
        a = o[1];
        o = OBJ(a);
    }
    if (SVM_UNLIKELY(SVOBJ_KIND(o[0]) != SVOBJ_CLOSURE))
        TRAP(type_error);
    uint32_t arity = (uint32_t)svm_val_int(o[2]);
    const uint8_t *target = code + svm_val_int(o[1]);
    if (nargs == arity) {
        if (is_tail) {
            if (mslots) {
                for (uint32_t i = nargs; i-- > 0;)
                    sp[mslots + i] = sp[i];
                sp += mslots;
            }
        } else {
            ROOM(0, 2);
            csp[0] = (uint32_t)(next_pc - code) << 2 | REC_RETURN;
            csp[1] = ep;
            csp += 2;
        }
        ep = a;
        pc = target;
        NEXT_JUMP;
    }
    if (nargs < arity) { /* partial application: a PAP, no call */
        uint32_t off;
        ALLOC_ONCE(off, SVOBJ_HEADER(SVOBJ_PAP, 0, 1 + nargs));
        uint32_t *p = OBJ(off);
        p[1] = a;
        for (uint32_t i = 0; i < nargs; i++)
            p[2 + i] = sp[i];
        sp += nargs;
        a = off;
        if (is_tail) {
            sp += mslots;
            goto do_return;
        }
        pc = next_pc;
        NEXT_JUMP;
    }
    /* over-application: call with `arity` arguments; the record makes the return apply
     * the result to the remaining ones */
    if (is_tail) {
        if (mslots) {
            for (uint32_t i = nargs; i-- > 0;)
                sp[mslots + i] = sp[i];
            sp += mslots;
        }
        ROOM(0, 2);
    } else {
        ROOM(0, 4);
        csp[0] = (uint32_t)(next_pc - code) << 2 | REC_RETURN;
        csp[1] = ep;
        csp += 2;
    }
    csp[0] = (nargs - arity) << 2 | REC_EXTRA;
    csp[1] = SVM_VAL_UNIT;
    csp += 2;
    ep = a;
    pc = target;
    NEXT_JUMP;
}

do_return : {
    /* the result is in A and the frame's slots are gone: pop a control record */
    /* csp >= lo + 2 here: the entry record at the bottom is never popped (it halts) */
    uint32_t w = csp[-2];
    switch (w & 3u) {
    case REC_RETURN: /* no fuel here: returns are bounded by the calls that fuelled */
        ep = csp[-1];
        csp -= 2;
        pc = code + (w >> 2);
        FUSE(push);
        NEXT;
    case REC_EXTRA:
        if (w >> 2 == 0) { /* the entry record: stays, so running again halts again */
            st = SVM_HALTED;
            goto leave;
        }
        csp -= 2;
        nargs = w >> 2;
        mslots = 0;
        is_tail = 1;
        goto apply;
    default: TRAP(bad_frame); /* returning from inside a try block */
    }
}

    /* ---- control ---- */
    OPCASE(branch) : pc += rd_i32(pc + 1);
    NEXT_JUMP;
    OPCASE(branchif) : pc += a != SVM_VAL_FALSE ? rd_i32(pc + 1) : 5;
    NEXT_JUMP;
    OPCASE(branchifnot) : pc += a == SVM_VAL_FALSE ? rd_i32(pc + 1) : 5;
    NEXT_JUMP;
    OPCASE(switch) :
    {
        uint32_t nint = rd_u16(pc + 1), nblk = rd_u16(pc + 3), i;
        if (svm_is_int(a)) {
            i = (uint32_t)svm_val_int(a);
            if (SVM_UNLIKELY(i >= nint))
                TRAP(match_failure);
        } else {
            if (SVM_UNLIKELY(!svm_is_ptr(a) || (OBJ(a)[0] & 0xf00u) != 0))
                TRAP(type_error);
            i = SVOBJ_TAG(OBJ(a)[0]);
            if (SVM_UNLIKELY(i >= nblk))
                TRAP(match_failure);
            i += nint;
        }
        pc += rd_i32(pc + 5 + 4 * i);
        NEXT_JUMP;
    }
    OPCASE(isint) : a = svm_bool_val(svm_is_int(a));
    pc += 1;
    NEXT;
    OPCASE(gettag) : if (!svm_is_int(a)) a = svm_int_val((int32_t)SVOBJ_TAG(svm_header(vm, a)));
    pc += 1;
    NEXT;
    OPCASE(halt) : st = SVM_HALTED;
    goto leave;
    OPCASE(matchfail) : TRAP(match_failure);

    /* ---- exceptions ---- */
    OPCASE(pushtrap) :
    {
        ROOM(3, 4);
        uint32_t h = (uint32_t)(csp - ctx->lo);
        csp[0] = ((uint32_t)(pc - code) + (uint32_t)rd_i32(pc + 1)) << 2 | REC_HANDLER;
        csp[1] = ep;
        csp[2] = ctx->trap << 2 | REC_LINK;
        csp[3] = svm_int_val((int32_t)(base - sp));
        csp += 4;
        ctx->trap = h + 1;
        sp -= 3;
        sp[0] = sp[1] = sp[2] = SVM_VAL_UNIT;
        pc += 5;
        NEXT;
    }
    OPCASE(poptrap) :
    {
        uint32_t h = ctx->trap;
        if (SVM_UNLIKELY(h == 0 || (uint32_t)(csp - ctx->lo) != h - 1 + 4 ||
                         csp[-1] != svm_int_val((int32_t)(base - sp) - 3)))
            TRAP(bad_frame);
        sp += 3;
        ctx->trap = csp[-2] >> 2;
        csp -= 4;
        pc += 1;
        NEXT;
    }
    OPCASE(raise) : do_raise:
    {
        /* the backtrace: this pc and the frames the exception leaves (bounded work). Through
         * ctx (PROTECT): with csp live across the call, gcc spilled csp in every call and
         * return handler (B2 +6.5 % host instructions; docs/performance.md) */
        PROTECT(svm_bt_raise(vm, ctx, (uint32_t)(pc - code), ctx->csp, ctx->acc));
        if (ctx->trap == 0)
            TRAP(uncaught_exception);
        uint32_t *rec = ctx->lo + (ctx->trap - 1);
        pc = code + (rec[0] >> 2);
        ep = rec[1];
        ctx->trap = rec[2] >> 2;
        sp = base - svm_val_int(rec[3]);
        csp = rec;
        NEXT_JUMP;
    }

    /* ---- globals ---- */
    OPCASE(getvar) :
    {
        uint32_t g = rd_u16(pc + 1);
        if (SVM_UNLIKELY(g >= vm->nglobals))
            TRAP(type_error);
        a = vm->globals[g];
        pc += 3;
        NEXT;
    }
    OPCASE(setvar) :
    {
        uint32_t g = rd_u16(pc + 1);
        if (SVM_UNLIKELY(g >= vm->nglobals))
            TRAP(type_error);
        vm->globals[g] = a;
        a = SVM_VAL_UNIT;
        pc += 3;
        NEXT;
    }

    /* ---- integer arithmetic on tagged words (results always carry the int tag) ---- */
#define BINOP(name, expr)                                                                          \
    OPCASE(name) :                                                                                 \
    {                                                                                              \
        uint32_t b = *sp++;                                                                        \
        a = (expr);                                                                                \
        pc += 1;                                                                                   \
        NEXT;                                                                                      \
    }
    BINOP(addint, (a + b - 1u) | 1u)
    BINOP(subint, (a - b + 1u) | 1u)
    BINOP(mulint, ((a >> 1) * (b - 1u)) | 1u)
    BINOP(andint, (a & b) | 1u)
    BINOP(orint, a | b | 1u)
    BINOP(xorint, (a ^ b) | 1u)
    BINOP(lslint, ((a - 1u) << ((b >> 1) & 31u)) | 1u)
    BINOP(lsrint, (a >> ((b >> 1) & 31u)) | 1u)
    BINOP(asrint, (uint32_t)((int32_t)a >> ((b >> 1) & 31u)) | 1u)
    BINOP(eq, svm_bool_val(a == b))
    BINOP(ne, svm_bool_val(a != b))
    BINOP(lt, svm_bool_val((int32_t)a < (int32_t)b))
    BINOP(le, svm_bool_val((int32_t)a <= (int32_t)b))
    BINOP(gt, svm_bool_val((int32_t)a > (int32_t)b))
    BINOP(ge, svm_bool_val((int32_t)a >= (int32_t)b))
    OPCASE(divint) : OPCASE(modint) :
    {
        int32_t y = svm_val_int(sp[0]), x = svm_val_int(a);
        if (SVM_UNLIKELY(y == 0))
            RAISE(vm->exn_div_by_zero);
        sp++;
        /* 31-bit operands: min_int / -1 = 2^30 fits in int32 and wraps when re-tagged */
        a = svm_int_val(*pc == SVBC_OP_divint ? x / y : x % y);
        pc += 1;
        NEXT;
    }
    OPCASE(negint) : a = (2u - a) | 1u;
    pc += 1;
    NEXT;
    OPCASE(addimm) : a = (a + ((uint32_t)rd_i32(pc + 1) << 1)) | 1u;
    pc += 5;
    FUSE(push);
    NEXT;
    OPCASE(not ) : a = (4u - a) | 1u;
    pc += 1;
    NEXT;
    /* The fused compare-and-branch families, each over the same six conditions on the
     * tagged words (signed order is the integers' order):
     *   b<cmp> L          A with S0, popped;
     *   b<cmp>imm n, L    A with the integer n, nothing popped, A kept;
     *   b<cmp>acc n, L    A with S[n], nothing popped, A kept (`if x < y` on two locals).
     * Labels are relative to the start of the instruction, as everywhere. */
#define FOR_EACH_CMP(M, sfx)                                                                       \
    M(beq##sfx, a == b)                                                                            \
    M(bne##sfx, a != b)                                                                            \
    M(blt##sfx, (int32_t)a < (int32_t)b)                                                           \
    M(ble##sfx, (int32_t)a <= (int32_t)b)                                                          \
    M(bgt##sfx, (int32_t)a > (int32_t)b)                                                           \
    M(bge##sfx, (int32_t)a >= (int32_t)b)
#define CBRANCH(name, cond)                                                                        \
    OPCASE(name) :                                                                                 \
    {                                                                                              \
        uint32_t b = *sp++;                                                                        \
        pc += (cond) ? rd_i32(pc + 1) : 5;                                                         \
        NEXT_JUMP;                                                                                 \
    }
#define CBRANCHIMM(name, cond)                                                                     \
    OPCASE(name) :                                                                                 \
    {                                                                                              \
        uint32_t b = ((uint32_t)rd_i32(pc + 1) << 1) | 1u;                                         \
        pc += (cond) ? rd_i32(pc + 5) : 9;                                                         \
        NEXT_JUMP;                                                                                 \
    }
#define CBRANCHACC(name, cond)                                                                     \
    OPCASE(name) :                                                                                 \
    {                                                                                              \
        uint32_t b = sp[pc[1]];                                                                    \
        pc += (cond) ? rd_i32(pc + 2) : 6;                                                         \
        NEXT_JUMP;                                                                                 \
    }
    FOR_EACH_CMP(CBRANCH, )
    FOR_EACH_CMP(CBRANCHIMM, imm)
    FOR_EACH_CMP(CBRANCHACC, acc)
#undef CBRANCHIMM
#undef CBRANCHACC
#undef FOR_EACH_CMP
    /* the step of `for i = lo to/downto hi`: S[i] != S[h] -> S[i] +/-= 1 and loop. The
     * result is forced to an integer (bytecode cannot forge a reference this way). */
#define FORSTEP(name, delta)                                                                       \
    OPCASE(name) :                                                                                 \
    {                                                                                              \
        svm_value_t *s = sp + pc[1];                                                               \
        if (*s != sp[pc[2]]) {                                                                     \
            *s = (*s + (uint32_t)(delta)) | 1u;                                                    \
            pc += rd_i32(pc + 3);                                                                  \
            NEXT_JUMP;                                                                             \
        }                                                                                          \
        pc += 7;                                                                                   \
        NEXT;                                                                                      \
    }
    FORSTEP(forup, 2)
    FORSTEP(fordown, -2)
#undef FORSTEP

    /* ---- structural comparison ---- */
    OPCASE(polyeq)
        : OPCASE(polyne)
        : OPCASE(polylt) : OPCASE(polyle) : OPCASE(polygt) : OPCASE(polyge) : OPCASE(polycmp) :
    {
        uint8_t op = *pc;
        /* bounded by the fuel left; out of it, the slice ends here and the next one continues
     * the comparison (compare.c), so a cyclic or huge one is pre-emptible like a loop */
        int r = svm_compare_bounded(vm, ctx, (uint32_t)(pc - code), a, sp[0], op != SVBC_OP_polycmp,
                                    (uint64_t)left * SVM_WORK_UNIT);
        if (SVM_UNLIKELY(r == SVM_CMP_SUSPENDED))
            goto out_of_fuel;
        CHARGE_WORK();
        if (SVM_UNLIKELY(r == SVM_CMP_FUNCTIONAL))
            RAISE_INVALID("compare: functional value");
        if (SVM_UNLIKELY(r == SVM_CMP_TOO_DEEP))
            TRAP(stack_overflow);
        sp++;
        switch (op) {
        case SVBC_OP_polyeq: a = svm_bool_val(r == 0); break;
        case SVBC_OP_polyne: a = svm_bool_val(r != 0); break;
        case SVBC_OP_polylt: a = svm_bool_val(r == -1); break;
        case SVBC_OP_polyle: a = svm_bool_val(r == -1 || r == 0); break;
        case SVBC_OP_polygt: a = svm_bool_val(r == 1); break;
        case SVBC_OP_polyge: a = svm_bool_val(r == 1 || r == 0); break;
        default: a = svm_int_val(r); break;
        }
        pc += 1;
        NEXT;
    }

    /* ---- floats ---- */
    OPCASE(addfloat) : OPCASE(subfloat) : OPCASE(mulfloat) : OPCASE(divfloat) :
    {
        double x, y, r;
        FLOAT_ARG(a, x);
        FLOAT_ARG(sp[0], y);
        switch (*pc) {
        case SVBC_OP_addfloat: r = x + y; break;
        case SVBC_OP_subfloat: r = x - y; break;
        case SVBC_OP_mulfloat: r = x * y; break;
        default: r = x / y; break;
        }
        BOX_FLOAT(r); /* (before the pop: ALLOC may run the handler again) */
        sp++;
        pc += 1;
        NEXT;
    }
    OPCASE(negfloat) :
    {
        double x;
        FLOAT_ARG(a, x);
        BOX_FLOAT(-x);
        pc += 1;
        NEXT;
    }
    OPCASE(floatofint) : BOX_FLOAT((double)svm_val_int(a));
    pc += 1;
    NEXT;
    OPCASE(intoffloat) :
    {
        double x;
        FLOAT_ARG(a, x);
        a = svm_int_val(wrap_float_to_int(x));
        pc += 1;
        NEXT;
    }
    OPCASE(eqfloat) : OPCASE(ltfloat) : OPCASE(lefloat) :
    {
        double x, y;
        FLOAT_ARG(a, x);
        FLOAT_ARG(sp[0], y);
        sp++;
        a = svm_bool_val(*pc == SVBC_OP_eqfloat ? x == y : *pc == SVBC_OP_ltfloat ? x < y : x <= y);
        pc += 1;
        NEXT;
    }

    /* ---- arrays, strings, bytes ---- */
    OPCASE(makearray) :
    {
        if (SVM_UNLIKELY(!svm_is_int(a)))
            TRAP(type_error);
        int32_t n = svm_val_int(a);
        if (n < 0 || (uint32_t)n > SVOBJ_SIZE_MAX)
            RAISE_INVALID("Array.make");
        uint32_t off;
        ALLOC(off, SVOBJ_HEADER(SVOBJ_ARRAY, 0, (uint32_t)n));
        uint32_t *o = OBJ(off);
        svm_value_t fill = *sp++; /* read after the allocation: it may have moved */
        for (int32_t i = 0; i < n; i++)
            o[1 + i] = fill;
        svm_work_charge(vm, (uint32_t)n);
        CHARGE_WORK();
        a = off;
        pc += 1;
        NEXT;
    }
    OPCASE(arrayn) :
    {
        uint32_t n = rd_u16(pc + 1), off;
        ALLOC(off, SVOBJ_HEADER(SVOBJ_ARRAY, 0, n));
        sp = fill_fields(OBJ(off) + 1, a, sp, n);
        a = off;
        pc += 3;
        NEXT;
    }
    OPCASE(arrayget) :
    {
        if (SVM_UNLIKELY(!svm_is_ptr(a) || SVOBJ_KIND(OBJ(a)[0]) != SVOBJ_ARRAY ||
                         !svm_is_int(sp[0])))
            TRAP(type_error);
        uint32_t *o = OBJ(a), i = (uint32_t)svm_val_int(sp[0]);
        if (SVM_UNLIKELY(i >= SVOBJ_SIZE(o[0])))
            RAISE(vm->exn_index_oob);
        a = o[1 + i];
        sp++;
        pc += 1;
        NEXT;
    }
    OPCASE(arrayset) :
    {
        if (SVM_UNLIKELY(!svm_is_ptr(a) || SVOBJ_KIND(OBJ(a)[0]) != SVOBJ_ARRAY ||
                         !svm_is_int(sp[0])))
            TRAP(type_error);
        uint32_t *o = OBJ(a), i = (uint32_t)svm_val_int(sp[0]);
        if (SVM_UNLIKELY(i >= SVOBJ_SIZE(o[0])))
            RAISE(vm->exn_index_oob);
        o[1 + i] = sp[1];
        sp += 2;
        a = SVM_VAL_UNIT;
        pc += 1;
        NEXT;
    }
    OPCASE(arraylen)
        : if (SVM_UNLIKELY(!svm_is_ptr(a) || SVOBJ_KIND(OBJ(a)[0]) != SVOBJ_ARRAY))
              TRAP(type_error);
    a = svm_int_val((int32_t)SVOBJ_SIZE(OBJ(a)[0]));
    pc += 1;
    NEXT;
    OPCASE(strlen) :
    {
        const uint8_t *s;
        uint32_t len;
        if (SVM_UNLIKELY(!svm_string_view(vm, a, &s, &len)))
            TRAP(type_error);
        a = svm_int_val((int32_t)len);
        pc += 1;
        NEXT;
    }
    OPCASE(strget) :
    {
        const uint8_t *s;
        uint32_t len;
        if (SVM_UNLIKELY(!svm_string_view(vm, a, &s, &len) || !svm_is_int(sp[0])))
            TRAP(type_error);
        uint32_t i = (uint32_t)svm_val_int(sp[0]);
        if (SVM_UNLIKELY(i >= len))
            RAISE(vm->exn_index_oob);
        a = svm_int_val(s[i]);
        sp++;
        pc += 1;
        NEXT;
    }
    OPCASE(bytesset) :
    {
        const uint8_t *s;
        uint32_t len;
        if (SVM_UNLIKELY(!svm_string_view(vm, a, &s, &len) || !svm_is_int(sp[0])))
            TRAP(type_error);
        if (SVM_UNLIKELY(!svm_is_ptr(a) || SVOBJ_KIND(OBJ(a)[0]) != SVOBJ_BYTES))
            RAISE_INVALID("Bytes.set: read-only string");
        uint32_t i = (uint32_t)svm_val_int(sp[0]);
        if (SVM_UNLIKELY(i >= len))
            RAISE(vm->exn_index_oob);
        heap[a + 8 + i] = (uint8_t)svm_val_int(sp[1]);
        sp += 2;
        a = SVM_VAL_UNIT;
        pc += 1;
        NEXT;
    }
    OPCASE(bytesmake) :
    {
        if (SVM_UNLIKELY(!svm_is_int(a)))
            TRAP(type_error);
        int32_t n = svm_val_int(a);
        if (n < 0 || (uint32_t)n > (SVOBJ_SIZE_MAX - 1u) * 4u)
            RAISE_INVALID("Bytes.create");
        uint32_t off;
        PROTECT(off = svm_alloc_string_r(vm, SVOBJ_BYTES, (uint32_t)n, (uint32_t)left));
        if (SVM_UNLIKELY(off <= SVM_ALLOC_SUSPENDED)) {
            if (off)
                goto gc_suspended;
            TRAP(heap_exhausted);
        }
        memset(heap + off + 8, svm_val_int(*sp++) & 0xff, (size_t)n);
        CHARGE_WORK(); /* svm_alloc_string charged the bytes */
        a = off;
        pc += 1;
        NEXT;
    }
    OPCASE(strcat) :
    {
        const uint8_t *s1, *s2;
        uint32_t l1, l2, off;
        if (SVM_UNLIKELY(!svm_string_view(vm, a, &s1, &l1) ||
                         !svm_string_view(vm, sp[0], &s2, &l2)))
            TRAP(type_error);
        if ((uint64_t)l1 + l2 > (SVOBJ_SIZE_MAX - 1u) * 4u)
            TRAP(heap_exhausted);
        PROTECT(off = svm_alloc_string_r(vm, SVOBJ_STRING, l1 + l2, (uint32_t)left));
        if (SVM_UNLIKELY(off <= SVM_ALLOC_SUSPENDED)) {
            if (off)
                goto gc_suspended;
            TRAP(heap_exhausted);
        }
        /* the operands may have moved: view them again */
        svm_string_view(vm, a, &s1, &l1);
        svm_string_view(vm, sp[0], &s2, &l2);
        memcpy(heap + off + 8, s1, l1);
        memcpy(heap + off + 8 + l1, s2, l2);
        CHARGE_WORK(); /* svm_alloc_string charged the bytes */
        sp++;
        a = off;
        pc += 1;
        NEXT;
    }

    /* ---- runtime services ---- */
    OPCASE(svc) :
    {
        uint32_t num = rd_u16(pc + 1), npop;
        svm_svc_result_t r;
        svm_context_t *next;
        /* Event.sync on a channel send/receive: the scheduler's rendezvous (and, when it
     * blocks, the switch to the next context) without a service call */
        if ((num == SVBC_SVC_ev_send_sync || num == SVBC_SVC_ev_receive_sync) &&
            LOOP_HAS_RENDEZVOUS) {
            npop = num == SVBC_SVC_ev_send_sync;
            SAVE();
            uint32_t used = (uint32_t)((int64_t)fuel - left);
            next = ctx;
            if (LOOP_RENDEZVOUS(vm, &next, num, &used) >= 0) {
                if (next == ctx) { /* committed: the result is in ctx->acc */
                    a = ctx->acc;
                    sp += npop;
                    pc += 3;
                    NEXT;
                }
                if (!next) /* blocked, and the slice goes back to the scheduler */
                    return SVM_BLOCKED;
                fuel = used; /* the next context's budget */
                goto switch_to_next;
            }
        } else {
            if (SVM_UNLIKELY(num >= SVBC_SVC_LIMIT || !svbc_svcinfo[num].name))
                TRAP(unknown_service);
            npop = svbc_svcinfo[num].arity ? svbc_svcinfo[num].arity - 1u : 0u;
            SAVE();
        }
        r = svm_service(vm, ctx, num);
        LOAD();
        CHARGE_WORK();
        switch (r) {
        case SVM_SVC_OK:
            sp += npop;
            pc += 3;
            NEXT;
        case SVM_SVC_RAISE: goto do_raise;
        case SVM_SVC_EXIT: st = SVM_EXITED; goto leave;
        case SVM_SVC_BLOCK:
            sp += npop;
            pc += 3;
            st = SVM_BLOCKED;
            if (LOOP_HAS_SWITCH) { /* go on with the next context here (cfg.ext_switch) */
                SAVE();
                ctx->steps += (uint64_t)((int64_t)fuel - left);
                ctx->status = (uint8_t)st;
                next = LOOP_SWITCH(vm, ctx, &fuel);
                if (!next)
                    return st;
            switch_to_next:
                ctx = next;
                base = ctx->base;
                pc = code + ctx->pc;
                LOAD();
                left = fuel;
                PAY_DEBT();
                NEXT_JUMP; /* as on entry */
            }
            goto leave;
        default: goto do_trap; /* the service set vm->trap.code */
        }
    }

op_invalid_: /* unreachable in a validated image */
    TRAP(type_error);

gc_suspended: /* ALLOC's collection spent the fuel: the instruction runs again after it */
    vm->gcr_ctx = ctx;
    CHARGE_WORK();
out_of_fuel:
    left = 0;
    st = SVM_FUEL;
    goto leave;

#define TRAP_LABEL_(name)                                                                          \
    trap_##name : SVM_COLD_LABEL vm->trap.code = SVM_TRAP_##name;                                  \
    goto do_trap;
    TRAP_LABEL_(stack_overflow)
    TRAP_LABEL_(stack_underflow)
    TRAP_LABEL_(heap_exhausted)
    TRAP_LABEL_(match_failure)
    TRAP_LABEL_(type_error)
    TRAP_LABEL_(unknown_service)
    TRAP_LABEL_(uncaught_exception)
    TRAP_LABEL_(bad_frame)
#undef TRAP_LABEL_

do_trap:
    trapc = vm->trap.code;
    vm->trap.container = vm->cfg.container_id;
    vm->trap.context = ctx->id;
    vm->trap.pc = (uint32_t)(pc - code);
    vm->trap.opcode = *pc;
    if (trapc != SVM_TRAP_uncaught_exception) {
        vm->trap.value = SVM_VAL_UNIT;
        if (*pc == SVBC_OP_svc) { /* the service's first argument (A if it has one) */
            uint32_t n_ = rd_u16(pc + 1), ar_ = n_ < SVBC_SVC_LIMIT ? svbc_svcinfo[n_].arity : 0;
            vm->trap.arg = ar_ <= 1 ? a : sp[ar_ - 2];
        }
        PROTECT(svm_bt_trap(vm, ctx, vm->trap.pc, ctx->csp)); /* as in do_raise */
    }
    st = SVM_TRAPPED;
    /* fall through */
leave:
    SAVE();
    ctx->steps += (uint64_t)((int64_t)fuel - left);
    ctx->status = (uint8_t)st;
    return st;
}

#undef LOOP_HAS_RENDEZVOUS
#undef LOOP_RENDEZVOUS
#undef LOOP_HAS_SWITCH
#undef LOOP_SWITCH
#undef SAVE
#undef LOAD
#undef PROTECT
#undef TRAP
#undef RAISE
#undef RAISE_INVALID
#undef NEED
#undef ROOM
#undef ALLOC
#undef ALLOC_
#undef ALLOC_ONCE
#undef OBJ
#undef BLOCK_FIELD
#undef FLOAT_ARG
#undef BOX_FLOAT
#undef OPCASE
#undef FUEL
#undef CHARGE_WORK
#undef PAY_DEBT
#undef EACH
#undef JUMPED
#undef DISPATCH
#undef NEXT
#undef NEXT_JUMP
#undef FUSE
#undef BINOP
#undef CBRANCH

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

#undef SVM_RUN_NAME
#undef SVM_COUNT_EACH
#undef SVM_LOOP_RENDEZVOUS
#undef SVM_LOOP_SWITCH
