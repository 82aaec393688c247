/* SPDX-License-Identifier: MIT
 * sensevm/image.h — the container image (.svm) layout: header, section table, manifest,
 * constant pool and the object header word shared with the runtime's heap. Normative text:
 * bytecode-spec/image-format.md. Everything is little-endian and read with the byte
 * accessors of bytecode.h, never by casting the buffer (images live unaligned in flash).
 */
#ifndef SENSEVM_IMAGE_H
#define SENSEVM_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define SVIMG_MAGIC "SVMI"    /* bytes 0..3 */
#define SVIMG_FORMAT_MAJOR 1u /* a changed meaning bumps this: old images rejected */
#define SVIMG_FORMAT_MINOR 1u /* new opcodes/services/sections bump this */
#define SVIMG_WORD_SIZE 4u

/* ---- header: 64 bytes at offset 0 ---- */
#define SVIMG_HEADER_SIZE 64u
#define SVIMG_OFF_MAGIC 0u     /* u8[4]  "SVMI" */
#define SVIMG_OFF_MAJOR 4u     /* u16 */
#define SVIMG_OFF_MINOR 6u     /* u16 */
#define SVIMG_OFF_FLAGS 8u     /* u32 SVIMG_F_* */
#define SVIMG_OFF_WORDSIZE 12u /* u8 = 4 */
#define SVIMG_OFF_HDRSIZE 13u  /* u8 = 64 */
#define SVIMG_OFF_NSECT 14u    /* u16 section count, 3..SVIMG_MAX_SECTIONS */
#define SVIMG_OFF_SIZE 16u     /* u32 total image size in bytes */
#define SVIMG_OFF_CRC 20u      /* u32 CRC-32 of bytes [0,size) with this field as 0 */
#define SVIMG_OFF_SHA                                                                              \
    24u                        /* u8[32] SHA-256 of [0,size) with CRC, SHA fields and the
                                   * SIGNATURE section contents as 0 */
#define SVIMG_OFF_RESERVED 56u /* u8[8] must be 0 */

#define SVIMG_F_DEBUG 0x1u  /* SYMBOLS/LINES sections present */
#define SVIMG_F_SIGNED 0x2u /* a SIGNATURE section is present */
#define SVIMG_F_KNOWN (SVIMG_F_DEBUG | SVIMG_F_SIGNED)

#define SVIMG_MAX_SIZE (16u << 20) /* images above 16 MiB are refused */

/* ---- section table: nsect entries of 16 bytes right after the header ---- */
#define SVIMG_SECT_ENTRY_SIZE 16u /* u32 kind, u32 offset, u32 size, u32 flags (= 0) */
#define SVIMG_MAX_SECTIONS 8u
/* Section flags (the `flags` column of sections.def). */
enum {
    SVIMG_SF_REQUIRED = 1u << 0, /* every image has this section */
    SVIMG_SF_DEBUG = 1u << 1,    /* present iff the header's SVIMG_F_DEBUG is set */
    SVIMG_SF_SIGNED = 1u << 2    /* present iff SVIMG_F_SIGNED; contents not digested */
};
enum svimg_section_kind {
#define SECT(name, code, flags, doc) SVIMG_SECT_##name = code,
#include <sensevm/sections.def>
#undef SECT
    SVIMG_SECT_KIND_MAX = 0 /* the highest kind: codes are dense from 1 */
#define SECT(name, code, flags, doc) +1
#include <sensevm/sections.def>
#undef SECT
};
/* Flags of section kind k (0 for an unknown kind). */
extern const uint8_t svimg_sect_flags[SVIMG_SECT_KIND_MAX + 1];
/* Name of section kind k ("CODE"), or "?" for an unknown kind. In an object of its own
 * (src/section_names.c): a firmware links the text only if it calls this. */
const char *svimg_section_name(uint32_t kind);

/* Sections are 4-byte aligned, in ascending offset order, non-overlapping, start after the
 * section table, end within the image, and each kind occurs at most once. */

