/* SPDX-License-Identifier: MIT
 * sched.c — the container scheduler: container table and device ownership, inter-container
 * channel linking, the priority policy with fuel budgets, fault isolation, the progress
 * monitor, the watchdog gate and the sleep manager.
 *
 * Guarantee: a container runs only when no higher-priority container is runnable, and a
 * slice lasts at most one fuel budget; a higher container that becomes ready (timer, device
 * event, message) runs at the latest when the current slice ends — earlier when it became
 * ready through the running container (s->preempt), and, in virtual time, a lower slice is
 * cut at the next timer of any higher container (cfg.ns_per_insn); on targets, within
 * cfg.cut units of an interrupt's event or a timer that readies one (the interrupt cut).
 */
#include <sensevm/sched.h>

#include <string.h>

#include <sensevm/sched_fast.h>

#if defined(SVM_CFG_NO_STRINGS) || defined(SVL_CFG_NO_STRINGS)
#define SCHED_NO_STRINGS 1 /* small firmware: messages compiled out (codes remain) */
#endif

const char *svm_sched_strerror(int code)
{
#ifdef SCHED_NO_STRINGS
    (void)code;
    return "";
#else
    switch (code) {
    case SVM_S_OK: return "ok";
    case SVM_S_EINVAL: return "invalid argument";
    case SVM_S_ENOMEM: return "not enough memory";
    case SVM_S_ENOCTX: return "too many contexts";
    case SVM_S_ENOCHAN: return "too many channels";
    case SVM_S_EBADCHAN: return "not a channel of this container";
    case SVM_S_ETOOMANY: return "too many events in one choice";
    case SVM_S_ENODEV: return "device not claimed by this container";
    case SVM_S_EXCHAN: return "inter-container channel not declared";
    case SVM_S_EDEVCLAIM: return "device already claimed by another container";
    case SVM_S_EDEVUNKNOWN: return "unknown device";
    case SVM_S_EXLINK: return "inter-container channel declarations do not match";
    case SVM_S_EFULL: return "too many containers";
    case SVM_S_ETOOBIG: return "inter-container message too large";
    default: return "unknown error";
    }
#endif
}

#ifndef SCHED_NO_STRINGS
/* ---- tiny string builder (freestanding: no snprintf) ---- */
typedef struct sb {
    char *buf;
    size_t size, len;
} sb_t;
static void sb_put(sb_t *b, const char *s)
{
    for (; *s; s++, b->len++)
        if (b->len + 1 < b->size)
            b->buf[b->len] = *s;
    if (b->size)
        b->buf[b->len < b->size ? b->len : b->size - 1] = '\0';
}
static void sb_name(sb_t *b, const char *s, size_t max)
{
    char tmp[SVIMG_NAME_MAX + 1];
    size_t i = 0;
    for (; i < max && i < SVIMG_NAME_MAX && s[i]; i++)
        tmp[i] = s[i];
    tmp[i] = '\0';
    sb_put(b, tmp);
}
#endif

size_t svm_sched_format_err(const svm_sched_t *s, const svm_sched_err_t *e, char *buf, size_t size)
{
    (void)s;
    if (size)
        buf[0] = '\0';
#ifdef SCHED_NO_STRINGS
    (void)e;
    return 0;
#else
    sb_t b = {buf, size, 0};
    switch (e->code) {
    case SVM_S_EDEVCLAIM:
        sb_put(&b, "container '");
        sb_name(&b, e->cname, SVIMG_NAME_MAX);
        sb_put(&b, "' claims device '");
        sb_name(&b, e->name, SVIMG_NAME_MAX);
        sb_put(&b, "', already claimed by container '");
        sb_name(&b, e->oname, SVIMG_NAME_MAX);
        sb_put(&b, "'");
        break;
    case SVM_S_EDEVUNKNOWN:
        sb_put(&b, "container '");
        sb_name(&b, e->cname, SVIMG_NAME_MAX);
        sb_put(&b, "' claims device '");
        sb_name(&b, e->name, SVIMG_NAME_MAX);
        sb_put(&b, "', which this board does not have");
        break;
    case SVM_S_EXLINK:
        sb_put(&b, "inter-container channel '");
        sb_name(&b, e->name, SVIMG_NAME_MAX);
        sb_put(&b, "' ");
        if (e->other >= 0) {
            sb_put(&b, "is declared in the same direction by containers '");
            sb_name(&b, e->cname, SVIMG_NAME_MAX);
            sb_put(&b, "' and '");
            sb_name(&b, e->oname, SVIMG_NAME_MAX);
            sb_put(&b, "'");
        } else {
            sb_put(&b, "of container '");
            sb_name(&b, e->cname, SVIMG_NAME_MAX);
            sb_put(&b, "' has no peer container");
        }
        break;
    default: sb_put(&b, svm_sched_strerror(e->code)); break;
    }
    return b.len;
#endif
}

