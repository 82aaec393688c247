/* SPDX-License-Identifier: MIT
 * format.c — the float conversions the runtime takes from the port in every Cortex-M
 * build (SVM_CFG_PORT_FLOAT_FORMAT, sensevm/vm.h): picolibc's, which a firmware links for
 * its own printf anyway. Shared by the Cortex-M ports (cortexm, stm32f4, nrf51).
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
