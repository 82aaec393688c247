/* SPDX-License-Identifier: MIT
 * test_queues.c — the ISR event ring (order, overflow counting, a real two-thread SPSC
 * stress) and the timer queue (order, ties, cancel/move, random against a reference).
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>

#include <sensevm/sched.h>

static svm_hal_event_t ev_of(uint32_t i)
{
    svm_hal_event_t e = {i * 10u, (uint16_t)(i % 3u), SVM_EV_RX, (int32_t)i};
    return e;
}

Test(evq, rejects_bad_capacity)
{
    svm_evq_t q;
    svm_hal_event_t buf[8];
    cr_assert_eq(svm_evq_init(&q, buf, 6), SVM_HAL_EINVAL);
    cr_assert_eq(svm_evq_init(&q, buf, 1), SVM_HAL_EINVAL);
    cr_assert_eq(svm_evq_init(&q, buf, 8), SVM_HAL_OK);
}

Test(evq, fifo_and_overflow_counted)
{
    svm_evq_t q;
    svm_hal_event_t buf[4], e;
    svm_evq_init(&q, buf, 4);
    cr_assert_eq(svm_evq_pop(&q, &e), 0);
    for (uint32_t i = 0; i < 6; i++) {
        e = ev_of(i);
        cr_assert_eq(svm_evq_push(&q, &e), i < 4 ? 1 : 0);
    }
    cr_assert_eq(svm_evq_count(&q), 4u);
    cr_assert_eq(svm_evq_overflows(&q), 2u, "the two refused events are counted");
    for (uint32_t i = 0; i < 4; i++) {
        cr_assert_eq(svm_evq_pop(&q, &e), 1);
        cr_assert_eq(e.value, (int32_t)i);
        cr_assert_eq(e.time_ns, i * 10u);
    }
    cr_assert_eq(svm_evq_pop(&q, &e), 0);
    /* wrap-around many times */
    for (uint32_t i = 0; i < 1000; i++) {
        e = ev_of(i);
        cr_assert_eq(svm_evq_push(&q, &e), 1);
        cr_assert_eq(svm_evq_pop(&q, &e), 1);
        cr_assert_eq(e.value, (int32_t)i);
    }
    cr_assert_eq(svm_evq_overflows(&q), 2u);
}

#define STRESS_N 200000u
static svm_evq_t sq;
static svm_hal_event_t sbuf[16];

static void *producer(void *arg)
{
    (void)arg;
    for (uint32_t i = 0; i < STRESS_N; i++) {
        svm_hal_event_t e = ev_of(i);
        while (!svm_evq_push(&sq, &e)) {
        } /* retry: counts overflows, but never loses an accepted event */
    }
    return NULL;
}

Test(evq, spsc_two_threads_in_order)
{
    svm_evq_init(&sq, sbuf, 16);
    pthread_t th;
    pthread_create(&th, NULL, producer, NULL);
    uint32_t next = 0;
    while (next < STRESS_N) {
        svm_hal_event_t e;
        if (svm_evq_pop(&sq, &e)) {
            cr_assert_eq(e.value, (int32_t)next, "got %d, expected %u", e.value, next);
            cr_assert_eq(e.time_ns, (uint64_t)next * 10u);
            next++;
        }
    }
    pthread_join(th, NULL);
    svm_hal_event_t e;
    cr_assert_eq(svm_evq_pop(&sq, &e), 0);
}

/* ---- timer queue ---- */
static uint64_t mem[1024];

Test(timerq, order_ties_cancel_move)
{
    svm_timerq_t q;
    cr_assert_eq(svm_timerq_init(&q, 8, mem, 4), SVM_S_ENOMEM);
    cr_assert_eq(svm_timerq_init(&q, 8, mem, sizeof mem), SVM_S_OK);
    uint32_t s;
    cr_assert_eq(svm_timerq_peek(&q, &s), UINT64_MAX);
    svm_timerq_set(&q, 3, 500);
    svm_timerq_set(&q, 1, 100);
    svm_timerq_set(&q, 5, 500); /* same deadline as slot 3, later: fires after it */
    svm_timerq_set(&q, 2, 300);
    svm_timerq_set(&q, 7, 50);
    svm_timerq_cancel(&q, 7);
    cr_assert(!svm_timerq_queued(&q, 7));
    svm_timerq_set(&q, 2, 700); /* moved later */
    cr_assert_eq(svm_timerq_peek(&q, &s), 100u);
    cr_assert_eq(s, 1u);
    cr_assert_eq(svm_timerq_pop_due(&q, 99, &s), 0, "nothing due before 100");
    uint32_t order[4], n = 0;
    while (svm_timerq_pop_due(&q, 1000, &s))
        order[n++] = s;
    cr_assert_eq(n, 4u);
    cr_assert_eq(order[0], 1u);
    cr_assert_eq(order[1], 3u);
    cr_assert_eq(order[2], 5u);
    cr_assert_eq(order[3], 2u);
}

Test(timerq, random_against_reference)
{
    enum { CAP = 64 };
    svm_timerq_t q;
    svm_timerq_init(&q, CAP, mem, sizeof mem);
    uint64_t ref[CAP] = {0};
    uint32_t refseq[CAP] = {0}, seq = 0;
    int on[CAP] = {0};
    srand(12345);
    uint64_t now = 0;
    for (int step = 0; step < 20000; step++) {
        int op = rand() % 4;
        uint32_t slot = (uint32_t)rand() % CAP;
        if (op <= 1) {
            ref[slot] = now + (uint64_t)(rand() % 1000);
            refseq[slot] = seq++;
            on[slot] = 1;
            svm_timerq_set(&q, slot, ref[slot]);
        } else if (op == 2) {
            on[slot] = 0;
            svm_timerq_cancel(&q, slot);
        } else {
            now += (uint64_t)(rand() % 300);
            uint32_t got;
            while (svm_timerq_pop_due(&q, now, &got)) {
                /* the reference's earliest (deadline, seq) */
                int best = -1;
                for (int i = 0; i < CAP; i++)
                    if (on[i] && (best < 0 || ref[i] < ref[best] ||
                                  (ref[i] == ref[best] && refseq[i] < refseq[best])))
                        best = i;
                cr_assert(best >= 0 && ref[best] <= now);
                cr_assert_eq(got, (uint32_t)best, "step %d: popped %u, expected %d", step, got,
                             best);
                on[best] = 0;
            }
            for (int i = 0; i < CAP; i++)
                cr_assert(!on[i] || ref[i] > now);
        }
    }
}
