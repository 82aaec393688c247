/* SPDX-License-Identifier: MIT
 * validate.c — the image validator. Freestanding C11: no malloc, no stdio, only string.h.
 *
 * Invariants: every read is preceded by a bounds check against the length established so
 * far (len, then the image size, then a section's size), all size arithmetic is done in
 * 32 bits on values already bounded by SVIMG_MAX_SIZE (16 MiB) or in 64 bits, and the
 * checks run in the order of bytecode-spec/image-format.md §9 so that each image is
 * rejected by the first rule it breaks. The result and offset never depend on the size of
 * the caller's work buffer, except that the stack check (pass 3) refuses with
 * stack_work_too_small when the buffer cannot hold its table.
 */
#include <sensevm/bytecode.h>
#include <sensevm/loader.h>

#include <string.h>

#define FAIL(code, off)                                                                            \
    do {                                                                                           \
        *eo = (uint32_t)(off);                                                                     \
        return SVL_##code;                                                                         \
    } while (0)
#define TRY(expr)                                                                                  \
    do {                                                                                           \
        svl_result_t r_ = (expr);                                                                  \
        if (r_ != SVL_OK)                                                                          \
            return r_;                                                                             \
    } while (0)

static uint32_t rd32(const uint8_t *p) { return (uint32_t)svbc_read_i32(p); }

/* What the structural checks learn, for the later ones. */
typedef struct vctx {
    const uint8_t *img;
    uint32_t size, flags;
    svimg_sections_t s; /* the section table, as the reader found it (s.present: bit k
                         * set when kind k is there) */
    uint32_t nconsts, globals, entry;
    const uint8_t *code;
    uint32_t code_off, code_size;
} vctx_t;

/* ---- header, size, CRC-32, SHA-256 ------------------------------------------------- */

static svl_result_t check_header(vctx_t *v, const uint8_t *img, size_t len, uint32_t *eo)
{
    if (len < 8)
        FAIL(too_small, 0);
    if (memcmp(img, SVIMG_MAGIC, 4) != 0)
        FAIL(bad_magic, SVIMG_OFF_MAGIC);
    if (svbc_read_u16(img + SVIMG_OFF_MAJOR) != SVIMG_FORMAT_MAJOR)
        FAIL(bad_major, SVIMG_OFF_MAJOR);
    if (svbc_read_u16(img + SVIMG_OFF_MINOR) > SVIMG_FORMAT_MINOR)
        FAIL(bad_minor, SVIMG_OFF_MINOR);
    if (len < SVIMG_HEADER_SIZE)
        FAIL(too_small, 0);
    if (img[SVIMG_OFF_WORDSIZE] != SVIMG_WORD_SIZE)
        FAIL(bad_word_size, SVIMG_OFF_WORDSIZE);
    if (img[SVIMG_OFF_HDRSIZE] != SVIMG_HEADER_SIZE)
        FAIL(bad_header_size, SVIMG_OFF_HDRSIZE);
    v->flags = rd32(img + SVIMG_OFF_FLAGS);
    if (v->flags & ~(uint32_t)SVIMG_F_KNOWN)
        FAIL(bad_flags, SVIMG_OFF_FLAGS);
    for (uint32_t i = SVIMG_OFF_RESERVED; i < SVIMG_HEADER_SIZE; i++)
        if (img[i])
            FAIL(bad_reserved, i);
    uint32_t size = rd32(img + SVIMG_OFF_SIZE);
    if (size > SVIMG_MAX_SIZE)
        FAIL(too_large, SVIMG_OFF_SIZE);
    if (len != size)
        FAIL(bad_size, SVIMG_OFF_SIZE);
    v->img = img;
    v->size = size;
    if (svimg_crc(img, size) != rd32(img + SVIMG_OFF_CRC))
        FAIL(bad_crc, SVIMG_OFF_CRC);
    uint8_t d[32];
    svimg_digest(img, size, d);
    if (memcmp(d, img + SVIMG_OFF_SHA, 32) != 0)
        FAIL(bad_sha256, SVIMG_OFF_SHA);
    return SVL_OK;
}

/* ---- section table ---------------------------------------------------------------- */

