/* SPDX-License-Identifier: MIT
 * sensec_inproc.c — see sensec_inproc.h. compiler/main.c's load_stdlib and compile_file
 * are static: these are their in-process counterparts over sensec_core's public calls.
 */
#include "sensec_inproc.h"

#include "ast.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

extern jmp_buf *fatal_jmp; /* ast.c: the driver's hook for user errors */

/* The compiler's arena is never freed (by design): no leak reports under ASan. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

void inproc_load_stdlib(void)
{
    quiet_warnings = 1;
    typer_init();
    for (int i = 0; i < sensec_stdlib_count; i++) {
        const struct stdlib_src *s = &sensec_stdlib[i];
        struct srcfile *f = xalloc(sizeof *f);
        f->name = s->file;
        f->text = s->text;
        f->len = strlen(s->text);
        cur_file = f;
        program_t *p = xalloc(sizeof *p);
        jmp_buf jb;
        fatal_jmp = &jb;
        if (setjmp(jb) != 0 || parse_source(f, p) != 0 || n_errors)
            abort(); /* the embedded stdlib always compiles */
        typer_module(p, s->module, 1);
        fatal_jmp = NULL;
    }
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
