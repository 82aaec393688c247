/* SPDX-License-Identifier: MIT
 * sweep.c — the power-cut sweep of sweep.h over the simulated flash (simflash.c).
 */
#include "sweep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/loader.h>

#include "../loader/corpus.h"
#include "simflash.h"

const sweep_geom_t sweep_geoms[] = {
    {256, 4, 1, SVL_FLASH_REPROGRAM},
    {1024, 8, 0, 0},
    {128, 1, 1, 0},
    {512, 64, 0, SVL_FLASH_REPROGRAM},
};
const size_t sweep_ngeoms = sizeof sweep_geoms / sizeof sweep_geoms[0];

static uint8_t work[256];
static uint8_t bootbuf[CORPUS_CAP];

static void make_image(corpus_img_t *im, int variant, uint32_t gen)
{
    corpus_build(im, variant);
    svbc_write_i32(im->b + im->man_off + SVMF_OFF_HEARTBEAT, (int32_t)gen);
    corpus_reseal(im);
}

/* Boot; returns 0 nothing, 1 old, 2 new, 3 a third image, -1 an error. */
static int boots(const svl_flash_t *f, const svl_slots_t *sl, const corpus_img_t *old,
                 const corpus_img_t *nw)
{
    svl_boot_t bt;
    svl_inst_result_t r = svl_boot_select(f, sl, bootbuf, sizeof bootbuf, work, sizeof work, &bt);
    if (r == SVL_INST_NO_IMAGE)
        return 0;
    if (r != SVL_INST_OK)
        return -1;
    if (old && memcmp(bt.image.sha256, old->b + SVIMG_OFF_SHA, 32) == 0)
        return 1;
    if (memcmp(bt.image.sha256, nw->b + SVIMG_OFF_SHA, 32) == 0)
        return 2;
    return 3;
}

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        snprintf(err, errsz, __VA_ARGS__);                                                         \
        rc = -1;                                                                                   \
        goto out;                                                                                  \
    } while (0)

int sweep_run(const sweep_geom_t *g, unsigned pre, int garbage, unsigned *points, char *err,
              size_t errsz)
{
    static corpus_img_t old, nw;
    simflash_t s;
    int rc = 0;
    uint32_t per = (SVL_SLOT_IMAGE_OFF + CORPUS_CAP + g->page_size - 1) / g->page_size;
    sim_init(&s, g->page_size, 2 * per + 3, g->write_unit);
    svl_flash_t f = sim_flash(&s, g->mapped, g->flags);
    svl_slots_t sl = {{1, per + 2}, per};
    size_t total = (size_t)s.page_size * s.npages;
    uint8_t *snap = malloc(total);
    if (!snap)
        FAIL("out of memory");
    for (unsigned i = 1; i <= pre; i++) {
        make_image(&old, (int)(i % V_COUNT), i);
        if (svl_install(&f, &sl, old.b, old.size, work, sizeof work, NULL) != SVL_INST_OK)
            FAIL("setup install %u failed", i);
    }
    make_image(&nw, (int)((pre + 1) % V_COUNT), 1000 + pre);
    memcpy(snap, s.mem, total);

    /* A dry run records the steps; the last one must be the commit write. */
    s.ops = 0;
    s.trace = 1;
    s.ntrace = 0;
    if (svl_install(&f, &sl, nw.b, nw.size, work, sizeof work, NULL) != SVL_INST_OK)
        FAIL("dry-run install failed");
    s.trace = 0;
    uint32_t nops = s.ntrace;
    if (nops < 4 || s.trace_kind[nops - 1] != 2)
        FAIL("dry run: %u steps, last kind %u", (unsigned)nops,
             (unsigned)(nops ? s.trace_kind[nops - 1] : 0));

    for (uint32_t k = 0; k < nops; k++) {
        uint32_t len = s.trace_len[k];
        const struct {
            uint32_t byte;
            uint8_t mask;
        } cuts[] = {{0, 0x00}, {0, 0xa5}, {1, 0x3c}, {len / 2, 0x0f}, {len - 1, 0xf0}, {len, 0}};
        for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
            if (cuts[c].byte > len)
                continue;
            memcpy(s.mem, snap, total);
            sim_reboot(&s);
            s.ops = 0;
            s.cut_op = (long)k;
            s.cut_byte = cuts[c].byte;
            s.cut_mask = cuts[c].mask;
            s.cut_garbage = garbage;
            s.rng = k * 7919u + (uint32_t)c;
            svl_install_info_t info;
            svl_inst_result_t r = svl_install(&f, &sl, nw.b, nw.size, work, sizeof work, &info);
            if (r != SVL_INST_FLASH || info.flash_err != SIM_EPOWER)
                FAIL("step %u cut %zu: install did not see the power fail (%d)", (unsigned)k, c,
                     (int)r);
            sim_reboot(&s);
            int b = boots(&f, &sl, pre ? &old : NULL, &nw);
            int in_commit = k == nops - 1;
            int committed = in_commit && cuts[c].byte == len;
            if (b < 0 || b == 3)
                FAIL("step %u cut %zu: boot selection gave %d", (unsigned)k, c, b);
            if (b == 0 && (pre || committed))
                FAIL("step %u cut %zu: nothing bootable", (unsigned)k, c);
            if (committed && b != 2)
                FAIL("step %u: committed, but the new image does not boot", (unsigned)k);
            if (!in_commit && b != (pre ? 1 : 0))
                FAIL("step %u cut %zu: the uncommitted new image booted", (unsigned)k, c);
            /* the device recovers: the next install completes */
            if (svl_install(&f, &sl, nw.b, nw.size, work, sizeof work, NULL) != SVL_INST_OK ||
                boots(&f, &sl, pre ? &old : NULL, &nw) != 2)
                FAIL("step %u cut %zu: no recovery", (unsigned)k, c);
            (*points)++;
        }
    }
out:
    free(snap);
    sim_free(&s);
    return rc;
}
