/* SPDX-License-Identifier: MIT
 * ast.h — sensec internals: source locations, the abstract syntax tree built by the Bison
 * parser, types, and the symbol records the type checker attaches for the code generator.
 * Invariant: everything is allocated from one arena and lives until the process ends.
 */
#ifndef SENSEC_AST_H
#define SENSEC_AST_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- memory, diagnostics ---- */
void *xalloc(size_t n); /* zeroed, never fails (aborts) */
char *xstrdup(const char *s);
char *xfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

typedef struct loc {
    int line, col, eline, ecol; /* 1-based; end column exclusive */
} loc_t;

struct srcfile {
    const char *name; /* as given on the command line */
    const char *text;
    size_t len;
    size_t *line_at; /* src_line's index: offset of line i + 1 (built on first use) */
    int nlines;
};

extern struct srcfile *cur_file;
extern int n_errors, n_warnings;
extern int quiet_warnings;
void diag_error(loc_t l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_warning(loc_t l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* user error: print and stop compiling this file (longjmp to the driver). noreturn is also
 * spelled as an attribute: cppcheck 2.10 does not see _Noreturn on these declarations. */
_Noreturn void fatal_at(loc_t l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
_Noreturn void internal_error(const char *file, int line) __attribute__((noreturn));
_Noreturn void fatal_stop(void) __attribute__((noreturn)); /* stop after errors already reported */
#define ICE() internal_error(__FILE__, __LINE__)
const char *src_line(int line, int *len); /* start of a source line of cur_file */
/* The compiler recurses over the program's nesting; it runs on a thread with a large stack
 * (main.c) and every recursive pass calls check_nesting, which stops with "nesting too deep"
 * before the stack is exhausted (docs/sensec.md gives the depth this allows). */
#define SENSEC_STACK_SIZE ((size_t)1 << 30)
extern char *stack_base; /* an address near the top of the thread's stack */
void check_nesting(loc_t l);

/* ---- vectors ---- */
typedef struct vec {
    void **v;
    int n, cap;
} vec_t;
void vpush(vec_t *v, void *x);

/* ---- growing text buffers (always NUL-terminated once written to) ---- */
typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf_t;
void sb_add(sbuf_t *b, const char *s, size_t n);

/* ---- types ---- */
typedef struct type type_t;
struct tdecl;
enum { TY_VAR, TY_CON };
#define GENERIC_LEVEL 100000000
struct type {
    int kind;
    type_t *link; /* TY_VAR: bound to this type, or NULL */
    int level;    /* TY_VAR: binding level; GENERIC_LEVEL = quantified */
    int id;
    int weak;
    struct tdecl *decl; /* TY_CON: NULL for "->" and "*" */
    const char *name;   /* TY_CON: "->", "*", or the declared name */
    int nargs;
    type_t **args;
};

struct cinfo;
struct finfo;
enum { TD_ABSTRACT, TD_VARIANT, TD_RECORD, TD_ALIAS };
struct tdecl {
    const char *name;
    int nparams;
    type_t **params; /* generic variables */
    int kind;
    vec_t cons;   /* struct cinfo* in declaration order */
    vec_t fields; /* struct finfo* */
    type_t *alias;
    int nconst, nblock;
    int is_exn;
};

struct cinfo {
    const char *name;
    struct tdecl *owner; /* NULL for exceptions */
    int arity;
    type_t **args;  /* over owner's params */
    type_t *result; /* owner applied to its params (or exn) */
    int tag;        /* constant: integer; block: tag */
    int index;      /* declaration order */
    int is_exn;
    int tuple_arg;        /* declared "of (a * b)": one tuple argument */
    const char *exn_name; /* exceptions: name string in the value */
    const char *path;     /* module path where declared ("" at the top) */
    int nested;           /* declared in a nested structure */
};

struct finfo {
    const char *name;
    struct tdecl *owner;
    int index;
    int is_mutable;
    type_t *type; /* over owner's params */
};

/* ---- variables ---- */
struct fn;
enum { V_LOCAL, V_GFUN, V_GVAL, V_PRIM };
typedef struct var {
    const char *name;
    type_t *type; /* possibly generic scheme */
    int kind;
    const char *sym;  /* V_GFUN: code label; V_GVAL: global-variable name */
    int arity;        /* known function arity (V_GFUN, or local fun) */
    struct fn *fn;    /* known local function (its code), or NULL */
    struct fn *owner; /* function whose frame binds it (V_LOCAL) */
    int pos;          /* codegen: frame slot index from the frame bottom */
    int used;
    int warn_unused;
    loc_t loc;
    int prim;     /* V_PRIM: primitive number */
    int is_const; /* top-level immediate constant: cval */
    long cval;
    const char *fconst;   /* top-level float constant (assembly text) */
    int spill;            /* codegen: >= 0: slot in the frame's spill array */
    struct occ *alias;    /* codegen: a pattern variable read in place from
                                          * this field of the matched value (no slot) */
    int escapes;          /* typing: used other than as the ref of `!x`,
                                          * `x := e`, `incr x`, `decr x` in its own function */
    int unboxed;          /* codegen: `let x = ref e` whose slot holds the
                                          * contents itself (x does not escape) */
    struct pat **sparams; /* typing: a let-bound function's parameters as
                                          * written (labels), known before its body is typed */
    int nsparams;
    const char *printf_alias; /* `let f = Printf.sprintf`: f names it (applied to a literal
                               * format only), "Printf.sprintf" */
} var_t;

/* ---- patterns ---- */
enum {
    P_ANY,
    P_VAR,
    P_INT,
    P_CHAR,
    P_STRING,
    P_FLOAT,
    P_TUPLE,
    P_CONSTR,
    P_RECORD,
    P_OR,
    P_ALIAS,
    P_CONSTRAINT,
    P_ARRAY,
    P_NEWTYPE /* parser only: a (type t) parameter */
};
typedef struct pat pat_t;
struct texpr;
struct pat {
    int kind;
    loc_t loc;
    type_t *ty;
    const char *name; /* P_VAR, P_ALIAS, P_CONSTR name */
    long ival;        /* P_INT, P_CHAR */
    const char *sval; /* P_STRING, P_FLOAT (text) */
    int slen;
    int n;                 /* children count */
    pat_t **sub;           /* P_TUPLE, P_CONSTR args (after typing: spread),
                                          * P_RECORD values, P_OR (2), P_ALIAS (1), P_CONSTRAINT */
    const char **fnames;   /* P_RECORD field names */
    struct finfo **fields; /* P_RECORD resolved */
    struct cinfo *con;     /* P_CONSTR resolved */
    struct texpr *cty;     /* P_CONSTRAINT type expression */
    var_t *var;            /* P_VAR, P_ALIAS */
    const char *plabel;    /* a parameter's label: ~x, ?x */
    int optional;          /* ?x: the argument is an option */
    struct expr *pdefault; /* parser only: ?(x = d) */
};

/* ---- type expressions (annotations and declarations) ---- */
enum { TE_VAR, TE_CON, TE_ARROW, TE_TUPLE };
typedef struct texpr {
    int kind;
    loc_t loc;
    const char *name;
    int n;
    struct texpr **args;
} texpr_t;

/* ---- expressions ---- */
enum {
    E_INT,
    E_CHAR,
    E_FLOAT,
    E_STRING,
    E_VAR,
    E_CONSTR,
    E_APP,
    E_FUN,
    E_FUNCTION,
    E_LET,
    E_MATCH,
    E_TRY,
    E_TUPLE,
    E_IF,
    E_SEQ,
    E_WHILE,
    E_FOR,
    E_RECORD,
    E_FIELD,
    E_SETFIELD,
    E_ARRAY,
    E_CONSTRAINT,
    E_AND,
    E_OR,
    E_ASSERT,
    E_PRINTF,
    E_LETEXN,
    E_OPEN
};
typedef struct expr expr_t;
typedef struct binding {
    pat_t *pat; /* the bound pattern (a P_VAR for functions) */
    expr_t *e;
    loc_t loc;
} binding_t;
typedef struct mcase {
    pat_t *pat;
    expr_t *guard;
    expr_t *body;
    int exn; /* parser only: `| exception p -> body` */
} mcase_t;

struct fn { /* a function's code */
    const char *label;
    int arity;
    pat_t **params;
    expr_t *body;
    vec_t fv;    /* var_t*: captured free variables, in env order */
    var_t *self; /* the let-rec name bound to it (getenv), or NULL */
    struct fn *parent;
    int toplevel; /* closed top-level function: env = () */
    loc_t loc;
    int emitted;
    vec_t mutual; /* for local let rec: sibling vars */
};

struct expr {
    int kind;
    loc_t loc;
    type_t *ty;
    long ival;        /* E_INT, E_CHAR; E_FOR: 1 = to, 0 = downto; E_LET: rec */
    const char *sval; /* E_STRING/E_FLOAT text, E_VAR/E_CONSTR/E_FIELD name */
    int slen;
    expr_t *a, *b, *c, *d; /* sub-expressions (meaning per kind) */
    int n;
    expr_t **args;       /* E_APP args, E_TUPLE/E_ARRAY items, E_RECORD values */
    const char **fnames; /* E_RECORD field names */
    struct finfo **fields;
    pat_t **params;        /* E_FUN params (n) */
    binding_t **binds;     /* E_LET */
    mcase_t **cases;       /* E_FUNCTION/E_MATCH/E_TRY (n) */
    texpr_t *cty;          /* E_CONSTRAINT */
    pat_t *pat;            /* E_FOR: the loop variable */
    var_t *var;            /* E_VAR resolved */
    struct cinfo *con;     /* E_CONSTR resolved */
    struct finfo *field;   /* E_FIELD/E_SETFIELD resolved */
    struct fn *fn;         /* E_FUN/E_FUNCTION: its code */
    int pf_kind;           /* E_PRINTF: 0 printf, 1 sprintf, 2 eprintf, 3 fprintf
                                          * (b: the channel, also for %a/%t) */
    const char *label;     /* a ~label:arg of an application */
    int optarg;            /* ?label:arg: passes the option itself */
    const char **newtypes; /* E_FUN: its (type t) parameters (n_newtypes) */
    int n_newtypes;
    struct item *item; /* E_LETEXN: the exception declared (body in a);
                                          * E_OPEN: the module opened (sval; body in a),
                                          * or `let module`'s I_MODULE item */
};

/* ---- modules (resolved at compile time: see typer's "modules" section) ---- */
enum { ME_STRUCT, ME_PATH, ME_APPLY, ME_FUNCTOR, ME_CONSTRAINT };
enum { MT_SIG, MT_PATH, MT_WITH, MT_FUNCTOR };
struct item;
typedef struct modtype {
    int kind;
    loc_t loc;
    const char *path;      /* MT_PATH; MT_FUNCTOR: the parameter */
    vec_t items;           /* MT_SIG: item_t* (I_VAL, I_TYPE, I_EXN, I_MODULE,
                                          * I_MODTYPE, I_INCLUDE, I_OPEN); MT_WITH: tydef_t*
                                          * (`with type` constraints, aliases) */
    struct modtype *base;  /* MT_WITH: the constrained type; MT_FUNCTOR: result */
    struct modtype *param; /* MT_FUNCTOR: the parameter's type */
} modtype_t;
typedef struct modexpr {
    int kind;
    loc_t loc;
    const char *path;        /* ME_PATH; ME_FUNCTOR: the parameter's name */
    vec_t items;             /* ME_STRUCT: item_t* */
    struct modexpr *f, *arg; /* ME_APPLY: f (arg); ME_FUNCTOR, ME_CONSTRAINT: f */
    modtype_t *mt;           /* ME_FUNCTOR: the parameter's type; ME_CONSTRAINT */
} modexpr_t;

/* ---- top-level items ---- */
enum { I_LET, I_TYPE, I_EXN, I_EXPR, I_OPEN, I_MODULE, I_MODTYPE, I_INCLUDE, I_VAL };
typedef struct tydef { /* one "type ... = ..." of a type declaration */
    const char *name;
    loc_t loc;
    int nparams;
    const char **params;
    int kind; /* TD_* */
    texpr_t *alias;
    int ncons;
    const char **cnames;
    int *cnargs;
    texpr_t ***cargs;
    int *ctuple;
    int nfields;
    const char **fnames;
    int *fmut;
    texpr_t **ftypes;
    int subst; /* a `with type t := u` constraint */
} tydef_t;
typedef struct item {
    int kind;
    loc_t loc;
    int rec;
    int n;
    binding_t **binds; /* I_LET */
    tydef_t **tydefs;  /* I_TYPE */
    expr_t *e;         /* I_EXPR */
    const char *name;  /* I_EXN, I_OPEN, I_MODULE, I_MODTYPE, I_VAL (its
                                          * type: args[0]) */
    modexpr_t *me;     /* I_MODULE, I_INCLUDE (of a structure) */
    modtype_t *mt;     /* I_MODTYPE, I_INCLUDE and I_MODULE of a signature */
    int nargs;
    texpr_t **args;
    int tuple_arg;
    vec_t vars; /* typing: var_t* bound by I_LET */
} item_t;

typedef struct program {
    vec_t items;
} program_t;

/* ---- AST constructors (ast.c) ---- */
expr_t *mk_expr(int kind, loc_t l);
pat_t *mk_pat(int kind, loc_t l);
texpr_t *mk_texpr(int kind, loc_t l, const char *name);
expr_t *mk_app(loc_t l, expr_t *f, int n, expr_t **args);
expr_t *mk_binop(loc_t l, const char *op, loc_t opl, expr_t *a, expr_t *b);
expr_t *mk_var(loc_t l, const char *name);
expr_t *mk_constr(loc_t l, const char *name, expr_t *arg);
pat_t *mk_pconstr(loc_t l, const char *name, pat_t *arg);
void **vec_to_array(vec_t *v);
extern pat_t wild_pat; /* a shared `_` (never typed or bound) */
/* component a of a tuple, constructor or record pattern (of a record: the field whose
 * index is a); `_` when the pattern does not give it (a wildcard, an omitted field) */
pat_t *pat_arg(pat_t *p, int a);
/* a fresh, untyped copy (functor bodies are copied for each application) */
modexpr_t *copy_modexpr(const modexpr_t *m);
expr_t *copy_expr(const expr_t *e); /* a fresh copy, as the parser built it */

/* ---- phases ---- */
int parse_source(struct srcfile *f, program_t *out);    /* 0 ok */
int parse_interface(struct srcfile *f, program_t *out); /* a .mli: signature items; 0 ok */
void typer_init(void);
void typer_module(program_t *p, const char *modname, int is_stdlib_prefix);
/* the next typer_module's file is constrained by this interface (parse_interface) */
void typer_set_interface(program_t *sig, struct srcfile *mli);
void gen_module(FILE *out, program_t *p, const char *modname);
int module_needs_init(program_t *p);
int gen_uses_module(const char *m);
const char *type_to_string(type_t *t);
struct cinfo *typer_exn(const char *name);

/* the primitive table (typer.c): returns -1 if name is not a primitive */
int prim_lookup(const char *qualname, int *arity);

/* primitives */
enum {
#define PRIM(id, name, arity, type) PR_##id,
#include "prims.def"
#undef PRIM
    PR_COUNT
};

/* symbol name of a top-level value of module m (operators are mangled) */
const char *mangle(const char *module, const char *name);
extern struct fn *init_fn_of_module;
extern const char *cur_module;

/* embedded stdlib sources (generated) */
struct stdlib_src {
    const char *module;
    const char *file;
    const char *text;
};
extern const struct stdlib_src sensec_stdlib[];
extern const int sensec_stdlib_count;

/* The driver's hook for user errors (ast.c): set, a fatal error longjmps to it. */
extern jmp_buf *fatal_jmp;

/* Type the embedded stdlib modules before module `upto` (all if NULL), warnings off, after
 * typer_init; needs_init (NULL, or sensec_stdlib_count entries) gets each module's
 * module_needs_init. Returns NULL, or the module that did not compile. The type checker
 * is not reset between calls: call it once per process (load.c). */
const char *sensec_load_stdlib(const char *upto, unsigned char *needs_init);

#endif
