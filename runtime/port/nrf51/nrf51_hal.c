/* SPDX-License-Identifier: MIT
 * nrf51_hal.c — the HAL on the nRF51822 (svm_nrf51.h), drivers written from the nRF51
 * Reference Manual.
 *
 * Invariants
 *   - Time: TIMER0 counts at 1 MHz (PRESCALER 4) over 32 bits (a wrap every 71.6 min);
 *     CC[2] takes captures for reading, CC[0] is the sleep manager's wake-up. The high word
 *     is counted in software: a capture below the previous one is a wrap. CC[1], moved on
 *     by half the period at each match, makes sure of a read every 35.8 min, so no wrap is
 *     missed. (Compare events are not trusted to mark the wrap itself: QEMU's model raises
 *     a compare event spuriously when the counter equals CC at a capture.)
 *   - Only the UART0 and GPIOTE handlers push into the event queue, at one priority (one
 *     producer at a time, as svm_evq_push requires); TIMER0 is above them, so event
 *     timestamps are current.
 *   - sleep_until never sleeps with an event queued or the deadline passed: both are
 *     checked with interrupts masked right before `wfi`, and a pending interrupt wakes
 *     `wfi` even when masked.
 *   - Display: with the lit pixels in one matrix row the pins are driven statically (no
 *     interrupt, nothing to do while asleep); only pixels in two or three rows start the
 *     TIMER1 row scan (500 Hz per row), which stops again as soon as one row is left.
 */
#include <sensevm/nrf51/svm_nrf51.h>

#include <string.h>

#include "../cortexm/cm_core.h" /* the Cortex-M core shared by the ports: masking, NVIC, events */
#include "nrf51_regs.h"

#define NLED 25u
#define NROW 3u
#define NCOL 9u
#define ROW_PIN0 13u /* rows 1..3 = P0.13..P0.15, active high */
#define COL_PIN0 4u  /* columns 1..9 = P0.4..P0.12, active low */
#define ROW_MASK (7u << ROW_PIN0)
#define COL_MASK (0x1ffu << COL_PIN0)
#define UART_TX_PIN 24u
#define UART_RX_PIN 25u
#define SCAN_US 2000u

static svm_nrf51_t *nrf;
static svm_evq_t *volatile nrf_evq;
static uint32_t wraps, last_lo; /* the software high word; guarded by masking */
static const svm_hal_dev_t devs[SVM_BOARD_NDEVS] = SVM_BOARD_DEVICES;
static const char *const pins[SVM_BOARD_NDEVS] = SVM_BOARD_PINS;
/* From the board's pin names: pixel -> matrix row/column (0-based), button -> pin. */
static uint8_t led_row[NLED], led_col[NLED];
static int16_t led_dev[NLED], button_dev[2], uart_dev = -1;
static uint8_t button_pin[2];
static volatile uint8_t scan_row;

/* prio 0..3: the two priority bits ARMv6-M implements (the top of the 8-bit field) */
static void nvic_enable(uint32_t irq, uint32_t prio) { cm_nvic_enable(irq, prio << 6); }

/* ---- time: TIMER0 ---- */

static uint64_t now_us(void)
{
    uint32_t pm = cm_irq_save();
    NRF_REG(NRF_TIMER0, TIMER_TASKS_CAPTURE(2)) = 1;
    uint32_t lo = NRF_REG(NRF_TIMER0, TIMER_CC(2));
    if (lo < last_lo)
        wraps++;
    last_lo = lo;
    uint64_t t = (uint64_t)wraps << 32 | lo;
    cm_irq_restore(pm);
    return t;
}

uint64_t svm_nrf51_now_ns(void) { return now_us() * 1000u; }

