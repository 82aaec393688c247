/* SPDX-License-Identifier: MIT
 * test_validate.c — images written by the linker pass the loader's full validation
 * (svl_validate): the golden image and a few linked programs, with and without debug
 * sections, with every manifest option set, and with a SIGNATURE section appended
 * (senseasm --sign).
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

/* senseasm --sign appends a 64-byte SIGNATURE section (svasm_image_add_signature): the
 * result keeps every other section's bytes, sets SIGNED, is sealed, passes the loader's
 * validation, and its digest does not depend on the signature bytes. */
Test(validate, signed_image)
{
    const char *prog[] = {"        .global main\n"
                          "main:   const \"hi\"\n"
                          "        svc print_string\n"
                          "        halt\n",
                          NULL};
    for (int strip = 0; strip < 2; strip++) {
        svasm_link_opts_t o;
        svasm_link_opts_init(&o);
        o.outname = "s.svm";
        o.strip = strip;
        uint32_t len, slen;
        char err[256];
        uint8_t *img = t_link(prog, &o, &len, err, sizeof err);
        cr_assert_not_null(img, "%s", err);
        uint8_t sig[64];
        for (int i = 0; i < 64; i++)
            sig[i] = (uint8_t)(0xa5 ^ i);
        svasm_diags_t d = {0};
        uint8_t *s = svasm_image_add_signature(img, len, sig, &slen, &d);
        cr_assert_not_null(s, "%s", d.head ? d.head->msg : "?");
        cr_assert_eq(slen, len + 16 + 64);
        cr_assert_eq(svbc_read_u16(s + SVIMG_OFF_NSECT), svbc_read_u16(img + SVIMG_OFF_NSECT) + 1);
        cr_assert_eq((uint32_t)svbc_read_i32(s + SVIMG_OFF_FLAGS),
                     (uint32_t)svbc_read_i32(img + SVIMG_OFF_FLAGS) | SVIMG_F_SIGNED);
        cr_assert_eq(memcmp(s + slen - 64, sig, 64), 0);
        expect_valid(s, slen, strip ? "signed, stripped" : "signed, with debug sections");

        svl_image_t im;
        uint32_t off;
        cr_assert_eq(svl_validate(s, slen, &im, &off), SVL_OK);
        cr_assert_eq(im.signature, s + slen - 64);
        cr_assert_eq(im.signature_size, 64u);
        cr_assert_eq(im.code_size, (uint32_t)svbc_read_i32(img + SVIMG_HEADER_SIZE + 8));
        cr_assert_eq(memcmp(im.code, img + svbc_read_i32(img + SVIMG_HEADER_SIZE + 4),
                            im.code_size), 0);

        /* the digest reads the signature as zero: changing it keeps the SHA-256 valid */
        uint8_t d1[32], d2[32];
        svimg_digest(s, slen, d1);
        s[slen - 1] ^= 0xff;
        svimg_digest(s, slen, d2);
        cr_assert_eq(memcmp(d1, d2, 32), 0);
        cr_assert_eq(memcmp(d1, s + SVIMG_OFF_SHA, 32), 0);

        /* an already signed image is refused */
        uint32_t l2;
        cr_assert_null(svasm_image_add_signature(s, slen, NULL, &l2, &d));
        cr_assert_eq(d.nerrors, 1);
        svasm_diags_free(&d);
        free(s);
        free(img);
    }
}
