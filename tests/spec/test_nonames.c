/* SPDX-License-Identifier: MIT
 * test_nonames.c — the bytecode library compiled with SVBC_CFG_NO_NAMES (as the Cortex-M
 * cross files do), on the desktop: the tables' `name` flags mark exactly the rows of
 * opcodes.def/services.def, svbc_op_name/svbc_svc_name give their text, the lookups find
 * every row, and decoding still works. Written against the X-macro tables, so it holds for
 * any rows. Suite 'spec'.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <sensevm/bytecode.h>

#ifndef SVBC_CFG_NO_NAMES
#error "this test is compiled with -DSVBC_CFG_NO_NAMES=1"
#endif

static const char *const want_op[256] = {
#define OP(name_, code, operands_, pop_, push_, flags_, doc) [code] = #name_,
#include <sensevm/opcodes.def>
#undef OP
};
static const char *const want_svc[SVBC_SVC_LIMIT] = {
#define SVC(name_, num, arity_, flags_, doc) [num] = #name_,
#include <sensevm/services.def>
#undef SVC
};

Test(spec, nonames_flags_and_names)
{
    unsigned nop = 0, nsvc = 0;
    for (unsigned op = 0; op < 256; op++) {
        cr_assert_eq(svbc_opinfo[op].name, want_op[op] ? 1 : 0, "opcode %u", op);
        if (!want_op[op]) {
            cr_assert_null(svbc_op_name(op));
            continue;
        }
        nop++;
        cr_assert_str_eq(svbc_op_name(op), want_op[op]);
        cr_assert_eq(svbc_lookup_op(want_op[op], strlen(want_op[op])), (int)op);
    }
    for (unsigned s = 0; s < SVBC_SVC_LIMIT; s++) {
        cr_assert_eq(svbc_svcinfo[s].name, want_svc[s] ? 1 : 0, "service %u", s);
        if (!want_svc[s]) {
            cr_assert_null(svbc_svc_name(s));
            continue;
        }
        nsvc++;
        cr_assert_str_eq(svbc_svc_name(s), want_svc[s]);
        cr_assert_eq(svbc_lookup_svc(want_svc[s], strlen(want_svc[s])), (int)s);
    }
    cr_assert_gt(nop, 0);
    cr_assert_gt(nsvc, 0);
    cr_assert_null(svbc_op_name(256));
    cr_assert_null(svbc_svc_name(SVBC_SVC_LIMIT));
    cr_assert_eq(svbc_lookup_op("no-such-op", 10), -1);
    cr_assert_eq(sizeof(svbc_svcinfo_t), 3);
}

Test(spec, nonames_decode_encode)
{
    /* every assigned opcode with all-zero operands encodes and decodes to itself */
    for (unsigned op = 0; op < 256; op++) {
        if (!svbc_opinfo[op].name)
            continue;
        int32_t opnd[SVBC_MAX_OPERANDS + 1] = {0};
        uint8_t buf[64];
        uint32_t n = svbc_encode((uint8_t)op, opnd, NULL, buf, sizeof buf);
        cr_assert_gt(n, 0, "encode %s", svbc_op_name(op));
        svbc_insn_t in;
        cr_assert_eq(svbc_decode(buf, n, &in), n, "decode %s", svbc_op_name(op));
        cr_assert_eq(in.op, op);
    }
    uint8_t hole = 0;
    while (hole < 255 && svbc_opinfo[hole].name)
        hole++;
    if (!svbc_opinfo[hole].name) {
        svbc_insn_t in;
        cr_assert_eq(svbc_decode(&hole, 1, &in), 0, "a hole does not decode");
    }
}
