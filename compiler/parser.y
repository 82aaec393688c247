/* SPDX-License-Identifier: MIT
 * parser.y — the sensec grammar (reentrant Bison parser, prefix "ml"). It follows the
 * shape and the precedence table of OCaml's own parser.mly, restricted to the subset
 * described in docs/language.md; it builds the AST of ast.h.
 */
%define api.pure full
%define api.prefix {ml}
%define parse.error verbose
%locations
%param { yyscan_t scanner }
%parse-param { program_t *prog }

%code requires {
#include "ast.h"
typedef void *yyscan_t;
struct tokstr { const char *s; int len; loc_t loc; };
struct toknum { long v; int big; loc_t loc; };
}

%code {
/* deep right-nested input (a :: b :: … , e1; e2; …) lives on Bison's own stack, not C's */
#define YYMAXDEPTH 10000000
#include <string.h>
#include <stdlib.h>
int mllex(MLSTYPE *lval, MLLTYPE *lloc, yyscan_t scanner);
static void mlerror(MLLTYPE *l, yyscan_t sc, program_t *p, const char *msg)
{
    (void)sc; (void)p;
    loc_t lc = { l->first_line, l->first_column, l->last_line, l->last_column };
    if (strncmp(msg, "syntax error, unexpected end of file", 36) == 0)
        diag_error(lc, "Syntax error: unexpected end of file");
    else
        diag_error(lc, "Syntax error");
}
static loc_t L(MLLTYPE a) { loc_t r = { a.first_line, a.first_column, a.last_line, a.last_column }; return r; }
static loc_t LL(MLLTYPE a, MLLTYPE b) { loc_t r = { a.first_line, a.first_column, b.last_line, b.last_column }; return r; }
static vec_t *nv(void) { return xalloc(sizeof(vec_t)); }
static vec_t *v1(void *x) { vec_t *v = nv(); vpush(v, x); return v; }
static expr_t *mk_list(loc_t l, vec_t *items, expr_t *tail)
{
    expr_t *r = tail ? tail : mk_constr(l, "[]", NULL);
    for (int i = items->n - 1; i >= 0; i--) {
        expr_t *t = mk_expr(E_TUPLE, l);
        t->n = 2; t->args = xalloc(2 * sizeof(expr_t *));
        t->args[0] = items->v[i]; t->args[1] = r;
        r = mk_constr(l, "::", t);
    }
    return r;
}
static pat_t *mk_plist(loc_t l, vec_t *items)
{
    pat_t *r = mk_pconstr(l, "[]", NULL);
    for (int i = items->n - 1; i >= 0; i--) {
        pat_t *t = mk_pat(P_TUPLE, l);
        t->n = 2; t->sub = xalloc(2 * sizeof(pat_t *));
        t->sub[0] = items->v[i]; t->sub[1] = r;
        r = mk_pconstr(l, "::", t);
    }
    return r;
}
static pat_t *pvar(loc_t l, const char *name);
static binding_t *mk_binding(loc_t l, pat_t *p, expr_t *e);
static expr_t *mk_cases(int kind, loc_t l, expr_t *scrut, vec_t *cases);
/* fun p1 … pn -> body; (type t) parameters are kept apart, in scope in the whole function */
static expr_t *mk_fun(loc_t l, vec_t *params, expr_t *body)
{
    expr_t *f = mk_expr(E_FUN, l);
    vec_t *ps = nv(), *nt = nv();
    for (int i = 0; i < params->n; i++) {
        pat_t *p = params->v[i];
        if (p->kind == P_NEWTYPE) vpush(nt, (void *)p->name);
        else vpush(ps, p);
    }
    /* ?(x = d): the parameter x is an option; the body sees
     * let x = match x with Some x -> x | None -> d (parameters left to right) */
    for (int i = ps->n - 1; i >= 0; i--) {
        pat_t *p = ps->v[i];
        if (!p->pdefault) continue;
        expr_t *d = p->pdefault;
        p->pdefault = NULL;
        if (d->kind == E_CONSTRAINT && !d->a) continue; /* ?(x : t): no default */
        vec_t *cs = nv();
        mcase_t *c1 = xalloc(sizeof *c1), *c2 = xalloc(sizeof *c2);
        c1->pat = mk_pconstr(p->loc, "Some", pvar(p->loc, p->name)); c1->body = mk_var(p->loc, p->name);
        c2->pat = mk_pconstr(p->loc, "None", NULL); c2->body = d;
        vpush(cs, c1); vpush(cs, c2);
        binding_t *b = mk_binding(p->loc, pvar(p->loc, p->name), mk_cases(E_MATCH, p->loc, mk_var(p->loc, p->name), cs));
        expr_t *let = mk_expr(E_LET, body->loc);
        let->n = 1; let->binds = xalloc(sizeof(binding_t *)); let->binds[0] = b; let->a = body;
        body = let;
    }
    if (ps->n == 0) {
        if (body->kind != E_FUN) fatal_at(l, "(type t) without a following parameter is not supported by Sense (see docs/language.md)");
        f = body;
    } else {
        f->n = ps->n; f->params = (pat_t **)vec_to_array(ps); f->a = body;
    }
    for (int i = 0; i < nt->n; i++) {
        const char **a = xalloc(sizeof(char *) * (size_t)(f->n_newtypes + 1));
        if (f->n_newtypes) memcpy(a, f->newtypes, sizeof(char *) * (size_t)f->n_newtypes);
        a[f->n_newtypes++] = nt->v[i];
        f->newtypes = a;
    }
    return f;
}
/* let* p1 = e1 and* p2 = e2 in body  ==>  ( let* ) (( and* ) e1 e2) (fun (p1, p2) -> body);
 * bs holds the first binding, then (operator, binding) pairs */
static expr_t *mk_letop(loc_t l, struct tokstr op, vec_t *bs, expr_t *body)
{
    binding_t *b0 = bs->v[0];
    expr_t *acc = b0->e;
    pat_t *pacc = b0->pat;
    for (int i = 1; i + 1 < bs->n; i += 2) {
        struct tokstr *aop = bs->v[i];
        binding_t *b = bs->v[i + 1];
        acc = mk_app(l, mk_var(aop->loc, aop->s), 2, (expr_t *[]){ acc, b->e });
        pat_t *t = mk_pat(P_TUPLE, b->loc);
        t->n = 2; t->sub = xalloc(2 * sizeof(pat_t *)); t->sub[0] = pacc; t->sub[1] = b->pat;
        pacc = t;
    }
    return mk_app(l, mk_var(op.loc, op.s), 2, (expr_t *[]){ acc, mk_fun(l, v1(pacc), body) });
}
static expr_t *mk_seq(loc_t l, expr_t *a, expr_t *b)
{
    expr_t *s = mk_expr(E_SEQ, l); s->a = a; s->b = b; return s;
}
static expr_t *mk_cases(int kind, loc_t l, expr_t *scrut, vec_t *cases)
{
    expr_t *m = mk_expr(kind, l);
    m->a = scrut; m->n = cases->n; m->cases = (mcase_t **)vec_to_array(cases);
    return m;
}
/* match e with cases | exception p -> h: the value cases must run outside the handler, so
 *   (try let v = e in fun () -> match v with cases with p -> fun () -> h) ()
 * (a closure per evaluation; exceptions that no case names propagate as from e). */
static int synth_n;
static expr_t *mk_match_exn(loc_t l, expr_t *scrut, vec_t *cases)
{
    vec_t *vc = nv(), *ec = nv();
    for (int i = 0; i < cases->n; i++) {
        mcase_t *c = cases->v[i];
        if (!c->exn) { vpush(vc, c); continue; }
        mcase_t *h = xalloc(sizeof *h);
        *h = *c;
        h->exn = 0;
        h->body = mk_fun(c->body->loc, v1(mk_pconstr(c->body->loc, "()", NULL)), c->body);
        vpush(ec, h);
    }
    if (vc->n == 0) fatal_at(l, "None of the patterns in this 'match' expression match values.");
    const char *v = xfmt("match%%%d", ++synth_n);
    binding_t *b = xalloc(sizeof *b);
    b->pat = mk_pat(P_VAR, scrut->loc); b->pat->name = v; b->e = scrut; b->loc = scrut->loc;
    expr_t *inner = mk_cases(E_MATCH, l, mk_var(scrut->loc, v), vc);
    expr_t *let = mk_expr(E_LET, l);
    let->n = 1; let->binds = xalloc(sizeof(binding_t *)); let->binds[0] = b;
    let->a = mk_fun(l, v1(mk_pconstr(l, "()", NULL)), inner);
    expr_t *t = mk_cases(E_TRY, l, let, ec);
    return mk_app(l, t, 1, (expr_t *[]){ mk_constr(l, "()", NULL) });
}
static expr_t *mk_match(loc_t l, expr_t *scrut, vec_t *cases)
{
    for (int i = 0; i < cases->n; i++)
        if (((mcase_t *)cases->v[i])->exn) return mk_match_exn(l, scrut, cases);
    return mk_cases(E_MATCH, l, scrut, cases);
}
static vec_t *no_exn_cases(vec_t *cases)
{
    for (int i = 0; i < cases->n; i++)
        if (((mcase_t *)cases->v[i])->exn) fatal_at(((mcase_t *)cases->v[i])->pat->loc, "Exception patterns are not allowed in this position.");
    return cases;
}
static item_t *mk_exn_item(loc_t l, const char *name, vec_t *args)
{
    item_t *it = xalloc(sizeof *it);
    it->kind = I_EXN; it->loc = l; it->name = name;
    if (args) {
        it->nargs = args->n; it->args = (texpr_t **)vec_to_array(args);
        it->tuple_arg = (args->n == 1 && it->args[0]->kind == TE_TUPLE);
    }
    return it;
}
static item_t *mk_item(int kind, loc_t l, const char *name)
{
    item_t *it = xalloc(sizeof *it); it->kind = kind; it->loc = l; it->name = name; return it;
}
static modexpr_t *mk_me(int kind, loc_t l)
{
    modexpr_t *m = xalloc(sizeof *m); m->kind = kind; m->loc = l; return m;
}
static tydef_t *mk_with(loc_t l, vec_t *params, const char *name, texpr_t *te, int subst)
{
    tydef_t *d = xalloc(sizeof *d);
    d->name = name; d->loc = l; d->nparams = params->n; d->params = (const char **)vec_to_array(params);
    d->kind = TD_ALIAS; d->alias = te; d->subst = subst;
    return d;
}
static modtype_t *mk_mt(int kind, loc_t l)
{
    modtype_t *m = xalloc(sizeof *m); m->kind = kind; m->loc = l; return m;
}
/* (X : S) (Y : T) -> body: one ME_FUNCTOR per parameter; params holds name, type pairs */
static modexpr_t *mk_functor(loc_t l, vec_t *params, modexpr_t *body)
{
    for (int i = params->n - 2; i >= 0; i -= 2) {
        modexpr_t *f = mk_me(ME_FUNCTOR, l);
        f->path = params->v[i]; f->mt = params->v[i + 1]; f->f = body;
        body = f;
    }
    return body;
}
/* a generative functor's () parameter: a module of the empty signature nobody names */
static vec_t *unit_param(loc_t l)
{
    vec_t *ps = v1((void *)"()");
    vpush(ps, mk_mt(MT_SIG, l));
    return ps;
}
static expr_t *constrain(loc_t l, expr_t *e, texpr_t *t)
{
    if (!t) return e;
    expr_t *c = mk_expr(E_CONSTRAINT, l); c->a = e; c->cty = t; return c;
}
static pat_t *constrain_pat(loc_t l, pat_t *p, texpr_t *t)
{
    if (!t) return p;
    pat_t *c = mk_pat(P_CONSTRAINT, l); c->n = 1; c->sub = xalloc(sizeof(pat_t *)); c->sub[0] = p; c->cty = t;
    return c;
}
static binding_t *mk_binding(loc_t l, pat_t *p, expr_t *e)
{
    binding_t *b = xalloc(sizeof *b); b->pat = p; b->e = e; b->loc = l; return b;
}
static pat_t *pvar(loc_t l, const char *name)
{
    pat_t *p = mk_pat(P_VAR, l); p->name = name; return p;
}
static pat_t *pchar_range(loc_t l, long a, long b)
{
    pat_t *r = NULL;
    for (long c = a; c <= b; c++) {
        pat_t *p = mk_pat(P_CHAR, l); p->ival = c;
        if (!r) r = p;
        else { pat_t *o = mk_pat(P_OR, l); o->n = 2; o->sub = xalloc(2 * sizeof(pat_t *)); o->sub[0] = r; o->sub[1] = p; r = o; }
    }
    if (!r) { r = mk_pat(P_CHAR, l); r->ival = a; }
    return r;
}
}

