/* SPDX-License-Identifier: MIT
 * sensevm/asm.h — the Sense-VM assembler, object-file, linker, image and disassembler
 * library behind `senseasm` (hosted C11: it allocates; it never prints or exits).
 * Object format: bytecode-spec/object-format.md; image format: <sensevm/image.h>.
 *
 * Invariants: every function that can fail reports through a svasm_diags_t list (GNU-style
 * records: file, line, column, severity, message, source line) and returns an error flag;
 * the caller decides how to print. Allocation failure aborts (host tool library).
 */
#ifndef SENSEVM_ASM_H
#define SENSEVM_ASM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SVASM_VERSION "0.1.0"

/* ---- diagnostics ---- */
typedef enum { SVASM_ERROR, SVASM_WARNING, SVASM_NOTE } svasm_severity_t;

typedef struct svasm_diag {
    char *file;    /* NULL: a tool-level message */
    int line, col; /* 1-based; 0 = none (binary inputs) */
    svasm_severity_t severity;
    char *msg;
    char *srcline; /* the source line, or a bounded excerpt of a long one, or NULL */
    int caret;     /* 1-based column of the caret in srcline; 0: use col */
    struct svasm_diag *next;
} svasm_diag_t;

typedef struct svasm_diags {
    svasm_diag_t *head, *tail;
    int nerrors, nwarnings;
    int max_errors; /* set by the caller: record at most this many errors (0: no limit) */
    int truncated;  /* an error beyond max_errors came: it and all later records dropped,
                     * and the assembler stopped reading its input */
} svasm_diags_t;

