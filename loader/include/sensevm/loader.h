/* SPDX-License-Identifier: MIT
 * sensevm/loader.h — the image validator (and, later, the flash installer). Freestanding:
 * no malloc, no stdio. svl_validate() checks an image completely — structure, sizes,
 * CRC-32, SHA-256, section table, manifest bounds and every instruction — so that the
 * runtime can execute it with no per-instruction bounds checks on code.
 */
#ifndef SENSEVM_LOADER_H
#define SENSEVM_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/image.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes, defined once in loader/errors.def (code, name, message). */
typedef enum svl_result {
#define SVL_ERR(name, code, msg) SVL_##name = code,
#include "errors.def"
#undef SVL_ERR
    SVL_RESULT_LIMIT_
} svl_result_t;

/* The manifest, decoded. */
typedef struct svl_xchan {
    char name[SVIMG_NAME_MAX];
    uint8_t dir, policy;
    uint16_t depth;
} svl_xchan_t;

typedef struct svl_manifest {
    char name[SVIMG_NAME_MAX]; /* NUL terminated */
    uint8_t priority, policy, ndevices, nxchans;
    uint32_t heap_size, stack_size, array_size;
    uint16_t max_contexts, max_channels;
    uint32_t entry, globals, heartbeat_ms, fuel;
    char devices[SVIMG_MAX_DEVICES][SVIMG_NAME_MAX];
    svl_xchan_t xchans[SVIMG_MAX_XCHANS];
} svl_manifest_t;

/* A validated image: views into the caller's buffer (which must outlive this). */
typedef struct svl_image {
    const uint8_t *base;
    uint32_t size;
    uint16_t format_major, format_minor;
    uint32_t flags;
    const uint8_t *code;     uint32_t code_size;
    const uint8_t *consts;   uint32_t consts_size; uint32_t nconsts;
    const uint8_t *symbols;  uint32_t symbols_size; /* NULL/0 if absent */
    const uint8_t *lines;    uint32_t lines_size;
    const uint8_t *signature; uint32_t signature_size;
    uint8_t sha256[32];
    svl_manifest_t manifest;
} svl_image_t;

/* Validate img[0..len) (len must equal the image's size field). On success fills *out and
 * returns SVL_OK; otherwise returns the error and sets *err_offset to the image-relative
 * byte offset of the offending field or instruction (out and err_offset may be NULL).
 * The check is the same for any input: it never reads outside img[0..len).
 *
 * The branch-target check needs a bitmap of instruction starts: one bit per code byte.
 * svl_validate_ex takes it from the caller: with work_size >= SVL_WORK_SIZE(code size)
 * (SVL_WORK_SIZE(len) always suffices) the code is decoded three times in all; a smaller
 * buffer covers the code in windows of 8*work_size bytes, two extra decoding passes per
 * window, so memory can be traded for time (a 1 KiB buffer covers 8 KiB of code per
 * window). The result, including the offset, does not depend on work_size. With work NULL
 * or work_size 0 an internal 64-byte stack buffer is used.
 * svl_validate uses an SVL_CFG_WORK_BYTES (default 256) buffer on the stack. Reentrant. */
#define SVL_WORK_SIZE(code_size) (((uint32_t)(code_size) + 7u) / 8u)
#ifndef SVL_CFG_WORK_BYTES
#define SVL_CFG_WORK_BYTES 256u
#endif
svl_result_t svl_validate_ex(const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                             svl_image_t *out, uint32_t *err_offset);
svl_result_t svl_validate(const uint8_t *img, size_t len, svl_image_t *out,
                          uint32_t *err_offset);

/* Name ("bad_crc") and message ("CRC-32 mismatch") of a result code; "" when the build
 * compiles strings out (SVL_CFG_NO_STRINGS). */
const char *svl_result_name(svl_result_t r);
const char *svl_result_message(svl_result_t r);

/* The value of constant k of a validated image (offset | SVOBJ_CONST_TAG); 0 (never a
 * valid constant value) if k >= img->nconsts. */
uint32_t svl_const_value(const svl_image_t *img, uint32_t k);

#ifdef __cplusplus
}
#endif
#endif