static void copy_name(char dst[SVIMG_NAME_MAX], const char *src)
{
    memset(dst, 0, SVIMG_NAME_MAX);
    for (size_t i = 0; src && i + 1 < SVIMG_NAME_MAX && src[i]; i++)
        dst[i] = src[i];
}

/* cont/other: container indexes; cn/on: their names (the container being added has no
 * index yet). */
static void set_err(svm_sched_err_t *err, int code, int cont, int other, const char *name,
                    const char *cn, const char *on)
{
    if (!err)
        return;
    err->code = code;
    err->cont = (int16_t)cont;
    err->other = (int16_t)other;
    copy_name(err->name, name);
    copy_name(err->cname, cn);
    copy_name(err->oname, on);
}
static const char *nm(const svm_sched_t *s, int i)
{
    return i >= 0 && i < s->n ? s->cont[i]->mf->name : NULL;
}

/* ---- setup ---- */
void svm_sched_default_cfg(svm_sched_cfg_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->default_fuel = 10000;
    cfg->ns_per_insn = 0;
    cfg->spin_limit = 100;
    cfg->max_restarts = 10;
    cfg->wd_priority = 128;
    cfg->wd_period_ns = 100000000u; /* 100 ms */
    cfg->idle_heartbeat_ns = 0;
#ifdef SVM_SCHED_CUT
    cfg->cut = SVM_SCHED_CUT; /* targets (runtime/sched/meson.build): the interrupt cut */
#endif
}

void svm_sched_init(svm_sched_t *s, const svm_hal_t *hal, const svm_sched_ops_t *ops,
                    const svm_sched_cfg_t *cfg)
{
    memset(s, 0, sizeof *s);
    s->hal = hal;
    s->ops = *ops;
    if (cfg)
        s->cfg = *cfg;
    else
        svm_sched_default_cfg(&s->cfg);
    svm_evq_init(&s->evq, s->evbuf, SVM_CFG_EVQ_SIZE);
    if (hal && hal->attach)
        hal->attach(hal->port, &s->evq);
    s->now = (hal && hal->now_ns) ? hal->now_ns(hal->port) : 0;
    s->last_feed = s->now;
    s->last_heartbeat = s->now;
}

int svm_sched_add(svm_sched_t *s, svm_container_t *c, svm_sched_err_t *err)
{
    if (s->n >= SVM_CFG_MAX_CONTAINERS) {
        set_err(err, SVM_S_EFULL, -1, -1, NULL, NULL, NULL);
        return SVM_S_EFULL;
    }
    const svl_manifest_t *mf = c->mf;
    uint32_t nd = mf->ndevices;
    if (nd > SVIMG_MAX_DEVICES)
        nd = SVIMG_MAX_DEVICES;
    for (uint32_t i = 0; i < nd; i++) {
        char name[SVIMG_NAME_MAX + 1];
        memcpy(name, mf->devices[i], SVIMG_NAME_MAX);
        name[SVIMG_NAME_MAX] = '\0';
        int d = svm_hal_find_dev(s->hal, name);
        if (d < 0) {
            set_err(err, SVM_S_EDEVUNKNOWN, s->n, -1, name, mf->name, NULL);
            return SVM_S_EDEVUNKNOWN;
        }
        for (uint16_t k = 0; k < s->n; k++)
            for (uint32_t j = 0; j < s->cont[k]->ndev; j++)
                if (s->cont[k]->dev[j] == (uint16_t)d) {
                    set_err(err, SVM_S_EDEVCLAIM, s->n, k, name, mf->name, nm(s, k));
                    return SVM_S_EDEVCLAIM;
                }
        for (uint32_t j = 0; j < i; j++)
            if (c->dev[j] == (uint16_t)d) { /* claimed twice by the same manifest */
                set_err(err, SVM_S_EDEVCLAIM, s->n, s->n, name, mf->name, mf->name);
                return SVM_S_EDEVCLAIM;
            }
        c->dev[i] = (uint16_t)d;
    }
    c->ndev = (uint8_t)nd;
    c->index = s->n;
    c->sched = s;
    c->hb_deadline = c->heartbeat_ns ? s->now + c->heartbeat_ns : 0;
    s->cont[s->n++] = c;
    return SVM_S_OK;
}

