/* SPDX-License-Identifier: MIT
 * corpus.c — builds the valid test image and its one-rule-broken mutations (see corpus.h).
 * Opcodes and services are looked up by name in the bytecode library, never hard-coded.
 */
#include "corpus.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdlib.h>
#include <string.h>

static void w8(corpus_img_t *im, uint32_t o, uint32_t v) { im->b[o] = (uint8_t)v; }
static void w16(corpus_img_t *im, uint32_t o, uint32_t v)
{
    svbc_write_u16(im->b + o, (uint16_t)v);
}
static void w32(corpus_img_t *im, uint32_t o, uint32_t v) { svbc_write_i32(im->b + o, (int32_t)v); }
static uint32_t r32(const corpus_img_t *im, uint32_t o)
{
    return (uint32_t)svbc_read_i32(im->b + o);
}
static uint32_t align4(uint32_t x) { return (x + 3u) & ~3u; }

static void need(int ok)
{
    if (!ok)
        abort(); /* a bug in the test program itself */
}

/* ---- the test program ---------------------------------------------------------------
 * Covers every operand kind (b h i l k g s t), a closure, a known call, a handler and a
 * switch; its entry block pushes and pops so that the static stack walk has work to do. */
typedef struct line {
    const char *label, *op;
    int32_t num[3];     /* the non-label operands, in shape order (switch: nint, nblk) */
    const char *lab[2]; /* label operands, in shape order */
    int mark;           /* M_* + 1, or 0 */
} line_t;

static const line_t prog[] = {
    {"main", "quote", {7}, {0}, M_QUOTE + 1},
    {0, "push", {0}, {0}, M_PUSH + 1},
    {0, "quote", {1}, {0}, 0},
    {0, "makeblock", {0, 2}, {0}, M_MAKEBLOCK + 1},
    {0, "arrayn", {1}, {0}, M_ARRAYN + 1},
    {0, "const", {0}, {0}, M_CONST + 1},
    {0, "svc", {SVBC_SVC_print_string}, {0}, M_SVC + 1},
    {0, "const", {1}, {0}, 0},
    {0, "setvar", {1}, {0}, M_SETVAR + 1},
    {0, "getvar", {0}, {0}, 0},
    {0, "const", {3}, {0}, 0},
    {0, "quote", {2}, {0}, 0},
    {0, "push", {0}, {0}, 0},
    {0, "acc", {0}, {0}, 0},
    {0, "assign", {0}, {0}, 0},
    {0, "pop", {1}, {0}, 0},
    {0, "cur", {1, 1}, {"f"}, M_CUR + 1},
    {0, "push", {0}, {0}, 0},
    {0, "quote", {3}, {0}, 0},
    {0, "push", {0}, {0}, 0},
    {0, "acc", {1}, {0}, 0},
    {0, "app", {1}, {0}, 0},
    {0, "pop", {1}, {0}, 0},
    {0, "quote", {0}, {0}, 0},
    {0, "call", {0}, {"g"}, 0},
    {0, "pushtrap", {0}, {"h"}, 0},
    {0, "quote", {0}, {0}, 0},
    {0, "raise", {0}, {0}, 0},
    {"h", "quote", {1}, {0}, 0},
    {0, "switch", {1, 1}, {"l0", "l1"}, M_SWITCH + 1},
    {"l0", "branch", {0}, {"end"}, M_BRANCH + 1},
    {"l1", "branchif", {0}, {"end"}, 0},
    {0, "branch", {0}, {"end"}, 0},
    {"end", "halt", {0}, {0}, 0},
    {"f", "acc", {0}, {0}, 0},
    {0, "addimm", {1}, {0}, 0},
    {0, "return", {1}, {0}, 0},
    {"g", "quote", {0}, {0}, M_G + 1},
    {0, "return", {0}, {0}, M_LAST + 1},
};
#define NLINES (sizeof prog / sizeof prog[0])

static int opcode(const char *name)
{
    int op = svbc_lookup_op(name, strlen(name));
    need(op >= 0);
    return op;
}

static uint32_t assemble(uint8_t *out, uint32_t cap, uint32_t *marks)
{
    uint32_t pc[NLINES] = {0}, off = 0;
    for (int pass = 0; pass < 2; pass++) {
        off = 0;
        for (size_t i = 0; i < NLINES; i++) {
            const line_t *l = &prog[i];
            int op = opcode(l->op);
            int32_t opnd[SVBC_MAX_OPERANDS + 1] = {0}, labels[2] = {0};
            unsigned ni = 0, nn = 0, nl = 0;
            for (const char *k = svbc_opinfo[op].operands; *k; k++) {
                if (*k == SVBC_OPND_LABEL || *k == SVBC_OPND_TABLE) {
                    int32_t *dst;
                    unsigned cnt = 1;
                    if (*k == SVBC_OPND_TABLE) {
                        opnd[ni++] = l->num[nn++];
                        opnd[ni++] = l->num[nn++];
                        cnt = (unsigned)(opnd[ni - 2] + opnd[ni - 1]);
                        dst = labels;
                    } else {
                        dst = &opnd[ni++];
                    }
                    for (unsigned c = 0; c < cnt; c++) {
                        const char *name = l->lab[nl++];
                        int32_t v = 0;
                        for (size_t j = 0; j < NLINES; j++)
                            if (prog[j].label && strcmp(prog[j].label, name) == 0)
                                v = (int32_t)pc[j] - (int32_t)pc[i];
                        dst[c] = v;
                    }
                } else {
                    opnd[ni++] = l->num[nn++];
                }
            }
            if (pass == 0)
                pc[i] = off;
            uint32_t n = svbc_encode((uint8_t)op, opnd, labels, pass ? out + off : NULL, cap - off);
            need(n != 0);
            if (pass && l->mark)
                marks[l->mark - 1] = off;
            off += n;
        }
    }
    return off;
}

