/* SPDX-License-Identifier: MIT
 * test_validate.c — images written by the linker pass the loader's full validation
 * (svl_validate): the golden image and a few linked programs, with and without debug
 * sections, and with every manifest option set.
 */
#include "helpers.h"

#include <criterion/criterion.h>

#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/loader.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void expect_valid(const uint8_t *img, uint32_t len, const char *what)
{
    svl_image_t im;
    uint32_t off = 0;
    svl_result_t r = svl_validate(img, len, &im, &off);
    cr_assert_eq(r, SVL_OK, "%s: %s (%s) at offset %u", what, svl_result_name(r),
                 svl_result_message(r), off);
}

Test(validate, golden_image)
{
    FILE *f = fopen(TESTDIR "/golden/hello.svm.hex", "r");
    cr_assert_not_null(f);
    uint8_t *img = malloc(1 << 16);
    uint32_t n = 0;
    int c, hi = -1;
    while ((c = fgetc(f)) != EOF) {
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0)
            continue;
        if (hi < 0)
            hi = v;
        else {
            img[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    fclose(f);
    expect_valid(img, n, "golden hello.svm");
    free(img);
}

Test(validate, linked_programs)
{
    const char *prog[] = {
        "        .global main\n"
        "        .var v\n"
        "        .file \"p.ml\"\n"
        "        .line 4\n"
        "main:   const \"s\"\n"
        "        push\n"
        "        const 1.5\n"
        "        setvar v\n"
        "        pop 1\n"
        "        quote 2\n"
        "        switch 1, 1, .La, .Lb\n"
        ".La:    cur f, 1, 0\n"
        "        halt\n"
        ".Lb:    quote 1\n"
        "        push\n"
        "        call f, 1\n"
        "        halt\n"
        "f:      acc 0\n"
        "        return 1\n",
        NULL};
    svasm_link_opts_t o;
    svasm_link_opts_init(&o);
    o.outname = "v.svm";
    uint32_t len;
    char err[256];
    uint8_t *img = t_link(prog, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    expect_valid(img, len, "with SYMBOLS and LINES");
    free(img);

    o.strip = 1;
    o.mset.name = "full";
    o.mset.priority = 200;
    o.mset.policy = SVMF_POLICY_LOG;
    o.mset.heap = 1 << 20;
    o.mset.stack = 4096;
    o.mset.arrays = 8192;
    o.mset.contexts = 2;
    o.mset.channels = 0;
    o.mset.heartbeat = 50;
    o.mset.fuel = 10000;
    o.mset.devices[o.mset.ndevices++] = "led0";
    o.mset.devices[o.mset.ndevices++] = "uart1";
    img = t_link(prog, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    expect_valid(img, len, "stripped, every manifest field set");
    free(img);
}
