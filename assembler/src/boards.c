/* SPDX-License-Identifier: MIT
 * boards.c — `senseasm --board NAME`: look a board up in the generated table and check an
 * image against it at link time (boards.h). The RAM figure is the runtime's own layout
 * (svm_box_mem_size in runtime/sched/vmglue.c) with the per-context and per-channel sizes
 * of a 32-bit target written down here; tests/board checks them against the target build.
 */
#include "boards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sensevm/asm.h>
#include <sensevm/bytecode.h>
#include <sensevm/color.h>
#include <sensevm/image.h>
#include <sensevm/loader.h>

/* Cortex-M sizes (arm-none-eabi-gcc, SVM_CFG_* defaults): per context the runtime's
 * context, the scheduler's context with its offers, run-queue and timer entries; per
 * channel two wait queues; per container the fixed parts and alignment. The board test
 * `ram-estimate` fails if the target's svm_box_mem_size exceeds this estimate. */
#define PER_CONTEXT 2048u
#define PER_CHANNEL 16u
#define PER_CONTAINER 512u

const svasm_board_t *svasm_board_find(const char *name)
{
    for (int i = 0; i < svasm_nboards; i++)
        if (strcmp(svasm_boards[i].name, name) == 0)
            return &svasm_boards[i];
    return NULL;
}

const char *svasm_board_names(void)
{
    static char buf[512];
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < svasm_nboards && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "", svasm_boards[i].name);
    return buf;
}

uint32_t svasm_board_hex_base(const svasm_board_t *b)
{
    return b->inbox ? b->inbox : b->slot_a + 128u; /* 128: the slot's image offset */
}

void svasm_board_defaults(const svasm_board_t *b, const char *out, svasm_link_opts_t *lo, int *fmt,
                          int fmt_set, uint32_t *base, int base_set)
{
    /* defaults, not options: the manifest of the objects (.manifest) and the options win */
    lo->mdefault.heap = b->default_heap;
    lo->mdefault.stack = b->default_stack;
    if (b->default_contexts > 0)
        lo->mdefault.contexts = b->default_contexts;
    if (b->default_channels > 0)
        lo->mdefault.channels = b->default_channels;
    size_t n = strlen(out);
    if (!fmt_set && n > 4 && strcmp(out + n - 4, ".hex") == 0)
        *fmt = SVASM_FMT_IHEX;
    if (!base_set && *fmt == SVASM_FMT_IHEX)
        *base = svasm_board_hex_base(b);
}

uint64_t svasm_board_ram_need(uint32_t heap, uint32_t stack, uint32_t contexts, uint32_t channels,
                              uint32_t globals)
{
    return (uint64_t)heap + 4ull * globals + (uint64_t)contexts * (stack + PER_CONTEXT) +
           (uint64_t)channels * PER_CHANNEL + PER_CONTAINER;
}

/* "20 KB", "9.5 KB", "812 bytes" */
static const char *kb(uint64_t n, char *buf, size_t cap)
{
    if (n < 1024)
        snprintf(buf, cap, "%u bytes", (unsigned)n);
    else if (n % 1024 == 0)
        snprintf(buf, cap, "%u KB", (unsigned)(n / 1024));
    else
        snprintf(buf, cap, "%.1f KB", (double)n / 1024.0);
    return buf;
}

/* The validator's work memory the image needs (loader rule 107, stack_work_too_small):
 * the least work_size with which svl_validate_ex does not return it (the one result that
 * depends on work_size, and monotonically), at most SVL_WORK_SIZE(code size); 0 when it
 * validates with work_max bytes or fails for another reason. */
static uint32_t work_need(const uint8_t *img, uint32_t len, uint32_t code_size, uint32_t work_max)
{
    uint32_t hi = SVL_WORK_SIZE(code_size), lo = work_max;
    uint8_t *work = malloc(hi);
    svl_image_t im;
    if (!work || hi <= lo ||
        svl_validate_ex(img, len, work, lo, &im, NULL) != SVL_stack_work_too_small) {
        free(work);
        return 0;
    }
    while (hi - lo > 1) { /* too small with lo bytes, enough with hi */
        uint32_t mid = lo + (hi - lo) / 2;
        if (svl_validate_ex(img, len, work, mid, &im, NULL) == SVL_stack_work_too_small)
            lo = mid;
        else
            hi = mid;
    }
    free(work);
    return hi;
}

