/* SPDX-License-Identifier: MIT
 * test_format.c — the runtime's own number formatting and parsing (runtime/src/format.c,
 * no libc there) against the host's glibc, which OCaml's printf and float_of_string use:
 * every printf conversion the compiler emits, over random and hand-picked doubles and
 * ints, flags, widths and precisions; float_of_string over printed and hand-written texts,
 * compared bit for bit (texts of up to FMT_PARSE_DIGITS = 40 significant digits: longer
 * ones are rounded as if cut there with a sticky digit, which differs from strtod only
 * within 1e-40 (relative) of a halfway point between two doubles).
 */
#include <criterion/criterion.h>

#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double random_double(void)
{
    uint64_t b = next();
    double d;
    switch (next() % 4) {
    case 0: memcpy(&d, &b, 8); return d; /* any bit pattern: nan, inf, subnormals */
    case 1: return (double)(int64_t)(b % 2000001) / 1000.0 - 1000.0;
    case 2: return ldexp((double)(b >> 11), (int)(next() % 200) - 100);
    default: return (double)(int32_t)b / pow(10.0, (double)(next() % 12));
    }
}

static const double picked[] = {0.0,
                                -0.0,
                                0.5,
                                1.5,
                                2.5,
                                -2.5,
                                0.125,
                                0.05,
                                0.15,
                                0.25,
                                0.35,
                                1e-5,
                                1e-4,
                                9.9999e-5,
                                99999.5,
                                999999.5,
                                1e15,
                                1e16,
                                1e17,
                                1e21,
                                1e22,
                                1e23,
                                123456789012.0,
                                3.14159265358979,
                                2.718281828459045,
                                5e-324,
                                2.2250738585072014e-308,
                                1.7976931348623157e308,
                                0.1,
                                0.2,
                                0.3,
                                1.0 / 3.0,
                                9.5,
                                0.95,
                                0.995,
                                9.9995,
                                1e100,
                                1.25e-300,
                                4503599627370496.5};

static int same_float_fmt(const char *spec, double d)
{
    char mine[600], host[600];
    long n = svm_fmt_one(mine, sizeof mine, spec, (uint32_t)strlen(spec), 'f', 0, d, NULL, 0);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    int h = snprintf(host, sizeof host, spec, d);
#pragma GCC diagnostic pop
    if (n != h || strcmp(mine, host)) {
        cr_log_error("%s of %a: runtime '%s' (%ld), glibc '%s' (%d)", spec, d, mine, n, host, h);
        return 0;
    }
    return 1;
}

Test(format, floats_print_as_glibc)
{
    static const char *const convs = "feEgG";
    static const char *const flags[] = {"", "-", "+", " ", "0", "#", "+0", "-#", "# "};
    int bad = 0;
    char spec[32];
    for (int k = 0; k < 20000 && bad < 10; k++) {
        double d = k < (int)(sizeof picked / sizeof picked[0]) ? picked[k] : random_double();
        char c = convs[next() % 5];
        const char *fl = flags[next() % 9];
        int w = (int)(next() % 4) == 0 ? (int)(next() % 30) : -1;
        int p = (int)(next() % 3) == 0 ? -1 : (int)(next() % 25);
        int len = snprintf(spec, sizeof spec, "%%%s", fl);
        if (w >= 0)
            len += snprintf(spec + len, sizeof spec - (size_t)len, "%d", w);
        if (p >= 0)
            len += snprintf(spec + len, sizeof spec - (size_t)len, ".%d", p);
        snprintf(spec + len, sizeof spec - (size_t)len, "%c", c);
        bad += !same_float_fmt(spec, d);
        bad += !same_float_fmt("%.12g", d);
        bad += !same_float_fmt("%.17g", d);
    }
    for (size_t k = 0; k < sizeof picked / sizeof picked[0]; k++) {
        bad += !same_float_fmt("%.99f", picked[k]);
        bad += !same_float_fmt("%.99e", picked[k]);
        bad += !same_float_fmt("%.0f", picked[k]);
        bad += !same_float_fmt("%#.0e", picked[k]);
    }
    cr_assert_eq(bad, 0);
}

