/* SPDX-License-Identifier: MIT
 * backtrace.c — recording where an exception was raised or a context trapped (vm->bt,
 * sensevm/vm.h), and the target's fault report (svm_format_fault). Nothing here runs on a
 * call or a return: only at a raise or a trap, with work bounded by SVM_CFG_BACKTRACE.
 * The pcs are turned into source lines on the host (bytecode-spec debuginfo.c: the
 * runner, senseasm --addr2line).
 */
#include "internal.h"

/* Walk the control records from csp down to stop, appending return addresses to bt
 * (innermost first) while it has room. */
static void walk(svm_backtrace_t *bt, const uint32_t *csp, const uint32_t *stop)
{
    while (csp - stop >= 2) {
        uint32_t w = csp[-2];
        switch (w & 3u) {
        case REC_RETURN:
            if (bt->n == SVM_CFG_BACKTRACE) {
                bt->truncated = 1;
                return;
            }
            bt->pc[bt->n++] = w >> 2;
            csp -= 2;
            break;
        case REC_EXTRA: csp -= 2; break;    /* over-application: no frame of its own */
        case REC_LINK: csp -= 4; break;     /* a handler record (traps walk through) */
        default: return;                    /* not a record boundary: stop */
        }
    }
}

static void start(svm_backtrace_t *bt, const svm_context_t *ctx, uint32_t pc)
{
    bt->n = 1;
    bt->truncated = 0;
    bt->context = ctx->id;
    bt->pc[0] = pc | SVIMG_BT_EXACT;
}

void svm_bt_raise(svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc, const uint32_t *csp,
                  svm_value_t exn)
{
    svm_backtrace_t *bt = &vm->bt;
    /* the exception last raised, raised again by the same context: a re-raise (a
     * handler's `raise e`, or a try whose cases do not match), which OCaml appends */
    if (exn == vm->trap.value && bt->n && bt->context == ctx->id &&
        vm->code[pc] == SVBC_OP_raise) { /* a primitive's raise is never a re-raise */
        if (bt->n < SVM_CFG_BACKTRACE)
            bt->pc[bt->n++] = pc | SVIMG_BT_EXACT;
        else
            bt->truncated = 1;
    } else {
        start(bt, ctx, pc);
    }
    vm->trap.value = exn;
    /* the frames the exception leaves: those above its handler's record */
    walk(bt, csp, ctx->trap ? ctx->lo + (ctx->trap - 1u) + 4u : ctx->lo);
}

void svm_bt_trap(svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc, const uint32_t *csp)
{
    start(&vm->bt, ctx, pc);
    walk(&vm->bt, csp, ctx->lo);
}

void svm_backtrace_capture(svm_vm_t *vm, const svm_context_t *ctx)
{
    svm_bt_trap(vm, ctx, ctx->pc, ctx->csp);
}

/* ---- the target's report ---- */
typedef struct out {
    char *buf;
    size_t cap, len;
} out_t;

static void put(out_t *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->buf[o->len] = s[i];
}
static void puts_(out_t *o, const char *s) { put(o, s, strlen(s)); }
static void puthex(out_t *o, uint32_t v, unsigned width)
{
    char t[8];
    unsigned n = 0;
    do {
        t[n++] = "0123456789abcdef"[v & 15u];
        v >>= 4;
    } while (v || n < width);
    while (n)
        put(o, &t[--n], 1);
}

size_t svm_format_fault(const svm_vm_t *vm, char *buf, size_t cap)
{
    out_t o = {buf, cap, 0};
    char num[16];
    if (vm->trap.code == SVM_TRAP_uncaught_exception) {
        char exn[96];
        svm_format_exn(vm, vm->trap.value, exn, sizeof exn);
        puts_(&o, "Fatal error: exception ");
        puts_(&o, exn);
    } else {
        puts_(&o, "trap: ");
        puts_(&o, svm_trap_message(vm->trap.code));
        puts_(&o, " at pc 0x");
        puthex(&o, vm->trap.pc, 4);
        puts_(&o, " (opcode 0x");
        puthex(&o, vm->trap.opcode, 2);
        put(&o, ")", 1);
    }
    puts_(&o, "\nin container '");
    puts_(&o, vm->image->manifest.name);
    puts_(&o, "' context ");
    put(&o, num, svm_fmt_int(num, (int32_t)vm->trap.context));
    puts_(&o, "\nsvm-bt ");
    for (unsigned i = 0; i < 8; i++)
        puthex(&o, vm->image->sha256[i], 2);
    for (uint32_t i = 0; i < vm->bt.n; i++) {
        uint32_t e = vm->bt.pc[i];
        puts_(&o, e & SVIMG_BT_EXACT ? " 0x" : " r0x");
        puthex(&o, e & ~SVIMG_BT_EXACT, 1);
    }
    if (vm->bt.truncated)
        puts_(&o, " ...");
    put(&o, "\n", 1);
    if (cap)
        buf[o.len < cap ? o.len : cap - 1] = 0;
    return o.len;
}
