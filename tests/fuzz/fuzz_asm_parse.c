/* SPDX-License-Identifier: MIT
 * fuzz_asm_parse.c — libFuzzer harness for the assembler's front end (scanner, parser,
 * directives, operand checks, diagnostics with excerpts and the error budget). The first
 * byte picks the error budget (0..3, 0 = no limit). It aborts if the diagnostics break
 * their own rules (a record past the budget, an excerpt longer than the bound, a caret
 * beyond its excerpt), or if an object the assembler accepted does not survive the round
 * trip disassemble -> assemble with the same code bytes, symbols and relocations.
 * Built with -Dfuzz=libfuzzer; seeds: tests/assembler/progs/ (scripts/fuzz.sh).
 */
#include <sensevm/asm.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_diags(const svasm_diags_t *d)
{
    int errors = 0;
    for (const svasm_diag_t *g = d->head; g; g = g->next) {
        errors += g->severity == SVASM_ERROR;
        if (!g->msg)
            abort();
        if (g->srcline) {
            size_t n = strlen(g->srcline);
            if (n > SVASM_EXCERPT_MAX + 6 || (g->caret > 0 && (size_t)g->caret > n + 1))
                abort();
        }
    }
    if (errors != d->nerrors || (d->max_errors > 0 && errors > d->max_errors))
        abort();
}

static void round_trip(const svasm_obj_t *o)
{
    char *text = svasm_disasm_obj(o);
    svasm_diags_t d = {0};
    svasm_obj_t *o2 = svasm_assemble("rt.s", text, strlen(text), &d);
    if (!o2 || o2->code_size != o->code_size || memcmp(o2->code, o->code, o->code_size) != 0 ||
        o2->nrelocs != o->nrelocs || o2->nconsts != o->nconsts || o2->nvars != o->nvars)
        abort();
    svasm_obj_free(o2);
    svasm_diags_free(&d);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    svasm_diags_t d = {0};
    d.max_errors = data[0] & 3;
    svasm_obj_t *o = svasm_assemble("f.s", (const char *)data + 1, size - 1, &d);
    check_diags(&d);
    if (o) {
        if (d.nerrors)
            abort();
        round_trip(o);
        svasm_obj_free(o);
    } else if (!d.nerrors) {
        abort();
    }
    svasm_diags_free(&d);
    return 0;
}