static int xchan_find(svm_sched_t *s, const char *name)
{
    for (uint16_t i = 0; i < s->nxchans; i++)
        if (strncmp(s->xchans[i].name, name, SVIMG_NAME_MAX) == 0)
            return i;
    return -1;
}

/* Pass 1 of linking: the xchan table (no memory yet). */
static int xchan_match(svm_sched_t *s, svm_sched_err_t *err)
{
    s->nxchans = 0;
    for (uint16_t ci = 0; ci < s->n; ci++) {
        svm_container_t *c = s->cont[ci];
        for (uint32_t i = 0; i < c->mf->nxchans && i < SVIMG_MAX_XCHANS; i++) {
            const svl_xchan_t *d = &c->mf->xchans[i];
            int k = xchan_find(s, d->name);
            if (k < 0) {
                if (s->nxchans >= SVM_CFG_MAX_XCHANS) {
                    set_err(err, SVM_S_EFULL, ci, -1, d->name, nm(s, ci), NULL);
                    return SVM_S_EFULL;
                }
                k = s->nxchans++;
                svm_xchan_t *x = &s->xchans[k];
                memset(x, 0, sizeof *x);
                memcpy(x->name, d->name, SVIMG_NAME_MAX);
                x->sender = x->receiver = -1;
            }
            svm_xchan_t *x = &s->xchans[k];
            int16_t *end = d->dir == SVMF_XCHAN_SEND ? &x->sender : &x->receiver;
            if (*end >= 0) {
                set_err(err, SVM_S_EXLINK, *end, ci, d->name, nm(s, *end), nm(s, ci));
                return SVM_S_EXLINK;
            }
            *end = (int16_t)ci;
            if (d->dir != SVMF_XCHAN_SEND) {
                x->depth = d->depth ? d->depth : 1;
                x->policy = d->policy;
            }
            c->xchan[i] = (int16_t)k;
        }
    }
    for (uint16_t k = 0; k < s->nxchans; k++) {
        svm_xchan_t *x = &s->xchans[k];
        if (x->sender < 0 || x->receiver < 0) {
            int who = x->sender < 0 ? x->receiver : x->sender;
            set_err(err, SVM_S_EXLINK, who, -1, x->name, nm(s, who), NULL);
            return SVM_S_EXLINK;
        }
    }
    return SVM_S_OK;
}

size_t svm_sched_xchan_mem_size(const svm_sched_t *s)
{
    size_t n = 8;
    for (uint16_t ci = 0; ci < s->n; ci++) {
        const svl_manifest_t *mf = s->cont[ci]->mf;
        for (uint32_t i = 0; i < mf->nxchans && i < SVIMG_MAX_XCHANS; i++)
            if (mf->xchans[i].dir != SVMF_XCHAN_SEND)
                n += sizeof(svm_xmsg_t) * (mf->xchans[i].depth ? mf->xchans[i].depth : 1u);
    }
    return n;
}

int svm_sched_link(svm_sched_t *s, void *mem, size_t size, svm_sched_err_t *err)
{
    int r = xchan_match(s, err);
    if (r)
        return r;
    if (s->nxchans && (!mem || size < svm_sched_xchan_mem_size(s))) {
        set_err(err, SVM_S_ENOMEM, -1, -1, NULL, NULL, NULL);
        return SVM_S_ENOMEM;
    }
    uintptr_t p = ((uintptr_t)mem + 7u) & ~(uintptr_t)7u;
    for (uint16_t k = 0; k < s->nxchans; k++) {
        s->xchans[k].ring = (svm_xmsg_t *)p;
        p += sizeof(svm_xmsg_t) * s->xchans[k].depth;
    }
    s->linked = 1;
    return SVM_S_OK;
}

