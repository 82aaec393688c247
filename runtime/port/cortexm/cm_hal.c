/* SPDX-License-Identifier: MIT
 * cm_hal.c — the HAL on bare-metal Cortex-M (ARMv7-M: M3/M4) for QEMU's MPS2 boards.
 *
 * Invariants
 *   - The port owns SysTick, VTOR (a RAM vector table copied from the boot one) and the two
 *     stand-in IRQ lines. SysTick has a higher priority than the device lines, so the tick
 *     count is current inside a device handler (event timestamps never go backwards).
 *   - Only the device handlers push into the event queue; they share one priority, so they
 *     never pre-empt each other: one producer at a time, as svm_evq_push requires.
 *   - sleep_until never sleeps with an event queued: the queue is checked with interrupts
 *     masked right before `wfi`, and a pending interrupt wakes `wfi` even when masked.
 */
#include <sensevm/cortexm/svm_cortexm.h>

#include <stdio.h>
#include <string.h>

#include "cm_core.h"

static cm_isr_t vtab[16 + SVM_CM_NIRQ] __attribute__((aligned(256)));

static svm_cm_t *cm;
static svm_evq_t *volatile cm_evq;
static cm_systick_t systick;
static volatile int button_level;
static volatile uint8_t uart_byte;
/* Scheduled button changes, sorted by time; written by the thread with interrupts masked,
 * consumed by the SysTick handler. */
static volatile uint64_t sched_t[SVM_CM_SCHEDULED];
static volatile uint8_t sched_level[SVM_CM_SCHEDULED];
static volatile uint32_t nsched;

static const svm_hal_dev_t cm_devs[SVM_CM_NDEVS] = {
    [SVM_CM_LED0] = {"led0", SVM_DEV_LED},
    [SVM_CM_LED1] = {"led1", SVM_DEV_LED},
    [SVM_CM_BUTTON0] = {"button0", SVM_DEV_BUTTON},
    [SVM_CM_UART0] = {"uart0", SVM_DEV_UART},
};

uint64_t svm_cm_now_ns(void) { return cm_systick_now_ns(&systick); }

static void systick_isr(void)
{
    cm_systick_tick(&systick);
    svm_cut_tick(svm_cm_now_ns()); /* a higher container's timer: the interrupt cut */
    if (nsched && svm_cm_now_ns() >= sched_t[0]) {
        /* one change per tick, so that the button handler sees each level */
        button_level = sched_level[0];
        for (uint32_t i = 1; i < nsched; i++) {
            sched_t[i - 1] = sched_t[i];
            sched_level[i - 1] = sched_level[i];
        }
        nsched--;
        cm_nvic_pend(SVM_CM_IRQ_BUTTON);
    }
}

static void push(uint16_t dev, uint16_t kind, int32_t value)
{
    cm_push(&cm_evq, svm_cm_now_ns(), dev, kind, value);
}

static void button_isr(void)
{
    int level = button_level;
    cm->state[SVM_CM_BUTTON0] = level;
    push(SVM_CM_BUTTON0, level ? SVM_EV_PRESS : SVM_EV_RELEASE, level);
}

static void uart_isr(void) { push(SVM_CM_UART0, SVM_EV_RX, uart_byte); }

void svm_cm_button(int pressed)
{
    button_level = pressed != 0;
    cm_nvic_pend(SVM_CM_IRQ_BUTTON);
}

int svm_cm_button_at(uint64_t t, int pressed)
{
    int rc = -1;
    cm_irq_disable();
    if (nsched < SVM_CM_SCHEDULED) {
        uint32_t i = nsched++;
        for (; i > 0 && sched_t[i - 1] > t; i--) {
            sched_t[i] = sched_t[i - 1];
            sched_level[i] = sched_level[i - 1];
        }
        sched_t[i] = t;
        sched_level[i] = (uint8_t)(pressed != 0);
        rc = 0;
    }
    cm_irq_enable();
    return rc;
}

void svm_cm_uart_rx(uint8_t byte)
{
    uart_byte = byte;
    cm_nvic_pend(SVM_CM_IRQ_UART);
}

/* ---- the HAL table ---- */

static uint64_t hal_now(void *port)
{
    (void)port;
    return svm_cm_now_ns();
}

static int hal_sleep_until(void *port, uint64_t t)
{
    svm_cm_t *p = port;
    return cm_systick_sleep_until(&systick, &cm_evq, t, &p->sleeps, &p->wakeups_by_event);
}

static void hal_attach(void *port, svm_evq_t *q)
{
    (void)port;
    cm_evq = q;
}