/* ---- the image ---------------------------------------------------------------------- */

static const char *const strings[] = {"hi!", NULL, "", "abcd"}; /* const 1 is a float */

static uint32_t put_consts(corpus_img_t *im, uint32_t base)
{
    uint32_t o = 4 + 4 * 4;
    w32(im, base, 4);
    for (uint32_t k = 0; k < 4; k++) {
        w32(im, base + 4 + 4 * k, o);
        im->cobj[k] = o;
        if (!strings[k]) {
            w32(im, base + o, SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));
            w32(im, base + o + 4, 0); /* 3.25 = 0x400a000000000000 */
            w32(im, base + o + 8, 0x400a0000u);
            o += 12;
        } else {
            uint32_t len = (uint32_t)strlen(strings[k]), words = (len + 3) / 4;
            w32(im, base + o, SVOBJ_HEADER(SVOBJ_STRING, 0, 1 + words));
            w32(im, base + o + 4, len);
            memcpy(im->b + base + o + 8, strings[k], len);
            o += 8 + 4 * words;
        }
    }
    return o;
}

static void put_name(corpus_img_t *im, uint32_t o, const char *s)
{
    memcpy(im->b + o, s, strlen(s));
}

static void put_manifest(corpus_img_t *im, uint32_t m)
{
    put_name(im, m + SVMF_OFF_NAME, "corpus-1.0_x");
    w8(im, m + SVMF_OFF_PRIORITY, 7);
    w8(im, m + SVMF_OFF_POLICY, SVMF_POLICY_RESTART);
    w8(im, m + SVMF_OFF_NDEVICES, 2);
    w8(im, m + SVMF_OFF_NXCHANS, 1);
    w32(im, m + SVMF_OFF_HEAP, SVMF_DEFAULT_HEAP);
    w32(im, m + SVMF_OFF_STACK, SVMF_DEFAULT_STACK);
    w32(im, m + SVMF_OFF_ARRAYS, 1024);
    w16(im, m + SVMF_OFF_CONTEXTS, SVMF_DEFAULT_CONTEXTS);
    w16(im, m + SVMF_OFF_CHANNELS, SVMF_DEFAULT_CHANNELS);
    w32(im, m + SVMF_OFF_ENTRY, 0);
    w32(im, m + SVMF_OFF_GLOBALS, 2);
    w32(im, m + SVMF_OFF_HEARTBEAT, 1000);
    w32(im, m + SVMF_OFF_FUEL, 0);
    put_name(im, m + SVMF_OFF_DEVICES, "led0");
    put_name(im, m + SVMF_OFF_DEVICES + SVIMG_NAME_MAX, "uart0");
    put_name(im, m + SVMF_OFF_XCHANS, "temps");
    w8(im, m + SVMF_OFF_XCHANS + 16, SVMF_XCHAN_SEND);
    w8(im, m + SVMF_OFF_XCHANS + 17, SVMF_XPOLICY_OVERWRITE);
    w16(im, m + SVMF_OFF_XCHANS + 18, 4);
}

static void put_entry(corpus_img_t *im, uint32_t i, uint32_t kind, uint32_t off, uint32_t size)
{
    uint32_t e = SVIMG_HEADER_SIZE + i * SVIMG_SECT_ENTRY_SIZE;
    w32(im, e, kind);
    w32(im, e + 4, off);
    w32(im, e + 8, size);
    w32(im, e + 12, 0);
}

void corpus_reseal(corpus_img_t *im) { svimg_seal(im->b, im->size); }

void corpus_build(corpus_img_t *im, int variant)
{
    uint8_t code[512];
    uint32_t at[M_COUNT];
    uint32_t n = assemble(code, sizeof code, at);
    corpus_build_with(im, variant, code, n, 0);
    memcpy(im->at, at, sizeof at);
}

