/* SPDX-License-Identifier: MIT
 * sched_fast.h — the scheduler's hot paths as inline functions (private to runtime/sched).
 * cml.c and sched.c build their public functions from them, and the VM glue (vmglue.c)
 * inlines them into its in-interpreter hooks, so that a channel rendezvous and a context
 * switch inside a slice are one call from the interpreter (docs/performance.md, B6).
 * One definition of each step: the slow paths and the fast path cannot drift apart.
 */
#ifndef SENSEVM_SCHED_FAST_H
#define SENSEVM_SCHED_FAST_H

#include <sensevm/sched.h>

/* Inlined wherever used, also into the glue's interpreter loop (a large function, where
 * gcc would otherwise keep svm_fast_switch out of line) */
#if defined(__GNUC__) || defined(__clang__)
#define SVM_FAST static inline __attribute__((always_inline))
#else
#define SVM_FAST static inline
#endif

/* x becomes RUNNABLE at the tail of c's run queue; a higher container that becomes ready
 * during a lower one's slice pre-empts it (s->preempt). */
SVM_FAST void svm_fast_ready(svm_container_t *c, svm_ctx_t *x)
{
    x->state = SVM_CS_RUNNABLE;
    uint32_t tail = (uint32_t)c->rq_head + c->rq_count;
    if (tail >= c->maxctx)
        tail -= c->maxctx;
    c->runq[tail] = x->slot;
    c->rq_count++;
    svm_sched_t *s = c->sched;
    if (c->idle) {
        c->idle = 0;
        c->stats.asleep_ns += (s ? s->now : 0) - c->idle_since;
    }
    if (s && s->running != c && s->running && s->running->priority < c->priority)
        s->preempt = 1;
}

/* Commit blocked context y on its offer `branch` with `result` (cml.c): withdraw all its
 * offers and its timer, make it runnable. */
void svm_fast_wake_other(svm_container_t *c, svm_ctx_t *y, uint16_t branch, svm_value_t result);

/* The first partner waiting on channel ch for a sync of kind send, or NULL. */
SVM_FAST svm_offer_t *svm_fast_partner(svm_chan_t *ch, int send)
{
    return send ? ch->receivers.head : ch->senders.head;
}

/* The rendezvous with partner offer p (the head of its queue) commits now: p's context
 * becomes runnable with its result; returns the result of the other side. */
SVM_FAST svm_value_t svm_fast_commit(svm_container_t *c, svm_offer_t *p, int send, svm_value_t v)
{
    svm_ctx_t *y = &c->ctxs[p->ctx];
    svm_value_t res = send ? SVM_VAL_UNIT : p->value;
    if (y->noffers != 1 || c->timers.pos[y->slot]) {
        svm_fast_wake_other(c, y, p->branch, send ? v : SVM_VAL_UNIT);
        return res;
    }
    /* y blocked on this one offer, no timer: p is the head of its queue */
    svm_waitq_t *q = p->q;
    q->head = p->next;
    if (p->next)
        p->next->prev = NULL;
    else
        q->tail = NULL;
    p->next = NULL;
    p->q = NULL;
    y->fired = p->branch;
    y->result = send ? v : SVM_VAL_UNIT;
    y->woke_by_timer = 0;
    svm_fast_ready(c, y);
    return res;
}

/* Link offer o at the tail of wait queue q. */
SVM_FAST void svm_fast_waitq_push(svm_waitq_t *q, svm_offer_t *o)
{
    o->q = q;
    o->next = NULL;
    o->prev = q->tail;
    if (q->tail)
        q->tail->next = o;
    else
        q->head = o;
    q->tail = o;
}

/* No partner: x blocks on channel ch (index chan) with its one offer. */
SVM_FAST void svm_fast_block(svm_ctx_t *x, svm_chan_t *ch, int send, uint32_t chan, svm_value_t v)
{
    svm_offer_t *o = &x->offers[0];
    x->noffers = 1;
    o->kind = send ? SVM_OFFER_SEND : SVM_OFFER_RECV;
    o->obj = chan;
    o->value = send ? v : SVM_VAL_UNIT;
    o->deadline = 0;
    o->ctx = x->slot;
    o->branch = 0;
    svm_fast_waitq_push(send ? &ch->senders : &ch->receivers, o);
    x->state = SVM_CS_BLOCKED;
}

