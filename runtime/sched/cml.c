/* SPDX-License-Identifier: MIT
 * cml.c — contexts of a container (run queue, sleep, yield, halt), channels, the CML
 * matching engine (svm_sync), device mailboxes and inter-container sends.
 *
 * Matching: a sync first tries every offer, starting at a rotating index (fairness), and
 * commits the first ready one: a waiting partner on the channel (FIFO), a buffered device
 * event or message, an `always`, an expired `after`. Otherwise the context is linked into
 * the wait queue of every offer and gets one timer (its earliest `after`). Whoever commits
 * a blocked context later — a partner's sync, a device event, a message, the timer —
 * withdraws all its offers at once (ctx_wake), so wait queues never hold stale entries.
 */
#include <sensevm/sched.h>

#include <string.h>

#include <sensevm/sched_fast.h>

static uintptr_t align8(uintptr_t p) { return (p + 7u) & ~(uintptr_t)7u; }

size_t svm_container_mem_size(uint32_t max_contexts, uint32_t max_channels)
{
    size_t n = 8;
    n += align8(sizeof(svm_ctx_t) * max_contexts);
    n += align8(sizeof(svm_offer_t) * SVM_CFG_MAX_OFFERS * max_contexts);
    n += align8(sizeof(svm_chan_t) * max_channels);
    n += align8(sizeof(uint16_t) * max_contexts);
    n += SVM_TIMERQ_MEM(max_contexts);
    return n;
}

int svm_container_init(svm_container_t *c, const svl_manifest_t *mf, void *mem, size_t size)
{
    if (!c || !mf || !mem || mf->max_contexts == 0)
        return SVM_S_EINVAL;
    uint32_t nctx = mf->max_contexts, nch = mf->max_channels;
    size_t need = svm_container_mem_size(nctx, nch);
    if (size < need)
        return SVM_S_ENOMEM;
    memset(c, 0, sizeof *c);
    c->mf = mf;
    c->priority = mf->priority;
    c->policy = mf->policy;
    c->fuel = mf->fuel;
    c->heartbeat_ns = (uint64_t)mf->heartbeat_ms * 1000000u;
    c->maxctx = (uint16_t)nctx;
    c->maxchans = nch;
    uintptr_t p = align8((uintptr_t)mem);
    c->ctxs = (svm_ctx_t *)p;
    p += align8(sizeof(svm_ctx_t) * nctx);
    svm_offer_t *offers = (svm_offer_t *)p;
    p += align8(sizeof(svm_offer_t) * SVM_CFG_MAX_OFFERS * nctx);
    c->chans = (svm_chan_t *)p;
    p += align8(sizeof(svm_chan_t) * nch);
    c->runq = (uint16_t *)p;
    p += align8(sizeof(uint16_t) * nctx);
    int r = svm_timerq_init(&c->timers, nctx, (void *)p, SVM_TIMERQ_MEM(nctx));
    if (r)
        return r;
    for (uint32_t i = 0; i < nctx; i++) {
        memset(&c->ctxs[i], 0, sizeof c->ctxs[i]);
        c->ctxs[i].slot = (uint16_t)i;
        c->ctxs[i].offers = offers + (size_t)i * SVM_CFG_MAX_OFFERS;
    }
    for (uint32_t i = 0; i < SVIMG_MAX_XCHANS; i++)
        c->xchan[i] = -1;
    c->nx = mf->nxchans;
    svm_container_reset(c);
    return SVM_S_OK;
}

void svm_container_reset(svm_container_t *c)
{
    for (uint32_t i = 0; i < c->maxctx; i++) {
        svm_ctx_t *x = &c->ctxs[i];
        if (x->state == SVM_CS_BLOCKED)
            for (uint32_t k = 0; k < x->noffers; k++) {
                svm_offer_t *o = &x->offers[k];
                if (o->q) { /* xchan wait queues live in the scheduler and outlive us */
                    if (o->prev)
                        o->prev->next = o->next;
                    else
                        o->q->head = o->next;
                    if (o->next)
                        o->next->prev = o->prev;
                    else
                        o->q->tail = o->prev;
                    o->q = NULL;
                }
            }
        x->state = SVM_CS_FREE;
        x->noffers = 0;
        x->rot = 0;
        x->result = SVM_VAL_UNIT;
        x->ev = SVM_VAL_UNIT;
        x->pending = 0;
        svm_timerq_cancel(&c->timers, i);
    }
    for (uint32_t i = 0; i < c->maxctx; i++) /* after every offer is unlinked */
        c->ctxs[i].joiners.head = c->ctxs[i].joiners.tail = NULL;
    for (uint32_t i = 0; i < c->maxchans; i++)
        memset(&c->chans[i], 0, sizeof c->chans[i]);
    for (uint32_t i = 0; i < SVIMG_MAX_DEVICES; i++) {
        c->mbox[i].head = c->mbox[i].count = 0;
        c->mbox[i].waiters.head = c->mbox[i].waiters.tail = NULL;
    }
    c->nchans = 0;
    c->nlive = 0;
    c->next_tid = 0;
    c->cur = -1;
    c->last = -1;
    c->rq_head = c->rq_count = 0;
    c->spin = 0;
    c->spin_flag = 0;
    c->hb_flag = 0;
    c->state = SVM_K_ACTIVE;
    c->hb_deadline = c->heartbeat_ns ? (c->sched ? c->sched->now : 0) + c->heartbeat_ns : 0;
}

