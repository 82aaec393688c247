/* SPDX-License-Identifier: MIT
 * test_validate.c — Criterion tests of svl_validate (suite 'loader'): every rule of the
 * corpus with its code and offset, independence from the work-buffer size, truncation at
 * every length, random corruptions, a walk over the whole opcode table, the decoded
 * manifest, result names and constants.
 */
#include "corpus.h"

#include <criterion/criterion.h>
#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/loader.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static corpus_img_t im;

/* Validate a private exact-size heap copy, so that ASan catches any read past the end. */
static svl_result_t check_copy(const uint8_t *b, size_t n, uint8_t *work, size_t work_size,
                               svl_image_t *out, uint32_t *off)
{
    uint8_t *copy = malloc(n ? n : 1);
    cr_assert(copy);
    if (n)
        memcpy(copy, b, n);
    svl_result_t r = svl_validate_ex(copy, n, work, work_size, out, off);
    if (out && r == SVL_OK)
        out->base = out->code = out->consts = NULL; /* do not keep pointers into copy */
    free(copy);
    return r;
}

/* ---- the corpus, rule by rule --------------------------------------------------- */

Test(loader, every_rule_with_code_and_offset)
{
    for (size_t i = 0; i < corpus_ncases; i++) {
        const corpus_case_t *c = &corpus_cases[i];
        uint32_t want = corpus_make(c, &im), off = 0xdeadbeef;
        svl_result_t r = check_copy(im.b, im.size, NULL, 0, NULL, &off);
        cr_expect_eq(r, c->code, "%s: expected %s, got %s", c->file, svl_result_name(c->code),
                     svl_result_name(r));
        if (r != SVL_OK)
            cr_expect_eq(off, want, "%s: offset 0x%x, expected 0x%x", c->file, off, want);
        else
            cr_expect_eq(off, 0, "%s: offset is 0 on success", c->file);
    }
}

Test(loader, every_code_has_a_corpus_case)
{
    static const int codes[] = {
#define SVL_ERR(name, num, msg) num,
#include <sensevm/errors.def>
#undef SVL_ERR
    };
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        int found = 0;
        for (size_t i = 0; i < corpus_ncases; i++)
            found |= (int)corpus_cases[i].code == codes[k];
        cr_expect(found, "no corpus case for %s", svl_result_name((svl_result_t)codes[k]));
    }
}

Test(loader, result_independent_of_work_size)
{
    static const size_t sizes[] = {1, 2, 3, 5, 7, 8, 13, 64, 4096};
    uint8_t work[4096];
    for (size_t i = 0; i < corpus_ncases; i++) {
        const corpus_case_t *c = &corpus_cases[i];
        corpus_make(c, &im);
        uint32_t off0 = 1;
        svl_result_t r0 = svl_validate(im.b, im.size, NULL, &off0);
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            uint32_t off = 2;
            memset(work, 0xff, sizeof work); /* dirty scratch must not matter */
            svl_result_t r = svl_validate_ex(im.b, im.size, work, sizes[s], NULL, &off);
            /* the stack check's table (12 bytes per block start) is the one thing a small
             * buffer can refuse: only where the stack check is reached */
            if (r == SVL_stack_work_too_small && sizes[s] < 12u * 8u &&
                (r0 == SVL_OK || r0 == SVL_stack_underflow || r0 == SVL_stack_mismatch ||
                 r0 == SVL_stack_too_deep)) {
                cr_expect_eq(off, im.code_off, "%s", c->file);
                continue;
            }
            cr_expect(r == r0 && off == off0, "%s: work %zu gives %s@0x%x, not %s@0x%x", c->file,
                      sizes[s], svl_result_name(r), off, svl_result_name(r0), off0);
        }
    }
}

