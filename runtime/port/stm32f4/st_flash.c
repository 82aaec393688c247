/* SPDX-License-Identifier: MIT
 * st_flash.c — the STM32F4 flash interface driver (st_flash.h), from RM0090 §3.5-3.6:
 *   unlock:  if CR.LOCK, write KEY1 then KEY2 to KEYR (a wrong sequence locks the
 *            interface until reset: the driver writes the keys only when CR.LOCK reads 1)
 *   erase:   BSY clear; clear the error flags; CR = SER | SNB | PSIZE; CR |= STRT; wait for
 *            BSY to clear; check the flags; clear SER
 *   program: BSY clear; CR = PG | PSIZE(x32); one 32-bit store per word, each followed by
 *            waiting for BSY; check the flags; clear PG
 *   lock:    CR |= LOCK after every operation.
 * Every wait is bounded (max_polls): a flash interface that never finishes (or is not
 * there, as on QEMU) gives SVM_HAL_EIO, never a hang.
 */
#include <sensevm/stm32f4/st_flash.h>

#include <string.h>

#include <sensevm/hal.h>

#define K16 0x4000u
#define K64 0x10000u
#define K128 0x20000u
const svm_st_sector_t svm_st_f405_sectors[12] = {
    {0x08000000u, K16},  {0x08004000u, K16},  {0x08008000u, K16},  {0x0800c000u, K16},
    {0x08010000u, K64},  {0x08020000u, K128}, {0x08040000u, K128}, {0x08060000u, K128},
    {0x08080000u, K128}, {0x080a0000u, K128}, {0x080c0000u, K128}, {0x080e0000u, K128},
};

#define MMIO(a) (*(volatile uint32_t *)(uintptr_t)(a))

static uint32_t rd(svm_st_flash_t *f, uint32_t off)
{
    return f->bus ? f->bus->reg_read(f->ctx, off) : MMIO(ST_FLASH_R_BASE + off);
}

static void wr(svm_st_flash_t *f, uint32_t off, uint32_t v)
{
    if (f->bus)
        f->bus->reg_write(f->ctx, off, v);
    else
        MMIO(ST_FLASH_R_BASE + off) = v;
}

static const uint8_t *map(svm_st_flash_t *f, uint32_t addr)
{
    return f->bus ? f->bus->map(f->ctx, addr) : (const uint8_t *)(uintptr_t)addr;
}

/* Wait for BSY to clear; then the error flags decide. */
static int wait_done(svm_st_flash_t *f)
{
    uint32_t sr = 0;
    for (uint32_t n = 0; n < f->max_polls; n++) {
        sr = rd(f, ST_FLASH_SR);
        if (!(sr & ST_SR_BSY)) {
            if (sr & ST_SR_ERRORS)
                break;
            return SVM_HAL_OK;
        }
    }
    f->last_sr = sr;
    return SVM_HAL_EIO;
}

static int unlock(svm_st_flash_t *f)
{
    if (rd(f, ST_FLASH_CR) & ST_CR_LOCK) {
        wr(f, ST_FLASH_KEYR, ST_FLASH_KEY1);
        wr(f, ST_FLASH_KEYR, ST_FLASH_KEY2);
    }
    if (rd(f, ST_FLASH_CR) & ST_CR_LOCK) {
        f->last_sr = rd(f, ST_FLASH_SR);
        return SVM_HAL_EIO;
    }
    if (wait_done(f) != SVM_HAL_OK && (f->last_sr & ST_SR_BSY))
        return SVM_HAL_EIO;
    wr(f, ST_FLASH_SR, ST_SR_ERRORS | ST_SR_EOP); /* rc_w1: clear what an earlier op left */
    return SVM_HAL_OK;
}

static void lock(svm_st_flash_t *f) { wr(f, ST_FLASH_CR, ST_CR_LOCK); }

int svm_st_flash_init(svm_st_flash_t *f, const svm_st_flash_bus_t *bus, void *ctx,
                      const svm_st_sector_t *sectors, uint32_t nsectors, uint32_t first,
                      uint32_t count)
{
    memset(f, 0, sizeof *f);
    if (!sectors || count == 0 || first >= nsectors || count > nsectors - first || nsectors > 16)
        return SVM_HAL_EINVAL;
    for (uint32_t i = 1; i < count; i++)
        if (sectors[first + i].size != sectors[first].size ||
            sectors[first + i].addr != sectors[first + i - 1].addr + sectors[first].size)
            return SVM_HAL_EINVAL;
    f->bus = bus;
    f->ctx = ctx;
    f->sectors = sectors;
    f->nsectors = nsectors;
    f->first = first;
    f->count = count;
    f->max_polls = 4000000u; /* a 128 KiB sector takes 1-2 s (RM0090 tERASE128KB, x32) */
    return SVM_HAL_OK;
}