Test(format, ints_print_as_glibc)
{
    static const char *const convs = "dixXouc";
    static const char *const flags[] = {"", "-", "+", " ", "0", "#", "-0", "#0", "+ "};
    int bad = 0;
    char spec[32], host[128], mine[128];
    for (int k = 0; k < 20000 && bad < 10; k++) {
        int32_t i = (int32_t)((uint32_t)next() << 1) >> 1;
        if (k < 8)
            i = (int32_t[]){0, 1, -1, 255, -1073741824, 1073741823, 7, 8}[k];
        char c = convs[next() % 7];
        const char *fl = flags[next() % 9];
        if (c == 'c' && strpbrk(fl, "0#+ "))
            fl = "-";
        int w = (int)(next() % 3) == 0 ? (int)(next() % 20) : -1;
        int p = c != 'c' && (int)(next() % 3) == 0 ? (int)(next() % 14) : -1;
        int len = snprintf(spec, sizeof spec, "%%%s", fl);
        if (w >= 0)
            len += snprintf(spec + len, sizeof spec - (size_t)len, "%d", w);
        if (p >= 0)
            len += snprintf(spec + len, sizeof spec - (size_t)len, ".%d", p);
        char cf[40];
        snprintf(cf, sizeof cf, "%s%s%c", spec, c == 'c' ? "" : "l", c);
        snprintf(spec + len, sizeof spec - (size_t)len, "%c", c);
        long n = svm_fmt_one(mine, sizeof mine, spec, (uint32_t)strlen(spec), 'i', i, 0, NULL, 0);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        int h = c == 'c'          ? snprintf(host, sizeof host, cf, i & 0xff)
                : strchr("di", c) ? snprintf(host, sizeof host, cf, (long)i)
                                  : snprintf(host, sizeof host, cf,
                                             (unsigned long)(((uint32_t)i << 1 | 1u) >> 1));
#pragma GCC diagnostic pop
        if (n != h || strcmp(mine, host)) {
            cr_log_error("%s of %d: runtime '%s', glibc '%s'", spec, i, mine, host);
            bad++;
        }
    }
    cr_assert_eq(bad, 0);
}

static int same_parse(const char *text)
{
    double mine = 0, host;
    char *end;
    int r = svm_parse_float((const uint8_t *)text, (uint32_t)strlen(text), &mine);
    host = strtod(text, &end);
    int host_ok = *text && *end == '\0';
    uint64_t a, b;
    memcpy(&a, &mine, 8);
    memcpy(&b, &host, 8);
    if ((r == 0) != host_ok || (host_ok && a != b && !(mine != mine && host != host))) {
        cr_log_error("'%s': runtime %s %a, strtod %s %a", text, r ? "fails" : "gives", mine,
                     host_ok ? "gives" : "fails", host);
        return 0;
    }
    return 1;
}

Test(format, float_of_string_as_strtod)
{
    static const char *const texts[] = {"0",
                                        "-0",
                                        "0.",
                                        ".5",
                                        "5.",
                                        "1e10",
                                        "1E-10",
                                        "-1.5e+3",
                                        "0x1p-1074",
                                        "0x1.8p3",
                                        "0X.8P1",
                                        "0x1.fffffffffffff8p1023",
                                        "0x1p1024",
                                        "inf",
                                        "-inf",
                                        "Infinity",
                                        "nan",
                                        "-NaN",
                                        "1e400",
                                        "1e-400",
                                        "2.4703282292062327e-324",
                                        "2.4703282292062328e-324",
                                        "4.9406564584124654e-324",
                                        "2.2250738585072011e-308",
                                        "1.7976931348623157e308",
                                        "1.7976931348623158e308",
                                        "1.7976931348623159e308",
                                        "9007199254740993",
                                        "9007199254740992.5",
                                        "0.1",
                                        "  3.25",
                                        "\t-7",
                                        "123456789012345678901234567890",
                                        "0.000000000000000000000000000001",
                                        "9007199254740993.0000000000000000001",
                                        "9007199254740992.9999999999999999999",
                                        "9007199254740995",
                                        "0.30000000000000004",
                                        "",
                                        ".",
                                        "e5",
                                        "1e",
                                        "1e+",
                                        "--1",
                                        "1.5 ",
                                        "0x",
                                        "0xg",
                                        "1..2",
                                        "inf0",
                                        "1,5",
                                        "+.e1"};
    int bad = 0;
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        bad += !same_parse(texts[k]);
    char buf[64];
    for (int k = 0; k < 20000 && bad < 10; k++) {
        double d = random_double();
        if (d != d)
            continue;
        switch (next() % 4) {
        case 0: snprintf(buf, sizeof buf, "%.17g", d); break;
        case 1: snprintf(buf, sizeof buf, "%.*e", (int)(next() % 25), d); break;
        case 2: snprintf(buf, sizeof buf, "%a", d); break;
        default: snprintf(buf, sizeof buf, "%.*f", (int)(next() % 8), fmod(d, 1e12)); break;
        }
        bad += !same_parse(buf);
    }
    cr_assert_eq(bad, 0);
}

Test(format, float_of_string_drops_underscores)
{
    double d;
    cr_assert_eq(svm_parse_float((const uint8_t *)"1_000.5", 7, &d), 0);
    cr_assert_eq(d, 1000.5);
    cr_assert_neq(svm_parse_float((const uint8_t *)"1\0", 2, &d), 0);
}
