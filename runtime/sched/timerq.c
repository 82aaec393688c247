/* SPDX-License-Identifier: MIT
 * timerq.c — indexed binary min-heap of deadlines, one per slot (a slot is a context).
 * Order: (deadline, insertion sequence), so equal deadlines fire first-come first-served
 * and every run is deterministic. pos[] makes set/cancel O(log n).
 */
#include <sensevm/sched.h>

int svm_timerq_init(svm_timerq_t *q, uint32_t cap, void *mem, size_t size)
{
    if (size < SVM_TIMERQ_MEM(cap))
        return SVM_S_ENOMEM;
    uintptr_t p = ((uintptr_t)mem + 7u) & ~(uintptr_t)7u;
    q->when = (uint64_t *)p;
    p += (uintptr_t)cap * 8u;
    q->heap = (uint32_t *)p;
    q->pos = q->heap + cap;
    q->seq = q->pos + cap;
    q->cap = cap;
    q->n = 0;
    q->next_seq = 0;
    for (uint32_t i = 0; i < cap; i++)
        q->pos[i] = 0;
    return SVM_S_OK;
}

static int tq_less(const svm_timerq_t *q, uint32_t a, uint32_t b)
{
    if (q->when[a] != q->when[b])
        return q->when[a] < q->when[b];
    return (int32_t)(q->seq[a] - q->seq[b]) < 0;
}

static void tq_place(svm_timerq_t *q, uint32_t i, uint32_t slot)
{
    q->heap[i] = slot;
    q->pos[slot] = i + 1u;
}

static void tq_up(svm_timerq_t *q, uint32_t i)
{
    uint32_t slot = q->heap[i];
    while (i > 0) {
        uint32_t parent = (i - 1u) / 2u;
        if (!tq_less(q, slot, q->heap[parent]))
            break;
        tq_place(q, i, q->heap[parent]);
        i = parent;
    }
    tq_place(q, i, slot);
}

static void tq_down(svm_timerq_t *q, uint32_t i)
{
    uint32_t slot = q->heap[i];
    for (;;) {
        uint32_t l = 2u * i + 1u, best = i;
        uint32_t bslot = slot;
        if (l < q->n && tq_less(q, q->heap[l], bslot)) {
            best = l;
            bslot = q->heap[l];
        }
        if (l + 1u < q->n && tq_less(q, q->heap[l + 1u], bslot))
            best = l + 1u;
        if (best == i)
            break;
        tq_place(q, i, q->heap[best]);
        i = best;
    }
    tq_place(q, i, slot);
}

void svm_timerq_set(svm_timerq_t *q, uint32_t slot, uint64_t when)
{
    if (slot >= q->cap)
        return;
    q->when[slot] = when;
    q->seq[slot] = q->next_seq++;
    if (q->pos[slot]) {
        tq_up(q, q->pos[slot] - 1u);
        tq_down(q, q->pos[slot] - 1u);
        return;
    }
    q->heap[q->n] = slot;
    q->pos[slot] = ++q->n;
    tq_up(q, q->n - 1u);
}

void svm_timerq_cancel(svm_timerq_t *q, uint32_t slot)
{
    if (slot >= q->cap || !q->pos[slot])
        return;
    uint32_t i = q->pos[slot] - 1u;
    q->pos[slot] = 0;
    q->n--;
    if (i == q->n)
        return;
    uint32_t moved = q->heap[q->n];
    tq_place(q, i, moved);
    tq_up(q, i);
    if (q->heap[i] == moved)
        tq_down(q, i);
}

int svm_timerq_queued(const svm_timerq_t *q, uint32_t slot)
{
    return slot < q->cap && q->pos[slot] != 0;
}

uint64_t svm_timerq_peek(const svm_timerq_t *q, uint32_t *slot)
{
    if (q->n == 0)
        return UINT64_MAX;
    if (slot)
        *slot = q->heap[0];
    return q->when[q->heap[0]];
}

int svm_timerq_pop_due(svm_timerq_t *q, uint64_t now, uint32_t *slot)
{
    if (q->n == 0 || q->when[q->heap[0]] > now)
        return 0;
    uint32_t s = q->heap[0];
    svm_timerq_cancel(q, s);
    if (slot)
        *slot = s;
    return 1;
}
