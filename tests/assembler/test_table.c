/* SPDX-License-Identifier: MIT
 * test_table.c — table-driven assembler tests: for every row of opcodes.def (walking
 * svbc_opinfo, so a new row is covered with no new test) assemble one instruction with
 * in-range operands, decode it back, and check that its disassembly re-assembles to the
 * same bytes (one instruction, and a whole-object listing).
 */
#include "helpers.h"

#include <criterion/criterion.h>

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Build the source of one instruction of row `op` and the operand values it must decode to.
 * Layout:  main: <insn> / halt / there: halt     (labels point at `there`). */
static void make_insn(int op, char *src, size_t cap, int32_t *want, int *nwant, int *svc)
{
    const svbc_opinfo_t *info = &svbc_opinfo[op];
    char ops[256] = "";
    int n = 0;
    uint32_t len = 1;
    for (const char *k = info->operands; *k; k++)
        len += svbc_operand_size(*k);
    if (strchr(info->operands, 't'))
        len += 3 * 4;
    int32_t there = (int32_t)len + 1; /* after the instruction and one halt */
    *svc = -1;
    for (const char *k = info->operands; *k; k++) {
        char one[64];
        switch (*k) {
        case 'b':
        case 'a':
        case 'p':
        case 'n':
        case 'c':
        case 'T':
        case 'r':
            want[n] = 200 + n;
            snprintf(one, sizeof one, "%d", want[n]);
            n++;
            break;
        case 'h':
        case 'C':
        case 'F':
        case 'm':
            want[n] = 60000 + n;
            snprintf(one, sizeof one, "%d", want[n]);
            n++;
            break;
        case 'i':
            snprintf(one, sizeof one, "%d", -123456);
            want[n++] = -123456;
            break;
        case 'l':
            snprintf(one, sizeof one, "there");
            want[n++] = there;
            break;
        case 'k':
            snprintf(one, sizeof one, "\"k\\n\"");
            want[n++] = 0;
            break;
        case 'g':
            snprintf(one, sizeof one, "v1");
            want[n++] = 1;
            break;
        case 's':
            for (int s = SVBC_SVC_LIMIT - 1; s >= 0; s--)
                if (svbc_svcinfo[s].name)
                    *svc = s;
            snprintf(one, sizeof one, "%s", svbc_svcinfo[*svc].name);
            want[n++] = *svc;
            break;
        case 't':
            snprintf(one, sizeof one, "2, 1, there, main, there");
            want[n++] = 2;
            want[n++] = 1;
            break;
        default: cr_assert_fail("unknown operand kind %c", *k);
        }
        if (ops[0])
            strcat(ops, ", ");
        strcat(ops, one);
    }
    *nwant = n;
    snprintf(src, cap,
             "        .var v0\n        .var v1\nmain:   %s %s\n        halt\nthere:  halt\n",
             info->name, ops);
}

Test(table, every_opcode_assembles_decodes_and_round_trips)
{
    int rows = 0;
    for (int op = 0; op < 256; op++) {
        const svbc_opinfo_t *info = &svbc_opinfo[op];
        if (!info->name)
            continue;
        rows++;
        char src[512];
        int32_t want[8];
        int nwant, svc;
        make_insn(op, src, sizeof src, want, &nwant, &svc);
        svasm_obj_t *o = t_assemble(src);
        cr_assert_not_null(o, "row %s: %s", info->name, src);

        /* decode */
        svbc_insn_t in;
        uint32_t n = svbc_decode(o->code, o->code_size, &in);
        cr_assert(n > 0, "row %s does not decode", info->name);
        cr_assert_eq(in.op, op, "row %s", info->name);
        cr_assert_eq(n + 2, o->code_size, "row %s: length %u, code %u", info->name, n,
                     o->code_size);
        cr_assert_eq(in.nopnd, nwant, "row %s", info->name);
        for (int i = 0; i < nwant; i++)
            cr_assert_eq(in.opnd[i], want[i], "row %s operand %d: %d != %d", info->name, i,
                         in.opnd[i], want[i]);
        if (in.table) {
            cr_assert_eq(svbc_read_i32(in.table), (int32_t)n + 1);
            cr_assert_eq(svbc_read_i32(in.table + 4), 0);
        }
        if (strchr(info->operands, 'k')) {
            cr_assert_eq(o->nconsts, 1);
            cr_assert_eq(o->consts[0].len, 2);
            cr_assert(memcmp(o->consts[0].data, "k\n", 2) == 0);
        }

        /* one instruction: raw disassembly re-assembles to the same bytes */
        char text[512], src2[600];
        uint32_t n2 = svasm_disasm_insn(o->code, o->code_size, 0, text, sizeof text, NULL, NULL);
        cr_assert_eq(n2, n, "row %s", info->name);
        snprintf(src2, sizeof src2, "        %s\n", text);
        svasm_obj_t *o2 = t_assemble(src2);
        cr_assert_not_null(o2, "row %s: '%s' does not re-assemble", info->name, text);
        cr_assert_eq(o2->code_size, n, "row %s: '%s'", info->name, text);
        cr_assert(memcmp(o2->code, o->code, n) == 0, "row %s: '%s' re-assembles differently",
                  info->name, text);
        svasm_obj_free(o2);

        /* the whole object listing (with names) re-assembles to the same code */
        char *lst = svasm_disasm_obj(o);
        svasm_obj_t *o3 = t_assemble(lst);
        cr_assert_not_null(o3, "row %s: listing does not re-assemble:\n%s", info->name, lst);
        cr_assert_eq(o3->code_size, o->code_size);
        cr_assert(memcmp(o3->code, o->code, o->code_size) == 0, "row %s:\n%s", info->name, lst);
        cr_assert_eq(o3->nrelocs, o->nrelocs, "row %s", info->name);
        svasm_obj_free(o3);
        free(lst);
        svasm_obj_free(o);
    }
    cr_assert(rows > 50, "only %d rows", rows);
}