void svm_container_roots(svm_container_t *c, void (*visit)(svm_value_t *v, void *arg), void *arg)
{
    for (uint32_t i = 0; i < c->maxctx; i++) {
        svm_ctx_t *x = &c->ctxs[i];
        if (x->state == SVM_CS_FREE)
            continue;
        visit(&x->result, arg);
        visit(&x->ev, arg);
        if (x->state == SVM_CS_BLOCKED)
            for (uint32_t k = 0; k < x->noffers; k++)
                visit(&x->offers[k].value, arg);
    }
}

/* ---- run queue and wake-ups ---- */
static void ctx_ready(svm_container_t *c, svm_ctx_t *x) { svm_fast_ready(c, x); }

static void waitq_unlink(svm_offer_t *o)
{
    svm_waitq_t *q = o->q;
    if (!q)
        return;
    if (o->prev)
        o->prev->next = o->next;
    else
        q->head = o->next;
    if (o->next)
        o->next->prev = o->prev;
    else
        q->tail = o->prev;
    o->next = o->prev = NULL;
    o->q = NULL;
}

/* Commit blocked context x on offer `branch` with `result`: withdraw everything, ready. */
static void ctx_wake(svm_container_t *c, svm_ctx_t *x, uint16_t branch, svm_value_t result,
                     int by_timer)
{
    for (uint32_t k = 0; k < x->noffers; k++)
        waitq_unlink(&x->offers[k]);
    if (c->timers.pos[x->slot])
        svm_timerq_cancel(&c->timers, x->slot);
    x->fired = branch;
    x->result = result;
    x->woke_by_timer = (uint8_t)by_timer;
    ctx_ready(c, x);
}

void svm_fast_wake_other(svm_container_t *c, svm_ctx_t *y, uint16_t branch, svm_value_t result)
{
    ctx_wake(c, y, branch, result, 0);
}

int svm_ctx_spawn(svm_container_t *c)
{
    if (c->state != SVM_K_ACTIVE)
        return SVM_S_EINVAL;
    for (uint32_t i = 0; i < c->maxctx; i++) {
        svm_ctx_t *x = &c->ctxs[i];
        if (x->state != SVM_CS_FREE)
            continue;
        x->tid = c->next_tid++;
        x->noffers = 0;
        x->rot = 0;
        x->fired = 0;
        x->xlen = 0;
        x->result = SVM_VAL_UNIT;
        x->ev = SVM_VAL_UNIT;
        x->pending = 0;
        x->woke_by_timer = 0;
        x->joiners.head = x->joiners.tail = NULL;
        memset(&x->regs, 0, sizeof x->regs);
        c->nlive++;
        ctx_ready(c, x);
        return (int)i;
    }
    return SVM_S_ENOCTX;
}

svm_ctx_t *svm_ctx_get(svm_container_t *c, uint32_t slot)
{
    return slot < c->maxctx ? &c->ctxs[slot] : NULL;
}

void svm_ctx_yield(svm_container_t *c, svm_ctx_t *x)
{
    if (x->state == SVM_CS_RUNNING)
        ctx_ready(c, x);
}

void svm_ctx_sleep_until(svm_container_t *c, svm_ctx_t *x, uint64_t t)
{
    x->state = SVM_CS_SLEEPING;
    x->noffers = 0;
    svm_timerq_set(&c->timers, x->slot, t);
}

