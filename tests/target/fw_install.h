/* SPDX-License-Identifier: MIT
 * fw_install.h — the checks every blob-path firmware runs on its image: validate, install
 * into the slot area (A/B slots in "flash"), boot-select it (executing in place), install a
 * second generation, refuse a corrupted copy without a flash write.
 */
#ifndef SVM_FW_INSTALL_H
#define SVM_FW_INSTALL_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/loader.h>

#define FW_INSTALL_TESTS 7

/* The slot area of the board and container c's A/B pair. */
svl_flash_t fw_flash(void);
svl_slots_t fw_slots(unsigned c);

/* Run FW_INSTALL_TESTS TAP tests on img[0..len) as container c's image. */
void fw_install_checks(const char *what, const uint8_t *img, size_t len, unsigned c);

#endif