void svm_nrf51_timer0_isr(void)
{
    if (NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(1))) {
        /* the keep-alive: a read every half period never misses a wrap */
        NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(1)) = 0;
        NRF_REG(NRF_TIMER0, TIMER_CC(1)) = (uint32_t)now_us() + 0x80000000u;
    }
    if (NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(0))) {
        /* the wake-up: `wfi` returned; disarm until the next sleep */
        NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(0)) = 0;
        NRF_REG(NRF_TIMER0, TIMER_INTENCLR) = TIMER_INT_COMPARE(0);
    }
}

static void timer0_init(void)
{
    NRF_REG(NRF_TIMER0, TIMER_TASKS_STOP) = 1;
    NRF_REG(NRF_TIMER0, TIMER_MODE) = 0;
    NRF_REG(NRF_TIMER0, TIMER_BITMODE) = 3;   /* 32 bits */
    NRF_REG(NRF_TIMER0, TIMER_PRESCALER) = 4; /* 16 MHz / 16 = 1 MHz */
    NRF_REG(NRF_TIMER0, TIMER_SHORTS) = 0;
    NRF_REG(NRF_TIMER0, TIMER_CC(1)) = 0x80000000u;
    for (unsigned i = 0; i < 4; i++)
        NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(i)) = 0;
    NRF_REG(NRF_TIMER0, TIMER_INTENCLR) = 0xf0000u;
    NRF_REG(NRF_TIMER0, TIMER_INTENSET) = TIMER_INT_COMPARE(1);
    NRF_REG(NRF_TIMER0, TIMER_TASKS_CLEAR) = 1;
    wraps = last_lo = 0;
    nvic_enable(NRF_IRQ_TIMER0, 0);
    NRF_REG(NRF_TIMER0, TIMER_TASKS_START) = 1;
}

/* ---- console / uart0: UART0 ---- */

static void push(int16_t dev, uint16_t kind, int32_t value)
{
    if (dev >= 0)
        cm_push(&nrf_evq, svm_nrf51_now_ns(), (uint16_t)dev, kind, value);
}

void svm_nrf51_uart0_isr(void)
{
    if (NRF_REG(NRF_UART0, UART_EVENTS_ERROR)) {
        NRF_REG(NRF_UART0, UART_EVENTS_ERROR) = 0;
        NRF_REG(NRF_UART0, UART_ERRORSRC) = 0xfu; /* write 1s to clear */
        nrf->rx_errors++;
    }
    /* RM §29.4: clear RXDRDY before reading RXD, which then may raise it again */
    while (NRF_REG(NRF_UART0, UART_EVENTS_RXDRDY)) {
        NRF_REG(NRF_UART0, UART_EVENTS_RXDRDY) = 0;
        uint8_t b = (uint8_t)NRF_REG(NRF_UART0, UART_RXD);
        nrf->rx_bytes++;
        push(uart_dev, SVM_EV_RX, b);
    }
}

void svm_nrf51_uart_write(const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        NRF_REG(NRF_UART0, UART_EVENTS_TXDRDY) = 0;
        NRF_REG(NRF_UART0, UART_TXD) = buf[i];
        /* 87 us per byte at 115200 baud; the bound (~0.1 s) keeps a dead UART from
         * hanging the console */
        for (uint32_t n = 0; n < 400000u && !NRF_REG(NRF_UART0, UART_EVENTS_TXDRDY); n++)
            ;
    }
}

void svm_nrf51_console_write(const uint8_t *buf, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n') {
            svm_nrf51_uart_write(buf + from, i - from);
            svm_nrf51_uart_write((const uint8_t *)"\r\n", 2);
            from = i + 1;
        }
    svm_nrf51_uart_write(buf + from, len - from);
}

