/* SPDX-License-Identifier: MIT
 * fw_sign.c — Ed25519 signatures checked ON THE TARGET (built with -Dsodium_src): the
 * installer's signature policy with svm_cm_ed25519_verify (libsodium 1.0.18 from Debian's
 * source package, runtime/port/cortexm/cm_sign.c). "hello" signed by `senseasm --sign` with
 * the test key A installs and boots with a signature required and runs; the same image with
 * one flipped signature byte, the image signed by key B and the unsigned image are refused
 * before any flash operation with the loader's signature errors, and slot A still boots; a
 * badly signed image written without the policy is skipped at boot. Reports how long one
 * verification takes (QEMU virtual time; with `-icount shift=0`, 1 ns = 1 instruction).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/vm.h>

#include <sensevm/cortexm/cm_board.h>
#include <sensevm/cortexm/cm_flash.h>
#include <sensevm/cortexm/cm_sign.h>
#include <sensevm/cortexm/svm_cortexm.h>
#include "tap.h"

/* made at build time from images/hello.s and the keys (images/meson.build) */
extern const uint8_t hello_signed_a_svm[], hello_signed_b_svm[], hello_svm[];
extern const size_t hello_signed_a_svm_size, hello_signed_b_svm_size, hello_svm_size;
extern const uint8_t sign_a_pub[32], sign_b_pub[32];

static svm_cm_t port;
static svm_cm_flash_t flash = {
    .base = (uint8_t *)SVM_CM_SLOT_AREA,
    .page_size = SVM_CM_FLASH_PAGE,
    .npages = SVM_CM_SLOT_AREA_SIZE / SVM_CM_FLASH_PAGE,
    .write_unit = SVM_CM_FLASH_UNIT,
};
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */
static uint8_t copy[1024] __attribute__((aligned(4)));

/* Run the boot-selected image to halt; 1 if it printed hello's greeting. */
static char out[64];
static size_t outlen;
static void capture(void *user, int stream, const char *buf, size_t len)
{
    (void)user;
    if (stream == 1 && outlen + len <= sizeof out) {
        memcpy(out + outlen, buf, len);
        outlen += len;
    }
}
static int runs(const svl_boot_t *bt)
{
    static uint8_t heap_mem[2048] __attribute__((aligned(8)));
    static uint32_t stack_mem[1024u / 4u + SVM_STACK_GUARD];
    static svm_vm_t vm;
    static svm_context_t ctx;
    const svl_manifest_t *mf = &bt->image.manifest;
    svm_config_t cfg = {.memory = heap_mem,
                        .memory_size = sizeof heap_mem,
                        .heap_size = mf->heap_size,
                        .write = capture};
    outlen = 0;
    if (svm_vm_init(&vm, &bt->image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stack_mem, sizeof stack_mem / 4u, mf->entry) != SVM_INIT_OK)
        return 0;
    svm_status_t st = SVM_FUEL;
    for (uint32_t n = 0; st == SVM_FUEL && n < 100000u; n++)
        st = svm_run(&vm, &ctx, 1000);
    return st == SVM_HALTED && outlen == 32 &&
           memcmp(out, "Hello from Sense-VM on Cortex-M\n", 32) == 0;
}

/* Stack depth of one verification: paint [sp - 8192, sp - 256) below main's frame, verify,
 * and find the deepest byte that changed. */
#define PAINT_LO 8192u
#define PAINT_HI 256u
static __attribute__((noinline)) uintptr_t current_sp(void)
{
    uintptr_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    return sp;
}
static __attribute__((noinline)) void paint(uintptr_t sp)
{
    for (volatile uint8_t *p = (volatile uint8_t *)(sp - PAINT_LO); p < (uint8_t *)(sp - PAINT_HI);
         p++)
        *p = 0xa5;
}
static uint32_t depth(uintptr_t sp)
{
    const volatile uint8_t *p = (const volatile uint8_t *)(sp - PAINT_LO);
    while (p < (const uint8_t *)(sp - PAINT_HI) && *p == 0xa5)
        p++;
    return (uint32_t)(sp - (uintptr_t)p);
}

/* Install img with the policy and check that it is refused with `want` without touching
 * the flash. */
static void refused(const char *what, const uint8_t *img, size_t len, const svl_sig_policy_t *pol,
                    svl_inst_result_t want)
{
    char msg[120];
    svl_flash_t f = svm_cm_flash_svl(&flash);
    svl_slots_t sl = {{0, SVM_CM_SLOT_PAGES}, SVM_CM_SLOT_PAGES};
    uint32_t writes = flash.nwrite, erases = flash.nerase;
    svl_inst_result_t r = svl_install_ex(&f, &sl, img, len, work, sizeof work, pol, NULL);
    snprintf(msg, sizeof msg, "%s: refused with result %d (want %d), no flash operation", what,
             (int)r, (int)want);
    tap_ok(r == want && flash.nwrite == writes && flash.nerase == erases, msg);
}

