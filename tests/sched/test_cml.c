/* SPDX-License-Identifier: MIT
 * test_cml.c — contexts and the CML engine without a scheduler loop: rendezvous in both
 * orders, FIFO partners, fair choice, always/after/poll, withdrawal of the losing offers,
 * device mailboxes, deadlock classification, GC roots, memory checks.
 */
#include "helpers.h"

static svm_ctx_t *spawn(svm_container_t *c)
{
    int slot = svm_ctx_spawn(c);
    cr_assert(slot >= 0);
    return svm_ctx_get(c, (uint32_t)slot);
}

/* Pretend the context is running (what the scheduler does when it picks it). */
static void run(svm_container_t *c, svm_ctx_t *x)
{
    cr_assert_eq(x->state, SVM_CS_RUNNABLE);
    uint32_t n = c->rq_count, w = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t s = c->runq[(c->rq_head + i) % c->maxctx];
        if (s != x->slot)
            c->runq[(c->rq_head + w++) % c->maxctx] = s;
    }
    c->rq_count = (uint16_t)w;
    x->state = SVM_CS_RUNNING;
    c->cur = x->slot;
}

static int sync1(svm_container_t *c, svm_ctx_t *x, uint8_t kind, uint32_t obj, svm_value_t v,
                 int block)
{
    svm_sync_begin(x);
    cr_assert(svm_sync_add(c, x, kind, obj, v, 0) >= 0);
    return svm_sync(c, x, 0, block);
}

Test(cml, memory_is_checked)
{
    svl_manifest_t *mf = mk_mf("a", 1, 4, 4);
    svm_container_t c;
    static uint64_t small[4];
    cr_assert_eq(svm_container_init(&c, mf, small, sizeof small), SVM_S_ENOMEM);
}

Test(cml, context_slots_and_ids)
{
    svl_manifest_t *mf = mk_mf("a", 1, 2, 0);
    svm_container_t *c = mk_cont(mf);
    svm_ctx_t *a = spawn(c), *b = spawn(c);
    cr_assert_eq(a->tid, 0u);
    cr_assert_eq(b->tid, 1u);
    cr_assert_eq(svm_ctx_spawn(c), SVM_S_ENOCTX);
    cr_assert_eq(c->nlive, 2);
    run(c, a);
    svm_ctx_halt(c, a);
    cr_assert_eq(c->nlive, 1);
    svm_ctx_t *d = spawn(c);
    cr_assert_eq(d->tid, 2u, "thread ids are never reused");
    cr_assert_eq(svm_chan_new(c), SVM_S_ENOCHAN, "manifest allows no channel");
}

Test(cml, send_then_receive_rendezvous)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    int32_t ch = svm_chan_new(c);
    cr_assert_eq(ch, 0);
    svm_ctx_t *s = spawn(c), *r = spawn(c);
    run(c, s);
    cr_assert_eq(sync1(c, s, SVM_OFFER_SEND, 0, svm_int_val(42), 1), SVM_SYNC_BLOCKED);
    cr_assert_eq(s->state, SVM_CS_BLOCKED);
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_RUNNABLE);
    run(c, r);
    cr_assert_eq(sync1(c, r, SVM_OFFER_RECV, 0, 0, 1), SVM_SYNC_DONE);
    cr_assert_eq(svm_val_int(r->result), 42);
    cr_assert_eq(s->state, SVM_CS_RUNNABLE, "the sender is released");
    cr_assert_eq(s->result, SVM_VAL_UNIT);
    cr_assert_null(c->chans[0].senders.head, "no stale offer left");
}

Test(cml, receive_then_send_and_fifo_partners)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_ctx_t *r1 = spawn(c), *r2 = spawn(c), *s = spawn(c);
    run(c, r1);
    cr_assert_eq(sync1(c, r1, SVM_OFFER_RECV, 0, 0, 1), SVM_SYNC_BLOCKED);
    run(c, r2);
    cr_assert_eq(sync1(c, r2, SVM_OFFER_RECV, 0, 0, 1), SVM_SYNC_BLOCKED);
    run(c, s);
    cr_assert_eq(sync1(c, s, SVM_OFFER_SEND, 0, svm_int_val(1), 1), SVM_SYNC_DONE);
    cr_assert_eq(r1->state, SVM_CS_RUNNABLE, "the first waiting receiver gets it");
    cr_assert_eq(svm_val_int(r1->result), 1);
    cr_assert_eq(r2->state, SVM_CS_BLOCKED);
    svm_ctx_yield(c, s);
    run(c, s);
    cr_assert_eq(sync1(c, s, SVM_OFFER_SEND, 0, svm_int_val(2), 1), SVM_SYNC_DONE);
    cr_assert_eq(svm_val_int(r2->result), 2);
}

