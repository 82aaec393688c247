/* SPDX-License-Identifier: MIT
 * sensevm/value.h — THE value representation of the Sense-VM runtime (isa.md §2). Every
 * other runtime file uses these accessors; nothing else knows the bit layout.
 *
 * Glossary
 *   value      one 32-bit word (svm_value_t) on every host, so a program behaves the same
 *              on the desktop and on a 32-bit microcontroller.
 *   immediate  a tagged 31-bit integer: word = (n << 1) | 1. (), false, [] and None are
 *              the integer 0, true is 1, chars are 0..255, constant constructors 0, 1, …
 *   heap ref   byte offset (> 0, multiple of 4) of an object header in the container's
 *              *current* heap semispace. Never a machine address: a value means nothing
 *              outside its container.
 *   const ref  byte offset of an object header in the image's CONST section, | 2. The
 *              object is read-only (STRING or FLOAT).
 *   header     the first word of every object (image.h): size:20 | kind:4 | tag:8, size in
 *              payload words. Fields follow the header.
 *
 *    31                                1 0
 *   +-----------------------------------+-+
 *   | signed 31-bit integer n           |1|   immediate: (n << 1) | 1
 *   +---------------------------------+-+-+
 *   | byte offset into the heap       |0 0|   heap reference (offset > 0)
 *   +---------------------------------+-+-+
 *   | byte offset into CONST section  |1 0|   constant-pool reference
 *   +---------------------------------+---+
 *
 *   object:  [ header | field 0 | field 1 | … ]      header = size:20 kind:4 tag:8
 *
 * Invariants
 *   - Integer instructions force the tag bit, so bytecode cannot forge a reference: every
 *     word held in a register, stack slot, global or scanned heap field is an immediate, a
 *     valid const ref or a valid heap ref. The GC relies on this (it is precise).
 *   - Integers wrap modulo 2^31 (OCaml on a 32-bit platform). Arithmetic is done on the
 *     tagged words with unsigned C arithmetic (no undefined behaviour).
 *   - Floats are IEEE-754 doubles boxed in a 2-word FLOAT object (little-endian, read with
 *     memcpy: objects are only 4-aligned).
 *   - Hosts are little-endian (checked in vm.c).
 */
#ifndef SENSEVM_VALUE_H
#define SENSEVM_VALUE_H

#include <stdint.h>

#include <sensevm/image.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t svm_value_t;

#define SVM_VAL_UNIT ((svm_value_t)1u) /* (), false, [], None: integer 0 */
#define SVM_VAL_FALSE ((svm_value_t)1u)
#define SVM_VAL_TRUE ((svm_value_t)3u) /* integer 1 */
#define SVM_INT_MIN (-(1L << 30))
#define SVM_INT_MAX ((1L << 30) - 1)

/* ---- immediates ---- */
static inline int svm_is_int(svm_value_t v) { return (int)(v & 1u); }
/* The integer of an immediate (arithmetic shift: gcc/clang define >> on negatives). */
/* cppcheck-suppress shiftNegativeLHS ; implementation-defined, arithmetic on gcc and clang */
static inline int32_t svm_val_int(svm_value_t v) { return (int32_t)v >> 1; }
/* The immediate of n; n is wrapped to 31 bits. */
static inline svm_value_t svm_int_val(int32_t n) { return ((uint32_t)n << 1) | 1u; }
static inline svm_value_t svm_bool_val(int b) { return b ? SVM_VAL_TRUE : SVM_VAL_FALSE; }

/* ---- references ---- */
static inline int svm_is_ptr(svm_value_t v) { return (v & 3u) == 0; } /* heap ref */
static inline int svm_is_const(svm_value_t v) { return (v & 3u) == SVOBJ_CONST_TAG; }
static inline int svm_is_ref(svm_value_t v) { return (v & 1u) == 0; } /* heap or const */
static inline uint32_t svm_ref_offset(svm_value_t v) { return v & ~3u; }
static inline svm_value_t svm_const_val(uint32_t off) { return off | SVOBJ_CONST_TAG; }

/* ---- header words ---- */
static inline uint32_t svm_hd_size(uint32_t hd) { return SVOBJ_SIZE(hd); }
static inline uint32_t svm_hd_kind(uint32_t hd) { return SVOBJ_KIND(hd); }
static inline uint32_t svm_hd_tag(uint32_t hd) { return SVOBJ_TAG(hd); }
static inline uint32_t svm_make_header(uint32_t kind, uint32_t tag, uint32_t size)
{
    return SVOBJ_HEADER(kind, tag, size);
}

/* Runtime-private kind: a from-space object already copied; field 0 = its new offset. */
#define SVM_KIND_FORWARD 7u

#ifdef __cplusplus
}
#endif
#endif
