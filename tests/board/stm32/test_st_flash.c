/* SPDX-License-Identifier: MIT
 * test_st_flash.c — the STM32F4 flash driver (runtime/port/stm32f4/st_flash.c) against the
 * register-level model of the flash interface (st_flash_model.c), on the host: the unlock
 * sequence and re-lock, sector erase over sectors of mixed sizes, word programming with
 * the x32 parallelism, BSY polling (bounded), the error flags, a write to an unerased
 * word, the installer's A/B slots over sectors 8..11, and the power-cut sweep (a cut at
 * every erase and every word program: before, in the middle of and after it).
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include <sensevm/bytecode.h>
#include <sensevm/hal.h>
#include <sensevm/loader.h>

#include "../../loader/corpus.h"
#include <sensevm/stm32f4/st_flash.h>
#include <sensevm/stm32f4/st_flash_model.h>

#define FLASH_SPAN 0x100000u
static uint8_t *mem;
static svm_st_model_t model;
static svm_st_flash_t fl;
static uint8_t work[256];

static uint8_t *at(uint32_t addr) { return mem + (addr - 0x08000000u); }

static void setup(void)
{
    mem = malloc(FLASH_SPAN);
    cr_assert(mem);
    svm_st_model_init(&model, mem, svm_st_f405_sectors, 12);
    /* the slot area: sectors 8..11 (4 x 128 KiB), as boards/netduinoplus2.board */
    cr_assert_eq(svm_st_flash_init(&fl, &svm_st_model_bus, &model, svm_st_f405_sectors, 12, 8, 4),
                 0);
    fl.max_polls = 1000;
}

static void teardown(void) { free(mem); }

TestSuite(st_flash, .init = setup, .fini = teardown);

Test(st_flash, area_must_have_one_sector_size)
{
    svm_st_flash_t f;
    cr_assert_eq(svm_st_flash_init(&f, &svm_st_model_bus, &model, svm_st_f405_sectors, 12, 3, 3),
                 SVM_HAL_EINVAL, "16K, 64K and 128K sectors in one area");
    cr_assert_eq(svm_st_flash_init(&f, &svm_st_model_bus, &model, svm_st_f405_sectors, 12, 0, 4),
                 0);
}