%union {
    struct tokstr str;
    struct toknum num;
    expr_t *expr;
    pat_t *pat;
    texpr_t *te;
    vec_t *vec;
    binding_t *bind;
    mcase_t *mcase;
    item_t *item;
    tydef_t *tydef;
    modexpr_t *me;
    modtype_t *mt;
    int flag;
}

%token <str> LIDENT UIDENT UPATH MODDOT QLIDENT TYVAR STRING FLOAT LABEL TILDEID
%token <str> LETOP ANDOP OPTLABEL OPTID
%token QUESTION TILDE
%token <str> INFIXOP0 INFIXOP1 INFIXOP2 INFIXOP3 INFIXOP4 PREFIXOP
%token <str> EQUAL STAR MINUS MINUSDOT PLUS PLUSDOT BANG COLONEQUAL BARBAR AMPERAMPER
%token <num> INT CHAR
%token MODULE STRUCT SIG VAL INCLUDE FUNCTOR LAZY
%token AND AS ASSERT BEGIN_ DO DONE DOWNTO ELSE END EXCEPTION FALSE FOR FUN FUNCTION IF IN
%token INTERFACE /* first token of a .mli file (lexer.l parse_interface) */
%token LET MATCH MUTABLE OF OPEN OR REC THEN TO TRUE TRY TYPE WHEN WHILE WITH UNSUPPORTED
%token UNDERSCORE LPAREN RPAREN LBRACKET RBRACKET LBRACKETBAR BARRBRACKET LBRACE RBRACE
%token COMMA SEMI SEMISEMI DOT DOTDOT COLON COLONCOLON LESSMINUS MINUSGREATER BAR

