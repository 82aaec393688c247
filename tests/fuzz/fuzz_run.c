/* SPDX-License-Identifier: MIT
 * fuzz_run.c — libFuzzer harness that RUNS what the validator accepts (issue 13). An input
 * that is an image (as is, or with its size field set and freshly sealed, as fuzz_validate
 * does) and passes svl_validate is run on the bare VM and under the scheduler with a fuel
 * limit, sometimes collecting on every allocation (tests/imagegen/runimg.c); any other
 * input drives the random valid-image generator (tests/imagegen/imagegen.c) as its
 * source of choices, so the fuzzer also steers well-formed programs. Aborts on a value
 * that points outside its container; ASan/UBSan watch every access.
 *   build-fuzz/tests/fuzz/fuzz_run -max_total_time=60 CORPUS/ tests/fuzz/seeds_validate/
 */
#include "imagegen.h"
#include "runimg.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/loader.h>

#include <stdlib.h>
#include <string.h>

static void run(const uint8_t *img, size_t len, uint32_t knobs)
{
    svl_image_t out;
    uint32_t off;
    if (runimg_validate(img, len, &out, &off) != SVL_OK)
        return;
    runimg_opts_t o = {
        .fuel = 3000,
        .slice = 1 + (knobs & 0x3ff),
        .heap = 512 + 8 * ((knobs >> 10) & 0xfff),
        .stack = 1024,
        .gc_every_alloc = (knobs >> 22 & 3) == 0,
        .count_steps = knobs >> 24 & 1,
        .sched = (knobs >> 25 & 1) || len < 2048,
        .via_sched = knobs >> 26 & 1,
    };
    runimg_result_t res;
    runimg_run(&out, &o, &res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t knobs = svbc_crc32(0, data, size);
    /* exact-size heap copies, so that ASan sees any read past the end */
    uint8_t *img = malloc(size > IMAGEGEN_MAX_IMAGE ? size : IMAGEGEN_MAX_IMAGE);
    if (!img)
        return 0;
    memcpy(img, data, size);
    if (size >= 4 && !memcmp(data, SVIMG_MAGIC, 4)) {
        uint8_t *exact = malloc(size);
        if (exact) {
            memcpy(exact, data, size);
            run(exact, size, knobs);
            if (size >= SVIMG_HEADER_SIZE && size <= SVIMG_MAX_SIZE) {
                svbc_write_i32(exact + SVIMG_OFF_SIZE, (int32_t)size);
                svimg_seal(exact, (uint32_t)size);
                run(exact, size, knobs);
            }
            free(exact);
        }
    } else {
        imagegen_rng_t r;
        imagegen_seed_bytes(&r, data, size);
        size_t len = imagegen_build(&r, img);
        uint8_t *exact = malloc(len);
        if (exact) {
            memcpy(exact, img, len);
            svl_image_t out;
            uint32_t off;
            if (runimg_validate(exact, len, &out, &off) != SVL_OK)
                abort(); /* the generator makes only valid images */
            run(exact, len, knobs);
            free(exact);
        }
    }
    free(img);
    return 0;
}