/* "senseasm: OUT: error: ", in colour as --color asks (sensevm/color.h) */
static void error_at(const char *out)
{
    fprintf(stderr, "%ssenseasm: %s:%s %serror:%s ", svbc_sgr(SVBC_SGR_LOCUS), out,
            svbc_sgr(SVBC_SGR_RESET), svbc_sgr(SVBC_SGR_ERROR), svbc_sgr(SVBC_SGR_RESET));
}

int svasm_board_check(const svasm_board_t *b, const uint8_t *img, uint32_t len, const char *out)
{
    int errs = 0;
    char x[32], y[32];
    uint32_t room = b->slot_size - 128u;
    if (b->inbox_size && b->inbox_size < room)
        room = b->inbox_size;
    if (len > room) {
        error_at(out);
        fprintf(stderr,
                "the image is %s; board %s takes images of at "
                "most %s\n",
                kb(len, x, sizeof x), b->name, kb(room, y, sizeof y));
        errs++;
    }
    svasm_image_t im;
    svasm_diags_t d = {0};
    int parsed = svasm_image_parse(img, len, &im, &d, out) == 0 && im.manifest;
    svasm_diags_free(&d);
    if (!parsed)
        return errs;
    const uint8_t *mf = im.manifest;
    uint32_t heap = (uint32_t)svbc_read_i32(mf + SVMF_OFF_HEAP);
    uint32_t stack = (uint32_t)svbc_read_i32(mf + SVMF_OFF_STACK);
    uint32_t arrays = (uint32_t)svbc_read_i32(mf + SVMF_OFF_ARRAYS);
    uint32_t ctxs = svbc_read_u16(mf + SVMF_OFF_CONTEXTS);
    uint32_t chans = svbc_read_u16(mf + SVMF_OFF_CHANNELS);
    uint32_t globals = (uint32_t)svbc_read_i32(mf + SVMF_OFF_GLOBALS);
    uint64_t need = svasm_board_ram_need(heap + arrays, stack, ctxs, chans, globals);
    if (need > b->container_ram) {
        error_at(out);
        fprintf(stderr,
                "the program needs %s of RAM (heap %u + %u "
                "contexts x %u stack + scheduler state); board %s has %s for containers "
                "(use smaller --heap/--stack/--contexts)\n",
                kb(need, x, sizeof x), (unsigned)heap, (unsigned)ctxs, (unsigned)stack, b->name,
                kb(b->container_ram, y, sizeof y));
        errs++;
    }
    /* The firmware validates a container's image in the containers' RAM not yet in use
     * (runtime/port/<chip>: scratch()): all of container_ram for container 0. */
    uint32_t wneed = work_need(img, len, im.code_size, b->container_ram);
    if (wneed) {
        error_at(out);
        fprintf(stderr,
                "validating the image needs %u bytes of work "
                "memory (12 per block start of its %u-byte code section; loader rule 107, "
                "stack_work_too_small); board %s's firmware lends the validator the "
                "containers' free RAM, at most %u bytes (make the program smaller)\n",
                (unsigned)wneed, (unsigned)im.code_size, b->name, (unsigned)b->container_ram);
        errs++;
    }
    unsigned nd = mf[SVMF_OFF_NDEVICES];
    for (unsigned i = 0; i < nd && i < SVIMG_MAX_DEVICES; i++) {
        char dev[SVIMG_NAME_MAX + 1] = {0};
        memcpy(dev, mf + SVMF_OFF_DEVICES + SVIMG_NAME_MAX * i, SVIMG_NAME_MAX);
        int found = 0;
        for (int k = 0; k < b->ndevs; k++)
            found |= strcmp(b->devs[k], dev) == 0;
        if (!found) {
            error_at(out);
            fprintf(stderr, "device '%s' is not on board %s (it has", dev, b->name);
            for (int k = 0; k < b->ndevs; k++)
                fprintf(stderr, "%s %s", k ? "," : "", b->devs[k]);
            fprintf(stderr, ")\n");
            errs++;
        }
    }
    return errs;
}