%nonassoc IN
%nonassoc below_SEMI
%nonassoc SEMI
%nonassoc LET
%nonassoc below_WITH
%nonassoc FUNCTION WITH
%nonassoc THEN
%nonassoc ELSE
%nonassoc LESSMINUS
%right COLONEQUAL
%nonassoc AS
%left BAR
%nonassoc below_COMMA
%left COMMA
%right MINUSGREATER
%right OR BARBAR
%right AMPERAMPER
%nonassoc below_EQUAL
%left INFIXOP0 EQUAL
%right INFIXOP1
%right COLONCOLON
%left INFIXOP2 PLUS PLUSDOT MINUS MINUSDOT
%left INFIXOP3 STAR
%right INFIXOP4
%nonassoc prec_unary_minus
%nonassoc prec_constant_constructor
%nonassoc prec_constr_appl
%nonassoc below_DOT
%nonassoc DOT
%precedence BEGIN_ CHAR FALSE FLOAT INT LBRACE LBRACKET LBRACKETBAR LIDENT LPAREN PREFIXOP
          STRING TRUE UIDENT UPATH MODDOT QLIDENT BANG

%type <expr> seq_expr expr simple_expr signed_const_expr arg_expr
%type <pat> pattern simple_pattern signed_const
%type <te> core_type core_type2 simple_core_type opt_constraint
%type <str> type_constr
%type <vec> simple_expr_list expr_comma_list expr_semi_list simple_pattern_list let_bindings
%type <vec> match_cases pattern_comma_list pattern_semi_list record_fields lbl_pattern_list
%type <vec> core_type_star_list core_type_comma_list type_decls constructor_decls label_decls
%type <vec> type_params tyvar_list structure structure_tail
%type <bind> let_binding
%type <mcase> match_case
%type <vec> match_case_or
%type <item> top_item
%type <tydef> type_decl with_constraint
%type <vec> with_constraints
%type <str> val_ident operator constr_ident mod_path
%type <me> module_expr module_binding_body
%type <mt> module_type
%type <vec> signature functor_params letop_bindings
%type <item> sig_item
%type <flag> rec_flag direction opt_mutable

%start program
%%

program:
    structure { for (int i = 0; i < $1->n; i++) vpush(&prog->items, $1->v[i]); }
  | INTERFACE signature { for (int i = 0; i < $2->n; i++) vpush(&prog->items, $2->v[i]); }
  ;
structure:
    seq_expr structure_tail
      { item_t *it = xalloc(sizeof *it); it->kind = I_EXPR; it->e = $1; it->loc = $1->loc;
        $$ = v1(it); for (int i = 0; i < $2->n; i++) vpush($$, $2->v[i]); }
  | structure_tail { $$ = $1; }
  ;
structure_tail:
    %empty { $$ = nv(); }
  | SEMISEMI structure { $$ = $2; }
  | top_item structure_tail { $$ = v1($1); for (int i = 0; i < $2->n; i++) vpush($$, $2->v[i]); }
  ;
top_item:
    LET rec_flag let_bindings
      { $$ = xalloc(sizeof *$$); $$->kind = I_LET; $$->loc = LL(@1, @3); $$->rec = $2; $$->n = $3->n; $$->binds = (binding_t **)vec_to_array($3); }
  | TYPE type_decls
      { $$ = xalloc(sizeof *$$); $$->kind = I_TYPE; $$->loc = LL(@1, @2); $$->n = $2->n; $$->tydefs = (tydef_t **)vec_to_array($2); }
  | EXCEPTION UIDENT { $$ = mk_exn_item(LL(@1, @2), $2.s, NULL); }
  | EXCEPTION UIDENT OF core_type_star_list { $$ = mk_exn_item(LL(@1, @4), $2.s, $4); }
  | OPEN mod_path { $$ = mk_item(I_OPEN, LL(@1, @2), $2.s); }
  | MODULE UIDENT module_binding_body { $$ = mk_item(I_MODULE, LL(@1, @3), $2.s); $$->me = $3; }
  | MODULE UNDERSCORE module_binding_body { $$ = mk_item(I_MODULE, LL(@1, @3), "_"); $$->me = $3; }
  | MODULE REC { fatal_at(LL(@1, @2), "recursive modules (module rec) are not supported by Sense (see docs/language.md)"); }
  | MODULE TYPE UIDENT EQUAL module_type { $$ = mk_item(I_MODTYPE, LL(@1, @5), $3.s); $$->mt = $5; }
  | INCLUDE module_expr { $$ = mk_item(I_INCLUDE, LL(@1, @2), NULL); $$->me = $2; }
  ;

/* ---- modules ---- */
mod_path: UIDENT { $$ = $1; } | UPATH { $$ = $1; } ;
module_binding_body:
    EQUAL module_expr { $$ = $2; }
  | COLON module_type EQUAL module_expr
      { $$ = mk_me(ME_CONSTRAINT, LL(@1, @4)); $$->f = $4; $$->mt = $2; }
  | LPAREN UIDENT COLON module_type RPAREN module_binding_body
      { vec_t *ps = v1((void *)$2.s); vpush(ps, $4); $$ = mk_functor(LL(@1, @6), ps, $6); }
  | LPAREN RPAREN module_binding_body { $$ = mk_functor(LL(@1, @3), unit_param(L(@1)), $3); }
  ;
functor_params:
    LPAREN UIDENT COLON module_type RPAREN { $$ = v1((void *)$2.s); vpush($$, $4); }
  | LPAREN RPAREN { $$ = unit_param(L(@1)); }
  | functor_params LPAREN RPAREN { vec_t *u = unit_param(L(@2)); vpush($1, u->v[0]); vpush($1, u->v[1]); $$ = $1; }
  | functor_params LPAREN UIDENT COLON module_type RPAREN { vpush($1, (void *)$3.s); vpush($1, $5); $$ = $1; }
  ;
module_expr:
    STRUCT structure END
      { $$ = mk_me(ME_STRUCT, LL(@1, @3)); for (int i = 0; i < $2->n; i++) vpush(&$$->items, $2->v[i]); }
  | mod_path { $$ = mk_me(ME_PATH, L(@1)); $$->path = $1.s; }
  | module_expr LPAREN module_expr RPAREN { $$ = mk_me(ME_APPLY, LL(@1, @4)); $$->f = $1; $$->arg = $3; }
  | module_expr LPAREN RPAREN
      { $$ = mk_me(ME_APPLY, LL(@1, @3)); $$->f = $1; $$->arg = mk_me(ME_STRUCT, LL(@2, @3)); }
  | FUNCTOR functor_params MINUSGREATER module_expr { $$ = mk_functor(LL(@1, @4), $2, $4); }
  | LPAREN module_expr COLON module_type RPAREN { $$ = mk_me(ME_CONSTRAINT, LL(@1, @5)); $$->f = $2; $$->mt = $4; }
  | LPAREN module_expr RPAREN { $$ = $2; }
  ;
module_type:
    SIG signature END
      { $$ = mk_mt(MT_SIG, LL(@1, @3)); for (int i = 0; i < $2->n; i++) vpush(&$$->items, $2->v[i]); }
  | mod_path { $$ = mk_mt(MT_PATH, L(@1)); $$->path = $1.s; }
  | module_type WITH with_constraints { $$ = mk_mt(MT_WITH, LL(@1, @3)); $$->base = $1; $$->items = *$3; }
  | FUNCTOR LPAREN UIDENT COLON module_type RPAREN MINUSGREATER module_type
      { $$ = mk_mt(MT_FUNCTOR, LL(@1, @8)); $$->path = $3.s; $$->param = $5; $$->base = $8; }
  | LPAREN module_type RPAREN { $$ = $2; }
  | module_type MINUSGREATER module_type %prec below_WITH
      { $$ = mk_mt(MT_FUNCTOR, LL(@1, @3)); $$->path = "_"; $$->param = $1; $$->base = $3; }
  ;
