/* SPDX-License-Identifier: MIT
 * format.c — the float conversions the runtime takes from the port in a Cortex-M build
 * with SVM_CFG_PORT_FLOAT_FORMAT (sensevm/vm.h; runtime/meson.build: every cross build but
 * those whose cross file says float_format = 'own'): picolibc's snprintf and strtod, which
 * are not exact where glibc is (docs/boards.md, "Floats"). Linked by the Cortex-M ports;
 * unused (and left out of the link) where the runtime has its own.
 */
#include <sensevm/vm.h>

#include <stdio.h>
#include <stdlib.h>

long svm_port_format_float(char *buf, size_t cap, const char *spec, double d)
{
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    return snprintf(buf, cap, spec, d);
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
}

int svm_port_parse_float(const char *text, double *out)
{
    char *end;
    *out = strtod(text, &end);
    return *text && !*end ? 0 : -1;
}
