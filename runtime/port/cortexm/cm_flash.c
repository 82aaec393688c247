/* SPDX-License-Identifier: MIT
 * cm_flash.c — NOR flash semantics over a memory-mapped region (cm_flash.h).
 */
#include <sensevm/cortexm/cm_flash.h>

#include <string.h>

#include <sensevm/hal.h>

int svm_cm_flash_erase(void *ctx, uint32_t page)
{
    svm_cm_flash_t *f = ctx;
    if (page >= f->npages)
        return SVM_HAL_ERANGE;
    memset(f->base + page * f->page_size, 0xff, f->page_size);
    f->nerase++;
    return SVM_HAL_OK;
}

int svm_cm_flash_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len)
{
    svm_cm_flash_t *f = ctx;
    uint32_t total = f->page_size * f->npages;
    if (off > total || len > total - off)
        return SVM_HAL_ERANGE;
    if (off % f->write_unit || len % f->write_unit)
        return SVM_HAL_EALIGN;
    uint8_t *p = f->base + off;
    for (uint32_t i = 0; i < len; i++)
        if (buf[i] & (uint8_t)~p[i])
            return SVM_HAL_ENOTERASED; /* would need a 0 -> 1 change: nothing written */
    for (uint32_t i = 0; i < len; i++)
        p[i] &= buf[i];
    f->nwrite++;
    return SVM_HAL_OK;
}

int svm_cm_flash_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len)
{
    svm_cm_flash_t *f = ctx;
    uint32_t total = f->page_size * f->npages;
    if (off > total || len > total - off)
        return SVM_HAL_ERANGE;
    memcpy(buf, f->base + off, len);
    return SVM_HAL_OK;
}

svl_flash_t svm_cm_flash_svl(svm_cm_flash_t *f)
{
    svl_flash_t s = {
        .ctx = f,
        .page_size = f->page_size,
        .npages = f->npages,
        .write_unit = f->write_unit,
        .flags = SVL_FLASH_REPROGRAM,
        .mapped = f->base,
        .erase = svm_cm_flash_erase,
        .write = svm_cm_flash_write,
        .read = svm_cm_flash_read,
    };
    return s;
}