int main(void)
{
    char msg[160];
    svl_image_t im;
    svl_install_info_t info;
    svl_boot_t bt;
    svl_flash_t f = svm_cm_flash_svl(&flash);
    svl_slots_t sl = {{0, SVM_CM_SLOT_PAGES}, SVM_CM_SLOT_PAGES};
    svl_sig_policy_t pol = svm_cm_sig_policy(sign_a_pub, 1);

    tap_plan(13);
    svm_cm_init(&port);

    /* 1-2: the verifier itself, on the digest and signature of the validated image */
    int ok = svl_validate_ex(hello_signed_a_svm, hello_signed_a_svm_size, work, sizeof work, &im,
                             NULL) == SVL_OK &&
             im.signature && im.signature_size == 64;
    uintptr_t sp = current_sp();
    paint(sp);
    uint64_t t0 = svm_cm_now_ns();
    int va =
        ok ? svm_cm_ed25519_verify((void *)(uintptr_t)sign_a_pub, im.sha256, im.signature) : -2;
    uint64_t t1 = svm_cm_now_ns();
    uint32_t stack = depth(sp);
    snprintf(msg, sizeof msg,
             "svm_cm_ed25519_verify accepts key A's signature of the image digest "
             "(%lu us of QEMU virtual time, %lu bytes of stack)",
             (unsigned long)((t1 - t0) / 1000u), (unsigned long)stack);
    tap_ok(va == 0 && stack < PAINT_LO, msg);
    snprintf(msg, sizeof msg, "verify: %llu ns virtual (= instructions under -icount shift=0)",
             (unsigned long long)(t1 - t0));
    tap_diag(msg);
    int vb = ok ? svm_cm_ed25519_verify((void *)(uintptr_t)sign_b_pub, im.sha256, im.signature) : 0;
    tap_ok(vb == -1, "and rejects it under key B's public key");

    /* 3-4: factory-fresh pair; the signed image installs and boots with signatures required */
    for (uint32_t p = 0; p < 2 * sl.npages; p++)
        f.erase(f.ctx, sl.first_page[0] + p);
    svl_inst_result_t r = svl_install_ex(&f, &sl, hello_signed_a_svm, hello_signed_a_svm_size, work,
                                         sizeof work, &pol, &info);
    snprintf(msg, sizeof msg,
             "signed by key A: installed with a signature required (result %d, "
             "slot %c seq %u)",
             (int)r, 'A' + info.slot, (unsigned)info.seq);
    tap_ok(r == SVL_INST_OK && info.slot == 0 && info.seq == 1, msg);
    r = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &pol, &bt);
    tap_ok(r == SVL_INST_OK && bt.slot == 0 && (bt.image.flags & SVIMG_F_SIGNED) && runs(&bt),
           "it boots from slot A with the policy and runs (prints its greeting)");

    /* 5-7: refused before any flash operation */
    ok = hello_signed_a_svm_size <= sizeof copy;
    if (ok) {
        memcpy(copy, hello_signed_a_svm, hello_signed_a_svm_size);
        copy[(size_t)(im.signature - hello_signed_a_svm) + 5] ^= 0x01;
        svimg_seal(copy, (uint32_t)hello_signed_a_svm_size); /* CRC good again */
        ok =
            svl_validate_ex(copy, hello_signed_a_svm_size, work, sizeof work, NULL, NULL) == SVL_OK;
    }
    if (ok)
        refused("one flipped signature byte (image resealed)", copy, hello_signed_a_svm_size, &pol,
                SVL_INST_BAD_SIGNATURE);
    else
        tap_ok(0, "one flipped signature byte: could not make the image");
    refused("signed by key B", hello_signed_b_svm, hello_signed_b_svm_size, &pol,
            SVL_INST_BAD_SIGNATURE);
    refused("unsigned", hello_svm, hello_svm_size, &pol, SVL_INST_UNSIGNED);

    /* 8: the old slot still boots */
    r = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &pol, &bt);
    tap_ok(r == SVL_INST_OK && bt.slot == 0 && bt.seq == 1 && runs(&bt),
           "slot A (seq 1) still boots and runs");

    /* 9-10: key B's image written without the policy (an older firmware) is the newer slot,
     * but boot selection with the policy skips it */
    r = svl_install(&f, &sl, hello_signed_b_svm, hello_signed_b_svm_size, work, sizeof work, &info);
    svl_boot_t nb;
    svl_inst_result_t rn = svl_boot_select(&f, &sl, NULL, 0, work, sizeof work, &nb);
    tap_ok(r == SVL_INST_OK && info.slot == 1 && rn == SVL_INST_OK && nb.slot == 1,
           "key B's image written without the policy: slot B (seq 2) is the newest");
    r = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &pol, &bt);
    tap_ok(r == SVL_INST_OK && bt.slot == 0 && bt.seq == 1 && runs(&bt),
           "boot selection with the policy skips it and boots slot A");

    /* 11-13: a policy that does not require signatures still skips key B's slot (so the
     * unsigned image replaces it) and boots the unsigned image; the strict one does not */
    svl_sig_policy_t lax = svm_cm_sig_policy(sign_a_pub, 0);
    r = svl_install_ex(&f, &sl, hello_svm, hello_svm_size, work, sizeof work, &lax, &info);
    svl_inst_result_t rb = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &lax, &bt);
    tap_ok(r == SVL_INST_OK && info.slot == 1 && info.seq == 2 && rb == SVL_INST_OK &&
               bt.slot == 1 && !(bt.image.flags & SVIMG_F_SIGNED),
           "without `require` the unsigned image installs over key B's slot and boots");
    rb = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &pol, &bt);
    tap_ok(rb == SVL_INST_OK && bt.slot == 0 && bt.seq == 1,
           "with `require` boot selection skips the unsigned slot B for slot A");
    r = svl_install_ex(&f, &sl, hello_signed_a_svm, hello_signed_a_svm_size, work, sizeof work,
                       &pol, &info);
    rb = svl_boot_select_ex(&f, &sl, NULL, 0, work, sizeof work, &pol, &bt);
    tap_ok(r == SVL_INST_OK && info.slot == 1 && info.seq == 2 && rb == SVL_INST_OK &&
               bt.slot == 1 && bt.seq == 2 && runs(&bt),
           "a new install signed by key A replaces it (slot B, seq 2), boots and runs");
    return tap_done();
}