/* with type t = u and type 'a s := v: tydef_t* aliases (subst: :=); module N = M is
 * accepted and not checked (NULL) */
with_constraints:
    with_constraint { $$ = nv(); if ($1) vpush($$, $1); }
  | with_constraints AND with_constraint { if ($3) vpush($1, $3); $$ = $1; }
  ;
with_constraint:
    TYPE type_params LIDENT EQUAL core_type { $$ = mk_with(L(@3), $2, $3.s, $5, 0); }
  | TYPE type_params QLIDENT EQUAL core_type { $$ = mk_with(L(@3), $2, $3.s, $5, 0); }
  | TYPE type_params LIDENT COLONEQUAL core_type { $$ = mk_with(L(@3), $2, $3.s, $5, 1); }
  | MODULE mod_path EQUAL mod_path { $$ = NULL; }
  ;
signature:
    %empty { $$ = nv(); }
  | signature sig_item { vpush($1, $2); $$ = $1; }
  | signature SEMISEMI { $$ = $1; }
  ;
sig_item:
    VAL val_ident COLON core_type
      { $$ = mk_item(I_VAL, LL(@1, @4), $2.s); $$->nargs = 1; $$->args = xalloc(sizeof(texpr_t *)); $$->args[0] = $4; }
  | TYPE type_decls
      { $$ = mk_item(I_TYPE, LL(@1, @2), NULL); $$->n = $2->n; $$->tydefs = (tydef_t **)vec_to_array($2); }
  | EXCEPTION UIDENT { $$ = mk_exn_item(LL(@1, @2), $2.s, NULL); }
  | EXCEPTION UIDENT OF core_type_star_list { $$ = mk_exn_item(LL(@1, @4), $2.s, $4); }
  | MODULE UIDENT COLON module_type { $$ = mk_item(I_MODULE, LL(@1, @4), $2.s); $$->mt = $4; }
  | MODULE UIDENT functor_params COLON module_type
      { $$ = mk_item(I_MODULE, LL(@1, @5), $2.s); $$->mt = $5;
        for (int i = $3->n - 2; i >= 0; i -= 2) {
            modtype_t *f = mk_mt(MT_FUNCTOR, LL(@1, @5)); f->path = $3->v[i]; f->param = $3->v[i + 1]; f->base = $$->mt; $$->mt = f;
        } }
  | MODULE TYPE UIDENT EQUAL module_type { $$ = mk_item(I_MODTYPE, LL(@1, @5), $3.s); $$->mt = $5; }
  | INCLUDE module_type { $$ = mk_item(I_INCLUDE, LL(@1, @2), NULL); $$->mt = $2; }
  | OPEN mod_path { $$ = mk_item(I_OPEN, LL(@1, @2), $2.s); }
  ;

rec_flag: %empty { $$ = 0; } | REC { $$ = 1; } ;

let_bindings:
    let_binding { $$ = v1($1); }
  | let_bindings AND let_binding { vpush($1, $3); $$ = $1; }
  ;
let_binding:
    val_ident simple_pattern_list opt_constraint EQUAL seq_expr
      { $$ = mk_binding(LL(@1, @5), pvar(L(@1), $1.s), mk_fun(LL(@1, @5), $2, constrain($5->loc, $5, $3))); }
  | pattern opt_constraint EQUAL seq_expr
      { pat_t *p = $1;
        if ($2) { pat_t *c = mk_pat(P_CONSTRAINT, LL(@1, @2)); c->n = 1; c->sub = xalloc(sizeof(pat_t *)); c->sub[0] = p; c->cty = $2; p = c; }
        $$ = mk_binding(LL(@1, @4), p, $4); }
  ;
letop_bindings:
    let_binding { $$ = v1($1); }
  | letop_bindings ANDOP let_binding
      { struct tokstr *o = xalloc(sizeof *o); *o = $2; vpush($1, o); vpush($1, $3); $$ = $1; }
  ;
opt_constraint:
    %empty { $$ = NULL; }
  | COLON core_type { $$ = $2; }
  | COLON tyvar_seq DOT core_type { $$ = $4; } /* 'a. t: polymorphism is inferred anyway */
  ;
tyvar_seq: TYVAR | tyvar_seq TYVAR ;

val_ident:
    LIDENT { $$ = $1; }
  | LPAREN operator RPAREN { $$ = $2; }
  ;
operator:
    INFIXOP0 | INFIXOP1 | INFIXOP2 | INFIXOP3 | INFIXOP4 | PREFIXOP | EQUAL | STAR | MINUS
  | MINUSDOT | PLUS | PLUSDOT | BANG | COLONEQUAL | BARBAR | AMPERAMPER | LETOP | ANDOP
  ;

seq_expr:
    expr %prec below_SEMI { $$ = $1; }
  | expr SEMI { $$ = $1; }
  | expr SEMI seq_expr { $$ = mk_seq(LL(@1, @3), $1, $3); }
  ;