void svm_ctx_halt(svm_container_t *c, svm_ctx_t *x)
{
    if (x->state == SVM_CS_FREE)
        return;
    if (x->state == SVM_CS_BLOCKED)
        for (uint32_t k = 0; k < x->noffers; k++)
            waitq_unlink(&x->offers[k]);
    if (x->state == SVM_CS_RUNNABLE) { /* remove from the run queue */
        uint32_t n = c->rq_count, w = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint16_t s = c->runq[(c->rq_head + i) % c->maxctx];
            if (s != x->slot)
                c->runq[(c->rq_head + w++) % c->maxctx] = s;
        }
        c->rq_count = (uint16_t)w;
    }
    svm_timerq_cancel(&c->timers, x->slot);
    x->state = SVM_CS_FREE;
    x->noffers = 0;
    if (c->cur == (int32_t)x->slot)
        c->cur = -1;
    c->nlive--;
    while (x->joiners.head) { /* Thread.join: the waiters commit, in FIFO order */
        svm_offer_t *p = x->joiners.head;
        ctx_wake(c, &c->ctxs[p->ctx], p->branch, SVM_VAL_UNIT, 0);
    }
}

void svm_container_timer_fired(svm_container_t *c, uint32_t slot, uint64_t now)
{
    svm_ctx_t *x = &c->ctxs[slot];
    if (x->state == SVM_CS_SLEEPING) {
        x->fired = 0;
        x->result = SVM_VAL_UNIT;
        x->woke_by_timer = 1;
        ctx_ready(c, x);
    } else if (x->state == SVM_CS_BLOCKED) {
        int best = -1;
        for (uint32_t k = 0; k < x->noffers; k++) {
            const svm_offer_t *o = &x->offers[k];
            if (o->kind == SVM_OFFER_AFTER && o->deadline <= now &&
                (best < 0 || o->deadline < x->offers[best].deadline))
                best = (int)k;
        }
        if (best >= 0)
            ctx_wake(c, x, x->offers[best].branch, SVM_VAL_UNIT, 1);
    }
}

/* ---- channels and sync ---- */
int32_t svm_chan_new(svm_container_t *c)
{
    if (c->nchans >= c->maxchans)
        return SVM_S_ENOCHAN;
    svm_chan_t *ch = &c->chans[c->nchans];
    ch->senders.head = ch->senders.tail = NULL;
    ch->receivers.head = ch->receivers.tail = NULL;
    return (int32_t)c->nchans++;
}

void svm_sync_begin(svm_ctx_t *x) { x->noffers = 0; }

int svm_sync_add(svm_container_t *c, svm_ctx_t *x, uint8_t kind, uint32_t obj, svm_value_t value,
                 uint64_t deadline)
{
    if (x->noffers >= SVM_CFG_MAX_OFFERS)
        return SVM_S_ETOOMANY;
    switch (kind) {
    case SVM_OFFER_SEND:
    case SVM_OFFER_RECV:
        if (obj >= c->nchans)
            return SVM_S_EBADCHAN;
        break;
    case SVM_OFFER_DEV:
        if (obj >= c->ndev)
            return SVM_S_ENODEV;
        break;
    case SVM_OFFER_XRECV: {
        svm_sched_t *s = c->sched;
        if (obj >= c->nx || c->xchan[obj] < 0 || !s ||
            s->xchans[c->xchan[obj]].receiver != (int16_t)c->index)
            return SVM_S_EXCHAN;
        break;
    }
    case SVM_OFFER_ALWAYS:
    case SVM_OFFER_AFTER:
    case SVM_OFFER_JOIN: break;
    default: return SVM_S_EINVAL;
    }
    svm_offer_t *o = &x->offers[x->noffers];
    o->next = o->prev = NULL;
    o->q = NULL;
    o->kind = kind;
    o->obj = obj;
    o->value = value;
    o->deadline = deadline;
    o->ctx = x->slot;
    o->branch = x->noffers;
    return x->noffers++;
}

/* The live context with thread id tid, or NULL (ended, or never existed). */
static svm_ctx_t *ctx_by_tid(svm_container_t *c, uint32_t tid)
{
    for (uint32_t i = 0; i < c->maxctx; i++)
        if (c->ctxs[i].state != SVM_CS_FREE && c->ctxs[i].tid == tid)
            return &c->ctxs[i];
    return NULL;
}

static void xmsg_take(svm_xchan_t *xc, svm_ctx_t *x)
{
    const svm_xmsg_t *m = &xc->ring[xc->head];
    x->xlen = m->len;
    memcpy(x->xmsg, m->data, m->len);
    xc->head = (uint16_t)((xc->head + 1u) % xc->depth);
    xc->count--;
}

