/* SPDX-License-Identifier: MIT
 * cm_core.h — the Cortex-M core that every bare-metal port shares (cortexm for the MPS2
 * boards, stm32f4, nrf51), written from the ARMv7-M and ARMv6-M architecture manuals:
 * the system registers, interrupt masking, the NVIC, a RAM vector table, SysTick as a
 * 64-bit nanosecond clock, and the `wfi` sleep loop of the tickless sleep manager.
 * Header-only (static inline): each port's HAL includes it; nothing here is exported.
 *
 * Invariants the users keep: SysTick's priority is above the device lines (so the tick
 * count is current inside a device handler); only device handlers of one priority push
 * into the event queue.
 */
#ifndef SVM_CM_CORE_H
#define SVM_CM_CORE_H

#include <stdint.h>

#include <sensevm/hal.h>

#define CM_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define CM_SYST_CSR CM_REG(0xe000e010u)
#define CM_SYST_RVR CM_REG(0xe000e014u)
#define CM_SYST_CVR CM_REG(0xe000e018u)
#define CM_SCB_ICSR CM_REG(0xe000ed04u)
#define CM_SCB_VTOR CM_REG(0xe000ed08u)
#define CM_SCB_SHPR3 CM_REG(0xe000ed20u)
#define CM_NVIC_ISER(n) CM_REG(0xe000e100u + 4u * (n))
#define CM_NVIC_ISPR(n) CM_REG(0xe000e200u + 4u * (n))
#define CM_NVIC_IPR_WORD(n) CM_REG(0xe000e400u + 4u * ((n) / 4u))
#define CM_ICSR_PENDSTSET (1u << 26)

typedef void (*cm_isr_t)(void);

static inline void cm_irq_disable(void) { __asm volatile("cpsid i" ::: "memory"); }
static inline void cm_irq_enable(void) { __asm volatile("cpsie i" ::: "memory"); }

/* Mask interrupts; returns the previous PRIMASK for cm_irq_restore. */
static inline uint32_t cm_irq_save(void)
{
    uint32_t primask;
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
    return primask;
}

static inline void cm_irq_restore(uint32_t primask)
{
    __asm volatile("msr primask, %0" ::"r"(primask) : "memory");
}

/* Enable external interrupt irq at priority prio (the 8-bit field: 0x40, 0x80 ...; the
 * chip keeps its implemented top bits). Word access: ARMv6-M has no byte access to IPR. */
static inline void cm_nvic_enable(uint32_t irq, uint32_t prio)
{
    uint32_t sh = 8u * (irq % 4u);
    CM_NVIC_IPR_WORD(irq) = (CM_NVIC_IPR_WORD(irq) & ~(0xffu << sh)) | ((prio & 0xffu) << sh);
    CM_NVIC_ISER(irq / 32u) = 1u << (irq % 32u);
}

static inline void cm_nvic_pend(uint32_t irq) { CM_NVIC_ISPR(irq / 32u) = 1u << (irq % 32u); }

static inline void cm_unexpected_isr(void)
{
    for (;;)
        __asm volatile("bkpt #0");
}

/* Fill the RAM vector table vtab[n] (16 system entries, then the external lines): the boot
 * table's system handlers, cm_unexpected_isr everywhere else. The caller sets its own
 * entries, then cm_vtab_install. Interrupts must be masked. */
static inline void cm_vtab_init(cm_isr_t *vtab, unsigned n)
{
    const cm_isr_t *boot = (const cm_isr_t *)(uintptr_t)CM_SCB_VTOR;
    for (unsigned i = 0; i < 16; i++)
        vtab[i] = boot[i];
    for (unsigned i = 16; i < n; i++)
        vtab[i] = cm_unexpected_isr;
}

