/* SPDX-License-Identifier: MIT
 * image.c — writing a container image (header, section table and the sections the caller
 * lists; sealed with svimg_seal) and reading its structure back, with the one section
 * reader of bytecode-spec (svimg_read_sections), for the inspector and the disassembler. Layout: <sensevm/image.h>; SYMBOLS layout:
 * bytecode-spec/object-format.md §6.
 */
#include "internal.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t align4(uint32_t v) { return (v + 3u) & ~3u; }

uint8_t *asm_image_build(const asm_section_t *s, uint32_t nsect, uint32_t *outlen,
                         svimg_sections_t *layout)
{
    uint32_t flags = 0;
    uint64_t off = SVIMG_HEADER_SIZE + SVIMG_SECT_ENTRY_SIZE * nsect, offs[SVIMG_MAX_SECTIONS];
    for (uint32_t i = 0; i < nsect; i++) {
        offs[i] = off;
        off = align4((uint32_t)(off + s[i].size));
        if (off > SVIMG_MAX_SIZE)
            return NULL;
        if (svimg_sect_flags[s[i].kind] & SVIMG_SF_DEBUG)
            flags |= SVIMG_F_DEBUG;
        if (svimg_sect_flags[s[i].kind] & SVIMG_SF_SIGNED)
            flags |= SVIMG_F_SIGNED;
    }
    uint32_t size = (uint32_t)off;
    uint8_t *img = asm_xcalloc(size, 1);
    memcpy(img + SVIMG_OFF_MAGIC, SVIMG_MAGIC, 4);
    svbc_write_u16(img + SVIMG_OFF_MAJOR, SVIMG_FORMAT_MAJOR);
    svbc_write_u16(img + SVIMG_OFF_MINOR, SVIMG_FORMAT_MINOR);
    svbc_write_i32(img + SVIMG_OFF_FLAGS, (int32_t)flags);
    img[SVIMG_OFF_WORDSIZE] = SVIMG_WORD_SIZE;
    img[SVIMG_OFF_HDRSIZE] = SVIMG_HEADER_SIZE;
    svbc_write_u16(img + SVIMG_OFF_NSECT, (uint16_t)nsect);
    svbc_write_i32(img + SVIMG_OFF_SIZE, (int32_t)size);
    if (layout)
        memset(layout, 0, sizeof *layout);
    for (uint32_t i = 0; i < nsect; i++) {
        uint8_t *e = img + SVIMG_HEADER_SIZE + SVIMG_SECT_ENTRY_SIZE * i;
        svbc_write_i32(e, (int32_t)s[i].kind);
        svbc_write_i32(e + 4, (int32_t)offs[i]);
        svbc_write_i32(e + 8, (int32_t)s[i].size);
        svbc_write_i32(e + 12, 0);
        if (s[i].size && s[i].data)
            memcpy(img + offs[i], s[i].data, s[i].size);
        if (layout) {
            layout->present |= 1u << s[i].kind;
            layout->off[s[i].kind] = (uint32_t)offs[i];
            layout->size[s[i].kind] = s[i].size;
            layout->entry[s[i].kind] = SVIMG_HEADER_SIZE + SVIMG_SECT_ENTRY_SIZE * i;
            layout->order[i] = (uint8_t)s[i].kind;
        }
    }
    if (layout)
        layout->nsect = nsect;
    svimg_seal(img, size);
    *outlen = size;
    return img;
}

int svasm_is_image(const uint8_t *buf, size_t len)
{
    return len >= 4 && memcmp(buf, SVIMG_MAGIC, 4) == 0;
}

