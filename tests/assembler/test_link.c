/* SPDX-License-Identifier: MIT
 * test_link.c — the linker through the library: symbol resolution errors, relocation
 * across objects, dead-code elimination, constant de-duplication, global variables,
 * manifest settings, archive member selection, the map file and the output formats.
 */
#define _POSIX_C_SOURCE 200809L
#include "helpers.h"

#include <criterion/criterion.h>

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static svasm_image_t parse(const uint8_t *img, uint32_t len)
{
    svasm_image_t im;
    svasm_diags_t d = {0};
    cr_assert_eq(svasm_image_parse(img, len, &im, &d, "img"), 0);
    svasm_diags_free(&d);
    return im;
}

/* Address of symbol `name` in the image's SYMBOLS section, or -1. */
static long sym_addr(const svasm_image_t *im, const char *name)
{
    if (!im->symbols)
        return -1;
    uint32_t n = (uint32_t)svbc_read_i32(im->symbols);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t no = (uint32_t)svbc_read_i32(im->symbols + 8 + 8 * i);
        if (strcmp((const char *)im->symbols + no, name) == 0)
            return svbc_read_i32(im->symbols + 4 + 8 * i);
    }
    return -1;
}

static svasm_link_opts_t opts(void)
{
    svasm_link_opts_t o;
    svasm_link_opts_init(&o);
    o.outname = "test.svm";
    return o;
}