expr:
    simple_expr %prec below_DOT { $$ = $1; }
  | simple_expr simple_expr_list { $$ = mk_app(LL(@1, @2), $1, $2->n, (expr_t **)vec_to_array($2)); }
  | LET rec_flag let_bindings IN seq_expr
      { $$ = mk_expr(E_LET, LL(@1, @5)); $$->ival = $2; $$->n = $3->n; $$->binds = (binding_t **)vec_to_array($3); $$->a = $5; }
  | LETOP letop_bindings IN seq_expr { $$ = mk_letop(LL(@1, @4), $1, $2, $4); }
  | LET MODULE UIDENT module_binding_body IN seq_expr
      { $$ = mk_expr(E_OPEN, LL(@1, @6)); $$->item = mk_item(I_MODULE, LL(@2, @4), $3.s); $$->item->me = $4; $$->a = $6; }
  | LET OPEN mod_path IN seq_expr
      { $$ = mk_expr(E_OPEN, LL(@1, @5)); $$->sval = $3.s; $$->a = $5; }
  | LET EXCEPTION UIDENT IN seq_expr
      { $$ = mk_expr(E_LETEXN, LL(@1, @5)); $$->item = mk_exn_item(LL(@2, @3), $3.s, NULL); $$->a = $5; }
  | LET EXCEPTION UIDENT OF core_type_star_list IN seq_expr
      { $$ = mk_expr(E_LETEXN, LL(@1, @7)); $$->item = mk_exn_item(LL(@2, @5), $3.s, $5); $$->a = $7; }
  | FUNCTION opt_bar match_cases { $$ = mk_cases(E_FUNCTION, LL(@1, @3), NULL, no_exn_cases($3)); }
  | FUN simple_pattern_list MINUSGREATER seq_expr { $$ = mk_fun(LL(@1, @4), $2, $4); }
  | MATCH seq_expr WITH opt_bar match_cases { $$ = mk_match(LL(@1, @5), $2, $5); }
  | TRY seq_expr WITH opt_bar match_cases { $$ = mk_cases(E_TRY, LL(@1, @5), $2, no_exn_cases($5)); }
  | expr_comma_list %prec below_COMMA
      { $$ = mk_expr(E_TUPLE, LL(@1, @1)); $$->n = $1->n; $$->args = (expr_t **)vec_to_array($1); }
  | constr_ident simple_expr %prec below_DOT { $$ = mk_constr(LL(@1, @2), $1.s, $2); }
  | expr COLONCOLON expr
      { expr_t *t = mk_expr(E_TUPLE, LL(@1, @3)); t->n = 2; t->args = xalloc(2 * sizeof(expr_t *)); t->args[0] = $1; t->args[1] = $3;
        $$ = mk_constr(LL(@1, @3), "::", t); }
  | expr INFIXOP0 expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr INFIXOP1 expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr INFIXOP2 expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr INFIXOP3 expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr INFIXOP4 expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr PLUS expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr PLUSDOT expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr MINUS expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr MINUSDOT expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr STAR expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr EQUAL expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | expr OR expr { $$ = mk_expr(E_OR, LL(@1, @3)); $$->a = $1; $$->b = $3; }
  | expr BARBAR expr { $$ = mk_expr(E_OR, LL(@1, @3)); $$->a = $1; $$->b = $3; }
  | expr AMPERAMPER expr { $$ = mk_expr(E_AND, LL(@1, @3)); $$->a = $1; $$->b = $3; }
  | expr COLONEQUAL expr { $$ = mk_binop(LL(@1, @3), $2.s, $2.loc, $1, $3); }
  | MINUS expr %prec prec_unary_minus
      { if ($2->kind == E_INT && $2->ival >= 0) { $$ = $2; $$->ival = -$$->ival; $$->loc = LL(@1, @2); }
        else if ($2->kind == E_FLOAT) { $$ = $2; $$->sval = xfmt("-%s", $2->sval); $$->loc = LL(@1, @2); }
        else $$ = mk_app(LL(@1, @2), mk_var(L(@1), "~-"), 1, (expr_t *[]){ $2 }); }
  | MINUSDOT expr %prec prec_unary_minus
      { if ($2->kind == E_FLOAT) { $$ = $2; $$->sval = xfmt("-%s", $2->sval); $$->loc = LL(@1, @2); }
        else $$ = mk_app(LL(@1, @2), mk_var(L(@1), "~-."), 1, (expr_t *[]){ $2 }); }
  | PLUS expr %prec prec_unary_minus { $$ = $2; }
  | IF seq_expr THEN expr ELSE expr { $$ = mk_expr(E_IF, LL(@1, @6)); $$->a = $2; $$->b = $4; $$->c = $6; }
  | IF seq_expr THEN expr { $$ = mk_expr(E_IF, LL(@1, @4)); $$->a = $2; $$->b = $4; $$->c = NULL; }
  | WHILE seq_expr DO seq_expr DONE { $$ = mk_expr(E_WHILE, LL(@1, @5)); $$->a = $2; $$->b = $4; }
  | WHILE seq_expr DO DONE { $$ = mk_expr(E_WHILE, LL(@1, @4)); $$->a = $2; $$->b = mk_constr(L(@4), "()", NULL); }
  | FOR val_ident EQUAL seq_expr direction seq_expr DO seq_expr DONE
      { $$ = mk_expr(E_FOR, LL(@1, @9)); $$->pat = pvar(L(@2), $2.s); $$->a = $4; $$->ival = $5; $$->b = $6; $$->c = $8; }
  | FOR UNDERSCORE EQUAL seq_expr direction seq_expr DO seq_expr DONE
      { $$ = mk_expr(E_FOR, LL(@1, @9)); $$->pat = mk_pat(P_ANY, L(@2)); $$->a = $4; $$->ival = $5; $$->b = $6; $$->c = $8; }
  | simple_expr DOT LIDENT LESSMINUS expr
      { $$ = mk_expr(E_SETFIELD, LL(@1, @5)); $$->a = $1; $$->sval = $3.s; $$->b = $5; }
  | simple_expr DOT QLIDENT LESSMINUS expr
      { $$ = mk_expr(E_SETFIELD, LL(@1, @5)); $$->a = $1; $$->sval = strrchr($3.s, '.') + 1; $$->b = $5; }
  | simple_expr DOT LPAREN seq_expr RPAREN LESSMINUS expr
      { $$ = mk_app(LL(@1, @7), mk_var(LL(@2, @6), "Array.set"), 3, (expr_t *[]){ $1, $4, $7 }); }
  | simple_expr DOT LBRACKET seq_expr RBRACKET LESSMINUS expr
      { $$ = mk_app(LL(@1, @7), mk_var(LL(@2, @6), "Bytes.set"), 3, (expr_t *[]){ $1, $4, $7 }); }
  | ASSERT simple_expr %prec below_DOT { $$ = mk_expr(E_ASSERT, LL(@1, @2)); $$->a = $2; }
  | LAZY simple_expr %prec below_DOT
      { $$ = mk_app(LL(@1, @2), mk_var(L(@1), "Lazy.from_fun"), 1,
                    (expr_t *[]){ mk_fun(LL(@1, @2), v1(mk_pconstr(L(@1), "()", NULL)), $2) }); }
  ;
direction: TO { $$ = 1; } | DOWNTO { $$ = 0; } ;
opt_bar: %empty | BAR ;

constr_ident: UIDENT { $$ = $1; } | UPATH { $$ = $1; } ;

expr_comma_list:
    expr_comma_list COMMA expr { vpush($1, $3); $$ = $1; }
  | expr COMMA expr { $$ = v1($1); vpush($$, $3); }
  ;
simple_expr_list:
    arg_expr { $$ = v1($1); }
  | simple_expr_list arg_expr { vpush($1, $2); $$ = $1; }
  ;
arg_expr:
    simple_expr { $$ = $1; }
  | LABEL simple_expr { $$ = $2; $$->label = $1.s; }
  | TILDEID { $$ = mk_var(L(@1), $1.s); $$->label = $1.s; }
  | OPTLABEL simple_expr { $$ = $2; $$->label = $1.s; $$->optarg = 1; }
  | OPTID { $$ = mk_var(L(@1), $1.s); $$->label = $1.s; $$->optarg = 1; }
  ;
expr_semi_list:
    expr { $$ = v1($1); }
  | expr_semi_list SEMI expr { vpush($1, $3); $$ = $1; }
  ;
opt_semi: %empty | SEMI ;

