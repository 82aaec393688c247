/* SPDX-License-Identifier: MIT
 * mb_powercut.c — the power-cut sweep on QEMU's NVMC itself: container 0's slot A holds a
 * committed image; a new one is installed with the power failing at every flash operation
 * the install makes (each page erase and each 32-bit word program, counted by the driver's
 * injector, nrf51_flash.h), both just before the operation and just after it. After each
 * cut the device "reboots" (power back, boot selection from flash only) and must boot the
 * old image while the new one is uncommitted and the new one once its commit record is
 * written — never nothing, never a half-written image — and the next install must succeed.
 */
#include <stdio.h>
#include <string.h>

#include "../../target/tap.h"
#include "mb_images.h"
#include <sensevm/nrf51/svm_nrf51_fw.h>

static svm_nrf51_t port;
static uint8_t work[256];

/* 0 nothing, 1 old, 2 new, 3 something else */
static int boots(const svl_flash_t *f, const svl_slots_t *sl)
{
    svl_boot_t bt;
    if (svl_boot_select(f, sl, NULL, 0, work, sizeof work, &bt) != SVL_INST_OK)
        return 0;
    if (bt.size == mb_hello_svm_size && memcmp(bt.data, mb_hello_svm, bt.size) == 0)
        return 1;
    if (bt.size == mb_update_svm_size && memcmp(bt.data, mb_update_svm, bt.size) == 0)
        return 2;
    return 3;
}

/* Slot pair erased, the old image installed and committed, the injector reset. */
static int setup(svm_nrf51_flash_t *fl, const svl_flash_t *f, const svl_slots_t *sl)
{
    fl->dead = 0;
    fl->cut_at = -1;
    for (uint32_t p = 0; p < 2 * sl->npages; p++)
        f->erase(f->ctx, sl->first_page[0] + p);
    if (svl_install(f, sl, mb_hello_svm, mb_hello_svm_size, work, sizeof work, NULL) != SVL_INST_OK)
        return -1;
    fl->ops = 0;
    return 0;
}

int main(void)
{
    char msg[200];
    svm_nrf51_init(&port);
    svm_nrf51_flash_t *fl = &port.flash;
    svl_flash_t f = svm_nrf51_flash_svl(fl);
    svl_slots_t sl = svm_nrf51_slots(0);
    tap_plan(3);

    /* the dry run: how many operations the install makes */
    int ok = setup(fl, &f, &sl) == 0 &&
             svl_install(&f, &sl, mb_update_svm, mb_update_svm_size, work, sizeof work, NULL) ==
                 SVL_INST_OK &&
             boots(&f, &sl) == 2;
    long nops = fl->ops;
    snprintf(msg, sizeof msg,
             "the install of the new image makes %ld flash operations "
             "(page erases + word programs) and boots it",
             nops);
    tap_ok(ok && nops > 2, msg);

    unsigned points = 0, old_seen = 0, new_seen = 0;
    long bad_at = -1;
    int bad_kind = 0;
    for (long cut = 0; cut < nops && bad_at < 0; cut++)
        for (int done = 0; done <= 1 && bad_at < 0; done++) {
            if (setup(fl, &f, &sl) != 0) {
                bad_at = cut;
                bad_kind = -1;
                break;
            }
            fl->cut_at = cut;
            fl->cut_done = done;
            svl_inst_result_t r =
                svl_install(&f, &sl, mb_update_svm, mb_update_svm_size, work, sizeof work, NULL);
            /* reboot: power back, choose from flash alone */
            fl->dead = 0;
            fl->cut_at = -1;
            int b = boots(&f, &sl);
            /* the commit record is the install's last operation */
            int committed = cut < nops - 1 ? 0 : done;
            int want = committed ? 2 : 1;
            points++;
            old_seen += b == 1;
            new_seen += b == 2;
            if (r == SVL_INST_OK || b != want) {
                bad_at = cut;
                bad_kind = b;
                break;
            }
            if (svl_install(&f, &sl, mb_update_svm, mb_update_svm_size, work, sizeof work, NULL) !=
                    SVL_INST_OK ||
                boots(&f, &sl) != 2) {
                bad_at = cut;
                bad_kind = 4;
            }
        }
    snprintf(msg, sizeof msg,
             "%u cut points (before and after each operation): the old image booted %u times, "
             "the new one %u times%s",
             points, old_seen, new_seen, bad_at < 0 ? "" : " - FAILED");
    if (bad_at >= 0)
        printf("# first failure at operation %ld: booted %d (0 nothing, 1 old, 2 new, 3 other, "
               "4 the next install failed, -1 setup)\n",
               bad_at, bad_kind);
    tap_ok(bad_at < 0 && points == 2u * (unsigned)nops, msg);
    tap_ok(new_seen == 1 && old_seen == points - 1,
           "only a cut after the commit record's write boots the new image");
    return tap_done();
}
