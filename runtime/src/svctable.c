/* SPDX-License-Identifier: MIT
 * svctable.c — the one service table, [number] = svm_svc_<name>, expanded from
 * services.def for every row, core (services.c) and scheduler (box.c) alike.
 *
 * The handlers are referenced weakly here, so that the table never pulls code into a link
 * by itself: a firmware without the scheduler links no box.c, its scheduler rows are NULL
 * and `svc` on them traps unknown_service (svm_service); the core's handlers come with
 * services.c, which defines svm_service. Kept apart from the handlers because a weak
 * declaration in their own file would make their definitions weak.
 */
#include "service.h"

#if defined(__GNUC__) || defined(__clang__)
#define SVC(name, num, arity, flags, doc)                                                          \
    extern __attribute__((weak)) svm_svc_result_t svm_svc_##name(svm_vm_t *, svm_context_t *);
#include <sensevm/services.def>
#undef SVC
#endif

const svm_svc_fn svm_service_table[SVBC_SVC_LIMIT] = {
#define SVC(name, num, arity, flags, doc) [num] = svm_svc_##name,
#include <sensevm/services.def>
#undef SVC
};
