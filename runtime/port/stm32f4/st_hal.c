/* SPDX-License-Identifier: MIT
 * st_hal.c — the HAL on STM32F405/407 (svm_stm32f4.h), written from RM0090 (register
 * addresses and sequences) and the ARMv7-M architecture manual (SysTick, NVIC, SCB).
 *
 * Invariants
 *   - SysTick (priority 0x40) pre-empts the device lines (0x80), so the tick count is
 *     current inside a device handler and event timestamps never go backwards.
 *   - Only the USART1 and EXTI handlers push into the event queue; they share a priority
 *     and never pre-empt each other: one producer at a time (hal.h).
 *   - sleep_until never sleeps with an event queued: the queue is checked with interrupts
 *     masked right before `wfi`, and a pending interrupt wakes `wfi` even when masked.
 *   - Every wait on the hardware is bounded (the RCC ready bits, USART TXE).
 */
#include <sensevm/stm32f4/svm_stm32f4.h>

#include <string.h>

#include "../cortexm/cm_core.h" /* the Cortex-M core: SysTick, NVIC, vector table, wfi sleep */

#define REG(a) CM_REG(a)
/* RCC (RM0090 §7.3) */
#define RCC 0x40023800u
#define RCC_CR REG(RCC + 0x00u)
#define RCC_PLLCFGR REG(RCC + 0x04u)
#define RCC_CFGR REG(RCC + 0x08u)
#define RCC_AHB1ENR REG(RCC + 0x30u)
#define RCC_APB2ENR REG(RCC + 0x44u)
#define CR_HSIRDY (1u << 1)
#define CR_PLLON (1u << 24)
#define CR_PLLRDY (1u << 25)
#define FLASH_ACR REG(ST_FLASH_R_BASE + ST_FLASH_ACR)
/* GPIO (RM0090 §8.4): port x at 0x40020000 + 0x400 x */
#define GPIO(port) (0x40020000u + 0x400u * (port))
#define GPIO_MODER(port) REG(GPIO(port) + 0x00u)
#define GPIO_IDR(port) REG(GPIO(port) + 0x10u)
#define GPIO_BSRR(port) REG(GPIO(port) + 0x18u)
#define GPIO_AFR(port, pin) REG(GPIO(port) + 0x20u + 4u * ((pin) / 8u))
/* USART1 (RM0090 §30.6) */
#define USART1 0x40011000u
#define USART_SR REG(USART1 + 0x00u)
#define USART_DR REG(USART1 + 0x04u)
#define USART_BRR REG(USART1 + 0x08u)
#define USART_CR1 REG(USART1 + 0x0cu)
#define SR_ORE (1u << 3)
#define SR_RXNE (1u << 5)
#define SR_TXE (1u << 7)
#define CR1_UE (1u << 13)
#define CR1_RXNEIE (1u << 5)
#define CR1_TE (1u << 3)
#define CR1_RE (1u << 2)
#define IRQ_USART1 37u
/* EXTI and SYSCFG (RM0090 §12.3, §9.2) */
#define EXTI 0x40013c00u
#define EXTI_IMR REG(EXTI + 0x00u)
#define EXTI_RTSR REG(EXTI + 0x08u)
#define EXTI_FTSR REG(EXTI + 0x0cu)
#define EXTI_PR REG(EXTI + 0x14u)
#define SYSCFG_EXTICR(n) REG(0x40013808u + 4u * (n))
#define NIRQ 82u

#define TICK_HZ 1000u
#define POLLS 200000u /* bound of every hardware wait */

static cm_isr_t vtab[16 + NIRQ + 14] __attribute__((aligned(512)));

static const svm_hal_dev_t st_devs[SVM_BOARD_NDEVS] = SVM_BOARD_DEVICES;
static const char *const st_pins[SVM_BOARD_NDEVS] = SVM_BOARD_PINS;
static uint8_t pin_port[SVM_BOARD_NDEVS], pin_num[SVM_BOARD_NDEVS];
static int button_dev = -1, uart_dev = -1;

