/* SPDX-License-Identifier: MIT
 * nrf51_flash.c — the NVMC driver of nrf51_flash.h (nRF51 RM §6: CONFIG selects write or
 * erase enable; ERASEPAGE erases the page at the written address; a 32-bit store into
 * flash programs a word; READY = 1 when the controller is idle; the CPU stalls on flash
 * reads while it is busy, so the waits below end at once on a real chip too).
 */
#include <sensevm/nrf51/nrf51_flash.h>

#include <string.h>

#include <sensevm/hal.h>

#include "nrf51_regs.h"

/* Bounded wait for NVMC READY: a program takes ~50 us and a page erase ~23 ms at most
 * (PS §8.22); the bound keeps a broken controller from hanging the firmware. */
static int nvmc_wait(void)
{
    for (uint32_t i = 0; i < 4000000u; i++)
        if (NRF_REG(NRF_NVMC, NVMC_READY) & 1u)
            return 0;
    return SVM_HAL_EIO;
}

static int nvmc_config(uint32_t mode)
{
    NRF_REG(NRF_NVMC, NVMC_CONFIG) = mode;
    __asm volatile("dsb" ::: "memory");
    return nvmc_wait();
}

void svm_nrf51_flash_init(svm_nrf51_flash_t *f, uint32_t base, uint32_t npages)
{
    memset(f, 0, sizeof *f);
    f->base = base;
    f->npages = npages;
    f->cut_at = -1;
}

/* 1: the operation may run (counted); 0: the power is off (nothing happens). */
static int powered(svm_nrf51_flash_t *f)
{
    if (f->dead)
        return 0;
    long n = f->ops++;
    if (f->cut_at >= 0 && n == f->cut_at) {
        f->dead = 1;
        return f->cut_done;
    }
    return 1;
}

int svm_nrf51_flash_erase(void *ctx, uint32_t page)
{
    svm_nrf51_flash_t *f = ctx;
    if (page >= f->npages)
        return SVM_HAL_ERANGE;
    if (!powered(f))
        return SVM_HAL_EIO;
    int rc = nvmc_config(NVMC_CONFIG_EEN);
    if (rc == 0) {
        NRF_REG(NRF_NVMC, NVMC_ERASEPAGE) = f->base + page * NRF51_PAGE_SIZE;
        rc = nvmc_wait();
    }
    int rc2 = nvmc_config(NVMC_CONFIG_REN);
    f->nerase++;
    if (rc == 0 && f->dead)
        rc = SVM_HAL_EIO; /* it happened, but the power failed right after */
    return rc ? rc : rc2;
}

static uint32_t load_le32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

int svm_nrf51_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len)
{
    svm_nrf51_flash_t *f = ctx;
    uint32_t total = f->npages * NRF51_PAGE_SIZE;
    if (off > total || len > total - off)
        return SVM_HAL_ERANGE;
    if (off % 4u || len % 4u)
        return SVM_HAL_EALIGN;
    volatile uint32_t *dst = (volatile uint32_t *)(uintptr_t)(f->base + off);
    /* buf may be unaligned (no unaligned loads on v6-M): assemble each word bytewise */
    for (uint32_t i = 0; i < len / 4u; i++)
        if (load_le32(buf + 4u * i) & ~dst[i])
            return SVM_HAL_ENOTERASED; /* would need a 0 -> 1 change: nothing written */
    int rc = nvmc_config(NVMC_CONFIG_WEN);
    for (uint32_t i = 0; rc == 0 && i < len / 4u; i++) {
        uint32_t w = load_le32(buf + 4u * i);
        if (w == 0xffffffffu)
            continue; /* programming all ones changes nothing: save the cycle */
        if (!powered(f)) {
            rc = SVM_HAL_EIO;
            break;
        }
        dst[i] = w;
        f->nword++;
        rc = nvmc_wait();
        if (rc == 0 && f->dead)
            rc = SVM_HAL_EIO;
    }
    int rc2 = nvmc_config(NVMC_CONFIG_REN);
    return rc ? rc : rc2;
}

int svm_nrf51_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len)
{
    svm_nrf51_flash_t *f = ctx;
    uint32_t total = f->npages * NRF51_PAGE_SIZE;
    if (off > total || len > total - off)
        return SVM_HAL_ERANGE;
    if (f->dead)
        return SVM_HAL_EIO;
    memcpy(buf, (const uint8_t *)(uintptr_t)(f->base + off), len);
    return SVM_HAL_OK;
}

svl_flash_t svm_nrf51_flash_svl(svm_nrf51_flash_t *f)
{
    svl_flash_t s = {
        .ctx = f,
        .page_size = NRF51_PAGE_SIZE,
        .npages = f->npages,
        .write_unit = 4u,
        .flags = SVL_FLASH_REPROGRAM,
        .mapped = (const uint8_t *)(uintptr_t)f->base,
        .erase = svm_nrf51_flash_erase,
        .write = svm_nrf51_flash_write,
        .read = svm_nrf51_flash_read,
    };
    return s;
}