int svm_st_flash_erase_sector(svm_st_flash_t *f, uint32_t snb)
{
    if (snb >= f->nsectors)
        return SVM_HAL_ERANGE;
    int rc = unlock(f);
    if (rc == SVM_HAL_OK) {
        wr(f, ST_FLASH_CR, ST_CR_SER | ST_CR_SNB(snb) | ST_CR_PSIZE_X32);
        wr(f, ST_FLASH_CR, ST_CR_SER | ST_CR_SNB(snb) | ST_CR_PSIZE_X32 | ST_CR_STRT);
        rc = wait_done(f);
        wr(f, ST_FLASH_CR, 0);
        f->nerase += rc == SVM_HAL_OK;
    }
    lock(f);
    return rc;
}

int svm_st_flash_program(svm_st_flash_t *f, uint32_t addr, const uint8_t *buf, uint32_t len)
{
    if (addr % 4u || len % 4u)
        return SVM_HAL_EALIGN;
    const svm_st_sector_t *lo = &f->sectors[0], *hi = &f->sectors[f->nsectors - 1];
    if (addr < lo->addr || addr > hi->addr + hi->size || len > hi->addr + hi->size - addr)
        return SVM_HAL_ERANGE;
    /* NOR: only 1 -> 0. Refuse before programming anything. */
    const uint8_t *cur = map(f, addr);
    for (uint32_t i = 0; i < len; i++)
        if (buf[i] & (uint8_t)~cur[i])
            return SVM_HAL_ENOTERASED;
    int rc = unlock(f);
    if (rc == SVM_HAL_OK) {
        wr(f, ST_FLASH_CR, ST_CR_PG | ST_CR_PSIZE_X32);
        for (uint32_t i = 0; i < len && rc == SVM_HAL_OK; i += 4) {
            uint32_t w = (uint32_t)buf[i] | (uint32_t)buf[i + 1] << 8 | (uint32_t)buf[i + 2] << 16 |
                         (uint32_t)buf[i + 3] << 24;
            if (f->bus)
                f->bus->program32(f->ctx, addr + i, w);
            else
                MMIO(addr + i) = w;
            rc = wait_done(f);
            f->nprogram += rc == SVM_HAL_OK;
        }
        wr(f, ST_FLASH_CR, 0);
    }
    lock(f);
    /* read back: a store the interface ignored (not unlocked, a flash that is ROM) */
    if (rc == SVM_HAL_OK && memcmp(map(f, addr), buf, len) != 0)
        rc = SVM_HAL_EIO;
    return rc;
}

static uint32_t area_base(const svm_st_flash_t *f) { return f->sectors[f->first].addr; }
static uint32_t area_size(const svm_st_flash_t *f) { return f->sectors[f->first].size * f->count; }

int svm_st_flash_erase(void *ctx, uint32_t page)
{
    svm_st_flash_t *f = ctx;
    if (page >= f->count)
        return SVM_HAL_ERANGE;
    return svm_st_flash_erase_sector(f, f->first + page);
}

int svm_st_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len)
{
    svm_st_flash_t *f = ctx;
    if (off > area_size(f) || len > area_size(f) - off)
        return SVM_HAL_ERANGE;
    return svm_st_flash_program(f, area_base(f) + off, buf, len);
}

int svm_st_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len)
{
    svm_st_flash_t *f = ctx;
    if (off > area_size(f) || len > area_size(f) - off)
        return SVM_HAL_ERANGE;
    memcpy(buf, map(f, area_base(f) + off), len);
    return SVM_HAL_OK;
}

svl_flash_t svm_st_flash_svl(svm_st_flash_t *f)
{
    svl_flash_t s = {
        .ctx = f,
        .page_size = f->sectors[f->first].size,
        .npages = f->count,
        .write_unit = 4,
        .flags = SVL_FLASH_REPROGRAM, /* no ECC on the F405/407: a word may be re-programmed */
        .mapped = map(f, area_base(f)),
        .erase = svm_st_flash_erase,
        .write = svm_st_flash_write,
        .read = svm_st_flash_read,
    };
    return s;
}