Test(st_flash, program_unlocks_uses_x32_and_relocks)
{
    uint8_t w[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    cr_assert(model.cr & ST_CR_LOCK, "reset state: locked");
    cr_assert_eq(svm_st_flash_program(&fl, 0x08080010u, w, 8), 0);
    cr_assert_eq(memcmp(at(0x08080010u), w, 8), 0);
    cr_assert_eq(model.nprogram, 2, "two word stores");
    cr_assert(model.cr & ST_CR_LOCK, "locked again");
    cr_assert_eq(model.violations, 0);
    cr_assert_eq(model.sr & ST_SR_ERRORS, 0);
}

Test(st_flash, erase_mixed_sector_sizes)
{
    static const uint8_t z[4] = {0, 0, 0, 0};
    /* program one word at the start and just past the end of sectors 1 (16K) and 5 (128K) */
    const uint32_t a[] = {0x08004000u, 0x08008000u, 0x08020000u, 0x08040000u};
    for (unsigned i = 0; i < 4; i++)
        cr_assert_eq(svm_st_flash_program(&fl, a[i], z, 4), 0);
    cr_assert_eq(svm_st_flash_erase_sector(&fl, 1), 0);
    cr_assert_eq(*at(0x08004000u), 0xff);
    cr_assert_eq(*at(0x08008000u), 0x00, "sector 2 untouched by sector 1's erase");
    cr_assert_eq(svm_st_flash_erase_sector(&fl, 5), 0);
    cr_assert_eq(*at(0x08020000u), 0xff);
    cr_assert_eq(*at(0x08040000u), 0x00, "sector 6 untouched by sector 5's erase");
    cr_assert_eq(model.nerase, 2);
    cr_assert(model.cr & ST_CR_LOCK);
    cr_assert_eq(svm_st_flash_erase_sector(&fl, 12), SVM_HAL_ERANGE);
}

Test(st_flash, write_to_unerased_word_is_refused_unchanged)
{
    uint8_t a[4] = {0x0f, 0xff, 0xff, 0xff}, b[4] = {0xf0, 0xff, 0xff, 0xff},
            c[4] = {0x03, 0xff, 0xff, 0xff};
    cr_assert_eq(svm_st_flash_write(&fl, 0, a, 4), 0);
    uint32_t n = model.nprogram;
    cr_assert_eq(svm_st_flash_write(&fl, 0, b, 4), SVM_HAL_ENOTERASED, "needs 0 -> 1");
    cr_assert_eq(model.nprogram, n, "nothing programmed");
    cr_assert_eq(*at(0x08080000u), 0x0f);
    cr_assert_eq(svm_st_flash_write(&fl, 0, c, 4), 0, "clearing more bits is allowed (no ECC)");
    cr_assert_eq(*at(0x08080000u), 0x03);
    cr_assert_eq(svm_st_flash_write(&fl, 2, c, 4), SVM_HAL_EALIGN);
    cr_assert_eq(svm_st_flash_write(&fl, 4u * 0x20000u - 2u, c, 4), SVM_HAL_ERANGE);
}

Test(st_flash, error_flags_fail_the_operation)
{
    static const uint8_t z[4] = {0, 0, 0, 0};
    model.wrp = 1u << 9; /* sector 9 write-protected (option bytes nWRP9 = 0) */
    cr_assert_eq(svm_st_flash_erase(&fl, 1), SVM_HAL_EIO);
    cr_assert(fl.last_sr & ST_SR_WRPERR);
    cr_assert_eq(svm_st_flash_write(&fl, 0x20000u, z, 4), SVM_HAL_EIO);
    cr_assert(fl.last_sr & ST_SR_WRPERR);
    cr_assert(model.cr & ST_CR_LOCK);
    /* the flags were cleared before the next operation: sector 8 works */
    cr_assert_eq(svm_st_flash_erase(&fl, 0), 0);
    cr_assert_eq(svm_st_flash_write(&fl, 0, z, 4), 0);
}

Test(st_flash, model_punishes_protocol_errors)
{
    /* the model itself: a store without PG, a wrong PSIZE, a wrong key */
    const svm_st_flash_bus_t *b = &svm_st_model_bus;
    b->reg_write(&model, ST_FLASH_KEYR, ST_FLASH_KEY1);
    b->reg_write(&model, ST_FLASH_KEYR, ST_FLASH_KEY2);
    cr_assert_eq(b->reg_read(&model, ST_FLASH_CR) & ST_CR_LOCK, 0, "unlocked by the keys");
    b->program32(&model, 0x08080000u, 0);
    cr_assert(model.sr & ST_SR_PGSERR, "store without PG");
    b->reg_write(&model, ST_FLASH_SR, ST_SR_ERRORS);
    b->reg_write(&model, ST_FLASH_CR, ST_CR_PG | ST_CR_PSIZE_X8);
    b->program32(&model, 0x08080000u, 0);
    cr_assert(model.sr & ST_SR_PGPERR, "word store with PSIZE x8");
    cr_assert_eq(*at(0x08080000u), 0xff, "nothing programmed");
    b->reg_write(&model, ST_FLASH_CR, ST_CR_LOCK);
    b->reg_write(&model, ST_FLASH_KEYR, 0x12345678u);
    b->reg_write(&model, ST_FLASH_KEYR, ST_FLASH_KEY1);
    b->reg_write(&model, ST_FLASH_KEYR, ST_FLASH_KEY2);
    cr_assert(b->reg_read(&model, ST_FLASH_CR) & ST_CR_LOCK, "a wrong key locks until reset");
    /* so the driver fails cleanly, and works again after a reset */
    cr_assert_eq(svm_st_flash_erase(&fl, 0), SVM_HAL_EIO);
    svm_st_model_reset(&model);
    cr_assert_eq(svm_st_flash_erase(&fl, 0), 0);
}

Test(st_flash, busy_forever_times_out)
{
    model.busy_polls = 100000; /* longer than fl.max_polls */
    cr_assert_eq(svm_st_flash_erase(&fl, 0), SVM_HAL_EIO);
    cr_assert(fl.last_sr & ST_SR_BSY);
}

static svl_slots_t pair(unsigned c) { return (svl_slots_t){{2u * c, 2u * c + 1u}, 1}; }

Test(st_flash, install_into_the_other_slot_and_boot)
{
    static corpus_img_t a, b;
    corpus_build(&a, V_BASE);
    corpus_build(&b, V_DEBUG);
    svl_flash_t f = svm_st_flash_svl(&fl);
    cr_assert_eq(f.page_size, 0x20000u);
    svl_install_info_t info;
    svl_boot_t bt;
    for (unsigned c = 0; c < 2; c++) {
        svl_slots_t sl = pair(c);
        cr_assert_eq(svl_install(&f, &sl, a.b, a.size, work, sizeof work, &info), SVL_INST_OK);
        cr_assert_eq(info.slot, 0);
        cr_assert_eq(svl_install(&f, &sl, b.b, b.size, work, sizeof work, &info), SVL_INST_OK);
        cr_assert_eq(info.slot, 1, "the update goes to the other slot");
        cr_assert_eq(svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt), SVL_INST_OK);
        cr_assert_eq(bt.slot, 1);
        cr_assert_eq(bt.data, at(0x08080000u + (2u * c + 1u) * 0x20000u) + SVL_SLOT_IMAGE_OFF,
                     "executes in place from container %u's slot B", c);
    }
    cr_assert_eq(model.violations, 0);
    cr_assert(model.cr & ST_CR_LOCK);
}