static svl_result_t check_sections(vctx_t *v, uint32_t *eo)
{
    const uint8_t *img = v->img;
    /* the section reader's rules, in its order; each maps to one loader code */
    static const uint8_t code_of[] = {
        [SVIMG_SERR_OK] = SVL_OK,
        [SVIMG_SERR_COUNT] = SVL_bad_section_count,
        [SVIMG_SERR_TABLE_OVERFLOW] = SVL_section_table_overflow,
        [SVIMG_SERR_KIND] = SVL_bad_section_kind,
        [SVIMG_SERR_DUPLICATE] = SVL_duplicate_section,
        [SVIMG_SERR_FLAGS] = SVL_bad_section_flags,
        [SVIMG_SERR_MISALIGNED] = SVL_misaligned_section,
        [SVIMG_SERR_IN_HEADER] = SVL_section_in_header,
        [SVIMG_SERR_OUT_OF_IMAGE] = SVL_section_out_of_image,
        [SVIMG_SERR_UNORDERED] = SVL_unordered_sections,
        [SVIMG_SERR_OVERLAP] = SVL_overlapping_sections,
        [SVIMG_SERR_MISSING] = SVL_missing_code,
    };
    static const uint8_t missing_code[SVIMG_SECT_KIND_MAX + 1] = {
        [SVIMG_SECT_CODE] = SVL_missing_code,
        [SVIMG_SECT_CONST] = SVL_missing_const,
        [SVIMG_SECT_MANIFEST] = SVL_missing_manifest,
    };
    svimg_sect_error_t se = svimg_read_sections(img, v->size, &v->s, eo);
    if (se == SVIMG_SERR_MISSING) /* never OK, even for a REQUIRED kind added later */
        return missing_code[v->s.missing] ? (svl_result_t)missing_code[v->s.missing]
                                          : SVL_missing_code;
    if (se != SVIMG_SERR_OK)
        return (svl_result_t)code_of[se];
    /* the header flags say which optional sections are present (sections.def) */
    uint32_t has_debug = 0, has_sig = 0;
    for (uint32_t k = 1; k <= SVIMG_SECT_KIND_MAX; k++)
        if (v->s.present & (1u << k)) {
            has_debug |= svimg_sect_flags[k] & SVIMG_SF_DEBUG;
            has_sig |= svimg_sect_flags[k] & SVIMG_SF_SIGNED;
        }
    if (!has_debug != !(v->flags & SVIMG_F_DEBUG))
        FAIL(debug_flag_mismatch, SVIMG_OFF_FLAGS);
    if (!has_sig != !(v->flags & SVIMG_F_SIGNED))
        FAIL(signed_flag_mismatch, SVIMG_OFF_FLAGS);
    /* Per-kind sizes, in table order: report at the size field of that kind's entry. */
    for (uint32_t i = 0; i < v->s.nsect; i++) {
        uint32_t kind = v->s.order[i], e = v->s.entry[kind], sz = v->s.size[kind];
        if (kind == SVIMG_SECT_MANIFEST && sz != SVIMG_MANIFEST_SIZE)
            FAIL(bad_manifest_size, e + 8);
        if (kind == SVIMG_SECT_SIGNATURE && sz != 64)
            FAIL(bad_signature_size, e + 8);
        if (kind == SVIMG_SECT_CODE && sz == 0)
            FAIL(empty_code, e + 8);
    }
    v->code_off = v->s.off[SVIMG_SECT_CODE];
    v->code_size = v->s.size[SVIMG_SECT_CODE];
    v->code = img + v->code_off;
    return SVL_OK;
}

/* ---- manifest --------------------------------------------------------------------- */

static int name_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

/* 1..15 chars of [A-Za-z0-9_.-], then NUL up to 16 bytes. */
static int name_ok(const uint8_t *p)
{
    uint32_t n = 0;
    while (n < SVIMG_NAME_MAX && p[n])
        if (!name_char(p[n++]))
            return 0;
    if (n == 0 || n >= SVIMG_NAME_MAX)
        return 0;
    for (; n < SVIMG_NAME_MAX; n++)
        if (p[n])
            return 0;
    return 1;
}

