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

/* Result codes, defined once in loader/include/sensevm/errors.def (code, name, message). */
typedef enum svl_result {
#define SVL_ERR(name, code, msg) SVL_##name = code,
#include <sensevm/errors.def>
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
    uint8_t gc; /* SVMF_GC_COPY or SVMF_GC_COMPACT */
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
    const uint8_t *code;
    uint32_t code_size;
    const uint8_t *consts;
    uint32_t consts_size;
    uint32_t nconsts;
    const uint8_t *symbols;
    uint32_t symbols_size; /* NULL/0 if absent */
    const uint8_t *lines;
    uint32_t lines_size;
    const uint8_t *signature;
    uint32_t signature_size;
    uint8_t sha256[32];
    svl_manifest_t manifest;
} svl_image_t;

/* Validate img[0..len) (len must equal the image's size field). On success fills *out and
 * returns SVL_OK; otherwise returns the error and sets *err_offset to the image-relative
 * byte offset of the offending field or instruction (out and err_offset may be NULL).
 * The check is the same for any input: it never reads outside img[0..len).
 *
 * Work memory, from the caller (nothing is allocated):
 *  - the branch-target check needs a bitmap of instruction starts, one bit per code byte;
 *    with work_size >= (code size + 7) / 8 the code is decoded three times in all, a
 *    smaller buffer covers the code in windows of 8*work_size bytes, two extra decoding
 *    passes per window (memory traded for time; the result does not depend on it);
 *  - the static stack check (image-format.md §4) needs 12 bytes per distinct block start
 *    (label target or entry), at most SVL_WORK_SIZE(code size) in all (a label operand
 *    takes at least 4 bytes of code). With less, svl_validate_ex returns
 *    SVL_stack_work_too_small: the one result that depends on work_size (a device that
 *    cannot lend the memory cannot check, hence not run, the image). Compiled code has
 *    about one block start per 20 code bytes: 0.6 bytes of work per code byte.
 * SVL_WORK_SIZE(len) always suffices. With work NULL or work_size 0 an internal 256-byte
 * stack buffer is used. svl_validate uses an SVL_CFG_WORK_BYTES (default 4096: about 340
 * block starts) buffer on the stack. Reentrant. */
#define SVL_WORK_SIZE(code_size) (3u * (uint32_t)(code_size) + 16u)
#ifndef SVL_CFG_WORK_BYTES
#define SVL_CFG_WORK_BYTES 4096u
#endif
svl_result_t svl_validate_ex(const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                             svl_image_t *out, uint32_t *err_offset);
svl_result_t svl_validate(const uint8_t *img, size_t len, svl_image_t *out, uint32_t *err_offset);

/* Name ("bad_crc") and message ("CRC-32 mismatch") of a result code; "" when the build
 * compiles strings out (SVL_CFG_NO_STRINGS). */
const char *svl_result_name(svl_result_t r);
const char *svl_result_message(svl_result_t r);

/* The value of constant k of a validated image (offset | SVOBJ_CONST_TAG); 0 (never a
 * valid constant value) if k >= img->nconsts. */
uint32_t svl_const_value(const svl_image_t *img, uint32_t k);

/* ======================================================================================
 * The flash installer (src/install.c; docs/flash.md). Freestanding, no malloc.
 *
 * Each container owns two slots, A (0) and B (1), in a NOR-like flash area. A slot holds a
 * 64-byte descriptor, a commit record and the image (slot format below). svl_install()
 * validates an image completely, writes it into the slot that is NOT the one
 * svl_boot_select() would pick, reads it back and checks it FROM FLASH (byte for byte and
 * its SHA-256), and only then commits it with one final small write. A power cut at any
 * point therefore leaves the old or the new image bootable; svl_boot_select() picks the
 * newest committed image that passes the checks, falling back to the other slot.
 * ====================================================================================== */

/* The flash, as the installer sees it (the runtime's HAL flash entries have the same
 * shape: see runtime/include/sensevm/hal.h). The area is npages pages of page_size bytes,
 * addressed by byte offset. erase() sets a page to 0xff; write() may only clear bits
 * (1 -> 0) and works in units of write_unit bytes (offset and length multiples of it).
 * Every function returns 0 on success or a negative code, which the installer reports in
 * svl_install_info_t.flash_err. */