void corpus_build_with(corpus_img_t *im, int variant, const uint8_t *code, uint32_t code_size,
                       uint32_t entry)
{
    memset(im, 0, sizeof *im);
    im->nsect = variant == V_DEBUG ? 5 : variant == V_SIGNED ? 4 : 3;
    uint32_t flags = variant == V_DEBUG ? SVIMG_F_DEBUG : variant == V_SIGNED ? SVIMG_F_SIGNED : 0;
    memcpy(im->b, SVIMG_MAGIC, 4);
    w16(im, SVIMG_OFF_MAJOR, SVIMG_FORMAT_MAJOR);
    w16(im, SVIMG_OFF_MINOR, SVIMG_FORMAT_MINOR);
    w32(im, SVIMG_OFF_FLAGS, flags);
    w8(im, SVIMG_OFF_WORDSIZE, SVIMG_WORD_SIZE);
    w8(im, SVIMG_OFF_HDRSIZE, SVIMG_HEADER_SIZE);
    w16(im, SVIMG_OFF_NSECT, im->nsect);
    uint32_t o = SVIMG_HEADER_SIZE + im->nsect * SVIMG_SECT_ENTRY_SIZE;
    im->code_off = o;
    need(code_size <= CORPUS_CAP - 1024);
    memcpy(im->b + o, code, code_size);
    im->code_size = code_size;
    o = align4(o + im->code_size);
    im->const_off = o;
    im->const_size = put_consts(im, o);
    o = align4(o + im->const_size);
    im->man_off = o;
    put_manifest(im, o);
    w32(im, o + SVMF_OFF_ENTRY, entry);
    o += SVIMG_MANIFEST_SIZE;
    uint32_t i = 0;
    im->e_code = SVIMG_HEADER_SIZE + i * 16;
    put_entry(im, i++, SVIMG_SECT_CODE, im->code_off, im->code_size);
    im->e_const = SVIMG_HEADER_SIZE + i * 16;
    put_entry(im, i++, SVIMG_SECT_CONST, im->const_off, im->const_size);
    im->e_man = SVIMG_HEADER_SIZE + i * 16;
    put_entry(im, i++, SVIMG_SECT_MANIFEST, im->man_off, SVIMG_MANIFEST_SIZE);
    if (variant == V_DEBUG) {
        /* Contents are the linker's business; the validator checks bounds only. */
        im->e_sym = SVIMG_HEADER_SIZE + i * 16;
        /* the linker's layout: u32 n; n x {u32 addr, u32 name offset}; names; padding */
        im->sym_off = o;
        w32(im, o, 2);
        w32(im, o + 4, 0);
        w32(im, o + 8, 20);
        w32(im, o + 12, code_size - 1);
        w32(im, o + 16, 25);
        memcpy(im->b + o + 20, "main\0f\0", 7);
        put_entry(im, i++, SVIMG_SECT_SYMBOLS, o, 28);
        o += 28;
        /* u32 n; n x {u32 addr, u32 position, u32 file offset | end}; names; padding */
        im->e_lines = SVIMG_HEADER_SIZE + i * 16;
        im->lines_off = o;
        w32(im, o, 2);
        w32(im, o + 4, 0);
        w32(im, o + 8, SVIMG_POS(1, 1));
        w32(im, o + 12, 28);
        w32(im, o + 16, code_size - 1);
        w32(im, o + 20, SVIMG_POS(2, 5));
        w32(im, o + 24, SVIMG_LFILE(28, 9)); /* with an end character (format minor 1) */
        memcpy(im->b + o + 28, "t.ml\0\0\0", 8);
        put_entry(im, i++, SVIMG_SECT_LINES, o, 36);
        o += 36;
    }
    if (variant == V_SIGNED) {
        im->e_sig = SVIMG_HEADER_SIZE + i * 16;
        im->sig_off = o;
        put_entry(im, i++, SVIMG_SECT_SIGNATURE, o, 64);
        for (uint32_t k = 0; k < 64; k++)
            im->b[o + k] = (uint8_t)(0xa5 ^ k);
        o += 64;
    }
    im->size = o;
    w32(im, SVIMG_OFF_SIZE, o);
    corpus_reseal(im);
}

/* ---- mutations: one rule each ------------------------------------------------------- */

/* From the top, so that new rows (assigned from the bottom) leave the corpus unchanged. */
static int unassigned_op(void)
{
    for (int i = 255; i >= 0; i--)
        if (!svbc_opinfo[i].name)
            return i;
    abort();
}

static int unassigned_svc(void)
{
    for (int i = SVBC_SVC_LIMIT - 1; i >= 0; i--)
        if (!svbc_svcinfo[i].name)
            return i;
    abort();
}

#define MUT(name) static uint32_t mut_##name(corpus_img_t *im)
#define RESEAL_RET(off)                                                                            \
    do {                                                                                           \
        corpus_reseal(im);                                                                         \
        return (off);                                                                              \
    } while (0)