static void uart_init(void)
{
    NRF_REG(NRF_GPIO, GPIO_OUTSET) = 1u << UART_TX_PIN; /* idle high */
    NRF_REG(NRF_GPIO, GPIO_PIN_CNF(UART_TX_PIN)) = GPIO_CNF_OUTPUT;
    NRF_REG(NRF_GPIO, GPIO_PIN_CNF(UART_RX_PIN)) = 0; /* input, buffer connected */
    NRF_REG(NRF_UART0, UART_PSELTXD) = UART_TX_PIN;
    NRF_REG(NRF_UART0, UART_PSELRXD) = UART_RX_PIN;
    NRF_REG(NRF_UART0, UART_PSELRTS) = 0xffffffffu; /* no flow control */
    NRF_REG(NRF_UART0, UART_PSELCTS) = 0xffffffffu;
    NRF_REG(NRF_UART0, UART_CONFIG) = 0; /* 8N1 */
    NRF_REG(NRF_UART0, UART_BAUDRATE) = UART_BAUD_115200;
    NRF_REG(NRF_UART0, UART_ENABLE) = UART_ENABLE_ON;
    NRF_REG(NRF_UART0, UART_EVENTS_RXDRDY) = 0;
    NRF_REG(NRF_UART0, UART_EVENTS_ERROR) = 0;
    NRF_REG(NRF_UART0, UART_INTENSET) = UART_INT_RXDRDY | UART_INT_ERROR;
    nvic_enable(NRF_IRQ_UART0, 2);
    NRF_REG(NRF_UART0, UART_TASKS_STARTTX) = 1;
    NRF_REG(NRF_UART0, UART_TASKS_STARTRX) = 1;
}

/* ---- the display: GPIO rows/columns, TIMER1 row scan ---- */

static uint32_t row_cols(unsigned r, uint32_t lit)
{
    uint32_t cols = 0;
    for (unsigned i = 0; i < NLED; i++)
        if ((lit >> i & 1u) && led_row[i] == r)
            cols |= 1u << (COL_PIN0 + led_col[i]);
    return cols;
}

/* Drive row r (or none: r >= NROW) with its lit columns, in one write to OUT. */
static void drive_row(unsigned r, uint32_t lit)
{
    uint32_t out = NRF_REG(NRF_GPIO, GPIO_OUT) & ~(ROW_MASK | COL_MASK);
    if (r < NROW)
        out |= (1u << (ROW_PIN0 + r)) | (COL_MASK & ~row_cols(r, lit));
    else
        out |= COL_MASK;
    NRF_REG(NRF_GPIO, GPIO_OUT) = out;
}

static unsigned rows_lit(uint32_t lit, unsigned *first)
{
    unsigned n = 0;
    *first = NROW;
    for (unsigned r = 0; r < NROW; r++)
        if (row_cols(r, lit)) {
            if (!n)
                *first = r;
            n++;
        }
    return n;
}

void svm_nrf51_timer1_isr(void)
{
    NRF_REG(NRF_TIMER1, TIMER_EVENTS_COMPARE(0)) = 0;
    uint32_t lit = nrf->lit;
    for (unsigned k = 1; k <= NROW; k++) {
        unsigned r = (scan_row + k) % NROW;
        if (row_cols(r, lit)) {
            scan_row = (uint8_t)r;
            drive_row(r, lit);
            return;
        }
    }
    drive_row(NROW, lit);
}

static void display_update(svm_nrf51_t *p)
{
    unsigned first, n = rows_lit(p->lit, &first);
    if (n > 1) {
        /* multiplex: TIMER1 compare every SCAN_US, cleared by the short */
        NRF_REG(NRF_TIMER1, TIMER_TASKS_START) = 1;
        return;
    }
    NRF_REG(NRF_TIMER1, TIMER_TASKS_STOP) = 1;
    NRF_REG(NRF_TIMER1, TIMER_TASKS_CLEAR) = 1;
    NRF_REG(NRF_TIMER1, TIMER_EVENTS_COMPARE(0)) = 0;
    NRF_REG(NVIC_ICPR, 0) = 1u << NRF_IRQ_TIMER1;
    scan_row = (uint8_t)first;
    drive_row(first, p->lit);
}