/* Try to commit offer o of x (not blocked) right now. */
static int try_commit(svm_container_t *c, svm_ctx_t *x, const svm_offer_t *o, uint64_t now)
{
    switch (o->kind) {
    case SVM_OFFER_ALWAYS: x->result = o->value; break;
    case SVM_OFFER_AFTER:
        if (o->deadline > now)
            return 0;
        x->result = SVM_VAL_UNIT;
        break;
    case SVM_OFFER_SEND: {
        svm_offer_t *p = c->chans[o->obj].receivers.head;
        if (!p)
            return 0;
        ctx_wake(c, &c->ctxs[p->ctx], p->branch, o->value, 0);
        x->result = SVM_VAL_UNIT;
        break;
    }
    case SVM_OFFER_RECV: {
        svm_offer_t *p = c->chans[o->obj].senders.head;
        if (!p)
            return 0;
        svm_value_t v = p->value;
        ctx_wake(c, &c->ctxs[p->ctx], p->branch, SVM_VAL_UNIT, 0);
        x->result = v;
        break;
    }
    case SVM_OFFER_DEV: {
        svm_mbox_t *m = &c->mbox[o->obj];
        if (!m->count)
            return 0;
        x->result = svm_int_val(m->val[m->head]);
        m->head = (uint8_t)((m->head + 1u) % SVM_CFG_MBOX_DEPTH);
        m->count--;
        break;
    }
    case SVM_OFFER_XRECV: {
        svm_xchan_t *xc = &c->sched->xchans[c->xchan[o->obj]];
        if (!xc->count)
            return 0;
        xmsg_take(xc, x);
        x->result = SVM_VAL_UNIT;
        break;
    }
    case SVM_OFFER_JOIN:
        if (ctx_by_tid(c, o->obj))
            return 0;
        x->result = SVM_VAL_UNIT;
        break;
    default: return 0;
    }
    x->fired = o->branch;
    x->woke_by_timer = 0;
    return 1;
}

int svm_sync(svm_container_t *c, svm_ctx_t *x, uint64_t now, int block)
{
    uint32_t n = x->noffers;
    if (n == 1) {
        if (try_commit(c, x, &x->offers[0], now))
            return SVM_SYNC_DONE;
    } else if (n) {
        uint32_t j = x->rot++ % n; /* the rotating start: fair choice */
        for (uint32_t i = 0; i < n; i++) {
            if (try_commit(c, x, &x->offers[j], now))
                return SVM_SYNC_DONE;
            if (++j == n)
                j = 0;
        }
    }
    if (!block)
        return SVM_SYNC_NONE;
    uint64_t earliest = UINT64_MAX;
    for (uint32_t k = 0; k < n; k++) {
        svm_offer_t *o = &x->offers[k];
        switch (o->kind) {
        case SVM_OFFER_SEND: svm_fast_waitq_push(&c->chans[o->obj].senders, o); break;
        case SVM_OFFER_RECV: svm_fast_waitq_push(&c->chans[o->obj].receivers, o); break;
        case SVM_OFFER_DEV: svm_fast_waitq_push(&c->mbox[o->obj].waiters, o); break;
        case SVM_OFFER_XRECV:
            svm_fast_waitq_push(&c->sched->xchans[c->xchan[o->obj]].waiters, o);
            break;
        case SVM_OFFER_JOIN: { /* live (else try_commit fired); joining oneself blocks
                                * forever, as in OCaml */
            svm_ctx_t *t = ctx_by_tid(c, o->obj);
            if (t)
                svm_fast_waitq_push(&t->joiners, o);
            break;
        }
        case SVM_OFFER_AFTER:
            if (o->deadline < earliest)
                earliest = o->deadline;
            break;
        default: break;
        }
    }
    if (earliest != UINT64_MAX)
        svm_timerq_set(&c->timers, x->slot, earliest);
    x->state = SVM_CS_BLOCKED;
    return SVM_SYNC_BLOCKED;
}

int svm_sync_chan(svm_container_t *c, svm_ctx_t *x, uint8_t kind, uint32_t chan, svm_value_t v)
{
    if (kind != SVM_OFFER_SEND && kind != SVM_OFFER_RECV)
        return chan >= c->nchans ? SVM_S_EBADCHAN : SVM_S_EINVAL;
    int r = svm_fast_sync_chan(c, x, kind == SVM_OFFER_SEND, chan, v, &x->result);
    if (r == SVM_SYNC_DONE) {
        x->noffers = 1;
        x->offers[0].kind = kind;
        x->fired = 0;
        x->woke_by_timer = 0;
    }
    return r;
}

