/* SPDX-License-Identifier: MIT
 * mb_install.c — the firmware's boot path (svm_nrf51_fw.h) over QEMU's NVMC, as the board
 * runs it at every reset: an image put into container 0's inbox is installed into the
 * inactive A/B slot and boots from there; a second generation goes to the other slot and
 * boots; a corrupt slot is refused with a console message and the older slot runs; a
 * corrupt inbox image is refused with a message and the old slot keeps running; an image
 * claiming a device the board lacks is refused at load while the other container runs.
 * Images: tests/target/images/hello.s, update.s, progs/nodev.s (C arrays made at build time: meson.build).
 */
#include <stdio.h>
#include <string.h>

#include "../../target/tap.h"
#include "mb_images.h"
#include "mb_support.h"
#include <sensevm/nrf51/svm_nrf51_fw.h>

static svm_nrf51_t port;
static svm_nrf51_fw_t fw;
/* the board's container RAM less 1.25 KB: the test's own buffers (outputs, messages) and
 * the loader's and runtime's static state, which grew by ~120 bytes with the LINES checks
 * and work charging (issue 13) */
static uint8_t pool[SVM_BOARD_CONTAINER_RAM - 1280u] __attribute__((aligned(8)));
MB_OUT(out, 128);
MB_OUT(msgs, 512);
static uint8_t copy[512] __attribute__((aligned(4)));

#define INBOX_PAGE(k) ((SVM_BOARD_INBOX - SVM_BOARD_SLOT_A + (k)*SVM_BOARD_INBOX_SIZE) / 1024u)

static void put_inbox(unsigned k, const uint8_t *img, size_t len)
{
    svm_nrf51_flash_t *f = &port.flash;
    for (uint32_t p = 0; p < SVM_BOARD_INBOX_SIZE / 1024u; p++)
        svm_nrf51_flash_erase(f, INBOX_PAGE(k) + p);
    svm_nrf51_flash_write(f, INBOX_PAGE(k) * 1024u, img, (uint32_t)((len + 3u) & ~3u));
}

/* A boot as at reset: the inbox step and the boot of containers 0..n-1, then the
 * scheduler until every container finished. Returns the number of containers booted. */
static unsigned boot(unsigned n, int *inbox)
{
    svm_nrf51_fw_init(&fw, &port, pool, sizeof pool);
    fw.say = mb_say;
    fw.user = &msgs;
    fw.write = mb_capture;
    out.len = msgs.len = 0;
    out.overflow = msgs.overflow = 0;
    unsigned booted = 0;
    for (unsigned k = 0; k < n; k++) {
        fw.write_user[k] = &out;
        inbox[k] = svm_nrf51_fw_inbox(&fw, k);
        booted += svm_nrf51_fw_boot(&fw, k, 0, 0) == 0;
    }
    if (booted && svm_nrf51_fw_link(&fw) == 0) {
        uint64_t end = svm_nrf51_now_ns() + 2000000000ull;
        int r;
        do
            r = svm_sched_step(&fw.sched);
        while (r != SVM_STEP_FINISHED && r != SVM_STEP_STUCK && svm_nrf51_now_ns() < end);
    }
    for (size_t i = 0; i < msgs.len; i++) /* TAP comments */
        printf("%s%c", i == 0 || msgs.buf[i - 1] == '\n' ? "# " : "", msgs.buf[i]);
    return booted;
}

static int printed(const char *s)
{
    return out.len == strlen(s) && memcmp(out.buf, s, out.len) == 0;
}