static inline void cm_vtab_install(cm_isr_t *vtab)
{
    __asm volatile("dsb" ::: "memory");
    CM_SCB_VTOR = (uint32_t)(uintptr_t)vtab;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* ---- SysTick as the clock (ARMv7-M) ---- */

typedef struct cm_systick {
    volatile uint32_t lo, hi; /* ticks, counted by cm_systick_tick in the SysTick handler */
    uint32_t reload, hz, tick_hz;
    uint64_t last_ns;
} cm_systick_t;

/* Start SysTick on the core clock hz with tick_hz ticks a second, at priority 0x40 (above
 * the device lines at 0x80). The handler (vector 15) calls cm_systick_tick. */
static inline void cm_systick_start(cm_systick_t *s, uint32_t hz, uint32_t tick_hz)
{
    s->hz = hz;
    s->tick_hz = tick_hz;
    s->reload = hz / tick_hz - 1u;
    s->lo = s->hi = 0;
    s->last_ns = 0;
    CM_SCB_SHPR3 = (CM_SCB_SHPR3 & 0x00ffffffu) | (0x40u << 24);
    CM_SYST_RVR = s->reload;
    CM_SYST_CVR = 0;
    CM_SYST_CSR = 7u; /* processor clock, interrupt, enable */
}

static inline void cm_systick_tick(cm_systick_t *s)
{
    if (++s->lo == 0)
        s->hi++;
}

/* Nanoseconds since cm_systick_start. Read with interrupts masked, so that the tick count
 * cannot change under us. The counter wraps and pends SysTick before the handler counts
 * the tick: if SysTick is pending, count the wrap and re-read the counter (now certainly
 * from after it). QEMU's SysTick may show the wrapped counter some microseconds before it
 * pends the exception; the clamp to the last value returned keeps time monotonic there
 * (it stands still for that moment). */
static inline uint64_t cm_systick_now_ns(cm_systick_t *s)
{
    if (!s->hz)
        return 0; /* not started */
    uint32_t pm = cm_irq_save();
    uint64_t ticks = ((uint64_t)s->hi << 32) | s->lo;
    uint32_t v = CM_SYST_CVR;
    if (CM_SCB_ICSR & CM_ICSR_PENDSTSET) {
        v = CM_SYST_CVR;
        ticks++;
    }
    uint64_t t =
        ticks * (1000000000u / s->tick_hz) + (uint64_t)(s->reload - v) * 1000000000u / s->hz;
    if (t < s->last_ns)
        t = s->last_ns;
    s->last_ns = t;
    cm_irq_restore(pm);
    return t;
}

/* The sleep manager's wait (hal.h sleep_until) on a SysTick clock: until an event is
 * queued in *q or the clock reaches t, in `wfi`. Never sleeps with an event queued: the
 * queue is checked with interrupts masked right before `wfi`, and a pending interrupt
 * wakes `wfi` even when masked; SysTick wakes it every tick. Counts the sleeps, and the
 * wake-ups by an event after a sleep. */
static inline int cm_systick_sleep_until(cm_systick_t *s, svm_evq_t *volatile *q, uint64_t t,
                                         volatile uint32_t *sleeps,
                                         volatile uint32_t *wakeups_by_event)
{
    int slept = 0;
    for (;;) {
        svm_evq_t *e = *q;
        if (e && svm_evq_count(e)) {
            if (slept)
                (*wakeups_by_event)++;
            return SVM_HAL_WOKE_EVENT;
        }
        if (cm_systick_now_ns(s) >= t)
            return SVM_HAL_WOKE_TIME;
        cm_irq_disable();
        if (!(e && svm_evq_count(e)) && !(CM_SCB_ICSR & CM_ICSR_PENDSTSET)) {
            __asm volatile("dsb\n\twfi" ::: "memory");
            (*sleeps)++;
            slept = 1;
        }
        cm_irq_enable();
        __asm volatile("isb" ::: "memory");
    }
}

/* Push one event from a device handler (hal.h: one producer at a time). */
static inline void cm_push(svm_evq_t *volatile *q, uint64_t t, uint16_t dev, uint16_t kind,
                           int32_t value)
{
    svm_hal_event_t ev = {t, dev, kind, value};
    svm_evq_t *e = *q;
    if (e)
        svm_evq_push(e, &ev);
}

#endif
