/* SPDX-License-Identifier: MIT
 * nrf51_fw.c — inbox install, slot boot and scheduling of the micro:bit firmware
 * (svm_nrf51_fw.h).
 */
#include <sensevm/nrf51/svm_nrf51_fw.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/image.h>

#include "nrf51_regs.h"

#define SLOT_PAGES (SVM_BOARD_SLOT_SIZE / NRF51_PAGE_SIZE)

svl_slots_t svm_nrf51_slots(unsigned k)
{
    svl_slots_t s = {{2u * k * SLOT_PAGES, (2u * k + 1u) * SLOT_PAGES}, SLOT_PAGES};
    return s;
}

const uint8_t *svm_nrf51_inbox(unsigned k)
{
    return (const uint8_t *)(uintptr_t)(SVM_BOARD_INBOX + k * SVM_BOARD_INBOX_SIZE);
}

__attribute__((format(printf, 2, 3))) static void sayf(svm_nrf51_fw_t *fw, const char *fmt, ...)
{
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (fw->say)
        fw->say(fw->user, msg);
}

static void console_write(void *user, int stream, const char *s, size_t n)
{
    (void)user;
    (void)stream;
    svm_nrf51_console_write((const uint8_t *)s, n);
}

void svm_nrf51_fw_init(svm_nrf51_fw_t *fw, svm_nrf51_t *port, void *pool, size_t pool_size)
{
    memset(fw, 0, sizeof *fw);
    fw->port = port;
    fw->pool = pool;
    fw->pool_size = pool_size;
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    /* Slices for a 16 MHz Cortex-M0: a fuel unit (a control transfer, every few VM
     * instructions) costs about 5 us there, so 1000 units keep a slice near 5 ms, and a
     * lower container's slice is cut at the next wake-up of a higher one on that estimate
     * (QEMU's model runs faster than the chip: slices end early, never late). */
    scfg.default_fuel = SVM_NRF51_FUEL;
    scfg.ns_per_insn = SVM_NRF51_NS_PER_FUEL;
    static const svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&fw->sched, &port->hal, &ops, &scfg);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The validator's scratch: the container pool's free tail when it is larger than fw->work
 * (nothing lives there before the next container boots), else fw->work. Its stack check
 * needs 12 bytes per block start (loader.h): about 3.3 KB for examples/hello.ml. */
static uint8_t *scratch(svm_nrf51_fw_t *fw, size_t *size)
{
    size_t tail = fw->pool_size - fw->pool_used;
    if (tail > sizeof fw->work) {
        *size = tail;
        return fw->pool + fw->pool_used;
    }
    *size = sizeof fw->work;
    return fw->work;
}

/* 1 if the slot that boots holds exactly img. Not inlined: its svl_boot_t (368 bytes) must
 * not stay on the stack under the installer's own frame (the 3 KB C stack). */
__attribute__((noinline)) static int boots_already(svm_nrf51_fw_t *fw, const svl_flash_t *f,
                                                   const svl_slots_t *sl, const uint8_t *img,
                                                   uint32_t size)
{
    svl_boot_t bt;
    size_t wn;
    uint8_t *w = scratch(fw, &wn);
    return svl_boot_select(f, sl, NULL, 0, w, wn, &bt) == SVL_INST_OK && bt.size == size &&
           memcmp(bt.data, img, size) == 0;
}

int svm_nrf51_fw_inbox(svm_nrf51_fw_t *fw, unsigned k)
{
    const uint8_t *in = svm_nrf51_inbox(k);
    if (k >= SVM_BOARD_CONTAINERS || memcmp(in, SVIMG_MAGIC, 4) != 0)
        return 0; /* erased (or never written): nothing new */
    uint32_t size = rd32(in + SVIMG_OFF_SIZE);
    if (size > SVM_BOARD_INBOX_SIZE) {
        sayf(fw, "container %u: inbox image refused: size %lu exceeds the inbox (%lu bytes)", k,
             (unsigned long)size, (unsigned long)SVM_BOARD_INBOX_SIZE);
        return -1;
    }
    svl_flash_t f = svm_nrf51_flash_svl(&fw->port->flash);
    svl_slots_t sl = svm_nrf51_slots(k);
    if (boots_already(fw, &f, &sl, in, size))
        return 0;
    svl_install_info_t info;
    size_t wn;
    uint8_t *w = scratch(fw, &wn);
    svl_inst_result_t r = svl_install(&f, &sl, in, size, w, wn, &info);
    if (r == SVL_INST_INVALID) {
        sayf(fw,
             "container %u: inbox image refused: invalid image (validator %s%d at offset "
             "%lu); the old slot keeps running",
             k, svl_result_name(info.vres), (int)info.vres, (unsigned long)info.err_offset);
        return -1;
    }
    if (r != SVL_INST_OK) {
        sayf(fw,
             "container %u: inbox image not installed: installer result %s%d (flash %d); "
             "the old slot keeps running",
             k, svl_inst_result_name(r), (int)r, info.flash_err);
        return -1;
    }
    sayf(fw, "container %u: installed the inbox image into slot %c (seq %lu, %lu bytes)", k,
         info.slot ? 'B' : 'A', (unsigned long)info.seq, (unsigned long)size);
    return 1;
}