void svasm_diag_add(svasm_diags_t *d, svasm_severity_t sev, const char *file, int line, int col,
                    const char *srcline, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
void svasm_diags_free(svasm_diags_t *d);
#define SVASM_MAX_ERRORS_DEFAULT 20 /* senseasm --max-errors, as gcc's -fmax-errors */
#define SVASM_EXCERPT_MAX 120       /* longer source lines are echoed as an excerpt */

/* ---- in-memory object (one assembled file; mirrors the ELF object) ---- */
enum { SVASM_SYM_UNDEF = 0, SVASM_SYM_CODE = 1, SVASM_SYM_VAR = 2 };
enum { SVASM_BIND_LOCAL = 0, SVASM_BIND_GLOBAL = 1 };
/* Relocation types (ELF r_type values, object-format.md §4). */
enum {
    SVASM_R_NONE = 0,
    SVASM_R_PC32 = 1,    /* i32 := S + A - I (I = start of the instruction holding the field) */
    SVASM_R_CONST16 = 2, /* u16 := final pool index of this object's constant A */
    SVASM_R_VAR16 = 3    /* u16 := final global-variable slot of variable symbol S */
};

typedef struct svasm_sym {
    char *name;
    uint8_t kind;   /* SVASM_SYM_* */
    uint8_t bind;   /* SVASM_BIND_* */
    uint32_t value; /* code offset, or local variable slot */
    uint32_t size;  /* code: bytes up to the next symbol */
} svasm_sym_t;

typedef struct svasm_reloc {
    uint32_t offset; /* of the field in the code */
    uint8_t type;    /* SVASM_R_* */
    int32_t sym;     /* symbol index, or -1 = the section itself (code / constants) */
    int32_t addend;
} svasm_reloc_t;

typedef struct svasm_const {
    uint8_t kind;  /* SVOBJ_STRING or SVOBJ_FLOAT */
    uint32_t len;  /* payload bytes (string length, 8 for a float) */
    uint8_t *data; /* string bytes / IEEE double little-endian */
} svasm_const_t;

typedef struct svasm_line {
    uint32_t offset;
    uint32_t line; /* line and column, packed: SVIMG_POS (<sensevm/image.h>) */
    uint32_t end;  /* OCaml's end character (0..SVIMG_COL_MAX, 0 = not known) */
    char *file;
} svasm_line_t;

typedef struct svasm_mfield {
    char *key, *value; /* manifest directive as written: ("heap", "16384") */
    int line;
} svasm_mfield_t;

typedef struct svasm_obj {
    char *name; /* file name for messages */
    uint8_t *code;
    uint32_t code_size;
    svasm_const_t *consts;
    uint32_t nconsts;
    svasm_sym_t *syms;
    uint32_t nsyms;
    svasm_reloc_t *relocs;
    uint32_t nrelocs;
    uint32_t nvars;
    svasm_mfield_t *manifest;
    uint32_t nmanifest;
    svasm_line_t *lines;
    uint32_t nlines;
} svasm_obj_t;

void svasm_obj_free(svasm_obj_t *o);

/* Assemble src[0..len) (named `file` in diagnostics). Returns the object, or NULL after
 * errors (recorded in *d). */
svasm_obj_t *svasm_assemble(const char *file, const char *src, size_t len, svasm_diags_t *d);

/* Write the object as an ELF32 relocatable file (object-format.md). Returns 0 on success. */
int svasm_obj_write(const svasm_obj_t *o, const char *path, svasm_diags_t *d);
/* read: the buffer need not outlive the result. Returns NULL after errors. */
svasm_obj_t *svasm_obj_from_elf(const char *name, const uint8_t *buf, size_t len, svasm_diags_t *d);
int svasm_is_elf(const uint8_t *buf, size_t len);
int svasm_is_archive(const uint8_t *buf, size_t len);
int svasm_is_image(const uint8_t *buf, size_t len);

/* ---- manifest settings (linker options); unset fields are -1 / NULL ---- */
typedef struct svasm_mset {
    const char *name;
    long priority, policy, heap, stack, arrays, contexts, channels, heartbeat, fuel, gc;
    const char *devices[16];
    int ndevices;
    const char *xchans[16]; /* inter-container channels "NAME:DIR[:DEPTH[:POLICY]]" */
    int nxchans;
} svasm_mset_t;
void svasm_mset_init(svasm_mset_t *m);
/* Parse a size with optional K/M suffix ("64K"); returns 0 on success. */
int svasm_parse_size(const char *s, long *out);
/* "stop"/"restart"/"log" -> SVMF_POLICY_*, or -1 */
int svasm_parse_policy(const char *s);
/* "copy"/"compact" -> SVMF_GC_*, or -1 (the collector, issue 17) */
int svasm_parse_gc(const char *s);

/* ---- linker ---- */
typedef struct svasm_input {
    const char *name;   /* path, for messages */
    const uint8_t *buf; /* ELF object or ar archive (must live through svasm_link) */
    size_t len;
    svasm_obj_t *obj; /* or an already assembled object (buf == NULL); not freed */
} svasm_input_t;

typedef struct svasm_link_opts {
    const char *entry;   /* default "main" */
    const char *outname; /* default manifest name is derived from it */
    svasm_mset_t mset;
    int no_dce;            /* keep every chunk */
    int strip;             /* no SYMBOLS and LINES sections */
    int sign;              /* end the image with a zeroed 64-byte SIGNATURE section, for the
                          * caller to sign: svimg_digest, write the signature at
                          * img[*imglen - 64], svimg_seal */
    char **map;            /* if non-NULL: receives a malloc'ed map-file text */
    svasm_mset_t mdefault; /* defaults (senseasm --board): only for the scalar fields that
                            * neither mset nor the objects' manifests set */
} svasm_link_opts_t;
void svasm_link_opts_init(svasm_link_opts_t *o);

/* Link the inputs into a sealed image (malloc'ed, *img / *imglen). Returns 0 on success. */
int svasm_link(const svasm_input_t *in, size_t nin, const svasm_link_opts_t *opts, uint8_t **img,
               uint32_t *imglen, svasm_diags_t *d);

/* ---- image reading (structure only; the loader validates fully) ---- */
typedef struct svasm_image {
    const uint8_t *base;
    uint32_t size, flags, nsect;
    uint16_t major, minor;
    struct {
        uint32_t kind, offset, size;
    } sect[8];
    const uint8_t *code, *consts, *manifest, *symbols, *lines;
    uint32_t code_size, consts_size, symbols_size, lines_size, nconsts;
} svasm_image_t;
/* Returns 0 and fills *out if the header and section table are sane. */
int svasm_image_parse(const uint8_t *buf, size_t len, svasm_image_t *out, svasm_diags_t *d,
                      const char *name);

/* ---- debug information of an image (SYMBOLS, LINES), bounds-checked ---- */
typedef struct svasm_dsym {
    uint32_t addr;
    const char *name; /* inside the image */
} svasm_dsym_t;
typedef struct svasm_dline {
    uint32_t addr, pos; /* pos: SVIMG_POS (line and column) */
    uint32_t end;       /* OCaml's end character, 0 = not known (SVIMG_LFILE_END) */
    const char *file;   /* inside the image */
} svasm_dline_t;
typedef struct svasm_debuginfo {
    svasm_dsym_t *syms; /* ascending addresses; entries that break the bounds are skipped */
    size_t nsyms;
    svasm_dline_t *lines; /* ascending addresses */
    size_t nlines;
} svasm_debuginfo_t;
/* Read the image's SYMBOLS and LINES (empty when absent or stripped). */
void svasm_debuginfo_read(const svasm_image_t *im, svasm_debuginfo_t *out);
void svasm_debuginfo_free(svasm_debuginfo_t *di);
/* One line for code address pc (senseasm --addr2line): "0x0024 main prog.ml:12:5" —
 * the function is the symbol at or below pc ("??" if none), the position the line entry
 * at or below pc ("??:0:0" if none; column 0 when not known). malloc'ed. */
char *svasm_addr2line(const svasm_debuginfo_t *di, uint32_t code_size, uint32_t pc);

/* ---- signing ---- */
/* Copy of the sealed image img[0..len) with a 64-byte SIGNATURE section appended as the
 * last section (contents `sig`, or zeros when sig is NULL), the SIGNED flag set, and
 * resealed (svimg_seal). The caller signs with: svimg_digest over the result (which reads
 * the signature as zero), write the 64 signature bytes at out[*outlen - 64], svimg_seal.
 * Returns the malloc'ed image, or NULL after an error in *d (malformed image, already
 * signed, no free section slot). */
uint8_t *svasm_image_add_signature(const uint8_t *img, uint32_t len, const uint8_t sig[64],
                                   uint32_t *outlen, svasm_diags_t *d);

/* ---- disassembly ---- */
/* A symbol lookup: name at exactly code offset `off`, or NULL. */
typedef const char *(*svasm_symname_fn)(void *ctx, uint32_t off);

/* Text of the instruction at code[0..avail) (which sits at code offset `pc`), in assembler
 * syntax, e.g. `quote 10`, `svc print_string`; label operands print as raw offsets relative
 * to the instruction (`branch 12`) or, when `names` knows the target, as its name.
 * Returns the instruction length (0: undecodable; the text is then a comment). */
uint32_t svasm_disasm_insn(const uint8_t *code, size_t avail, uint32_t pc, char *text,
                           size_t textcap, svasm_symname_fn names, void *ctx);

/* Whole-file listings (objects and images), re-assemblable; malloc'ed text. */
char *svasm_disasm_obj(const svasm_obj_t *o);
char *svasm_disasm_image(const svasm_image_t *img);
char *svasm_info_obj(const svasm_obj_t *o);
char *svasm_info_image(const svasm_image_t *img);

/* Quote a string constant in assembler syntax (with escapes); malloc'ed. */
char *svasm_quote(const uint8_t *s, size_t len);

/* ---- output formats ---- */
enum { SVASM_FMT_RAW, SVASM_FMT_C, SVASM_FMT_IHEX };
/* Render the image in a format; malloc'ed, *outlen bytes. `symbol` names the C array. */
uint8_t *svasm_format(const uint8_t *img, uint32_t len, int fmt, const char *symbol, uint32_t base,
                      size_t *outlen);

#ifdef __cplusplus
}
#endif
#endif