/* ---- helpers ---- */
static void tr(svm_sched_t *s, uint8_t kind, const svm_container_t *c, int32_t ctx, uint64_t a,
               uint64_t b, uint8_t status)
{
    if (!s->ops.trace)
        return;
    svm_trace_t ev;
    ev.kind = kind;
    ev.status = status;
    ev.cont = c ? (int16_t)c->index : -1;
    ev.ctx = ctx;
    ev.time = s->now;
    ev.a = a;
    ev.b = b;
    s->ops.trace(s->ops.user, &ev);
}

static void retire(svm_container_t *c, uint8_t state)
{
    svm_container_reset(c); /* withdraws offers from scheduler-owned wait queues */
    c->state = state;
    c->hb_deadline = 0;
}

static void stop(svm_sched_t *s, svm_container_t *c)
{
    retire(c, SVM_K_STOPPED);
    tr(s, SVM_TR_STOP, c, -1, 0, 0, 0);
}

static void restart(svm_sched_t *s, svm_container_t *c)
{
    if (c->stats.restarts >= s->cfg.max_restarts || !s->ops.restart) {
        stop(s, c);
        return;
    }
    svm_container_reset(c);
    c->stats.restarts++;
    tr(s, SVM_TR_RESTART, c, -1, c->stats.restarts, 0, 0);
    if (s->ops.restart(s->ops.user, c) != 0)
        stop(s, c);
}

/* Monitor findings (missed heartbeat) are handled per the manifest policy. */
static void apply_policy(svm_sched_t *s, svm_container_t *c)
{
    if (c->policy == SVMF_POLICY_RESTART)
        restart(s, c);
    else if (c->policy == SVMF_POLICY_STOP)
        stop(s, c);
}

uint64_t svm_sched_next_wakeup(const svm_sched_t *s)
{
    uint64_t t = UINT64_MAX;
    for (uint16_t i = 0; i < s->n; i++) {
        const svm_container_t *c = s->cont[i];
        if (!c || c->state != SVM_K_ACTIVE) /* (never NULL below s->n; for the analyzer) */
            continue;
        uint64_t w = svm_timerq_peek(&c->timers, NULL);
        if (w < t)
            t = w;
        if (c->heartbeat_ns && c->nlive && c->hb_deadline + 1u < t)
            t = c->hb_deadline + 1u;
    }
    return t;
}

svm_container_t *svm_sched_pick(svm_sched_t *s)
{
    svm_container_t *best = NULL;
    for (uint16_t i = 0; i < s->n; i++) {
        svm_container_t *c = s->cont[i];
        if (!svm_container_runnable(c))
            continue;
        if (!best || c->priority > best->priority ||
            (c->priority == best->priority && c->stamp < best->stamp))
            best = c;
    }
    return best;
}

void svm_sched_flush(svm_sched_t *s)
{
    if (s->uncharged)
        svm_fast_clock(s, 0);
}

/* The interrupt cut (hal.h svm_cut_t): the slice runs in chunks of svm_cut.chunk units
 * (c->slice_left, which also bounds the interpreter's own context switches); the next
 * chunk comes from svm_cut.rest unless an interrupt or a message asked for the slice to
 * end. Here and not in the interpreter, whose hot path stays as it is. */
static int cut_next(svm_sched_t *s, svm_container_t *c)
{
    if (!svm_cut.rest || svm_cut.request || s->preempt)
        return 0;
    c->slice_left = svm_cut.rest < svm_cut.chunk ? svm_cut.rest : svm_cut.chunk;
    svm_cut.rest -= c->slice_left;
    return 1;
}

/* Run contexts of c for at most budget instructions (the context manager). The runtime
 * may switch between c's contexts itself (svm_fast_switch): the slice's counters live in
 * c, and the context run_ctx ended with is c->cur. */
