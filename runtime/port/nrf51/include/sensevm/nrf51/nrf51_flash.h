/* SPDX-License-Identifier: MIT
 * nrf51_flash.h — the nRF51 NVMC driver: 1 KB page erase, 32-bit word programming, reads
 * from the memory-mapped flash, over a window of whole pages (the board's slot area). The
 * functions have the HAL's flash signatures (hal.h) and give the installer its
 * svl_flash_t. A write that would need a 0 -> 1 bit change fails with SVM_HAL_ENOTERASED
 * before anything is programmed (the NVMC itself would silently AND the bits).
 *
 * Power-cut injection (tests): with cut_at >= 0, operation number cut_at (erases and word
 * programs counted together from 0) is the last one the "power" allows: an erase is done
 * (cut_done = 1) or not (0), a word is programmed or not; every operation after it fails
 * with SVM_HAL_EIO until the test clears `dead` (the reboot).
 */
#ifndef SVM_NRF51_FLASH_H
#define SVM_NRF51_FLASH_H

#include <stdint.h>

#include <sensevm/loader.h>

typedef struct svm_nrf51_flash {
    uint32_t base;          /* flash address of the window's first page */
    uint32_t npages;        /* 1 KB pages */
    uint32_t nerase, nword; /* statistics: page erases, words programmed */
    long ops;               /* operations since the last power-on (cut counting) */
    long cut_at;            /* -1: no cut */
    int cut_done;           /* the cut operation completes (1) or not (0) */
    int dead;               /* the power is off */
} svm_nrf51_flash_t;

/* Window of npages pages at flash address base (page aligned). */
void svm_nrf51_flash_init(svm_nrf51_flash_t *f, uint32_t base, uint32_t npages);

/* ctx is the svm_nrf51_flash_t. 0 or a negative SVM_HAL_E* code. */
int svm_nrf51_flash_erase(void *ctx, uint32_t page);
int svm_nrf51_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len);
int svm_nrf51_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len);

/* The installer's view (memory-mapped: images execute in place; programming a word twice
 * with more bits cleared is allowed on the nRF51's NOR flash: SVL_FLASH_REPROGRAM). */
svl_flash_t svm_nrf51_flash_svl(svm_nrf51_flash_t *f);

#endif
