/* SPDX-License-Identifier: MIT
 * install.c — the power-fail-safe flash installer: A/B slots per container, install into
 * the inactive slot, verify from flash, commit with one final small write; boot selection.
 * The slot format and the power-fail argument are in docs/flash.md.
 *
 * Invariants
 *   - Nothing is written to flash before the image has been validated completely and is
 *     known to fit.
 *   - The slot svl_boot_select() would pick (the "active" slot) is never erased or written,
 *     except that its commit record may be re-programmed with the same all-zero value
 *     (SVL_FLASH_REPROGRAM), which cannot change a bit that reads 0.
 *   - The target slot's first page (descriptor + commit record) is erased first and its
 *     commit record is written last, after the image and descriptor have been read back
 *     and checked: a slot is committed only if everything before the commit is in flash.
 */
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/loader.h>

#define CHUNK 64u /* stack buffer for reads, padding and descriptors */

typedef struct inst_view {
    uint32_t base; /* slot offset in the flash area */
    svl_slot_info_t info;
} inst_view_t;

static uint32_t commit_size(const svl_flash_t *f)
{
    return f->write_unit > 4u ? f->write_unit : 4u;
}

static int check_config(const svl_flash_t *f, const svl_slots_t *sl)
{
    if (!f || !sl || !f->erase || !f->write || !f->read)
        return 0;
    uint32_t wu = f->write_unit;
    if (wu == 0 || wu > 64u || (wu & (wu - 1u)) != 0)
        return 0;
    if (f->page_size == 0 || f->page_size % wu != 0 || f->npages == 0)
        return 0;
    if ((uint64_t)f->page_size * f->npages > 0xffffffffu)
        return 0;
    if (sl->npages == 0 || (uint64_t)sl->npages * f->page_size <= SVL_SLOT_IMAGE_OFF)
        return 0;
    for (unsigned s = 0; s < 2; s++)
        if ((uint64_t)sl->first_page[s] + sl->npages > f->npages)
            return 0;
    uint32_t a = sl->first_page[0], b = sl->first_page[1];
    if (a < b ? a + sl->npages > b : b + sl->npages > a)
        return 0;
    return 1;
}

uint32_t svl_slot_capacity(const svl_flash_t *flash, const svl_slots_t *slots)
{
    if (!check_config(flash, slots))
        return 0;
    return slots->npages * flash->page_size - SVL_SLOT_IMAGE_OFF;
}

/* Sequence numbers compare by serial arithmetic: a is newer than b. */
static int seq_newer(uint32_t a, uint32_t b) { return (int32_t)(a - b) > 0; }

static uint32_t rd32(const uint8_t *p) { return (uint32_t)svbc_read_i32(p); }
static void wr32(uint8_t *p, uint32_t v) { svbc_write_i32(p, (int32_t)v); }

static void encode_desc(uint8_t d[SVL_SLOT_DESC_SIZE], uint32_t seq, uint32_t size,
                        uint32_t img_crc, const uint8_t sha[32])
{
    memset(d, 0, SVL_SLOT_DESC_SIZE);
    wr32(d + SVL_SLOT_OFF_MAGIC, SVL_SLOT_MAGIC);
    svbc_write_u16(d + SVL_SLOT_OFF_VERSION, SVL_SLOT_VERSION);
    svbc_write_u16(d + SVL_SLOT_OFF_IMAGE, SVL_SLOT_IMAGE_OFF);
    wr32(d + SVL_SLOT_OFF_SEQ, seq);
    wr32(d + SVL_SLOT_OFF_SIZE, size);
    wr32(d + SVL_SLOT_OFF_CRC_IMG, img_crc);
    memcpy(d + SVL_SLOT_OFF_SHA, sha, 32);
    wr32(d + SVL_SLOT_OFF_CRC, svbc_crc32(0, d, SVL_SLOT_OFF_CRC));
}

/* Zero the part of chunk c (image bytes [o, o+n)) that falls in [a, b). */
static void mask_range(uint8_t *c, uint32_t o, uint32_t n, uint32_t a, uint32_t b)
{
    uint32_t lo = a > o ? a : o, hi = b < o + n ? b : o + n;
    for (uint32_t x = lo; x < hi; x++)
        c[x - o] = 0;
}