typedef struct svl_flash {
    void *ctx;          /* passed back to every function */
    uint32_t page_size; /* erase unit in bytes, a multiple of write_unit */
    uint32_t npages;
    uint32_t write_unit;   /* 1, 2, 4, ... 64 bytes */
    uint32_t flags;        /* SVL_FLASH_* */
    const uint8_t *mapped; /* memory-mapped view of the area (execute in place) or NULL */
    int (*erase)(void *ctx, uint32_t page);
    int (*write)(void *ctx, uint32_t off, const uint8_t *buf, uint32_t len);
    int (*read)(void *ctx, uint32_t off, uint8_t *buf, uint32_t len);
} svl_flash_t;

/* A written unit may be written again with more bits cleared (plain NOR). Lets the
 * installer re-assert the active slot's commit record before it erases the other slot, so
 * that a weakly programmed commit (power cut during the commit write) is made solid before
 * the fallback disappears. Leave it clear for flash with ECC that forbids re-programming. */
#define SVL_FLASH_REPROGRAM 0x1u

/* One container's A/B pair: slot s occupies pages first_page[s] .. first_page[s]+npages-1.
 * The two ranges must lie inside the area and not overlap. */
typedef struct svl_slots {
    uint32_t first_page[2];
    uint32_t npages;
} svl_slots_t;

/* ---- slot format (little-endian; docs/flash.md §2) ----
 * [0, 64)   descriptor, written in one write after the image
 * [64, 64+max(write_unit,4))  commit record: erased (0xff..) = pending, all 0x00 = committed
 * [128, 128+size)             the image, byte for byte (padded with 0xff to write_unit) */
#define SVL_SLOT_MAGIC 0x4c535653u /* "SVSL" */
#define SVL_SLOT_VERSION 1u
#define SVL_SLOT_DESC_SIZE 64u
#define SVL_SLOT_COMMIT_OFF 64u
#define SVL_SLOT_IMAGE_OFF 128u
#define SVL_SLOT_OFF_MAGIC 0u      /* u32 "SVSL" */
#define SVL_SLOT_OFF_VERSION 4u    /* u16 = 1 */
#define SVL_SLOT_OFF_IMAGE 6u      /* u16 image offset in the slot = 128 */
#define SVL_SLOT_OFF_SEQ 8u        /* u32 sequence number (serial arithmetic) */
#define SVL_SLOT_OFF_SIZE 12u      /* u32 image size */
#define SVL_SLOT_OFF_CRC_IMG 16u   /* u32 the image's CRC-32 field */
#define SVL_SLOT_OFF_RESERVED 20u  /* u32 0 */
#define SVL_SLOT_OFF_SHA 24u       /* u8[32] the image's SHA-256 field */
#define SVL_SLOT_OFF_RESERVED2 56u /* u32 0 */
#define SVL_SLOT_OFF_CRC 60u       /* u32 CRC-32 of descriptor bytes [0, 60) */

/* Installer results (kept apart from the validator's svl_result_t, which names image
 * rules only). */
typedef enum svl_inst_result {
    SVL_INST_OK = 0,
    SVL_INST_INVALID = 1,       /* the validator refused the image (info: vres, err_offset);
                              * flash untouched */
    SVL_INST_TOO_LARGE = 2,     /* the image does not fit a slot; flash untouched */
    SVL_INST_BAD_CONFIG = 3,    /* bad flash geometry or slot layout, or the image lies in
                              * the slot it would be written to; flash untouched */
    SVL_INST_FLASH = 4,         /* a flash operation failed (info: flash_err); not committed */
    SVL_INST_VERIFY = 5,        /* read-back from flash differs from the image; not committed */
    SVL_INST_NO_IMAGE = 6,      /* svl_boot_select: neither slot holds a bootable image */
    SVL_INST_NO_BUFFER = 7,     /* svl_boot_select: flash not mapped and buf too small */
    SVL_INST_BAD_SIGNATURE = 8, /* the signature policy refused the signature; untouched */
    SVL_INST_UNSIGNED = 9,      /* the policy requires a signature and there is none; untouched */
    SVL_INST_RESULT_LIMIT_
} svl_inst_result_t;

typedef struct svl_install_info {
    svl_result_t vres;   /* the validator's result (SVL_OK once validated) */
    uint32_t err_offset; /* its offset, for SVL_INST_INVALID */
    int flash_err;       /* the failing flash function's return value, or 0 */
    uint8_t slot;        /* the slot written (0 = A, 1 = B) */
    uint32_t seq;        /* the sequence number given to the new image */
} svl_install_info_t;

