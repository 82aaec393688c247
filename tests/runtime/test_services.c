/* SPDX-License-Identifier: MIT
 * test_services.c — the one service table (runtime/src/svctable.c, service.h): linked with
 * the scheduler's container (box.c), every services.def row has its handler, and the
 * scheduler's rows trap unknown_service on a bare VM (no box), as they do in a firmware
 * that links no scheduler (whose table then holds NULL for them).
 */
#include <criterion/criterion.h>

#include "service.h"

#include <sensevm/vmsched.h>

#include <stdlib.h>

Test(services, every_row_has_a_handler)
{
    int rows = 0;
#define SVC(name, num, arity, flags, doc)                                                          \
    cr_assert(svm_service_table[num] == svm_svc_##name, "row %s (0x%02x)", #name, num);            \
    rows++;
#include <sensevm/services.def>
#undef SVC
    int filled = 0;
    for (uint32_t n = 0; n < SVBC_SVC_LIMIT; n++)
        filled += svm_service_table[n] != NULL;
    cr_assert_eq(filled, rows, "entries that are no services.def row");
}

typedef struct fixture {
    svl_image_t img;
    svm_vm_t vm;
    svm_context_t ctx;
    uint64_t mem[4096];
    uint32_t stack[SVM_STACK_GUARD + 64];
} fixture_t;

Test(services, scheduler_rows_trap_on_a_bare_vm)
{
    fixture_t *f = calloc(1, sizeof *f);
    static const uint8_t code[1] = {0x1e}; /* halt */
    f->img.code = code;
    f->img.code_size = 1;
    svm_config_t cfg = {.memory = f->mem, .memory_size = sizeof f->mem, .heap_size = 8192};
    cr_assert_eq(svm_vm_init(&f->vm, &f->img, &cfg), SVM_INIT_OK);
    cr_assert_eq(svm_context_init(&f->vm, &f->ctx, 0, f->stack, sizeof f->stack / 4, 0),
                 SVM_INIT_OK);
    for (uint32_t n = SVM_SVC_SCHED_FIRST; n < SVBC_SVC_LIMIT; n++) {
        if (!svm_service_table[n])
            continue;
        f->vm.trap.code = SVM_TRAP_none;
        f->ctx.acc = SVM_VAL_UNIT;
        cr_assert_eq(svm_service(&f->vm, &f->ctx, n), SVM_SVC_TRAP, "service 0x%02x", n);
        cr_assert_eq(f->vm.trap.code, SVM_TRAP_unknown_service);
    }
    /* a core row still runs */
    f->ctx.acc = svm_int_val(42);
    cr_assert_eq(svm_service(&f->vm, &f->ctx, SVBC_SVC_string_of_int), SVM_SVC_OK);
    cr_assert_eq(svm_service(&f->vm, &f->ctx, SVBC_SVC_int_of_string), SVM_SVC_OK);
    cr_assert_eq(f->ctx.acc, svm_int_val(42));
    /* numbers past the table */
    cr_assert_eq(svm_service(&f->vm, &f->ctx, SVBC_SVC_LIMIT), SVM_SVC_TRAP);
    free(f);
}