static int all_zero(const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static svl_result_t check_manifest(vctx_t *v, uint32_t *eo)
{
    uint32_t mo = v->s.off[SVIMG_SECT_MANIFEST];
    const uint8_t *m = v->img + mo;
    if (!name_ok(m + SVMF_OFF_NAME))
        FAIL(bad_name, mo + SVMF_OFF_NAME);
    /* priority: any u8 is valid */
    if (m[SVMF_OFF_POLICY] > SVMF_POLICY_LOG)
        FAIL(bad_policy, mo + SVMF_OFF_POLICY);
    uint32_t ndev = m[SVMF_OFF_NDEVICES], nx = m[SVMF_OFF_NXCHANS];
    if (ndev > SVIMG_MAX_DEVICES)
        FAIL(bad_ndevices, mo + SVMF_OFF_NDEVICES);
    if (nx > SVIMG_MAX_XCHANS)
        FAIL(bad_nxchans, mo + SVMF_OFF_NXCHANS);
    uint32_t heap = rd32(m + SVMF_OFF_HEAP);
    if (heap < SVMF_HEAP_MIN || heap > SVMF_HEAP_MAX || heap % 8u)
        FAIL(bad_heap_size, mo + SVMF_OFF_HEAP);
    uint32_t stack = rd32(m + SVMF_OFF_STACK);
    if (stack < SVMF_STACK_MIN || stack > SVMF_STACK_MAX || stack % 4u)
        FAIL(bad_stack_size, mo + SVMF_OFF_STACK);
    uint32_t arrays = rd32(m + SVMF_OFF_ARRAYS);
    if (arrays > SVMF_ARRAYS_MAX || arrays % 8u)
        FAIL(bad_array_size, mo + SVMF_OFF_ARRAYS);
    uint32_t ctxs = svbc_read_u16(m + SVMF_OFF_CONTEXTS);
    if (ctxs < 1 || ctxs > SVMF_CONTEXTS_MAX)
        FAIL(bad_contexts, mo + SVMF_OFF_CONTEXTS);
    if (svbc_read_u16(m + SVMF_OFF_CHANNELS) > SVMF_CHANNELS_MAX)
        FAIL(bad_channels, mo + SVMF_OFF_CHANNELS);
    v->globals = rd32(m + SVMF_OFF_GLOBALS);
    if (v->globals > SVMF_GLOBALS_MAX)
        FAIL(bad_globals, mo + SVMF_OFF_GLOBALS);
    /* heartbeat and fuel: any u32 is valid */
    uint32_t gc = rd32(m + SVMF_OFF_GC); /* gc, then the 3 reserved bytes */
    if (gc >> 8)
        FAIL(manifest_reserved, mo + SVMF_OFF_RESERVED);
    if (gc > SVMF_GC_COMPACT)
        FAIL(bad_gc, mo + SVMF_OFF_GC);
    for (uint32_t i = 0; i < SVIMG_MAX_DEVICES; i++) {
        uint32_t o = SVMF_OFF_DEVICES + i * SVIMG_NAME_MAX;
        if (i >= ndev) {
            if (!all_zero(m + o, SVIMG_NAME_MAX))
                FAIL(device_slot_not_empty, mo + o);
            continue;
        }
        if (!name_ok(m + o))
            FAIL(bad_device_name, mo + o);
        for (uint32_t j = 0; j < i; j++)
            if (memcmp(m + o, m + SVMF_OFF_DEVICES + j * SVIMG_NAME_MAX, SVIMG_NAME_MAX) == 0)
                FAIL(duplicate_device, mo + o);
    }
    for (uint32_t i = 0; i < SVIMG_MAX_XCHANS; i++) {
        uint32_t o = SVMF_OFF_XCHANS + i * SVMF_XCHAN_SIZE;
        const uint8_t *x = m + o;
        if (i >= nx) {
            if (!all_zero(x, SVMF_XCHAN_SIZE))
                FAIL(xchan_slot_not_empty, mo + o);
            continue;
        }
        if (!name_ok(x))
            FAIL(bad_xchan_name, mo + o);
        for (uint32_t j = 0; j < i; j++)
            if (memcmp(x, m + SVMF_OFF_XCHANS + j * SVMF_XCHAN_SIZE, SVIMG_NAME_MAX) == 0)
                FAIL(duplicate_xchan, mo + o);
        if (x[16] > SVMF_XCHAN_RECV)
            FAIL(bad_xchan_dir, mo + o + 16);
        if (x[17] > SVMF_XPOLICY_OVERWRITE)
            FAIL(bad_xchan_policy, mo + o + 17);
        if (svbc_read_u16(x + 18) == 0)
            FAIL(bad_xchan_depth, mo + o + 18);
        if (rd32(x + 20) != 0)
            FAIL(xchan_reserved, mo + o + 20);
    }
    v->entry = rd32(m + SVMF_OFF_ENTRY);
    if (v->entry >= v->code_size)
        FAIL(bad_entry, mo + SVMF_OFF_ENTRY);
    return SVL_OK;
}

/* ---- constant pool ---------------------------------------------------------------- */

static svl_result_t check_consts(vctx_t *v, uint32_t *eo)
{
    uint32_t co = v->s.off[SVIMG_SECT_CONST], cs = v->s.size[SVIMG_SECT_CONST];
    const uint8_t *c = v->img + co;
    if (cs < 4)
        FAIL(const_truncated, co);
    uint32_t n = rd32(c);
    if (n > SVIMG_CONST_MAX)
        FAIL(bad_const_count, co);
    uint32_t tend = 4 + 4 * n; /* <= 262144 */
    if (tend > cs)
        FAIL(const_table_overflow, co);
    uint32_t prev_end = tend;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t e = 4 + 4 * k, o = rd32(c + e);
        if ((o & 3u) || o < tend)
            FAIL(bad_const_offset, co + e);
        if (o < prev_end)
            FAIL(const_overlap, co + e);
        if (o > cs - 4)
            FAIL(const_out_of_section, co + e);
        uint32_t h = rd32(c + o), words = SVOBJ_SIZE(h);
        if ((cs - o - 4) / 4 < words)
            FAIL(const_out_of_section, co + o);
        uint32_t kind = SVOBJ_KIND(h);
        if (kind != SVOBJ_STRING && kind != SVOBJ_FLOAT)
            FAIL(bad_const_kind, co + o);
        if (SVOBJ_TAG(h) != 0)
            FAIL(bad_const_tag, co + o);
        if (kind == SVOBJ_FLOAT && words != 2)
            FAIL(bad_float_size, co + o);
        if (kind == SVOBJ_STRING) {
            if (words == 0)
                FAIL(bad_string_size, co + o);
            uint32_t blen = rd32(c + o + 4);
            if (blen / 4 + (blen % 4 != 0) != words - 1)
                FAIL(bad_string_size, co + o + 4);
            for (uint32_t b = blen; b < (words - 1) * 4; b++)
                if (c[o + 8 + b])
                    FAIL(bad_string_padding, co + o + 8 + b);
        }
        prev_end = o + 4 + 4 * words;
    }
    v->nconsts = n;
    return SVL_OK;
}

