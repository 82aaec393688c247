/* SPDX-License-Identifier: MIT
 * gen_corpus.c — writes the bad-image corpus (one file per validator rule, named after it)
 * and checks it.
 *   gen_corpus DIR                 write every case into DIR (refreshes tests/loader/corpus)
 *   gen_corpus --check SRC OUT     regenerate into OUT, check each image is rejected with its
 *                                  expected code and offset, that SRC holds exactly the same
 *                                  files byte for byte, and that every code in errors.def has
 *                                  an image. Exit 1 on any failure (a rule no longer enforced).
 */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void fail(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "gen_corpus: error: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    failures++;
}

static int write_file(const char *dir, const char *name, const uint8_t *b, uint32_t n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b, 1, n, f) != n || fclose(f) != 0) {
        fail("cannot write %s%s", path, "");
        return -1;
    }
    return 0;
}

static long read_file(const char *dir, const char *name, uint8_t *b, size_t cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(b, 1, cap, f);
    fclose(f);
    return (long)n;
}

/* The rule part of a file name: up to '-' or ".svm". */
static size_t rule_len(const char *file)
{
    size_t n = strcspn(file, "-.");
    return n;
}

static const corpus_case_t *find_case(const char *file)
{
    for (size_t i = 0; i < corpus_ncases; i++)
        if (strcmp(corpus_cases[i].file, file) == 0)
            return &corpus_cases[i];
    return NULL;
}

static void check_case(const corpus_case_t *c, const char *src, const char *out)
{
    static corpus_img_t im;
    static uint8_t disk[CORPUS_CAP + 16];
    uint32_t want_off = corpus_make(c, &im);
    /* the file name names the rule */
    const char *want_name = c->code == SVL_OK ? "good" : svl_result_name(c->code);
    if (rule_len(c->file) != strlen(want_name) ||
        strncmp(c->file, want_name, strlen(want_name)) != 0)
        fail("%s: file name does not start with the rule name %s", c->file, want_name);
    if (out && write_file(out, c->file, im.b, im.size) != 0)
        return;
    uint32_t off = 0xdeadbeef;
    svl_image_t img;
    svl_result_t r = svl_validate(im.b, im.size, &img, &off);
    if (r != c->code || (r != SVL_OK && off != want_off)) {
        char msg[512];
        snprintf(msg, sizeof msg, "expected %s at 0x%x, got %s at 0x%x", svl_result_name(c->code),
                 (unsigned)want_off, svl_result_name(r), (unsigned)off);
        fail("%s: %s", c->file, msg);
    }
    if (!src)
        return;
    long n = read_file(src, c->file, disk, sizeof disk);
    if (n < 0) {
        fail("%s: missing from %s (run gen_corpus to refresh it)", c->file, src);
        return;
    }
    if ((uint32_t)n != im.size || memcmp(disk, im.b, im.size) != 0)
        fail("%s: committed file differs from the generated one in %s", c->file, src);
    r = svl_validate(disk, (size_t)n, &img, &off);
    if (r != c->code)
        fail("%s: committed file not rejected with %s", c->file, svl_result_name(c->code));
}

int main(int argc, char **argv)
{
    const char *src = NULL, *out = NULL;
    if (argc == 2) {
        out = argv[1];
    } else if (argc == 4 && strcmp(argv[1], "--check") == 0) {
        src = argv[2];
        out = argv[3];
    } else {
        fprintf(stderr, "usage: gen_corpus DIR | gen_corpus --check SRCDIR OUTDIR\n");
        return 2;
    }
    for (size_t i = 0; i < corpus_ncases; i++)
        check_case(&corpus_cases[i], src, out);
        /* every result code has at least one image */
#define SVL_ERR(name, num, msg)                                                                    \
    {                                                                                              \
        int found = 0;                                                                             \
        for (size_t i = 0; i < corpus_ncases; i++)                                                 \
            found |= corpus_cases[i].code == (svl_result_t)(num);                                  \
        if (!found)                                                                                \
            fail("rule %s has no corpus image%s", #name, "");                                      \
    }
#include <sensevm/errors.def>
#undef SVL_ERR
    /* no stale files in the committed corpus */
    if (src) {
        DIR *d = opendir(src);
        if (!d) {
            fail("cannot open %s%s", src, "");
        } else {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                size_t n = strlen(e->d_name);
                if (n > 4 && strcmp(e->d_name + n - 4, ".svm") == 0 && !find_case(e->d_name))
                    fail("%s/%s: not produced by gen_corpus (stale?)", src, e->d_name);
            }
            closedir(d);
        }
    }
    if (failures) {
        fprintf(stderr, "gen_corpus: %d failure(s)\n", failures);
        return 1;
    }
    printf("gen_corpus: %zu images ok\n", corpus_ncases);
    return 0;
}