/* ---- the section reader (src/image.c): the one place that reads the section table ---- */
/* What the reader refuses, in the order it checks (image-format.md §3). */
typedef enum svimg_sect_error {
    SVIMG_SERR_OK = 0,
    SVIMG_SERR_COUNT,          /* nsect not in 3..SVIMG_MAX_SECTIONS (at the nsect field) */
    SVIMG_SERR_TABLE_OVERFLOW, /* the table extends past the image (at the nsect field) */
    SVIMG_SERR_KIND,           /* unknown kind (at the entry) */
    SVIMG_SERR_DUPLICATE,      /* a kind occurs twice (at the entry) */
    SVIMG_SERR_FLAGS,          /* entry flags not zero (at the flags field) */
    SVIMG_SERR_MISALIGNED,     /* offset not a multiple of 4 (at the offset field) */
    SVIMG_SERR_IN_HEADER,      /* starts inside the header or the table (offset field) */
    SVIMG_SERR_OUT_OF_IMAGE,   /* ends past the image (at the size field) */
    SVIMG_SERR_UNORDERED,      /* below the previous entry's offset (offset field) */
    SVIMG_SERR_OVERLAP,        /* starts inside the previous section (offset field) */
    SVIMG_SERR_MISSING         /* a REQUIRED kind is absent (`missing` says which; at 64) */
} svimg_sect_error_t;

typedef struct svimg_sections {
    uint32_t nsect;
    uint32_t present;                        /* bit k set: kind k is in the table */
    uint32_t off[SVIMG_SECT_KIND_MAX + 1];   /* by kind: offset from the image start */
    uint32_t size[SVIMG_SECT_KIND_MAX + 1];  /* by kind: size in bytes */
    uint32_t entry[SVIMG_SECT_KIND_MAX + 1]; /* by kind: image offset of its table entry */
    uint8_t order[SVIMG_MAX_SECTIONS];       /* kinds in table order */
    uint32_t missing;                        /* SVIMG_SERR_MISSING: the absent kind */
} svimg_sections_t;

/* Read and check the section table of img[0..size) (size >= SVIMG_HEADER_SIZE: the
 * caller has checked the header). Returns SVIMG_SERR_OK and fills *out, or the first rule
 * broken with *err_off set to the offending field. Never reads outside img[0..size). */
svimg_sect_error_t svimg_read_sections(const uint8_t *img, uint32_t size, svimg_sections_t *out,
                                       uint32_t *err_off);
/* One line of text for a reader error (src/section_names.c; tools only). */
const char *svimg_sect_error_message(svimg_sect_error_t e);

/* ---- manifest section ---- */
#define SVIMG_MANIFEST_SIZE 280u
#define SVIMG_NAME_MAX 16u /* NUL-padded, 1..15 chars of [A-Za-z0-9_.-] */
#define SVIMG_MAX_DEVICES 8u
#define SVIMG_MAX_XCHANS 4u
#define SVMF_OFF_NAME 0u       /* char[16] */
#define SVMF_OFF_PRIORITY 16u  /* u8: 0 lowest .. 255 most critical */
#define SVMF_OFF_POLICY 17u    /* u8 fault policy: SVMF_POLICY_* */
#define SVMF_OFF_NDEVICES 18u  /* u8 0..8 */
#define SVMF_OFF_NXCHANS 19u   /* u8 0..4 */
#define SVMF_OFF_HEAP 20u      /* u32 heap bytes, SVMF_HEAP_MIN..SVMF_HEAP_MAX, multiple of 8 */
#define SVMF_OFF_STACK 24u     /* u32 stack bytes per context, SVMF_STACK_MIN..MAX, mult. of 4 */
#define SVMF_OFF_ARRAYS 28u    /* u32 array-storage bytes (0 = arrays live in the heap) */
#define SVMF_OFF_CONTEXTS 32u  /* u16 max contexts 1..256 */
#define SVMF_OFF_CHANNELS 34u  /* u16 max channels 0..1024 */
#define SVMF_OFF_ENTRY 36u     /* u32 code offset of the entry instruction */
#define SVMF_OFF_GLOBALS 40u   /* u32 global variable slots 0..65535 */
#define SVMF_OFF_HEARTBEAT 44u /* u32 heartbeat/deadline period in ms, 0 = none */
#define SVMF_OFF_FUEL 48u      /* u32 instructions per slice, 0 = runner default */
#define SVMF_OFF_GC 52u        /* u8 collector: SVMF_GC_COPY or SVMF_GC_COMPACT */
#define SVMF_OFF_RESERVED 53u  /* u8[3] must be 0 */
#define SVMF_OFF_DEVICES 56u   /* 8 x char[16] device names, NUL padded */
#define SVMF_OFF_XCHANS 184u   /* 4 x 24-byte inter-container channel declarations */
#define SVMF_XCHAN_SIZE 24u    /* char[16] name, u8 dir, u8 policy, u16 depth, u32 0 */

