/* SPDX-License-Identifier: MIT
 * test_bytecode.c — the bytecode library: table sanity, encode/decode round trip for every
 * row of opcodes.def (walks the table: a new row is covered with no new test), CRC-32 and
 * SHA-256 against published vectors, image sealing.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <sensevm/bytecode.h>
#include <sensevm/color.h>
#include <sensevm/image.h>
#include <stdio.h>
#include <string.h>

/* Representative in-range operand values for each operand kind. */
static int32_t sample(char kind, int variant)
{
    switch (kind) {
    case 'b':
    case 'a':
    case 'p':
    case 'n':
    case 'c': return variant ? 255 : 7;
    case 'h':
    case 'C':
    case 'k':
    case 'g': return variant ? 65535 : 300;
    case 'i': return variant ? (int32_t)SVBC_IMM_MIN : 123456;
    case 'l': return variant ? -40 : 1000;
    case 's': return SVBC_SVC_print_string;
    default: return 0;
    }
}

Test(bytecode, every_row_round_trips)
{
    int rows = 0;
    for (int op = 0; op < 256; op++) {
        const svbc_opinfo_t *info = &svbc_opinfo[op];
        if (!info->name)
            continue;
        rows++;
        for (int variant = 0; variant < 2; variant++) {
            int32_t opnd[SVBC_MAX_OPERANDS] = {0};
            int32_t labels[5] = {4, -8, 12, -16, 20};
            unsigned n = 0;
            for (const char *k = info->operands; *k; k++) {
                if (*k == 't') {
                    opnd[n++] = 2;
                    opnd[n++] = 3;
                } else {
                    opnd[n++] = sample(*k, variant);
                }
            }
            uint8_t buf[64];
            uint32_t len = svbc_encode((uint8_t)op, opnd, labels, buf, sizeof buf);
            cr_assert(len > 0, "%s does not encode", info->name);
            cr_assert_eq(len, svbc_encode((uint8_t)op, opnd, labels, NULL, 0));
            svbc_insn_t in;
            cr_assert_eq(svbc_decode(buf, len, &in), len, "%s: decode length", info->name);
            cr_assert_eq(in.op, op);
            cr_assert_eq(in.nopnd, n, "%s: operand count", info->name);
            for (unsigned i = 0; i < n; i++)
                cr_assert_eq(in.opnd[i], opnd[i], "%s: operand %u", info->name, i);
            if (in.table)
                for (int j = 0; j < 5; j++)
                    cr_assert_eq(svbc_read_i32(in.table + 4 * j), labels[j]);
            /* every truncation is refused, never over-read */
            for (uint32_t cut = 0; cut < len; cut++)
                cr_assert_eq(svbc_decode(buf, cut, &in), 0, "%s cut at %u", info->name, cut);
            cr_assert_eq(svbc_lookup_op(info->name, strlen(info->name)), op);
            int pop, push;
            svbc_decode(buf, len, &in);
            if (svbc_stack_effect(&in, &pop, &push) == 0)
                cr_assert(pop >= 0 && push >= 0, "%s: stack effect", info->name);
        }
    }
    cr_assert_gt(rows, 50);
}

Test(bytecode, out_of_range_operands_refused)
{
    int32_t big[3] = {256, 0, 0};
    cr_assert_eq(svbc_encode(SVBC_OP_acc, big, NULL, NULL, 0), 0);
    int32_t imm[1] = {(int32_t)SVBC_IMM_MAX + 1};
    cr_assert_eq(svbc_encode(SVBC_OP_quote, imm, NULL, NULL, 0), 0);
    uint8_t unassigned = 0xff;
    svbc_insn_t in;
    cr_assert_eq(svbc_decode(&unassigned, 1, &in), 0);
}

Test(bytecode, services_table)
{
    cr_assert_str_eq(svbc_svcinfo[SVBC_SVC_print_string].name, "print_string");
    cr_assert_eq(svbc_svcinfo[SVBC_SVC_print_string].arity, 1);
    cr_assert_eq(svbc_lookup_svc("exit", 4), SVBC_SVC_exit);
    cr_assert_eq(svbc_lookup_svc("nosuch", 6), -1);
}

Test(bytecode, crc32_vector)
{
    cr_assert_eq(svbc_crc32(0, "123456789", 9), 0xcbf43926u);
    uint32_t c = svbc_crc32(0, "1234", 4);
    cr_assert_eq(svbc_crc32(c, "56789", 5), 0xcbf43926u);
}

static void hex(const uint8_t *d, char *out)
{
    for (int i = 0; i < 32; i++)
        out += sprintf(out, "%02x", d[i]);
}

