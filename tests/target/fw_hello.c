/* SPDX-License-Identifier: MIT
 * fw_hello.c — the "hello" container on target: installed from the C array into a flash
 * slot, boot-selected, and run in place from flash by the interpreter with 4 KB of RAM for
 * heap + stack together (2 KB heap as two semispaces, 1 KB stack + the 1 KB guard).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/vm.h>

#include <sensevm/cortexm/cm_board.h>
#include "fw_install.h"
#include "tap.h"

extern const uint8_t hello_svm[];
extern const size_t hello_svm_size;

#define HEAP_BYTES 2048u
#define STACK_WORDS (1024u / 4u + SVM_STACK_GUARD)
static uint8_t heap_mem[HEAP_BYTES] __attribute__((aligned(8)));
static uint32_t stack_mem[STACK_WORDS];
static char out[128];
static size_t outlen;

static void capture(void *user, int stream, const char *buf, size_t len)
{
    (void)user;
    fwrite(buf, 1, len, stream == 2 ? stderr : stdout);
    if (stream == 1 && outlen + len < sizeof out) {
        memcpy(out + outlen, buf, len);
        outlen += len;
    }
}

int main(void)
{
    static uint8_t work[256];
    static svm_vm_t vm;
    static svm_context_t ctx;
    char msg[120];
    tap_plan(5);

    svl_flash_t f = fw_flash();
    svl_slots_t sl = fw_slots(0);
    svl_boot_t bt;
    int ok =
        svl_install(&f, &sl, hello_svm, hello_svm_size, work, sizeof work, NULL) == SVL_INST_OK &&
        svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &bt) == SVL_INST_OK;
    tap_ok(ok && (uintptr_t)bt.data >= SVM_CM_SLOT_AREA,
           "hello installed and boot-selected from its flash slot");
    if (!ok)
        return tap_done();

    const svl_manifest_t *mf = &bt.image.manifest;
    uint32_t need = svm_memory_size(mf->heap_size, mf->globals);
    uint32_t ram = (uint32_t)sizeof heap_mem + (uint32_t)sizeof stack_mem;
    snprintf(msg, sizeof msg,
             "heap %lu + stack %lu bytes = %lu <= 4096 (manifest heap %lu, stack %lu)",
             (unsigned long)sizeof heap_mem, (unsigned long)sizeof stack_mem, (unsigned long)ram,
             (unsigned long)mf->heap_size, (unsigned long)mf->stack_size);
    tap_ok(need <= sizeof heap_mem && mf->stack_size / 4u + SVM_STACK_GUARD <= STACK_WORDS &&
               ram <= 4096u,
           msg);

    svm_config_t cfg = {.memory = heap_mem,
                        .memory_size = sizeof heap_mem,
                        .heap_size = mf->heap_size,
                        .write = capture};
    ok = svm_vm_init(&vm, &bt.image, &cfg) == SVM_INIT_OK &&
         svm_context_init(&vm, &ctx, 0, stack_mem, STACK_WORDS, mf->entry) == SVM_INIT_OK;
    svm_status_t st = SVM_FUEL;
    uint32_t slices = 0;
    while (ok && st == SVM_FUEL && slices < 100000u) {
        st = svm_run(&vm, &ctx, 1000);
        slices++;
    }
    snprintf(msg, sizeof msg, "the container runs to halt in place from flash (status %d)",
             (int)st);
    tap_ok(ok && st == SVM_HALTED, msg);
    tap_ok(outlen == 32 && memcmp(out, "Hello from Sense-VM on Cortex-M\n", 32) == 0,
           "it printed its greeting");
    svm_gc_stats_t gs;
    svm_get_gc_stats(&vm, &gs);
    snprintf(msg, sizeof msg, "stack high-water mark %lu words, heap %lu bytes allocated",
             (unsigned long)svm_stack_hwm(&ctx), (unsigned long)gs.bytes_allocated);
    tap_ok(svm_stack_hwm(&ctx) <= STACK_WORDS, msg);
    return tap_done();
}
