/* SPDX-License-Identifier: MIT
 * st_flash_model.h — a register-level model of the STM32F4 flash interface (RM0090 §3),
 * for testing st_flash.c without a chip: FLASH_KEYR's unlock sequence (a wrong key or a
 * key while unlocked locks the interface until reset, as the chip's bus error does),
 * FLASH_CR (LOCK, PG, SER, SNB, PSIZE, STRT; writes ignored while locked), FLASH_SR (BSY
 * for a number of polls per operation, EOP with EOPIE, the error flags and their rc_w1
 * clearing), the error cases (PGSERR: a store without PG or with SER and PG both set;
 * PGPERR: PSIZE is not x32 for a word store; PGAERR: a misaligned store; WRPERR: a
 * write-protected sector), NOR cells (a store can only clear bits, as a second program of
 * an unerased word does on the chip), and power cuts at any operation. Freestanding: the
 * caller hands in the array. Used by tests/board (host) and on QEMU, whose netduinoplus2
 * models no flash interface, for RAM-backed slots.
 */
#ifndef SVM_ST_FLASH_MODEL_H
#define SVM_ST_FLASH_MODEL_H

#include <stdint.h>

#include <sensevm/stm32f4/st_flash.h>

typedef struct svm_st_model {
    uint8_t *mem; /* the array: sectors[0].addr .. end of the last sector */
    const svm_st_sector_t *sectors;
    uint32_t nsectors;
    uint32_t wrp;        /* write-protected sectors (bit SNB) */
    uint32_t busy_polls; /* SR reads an operation stays BSY */
    /* registers and state */
    uint32_t cr, sr;
    uint8_t keys_seen, locked_out;
    uint8_t pending; /* 0 none, 1 erase, 2 program */
    uint32_t p_snb, p_addr, p_val, busy;
    /* power cuts: operation number cut_op (0-based; erases and word programs counted
     * together) is interrupted: cut_mode 0 = nothing of it happens, 1 = half of it (the
     * sector's first half erased; the word's bits under 0x0f0f0f0f programmed), 2 = all of
     * it. Then the power is off: SR reads BSY, every access is ignored until reset. */
    long cut_op;
    uint8_t cut_mode, dead;
    uint32_t ops;
    /* statistics and protocol violations the chip would punish (stores while BSY, key
     * sequence errors) */
    uint32_t nerase, nprogram, violations;
} svm_st_model_t;

/* A model over mem (the sectors' whole span, set to 0xff: a fresh chip). */
void svm_st_model_init(svm_st_model_t *m, uint8_t *mem, const svm_st_sector_t *sectors,
                       uint32_t nsectors);
/* Power-on reset: registers to their reset values (CR.LOCK set), memory kept. */
void svm_st_model_reset(svm_st_model_t *m);

/* The bus for st_flash.c (ctx = the model). */
extern const svm_st_flash_bus_t svm_st_model_bus;

#endif