static svm_st_t *st;
static svm_evq_t *volatile st_evq;
static cm_systick_t systick;
static volatile int injected_level;
static volatile uint8_t rx_ring[64];
static volatile uint32_t rx_head, rx_tail;

/* ---- clock (RM0090 §6.2, §3.5.1) ---- */

/* HSI at reset. With the board's pll_hz: PLL from HSI, M=16 (1 MHz in), N=336 (VCO
 * 336 MHz), P=2 (168 MHz), Q=7 (48 MHz); 5 flash wait states and the caches first; AHB /1,
 * APB1 /4 (42 MHz), APB2 /2 (84 MHz). A PLL that does not lock leaves the chip on HSI. */
static void clock_init(svm_st_t *p)
{
    p->core_hz = SVM_BOARD_CLOCK_HZ;
    if (!(RCC_CR & CR_HSIRDY)) {
        /* Running code means the HSI is on: an RCC that reads 0 is an emulator's. */
        p->emulated = 1;
#ifdef SVM_BOARD_QEMU_CLOCK_HZ
        p->core_hz = SVM_BOARD_QEMU_CLOCK_HZ;
#endif
        return;
    }
#if defined(SVM_BOARD_PLL_HZ) && SVM_BOARD_PLL_HZ == 168000000u
    FLASH_ACR = 5u | (1u << 8) | (1u << 9) | (1u << 10); /* LATENCY 5, PRFTEN ICEN DCEN */
    /* PLLM 5:0, PLLN 14:6, PLLP 17:16 (00 = /2), PLLSRC 22 (0 = HSI), PLLQ 27:24; the
     * reserved bits keep their reset values */
    RCC_PLLCFGR = (RCC_PLLCFGR & ~0x0f437fffu) | 16u | (336u << 6) | (7u << 24);
    RCC_CR |= CR_PLLON;
    uint32_t n = 0;
    while (!(RCC_CR & CR_PLLRDY) && ++n < POLLS)
        ;
    if (!(RCC_CR & CR_PLLRDY)) {
        RCC_CR &= ~CR_PLLON;
        return;
    }
    RCC_CFGR = (RCC_CFGR & ~0xfcf3u) | (5u << 10) | (4u << 13); /* PPRE1 /4, PPRE2 /2 */
    RCC_CFGR = (RCC_CFGR & ~3u) | 2u;                           /* SW = PLL */
    for (n = 0; (RCC_CFGR & 0xcu) != 0x8u && n < POLLS; n++)
        ;
    if ((RCC_CFGR & 0xcu) == 0x8u) {
        p->core_hz = SVM_BOARD_PLL_HZ;
        p->pll = 1;
    }
#elif defined(SVM_BOARD_PLL_HZ) && SVM_BOARD_PLL_HZ != 0
#error "st_hal.c: pll_hz must be 0 or 168000000 (the one PLL setting the port knows)"
#endif
}

/* ---- time ---- */

/* SysTick on the core clock (cm_core.h: 0 until svm_st_init started it) */
uint64_t svm_st_now_ns(void) { return cm_systick_now_ns(&systick); }

static void systick_isr(void)
{
    cm_systick_tick(&systick);
    svm_cut_tick(cm_systick_now_ns(&systick)); /* a higher container's timer: the interrupt cut */
}

/* ---- interrupts -> events ---- */

static void push(int dev, uint16_t kind, int32_t value)
{
    if (dev >= 0)
        cm_push(&st_evq, svm_st_now_ns(), (uint16_t)dev, kind, value);
}