static svm_ctx_status_t container_run(svm_sched_t *s, svm_container_t *c, uint32_t budget,
                                      uint32_t *used_out)
{
    svm_ctx_status_t st = SVM_RUN_SWITCH;
    c->switched = 0;
    c->slice_left = budget;
    svm_cut.rest = 0; /* (the VM's svm_work_pay pays work done beyond a chunk from it) */
    if (svm_cut.chunk && budget > svm_cut.chunk) {
        c->slice_left = svm_cut.chunk;
        svm_cut.rest = budget - svm_cut.chunk;
    }
    while (c->slice_left || cut_next(s, c)) {
        if (c->cur < 0) {
            if (!c->rq_count) {
                st = SVM_RUN_SWITCH;
                break;
            }
            svm_fast_runq_pop(c);
        }
        svm_ctx_t *x = &c->ctxs[c->cur];
        uint32_t u = 0;
        st = s->ops.run_ctx(s->ops.user, c, x, c->slice_left, &u);
        if (c->cur >= 0)
            x = &c->ctxs[c->cur]; /* the context it ended with */
        if (svm_cut.rest)         /* more chunks may follow: read the clock once, after them */
            s->uncharged += svm_fast_account(c, u);
        else
            svm_fast_charge(s, c, u);
        if (st == SVM_RUN_SWITCH && x->state == SVM_CS_RUNNING && s->preempt) {
            st = SVM_RUN_FUEL; /* pre-empted inside a service: stays current, no yield */
            break;
        }
        if (st == SVM_RUN_SWITCH) {
            c->switched = 1;
            if (x->state == SVM_CS_RUNNING) /* returned without a state change: a yield */
                svm_ctx_yield(c, x);
            c->cur = -1;
            if (s->preempt)
                break;
            continue;
        }
        if (st == SVM_RUN_FUEL) {
            if (c->slice_left || !cut_next(s, c))
                break;
            continue; /* the same context, its next chunk */
        }
        if (st == SVM_RUN_HALT) {
            c->switched = 1;
            svm_ctx_halt(c, x);
            if (c->nlive == 0)
                break;
            st = SVM_RUN_SWITCH;
            continue;
        }
        if (st == SVM_RUN_FAULT)
            c->fault.ctx = x->slot;
        break; /* FAULT, EXIT */
    }
    if (st == SVM_RUN_SWITCH && c->slice_left == 0 && svm_container_runnable(c))
        st = SVM_RUN_FUEL; /* the budget ended exactly at a switch: still pre-empted */
    svm_sched_flush(s);
    *used_out = budget - c->slice_left - svm_cut.rest;
    svm_cut.rest = 0;
    return st;
}

static void deliver_events(svm_sched_t *s)
{
    svm_hal_event_t ev;
    while (svm_evq_pop(&s->evq, &ev)) {
        for (uint16_t i = 0; i < s->n; i++) {
            svm_container_t *c = s->cont[i];
            for (uint32_t j = 0; j < c->ndev; j++)
                if (c->dev[j] == ev.dev)
                    svm_container_dev_event(c, j, ev.value);
        }
    }
    uint32_t o = svm_evq_overflows(&s->evq);
    if (o != s->evq_overflow_seen) {
        s->evq_overflow_seen = o;
        s->stats.evq_overflow = o;
        tr(s, SVM_TR_EVQ_OVERFLOW, NULL, -1, o, 0, 0);
    }
}

