/* SPDX-License-Identifier: MIT
 * test_diag.c — assembler diagnostics: exact message, line and column for bad syntax,
 * unknown mnemonics, operands out of range, undefined and duplicate labels, bad directives.
 */
#include "helpers.h"

#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#define EXPECT(src, want) cr_expect_str_eq(t_first_error(src), want, "source: %s", src)

Test(diag, unknown_instruction)
{
    EXPECT("main:\n        pushh\n", "2:9: unknown instruction 'pushh'");
    EXPECT("main: quote 1\n\tPUSH\n", "2:2: unknown instruction 'PUSH'");
}

Test(diag, unknown_directive)
{
    EXPECT("  .data\n", "1:3: unknown directive '.data'");
    EXPECT("  .section .rodata\n", "1:12: unknown section (only .text holds code)");
}

Test(diag, bad_syntax)
{
    EXPECT("main: quote 1 2\n",
           "1:15: syntax error, unexpected integer, expecting end of line or ','");
    EXPECT("main:\n  quote 1,\n", "2:11: syntax error, unexpected end of line");
    EXPECT("main: acc 0\n  halt @\n", "2:8: stray '@' in program");
    EXPECT("  const \"abc\n", "1:9: missing terminating '\"' character");
    EXPECT("  const \"a\\qb\"\n", "1:11: unknown escape sequence '\\q'");
    EXPECT("  const -foo\n", "1:10: expected a number after '-'");
    EXPECT(": halt\n", "1:1: syntax error, unexpected ':', expecting end of file or integer or "
                       "identifier or end of line");
}

Test(diag, operand_count)
{
    EXPECT("main:\n  acc 1, 2\n", "2:3: 'acc' expects 1 operand, got 2");
    EXPECT("main:\n  halt 1\n", "2:3: 'halt' expects 0 operands, got 1");
    EXPECT("main:\n  makeblock 1\n", "2:3: 'makeblock' expects 2 operands, got 1");
    EXPECT("main:\n  switch 1, 1, main\n", "2:3: 'switch' with 1+1 cases expects 2 labels, got 1");
}

Test(diag, operand_out_of_range)
{
    EXPECT("main:\n  acc 256\n", "2:7: operand out of range: 256 (expected 0..255)");
    EXPECT("main:\n  acc -1\n", "2:7: operand out of range: -1 (expected 0..255)");
    EXPECT("main:\n  return 65536\n", "2:10: operand out of range: 65536 (expected 0..65535)");
    EXPECT("main:\n  quote 1073741824\n",
           "2:9: operand out of range: 1073741824 (expected -1073741824..1073741823)");
    EXPECT("main:\n  quote -1073741825\n",
           "2:9: operand out of range: -1073741825 (expected -1073741824..1073741823)");
    EXPECT("main:\n  quote 99999999999999999999\n",
           "2:9: operand out of range: integer too large (expected -1073741824..1073741823)");
    EXPECT("main:\n  acc 1K\n", "2:7: size suffix not allowed here");
    EXPECT("main:\n  svc no_such_service\n", "2:7: unknown service 'no_such_service'");
    EXPECT("main:\n  acc main\n", "2:7: expected an integer");
    EXPECT("main:\n  const main\n",
           "2:9: expected a constant (a string or a floating-point number)");
}

Test(diag, undefined_label)
{
    EXPECT("main:\n  branch nowhere\n", "2:10: undefined label 'nowhere'");
    EXPECT("main:\n  branch .Lx\n", "2:10: undefined label '.Lx'");
    EXPECT("main:\n  branch 1f\n1: halt\n  branch 2b\n", "4:10: undefined label '2b'");
    EXPECT("main:\n  switch 1, 0, .Lmissing\n", "2:16: undefined label '.Lmissing'");
    EXPECT("main:\n  getvar nothing\n", "2:10: undefined variable 'nothing'");
    EXPECT("  .var v\nmain:\n  branch v\n",
           "3:10: 'v' is a global variable, where a code label is expected");
    EXPECT("main:\n  getvar main\n",
           "2:10: 'main' is a code label, where a global variable is expected");
}

