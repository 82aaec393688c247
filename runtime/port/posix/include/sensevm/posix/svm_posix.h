/* SPDX-License-Identifier: MIT
 * svm_posix.h — the desktop (POSIX) port of the HAL: real or virtual time, simulated LEDs,
 * buttons, UART, GPIO and flash, input from a script file. Not freestanding (stdio, malloc).
 *
 * Virtual time (the default for tests): the clock only moves when the scheduler sleeps
 * (it jumps to the wake-up time or the next scripted input) or charges executed
 * instructions (ns_per_insn each). A program that sleeps an hour finishes at once, and the
 * same inputs always give the same output.
 *
 * Script (--input FILE): one action per line, `#` starts a comment, times are absolute
 * from boot with a unit (ns, us, ms, s; plain numbers are ms):
 *     at 1500ms press button0
 *     at 2s release button0
 *     at 3s uart0 "hello\n"        # one RX event per byte (escapes \n \t \\ \" \xHH)
 *     at 4s gpio0 1                # GPIO edge
 *     at 5s sensor0 42             # sensor sample
 *     at 6s brownout               # the power monitor reports a brown-out once
 *     at 7s glitch                 # the clock monitor reports a glitch once
 * Device log lines (LED/GPIO/UART output): `[   500.000 ms] led0 on`.
 */
#ifndef SVM_POSIX_H
#define SVM_POSIX_H

#include <stdint.h>
#include <stdio.h>

#include <sensevm/hal.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SVM_POSIX_MAX_DEVS 32
/* Largest input script (svm_posix_script_file): 4 MB of text. */
#define SVM_POSIX_SCRIPT_MAX (4u << 20)

typedef struct svm_posix_cfg {
    int real_time;        /* 0 = virtual time */
    uint32_t ns_per_insn; /* virtual CPU cost of one instruction (default 10) */
    const char *devices;  /* comma-separated device names, NULL = the default board */
    FILE *devlog;         /* device output (LEDs …); NULL = stdout */
    FILE *out, *err;      /* console streams; NULL = stdout / stderr */
    uint32_t flash_page_size, flash_pages; /* default 1024 x 64 */
} svm_posix_cfg_t;

typedef struct svm_posix_script_ev {
    uint64_t t;
    uint32_t line;
    uint16_t dev;  /* device index, or 0xffff for monitor actions */
    uint16_t kind; /* SVM_EV_*, or 100 brownout / 101 glitch */
    int32_t value;
} svm_posix_script_ev_t;

typedef struct svm_posix {
    svm_hal_t hal;
    svm_posix_cfg_t cfg;
    svm_hal_dev_t devs[SVM_POSIX_MAX_DEVS];
    char names[SVM_POSIX_MAX_DEVS][16];
    int32_t state[SVM_POSIX_MAX_DEVS];
    svm_evq_t *evq;
    uint64_t vnow; /* virtual clock */
    uint64_t t0;   /* real clock origin */
    svm_posix_script_ev_t *script;
    size_t nscript, next;
    uint8_t *flash;
    uint32_t wd_feeds;
    int pending_brownout, pending_glitch;
} svm_posix_t;

void svm_posix_default_cfg(svm_posix_cfg_t *cfg);
/* Set up the port; returns 0, or -1 with a message in err (e.g. a bad device list). */
int svm_posix_init(svm_posix_t *p, const svm_posix_cfg_t *cfg, char *err, size_t errsize);
void svm_posix_free(svm_posix_t *p);
/* Load the input script from text (name is used in diagnostics). Returns 0, or -1 after
 * printing GNU-style diagnostics (`name:line:col: error: msg`, the line and a caret) to
 * diag. */
int svm_posix_script_text(svm_posix_t *p, const char *name, const char *text, FILE *diag);
int svm_posix_script_file(svm_posix_t *p, const char *path, FILE *diag);
/* "[   500.000 ms]" for a time in ns (buf >= 32). */
void svm_posix_stamp(char *buf, size_t size, uint64_t t);

#ifdef __cplusplus
}
#endif
#endif