/* Stream size bytes of image from flash offset off: CRC-32 as the image defines it (CRC
 * field as 0) into *crc, SHA-256 (CRC, SHA fields and [sig_off, sig_end) as 0) into sha.
 * With expect != NULL also compare every byte with expect[]: *same = 0 on a difference.
 * Returns 0 or the failing read's code. */
static int flash_digest(const svl_flash_t *f, uint32_t off, uint32_t size, uint32_t sig_off,
                        uint32_t sig_end, const uint8_t *expect, int *same, uint32_t *crc,
                        uint8_t sha[32])
{
    svbc_sha256_t st;
    uint8_t c[CHUNK];
    uint32_t cr = 0;
    svbc_sha256_init(&st);
    for (uint32_t o = 0; o < size; o += CHUNK) {
        uint32_t n = size - o < CHUNK ? size - o : CHUNK;
        int rc = f->read(f->ctx, off + o, c, n);
        if (rc != 0)
            return rc;
        if (expect && memcmp(c, expect + o, n) != 0)
            *same = 0;
        mask_range(c, o, n, SVIMG_OFF_CRC, SVIMG_OFF_CRC + 4u);
        cr = svbc_crc32(cr, c, n);
        mask_range(c, o, n, SVIMG_OFF_SHA, SVIMG_OFF_SHA + 32u);
        mask_range(c, o, n, sig_off, sig_end);
        svbc_sha256_update(&st, c, n);
    }
    svbc_sha256_final(&st, sha);
    *crc = cr;
    return 0;
}

/* Judge slot s from flash reads alone. Returns 0 or a read's error code. */
static int probe(const svl_flash_t *f, const svl_slots_t *sl, unsigned s, inst_view_t *v)
{
    uint8_t d[CHUNK];
    memset(v, 0, sizeof *v);
    v->base = sl->first_page[s] * f->page_size;
    v->info.state = SVL_SLOT_EMPTY;
    int rc = f->read(f->ctx, v->base, d, SVL_SLOT_DESC_SIZE);
    if (rc != 0)
        return rc;
    uint32_t size = rd32(d + SVL_SLOT_OFF_SIZE);
    if (rd32(d + SVL_SLOT_OFF_MAGIC) != SVL_SLOT_MAGIC ||
        svbc_read_u16(d + SVL_SLOT_OFF_VERSION) != SVL_SLOT_VERSION ||
        svbc_read_u16(d + SVL_SLOT_OFF_IMAGE) != SVL_SLOT_IMAGE_OFF ||
        rd32(d + SVL_SLOT_OFF_RESERVED) != 0 || rd32(d + SVL_SLOT_OFF_RESERVED2) != 0 ||
        rd32(d + SVL_SLOT_OFF_CRC) != svbc_crc32(0, d, SVL_SLOT_OFF_CRC) ||
        size < SVIMG_HEADER_SIZE || size > sl->npages * f->page_size - SVL_SLOT_IMAGE_OFF)
        return 0;
    v->info.seq = rd32(d + SVL_SLOT_OFF_SEQ);
    v->info.size = size;
    memcpy(v->info.sha256, d + SVL_SLOT_OFF_SHA, 32);
    uint32_t img_crc = rd32(d + SVL_SLOT_OFF_CRC_IMG);

    /* The commit record: committed only when every byte reads 0x00. */
    uint32_t csz = commit_size(f);
    rc = f->read(f->ctx, v->base + SVL_SLOT_COMMIT_OFF, d, csz);
    if (rc != 0)
        return rc;
    v->info.state = SVL_SLOT_COMMITTED;
    for (uint32_t i = 0; i < csz; i++)
        if (d[i] != 0)
            v->info.state = SVL_SLOT_PENDING;
    if (v->info.state == SVL_SLOT_PENDING)
        return 0;

    /* Where the SIGNATURE section is (the digest does not cover it): from the header and
     * section table in flash, bounded by the image. A corrupt table only makes the digest
     * differ, which is caught below. */
    uint32_t img = v->base + SVL_SLOT_IMAGE_OFF, sig_off = 0, sig_end = 0;
    rc = f->read(f->ctx, img, d, SVIMG_HEADER_SIZE);
    if (rc != 0)
        return rc;
    uint32_t crc_field = rd32(d + SVIMG_OFF_CRC);
    uint8_t sha_field[32];
    memcpy(sha_field, d + SVIMG_OFF_SHA, 32);
    uint32_t nsect = svbc_read_u16(d + SVIMG_OFF_NSECT);
    if (nsect > SVIMG_MAX_SECTIONS)
        nsect = SVIMG_MAX_SECTIONS;
    for (uint32_t i = 0; i < nsect; i++) {
        uint32_t eo = SVIMG_HEADER_SIZE + i * SVIMG_SECT_ENTRY_SIZE;
        if (eo + SVIMG_SECT_ENTRY_SIZE > size)
            break;
        rc = f->read(f->ctx, img + eo, d, SVIMG_SECT_ENTRY_SIZE);
        if (rc != 0)
            return rc;
        if (rd32(d) == SVIMG_SECT_SIGNATURE) {
            uint32_t so = rd32(d + 4), ss = rd32(d + 8);
            if (so <= size && ss <= size - so) {
                sig_off = so;
                sig_end = so + ss;
            }
        }
    }
    uint32_t crc;
    uint8_t sha[32];
    int same = 1;
    rc = flash_digest(f, img, size, sig_off, sig_end, NULL, &same, &crc, sha);
    if (rc != 0)
        return rc;
    if (crc != crc_field || crc != img_crc || memcmp(sha, sha_field, 32) != 0 ||
        memcmp(sha, v->info.sha256, 32) != 0)
        v->info.state = SVL_SLOT_CORRUPT;
    return 0;
}