#define SVMF_HEAP_MIN 512u
/* The heap a manifest may claim (issue 16): 16 MiB where pointers are 32-bit (every
 * board: the sizes a container's memory adds up to stay below 4 GiB); on 64-bit hosts
 * what a heap reference (a 32-bit byte offset, isa.md §2) can address, less 1 MiB so
 * that hp + one object and globals + the heap never wrap a 32-bit size: 4095 MiB. */
#define SVMF_HEAP_MAX_32 (16u << 20)
#if UINTPTR_MAX > 0xffffffffu
#define SVMF_HEAP_MAX 0xfff00000u
#else
#define SVMF_HEAP_MAX SVMF_HEAP_MAX_32
#endif
#define SVMF_ARRAYS_MAX (16u << 20) /* array storage: 0..this, multiple of 8 */
#define SVMF_STACK_MIN 256u
#define SVMF_STACK_MAX (4u << 20)
#define SVMF_CONTEXTS_MAX 256u
#define SVMF_CHANNELS_MAX 1024u
#define SVMF_GLOBALS_MAX 65535u

enum { SVMF_GC_COPY = 0, SVMF_GC_COMPACT = 1 }; /* issue 17: docs/runtime.md */
enum { SVMF_POLICY_STOP = 0, SVMF_POLICY_RESTART = 1, SVMF_POLICY_LOG = 2 };
enum { SVMF_XCHAN_SEND = 0, SVMF_XCHAN_RECV = 1 };
enum { SVMF_XPOLICY_DROP_NEW = 0, SVMF_XPOLICY_OVERWRITE = 1 };

/* Defaults used by the linker when no option sets a field. */
#define SVMF_DEFAULT_HEAP (64u << 10)
#define SVMF_DEFAULT_STACK (16u << 10)
#define SVMF_DEFAULT_CONTEXTS 8u
#define SVMF_DEFAULT_CHANNELS 16u

/* ---- LINES section entries: {u32 address, u32 position, u32 file} ----
 * `position` packs the source line (bits 0..19, 1..1048575) and column (bits 20..31,
 * 1..4095; 0 = not known), so that an image without columns reads as before. `file`
 * (format minor 1) packs the file-name offset (bits 0..19: the linker writes at most
 * SVIMG_LINES_MAX bytes) and the end (bits 20..31): OCaml's end character, the offset
 * just past the code's source text from the start of its first line (1..4095, 0 = not
 * known), so that minor-0 tables (no end) read as before. */
#define SVIMG_LINE_MAX 0xfffffu
#define SVIMG_COL_MAX 0xfffu
#define SVIMG_LINES_MAX (1u << 20)
#define SVIMG_POS(line, col) (((uint32_t)(col) << 20) | ((uint32_t)(line)&SVIMG_LINE_MAX))
#define SVIMG_POS_LINE(p) ((p)&SVIMG_LINE_MAX)
#define SVIMG_POS_COL(p) ((p) >> 20)
#define SVIMG_LFILE(off, end) (((uint32_t)(end) << 20) | ((uint32_t)(off) & (SVIMG_LINES_MAX - 1u)))
#define SVIMG_LFILE_OFF(w) ((w) & (SVIMG_LINES_MAX - 1u))
#define SVIMG_LFILE_END(w) ((w) >> 20)

/* ---- constant pool: u32 count; u32 offset[count]; objects ---- */
/* Each offset (from the start of the CONST section) points at an object header word; the
 * objects lie after the offset table, 4-aligned, ascending, non-overlapping, inside the
 * section. Allowed kinds: STRING and FLOAT. A constant value is (offset | SVOBJ_CONST_TAG). */
#define SVIMG_CONST_MAX 65535u

/* ---- object header word (heap objects and constants alike) ----
 *   31                    12 11    8 7      0
 *  +------------------------+-------+--------+
 *  | size (payload words)   | kind  |  tag   |
 *  +------------------------+-------+--------+                                          */
#define SVOBJ_TAG(h) ((h)&0xffu)
#define SVOBJ_KIND(h) (((h) >> 8) & 0xfu)
#define SVOBJ_SIZE(h) ((h) >> 12)
#define SVOBJ_HEADER(kind, tag, size)                                                              \
    (((uint32_t)(size) << 12) | ((uint32_t)(kind) << 8) | (uint32_t)(tag))
