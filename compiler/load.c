/* SPDX-License-Identifier: MIT
 * load.c — the embedded stdlib typed in process (sensec_load_stdlib, ast.h): one copy for
 * the sensec driver (main.c) and the in-process harnesses (tests/fuzz/sensec_inproc.c).
 */
#include <setjmp.h>
#include <string.h>
#include "ast.h"

const char *sensec_load_stdlib(const char *upto, unsigned char *needs_init)
{
    const char *bad = NULL;
    int saved_q = quiet_warnings;
    quiet_warnings = 1;
    typer_init();
    for (int i = 0; i < sensec_stdlib_count; i++) {
        const struct stdlib_src *s = &sensec_stdlib[i];
        if (upto && strcmp(s->module, upto) == 0)
            break;
        struct srcfile *f = xalloc(sizeof *f);
        f->name = s->file;
        f->text = s->text;
        f->len = strlen(s->text);
        cur_file = f;
        program_t *p = xalloc(sizeof *p);
        jmp_buf jb;
        fatal_jmp = &jb;
        if (setjmp(jb) != 0 || parse_source(f, p) != 0 || n_errors) {
            bad = s->module;
            break;
        }
        typer_module(p, s->module, 1);
        if (needs_init)
            needs_init[i] = (unsigned char)module_needs_init(p);
    }
    fatal_jmp = NULL;
    quiet_warnings = saved_q;
    return bad;
}
