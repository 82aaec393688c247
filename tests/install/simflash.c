/* SPDX-License-Identifier: MIT
 * simflash.c — the simulated NOR flash of simflash.h.
 */
#include "simflash.h"

#include <stdlib.h>
#include <string.h>

void sim_init(simflash_t *s, uint32_t page_size, uint32_t npages, uint32_t write_unit)
{
    memset(s, 0, sizeof *s);
    s->page_size = page_size;
    s->npages = npages;
    s->write_unit = write_unit;
    s->mem = malloc((size_t)page_size * npages);
    memset(s->mem, 0xff, (size_t)page_size * npages);
    s->cut_op = -1;
    s->stuck_off = -1;
    s->flip_off = -1;
    s->fail_off = -1;
}

void sim_free(simflash_t *s)
{
    free(s->mem);
    s->mem = NULL;
}

void sim_reboot(simflash_t *s)
{
    s->dead = 0;
    s->cut_op = -1;
}

static uint8_t garbage(simflash_t *s)
{
    s->rng = s->rng * 1103515245u + 12345u;
    return (uint8_t)(s->rng >> 16);
}

/* Is this op the one the power fails in? Returns the byte it stops at, or -1. */
static long cut_here(simflash_t *s)
{
    if (s->trace && s->ntrace < 1024) {
        s->trace_kind[s->ntrace] = (uint8_t)s->last_kind;
        s->trace_len[s->ntrace++] = s->last_len;
    }
    long op = (long)s->ops++;
    return op == s->cut_op ? (long)s->cut_byte : -1;
}

static int sim_erase(void *ctx, uint32_t page)
{
    simflash_t *s = ctx;
    if (s->dead)
        return SIM_EPOWER;
    if (page >= s->npages)
        return SIM_ERANGE;
    s->nerase++;
    s->last_kind = 1;
    s->last_len = s->page_size;
    uint8_t *p = s->mem + (size_t)page * s->page_size;
    long cut = cut_here(s);
    if (cut < 0) {
        memset(p, 0xff, s->page_size);
        return 0;
    }
    if (s->cut_garbage && (uint32_t)cut < s->page_size) {
        for (uint32_t i = 0; i < s->page_size; i++)
            p[i] = garbage(s);
        s->dead = 1;
        return SIM_EPOWER;
    }
    /* Interrupted: the erase got as far as byte cut (bits only move towards 1). */
    uint32_t n = (uint32_t)cut < s->page_size ? (uint32_t)cut : s->page_size;
    memset(p, 0xff, n);
    if (n < s->page_size)
        p[n] |= s->cut_mask;
    s->dead = 1;
    return SIM_EPOWER;
}

static int sim_write(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len)
{
    simflash_t *s = ctx;
    if (s->dead)
        return SIM_EPOWER;
    uint64_t total = (uint64_t)s->page_size * s->npages;
    if ((uint64_t)off + len > total)
        return SIM_ERANGE;
    if (off % s->write_unit || len % s->write_unit)
        return SIM_EALIGN;
    for (uint32_t i = 0; i < len; i++)
        if (buf[i] & ~s->mem[off + i])
            return SIM_ENOTERASED; /* NOR: a 0 cannot be written back to 1 */
    s->nwrite++;
    s->last_kind = 2;
    s->last_len = len;
    long cut = cut_here(s);
    uint32_t n = cut < 0 || (uint32_t)cut > len ? len : (uint32_t)cut;
    if (cut >= 0 && n < len && s->cut_garbage)
        n -= n % s->write_unit; /* the whole unit holding the cut byte is undefined */
    for (uint32_t i = 0; i < n; i++) {
        uint8_t v = buf[i];
        if (s->stuck_off == (long)(off + i))
            v |= s->stuck_mask;
        s->mem[off + i] &= v;
    }
    if (cut < 0)
        return 0;
    if (n < len && s->cut_garbage)
        for (uint32_t i = n; i < n + s->write_unit; i++)
            s->mem[off + i] = garbage(s);
    else if (n < len) /* a partly programmed byte: only the bits of cut_mask were cleared */
        s->mem[off + n] &= (uint8_t)(buf[n] | (uint8_t)~s->cut_mask);
    s->dead = 1;
    return SIM_EPOWER;
}

static int sim_read(void *ctx, uint32_t off, uint8_t *buf, uint32_t len)
{
    simflash_t *s = ctx;
    if (s->dead)
        return SIM_EPOWER;
    if ((uint64_t)off + len > (uint64_t)s->page_size * s->npages)
        return SIM_ERANGE;
    if (s->fail_off >= (long)off && s->fail_off < (long)off + (long)len)
        return SIM_EIO;
    s->nread++;
    memcpy(buf, s->mem + off, len);
    if (s->flip_off >= (long)off && s->flip_off < (long)off + (long)len)
        buf[s->flip_off - (long)off] ^= s->flip_mask;
    return 0;
}

svl_flash_t sim_flash(simflash_t *s, int mapped, uint32_t flags)
{
    svl_flash_t f = {
        .ctx = s,
        .page_size = s->page_size,
        .npages = s->npages,
        .write_unit = s->write_unit,
        .flags = flags,
        .mapped = mapped ? s->mem : NULL,
        .erase = sim_erase,
        .write = sim_write,
        .read = sim_read,
    };
    return f;
}