static void display_init(void)
{
    NRF_REG(NRF_GPIO, GPIO_OUTCLR) = ROW_MASK;
    NRF_REG(NRF_GPIO, GPIO_OUTSET) = COL_MASK;
    NRF_REG(NRF_GPIO, GPIO_DIRSET) = ROW_MASK | COL_MASK;
    NRF_REG(NRF_TIMER1, TIMER_TASKS_STOP) = 1;
    NRF_REG(NRF_TIMER1, TIMER_MODE) = 0;
    NRF_REG(NRF_TIMER1, TIMER_BITMODE) = 0;   /* 16 bits */
    NRF_REG(NRF_TIMER1, TIMER_PRESCALER) = 4; /* 1 MHz */
    NRF_REG(NRF_TIMER1, TIMER_CC(0)) = SCAN_US;
    NRF_REG(NRF_TIMER1, TIMER_SHORTS) = TIMER_SHORT_COMPARE_CLEAR(0);
    NRF_REG(NRF_TIMER1, TIMER_INTENSET) = TIMER_INT_COMPARE(0);
    NRF_REG(NRF_TIMER1, TIMER_TASKS_CLEAR) = 1;
    nvic_enable(NRF_IRQ_TIMER1, 1);
}

void svm_nrf51_led_pins(unsigned led, unsigned *row_pin, unsigned *col_pin)
{
    *row_pin = ROW_PIN0 + led_row[led % NLED];
    *col_pin = COL_PIN0 + led_col[led % NLED];
}

int svm_nrf51_pin_out(unsigned n) { return (int)(NRF_REG(NRF_GPIO, GPIO_OUT) >> (n & 31u) & 1u); }

/* ---- buttons: GPIO inputs, GPIOTE PORT event ---- */

static int button_pressed(unsigned b)
{
    return !(NRF_REG(NRF_GPIO, GPIO_IN) >> button_pin[b] & 1u); /* active low */
}

/* SENSE for the opposite of the level just seen, so that the next change raises DETECT. */
static void button_sense(unsigned b, int pressed)
{
    uint32_t cnf = NRF_REG(NRF_GPIO, GPIO_PIN_CNF(button_pin[b])) & ~(3u << 16);
    NRF_REG(NRF_GPIO, GPIO_PIN_CNF(button_pin[b])) =
        cnf | (pressed ? GPIO_CNF_SENSE_HIGH : GPIO_CNF_SENSE_LOW);
}

void svm_nrf51_gpiote_isr(void)
{
    NRF_REG(NRF_GPIOTE, GPIOTE_EVENTS_PORT) = 0;
    for (unsigned b = 0; b < 2; b++) {
        int level = button_pressed(b);
        button_sense(b, level);
        if (level != nrf->button[b]) {
            nrf->button[b] = level;
            push(button_dev[b], level ? SVM_EV_PRESS : SVM_EV_RELEASE, level);
        }
    }
}

static void buttons_init(svm_nrf51_t *p)
{
    for (unsigned b = 0; b < 2; b++) {
        /* input, buffer connected, pull-up: the board has external 10k pull-ups as well;
         * the internal one also gives QEMU's undriven pin the released level */
        NRF_REG(NRF_GPIO, GPIO_PIN_CNF(button_pin[b])) = GPIO_CNF_PULLUP;
        p->button[b] = button_pressed(b);
        button_sense(b, p->button[b]);
    }
    NRF_REG(NRF_GPIOTE, GPIOTE_EVENTS_PORT) = 0;
    NRF_REG(NRF_GPIOTE, GPIOTE_INTENSET) = GPIOTE_INT_PORT;
    nvic_enable(NRF_IRQ_GPIOTE, 2);
}

int svm_nrf51_button_dev(unsigned which) { return which < 2 ? button_dev[which] : -1; }