Test(table, operand_extremes_round_trip)
{
    static const char *const cases[] = {
        "acc 0",    "acc 255",      "quote -1073741824", "quote 1073741823", "quote 0x3fffffff",
        "return 0", "return 65535", "getvar 65535",      "const 65535",      "branch -5",
        "branch 0", "svc 0",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        svasm_obj_t *o = t_assemble(cases[i]);
        cr_assert_not_null(o, "%s", cases[i]);
        char text[128];
        svasm_disasm_insn(o->code, o->code_size, 0, text, sizeof text, NULL, NULL);
        svasm_obj_t *o2 = t_assemble(text);
        cr_assert_not_null(o2, "%s -> %s", cases[i], text);
        cr_assert_eq(o2->code_size, o->code_size);
        cr_assert(memcmp(o2->code, o->code, o->code_size) == 0, "%s -> %s", cases[i], text);
        svasm_obj_free(o);
        svasm_obj_free(o2);
    }
}

Test(table, float_and_string_constants)
{
    svasm_obj_t *o =
        t_assemble("main: const 3.25\n const nan\n const inf\n const -inf\n"
                   " const 1e3\n const \"a\\tb\\\\\\\"\\x41\\065\"\n const 3.25\n halt\n");
    cr_assert_not_null(o);
    cr_assert_eq(o->nconsts, 6, "identical constants share an entry (got %u)", o->nconsts);
    double v;
    uint64_t u = 0;
    for (int i = 7; i >= 0; i--)
        u = (u << 8) | o->consts[0].data[i];
    memcpy(&v, &u, 8);
    cr_assert_eq(v, 3.25);
    cr_assert_eq(o->consts[5].kind, SVOBJ_STRING);
    cr_assert_eq(o->consts[5].len, 7);
    cr_assert(memcmp(o->consts[5].data, "a\tb\\\"AA", 7) == 0);
    char *lst = svasm_disasm_obj(o);
    cr_assert(strstr(lst, "const -inf") && strstr(lst, "const nan") &&
                  strstr(lst, "const 1000.0") && strstr(lst, "const \"a\\tb\\\\\\\"AA\""),
              "%s", lst);
    free(lst);
    svasm_obj_free(o);
}

/* regression (fuzz_asm_parse): a string constant whose literal is longer than 256
 * characters was cut by the disassembler mid-escape, so the listing did not re-assemble */
Test(table, long_string_constant_listing_round_trips)
{
    char src[2048] = "main: const \"";
    for (int i = 0; i < 150; i++)
        strcat(src, i % 3 ? "\\xff" : "a\\x00");
    strcat(src, "\"\n halt\n");
    svasm_obj_t *o = t_assemble(src);
    cr_assert_not_null(o);
    cr_assert_eq(o->consts[0].len, 200);
    char *lst = svasm_disasm_obj(o);
    svasm_obj_t *o2 = t_assemble(lst);
    cr_assert_not_null(o2, "%s", lst);
    cr_assert_eq(o2->consts[0].len, 200);
    cr_assert(memcmp(o2->consts[0].data, o->consts[0].data, 200) == 0);
    free(lst);
    svasm_obj_free(o);
    svasm_obj_free(o2);
}

Test(table, numeric_local_labels)
{
    /* 1b is the nearest 1: before (or on this line), 1f the nearest after */
    svasm_obj_t *o = t_assemble("main:\n1: nop\n branch 1f\n1: branch 1b\n branch 1b\n halt\n");
    cr_assert_not_null(o);
    cr_assert_eq(svbc_read_i32(o->code + 2), 5);   /* branch at 1 -> 6 */
    cr_assert_eq(svbc_read_i32(o->code + 7), 0);   /* branch at 6 -> 6 */
    cr_assert_eq(svbc_read_i32(o->code + 12), -5); /* branch at 11 -> 6 */
    svasm_obj_free(o);
}