#define SVOBJ_SIZE_MAX 0xfffffu
enum svobj_kind {
    SVOBJ_BLOCK = 0,          /* tuple/record/constructor/ref/exception: size value fields */
    SVOBJ_CLOSURE = 1,        /* field0 = code offset (int), field1 = arity (int), then free vars */
    SVOBJ_PAP = 2,            /* partial application: field0 = closure, then the held arguments */
    SVOBJ_STRING = 3,         /* word0 = byte length, then bytes (padding zero) */
    SVOBJ_FLOAT = 4,          /* two words: IEEE-754 double, little-endian */
    SVOBJ_ARRAY = 5,          /* mutable array: size value fields */
    SVOBJ_BYTES = 6,          /* like STRING but mutable */
    SVOBJ_KIND_PUBLIC_MAX = 6 /* kinds 7..15 are the runtime's own (forwarding, free) */
};
#define SVOBJ_TAG_EXN 248u /* exception values: block, field0 = name string, then args */
#define SVOBJ_CONST_TAG 2u /* value low bits 10: constant-pool reference */

/* ---- sealing (src/image.c) ---- */
/* SHA-256 over img[0..len) with the CRC/SHA fields and SIGNATURE contents as zero. */
void svimg_digest(const uint8_t *img, uint32_t len, uint8_t digest[32]);
/* CRC-32 over img[0..len) with the CRC field as zero. */
uint32_t svimg_crc(const uint8_t *img, uint32_t len);
/* Fill in the SHA-256 and then the CRC-32 of a complete image. */
void svimg_seal(uint8_t *img, uint32_t len);

/* ---- debug info: reading SYMBOLS and LINES, formatting backtraces (src/debuginfo.c) ----
 * For the host tools (the runner's fault reports, senseasm --addr2line); freestanding, no
 * memory. The sections must have passed the loader's checks (or be absent: NULL/0). */
typedef struct svimg_debug {
    const uint8_t *code;
    uint32_t code_size;
    const uint8_t *symbols;
    uint32_t symbols_size;
    const uint8_t *lines;
    uint32_t lines_size;
} svimg_debug_t;

/* The code symbol at or below pc (the function holding it): its name, *start = its
 * address; NULL without one. */
const char *svimg_symbol_at(const svimg_debug_t *d, uint32_t pc, uint32_t *start);
/* The source position of pc (the last LINES entry at or below it): the file name,
 * *pos = SVIMG_POS(line, column), *end (if not NULL) = its end character (0 = not
 * known); NULL without one. */
const char *svimg_line_at(const svimg_debug_t *d, uint32_t pc, uint32_t *pos, uint32_t *end);

/* A backtrace entry (the runtime's svm_backtrace_t.pc[], a target's `svm-bt` line) is a
 * code offset: with SVIMG_BT_EXACT, the pc of the raising or faulting instruction; without,
 * a return address (the frame's call site is the instruction before it). */
#define SVIMG_BT_EXACT 0x80000000u
/* One backtrace line as OCaml prints it with OCAMLRUNPARAM=b (docs/runtime.md, "Debugging
 * a program"), without a newline: entry `index` (0 = innermost) of a backtrace;
 * `first` is the verb of an exact entry 0 ("Raised at", "Trapped at"), NULL to choose it
 * from the instruction ("Raised at" for `raise`, else "Raised by primitive operation at").
 *   Raised at Q.find in file "q.ml", line 2, characters 4-19
 *   Called from Q.g in file "q.ml", line 3, character 4   (no end known: a minor-0 table)
 *   Called from Q.g in file "q.ml", line 4            (no column known)
 *   Called from Q.g (pc 0x0048)                       (no LINES: a stripped image)
 *   Called from unknown location (pc 0x0048)          (no SYMBOLS either)
 * The characters are 0-based, start and end, as OCaml's "characters C-E".
 * Returns the length; writes at most cap-1 bytes and a NUL. */
/* 1 when a backtrace entry is the return into the program's entry stub that sensec
 * generates (`main`, without a LINES entry of its own, in an image that has LINES): OCaml
 * shows no frame for it, and the report leaves it out. */
int svimg_frame_hidden(const svimg_debug_t *d, uint32_t entry);
size_t svimg_format_frame(const svimg_debug_t *d, uint32_t entry, uint32_t index, const char *first,
                          char *buf, size_t cap);

#endif
