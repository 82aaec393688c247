/* SPDX-License-Identifier: MIT
 * st_firmware.c — the board firmware for STM32F4 boards (docs/boards.md): the container
 * scheduler over the images in the board's flash.
 *
 * At boot, for each container k < SVM_BOARD_CONTAINERS:
 *   1. the A/B slot pair k (st_flash.c; svl_boot_select picks the newest intact image);
 *   2. the inbox k (SVM_BOARD_INBOX + k * SVM_BOARD_INBOX_SIZE), where a programmer (or
 *      QEMU's -device loader) writes a new image, e.g. `sensec --board NAME -o app.hex`:
 *      validated completely; refused with a console message if bad; installed into the
 *      pair's other slot if it is not the image the pair boots already;
 *   3. the chosen image gets RAM from the containers' pool and joins the scheduler, which
 *      refuses a device the board lacks or another container owns.
 * Then the scheduler runs for ever (wfi when idle). Faults, finished containers and
 * refusals are reported on the console.
 *
 * On QEMU (no flash interface, no RCC: st_hal.c notices) the slots are RAM-backed: the
 * same driver over the flash interface model (st_flash_model.c) on the last 16 KiB of the
 * containers' RAM as four 4 KiB sectors, so the install path runs there too (and is lost
 * at reset). QEMU 7.2's netduinoplus2 maps no CCM RAM, which would otherwise serve. Also on QEMU
 * only, console input that no container claims is read as test commands: 'p' / 'r' press
 * and release button0 through its interrupt (QEMU models no GPIO).
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/vmsched.h>

#include <sensevm/stm32f4/st_flash_model.h>
#include <sensevm/stm32f4/svm_stm32f4.h>

#define NC SVM_BOARD_CONTAINERS
#define FUEL_DEFAULT 10000u

static svm_st_t port;
static svm_sched_t sched;
static svm_box_t box[NC];
static svl_boot_t boot[NC];
static uint8_t pool[SVM_BOARD_CONTAINER_RAM] __attribute__((aligned(8)));
static size_t pool_used;
static uint8_t xmem[512] __attribute__((aligned(8)));
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */
static svm_st_flash_t flash;
static svm_st_model_t model;
static int uart_claimed;

/* QEMU's RAM-backed slot area: the pool's last 16 KiB as four 4 KiB "sectors" */
#define RAMSLOT 0x1000u
static size_t pool_size = sizeof pool;
static svm_st_sector_t ram_sectors[4];

static void out(void *user, int stream, const char *s, size_t n)
{
    (void)user;
    (void)stream;
    svm_st_console_write(s, (uint32_t)n);
}

static void trace(void *user, const svm_trace_t *ev)
{
    (void)user;
    const char *name = ev->cont >= 0 ? box[ev->cont].c.mf->name : "?";
    switch (ev->kind) {
    case SVM_TR_FAULT:
        printf("sensevm: container %d '%s' faulted: %s (trap %lu) at pc %lu\n", ev->cont, name,
               svm_trap_name((svm_trap_t)ev->a), (unsigned long)ev->a, (unsigned long)ev->b);
        break;
    case SVM_TR_STOP: printf("sensevm: container %d '%s' stopped\n", ev->cont, name); break;
    case SVM_TR_HALT: printf("sensevm: container %d '%s' finished\n", ev->cont, name); break;
    case SVM_TR_EXIT:
        printf("sensevm: container %d '%s' exited with %ld\n", ev->cont, name, (long)ev->a);
        break;
    default: break;
    }
}

static void flash_setup(void)
{
    if (port.emulated) {
        pool_size -= 4u * RAMSLOT;
        for (unsigned i = 0; i < 4; i++)
            ram_sectors[i] =
                (svm_st_sector_t){(uint32_t)(uintptr_t)(pool + pool_size) + i * RAMSLOT, RAMSLOT};
        svm_st_model_init(&model, pool + pool_size, ram_sectors, 4);
        svm_st_flash_init(&flash, &svm_st_model_bus, &model, ram_sectors, 4, 0, 4);
        printf("sensevm: flash: QEMU models no flash interface: the slots are RAM-backed "
               "(4 x 4 KiB through the flash interface model)\n");
    } else {
        svm_st_flash_init(&flash, NULL, NULL, svm_st_f405_sectors, 12,
                          (SVM_BOARD_SLOT_A - SVM_BOARD_FLASH_BASE) / SVM_BOARD_SLOT_SIZE + 4u,
                          2u * NC);
    }
}

/* The image a programmer left in inbox k, if it holds one: its address and size. */
static const uint8_t *inbox(unsigned k, uint32_t *len)
{
    const uint8_t *p = (const uint8_t *)(SVM_BOARD_INBOX + k * SVM_BOARD_INBOX_SIZE);
    if (memcmp(p, SVIMG_MAGIC, 4) != 0)
        return NULL;
    *len = (uint32_t)svbc_read_i32(p + SVIMG_OFF_SIZE);
    return p;
}

/* The validator's work memory: the container pool's free tail when it is larger than
 * work[] (nothing lives there before the next container boots), else work[]. Its static
 * stack check needs 12 bytes per block start (loader.h): 4 KiB holds about 340, less
 * than a program of a few hundred lines has. */
static uint8_t *scratch(size_t *size)
{
    size_t tail = pool_size - pool_used;
    if (tail > sizeof work) {
        *size = tail;
        return pool + pool_used;
    }
    *size = sizeof work;
    return work;
}

/* Pick container k's image (slot pair or inbox, see the file comment). 0 none, 1 slot,
 * 2 the inbox in place. */
