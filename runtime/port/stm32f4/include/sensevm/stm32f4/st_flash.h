/* SPDX-License-Identifier: MIT
 * st_flash.h — the STM32F4 embedded flash interface (RM0090 §3: FLASH_KEYR, FLASH_SR,
 * FLASH_CR): unlock with the two keys, sector erase (SER/SNB/STRT), programming in 32-bit
 * words (PG, PSIZE = x32: the parallelism for a 2.7-3.6 V supply without VPP), BSY
 * polling with a bound, the error flags (WRPERR, PGAERR, PGPERR, PGSERR, OPERR), re-lock.
 * Sectors have mixed sizes (16, 64, 128 KiB): the driver takes a sector table.
 *
 * The registers are reached through `svm_st_flash_bus_t`: NULL means the chip's own
 * (memory-mapped at 0x40023c00, the flash array at its address); the register-level model
 * (st_flash_model.h) supplies one for host tests, and on QEMU (which models no flash
 * interface) for RAM-backed slots.
 *
 * Contract (hal.h's flash entries): erase sets a sector to 0xff; a write only clears bits
 * (a word that would need a 0 -> 1 change fails with SVM_HAL_ENOTERASED before anything is
 * programmed); the interface is locked again when every function returns.
 */
#ifndef SVM_ST_FLASH_H
#define SVM_ST_FLASH_H

#include <stdint.h>

#include <sensevm/loader.h>

/* Register offsets from FLASH_R_BASE and bits (RM0090 §3.9). */
#define ST_FLASH_R_BASE 0x40023c00u
#define ST_FLASH_ACR 0x00u
#define ST_FLASH_KEYR 0x04u
#define ST_FLASH_SR 0x0cu
#define ST_FLASH_CR 0x10u
#define ST_FLASH_KEY1 0x45670123u
#define ST_FLASH_KEY2 0xcdef89abu
#define ST_SR_EOP (1u << 0)
#define ST_SR_OPERR (1u << 1)
#define ST_SR_WRPERR (1u << 4)
#define ST_SR_PGAERR (1u << 5)
#define ST_SR_PGPERR (1u << 6)
#define ST_SR_PGSERR (1u << 7)
#define ST_SR_BSY (1u << 16)
#define ST_SR_ERRORS (ST_SR_OPERR | ST_SR_WRPERR | ST_SR_PGAERR | ST_SR_PGPERR | ST_SR_PGSERR)
#define ST_CR_PG (1u << 0)
#define ST_CR_SER (1u << 1)
#define ST_CR_MER (1u << 2)
#define ST_CR_SNB(n) ((uint32_t)(n) << 3)
#define ST_CR_SNB_MASK (0xfu << 3)
#define ST_CR_PSIZE_X8 (0u << 8)
#define ST_CR_PSIZE_X16 (1u << 8)
#define ST_CR_PSIZE_X32 (2u << 8)
#define ST_CR_PSIZE_X64 (3u << 8)
#define ST_CR_PSIZE_MASK (3u << 8)
#define ST_CR_STRT (1u << 16)
#define ST_CR_EOPIE (1u << 24)
#define ST_CR_ERRIE (1u << 25)
#define ST_CR_LOCK (1u << 31)

/* A sector: address and size. The STM32F405/407's 1 MiB: svm_st_f405_sectors. */
typedef struct svm_st_sector {
    uint32_t addr, size;
} svm_st_sector_t;
extern const svm_st_sector_t svm_st_f405_sectors[12];

typedef struct svm_st_flash_bus {
    uint32_t (*reg_read)(void *ctx, uint32_t off);
    void (*reg_write)(void *ctx, uint32_t off, uint32_t v);
    void (*program32)(void *ctx, uint32_t addr, uint32_t v); /* a word store into flash */
    const uint8_t *(*map)(void *ctx, uint32_t addr);         /* readable view of addr */
} svm_st_flash_bus_t;

typedef struct svm_st_flash {
    const svm_st_flash_bus_t *bus; /* NULL: the chip */
    void *ctx;
    const svm_st_sector_t *sectors; /* the chip's sector table, SNB = index */
    uint32_t nsectors;
    uint32_t first, count;     /* the area: sectors first .. first+count-1, equal sizes */
    uint32_t max_polls;        /* BSY polls before an operation counts as failed */
    uint32_t last_sr;          /* FLASH_SR after the last failed operation (diagnosis) */
    uint32_t nerase, nprogram; /* statistics: sectors erased, words programmed */
} svm_st_flash_t;

/* Set f up over sectors first..first+count-1 of `sectors` (which must have one size).
 * bus NULL = the chip. Returns 0 or SVM_HAL_EINVAL. */
int svm_st_flash_init(svm_st_flash_t *f, const svm_st_flash_bus_t *bus, void *ctx,
                      const svm_st_sector_t *sectors, uint32_t nsectors, uint32_t first,
                      uint32_t count);

/* Erase chip sector snb (any size). 0 or SVM_HAL_EIO (error flag or BSY timeout: last_sr),
 * SVM_HAL_ERANGE. */
int svm_st_flash_erase_sector(svm_st_flash_t *f, uint32_t snb);
/* Program len bytes at chip address addr (4-aligned, len a multiple of 4). */
int svm_st_flash_program(svm_st_flash_t *f, uint32_t addr, const uint8_t *buf, uint32_t len);

/* hal.h / svl_flash_t entries over the area (page = one sector of the area); ctx = f. */
int svm_st_flash_erase(void *ctx, uint32_t page);
int svm_st_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len);
int svm_st_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len);
/* The installer's view of the area (memory-mapped: images execute in place). */
svl_flash_t svm_st_flash_svl(svm_st_flash_t *f);

#endif