int main(void)
{
    static const char v1[] = "Hello from Sense-VM on Cortex-M\n";
    static const char v2[] = "Hello again, from the updated image\n";
    int in[2];
    mb_stack_paint();
    svm_nrf51_init(&port);
    tap_plan(10);
    svm_nrf51_flash_t *f = &port.flash;
    for (uint32_t p = 0; p < f->npages; p++)
        svm_nrf51_flash_erase(f, p);

    put_inbox(0, mb_hello_svm, mb_hello_svm_size);
    unsigned n = boot(1, in);
    tap_ok(in[0] == 1 && n == 1 &&
               mb_has(&msgs, "container 0: installed the inbox image into "
                             "slot A (seq 1") &&
               fw.boot[0].slot == 0 && printed(v1),
           "an image in the inbox is installed into slot A and runs from there");

    uint32_t words = f->nword, erases = f->nerase;
    n = boot(1, in);
    tap_ok(in[0] == 0 && n == 1 && f->nword == words && f->nerase == erases && printed(v1),
           "at the next reset the same inbox image is not installed again (no flash operation)");

    put_inbox(0, mb_update_svm, mb_update_svm_size);
    n = boot(1, in);
    tap_ok(in[0] == 1 && n == 1 && mb_has(&msgs, "into slot B (seq 2") && fw.boot[0].slot == 1 &&
               fw.boot[0].seq == 2 && printed(v2),
           "a new image in the inbox is installed into the other slot (B) and boots from it");

    /* a flipped bit in slot B's image (flash wear, a bad write); the inbox emptied first,
     * else the firmware would repair B from it at once (the image it holds is not A's) */
    for (uint32_t p = 0; p < SVM_BOARD_INBOX_SIZE / 1024u; p++)
        svm_nrf51_flash_erase(f, INBOX_PAGE(0) + p);
    const uint8_t *b_img = fw.boot[0].data;
    uint32_t at = 64;
    while (at + 4 < fw.boot[0].size && !(b_img[at] | b_img[at + 1] | b_img[at + 2] | b_img[at + 3]))
        at += 4;
    uint8_t w[4];
    memcpy(w, b_img + at, 4);
    for (unsigned i = 0; i < 4; i++)
        if (w[i]) {
            w[i] &= (uint8_t)(w[i] - 1u); /* clear its lowest set bit */
            break;
        }
    int wrc = svm_nrf51_flash_write(f, (uint32_t)((uintptr_t)b_img - SVM_BOARD_SLOT_A) + at, w, 4);
    n = boot(1, in);
    tap_ok(wrc == 0 && n == 1 && fw.boot[0].slot == 0 && printed(v1) &&
               mb_has(&msgs, "container 0: slot B refused: its image is corrupt (seq 2); "
                             "booting slot A (seq 1)"),
           "a corrupt image in slot B is refused with a console message; slot A runs");

    /* a corrupt image in the inbox: one byte of update changed */
    size_t len = mb_update_svm_size <= sizeof copy ? mb_update_svm_size : 0;
    memcpy(copy, mb_update_svm, len);
    copy[len / 2] ^= 0x01;
    put_inbox(0, copy, len);
    words = f->nword;
    erases = f->nerase;
    n = boot(1, in);
    tap_ok(len && in[0] == -1 && mb_has(&msgs, "container 0: inbox image refused: invalid image") &&
               mb_has(&msgs, "the old slot keeps running") && f->nword == words &&
               f->nerase == erases,
           "a corrupt image in the inbox is refused with a message, without a flash operation");
    tap_ok(n == 1 && fw.boot[0].slot == 0 && printed(v1), "and the old slot keeps running");

    /* container 1 claims "servo0": refused at load, container 0 runs */
    put_inbox(1, mb_nodev_svm, mb_nodev_svm_size);
    n = boot(2, in);
    tap_ok(in[1] == 1 && n == 1 && mb_has(&msgs, "container 1: refused at load: ") &&
               mb_has(&msgs, "servo0"),
           "an image claiming a device the board lacks (servo0) is refused at load");
    tap_ok(printed(v1) && !mb_has(&out, "nodev"), "the other container runs, nodev never does");

    char msg[120];
    snprintf(msg, sizeof msg, "NVMC work of the whole test: %lu page erases, %lu words programmed",
             (unsigned long)f->nerase, (unsigned long)f->nword);
    tap_ok(f->nerase > 0 && f->nword > 0, msg);
    unsigned size, used = mb_stack_used(&size);
    snprintf(msg, sizeof msg, "C stack high-water mark %u of %u bytes (at least 128 left)", used,
             size);
    tap_ok(used + 128u <= size, msg);
    return tap_done();
}
