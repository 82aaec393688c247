/* SPDX-License-Identifier: MIT
 * posix_hal.c — the desktop HAL: virtual or real time, simulated devices (device log lines
 * on stdout or a file), scripted input delivered as interrupts, simulated NOR flash.
 */
#define _POSIX_C_SOURCE 200809L
#include <sensevm/posix/svm_posix.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { EV_BROWNOUT = 100, EV_GLITCH = 101 };
#define NO_DEV 0xffffu

static const char *const default_devices =
    "led0,led1,led2,led3,button0,button1,uart0,gpio0,sensor0";

void svm_posix_stamp(char *buf, size_t size, uint64_t t)
{
    unsigned long long ms = (unsigned long long)(t / 1000000u);
    unsigned long long frac = (unsigned long long)((t / 1000u) % 1000u);
    snprintf(buf, size, "[%6llu.%03llu ms]", ms, frac);
}

static uint64_t real_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t px_now(void *port)
{
    svm_posix_t *p = port;
    return p->cfg.real_time ? real_now() - p->t0 : p->vnow;
}

static void px_attach(void *port, svm_evq_t *q) { ((svm_posix_t *)port)->evq = q; }

/* Deliver every script event due at time t (simulated interrupt handlers). */
static void deliver_due(svm_posix_t *p, uint64_t t)
{
    while (p->next < p->nscript && p->script[p->next].t <= t) {
        const svm_posix_script_ev_t *e = &p->script[p->next++];
        if (e->kind == EV_BROWNOUT) {
            p->pending_brownout = 1;
            continue;
        }
        if (e->kind == EV_GLITCH) {
            p->pending_glitch = 1;
            continue;
        }
        if (e->kind == SVM_EV_PRESS || e->kind == SVM_EV_RELEASE || e->kind == SVM_EV_EDGE ||
            e->kind == SVM_EV_SAMPLE)
            p->state[e->dev] = e->value;
        svm_hal_event_t ev = {e->t, e->dev, e->kind, e->value};
        if (p->evq)
            svm_evq_push(p->evq, &ev); /* a full ring counts the overflow itself */
    }
}

static void px_poll(void *port)
{
    svm_posix_t *p = port;
    deliver_due(p, px_now(p));
}

static void px_charge(void *port, uint64_t insns)
{
    svm_posix_t *p = port;
    if (!p->cfg.real_time)
        p->vnow += insns * p->cfg.ns_per_insn;
}

static int px_sleep_until(void *port, uint64_t t)
{
    svm_posix_t *p = port;
    if (p->evq && svm_evq_count(p->evq))
        return SVM_HAL_WOKE_EVENT;
    uint64_t te = p->next < p->nscript ? p->script[p->next].t : UINT64_MAX;
    if (!p->cfg.real_time) {
        if (te != UINT64_MAX && te <= t) {
            if (te > p->vnow)
                p->vnow = te;
            deliver_due(p, p->vnow);
            return SVM_HAL_WOKE_EVENT;
        }
        if (t == UINT64_MAX)
            return SVM_HAL_WOKE_NEVER;
        if (t > p->vnow)
            p->vnow = t;
        return SVM_HAL_WOKE_TIME;
    }
    for (;;) {
        uint64_t now = real_now() - p->t0;
        deliver_due(p, now);
        if (p->evq && svm_evq_count(p->evq))
            return SVM_HAL_WOKE_EVENT;
        if (now >= t)
            return SVM_HAL_WOKE_TIME;
        te = p->next < p->nscript ? p->script[p->next].t : UINT64_MAX;
        uint64_t until = te < t ? te : t;
        if (until == UINT64_MAX)
            return SVM_HAL_WOKE_NEVER; /* no deadline and no input source left */
        uint64_t d = until - now;
        struct timespec ts = {(time_t)(d / 1000000000u), (long)(d % 1000000000u)};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
    }
}

static void devlog(svm_posix_t *p, const char *fmt_dev, const char *what)
{
    char st[40];
    svm_posix_stamp(st, sizeof st, px_now(p));
    fprintf(p->cfg.devlog ? p->cfg.devlog : stdout, "%s %s %s\n", st, fmt_dev, what);
}

