/* SPDX-License-Identifier: MIT
 * test_install.c — the flash installer (loader/src/install.c) on a simulated NOR flash:
 * power cut after every erase/write step and inside multi-byte writes (the device must boot
 * the old or the new image at every cut point), bad images refused without touching flash,
 * read-back mismatches, slot alternation, sequence-number wrap and bit rot. Suite 'install'.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/loader.h>

#include "../loader/corpus.h"
#include "simflash.h"
#include "sweep.h"

static uint8_t work[512];
static uint8_t bootbuf[CORPUS_CAP];

/* A valid image; gen makes images of one variant differ (manifest heartbeat field). */
static void make_image(corpus_img_t *im, int variant, uint32_t gen)
{
    corpus_build(im, variant);
    svbc_write_i32(im->b + im->man_off + SVMF_OFF_HEARTBEAT, (int32_t)gen);
    corpus_reseal(im);
}

typedef struct geom {
    uint32_t page_size, write_unit;
    int mapped;
    uint32_t flags;
} geom_t;

static const geom_t geoms[] = {
    {256, 4, 1, SVL_FLASH_REPROGRAM},
    {1024, 8, 0, 0},
    {128, 1, 1, 0},
    {512, 64, 0, SVL_FLASH_REPROGRAM},
};

/* Two slots big enough for any corpus image, with a spare page between them. */
static void setup(simflash_t *s, svl_flash_t *f, svl_slots_t *sl, const geom_t *g)
{
    uint32_t per = (SVL_SLOT_IMAGE_OFF + CORPUS_CAP + g->page_size - 1) / g->page_size;
    sim_init(s, g->page_size, 2 * per + 3, g->write_unit);
    *f = sim_flash(s, g->mapped, g->flags);
    sl->first_page[0] = 1;
    sl->first_page[1] = per + 2;
    sl->npages = per;
}

/* Boot and say which image came up: its digest in *sha. Returns the boot result. */
static svl_inst_result_t boot(const svl_flash_t *f, const svl_slots_t *sl, uint8_t sha[32],
                              svl_boot_t *bt)
{
    svl_boot_t tmp;
    if (!bt)
        bt = &tmp;
    svl_inst_result_t r = svl_boot_select(f, sl, bootbuf, sizeof bootbuf, work, sizeof work, bt);
    if (r == SVL_INST_OK) {
        memcpy(sha, bt->image.sha256, 32);
        cr_assert_eq(bt->image.size, bt->size);
    }
    return r;
}

static void install_ok(const svl_flash_t *f, const svl_slots_t *sl, const corpus_img_t *im,
                       svl_install_info_t *info)
{
    svl_inst_result_t r = svl_install(f, sl, im->b, im->size, work, sizeof work, info);
    cr_assert_eq(r, SVL_INST_OK, "install: %s", svl_inst_result_name(r));
}

static const uint8_t *digest_of(const corpus_img_t *im) { return im->b + SVIMG_OFF_SHA; }

Test(install, power_cut_at_every_step)
{
    unsigned points = 0;
    char err[160];
    for (size_t g = 0; g < sweep_ngeoms; g++)
        for (unsigned pre = 0; pre <= 3; pre++)
            cr_assert_eq(sweep_run(&sweep_geoms[g], pre, 0, &points, err, sizeof err), 0,
                         "geometry %zu, %u earlier installs: %s", g, pre, err);
    cr_assert_gt(points, 500, "only %u cut points", points);
    cr_log_info("power cut at %u points: all boot the old or the new image", points);
}

/* The interrupted unit or page left undefined (random), as hal.h allows: the same holds
 * for flash without SVL_FLASH_REPROGRAM. */
Test(install, power_cut_leaving_garbage)
{
    unsigned points = 0;
    char err[160];
    for (size_t g = 0; g < sweep_ngeoms; g++) {
        if (sweep_geoms[g].flags & SVL_FLASH_REPROGRAM)
            continue;
        for (unsigned pre = 0; pre <= 3; pre++)
            cr_assert_eq(sweep_run(&sweep_geoms[g], pre, 1, &points, err, sizeof err), 0,
                         "geometry %zu, %u earlier installs: %s", g, pre, err);
    }
    cr_assert_gt(points, 200, "only %u cut points", points);
    cr_log_info("power cut leaving garbage at %u points: all boot the old or the new image",
                points);
}