/* ---- container state ---- */
int svm_container_runnable(const svm_container_t *c)
{
    return c->state == SVM_K_ACTIVE && (c->cur >= 0 || c->rq_count > 0);
}

int svm_container_idle_kind(const svm_container_t *c)
{
    if (c->state != SVM_K_ACTIVE || c->nlive == 0)
        return SVM_IDLE_FINISHED;
    if (svm_container_runnable(c))
        return SVM_IDLE_RUNNABLE;
    if (c->timers.n)
        return SVM_IDLE_TIMED;
    for (uint32_t i = 0; i < c->maxctx; i++) {
        const svm_ctx_t *x = &c->ctxs[i];
        if (x->state != SVM_CS_BLOCKED)
            continue;
        for (uint32_t k = 0; k < x->noffers; k++)
            if (x->offers[k].kind == SVM_OFFER_DEV || x->offers[k].kind == SVM_OFFER_XRECV)
                return SVM_IDLE_EXTERNAL;
    }
    return SVM_IDLE_DEADLOCK;
}

void svm_container_dev_event(svm_container_t *c, uint32_t local, int32_t value)
{
    if (local >= c->ndev || c->state != SVM_K_ACTIVE)
        return;
    svm_mbox_t *m = &c->mbox[local];
    if (m->waiters.head) {
        svm_offer_t *p = m->waiters.head;
        ctx_wake(c, &c->ctxs[p->ctx], p->branch, svm_int_val(value), 0);
        return;
    }
    if (m->count == SVM_CFG_MBOX_DEPTH) { /* keep the newest: drop the oldest, counted */
        m->head = (uint8_t)((m->head + 1u) % SVM_CFG_MBOX_DEPTH);
        m->count--;
        m->overflow++;
        c->stats.dev_overflow++;
    }
    m->val[(m->head + m->count) % SVM_CFG_MBOX_DEPTH] = value;
    m->count++;
}

int svm_container_dev_index(const svm_container_t *c, const char *name)
{
    for (uint32_t i = 0; i < c->ndev && c->mf; i++)
        if (strncmp(c->mf->devices[i], name, SVIMG_NAME_MAX) == 0)
            return (int)i;
    return -1;
}

void svm_container_progress(svm_container_t *c, uint64_t now)
{
    c->hb_flag = 0;
    if (c->heartbeat_ns)
        c->hb_deadline = now + c->heartbeat_ns;
}

/* ---- inter-container channels ---- */
int svm_xchan_send(svm_container_t *c, uint32_t local, const uint8_t *data, uint32_t len)
{
    svm_sched_t *s = c->sched;
    if (!s || local >= c->nx || c->xchan[local] < 0 ||
        s->xchans[c->xchan[local]].sender != (int16_t)c->index)
        return SVM_S_EXCHAN;
    if (len > SVM_XMSG_MAX)
        return SVM_S_ETOOBIG;
    svm_xchan_t *xc = &s->xchans[c->xchan[local]];
    svm_container_t *rc = s->cont[xc->receiver];
    if (rc->state != SVM_K_ACTIVE) { /* nobody will ever read it */
        xc->dropped++;
        c->stats.xdropped++;
        return 0;
    }
    if (xc->waiters.head) { /* a receiver context is waiting: copy straight into it */
        svm_offer_t *p = xc->waiters.head;
        svm_ctx_t *y = &rc->ctxs[p->ctx];
        y->xlen = (uint16_t)len;
        if (len)
            memcpy(y->xmsg, data, len);
        ctx_wake(rc, y, p->branch, SVM_VAL_UNIT, 0);
    } else {
        if (xc->count == xc->depth) {
            if (xc->policy != SVMF_XPOLICY_OVERWRITE) {
                xc->dropped++;
                c->stats.xdropped++;
                return 0;
            }
            xc->head = (uint16_t)((xc->head + 1u) % xc->depth); /* overwrite the oldest */
            xc->count--;
            xc->overwritten++;
        }
        svm_xmsg_t *m = &xc->ring[(xc->head + xc->count) % xc->depth];
        m->len = (uint16_t)len;
        if (len)
            memcpy(m->data, data, len);
        xc->count++;
    }
    xc->sent++;
    c->stats.xsent++;
    return 1;
}
