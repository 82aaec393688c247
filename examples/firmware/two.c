/* SPDX-License-Identifier: MIT
 * two.c — the two-container firmware example: installs `blinky` (priority 2, claims led0)
 * and `logger` (priority 1) into their own A/B slot pairs, boot-selects both, and runs them
 * under the container scheduler on the Cortex-M port: SysTick time, wfi while both sleep,
 * LED changes logged over semihosting. Exit status 0 when both finish and led0 toggled 6
 * times. Built when the runtime provides the scheduler glue (sensevm/vmsched.h).
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/vmsched.h>

#include <sensevm/cortexm/svm_cortexm.h>

extern const uint8_t blinky_svm[], logger_svm[]; /* senseasm --format=c */
extern const size_t blinky_svm_size, logger_svm_size;

static svm_cm_t port;
static svm_sched_t sched;
static svm_box_t box[2];
static svl_boot_t boot[2];
static uint8_t work[4096]; /* the validator: 12 bytes per block start (loader.h) */
static uint8_t pool[48 * 1024] __attribute__((aligned(8)));

static void console(void *user, int stream, const char *buf, size_t len)
{
    svm_cm_t *p = user;
    p->hal.console_write(p->hal.port, stream, (const uint8_t *)buf, len);
}

int main(void)
{
    const uint8_t *blobs[2] = {blinky_svm, logger_svm};
    const size_t sizes[2] = {blinky_svm_size, logger_svm_size};
    svm_cm_init(&port);
    port.log_devices = 1;
    svl_flash_t flash = svm_cm_flash_svl(&port.flash);

    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&sched, &port.hal, &ops, &scfg);

    size_t used = 0;
    for (unsigned k = 0; k < 2; k++) {
        svl_slots_t sl = {{2u * k * SVM_CM_SLOT_PAGES, (2u * k + 1u) * SVM_CM_SLOT_PAGES},
                          SVM_CM_SLOT_PAGES};
        if (svl_boot_select(&flash, &sl, NULL, 0, work, sizeof work, &boot[k]) != SVL_INST_OK &&
            (svl_install(&flash, &sl, blobs[k], sizes[k], work, sizeof work, NULL) != SVL_INST_OK ||
             svl_boot_select(&flash, &sl, NULL, 0, work, sizeof work, &boot[k]) != SVL_INST_OK)) {
            printf("container %u: install failed\n", k);
            return 1;
        }
        const svl_image_t *im = &boot[k].image;
        svm_config_t vcfg = {.write = console, .user = &port, .container_id = k};
        size_t need = svm_box_mem_size(im, 0, 0);
        if (need > sizeof pool - used ||
            svm_box_init(&box[k], im, &vcfg, 0, 0, pool + used, need) != 0) {
            printf("container '%s': does not fit the RAM pool\n", im->manifest.name);
            return 1;
        }
        printf("container '%s' (priority %u) from slot %c: %lu bytes of RAM\n", im->manifest.name,
               (unsigned)im->manifest.priority, 'A' + boot[k].slot, (unsigned long)need);
        used += (need + 7u) & ~(size_t)7u;
        svm_sched_err_t se;
        if (svm_sched_add(&sched, &box[k].c, &se) != 0) {
            char msg[128];
            svm_sched_format_err(&sched, &se, msg, sizeof msg);
            printf("%s\n", msg);
            return 1;
        }
    }
    static uint8_t xmem[512] __attribute__((aligned(8)));
    svm_sched_err_t se;
    if (svm_sched_xchan_mem_size(&sched) > sizeof xmem ||
        svm_sched_link(&sched, xmem, sizeof xmem, &se) != 0) {
        printf("cannot link the containers\n");
        return 1;
    }

    int res;
    do
        res = svm_sched_step(&sched);
    while (res != SVM_STEP_FINISHED && res != SVM_STEP_STUCK);
    printf("all containers finished at %lu ms: led0 toggled %lu times, %lu sleeps in wfi\n",
           (unsigned long)(svm_cm_now_ns() / 1000000u), (unsigned long)port.writes[SVM_CM_LED0],
           (unsigned long)port.sleeps);
    return res == SVM_STEP_FINISHED && port.writes[SVM_CM_LED0] == 6 ? 0 : 1;
}