int svasm_image_parse(const uint8_t *buf, size_t len, svasm_image_t *out, svasm_diags_t *d,
                      const char *name)
{
    memset(out, 0, sizeof *out);
#define FAIL(...)                                                                                  \
    do {                                                                                           \
        svasm_diag_add(d, SVASM_ERROR, name, 0, 0, NULL, __VA_ARGS__);                             \
        return -1;                                                                                 \
    } while (0)
    if (len < SVIMG_HEADER_SIZE || !svasm_is_image(buf, len))
        FAIL("bad magic: this is not a Sense-VM image");
    out->base = buf;
    out->major = svbc_read_u16(buf + SVIMG_OFF_MAJOR);
    out->minor = svbc_read_u16(buf + SVIMG_OFF_MINOR);
    out->flags = (uint32_t)svbc_read_i32(buf + SVIMG_OFF_FLAGS);
    out->size = (uint32_t)svbc_read_i32(buf + SVIMG_OFF_SIZE);
    if (out->size > len)
        FAIL("image truncated (%zu of %u bytes)", len, out->size);
    if (out->size < SVIMG_HEADER_SIZE)
        FAIL("bad image size %u", out->size);
    svimg_sections_t st;
    uint32_t at;
    svimg_sect_error_t se = svimg_read_sections(buf, out->size, &st, &at);
    if (se == SVIMG_SERR_MISSING)
        FAIL("image without a %s section", svimg_section_name(st.missing));
    if (se != SVIMG_SERR_OK)
        FAIL("%s (at offset 0x%x)", svimg_sect_error_message(se), at);
    out->nsect = st.nsect;
    for (uint32_t i = 0; i < st.nsect; i++) {
        uint32_t k = st.order[i];
        out->sect[i].kind = k;
        out->sect[i].offset = st.off[k];
        out->sect[i].size = st.size[k];
    }
#define VIEW(kind, p, n)                                                                           \
    do {                                                                                           \
        if (st.present & (1u << SVIMG_SECT_##kind)) {                                              \
            out->p = buf + st.off[SVIMG_SECT_##kind];                                              \
            out->n = st.size[SVIMG_SECT_##kind];                                                   \
        }                                                                                          \
    } while (0)
    VIEW(CODE, code, code_size);
    VIEW(CONST, consts, consts_size);
    VIEW(SYMBOLS, symbols, symbols_size);
    VIEW(LINES, lines, lines_size);
#undef VIEW
    if (st.size[SVIMG_SECT_MANIFEST] < SVIMG_MANIFEST_SIZE)
        FAIL("manifest too small");
    out->manifest = buf + st.off[SVIMG_SECT_MANIFEST];
    if (out->consts && out->consts_size >= 4) {
        out->nconsts = (uint32_t)svbc_read_i32(out->consts);
        if ((uint64_t)out->nconsts * 4 + 4 > out->consts_size)
            FAIL("bad constant pool");
    }
#undef FAIL
    return 0;
}

char *svasm_info_image(const svasm_image_t *im)
{
    asm_sb_t b = {0};
    const uint8_t *h = im->base;
    asm_sb_printf(&b, "Sense-VM image:\n");
    asm_sb_printf(&b, "  Format version:    %u.%u\n", im->major, im->minor);
    asm_sb_printf(&b, "  Flags:             0x%x%s%s\n", im->flags,
                  im->flags & SVIMG_F_DEBUG ? " DEBUG" : "",
                  im->flags & SVIMG_F_SIGNED ? " SIGNED" : "");
    asm_sb_printf(&b, "  Word size:         %u\n", h[SVIMG_OFF_WORDSIZE]);
    asm_sb_printf(&b, "  Header size:       %u\n", h[SVIMG_OFF_HDRSIZE]);
    asm_sb_printf(&b, "  Image size:        %u bytes\n", im->size);
    uint32_t crc = (uint32_t)svbc_read_i32(h + SVIMG_OFF_CRC);
    asm_sb_printf(&b, "  CRC-32:            0x%08x (%s)\n", crc,
                  svimg_crc(h, im->size) == crc ? "ok" : "MISMATCH");
    uint8_t dg[32];
    svimg_digest(h, im->size, dg);
    asm_sb_printf(&b, "  SHA-256:           ");
    for (int i = 0; i < 32; i++)
        asm_sb_printf(&b, "%02x", h[SVIMG_OFF_SHA + i]);
    asm_sb_printf(&b, " (%s)\n", memcmp(dg, h + SVIMG_OFF_SHA, 32) == 0 ? "ok" : "MISMATCH");
    asm_sb_printf(&b, "\nSections:\n  [Nr] %-10s %-10s %-10s\n", "Kind", "Offset", "Size");
    for (uint32_t i = 0; i < im->nsect; i++)
        asm_sb_printf(&b, "  [%2u] %-10s 0x%08x %u\n", i, svimg_section_name(im->sect[i].kind),
                      im->sect[i].offset, im->sect[i].size);
    const uint8_t *m = im->manifest;
    char name[SVIMG_NAME_MAX + 1] = {0};
    memcpy(name, m + SVMF_OFF_NAME, SVIMG_NAME_MAX);
    static const char *const pol[] = {"stop", "restart", "log"};
    uint8_t policy = m[SVMF_OFF_POLICY];
    asm_sb_printf(&b, "\nManifest:\n");
    asm_sb_printf(&b, "  name:        %s\n", name);
    asm_sb_printf(&b, "  priority:    %u\n", m[SVMF_OFF_PRIORITY]);
    asm_sb_printf(&b, "  policy:      %s\n", policy < 3 ? pol[policy] : "?");
    asm_sb_printf(&b, "  heap:        %u\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_HEAP));
    asm_sb_printf(&b, "  stack:       %u\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_STACK));
    asm_sb_printf(&b, "  arrays:      %u\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_ARRAYS));
    asm_sb_printf(&b, "  contexts:    %u\n", svbc_read_u16(m + SVMF_OFF_CONTEXTS));
    asm_sb_printf(&b, "  channels:    %u\n", svbc_read_u16(m + SVMF_OFF_CHANNELS));
    asm_sb_printf(&b, "  entry:       0x%04x\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_ENTRY));
    asm_sb_printf(&b, "  globals:     %u\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_GLOBALS));
    asm_sb_printf(&b, "  heartbeat:   %u ms\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_HEARTBEAT));
    asm_sb_printf(&b, "  fuel:        %u\n", (uint32_t)svbc_read_i32(m + SVMF_OFF_FUEL));
    unsigned nd = m[SVMF_OFF_NDEVICES];
    asm_sb_printf(&b, "  devices:     ");
    for (unsigned i = 0; i < nd && i < SVIMG_MAX_DEVICES; i++) {
        char dev[SVIMG_NAME_MAX + 1] = {0};
        memcpy(dev, m + SVMF_OFF_DEVICES + SVIMG_NAME_MAX * i, SVIMG_NAME_MAX);
        asm_sb_printf(&b, "%s%s", i ? ", " : "", dev);
    }
    asm_sb_printf(&b, "%s\n", nd ? "" : "(none)");
    unsigned nx = m[SVMF_OFF_NXCHANS];
    asm_sb_printf(&b, "  xchans:      ");
    for (unsigned i = 0; i < nx && i < SVIMG_MAX_XCHANS; i++) {
        const uint8_t *x = m + SVMF_OFF_XCHANS + SVMF_XCHAN_SIZE * i;
        char xn[SVIMG_NAME_MAX + 1] = {0};
        memcpy(xn, x, SVIMG_NAME_MAX);
        asm_sb_printf(&b, "%s%s:%s:%u:%s", i ? ", " : "", xn,
                      x[16] == SVMF_XCHAN_SEND ? "send" : "recv", svbc_read_u16(x + 18),
                      x[17] == SVMF_XPOLICY_OVERWRITE ? "overwrite" : "drop");
    }
    asm_sb_printf(&b, "%s\n", nx ? "" : "(none)");
    uint32_t nsyms =
        im->symbols && im->symbols_size >= 4 ? (uint32_t)svbc_read_i32(im->symbols) : 0;
    uint32_t nlines = im->lines && im->lines_size >= 4 ? (uint32_t)svbc_read_i32(im->lines) : 0;
    asm_sb_printf(&b,
                  "\nSizes: code %u bytes, %u constant%s (%u bytes), %u symbol%s, %u line entr%s\n",
                  im->code_size, im->nconsts, im->nconsts == 1 ? "" : "s", im->consts_size, nsyms,
                  nsyms == 1 ? "" : "s", nlines, nlines == 1 ? "y" : "ies");
    return asm_sb_take(&b);
}

char *svasm_info_obj(const svasm_obj_t *o)
{
    asm_sb_t b = {0};
    asm_sb_printf(&b, "Sense-VM relocatable object (ELF32, machine 0x5356):\n");
    asm_sb_printf(&b, "  code:       %u bytes\n", o->code_size);
    asm_sb_printf(&b, "  constants:  %u\n", o->nconsts);
    asm_sb_printf(&b, "  variables:  %u\n", o->nvars);
    asm_sb_printf(&b, "  symbols:    %u\n", o->nsyms);
    asm_sb_printf(&b, "  relocations: %u\n", o->nrelocs);
    asm_sb_printf(&b, "  line entries: %u\n", o->nlines);
    asm_sb_printf(&b, "\nSymbols:\n  %-8s %-6s %-7s %-6s %s\n", "value", "size", "bind", "kind",
                  "name");
    static const char *const kinds[] = {"undef", "code", "var"};
    for (uint32_t i = 0; i < o->nsyms; i++) {
        const svasm_sym_t *s = &o->syms[i];
        asm_sb_printf(&b, "  0x%04x   %-6u %-7s %-6s %s\n", s->value, s->size,
                      s->bind == SVASM_BIND_GLOBAL ? "global" : "local", kinds[s->kind], s->name);
    }
    if (o->nmanifest) {
        asm_sb_printf(&b, "\nManifest directives:\n");
        for (uint32_t i = 0; i < o->nmanifest; i++)
            asm_sb_printf(&b, "  %s %s\n", o->manifest[i].key, o->manifest[i].value);
    }
    return asm_sb_take(&b);
}

/* ---- debug information (SYMBOLS, LINES: object-format.md §6) ---- */

static int cmp_dsym(const void *a, const void *b)
{
    const svasm_dsym_t *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int cmp_dline(const void *a, const void *b)
{
    const svasm_dline_t *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* A NUL-terminated name at offset off of sec[0..size), or NULL. */
static const char *name_at(const uint8_t *sec, uint32_t size, uint32_t off)
{
    return off < size && memchr(sec + off, 0, size - off) ? (const char *)sec + off : NULL;
}

void svasm_debuginfo_read(const svasm_image_t *im, svasm_debuginfo_t *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    uint32_t n = im->symbols && im->symbols_size >= 4 ? (uint32_t)svbc_read_i32(im->symbols) : 0;
    if ((uint64_t)n * 8 + 4 > im->symbols_size)
        n = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *e = im->symbols + 4 + 8 * i;
        const char *name = name_at(im->symbols, im->symbols_size, (uint32_t)svbc_read_i32(e + 4));
        if (!name)
            continue;
        ASM_GROW(out->syms, out->nsyms, cap);
        out->syms[out->nsyms].addr = (uint32_t)svbc_read_i32(e);
        out->syms[out->nsyms++].name = name;
    }
    cap = 0;
    n = im->lines && im->lines_size >= 4 ? (uint32_t)svbc_read_i32(im->lines) : 0;
    if ((uint64_t)n * 12 + 4 > im->lines_size)
        n = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *e = im->lines + 4 + 12 * i;
        uint32_t w = (uint32_t)svbc_read_i32(e + 8);
        const char *file = name_at(im->lines, im->lines_size, SVIMG_LFILE_OFF(w));
        if (!file)
            continue;
        ASM_GROW(out->lines, out->nlines, cap);
        out->lines[out->nlines].addr = (uint32_t)svbc_read_i32(e);
        out->lines[out->nlines].pos = (uint32_t)svbc_read_i32(e + 4);
        out->lines[out->nlines].end = SVIMG_LFILE_END(w);
        out->lines[out->nlines++].file = file;
    }
    /* stable order is not needed: equal addresses keep the table's (qsort is enough for
     * the linker's ascending output, and a forged table only misleads) */
    if (out->nsyms)
        qsort(out->syms, out->nsyms, sizeof *out->syms, cmp_dsym);
    if (out->nlines)
        qsort(out->lines, out->nlines, sizeof *out->lines, cmp_dline);
}

void svasm_debuginfo_free(svasm_debuginfo_t *di)
{
    free(di->syms);
    free(di->lines);
    memset(di, 0, sizeof *di);
}

/* Index of the last element at or below pc in an ascending array (of stride `size`,
 * address first), or -1. */
static long at_or_below(const void *base, size_t n, size_t size, uint32_t pc)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t a;
        memcpy(&a, (const char *)base + mid * size, sizeof a);
        if (a <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

char *svasm_addr2line(const svasm_debuginfo_t *di, uint32_t code_size, uint32_t pc)
{
    asm_sb_t b = {0};
    asm_sb_printf(&b, "0x%04x ", pc);
    long s = pc < code_size ? at_or_below(di->syms, di->nsyms, sizeof *di->syms, pc) : -1;
    long l = pc < code_size ? at_or_below(di->lines, di->nlines, sizeof *di->lines, pc) : -1;
    asm_sb_printf(&b, "%s ", s >= 0 ? di->syms[s].name : "??");
    if (l >= 0 && di->lines[l].file[0]) {
        asm_sb_printf(&b, "%s:%u:%u", di->lines[l].file, SVIMG_POS_LINE(di->lines[l].pos),
                      SVIMG_POS_COL(di->lines[l].pos));
        if (di->lines[l].end) /* columns C to E, 1-based: OCaml's characters C-1 to E */
            asm_sb_printf(&b, "-%u", di->lines[l].end);
    } else
        asm_sb_printf(&b, "??:0:0");
    return asm_sb_take(&b);
}