/* ---- debug sections ----------------------------------------------------------------
 * SYMBOLS (written by the linker): u32 n; n x {u32 code address, u32 name offset from the
 * section start}; NUL-terminated names; zero padding. LINES: u32 n; n x {u32 address,
 * u32 position, u32 file: name offset (20 bits) and end character (not checked)},
 * ascending addresses (a backtrace searches them);
 * names; padding. Requiring the section's last byte to be NUL makes every name in range
 * terminated, in O(1) per entry. */

static svl_result_t check_symbols(vctx_t *v, uint32_t *eo)
{
    if (!(v->s.present & (1u << SVIMG_SECT_SYMBOLS)))
        return SVL_OK;
    uint32_t so = v->s.off[SVIMG_SECT_SYMBOLS], ss = v->s.size[SVIMG_SECT_SYMBOLS];
    const uint8_t *s = v->img + so;
    if (ss < 4 || rd32(s) > (ss - 4) / 8)
        FAIL(symbols_truncated, so);
    uint32_t n = rd32(s), names = 4 + 8 * n;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t e = 4 + 8 * i;
        if (rd32(s + e) > v->code_size)
            FAIL(bad_symbol_address, so + e);
        uint32_t name = rd32(s + e + 4);
        if (name < names || name >= ss || s[ss - 1] != 0)
            FAIL(bad_symbol_name, so + e + 4);
    }
    return SVL_OK;
}

static svl_result_t check_lines(vctx_t *v, uint32_t *eo)
{
    if (!(v->s.present & (1u << SVIMG_SECT_LINES)))
        return SVL_OK;
    uint32_t lo = v->s.off[SVIMG_SECT_LINES], ls = v->s.size[SVIMG_SECT_LINES];
    const uint8_t *l = v->img + lo;
    if (ls < 4 || rd32(l) > (ls - 4) / 12)
        FAIL(lines_truncated, lo);
    uint32_t n = rd32(l), names = 4 + 12 * n, prev = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t e = 4 + 12 * i, addr = rd32(l + e);
        if (addr >= v->code_size)
            FAIL(bad_line_address, lo + e);
        if (addr < prev)
            FAIL(unordered_lines, lo + e);
        prev = addr;
        uint32_t file = SVIMG_LFILE_OFF(rd32(l + e + 8)); /* the end: not checked */
        if (file < names || file >= ls || l[ls - 1] != 0)
            FAIL(bad_line_file, lo + e + 8);
    }
    return SVL_OK;
}

/* ---- code ------------------------------------------------------------------------- */

/* Calls f(t) for every label target of insn at pc (relative to the code); stops and
 * returns 1 at the first call of f that returns 1. Targets are computed in 64 bits. */
typedef int (*target_fn)(void *arg, int64_t target);
static int each_target(const svbc_insn_t *in, uint32_t pc, target_fn f, void *arg)
{
    const char *shape = svbc_opinfo[in->op].operands;
    unsigned i = 0;
    for (const char *k = shape; *k; k++) {
        if (*k == SVBC_OPND_LABEL) {
            if (f(arg, (int64_t)pc + in->opnd[i]))
                return 1;
        } else if (*k == SVBC_OPND_TABLE) {
            uint32_t n = (uint32_t)in->opnd[i] + (uint32_t)in->opnd[i + 1];
            for (uint32_t j = 0; j < n; j++)
                if (f(arg, (int64_t)pc + svbc_read_i32(in->table + 4 * j)))
                    return 1;
            i++;
        }
        i++;
    }
    return 0;
}