Test(link, undefined_symbol_names_object_and_symbol)
{
    const char *srcs[] = {".global main\n.extern foo\nmain: nop\n call foo, 0\n halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    cr_assert_null(t_link(srcs, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "s0.s:(.text+0x2): undefined symbol 'foo'");
}

Test(link, undefined_entry)
{
    const char *srcs[] = {"start: halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    cr_assert_null(t_link(srcs, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "-: undefined symbol 'main' (the entry point)");
    o.entry = "start";
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    free(img);
}

Test(link, duplicate_symbol)
{
    const char *srcs[] = {".global main, f\nmain: halt\nf: halt\n", ".global f\nf: halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    cr_assert_null(t_link(srcs, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "s1.s: duplicate symbol 'f' (first defined in s0.s)");
}

Test(link, local_symbols_do_not_clash)
{
    const char *srcs[] = {
        ".global main\n.extern g\nmain: call loop, 0\n call g, 0\n halt\nloop: return 0\n",
        ".global g\ng: call loop, 0\n return 0\nloop: return 0\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    free(img);
}

Test(link, relocation_across_objects)
{
    /* a: main = nop; call f,0; branch back; halt   b: (dead nop) f: return 0 */
    const char *srcs[] = {".global main\n.extern f\nmain: nop\n call f, 0\n halt\n",
                          ".global f\n.extern main\n nop\nf: branch main\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(im.code_size, 1 + 6 + 1 + 5, "the unreferenced nop of b is dropped");
    cr_assert_eq(im.code[1], SVBC_OP_call);
    cr_assert_eq(svbc_read_i32(im.code + 2), 7, "call at 1 reaches f at 8");
    cr_assert_eq(im.code[8], SVBC_OP_branch);
    cr_assert_eq(svbc_read_i32(im.code + 9), -8, "branch at 8 reaches main at 0");
    cr_assert_eq(sym_addr(&im, "f"), 8);
    cr_assert_eq(sym_addr(&im, "main"), 0);
    cr_assert_eq(svbc_read_i32(im.manifest + SVMF_OFF_ENTRY), 0);
    free(img);
}

Test(link, entry_need_not_be_first)
{
    const char *srcs[] = {".global main\nhelper: return 0\nmain: call helper, 0\n halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(svbc_read_i32(im.manifest + SVMF_OFF_ENTRY), 3);
    cr_assert_eq(svbc_read_i32(im.code + 4), -3);
    free(img);
}

Test(link, dead_code_elimination)
{
    const char *srcs[] = {".global main\n"
                          "main:   quote 1\n" /* falls through into next */
                          "next:   branchif .Lx\n"
                          "        halt\n"
                          ".Lx:    call used, 0\n" /* .Lx belongs to chunk next */
                          "        halt\n"
                          "unused: const \"dead\"\n" /* unreachable: dropped with its constant */
                          "        call used, 0\n"
                          "        halt\n"
                          "used:   const \"live\"\n"
                          "        return 0\n"
                          "also_unused: halt\n",
                          NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    char *map = NULL;
    o.map = &map;
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(sym_addr(&im, "unused"), -1);
    cr_assert_eq(sym_addr(&im, "also_unused"), -1);
    cr_assert_eq(sym_addr(&im, "next"), 5);
    cr_assert_eq(sym_addr(&im, "used"), 5 + 5 + 1 + 6 + 1);
    cr_assert_eq(im.code_size, 18 + 3 + 3);
    cr_assert_eq(im.nconsts, 1, "the dead function's constant is dropped");
    cr_assert(strstr(map, "unused"), "%s", map);
    cr_assert(strstr(map, "Discarded"), "%s", map);
    free(map);
    free(img);

    /* --no-dce keeps everything */
    o.map = NULL;
    o.no_dce = 1;
    img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    im = parse(img, len);
    cr_assert_neq(sym_addr(&im, "unused"), -1);
    cr_assert_eq(im.nconsts, 2);
    free(img);
}

Test(link, constant_dedup_across_objects)
{
    const char *srcs[] = {
        ".global main\n.extern f\nmain: const \"hi\"\n const 2.5\n call f, 0\n halt\n",
        ".global f\nf: const 2.5\n const \"hi\"\n const \"other\"\n return 0\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(im.nconsts, 3);
    /* main: const 0, const 1; f (at 13): const 1, const 0, const 2 */
    cr_assert_eq(svbc_read_u16(im.code + 1), 0);
    cr_assert_eq(svbc_read_u16(im.code + 4), 1);
    cr_assert_eq(svbc_read_u16(im.code + 14), 1);
    cr_assert_eq(svbc_read_u16(im.code + 17), 0);
    cr_assert_eq(svbc_read_u16(im.code + 20), 2);
    /* pool layout: count, offsets, then objects in the header-word format */
    uint32_t off0 = (uint32_t)svbc_read_i32(im.consts + 4);
    cr_assert_eq(off0, 4 + 4 * 3);
    uint32_t h = (uint32_t)svbc_read_i32(im.consts + off0);
    cr_assert_eq(SVOBJ_KIND(h), SVOBJ_STRING);
    cr_assert_eq(SVOBJ_SIZE(h), 2);
    cr_assert_eq(svbc_read_i32(im.consts + off0 + 4), 2);
    cr_assert(memcmp(im.consts + off0 + 8, "hi\0\0", 4) == 0);
    uint32_t off1 = (uint32_t)svbc_read_i32(im.consts + 8);
    cr_assert_eq(off1, off0 + 12);
    cr_assert_eq(SVOBJ_KIND((uint32_t)svbc_read_i32(im.consts + off1)), SVOBJ_FLOAT);
    free(img);
}

Test(link, global_variables_shared_between_objects)
{
    const char *srcs[] = {".global main, shared\n.extern f\n.var mine\n.var shared\n"
                          "main: getvar shared\n setvar mine\n call f, 0\n halt\n",
                          ".global f\n.extern shared\n.var unused_var\n.var own\n"
                          "f: getvar shared\n setvar own\n return 0\n",
                          NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(svbc_read_i32(im.manifest + SVMF_OFF_GLOBALS), 3);
    uint16_t a = svbc_read_u16(im.code + 1), b = svbc_read_u16(im.code + 4);
    uint16_t c = svbc_read_u16(im.code + 14), e = svbc_read_u16(im.code + 17);
    cr_assert_eq(a, c, "both objects use the same slot for 'shared'");
    cr_assert(a != b && b != e && a != e && a < 3 && b < 3 && e < 3);
    free(img);
}

Test(link, numbered_variables_are_reserved)
{
    const char *srcs[] = {".var v\nmain: getvar 4\n setvar v\n halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    cr_assert_eq(svbc_read_u16(im.code + 4), 5);
    cr_assert_eq(svbc_read_i32(im.manifest + SVMF_OFF_GLOBALS), 6);
    free(img);
}

Test(link, manifest_directives_and_options)
{
    const char *srcs[] = {
        ".manifest name \"blinky\"\n.manifest heap 8K\n.manifest stack 1K\n"
        ".manifest device \"led0\"\n.manifest policy restart\n.manifest priority 7\n"
        "main: halt\n",
        ".manifest device \"button\"\n.manifest device \"led0\"\nf: halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    o.mset.heap = 64 << 10; /* options win */
    o.mset.contexts = 3;
    o.mset.devices[o.mset.ndevices++] = "uart0";
    o.mset.fuel = 1000;
    o.mset.heartbeat = 250;
    uint8_t *img = t_link(srcs, &o, &len, err, sizeof err);
    cr_assert_not_null(img, "%s", err);
    svasm_image_t im = parse(img, len);
    const uint8_t *m = im.manifest;
    cr_assert_str_eq((const char *)m + SVMF_OFF_NAME, "blinky");
    cr_assert_eq(m[SVMF_OFF_PRIORITY], 7);
    cr_assert_eq(m[SVMF_OFF_POLICY], SVMF_POLICY_RESTART);
    cr_assert_eq(svbc_read_i32(m + SVMF_OFF_HEAP), 64 << 10);
    cr_assert_eq(svbc_read_i32(m + SVMF_OFF_STACK), 1024);
    cr_assert_eq(svbc_read_u16(m + SVMF_OFF_CONTEXTS), 3);
    cr_assert_eq(svbc_read_u16(m + SVMF_OFF_CHANNELS), SVMF_DEFAULT_CHANNELS);
    cr_assert_eq(svbc_read_i32(m + SVMF_OFF_FUEL), 1000);
    cr_assert_eq(svbc_read_i32(m + SVMF_OFF_HEARTBEAT), 250);
    cr_assert_eq(m[SVMF_OFF_NDEVICES], 3);
    cr_assert_str_eq((const char *)m + SVMF_OFF_DEVICES, "led0");
    cr_assert_str_eq((const char *)m + SVMF_OFF_DEVICES + 16, "button");
    cr_assert_str_eq((const char *)m + SVMF_OFF_DEVICES + 32, "uart0");
    free(img);
}

Test(link, manifest_conflict)
{
    const char *srcs[] = {".manifest heap 8K\nmain: halt\n", ".manifest heap 16K\nf: halt\n", NULL};
    char err[256];
    uint32_t len;
    svasm_link_opts_t o = opts();
    cr_assert_null(t_link(srcs, &o, &len, err, sizeof err));
    cr_assert_str_eq(err, "s1.s: conflicting manifest 'heap' (s0.s sets it differently)");
}

Test(link, default_name_and_header)
{
    const char *srcs[] = {"main: halt\n", NULL};
    uint32_t len;
    svasm_link_opts_t o = opts();
    o.outname = "out/my app.v2.svm";
    uint8_t *img = t_link(srcs, &o, &len, NULL, 0);
    cr_assert_not_null(img);
    svasm_image_t im = parse(img, len);
    cr_assert_str_eq((const char *)im.manifest + SVMF_OFF_NAME, "my_app");
    cr_assert(memcmp(img, SVIMG_MAGIC, 4) == 0);
    cr_assert_eq(svbc_read_u16(img + SVIMG_OFF_MAJOR), SVIMG_FORMAT_MAJOR);
    cr_assert_eq(img[SVIMG_OFF_WORDSIZE], 4);
    cr_assert_eq(img[SVIMG_OFF_HDRSIZE], 64);
    cr_assert_eq((uint32_t)svbc_read_i32(img + SVIMG_OFF_SIZE), len);
    cr_assert_eq((uint32_t)svbc_read_i32(img + SVIMG_OFF_CRC), svimg_crc(img, len));
    uint8_t dg[32];
    svimg_digest(img, len, dg);
    cr_assert(memcmp(dg, img + SVIMG_OFF_SHA, 32) == 0);
    cr_assert_eq(im.nsect, 4);
    cr_assert_eq(svbc_read_i32(img + SVIMG_OFF_FLAGS), SVIMG_F_DEBUG);
    for (uint32_t i = 0; i < im.nsect; i++) {
        cr_assert_eq(im.sect[i].offset % 4, 0);
        if (i)
            cr_assert(im.sect[i].offset >= im.sect[i - 1].offset + im.sect[i - 1].size);
    }
    free(img);
    o.strip = 1;
    img = t_link(srcs, &o, &len, NULL, 0);
    im = parse(img, len);
    cr_assert_eq(im.nsect, 3);
    cr_assert_eq(svbc_read_i32(img + SVIMG_OFF_FLAGS), 0);
    free(img);
}

/* ---- archives ---- */

static size_t ar_add(uint8_t *ar, size_t pos, const char *name, const uint8_t *data, size_t n)
{
    char hdr[61];
    snprintf(hdr, sizeof hdr, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0", "644", n);
    memcpy(ar + pos, hdr, 60);
    memcpy(ar + pos + 60, data, n);
    pos += 60 + n;
    if (pos & 1)
        ar[pos++] = '\n';
    return pos;
}

static uint8_t *obj_bytes(const char *src, size_t *n)
{
    svasm_obj_t *o = t_assemble(src);
    cr_assert_not_null(o);
    char path[] = "/tmp/svasm-test-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    svasm_diags_t d = {0};
    cr_assert_eq(svasm_obj_write(o, path, &d), 0);
    FILE *f = fopen(path, "rb");
    uint8_t *buf = malloc(1 << 16);
    *n = fread(buf, 1, 1 << 16, f);
    fclose(f);
    unlink(path);
    svasm_obj_free(o);
    svasm_diags_free(&d);
    return buf;
}

Test(link, archive_pulls_only_needed_members)
{
    size_t n1, n2, n3, n4;
    /* m1 defines f (needed), which needs h from m3 (a later member, pulled in a second
     * round); m2 defines g, which nobody needs; m4 defines main */
    uint8_t *m1 = obj_bytes(".global f\n.extern h\nf: call h, 0\n return 0\n", &n1);
    uint8_t *m2 = obj_bytes(".global g\ng: const \"g\"\n return 0\n", &n2);
    uint8_t *m3 = obj_bytes(".global h\nh: return 0\n", &n3);
    uint8_t *m4 = obj_bytes(".global main\n.extern f\nmain: call f, 0\n halt\n", &n4);
    uint8_t *ar = calloc(1, 8 + 4 * 62 + n1 + n2 + n3);
    memcpy(ar, "!<arch>\n", 8);
    size_t pos = 8;
    pos = ar_add(ar, pos, "m1.o/", m1, n1);
    pos = ar_add(ar, pos, "m2.o/", m2, n2);
    pos = ar_add(ar, pos, "m3.o/", m3, n3);
    svasm_input_t in[2] = {{"main.o", m4, n4, NULL}, {"libx.a", ar, pos, NULL}};
    svasm_link_opts_t o = opts();
    char *map = NULL;
    o.map = &map;
    uint8_t *img;
    uint32_t len;
    svasm_diags_t d = {0};
    int rc = svasm_link(in, 2, &o, &img, &len, &d);
    cr_assert_eq(rc, 0, "%s", d.head ? d.head->msg : "");
    svasm_image_t im = parse(img, len);
    cr_assert_neq(sym_addr(&im, "f"), -1);
    cr_assert_neq(sym_addr(&im, "h"), -1);
    cr_assert_eq(sym_addr(&im, "g"), -1);
    cr_assert_eq(im.nconsts, 0);
    cr_assert(strstr(map, "libx.a(m1.o)") && strstr(map, "libx.a(m3.o)") && !strstr(map, "m2.o"),
              "%s", map);
    cr_assert(strstr(map, "needed for 'f'"), "%s", map);
    free(map);
    free(img);
    svasm_diags_free(&d);

    /* without main.o nothing references the members: only main is missing */
    svasm_input_t in2[1] = {{"libx.a", ar, pos, NULL}};
    svasm_link_opts_t o2 = opts();
    rc = svasm_link(in2, 1, &o2, &img, &len, &d);
    cr_assert_neq(rc, 0);
    cr_assert_str_eq(d.head->msg, "undefined symbol 'main' (the entry point)");
    svasm_diags_free(&d);
    free(m1);
    free(m2);
    free(m3);
    free(m4);
    free(ar);
}

Test(link, object_round_trip_through_elf)
{
    const char *src =
        ".global main\n.extern ext\n.var v\n.manifest name \"rt\"\n.file \"x.ml\"\n.line 3\n"
        "main: const \"s\"\n const 1.5\n setvar v\n call ext, 2\n switch 1, 0, .La\n"
        ".La: halt\n";
    svasm_obj_t *o = t_assemble(src);
    size_t n;
    uint8_t *buf = obj_bytes(src, &n);
    svasm_diags_t d = {0};
    svasm_obj_t *r = svasm_obj_from_elf("rt.o", buf, n, &d);
    cr_assert_not_null(r, "%s", d.head ? d.head->msg : "");
    cr_assert_eq(r->code_size, o->code_size);
    cr_assert(memcmp(r->code, o->code, o->code_size) == 0);
    cr_assert_eq(r->nconsts, 2);
    cr_assert_eq(r->nrelocs, o->nrelocs);
    cr_assert_eq(r->nvars, 1);
    cr_assert_eq(r->nsyms, o->nsyms);
    cr_assert_eq(r->nmanifest, 1);
    cr_assert_eq(r->nlines, 1);
    cr_assert_str_eq(r->lines[0].file, "x.ml");
    char *l1 = svasm_disasm_obj(o), *l2 = svasm_disasm_obj(r);
    cr_assert_str_eq(strchr(l1, '\n'), strchr(l2, '\n'));
    free(l1);
    free(l2);
    svasm_obj_free(o);
    svasm_obj_free(r);
    svasm_diags_free(&d);
    free(buf);
}

/* ---- formats ---- */

Test(formats, ihex_and_c)
{
    uint8_t img[40];
    for (int i = 0; i < 40; i++)
        img[i] = (uint8_t)(i * 7);
    size_t n;
    char *hex = (char *)svasm_format(img, 40, SVASM_FMT_IHEX, NULL, 0x0800fff0u, &n);
    /* the record at 0xfff0 stops at the 64K boundary; a type-04 record moves on */
    cr_assert_str_eq(hex, ":020000040800F2\n"
                          ":10FFF00000070E151C232A31383F464D545B6269B9\n"
                          ":020000040801F1\n"
                          ":1000000070777E858C939AA1A8AFB6BDC4CBD2D9A8\n"
                          ":08001000E0E7EEF5FC030A1124\n"
                          ":00000001FF\n");
    free(hex);
    char *c = (char *)svasm_format(img, 3, SVASM_FMT_C, "blob", 0, &n);
    cr_assert(strstr(c, "_Alignas(4) const uint8_t blob[3] = {"), "%s", c);
    cr_assert(strstr(c, "0x00, 0x07, 0x0e,"), "%s", c);
    cr_assert(strstr(c, "const size_t blob_size = 3;"), "%s", c);
    free(c);
}

Test(object, rejects_foreign_and_damaged_files)
{
    size_t n;
    uint8_t *buf = obj_bytes(".global main\nmain: const \"x\"\n halt\n", &n);
    svasm_diags_t d = {0};
    buf[18] = 0x3e; /* e_machine = x86-64 */
    buf[19] = 0x00;
    cr_assert_null(svasm_obj_from_elf("x.o", buf, n, &d));
    cr_assert_str_eq(d.head->msg, "file is not a Sense-VM relocatable object (machine 0x3e)");
    svasm_diags_free(&d);
    buf[18] = 0x56;
    buf[19] = 0x53;
    for (size_t cut = 0; cut < n; cut += 7) { /* every truncation fails cleanly or parses */
        svasm_obj_t *o = svasm_obj_from_elf("x.o", buf, cut, &d);
        svasm_obj_free(o);
        svasm_diags_free(&d);
    }
    svasm_obj_t *o = svasm_obj_from_elf("x.o", buf, n, &d);
    cr_assert_not_null(o);
    svasm_obj_free(o);
    free(buf);
}