static int px_dev_write(void *port, uint16_t dev, int32_t value)
{
    svm_posix_t *p = port;
    char what[32];
    if (dev >= p->hal.ndevs)
        return SVM_HAL_ENODEV;
    switch (p->devs[dev].cls) {
    case SVM_DEV_LED:
    case SVM_DEV_GPIO:
        if (value != 0 && value != 1)
            return SVM_HAL_EINVAL;
        p->state[dev] = value;
        if (p->devs[dev].cls == SVM_DEV_LED)
            devlog(p, p->names[dev], value ? "on" : "off");
        else
            devlog(p, p->names[dev], value ? "1" : "0");
        return SVM_HAL_OK;
    case SVM_DEV_UART:
        if (value < 0 || value > 255)
            return SVM_HAL_EINVAL;
        if (value >= 32 && value < 127 && value != '\'' && value != '\\')
            snprintf(what, sizeof what, "tx '%c'", (char)value);
        else
            snprintf(what, sizeof what, "tx 0x%02x", (unsigned)value);
        devlog(p, p->names[dev], what);
        return SVM_HAL_OK;
    default: return SVM_HAL_ENODEV;
    }
}

static int px_dev_read(void *port, uint16_t dev, int32_t *value)
{
    svm_posix_t *p = port;
    if (dev >= p->hal.ndevs)
        return SVM_HAL_ENODEV;
    if (p->devs[dev].cls == SVM_DEV_UART)
        return SVM_HAL_ENODEV; /* UART input arrives as events */
    *value = p->state[dev];
    return SVM_HAL_OK;
}

static int px_console_write(void *port, int stream, const uint8_t *buf, size_t len)
{
    svm_posix_t *p = port;
    FILE *f = stream == 2 ? (p->cfg.err ? p->cfg.err : stderr) : (p->cfg.out ? p->cfg.out : stdout);
    return fwrite(buf, 1, len, f) == len ? SVM_HAL_OK : SVM_HAL_EIO;
}

/* ---- simulated NOR flash ---- */
static int px_flash_geometry(void *port, uint32_t *page_size, uint32_t *npages, uint32_t *unit)
{
    svm_posix_t *p = port;
    if (!p->flash)
        return SVM_HAL_EUNSUPPORTED;
    *page_size = p->cfg.flash_page_size;
    *npages = p->cfg.flash_pages;
    *unit = 4;
    return SVM_HAL_OK;
}

static uint64_t flash_size(const svm_posix_t *p)
{
    return (uint64_t)p->cfg.flash_page_size * p->cfg.flash_pages;
}

static int px_flash_erase(void *port, uint32_t page)
{
    svm_posix_t *p = port;
    if (!p->flash)
        return SVM_HAL_EUNSUPPORTED;
    if (page >= p->cfg.flash_pages)
        return SVM_HAL_ERANGE;
    memset(p->flash + (size_t)page * p->cfg.flash_page_size, 0xff, p->cfg.flash_page_size);
    return SVM_HAL_OK;
}

static int px_flash_write(void *port, uint32_t off, const uint8_t *buf, uint32_t len)
{
    svm_posix_t *p = port;
    if (!p->flash)
        return SVM_HAL_EUNSUPPORTED;
    if ((uint64_t)off + len > flash_size(p))
        return SVM_HAL_ERANGE;
    if (off % 4u || len % 4u)
        return SVM_HAL_EALIGN;
    for (uint32_t i = 0; i < len; i++) /* NOR: a write only clears bits */
        if ((p->flash[off + i] & buf[i]) != buf[i])
            return SVM_HAL_ENOTERASED;
    for (uint32_t i = 0; i < len; i++)
        p->flash[off + i] &= buf[i];
    return SVM_HAL_OK;
}

static int px_flash_read(void *port, uint32_t off, uint8_t *buf, uint32_t len)
{
    svm_posix_t *p = port;
    if (!p->flash)
        return SVM_HAL_EUNSUPPORTED;
    if ((uint64_t)off + len > flash_size(p))
        return SVM_HAL_ERANGE;
    memcpy(buf, p->flash + off, len);
    return SVM_HAL_OK;
}

static void px_watchdog_feed(void *port) { ((svm_posix_t *)port)->wd_feeds++; }

static int px_monitor_power(void *port, svm_hal_power_t *out)
{
    svm_posix_t *p = port;
    out->millivolts = p->pending_brownout ? 2700u : 3300u;
    out->brownout = (uint8_t)p->pending_brownout;
    p->pending_brownout = 0;
    return SVM_HAL_OK;
}

static int px_monitor_clock(void *port, svm_hal_clock_t *out)
{
    svm_posix_t *p = port;
    out->deviation_ppm = p->pending_glitch ? 50000 : 0;
    out->glitch = (uint8_t)p->pending_glitch;
    p->pending_glitch = 0;
    return SVM_HAL_OK;
}