/* Several bad targets: the lowest-addressed instruction is reported whatever the windows. */
Test(loader, lowest_bad_target_reported)
{
    corpus_build(&im, V_BASE);
    uint32_t late = im.code_off + im.at[M_BRANCH], early = im.code_off + im.at[M_CUR];
    svbc_write_i32(im.b + late + 1, svbc_read_i32(im.b + late + 1) - 1);
    svbc_write_i32(im.b + early + 1, svbc_read_i32(im.b + early + 1) + 1);
    corpus_reseal(&im);
    uint8_t work[64];
    static const size_t sizes[] = {1, 2, 64};
    for (size_t s = 0; s < 3; s++) {
        uint32_t off = 0;
        cr_expect_eq(svl_validate_ex(im.b, im.size, work, sizes[s], NULL, &off),
                     SVL_target_mid_insn);
        cr_expect_eq(off, early);
    }
    uint32_t off = 0;
    cr_expect_eq(svl_validate(im.b, im.size, NULL, &off), SVL_target_mid_insn);
    cr_expect_eq(off, early);
}

/* ---- what a good image yields ----------------------------------------------------- */

Test(loader, good_image_decoded)
{
    corpus_build(&im, V_BASE);
    svl_image_t out;
    uint32_t off = 99;
    cr_assert_eq(svl_validate(im.b, im.size, &out, &off), SVL_OK);
    cr_expect_eq(off, 0);
    cr_expect_eq(out.base, im.b);
    cr_expect_eq(out.size, im.size);
    cr_expect_eq(out.format_major, SVIMG_FORMAT_MAJOR);
    cr_expect_eq(out.code, im.b + im.code_off);
    cr_expect_eq(out.code_size, im.code_size);
    cr_expect_eq(out.consts, im.b + im.const_off);
    cr_expect_eq(out.consts_size, im.const_size);
    cr_expect_eq(out.nconsts, 4);
    cr_expect_null(out.symbols);
    cr_expect_null(out.lines);
    cr_expect_null(out.signature);
    cr_expect_arr_eq(out.sha256, im.b + SVIMG_OFF_SHA, 32);
    const svl_manifest_t *m = &out.manifest;
    cr_expect_str_eq(m->name, "corpus-1.0_x");
    cr_expect_eq(m->priority, 7);
    cr_expect_eq(m->policy, SVMF_POLICY_RESTART);
    cr_expect_eq(m->heap_size, SVMF_DEFAULT_HEAP);
    cr_expect_eq(m->stack_size, SVMF_DEFAULT_STACK);
    cr_expect_eq(m->array_size, 1024);
    cr_expect_eq(m->max_contexts, SVMF_DEFAULT_CONTEXTS);
    cr_expect_eq(m->max_channels, SVMF_DEFAULT_CHANNELS);
    cr_expect_eq(m->entry, 0);
    cr_expect_eq(m->globals, 2);
    cr_expect_eq(m->heartbeat_ms, 1000);
    cr_expect_eq(m->ndevices, 2);
    cr_expect_str_eq(m->devices[0], "led0");
    cr_expect_str_eq(m->devices[1], "uart0");
    cr_expect_eq(m->nxchans, 1);
    cr_expect_str_eq(m->xchans[0].name, "temps");
    cr_expect_eq(m->xchans[0].dir, SVMF_XCHAN_SEND);
    cr_expect_eq(m->xchans[0].policy, SVMF_XPOLICY_OVERWRITE);
    cr_expect_eq(m->xchans[0].depth, 4);
    /* constants: offset | tag, pointing at the right objects */
    for (uint32_t k = 0; k < 4; k++)
        cr_expect_eq(svl_const_value(&out, k), im.cobj[k] | SVOBJ_CONST_TAG);
    cr_expect_eq(svl_const_value(&out, 4), 0);
    uint32_t v = svl_const_value(&out, 0) & ~3u;
    cr_expect_eq(SVOBJ_KIND((uint32_t)svbc_read_i32(out.consts + v)), SVOBJ_STRING);
    cr_expect_eq(memcmp(out.consts + v + 8, "hi!", 4), 0);
    v = svl_const_value(&out, 1) & ~3u;
    cr_expect_eq(SVOBJ_KIND((uint32_t)svbc_read_i32(out.consts + v)), SVOBJ_FLOAT);
}