Test(cml, poll_does_not_block)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_ctx_t *x = spawn(c);
    run(c, x);
    cr_assert_eq(sync1(c, x, SVM_OFFER_RECV, 0, 0, 0), SVM_SYNC_NONE);
    cr_assert_eq(x->state, SVM_CS_RUNNING);
    cr_assert_null(c->chans[0].receivers.head);
    cr_assert_eq(sync1(c, x, SVM_OFFER_ALWAYS, 0, svm_int_val(7), 0), SVM_SYNC_DONE);
    cr_assert_eq(svm_val_int(x->result), 7);
}

Test(cml, bad_offers_are_refused)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_ctx_t *x = spawn(c);
    svm_sync_begin(x);
    cr_assert_eq(svm_sync_add(c, x, SVM_OFFER_SEND, 0, 0, 0), SVM_S_EBADCHAN);
    cr_assert_eq(svm_sync_add(c, x, SVM_OFFER_DEV, 0, 0, 0), SVM_S_ENODEV);
    cr_assert_eq(svm_sync_add(c, x, SVM_OFFER_XRECV, 0, 0, 0), SVM_S_EXCHAN);
    cr_assert_eq(svm_sync_add(c, x, 99, 0, 0, 0), SVM_S_EINVAL);
    for (uint32_t i = 0; i < SVM_CFG_MAX_OFFERS; i++)
        cr_assert_eq(svm_sync_add(c, x, SVM_OFFER_ALWAYS, 0, 0, 0), (int)i);
    cr_assert_eq(svm_sync_add(c, x, SVM_OFFER_ALWAYS, 0, 0, 0), SVM_S_ETOOMANY);
}

Test(cml, choice_is_fair)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_ctx_t *x = spawn(c);
    run(c, x);
    int hits[3] = {0};
    for (int i = 0; i < 300; i++) {
        svm_sync_begin(x);
        for (int k = 0; k < 3; k++)
            svm_sync_add(c, x, SVM_OFFER_ALWAYS, 0, svm_int_val(k), 0);
        cr_assert_eq(svm_sync(c, x, 0, 1), SVM_SYNC_DONE);
        cr_assert_eq(svm_val_int(x->result), (int32_t)x->fired);
        hits[x->fired]++;
    }
    cr_assert_eq(hits[0], 100);
    cr_assert_eq(hits[1], 100);
    cr_assert_eq(hits[2], 100);
}

Test(cml, choose_blocks_on_all_and_withdraws_losers)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_chan_new(c);
    svm_ctx_t *x = spawn(c), *y = spawn(c);
    run(c, x);
    svm_sync_begin(x);
    svm_sync_add(c, x, SVM_OFFER_RECV, 0, 0, 0);
    svm_sync_add(c, x, SVM_OFFER_RECV, 1, 0, 0);
    svm_sync_add(c, x, SVM_OFFER_AFTER, 0, 0, 5000);
    cr_assert_eq(svm_sync(c, x, 0, 1), SVM_SYNC_BLOCKED);
    cr_assert(svm_timerq_queued(&c->timers, x->slot));
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_RUNNABLE);
    run(c, y);
    cr_assert_eq(sync1(c, y, SVM_OFFER_SEND, 1, svm_int_val(9), 1), SVM_SYNC_DONE);
    cr_assert_eq(x->fired, 1);
    cr_assert_eq(svm_val_int(x->result), 9);
    cr_assert_null(c->chans[0].receivers.head, "the losing offer is withdrawn");
    cr_assert(!svm_timerq_queued(&c->timers, x->slot), "the timeout is cancelled");
    /* now nobody listens on channel 0: y blocks; with no timer that is a deadlock once x
     * also blocks on an internal channel */
    svm_ctx_yield(c, y);
    run(c, y);
    cr_assert_eq(sync1(c, y, SVM_OFFER_SEND, 0, svm_int_val(1), 1), SVM_SYNC_BLOCKED);
    run(c, x);
    cr_assert_eq(sync1(c, x, SVM_OFFER_SEND, 1, svm_int_val(1), 1), SVM_SYNC_BLOCKED);
    c->cur = -1;
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_DEADLOCK);
}

