/* SPDX-License-Identifier: MIT
 * fw_inbox.c — blob path 3: an image flashed separately at a fixed address (the inbox,
 * 0x00300000, e.g. Intel HEX from `senseasm --format=ihex --base 0x00300000` loaded by
 * QEMU's `-device loader`), without relinking the firmware, then installed into a slot.
 * The firmware first installs its built-in image (the C array) and then the inbox image
 * as the update of the same container. Exit status 1 (and "not ok") when the inbox is empty.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>

#include <sensevm/cortexm/cm_board.h>
#include "fw_install.h"
#include "tap.h"

extern const uint8_t hello_svm[];
extern const size_t hello_svm_size;

int main(void)
{
    static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */
    const uint8_t *inbox = (const uint8_t *)SVM_CM_INBOX;
    tap_plan(FW_INSTALL_TESTS + 4);

    /* The size comes from the image header; the validator checks everything else. */
    uint32_t len = (uint32_t)svbc_read_i32(inbox + SVIMG_OFF_SIZE);
    int present = memcmp(inbox, SVIMG_MAGIC, 4) == 0 && len <= SVM_CM_INBOX_SIZE;
    if (!tap_ok(present, "an image is in the inbox at 0x00300000")) {
        tap_diag("flash one: -device loader,file=update.hex");
        return 1;
    }
    fw_install_checks("inbox", inbox, len, 2);

    /* As an update: the built-in image first, then the inbox image over it. */
    svl_flash_t f = fw_flash();
    svl_slots_t sl = fw_slots(3);
    svl_install_info_t info;
    svl_boot_t bt;
    int ok =
        svl_install(&f, &sl, hello_svm, hello_svm_size, work, sizeof work, &info) == SVL_INST_OK;
    ok = ok && svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt) == SVL_INST_OK &&
         bt.size == hello_svm_size;
    tap_ok(ok, "the built-in image is installed and boots");
    ok = svl_install(&f, &sl, inbox, len, work, sizeof work, &info) == SVL_INST_OK;
    ok = ok && svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt) == SVL_INST_OK &&
         bt.size == len && memcmp(bt.data, inbox, len) == 0 && bt.slot != 0;
    tap_ok(ok, "the inbox image is installed as its update and boots");
    /* Its first constant is the update's greeting. */
    uint32_t k = svl_const_value(&bt.image, 0) & ~(uint32_t)SVOBJ_CONST_TAG;
    const uint8_t *s = bt.image.consts + k + 8;
    tap_ok(memcmp(s, "Hello again", 11) == 0, "the booted image is the update");
    return tap_done();
}
