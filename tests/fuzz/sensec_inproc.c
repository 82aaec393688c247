/* SPDX-License-Identifier: MIT
 * sensec_inproc.c — see sensec_inproc.h. The stdlib is typed by sensec_core's
 * sensec_load_stdlib, as in the driver; compile_file of compiler/main.c is static: this is
 * its in-process counterpart over sensec_core's public calls.
 */
#include "sensec_inproc.h"

#include "ast.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* The compiler's arena is never freed (by design): no leak reports under ASan. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

void inproc_load_stdlib(void)
{
    if (sensec_load_stdlib(NULL, NULL))
        abort(); /* the embedded stdlib always compiles */
    quiet_warnings = 1;
}

int inproc_compile(const char *name, const char *text, size_t len, FILE *out)
{
    char *copy = xalloc(len + 1);
    memcpy(copy, text, len);
    struct srcfile *f = xalloc(sizeof *f);
    f->name = name;
    f->text = copy;
    f->len = len;
    cur_file = f;
    program_t *p = xalloc(sizeof *p);
    int before = n_errors;
    jmp_buf jb;
    fatal_jmp = &jb;
    if (setjmp(jb) == 0 && parse_source(f, p) == 0 && n_errors == before) {
        typer_module(p, "Fuzz", 0);
        if (n_errors == before)
            gen_module(out, p, "Fuzz");
    }
    fatal_jmp = NULL;
    return n_errors - before;
}