static void housekeeping(svm_sched_t *s)
{
    const svm_hal_t *hal = s->hal;
    if (hal->poll)
        hal->poll(hal->port);
    s->now = hal->now_ns(hal->port);
    svm_cut.request = 0; /* before the queue is read: a later event cuts the next slice */
    deliver_events(s);
    for (uint16_t i = 0; i < s->n; i++) {
        svm_container_t *c = s->cont[i];
        uint32_t slot;
        if (c->state != SVM_K_ACTIVE)
            continue;
        while (svm_timerq_pop_due(&c->timers, s->now, &slot))
            svm_container_timer_fired(c, slot, s->now);
        if (c->heartbeat_ns && c->nlive && s->now > c->hb_deadline) {
            c->hb_flag = 1;
            c->stats.hb_missed++;
            c->stats.monitor_flags++;
            tr(s, SVM_TR_HB_MISS, c, -1, c->hb_deadline, 0, 0);
            c->hb_deadline = s->now + c->heartbeat_ns;
            apply_policy(s, c);
        }
        if (c->state != SVM_K_ACTIVE)
            continue;
        int k = svm_container_idle_kind(c);
        if (k == SVM_IDLE_DEADLOCK && !c->dl_flag) {
            c->dl_flag = 1;
            c->stats.deadlocks++;
            tr(s, SVM_TR_DEADLOCK, c, -1, c->nlive, 0, 0);
        } else if (k != SVM_IDLE_DEADLOCK) {
            c->dl_flag = 0;
        }
        if (k != SVM_IDLE_RUNNABLE && !c->idle) {
            c->idle = 1;
            c->idle_since = s->now;
        }
    }
    if (hal->monitor_power) {
        svm_hal_power_t pw;
        if (hal->monitor_power(hal->port, &pw) == 0 && pw.brownout) {
            s->stats.security_events++;
            tr(s, SVM_TR_SECURITY, NULL, -1, 1, pw.millivolts, 0);
        }
    }
    if (hal->monitor_clock) {
        svm_hal_clock_t ck;
        if (hal->monitor_clock(hal->port, &ck) == 0 && ck.glitch) {
            s->stats.security_events++;
            tr(s, SVM_TR_SECURITY, NULL, -1, 2, (uint64_t)(int64_t)ck.deviation_ppm, 0);
        }
    }
    /* The watchdog is fed only while every high-criticality container makes progress. */
    if (hal->watchdog_feed && s->now - s->last_feed >= s->cfg.wd_period_ns) {
        int ok = 1;
        for (uint16_t i = 0; i < s->n; i++) {
            const svm_container_t *c = s->cont[i];
            if (c->priority < s->cfg.wd_priority)
                continue;
            if (c->state == SVM_K_STOPPED ||
                (c->state == SVM_K_ACTIVE && (c->spin_flag || c->hb_flag || c->dl_flag)))
                ok = 0;
        }
        if (ok) {
            hal->watchdog_feed(hal->port);
            s->last_feed = s->now;
            s->stats.wd_feeds++;
        }
    }
}

static void handle_fault(svm_sched_t *s, svm_container_t *c)
{
    c->stats.faults++;
    tr(s, SVM_TR_FAULT, c, c->fault.ctx, c->fault.reason, c->fault.pc, 0);
    if (c->policy == SVMF_POLICY_RESTART) {
        restart(s, c);
    } else if (c->policy == SVMF_POLICY_LOG) { /* only the faulting context ends */
        svm_ctx_t *x = svm_ctx_get(c, c->fault.ctx);
        if (x)
            svm_ctx_halt(c, x);
        if (c->nlive == 0) {
            retire(c, SVM_K_DONE);
            tr(s, SVM_TR_HALT, c, -1, 0, 0, 0);
        }
    } else {
        stop(s, c);
    }
}

