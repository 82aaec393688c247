/* SPDX-License-Identifier: MIT
 * printf.h — Printf format strings (printf.c): parsing them (for the type checker) and
 * compiling one into the code that prints or builds its text (for the code generator).
 */
#ifndef SENSEC_PRINTF_H
#define SENSEC_PRINTF_H

#include "ast.h"

/* Printf formats: one conversion or a literal piece */
typedef struct fmtseg {
    int conv;         /* 0 = literal text; else the conversion letter */
    const char *text; /* literal text, or the whole "%-5d" spec */
    int len;
    int simple; /* conversion without flags/width/precision */
    int stars;  /* `*` width/precision: arguments before the value */
} fmtseg_t;
int fmt_parse(const char *s, int len, vec_t *out, const char **err); /* 0 ok */

/* The code for format fmt (len bytes) of an E_PRINTF of kind pf_kind (0 printf, 1 sprintf,
 * 2 eprintf, 3 fprintf) whose nargs arguments are on the stack above frame position base
 * (argument i at base + nargs-1-i; %a takes two, the printer and its value); the output
 * channel (fprintf; printf/eprintf with %a or %t; 4: Format's fprintf, a formatter) at
 * frame position chanpos. Leaves the
 * result (unit, or the string) in A; the arguments stay for the caller to pop. */
void printf_emit(const char *fmt, int len, int pf_kind, int base, int nargs, int chanpos);
/* a Format format's @ directives replaced by what Sense prints for them (flat) */
const char *fmt_format_directives(const char *s, int len, int *outlen);
/* the number of arguments a parsed format takes (%a: two) */
int fmt_nargs(const vec_t *segs);

#endif