void svm_nrf51_button_stimulus(unsigned which, int pressed)
{
    if (which >= 2)
        return;
    uint32_t bit = 1u << button_pin[which];
    NRF_REG(NRF_GPIO, pressed ? GPIO_OUTCLR : GPIO_OUTSET) = bit;
    NRF_REG(NRF_GPIO, GPIO_DIRSET) = bit; /* the input buffer reads the output back */
    cm_nvic_pend(NRF_IRQ_GPIOTE);
}

void svm_nrf51_reset(void)
{
    __asm volatile("dsb" ::: "memory");
    NRF_REG(SCB_AIRCR, 0) = AIRCR_SYSRESETREQ;
    for (;;)
        __asm volatile("wfi");
}

/* ---- the HAL table ---- */

static uint64_t hal_now(void *port)
{
    (void)port;
    return svm_nrf51_now_ns();
}

static int hal_sleep_until(void *port, uint64_t t)
{
    svm_nrf51_t *p = port;
    int slept = 0;
    /* the wake-up tick: the first whole microsecond at or after t */
    uint64_t due = t == UINT64_MAX ? UINT64_MAX : t / 1000u + (t % 1000u != 0);
    for (;;) {
        svm_evq_t *q = nrf_evq;
        if (q && svm_evq_count(q)) {
            if (slept)
                p->wakeups_by_event++;
            return SVM_HAL_WOKE_EVENT;
        }
        uint64_t now = now_us();
        if (now >= due)
            return SVM_HAL_WOKE_TIME;
        uint32_t pm = cm_irq_save();
        if (due - now < 0x80000000u) {
            NRF_REG(NRF_TIMER0, TIMER_EVENTS_COMPARE(0)) = 0;
            NRF_REG(NRF_TIMER0, TIMER_CC(0)) = (uint32_t)due;
            NRF_REG(NRF_TIMER0, TIMER_INTENSET) = TIMER_INT_COMPARE(0);
        }
        /* armed after the check above: if the deadline passed meanwhile, the compare
         * would not fire before a wrap, so look again before sleeping */
        if (!(q && svm_evq_count(q)) && now_us() < due) {
            __asm volatile("dsb\n\twfi" ::: "memory");
            p->sleeps++;
            slept = 1;
        }
        cm_irq_restore(pm);
        __asm volatile("isb" ::: "memory");
    }
}

static void hal_attach(void *port, svm_evq_t *q)
{
    (void)port;
    nrf_evq = q;
}

static int hal_dev_write(void *port, uint16_t dev, int32_t value)
{
    svm_nrf51_t *p = port;
    if (dev >= SVM_BOARD_NDEVS)
        return SVM_HAL_ENODEV;
    switch (devs[dev].cls) {
    case SVM_DEV_LED:
        if (value != 0 && value != 1)
            return SVM_HAL_EINVAL;
        for (unsigned i = 0; i < NLED; i++)
            if (led_dev[i] == (int16_t)dev) {
                uint32_t pm = cm_irq_save();
                p->lit = value ? p->lit | 1u << i : p->lit & ~(1u << i);
                display_update(p);
                cm_irq_restore(pm);
            }
        p->led_writes++;
        return SVM_HAL_OK;
    case SVM_DEV_UART: {
        if (value < 0 || value > 255)
            return SVM_HAL_EINVAL;
        uint8_t c = (uint8_t)value;
        svm_nrf51_uart_write(&c, 1);
        return SVM_HAL_OK;
    }
    default: return SVM_HAL_ENODEV;
    }
}

static int hal_dev_read(void *port, uint16_t dev, int32_t *value)
{
    svm_nrf51_t *p = port;
    if (dev >= SVM_BOARD_NDEVS)
        return SVM_HAL_ENODEV;
    for (unsigned i = 0; i < NLED; i++)
        if (led_dev[i] == (int16_t)dev) {
            *value = (int32_t)(p->lit >> i & 1u);
            return SVM_HAL_OK;
        }
    for (unsigned b = 0; b < 2; b++)
        if (button_dev[b] == (int16_t)dev) {
            *value = button_pressed(b);
            return SVM_HAL_OK;
        }
    return SVM_HAL_ENODEV;
}