int svm_sched_step(svm_sched_t *s)
{
    const svm_hal_t *hal = s->hal;
    s->stats.rounds++;
    housekeeping(s);
    svm_container_t *c = svm_sched_pick(s);
    if (!c) {
        int finished = 1, external = 0;
        for (uint16_t i = 0; i < s->n; i++) {
            int k = svm_container_idle_kind(s->cont[i]);
            if (k != SVM_IDLE_FINISHED)
                finished = 0;
            if (k == SVM_IDLE_EXTERNAL)
                external = 1;
        }
        if (finished)
            return SVM_STEP_FINISHED;
        uint64_t t = svm_sched_next_wakeup(s);
        uint64_t hb = UINT64_MAX;
        if (s->cfg.idle_heartbeat_ns) {
            hb = s->last_heartbeat + s->cfg.idle_heartbeat_ns;
            if (hb < t)
                t = hb;
        }
        if (t == UINT64_MAX && !external && !svm_evq_count(&s->evq))
            return SVM_STEP_STUCK; /* deadlocked: nothing due, nothing can arrive */
        tr(s, SVM_TR_IDLE, NULL, -1, t, 0, 0);
        uint64_t before = s->now;
        int r = hal->sleep_until(hal->port, t);
        s->stats.sleeps++;
        s->now = hal->now_ns(hal->port);
        s->stats.idle_ns += s->now - before;
        if (r == SVM_HAL_WOKE_NEVER) {
            s->hal_never = 1;
            return SVM_STEP_STUCK;
        }
        if (s->cfg.idle_heartbeat_ns && s->now >= hb) {
            s->last_heartbeat = s->now;
            s->stats.heartbeats++;
            tr(s, SVM_TR_HEARTBEAT, NULL, -1, s->stats.heartbeats, 0, 0);
        }
        return SVM_STEP_SLEPT;
    }
    uint32_t budget = c->fuel ? c->fuel : s->cfg.default_fuel;
    if (budget == 0)
        budget = 1;
    /* Below a live higher container, a slice lasts at most the system's quantum whatever
     * the manifest asks (issue 13: the bound must not depend on the lower image), and in
     * virtual time it ends at the next wake-up of a higher container. */
    uint32_t quantum = s->cfg.quantum ? s->cfg.quantum : s->cfg.default_fuel;
    uint32_t devmask = 0;
    uint64_t due = UINT64_MAX;
    for (uint16_t i = 0; i < s->n; i++) {
        const svm_container_t *h = s->cont[i];
        if (h->state != SVM_K_ACTIVE || h->priority <= c->priority)
            continue;
        if (quantum && budget > quantum)
            budget = quantum;
        for (uint32_t j = 0; j < h->ndev; j++)
            devmask |= 1u << (h->dev[j] < 31u ? h->dev[j] : 31u);
        uint64_t t =
            s->cfg.cut || s->cfg.ns_per_insn ? svm_timerq_peek(&h->timers, NULL) : UINT64_MAX;
        due = t < due ? t : due;
        if (s->cfg.ns_per_insn) {
            if (t == UINT64_MAX || t <= s->now)
                continue;
            uint64_t n = (t - s->now + s->cfg.ns_per_insn - 1u) / s->cfg.ns_per_insn;
            if (n < budget)
                budget = (uint32_t)(n ? n : 1u);
        }
    }
    c->stamp = ++s->stamp;
    s->running = c;
    s->preempt = 0;
    if (s->cfg.cut) { /* the interrupt cut: only below a live higher container */
        svm_cut.devmask = devmask;
        svm_cut.deadline = due; /* the ISR reads it only while armed */
        svm_cut.armed = due != UINT64_MAX;
        svm_cut.chunk = (devmask || due != UINT64_MAX) ? s->cfg.cut : 0u;
    }
    uint32_t used = 0;
    svm_ctx_status_t st = container_run(s, c, budget, &used);
    uint32_t cut = svm_cut.chunk && svm_cut.request;
    if (s->cfg.cut) { /* between slices every event is a cut (one may come before the
                       * next slice starts, after the queue was read) */
        svm_cut.chunk = 0;
        svm_cut.armed = 0;
        svm_cut.devmask = ~0u;
    }
    s->running = NULL;
    s->preempt = 0;
    c->stats.insns += used;
    c->stats.slices++;
    tr(s, SVM_TR_SLICE, c, c->cur >= 0 ? c->cur : c->last, budget, used, (uint8_t)st);
    if (st == SVM_RUN_FUEL && !c->switched && !cut) { /* a cut slice is not a full one */
        c->spin++;
        if (s->cfg.spin_limit && c->spin == s->cfg.spin_limit) {
            c->spin_flag = 1;
            c->stats.spins++;
            c->stats.monitor_flags++;
            tr(s, SVM_TR_SPIN, c, c->cur, c->spin, 0, 0);
        }
    } else {
        c->spin = 0;
        c->spin_flag = 0;
    }
    switch (st) {
    case SVM_RUN_FUEL: c->stats.preemptions++; break;
    case SVM_RUN_HALT:
        retire(c, SVM_K_DONE);
        tr(s, SVM_TR_HALT, c, -1, 0, 0, 0);
        break;
    case SVM_RUN_FAULT: handle_fault(s, c); break;
    case SVM_RUN_EXIT:
        retire(c, SVM_K_EXITED);
        tr(s, SVM_TR_EXIT, c, -1, (uint64_t)(int64_t)c->exit_status, 0, 0);
        break;
    default: break;
    }
    return SVM_STEP_RAN;
}

int svm_sched_run(svm_sched_t *s, uint64_t max_steps)
{
    for (uint64_t i = 0; max_steps == 0 || i < max_steps; i++) {
        int r = svm_sched_step(s);
        if (r == SVM_STEP_FINISHED || r == SVM_STEP_STUCK)
            return r;
    }
    return SVM_STEP_RAN;
}
