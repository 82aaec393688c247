/* SPDX-License-Identifier: MIT
 * test_posix.c — the desktop port: device list, script parsing and its diagnostics,
 * virtual clock and event delivery, the device log format, simulated NOR flash.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <sensevm/posix/svm_posix.h>

static svm_posix_t p;
static char *logbuf, *diagbuf;
static size_t loglen, diaglen;
static FILE *logf, *diagf;

static void init_with(const char *devices)
{
    svm_posix_cfg_t cfg;
    svm_posix_default_cfg(&cfg);
    logf = open_memstream(&logbuf, &loglen);
    diagf = open_memstream(&diagbuf, &diaglen);
    cfg.devlog = logf;
    cfg.devices = devices;
    char err[200];
    cr_assert_eq(svm_posix_init(&p, &cfg, err, sizeof err), 0, "%s", err);
}
static void init(void) { init_with(NULL); }

Test(posix, device_list_errors)
{
    svm_posix_t q;
    svm_posix_cfg_t cfg;
    svm_posix_default_cfg(&cfg);
    char err[200];
    cfg.devices = "led0,motor1";
    cr_assert_eq(svm_posix_init(&q, &cfg, err, sizeof err), -1);
    cr_assert(strstr(err, "motor1"), "%s", err);
    cfg.devices = "led0,led0";
    cr_assert_eq(svm_posix_init(&q, &cfg, err, sizeof err), -1);
    cr_assert_str_eq(err, "device 'led0' listed twice");
    cfg.devices = "led0,button7";
    cr_assert_eq(svm_posix_init(&q, &cfg, err, sizeof err), 0);
    cr_assert_eq(q.hal.ndevs, 2);
    cr_assert_eq(svm_hal_find_dev(&q.hal, "button7"), 1);
    cr_assert_eq(svm_hal_find_dev(&q.hal, "button"), -1);
    svm_posix_free(&q);
}

Test(posix, led_log_format, .init = init)
{
    int led = svm_hal_find_dev(&p.hal, "led0");
    cr_assert_geq(led, 0);
    p.hal.charge(p.hal.port, 50000000); /* 10 ns per instruction: 500 ms */
    cr_assert_eq(p.hal.dev_write(p.hal.port, (uint16_t)led, 1), 0);
    cr_assert_eq(p.hal.dev_write(p.hal.port, (uint16_t)led, 2), SVM_HAL_EINVAL);
    int32_t v;
    cr_assert_eq(p.hal.dev_read(p.hal.port, (uint16_t)led, &v), 0);
    cr_assert_eq(v, 1);
    int u = svm_hal_find_dev(&p.hal, "uart0");
    p.hal.dev_write(p.hal.port, (uint16_t)u, 'A');
    p.hal.dev_write(p.hal.port, (uint16_t)u, '\n');
    cr_assert_eq(p.hal.dev_write(p.hal.port, 999, 1), SVM_HAL_ENODEV);
    fflush(logf);
    cr_assert_str_eq(logbuf, "[   500.000 ms] led0 on\n"
                             "[   500.000 ms] uart0 tx 'A'\n"
                             "[   500.000 ms] uart0 tx 0x0a\n");
}

