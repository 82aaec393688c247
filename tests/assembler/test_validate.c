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
    const char *prog[] = {"        .global main\n"
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
        cr_assert_eq(
            memcmp(im.code, img + svbc_read_i32(img + SVIMG_HEADER_SIZE + 4), im.code_size), 0);

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

/* Inter-container channels: `.manifest xchan "NAME:DIR[:DEPTH[:POLICY]]"` and the --xchan
 * option (mset.xchans) land in the manifest's xchans slots (image-format.md §5), which the
 * loader accepts and decodes; a repeated identical declaration counts once. */
Test(validate, xchan_directive_and_option)
{
    const char *prog[] = {"        .manifest xchan \"log:recv:4:overwrite\"\n"
                          "        .manifest xchan \"cmd:send\"\n"
                          "        .global main\n"
                          "main:   halt\n",
                          "        .manifest xchan \"log:recv:4:overwrite\"\n"
                          "f:      halt\n",
                          NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o;
    svasm_link_opts_init(&o);
    o.mset.xchans[o.mset.nxchans++] = "temps:recv:2";
    uint8_t *img = t_link(prog, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    expect_valid(img, len, "with inter-container channels");
    svl_image_t im;
    uint32_t off;
    cr_assert_eq(svl_validate(img, len, &im, &off), SVL_OK);
    const svl_manifest_t *m = &im.manifest;
    cr_assert_eq(m->nxchans, 3);
    cr_assert_str_eq(m->xchans[0].name, "log");
    cr_assert_eq(m->xchans[0].dir, SVMF_XCHAN_RECV);
    cr_assert_eq(m->xchans[0].policy, SVMF_XPOLICY_OVERWRITE);
    cr_assert_eq(m->xchans[0].depth, 4);
    cr_assert_str_eq(m->xchans[1].name, "cmd");
    cr_assert_eq(m->xchans[1].dir, SVMF_XCHAN_SEND);
    cr_assert_eq(m->xchans[1].policy, SVMF_XPOLICY_DROP_NEW);
    cr_assert_eq(m->xchans[1].depth, 1, "depth defaults to 1");
    cr_assert_str_eq(m->xchans[2].name, "temps");
    cr_assert_eq(m->xchans[2].dir, SVMF_XCHAN_RECV);
    cr_assert_eq(m->xchans[2].depth, 2);
    free(img);
}

Test(validate, xchan_errors)
{
    cr_assert_str_eq(
        t_first_error(".manifest xchan \"log:both\"\nmain: halt\n"),
        "1:17: bad xchan 'log:both' (expected NAME:send|recv[:DEPTH[:drop|overwrite]], "
        "NAME 1..15 characters of A-Z a-z 0-9 _ . -, DEPTH 1..65535)");
    cr_assert_neq(t_first_error(".manifest xchan \"log:recv:0\"\n")[0], 0, "depth >= 1");
    cr_assert_neq(t_first_error(".manifest xchan \"log:recv:2:keep\"\n")[0], 0);
    cr_assert_neq(t_first_error(".manifest xchan \"log:recv:2:drop:x\"\n")[0], 0);
    cr_assert_neq(t_first_error(".manifest xchan \"a name:send\"\n")[0], 0);
    cr_assert_neq(t_first_error(".manifest xchan 3\n")[0], 0);
    char err[256];
    uint32_t len;
    svasm_link_opts_t o;
    svasm_link_opts_init(&o);
    const char *conflict[] = {".manifest xchan \"log:recv:4\"\n.global main\nmain: halt\n",
                              ".manifest xchan \"log:recv:5\"\nf: halt\n", NULL};
    cr_assert_null(t_link(conflict, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "s1.s: conflicting declarations of inter-container channel 'log'");
    const char *many[] = {".manifest xchan \"a:send\"\n.manifest xchan \"b:send\"\n"
                          ".manifest xchan \"c:send\"\n.manifest xchan \"d:send\"\n"
                          ".manifest xchan \"e:send\"\n.global main\nmain: halt\n",
                          NULL};
    cr_assert_null(t_link(many, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "s0.s: too many inter-container channels (at most 4)");
}