svl_inst_result_t svl_slot_probe(const svl_flash_t *flash, const svl_slots_t *slots, unsigned slot,
                                 svl_slot_info_t *out)
{
    inst_view_t v;
    if (!check_config(flash, slots) || slot > 1 || !out)
        return SVL_INST_BAD_CONFIG;
    if (probe(flash, slots, slot, &v) != 0)
        return SVL_INST_FLASH;
    *out = v.info;
    return SVL_INST_OK;
}

/* The signature policy on a validated image: SVL_INST_OK, _BAD_SIGNATURE or _UNSIGNED. */
static svl_inst_result_t check_sig(const svl_sig_policy_t *sig, const svl_image_t *im)
{
    if (!sig)
        return SVL_INST_OK;
    if (!im->signature || im->signature_size != 64u)
        return sig->require ? SVL_INST_UNSIGNED : SVL_INST_OK;
    if (!sig->verify || sig->verify(sig->ctx, im->sha256, im->signature) != 0)
        return SVL_INST_BAD_SIGNATURE;
    return SVL_INST_OK;
}

/* Try slot v as the boot image: view it (mapped or read into buf) and re-validate it. */
static svl_inst_result_t try_boot(const svl_flash_t *f, const inst_view_t *v, uint8_t *buf,
                                  size_t buf_size, uint8_t *work, size_t work_size,
                                  const svl_sig_policy_t *sig, svl_boot_t *out)
{
    const uint8_t *data;
    if (f->mapped) {
        data = f->mapped + v->base + SVL_SLOT_IMAGE_OFF;
    } else {
        if (!buf || buf_size < v->info.size)
            return SVL_INST_NO_BUFFER;
        if (f->read(f->ctx, v->base + SVL_SLOT_IMAGE_OFF, buf, v->info.size) != 0)
            return SVL_INST_FLASH;
        data = buf;
    }
    if (svl_validate_ex(data, v->info.size, work, work_size, &out->image, NULL) != SVL_OK ||
        memcmp(out->image.sha256, v->info.sha256, 32) != 0 ||
        check_sig(sig, &out->image) != SVL_INST_OK)
        return SVL_INST_NO_IMAGE;
    out->data = data;
    out->size = v->info.size;
    out->seq = v->info.seq;
    return SVL_INST_OK;
}

/* The boot choice. With full = 0 and unmapped flash, the flash-read checks of probe()
 * stand in for re-validation (the bytes are those validated at install time). Sets
 * *chosen to 0/1 or -1. */
