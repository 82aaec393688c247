/* SPDX-License-Identifier: MIT
 * main.c — the firmware example for QEMU's MPS2 boards (docs/flash.md §6): boot, make sure
 * the container's A/B slots hold an image (the built-in one on a fresh device; an update if
 * one was flashed into the inbox at 0x00300000), boot-select the newest valid image, and
 * run it in place from flash with the Cortex-M port's console. Exit status 0 when the
 * container halts normally.
 *
 *   qemu-system-arm -M mps2-an386 -display none -monitor none -serial none \
 *     -chardev stdio,id=sh0 -semihosting-config enable=on,target=native,chardev=sh0 \
 *     [-device loader,file=update.hex] -kernel firmware-example
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vm.h>

#include <sensevm/cortexm/svm_cortexm.h>

extern const uint8_t hello_svm[]; /* senseasm --format=c */
extern const size_t hello_svm_size;

static svm_cm_t port;
static uint8_t vm_mem[8192] __attribute__((aligned(8)));
/* The validator's work memory (12 bytes per block start, loader.h) is the container's
 * memory, idle until the image runs: 8 KiB cover about 680 block starts. */
#define work vm_mem
static uint32_t stack_mem[4096 / 4 + SVM_STACK_GUARD];

static void console(void *user, int stream, const char *buf, size_t len)
{
    svm_cm_t *p = user;
    p->hal.console_write(p->hal.port, stream, (const uint8_t *)buf, len);
}

static const char *slot_name(uint8_t s) { return s ? "B" : "A"; }

int main(void)
{
    svm_cm_init(&port);
    svl_flash_t flash = svm_cm_flash_svl(&port.flash);
    svl_slots_t app = {{0, SVM_CM_SLOT_PAGES}, SVM_CM_SLOT_PAGES};
    svl_boot_t boot;
    svl_install_info_t info;

    printf("sensevm firmware: slot area %#lx, %lu KiB per slot\n", (unsigned long)SVM_CM_SLOT_AREA,
           (unsigned long)(svl_slot_capacity(&flash, &app) >> 10));
    svl_inst_result_t r = svl_boot_select(&flash, &app, NULL, 0, work, sizeof work, &boot);
    if (r != SVL_INST_OK) {
        printf("no image installed: installing the built-in one (%lu bytes)\n",
               (unsigned long)hello_svm_size);
        r = svl_install(&flash, &app, hello_svm, hello_svm_size, work, sizeof work, &info);
        if (r != SVL_INST_OK) {
            printf("install failed: %d\n", (int)r);
            return 1;
        }
    }

    /* An update in the inbox (flashed separately): install it unless it is installed. */
    const uint8_t *inbox = (const uint8_t *)SVM_CM_INBOX;
    uint32_t len = (uint32_t)svbc_read_i32(inbox + SVIMG_OFF_SIZE);
    if (memcmp(inbox, SVIMG_MAGIC, 4) == 0 && len <= SVM_CM_INBOX_SIZE) {
        r = svl_boot_select(&flash, &app, NULL, 0, work, sizeof work, &boot);
        if (r != SVL_INST_OK || memcmp(boot.image.sha256, inbox + SVIMG_OFF_SHA, 32) != 0) {
            r = svl_install(&flash, &app, inbox, len, work, sizeof work, &info);
            printf("update from the inbox (%lu bytes): %s, slot %s, sequence %lu\n",
                   (unsigned long)len, r == SVL_INST_OK ? "installed" : "refused",
                   slot_name(info.slot), (unsigned long)info.seq);
        }
    }

    r = svl_boot_select(&flash, &app, NULL, 0, work, sizeof work, &boot);
    if (r != SVL_INST_OK) {
        printf("nothing bootable: %d\n", (int)r);
        return 1;
    }
    const svl_manifest_t *mf = &boot.image.manifest;
    printf("booting '%s' from slot %s (sequence %lu, %lu bytes at %p)\n", mf->name,
           slot_name(boot.slot), (unsigned long)boot.seq, (unsigned long)boot.size,
           (const void *)boot.data);

    static svm_vm_t vm;
    static svm_context_t ctx;
    svm_config_t cfg = {.memory = vm_mem,
                        .memory_size = sizeof vm_mem,
                        .heap_size = mf->heap_size,
                        .write = console,
                        .user = &port};
    uint32_t words = mf->stack_size / 4u + SVM_STACK_GUARD;
    if (words > sizeof stack_mem / 4u || svm_vm_init(&vm, &boot.image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stack_mem, words, mf->entry) != SVM_INIT_OK) {
        printf("the container does not fit this firmware's RAM\n");
        return 1;
    }
    uint64_t t0 = svm_cm_now_ns();
    svm_status_t st;
    do
        st = svm_run(&vm, &ctx, 10000);
    while (st == SVM_FUEL);
    uint64_t us = (svm_cm_now_ns() - t0) / 1000u;
    if (st == SVM_TRAPPED) { /* for the host: senseasm --addr2line IMAGE < this log */
        static char report[256];
        svm_format_fault(&vm, report, sizeof report);
        printf("%s", report);
    }
    printf("container '%s' %s after %lu us\n", mf->name,
           st == SVM_HALTED   ? "halted"
           : st == SVM_EXITED ? "exited"
                              : "trapped",
           (unsigned long)us);
    return st == SVM_HALTED ? 0 : 1;
}
