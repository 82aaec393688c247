/* SPDX-License-Identifier: MIT
 * fw_install.c — the install checks shared by the blob-path firmwares (fw_install.h).
 */
#include "fw_install.h"

#include <stdio.h>
#include <string.h>

#include <sensevm/cortexm/cm_board.h>
#include <sensevm/cortexm/cm_flash.h>
#include "tap.h"

static svm_cm_flash_t flash = {
    .base = (uint8_t *)SVM_CM_SLOT_AREA,
    .page_size = SVM_CM_FLASH_PAGE,
    .npages = SVM_CM_SLOT_AREA_SIZE / SVM_CM_FLASH_PAGE,
    .write_unit = SVM_CM_FLASH_UNIT,
};
static uint8_t work[256];
static uint8_t copy[4096] __attribute__((aligned(4)));

svl_flash_t fw_flash(void) { return svm_cm_flash_svl(&flash); }

svl_slots_t fw_slots(unsigned c)
{
    svl_slots_t s = {{2u * c * SVM_CM_SLOT_PAGES, (2u * c + 1u) * SVM_CM_SLOT_PAGES},
                     SVM_CM_SLOT_PAGES};
    return s;
}

void fw_install_checks(const char *what, const uint8_t *img, size_t len, unsigned c)
{
    char msg[96];
    svl_flash_t f = fw_flash();
    svl_slots_t sl = fw_slots(c);
    svl_image_t im;
    uint32_t off = 0;

    svl_result_t v = svl_validate_ex(img, len, work, sizeof work, &im, &off);
    snprintf(msg, sizeof msg, "%s: validates in place (%u bytes at %p): result %d", what,
             (unsigned)len, (const void *)img, (int)v);
    tap_ok(v == SVL_OK && strcmp(im.manifest.name, "hello") == 0, msg);

    /* Start from an erased pair, as a factory-fresh device. */
    for (uint32_t p = 0; p < 2 * sl.npages; p++)
        f.erase(f.ctx, sl.first_page[0] + p);
    svl_install_info_t info;
    svl_inst_result_t r = svl_install(&f, &sl, img, len, work, sizeof work, &info);
    snprintf(msg, sizeof msg, "%s: installed into container %u slot %c seq %u: result %d", what, c,
             'A' + info.slot, (unsigned)info.seq, (int)r);
    tap_ok(r == SVL_INST_OK && info.slot == 0 && info.seq == 1, msg);

    svl_boot_t bt;
    r = svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt);
    const uint8_t *want = (const uint8_t *)SVM_CM_SLOT_AREA + sl.first_page[0] * SVM_CM_FLASH_PAGE +
                          SVL_SLOT_IMAGE_OFF;
    snprintf(msg, sizeof msg, "%s: boot select picks slot A, in place at %p", what,
             (const void *)bt.data);
    tap_ok(r == SVL_INST_OK && bt.slot == 0 && bt.data == want && bt.size == len &&
               memcmp(bt.image.sha256, im.sha256, 32) == 0 && memcmp(bt.data, img, len) == 0,
           msg);

    r = svl_install(&f, &sl, img, len, work, sizeof work, &info);
    snprintf(msg, sizeof msg, "%s: reinstall goes to slot %c seq %u", what, 'A' + info.slot,
             (unsigned)info.seq);
    tap_ok(r == SVL_INST_OK && info.slot == 1 && info.seq == 2, msg);
    r = svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt);
    tap_ok(r == SVL_INST_OK && bt.slot == 1 && bt.seq == 2, "boot select picks the newer slot B");

    int ok = len <= sizeof copy;
    if (ok) {
        memcpy(copy, img, len);
        copy[len / 2] ^= 0x20;
        uint32_t writes = flash.nwrite, erases = flash.nerase;
        r = svl_install(&f, &sl, copy, len, work, sizeof work, &info);
        ok = r == SVL_INST_INVALID && info.vres == SVL_bad_crc && flash.nwrite == writes &&
             flash.nerase == erases;
    }
    tap_ok(ok, "a corrupted copy is refused without a flash write");
    r = svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt);
    tap_ok(r == SVL_INST_OK && bt.slot == 1, "and slot B still boots");
}
