/* SPDX-License-Identifier: MIT
 * imagegen_run.c — the random-valid-image test (issue 13): makes N images with
 * imagegen.c, checks that the validator accepts each, and runs each on the bare VM and
 * under the scheduler (runimg.c) with random limits: fuel, slice, heap, stack, collect on
 * every allocation, counted or fast fuel, switches through the scheduler. Any sanitizer
 * report, any value pointing outside its container, or a rejected image fails it; the
 * image that did is written to FILE (--keep FILE) to be replayed with --replay FILE.
 *
 *   imagegen_run [-n N] [--seed S] [--keep FILE] [--replay FILE] [-v]
 */
#include "imagegen.h"
#include "runimg.h"

#include <sensevm/loader.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *keep = "imagegen-failed.svm";
static uint8_t *cur_img;
static size_t cur_len;

static void save(void)
{
    FILE *f = fopen(keep, "wb");
    if (f) {
        fwrite(cur_img, 1, cur_len, f);
        fclose(f);
        fprintf(stderr, "imagegen_run: the image is in %s\n", keep);
    }
}

/* Run the image with limits drawn from r; counts outcomes. */
static void run_one(imagegen_rng_t *r, const uint8_t *img, size_t len, uint64_t *outcome)
{
    svl_image_t out;
    uint32_t off = 0;
    svl_result_t v = runimg_validate(img, len, &out, &off);
    if (v != SVL_OK) {
        fprintf(stderr, "imagegen_run: the validator rejects a generated image: %s at %u\n",
                svl_result_message(v), off);
        save();
        abort();
    }
    runimg_opts_t o = {
        .fuel = 2000 + imagegen_rand(r, 20000),
        .slice = 1 + imagegen_rand(r, imagegen_rand(r, 2) ? 50 : 3000),
        .heap = 512 + 8 * imagegen_rand(r, 8000),
        .stack = 256 + 4 * imagegen_rand(r, 2000),
        .gc_every_alloc = imagegen_rand(r, 4) == 0,
        .count_steps = (int)imagegen_rand(r, 2),
        .sched = imagegen_rand(r, 3) != 0,
        .via_sched = imagegen_rand(r, 4) == 0,
    };
    runimg_result_t res;
    runimg_run(&out, &o, &res);
    outcome[res.bare_status == SVM_TRAPPED ? 5 + res.bare_trap : res.bare_status]++;
    outcome[60] += res.bare_steps;
    outcome[61] += res.sched_ran;
}

int main(int argc, char **argv)
{
    unsigned long n = 1000, seed = 1;
    const char *replay = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--keep") && i + 1 < argc)
            keep = argv[++i];
        else if (!strcmp(argv[i], "--replay") && i + 1 < argc)
            replay = argv[++i];
        else if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else {
            fprintf(stderr, "usage: imagegen_run [-n N] [--seed S] [--keep FILE] "
                            "[--replay FILE] [-v]\n");
            return 2;
        }
    }
    uint64_t outcome[64] = {0};
    cur_img = malloc(IMAGEGEN_MAX_IMAGE);
    if (!cur_img)
        return 1;
    if (replay) {
        FILE *f = fopen(replay, "rb");
        if (!f) {
            perror(replay);
            return 1;
        }
        cur_len = fread(cur_img, 1, IMAGEGEN_MAX_IMAGE, f);
        fclose(f);
        for (unsigned long i = 0; i < n; i++) {
            imagegen_rng_t r;
            imagegen_seed(&r, seed + i);
            run_one(&r, cur_img, cur_len, outcome);
        }
    }
    size_t bytes = 0;
    for (unsigned long i = 0; i < n && !replay; i++) {
        imagegen_rng_t r;
        imagegen_seed(&r, seed * 1000003u + i);
        cur_len = imagegen_build(&r, cur_img);
        bytes += cur_len;
        /* an exact-size copy: ASan sees a read past the image's end */
        uint8_t *img = malloc(cur_len);
        if (!img)
            return 1;
        memcpy(img, cur_img, cur_len);
        if (verbose)
            fprintf(stderr, "image %lu: %zu bytes\n", i, cur_len);
        if (i == 0) { /* the checker must catch what it is there to catch */
            svl_image_t out;
            uint32_t off;
            if (runimg_validate(img, cur_len, &out, &off) != SVL_OK || runimg_self_test(&out)) {
                fprintf(stderr, "imagegen_run: the value checker's self-test fails\n");
                free(img);
                return 1;
            }
        }
        run_one(&r, img, cur_len, outcome);
        free(img);
    }
    unsigned long long trapped = 0;
    for (int k = 0; k < SVM_TRAP_COUNT_; k++)
        trapped += outcome[5 + k];
    printf("imagegen_run: %lu %s (%zu bytes), seed %lu; bare runs: %llu halted, %llu "
           "exited, %llu out of fuel, %llu trapped; %llu instructions; %llu scheduled runs\n",
           n, replay ? "runs of one image" : "images", replay ? cur_len : bytes, seed,
           (unsigned long long)outcome[SVM_HALTED], (unsigned long long)outcome[SVM_EXITED],
           (unsigned long long)outcome[SVM_FUEL], trapped, (unsigned long long)outcome[60],
           (unsigned long long)outcome[61]);
    for (int k = 0; k < SVM_TRAP_COUNT_; k++)
        if (outcome[5 + k])
            printf("  trap %-20s %llu\n", svm_trap_name((svm_trap_t)k),
                   (unsigned long long)outcome[5 + k]);
    free(cur_img);
    return 0;
}