Test(cml, after_timeout_fires_through_timer)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_ctx_t *x = spawn(c);
    run(c, x);
    svm_sync_begin(x);
    svm_sync_add(c, x, SVM_OFFER_RECV, 0, 0, 0);
    svm_sync_add(c, x, SVM_OFFER_AFTER, 0, 0, 2000);
    svm_sync_add(c, x, SVM_OFFER_AFTER, 0, 0, 1000);
    cr_assert_eq(svm_sync(c, x, 0, 1), SVM_SYNC_BLOCKED);
    c->cur = -1;
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_TIMED);
    uint32_t slot;
    cr_assert_eq(svm_timerq_peek(&c->timers, &slot), 1000u, "the earliest timeout");
    cr_assert(svm_timerq_pop_due(&c->timers, 1000, &slot));
    svm_container_timer_fired(c, slot, 1000);
    cr_assert_eq(x->state, SVM_CS_RUNNABLE);
    cr_assert_eq(x->fired, 2);
    cr_assert(x->woke_by_timer);
    cr_assert_null(c->chans[0].receivers.head);
    /* an expired `after` commits at once */
    run(c, x);
    svm_sync_begin(x);
    svm_sync_add(c, x, SVM_OFFER_AFTER, 0, 0, 500);
    cr_assert_eq(svm_sync(c, x, 1000, 1), SVM_SYNC_DONE);
}

Test(cml, sleep_and_halt_cancel)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_ctx_t *x = spawn(c);
    run(c, x);
    svm_ctx_sleep_until(c, x, 3600000000000ull);
    c->cur = -1;
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_TIMED);
    svm_ctx_halt(c, x);
    cr_assert_eq(c->timers.n, 0u);
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_FINISHED);
}

Test(cml, device_mailbox_buffers_and_wakes)
{
    svl_manifest_t *mf = mk_mf("a", 1, 4, 4);
    mf_device(mf, "button0");
    svm_container_t *c = mk_cont(mf);
    c->ndev = 1; /* no scheduler here: bind by hand */
    cr_assert_eq(svm_container_dev_index(c, "button0"), 0);
    cr_assert_eq(svm_container_dev_index(c, "led0"), -1);
    svm_ctx_t *x = spawn(c);
    run(c, x);
    cr_assert_eq(sync1(c, x, SVM_OFFER_DEV, 0, 0, 1), SVM_SYNC_BLOCKED);
    c->cur = -1;
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_EXTERNAL);
    svm_container_dev_event(c, 0, 1);
    cr_assert_eq(x->state, SVM_CS_RUNNABLE);
    cr_assert_eq(svm_val_int(x->result), 1);
    /* nobody waiting: buffered, the oldest dropped beyond the depth and counted */
    for (int i = 0; i < (int)SVM_CFG_MBOX_DEPTH + 3; i++)
        svm_container_dev_event(c, 0, 100 + i);
    cr_assert_eq(c->stats.dev_overflow, 3u);
    run(c, x);
    cr_assert_eq(sync1(c, x, SVM_OFFER_DEV, 0, 0, 1), SVM_SYNC_DONE);
    cr_assert_eq(svm_val_int(x->result), 103);
}

static int nvisit;
static void visit(svm_value_t *v, void *arg)
{
    (void)arg;
    nvisit++;
    *v = svm_int_val(svm_val_int(*v) + 1000);
}

Test(cml, roots_cover_pending_values)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_ctx_t *s = spawn(c), *r = spawn(c);
    run(c, s);
    cr_assert_eq(sync1(c, s, SVM_OFFER_SEND, 0, svm_int_val(5), 1), SVM_SYNC_BLOCKED);
    nvisit = 0;
    svm_container_roots(c, visit, NULL);
    cr_assert_eq(nvisit, 5, "two results, two events and one pending sent value");
    run(c, r);
    cr_assert_eq(sync1(c, r, SVM_OFFER_RECV, 0, 0, 1), SVM_SYNC_DONE);
    cr_assert_eq(svm_val_int(r->result), 1005, "the GC's update of the sent value is seen");
}

