/* SPDX-License-Identifier: MIT
 * fw_backtrace.c — a fault on the target reported for the host to symbolise (issue 15):
 * bt/bt.ml raises Not_found three calls deep, re-raises it and leaves it uncaught; the
 * firmware writes svm_format_fault's report (the exception, the container, `svm-bt` with
 * the image's SHA-256 prefix and the backtrace pcs) through the port's HAL console, and it
 * must be exactly bt/bt.console — the desktop's report of the same image, which
 * tests/debug turns into source lines with senseasm --addr2line (the end-to-end chain:
 * target output = bt.console -> host symbolisation -> source lines).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sensevm/vm.h>

#include <sensevm/cortexm/svm_cortexm.h>
#include "tap.h"

extern const uint8_t bt_svm[];
extern const size_t bt_svm_size;
extern const char bt_console[];

static svm_cm_t port;
static uint8_t heap_mem[2048] __attribute__((aligned(8)));
static uint32_t stack_mem[1024u / 4u + SVM_STACK_GUARD];
static char report[256];

static void console(void *user, int stream, const char *buf, size_t len)
{
    svm_cm_t *p = user;
    p->hal.console_write(p->hal.port, stream, (const uint8_t *)buf, len);
}

int main(void)
{
    static svm_vm_t vm;
    static svm_context_t ctx;
    static svl_image_t img;
    uint32_t off = 0;
    tap_plan(4);
    svm_cm_init(&port);
    int ok = svl_validate(bt_svm, (uint32_t)bt_svm_size, &img, &off) == SVL_OK;
    svm_config_t cfg = {.memory = heap_mem,
                        .memory_size = sizeof heap_mem,
                        .heap_size = img.manifest.heap_size,
                        .write = console,
                        .user = &port};
    ok = ok && svm_vm_init(&vm, &img, &cfg) == SVM_INIT_OK &&
         svm_context_init(&vm, &ctx, 0, stack_mem, sizeof stack_mem / 4u, img.manifest.entry) ==
             SVM_INIT_OK;
    tap_ok(ok, "the image validates and its container is set up");
    svm_status_t st = SVM_FUEL;
    for (uint32_t i = 0; ok && st == SVM_FUEL && i < 1000u; i++)
        st = svm_run(&vm, &ctx, 1000);
    tap_ok(st == SVM_TRAPPED && vm.trap.code == SVM_TRAP_uncaught_exception,
           "it stops on the uncaught exception");
    size_t n = svm_format_fault(&vm, report, sizeof report);
    /* the report goes out through the HAL console, as a firmware prints it */
    port.hal.console_write(port.hal.port, 2, (const uint8_t *)report, n);
    tap_ok(n < sizeof report && strcmp(report, bt_console) == 0,
           "the report is bt/bt.console, the desktop's for the same image");
    tap_ok(vm.bt.n == 7 && (vm.bt.pc[0] & SVIMG_BT_EXACT) && (vm.bt.pc[4] & SVIMG_BT_EXACT),
           "7 entries: the raise, 3 frames, the re-raise, 2 frames");
    return tap_done();
}
