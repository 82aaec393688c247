/* SPDX-License-Identifier: MIT
 * sensevm/bytecode.h — instruction set of the Sense-VM CAM, generated from opcodes.def and
 * services.def: opcode and service enums, info tables, and a tiny freestanding
 * encoder/decoder. No malloc, no stdio.
 *
 * Invariant: an instruction is one opcode byte followed by its operands, packed, little
 * endian, exactly as the operand shape string of its table row says; nothing is aligned.
 */
#ifndef SENSEVM_BYTECODE_H
#define SENSEVM_BYTECODE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Instruction flags (the `flags` column of opcodes.def). */
enum {
    SVBC_F_BR = 1u << 0,    /* has label operand(s) */
    SVBC_F_END = 1u << 1,   /* control never falls through to the next instruction */
    SVBC_F_CALL = 1u << 2,  /* pushes a return frame */
    SVBC_F_ALLOC = 1u << 3, /* may allocate (and so run the GC) */
    SVBC_F_TRAP = 1u << 4,  /* may trap or raise */
    SVBC_F_YIELD = 1u << 5, /* may block or switch context */
    SVBC_F_ENTRY = 1u << 6, /* its label is a function's entry: the operand after it */
    SVBC_F_PUSHA = 1u << 7  /* pushes A before anything else it does (a fused push) */
};

/* Service flags (services.def). */
enum {
    SVBC_S_ALLOC = 1u << 0,
    SVBC_S_BLOCK = 1u << 1,
    SVBC_S_DEVICE = 1u << 2,
    SVBC_S_RAISE = 1u << 3
};

typedef enum svbc_opcode {
#define OP(name, code, operands, pop, push, flags, doc) SVBC_OP_##name = code,
#include <sensevm/opcodes.def>
#undef OP
    SVBC_OP_COUNT_ = 256
} svbc_opcode_t;

typedef enum svbc_service {
#define SVC(name, num, arity, flags, doc) SVBC_SVC_##name = num,
#include <sensevm/services.def>
#undef SVC
    SVBC_SVC_LIMIT = 128 /* service numbers are below this */
} svbc_service_t;

/* Operand kinds, the letters of the shape strings. */
typedef enum svbc_operand_kind {
    SVBC_OPND_U8 = 'b',
    SVBC_OPND_U16 = 'h',
    SVBC_OPND_IMM = 'i',
    SVBC_OPND_LABEL = 'l',
    SVBC_OPND_CONST = 'k',
    SVBC_OPND_GLOBAL = 'g',
    SVBC_OPND_SERVICE = 's',
    SVBC_OPND_TABLE = 't',
    SVBC_OPND_SLOT = 'a',     /* u8: stack slot S[n] read or written */
    SVBC_OPND_PUSHSLOT = 'p', /* u8: push A, then stack slot S[n] read */
    SVBC_OPND_COUNT = 'n',    /* u8: pops n slots */
    SVBC_OPND_VALUES = 'c',   /* u8: n values, A the first: pops n-1 slots */
    SVBC_OPND_VALUES16 = 'C', /* u16: array elements, A the first: pops n-1; at least 1 */
    SVBC_OPND_FIELDS = 'F',   /* u16: block fields, A the first: pops n-1; at least 1 */
    SVBC_OPND_TAG = 'T',      /* u8: block tag, at most SVOBJ_TAG_EXN */
    SVBC_OPND_ARITY = 'r',    /* u8: closure arity, at least 1 */
    SVBC_OPND_FRAME = 'm'     /* u16: frame slots a return or tail call drops */
} svbc_operand_kind_t;

#define SVBC_MAX_OPERANDS 3
#define SVBC_IMM_MIN (-(1L << 30))
#define SVBC_IMM_MAX ((1L << 30) - 1)

/* Build configuration of the info tables (docs/porting.md, "Code size"):
 *   SVBC_CFG_NO_DOCS   drops the one-line doc strings (`doc`), which only tools show.
 *   SVBC_CFG_NO_NAMES  (implies SVBC_CFG_NO_DOCS; the Cortex-M cross files set both) also
 *                      takes the mnemonics and service names out of the tables: `name` is
 *                      then only a flag (1 = assigned, 0 = hole), so tests written
 *                      `!svbc_opinfo[op].name` work unchanged, and code that wants the text
 *                      calls svbc_op_name / svbc_svc_name, whose table is in an object of its
 *                      own that a firmware links only if it calls them (or svbc_lookup_*).
 * The whole program must be compiled with the same configuration (it changes the layout). */
#if defined(SVBC_CFG_NO_NAMES) && !defined(SVBC_CFG_NO_DOCS)
#define SVBC_CFG_NO_DOCS 1
#endif