/* The power-cut sweep: install b over a with the power failing at every flash operation
 * (cut before, in the middle of, and after it), reset, and check that the old image boots
 * unless the cut came after the commit, and that the next install recovers. */
Test(st_flash, power_cut_sweep, .timeout = 120)
{
    static corpus_img_t a, b;
    corpus_build(&a, V_BASE);
    corpus_build(&b, V_DEBUG);
    svl_flash_t f = svm_st_flash_svl(&fl);
    svl_slots_t sl = pair(0);
    svl_boot_t bt;
    cr_assert_eq(svl_install(&f, &sl, a.b, a.size, work, sizeof work, NULL), SVL_INST_OK);
    uint8_t *snap = malloc(FLASH_SPAN);
    cr_assert(snap);
    memcpy(snap, mem, FLASH_SPAN);
    model.ops = 0;
    cr_assert_eq(svl_install(&f, &sl, b.b, b.size, work, sizeof work, NULL), SVL_INST_OK);
    uint32_t nops = model.ops, points = 0;
    cr_assert_gt(nops, 10);
    for (uint32_t k = 0; k < nops; k++)
        for (uint8_t mode = 0; mode < 3; mode++) {
            memcpy(mem, snap, FLASH_SPAN);
            svm_st_model_reset(&model);
            model.ops = 0;
            model.cut_op = k;
            model.cut_mode = mode;
            svl_install_info_t info;
            svl_inst_result_t r = svl_install(&f, &sl, b.b, b.size, work, sizeof work, &info);
            cr_assert_eq(r, SVL_INST_FLASH, "op %u mode %u: the install saw the cut", k, mode);
            svm_st_model_reset(&model);
            cr_assert_eq(svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt), SVL_INST_OK,
                         "op %u mode %u: something boots", k, mode);
            int is_new = memcmp(bt.image.sha256, b.b + SVIMG_OFF_SHA, 32) == 0;
            int is_old = memcmp(bt.image.sha256, a.b + SVIMG_OFF_SHA, 32) == 0;
            if (k == nops - 1 && mode == 2)
                cr_assert(is_new, "the commit completed: the new image boots");
            else if (k < nops - 1)
                cr_assert(is_old, "op %u mode %u: not committed: the old image boots", k, mode);
            else
                cr_assert(is_old || is_new);
            cr_assert_eq(svl_install(&f, &sl, b.b, b.size, work, sizeof work, NULL), SVL_INST_OK,
                         "op %u mode %u: the next install recovers", k, mode);
            points++;
        }
    cr_log_info("power-cut sweep: %u cut points over %u flash operations", points, nops);
    free(snap);
}
