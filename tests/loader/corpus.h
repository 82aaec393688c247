/* SPDX-License-Identifier: MIT
 * corpus.h — the bad-image corpus, as code: a valid image built in memory with
 * svbc_encode + svimg_seal, and one mutation per validator rule that breaks exactly that
 * rule (re-sealing unless the rule is about the CRC/SHA) and returns the expected offset.
 * Shared by gen_corpus (which writes tests/loader/corpus/) and the Criterion tests.
 */
#ifndef SVL_TEST_CORPUS_H
#define SVL_TEST_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/loader.h>

#define CORPUS_CAP 4096u

/* Marked instructions of the test program (code offsets in corpus_img_t.at). */
enum {
    M_QUOTE,
    M_PUSH,
    M_MAKEBLOCK,
    M_ARRAYN,
    M_CONST,
    M_SVC,
    M_SETVAR,
    M_CUR,
    M_BRANCH,
    M_SWITCH,
    M_LAST,
    M_G,
    M_COUNT
};

enum { V_BASE, V_DEBUG, V_SIGNED, V_COUNT };

typedef struct corpus_img {
    uint8_t b[CORPUS_CAP];
    uint32_t size, nsect;
    uint32_t code_off, code_size, const_off, const_size, man_off;
    uint32_t e_code, e_const, e_man, e_sym, e_lines, e_sig; /* table entry offsets */
    uint32_t sig_off, sym_off, lines_off;
    uint32_t cobj[4]; /* CONST-relative offsets of the four constants */
    uint32_t at[M_COUNT];
} corpus_img_t;

typedef struct corpus_case {
    const char *file; /* "<rule>[-variant].svm"; <rule> is the svl_result_name */
    svl_result_t code;
    int variant;                          /* V_* base image */
    uint32_t (*mutate)(corpus_img_t *im); /* returns the expected error offset */
} corpus_case_t;

extern const corpus_case_t corpus_cases[];
extern const size_t corpus_ncases;

/* A valid image of the given variant. */
void corpus_build(corpus_img_t *im, int variant);
/* A valid image (but for what the code breaks) with the given code and entry point. The
 * CONST section holds 4 constants and the manifest declares 2 globals. */
void corpus_build_with(corpus_img_t *im, int variant, const uint8_t *code, uint32_t code_size,
                       uint32_t entry);
/* Recompute the SHA-256 and CRC-32 over im->b[0..im->size). */
void corpus_reseal(corpus_img_t *im);
/* Build case c's image; returns the expected error offset. */
uint32_t corpus_make(const corpus_case_t *c, corpus_img_t *im);

#endif