static svl_inst_result_t select_slot(const svl_flash_t *f, const svl_slots_t *sl, uint8_t *buf,
                                     size_t buf_size, uint8_t *work, size_t work_size, int full,
                                     const svl_sig_policy_t *sig, inst_view_t v[2], int *chosen,
                                     svl_boot_t *out)
{
    *chosen = -1;
    svl_inst_result_t res = SVL_INST_NO_IMAGE;
    for (unsigned s = 0; s < 2; s++)
        if (probe(f, sl, s, &v[s]) != 0) {
            /* an unreadable slot cannot boot, but must not keep the other from booting */
            v[s].info.state = SVL_SLOT_EMPTY;
            res = SVL_INST_FLASH;
        }
    unsigned first = 0;
    if (v[1].info.state == SVL_SLOT_COMMITTED &&
        (v[0].info.state != SVL_SLOT_COMMITTED || seq_newer(v[1].info.seq, v[0].info.seq)))
        first = 1;
    for (unsigned k = 0; k < 2; k++) {
        unsigned s = k == 0 ? first : 1u - first;
        if (v[s].info.state != SVL_SLOT_COMMITTED)
            continue;
        if (!full && !f->mapped) {
            *chosen = (int)s;
            return SVL_INST_OK;
        }
        svl_inst_result_t r = try_boot(f, &v[s], buf, buf_size, work, work_size, sig, out);
        if (r == SVL_INST_OK) {
            out->slot = (uint8_t)s;
            *chosen = (int)s;
            return SVL_INST_OK;
        }
        if (r != SVL_INST_NO_IMAGE)
            res = r;
    }
    return res;
}

svl_inst_result_t svl_boot_select_ex(const svl_flash_t *flash, const svl_slots_t *slots,
                                     uint8_t *buf, size_t buf_size, uint8_t *work, size_t work_size,
                                     const svl_sig_policy_t *sig, svl_boot_t *out)
{
    inst_view_t v[2];
    svl_boot_t tmp;
    int chosen;
    if (!check_config(flash, slots))
        return SVL_INST_BAD_CONFIG;
    return select_slot(flash, slots, buf, buf_size, work, work_size, 1, sig, v, &chosen,
                       out ? out : &tmp);
}

svl_inst_result_t svl_boot_select(const svl_flash_t *flash, const svl_slots_t *slots, uint8_t *buf,
                                  size_t buf_size, uint8_t *work, size_t work_size, svl_boot_t *out)
{
    return svl_boot_select_ex(flash, slots, buf, buf_size, work, work_size, NULL, out);
}

#define TRYF(call)                                                                                 \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != 0) {                                                                            \
            info->flash_err = rc_;                                                                 \
            return SVL_INST_FLASH;                                                                 \
        }                                                                                          \
    } while (0)

svl_inst_result_t svl_install(const svl_flash_t *f, const svl_slots_t *sl, const uint8_t *img,
                              size_t len, uint8_t *work, size_t work_size, svl_install_info_t *info)
{
    return svl_install_ex(f, sl, img, len, work, work_size, NULL, info);
}