Test(install, bad_image_refused_without_touching_flash)
{
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
    corpus_img_t im;
    setup(&s, &f, &sl, &geoms[0]);
    make_image(&im, V_BASE, 1);
    install_ok(&f, &sl, &im, NULL);
    size_t total = (size_t)s.page_size * s.npages;
    uint8_t *snap = malloc(total);
    memcpy(snap, s.mem, total);
    uint32_t nw = s.nwrite, ne = s.nerase;

    corpus_img_t bad;
    make_image(&bad, V_DEBUG, 2);
    bad.b[bad.code_off] ^= 0x40; /* not resealed: CRC mismatch */
    svl_install_info_t info;
    cr_assert_eq(svl_install(&f, &sl, bad.b, bad.size, work, sizeof work, &info), SVL_INST_INVALID);
    cr_assert_eq(info.vres, SVL_bad_crc);
    cr_assert_eq(info.err_offset, SVIMG_OFF_CRC);

    /* one image per validator rule from the corpus: every one refused, flash untouched */
    for (size_t i = 0; i < corpus_ncases; i++) {
        if (corpus_cases[i].code == SVL_OK)
            continue;
        corpus_make(&corpus_cases[i], &bad);
        cr_assert_eq(svl_install(&f, &sl, bad.b, bad.size, work, sizeof work, &info),
                     SVL_INST_INVALID, "%s", corpus_cases[i].file);
        cr_assert_eq(info.vres, corpus_cases[i].code, "%s", corpus_cases[i].file);
    }
    /* too large for a slot */
    svl_slots_t small = {{1, 3}, 1};
    make_image(&bad, V_BASE, 3);
    cr_assert_eq(svl_install(&f, &small, bad.b, bad.size, work, sizeof work, &info),
                 SVL_INST_TOO_LARGE);
    cr_assert_eq(s.nwrite, nw);
    cr_assert_eq(s.nerase, ne);
    cr_assert_eq(memcmp(s.mem, snap, total), 0, "flash changed");
    uint8_t sha[32];
    cr_assert_eq(boot(&f, &sl, sha, NULL), SVL_INST_OK);
    cr_assert_eq(memcmp(sha, digest_of(&im), 32), 0);
    free(snap);
    sim_free(&s);
}

static void readback_case(int stuck)
{
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
    corpus_img_t a, b;
    setup(&s, &f, &sl, &geoms[stuck ? 0 : 1]);
    make_image(&a, V_BASE, 1);
    make_image(&b, V_SIGNED, 2);
    install_ok(&f, &sl, &a, NULL);
    /* a bit of the new image (in slot B) does not program / reads back flipped */
    long at = (long)(sl.first_page[1] * s.page_size + SVL_SLOT_IMAGE_OFF + b.code_off + 1);
    for (uint8_t m = 1; m; m = (uint8_t)(m << 1))
        if (!(b.b[b.code_off + 1] & m)) {
            if (stuck) {
                // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
                s.stuck_off = at;
                s.stuck_mask = m;
            }
            break;
        }
    if (!stuck) {
        // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
        s.flip_off = at;
        s.flip_mask = 0x10;
    }
    svl_install_info_t info;
    cr_assert_eq(svl_install(&f, &sl, b.b, b.size, work, sizeof work, &info), SVL_INST_VERIFY);
    cr_assert_eq(info.slot, 1);
    // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
    s.flip_off = -1;
    svl_slot_info_t si;
    cr_assert_eq(svl_slot_probe(&f, &sl, 1, &si), SVL_INST_OK);
    cr_assert_eq(si.state, SVL_SLOT_PENDING, "not committed");
    uint8_t sha[32];
    cr_assert_eq(boot(&f, &sl, sha, NULL), SVL_INST_OK);
    cr_assert_eq(memcmp(sha, digest_of(&a), 32), 0, "the old image still boots");
    /* the fault gone, the same install succeeds */
    // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
    s.stuck_off = -1;
    install_ok(&f, &sl, &b, &info);
    cr_assert_eq(info.slot, 1);
    cr_assert_eq(boot(&f, &sl, sha, NULL), SVL_INST_OK);
    cr_assert_eq(memcmp(sha, digest_of(&b), 32), 0);
    sim_free(&s);
}

Test(install, readback_mismatch_stuck_bit) { readback_case(1); }
Test(install, readback_mismatch_read_flip) { readback_case(0); }