/* Sync of x on one channel offer (svm_sync_chan, sched.h): commit with the first waiting
 * partner (SVM_SYNC_DONE, *res = x's result; x's own fields are left to the caller),
 * else block x on the channel (SVM_SYNC_BLOCKED). */
SVM_FAST int svm_fast_sync_chan(svm_container_t *c, svm_ctx_t *x, int send, uint32_t chan,
                                svm_value_t v, svm_value_t *res)
{
    if (chan >= c->nchans)
        return SVM_S_EBADCHAN;
    svm_chan_t *ch = &c->chans[chan];
    svm_offer_t *p = svm_fast_partner(ch, send);
    if (p) { /* a partner waits (FIFO): the rendezvous commits now */
        *res = svm_fast_commit(c, p, send, v);
        return SVM_SYNC_DONE;
    }
    svm_fast_block(x, ch, send, chan, v);
    return SVM_SYNC_BLOCKED;
}

/* The head of the run queue becomes c's current context. */
SVM_FAST void svm_fast_runq_pop(svm_container_t *c)
{
    uint16_t slot = c->runq[c->rq_head];
    c->rq_head = (uint16_t)(c->rq_head + 1u == c->maxctx ? 0u : c->rq_head + 1u);
    c->rq_count--;
    c->ctxs[slot].state = SVM_CS_RUNNING;
    c->cur = slot;
    if (c->last != (int32_t)slot) {
        c->stats.switches++;
        c->switched = 1;
    }
    c->last = slot;
}

/* Charge an activation of u instructions to c's slice; the clock follows in
 * svm_fast_charge or svm_fast_flush (s->uncharged). */
SVM_FAST uint32_t svm_fast_account(svm_container_t *c, uint32_t u)
{
    if (u == 0)
        u = 1; /* every activation costs something: no zero-cost loops */
    if (u > c->slice_left)
        u = c->slice_left;
    c->slice_left -= u;
    return u;
}

/* Charge the uncharged fuel plus u to the (virtual) clock and read it. */
SVM_FAST void svm_fast_clock(svm_sched_t *s, uint32_t u)
{
    u += s->uncharged;
    s->uncharged = 0;
    if (s->hal->charge) /* virtual time: the clock follows the work done (additive) */
        s->hal->charge(s->hal->port, u);
    s->now = s->hal->now_ns(s->hal->port);
}

/* An activation of c's that ended in the scheduler's loop: slice and clock. */
SVM_FAST void svm_fast_charge(svm_sched_t *s, svm_container_t *c, uint32_t u)
{
    svm_fast_clock(s, svm_fast_account(c, u));
}

/* A context switch inside the running slice, without returning to the scheduler's loop
 * (the VM glue calls it from the interpreter, vmglue.c). Context x of the running
 * container c gave up the processor (blocked, slept or yielded: its state says which)
 * after u instructions. When the slice would go on with another context of c anyway, do
 * exactly the slice's bookkeeping for that activation (budget, switch count, run queue;
 * the clock is charged later, before anything reads it: s->uncharged) and return the new
 * current context (x itself after a yield with nothing else runnable); else change
 * nothing and return NULL: the runtime returns SVM_RUN_SWITCH and the slice decides
 * (budget spent, pre-emption, nothing runnable). */
SVM_FAST svm_ctx_t *svm_fast_switch(svm_container_t *c, svm_ctx_t *x, uint32_t u)
{
    svm_sched_t *s = c->sched;
    if (!s || s->running != c || s->preempt || (u ? u : 1u) >= c->slice_left)
        return NULL; /* pre-empted, or the budget ends with this activation */
    int yield = x->state == SVM_CS_RUNNING;
    if (!yield && !c->rq_count)
        return NULL; /* nothing else to run: the slice ends */
    /* what container_run does after an SVM_RUN_SWITCH and at the top of its loop */
    s->uncharged += svm_fast_account(c, u);
    c->switched = 1;
    if (yield)
        svm_fast_ready(c, x);
    svm_fast_runq_pop(c);
    return &c->ctxs[c->cur];
}

#endif
