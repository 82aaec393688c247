/* SPDX-License-Identifier: MIT
 * gc.h — what the two collectors share: the copying collector (gc.c) and the mark-compact
 * one (gc_compact.c). docs/runtime.md, "The collectors", says which to pick.
 */
#ifndef SVM_GC_H
#define SVM_GC_H

#include "internal.h"

#define HEAP_START 4u /* first object offset: offset 0..3 is never an object */

/* Visit every root slot once (a slot visited twice would be moved twice): globals; each
 * context's value stack [sp, hi) (incl. the guard), the EP words of its control stack
 * records, its A and EP registers; vm->roots; the prebuilt exceptions; the trap value;
 * the scheduler's values (sched.h svm_container_roots, issue 5). Returns the words of
 * stack it walked (work). Inlined into each collector with its own visit. */
static inline uint32_t svm_gc_roots(svm_vm_t *vm, void (*visit)(svm_value_t *, void *), void *arg)
{
    uint32_t work = 0; /* stack words visited */
    for (svm_value_t *p = vm->globals, *e = p + vm->nglobals; p < e; p++)
        visit(p, arg);
    for (svm_context_t *c = vm->contexts; c; c = c->next) {
        for (svm_value_t *p = c->sp; p < c->hi; p++)
            visit(p, arg);
        for (uint32_t *w = c->lo + 1; w < c->csp; w += 2)
            visit(w, arg);
        visit(&c->acc, arg);
        visit(&c->ep, arg);
        work += (uint32_t)(c->hi - c->sp) + (uint32_t)(c->csp - c->lo) / 2u;
    }
    for (uint32_t i = 0; i < vm->nroots; i++)
        visit(vm->roots[i], arg);
    visit(&vm->exn_div_by_zero, arg);
    visit(&vm->exn_index_oob, arg);
    visit(&vm->trap.value, arg);
    /* (gc.c's roots_step walks the same slots but the scheduler's, in this order, in
     * steps: keep the two in step) */
    if (vm->cfg.ext_roots)
        vm->cfg.ext_roots(vm, visit, arg);
    return work;
}

/* Objects whose payload words are values the collector follows. */
static inline int svm_gc_has_fields(uint32_t hd)
{
    return (int)(((1u << SVOBJ_BLOCK | 1u << SVOBJ_CLOSURE | 1u << SVOBJ_PAP | 1u << SVOBJ_ARRAY) >>
                  SVOBJ_KIND(hd)) &
                 1u);
}

/* Words a collection copies and scans: less than the heap's words twice, so a machine
 * word holds it (a 32-bit heap is at most 16 MiB; a 64-bit one < 4 GiB). */
typedef uintptr_t svm_gcwork_t;

#if SVM_CFG_GC_COMPACT
/* After a collection that left `live` bytes in use (hp = live) having done `work` words:
 * the statistics, and the work charged as fuel (charge = 0: a gc_every_alloc extra).
 * (Local to gc.c in a build without the compact collector: smaller firmware.) */
void svm_gc_done(svm_vm_t *vm, uint32_t live, svm_gcwork_t work, int charge);
#endif

/* The mark-compact collection (gc_compact.c); same contract as the copying one. */
void svm_gc_compact(svm_vm_t *vm, int charge);

/* Lay out the compact heap in mem[0..bytes) (vm.c); 0 if too small. */
int svm_gc_compact_setup(svm_vm_t *vm, uint8_t *mem, uint32_t bytes);

#endif