Test(loader, good_debug_and_signed_sections)
{
    svl_image_t out;
    corpus_build(&im, V_DEBUG);
    cr_assert_eq(svl_validate(im.b, im.size, &out, NULL), SVL_OK);
    cr_expect_not_null(out.symbols);
    cr_expect_eq(out.symbols_size, 28);
    cr_expect_not_null(out.lines);
    cr_expect_eq(out.lines_size, 36);
    cr_expect_eq(out.flags, SVIMG_F_DEBUG);
    corpus_build(&im, V_SIGNED);
    cr_assert_eq(svl_validate(im.b, im.size, &out, NULL), SVL_OK);
    cr_expect_eq(out.signature, im.b + im.sig_off);
    cr_expect_eq(out.signature_size, 64);
    /* the signature is outside the SHA-256: changing it needs only a new CRC */
    im.b[im.sig_off + 5] ^= 0xff;
    svbc_write_i32(im.b + SVIMG_OFF_CRC, (int32_t)svimg_crc(im.b, im.size));
    cr_expect_eq(svl_validate(im.b, im.size, &out, NULL), SVL_OK);
}

/* ---- robustness ------------------------------------------------------------------- */

Test(loader, null_and_tiny_inputs)
{
    uint32_t off = 5;
    cr_expect_eq(svl_validate(NULL, 0, NULL, &off), SVL_too_small);
    cr_expect_eq(svl_validate(NULL, 100, NULL, NULL), SVL_too_small);
    uint8_t b[8] = "SVMI";
    cr_expect_eq(check_copy(b, 0, NULL, 0, NULL, NULL), SVL_too_small);
    cr_expect_eq(check_copy(b, 7, NULL, 0, NULL, NULL), SVL_too_small);
    cr_expect_eq(check_copy((const uint8_t *)"SVMX\1\0\0\0", 8, NULL, 0, NULL, NULL),
                 SVL_bad_magic);
}

Test(loader, truncated_at_every_length)
{
    for (int v = 0; v < V_COUNT; v++) {
        corpus_build(&im, v);
        uint32_t full = im.size;
        for (uint32_t n = 0; n < full; n++) {
            cr_expect_neq(check_copy(im.b, n, NULL, 0, NULL, NULL), SVL_OK, "len %u", n);
            /* and with a consistent size field and seal, so deeper rules are reached */
            if (n >= SVIMG_HEADER_SIZE) {
                corpus_img_t *t = malloc(sizeof *t);
                cr_assert(t);
                memcpy(t, &im, sizeof *t);
                t->size = n;
                svbc_write_i32(t->b + SVIMG_OFF_SIZE, (int32_t)n);
                corpus_reseal(t);
                cr_expect_neq(check_copy(t->b, n, NULL, 0, NULL, NULL), SVL_OK, "sealed len %u", n);
                free(t);
            }
        }
    }
}