simple_expr:
    LIDENT { $$ = mk_var(L(@1), $1.s); }
  | QLIDENT { $$ = mk_var(L(@1), $1.s); }
  | LPAREN operator RPAREN { $$ = mk_var(LL(@1, @3), $2.s); }
  | MODDOT LPAREN seq_expr RPAREN { $$ = mk_expr(E_OPEN, LL(@1, @4)); $$->sval = $1.s; $$->a = $3; }
  | MODDOT LPAREN RPAREN { $$ = mk_constr(LL(@1, @3), "()", NULL); }
  | MODDOT LPAREN operator RPAREN { $$ = mk_var(LL(@1, @4), xfmt("%s.%s", $1.s, $3.s)); }
  | INT { $$ = mk_expr(E_INT, L(@1)); $$->ival = $1.v; }
  | CHAR { $$ = mk_expr(E_CHAR, L(@1)); $$->ival = $1.v; }
  | FLOAT { $$ = mk_expr(E_FLOAT, L(@1)); $$->sval = $1.s; }
  | STRING { $$ = mk_expr(E_STRING, L(@1)); $$->sval = $1.s; $$->slen = $1.len; }
  | TRUE { $$ = mk_constr(L(@1), "true", NULL); }
  | FALSE { $$ = mk_constr(L(@1), "false", NULL); }
  | LPAREN RPAREN { $$ = mk_constr(LL(@1, @2), "()", NULL); }
  | BEGIN_ END { $$ = mk_constr(LL(@1, @2), "()", NULL); }
  | LBRACKET RBRACKET { $$ = mk_constr(LL(@1, @2), "[]", NULL); }
  | constr_ident %prec prec_constant_constructor { $$ = mk_constr(L(@1), $1.s, NULL); }
  | LPAREN seq_expr RPAREN { $$ = $2; $$->loc = LL(@1, @3); }
  | BEGIN_ seq_expr END { $$ = $2; }
  | LPAREN seq_expr COLON core_type RPAREN { $$ = constrain(LL(@1, @5), $2, $4); }
  | simple_expr DOT LIDENT { $$ = mk_expr(E_FIELD, LL(@1, @3)); $$->a = $1; $$->sval = $3.s; }
  | simple_expr DOT QLIDENT { $$ = mk_expr(E_FIELD, LL(@1, @3)); $$->a = $1; $$->sval = strrchr($3.s, '.') + 1; }
  | simple_expr DOT LPAREN seq_expr RPAREN
      { $$ = mk_app(LL(@1, @5), mk_var(LL(@2, @5), "Array.get"), 2, (expr_t *[]){ $1, $4 }); }
  | simple_expr DOT LBRACKET seq_expr RBRACKET
      { $$ = mk_app(LL(@1, @5), mk_var(LL(@2, @5), "String.get"), 2, (expr_t *[]){ $1, $4 }); }
  | LBRACE record_fields opt_semi RBRACE
      { $$ = mk_expr(E_RECORD, LL(@1, @4)); $$->n = $2->n / 2; $$->fnames = xalloc(sizeof(char *) * (size_t)($$->n + 1));
        $$->args = xalloc(sizeof(expr_t *) * (size_t)($$->n + 1));
        for (int i = 0; i < $$->n; i++) { $$->fnames[i] = $2->v[2 * i]; $$->args[i] = $2->v[2 * i + 1]; } }
  | LBRACE simple_expr WITH record_fields opt_semi RBRACE
      { $$ = mk_expr(E_RECORD, LL(@1, @6)); $$->a = $2; $$->n = $4->n / 2; $$->fnames = xalloc(sizeof(char *) * (size_t)($$->n + 1));
        $$->args = xalloc(sizeof(expr_t *) * (size_t)($$->n + 1));
        for (int i = 0; i < $$->n; i++) { $$->fnames[i] = $4->v[2 * i]; $$->args[i] = $4->v[2 * i + 1]; } }
  | LBRACKET expr_semi_list opt_semi RBRACKET { $$ = mk_list(LL(@1, @4), $2, NULL); }
  | LBRACKETBAR expr_semi_list opt_semi BARRBRACKET
      { $$ = mk_expr(E_ARRAY, LL(@1, @4)); $$->n = $2->n; $$->args = (expr_t **)vec_to_array($2); }
  | LBRACKETBAR BARRBRACKET { $$ = mk_expr(E_ARRAY, LL(@1, @2)); $$->n = 0; }
  | PREFIXOP simple_expr { $$ = mk_app(LL(@1, @2), mk_var(L(@1), $1.s), 1, (expr_t *[]){ $2 }); }
  | BANG simple_expr { $$ = mk_app(LL(@1, @2), mk_var(L(@1), "!"), 1, (expr_t *[]){ $2 }); }
  ;
record_fields:
    LIDENT EQUAL expr { $$ = v1((void *)$1.s); vpush($$, $3); }
  | QLIDENT EQUAL expr { $$ = v1((void *)(strrchr($1.s, '.') + 1)); vpush($$, $3); }
  | LIDENT { $$ = v1((void *)$1.s); vpush($$, mk_var(L(@1), $1.s)); }
  | record_fields SEMI LIDENT EQUAL expr { vpush($1, (void *)$3.s); vpush($1, $5); $$ = $1; }
  | record_fields SEMI LIDENT { vpush($1, (void *)$3.s); vpush($1, mk_var(L(@3), $3.s)); $$ = $1; }
  ;

match_cases:
    match_case_or { $$ = $1; }
  | match_cases BAR match_case_or { for (int i = 0; i < $3->n; i++) vpush($1, $3->v[i]); $$ = $1; }
  ;
/* `p | exception q -> e`: two cases, the value's and the exception's, with the same body */
match_case_or:
    match_case { $$ = v1($1); }
  | pattern BAR EXCEPTION pattern MINUSGREATER seq_expr
      { mcase_t *a = xalloc(sizeof *a), *b = xalloc(sizeof *b);
        a->pat = $1; a->body = $6; b->pat = $4; b->body = copy_expr($6); b->exn = 1;
        $$ = v1(a); vpush($$, b); }
  | pattern BAR EXCEPTION pattern WHEN
      { fatal_at(LL(@1, @4), "Mixing value and exception patterns under when-guards is not supported (by OCaml either)"); }
  ;
match_case:
    pattern MINUSGREATER seq_expr { $$ = xalloc(sizeof *$$); $$->pat = $1; $$->body = $3; }
  | pattern WHEN seq_expr MINUSGREATER seq_expr { $$ = xalloc(sizeof *$$); $$->pat = $1; $$->guard = $3; $$->body = $5; }
  | EXCEPTION pattern MINUSGREATER seq_expr { $$ = xalloc(sizeof *$$); $$->pat = $2; $$->body = $4; $$->exn = 1; }
  | EXCEPTION pattern WHEN seq_expr MINUSGREATER seq_expr { $$ = xalloc(sizeof *$$); $$->pat = $2; $$->guard = $4; $$->body = $6; $$->exn = 1; }
  ;

pattern:
    simple_pattern { $$ = $1; }
  | pattern AS val_ident { $$ = mk_pat(P_ALIAS, LL(@1, @3)); $$->name = $3.s; $$->n = 1; $$->sub = xalloc(sizeof(pat_t *)); $$->sub[0] = $1; }
  | pattern_comma_list %prec below_COMMA { $$ = mk_pat(P_TUPLE, LL(@1, @1)); $$->n = $1->n; $$->sub = (pat_t **)vec_to_array($1); }
  | pattern COLONCOLON pattern
      { pat_t *t = mk_pat(P_TUPLE, LL(@1, @3)); t->n = 2; t->sub = xalloc(2 * sizeof(pat_t *)); t->sub[0] = $1; t->sub[1] = $3;
        $$ = mk_pconstr(LL(@1, @3), "::", t); }
  | pattern BAR pattern { $$ = mk_pat(P_OR, LL(@1, @3)); $$->n = 2; $$->sub = xalloc(2 * sizeof(pat_t *)); $$->sub[0] = $1; $$->sub[1] = $3; }
  | constr_ident pattern %prec prec_constr_appl { $$ = mk_pconstr(LL(@1, @2), $1.s, $2); }
  ;
pattern_comma_list:
    pattern_comma_list COMMA pattern { vpush($1, $3); $$ = $1; }
  | pattern COMMA pattern { $$ = v1($1); vpush($$, $3); }
  ;