Test(install, repeated_installs_alternate_slots)
{
    for (size_t g = 0; g < sizeof geoms / sizeof geoms[0]; g++) {
        simflash_t s;
        svl_flash_t f;
        svl_slots_t sl;
        setup(&s, &f, &sl, &geoms[g]);
        uint8_t sha[32];
        cr_assert_eq(boot(&f, &sl, sha, NULL), SVL_INST_NO_IMAGE);
        for (uint32_t i = 0; i < 7; i++) {
            corpus_img_t im;
            make_image(&im, (int)(i % V_COUNT), 10 + i);
            svl_install_info_t info;
            install_ok(&f, &sl, &im, &info);
            cr_assert_eq(info.slot, i % 2);
            cr_assert_eq(info.seq, i + 1);
            svl_boot_t bt;
            cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
            cr_assert_eq(memcmp(sha, digest_of(&im), 32), 0);
            cr_assert_eq(bt.slot, i % 2);
            cr_assert_eq(bt.seq, i + 1);
            cr_assert_eq(bt.image.manifest.heartbeat_ms, 10 + i);
            if (geoms[g].mapped) /* executes in place, from flash */
                cr_assert_eq(bt.data, s.mem + (size_t)sl.first_page[i % 2] * s.page_size +
                                          SVL_SLOT_IMAGE_OFF);
            svl_slot_info_t si;
            cr_assert_eq(svl_slot_probe(&f, &sl, i % 2, &si), SVL_INST_OK);
            cr_assert_eq(si.state, SVL_SLOT_COMMITTED);
            cr_assert_eq(si.size, im.size);
            if (i > 0) {
                cr_assert_eq(svl_slot_probe(&f, &sl, 1 - i % 2, &si), SVL_INST_OK);
                cr_assert_eq(si.state, SVL_SLOT_COMMITTED, "the previous image stays");
                cr_assert_eq(si.seq, i);
            }
        }
        sim_free(&s);
    }
}

/* Write a committed slot by hand, from the format in docs/flash.md. */
static void put_slot(simflash_t *s, uint32_t base, const corpus_img_t *im, uint32_t seq)
{
    uint8_t *d = s->mem + base;
    memset(d, 0xff, SVL_SLOT_IMAGE_OFF + im->size);
    memcpy(d + SVL_SLOT_IMAGE_OFF, im->b, im->size);
    memset(d, 0, SVL_SLOT_DESC_SIZE);
    memcpy(d, "SVSL", 4);
    d[4] = 1;
    d[6] = SVL_SLOT_IMAGE_OFF;
    svbc_write_i32(d + 8, (int32_t)seq);
    svbc_write_i32(d + 12, (int32_t)im->size);
    memcpy(d + 16, im->b + SVIMG_OFF_CRC, 4);
    memcpy(d + 24, im->b + SVIMG_OFF_SHA, 32);
    svbc_write_i32(d + 60, (int32_t)svbc_crc32(0, d, 60));
    memset(d + SVL_SLOT_COMMIT_OFF, 0, s->write_unit > 4 ? s->write_unit : 4);
}

Test(install, sequence_number_wrap)
{
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
    setup(&s, &f, &sl, &geoms[0]);
    corpus_img_t a, b, c, d;
    make_image(&a, V_BASE, 1);
    make_image(&b, V_DEBUG, 2);
    make_image(&c, V_SIGNED, 3);
    make_image(&d, V_BASE, 4);
    put_slot(&s, sl.first_page[0] * s.page_size, &a, 0xfffffffeu);
    put_slot(&s, sl.first_page[1] * s.page_size, &b, 0xffffffffu);
    uint8_t sha[32];
    svl_boot_t bt;
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 1);
    cr_assert_eq(bt.seq, 0xffffffffu);
    svl_install_info_t info;
    install_ok(&f, &sl, &c, &info);
    cr_assert_eq(info.slot, 0);
    cr_assert_eq(info.seq, 0u, "0xffffffff + 1 wraps to 0");
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 0, "seq 0 is newer than 0xffffffff");
    cr_assert_eq(memcmp(sha, digest_of(&c), 32), 0);
    install_ok(&f, &sl, &d, &info);
    cr_assert_eq(info.slot, 1);
    cr_assert_eq(info.seq, 1u);
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 1);
    cr_assert_eq(memcmp(sha, digest_of(&d), 32), 0);
    sim_free(&s);
}

Test(install, bit_rot_in_the_newest_image_falls_back)
{
    for (int mapped = 0; mapped <= 1; mapped++) {
        geom_t g = {256, 4, mapped, 0};
        simflash_t s;
        svl_flash_t f;
        svl_slots_t sl;
        setup(&s, &f, &sl, &g);
        corpus_img_t a, b, c;
        make_image(&a, V_BASE, 1);
        make_image(&b, V_DEBUG, 2);
        make_image(&c, V_SIGNED, 3);
        install_ok(&f, &sl, &a, NULL);
        install_ok(&f, &sl, &b, NULL);
        /* a bit decays in slot B's code */
        s.mem[sl.first_page[1] * s.page_size + SVL_SLOT_IMAGE_OFF + b.code_off] ^= 0x01;
        svl_slot_info_t si;
        cr_assert_eq(svl_slot_probe(&f, &sl, 1, &si), SVL_INST_OK);
        cr_assert_eq(si.state, SVL_SLOT_CORRUPT);
        uint8_t sha[32];
        svl_boot_t bt;
        cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
        cr_assert_eq(bt.slot, 0);
        cr_assert_eq(memcmp(sha, digest_of(&a), 32), 0, "fell back to the older image");
        /* the next install replaces the corrupt slot, never the one that boots */
        svl_install_info_t info;
        install_ok(&f, &sl, &c, &info);
        cr_assert_eq(info.slot, 1);
        cr_assert_eq(info.seq, 2u);
        cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
        cr_assert_eq(memcmp(sha, digest_of(&c), 32), 0);
        sim_free(&s);
    }
}

