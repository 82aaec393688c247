/* SPDX-License-Identifier: MIT
 * cm_flash.h — the Cortex-M port's flash driver: NOR semantics (page erase to 0xff, writes
 * that can only clear bits, in write units) enforced in software over a memory-mapped
 * region. On QEMU's MPS2 boards the "flash" is writable SSRAM, so this driver is the flash;
 * on a real board the three functions become the flash controller's erase/program/read
 * (docs/porting.md, docs/flash.md). The functions have the HAL's flash signatures.
 */
#ifndef SVM_CM_FLASH_H
#define SVM_CM_FLASH_H

#include <stdint.h>

#include <sensevm/loader.h>

typedef struct svm_cm_flash {
    uint8_t *base;      /* the region, memory-mapped */
    uint32_t page_size; /* erase unit */
    uint32_t npages;
    uint32_t write_unit;     /* program unit */
    uint32_t nerase, nwrite; /* statistics */
} svm_cm_flash_t;

/* ctx is the svm_cm_flash_t. 0 or a negative SVM_HAL_E* code. */
int svm_cm_flash_erase(void *ctx, uint32_t page);
int svm_cm_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len);
int svm_cm_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len);

/* The installer's view of the region (memory-mapped: images execute in place). */
svl_flash_t svm_cm_flash_svl(svm_cm_flash_t *f);

#endif
