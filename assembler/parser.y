/* SPDX-License-Identifier: MIT
 * parser.y — the Sense-VM assembly grammar (pure, prefix asm). Line oriented:
 *   line    := label* [stmt] NEWLINE
 *   label   := IDENT ':' | INT ':'
 *   stmt    := IDENT [opnd {',' opnd}] | IDENT IDENT value     (.manifest key value)
 *   opnd    := ['-'] INT | ['-'] FLOAT | '-' IDENT | STRING | IDENT [('+'|'-') INT] | NUMREF
 * Semantics live in assemble.c; the actions only forward tokens there.
 */
%define api.pure full
%define api.prefix {asm}
%define parse.error verbose
%define parse.lac full
%locations
%param { yyscan_t scanner }
%parse-param { asm_state_t *st }

%code requires {
#include "internal.h"
typedef void *yyscan_t;
}

%code {
#include <math.h>
#include <stdlib.h>
#include <string.h>
int asmlex(ASMSTYPE *lval, ASMLTYPE *lloc, yyscan_t scanner);
static void asmerror(ASMLTYPE *loc, yyscan_t scanner, asm_state_t *st, const char *msg);
static asm_loc_t L(ASMLTYPE l) { asm_loc_t r = {l.first_line, l.first_column}; return r; }
static void opnd_int(asm_state_t *st, ASMLTYPE l, uint64_t v, int big, int suffixed, int neg)
{
    asm_opnd_t o;
    memset(&o, 0, sizeof o);
    o.kind = OPND_INT;
    o.loc = L(l);
    o.big = big || v > (uint64_t)INT64_MAX;
    o.suffixed = suffixed;
    o.ival = o.big ? 0 : (neg ? -(int64_t)v : (int64_t)v);
    asm_on_operand(st, &o);
}
static void opnd_float(asm_state_t *st, ASMLTYPE l, double f)
{
    asm_opnd_t o;
    memset(&o, 0, sizeof o);
    o.kind = OPND_FLOAT;
    o.loc = L(l);
    o.fval = f;
    asm_on_operand(st, &o);
}
static void opnd_sym(asm_state_t *st, ASMLTYPE l, char *name, uint64_t add, int big, int neg)
{
    asm_opnd_t o;
    memset(&o, 0, sizeof o);
    o.kind = OPND_SYM;
    o.loc = L(l);
    o.str = name;
    o.big = big || add > 0x7fffffffu;
    o.ival = neg ? -(int64_t)add : (int64_t)add;
    asm_on_operand(st, &o);
}
}

%union {
    struct { uint64_t v; int big; int suffixed; } num;
    struct { int64_t n; int dir; } ref;
    double f;
    struct { char *s; size_t len; } str;
    char *id;
}

%token <num> INT "integer"
%token <f> FLOAT "floating-point number"
%token <str> STRING "string"
%token <id> IDENT "identifier"
%token <ref> NUMREF "local label reference"
%token NEWLINE "end of line"
%token BADCHAR "invalid token"

%destructor { free($$.s); } <str>
%destructor { free($$); } <id>

%%
program: %empty
       | program line
       ;

line: labels stmt NEWLINE
    | labels NEWLINE
    | error NEWLINE         { yyerrok; asm_clear_operands(st); }
    ;

labels: %empty
      | labels label
      ;

label: IDENT ':'            { asm_on_label(st, $1, L(@1)); }
     | INT ':'              { if ($1.big || $1.suffixed || $1.v > 0x7fffffff) {
                                  asm_on_syntax_error(st, L(@1), "bad local label number");
                              } else
                                  asm_on_numlabel(st, (int64_t)$1.v, L(@1)); }
     ;

stmt: IDENT opnds           { asm_on_stmt(st, $1, L(@1)); }
    | IDENT IDENT           { opnd_sym(st, @2, $2, 0, 0, 0); }
      value                 { asm_on_stmt(st, $1, L(@1)); }
    ;

value: INT                  { opnd_int(st, @1, $1.v, $1.big, $1.suffixed, 0); }
     | STRING               { asm_opnd_t o; memset(&o, 0, sizeof o); o.kind = OPND_STR;
                              o.loc = L(@1); o.str = $1.s; o.len = $1.len;
                              asm_on_operand(st, &o); }
     | IDENT                { opnd_sym(st, @1, $1, 0, 0, 0); }
     ;

opnds: %empty
     | opnd_list
     ;

opnd_list: opnd
         | opnd_list ',' opnd
         ;

opnd: INT                   { opnd_int(st, @1, $1.v, $1.big, $1.suffixed, 0); }
    | '-' INT               { opnd_int(st, @1, $2.v, $2.big, $2.suffixed, 1); }
    | FLOAT                 { opnd_float(st, @1, $1); }
    | '-' FLOAT             { opnd_float(st, @1, -$2); }
    | '-' IDENT             { if (strcmp($2, "inf") == 0 || strcmp($2, "nan") == 0) {
                                  opnd_float(st, @1, strcmp($2, "inf") == 0 ? -(double)HUGE_VAL
                                                                            : -(double)NAN);
                                  free($2);
                              } else {
                                  free($2);
                                  asm_on_lex_error(st, L(@2), "expected a number after '-'");
                              } }
    | STRING                { asm_opnd_t o; memset(&o, 0, sizeof o); o.kind = OPND_STR;
                              o.loc = L(@1); o.str = $1.s; o.len = $1.len;
                              asm_on_operand(st, &o); }
    | IDENT                 { opnd_sym(st, @1, $1, 0, 0, 0); }
    | IDENT '+' INT         { opnd_sym(st, @1, $1, $3.v, $3.big, 0); }
    | IDENT '-' INT         { opnd_sym(st, @1, $1, $3.v, $3.big, 1); }
    | NUMREF                { asm_opnd_t o; memset(&o, 0, sizeof o); o.kind = OPND_NUMREF;
                              o.loc = L(@1); o.ival = $1.n; o.dir = $1.dir;
                              asm_on_operand(st, &o); }
    ;
%%

static void asmerror(ASMLTYPE *loc, yyscan_t scanner, asm_state_t *st, const char *msg)
{
    (void)scanner;
    if (asm_lex_error_line(st) == loc->first_line)
        return; /* the scanner already explained this line */
    asm_on_syntax_error(st, L(*loc), msg);
}