Test(diag, duplicate_label)
{
    EXPECT("main:\n  nop\nmain:\n  halt\n", "3:1: duplicate label 'main'");
    EXPECT(".Lx: nop\n.Lx: halt\n", "2:1: duplicate label '.Lx'");
    EXPECT("  .var x\nx: halt\n", "2:1: duplicate label 'x'");
    EXPECT("  .extern f\nf: halt\n", "2:1: 'f' is declared .extern and cannot be defined here");
}

Test(diag, manifest)
{
    EXPECT("  .manifest heap 100\n",
           "1:18: manifest 'heap' out of range: 100 (expected 512..4293918720, a multiple of 8)");
    /* 4293918720 = SVMF_HEAP_MAX on a 64-bit host (issue 16) */
    EXPECT("  .manifest colour 3\n", "1:13: unknown manifest key 'colour'");
    EXPECT("  .manifest policy reboot\n",
           "1:20: bad policy 'reboot' (expected stop, restart or log)");
    EXPECT("  .manifest name \"this-name-is-far-too-long\"\n",
           "1:18: bad name 'this-name-is-far-too-long' (1..15 characters of A-Z a-z 0-9 _ . -)");
}

Test(diag, source_line_and_several_errors)
{
    svasm_diags_t d = {0};
    const char *src = "main:\n\tacc 300\n\tpushh\n\tbranch nope\nmain: halt\n";
    svasm_obj_t *o = svasm_assemble("p.s", src, strlen(src), &d);
    cr_assert_null(o);
    cr_assert_eq(d.nerrors, 4);
    svasm_diag_t *g = d.head;
    cr_assert_str_eq(g->file, "p.s");
    cr_assert_eq(g->line, 2);
    cr_assert_eq(g->col, 6);
    cr_assert_str_eq(g->srcline, "\tacc 300");
    g = g->next;
    cr_assert_eq(g->line, 3);
    cr_assert_str_eq(g->msg, "unknown instruction 'pushh'");
    g = g->next;
    cr_assert_eq(g->line, 4);
    g = g->next;
    cr_assert_eq(g->line, 5);
    cr_assert_str_eq(g->msg, "duplicate label 'main'");
    g = g->next;
    cr_assert_eq(g->severity, SVASM_NOTE);
    cr_assert_eq(g->line, 1);
    cr_assert_str_eq(g->msg, "'main' was first defined here");
    svasm_diags_free(&d);
}

Test(diag, good_program_has_no_diagnostics)
{
    const char *src = "; comment\n"
                      "        .text\n"
                      "        .section .text\n"
                      "        .global main, List.map\n"
                      "        .extern print\n"
                      "        .var counter\n"
                      "        .manifest name \"hello\"\n"
                      "        .manifest heap 16K\n"
                      "        .manifest device \"led0\"\n"
                      "        .manifest policy restart\n"
                      "        .file \"prog.ml\"\n"
                      "        .line 12\n"
                      "main:   quote 0x10\n"
                      "        push\n"
                      "        call List.map, 1\n"
                      "        call print, 0\n"
                      "        getvar counter\n"
                      "        halt\n"
                      "List.map: acc 0\n"
                      "        return 1\n";
    svasm_diags_t d = {0};
    svasm_obj_t *o = svasm_assemble("g.s", src, strlen(src), &d);
    cr_assert_not_null(o);
    cr_assert_eq(d.nerrors + d.nwarnings, 0);
    cr_assert_eq(o->nmanifest, 4);
    cr_assert_str_eq(o->manifest[1].value, "16384");
    cr_assert_eq(o->nlines, 1);
    cr_assert_eq(o->lines[0].line, 12);
    cr_assert_str_eq(o->lines[0].file, "prog.ml");
    svasm_obj_free(o);
    svasm_diags_free(&d);
}

/* regression (fuzz_asm_parse): a last line ending in "\r" without "\n" put the caret past
 * the excerpt, which has the '\r' stripped */
Test(diag, caret_stays_inside_the_excerpt)
{
    svasm_diags_t d = {0};
    svasm_obj_t *o = svasm_assemble("f.s", "8\r", 2, &d);
    cr_assert_null(o);
    cr_assert_not_null(d.head);
    cr_assert_not_null(d.head->srcline);
    cr_assert_str_eq(d.head->srcline, "8");
    cr_assert(d.head->caret >= 1 && (size_t)d.head->caret <= strlen(d.head->srcline) + 1,
              "caret %d", d.head->caret);
    svasm_diags_free(&d);
}