static int outside(void *arg, int64_t t)
{
    const uint32_t *size = arg;
    return t < 0 || t >= (int64_t)*size;
}

/* Pass 1: decode every instruction, check its operands and that its targets are inside
 * the code; mark instruction starts in [0, win) of the bitmap. */
static svl_result_t check_insns(vctx_t *v, uint8_t *bits, uint32_t win, uint32_t *eo)
{
    const uint8_t *code = v->code;
    uint32_t cs = v->code_size, pc = 0, last = 0;
    svbc_insn_t in;
    while (pc < cs) {
        uint32_t at = v->code_off + pc;
        uint32_t n = svbc_decode(code + pc, cs - pc, &in);
        if (n == 0) {
            if (!svbc_opinfo[code[pc]].name)
                FAIL(bad_opcode, at);
            FAIL(truncated_insn, at);
        }
        const char *shape = svbc_opinfo[in.op].operands;
        int32_t tag = 0; /* a block tag is checked last (rule 97 after 96) */
        unsigned i = 0;
        for (const char *k = shape; *k; k++, i++) {
            int32_t x = in.opnd[i];
            switch (*k) {
            case SVBC_OPND_IMM:
                if (x < SVBC_IMM_MIN || x > SVBC_IMM_MAX)
                    FAIL(bad_immediate, at);
                break;
            case SVBC_OPND_SERVICE:
                if (x >= SVBC_SVC_LIMIT || !svbc_svcinfo[x].name)
                    FAIL(bad_service, at);
                break;
            case SVBC_OPND_CONST:
                if ((uint32_t)x >= v->nconsts)
                    FAIL(bad_const_index, at);
                break;
            case SVBC_OPND_GLOBAL:
                if ((uint32_t)x >= v->globals)
                    FAIL(bad_global_index, at);
                break;
            case SVBC_OPND_TABLE: i++; break;
            default: break;
            }
            /* (outside the switch: its letters would widen the jump table) */
            if (*k == SVBC_OPND_TAG)
                tag = x;
            if (x == 0 && *k == SVBC_OPND_FIELDS)
                FAIL(bad_block_size, at);
            if (x == 0 && *k == SVBC_OPND_VALUES16)
                FAIL(bad_array_count, at);
            if (x == 0 && *k == SVBC_OPND_ARITY)
                FAIL(bad_closure_arity, at);
        }
        if (tag > (int32_t)SVOBJ_TAG_EXN)
            FAIL(bad_block_tag, at);
        if (each_target(&in, pc, outside, &cs))
            FAIL(target_outside_code, at);
        if (pc < win)
            bits[pc >> 3] |= (uint8_t)(1u << (pc & 7));
        last = pc;
        pc += n;
    }
    if (!(svbc_opinfo[code[last]].flags & SVBC_F_END))
        FAIL(falls_off_end, v->code_off + last);
    return SVL_OK;
}

typedef struct window {
    const uint8_t *bits;
    uint32_t lo, hi;
} window_t;

static int mid_insn(void *arg, int64_t t)
{
    const window_t *w = arg;
    if (t < w->lo || t >= w->hi)
        return 0;
    uint32_t b = (uint32_t)t - w->lo;
    return !(w->bits[b >> 3] & (1u << (b & 7)));
}

/* Pass 2 (once per window of 8*work_size code bytes): every target and the entry point
 * must be an instruction start. Targets are known to be inside the code (pass 1). */
static svl_result_t check_targets(vctx_t *v, uint8_t *bits, uint32_t wbytes, uint32_t *eo)
{
    const uint8_t *code = v->code;
    uint32_t cs = v->code_size, win = wbytes * 8u;
    uint32_t bad = cs; /* lowest pc with a bad target so far */
    int entry_bad = 0;
    svbc_insn_t in;
    for (uint32_t lo = 0; lo < cs; lo += win) {
        window_t w = {bits, lo, cs - lo < win ? cs : lo + win};
        if (lo > 0) { /* pass 1 marked window 0 */
            memset(bits, 0, wbytes);
            for (uint32_t pc = 0; pc < w.hi; pc += svbc_decode(code + pc, cs - pc, &in))
                if (pc >= lo)
                    bits[(pc - lo) >> 3] |= (uint8_t)(1u << ((pc - lo) & 7));
        }
        for (uint32_t pc = 0; pc < bad; pc += in.len) {
            (void)svbc_decode(code + pc, cs - pc, &in);
            if (each_target(&in, pc, mid_insn, &w)) /* by shape, not by the BR flag */
                bad = pc;
        }
        if (mid_insn(&w, v->entry))
            entry_bad = 1;
    }
    if (bad < cs)
        FAIL(target_mid_insn, v->code_off + bad);
    if (entry_bad)
        FAIL(entry_mid_insn, v->s.off[SVIMG_SECT_MANIFEST] + SVMF_OFF_ENTRY);
    return SVL_OK;
}

