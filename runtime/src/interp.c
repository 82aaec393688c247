/* SPDX-License-Identifier: MIT
 * interp.c — the CAM interpreter: svm_run() executes one context for a budget of
 * instructions. Every opcodes.def row has a handler `OPCASE(name)`; the dispatch table is
 * generated from opcodes.def, so a missing handler is a compile error ("label used but not
 * defined") in both dispatch modes.
 *
 * Invariants
 *   - The image was validated (loader.h): instructions decode, operands are in range,
 *     branch/call/closure/handler targets are instruction starts. So the hot loop never
 *     checks code bounds. Closures' code offsets come only from `cur` operands and return
 *     addresses live in the control stack, which bytecode cannot address, so every PC the
 *     interpreter jumps to is one the validator approved.
 *   - The value stack satisfies lo <= csp <= sp <= base < hi. Pushes check for the control
 *     stack before writing (stack_overflow); pops are not checked: the loader proved that
 *     every instruction finds the slots it pops or reads in its frame (image-format.md §4,
 *     stack depths; only the generic apply path re-checks, against base: stack_underflow);
 *     acc/assign/forup/fordown n (n <= 255) may reach into the guard [base, hi) unchecked.
 *   - Heap and field accesses check kind and bounds (type_error), array/string indices
 *     raise Invalid_argument "index out of bounds".
 *   - While a handler runs, `pc` points at the start of the current instruction.
 *   - The loop has one source, interp_loop.h, and one way to specialise it (its header):
 *     here run_counted spends fuel on and counts every instruction (stats, --max-steps,
 *     tracing) and run_fast only at control transfers. SVM_CFG_COUNTED_ONLY /
 *     SVM_CFG_FAST_ONLY keep just one of them (smaller firmware; cross builds use
 *     SVM_CFG_FAST_ONLY). On hosts box.c makes a third instance, run_box, with the
 *     scheduler's rendezvous/switch hooks inlined; interp_defs.h holds what every
 *     instance needs.
 *
 * Control stack records (two words each; the odd word is always a valid value, the GC
 * scans it):   [pc << 2 | 0, caller EP]   return frame
 *              [k << 2 | 1, ()]           apply the result to k more stack arguments
 *                                         (over-application); k = 0: halt (entry frame)
 *              [pc << 2 | 2, EP] [prev << 2 | 3, depth]   exception handler (4 words)
 */
#include "interp_defs.h"

#ifndef SVM_CFG_FAST_ONLY
#define SVM_RUN_NAME run_counted
#define SVM_COUNT_EACH 1
#include "interp_loop.h"
#endif

#ifndef SVM_CFG_COUNTED_ONLY
#define SVM_RUN_NAME run_fast
#define SVM_COUNT_EACH 0
#include "interp_loop.h"
#endif

svm_status_t svm_run(svm_vm_t *vm, svm_context_t *ctx, uint32_t fuel)
{
#if defined(SVM_CFG_FAST_ONLY)
    return run_fast(vm, ctx, fuel);
#elif defined(SVM_CFG_COUNTED_ONLY)
    return run_counted(vm, ctx, fuel);
#else
    return vm->cfg.count_steps ? run_counted(vm, ctx, fuel) : run_fast(vm, ctx, fuel);
#endif
}