/* Validate img[0..len) completely (svl_validate_ex with work[0..work_size), see above),
 * then install it into the inactive slot of `slots` and commit it. Returns SVL_INST_OK
 * when the new image is committed (svl_boot_select() now picks it). On any other result
 * the previously bootable image (if any) is still the one svl_boot_select() picks. info
 * may be NULL. Not reentrant for one flash area. */
svl_inst_result_t svl_install(const svl_flash_t *flash, const svl_slots_t *slots,
                              const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                              svl_install_info_t *info);

/* What is in one slot, judged from flash reads alone (descriptor, commit record, the
 * image's CRC-32 and SHA-256 recomputed from flash). */
enum {
    SVL_SLOT_EMPTY = 0,    /* no valid descriptor (erased, or an interrupted install) */
    SVL_SLOT_PENDING = 1,  /* descriptor written, not committed */
    SVL_SLOT_CORRUPT = 2,  /* committed, but the image in flash fails its CRC/SHA check */
    SVL_SLOT_COMMITTED = 3 /* committed and intact */
};
typedef struct svl_slot_info {
    uint8_t state;      /* SVL_SLOT_* */
    uint32_t seq, size; /* from the descriptor (state != EMPTY) */
    uint8_t sha256[32];
} svl_slot_info_t;
svl_inst_result_t svl_slot_probe(const svl_flash_t *flash, const svl_slots_t *slots, unsigned slot,
                                 svl_slot_info_t *out);

/* The image to boot. */
typedef struct svl_boot {
    uint8_t slot; /* 0 = A, 1 = B */
    uint32_t seq;
    const uint8_t *data; /* the image: in flash (mapped) or in the caller's buf */
    uint32_t size;
    svl_image_t image; /* the re-validated image (views into data) */
} svl_boot_t;

/* Pick the newest committed slot whose image is intact and re-validates completely
 * (svl_validate_ex); fall back to the other slot. With flash->mapped the image is
 * validated in place and out->data points into flash (execute in place); otherwise it is
 * read into buf[0..buf_size) (SVL_INST_NO_BUFFER if too small). A slot that cannot be
 * read is skipped. Returns SVL_INST_OK; or, when nothing boots, SVL_INST_FLASH if a read
 * failed, else SVL_INST_NO_IMAGE (or SVL_INST_BAD_CONFIG). */
svl_inst_result_t svl_boot_select(const svl_flash_t *flash, const svl_slots_t *slots, uint8_t *buf,
                                  size_t buf_size, uint8_t *work, size_t work_size,
                                  svl_boot_t *out);

/* Optional signature policy (docs/flash.md §5): the image's SIGNATURE section is an
 * Ed25519 signature over its SHA-256 digest; `verify` checks it with the implementation
 * the build chooses (libsodium on the desktop) and returns 0 when it is valid. With a
 * policy, svl_install_ex refuses a badly signed image (SVL_INST_BAD_SIGNATURE) or, with
 * `require`, an unsigned one (SVL_INST_UNSIGNED) before any flash operation, and
 * svl_boot_select_ex skips slots that fail the policy (falling back to the other one). */
typedef struct svl_sig_policy {
    int (*verify)(void *ctx, const uint8_t digest[32], const uint8_t sig[64]);
    void *ctx;
    int require;
} svl_sig_policy_t;
svl_inst_result_t svl_install_ex(const svl_flash_t *flash, const svl_slots_t *slots,
                                 const uint8_t *img, size_t len, uint8_t *work, size_t work_size,
                                 const svl_sig_policy_t *sig, svl_install_info_t *info);
svl_inst_result_t svl_boot_select_ex(const svl_flash_t *flash, const svl_slots_t *slots,
                                     uint8_t *buf, size_t buf_size, uint8_t *work, size_t work_size,
                                     const svl_sig_policy_t *sig, svl_boot_t *out);

/* Bytes of image a slot of `slots` can hold. */
uint32_t svl_slot_capacity(const svl_flash_t *flash, const svl_slots_t *slots);

/* Name of an installer result ("verify"); "" with SVL_CFG_NO_STRINGS. */
const char *svl_inst_result_name(svl_inst_result_t r);

#ifdef __cplusplus
}
#endif
#endif
