/* SPDX-License-Identifier: MIT
 * service.h — the runtime services reached by `svc n`: the one table (svctable.c, generated
 * from services.def), the calling convention and the helpers every handler uses, core
 * (services.c) and scheduler (box.c) alike.
 *
 * Adding a service: one row in bytecode-spec/include/sensevm/services.def, one handler
 * `SVM_SERVICE(name) { … }` in services.c (or in box.c when it needs the scheduler: rows
 * from SVM_SVC_SCHED_FIRST on), one test. The table and every prototype are expanded from
 * the row; a row without a handler is a link error where the table is complete (the runner
 * and the scheduler tests link both parts; tests/runtime checks every row).
 *
 * Calling convention: for arity n, argument i (0-based) is A when i = n-1, else
 * S[n-2-i]. Handlers read arguments through ARG(), which reads the saved context, so the
 * values stay rooted (and are re-read) across allocations. A handler leaves its result in
 * ctx->acc and does NOT pop: the interpreter pops arity-1 slots after SVM_SVC_OK/BLOCK.
 */
#ifndef SVM_SERVICE_H
#define SVM_SERVICE_H

#include "internal.h"

typedef enum svm_svc_result {
    SVM_SVC_OK = 0,
    SVM_SVC_RAISE, /* ctx->acc = the exception to raise */
    SVM_SVC_TRAP,  /* vm->trap.code set */
    SVM_SVC_EXIT,  /* vm->exit_code set */
    SVM_SVC_BLOCK  /* suspend the context after the svc (the scheduler's services) */
} svm_svc_result_t;

typedef svm_svc_result_t (*svm_svc_fn)(svm_vm_t *vm, svm_context_t *ctx);

/* Services from this number on (contexts, channels, time, devices) need the scheduler:
 * on a bare VM (vm->cfg.box == NULL) they trap unknown_service. */
#define SVM_SVC_SCHED_FIRST 0x40u

/* Every handler, declared from services.def: svm_svc_<name>. */
#define SVC(name, num, arity, flags, doc)                                                          \
    svm_svc_result_t svm_svc_##name(svm_vm_t *vm, svm_context_t *ctx);
#include <sensevm/services.def>
#undef SVC

/* The table: [number] = handler; NULL for holes and, in a firmware without the
 * scheduler (box.c not linked), for the scheduler's rows (svctable.c). */
extern const svm_svc_fn svm_service_table[SVBC_SVC_LIMIT];

/* Run service num for ctx (registers saved). */
svm_svc_result_t svm_service(svm_vm_t *vm, svm_context_t *ctx, uint32_t num);

/* ---- for handlers ---- */
#define SVM_SERVICE(name) svm_svc_result_t svm_svc_##name(svm_vm_t *vm, svm_context_t *ctx)
#define ARG(n, i) ((i) == (n)-1 ? ctx->acc : ctx->sp[(n)-2 - (i)])
#define RESULT(v) (ctx->acc = (v))

static inline svm_svc_result_t svm_svc_trap(svm_vm_t *vm, svm_trap_t t)
{
    vm->trap.code = t;
    return SVM_SVC_TRAP;
}
/* Raise NAME(msg) (msg may be NULL); heap_exhausted when even that cannot be built. */
static inline svm_svc_result_t svm_svc_raise(svm_vm_t *vm, svm_context_t *ctx, const char *name,
                                             const char *msg)
{
    uint32_t e = svm_make_exn(vm, name, msg);
    if (!e)
        return svm_svc_trap(vm, SVM_TRAP_heap_exhausted);
    ctx->acc = e;
    return SVM_SVC_RAISE;
}
#define TRAP_WITH(t) return svm_svc_trap(vm, SVM_TRAP_##t)
#define FAILURE(msg) return svm_svc_raise(vm, ctx, "Failure", msg)
#define INVALID(msg) return svm_svc_raise(vm, ctx, "Invalid_argument", msg)

#endif