static void usart1_isr(void)
{
    uint32_t sr = USART_SR;
    if (sr & SR_ORE)
        st->rx_overruns++;
    if (sr & (SR_RXNE | SR_ORE)) {
        uint8_t b = (uint8_t)USART_DR; /* reading DR clears RXNE (and ORE after SR) */
        st->rx_bytes++;
        if (rx_tail - rx_head < sizeof rx_ring)
            rx_ring[rx_tail++ % sizeof rx_ring] = b;
        push(uart_dev, SVM_EV_RX, b);
    }
}

static void exti_isr(void)
{
    if (button_dev < 0)
        return;
    uint32_t bit = 1u << pin_num[button_dev];
    EXTI_PR = bit; /* rc_w1 */
    int level = st->emulated ? injected_level : (GPIO_IDR(pin_port[button_dev]) & bit) != 0;
    if (level == st->state[button_dev])
        return; /* a bounce that came back: no edge */
    st->state[button_dev] = level;
    push(button_dev, level ? SVM_EV_PRESS : SVM_EV_RELEASE, level);
}

/* EXTI line n's NVIC interrupt (RM0090 table 61): 0..4 own lines, 5..9 and 10..15 shared */
static uint32_t exti_irq(uint32_t line) { return line <= 4u ? 6u + line : line <= 9u ? 23u : 40u; }

void svm_st_button_inject(int pressed)
{
    injected_level = pressed != 0;
    if (button_dev >= 0)
        cm_nvic_pend(exti_irq(pin_num[button_dev]));
}

int svm_st_console_getc(void)
{
    int c = -1;
    cm_irq_disable();
    if (rx_head != rx_tail)
        c = rx_ring[rx_head++ % sizeof rx_ring];
    cm_irq_enable();
    return c;
}

void svm_st_console_write(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t k = 0; !(USART_SR & SR_TXE) && k < POLLS; k++)
            ;
        USART_DR = (uint8_t)s[i];
    }
}

/* ---- the HAL table ---- */

static uint64_t hal_now(void *port)
{
    (void)port;
    return svm_st_now_ns();
}

static int hal_sleep_until(void *port, uint64_t t)
{
    svm_st_t *p = port;
    return cm_systick_sleep_until(&systick, &st_evq, t, &p->sleeps, &p->wakeups_by_event);
}

static void hal_attach(void *port, svm_evq_t *q)
{
    (void)port;
    st_evq = q;
}

static int hal_dev_write(void *port, uint16_t dev, int32_t value)
{
    svm_st_t *p = port;
    if (dev >= SVM_BOARD_NDEVS)
        return SVM_HAL_ENODEV;
    switch (st_devs[dev].cls) {
    case SVM_DEV_LED:
    case SVM_DEV_GPIO:
        if (value != 0 && value != 1)
            return SVM_HAL_EINVAL;
        /* BSRR: set in bits 0..15, reset in 16..31: one store, no read-modify-write */
        GPIO_BSRR(pin_port[dev]) = 1u << (pin_num[dev] + (value ? 0u : 16u));
        break;
    case SVM_DEV_UART: {
        if (value < 0 || value > 255)
            return SVM_HAL_EINVAL;
        char c = (char)value;
        svm_st_console_write(&c, 1);
        break;
    }
    default: return SVM_HAL_ENODEV;
    }
    p->state[dev] = value;
    p->writes[dev]++;
    return SVM_HAL_OK;
}

static int hal_dev_read(void *port, uint16_t dev, int32_t *value)
{
    svm_st_t *p = port;
    if (dev >= SVM_BOARD_NDEVS || st_devs[dev].cls == SVM_DEV_UART)
        return SVM_HAL_ENODEV;
    *value = p->state[dev];
    return SVM_HAL_OK;
}

static int hal_console_write(void *port, int stream, const uint8_t *buf, size_t len)
{
    (void)port;
    (void)stream;
    svm_st_console_write((const char *)buf, (uint32_t)len);
    return SVM_HAL_OK;
}

/* ---- set-up ---- */

static void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode)
{
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * pin))) | (mode << (2u * pin));
}

