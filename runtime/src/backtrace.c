/* SPDX-License-Identifier: MIT
 * backtrace.c — recording where an exception was raised or a context trapped (vm->bt,
 * sensevm/vm.h), and the target's fault report (svm_format_fault). Nothing here runs on a
 * call or a return: only at a raise or a trap, with work bounded by SVM_CFG_BACKTRACE.
 * The pcs are turned into source lines on the host (bytecode-spec debuginfo.c: the
 * runner, senseasm --addr2line).
 */
#include "internal.h"

#include <sensevm/strbuf.h>

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
        case REC_EXTRA: csp -= 2; break; /* over-application: no frame of its own */
        case REC_LINK: csp -= 4; break;  /* a handler record (traps walk through) */
        default: return;                 /* not a record boundary: stop */
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
size_t svm_format_fault(const svm_vm_t *vm, char *buf, size_t cap)
{
    svbc_buf_t o = {buf, cap, 0};
    if (vm->trap.code == SVM_TRAP_uncaught_exception) {
        char exn[96];
        svm_format_exn(vm, vm->trap.value, exn, sizeof exn);
        svbc_buf_str(&o, "Fatal error: exception ");
        svbc_buf_str(&o, exn);
    } else {
        svbc_buf_str(&o, "trap: ");
        svbc_buf_str(&o, svm_trap_message(vm->trap.code));
        svbc_buf_str(&o, " at pc 0x");
        svbc_buf_num(&o, vm->trap.pc, 16, 4);
        svbc_buf_str(&o, " (opcode 0x");
        svbc_buf_num(&o, vm->trap.opcode, 16, 2);
        svbc_buf_str(&o, ")");
    }
    svbc_buf_str(&o, "\nin container '");
    svbc_buf_str(&o, vm->image->manifest.name);
    svbc_buf_str(&o, "' context ");
    svbc_buf_num(&o, vm->trap.context, 10, 1);
    svbc_buf_str(&o, "\nsvm-bt ");
    for (unsigned i = 0; i < 8; i++)
        svbc_buf_num(&o, vm->image->sha256[i], 16, 2);
    for (uint32_t i = 0; i < vm->bt.n; i++) {
        uint32_t e = vm->bt.pc[i];
        svbc_buf_str(&o, e & SVIMG_BT_EXACT ? " 0x" : " r0x");
        svbc_buf_num(&o, e & ~SVIMG_BT_EXACT, 16, 1);
    }
    if (vm->bt.truncated)
        svbc_buf_str(&o, " ...");
    svbc_buf_str(&o, "\n");
    return svbc_buf_end(&o);
}
