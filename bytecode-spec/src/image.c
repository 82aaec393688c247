/* SPDX-License-Identifier: MIT
 * image.c — the section reader (the one place that reads an image's section table: the
 * loader's validator, the inspector, the disassembler and the signer call it) and sealing:
 * the SHA-256 digest and CRC-32 that the loader checks. Freestanding: no malloc, no stdio.
 */
#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <string.h>

const uint8_t svimg_sect_flags[SVIMG_SECT_KIND_MAX + 1] = {
#define SECT(name, code, flags, doc) [code] = (uint8_t)(flags),
#include <sensevm/sections.def>
#undef SECT
};

/* Codes are dense from 1: a row with a code above the row count would be outside the
 * tables indexed by kind. */
#define SECT(name, code, flags, doc)                                                               \
    _Static_assert(code >= 1 && code <= SVIMG_SECT_KIND_MAX, "sections.def: " #name);
#include <sensevm/sections.def>
#undef SECT

static uint32_t rd32(const uint8_t *p) { return (uint32_t)svbc_read_i32(p); }

#define SFAIL(e, at)                                                                               \
    do {                                                                                           \
        *err_off = (uint32_t)(at);                                                                 \
        return SVIMG_SERR_##e;                                                                     \
    } while (0)

svimg_sect_error_t svimg_read_sections(const uint8_t *img, uint32_t size, svimg_sections_t *out,
                                       uint32_t *err_off)
{
    memset(out, 0, sizeof *out);
    uint32_t nsect = svbc_read_u16(img + SVIMG_OFF_NSECT);
    if (nsect < 3 || nsect > SVIMG_MAX_SECTIONS)
        SFAIL(COUNT, SVIMG_OFF_NSECT);
    uint32_t table_end = SVIMG_HEADER_SIZE + nsect * SVIMG_SECT_ENTRY_SIZE;
    if (table_end > size)
        SFAIL(TABLE_OVERFLOW, SVIMG_OFF_NSECT);
    uint32_t prev_off = 0, prev_end = 0;
    for (uint32_t i = 0; i < nsect; i++) {
        uint32_t e = SVIMG_HEADER_SIZE + i * SVIMG_SECT_ENTRY_SIZE;
        uint32_t kind = rd32(img + e), off = rd32(img + e + 4), sz = rd32(img + e + 8);
        if (kind == 0 || kind > SVIMG_SECT_KIND_MAX)
            SFAIL(KIND, e);
        if (out->present & (1u << kind))
            SFAIL(DUPLICATE, e);
        if (rd32(img + e + 12) != 0)
            SFAIL(FLAGS, e + 12);
        if (off & 3u)
            SFAIL(MISALIGNED, e + 4);
        if (off < table_end)
            SFAIL(IN_HEADER, e + 4);
        if (off > size || sz > size - off)
            SFAIL(OUT_OF_IMAGE, e + 8);
        if (i > 0 && off < prev_off)
            SFAIL(UNORDERED, e + 4);
        if (i > 0 && off < prev_end)
            SFAIL(OVERLAP, e + 4);
        out->present |= 1u << kind;
        out->off[kind] = off;
        out->size[kind] = sz;
        out->entry[kind] = e;
        out->order[i] = (uint8_t)kind;
        prev_off = off;
        prev_end = off + sz;
    }
    out->nsect = nsect;
    for (uint32_t k = 1; k <= SVIMG_SECT_KIND_MAX; k++)
        if ((svimg_sect_flags[k] & SVIMG_SF_REQUIRED) && !(out->present & (1u << k))) {
            out->missing = k;
            SFAIL(MISSING, SVIMG_HEADER_SIZE);
        }
    return SVIMG_SERR_OK;
}

/* Digest of img[0..len) with the CRC and SHA fields and the SIGNATURE section's contents
 * read as zero (the section table must already be in place). It reads the table leniently,
 * entry by entry, because the loader checks the digest before the table's rules. */
void svimg_digest(const uint8_t *img, uint32_t len, uint8_t digest[32])
{
    static const uint8_t zero[64] = {0};
    svbc_sha256_t s;
    svbc_sha256_init(&s);
    uint32_t sig_off = 0, sig_size = 0;
    if (len >= SVIMG_HEADER_SIZE) {
        uint32_t n = svbc_read_u16(img + SVIMG_OFF_NSECT);
        for (uint32_t i = 0; i < n && i < SVIMG_MAX_SECTIONS; i++) {
            uint32_t e = SVIMG_HEADER_SIZE + i * SVIMG_SECT_ENTRY_SIZE;
            if ((uint64_t)e + SVIMG_SECT_ENTRY_SIZE > len)
                break;
            uint32_t kind = rd32(img + e);
            if (kind <= SVIMG_SECT_KIND_MAX && (svimg_sect_flags[kind] & SVIMG_SF_SIGNED)) {
                sig_off = rd32(img + e + 4);
                sig_size = rd32(img + e + 8);
            }
        }
    }
    if ((uint64_t)sig_off + sig_size > len || sig_off < SVIMG_OFF_SHA + 32)
        sig_off = sig_size = 0;
    svbc_sha256_update(&s, img, SVIMG_OFF_CRC);
    svbc_sha256_update(&s, zero, 4 + 32);
    uint32_t pos = SVIMG_OFF_SHA + 32;
    if (sig_size) {
        svbc_sha256_update(&s, img + pos, sig_off - pos);
        for (uint32_t left = sig_size; left;) {
            uint32_t n = left < sizeof zero ? left : (uint32_t)sizeof zero;
            svbc_sha256_update(&s, zero, n);
            left -= n;
        }
        pos = sig_off + sig_size;
    }
    svbc_sha256_update(&s, img + pos, len - pos);
    svbc_sha256_final(&s, digest);
}

/* CRC-32 of img[0..len) with the CRC field read as zero. */
uint32_t svimg_crc(const uint8_t *img, uint32_t len)
{
    static const uint8_t zero[4] = {0};
    uint32_t c = svbc_crc32(0, img, SVIMG_OFF_CRC);
    c = svbc_crc32(c, zero, 4);
    return svbc_crc32(c, img + SVIMG_OFF_CRC + 4, len - SVIMG_OFF_CRC - 4);
}

void svimg_seal(uint8_t *img, uint32_t len)
{
    uint8_t d[32];
    svimg_digest(img, len, d);
    memcpy(img + SVIMG_OFF_SHA, d, 32);
    svbc_write_i32(img + SVIMG_OFF_CRC, (int32_t)svimg_crc(img, len));
}