Test(cml, sync_chan_fast_path_matches_the_engine)
{
    /* svm_sync_chan: FIFO partners, blocking, and a partner blocked in a choose (whose
     * other offers are withdrawn) — the same outcomes as svm_sync with one offer */
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 4));
    svm_chan_new(c);
    svm_chan_new(c);
    svm_ctx_t *r1 = spawn(c), *r2 = spawn(c), *s = spawn(c);
    run(c, r1);
    cr_assert_eq(svm_sync_chan(c, r1, SVM_OFFER_RECV, 0, SVM_VAL_UNIT), SVM_SYNC_BLOCKED);
    cr_assert_eq(r1->state, SVM_CS_BLOCKED);
    run(c, r2); /* r2 waits on channel 1 or channel 0 */
    svm_sync_begin(r2);
    svm_sync_add(c, r2, SVM_OFFER_RECV, 1, 0, 0);
    svm_sync_add(c, r2, SVM_OFFER_RECV, 0, 0, 0);
    cr_assert_eq(svm_sync(c, r2, 0, 1), SVM_SYNC_BLOCKED);
    run(c, s);
    cr_assert_eq(svm_sync_chan(c, s, SVM_OFFER_SEND, 0, svm_int_val(7)), SVM_SYNC_DONE);
    cr_assert_eq(r1->state, SVM_CS_RUNNABLE, "the first waiting receiver gets it");
    cr_assert_eq(svm_val_int(r1->result), 7);
    cr_assert_eq(s->result, SVM_VAL_UNIT);
    cr_assert_eq(svm_sync_chan(c, s, SVM_OFFER_SEND, 0, svm_int_val(8)), SVM_SYNC_DONE);
    cr_assert_eq(r2->state, SVM_CS_RUNNABLE);
    cr_assert_eq(r2->fired, 1, "the branch of the choose that fired");
    cr_assert_eq(svm_val_int(r2->result), 8);
    cr_assert_null(c->chans[1].receivers.head, "the losing offer is withdrawn");
    cr_assert_eq(svm_sync_chan(c, s, SVM_OFFER_SEND, 0, svm_int_val(9)), SVM_SYNC_BLOCKED);
    cr_assert_eq(c->chans[0].senders.head, &s->offers[0]);
    cr_assert_eq(svm_sync_chan(c, s, SVM_OFFER_SEND, 5, svm_int_val(9)), SVM_S_EBADCHAN);
}

Test(cml, join_waits_for_the_end_of_a_context)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 1));
    svm_ctx_t *m = spawn(c), *t = spawn(c), *u = spawn(c);
    run(c, m);
    cr_assert_eq(sync1(c, m, SVM_OFFER_JOIN, t->tid, 0, 1), SVM_SYNC_BLOCKED);
    svm_ctx_yield(c, u);
    run(c, u);
    cr_assert_eq(sync1(c, u, SVM_OFFER_JOIN, t->tid, 0, 1), SVM_SYNC_BLOCKED);
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_RUNNABLE);
    uint32_t tid = t->tid;
    run(c, t);
    svm_ctx_halt(c, t);
    cr_assert_eq(m->state, SVM_CS_RUNNABLE, "the joiners are released");
    cr_assert_eq(u->state, SVM_CS_RUNNABLE);
    cr_assert_eq(c->runq[c->rq_head], m->slot, "in the order they joined");
    cr_assert_null(t->joiners.head);
    run(c, m);
    cr_assert_eq(sync1(c, m, SVM_OFFER_JOIN, tid, 0, 1), SVM_SYNC_DONE, "an ended thread: at once");
    cr_assert_eq(sync1(c, m, SVM_OFFER_JOIN, 1000, 0, 0), SVM_SYNC_DONE,
                 "a thread that never existed: at once");
    /* joining oneself: blocked forever, a deadlock once nobody else can run */
    cr_assert_eq(sync1(c, m, SVM_OFFER_JOIN, m->tid, 0, 1), SVM_SYNC_BLOCKED);
    run(c, u);
    svm_ctx_halt(c, u);
    cr_assert_eq(svm_container_idle_kind(c), SVM_IDLE_DEADLOCK);
}

Test(cml, reset_forgets_joiners)
{
    svm_container_t *c = mk_cont(mk_mf("a", 1, 4, 1));
    svm_ctx_t *t = spawn(c), *j1 = spawn(c), *j2 = spawn(c);
    run(c, j1);
    cr_assert_eq(sync1(c, j1, SVM_OFFER_JOIN, t->tid, 0, 1), SVM_SYNC_BLOCKED);
    run(c, j2);
    cr_assert_eq(sync1(c, j2, SVM_OFFER_JOIN, t->tid, 0, 1), SVM_SYNC_BLOCKED);
    cr_assert_eq(t->joiners.head, &j1->offers[0]);
    svm_container_reset(c);
    for (uint32_t i = 0; i < c->maxctx; i++) {
        cr_assert_null(c->ctxs[i].joiners.head);
        cr_assert_null(c->ctxs[i].joiners.tail);
        cr_assert_eq(c->ctxs[i].state, SVM_CS_FREE);
    }
    svm_ctx_t *n = spawn(c); /* the slots are reusable */
    svm_ctx_t *m = spawn(c);
    run(c, m);
    cr_assert_eq(sync1(c, m, SVM_OFFER_JOIN, n->tid, 0, 1), SVM_SYNC_BLOCKED);
    run(c, n);
    svm_ctx_halt(c, n);
    cr_assert_eq(m->state, SVM_CS_RUNNABLE);
}
