/* SPDX-License-Identifier: MIT
 * oot_fw.c — a user's own firmware built out of tree from `meson install` (test
 * nd2-outoftree): the installed port, board header, scheduler and VM, found by pkg-config;
 * one container from a C array, run by the scheduler; exits through semihosting.
 */
#include <stdio.h>
#include <stdlib.h>

#include <sensevm/vmsched.h>

#include <sensevm/stm32f4/svm_stm32f4.h>

extern const unsigned char hello_svm[];
extern const size_t hello_svm_size;

static svm_st_t port;
static svm_sched_t sched;
static svm_box_t box;
static unsigned char mem[24 * 1024] __attribute__((aligned(8)));
static unsigned char work[256];

static void out(void *user, int stream, const char *s, size_t n)
{
    (void)user;
    (void)stream;
    svm_st_console_write(s, (uint32_t)n);
}

int main(void)
{
    svl_image_t im;
    uint32_t off;
    svm_st_init(&port);
    printf("out-of-tree firmware on %s\n", SVM_BOARD_NAME);
    svm_sched_cfg_t cfg;
    svm_sched_default_cfg(&cfg);
    svm_sched_ops_t ops = {NULL, svm_box_run_ctx, svm_box_restart, NULL};
    svm_sched_init(&sched, &port.hal, &ops, &cfg);
    svm_config_t vcfg = {.write = out};
    svm_sched_err_t se;
    static unsigned char xmem[64] __attribute__((aligned(8)));
    if (svl_validate_ex(hello_svm, hello_svm_size, work, sizeof work, &im, &off) != SVL_OK ||
        svm_box_init(&box, &im, &vcfg, 0, 0, mem, sizeof mem) != 0 ||
        svm_sched_add(&sched, &box.c, &se) != 0 || svm_sched_link(&sched, xmem, sizeof xmem, &se))
        exit(1);
    while (svm_sched_step(&sched) != SVM_STEP_FINISHED)
        ;
    exit(box.c.state == SVM_K_DONE || (box.c.state == SVM_K_EXITED && box.c.exit_status == 0) ? 0
                                                                                              : 2);
}
