/* SPDX-License-Identifier: MIT
 * evq.c — the ISR-safe single-producer/single-consumer event ring of hal.h, and the HAL's
 * device lookup. The producer owns `tail` and `overflow`, the consumer owns `head`; the
 * release store of an index publishes the slot it covers (acquire on the other side).
 */
#include <sensevm/hal.h>

int svm_evq_init(svm_evq_t *q, svm_hal_event_t *buf, uint32_t cap)
{
    if (!q || !buf || cap < 2u || (cap & (cap - 1u)) != 0u)
        return SVM_HAL_EINVAL;
    q->buf = buf;
    q->mask = cap - 1u;
    atomic_init(&q->head, 0u);
    atomic_init(&q->tail, 0u);
    atomic_init(&q->overflow, 0u);
    return SVM_HAL_OK;
}

int svm_evq_push(svm_evq_t *q, const svm_hal_event_t *ev)
{
    uint32_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    uint32_t head = atomic_load_explicit(&q->head, memory_order_acquire);
    if (tail - head > q->mask) {
        /* full: refuse the new event and count it (never silently lost) */
        atomic_store_explicit(&q->overflow,
                              atomic_load_explicit(&q->overflow, memory_order_relaxed) + 1u,
                              memory_order_release);
        return 0;
    }
    q->buf[tail & q->mask] = *ev;
    atomic_store_explicit(&q->tail, tail + 1u, memory_order_release);
    if (svm_cut.devmask & (1u << (ev->dev < 31u ? ev->dev : 31u)))
        svm_cut.request = 1; /* a higher container's device: cut the running slice */
    return 1;
}

svm_cut_t svm_cut;

void svm_cut_tick(uint64_t now)
{
    if (svm_cut.armed && now >= svm_cut.deadline)
        svm_cut.request = 1;
}

int svm_evq_pop(svm_evq_t *q, svm_hal_event_t *ev)
{
    uint32_t head = atomic_load_explicit(&q->head, memory_order_relaxed);
    uint32_t tail = atomic_load_explicit(&q->tail, memory_order_acquire);
    if (head == tail)
        return 0;
    *ev = q->buf[head & q->mask];
    atomic_store_explicit(&q->head, head + 1u, memory_order_release);
    return 1;
}

uint32_t svm_evq_count(const svm_evq_t *q)
{
    svm_evq_t *m = (svm_evq_t *)(uintptr_t)q; /* atomic loads need a non-const object in C11 */
    return atomic_load_explicit(&m->tail, memory_order_acquire) -
           atomic_load_explicit(&m->head, memory_order_relaxed);
}

uint32_t svm_evq_overflows(const svm_evq_t *q)
{
    svm_evq_t *m = (svm_evq_t *)(uintptr_t)q;
    return atomic_load_explicit(&m->overflow, memory_order_acquire);
}

int svm_hal_find_dev(const svm_hal_t *hal, const char *name)
{
    for (uint16_t i = 0; hal && i < hal->ndevs; i++) {
        const char *a = hal->devs[i].name, *b = name;
        while (*a && *a == *b) {
            a++;
            b++;
        }
        if (*a == *b)
            return i;
    }
    return -1;
}
