/* SPDX-License-Identifier: MIT
 * sensevm/color.h — diagnostics in colour, as gcc, for the three tools (sensec, senseasm,
 * sensevm-run: `--color[=auto|always|never]`, issue 15). Host tools only (not in the cross
 * build's library).
 *
 * auto (the default) colours when stderr is a terminal and NO_COLOR is unset or empty
 * (https://no-color.org); always colours even then; never does not. The colours are gcc's
 * defaults (GCC_COLORS): the file:line:col prefix bold, "error:" bold red, "warning:" bold
 * magenta, "note:" bold cyan, the caret line bold green.
 *
 *   svbc_color_set(svbc_color_parse("always"));
 *   fprintf(stderr, "%s%s:%d:%d:%s %s%s:%s msg\n", svbc_sgr(SVBC_SGR_LOCUS), f, l, c,
 *           svbc_sgr(SVBC_SGR_RESET), svbc_sgr_kind("error"), "error", svbc_sgr(SVBC_SGR_RESET));
 */
#ifndef SENSEVM_COLOR_H
#define SENSEVM_COLOR_H

enum { SVBC_COLOR_AUTO, SVBC_COLOR_ALWAYS, SVBC_COLOR_NEVER };
enum {
    SVBC_SGR_RESET,
    SVBC_SGR_LOCUS,
    SVBC_SGR_ERROR,
    SVBC_SGR_WARNING,
    SVBC_SGR_NOTE,
    SVBC_SGR_CARET
};

/* "auto", "always", "never" → SVBC_COLOR_*; anything else → -1 */
int svbc_color_parse(const char *when);
/* the mode (SVBC_COLOR_AUTO until set); auto is decided at the first svbc_sgr after it */
void svbc_color_set(int mode);
/* the mode of a command line's last --color, --color=WHEN or --color WHEN (up to `--`), set
 * before the tool parses it, so that a usage error before the option is coloured as asked;
 * a bad WHEN is left for the tool's parser to report */
void svbc_color_scan(int argc, char **argv);
/* the escape that starts (or, SVBC_SGR_RESET, ends) a coloured part; "" when not colouring */
const char *svbc_sgr(int what);
/* the colour of a diagnostic kind: "error", "trap", "fatal" red, "warning" magenta, "note"
 * cyan, other kinds bold */
const char *svbc_sgr_kind(const char *kind);

/* A usage error (unknown option, missing or bad argument), the same in the three tools:
 *   PROG: error: MESSAGE
 *   Try 'PROG --help' for more information.
 * on stderr, "PROG:" and "error:" coloured as every other diagnostic. Returns 2, the exit
 * status of bad usage (docs/sensec.md, docs/senseasm.md, docs/runtime.md). */
int svbc_usage_error(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