static int hal_console_write(void *port, int stream, const uint8_t *buf, size_t len)
{
    (void)port;
    (void)stream;
    svm_nrf51_console_write(buf, len);
    return SVM_HAL_OK;
}

static int hal_flash_geometry(void *port, uint32_t *page_size, uint32_t *npages,
                              uint32_t *write_unit)
{
    svm_nrf51_t *p = port;
    *page_size = NRF51_PAGE_SIZE;
    *npages = p->flash.npages;
    *write_unit = 4u;
    return SVM_HAL_OK;
}

static int hal_flash_erase(void *port, uint32_t page)
{
    return svm_nrf51_flash_erase(&((svm_nrf51_t *)port)->flash, page);
}

static int hal_flash_write(void *port, uint32_t off, const uint8_t *buf, uint32_t len)
{
    return svm_nrf51_flash_write(&((svm_nrf51_t *)port)->flash, off, buf, len);
}

static int hal_flash_read(void *port, uint32_t off, uint8_t *buf, uint32_t len)
{
    return svm_nrf51_flash_read(&((svm_nrf51_t *)port)->flash, off, buf, len);
}

/* "RrCc" -> matrix row/column; "P0.n" -> pin n. 0, or -1 if the name has another shape. */
static int parse_pin(const char *s, unsigned *a, unsigned *b)
{
    if (s[0] == 'R' && s[1] >= '1' && s[1] <= '3' && s[2] == 'C' && s[3] >= '1' && s[3] <= '9' &&
        !s[4]) {
        *a = (unsigned)(s[1] - '1');
        *b = (unsigned)(s[3] - '1');
        return 0;
    }
    if (s[0] == 'P' && s[1] == '0' && s[2] == '.' && s[3] >= '0' && s[3] <= '9') {
        unsigned n = (unsigned)(s[3] - '0');
        if (s[4] >= '0' && s[4] <= '9')
            n = n * 10u + (unsigned)(s[4] - '0');
        *a = n;
        return 0;
    }
    return -1;
}

static void map_devices(void)
{
    unsigned nled = 0, nbtn = 0;
    for (unsigned i = 0; i < NLED; i++)
        led_dev[i] = -1;
    button_dev[0] = button_dev[1] = -1;
    for (unsigned d = 0; d < SVM_BOARD_NDEVS; d++) {
        unsigned a = 0, b = 0;
        if (devs[d].cls == SVM_DEV_LED && nled < NLED && parse_pin(pins[d], &a, &b) == 0) {
            led_row[nled] = (uint8_t)a;
            led_col[nled] = (uint8_t)b;
            led_dev[nled++] = (int16_t)d;
        } else if (devs[d].cls == SVM_DEV_BUTTON && nbtn < 2 && parse_pin(pins[d], &a, &b) == 0) {
            button_pin[nbtn] = (uint8_t)a;
            button_dev[nbtn++] = (int16_t)d;
        } else if (devs[d].cls == SVM_DEV_UART) {
            uart_dev = (int16_t)d;
        }
    }
}

void svm_nrf51_init(svm_nrf51_t *p)
{
    cm_irq_disable();
    memset(p, 0, sizeof *p);
    nrf = p;
    map_devices();
    svm_nrf51_flash_init(&p->flash, SVM_BOARD_SLOT_A,
                         (SVM_BOARD_FLASH_SIZE - SVM_BOARD_SLOT_A) / NRF51_PAGE_SIZE);
    svm_hal_t *h = &p->hal;
    h->port = p;
    h->devs = devs;
    h->ndevs = SVM_BOARD_NDEVS;
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
    timer0_init();
    uart_init();
    display_init();
    buttons_init(p);
    cm_irq_enable();
}
