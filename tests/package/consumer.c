/* SPDX-License-Identifier: MIT
 * consumer.c — what a firmware project does with the installed Sense-VM: the image comes in
 * as the C array `senseasm --format=c` writes, the loader validates it, the runtime runs it
 * with memory the caller hands in. Built by tests/package/Makefile against the installed
 * headers and libraries found with pkg-config.
 */
#include <sensevm/loader.h>
#include <sensevm/vm.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

extern const uint8_t app_image[];
extern const size_t app_image_size;

static void out(void *user, int stream, const char *buf, size_t len)
{
    (void)user;
    fwrite(buf, 1, len, stream == 2 ? stderr : stdout);
}

static uint64_t memory[(4u << 20) / 8];
static uint32_t stack[64u << 10];
static svm_vm_t vm;
static svm_context_t ctx;

int main(void)
{
    svl_image_t img;
    uint32_t off = 0;
    svl_result_t r = svl_validate(app_image, app_image_size, &img, &off);
    if (r != SVL_OK) {
        fprintf(stderr, "invalid image: %s at 0x%x\n", svl_result_message(r), (unsigned)off);
        return 1;
    }
    uint32_t heap = 1u << 20;
    svm_config_t cfg = {.memory = memory,
                        .memory_size = svm_memory_size(heap, img.manifest.globals),
                        .heap_size = heap,
                        .write = out};
    if (cfg.memory_size > sizeof memory || svm_vm_init(&vm, &img, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stack, sizeof stack / 4, img.manifest.entry) != SVM_INIT_OK)
        return 1;
    svm_status_t st;
    do
        st = svm_run(&vm, &ctx, 100000);
    while (st == SVM_FUEL);
    fflush(stdout);
    return st == SVM_HALTED ? 0 : 1;
}