/* What the interpreter relies on, re-checked independently of the validator. */
static void check_guarantees(const uint8_t *b, size_t n, const char *what)
{
    svl_image_t out;
    cr_assert_eq(svl_validate(b, n, &out, NULL), SVL_OK);
    uint8_t *start = calloc(out.code_size, 1);
    cr_assert(start);
    svbc_insn_t in;
    uint32_t pc = 0, last = 0;
    while (pc < out.code_size) {
        uint32_t len = svbc_decode(out.code + pc, out.code_size - pc, &in);
        cr_assert(len > 0, "%s: undecodable at %u", what, pc);
        start[pc] = 1;
        const char *k = svbc_opinfo[in.op].operands;
        for (unsigned i = 0; *k; k++, i++) {
            if (*k == 'k')
                cr_assert((uint32_t)in.opnd[i] < out.nconsts, "%s: const index", what);
            if (*k == 'g')
                cr_assert((uint32_t)in.opnd[i] < out.manifest.globals, "%s: global index", what);
            if (*k == 's')
                cr_assert_not_null(svbc_svcinfo[in.opnd[i]].name, "%s: service", what);
            if (*k == 't')
                i++;
        }
        last = pc;
        pc += len;
    }
    cr_assert_eq(pc, out.code_size);
    cr_assert(svbc_opinfo[out.code[last]].flags & SVBC_F_END, "%s: falls off the end", what);
    cr_assert(start[out.manifest.entry], "%s: entry", what);
    for (pc = 0; pc < out.code_size; pc += in.len) {
        svbc_decode(out.code + pc, out.code_size - pc, &in);
        const char *k = svbc_opinfo[in.op].operands;
        for (unsigned i = 0; *k; k++, i++) {
            int64_t t[512];
            unsigned nt = 0;
            if (*k == 'l')
                t[nt++] = (int64_t)pc + in.opnd[i];
            if (*k == 't') {
                for (int j = 0; j < in.opnd[i] + in.opnd[i + 1] && nt < 512; j++)
                    t[nt++] = (int64_t)pc + svbc_read_i32(in.table + 4 * j);
                i++;
            }
            for (unsigned j = 0; j < nt; j++)
                cr_assert(t[j] >= 0 && t[j] < out.code_size && start[t[j]], "%s: target", what);
        }
    }
    for (uint32_t c = 0; c < out.nconsts; c++) {
        uint32_t o = svl_const_value(&out, c) & ~3u;
        cr_assert(o + 4 <= out.consts_size);
        uint32_t h = (uint32_t)svbc_read_i32(out.consts + o);
        cr_assert(o + 4 + 4 * SVOBJ_SIZE(h) <= out.consts_size);
    }
    free(start);
}

static uint32_t rng_state = 12345;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

Test(loader, single_byte_corruptions)
{
    corpus_img_t *good = malloc(sizeof *good);
    cr_assert(good);
    int accepted = 0;
    for (int v = 0; v < V_COUNT; v++) {
        corpus_build(good, v);
        for (int iter = 0; iter < 6000; iter++) {
            memcpy(&im, good, sizeof im);
            uint32_t pos = rnd() % im.size;
            im.b[pos] ^= (uint8_t)(1 + rnd() % 255);
            /* unsealed: the CRC (or an earlier header rule) always catches one byte */
            cr_expect_neq(check_copy(im.b, im.size, NULL, 0, NULL, NULL), SVL_OK, "pos %u", pos);
            /* resealed: rejected, or still valid and then safe to run */
            corpus_reseal(&im);
            char what[64];
            snprintf(what, sizeof what, "variant %d pos %u", v, pos);
            if (check_copy(im.b, im.size, NULL, 0, NULL, NULL) == SVL_OK) {
                check_guarantees(im.b, im.size, what);
                accepted++;
            }
        }
    }
    cr_log_info("%d resealed corruptions still valid (and checked)", accepted);
    free(good);
}

Test(loader, multi_byte_corruptions_in_code)
{
    corpus_img_t *good = malloc(sizeof *good);
    cr_assert(good);
    corpus_build(good, V_BASE);
    for (int iter = 0; iter < 20000; iter++) {
        memcpy(&im, good, sizeof im);
        int nflips = 1 + (int)(rnd() % 4);
        for (int f = 0; f < nflips; f++)
            im.b[im.code_off + rnd() % im.code_size] = (uint8_t)rnd();
        corpus_reseal(&im);
        if (check_copy(im.b, im.size, NULL, 0, NULL, NULL) == SVL_OK)
            check_guarantees(im.b, im.size, "code corruption");
    }
    free(good);
}

/* ---- the opcode table, row by row ------------------------------------------------- */

/* code = halt; <op with benign operands>; [halt] — entry at 0, so the stack walk stops at
 * the first halt. Returns the validation result. */
static int32_t unassigned_svc(void)
{
    for (int32_t s = SVBC_SVC_LIMIT - 1; s >= 0; s--)
        if (!svbc_svcinfo[s].name)
            return s;
    cr_assert_fail("no unassigned service number");
    return 0;
}