MUT(good)
{
    (void)im;
    return 0;
}
/* header */
MUT(too_small)
{
    im->size = 40;
    return 0;
}
MUT(too_small_tiny)
{
    im->size = 5;
    return 0;
}
MUT(bad_magic)
{
    im->b[3] = 'X';
    return SVIMG_OFF_MAGIC;
}
MUT(bad_major)
{
    w16(im, SVIMG_OFF_MAJOR, SVIMG_FORMAT_MAJOR + 1);
    return SVIMG_OFF_MAJOR;
}
MUT(bad_major_old)
{
    w16(im, SVIMG_OFF_MAJOR, 0);
    return SVIMG_OFF_MAJOR;
}
MUT(bad_minor)
{
    w16(im, SVIMG_OFF_MINOR, SVIMG_FORMAT_MINOR + 1);
    return SVIMG_OFF_MINOR;
}
MUT(bad_word_size)
{
    w8(im, SVIMG_OFF_WORDSIZE, 8);
    RESEAL_RET(SVIMG_OFF_WORDSIZE);
}
MUT(bad_header_size)
{
    w8(im, SVIMG_OFF_HDRSIZE, 32);
    RESEAL_RET(SVIMG_OFF_HDRSIZE);
}
MUT(bad_flags)
{
    w32(im, SVIMG_OFF_FLAGS, 0x100);
    RESEAL_RET(SVIMG_OFF_FLAGS);
}
MUT(bad_reserved)
{
    w8(im, SVIMG_OFF_RESERVED + 5, 1);
    RESEAL_RET(SVIMG_OFF_RESERVED + 5);
}
MUT(too_large)
{
    w32(im, SVIMG_OFF_SIZE, SVIMG_MAX_SIZE + 4);
    return SVIMG_OFF_SIZE;
}
MUT(bad_size)
{
    im->size += 4;
    return SVIMG_OFF_SIZE;
} /* trailing bytes */
MUT(bad_size_short)
{
    w32(im, SVIMG_OFF_SIZE, im->size + 4);
    return SVIMG_OFF_SIZE;
}
MUT(bad_crc)
{
    im->b[SVIMG_OFF_CRC] ^= 1;
    return SVIMG_OFF_CRC;
}
MUT(bad_crc_body)
{
    im->b[im->code_off] ^= 0x40;
    return SVIMG_OFF_CRC;
}
MUT(bad_sha256)
{
    im->b[im->man_off + SVMF_OFF_HEARTBEAT] ^= 1;
    w32(im, SVIMG_OFF_CRC, svimg_crc(im->b, im->size));
    return SVIMG_OFF_SHA;
}
/* sections */
MUT(bad_section_count)
{
    w16(im, SVIMG_OFF_NSECT, 2);
    RESEAL_RET(SVIMG_OFF_NSECT);
}
MUT(bad_section_count_high)
{
    w16(im, SVIMG_OFF_NSECT, 9);
    RESEAL_RET(SVIMG_OFF_NSECT);
}
MUT(section_table_overflow)
{
    w16(im, SVIMG_OFF_NSECT, 8);
    im->size = SVIMG_HEADER_SIZE + 3 * SVIMG_SECT_ENTRY_SIZE;
    w32(im, SVIMG_OFF_SIZE, im->size);
    RESEAL_RET(SVIMG_OFF_NSECT);
}
MUT(bad_section_kind)
{
    w32(im, im->e_const, 0);
    RESEAL_RET(im->e_const);
}
MUT(bad_section_kind_high)
{
    w32(im, im->e_man, SVIMG_SECT_KIND_MAX + 1);
    RESEAL_RET(im->e_man);
}
MUT(duplicate_section)
{
    w32(im, im->e_const, SVIMG_SECT_CODE);
    RESEAL_RET(im->e_const);
}
MUT(bad_section_flags)
{
    w32(im, im->e_code + 12, 1);
    RESEAL_RET(im->e_code + 12);
}
MUT(misaligned_section)
{
    w32(im, im->e_const + 4, im->const_off + 2);
    RESEAL_RET(im->e_const + 4);
}
MUT(section_in_header)
{
    w32(im, im->e_code + 4, SVIMG_HEADER_SIZE);
    RESEAL_RET(im->e_code + 4);
}
MUT(section_out_of_image)
{
    w32(im, im->e_man + 8, SVIMG_MANIFEST_SIZE + 4);
    RESEAL_RET(im->e_man + 8);
}
MUT(section_out_of_image_wrap)
{
    w32(im, im->e_man + 8, 0xfffffff0u);
    RESEAL_RET(im->e_man + 8);
}
MUT(unordered_sections)
{
    uint8_t t[16];
    memcpy(t, im->b + im->e_code, 16);
    memcpy(im->b + im->e_code, im->b + im->e_const, 16);
    memcpy(im->b + im->e_const, t, 16);
    RESEAL_RET(im->e_const + 4);
}
MUT(overlapping_sections)
{
    w32(im, im->e_const + 8, im->const_size + 4);
    RESEAL_RET(im->e_man + 4);
}
MUT(missing_code)
{
    w32(im, im->e_code, SVIMG_SECT_LINES);
    RESEAL_RET(SVIMG_HEADER_SIZE);
}
MUT(missing_const)
{
    w32(im, im->e_const, SVIMG_SECT_LINES);
    RESEAL_RET(SVIMG_HEADER_SIZE);
}
MUT(missing_manifest)
{
    w32(im, im->e_man, SVIMG_SECT_LINES);
    RESEAL_RET(SVIMG_HEADER_SIZE);
}
MUT(debug_flag_mismatch)
{
    w32(im, SVIMG_OFF_FLAGS, SVIMG_F_DEBUG);
    RESEAL_RET(SVIMG_OFF_FLAGS);
}
MUT(debug_flag_mismatch_unset)
{
    w32(im, SVIMG_OFF_FLAGS, 0);
    RESEAL_RET(SVIMG_OFF_FLAGS);
}
MUT(signed_flag_mismatch)
{
    w32(im, SVIMG_OFF_FLAGS, SVIMG_F_SIGNED);
    RESEAL_RET(SVIMG_OFF_FLAGS);
}
MUT(bad_manifest_size)
{
    w32(im, im->e_man + 8, SVIMG_MANIFEST_SIZE - 4);
    RESEAL_RET(im->e_man + 8);
}
MUT(bad_signature_size)
{
    w32(im, im->e_sig + 8, 60);
    RESEAL_RET(im->e_sig + 8);
}
MUT(empty_code)
{
    w32(im, im->e_code + 8, 0);
    RESEAL_RET(im->e_code + 8);
}
/* manifest */
#define MF(field) (im->man_off + (field))
MUT(bad_name)
{
    w8(im, MF(SVMF_OFF_NAME + 3), ' ');
    RESEAL_RET(MF(SVMF_OFF_NAME));
}
MUT(bad_name_empty)
{
    memset(im->b + MF(SVMF_OFF_NAME), 0, 16);
    RESEAL_RET(MF(SVMF_OFF_NAME));
}
MUT(bad_name_long)
{
    memset(im->b + MF(SVMF_OFF_NAME), 'a', 16);
    RESEAL_RET(MF(SVMF_OFF_NAME));
}
MUT(bad_name_padding)
{
    w8(im, MF(SVMF_OFF_NAME + 14), 'a');
    RESEAL_RET(MF(SVMF_OFF_NAME));
}
MUT(bad_policy)
{
    w8(im, MF(SVMF_OFF_POLICY), 3);
    RESEAL_RET(MF(SVMF_OFF_POLICY));
}
MUT(bad_ndevices)
{
    w8(im, MF(SVMF_OFF_NDEVICES), 9);
    RESEAL_RET(MF(SVMF_OFF_NDEVICES));
}
MUT(bad_nxchans)
{
    w8(im, MF(SVMF_OFF_NXCHANS), 5);
    RESEAL_RET(MF(SVMF_OFF_NXCHANS));
}
MUT(bad_heap_size)
{
    w32(im, MF(SVMF_OFF_HEAP), SVMF_HEAP_MIN - 8);
    RESEAL_RET(MF(SVMF_OFF_HEAP));
}
MUT(bad_heap_size_align)
{
    w32(im, MF(SVMF_OFF_HEAP), SVMF_DEFAULT_HEAP + 4);
    RESEAL_RET(MF(SVMF_OFF_HEAP));
}
MUT(bad_heap_size_max)
{
    w32(im, MF(SVMF_OFF_HEAP), SVMF_HEAP_MAX + 8);
    RESEAL_RET(MF(SVMF_OFF_HEAP));
}
MUT(bad_stack_size)
{
    w32(im, MF(SVMF_OFF_STACK), SVMF_STACK_MIN - 4);
    RESEAL_RET(MF(SVMF_OFF_STACK));
}
MUT(bad_stack_size_align)
{
    w32(im, MF(SVMF_OFF_STACK), SVMF_DEFAULT_STACK + 2);
    RESEAL_RET(MF(SVMF_OFF_STACK));
}
MUT(bad_stack_size_max)
{
    w32(im, MF(SVMF_OFF_STACK), SVMF_STACK_MAX + 4);
    RESEAL_RET(MF(SVMF_OFF_STACK));
}
MUT(bad_array_size)
{
    w32(im, MF(SVMF_OFF_ARRAYS), 1028);
    RESEAL_RET(MF(SVMF_OFF_ARRAYS));
}
MUT(bad_array_size_max)
{
    w32(im, MF(SVMF_OFF_ARRAYS), SVMF_ARRAYS_MAX + 8);
    RESEAL_RET(MF(SVMF_OFF_ARRAYS));
}
MUT(bad_contexts)
{
    w16(im, MF(SVMF_OFF_CONTEXTS), 0);
    RESEAL_RET(MF(SVMF_OFF_CONTEXTS));
}
MUT(bad_contexts_max)
{
    w16(im, MF(SVMF_OFF_CONTEXTS), SVMF_CONTEXTS_MAX + 1);
    RESEAL_RET(MF(SVMF_OFF_CONTEXTS));
}
MUT(bad_channels)
{
    w16(im, MF(SVMF_OFF_CHANNELS), SVMF_CHANNELS_MAX + 1);
    RESEAL_RET(MF(SVMF_OFF_CHANNELS));
}
MUT(bad_globals)
{
    w32(im, MF(SVMF_OFF_GLOBALS), SVMF_GLOBALS_MAX + 1);
    RESEAL_RET(MF(SVMF_OFF_GLOBALS));
}
MUT(manifest_reserved)
{
    w8(im, MF(SVMF_OFF_RESERVED + 2), 1);
    RESEAL_RET(MF(SVMF_OFF_RESERVED));
}
MUT(bad_gc)
{
    w8(im, MF(SVMF_OFF_GC), SVMF_GC_COMPACT + 1);
    RESEAL_RET(MF(SVMF_OFF_GC));
}
MUT(bad_device_name)
{
    w8(im, MF(SVMF_OFF_DEVICES + 16), '/');
    RESEAL_RET(MF(SVMF_OFF_DEVICES + 16));
}
MUT(duplicate_device)
{
    memcpy(im->b + MF(SVMF_OFF_DEVICES + 16), im->b + MF(SVMF_OFF_DEVICES), 16);
    RESEAL_RET(MF(SVMF_OFF_DEVICES + 16));
}
MUT(device_slot_not_empty)
{
    w8(im, MF(SVMF_OFF_DEVICES + 7 * 16 + 15), 1);
    RESEAL_RET(MF(SVMF_OFF_DEVICES + 7 * 16));
}
#define XC(i, f) MF(SVMF_OFF_XCHANS + (i)*SVMF_XCHAN_SIZE + (f))
MUT(bad_xchan_name)
{
    w8(im, XC(0, 0), 0);
    RESEAL_RET(XC(0, 0));
}
MUT(duplicate_xchan)
{
    w8(im, MF(SVMF_OFF_NXCHANS), 2);
    memcpy(im->b + XC(1, 0), im->b + XC(0, 0), SVMF_XCHAN_SIZE);
    RESEAL_RET(XC(1, 0));
}
MUT(bad_xchan_dir)
{
    w8(im, XC(0, 16), 2);
    RESEAL_RET(XC(0, 16));
}
MUT(bad_xchan_policy)
{
    w8(im, XC(0, 17), 2);
    RESEAL_RET(XC(0, 17));
}
MUT(bad_xchan_depth)
{
    w16(im, XC(0, 18), 0);
    RESEAL_RET(XC(0, 18));
}
MUT(xchan_reserved)
{
    w8(im, XC(0, 23), 1);
    RESEAL_RET(XC(0, 20));
}
MUT(xchan_slot_not_empty)
{
    w8(im, XC(3, 18), 1);
    RESEAL_RET(XC(3, 0));
}
MUT(bad_entry)
{
    w32(im, MF(SVMF_OFF_ENTRY), im->code_size);
    RESEAL_RET(MF(SVMF_OFF_ENTRY));
}
/* constant pool */
#define CO(o) (im->const_off + (o))
MUT(const_truncated)
{
    w32(im, im->e_const + 8, 2);
    RESEAL_RET(im->const_off);
}
MUT(bad_const_count)
{
    w32(im, CO(0), SVIMG_CONST_MAX + 1);
    RESEAL_RET(im->const_off);
}
MUT(const_table_overflow)
{
    w32(im, CO(0), 100);
    RESEAL_RET(im->const_off);
}
MUT(bad_const_offset)
{
    w32(im, CO(8), im->cobj[1] + 2);
    RESEAL_RET(CO(8));
}
MUT(bad_const_offset_table)
{
    w32(im, CO(4), 8);
    RESEAL_RET(CO(4));
}
MUT(const_overlap)
{
    w32(im, CO(8), im->cobj[0]);
    RESEAL_RET(CO(8));
}
MUT(const_out_of_section)
{
    uint32_t h = r32(im, CO(im->cobj[3]));
    w32(im, CO(im->cobj[3]), h + (1u << 12));
    RESEAL_RET(CO(im->cobj[3]));
}
MUT(const_out_of_section_offset)
{
    w32(im, CO(16), im->const_size);
    RESEAL_RET(CO(16));
}
MUT(bad_const_kind)
{
    w32(im, CO(im->cobj[0]), SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
    RESEAL_RET(CO(im->cobj[0]));
}
MUT(bad_const_tag)
{
    w32(im, CO(im->cobj[1]), SVOBJ_HEADER(SVOBJ_FLOAT, 1, 2));
    RESEAL_RET(CO(im->cobj[1]));
}
MUT(bad_float_size)
{
    w32(im, CO(im->cobj[1]), SVOBJ_HEADER(SVOBJ_FLOAT, 0, 1));
    RESEAL_RET(CO(im->cobj[1]));
}
MUT(bad_string_size)
{
    w32(im, CO(im->cobj[0] + 4), 5);
    RESEAL_RET(CO(im->cobj[0] + 4));
}
MUT(bad_string_size_zero)
{
    w32(im, CO(im->cobj[2]), SVOBJ_HEADER(SVOBJ_STRING, 0, 0));
    RESEAL_RET(CO(im->cobj[2]));
}
MUT(bad_string_padding)
{
    w8(im, CO(im->cobj[0] + 8 + 3), 'x');
    RESEAL_RET(CO(im->cobj[0] + 8 + 3));
}
/* code */
#define AT(m) (im->code_off + im->at[m])
/* debug sections */
#define SY(o) (im->sym_off + (o))
MUT(symbols_truncated)
{
    w32(im, SY(0), 4);
    RESEAL_RET(SY(0));
}
MUT(bad_symbol_address)
{
    w32(im, SY(12), im->code_size + 1);
    RESEAL_RET(SY(12));
}
MUT(bad_symbol_name)
{
    w32(im, SY(16), 28);
    RESEAL_RET(SY(16));
}
MUT(bad_symbol_name_table)
{
    w32(im, SY(8), 19);
    RESEAL_RET(SY(8));
}
MUT(bad_symbol_name_unterminated)
{
    w8(im, SY(27), 'x');
    RESEAL_RET(SY(8));
}
#define LN(o) (im->lines_off + (o))
MUT(lines_truncated)
{
    w32(im, LN(0), 0x0fffffff);
    RESEAL_RET(LN(0));
}
MUT(lines_truncated_one)
{
    w32(im, LN(0), 3);
    RESEAL_RET(LN(0));
}
MUT(bad_line_address)
{
    w32(im, LN(16), im->code_size);
    RESEAL_RET(LN(16));
}
MUT(unordered_lines)
{
    w32(im, LN(4), im->code_size - 1);
    w32(im, LN(16), 0);
    RESEAL_RET(LN(16));
}
MUT(bad_line_file)
{
    w32(im, LN(24), 36);
    RESEAL_RET(LN(24));
}
MUT(bad_line_file_end)
{
    w32(im, LN(24), SVIMG_LFILE(36, 9));
    RESEAL_RET(LN(24));
}
MUT(bad_line_file_table)
{
    w32(im, LN(12), 27);
    RESEAL_RET(LN(12));
}
MUT(bad_line_file_unterminated)
{
    w8(im, LN(35), 'x');
    RESEAL_RET(LN(12));
}
MUT(bad_opcode)
{
    w8(im, AT(M_PUSH), (uint32_t)unassigned_op());
    RESEAL_RET(AT(M_PUSH));
}
MUT(truncated_insn)
{
    w32(im, im->e_code + 8, im->code_size - 1);
    RESEAL_RET(AT(M_LAST));
}
MUT(bad_immediate)
{
    w32(im, AT(M_QUOTE) + 1, 0x40000000u);
    RESEAL_RET(AT(M_QUOTE));
}
MUT(bad_immediate_neg)
{
    w32(im, AT(M_QUOTE) + 1, 0xbfffffffu);
    RESEAL_RET(AT(M_QUOTE));
}
MUT(bad_service)
{
    w16(im, AT(M_SVC) + 1, (uint32_t)unassigned_svc());
    RESEAL_RET(AT(M_SVC));
}
MUT(bad_service_high)
{
    w16(im, AT(M_SVC) + 1, 0x1234);
    RESEAL_RET(AT(M_SVC));
}
MUT(bad_const_index)
{
    w16(im, AT(M_CONST) + 1, 4);
    RESEAL_RET(AT(M_CONST));
}
MUT(bad_global_index)
{
    w16(im, AT(M_SETVAR) + 1, 2);
    RESEAL_RET(AT(M_SETVAR));
}
MUT(bad_block_size)
{
    w16(im, AT(M_MAKEBLOCK) + 2, 0);
    RESEAL_RET(AT(M_MAKEBLOCK));
}
MUT(bad_block_tag)
{
    w8(im, AT(M_MAKEBLOCK) + 1, SVOBJ_TAG_EXN + 1);
    RESEAL_RET(AT(M_MAKEBLOCK));
}
MUT(bad_array_count)
{
    w16(im, AT(M_ARRAYN) + 1, 0);
    RESEAL_RET(AT(M_ARRAYN));
}
MUT(bad_closure_arity)
{
    w8(im, AT(M_CUR) + 5, 0);
    RESEAL_RET(AT(M_CUR));
}
MUT(target_outside_code)
{
    w32(im, AT(M_BRANCH) + 1, im->code_size);
    RESEAL_RET(AT(M_BRANCH));
}
MUT(target_outside_code_neg)
{
    w32(im, AT(M_CUR) + 1, 0x80000000u);
    RESEAL_RET(AT(M_CUR));
}
MUT(target_outside_code_switch)
{
    w32(im, AT(M_SWITCH) + 5 + 4, 0x7fffffffu);
    RESEAL_RET(AT(M_SWITCH));
}
MUT(target_mid_insn)
{
    w32(im, AT(M_BRANCH) + 1, r32(im, AT(M_BRANCH) + 1) - 1);
    RESEAL_RET(AT(M_BRANCH));
}
MUT(target_mid_insn_closure)
{
    w32(im, AT(M_CUR) + 1, r32(im, AT(M_CUR) + 1) + 1);
    RESEAL_RET(AT(M_CUR));
}
MUT(falls_off_end)
{
    w32(im, im->e_code + 8, im->at[M_LAST]);
    RESEAL_RET(AT(M_G));
}
MUT(entry_mid_insn)
{
    w32(im, MF(SVMF_OFF_ENTRY), 1);
    RESEAL_RET(MF(SVMF_OFF_ENTRY));
}
MUT(stack_underflow)
{
    w8(im, AT(M_PUSH), (uint32_t)opcode("swap"));
    RESEAL_RET(AT(M_PUSH));
}
/* l0's `branch end` becomes `pushtrap end` (same shape): it falls into l1 three slots deeper
 * than the switch reaches l1 */
MUT(stack_mismatch)
{
    w8(im, AT(M_BRANCH), (uint32_t)opcode("pushtrap"));
    RESEAL_RET(AT(M_BRANCH) + 5);
}
/* a closure of arity 255 runs with 255 slots: deeper than the manifest's stack holds */
MUT(stack_too_deep)
{
    w32(im, MF(SVMF_OFF_STACK), 256);
    w8(im, AT(M_CUR) + 5, 255);
    RESEAL_RET(AT(M_CUR) + r32(im, AT(M_CUR) + 1));
}
/* 400 block starts (a 400-way switch) need 4,800 bytes: more than svl_validate's 4 KiB (and
 * than the 256 bytes svl_validate_ex uses when the caller gives none) */
MUT(stack_work_too_small)
{
    static uint8_t code[2100];
    static int32_t labels[400];
    int32_t opnd[2] = {400, 0};
    for (int i = 0; i < 400; i++)
        labels[i] = 1605 + i;
    uint32_t n = svbc_encode((uint8_t)opcode("switch"), opnd, labels, code, sizeof code);
    need(n == 1605);
    for (int i = 0; i < 400; i++)
        code[n++] = (uint8_t)opcode("halt");
    corpus_build_with(im, V_BASE, code, n, 0);
    return im->code_off;
}

#define CASE(file, code, variant, fn)                                                              \
    {                                                                                              \
        file, SVL_##code, variant, mut_##fn                                                        \
    }
#define RULE(name) CASE(#name ".svm", name, V_BASE, name)
#define VAR(name, var) CASE(#name "-" #var ".svm", name, V_BASE, name##_##var)

const corpus_case_t corpus_cases[] = {
    CASE("good.svm", OK, V_BASE, good),
    CASE("good-debug.svm", OK, V_DEBUG, good),
    CASE("good-signed.svm", OK, V_SIGNED, good),
    RULE(too_small),
    VAR(too_small, tiny),
    RULE(bad_magic),
    RULE(bad_major),
    VAR(bad_major, old),
    RULE(bad_minor),
    RULE(bad_word_size),
    RULE(bad_header_size),
    RULE(bad_flags),
    RULE(bad_reserved),
    RULE(too_large),
    RULE(bad_size),
    VAR(bad_size, short),
    RULE(bad_crc),
    VAR(bad_crc, body),
    RULE(bad_sha256),
    CASE("bad_sha256-signed.svm", bad_sha256, V_SIGNED, bad_sha256),
    RULE(bad_section_count),
    VAR(bad_section_count, high),
    RULE(section_table_overflow),
    RULE(bad_section_kind),
    VAR(bad_section_kind, high),
    RULE(duplicate_section),
    RULE(bad_section_flags),
    RULE(misaligned_section),
    RULE(section_in_header),
    RULE(section_out_of_image),
    VAR(section_out_of_image, wrap),
    RULE(unordered_sections),
    RULE(overlapping_sections),
    RULE(missing_code),
    RULE(missing_const),
    RULE(missing_manifest),
    RULE(debug_flag_mismatch),
    CASE("debug_flag_mismatch-unset.svm", debug_flag_mismatch, V_DEBUG, debug_flag_mismatch_unset),
    RULE(signed_flag_mismatch),
    CASE("signed_flag_mismatch-unset.svm", signed_flag_mismatch, V_SIGNED,
         debug_flag_mismatch_unset),
    RULE(bad_manifest_size),
    CASE("bad_signature_size.svm", bad_signature_size, V_SIGNED, bad_signature_size),
    RULE(empty_code),
    RULE(bad_name),
    VAR(bad_name, empty),
    VAR(bad_name, long),
    VAR(bad_name, padding),
    RULE(bad_policy),
    RULE(bad_ndevices),
    RULE(bad_nxchans),
    RULE(bad_heap_size),
    VAR(bad_heap_size, align),
    VAR(bad_heap_size, max),
    RULE(bad_stack_size),
    VAR(bad_stack_size, align),
    VAR(bad_stack_size, max),
    RULE(bad_array_size),
    VAR(bad_array_size, max),
    RULE(bad_contexts),
    VAR(bad_contexts, max),
    RULE(bad_channels),
    RULE(bad_globals),
    RULE(manifest_reserved),
    RULE(bad_gc),
    RULE(bad_device_name),
    RULE(duplicate_device),
    RULE(device_slot_not_empty),
    RULE(bad_xchan_name),
    RULE(duplicate_xchan),
    RULE(bad_xchan_dir),
    RULE(bad_xchan_policy),
    RULE(bad_xchan_depth),
    RULE(xchan_reserved),
    RULE(xchan_slot_not_empty),
    RULE(bad_entry),
    RULE(const_truncated),
    RULE(bad_const_count),
    RULE(const_table_overflow),
    RULE(bad_const_offset),
    VAR(bad_const_offset, table),
    RULE(const_overlap),
    RULE(const_out_of_section),
    VAR(const_out_of_section, offset),
    RULE(bad_const_kind),
    RULE(bad_const_tag),
    RULE(bad_float_size),
    RULE(bad_string_size),
    VAR(bad_string_size, zero),
    RULE(bad_string_padding),
    CASE("symbols_truncated.svm", symbols_truncated, V_DEBUG, symbols_truncated),
    CASE("bad_symbol_address.svm", bad_symbol_address, V_DEBUG, bad_symbol_address),
    CASE("bad_symbol_name.svm", bad_symbol_name, V_DEBUG, bad_symbol_name),
    CASE("bad_symbol_name-table.svm", bad_symbol_name, V_DEBUG, bad_symbol_name_table),
    CASE("bad_symbol_name-unterminated.svm", bad_symbol_name, V_DEBUG,
         bad_symbol_name_unterminated),
    CASE("lines_truncated.svm", lines_truncated, V_DEBUG, lines_truncated),
    CASE("lines_truncated-one.svm", lines_truncated, V_DEBUG, lines_truncated_one),
    CASE("bad_line_address.svm", bad_line_address, V_DEBUG, bad_line_address),
    CASE("unordered_lines.svm", unordered_lines, V_DEBUG, unordered_lines),
    CASE("bad_line_file.svm", bad_line_file, V_DEBUG, bad_line_file),
    CASE("bad_line_file-end.svm", bad_line_file, V_DEBUG, bad_line_file_end),
    CASE("bad_line_file-table.svm", bad_line_file, V_DEBUG, bad_line_file_table),
    CASE("bad_line_file-unterminated.svm", bad_line_file, V_DEBUG, bad_line_file_unterminated),
    RULE(bad_opcode),
    RULE(truncated_insn),
    RULE(bad_immediate),
    VAR(bad_immediate, neg),
    RULE(bad_service),
    VAR(bad_service, high),
    RULE(bad_const_index),
    RULE(bad_global_index),
    RULE(bad_block_size),
    RULE(bad_block_tag),
    RULE(bad_array_count),
    RULE(bad_closure_arity),
    RULE(target_outside_code),
    VAR(target_outside_code, neg),
    VAR(target_outside_code, switch),
    RULE(target_mid_insn),
    VAR(target_mid_insn, closure),
    RULE(falls_off_end),
    RULE(entry_mid_insn),
    RULE(stack_underflow),
    RULE(stack_mismatch),
    RULE(stack_too_deep),
    RULE(stack_work_too_small),
};
const size_t corpus_ncases = sizeof corpus_cases / sizeof corpus_cases[0];

uint32_t corpus_make(const corpus_case_t *c, corpus_img_t *im)
{
    corpus_build(im, c->variant);
    return c->mutate(im);
}