Test(bytecode, sha256_vectors)
{
    svbc_sha256_t s;
    uint8_t d[32];
    char h[65];
    svbc_sha256_init(&s);
    svbc_sha256_update(&s, "abc", 3);
    svbc_sha256_final(&s, d);
    hex(d, h);
    cr_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    svbc_sha256_init(&s);
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    for (size_t i = 0; i < strlen(m); i++) /* byte at a time: exercises buffering */
        svbc_sha256_update(&s, m + i, 1);
    svbc_sha256_final(&s, d);
    hex(d, h);
    cr_assert_str_eq(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    svbc_sha256_init(&s);
    static uint8_t million[1000000];
    memset(million, 'a', sizeof million);
    svbc_sha256_update(&s, million, sizeof million);
    svbc_sha256_final(&s, d);
    hex(d, h);
    cr_assert_str_eq(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

Test(bytecode, seal_covers_everything_but_crc_and_sha)
{
    uint8_t img[128] = "SVMI";
    svbc_write_u16(img + SVIMG_OFF_NSECT, 0);
    svimg_seal(img, sizeof img);
    uint32_t crc = (uint32_t)svbc_read_i32(img + SVIMG_OFF_CRC);
    cr_assert_eq(svimg_crc(img, sizeof img), crc);
    uint8_t d[32];
    svimg_digest(img, sizeof img, d);
    cr_assert(memcmp(d, img + SVIMG_OFF_SHA, 32) == 0);
    img[100] ^= 1; /* any payload byte changes both */
    cr_assert_neq(svimg_crc(img, sizeof img), crc);
    svimg_digest(img, sizeof img, d);
    cr_assert(memcmp(d, img + SVIMG_OFF_SHA, 32) != 0);
}

/* The columns agree with each other: BR exactly for rows with a label operand; every
 * operand letter is a known kind; a row whose pop/push is -1 (dynamic) has SVBC_F_END
 * (only frame-replacing instructions are dynamic), so that svbc_stack_effect knows the
 * effect of every instruction a straight-line walk can continue past. */
Test(bytecode, columns_agree)
{
    for (int op = 0; op < 256; op++) {
        const svbc_opinfo_t *info = &svbc_opinfo[op];
        if (!info->name)
            continue;
        int has_label = strchr(info->operands, 'l') || strchr(info->operands, 't');
        cr_assert_eq(!!(info->flags & SVBC_F_BR), !!has_label, "%s: BR flag vs shape", info->name);
        for (const char *k = info->operands; *k; k++)
            cr_assert_gt(svbc_operand_size(*k), 0, "%s: operand kind %c", info->name, *k);
        if (info->pop < 0 || info->push < 0)
            cr_assert(info->flags & SVBC_F_END, "%s: dynamic effect but not END", info->name);
        int npush = 0;
        for (const char *k = info->operands; *k; k++)
            npush += *k == 'p';
        cr_assert(info->push < 0 || npush <= info->push, "%s: more push-slot operands than pushes",
                  info->name);
    }
}

/* Encode mnemonic `op` with operands a, b, c and decode it into *in. */
static void decode_named(const char *op, int32_t a, int32_t b, int32_t c, svbc_insn_t *in)
{
    int code = svbc_lookup_op(op, strlen(op));
    cr_assert_geq(code, 0, "%s", op);
    int32_t opnd[3] = {a, b, c};
    uint8_t buf[32];
    uint32_t n = svbc_encode((uint8_t)code, opnd, NULL, buf, sizeof buf);
    cr_assert_gt(n, 0, "%s", op);
    cr_assert_eq(svbc_decode(buf, n, in), n, "%s", op);
}

/* Stack effect and need come from the columns: counts, values, services and slots. */
Test(bytecode, stack_effect_and_need)
{
    struct {
        const char *op;
        int32_t a, b, c;
        int pop, push;
        uint32_t need;
    } t[] = {
        {"pop", 3, 0, 0, 3, 0, 3},       {"acc", 4, 0, 0, 0, 0, 5},
        {"assign", 0, 0, 0, 0, 0, 1},    {"makeblock", 0, 3, 0, 2, 0, 2},
        {"makeblock", 0, 1, 0, 0, 0, 0}, {"cur", 8, 1, 0, 0, 0, 0},
        {"cur", 8, 1, 4, 3, 0, 3},       {"call", 8, 2, 0, 2, 0, 2},
        {"app", 3, 0, 0, 3, 0, 3},       {"pushcall", 8, 2, 0, 1, 0, 1},
        {"pushacc", 0, 0, 0, 0, 1, 0},   {"pushacc", 3, 0, 0, 0, 1, 3},
        {"pushacc2", 2, 4, 0, 0, 2, 3},  {"accfield", 2, 0, 0, 0, 0, 3},
        {"forup", 1, 5, 8, 0, 0, 6},     {"beqacc", 2, 8, 0, 0, 0, 3},
        {"arrayn", 4, 0, 0, 3, 0, 3},    {"poptrap", 0, 0, 0, 3, 0, 3},
        {"pushtrap", 8, 0, 0, 0, 3, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        svbc_insn_t in;
        decode_named(t[i].op, t[i].a, t[i].b, t[i].c, &in);
        int pop, push;
        cr_assert_eq(svbc_stack_effect(&in, &pop, &push), 0, "%s", t[i].op);
        cr_assert_eq(pop, t[i].pop, "%s pop %d", t[i].op, pop);
        cr_assert_eq(push, t[i].push, "%s push %d", t[i].op, push);
        cr_assert_eq(svbc_stack_need(&in), t[i].need, "%s need %u", t[i].op, svbc_stack_need(&in));
    }
    int32_t opnd[2] = {SVBC_SVC_print_string, 0};
    uint8_t buf[8];
    svbc_insn_t in;
    int pop, push;
    svbc_decode(buf, svbc_encode(SVBC_OP_svc, opnd, NULL, buf, sizeof buf), &in);
    cr_assert_eq(svbc_stack_effect(&in, &pop, &push), 0);
    cr_assert_eq(pop, svbc_svcinfo[SVBC_SVC_print_string].arity - 1);
    int32_t ret[1] = {2};
    svbc_decode(buf, svbc_encode(SVBC_OP_return, ret, NULL, buf, sizeof buf), &in);
    cr_assert_eq(svbc_stack_effect(&in, &pop, &push), -1, "return is dynamic");
}

/* sections.def: names and flags by kind; the reader refuses a table by its first broken
 * rule and reports where. (The loader's corpus covers every rule through the validator.) */
Test(bytecode, section_table_and_reader)
{
    cr_assert_str_eq(svimg_section_name(SVIMG_SECT_CODE), "CODE");
    cr_assert_str_eq(svimg_section_name(SVIMG_SECT_SIGNATURE), "SIGNATURE");
    cr_assert_str_eq(svimg_section_name(0), "?");
    cr_assert_str_eq(svimg_section_name(SVIMG_SECT_KIND_MAX + 1), "?");
    unsigned required = 0;
    for (uint32_t k = 1; k <= SVIMG_SECT_KIND_MAX; k++) {
        cr_assert_str_neq(svimg_section_name(k), "?");
        required += !!(svimg_sect_flags[k] & SVIMG_SF_REQUIRED);
    }
    cr_assert_eq(required, 3);
    cr_assert(svimg_sect_flags[SVIMG_SECT_LINES] & SVIMG_SF_DEBUG);
    cr_assert(svimg_sect_flags[SVIMG_SECT_SIGNATURE] & SVIMG_SF_SIGNED);

    uint8_t img[256] = {0};
    svbc_write_u16(img + SVIMG_OFF_NSECT, 3);
    uint32_t at = 112; /* after the table */
    for (uint32_t i = 0; i < 3; i++) {
        uint8_t *e = img + SVIMG_HEADER_SIZE + 16 * i;
        svbc_write_i32(e, (int32_t)(i + 1));
        svbc_write_i32(e + 4, (int32_t)(at + 16 * i));
        svbc_write_i32(e + 8, 16);
    }
    svimg_sections_t s;
    uint32_t off = 0;
    cr_assert_eq(svimg_read_sections(img, sizeof img, &s, &off), SVIMG_SERR_OK);
    cr_assert_eq(s.nsect, 3);
    cr_assert_eq(s.off[SVIMG_SECT_CONST], at + 16);
    cr_assert_eq(s.order[2], SVIMG_SECT_MANIFEST);
    svbc_write_i32(img + SVIMG_HEADER_SIZE + 16 + 4, (int32_t)at + 8); /* CONST inside CODE */
    cr_assert_eq(svimg_read_sections(img, sizeof img, &s, &off), SVIMG_SERR_OVERLAP);
    cr_assert_eq(off, SVIMG_HEADER_SIZE + 16 + 4);
    svbc_write_i32(img + SVIMG_HEADER_SIZE + 16 + 4, (int32_t)at + 16);
    svbc_write_i32(img + SVIMG_HEADER_SIZE + 32, SVIMG_SECT_LINES); /* no MANIFEST */
    cr_assert_eq(svimg_read_sections(img, sizeof img, &s, &off), SVIMG_SERR_MISSING);
    cr_assert_eq(s.missing, SVIMG_SECT_MANIFEST);
    cr_assert_str_neq(svimg_sect_error_message(SVIMG_SERR_MISSING), "");
}

/* Frame-replacing instructions: their need is their arguments and frame (the f operand),
 * less the A a fused push brings (PUSHA), from the columns alone. */
Test(bytecode, frame_need)
{
    struct {
        const char *op;
        int32_t a, b, c;
        uint32_t need;
    } t[] = {
        {"return", 3, 0, 0, 3},       {"tailapp", 2, 3, 0, 5},      {"tailcall", 8, 2, 3, 5},
        {"pushtailcall", 8, 2, 3, 4}, {"pushtailcall", 8, 0, 0, 0}, {"return", 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        svbc_insn_t in;
        decode_named(t[i].op, t[i].a, t[i].b, t[i].c, &in);
        int pop, push;
        cr_assert_eq(svbc_stack_effect(&in, &pop, &push), -1, "%s is dynamic", t[i].op);
        cr_assert_eq(svbc_stack_need(&in), t[i].need, "%s need %u", t[i].op, svbc_stack_need(&in));
    }
}

/* fusions.def agrees with opcodes.def: a fused instruction has the operands of its two
 * parts in order (same sizes), pushes A first exactly when its first part does or is
 * `push`, and is no branch (the peephole fuses straight-line text only). */
Test(bytecode, fusions_agree)
{
    static const struct {
        int first, second, fused;
    } f[] = {
#define FUSE(a, b, c) {SVBC_OP_##a, SVBC_OP_##b, SVBC_OP_##c},
#include <sensevm/fusions.def>
#undef FUSE
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        const svbc_opinfo_t *a = &svbc_opinfo[f[i].first], *b = &svbc_opinfo[f[i].second],
                            *c = &svbc_opinfo[f[i].fused];
        char both[8];
        snprintf(both, sizeof both, "%s%s", a->operands, b->operands);
        cr_assert_eq(strlen(both), strlen(c->operands), "%s", c->name);
        for (size_t k = 0; both[k]; k++)
            cr_assert_eq(svbc_operand_size(both[k]), svbc_operand_size(c->operands[k]), "%s",
                         c->name);
        int pusha = f[i].first == SVBC_OP_push || (a->flags & SVBC_F_PUSHA);
        cr_assert_eq(!!(c->flags & SVBC_F_PUSHA), pusha, "%s: PUSHA", c->name);
        cr_assert_eq(c->flags & (SVBC_F_BR | SVBC_F_END), 0, "%s", c->name);
    }
}

/* The validator reads an ENTRY row's argument count as operand 1: the label comes first,
 * then a count (n, c) or an arity (r). PUSHA rows push, or are frame-replacing or calls. */
Test(bytecode, entry_and_pusha_rows)
{
    int entries = 0;
    for (int op = 0; op < 256; op++) {
        const svbc_opinfo_t *info = &svbc_opinfo[op];
        if (!info->name)
            continue;
        const char *k = info->operands;
        if (info->flags & SVBC_F_ENTRY) {
            entries++;
            cr_assert(k[0] == 'l' && (k[1] == 'n' || k[1] == 'c' || k[1] == 'r'), "%s: ENTRY shape",
                      info->name);
        }
        if (info->flags & SVBC_F_PUSHA)
            cr_assert(info->push != 0 || (info->flags & SVBC_F_ENTRY), "%s: PUSHA", info->name);
    }
    cr_assert_eq(entries, 5, "call, pushcall, tailcall, pushtailcall, cur");
}

/* Regression (CI, clang build): the tools print "cannot create 'F': <strerror(errno)>" with
 * the colour escapes in the same argument list; deciding on colour calls isatty(2), which set
 * errno to ENOTTY before strerror read it when the compiler evaluated the arguments in that
 * order. Asking for a colour must leave errno alone. */
Test(bytecode, colour_query_keeps_errno)
{
    svbc_color_set(SVBC_COLOR_AUTO);
    errno = EEXIST;
    (void)svbc_sgr(SVBC_SGR_ERROR);
    cr_assert_eq(errno, EEXIST);
    svbc_color_set(SVBC_COLOR_AUTO);
    errno = ENOENT;
    (void)svbc_sgr_kind("error");
    cr_assert_eq(errno, ENOENT);
}
