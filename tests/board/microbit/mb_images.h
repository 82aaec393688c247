/* SPDX-License-Identifier: MIT
 * mb_images.h — the C arrays of the test images, made at build time (meson.build).
 */
#ifndef SVM_MB_IMAGES_H
#define SVM_MB_IMAGES_H

#include <stddef.h>
#include <stdint.h>

#define MB_IMAGE(n)                                                                                \
    extern const uint8_t mb_##n##_svm[];                                                           \
    extern const size_t mb_##n##_svm_size;
MB_IMAGE(hello)
MB_IMAGE(update)
MB_IMAGE(nodev)
MB_IMAGE(button)
MB_IMAGE(divzero)
MB_IMAGE(checksum)
MB_IMAGE(hi)
MB_IMAGE(lo)
#undef MB_IMAGE

#endif
