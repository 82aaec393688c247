/* SPDX-License-Identifier: MIT
 * helpers.c — see helpers.h.
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

svasm_obj_t *t_assemble(const char *src)
{
    svasm_diags_t d = {0};
    svasm_obj_t *o = svasm_assemble("t.s", src, strlen(src), &d);
    for (svasm_diag_t *g = d.head; g; g = g->next)
        fprintf(stderr, "t.s:%d:%d: %s\n", g->line, g->col, g->msg);
    svasm_diags_free(&d);
    return o;
}

const char *t_first_error(const char *src)
{
    static char buf[512];
    svasm_diags_t d = {0};
    svasm_obj_t *o = svasm_assemble("t.s", src, strlen(src), &d);
    buf[0] = 0;
    for (svasm_diag_t *g = d.head; g; g = g->next)
        if (g->severity == SVASM_ERROR) {
            snprintf(buf, sizeof buf, "%d:%d: %s", g->line, g->col, g->msg);
            break;
        }
    svasm_diags_free(&d);
    svasm_obj_free(o);
    return buf;
}

uint8_t *t_link(const char *const *srcs, const svasm_link_opts_t *opts, uint32_t *len, char *err,
                size_t errcap)
{
    svasm_input_t in[16];
    size_t n = 0;
    char names[16][16];
    for (; srcs[n]; n++) {
        snprintf(names[n], sizeof names[n], "s%zu.s", n);
        in[n].name = names[n];
        in[n].buf = NULL;
        in[n].len = 0;
        in[n].obj = t_assemble(srcs[n]);
        if (!in[n].obj) {
            snprintf(err, errcap, "assembly of source %zu failed", n);
            for (size_t i = 0; i < n; i++)
                svasm_obj_free(in[i].obj);
            return NULL;
        }
    }
    svasm_diags_t d = {0};
    uint8_t *img = NULL;
    if (svasm_link(in, n, opts, &img, len, &d) != 0)
        img = NULL;
    if (err && errcap) {
        err[0] = 0;
        if (d.head)
            snprintf(err, errcap, "%s: %s", d.head->file ? d.head->file : "-", d.head->msg);
    }
    svasm_diags_free(&d);
    for (size_t i = 0; i < n; i++)
        svasm_obj_free(in[i].obj);
    return img;
}
