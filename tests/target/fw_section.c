/* SPDX-License-Identifier: MIT
 * fw_section.c — blob path 2: the image linked into a dedicated flash section of the
 * firmware (.rodata.svm_images, made by `objcopy -I binary` from hello.svm, made at build time).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <sensevm/cortexm/cm_board.h>
#include "fw_install.h"
#include "tap.h"

extern const uint8_t _binary_hello_svm_start[], _binary_hello_svm_end[];

int main(void)
{
    const uint8_t *img = _binary_hello_svm_start;
    size_t len = (size_t)(_binary_hello_svm_end - _binary_hello_svm_start);
    tap_plan(FW_INSTALL_TESTS + 1);
    tap_ok((uintptr_t)img < SVM_CM_SLOT_AREA && ((uintptr_t)img & 3u) == 0,
           "the section lies in the firmware's flash, 4-byte aligned");
    fw_install_checks("flash section", img, len, 1);
    return tap_done();
}
