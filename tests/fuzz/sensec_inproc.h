/* SPDX-License-Identifier: MIT
 * sensec_inproc.h — sensec's front end in process, for the harnesses of tests/fuzz
 * (fuzz_sensec.c, nesting_limit.c): type the embedded stdlib once as the driver does, then
 * compile sources one at a time; user errors come back through the driver's hook.
 */
#ifndef TESTS_SENSEC_INPROC_H
#define TESTS_SENSEC_INPROC_H

#include <stddef.h>
#include <stdio.h>

/* typer_init and the embedded stdlib modules, warnings off; aborts if the stdlib fails. */
void inproc_load_stdlib(void);

/* Parse, type and generate `text` as module Fuzz, the assembly to `out`. Returns the
 * number of errors (0 = compiled). Call it on a thread whose stack_base is set. */
int inproc_compile(const char *name, const char *text, size_t len, FILE *out);

#endif