simple_pattern:
    val_ident %prec below_EQUAL { $$ = pvar(L(@1), $1.s); }
  | TILDEID { $$ = pvar(L(@1), $1.s); $$->plabel = $1.s; }
  | LABEL simple_pattern { $$ = $2; $$->plabel = $1.s; }
  | TILDE LPAREN LIDENT opt_constraint RPAREN
      { $$ = constrain_pat(LL(@1, @5), pvar(L(@3), $3.s), $4); $$->plabel = $3.s; }
  | OPTID { $$ = pvar(L(@1), $1.s); $$->plabel = $1.s; $$->optional = 1; }
  | OPTLABEL simple_pattern { $$ = $2; $$->plabel = $1.s; $$->optional = 1; }
  | QUESTION LPAREN LIDENT opt_constraint RPAREN
      { $$ = pvar(LL(@1, @5), $3.s); $$->plabel = $3.s; $$->optional = 1; if ($4) $$->pdefault = constrain(L(@3), NULL, $4); }
  | QUESTION LPAREN LIDENT opt_constraint EQUAL seq_expr RPAREN
      { $$ = pvar(LL(@1, @7), $3.s); $$->plabel = $3.s; $$->optional = 1; $$->pdefault = constrain($6->loc, $6, $4); }
  | UNDERSCORE { $$ = mk_pat(P_ANY, L(@1)); }
  | signed_const { $$ = $1; }
  | CHAR DOTDOT CHAR { $$ = pchar_range(LL(@1, @3), $1.v, $3.v); }
  | constr_ident { $$ = mk_pconstr(L(@1), $1.s, NULL); }
  | TRUE { $$ = mk_pconstr(L(@1), "true", NULL); }
  | FALSE { $$ = mk_pconstr(L(@1), "false", NULL); }
  | LPAREN RPAREN { $$ = mk_pconstr(LL(@1, @2), "()", NULL); }
  | BEGIN_ END { $$ = mk_pconstr(LL(@1, @2), "()", NULL); }
  | LBRACKET RBRACKET { $$ = mk_pconstr(LL(@1, @2), "[]", NULL); }
  | LBRACKET pattern_semi_list opt_semi RBRACKET { $$ = mk_plist(LL(@1, @4), $2); }
  | LBRACKETBAR BARRBRACKET { $$ = mk_pat(P_ARRAY, LL(@1, @2)); $$->n = 0; }
  | LBRACKETBAR pattern_semi_list opt_semi BARRBRACKET { $$ = mk_pat(P_ARRAY, LL(@1, @4)); $$->n = $2->n; $$->sub = (pat_t **)vec_to_array($2); }
  | LBRACE lbl_pattern_list opt_semi RBRACE
      { $$ = mk_pat(P_RECORD, LL(@1, @4)); $$->n = $2->n / 2; $$->fnames = xalloc(sizeof(char *) * (size_t)($$->n + 1));
        $$->sub = xalloc(sizeof(pat_t *) * (size_t)($$->n + 1));
        for (int i = 0; i < $$->n; i++) { $$->fnames[i] = $2->v[2 * i]; $$->sub[i] = $2->v[2 * i + 1]; } }
  | LPAREN pattern RPAREN { $$ = $2; }
  | LPAREN TYPE LIDENT RPAREN { $$ = mk_pat(P_NEWTYPE, LL(@1, @4)); $$->name = $3.s; }
  | LAZY simple_pattern { fatal_at(LL(@1, @2), "lazy patterns are not supported by Sense (see docs/language.md)"); }
  | LPAREN pattern COLON core_type RPAREN
      { $$ = mk_pat(P_CONSTRAINT, LL(@1, @5)); $$->n = 1; $$->sub = xalloc(sizeof(pat_t *)); $$->sub[0] = $2; $$->cty = $4; }
  ;
signed_const:
    signed_const_expr
      { expr_t *e = $1;
        if (e->kind == E_INT) { $$ = mk_pat(P_INT, e->loc); $$->ival = e->ival; }
        else if (e->kind == E_CHAR) { $$ = mk_pat(P_CHAR, e->loc); $$->ival = e->ival; }
        else if (e->kind == E_STRING) { $$ = mk_pat(P_STRING, e->loc); $$->sval = e->sval; $$->slen = e->slen; }
        else { $$ = mk_pat(P_FLOAT, e->loc); $$->sval = e->sval; } }
  ;
signed_const_expr:
    INT { $$ = mk_expr(E_INT, L(@1)); $$->ival = $1.v; }
  | MINUS INT { $$ = mk_expr(E_INT, LL(@1, @2)); $$->ival = -$2.v; }
  | CHAR { $$ = mk_expr(E_CHAR, L(@1)); $$->ival = $1.v; }
  | STRING { $$ = mk_expr(E_STRING, L(@1)); $$->sval = $1.s; $$->slen = $1.len; }
  | FLOAT { $$ = mk_expr(E_FLOAT, L(@1)); $$->sval = $1.s; }
  | MINUS FLOAT { $$ = mk_expr(E_FLOAT, LL(@1, @2)); $$->sval = xfmt("-%s", $2.s); }
  ;
pattern_semi_list:
    pattern { $$ = v1($1); }
  | pattern_semi_list SEMI pattern { vpush($1, $3); $$ = $1; }
  ;
lbl_pattern_list:
    LIDENT EQUAL pattern { $$ = v1((void *)$1.s); vpush($$, $3); }
  | QLIDENT EQUAL pattern { $$ = v1((void *)(strrchr($1.s, '.') + 1)); vpush($$, $3); }
  | LIDENT { $$ = v1((void *)$1.s); vpush($$, pvar(L(@1), $1.s)); }
  | UNDERSCORE { $$ = nv(); }
  | lbl_pattern_list SEMI LIDENT EQUAL pattern { vpush($1, (void *)$3.s); vpush($1, $5); $$ = $1; }
  | lbl_pattern_list SEMI LIDENT { vpush($1, (void *)$3.s); vpush($1, pvar(L(@3), $3.s)); $$ = $1; }
  | lbl_pattern_list SEMI UNDERSCORE { $$ = $1; }
  ;
simple_pattern_list:
    simple_pattern { $$ = v1($1); }
  | simple_pattern_list simple_pattern { vpush($1, $2); $$ = $1; }
  ;

/* ---- types ---- */
core_type:
    core_type2 %prec MINUSGREATER { $$ = $1; } /* `with type t = a -> b`: the arrow is the type's */
  ;
core_type2:
    core_type_star_list
      { if ($1->n == 1) $$ = $1->v[0];
        else { $$ = mk_texpr(TE_TUPLE, LL(@1, @1), "*"); $$->n = $1->n; $$->args = (texpr_t **)vec_to_array($1); } }
  | core_type2 MINUSGREATER core_type2
      { $$ = mk_texpr(TE_ARROW, LL(@1, @3), "->"); $$->n = 2; $$->args = xalloc(2 * sizeof(texpr_t *)); $$->args[0] = $1; $$->args[1] = $3; }
  | LIDENT COLON core_type2 MINUSGREATER core_type2 /* labels are not part of Sense's types;
                                                     * the arrow keeps the name (a signature's
                                                     * val gets its labelled parameters) */
      { $$ = mk_texpr(TE_ARROW, LL(@1, @5), $1.s); $$->n = 2; $$->args = xalloc(2 * sizeof(texpr_t *)); $$->args[0] = $3; $$->args[1] = $5; }
  | OPTLABEL core_type2 MINUSGREATER core_type2
      { texpr_t *o = mk_texpr(TE_CON, L(@2), "option"); o->n = 1; o->args = xalloc(sizeof(texpr_t *)); o->args[0] = $2;
        $$ = mk_texpr(TE_ARROW, LL(@1, @4), xfmt("?%s", $1.s)); $$->n = 2; $$->args = xalloc(2 * sizeof(texpr_t *)); $$->args[0] = o; $$->args[1] = $4; }
  ;
