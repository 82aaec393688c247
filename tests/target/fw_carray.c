/* SPDX-License-Identifier: MIT
 * fw_carray.c — blob path 1: the image compiled in as the C array that
 * `senseasm --format=c` writes (hello_svm.c, made at build time), validated and installed.
 */
#include <stddef.h>
#include <stdint.h>

#include "fw_install.h"
#include "tap.h"

extern const uint8_t hello_svm[];
extern const size_t hello_svm_size;

int main(void)
{
    tap_plan(FW_INSTALL_TESTS);
    fw_install_checks("C array", hello_svm, hello_svm_size, 0);
    return tap_done();
}