Test(posix, script_events_in_virtual_time, .init = init)
{
    cr_assert_eq(svm_posix_script_text(&p, "in.txt",
                                       "# comment\n"
                                       "at 2s release button0\n"
                                       "at 1500ms press button0   # press first\n"
                                       "at 3s uart0 \"hi\\n\"\n"
                                       "at 3.5s gpio0 1\n"
                                       "at 4000us sensor0 -7\n",
                                       diagf),
                 0);
    svm_evq_t q;
    svm_hal_event_t buf[16], e;
    svm_evq_init(&q, buf, 16);
    p.hal.attach(p.hal.port, &q);
    cr_assert_eq(p.hal.now_ns(p.hal.port), 0u);
    cr_assert_eq(p.hal.sleep_until(p.hal.port, 1000), SVM_HAL_WOKE_TIME);
    cr_assert_eq(p.hal.now_ns(p.hal.port), 1000u);
    /* the sensor sample at 4 ms comes first */
    cr_assert_eq(p.hal.sleep_until(p.hal.port, UINT64_MAX), SVM_HAL_WOKE_EVENT);
    cr_assert_eq(p.hal.now_ns(p.hal.port), 4000000u);
    cr_assert(svm_evq_pop(&q, &e));
    cr_assert_eq(e.kind, SVM_EV_SAMPLE);
    cr_assert_eq(e.value, -7);
    /* an hour-long sleep is cut by the press at 1.5 s */
    cr_assert_eq(p.hal.sleep_until(p.hal.port, 3600000000000ull), SVM_HAL_WOKE_EVENT);
    cr_assert_eq(p.hal.now_ns(p.hal.port), 1500000000u);
    cr_assert(svm_evq_pop(&q, &e));
    cr_assert_eq(e.kind, SVM_EV_PRESS);
    cr_assert_eq(e.dev, svm_hal_find_dev(&p.hal, "button0"));
    int32_t v;
    p.hal.dev_read(p.hal.port, e.dev, &v);
    cr_assert_eq(v, 1, "the button reads pressed");
    cr_assert_eq(p.hal.sleep_until(p.hal.port, UINT64_MAX), SVM_HAL_WOKE_EVENT);
    cr_assert(svm_evq_pop(&q, &e));
    cr_assert_eq(e.kind, SVM_EV_RELEASE);
    cr_assert_eq(p.hal.sleep_until(p.hal.port, UINT64_MAX), SVM_HAL_WOKE_EVENT);
    const char *want = "hi\n";
    for (int i = 0; i < 3; i++) {
        cr_assert(svm_evq_pop(&q, &e));
        cr_assert_eq(e.kind, SVM_EV_RX);
        cr_assert_eq(e.value, want[i]);
        cr_assert_eq(e.time_ns, 3000000000u);
    }
    cr_assert_eq(p.hal.sleep_until(p.hal.port, UINT64_MAX), SVM_HAL_WOKE_EVENT);
    cr_assert(svm_evq_pop(&q, &e));
    cr_assert_eq(e.kind, SVM_EV_EDGE);
    cr_assert_eq(p.hal.now_ns(p.hal.port), 3500000000u);
    cr_assert_eq(p.hal.sleep_until(p.hal.port, UINT64_MAX), SVM_HAL_WOKE_NEVER);
    cr_assert_eq(p.hal.sleep_until(p.hal.port, 5000000000u), SVM_HAL_WOKE_TIME);
}

Test(posix, script_diagnostics, .init = init)
{
    cr_assert_eq(svm_posix_script_text(&p, "in.txt",
                                       "at 1s press led0\n"
                                       "at 2parsecs press button0\n"
                                       "wait 3s\n"
                                       "at 4s uart0 \"\\q\"\n"
                                       "at 5s gpio0 7\n"
                                       "at 6s press button0 now\n",
                                       diagf),
                 -1);
    fflush(diagf);
    cr_assert_str_eq(diagbuf,
                     "in.txt:1:13: error: expected a button of this board (e.g. button0)\n"
                     "at 1s press led0\n"
                     "            ^\n"
                     "in.txt:2:5: error: unknown time unit (use ns, us, ms or s)\n"
                     "at 2parsecs press button0\n"
                     "    ^\n"
                     "in.txt:3:1: error: expected 'at TIME ACTION'\n"
                     "wait 3s\n"
                     "^\n"
                     "in.txt:4:14: error: unknown escape (use \\n \\t \\r \\\\ \\\" \\xHH)\n"
                     "at 4s uart0 \"\\q\"\n"
                     "             ^\n"
                     "in.txt:5:13: error: a GPIO level is 0 or 1\n"
                     "at 5s gpio0 7\n"
                     "            ^\n"
                     "in.txt:6:21: error: unexpected text after the action\n"
                     "at 6s press button0 now\n"
                     "                    ^\n");
}

Test(posix, flash_nor_semantics, .init = init)
{
    uint32_t ps, np, unit;
    cr_assert_eq(p.hal.flash_geometry(p.hal.port, &ps, &np, &unit), 0);
    cr_assert_eq(ps, 1024u);
    cr_assert_eq(np, 64u);
    uint8_t b[8], r[8];
    p.hal.flash_read(p.hal.port, 0, r, 8);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(r[i], 0xff, "erased state");
    memset(b, 0x0f, 8);
    cr_assert_eq(p.hal.flash_write(p.hal.port, 8, b, 8), 0);
    memset(b, 0xf0, 8);
    cr_assert_eq(p.hal.flash_write(p.hal.port, 8, b, 8), SVM_HAL_ENOTERASED,
                 "0 -> 1 needs an erase");
    memset(b, 0x0e, 8);
    cr_assert_eq(p.hal.flash_write(p.hal.port, 8, b, 8), 0, "clearing more bits is fine");
    cr_assert_eq(p.hal.flash_write(p.hal.port, 2, b, 4), SVM_HAL_EALIGN);
    cr_assert_eq(p.hal.flash_write(p.hal.port, 64 * 1024 - 4, b, 8), SVM_HAL_ERANGE);
    p.hal.flash_read(p.hal.port, 8, r, 8);
    cr_assert_eq(r[0], 0x0e);
    cr_assert_eq(p.hal.flash_erase(p.hal.port, 0), 0);
    p.hal.flash_read(p.hal.port, 8, r, 8);
    cr_assert_eq(r[3], 0xff);
    cr_assert_eq(p.hal.flash_erase(p.hal.port, 64), SVM_HAL_ERANGE);
}