enum { BENIGN, BAD_IMM, BAD_CONST, BAD_GLOBAL, BAD_SVC, BAD_LABEL, TRUNCATE, AT_END };
static svl_result_t one_insn(int op, int how, uint32_t *off)
{
    int32_t opnd[SVBC_MAX_OPERANDS + 1] = {0}, labels[2] = {-1, -1};
    unsigned i = 0;
    for (const char *k = svbc_opinfo[op].operands; *k; k++) {
        switch (*k) {
        case 'i': opnd[i++] = -3; break; /* BAD_IMM is patched in below: encode refuses it */
        case 'k': opnd[i++] = how == BAD_CONST ? 4 : 3; break;
        case 'g': opnd[i++] = how == BAD_GLOBAL ? 2 : 1; break;
        case 's': opnd[i++] = how == BAD_SVC ? unassigned_svc() : SVBC_SVC_print_int; break;
        case 'l': opnd[i++] = how == BAD_LABEL ? 1000 : -1; break;
        case 't':
            opnd[i++] = 1;
            opnd[i++] = 1;
            labels[1] = how == BAD_LABEL ? -2 : -1;
            break;
        default: opnd[i++] = 1; break;
        }
    }
    uint8_t code[64];
    int halt = svbc_lookup_op("halt", 4);
    code[0] = (uint8_t)halt;
    uint32_t n = svbc_encode((uint8_t)op, opnd, labels, code + 1, sizeof code - 2);
    cr_assert(n > 0, "%s does not encode", svbc_opinfo[op].name);
    if (how == BAD_IMM) {
        uint32_t at = 2;
        for (const char *k = svbc_opinfo[op].operands; *k && *k != 'i'; k++)
            at += svbc_operand_size(*k);
        svbc_write_i32(code + at, (int32_t)SVBC_IMM_MAX + 1);
    }
    uint32_t size = 1 + n;
    if (how == TRUNCATE)
        size--;
    else if (how != AT_END)
        code[size++] = (uint8_t)halt;
    corpus_build_with(&im, V_BASE, code, size, 0);
    return svl_validate(im.b, im.size, NULL, off);
}

static int has_operand(int op, char kind) { return strchr(svbc_opinfo[op].operands, kind) != NULL; }

Test(loader, every_opcode_row)
{
    int rows = 0;
    for (int op = 0; op < 256; op++) {
        uint32_t off = 0, at = 0;
        if (!svbc_opinfo[op].name) {
            uint8_t code[2] = {(uint8_t)op, (uint8_t)svbc_lookup_op("halt", 4)};
            corpus_build_with(&im, V_BASE, code, 2, 1);
            cr_expect_eq(svl_validate(im.b, im.size, NULL, &off), SVL_bad_opcode, "0x%02x", op);
            cr_expect_eq(off, im.code_off);
            continue;
        }
        const char *name = svbc_opinfo[op].name;
        rows++;
        cr_expect_eq(one_insn(op, BENIGN, &off), SVL_OK, "%s: %s", name,
                     svl_result_name(one_insn(op, BENIGN, &off)));
        at = im.code_off + 1;
        struct {
            int how;
            char kind;
            svl_result_t want;
        } bad[] = {
            {BAD_IMM, 'i', SVL_bad_immediate},         {BAD_CONST, 'k', SVL_bad_const_index},
            {BAD_GLOBAL, 'g', SVL_bad_global_index},   {BAD_SVC, 's', SVL_bad_service},
            {BAD_LABEL, 'l', SVL_target_outside_code}, {BAD_LABEL, 't', SVL_target_outside_code},
        };
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            if (!has_operand(op, bad[b].kind))
                continue;
            cr_expect_eq(one_insn(op, bad[b].how, &off), bad[b].want, "%s: %s", name,
                         svl_result_name(bad[b].want));
            cr_expect_eq(off, at, "%s: offset", name);
        }
        uint32_t len =
            svbc_encode((uint8_t)op, (int32_t[4]){1, 1, 1, 1}, (int32_t[2]){0, 0}, NULL, 0);
        if (len > 1) {
            cr_expect_eq(one_insn(op, TRUNCATE, &off), SVL_truncated_insn, "%s: truncated", name);
            cr_expect_eq(off, at);
        }
        svl_result_t r = one_insn(op, AT_END, &off);
        if (svbc_opinfo[op].flags & SVBC_F_END) {
            cr_expect_eq(r, SVL_OK, "%s at the end", name);
        } else {
            cr_expect_eq(r, SVL_falls_off_end, "%s at the end", name);
            cr_expect_eq(off, at);
        }
    }
    cr_expect_gt(rows, 60);
}