/* Pass 3: stack depths (image-format.md §4 "Stack depths checked statically").
 *
 * The frame depth D(pc) (value-stack slots of the running function: its arguments, locals
 * and handler slots) is a function of the pc alone: the entry runs at 0, a function entered
 * by `call`/`pushcall`/`tailcall`/`pushtailcall L, n` at n, a closure's code (`cur L, a`) at
 * its arity a; an instruction falls through and branches with D - pop + push (a handler of
 * `pushtrap` with the D before it). Every instruction reached must find D >= what it pops or
 * reads (the underflow checks the interpreter therefore does not make), every path into an
 * instruction must bring the same D, and no frame may be deeper than the manifest's stack.
 *
 * Memory: the distinct block starts (label targets and the entry), sorted, with a state
 * word each and a worklist: 12 bytes per block start, taken from the caller's work buffer.
 * Each block is walked once, from its start to the next block already walked or to an
 * instruction without fall-through, so the pass is linear in the code (times log for the
 * target lookups). */
#define ST_KNOWN 0x80000000u
#define ST_WALKED 0x40000000u
#define ST_DEPTH 0x3fffffffu

typedef struct stk {
    uint8_t *w;        /* the work buffer, as 32-bit words (accessed by memcpy) */
    uint32_t cap, n;   /* words available; block starts collected */
    uint32_t st, todo; /* word index of the state array and of the worklist */
    uint32_t ntodo;
} stk_t;

static uint32_t wget(const stk_t *k, uint32_t i)
{
    uint32_t x;
    memcpy(&x, k->w + 4u * i, 4);
    return x;
}
static void wset(stk_t *k, uint32_t i, uint32_t x) { memcpy(k->w + 4u * i, &x, 4); }

/* heap sort of words [0, n), then drop duplicates; returns the new count */
static void sift(stk_t *k, uint32_t root, uint32_t n)
{
    uint32_t x = wget(k, root);
    for (;;) {
        uint32_t c = 2u * root + 1u;
        if (c >= n)
            break;
        if (c + 1u < n && wget(k, c + 1u) > wget(k, c))
            c++;
        if (wget(k, c) <= x)
            break;
        wset(k, root, wget(k, c));
        root = c;
    }
    wset(k, root, x);
}
static uint32_t sort_unique(stk_t *k, uint32_t n)
{
    for (uint32_t i = n / 2u; i-- > 0;)
        sift(k, i, n);
    for (uint32_t e = n; e > 1u; e--) {
        uint32_t t = wget(k, 0);
        wset(k, 0, wget(k, e - 1u));
        wset(k, e - 1u, t);
        sift(k, 0, e - 1u);
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++)
        if (m == 0 || wget(k, i) != wget(k, m - 1u))
            wset(k, m++, wget(k, i));
    return m;
}

static int collect(void *arg, int64_t t)
{
    stk_t *k = arg;
    if (k->n == k->cap) {            /* compact; more than a third left means too small anyway, */
        k->n = sort_unique(k, k->n); /* so compactions are at least 2*cap/3 targets apart */
        if (k->n > k->cap / 3u)
            return 1;
    }
    wset(k, k->n++, (uint32_t)t);
    return 0;
}