static int pick(unsigned k, const svl_flash_t *f, const svl_slots_t *sl)
{
    size_t wn;
    uint8_t *w = scratch(&wn);
    int have = svl_boot_select(f, sl, NULL, 0, w, wn, &boot[k]) == SVL_INST_OK;
    uint32_t len = 0;
    const uint8_t *img = inbox(k, &len);
    if (!img)
        return have;
    svl_image_t im;
    uint32_t off = 0;
    svl_result_t v =
        len > SVM_BOARD_INBOX_SIZE ? SVL_bad_size : svl_validate_ex(img, len, w, wn, &im, &off);
    if (v != SVL_OK) {
        printf("sensevm: container %u: the image in the inbox at 0x%08lx is refused: "
               "validator rule %d%s%s at byte %lu%s\n",
               k, (unsigned long)(uintptr_t)img, (int)v, *svl_result_name(v) ? " " : "",
               svl_result_name(v), (unsigned long)off,
               have ? "; the installed image keeps running" : "");
        return have;
    }
    if (have && memcmp(boot[k].image.sha256, im.sha256, 32) == 0)
        return 1; /* installed already */
    svl_install_info_t info;
    svl_inst_result_t r = svl_install(f, sl, img, len, w, wn, &info);
    if (r == SVL_INST_OK && svl_boot_select(f, sl, NULL, 0, w, wn, &boot[k]) == SVL_INST_OK) {
        printf("sensevm: container %u: installed '%s' from the inbox into slot %c (seq %lu)\n", k,
               im.manifest.name, 'A' + info.slot, (unsigned long)info.seq);
        return 1;
    }
    printf("sensevm: container %u: install failed (installer result %d, flash error %d)%s\n", k,
           (int)r, info.flash_err,
           have ? "; the installed image keeps running" : "; running the inbox image in place");
    if (have)
        return 1;
    boot[k].image = im;
    boot[k].data = img;
    boot[k].size = len;
    return 2;
}

static void load(unsigned k, const svl_flash_t *f)
{
    svl_slots_t sl = {{2u * k, 2u * k + 1u}, 1};
    int from = pick(k, f, &sl);
    if (!from)
        return;
    const svl_image_t *img = &boot[k].image;
    size_t need = svm_box_mem_size(img, 0, 0);
    if (need > pool_size - pool_used) {
        printf("sensevm: container %u '%s': refused: needs %lu bytes of RAM, %lu of %lu left "
               "for containers\n",
               k, img->manifest.name, (unsigned long)need, (unsigned long)(pool_size - pool_used),
               (unsigned long)pool_size);
        return;
    }
    svm_config_t vcfg = {.write = out, .container_id = k};
    svm_box_t *b = &box[sched.n];
    if (svm_box_init(b, img, &vcfg, 0, 0, pool + pool_used, need) != 0) {
        printf("sensevm: container %u '%s': refused: the VM could not start\n", k,
               img->manifest.name);
        return;
    }
    svm_sched_err_t se;
    if (svm_sched_add(&sched, &b->c, &se) != 0) {
        char dev[SVIMG_NAME_MAX + 1] = {0};
        memcpy(dev, se.name, SVIMG_NAME_MAX);
        printf("sensevm: container %u '%s': refused at load: %s '%s' (scheduler error %d)\n", k,
               img->manifest.name,
               se.code == SVM_S_EDEVUNKNOWN ? "the board has no device"
               : se.code == SVM_S_EDEVCLAIM ? "another container owns device"
                                            : "cannot bind",
               dev, se.code);
        return;
    }
    pool_used += (need + 7u) & ~(size_t)7u;
    for (unsigned d = 0; d < img->manifest.ndevices; d++)
        uart_claimed |=
            svm_hal_find_dev(&port.hal, img->manifest.devices[d]) == (int)SVM_BOARD_DEV_UART0;
    printf("sensevm: container %u '%s': priority %u, %lu bytes from %s, %lu bytes of RAM\n", k,
           img->manifest.name, img->manifest.priority, (unsigned long)boot[k].size,
           from == 2      ? "the inbox"
           : boot[k].slot ? "slot B"
                          : "slot A",
           (unsigned long)need);
}

/* QEMU test commands on an unclaimed console (the file comment). */
static void console_commands(void)
{
    int c;
    while ((c = svm_st_console_getc()) >= 0)
        if (port.emulated && !uart_claimed && (c == 'p' || c == 'r'))
            svm_st_button_inject(c == 'p');
}

int main(void)
{
    svm_st_init(&port);
    printf("\nsensevm: board %s, %s, core clock %lu Hz%s%s\n", SVM_BOARD_NAME,
           SVM_BOARD_DESCRIPTION, (unsigned long)port.core_hz, port.pll ? " (PLL)" : "",
           port.emulated ? " (no RCC: an emulator; the board's qemu_clock_hz)" : "");
    flash_setup();
    svl_flash_t f = svm_st_flash_svl(&flash);
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, trace};
    svm_sched_init(&sched, &port.hal, &ops, &scfg);
    for (unsigned k = 0; k < NC; k++)
        load(k, &f);
    svm_sched_err_t se;
    if (svm_sched_xchan_mem_size(&sched) > sizeof xmem ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0) {
        printf("sensevm: the containers' channels do not link\n");
        sched.n = 0;
    }
    printf("sensevm: %u container(s) running, %lu of %lu bytes of container RAM used\n", sched.n,
           (unsigned long)pool_used, (unsigned long)pool_size);
    int res = sched.n ? SVM_STEP_RAN : SVM_STEP_FINISHED;
    while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK) {
        console_commands();
        res = svm_sched_step(&sched);
    }
    printf("sensevm: %s\n", res == SVM_STEP_STUCK ? "nothing can run any more (deadlock)"
                                                  : "all containers finished");
    for (;;) {
        console_commands();
        port.hal.sleep_until(&port, UINT64_MAX);
    }
}