int svm_nrf51_fw_boot(svm_nrf51_fw_t *fw, unsigned k, uint32_t heap, uint32_t stack)
{
    if (k >= SVM_BOARD_CONTAINERS)
        return -1;
    svl_flash_t f = svm_nrf51_flash_svl(&fw->port->flash);
    svl_slots_t sl = svm_nrf51_slots(k);
    svl_boot_t *bt = &fw->boot[k];
    size_t wn;
    uint8_t *w = scratch(fw, &wn);
    svl_inst_result_t r = svl_boot_select(&f, &sl, NULL, 0, w, wn, bt);
    if (r != SVL_INST_OK) {
        if (r != SVL_INST_NO_IMAGE)
            sayf(fw, "container %u: no bootable slot (installer result %s%d)", k,
                 svl_inst_result_name(r), (int)r);
        return -1;
    }
    /* the other slot holding something that did not boot is worth a word */
    svl_slot_info_t other;
    if (svl_slot_probe(&f, &sl, 1u - bt->slot, &other) == SVL_INST_OK &&
        other.state == SVL_SLOT_CORRUPT)
        sayf(fw,
             "container %u: slot %c refused: its image is corrupt (seq %lu); booting "
             "slot %c (seq %lu)",
             k, bt->slot ? 'A' : 'B', (unsigned long)other.seq, bt->slot ? 'B' : 'A',
             (unsigned long)bt->seq);
    size_t need = svm_box_mem_size(&bt->image, heap, stack);
    uintptr_t at = ((uintptr_t)fw->pool + fw->pool_used + 7u) & ~(uintptr_t)7u;
    size_t used = at - (uintptr_t)fw->pool;
    if (used > fw->pool_size || need > fw->pool_size - used) {
        sayf(fw, "container %u: '%s' needs %lu bytes of RAM; %lu are left for containers", k,
             bt->image.manifest.name, (unsigned long)need,
             (unsigned long)(used > fw->pool_size ? 0 : fw->pool_size - used));
        return -1;
    }
    svm_box_t *b = &fw->box[k];
    svm_config_t vcfg = {.write = fw->write ? fw->write : console_write,
                         .user = fw->write ? fw->write_user[k] : NULL,
                         .container_id = k};
    int rc = svm_box_init(b, &bt->image, &vcfg, heap, stack, (void *)at, need);
    if (rc != 0) {
        sayf(fw, "container %u: cannot start '%s': %s", k, bt->image.manifest.name,
             svm_sched_strerror(rc));
        return -1;
    }
    svm_sched_err_t se;
    if (svm_sched_add(&fw->sched, &b->c, &se) != 0) {
        /* the scheduler's messages are compiled out of small firmware (SVL_CFG_NO_STRINGS):
         * say the device refusals here, which a user meets first */
        if (se.code == SVM_S_EDEVUNKNOWN || se.code == SVM_S_EDEVCLAIM)
            sayf(fw, "container %u: refused at load: '%s' claims device '%.*s', %s (error %d)", k,
                 bt->image.manifest.name, (int)SVIMG_NAME_MAX, se.name,
                 se.code == SVM_S_EDEVUNKNOWN ? "which this board does not have"
                                              : "already claimed by another container",
                 se.code);
        else
            sayf(fw, "container %u: refused at load: error %d", k, se.code);
        return -1;
    }
    fw->pool_used = used + need;
    sayf(fw, "container %u: '%s' from slot %c (seq %lu, %lu bytes of RAM)", k,
         bt->image.manifest.name, bt->slot ? 'B' : 'A', (unsigned long)bt->seq,
         (unsigned long)need);
    return 0;
}

int svm_nrf51_fw_link(svm_nrf51_fw_t *fw)
{
    svm_sched_err_t se;
    size_t need = svm_sched_xchan_mem_size(&fw->sched);
    uintptr_t at = ((uintptr_t)fw->pool + fw->pool_used + 7u) & ~(uintptr_t)7u;
    size_t used = at - (uintptr_t)fw->pool;
    if (used > fw->pool_size || need > fw->pool_size - used) {
        sayf(fw, "containers: channels need %lu bytes of RAM; %lu are left", (unsigned long)need,
             (unsigned long)(used > fw->pool_size ? 0 : fw->pool_size - used));
        return -1;
    }
    if (svm_sched_link(&fw->sched, (void *)at, need ? need : 1, &se) != 0) {
        sayf(fw, "containers: inter-container channel '%.*s' cannot be linked (error %d)",
             (int)SVIMG_NAME_MAX, se.name, se.code);
        return -1;
    }
    fw->pool_used = used + need;
    return 0;
}
