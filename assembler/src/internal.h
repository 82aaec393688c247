/* SPDX-License-Identifier: MIT
 * internal.h — helpers shared inside the assembler library: allocation (aborts on
 * failure), growable arrays, a string builder, and the assembler's parser state (shared
 * with the Bison grammar and the Flex scanner).
 */
#ifndef SVASM_INTERNAL_H
#define SVASM_INTERNAL_H

#include <sensevm/asm.h>
#include <sensevm/image.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *asm_xmalloc(size_t n);
void *asm_xcalloc(size_t n, size_t sz);
void *asm_xrealloc(void *p, size_t n);
char *asm_xstrdup(const char *s);
char *asm_xstrndup(const char *s, size_t n);

/* Grow array `p` (count `n`, capacity `cap`) to hold one more element. */
#define ASM_GROW(p, n, cap)                                                                        \
    do {                                                                                           \
        if ((n) >= (cap)) {                                                                        \
            (cap) = (cap) ? (cap)*2 : 8;                                                           \
            (p) = asm_xrealloc((p), (size_t)(cap) * sizeof *(p));                                  \
        }                                                                                          \
    } while (0)

typedef struct asm_sb {
    char *s;
    size_t len, cap;
} asm_sb_t;
void asm_sb_printf(asm_sb_t *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void asm_sb_add(asm_sb_t *b, const char *s, size_t n);
char *asm_sb_take(asm_sb_t *b); /* never NULL */

/* Format a float constant so that it reads back as a float: "3.25", "1.0", "nan", "-inf". */
void asm_fmt_float(double v, char *buf, size_t cap);

/* ---- parser state (assemble.c, parser.y, lexer.l) ---- */
typedef struct asm_loc {
    int line, col;
} asm_loc_t;

enum { OPND_INT, OPND_FLOAT, OPND_STR, OPND_SYM, OPND_NUMREF };

typedef struct asm_opnd {
    int kind;
    asm_loc_t loc;
    int64_t ival; /* OPND_INT (with sign), OPND_SYM addend, OPND_NUMREF number */
    int big;      /* integer literal did not fit in 64 bits */
    int suffixed; /* integer had a K/M suffix */
    double fval;
    char *str; /* OPND_STR bytes, OPND_SYM name; OPND_NUMREF: 'b' or 'f' in ival sign */
    size_t len;
    int dir; /* OPND_NUMREF: 'b' or 'f' */
} asm_opnd_t;

struct asm_state;
typedef struct asm_state asm_state_t;

/* Called by the grammar. Strings passed in are taken over (freed by the callee). */
void asm_on_label(asm_state_t *st, char *name, asm_loc_t loc);
void asm_on_numlabel(asm_state_t *st, int64_t num, asm_loc_t loc);
void asm_on_operand(asm_state_t *st, const asm_opnd_t *op);
void asm_on_stmt(asm_state_t *st, char *name, asm_loc_t loc);
void asm_on_syntax_error(asm_state_t *st, asm_loc_t loc, const char *msg);
void asm_on_lex_error(asm_state_t *st, asm_loc_t loc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void asm_clear_operands(asm_state_t *st);
int asm_lex_error_line(const asm_state_t *st);
/* The error budget is spent (svasm_diags_t.max_errors): the scanner ends the input. */
int asm_stopped(const asm_state_t *st);

/* Scanner position bookkeeping (the scanner's extra data). */
typedef struct asm_scan_extra {
    asm_state_t *st;
    int line, col;
    int eof_nl; /* a final NEWLINE was already returned at end of input */
} asm_scan_extra_t;

/* Run the generated parser over src. Returns the Bison result. */
int asm_run_parser(asm_state_t *st, const char *src, size_t len);

/* ---- a string-keyed hash map (binary keys, not owned) to int ---- */
typedef struct asm_map {
    struct asm_map_ent {
        const void *key;
        size_t len;
        int val;
        int used;
    } * e;
    size_t n, cap;
} asm_map_t;
int asm_map_get(const asm_map_t *m, const void *key, size_t len, int *val);
void asm_map_put(asm_map_t *m, const void *key, size_t len, int val);
void asm_map_free(asm_map_t *m);

/* Manifest field validation shared by `.manifest` and the linker options: checks key and
 * value, and writes the canonical value text into canon. Returns NULL, or the error text
 * (written into canon; give it 192 bytes). */
const char *asm_mfield_check(const char *key, const char *value, int value_is_num, int64_t num,
                             char *canon, size_t canoncap);
int asm_valid_name(const char *s);
/* An inter-container channel declaration (`.manifest xchan "NAME:DIR[:DEPTH[:POLICY]]"`,
 * `--xchan`): DIR send|recv, DEPTH 1..65535 (default 1), POLICY drop|overwrite (default
 * drop). Fills *out (may be NULL) and the canonical text "NAME:DIR:DEPTH:POLICY" into
 * canon; returns NULL or the error text (written into canon, 192 bytes). */
typedef struct asm_xchan {
    char name[SVIMG_NAME_MAX];
    uint8_t dir, policy;
    uint16_t depth;
} asm_xchan_t;
const char *asm_xchan_parse(const char *spec, asm_xchan_t *out, char *canon, size_t canoncap);

/* Lay out and seal an image (image.c): the sections in the order given, each at the next
 * multiple of 4 (data NULL: zeros); the header's DEBUG/SIGNED flags follow from the kinds
 * (sections.def). Fills *layout (may be NULL) with where each section went. Returns the
 * malloc'ed image, or NULL if it would exceed SVIMG_MAX_SIZE. */
typedef struct asm_section {
    uint32_t kind;
    const uint8_t *data;
    uint32_t size;
} asm_section_t;
uint8_t *asm_image_build(const asm_section_t *s, uint32_t nsect, uint32_t *outlen,
                         svimg_sections_t *layout);

/* Members of an ar archive (archive.c): names "lib.a(member.o)" (malloc'ed), data views
 * into buf. Returns 0, or -1 after an error in *d. */
typedef struct asm_ar_member {
    char *name;
    const uint8_t *data;
    size_t size;
} asm_ar_member_t;
int asm_ar_list(const char *name, const uint8_t *buf, size_t len, asm_ar_member_t **out,
                size_t *nout, svasm_diags_t *d);

#endif