Test(install, unreadable_slot_does_not_stop_boot)
{
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
    setup(&s, &f, &sl, &geoms[1]);
    corpus_img_t a, b, c;
    make_image(&a, V_BASE, 1);
    make_image(&b, V_DEBUG, 2);
    make_image(&c, V_SIGNED, 3);
    install_ok(&f, &sl, &a, NULL);
    install_ok(&f, &sl, &b, NULL);
    /* the newer slot B cannot be read (e.g. an ECC fault) */
    // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
    s.fail_off = (long)(sl.first_page[1] * s.page_size + 8);
    svl_slot_info_t si;
    cr_assert_eq(svl_slot_probe(&f, &sl, 1, &si), SVL_INST_FLASH);
    uint8_t sha[32];
    svl_boot_t bt;
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 0);
    cr_assert_eq(memcmp(sha, digest_of(&a), 32), 0, "the readable slot boots");
    /* an install goes to the unreadable slot and fails its read-back: A still boots */
    svl_install_info_t info;
    cr_assert_eq(svl_install(&f, &sl, c.b, c.size, work, sizeof work, &info), SVL_INST_FLASH);
    cr_assert_eq(info.slot, 1);
    cr_assert_eq(info.flash_err, SIM_EIO);
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 0);
    /* A unreadable too (B holds the uncommitted new image): nothing boots, and the
     * result says that a read failed rather than that there is no image */
    // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
    s.fail_off = (long)(sl.first_page[0] * s.page_size + 8);
    cr_assert_eq(svl_boot_select(&f, &sl, bootbuf, sizeof bootbuf, work, sizeof work, &bt),
                 SVL_INST_FLASH);
    // cppcheck-suppress redundantAssignment ; the simulated flash behind `f` reads it
    s.fail_off = -1;
    cr_assert_eq(boot(&f, &sl, sha, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 0);
    sim_free(&s);
}

Test(install, boot_select_errors_and_config)
{
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
    geom_t g = {256, 4, 0, 0};
    setup(&s, &f, &sl, &g);
    corpus_img_t a;
    make_image(&a, V_BASE, 1);
    install_ok(&f, &sl, &a, NULL);
    svl_boot_t bt;
    cr_assert_eq(svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt), SVL_INST_NO_BUFFER);
    cr_assert_eq(svl_boot_select(&f, &sl, bootbuf, a.size - 1, work, sizeof work, &bt),
                 SVL_INST_NO_BUFFER);
    cr_assert_eq(svl_boot_select(&f, &sl, bootbuf, a.size, work, sizeof work, &bt), SVL_INST_OK);
    cr_assert_eq(bt.data, bootbuf);

    svl_slots_t overlap = {{1, 2}, sl.npages};
    cr_assert_eq(svl_install(&f, &overlap, a.b, a.size, work, sizeof work, NULL),
                 SVL_INST_BAD_CONFIG);
    svl_slots_t outside = {{1, s.npages - 1}, sl.npages};
    cr_assert_eq(svl_boot_select(&f, &outside, bootbuf, sizeof bootbuf, work, sizeof work, &bt),
                 SVL_INST_BAD_CONFIG);
    svl_flash_t odd = f;
    odd.write_unit = 3;
    cr_assert_eq(svl_install(&odd, &sl, a.b, a.size, work, sizeof work, NULL), SVL_INST_BAD_CONFIG);
    cr_assert_eq(svl_slot_capacity(&f, &sl), sl.npages * s.page_size - SVL_SLOT_IMAGE_OFF);

    /* re-installing the fallback image from where it is mapped would erase the source */
    svl_flash_t mf = sim_flash(&s, 1, 0);
    corpus_img_t b2;
    make_image(&b2, V_DEBUG, 2);
    install_ok(&mf, &sl, &b2, NULL); /* slot B; the older image stays in slot A */
    const uint8_t *in_a = s.mem + (size_t)sl.first_page[0] * s.page_size + SVL_SLOT_IMAGE_OFF;
    uint32_t nw = s.nwrite;
    cr_assert_eq(svl_install(&mf, &sl, in_a, a.size, work, sizeof work, NULL), SVL_INST_BAD_CONFIG);
    cr_assert_eq(s.nwrite, nw);
    cr_assert_str_eq(svl_inst_result_name(SVL_INST_VERIFY), "verify");
    sim_free(&s);
}