static void gpio_af(uint32_t port, uint32_t pin, uint32_t af)
{
    uint32_t sh = 4u * (pin % 8u);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(15u << sh)) | (af << sh);
    gpio_mode(port, pin, 2u);
}

static void devices_init(svm_st_t *p)
{
    RCC_AHB1ENR |= 0x1ffu;                 /* GPIOA..I clocks */
    RCC_APB2ENR |= (1u << 4) | (1u << 14); /* USART1, SYSCFG */
    __asm volatile("dsb" ::: "memory");
    for (unsigned d = 0; d < SVM_BOARD_NDEVS; d++) {
        const char *s = st_pins[d];
        if (s[0] == 'P' && s[1] >= 'A' && s[1] <= 'I') {
            pin_port[d] = (uint8_t)(s[1] - 'A');
            unsigned n = 0;
            for (const char *c = s + 2; *c >= '0' && *c <= '9'; c++)
                n = n * 10u + (unsigned)(*c - '0');
            pin_num[d] = (uint8_t)(n & 15u);
        }
        if (st_devs[d].cls == SVM_DEV_LED || st_devs[d].cls == SVM_DEV_GPIO)
            gpio_mode(pin_port[d], pin_num[d], 1u);
        else if (st_devs[d].cls == SVM_DEV_BUTTON && button_dev < 0)
            button_dev = (int)d;
        else if (st_devs[d].cls == SVM_DEV_UART && uart_dev < 0)
            uart_dev = (int)d;
    }
    /* console: USART1, TX PA9 and RX PB7 (AF7), 115200 8N1, RX interrupt */
    gpio_af(0, 9, 7);
    gpio_af(1, 7, 7);
    uint32_t pclk2 = p->pll ? p->core_hz / 2u : p->core_hz;
    USART_BRR = (pclk2 + 115200u / 2u) / 115200u; /* OVER8 = 0: mantissa.fraction = clk/baud */
    USART_CR1 = CR1_UE | CR1_TE | CR1_RE | CR1_RXNEIE;
    /* button: input, EXTI line = its pin number from its port, both edges */
    if (button_dev >= 0) {
        uint32_t n = pin_num[button_dev];
        gpio_mode(pin_port[button_dev], n, 0u);
        SYSCFG_EXTICR(n / 4u) = (SYSCFG_EXTICR(n / 4u) & ~(15u << (4u * (n % 4u)))) |
                                ((uint32_t)pin_port[button_dev] << (4u * (n % 4u)));
        EXTI_RTSR |= 1u << n;
        EXTI_FTSR |= 1u << n;
        EXTI_IMR |= 1u << n;
    }
}

void svm_st_init(svm_st_t *p)
{
    memset(p, 0, sizeof *p);
    clock_init(p);
    st = p;
    svm_hal_t *h = &p->hal;
    h->port = p;
    h->devs = st_devs;
    h->ndevs = SVM_BOARD_NDEVS;
    h->now_ns = hal_now;
    h->sleep_until = hal_sleep_until;
    h->attach = hal_attach;
    h->dev_write = hal_dev_write;
    h->dev_read = hal_dev_read;
    h->console_write = hal_console_write;

    cm_irq_disable();
    cm_vtab_init(vtab, sizeof vtab / sizeof vtab[0]);
    vtab[15] = systick_isr;
    vtab[16 + IRQ_USART1] = usart1_isr;
    devices_init(p);
    if (button_dev >= 0)
        vtab[16 + exti_irq(pin_num[button_dev])] = exti_isr;
    cm_vtab_install(vtab);

    /* SysTick (0x40) above the device lines (0x80) */
    cm_nvic_enable(IRQ_USART1, 0x80);
    if (button_dev >= 0)
        cm_nvic_enable(exti_irq(pin_num[button_dev]), 0x80);
    cm_systick_start(&systick, p->core_hz, TICK_HZ);
    cm_irq_enable();
}