core_type_star_list:
    simple_core_type { $$ = v1($1); }
  | core_type_star_list STAR simple_core_type { vpush($1, $3); $$ = $1; }
  ;
simple_core_type:
    TYVAR { $$ = mk_texpr(TE_VAR, L(@1), $1.s); }
  | UNDERSCORE { $$ = mk_texpr(TE_VAR, L(@1), "_"); }
  | LIDENT { $$ = mk_texpr(TE_CON, L(@1), $1.s); }
  | QLIDENT { $$ = mk_texpr(TE_CON, L(@1), $1.s); }
  | simple_core_type LIDENT
      { $$ = mk_texpr(TE_CON, LL(@1, @2), $2.s); $$->n = 1; $$->args = xalloc(sizeof(texpr_t *)); $$->args[0] = $1; }
  | simple_core_type QLIDENT
      { $$ = mk_texpr(TE_CON, LL(@1, @2), $2.s); $$->n = 1; $$->args = xalloc(sizeof(texpr_t *)); $$->args[0] = $1; }
  | LPAREN core_type RPAREN { $$ = $2; }
  | LPAREN core_type COMMA core_type_comma_list RPAREN type_constr
      { vec_t *v = v1($2); for (int i = 0; i < $4->n; i++) vpush(v, $4->v[i]);
        $$ = mk_texpr(TE_CON, LL(@1, @6), $6.s); $$->n = v->n; $$->args = (texpr_t **)vec_to_array(v); }
  ;
/* a type constructor's name, plain (t) or qualified (M.t) */
type_constr:
    LIDENT { $$ = $1; }
  | QLIDENT { $$ = $1; }
  ;
core_type_comma_list:
    core_type { $$ = v1($1); }
  | core_type_comma_list COMMA core_type { vpush($1, $3); $$ = $1; }
  ;

type_decls:
    type_decl { $$ = v1($1); }
  | type_decls AND type_decl { vpush($1, $3); $$ = $1; }
  ;
type_decl:
    type_params LIDENT
      { $$ = xalloc(sizeof *$$); $$->name = $2.s; $$->loc = L(@2); $$->nparams = $1->n; $$->params = (const char **)vec_to_array($1); $$->kind = TD_ABSTRACT; }
  | type_params LIDENT EQUAL core_type
      { $$ = xalloc(sizeof *$$); $$->name = $2.s; $$->loc = L(@2); $$->nparams = $1->n; $$->params = (const char **)vec_to_array($1); $$->kind = TD_ALIAS; $$->alias = $4; }
  | type_params LIDENT EQUAL constructor_decls
      { $$ = xalloc(sizeof *$$); $$->name = $2.s; $$->loc = L(@2); $$->nparams = $1->n; $$->params = (const char **)vec_to_array($1); $$->kind = TD_VARIANT;
        $$->ncons = $4->n / 2; $$->cnames = xalloc(sizeof(char *) * (size_t)($$->ncons + 1)); $$->cnargs = xalloc(sizeof(int) * (size_t)($$->ncons + 1));
        $$->cargs = xalloc(sizeof(texpr_t **) * (size_t)($$->ncons + 1)); $$->ctuple = xalloc(sizeof(int) * (size_t)($$->ncons + 1));
        for (int i = 0; i < $$->ncons; i++) {
            $$->cnames[i] = $4->v[2 * i]; vec_t *a = $4->v[2 * i + 1];
            $$->cnargs[i] = a ? a->n : 0; $$->cargs[i] = a ? (texpr_t **)vec_to_array(a) : NULL;
            $$->ctuple[i] = a && a->n == 1 && $$->cargs[i][0]->kind == TE_TUPLE;
        } }
  | type_params LIDENT EQUAL DOTDOT
      { fatal_at(LL(@1, @4), "extensible variant types (type t = ..) are not supported by Sense (see docs/language.md)"); }
  | type_params type_constr INFIXOP2
      { if (strcmp($3.s, "+=")) fatal_at(L(@3), "Syntax error");
        fatal_at(LL(@1, @3), "type extensions (type t += ...) are not supported by Sense (see docs/language.md)"); }
  | type_params LIDENT EQUAL LBRACE label_decls opt_semi RBRACE
      { $$ = xalloc(sizeof *$$); $$->name = $2.s; $$->loc = L(@2); $$->nparams = $1->n; $$->params = (const char **)vec_to_array($1); $$->kind = TD_RECORD;
        $$->nfields = $5->n / 3; $$->fnames = xalloc(sizeof(char *) * (size_t)($$->nfields + 1)); $$->fmut = xalloc(sizeof(int) * (size_t)($$->nfields + 1));
        $$->ftypes = xalloc(sizeof(texpr_t *) * (size_t)($$->nfields + 1));
        for (int i = 0; i < $$->nfields; i++) { $$->fnames[i] = $5->v[3 * i]; $$->fmut[i] = (int)(intptr_t)$5->v[3 * i + 1]; $$->ftypes[i] = $5->v[3 * i + 2]; } }
  ;
type_params:
    %empty { $$ = nv(); }
  | TYVAR { $$ = v1((void *)$1.s); }
  | UNDERSCORE { $$ = v1((void *)"_"); }
  | LPAREN tyvar_list RPAREN { $$ = $2; }
  ;
tyvar_list:
    TYVAR { $$ = v1((void *)$1.s); }
  | tyvar_list COMMA TYVAR { vpush($1, (void *)$3.s); $$ = $1; }
  ;
constructor_decls:
    BAR UIDENT { $$ = v1((void *)$2.s); vpush($$, NULL); }
  | BAR UIDENT OF core_type_star_list { $$ = v1((void *)$2.s); vpush($$, $4); }
  | UIDENT { $$ = v1((void *)$1.s); vpush($$, NULL); }
  | UIDENT OF core_type_star_list { $$ = v1((void *)$1.s); vpush($$, $3); }
  | constructor_decls BAR UIDENT { vpush($1, (void *)$3.s); vpush($1, NULL); $$ = $1; }
  | constructor_decls BAR UIDENT OF core_type_star_list { vpush($1, (void *)$3.s); vpush($1, $5); $$ = $1; }
  | UIDENT COLON { fatal_at(LL(@1, @2), "GADT constructor declarations are not supported by Sense (see docs/language.md)"); }
  | BAR UIDENT COLON { fatal_at(LL(@2, @3), "GADT constructor declarations are not supported by Sense (see docs/language.md)"); }
  | constructor_decls BAR UIDENT COLON { fatal_at(LL(@3, @4), "GADT constructor declarations are not supported by Sense (see docs/language.md)"); }
  | UIDENT OF LBRACE { fatal_at(LL(@1, @3), "inline records are not supported by Sense (see docs/language.md)"); }
  | BAR UIDENT OF LBRACE { fatal_at(LL(@2, @4), "inline records are not supported by Sense (see docs/language.md)"); }
  | constructor_decls BAR UIDENT OF LBRACE { fatal_at(LL(@3, @5), "inline records are not supported by Sense (see docs/language.md)"); }
  ;
label_decls:
    opt_mutable LIDENT COLON core_type { $$ = v1((void *)$2.s); vpush($$, (void *)(intptr_t)$1); vpush($$, $4); }
  | label_decls SEMI opt_mutable LIDENT COLON core_type { vpush($1, (void *)$4.s); vpush($1, (void *)(intptr_t)$3); vpush($1, $6); $$ = $1; }
  ;
opt_mutable: %empty { $$ = 0; } | MUTABLE { $$ = 1; } ;
%%
