/* SPDX-License-Identifier: MIT
 * st_flash_model.c — the register-level model of the STM32F4 flash interface
 * (st_flash_model.h).
 */
#include <sensevm/stm32f4/st_flash_model.h>

#include <string.h>

static uint32_t span(const svm_st_model_t *m)
{
    const svm_st_sector_t *last = &m->sectors[m->nsectors - 1];
    return last->addr + last->size - m->sectors[0].addr;
}

void svm_st_model_init(svm_st_model_t *m, uint8_t *mem, const svm_st_sector_t *sectors,
                       uint32_t nsectors)
{
    memset(m, 0, sizeof *m);
    m->mem = mem;
    m->sectors = sectors;
    m->nsectors = nsectors;
    m->busy_polls = 3;
    m->cut_op = -1;
    memset(mem, 0xff, span(m));
    svm_st_model_reset(m);
}

void svm_st_model_reset(svm_st_model_t *m)
{
    m->cr = ST_CR_LOCK;
    m->sr = 0;
    m->keys_seen = m->locked_out = 0;
    m->pending = 0;
    m->busy = 0;
    m->dead = 0;
    m->cut_op = -1;
}

/* An operation starts: count it; a power cut here applies part of it and kills the chip.
 * Returns 1 when it proceeds normally. */
static int start_op(svm_st_model_t *m)
{
    if ((long)m->ops++ != m->cut_op)
        return 1;
    m->dead = 1;
    uint8_t *base = m->mem - m->sectors[0].addr;
    if (m->pending == 1 && m->cut_mode) {
        const svm_st_sector_t *s = &m->sectors[m->p_snb];
        memset(base + s->addr, 0xff, m->cut_mode == 2 ? s->size : s->size / 2);
    } else if (m->pending == 2 && m->cut_mode) {
        uint32_t v = m->cut_mode == 2 ? m->p_val : m->p_val | 0xf0f0f0f0u;
        for (unsigned i = 0; i < 4; i++)
            base[m->p_addr + i] &= (uint8_t)(v >> (8 * i));
    }
    m->pending = 0;
    return 0;
}

static void complete(svm_st_model_t *m)
{
    uint8_t *base = m->mem - m->sectors[0].addr;
    if (m->pending == 1) {
        const svm_st_sector_t *s = &m->sectors[m->p_snb];
        memset(base + s->addr, 0xff, s->size);
        m->nerase++;
    } else if (m->pending == 2) {
        for (unsigned i = 0; i < 4; i++) /* NOR: a store only clears bits */
            base[m->p_addr + i] &= (uint8_t)(m->p_val >> (8 * i));
        m->nprogram++;
    }
    m->pending = 0;
    m->sr &= ~ST_SR_BSY;
    m->cr &= ~ST_CR_STRT;
    if (m->cr & ST_CR_EOPIE)
        m->sr |= ST_SR_EOP;
}

static void begin(svm_st_model_t *m, uint8_t kind)
{
    m->pending = kind;
    if (!start_op(m))
        return;
    m->sr |= ST_SR_BSY;
    m->busy = m->busy_polls;
    if (!m->busy)
        complete(m);
}

static uint32_t reg_read(void *ctx, uint32_t off)
{
    svm_st_model_t *m = ctx;
    if (m->dead)
        return off == ST_FLASH_SR ? ST_SR_BSY : 0;
    switch (off) {
    case ST_FLASH_SR: {
        uint32_t sr = m->sr;
        if (m->pending && m->busy && --m->busy == 0)
            complete(m);
        return sr;
    }
    case ST_FLASH_CR: return m->cr | (m->locked_out ? ST_CR_LOCK : 0);
    default: return 0;
    }
}

static void reg_write(void *ctx, uint32_t off, uint32_t v)
{
    svm_st_model_t *m = ctx;
    if (m->dead)
        return;
    if (off == ST_FLASH_KEYR) {
        /* KEY1 then KEY2 while locked; anything else: bus error, locked until reset */
        if (!(m->cr & ST_CR_LOCK) || m->locked_out) {
            m->locked_out = 1;
            m->violations++;
        } else if (m->keys_seen == 0 && v == ST_FLASH_KEY1) {
            m->keys_seen = 1;
        } else if (m->keys_seen == 1 && v == ST_FLASH_KEY2) {
            m->keys_seen = 0;
            m->cr &= ~ST_CR_LOCK;
        } else {
            m->locked_out = 1;
            m->violations++;
        }
        return;
    }
    if (off == ST_FLASH_SR) {
        m->sr &= ~(v & (ST_SR_ERRORS | ST_SR_EOP));
        return;
    }
    if (off != ST_FLASH_CR)
        return;
    if ((m->cr & ST_CR_LOCK) || m->locked_out)
        return; /* LOCK set: CR is write-protected (LOCK itself can only be cleared by keys) */
    if (m->sr & ST_SR_BSY) {
        m->violations++; /* the chip stalls the bus; CR must not change mid-operation */
        return;
    }
    m->cr = v & (ST_CR_PG | ST_CR_SER | ST_CR_MER | ST_CR_SNB_MASK | ST_CR_PSIZE_MASK | ST_CR_STRT |
                 ST_CR_EOPIE | ST_CR_ERRIE | ST_CR_LOCK);
    if (!(v & ST_CR_STRT))
        return;
    uint32_t snb = (v & ST_CR_SNB_MASK) >> 3;
    if ((v & ST_CR_PG) || !(v & ST_CR_SER) || (v & ST_CR_MER) || snb >= m->nsectors) {
        m->sr |= ST_SR_PGSERR;
        m->cr &= ~ST_CR_STRT;
    } else if (m->wrp & (1u << snb)) {
        m->sr |= ST_SR_WRPERR;
        m->cr &= ~ST_CR_STRT;
    } else {
        m->p_snb = snb;
        begin(m, 1);
    }
}

static void program32(void *ctx, uint32_t addr, uint32_t v)
{
    svm_st_model_t *m = ctx;
    if (m->dead)
        return;
    if (m->sr & ST_SR_BSY) {
        m->violations++; /* the chip would stall the store until BSY clears */
        while (m->pending)
            reg_read(m, ST_FLASH_SR);
    }
    uint32_t lo = m->sectors[0].addr;
    if (addr < lo || addr - lo >= span(m))
        return;
    if ((m->cr & (ST_CR_PG | ST_CR_LOCK)) != ST_CR_PG || (m->cr & ST_CR_SER) || m->locked_out) {
        m->sr |= ST_SR_PGSERR;
        return;
    }
    if ((m->cr & ST_CR_PSIZE_MASK) != ST_CR_PSIZE_X32) {
        m->sr |= ST_SR_PGPERR;
        return;
    }
    if (addr % 4u) {
        m->sr |= ST_SR_PGAERR;
        return;
    }
    for (uint32_t s = 0; s < m->nsectors; s++)
        if (addr >= m->sectors[s].addr && addr - m->sectors[s].addr < m->sectors[s].size &&
            (m->wrp & (1u << s))) {
            m->sr |= ST_SR_WRPERR;
            return;
        }
    m->p_addr = addr;
    m->p_val = v;
    begin(m, 2);
}

static const uint8_t *map(void *ctx, uint32_t addr)
{
    svm_st_model_t *m = ctx;
    return m->mem + (addr - m->sectors[0].addr);
}

const svm_st_flash_bus_t svm_st_model_bus = {reg_read, reg_write, program32, map};