/* index of block start pc (present by construction) */
static uint32_t find(const stk_t *k, uint32_t pc)
{
    uint32_t lo = 0, hi = k->n;
    while (hi - lo > 1u) {
        uint32_t mid = lo + (hi - lo) / 2u;
        if (wget(k, mid) <= pc)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Block start pc must be reached with depth d: the first time, it is recorded and queued. */
static int reach(stk_t *k, uint32_t pc, uint32_t d)
{
    uint32_t i = find(k, pc), s = wget(k, k->st + i);
    if (!(s & ST_KNOWN)) {
        wset(k, k->st + i, ST_KNOWN | d);
        wset(k, k->todo + k->ntodo++, i);
        return 0;
    }
    return (s & ST_DEPTH) != d;
}

/* The depth each label operand of in passes to its target (after: the depth after in). */
typedef struct edge {
    stk_t *k;
    const svbc_insn_t *in;
    uint32_t after;
} edge_t;

static int edge(void *arg, int64_t t)
{
    const edge_t *e = arg;
    const svbc_opinfo_t *info = &svbc_opinfo[e->in->op];
    /* a function's entry starts with its arguments (the operand after the label: entry
     * rows have it first); any other label at the depth after in less its pushes */
    uint32_t want =
        info->flags & SVBC_F_ENTRY ? (uint32_t)e->in->opnd[1] : e->after - (uint32_t)info->push;
    return reach(e->k, (uint32_t)t, want);
}

static svl_result_t check_stack(vctx_t *v, uint8_t *work, size_t work_size, uint32_t *eo)
{
    const uint8_t *code = v->code;
    uint32_t cs = v->code_size;
    stk_t k;
    memset(&k, 0, sizeof k);
    k.w = work;
    k.cap = (uint32_t)(work_size / 4u > 0x3fffffffu ? 0x3fffffffu : work_size / 4u);
    svbc_insn_t in;
    /* the block starts: every label operand's target and the entry */
    int full = collect(&k, v->entry);
    for (uint32_t pc = 0; pc < cs && !full; pc += in.len) {
        (void)svbc_decode(code + pc, cs - pc, &in);
        full = each_target(&in, pc, collect, &k);
    }
    if (!full)
        k.n = sort_unique(&k, k.n);
    if (full || k.n > k.cap / 3u)
        FAIL(stack_work_too_small, v->code_off);
    k.st = k.n;
    k.todo = 2u * k.n;
    for (uint32_t i = 0; i < k.n; i++)
        wset(&k, k.st + i, 0);
    /* the deepest frame the manifest's per-context stack can hold */
    uint32_t maxd = rd32(v->img + v->s.off[SVIMG_SECT_MANIFEST] + SVMF_OFF_STACK) / 4u;
    (void)reach(&k, v->entry, 0);
    while (k.ntodo) {
        uint32_t i = wget(&k, k.todo + --k.ntodo), s = wget(&k, k.st + i);
        if (s & ST_WALKED)
            continue;
        wset(&k, k.st + i, s | ST_WALKED);
        uint32_t pc = wget(&k, i), d = s & ST_DEPTH, next = i + 1u;
        for (;;) {
            uint32_t at = v->code_off + pc;
            (void)svbc_decode(code + pc, cs - pc, &in);
            const svbc_opinfo_t *info = &svbc_opinfo[in.op];
            if (svbc_stack_need(&in) > d)
                FAIL(stack_underflow, at);
            int pop = 0, push = 0;
            uint32_t after = d, peak = d;
            if (svbc_stack_effect(&in, &pop, &push) == 0) {
                after = d - (uint32_t)pop + (uint32_t)push;
                peak = d + (uint32_t)push;
            }
            if ((info->flags & SVBC_F_PUSHA) && peak < d + 1u)
                peak = d + 1u;
            if (peak > maxd)
                FAIL(stack_too_deep, at);
            edge_t e = {&k, &in, after};
            if (each_target(&in, pc, edge, &e))
                FAIL(stack_mismatch, at);
            if (info->flags & SVBC_F_END)
                break;
            pc += in.len;
            d = after;
            if (next < k.n && wget(&k, next) == pc) { /* falls into a block start */
                uint32_t ns = wget(&k, k.st + next);
                if (ns & ST_KNOWN) {
                    if ((ns & ST_DEPTH) != d)
                        FAIL(stack_mismatch, v->code_off + pc);
                    if (ns & ST_WALKED)
                        break;
                }
                wset(&k, k.st + next, ST_KNOWN | ST_WALKED | d);
                next++;
            }
        }
    }
    return SVL_OK;
}

/* ---- the result ------------------------------------------------------------------- */

static void copy_name(char *dst, const uint8_t *src)
{
    memcpy(dst, src, SVIMG_NAME_MAX);
    dst[SVIMG_NAME_MAX - 1] = '\0';
}

static void fill(const vctx_t *v, svl_image_t *out)
{
    const uint8_t *img = v->img, *m = img + v->s.off[SVIMG_SECT_MANIFEST];
    memset(out, 0, sizeof *out);
    out->base = img;
    out->size = v->size;
    out->format_major = svbc_read_u16(img + SVIMG_OFF_MAJOR);
    out->format_minor = svbc_read_u16(img + SVIMG_OFF_MINOR);
    out->flags = v->flags;
    out->code = v->code;
    out->code_size = v->code_size;
    out->consts = img + v->s.off[SVIMG_SECT_CONST];
    out->consts_size = v->s.size[SVIMG_SECT_CONST];
    out->nconsts = v->nconsts;
    if (v->s.present & (1u << SVIMG_SECT_SYMBOLS)) {
        out->symbols = img + v->s.off[SVIMG_SECT_SYMBOLS];
        out->symbols_size = v->s.size[SVIMG_SECT_SYMBOLS];
    }
    if (v->s.present & (1u << SVIMG_SECT_LINES)) {
        out->lines = img + v->s.off[SVIMG_SECT_LINES];
        out->lines_size = v->s.size[SVIMG_SECT_LINES];
    }
    if (v->s.present & (1u << SVIMG_SECT_SIGNATURE)) {
        out->signature = img + v->s.off[SVIMG_SECT_SIGNATURE];
        out->signature_size = v->s.size[SVIMG_SECT_SIGNATURE];
    }
    memcpy(out->sha256, img + SVIMG_OFF_SHA, 32);
    svl_manifest_t *mf = &out->manifest;
    copy_name(mf->name, m + SVMF_OFF_NAME);
    mf->priority = m[SVMF_OFF_PRIORITY];
    mf->policy = m[SVMF_OFF_POLICY];
    mf->ndevices = m[SVMF_OFF_NDEVICES];
    mf->nxchans = m[SVMF_OFF_NXCHANS];
    mf->gc = m[SVMF_OFF_GC];
    mf->heap_size = rd32(m + SVMF_OFF_HEAP);
    mf->stack_size = rd32(m + SVMF_OFF_STACK);
    mf->array_size = rd32(m + SVMF_OFF_ARRAYS);
    mf->max_contexts = svbc_read_u16(m + SVMF_OFF_CONTEXTS);
    mf->max_channels = svbc_read_u16(m + SVMF_OFF_CHANNELS);
    mf->entry = v->entry;
    mf->globals = v->globals;
    mf->heartbeat_ms = rd32(m + SVMF_OFF_HEARTBEAT);
    mf->fuel = rd32(m + SVMF_OFF_FUEL);
    for (uint32_t i = 0; i < mf->ndevices; i++)
        copy_name(mf->devices[i], m + SVMF_OFF_DEVICES + i * SVIMG_NAME_MAX);
    for (uint32_t i = 0; i < mf->nxchans; i++) {
        const uint8_t *x = m + SVMF_OFF_XCHANS + i * SVMF_XCHAN_SIZE;
        copy_name(mf->xchans[i].name, x);
        mf->xchans[i].dir = x[16];
        mf->xchans[i].policy = x[17];
        mf->xchans[i].depth = svbc_read_u16(x + 18);
    }
}

static svl_result_t validate(const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                             svl_image_t *out, uint32_t *eo)
{
    vctx_t v;
    memset(&v, 0, sizeof v);
    if (!img)
        FAIL(too_small, 0);
    TRY(check_header(&v, img, len, eo));
    TRY(check_sections(&v, eo));
    TRY(check_manifest(&v, eo));
    TRY(check_consts(&v, eo));
    TRY(check_symbols(&v, eo));
    TRY(check_lines(&v, eo));
    /* The bitmap: never more than the code needs, so that windows are as few as can be. */
    uint32_t wbytes = (v.code_size + 7u) / 8u;
    if (work_size < wbytes)
        wbytes = (uint32_t)work_size;
    memset(work, 0, wbytes);
    TRY(check_insns(&v, work, wbytes * 8u, eo));
    TRY(check_targets(&v, work, wbytes, eo));
    TRY(check_stack(&v, work, work_size, eo));
    if (out)
        fill(&v, out);
    *eo = 0;
    return SVL_OK;
}

svl_result_t svl_validate_ex(const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                             svl_image_t *out, uint32_t *err_offset)
{
    uint32_t dummy;
    uint8_t local[256];
    if (!work || work_size == 0) {
        work = local;
        work_size = sizeof local;
    }
    return validate(img, len, work, work_size, out, err_offset ? err_offset : &dummy);
}

svl_result_t svl_validate(const uint8_t *img, size_t len, svl_image_t *out, uint32_t *err_offset)
{
    uint8_t work[SVL_CFG_WORK_BYTES];
    return svl_validate_ex(img, len, work, sizeof work, out, err_offset);
}

/* ---- names, messages, constants --------------------------------------------------- */

const char *svl_result_name(svl_result_t r)
{
#ifdef SVL_CFG_NO_STRINGS
    (void)r;
    return "";
#else
    switch (r) {
#define SVL_ERR(name, code, msg)                                                                   \
    case SVL_##name:                                                                               \
        return #name;
#include <sensevm/errors.def>
#undef SVL_ERR
    default: return "unknown";
    }
#endif
}

const char *svl_result_message(svl_result_t r)
{
#ifdef SVL_CFG_NO_STRINGS
    (void)r;
    return "";
#else
    switch (r) {
#define SVL_ERR(name, code, msg)                                                                   \
    case SVL_##name:                                                                               \
        return msg;
#include <sensevm/errors.def>
#undef SVL_ERR
    default: return "unknown loader error";
    }
#endif
}

uint32_t svl_const_value(const svl_image_t *img, uint32_t k)
{
    if (k >= img->nconsts)
        return 0;
    return rd32(img->consts + 4 + 4 * k) | SVOBJ_CONST_TAG;
}