static void log_dev(svm_cm_t *p, uint16_t dev, int32_t value)
{
    uint64_t us = svm_cm_now_ns() / 1000u;
    printf("[%6lu.%03lu ms] %s %s\n", (unsigned long)(us / 1000u), (unsigned long)(us % 1000u),
           p->hal.devs[dev].name, value ? "on" : "off");
}

static int hal_dev_write(void *port, uint16_t dev, int32_t value)
{
    svm_cm_t *p = port;
    if (dev >= SVM_CM_NDEVS)
        return SVM_HAL_ENODEV;
    switch (cm_devs[dev].cls) {
    case SVM_DEV_LED:
        if (value != 0 && value != 1)
            return SVM_HAL_EINVAL;
        p->state[dev] = value;
        p->writes[dev]++;
        if (p->ndevlog < SVM_CM_DEVLOG)
            p->devlog[p->ndevlog++] = (svm_cm_devlog_t){svm_cm_now_ns(), dev, value};
        if (p->log_devices)
            log_dev(p, dev, value);
        return SVM_HAL_OK;
    case SVM_DEV_UART: {
        if (value < 0 || value > 255)
            return SVM_HAL_EINVAL;
        char c = (char)value;
        p->state[dev] = value;
        p->writes[dev]++;
        fwrite(&c, 1, 1, stdout);
        return SVM_HAL_OK;
    }
    default: return SVM_HAL_ENODEV;
    }
}

static int hal_dev_read(void *port, uint16_t dev, int32_t *value)
{
    svm_cm_t *p = port;
    if (dev >= SVM_CM_NDEVS || cm_devs[dev].cls == SVM_DEV_UART)
        return SVM_HAL_ENODEV;
    *value = p->state[dev];
    return SVM_HAL_OK;
}

static int hal_console_write(void *port, int stream, const uint8_t *buf, size_t len)
{
    (void)port;
    FILE *f = stream == 2 ? stderr : stdout;
    return fwrite(buf, 1, len, f) == len ? SVM_HAL_OK : SVM_HAL_EIO;
}

static int hal_flash_geometry(void *port, uint32_t *page_size, uint32_t *npages,
                              uint32_t *write_unit)
{
    svm_cm_t *p = port;
    *page_size = p->flash.page_size;
    *npages = p->flash.npages;
    *write_unit = p->flash.write_unit;
    return SVM_HAL_OK;
}

static int hal_flash_erase(void *port, uint32_t page)
{
    return svm_cm_flash_erase(&((svm_cm_t *)port)->flash, page);
}

static int hal_flash_write(void *port, uint32_t off, const uint8_t *buf, uint32_t len)
{
    return svm_cm_flash_write(&((svm_cm_t *)port)->flash, off, buf, len);
}

static int hal_flash_read(void *port, uint32_t off, uint8_t *buf, uint32_t len)
{
    return svm_cm_flash_read(&((svm_cm_t *)port)->flash, off, buf, len);
}

void svm_cm_init(svm_cm_t *p)
{
    memset(p, 0, sizeof *p);
    cm = p;
    p->flash.base = (uint8_t *)SVM_CM_SLOT_AREA;
    p->flash.page_size = SVM_CM_FLASH_PAGE;
    p->flash.npages = SVM_CM_SLOT_AREA_SIZE / SVM_CM_FLASH_PAGE;
    p->flash.write_unit = SVM_CM_FLASH_UNIT;
    svm_hal_t *h = &p->hal;
    h->port = p;
    h->devs = cm_devs;
    h->ndevs = SVM_CM_NDEVS;
    h->now_ns = hal_now;
    h->sleep_until = hal_sleep_until;
    h->attach = hal_attach;
    h->dev_write = hal_dev_write;
    h->dev_read = hal_dev_read;
    h->console_write = hal_console_write;
    h->flash_geometry = hal_flash_geometry;
    h->flash_erase = hal_flash_erase;
    h->flash_write = hal_flash_write;
    h->flash_read = hal_flash_read;

    /* A RAM vector table: the boot table's system handlers, then ours. */
    cm_irq_disable();
    cm_vtab_init(vtab, 16 + SVM_CM_NIRQ);
    vtab[15] = systick_isr;
    vtab[16 + SVM_CM_IRQ_BUTTON] = button_isr;
    vtab[16 + SVM_CM_IRQ_UART] = uart_isr;
    cm_vtab_install(vtab);

    /* SysTick (0x40) above the device lines (0x80; lower number = higher priority). */
    cm_nvic_enable(SVM_CM_IRQ_BUTTON, 0x80);
    cm_nvic_enable(SVM_CM_IRQ_UART, 0x80);
    cm_systick_start(&systick, SVM_CM_CPU_HZ, SVM_CM_TICK_HZ);
    cm_irq_enable();
}