/* ---- the static stack walk from the entry ------------------------------------------ */

static svl_result_t run_asm(const char *const *ops, const int32_t *args, size_t n, uint32_t *off)
{
    uint8_t code[256];
    uint32_t size = 0;
    for (size_t i = 0; i < n; i++) {
        int op = svbc_lookup_op(ops[i], strlen(ops[i]));
        cr_assert(op >= 0, "%s", ops[i]);
        int32_t opnd[4] = {args[i], 1, 1, 1};
        uint32_t len = svbc_encode((uint8_t)op, opnd, NULL, code + size, sizeof code - size);
        cr_assert(len, "%s", ops[i]);
        size += len;
    }
    corpus_build_with(&im, V_BASE, code, size, 0);
    return svl_validate(im.b, im.size, NULL, off);
}

Test(loader, entry_stack_walk)
{
    uint32_t off;
    {
        const char *ops[] = {"quote", "push", "push", "acc", "pop", "halt"};
        const int32_t a[] = {1, 0, 0, 1, 2, 0};
        cr_expect_eq(run_asm(ops, a, 6, &off), SVL_OK);
    }
    {
        const char *ops[] = {"quote", "push", "push", "acc", "halt"};
        const int32_t a[] = {1, 0, 0, 2, 0};
        cr_expect_eq(run_asm(ops, a, 5, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 7);
    }
    {
        /* pushacc n reads S[n] after its own push: n slots must already be there */
        const char *ops[] = {"push", "pushacc", "pop", "halt"};
        const int32_t a[] = {0, 1, 2, 0};
        cr_expect_eq(run_asm(ops, a, 4, &off), SVL_OK);
        const char *ops2[] = {"push", "pushacc", "halt"};
        const int32_t a2[] = {0, 2, 0};
        cr_expect_eq(run_asm(ops2, a2, 3, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 1);
    }
    {
        const char *ops[] = {"push", "pop", "halt"};
        const int32_t a[] = {0, 2, 0};
        cr_expect_eq(run_asm(ops, a, 3, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 1);
    }
    {
        const char *ops[] = {"push", "push", "poptrap", "halt"};
        const int32_t a[] = {0, 0, 0, 0};
        cr_expect_eq(run_asm(ops, a, 4, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 2);
    }
    {
        const char *ops[] = {"addint", "halt"};
        const int32_t a[] = {0, 0};
        cr_expect_eq(run_asm(ops, a, 2, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off);
    }
    {
        /* svc format_int pops one, arrayn 3 pops two */
        const char *ops[] = {"push", "svc", "push", "push", "arrayn", "halt"};
        const int32_t a[] = {0, SVBC_SVC_format_int, 0, 0, 3, 0};
        cr_expect_eq(run_asm(ops, a, 6, &off), SVL_OK);
        const char *ops2[] = {"svc", "halt"};
        const int32_t a2[] = {SVBC_SVC_format_int, 0};
        cr_expect_eq(run_asm(ops2, a2, 2, &off), SVL_stack_underflow);
    }
    {
        /* an unconditional branch is followed; a branch loop ends the walk */
        const char *ops[] = {"push", "branch", "halt", "pop", "halt"};
        const int32_t a[] = {0, 6, 0, 2, 0};
        cr_expect_eq(run_asm(ops, a, 5, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 7);
        const char *ops2[] = {"push", "branch", "halt"};
        const int32_t a2[] = {0, 0, 0};
        cr_expect_eq(run_asm(ops2, a2, 3, &off), SVL_OK);
    }
    {
        /* return m drops m slots: the frame must hold them (issue 17: checked statically) */
        const char *ops[] = {"quote", "return"};
        const int32_t a[] = {0, 5};
        cr_expect_eq(run_asm(ops, a, 2, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 5);
        const char *ops2[] = {"push", "push", "return"};
        const int32_t a2[] = {0, 0, 2};
        cr_expect_eq(run_asm(ops2, a2, 3, &off), SVL_OK);
    }
}

/* The whole-code stack check (issue 17): every path into an instruction brings one depth. */
Test(loader, stack_depth_paths)
{
    uint32_t off;
    {
        /* branchif reaches pc 7 with one slot, the fall-through with two */
        const char *ops[] = {"push", "branchif", "push", "halt"};
        const int32_t a[] = {0, 6, 0, 0};
        cr_expect_eq(run_asm(ops, a, 4, &off), SVL_stack_mismatch);
        cr_expect_eq(off, im.code_off + 7);
    }
    {
        /* a loop that keeps its depth is fine */
        const char *ops[] = {"push", "quote", "branchif", "halt"};
        const int32_t a[] = {0, 0, -5, 0};
        cr_expect_eq(run_asm(ops, a, 4, &off), SVL_OK);
    }
    {
        /* a loop that grows the stack on every turn is refused at its back edge */
        const char *ops[] = {"push", "push", "branchif", "halt"};
        const int32_t a[] = {0, 0, -1, 0};
        cr_expect_eq(run_asm(ops, a, 4, &off), SVL_stack_mismatch);
        cr_expect_eq(off, im.code_off + 2);
    }
    {
        /* code no path reaches is not checked (it never runs) */
        const char *ops[] = {"halt", "pop", "halt"};
        const int32_t a[] = {0, 5, 0};
        cr_expect_eq(run_asm(ops, a, 3, &off), SVL_OK);
    }
    {
        /* a handler runs at the depth of its pushtrap; raise leaves it there */
        const char *ops[] = {"push", "pushtrap", "raise", "pop", "halt"};
        const int32_t a[] = {0, 6, 0, 1, 0};
        cr_expect_eq(run_asm(ops, a, 5, &off), SVL_OK);
        const int32_t a2[] = {0, 6, 0, 2, 0};
        cr_expect_eq(run_asm(ops, a2, 5, &off), SVL_stack_underflow);
        cr_expect_eq(off, im.code_off + 7);
    }
}

/* ---- names, messages --------------------------------------------------------------- */

Test(loader, names_and_messages)
{
    cr_expect_str_eq(svl_result_name(SVL_bad_crc), "bad_crc");
    cr_expect_str_eq(svl_result_message(SVL_bad_crc), "CRC-32 mismatch");
    cr_expect_str_eq(svl_result_name(SVL_OK), "OK");
    cr_expect_str_eq(svl_result_name((svl_result_t)999), "unknown");
    cr_expect_str_eq(svl_result_message((svl_result_t)999), "unknown loader error");
    cr_expect(strstr(svl_result_message(SVL_bad_major), "major") != NULL);
#define SVL_ERR(name, num, msg)                                                                    \
    cr_expect_str_eq(svl_result_name((svl_result_t)(num)), #name);                                 \
    cr_expect_str_eq(svl_result_message((svl_result_t)(num)), msg);                                \
    cr_expect_gt(strlen(msg), 0);
#include <sensevm/errors.def>
#undef SVL_ERR
}

Test(loader, codes_unique)
{
    static const int codes[] = {
#define SVL_ERR(name, num, msg) num,
#include <sensevm/errors.def>
#undef SVL_ERR
    };
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            cr_expect_neq(codes[i], codes[j], "code %d defined twice", codes[i]);
}