typedef struct svbc_opinfo {
#ifndef SVBC_CFG_NO_NAMES
    const char *name; /* NULL for an unassigned code */
#endif
    const char *operands; /* shape string, "" for none */
    int8_t pop, push;     /* -1: depends on operands (svbc_stack_effect) */
    uint8_t flags;
#ifdef SVBC_CFG_NO_NAMES
    uint8_t name; /* 1 for an assigned code, 0 for a hole (text: svbc_op_name) */
#endif
#ifndef SVBC_CFG_NO_DOCS
    const char *doc;
#endif
} svbc_opinfo_t;

typedef struct svbc_svcinfo {
#ifdef SVBC_CFG_NO_NAMES
    uint8_t name; /* 1 for an assigned number, 0 for a hole (text: svbc_svc_name) */
#else
    const char *name; /* NULL for an unassigned number */
#endif
    uint8_t arity;
    uint8_t flags;
#ifndef SVBC_CFG_NO_DOCS
    const char *doc;
#endif
} svbc_svcinfo_t;

/* Indexed by opcode / service number; holes have name == NULL. */
extern const svbc_opinfo_t svbc_opinfo[256];
extern const svbc_svcinfo_t svbc_svcinfo[SVBC_SVC_LIMIT];

/* A decoded instruction. For switch, `table` points at the first i32 label in the code
 * buffer (read them with svbc_read_i32) and opnd[0] = nint, opnd[1] = nblk. */
typedef struct svbc_insn {
    uint8_t op;
    uint8_t nopnd;
    uint32_t len;                    /* total encoded bytes */
    int32_t opnd[SVBC_MAX_OPERANDS]; /* operand values in shape order */
    const uint8_t *table;
} svbc_insn_t;

static inline uint16_t svbc_read_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline int32_t svbc_read_i32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
                     ((uint32_t)p[3] << 24));
}
static inline void svbc_write_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void svbc_write_i32(uint8_t *p, int32_t v)
{
    uint32_t u = (uint32_t)v;
    p[0] = (uint8_t)u;
    p[1] = (uint8_t)(u >> 8);
    p[2] = (uint8_t)(u >> 16);
    p[3] = (uint8_t)(u >> 24);
}

/* Size in bytes of one operand kind (the table kind 't' reports its 4-byte head). */
unsigned svbc_operand_size(char kind);

/* Decode the instruction at code[0..avail). Returns its length, or 0 if the opcode is
 * unassigned or the instruction does not fit in `avail` bytes. Never reads past avail. */
uint32_t svbc_decode(const uint8_t *code, size_t avail, svbc_insn_t *out);

/* Encode `op` with operands `opnd` (and, for switch, `labels` of nint+nblk entries) into
 * out[0..cap). Returns the length written, or 0 if it does not fit or an operand is out of
 * its range. With out == NULL, returns the length only. */
uint32_t svbc_encode(uint8_t op, const int32_t *opnd, const int32_t *labels, uint8_t *out,
                     size_t cap);

/* Stack effect of a decoded instruction, from its row's pop/push columns and its operand
 * kinds (counts, services): slots popped and pushed. Returns 0 if statically known, -1 if
 * not (a -1 column: return and tail-call frames). */
int svbc_stack_effect(const svbc_insn_t *insn, int *pop, int *push);

/* The depth the stack must have before the instruction, from its operand kinds: more
 * than every stack slot `a` it reads, as many as it pops, and for a slot `p` read after
 * k pushes more than n - k. For a frame-replacing instruction (dynamic effect): its n
 * arguments and the m slots of its frame, less the A it pushes first (PUSHA). */
uint32_t svbc_stack_need(const svbc_insn_t *insn);

/* Look up a mnemonic / service name (exact, lower case). Returns -1 if unknown. */
int svbc_lookup_op(const char *name, size_t len);
int svbc_lookup_svc(const char *name, size_t len);

/* The mnemonic of opcode op / the name of service num, or NULL for a hole or an
 * out-of-range number. Available in every configuration (src/names.c). */
const char *svbc_op_name(unsigned op);
const char *svbc_svc_name(unsigned num);

/* CRC-32 (IEEE 802.3, reflected, as zlib): start with crc = 0. */
uint32_t svbc_crc32(uint32_t crc, const void *data, size_t len);

/* SHA-256, incremental. */
typedef struct svbc_sha256 {
    uint32_t h[8];
    uint64_t total;
    uint8_t buf[64];
    uint32_t fill;
} svbc_sha256_t;
void svbc_sha256_init(svbc_sha256_t *s);
void svbc_sha256_update(svbc_sha256_t *s, const void *data, size_t len);
void svbc_sha256_final(svbc_sha256_t *s, uint8_t digest[32]);

#ifdef __cplusplus
}
#endif
#endif