/* ---- set-up ---- */
void svm_posix_default_cfg(svm_posix_cfg_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ns_per_insn = 10;
    cfg->flash_page_size = 1024;
    cfg->flash_pages = 64;
}

static int dev_class(const char *name)
{
    static const struct {
        const char *prefix;
        int cls;
    } k[] = {{"led", SVM_DEV_LED},
             {"button", SVM_DEV_BUTTON},
             {"uart", SVM_DEV_UART},
             {"gpio", SVM_DEV_GPIO},
             {"sensor", SVM_DEV_SENSOR}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (strncmp(name, k[i].prefix, strlen(k[i].prefix)) == 0)
            return k[i].cls;
    return 0;
}

int svm_posix_init(svm_posix_t *p, const svm_posix_cfg_t *cfg, char *err, size_t errsize)
{
    memset(p, 0, sizeof *p);
    if (cfg)
        p->cfg = *cfg;
    else
        svm_posix_default_cfg(&p->cfg);
    const char *list = p->cfg.devices ? p->cfg.devices : default_devices;
    uint16_t n = 0;
    for (const char *s = list; *s;) {
        size_t len = strcspn(s, ",");
        if (len == 0 || len > 15) {
            snprintf(err, errsize, "bad device name '%.*s' (1 to 15 characters)", (int)len, s);
            return -1;
        }
        if (n >= SVM_POSIX_MAX_DEVS) {
            snprintf(err, errsize, "too many devices (at most %d)", SVM_POSIX_MAX_DEVS);
            return -1;
        }
        memcpy(p->names[n], s, len);
        p->names[n][len] = '\0';
        int cls = dev_class(p->names[n]);
        if (!cls) {
            snprintf(err, errsize,
                     "unknown device class of '%s' (names start with led, button, uart, "
                     "gpio or sensor)",
                     p->names[n]);
            return -1;
        }
        for (uint16_t i = 0; i < n; i++)
            if (strcmp(p->names[i], p->names[n]) == 0) {
                snprintf(err, errsize, "device '%s' listed twice", p->names[n]);
                return -1;
            }
        p->devs[n].name = p->names[n];
        p->devs[n].cls = (uint8_t)cls;
        n++;
        s += len;
        if (*s == ',')
            s++;
    }
    if (p->cfg.ns_per_insn == 0 && !p->cfg.real_time)
        p->cfg.ns_per_insn = 1;
    size_t fsz = (size_t)p->cfg.flash_page_size * p->cfg.flash_pages;
    if (fsz) {
        p->flash = malloc(fsz);
        if (!p->flash) {
            snprintf(err, errsize, "out of memory for the simulated flash");
            return -1;
        }
        memset(p->flash, 0xff, fsz);
    }
    p->t0 = real_now();
    svm_hal_t *h = &p->hal;
    h->port = p;
    h->devs = p->devs;
    h->ndevs = n;
    h->now_ns = px_now;
    h->sleep_until = px_sleep_until;
    h->attach = px_attach;
    h->poll = px_poll;
    h->charge = p->cfg.real_time ? NULL : px_charge;
    h->dev_write = px_dev_write;
    h->dev_read = px_dev_read;
    h->console_write = px_console_write;
    h->flash_geometry = px_flash_geometry;
    h->flash_erase = px_flash_erase;
    h->flash_write = px_flash_write;
    h->flash_read = px_flash_read;
    h->watchdog_feed = px_watchdog_feed;
    h->monitor_power = px_monitor_power;
    h->monitor_clock = px_monitor_clock;
    return 0;
}

void svm_posix_free(svm_posix_t *p)
{
    free(p->script);
    free(p->flash);
    p->script = NULL;
    p->flash = NULL;
    p->nscript = p->next = 0;
}

/* ---- the input script ---- */
typedef struct sc {
    const char *name, *line, *p;
    uint32_t lineno;
    FILE *diag;
} sc_t;

static int sc_error(sc_t *s, const char *at, const char *msg)
{
    size_t llen = strcspn(s->line, "\n");
    size_t col = (size_t)(at - s->line) + 1;
    if (s->diag) {
        fprintf(s->diag, "%s:%u:%zu: error: %s\n", s->name, s->lineno, col, msg);
        fprintf(s->diag, "%.*s\n%*s^\n", (int)llen, s->line, (int)(col - 1), "");
    }
    return -1;
}

static void sc_ws(sc_t *s)
{
    while (*s->p == ' ' || *s->p == '\t' || *s->p == '\r')
        s->p++;
}

static size_t sc_word(sc_t *s, char *buf, size_t size)
{
    sc_ws(s);
    size_t n = 0;
    while (s->p[n] && !isspace((unsigned char)s->p[n]) && s->p[n] != '#') {
        if (n + 1 < size)
            buf[n] = s->p[n];
        n++;
    }
    buf[n < size ? n : size - 1] = '\0';
    return n;
}

static int sc_time(sc_t *s, uint64_t *t)
{
    sc_ws(s);
    const char *start = s->p;
    if (!isdigit((unsigned char)*s->p))
        return sc_error(s, start, "expected a time (e.g. 1500ms, 2s, 10us)");
    uint64_t whole = 0, frac = 0, fdiv = 1;
    while (isdigit((unsigned char)*s->p)) {
        whole = whole * 10u + (uint64_t)(*s->p++ - '0');
        if (whole > 1000000000000000ull)
            return sc_error(s, start, "time too large");
    }
    if (*s->p == '.') {
        s->p++;
        while (isdigit((unsigned char)*s->p)) {
            if (fdiv < 1000000000u) {
                frac = frac * 10u + (uint64_t)(*s->p - '0');
                fdiv *= 10u;
            }
            s->p++;
        }
    }
    uint64_t unit = 1000000u; /* plain numbers are milliseconds */
    if (strncmp(s->p, "ns", 2) == 0) {
        unit = 1;
        s->p += 2;
    } else if (strncmp(s->p, "us", 2) == 0) {
        unit = 1000u;
        s->p += 2;
    } else if (strncmp(s->p, "ms", 2) == 0) {
        unit = 1000000u;
        s->p += 2;
    } else if (*s->p == 's') {
        unit = 1000000000u;
        s->p += 1;
    }
    if (*s->p && !isspace((unsigned char)*s->p))
        return sc_error(s, s->p, "unknown time unit (use ns, us, ms or s)");
    *t = whole * unit + frac * unit / fdiv;
    return 0;
}

static int add_ev(svm_posix_t *p, size_t *cap, uint64_t t, uint32_t line, uint16_t dev,
                  uint16_t kind, int32_t value)
{
    if (p->nscript == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        svm_posix_script_ev_t *ns = realloc(p->script, nc * sizeof *ns);
        if (!ns)
            return -1;
        p->script = ns;
        *cap = nc;
    }
    svm_posix_script_ev_t *e = &p->script[p->nscript++];
    e->t = t;
    e->line = line;
    e->dev = dev;
    e->kind = kind;
    e->value = value;
    return 0;
}

static int find_dev(const svm_posix_t *p, const char *name)
{
    for (uint16_t i = 0; i < p->hal.ndevs; i++)
        if (strcmp(p->names[i], name) == 0)
            return i;
    return -1;
}

static int sc_line(svm_posix_t *p, sc_t *s, size_t *cap)
{
    char w[64];
    uint64_t t = 0;
    sc_ws(s);
    if (!*s->p || *s->p == '\n' || *s->p == '#')
        return 0;
    const char *at = s->p;
    sc_word(s, w, sizeof w);
    if (strcmp(w, "at") != 0)
        return sc_error(s, at, "expected 'at TIME ACTION'");
    s->p += 2;
    if (sc_time(s, &t))
        return -1;
    sc_ws(s);
    at = s->p;
    size_t n = sc_word(s, w, sizeof w);
    if (!n)
        return sc_error(s, at,
                        "expected an action (press, release, brownout, glitch, or a "
                        "device name)");
    s->p += n;
    int d;
    if (strcmp(w, "brownout") == 0 || strcmp(w, "glitch") == 0) {
        if (add_ev(p, cap, t, s->lineno, NO_DEV, w[0] == 'b' ? EV_BROWNOUT : EV_GLITCH, 0))
            return -1;
    } else if (strcmp(w, "press") == 0 || strcmp(w, "release") == 0) {
        int pr = w[0] == 'p';
        sc_ws(s);
        at = s->p;
        n = sc_word(s, w, sizeof w);
        s->p += n;
        d = find_dev(p, w);
        if (d < 0 || p->devs[d].cls != SVM_DEV_BUTTON)
            return sc_error(s, at, "expected a button of this board (e.g. button0)");
        if (add_ev(p, cap, t, s->lineno, (uint16_t)d, pr ? SVM_EV_PRESS : SVM_EV_RELEASE, pr))
            return -1;
    } else if ((d = find_dev(p, w)) < 0) {
        return sc_error(s, at, "unknown device or action");
    } else if (sc_ws(s), p->devs[d].cls == SVM_DEV_UART) {
        if (*s->p != '"')
            return sc_error(s, s->p, "expected a quoted string of received bytes");
        s->p++;
        while (*s->p != '"') {
            int c = (unsigned char)*s->p;
            if (!c || c == '\n')
                return sc_error(s, s->p, "unterminated string");
            s->p++;
            if (c == '\\') {
                int e = (unsigned char)*s->p++;
                if (e == 'n')
                    c = '\n';
                else if (e == 't')
                    c = '\t';
                else if (e == 'r')
                    c = '\r';
                else if (e == '\\' || e == '"')
                    c = e;
                else if (e == 'x' && isxdigit((unsigned char)s->p[0]) &&
                         isxdigit((unsigned char)s->p[1])) {
                    char hx[3] = {s->p[0], s->p[1], 0};
                    c = (int)strtol(hx, NULL, 16);
                    s->p += 2;
                } else
                    return sc_error(s, s->p - 2,
                                    "unknown escape (use \\n \\t \\r \\\\ \\\" \\xHH)");
            }
            if (add_ev(p, cap, t, s->lineno, (uint16_t)d, SVM_EV_RX, c))
                return -1;
        }
        s->p++;
    } else if (p->devs[d].cls == SVM_DEV_GPIO || p->devs[d].cls == SVM_DEV_SENSOR) {
        char *end;
        at = s->p;
        long v = strtol(s->p, &end, 10);
        if (end == s->p)
            return sc_error(s, at, "expected an integer value");
        if (p->devs[d].cls == SVM_DEV_GPIO && v != 0 && v != 1)
            return sc_error(s, at, "a GPIO level is 0 or 1");
        s->p = end;
        if (add_ev(p, cap, t, s->lineno, (uint16_t)d,
                   p->devs[d].cls == SVM_DEV_GPIO ? SVM_EV_EDGE : SVM_EV_SAMPLE, (int32_t)v))
            return -1;
    } else {
        return sc_error(s, at, "this device takes no scripted input (buttons use press/release)");
    }
    sc_ws(s);
    if (*s->p && *s->p != '\n' && *s->p != '#')
        return sc_error(s, s->p, "unexpected text after the action");
    return 0;
}

int svm_posix_script_text(svm_posix_t *p, const char *name, const char *text, FILE *diag)
{
    sc_t s = {name, text, text, 1, diag};
    size_t cap = p->nscript;
    int errors = 0;
    for (const char *line = text; *line;) {
        s.line = s.p = line;
        if (sc_line(p, &s, &cap))
            errors++;
        const char *nl = strchr(line, '\n');
        if (!nl)
            break;
        line = nl + 1;
        s.lineno++;
    }
    /* Stable sort by time: insertion sort keeps file order for equal times and is fine
     * for scripts of a few thousand lines. */
    for (size_t i = 1; i < p->nscript; i++) {
        svm_posix_script_ev_t e = p->script[i];
        size_t j = i;
        while (j > 0 && p->script[j - 1].t > e.t) {
            p->script[j] = p->script[j - 1];
            j--;
        }
        p->script[j] = e;
    }
    return errors ? -1 : 0;
}

int svm_posix_script_file(svm_posix_t *p, const char *path, FILE *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (diag)
            fprintf(diag, "%s: error: cannot open input script: %s\n", path, strerror(errno));
        return -1;
    }
    /* at most SVM_POSIX_SCRIPT_MAX bytes of text: an endless or binary file (/dev/zero,
     * an image given by mistake) is refused, never read forever */
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    int too_big = 0;
    for (;;) {
        if (!buf)
            break;
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (len + 1 < cap)
            break;
        if (len > SVM_POSIX_SCRIPT_MAX)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    fclose(f);
    if (!buf) {
        if (diag)
            fprintf(diag, "%s: error: out of memory\n", path);
        return -1;
    }
    too_big = len > SVM_POSIX_SCRIPT_MAX;
    const char *nul = memchr(buf, '\0', len);
    if (nul || too_big) {
        if (diag && nul)
            fprintf(diag,
                    "%s: error: not a text file (a NUL byte at offset %zu): an input "
                    "script is text, one `at TIME DEVICE VALUE` action per line\n",
                    path, (size_t)(nul - buf));
        else if (diag)
            fprintf(diag, "%s: error: input script larger than %u bytes (endless input?)\n", path,
                    SVM_POSIX_SCRIPT_MAX);
        free(buf);
        return -1;
    }
    buf[len] = '\0';
    int r = svm_posix_script_text(p, path, buf, diag);
    free(buf);
    return r;
}