svl_inst_result_t svl_install_ex(const svl_flash_t *f, const svl_slots_t *sl, const uint8_t *img,
                                 size_t len, uint8_t *work, size_t work_size,
                                 const svl_sig_policy_t *sig, svl_install_info_t *info)
{
    svl_install_info_t dummy;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    if (!check_config(f, sl))
        return SVL_INST_BAD_CONFIG;

    /* 1. Validate completely (and check the signature policy): nothing touches flash
     * before this. */
    svl_image_t vi;
    info->vres = svl_validate_ex(img, len, work, work_size, &vi, &info->err_offset);
    if (info->vres != SVL_OK)
        return SVL_INST_INVALID;
    uint32_t size = (uint32_t)len;
    if (size > svl_slot_capacity(f, sl))
        return SVL_INST_TOO_LARGE;
    svl_inst_result_t sr = check_sig(sig, &vi);
    if (sr != SVL_INST_OK)
        return sr;

    /* 2. Which slot boots now; the other one is the target. */
    inst_view_t v[2];
    svl_boot_t bt;
    int active;
    svl_inst_result_t r = select_slot(f, sl, NULL, 0, work, work_size, 0, sig, v, &active, &bt);
    if (r == SVL_INST_FLASH)
        return SVL_INST_FLASH;
    unsigned t = active < 0 ? 0u : 1u - (unsigned)active;
    uint32_t seq = active < 0 ? 1u : v[active].info.seq + 1u;
    info->slot = (uint8_t)t;
    info->seq = seq;
    uint32_t base = v[t].base, wu = f->write_unit, csz = commit_size(f);
    uint8_t c[CHUNK];
    /* The source must not lie in the slot about to be erased (e.g. re-installing the
     * fallback image from where it is mapped). */
    if (f->mapped) {
        uintptr_t lo = (uintptr_t)(f->mapped + base);
        uintptr_t hi = lo + (uintptr_t)sl->npages * f->page_size;
        if ((uintptr_t)img < hi && (uintptr_t)img + size > lo)
            return SVL_INST_BAD_CONFIG;
    }

    /* 3. Make the fallback's commit record solid (a no-op for a fully programmed one). */
    if (active >= 0 && (f->flags & SVL_FLASH_REPROGRAM)) {
        memset(c, 0, csz);
        TRYF(f->write(f->ctx, v[active].base + SVL_SLOT_COMMIT_OFF, c, csz));
    }

    /* 4. Erase what the new image needs, the descriptor's page first: the target is
     * uncommitted from the first erase on. */
    uint32_t need = SVL_SLOT_IMAGE_OFF + size;
    uint32_t npg = (need + f->page_size - 1u) / f->page_size;
    for (uint32_t p = 0; p < npg; p++)
        TRYF(f->erase(f->ctx, sl->first_page[t] + p));

    /* 5. The image, one write per page it touches; the last write unit padded with 0xff. */
    uint32_t body = size - size % wu, o = 0;
    while (o < body) {
        uint32_t at = base + SVL_SLOT_IMAGE_OFF + o;
        uint32_t n = f->page_size - at % f->page_size;
        if (n > body - o)
            n = body - o;
        TRYF(f->write(f->ctx, at, img + o, n));
        o += n;
    }
    if (body < size) {
        memset(c, 0xff, wu);
        memcpy(c, img + body, size - body);
        TRYF(f->write(f->ctx, base + SVL_SLOT_IMAGE_OFF + body, c, wu));
    }

    /* 6. The descriptor. */
    uint8_t desc[SVL_SLOT_DESC_SIZE];
    encode_desc(desc, seq, size, rd32(img + SVIMG_OFF_CRC), vi.sha256);
    TRYF(f->write(f->ctx, base, desc, SVL_SLOT_DESC_SIZE));

    /* 7. Read everything back: descriptor, a still-erased commit record, and the image byte
     * for byte with its SHA-256 and CRC-32 recomputed from flash. */
    TRYF(f->read(f->ctx, base, c, SVL_SLOT_DESC_SIZE));
    if (memcmp(c, desc, SVL_SLOT_DESC_SIZE) != 0)
        return SVL_INST_VERIFY;
    TRYF(f->read(f->ctx, base + SVL_SLOT_COMMIT_OFF, c, csz));
    for (uint32_t i = 0; i < csz; i++)
        if (c[i] != 0xff)
            return SVL_INST_VERIFY;
    uint32_t sig_off = 0, sig_end = 0;
    if (vi.signature) {
        sig_off = (uint32_t)(vi.signature - img);
        sig_end = sig_off + vi.signature_size;
    }
    int same = 1;
    uint32_t crc;
    uint8_t sha[32];
    TRYF(flash_digest(f, base + SVL_SLOT_IMAGE_OFF, size, sig_off, sig_end, img, &same, &crc, sha));
    if (!same || crc != rd32(img + SVIMG_OFF_CRC) || memcmp(sha, vi.sha256, 32) != 0)
        return SVL_INST_VERIFY;

    /* 8. Commit: the one small write that makes the new image the newest bootable one. */
    memset(c, 0, csz);
    TRYF(f->write(f->ctx, base + SVL_SLOT_COMMIT_OFF, c, csz));
    TRYF(f->read(f->ctx, base + SVL_SLOT_COMMIT_OFF, c, csz));
    for (uint32_t i = 0; i < csz; i++)
        if (c[i] != 0)
            return SVL_INST_VERIFY;
    return SVL_INST_OK;
}

const char *svl_inst_result_name(svl_inst_result_t r)
{
#ifdef SVL_CFG_NO_STRINGS
    (void)r;
    return "";
#else
    static const char *const names[] = {
        "ok",     "invalid",  "too_large", "bad_config",    "flash",
        "verify", "no_image", "no_buffer", "bad_signature", "unsigned"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
#endif
}
