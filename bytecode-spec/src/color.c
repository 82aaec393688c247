/* SPDX-License-Identifier: MIT
 * color.c — diagnostics in colour for the tools (sensevm/color.h). Host-only: isatty, getenv.
 */
#define _POSIX_C_SOURCE 200809L
#include <sensevm/color.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int mode = SVBC_COLOR_AUTO;
static int decided = -1; /* -1: auto not yet decided; else 0/1 */

int svbc_color_parse(const char *when)
{
    if (!strcmp(when, "auto"))
        return SVBC_COLOR_AUTO;
    if (!strcmp(when, "always"))
        return SVBC_COLOR_ALWAYS;
    if (!strcmp(when, "never"))
        return SVBC_COLOR_NEVER;
    return -1;
}

void svbc_color_set(int m)
{
    mode = m;
    decided = -1;
}

void svbc_color_scan(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
        const char *a = argv[i];
        if (strncmp(a, "--color", 7) || (a[7] && a[7] != '='))
            continue;
        int m = a[7] ? svbc_color_parse(a + 8) : SVBC_COLOR_ALWAYS;
        if (!a[7] && i + 1 < argc && svbc_color_parse(argv[i + 1]) >= 0)
            m = svbc_color_parse(argv[++i]);
        if (m >= 0)
            svbc_color_set(m);
    }
}

/* Called in the argument lists of messages that also print strerror(errno): isatty() sets
 * errno (ENOTTY) when stderr is not a terminal, so errno is kept as it was. */
static int colouring(void)
{
    if (decided < 0) {
        int saved = errno;
        const char *no = getenv("NO_COLOR");
        decided =
            mode == SVBC_COLOR_ALWAYS || (mode == SVBC_COLOR_AUTO && isatty(2) && !(no && *no));
        errno = saved;
    }
    return decided;
}

const char *svbc_sgr(int what)
{
    /* gcc's GCC_COLORS defaults: locus=01, error=01;31, warning=01;35, note=01;36, caret=01;32 */
    static const char *const sgr[] = {"\33[m",      "\33[01m",    "\33[01;31m",
                                      "\33[01;35m", "\33[01;36m", "\33[01;32m"};
    if (!colouring() || what < 0 || what > SVBC_SGR_CARET)
        return "";
    return sgr[what];
}

const char *svbc_sgr_kind(const char *kind)
{
    if (!strcmp(kind, "error") || !strcmp(kind, "trap") || !strcmp(kind, "fatal"))
        return svbc_sgr(SVBC_SGR_ERROR);
    if (!strcmp(kind, "warning"))
        return svbc_sgr(SVBC_SGR_WARNING);
    if (!strcmp(kind, "note"))
        return svbc_sgr(SVBC_SGR_NOTE);
    return svbc_sgr(SVBC_SGR_LOCUS);
}

int svbc_usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s%s:%s %serror:%s ", svbc_sgr(SVBC_SGR_LOCUS), prog, svbc_sgr(SVBC_SGR_RESET),
            svbc_sgr(SVBC_SGR_ERROR), svbc_sgr(SVBC_SGR_RESET));
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
    return 2;
}
