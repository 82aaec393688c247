/* SPDX-License-Identifier: MIT
 * helpers.h — small helpers shared by the assembler tests.
 */
#ifndef TEST_ASM_HELPERS_H
#define TEST_ASM_HELPERS_H

#include <sensevm/asm.h>

#include <stddef.h>
#include <stdint.h>

/* Assemble src as "t.s"; on errors prints them (to the test log) and returns NULL. */
svasm_obj_t *t_assemble(const char *src);
/* Assemble src expecting errors; returns the first error (static copy) as
 * "LINE:COL: MESSAGE", or "" if there was none. */
const char *t_first_error(const char *src);
/* Link assembled sources (NULL-terminated) with opts; returns the image or NULL (and the
 * first diagnostic in err[0..errcap)). */
uint8_t *t_link(const char *const *srcs, const svasm_link_opts_t *opts, uint32_t *len, char *err,
                size_t errcap);

#endif
