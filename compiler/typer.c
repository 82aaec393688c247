/* SPDX-License-Identifier: MIT
 * typer.c — Hindley–Milner type inference for the sensec subset: levels-based
 * generalisation with the value restriction, type declarations (variants, records, aliases,
 * mutually recursive), exceptions, Printf formats; resolves every name to its var_t /
 * constructor / field record and computes the free variables of every function.
 * Invariant: after a module is typed, every expr/pat carries its type (ty) and every
 * identifier its resolved record, which is all the code generator reads.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ast.h"
#include "types.h"
#include "printf.h"
#include "exhaust.h"

const char *cur_module;
struct fn *init_fn_of_module;
/* the canonical path of the structure being typed: "" at the top of a user file, the
 * module's name at the top of a stdlib file, "M.N" inside nested structures; types are
 * named path.t and constructors carry it */
static const char *cur_path = "";
static const char *qualify(const char *path, const char *name)
{
    return path[0] ? xfmt("%s.%s", path, name) : name;
}

/* ------------------------------------------------------------------ types */
static struct tdecl *td_int, *td_char, *td_string, *td_float, *td_bool, *td_unit, *td_list,
    *td_option, *td_array, *td_exn, *td_bytes, *td_ref;
static vec_t all_types, all_cons, all_fields;

static type_t *tc0(struct tdecl *d) { return ty_con(d, NULL, 0, NULL); }
static type_t *tc1(struct tdecl *d, type_t *a) { return ty_con(d, NULL, 1, &a); }
static type_t *tarrow(type_t *a, type_t *b)
{
    type_t *x[2] = {a, b};
    return ty_con(NULL, "->", 2, x);
}

static int is_con(type_t *t, const struct tdecl *d)
{
    t = ty_repr(t);
    return t->kind == TY_CON && t->decl == d;
}

/* ---- printing ---- */
struct names {
    type_t *v[64];
    int n;
};
static void pr_type(vec_t *out, type_t *t, int prec, struct names *nm);
static void out_str(vec_t *o, const char *s)
{
    for (; *s; s++)
        vpush(o, (void *)(intptr_t)*s);
}
static void pr_type(vec_t *o, type_t *t, int prec, struct names *nm)
{
    t = ty_repr(t);
    if (t->kind == TY_VAR) {
        int i;
        for (i = 0; i < nm->n; i++)
            if (nm->v[i] == t)
                break;
        if (i == nm->n && nm->n < 64)
            nm->v[nm->n++] = t;
        char buf[32];
        if (t->level != GENERIC_LEVEL && t->weak)
            snprintf(buf, sizeof buf, "'_weak%d", i + 1);
        else if (i < 26)
            snprintf(buf, sizeof buf, "'%c", 'a' + i);
        else
            snprintf(buf, sizeof buf, "'a%d", i);
        out_str(o, buf);
        return;
    }
    if (t->decl == NULL && strcmp(t->name, "->") == 0) {
        if (prec > 0)
            out_str(o, "(");
        pr_type(o, t->args[0], 1, nm);
        out_str(o, " -> ");
        pr_type(o, t->args[1], 0, nm);
        if (prec > 0)
            out_str(o, ")");
        return;
    }
    if (t->decl == NULL && strcmp(t->name, "*") == 0) {
        if (prec > 1)
            out_str(o, "(");
        for (int i = 0; i < t->nargs; i++) {
            if (i)
                out_str(o, " * ");
            pr_type(o, t->args[i], 2, nm);
        }
        if (prec > 1)
            out_str(o, ")");
        return;
    }
    if (t->nargs == 1) {
        pr_type(o, t->args[0], 2, nm);
        out_str(o, " ");
    } else if (t->nargs > 1) {
        out_str(o, "(");
        for (int i = 0; i < t->nargs; i++) {
            if (i)
                out_str(o, ", ");
            pr_type(o, t->args[i], 0, nm);
        }
        out_str(o, ") ");
    }
    /* a functor parameter checked at the functor's definition has a path X#N (unique):
     * printed X, as OCaml names it */
    for (const char *c = t->name; *c; c++) {
        if (*c == '#') {
            while (c[1] >= '0' && c[1] <= '9')
                c++;
            continue;
        }
        vpush(o, (void *)(intptr_t)*c);
    }
}
static const char *pr_to_string(type_t *t, struct names *nm)
{
    vec_t o = {0};
    pr_type(&o, t, 0, nm);
    char *s = xalloc((size_t)o.n + 1);
    for (int i = 0; i < o.n; i++)
        s[i] = (char)(intptr_t)o.v[i];
    free(o.v);
    return s;
}
const char *type_to_string(type_t *t)
{
    struct names nm = {.n = 0};
    return pr_to_string(t, &nm);
}

/* ---- unification ---- */
static int occurs(type_t *v, type_t *t)
{
    t = ty_repr(t);
    if (t == v)
        return 1;
    if (t->kind == TY_VAR) {
        if (t->level > v->level)
            t->level = v->level;
        return 0;
    }
    for (int i = 0; i < t->nargs; i++)
        if (occurs(v, t->args[i]))
            return 1;
    return 0;
}

static int unify(type_t *a, type_t *b)
{
    a = ty_repr(a);
    b = ty_repr(b);
    if (a == b)
        return 1;
    if (a->kind == TY_VAR) {
        if (occurs(a, b))
            return 0;
        a->link = b;
        return 1;
    }
    if (b->kind == TY_VAR)
        return unify(b, a);
    if (a->decl != b->decl || strcmp(a->name, b->name) != 0 || a->nargs != b->nargs)
        return 0;
    for (int i = 0; i < a->nargs; i++)
        if (!unify(a->args[i], b->args[i]))
            return 0;
    return 1;
}

static void type_mismatch(loc_t l, type_t *actual, type_t *expected, const char *extra)
{
    struct names nm = {.n = 0};
    const char *s1 = pr_to_string(actual, &nm);
    const char *s2 = pr_to_string(expected, &nm);
    diag_error(l, "This expression has type %s but an expression was expected of type %s%s", s1, s2,
               extra ? extra : "");
}

/* ---- generalisation / instantiation ---- */
static void generalize(type_t *t)
{
    t = ty_repr(t);
    if (t->kind == TY_VAR) {
        if (t->level > ty_level && t->level != GENERIC_LEVEL)
            t->level = GENERIC_LEVEL;
        return;
    }
    for (int i = 0; i < t->nargs; i++)
        generalize(t->args[i]);
}
static void mark_weak(type_t *t)
{
    t = ty_repr(t);
    if (t->kind == TY_VAR) {
        t->weak = 1;
        return;
    }
    for (int i = 0; i < t->nargs; i++)
        mark_weak(t->args[i]);
}

/* ------------------------------------------------------------------ environments */
typedef struct envent {
    const char *name;
    var_t *v;
    struct envent *next;
} envent_t;
static envent_t *venv;

static void bind_var(var_t *v)
{
    envent_t *e = xalloc(sizeof *e);
    e->name = v->name;
    e->v = v;
    e->next = venv;
    venv = e;
}
static void bind_as(const char *name, var_t *v)
{
    envent_t *e = xalloc(sizeof *e);
    e->name = name;
    e->v = v;
    e->next = venv;
    venv = e;
}
/* the environment the stdlib made (set when the first user file is typed): `Stdlib.x` is
 * x there, whatever the program binds as x since */
static envent_t *stdlib_venv;
static struct modent *stdlib_menv; /* and its modules */
static var_t *lookup_var(const char *name)
{
    for (envent_t *e = venv; e; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e->v;
    if (!strncmp(name, "Stdlib.", 7) && name[7])
        for (envent_t *e = stdlib_venv ? stdlib_venv : venv; e; e = e->next)
            if (strcmp(e->name, name + 7) == 0)
                return e->v;
    return NULL;
}
static struct tdecl *lookup_type1(const char *name)
{
    for (int i = all_types.n - 1; i >= 0; i--) {
        struct tdecl *t = all_types.v[i];
        if (strcmp(t->name, name) == 0)
            return t;
    }
    return NULL;
}
struct modval;
static struct modval *lookup_module(const char *path);
static const char *modval_path(struct modval *m);
static vec_t open_paths; /* const char*: canonical paths of opened modules */
struct modval;
static struct modval *cur_str, *top_str; /* exports of the structure being typed; the file's */
/* a type name as written: "t" is looked up in the enclosing structures from the innermost
 * (path.t, parent.t, …, t), then in opened modules; "M.t" through the module M names
 * (an alias or a functor's parameter names its target's types); else the last part */
static struct tdecl *lookup_type(const char *name)
{
    struct tdecl *t;
    const char *d = strrchr(name, '.');
    if (!d) {
        const char *p = cur_path;
        while (p[0]) {
            if ((t = lookup_type1(xfmt("%s.%s", p, name))))
                return t;
            const char *q = strrchr(p, '.');
            p = q ? xfmt("%.*s", (int)(q - p), p) : "";
        }
        if ((t = lookup_type1(name)))
            return t;
        for (int i = open_paths.n - 1; i >= 0; i--)
            if ((t = lookup_type1(qualify(open_paths.v[i], name))))
                return t;
        if (cur_module && (t = lookup_type1(xfmt("%s.%s", cur_module, name))))
            return t;
        return NULL;
    }
    struct modval *m = lookup_module(xfmt("%.*s", (int)(d - name), name));
    if (m && (t = lookup_type1(qualify(modval_path(m), d + 1))))
        return t;
    if ((t = lookup_type1(name)))
        return t;
    return lookup_type1(d + 1);
}
/* is a constructor declared in structure `path` visible unqualified here? (declared in an
 * enclosing structure, or opened) */
static int path_visible(const char *path)
{
    if (!path || !path[0])
        return 1;
    size_t n = strlen(path);
    if (!strncmp(cur_path, path, n) && (cur_path[n] == 0 || cur_path[n] == '.'))
        return 1;
    for (int i = 0; i < open_paths.n; i++)
        if (!strcmp(open_paths.v[i], path))
            return 1;
    return 0;
}
static struct cinfo *lookup_con1(const char *name, const char *path)
{
    struct cinfo *any = NULL;
    for (int i = all_cons.n - 1; i >= 0; i--) {
        struct cinfo *c = all_cons.v[i];
        if (strcmp(c->name, name) != 0)
            continue;
        if (path) {
            if (!strcmp(c->path ? c->path : "", path))
                return c;
            continue;
        }
        /* unqualified: a constructor of a nested structure (a functor's instance above all)
         * does not hide a visible one; else the latest, as before */
        if (!c->nested || path_visible(c->path))
            return c;
        if (!any)
            any = c;
    }
    return any;
}
/* "C", or "M.C": the constructor C declared in M (through aliases), else the latest C */
static struct cinfo *lookup_con(const char *name)
{
    const char *d = strrchr(name, '.');
    if (!d)
        return lookup_con1(name, NULL);
    struct modval *m = lookup_module(xfmt("%.*s", (int)(d - name), name));
    struct cinfo *c = m ? lookup_con1(d + 1, modval_path(m)) : NULL;
    return c ? c : lookup_con1(d + 1, NULL);
}
static struct finfo *lookup_field(const char *name)
{
    for (int i = all_fields.n - 1; i >= 0; i--) {
        struct finfo *f = all_fields.v[i];
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

/* the most recent record type that has all these fields (OCaml's disambiguation) */
static struct finfo *lookup_fields(const char **names, int n)
{
    for (int i = all_fields.n - 1; i >= 0; i--) {
        struct finfo *f = all_fields.v[i];
        if (n == 0 || strcmp(f->name, names[0]) != 0)
            continue;
        int all = 1;
        for (int k = 1; k < n && all; k++) {
            int found = 0;
            for (int j = 0; j < f->owner->fields.n; j++)
                if (!strcmp(((struct finfo *)f->owner->fields.v[j])->name, names[k]))
                    found = 1;
            all = found;
        }
        if (all)
            return f;
    }
    return NULL;
}

/* ------------------------------------------------------------------ builtins */
static struct tdecl *new_tdecl(const char *name, int nparams, int kind)
{
    struct tdecl *d = xalloc(sizeof *d);
    d->name = name;
    d->nparams = nparams;
    d->kind = kind;
    d->params = xalloc(sizeof(type_t *) * (size_t)(nparams + 1));
    for (int i = 0; i < nparams; i++)
        d->params[i] = ty_newvar_at(GENERIC_LEVEL);
    vpush(&all_types, d);
    return d;
}
static struct cinfo *add_con(struct tdecl *d, const char *name, int arity, type_t **args)
{
    struct cinfo *c = xalloc(sizeof *c);
    c->name = name;
    c->owner = d;
    c->arity = arity;
    c->args = xalloc(sizeof(type_t *) * (size_t)(arity + 1));
    for (int i = 0; i < arity; i++)
        c->args[i] = args[i];
    c->result = ty_con(d, NULL, d->nparams, d->params);
    c->index = d->cons.n;
    c->path = cur_path;
    c->nested = cur_str && cur_str != top_str;
    c->tag = arity ? d->nblock++ : d->nconst++;
    vpush(&d->cons, c);
    vpush(&all_cons, c);
    return c;
}
static struct cinfo *add_exn(const char *name, int arity, type_t **args, const char *exn_name)
{
    struct cinfo *c = xalloc(sizeof *c);
    c->name = name;
    c->arity = arity;
    c->args = xalloc(sizeof(type_t *) * (size_t)(arity + 1));
    for (int i = 0; i < arity; i++)
        c->args[i] = args[i];
    c->result = tc0(td_exn);
    c->is_exn = 1;
    c->tag = 248;
    c->path = cur_path;
    c->nested = cur_str && cur_str != top_str;
    c->exn_name = exn_name;
    vpush(&all_cons, c);
    return c;
}

/* a tiny parser for the primitive type strings of prims.def */
struct tparse {
    const char *p;
    type_t *vars[8];
    const char *vnames[8];
    int nv;
};
static type_t *tp_arrow(struct tparse *s);
static void tp_ws(struct tparse *s)
{
    while (*s->p == ' ')
        s->p++;
}
static type_t *tp_simple(struct tparse *s)
{
    tp_ws(s);
    type_t *t;
    if (*s->p == '(') {
        s->p++;
        t = tp_arrow(s);
        tp_ws(s);
        s->p++; /* ) */
    } else if (*s->p == '\'') {
        s->p++;
        char nm = *s->p++;
        int i;
        for (i = 0; i < s->nv; i++)
            if (s->vnames[i][0] == nm)
                break;
        if (i == s->nv) {
            s->vars[i] = ty_newvar_at(GENERIC_LEVEL);
            s->vnames[i] = xfmt("%c", nm);
            s->nv++;
        }
        t = s->vars[i];
    } else {
        const char *b = s->p;
        while ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z') || *s->p == '_' ||
               *s->p == '.')
            s->p++;
        char *n = xfmt("%.*s", (int)(s->p - b), b);
        t = tc0(lookup_type(n));
    }
    for (;;) {
        tp_ws(s);
        if ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z')) {
            const char *b = s->p;
            while ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z') ||
                   *s->p == '_' || *s->p == '.')
                s->p++;
            char *n = xfmt("%.*s", (int)(s->p - b), b);
            t = tc1(lookup_type(n), t);
        } else
            return t;
    }
}
static type_t *tp_tuple(struct tparse *s)
{
    type_t *a[8];
    int n = 0;
    a[n++] = tp_simple(s);
    for (;;) {
        tp_ws(s);
        if (*s->p == '*') {
            s->p++;
            a[n++] = tp_simple(s);
        } else
            break;
    }
    return n == 1 ? a[0] : ty_con(NULL, "*", n, a);
}
static type_t *tp_arrow(struct tparse *s)
{
    type_t *a = tp_tuple(s);
    tp_ws(s);
    if (s->p[0] == '-' && s->p[1] == '>') {
        s->p += 2;
        return tarrow(a, tp_arrow(s));
    }
    return a;
}

static const char *prim_names[] = {
#define PRIM(id, name, arity, type) name,
#include "prims.def"
#undef PRIM
};
static const int prim_arities[] = {
#define PRIM(id, name, arity, type) arity,
#include "prims.def"
#undef PRIM
};
static const char *prim_types[] = {
#define PRIM(id, name, arity, type) type,
#include "prims.def"
#undef PRIM
};

static vec_t used_syms;
static const char *unique_sym(const char *s)
{
    const char *r = s;
    for (int k = 2;; k++) {
        int clash = 0;
        for (int i = 0; i < used_syms.n; i++)
            if (!strcmp(used_syms.v[i], r))
                clash = 1;
        if (!clash)
            break;
        r = xfmt("%s$%d", s, k);
    }
    vpush(&used_syms, (void *)r);
    return r;
}
const char *mangle(const char *module, const char *name)
{
    int op = !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_' ||
               (name[0] >= 'A' && name[0] <= 'Z'));
    if (!op && strpbrk(name, "$&*+-/=>@^|<%!?.:~"))
        op = 1; /* ( let* ), ( and+ ) */
    if (!op)
        return xfmt("%s.%s", module, name);
    static const struct {
        char c;
        const char *n;
    } tbl[] = {
        {'+', "plus"},    {'-', "minus"}, {'*', "star"},  {'/', "slash"},
        {'=', "eq"},      {'<', "lt"}, /* opcode-names: ok — operator names, not opcodes */
        {'>', "gt"},      {'@', "at"},    {'^', "caret"}, {'|', "bar"}, /* opcode-names: ok */
        {'&', "amp"},     {'!', "bang"}, /* opcode-names: ok — operator names, not opcodes */
        {':', "colon"},   {'~', "tilde"}, {'.', "dot"},   {'$', "dollar"},
        {'%', "percent"}, {'?', "qmark"},
    };
    char buf[256] = "op";
    for (const char *p = name; *p; p++)
        for (size_t i = 0; i < sizeof tbl / sizeof tbl[0]; i++)
            if (tbl[i].c == *p && strlen(buf) + 12 < sizeof buf) {
                strcat(buf, "_");
                strcat(buf, tbl[i].n);
            }
    return xfmt("%s.%s", module, buf);
}

static struct cinfo *exn_failure, *exn_invalid_arg, *exn_match_failure, *exn_assert_failure;
struct cinfo *typer_exn(const char *name) { return lookup_con(name); }

void typer_init(void)
{
    stdlib_venv = NULL;
    stdlib_menv = NULL;
    td_int = new_tdecl("int", 0, TD_ABSTRACT);
    td_char = new_tdecl("char", 0, TD_ABSTRACT);
    td_string = new_tdecl("string", 0, TD_ABSTRACT);
    td_float = new_tdecl("float", 0, TD_ABSTRACT);
    td_bytes = new_tdecl("bytes", 0, TD_ABSTRACT);
    td_exn = new_tdecl("exn", 0, TD_ABSTRACT);
    td_exn->is_exn = 1;
    td_array = new_tdecl("array", 1, TD_ABSTRACT);
    new_tdecl("Thread.t", 0, TD_ABSTRACT);
    new_tdecl("Event.channel", 1, TD_ABSTRACT);
    new_tdecl("Event.event", 1, TD_ABSTRACT);
    td_bool = new_tdecl("bool", 0, TD_VARIANT);
    add_con(td_bool, "false", 0, NULL);
    add_con(td_bool, "true", 0, NULL);
    td_unit = new_tdecl("unit", 0, TD_VARIANT);
    add_con(td_unit, "()", 0, NULL);
    td_list = new_tdecl("list", 1, TD_VARIANT);
    add_con(td_list, "[]", 0, NULL);
    {
        type_t *a[2] = {td_list->params[0], tc1(td_list, td_list->params[0])};
        add_con(td_list, "::", 2, a);
    }
    td_option = new_tdecl("option", 1, TD_VARIANT);
    add_con(td_option, "None", 0, NULL);
    add_con(td_option, "Some", 1, td_option->params);
    td_ref = new_tdecl("ref", 1, TD_RECORD);
    {
        struct finfo *f = xalloc(sizeof *f);
        f->name = "contents";
        f->owner = td_ref;
        f->is_mutable = 1;
        f->type = td_ref->params[0];
        vpush(&td_ref->fields, f);
        vpush(&all_fields, f);
    }
    /* the t of the stdlib's modules of base types (functor arguments name them: X.t) */
    {
        static const char *const names[] = {"String.t", "Int.t",   "Char.t", "Float.t",
                                            "Bool.t",   "Bytes.t", "Unit.t"};
        struct tdecl *const ts[] = {td_string, td_int,   td_char, td_float,
                                    td_bool,   td_bytes, td_unit};
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            new_tdecl(names[k], 0, TD_ALIAS)->alias = tc0(ts[k]);
        struct tdecl *const ps[] = {td_list, td_option, td_array};
        static const char *const pnames[] = {"List.t", "Option.t", "Array.t"};
        for (size_t k = 0; k < 3; k++) {
            struct tdecl *d = new_tdecl(pnames[k], 1, TD_ALIAS);
            d->alias = tc1(ps[k], d->params[0]);
        }
    }
    type_t *s = tc0(td_string), *i = tc0(td_int);
    add_exn("Not_found", 0, NULL, "Not_found");
    add_exn("Exit", 0, NULL, "Stdlib.Exit");
    add_exn("Division_by_zero", 0, NULL, "Division_by_zero");
    add_exn("End_of_file", 0, NULL, "End_of_file");
    add_exn("Stack_overflow", 0, NULL, "Stack_overflow");
    add_exn("Out_of_memory", 0, NULL, "Out_of_memory");
    exn_failure = add_exn("Failure", 1, &s, "Failure");
    exn_invalid_arg = add_exn("Invalid_argument", 1, &s, "Invalid_argument");
    add_exn("Sys_error", 1, &s, "Sys_error");
    {
        type_t *a[3] = {s, i, i};
        exn_match_failure = add_exn("Match_failure", 3, a, "Match_failure");
        exn_match_failure->tuple_arg = 1;
        exn_assert_failure = add_exn("Assert_failure", 3, a, "Assert_failure");
        exn_assert_failure->tuple_arg = 1;
    }
    for (int k = 0; k < PR_COUNT; k++) {
        struct tparse tp = {.p = prim_types[k]};
        var_t *v = xalloc(sizeof *v);
        v->name = prim_names[k];
        v->kind = V_PRIM;
        v->prim = k;
        v->arity = prim_arities[k];
        v->type = tp_arrow(&tp);
        const char *dot = strchr(v->name, '.');
        if (dot && dot != v->name && v->name[1] != '.')
            v->sym = mangle(xfmt("%.*s", (int)(dot - v->name), v->name), dot + 1);
        else
            v->sym = mangle("Stdlib", v->name);
        bind_var(v);
    }
}

int prim_lookup(const char *name, int *arity)
{
    for (int k = 0; k < PR_COUNT; k++)
        if (strcmp(prim_names[k], name) == 0) {
            *arity = prim_arities[k];
            return k;
        }
    return -1;
}

/* ------------------------------------------------------------------ type expressions */
struct tvmap {
    const char *name[64];
    type_t *t[64];
    int n;
    int fixed; /* declarations: unknown variables are errors */
};
/* type variables of the structure item being typed ('a in annotations). Static storage, not
 * a local of typer_module: a user error longjmps out of typing, and the pointer must never
 * be left aimed at a dead stack frame. */
static struct tvmap item_tvars_store;
static struct tvmap *item_tvars = &item_tvars_store;

static type_t *texpr_type(texpr_t *te, struct tvmap *m)
{
    switch (te->kind) {
    case TE_VAR: {
        if (strcmp(te->name, "_") == 0)
            return ty_newvar();
        for (int i = 0; i < m->n; i++)
            if (strcmp(m->name[i], te->name) == 0)
                return m->t[i];
        if (m->fixed)
            fatal_at(te->loc, "The type variable '%s is unbound in this type declaration.",
                     te->name);
        if (m->n >= 64)
            fatal_at(te->loc, "too many type variables");
        m->name[m->n] = te->name;
        m->t[m->n] = ty_newvar();
        return m->t[m->n++];
    }
    case TE_ARROW: return tarrow(texpr_type(te->args[0], m), texpr_type(te->args[1], m));
    case TE_TUPLE: {
        type_t **a = xalloc(sizeof(type_t *) * (size_t)te->n);
        for (int i = 0; i < te->n; i++)
            a[i] = texpr_type(te->args[i], m);
        return ty_con(NULL, "*", te->n, a);
    }
    default: {
        struct tdecl *d = lookup_type(te->name);
        if (!d)
            fatal_at(te->loc, "Unbound type constructor %s", te->name);
        if (d->nparams != te->n)
            fatal_at(te->loc,
                     "The type constructor %s expects %d argument(s), but is here applied to %d "
                     "argument(s)",
                     te->name, d->nparams, te->n);
        type_t **a = xalloc(sizeof(type_t *) * (size_t)(te->n + 1));
        for (int i = 0; i < te->n; i++)
            a[i] = texpr_type(te->args[i], m);
        if (d->kind == TD_ALIAS) {
            if (!d->alias)
                fatal_at(te->loc, "The type abbreviation %s is cyclic", te->name);
            return ty_subst(d->alias, d, a);
        }
        return ty_con(d, NULL, te->n, a);
    }
    }
}

static type_t *infer_let_module(expr_t *e);
static envent_t *letmod_boundary; /* typing a let module: venv outside it */
/* ------------------------------------------------------------------ functions */
static struct fn *cur_fn;
static expr_t *ref_operand; /* the E_VAR x of `!x`, `x := e`, `incr x`, `decr x` being typed */

static struct fn *new_fn(loc_t l)
{
    struct fn *f = xalloc(sizeof *f);
    f->parent = cur_fn;
    f->loc = l;
    return f;
}

static var_t *new_local(const char *name, loc_t l, type_t *t)
{
    var_t *v = xalloc(sizeof *v);
    v->name = name;
    v->kind = V_LOCAL;
    v->type = t;
    v->owner = cur_fn;
    v->loc = l;
    v->spill = -1;
    return v;
}

static void note_use(var_t *v)
{
    v->used = 1;
    if (v->kind != V_LOCAL)
        return;
    for (struct fn *f = cur_fn; f && f != v->owner; f = f->parent) {
        if (v == f->self)
            break;
        int found = 0;
        for (int i = 0; i < f->fv.n; i++)
            if (f->fv.v[i] == v)
                found = 1;
        if (!found)
            vpush(&f->fv, v);
    }
}

/* ------------------------------------------------------------------ patterns */
typedef struct pbind {
    vec_t vars;     /* var_t* bound so far (for or-patterns / duplicates) */
    vec_t *or_vars; /* first alternative's vars */
} pbind_t;

static type_t *tpat(pat_t *p, pbind_t *pb);

static void tpat_check(pat_t *p, type_t *expected, pbind_t *pb)
{
    type_t *t = tpat(p, pb);
    type_t *a0 = ty_repr(t), *e0 = ty_repr(expected);
    if (!unify(t, expected)) {
        struct names nm = {.n = 0};
        const char *s1 = pr_to_string(a0, &nm);
        const char *s2 = pr_to_string(e0, &nm);
        fatal_at(p->loc,
                 "This pattern matches values of type %s but a pattern was expected which matches "
                 "values of type %s",
                 s1, s2);
    }
}

static var_t *pat_bind_name(const char *name, loc_t l, type_t *t, pbind_t *pb)
{
    for (int i = 0; i < pb->vars.n; i++) {
        var_t *v = pb->vars.v[i];
        if (strcmp(v->name, name) == 0)
            fatal_at(l, "Variable %s is bound several times in this matching", name);
    }
    if (pb->or_vars) {
        for (int i = 0; i < pb->or_vars->n; i++) {
            var_t *v = pb->or_vars->v[i];
            if (strcmp(v->name, name) == 0) {
                if (!unify(v->type, t))
                    fatal_at(l,
                             "The variable %s on the left-hand side of this or-pattern has a "
                             "different type",
                             name);
                vpush(&pb->vars, v);
                return v;
            }
        }
        fatal_at(l, "Variable %s must occur on both sides of this | pattern", name);
    }
    var_t *v = new_local(name, l, t);
    vpush(&pb->vars, v);
    return v;
}

/* declaration d applied to fresh variables (*args) */
static type_t *fresh_inst(struct tdecl *d, type_t ***args)
{
    *args = xalloc(sizeof(type_t *) * (size_t)(d->nparams + 1));
    for (int i = 0; i < d->nparams; i++)
        (*args)[i] = ty_newvar();
    return ty_con(d, NULL, d->nparams, *args);
}
/* the record type that fields names (n of them) belong to */
static struct tdecl *record_of(const char **names, int n, loc_t l)
{
    struct finfo *f0 = lookup_fields(names, n);
    for (int i = 0; i < n && !f0; i++)
        f0 = lookup_field(names[i]);
    if (!f0)
        fatal_at(l, "Unbound record field %s", names[0]);
    return f0->owner;
}

/* constructor c's type and its arguments' types (*args), instantiated afresh (an
 * exception's: exn and the declared types) */
static type_t *inst_con(struct cinfo *c, type_t ***args)
{
    if (c->is_exn) {
        *args = c->args;
        return tc0(td_exn);
    }
    struct ty_subst s = {.n = 0};
    type_t *res = ty_inst_rec(c->result, &s);
    *args = xalloc(sizeof(type_t *) * (size_t)(c->arity + 1));
    for (int i = 0; i < c->arity; i++)
        (*args)[i] = ty_inst_rec(c->args[i], &s);
    return res;
}

static int mentions(type_t *t, type_t *v)
{
    t = ty_repr(t);
    if (t == v)
        return 1;
    for (int i = 0; t->kind == TY_CON && i < t->nargs; i++)
        if (mentions(t->args[i], v))
            return 1;
    return 0;
}
/* The type of `C … as x` at type t (sub is C's pattern): as OCaml, the parameters of C's
 * type that C's arguments do not mention are fresh (`Error _ as e` is any ('a, 'e) result) */
static type_t *alias_type(pat_t *sub, type_t *t)
{
    struct cinfo *c = sub->kind == P_CONSTR ? sub->con : NULL;
    type_t *rt = ty_repr(t);
    if (!c || c->is_exn || !c->owner || rt->kind != TY_CON || rt->decl != c->owner || !rt->nargs)
        return t;
    struct tdecl *d = c->owner;
    type_t **args = xalloc(sizeof(type_t *) * (size_t)(d->nparams + 1));
    for (int i = 0; i < d->nparams; i++) {
        int used = 0;
        for (int a = 0; a < c->arity && !used; a++)
            used = mentions(c->args[a], d->params[i]);
        args[i] = used ? rt->args[i] : ty_newvar();
    }
    return ty_con(d, NULL, d->nparams, args);
}

static type_t *tpat(pat_t *p, pbind_t *pb)
{
    check_nesting(p->loc);
    type_t *t;
    switch (p->kind) {
    case P_ANY: t = ty_newvar(); break;
    case P_VAR:
        t = ty_newvar();
        p->var = pat_bind_name(p->name, p->loc, t, pb);
        t = p->var->type;
        break;
    case P_INT: t = tc0(td_int); break;
    case P_CHAR: t = tc0(td_char); break;
    case P_STRING: t = tc0(td_string); break;
    case P_FLOAT: t = tc0(td_float); break;
    case P_TUPLE: {
        type_t **a = xalloc(sizeof(type_t *) * (size_t)p->n);
        for (int i = 0; i < p->n; i++)
            a[i] = tpat(p->sub[i], pb);
        t = ty_con(NULL, "*", p->n, a);
        break;
    }
    case P_ARRAY: {
        type_t *el = ty_newvar();
        for (int i = 0; i < p->n; i++)
            tpat_check(p->sub[i], el, pb);
        t = tc1(td_array, el);
        break;
    }
    case P_CONSTR: {
        struct cinfo *c = lookup_con(p->name);
        if (!c)
            fatal_at(p->loc, "Unbound constructor %s", p->name);
        p->con = c;
        type_t **args;
        type_t *res = inst_con(c, &args);
        pat_t *arg = p->n ? p->sub[0] : NULL;
        if (c->arity == 0) {
            if (arg)
                fatal_at(p->loc,
                         "The constructor %s expects 0 argument(s), but is applied here to 1 "
                         "argument(s)",
                         c->name);
            p->n = 0;
        } else {
            if (!arg)
                fatal_at(p->loc,
                         "The constructor %s expects %d argument(s), but is applied here to 0 "
                         "argument(s)",
                         c->name, c->arity);
            if (c->arity == 1) {
                tpat_check(arg, args[0], pb);
            } else if (arg->kind == P_ANY) {
                p->n = c->arity;
                p->sub = xalloc(sizeof(pat_t *) * (size_t)c->arity);
                for (int i = 0; i < c->arity; i++) {
                    p->sub[i] = mk_pat(P_ANY, arg->loc);
                    p->sub[i]->ty = args[i];
                }
            } else if (arg->kind == P_TUPLE && arg->n == c->arity) {
                p->n = c->arity;
                p->sub = arg->sub;
                for (int i = 0; i < c->arity; i++)
                    tpat_check(p->sub[i], args[i], pb);
            } else if (c->tuple_arg || c->is_exn) {
                /* "of (a * b)": one tuple argument matched as a whole */
                type_t *tt = ty_con(NULL, "*", c->arity, args);
                tpat_check(arg, tt, pb);
                p->kind = P_CONSTR;
                /* represent as a tuple sub-pattern over the fields */
                if (arg->kind == P_VAR || arg->kind == P_ALIAS)
                    fatal_at(arg->loc,
                             "Sense does not support binding the whole argument tuple of "
                             "constructor %s; match its components",
                             c->name);
            } else
                fatal_at(p->loc,
                         "The constructor %s expects %d argument(s), but is applied here to 1 "
                         "argument(s)",
                         c->name, c->arity);
        }
        t = res;
        break;
    }
    case P_RECORD: {
        if (p->n == 0)
            fatal_at(p->loc, "Syntax error");
        struct tdecl *d = record_of(p->fnames, p->n, p->loc);
        type_t **args;
        t = fresh_inst(d, &args);
        p->fields = xalloc(sizeof(struct finfo *) * (size_t)p->n);
        for (int i = 0; i < p->n; i++) {
            struct finfo *f = NULL;
            for (int k = 0; k < d->fields.n; k++)
                if (strcmp(((struct finfo *)d->fields.v[k])->name, p->fnames[i]) == 0)
                    f = d->fields.v[k];
            if (!f) {
                if (lookup_field(p->fnames[i]))
                    fatal_at(p->loc,
                             "The record field %s belongs to the type %s but is mixed here with "
                             "fields of type %s",
                             p->fnames[i], lookup_field(p->fnames[i])->owner->name, d->name);
                fatal_at(p->loc, "Unbound record field %s", p->fnames[i]);
            }
            p->fields[i] = f;
            tpat_check(p->sub[i], ty_subst(f->type, d, args), pb);
        }
        break;
    }
    case P_OR: {
        pbind_t left = {.vars = {0}};
        left.or_vars = pb->or_vars;
        type_t *t1 = tpat(p->sub[0], &left);
        pbind_t right = {.vars = {0}};
        right.or_vars = &left.vars;
        tpat_check(p->sub[1], t1, &right);
        if (right.vars.n != left.vars.n) {
            for (int i = 0; i < left.vars.n; i++) {
                int found = 0;
                for (int k = 0; k < right.vars.n; k++)
                    if (right.vars.v[k] == left.vars.v[i])
                        found = 1;
                if (!found)
                    fatal_at(p->loc, "Variable %s must occur on both sides of this | pattern",
                             ((var_t *)left.vars.v[i])->name);
            }
        }
        for (int i = 0; i < left.vars.n; i++) {
            var_t *v = left.vars.v[i];
            if (!pb->or_vars) {
                for (int k = 0; k < pb->vars.n; k++)
                    if (strcmp(((var_t *)pb->vars.v[k])->name, v->name) == 0)
                        fatal_at(p->loc, "Variable %s is bound several times in this matching",
                                 v->name);
            }
            vpush(&pb->vars, v);
        }
        t = t1;
        break;
    }
    case P_ALIAS: {
        t = tpat(p->sub[0], pb);
        p->var = pat_bind_name(p->name, p->loc, alias_type(p->sub[0], t), pb);
        break;
    }
    case P_CONSTRAINT: {
        t = texpr_type(p->cty, item_tvars);
        tpat_check(p->sub[0], t, pb);
        break;
    }
    default: ICE();
    }
    p->ty = t;
    return t;
}

/* ------------------------------------------------------------------ expressions */
static type_t *infer(expr_t *e);
static type_t *pending_expected; /* check()'s expected type, for infer() to push down */
static void check(expr_t *e, type_t *expected)
{
    pending_expected = expected;
    type_t *t = infer(e);
    type_t *a0 = ty_repr(t), *e0 = ty_repr(expected);
    if (!unify(t, expected)) {
        type_mismatch(e->loc, a0, e0, NULL);
        fatal_stop();
    }
}

static int nonexpansive(expr_t *e)
{
    switch (e->kind) {
    case E_INT:
    case E_CHAR:
    case E_FLOAT:
    case E_STRING:
    case E_VAR:
    case E_FUN:
    case E_FUNCTION: return 1;
    case E_CONSTR: return !e->a || nonexpansive(e->a);
    case E_TUPLE:
        for (int i = 0; i < e->n; i++)
            if (!nonexpansive(e->args[i]))
                return 0;
        return 1;
    case E_CONSTRAINT: return nonexpansive(e->a);
    case E_LET:
        for (int i = 0; i < e->n; i++)
            if (!nonexpansive(e->binds[i]->e))
                return 0;
        return nonexpansive(e->a);
    case E_RECORD:
        if (e->a)
            return 0;
        for (int i = 0; i < e->n; i++)
            if (!nonexpansive(e->args[i]))
                return 0;
        for (int i = 0; i < e->n; i++)
            if (e->fields && e->fields[i] && e->fields[i]->is_mutable)
                return 0;
        return 1;
    default: return 0;
    }
}

static int is_simple_param(pat_t *p)
{
    while (p->kind == P_CONSTRAINT)
        p = p->sub[0];
    return p->kind == P_VAR || p->kind == P_ANY;
}

static int synth_counter;
static const char *synth_name(void) { return xfmt("%%p%d", ++synth_counter); }

/* fun p1 .. pn -> body with complex patterns: fun %a1 .. %an -> match %ai with pi -> ... */
static void desugar_fun(expr_t *e)
{
    expr_t *body = e->a;
    for (int i = e->n - 1; i >= 0; i--) {
        pat_t *p = e->params[i];
        if (is_simple_param(p))
            continue;
        const char *nm = synth_name();
        pat_t *pv = mk_pat(P_VAR, p->loc);
        pv->name = nm;
        pv->plabel = p->plabel;
        pv->optional = p->optional;
        e->params[i] = pv;
        expr_t *m = mk_expr(E_MATCH, p->loc);
        m->a = mk_var(p->loc, nm);
        m->n = 1;
        m->cases = xalloc(sizeof(mcase_t *));
        m->cases[0] = xalloc(sizeof(mcase_t));
        m->cases[0]->pat = p;
        m->cases[0]->body = body;
        body = m;
    }
    e->a = body;
}

static type_t *fmt_conv_type(int c)
{
    switch (c) {
    case 's':
    case 'S': return tc0(td_string);
    case 'c':
    case 'C': return tc0(td_char);
    case 'b':
    case 'B': return tc0(td_bool);
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': return tc0(td_float);
    default: return tc0(td_int);
    }
}

/* Printf.printf "fmt" a1 .. ak: rewrite e (an E_APP) in place */
static int format_opened(void);
static int printf_kind(expr_t *head)
{
    if (head->kind != E_VAR)
        return -1;
    const char *n = head->sval;
    var_t *v = lookup_var(n);
    if (v && !v->printf_alias)
        return -1;
    if (v) {
        note_use(v);
        n = v->printf_alias;
    }
    if (!strncmp(n, "Stdlib.", 7) && strchr(n + 7, '.'))
        n += 7; /* Stdlib.Printf.printf */
    if (!strchr(n, '.') && format_opened())
        n = xfmt("Format.%s", n);
    if (!strcmp(n, "Printf.printf") || !strcmp(n, "printf"))
        return 0;
    if (!strcmp(n, "Printf.sprintf") || !strcmp(n, "sprintf"))
        return 1;
    if (!strcmp(n, "Printf.eprintf") || !strcmp(n, "eprintf"))
        return 2;
    if (!strcmp(n, "Printf.fprintf") || !strcmp(n, "fprintf"))
        return 3;
    static const char *const fmt_names[] = {"printf", "eprintf", "fprintf", "sprintf", "asprintf"};
    for (int i = 0; i < 5; i++)
        if (!strncmp(n, "Format.", 7) && !strcmp(n + 7, fmt_names[i]))
            return 4 + i;
    return -1;
}
/* `let f = Printf.sprintf` (also printf, eprintf, fprintf, Format's): the name f stands
 * for, else NULL */
static const char *printf_alias_of(expr_t *rhs)
{
    static const char *const canon[] = {"Printf.printf",  "Printf.sprintf", "Printf.eprintf",
                                        "Printf.fprintf", "Format.printf",  "Format.eprintf",
                                        "Format.fprintf", "Format.sprintf", "Format.asprintf"};
    int k = rhs->kind == E_VAR ? printf_kind(rhs) : -1;
    return k >= 0 && k < 9 ? canon[k] : NULL;
}
/* with `open Format`, printf … are Format's */
static int format_opened(void)
{
    for (int i = open_paths.n - 1; i >= 0; i--) {
        if (!strcmp(open_paths.v[i], "Format"))
            return 1;
        if (!strcmp(open_paths.v[i], "Printf"))
            return 0;
    }
    return 0;
}
/* Format.asprintf: let b = Buffer.create 64 in let ppf = Format.formatter_of_buffer b in
 * (fprintf ppf …; Buffer.contents b) */
static expr_t *let1(loc_t l, const char *name, expr_t *rhs, expr_t *body)
{
    expr_t *x = mk_expr(E_LET, l);
    x->n = 1;
    x->binds = xalloc(sizeof(binding_t *));
    x->binds[0] = xalloc(sizeof(binding_t));
    pat_t *pv = mk_pat(P_VAR, l);
    pv->name = name;
    x->binds[0]->pat = pv;
    x->binds[0]->e = rhs;
    x->binds[0]->loc = l;
    x->a = body;
    return x;
}
static expr_t *wrap_asprintf(expr_t *pf, const char *buf, const char *ppf)
{
    loc_t l = pf->loc;
    expr_t *n64 = mk_expr(E_INT, l);
    n64->ival = 64;
    expr_t *seq = mk_expr(E_SEQ, l);
    seq->a = pf;
    expr_t *bv = mk_var(l, buf);
    seq->b = mk_app(l, mk_var(l, "Buffer.contents"), 1, &bv);
    expr_t *bv2 = mk_var(l, buf);
    return let1(l, buf, mk_app(l, mk_var(l, "Buffer.create"), 1, &n64),
                let1(l, ppf, mk_app(l, mk_var(l, "Format.formatter_of_buffer"), 1, &bv2), seq));
}

static int has_printer(const vec_t *segs);
static type_t *infer_printf(expr_t *e, int kind)
{
    expr_t *chan = NULL;      /* fprintf's channel (evaluated once, first) */
    const char *asbuf = NULL; /* Format.asprintf: its buffer's name */
    if (kind >= 4) {          /* Format's: @ directives, a formatter */
        int fi = kind == 6 ? 1 : 0;
        if (e->n > fi && e->args[fi]->kind == E_STRING) {
            expr_t *f = e->args[fi];
            f->sval = fmt_format_directives(f->sval, f->slen, &f->slen);
        }
        if (kind == 4 || kind == 5)
            chan = mk_var(e->loc, kind == 4 ? "Format.std_formatter" : "Format.err_formatter");
        else if (kind == 8) {
            asbuf = synth_name();
            chan = mk_var(e->loc, synth_name());
        }
        kind = kind == 7 ? 1 : kind == 6 ? 6 : 4;
    }
    if (kind == 3 || kind == 6) {
        if (e->n < 2)
            fatal_at(e->loc, "Sense supports Printf.fprintf only applied to a channel and a "
                             "literal format string");
        chan = e->args[0];
        e->args++;
        e->n--;
        if (kind == 6)
            kind = 4; /* Format.fprintf */
    }
    expr_t *fmt = e->args[0];
    if (fmt->kind != E_STRING)
        fatal_at(fmt->loc, "Sense supports Printf only with a literal format string");
    vec_t segs = {0};
    const char *err = NULL;
    if (fmt_parse(fmt->sval, fmt->slen, &segs, &err) != 0)
        fatal_at(fmt->loc, strstr(err, "not supported") ? "%s" : "invalid format %s", err);
    int k = fmt_nargs(&segs);
    int given = e->n - 1;
    expr_t *pf = mk_expr(E_PRINTF, e->loc);
    pf->pf_kind = kind;
    pf->a = fmt;
    pf->b = chan;
    if (!chan && kind != 1 && has_printer(&segs)) /* %a and %t print on the channel */
        pf->b = mk_var(e->loc, kind == 2 ? "Stdlib.stderr" : "Stdlib.stdout");
    pf->n = k;
    pf->args = xalloc(sizeof(expr_t *) * (size_t)(k + 1));
    expr_t *body = asbuf ? wrap_asprintf(pf, asbuf, chan->sval) : pf;
    if (given >= k) {
        for (int i = 0; i < k; i++)
            pf->args[i] = e->args[1 + i];
        if (given == k) {
            *e = *body;
        } else {
            expr_t **rest = e->args + 1 + k;
            int nr = given - k;
            e->a = body;
            e->n = nr;
            e->args = rest;
        }
        return infer(e);
    }
    /* partial application: let xi = ai (right to left) in fun p.. -> printf */
    expr_t *fun = mk_expr(E_FUN, e->loc);
    fun->n = k - given;
    fun->params = xalloc(sizeof(pat_t *) * (size_t)fun->n);
    for (int i = 0; i < k; i++) {
        const char *nm = synth_name();
        if (i < given) {
            pf->args[i] = mk_var(e->args[1 + i]->loc, nm);
        } else {
            pat_t *pv = mk_pat(P_VAR, e->loc);
            pv->name = nm;
            fun->params[i - given] = pv;
            pf->args[i] = mk_var(e->loc, nm);
        }
    }
    fun->a = body;
    expr_t *r = fun;
    for (int i = 0; i < given; i++) {
        expr_t *l = mk_expr(E_LET, e->loc);
        l->n = 1;
        l->binds = xalloc(sizeof(binding_t *));
        l->binds[0] = xalloc(sizeof(binding_t));
        pat_t *pv = mk_pat(P_VAR, e->args[1 + i]->loc);
        pv->name = pf->args[i]->sval;
        l->binds[0]->pat = pv;
        l->binds[0]->e = e->args[1 + i];
        l->a = r;
        r = l;
    }
    *e = *r;
    return infer(e);
}

static int has_printer(const vec_t *segs)
{
    for (int i = 0; i < segs->n; i++)
        if (((fmtseg_t *)segs->v[i])->conv == 'a' || ((fmtseg_t *)segs->v[i])->conv == 't')
            return 1;
    return 0;
}

static type_t *infer_printf_node(expr_t *e)
{
    vec_t segs = {0};
    const char *err = NULL;
    fmt_parse(e->a->sval, e->a->slen, &segs, &err);
    /* %a's and %t's printers take the channel (sprintf: ()) and print (sprintf: return
     * the text) */
    type_t *chan = tc0(td_unit), *out = tc0(td_unit);
    if (e->b) {
        struct tdecl *oc = lookup_type(e->pf_kind == 4 ? "Format.formatter" : "out_channel");
        if (!oc)
            fatal_at(e->loc, "Printf.fprintf, %%a and %%t need the stdlib's out_channel (Format's: "
                             "Format.formatter)");
        chan = tc0(oc);
        check(e->b, chan);
    } else if (e->pf_kind == 1)
        out = tc0(td_string);
    int j = 0;
    for (int i = 0; i < segs.n; i++) {
        fmtseg_t *g = segs.v[i];
        if (!g->conv)
            continue;
        if (g->conv == 'a') {
            type_t *x = ty_newvar();
            check(e->args[j++], tarrow(chan, tarrow(x, out)));
            check(e->args[j++], x);
        } else if (g->conv == 't')
            check(e->args[j++], tarrow(chan, out));
        else {
            for (int k = 0; k < g->stars; k++)
                check(e->args[j++], tc0(td_int));
            check(e->args[j++], fmt_conv_type(g->conv));
        }
    }
    return e->pf_kind == 1 ? tc0(td_string) : tc0(td_unit);
}

static void warn_unused(var_t *v)
{
    if (!v->used && v->name[0] != '_' && v->name[0] != '%')
        diag_warning(v->loc, "unused variable %s.", v->name);
}

static void bind_pattern_vars(pbind_t *pb)
{
    for (int i = 0; i < pb->vars.n; i++)
        bind_var(pb->vars.v[i]);
}

static type_t *infer_cases(expr_t *e, type_t *scrut_t, type_t *res)
{
    if (!res)
        res = ty_newvar();
    for (int i = 0; i < e->n; i++) {
        mcase_t *c = e->cases[i];
        envent_t *save = venv;
        pbind_t pb = {.vars = {0}};
        tpat_check(c->pat, scrut_t, &pb);
        bind_pattern_vars(&pb);
        if (c->guard)
            check(c->guard, tc0(td_bool));
        check(c->body, res);
        venv = save;
    }
    return res;
}

/* the function f: parameters typed, body inferred; returns the arrow type */
#define MAX_ARITY 32
static type_t *infer_fun(expr_t *e, var_t *self)
{
    if (e->n > MAX_ARITY) {
        /* fun a1 .. an -> b  ==>  fun a1 .. a32 -> fun a33 .. an -> b */
        expr_t *in = mk_expr(E_FUN, e->loc);
        in->n = e->n - MAX_ARITY;
        in->params = e->params + MAX_ARITY;
        in->a = e->a;
        e->n = MAX_ARITY;
        e->a = in;
    }
    /* (type t) parameters: t names a fresh type variable in the whole function (Sense's
     * locally abstract types are not rigid: they accept what OCaml accepts) */
    int ntypes = all_types.n;
    for (expr_t *x = e; x && x->kind == E_FUN; x = x->a)
        for (int i = 0; i < x->n_newtypes; i++)
            new_tdecl(x->newtypes[i], 0, TD_ALIAS)->alias = ty_newvar();
    desugar_fun(e);
    struct fn *f = new_fn(e->loc);
    f->self = self;
    /* merge fun x -> fun y -> e into one function of arity 2 (up to MAX_ARITY) */
    while (e->a && e->a->kind == E_FUN && e->n + e->a->n <= MAX_ARITY) {
        expr_t *in = e->a;
        desugar_fun(in);
        pat_t **np = xalloc(sizeof(pat_t *) * (size_t)(e->n + in->n));
        memcpy(np, e->params, sizeof(pat_t *) * (size_t)e->n);
        memcpy(np + e->n, in->params, sizeof(pat_t *) * (size_t)in->n);
        e->params = np;
        e->n += in->n;
        e->a = in->a;
    }
    f->arity = e->n;
    f->params = e->params;
    f->body = e->a;
    e->fn = f;
    struct fn *saved_fn = cur_fn;
    cur_fn = f;
    envent_t *save = venv;
    type_t **pt = xalloc(sizeof(type_t *) * (size_t)e->n);
    for (int i = 0; i < e->n; i++) {
        pbind_t pb = {.vars = {0}};
        pt[i] = tpat(e->params[i], &pb);
        if (e->params[i]->optional && !unify(pt[i], tc1(td_option, ty_newvar())))
            fatal_at(e->params[i]->loc, "This optional parameter has type %s, not an option",
                     type_to_string(pt[i]));
        bind_pattern_vars(&pb);
    }
    type_t *rt = infer(e->a);
    venv = save;
    cur_fn = saved_fn;
    all_types.n = ntypes;
    for (int i = e->n - 1; i >= 0; i--)
        rt = tarrow(pt[i], rt);
    return rt;
}

static pat_t *strip_constraint(pat_t *p)
{
    while (p->kind == P_CONSTRAINT)
        p = p->sub[0];
    return p;
}

static void infer_let(binding_t **binds, int n, int rec, int toplevel, vec_t *bound);
static struct cinfo *declare_exn(item_t *it);
static void open_module(const char *m, loc_t l);

/* ------------------------------------------------------------------ labels
 * Labels are resolved at the call of a known function (its parameters as written): the
 * arguments are put in parameter order, ~x:e given to ?x becomes Some e, an optional
 * parameter followed by a given positional one becomes None; a partial application
 * becomes let a1 = e1 … in fun (missing parameters, labels kept) -> f a1 … */
static const char *param_label(pat_t *p, int *opt)
{
    for (;;) {
        if (p->plabel) {
            *opt = p->optional;
            return p->plabel;
        }
        if (p->kind != P_CONSTRAINT)
            break;
        p = p->sub[0];
    }
    *opt = 0;
    return NULL;
}
static expr_t *label_app(expr_t *e)
{
    int labelled = 0, optional = 0, opt;
    for (int i = 0; i < e->n; i++)
        if (e->args[i]->label)
            labelled = 1;
    var_t *hv = e->a->kind == E_VAR ? lookup_var(e->a->sval) : NULL;
    pat_t **ps = NULL;
    int m = 0;
    if (hv && hv->fn) {
        ps = hv->fn->params;
        m = hv->fn->arity;
    } else if (hv && hv->sparams) {
        ps = hv->sparams;
        m = hv->nsparams;
    }
    for (int k = 0; k < m; k++)
        if (param_label(ps[k], &opt) && opt)
            optional = 1;
    if (!labelled && !optional)
        return NULL;
    if (!ps)
        fatal_at(e->loc, "Sense supports labelled arguments only in applications of a let-bound "
                         "function (see docs/language.md)");
    expr_t **slot = xalloc(sizeof(expr_t *) * (size_t)(m + e->n + 1));
    int next = 0, nextra = 0;
    for (int i = 0; i < e->n; i++) {
        expr_t *a = e->args[i];
        if (!a->label)
            continue;
        int k = 0;
        for (; k < m; k++) {
            const char *l = param_label(ps[k], &opt);
            if (l && !strcmp(l, a->label) && !slot[k])
                break;
        }
        if (k == m)
            fatal_at(a->loc, "The function applied to this argument has no parameter labelled %s%s",
                     a->optarg ? "?" : "~", a->label);
        param_label(ps[k], &opt);
        if (a->optarg && !opt)
            fatal_at(a->loc, "The parameter ~%s is not optional", a->label);
        slot[k] = opt && !a->optarg ? mk_constr(a->loc, "Some", a) : a;
    }
    for (int i = 0; i < e->n; i++) {
        expr_t *a = e->args[i];
        if (a->label)
            continue;
        while (next < m && (slot[next] || param_label(ps[next], &opt)))
            next++;
        if (next < m)
            slot[next++] = a;
        else
            slot[m + nextra++] = a;
    }
    int lastpos = -1;
    for (int k = 0; k < m; k++)
        if (slot[k] && !param_label(ps[k], &opt))
            lastpos = k;
    for (int k = 0; k < lastpos; k++)
        if (!slot[k] && param_label(ps[k], &opt) && opt)
            slot[k] = mk_constr(e->loc, "None", NULL);
    int missing = 0;
    for (int k = 0; k < m; k++)
        missing += !slot[k];
    for (int i = 0; i < e->n; i++)
        e->args[i]->label = NULL;
    if (!missing) {
        e->args = slot;
        e->n = m + nextra;
        return NULL;
    }
    if (nextra)
        fatal_at(e->loc,
                 "This function is applied to too many arguments for its labelled parameters");
    expr_t *app = mk_expr(E_APP, e->loc);
    app->a = e->a;
    app->n = m;
    app->args = xalloc(sizeof(expr_t *) * (size_t)(m + 1));
    expr_t *fun = mk_expr(E_FUN, e->loc);
    fun->params = xalloc(sizeof(pat_t *) * (size_t)(m + 1));
    expr_t *let = mk_expr(E_LET, e->loc);
    let->binds = xalloc(sizeof(binding_t *) * (size_t)(m + 1));
    for (int k = 0; k < m; k++) {
        const char *nm = synth_name();
        app->args[k] = mk_var(e->loc, nm);
        /* the full application passes each argument by its parameter's label (an optional
         * one as the option itself: ?x:a), so that it is resolved like the original */
        app->args[k]->label = param_label(ps[k], &opt);
        app->args[k]->optarg = opt;
        pat_t *pv = mk_pat(P_VAR, e->loc);
        pv->name = nm;
        if (slot[k]) {
            binding_t *b = xalloc(sizeof *b);
            b->pat = pv;
            b->e = slot[k];
            b->loc = slot[k]->loc;
            let->binds[let->n++] = b;
        } else {
            pv->plabel = param_label(ps[k], &opt);
            pv->optional = opt;
            fun->params[fun->n++] = pv;
        }
    }
    fun->a = app;
    let->a = fun;
    return let->n ? let : fun;
}

static type_t *infer_var(expr_t *e)
{
    type_t *t = NULL;
    var_t *v = lookup_var(e->sval);
    if (!v) {
        if (printf_kind(e) >= 0)
            fatal_at(e->loc, "Sense supports %s only applied to a literal format string", e->sval);
        /* OCaml's, but the VM has no service for them (docs/language.md, "What is not in") */
        static const char *const absent[] = {"Gc.minor_words", "Gc.allocated_bytes", "Gc.stat",
                                             "Gc.quick_stat",  "Gc.counters",        NULL};
        for (int i = 0; absent[i]; i++)
            if (!strcmp(e->sval, absent[i]) || !strcmp(e->sval, xfmt("Stdlib.%s", absent[i])))
                fatal_at(e->loc,
                         "%s is not supported by Sense: the VM keeps no allocation "
                         "counters (see docs/language.md)",
                         e->sval);
        const char *dot = strchr(e->sval, '.');
        if (dot && e->sval[0] >= 'A' && e->sval[0] <= 'Z') {
            char *m = xfmt("%.*s", (int)(dot - e->sval), e->sval);
            int known = 0;
            for (envent_t *x = venv; x; x = x->next)
                if (strncmp(x->name, m, strlen(m)) == 0 && x->name[strlen(m)] == '.') {
                    known = 1;
                    break;
                }
            if (!known)
                fatal_at(e->loc, "Unbound module %s", m);
        }
        fatal_at(e->loc, "Unbound value %s", e->sval);
    }
    if (v->printf_alias)
        fatal_at(e->loc, "Sense supports %s (%s) only applied to a literal format string", e->sval,
                 v->printf_alias);
    if (letmod_boundary && v->kind == V_LOCAL) {
        envent_t *x = venv;
        while (x && x != letmod_boundary && x->v != v)
            x = x->next;
        if (x == letmod_boundary)
            fatal_at(e->loc, "a 'let module' whose structure uses local variables is not supported "
                             "by Sense (see docs/language.md)");
    }
    e->var = v;
    note_use(v);
    if (e != ref_operand || v->owner != cur_fn)
        v->escapes = 1; /* (a local read in place of a ref: see E_APP) */
    t = ty_instantiate(v->type);
    return t;
}

static type_t *infer_constr(expr_t *e, type_t *expected)
{
    type_t *t = NULL;
    struct cinfo *c = lookup_con(e->sval);
    if (!c)
        fatal_at(e->loc, "Unbound constructor %s", e->sval);
    e->con = c;
    type_t **args;
    type_t *res = inst_con(c, &args);
    /* as OCaml: the expected type flows into the arguments (errors point at them) */
    if (!c->is_exn && expected && ty_repr(expected)->kind == TY_CON &&
        ty_repr(expected)->decl == c->owner)
        unify(res, expected);
    if (c->arity == 0) {
        if (e->a)
            fatal_at(
                e->loc,
                "The constructor %s expects 0 argument(s), but is applied here to 1 argument(s)",
                c->name);
        e->n = 0;
    } else {
        if (!e->a)
            fatal_at(
                e->loc,
                "The constructor %s expects %d argument(s), but is applied here to 0 argument(s)",
                c->name, c->arity);
        if (c->arity == 1) {
            e->n = 1;
            e->args = xalloc(sizeof(expr_t *));
            e->args[0] = e->a;
            check(e->a, args[0]);
        } else if (e->a->kind == E_TUPLE && e->a->n == c->arity) {
            e->n = c->arity;
            e->args = e->a->args;
            for (int i = 0; i < c->arity; i++)
                check(e->args[i], args[i]);
        } else
            fatal_at(
                e->loc,
                "The constructor %s expects %d argument(s), but is applied here to 1 argument(s)",
                c->name, c->arity);
    }
    t = res;
    return t;
}

static type_t *infer_app(expr_t *e)
{
    type_t *t = NULL;
    /* flatten (f a) b */
    while (e->a->kind == E_APP && e->a->a->kind != E_PRINTF && printf_kind(e->a->a) < 0) {
        expr_t *in = e->a;
        expr_t **na = xalloc(sizeof(expr_t *) * (size_t)(in->n + e->n));
        memcpy(na, in->args, sizeof(expr_t *) * (size_t)in->n);
        memcpy(na + in->n, e->args, sizeof(expr_t *) * (size_t)e->n);
        e->args = na;
        e->n += in->n;
        e->a = in->a;
    }
    expr_t *eta = label_app(e);
    if (eta) {
        *e = *eta;
        t = infer(e);
        return t;
    }
    type_t *ft = infer(e->a);
    for (int i = 0; i < e->n; i++) {
        type_t *f = ty_repr(ft);
        if (f->kind == TY_VAR) {
            type_t *a = ty_newvar(), *r = ty_newvar();
            unify(f, tarrow(a, r));
            f = ty_repr(ft);
        }
        if (f->kind != TY_CON || f->decl || strcmp(f->name, "->") != 0) {
            if (i == 0)
                fatal_at(
                    e->a->loc,
                    "This expression has type %s. This is not a function; it cannot be applied.",
                    type_to_string(ft));
            fatal_at(e->a->loc,
                     "This function has type %s. It is applied to too many arguments; maybe you "
                     "forgot a `;'.",
                     type_to_string(e->a->ty ? e->a->ty : ft));
        }
        if (i == 0)
            e->a->ty = ft;
        /* `!x`, `x := e`, `incr x`, `decr x` on a local x do not make it escape: if
         * nothing else does, its ref lives in its stack slot (gen.c, clet) */
        var_t *hv = e->a->kind == E_VAR ? e->a->var : NULL;
        if (i == 0 && hv && hv->kind == V_PRIM && e->n == hv->arity &&
            (hv->prim == PR_DEREF || hv->prim == PR_ASSIGN || hv->prim == PR_INCR ||
             hv->prim == PR_DECR) &&
            e->args[0]->kind == E_VAR)
            ref_operand = e->args[0];
        check(e->args[i], f->args[0]);
        ref_operand = NULL;
        ft = f->args[1];
    }
    t = ft;
    return t;
}

static type_t *infer_function(expr_t *e)
{
    type_t *t = NULL;
    /* function cases  ==>  fun %x -> match %x with cases */
    const char *nm = synth_name();
    expr_t *m = mk_expr(E_MATCH, e->loc);
    m->a = mk_var(e->loc, nm);
    m->n = e->n;
    m->cases = e->cases;
    pat_t *pv = mk_pat(P_VAR, e->loc);
    pv->name = nm;
    e->kind = E_FUN;
    e->n = 1;
    e->params = xalloc(sizeof(pat_t *));
    e->params[0] = pv;
    e->a = m;
    e->cases = NULL;
    t = infer_fun(e, NULL);
    return t;
}

static type_t *infer_tuple(expr_t *e, type_t *expected)
{
    type_t *t = NULL;
    type_t **a = xalloc(sizeof(type_t *) * (size_t)e->n);
    type_t *xt = expected ? ty_repr(expected) : NULL;
    int push_down =
        xt && xt->kind == TY_CON && !xt->decl && !strcmp(xt->name, "*") && xt->nargs == e->n;
    for (int i = 0; i < e->n; i++) {
        if (push_down) {
            check(e->args[i], xt->args[i]);
            a[i] = xt->args[i];
        } else
            a[i] = infer(e->args[i]);
    }
    t = ty_con(NULL, "*", e->n, a);
    return t;
}

static type_t *infer_seq(expr_t *e)
{
    type_t *t = NULL;
    type_t *a = infer(e->a);
    type_t *ra = ty_repr(a);
    if (ra->kind == TY_CON && !ra->decl && strcmp(ra->name, "->") == 0)
        diag_warning(e->a->loc,
                     "this function application is partial, maybe some arguments are missing.");
    else if (!(ra->kind == TY_VAR) && !is_con(ra, td_unit))
        diag_warning(e->a->loc, "this expression should have type unit.");
    t = infer(e->b);
    return t;
}

static type_t *infer_for(expr_t *e)
{
    type_t *t = NULL;
    check(e->a, tc0(td_int));
    check(e->b, tc0(td_int));
    envent_t *save = venv;
    pbind_t pb = {.vars = {0}};
    tpat_check(e->pat, tc0(td_int), &pb);
    bind_pattern_vars(&pb);
    type_t *b = infer(e->c);
    if (!unify(b, tc0(td_unit)))
        diag_warning(e->c->loc, "this expression should have type unit.");
    venv = save;
    t = tc0(td_unit);
    return t;
}

static type_t *infer_record(expr_t *e)
{
    type_t *t = NULL;
    struct tdecl *d = record_of(e->fnames, e->n, e->loc);
    type_t **args;
    t = fresh_inst(d, &args);
    e->fields = xalloc(sizeof(struct finfo *) * (size_t)(e->n + 1));
    if (e->a)
        check(e->a, t);
    for (int i = 0; i < e->n; i++) {
        struct finfo *f = NULL;
        for (int k = 0; k < d->fields.n; k++)
            if (strcmp(((struct finfo *)d->fields.v[k])->name, e->fnames[i]) == 0)
                f = d->fields.v[k];
        if (!f) {
            if (lookup_field(e->fnames[i]))
                fatal_at(e->args[i]->loc,
                         "The record field %s belongs to the type %s but is mixed here with fields "
                         "of type %s",
                         e->fnames[i], lookup_field(e->fnames[i])->owner->name, d->name);
            fatal_at(e->loc, "Unbound record field %s", e->fnames[i]);
        }
        for (int k = 0; k < i; k++)
            if (e->fields[k] == f)
                fatal_at(e->loc, "The record field label %s is defined several times", f->name);
        e->fields[i] = f;
        check(e->args[i], ty_subst(f->type, d, args));
    }
    if (!e->a && e->n != d->fields.n) {
        vec_t miss = {0};
        for (int k = 0; k < d->fields.n; k++) {
            int found = 0;
            for (int i = 0; i < e->n; i++)
                if (e->fields[i] == d->fields.v[k])
                    found = 1;
            if (!found)
                vpush(&miss, (void *)((struct finfo *)d->fields.v[k])->name);
        }
        char buf[512] = "";
        for (int i = 0; i < miss.n; i++) {
            if (i)
                strncat(buf, " ", sizeof buf - strlen(buf) - 1);
            strncat(buf, miss.v[i], sizeof buf - strlen(buf) - 1);
        }
        fatal_at(e->loc, "Some record fields are undefined: %s", buf);
    }
    return t;
}

static type_t *infer_letexn(expr_t *e)
{
    type_t *t = NULL;
    /* let exception E in body: E is visible in body only */
    struct cinfo *c = declare_exn(e->item);
    t = infer(e->a);
    for (int i = all_cons.n - 1; i >= 0; i--)
        if (all_cons.v[i] == c) {
            memmove(&all_cons.v[i], &all_cons.v[i + 1],
                    sizeof(void *) * (size_t)(all_cons.n - i - 1));
            all_cons.n--;
            return t;
        }
    return t;
}

static type_t *infer_field(expr_t *e)
{
    type_t *t = NULL;
    struct finfo *f = lookup_field(e->sval);
    if (!f)
        fatal_at(e->loc, "Unbound record field %s", e->sval);
    /* type-directed: if the record's type is already known, take its field */
    type_t *known = NULL;
    if (e->a->kind == E_VAR && lookup_var(e->a->sval)) {
        known = ty_repr(ty_instantiate(lookup_var(e->a->sval)->type));
    }
    if (known && known->kind == TY_CON && known->decl && known->decl->kind == TD_RECORD)
        for (int k = 0; k < known->decl->fields.n; k++)
            if (!strcmp(((struct finfo *)known->decl->fields.v[k])->name, e->sval))
                f = known->decl->fields.v[k];
    e->field = f;
    struct tdecl *d = f->owner;
    type_t **args;
    type_t *rt = fresh_inst(d, &args);
    check(e->a, rt);
    type_t *ft = ty_subst(f->type, d, args);
    if (e->kind == E_FIELD)
        t = ft;
    else {
        if (!f->is_mutable)
            fatal_at(e->loc, "The record field %s is not mutable", f->name);
        check(e->b, ft);
        t = tc0(td_unit);
    }
    return t;
}

static type_t *infer(expr_t *e)
{
    check_nesting(e->loc);
    type_t *t = NULL;
    type_t *expected = pending_expected;
    pending_expected = NULL;
    switch (e->kind) {
    case E_INT:
        if (e->ival > 0x3fffffffL)
            diag_error(e->loc,
                       "Integer literal exceeds the range of representable integers of type int");
        t = tc0(td_int);
        break;
    case E_CHAR: t = tc0(td_char); break;
    case E_FLOAT: t = tc0(td_float); break;
    case E_STRING: t = tc0(td_string); break;
    case E_VAR: t = infer_var(e); break;
    case E_CONSTR: t = infer_constr(e, expected); break;
    case E_APP: {
        int pk = printf_kind(e->a);
        if (pk >= 0 && e->n >= 1)
            return infer_printf(e, pk);
        t = infer_app(e);
        break;
    }
    case E_PRINTF: t = infer_printf_node(e); break;
    case E_FUNCTION: t = infer_function(e); break;
    case E_FUN: t = infer_fun(e, NULL); break;
    case E_LET: {
        envent_t *save = venv;
        vec_t bound = {0};
        infer_let(e->binds, e->n, (int)e->ival, 0, &bound);
        t = infer(e->a);
        for (int i = 0; i < bound.n; i++)
            warn_unused(bound.v[i]);
        venv = save;
        break;
    }
    case E_MATCH: {
        type_t *st = infer(e->a);
        t = infer_cases(e, st, NULL);
        check_exhaustive(e->cases, e->n, st, e->loc);
        break;
    }
    case E_TRY: {
        t = infer(e->a);
        infer_cases(e, tc0(td_exn), t);
        break;
    }
    case E_TUPLE: t = infer_tuple(e, expected); break;
    case E_IF:
        check(e->a, tc0(td_bool));
        if (e->c) {
            t = infer(e->b);
            check(e->c, t);
        } else {
            type_t *bt = infer(e->b);
            type_t *b0 = ty_repr(bt);
            if (!unify(bt, tc0(td_unit))) {
                type_mismatch(e->b->loc, b0, tc0(td_unit),
                              " because it is in the result of a conditional with no else branch");
                fatal_stop();
            }
            t = tc0(td_unit);
        }
        break;
    case E_SEQ: t = infer_seq(e); break;
    case E_WHILE:
        check(e->a, tc0(td_bool));
        {
            type_t *b = infer(e->b);
            if (!unify(b, tc0(td_unit)))
                diag_warning(e->b->loc, "this expression should have type unit.");
        }
        t = tc0(td_unit);
        break;
    case E_FOR: t = infer_for(e); break;
    case E_RECORD: t = infer_record(e); break;
    case E_FIELD:
    case E_SETFIELD: t = infer_field(e); break;
    case E_ARRAY: {
        type_t *el = ty_newvar();
        for (int i = 0; i < e->n; i++)
            check(e->args[i], el);
        t = tc1(td_array, el);
        break;
    }
    case E_CONSTRAINT: {
        t = texpr_type(e->cty, item_tvars);
        check(e->a, t);
        break;
    }
    case E_AND:
    case E_OR:
        check(e->a, tc0(td_bool));
        check(e->b, tc0(td_bool));
        t = tc0(td_bool);
        break;
    case E_ASSERT:
        check(e->a, tc0(td_bool));
        /* as OCaml: `assert false` never returns, so it has any type */
        t = e->a->kind == E_CONSTR && e->a->con && !strcmp(e->a->con->name, "false") &&
                    e->a->con->owner == td_bool
                ? ty_newvar()
                : tc0(td_unit);
        break;
    case E_LETEXN: t = infer_letexn(e); break;
    case E_OPEN: {
        if (e->item) {
            t = infer_let_module(e);
            break;
        }
        /* let open M in e, M.(e): M's names shadow others in e only */
        envent_t *saved = venv;
        open_module(e->sval, e->loc);
        t = infer(e->a);
        venv = saved;
        break;
    }
    default: ICE();
    }
    e->ty = t;
    return t;
}

/* let [rec] b1 and b2 ...: types the bindings and binds their variables in venv */
static void infer_let(binding_t **binds, int n, int rec, int toplevel, vec_t *bound)
{
    vec_t *pbs = xalloc(sizeof(vec_t) * (size_t)n);
    if (rec) {
        ty_level++;
        var_t **vs = xalloc(sizeof(var_t *) * (size_t)n);
        for (int i = 0; i < n; i++) {
            pat_t *p = strip_constraint(binds[i]->pat);
            if (p->kind != P_VAR)
                fatal_at(binds[i]->pat->loc,
                         "Only variables are allowed as left-hand side of `let rec'");
            expr_t *rhs = binds[i]->e;
            while (rhs->kind == E_CONSTRAINT)
                rhs = rhs->a;
            if (rhs->kind != E_FUN && rhs->kind != E_FUNCTION)
                fatal_at(binds[i]->e->loc,
                         "This kind of expression is not allowed as right-hand side of `let rec'");
            var_t *v = new_local(p->name, p->loc, ty_newvar());
            p->var = v;
            p->ty = v->type;
            vs[i] = v;
            if (rhs->kind == E_FUN) {
                v->sparams = rhs->params;
                v->nsparams = rhs->n;
            }
            if (toplevel) {
                v->kind = V_GFUN;
                v->sym = unique_sym(mangle(cur_module, v->name));
            }
        }
        for (int i = 0; i < n; i++) {
            if (binds[i]->pat->kind == P_CONSTRAINT) {
                type_t *ct = texpr_type(binds[i]->pat->cty, item_tvars);
                if (!unify(vs[i]->type, ct))
                    fatal_at(binds[i]->pat->loc, "This type annotation is inconsistent");
            }
            bind_var(vs[i]);
        }
        for (int i = 0; i < n; i++) {
            expr_t *rhs = binds[i]->e;
            expr_t *fe = rhs;
            while (fe->kind == E_CONSTRAINT)
                fe = fe->a;
            type_t *t;
            if (fe->kind == E_FUNCTION) {
                t = infer(fe);
                fe->fn->self = toplevel ? NULL : vs[i];
            } else {
                t = infer_fun(fe, toplevel ? NULL : vs[i]);
                fe->ty = t;
            }
            if (rhs != fe) {
                /* re-check the annotation around the function */
                type_t *ct = texpr_type(rhs->cty, item_tvars);
                if (!unify(t, ct))
                    type_mismatch(rhs->loc, t, ct, NULL);
                rhs->ty = t;
            }
            type_t *v0 = ty_repr(vs[i]->type);
            if (!unify(vs[i]->type, t)) {
                type_mismatch(rhs->loc, t, v0, NULL);
                fatal_stop();
            }
            vs[i]->fn = fe->fn;
            vs[i]->arity = fe->fn->arity;
        }
        if (!toplevel && n > 1)
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++)
                    vpush(&vs[i]->fn->mutual, vs[k]);
        ty_level--;
        for (int i = 0; i < n; i++) {
            generalize(vs[i]->type);
            if (!toplevel)
                vs[i]->warn_unused = 1;
            vpush(bound, vs[i]);
        }
        return;
    }
    const char **aliases = xalloc(sizeof(char *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        if (strip_constraint(binds[i]->pat)->kind == P_VAR &&
            (aliases[i] = printf_alias_of(binds[i]->e)))
            binds[i]->e = mk_constr(binds[i]->e->loc, "()", NULL); /* f itself holds nothing */
        /* as OCaml: the pattern first, then the expression against its type */
        ty_level++;
        expr_t *rhs = binds[i]->e;
        pbind_t b = {.vars = {0}};
        type_t *t = tpat(binds[i]->pat, &b);
        check(rhs, t);
        ty_level--;
        pbs[i] = b.vars;
        {
            pat_t *sp = strip_constraint(binds[i]->pat);
            if (sp->kind != P_VAR && sp->kind != P_ANY) {
                mcase_t mc = {.pat = binds[i]->pat};
                mcase_t *mcp = &mc;
                check_exhaustive(&mcp, 1, t, binds[i]->pat->loc);
            }
        }
        if (nonexpansive(rhs))
            generalize(t);
        else
            mark_weak(t);
        pat_t *p = strip_constraint(binds[i]->pat);
        expr_t *fe = rhs;
        while (fe->kind == E_CONSTRAINT)
            fe = fe->a;
        if (p->kind == P_VAR && fe->kind == E_FUN) {
            p->var->fn = fe->fn;
            p->var->arity = fe->fn->arity;
        } else if (p->kind == P_VAR && fe->kind == E_LET && fe->a->kind == E_FUN) {
            /* a partial application with labels (label_app): keep the labels */
            p->var->sparams = fe->a->params;
            p->var->nsparams = fe->a->n;
        }
    }
    for (int i = 0; i < n; i++) {
        vec_t *vs = &pbs[i];
        for (int k = 0; k < vs->n; k++) {
            var_t *v = vs->v[k];
            if (toplevel) {
                if (v->fn) {
                    v->kind = V_GFUN;
                    v->fn->toplevel = 1;
                } else {
                    v->kind = V_GVAL;
                    expr_t *ce = binds[i]->e;
                    while (ce->kind == E_CONSTRAINT)
                        ce = ce->a;
                    if (ce->kind == E_INT || ce->kind == E_CHAR) {
                        v->is_const = 1;
                        v->cval = ce->ival;
                    } else if (ce->kind == E_CONSTR && ce->con && !ce->con->is_exn &&
                               ce->con->arity == 0) {
                        v->is_const = 1;
                        v->cval = ce->con->tag;
                    } else if (ce->kind == E_FLOAT)
                        v->fconst = ce->sval;
                    if (!strcmp(cur_module, "Stdlib")) {
                        if (!strcmp(v->name, "nan"))
                            v->fconst = "nan";
                        else if (!strcmp(v->name, "infinity"))
                            v->fconst = "inf";
                        else if (!strcmp(v->name, "neg_infinity"))
                            v->fconst = "-inf";
                    }
                }
                v->sym = unique_sym(mangle(cur_module, v->name));
            }
            v->printf_alias = aliases[i];
            bind_var(v);
            vpush(bound, v);
        }
    }
}

/* ------------------------------------------------------------------ declarations */
static int typing_stdlib;
static void declare_types(item_t *it)
{
    struct tdecl **ds = xalloc(sizeof(struct tdecl *) * (size_t)it->n);
    struct tvmap **maps = xalloc(sizeof(struct tvmap *) * (size_t)it->n);
    for (int i = 0; i < it->n; i++) {
        tydef_t *td = it->tydefs[i];
        int kind = td->kind == TD_ABSTRACT ? TD_ABSTRACT : td->kind;
        /* a stdlib module's types are named Module.t (as OCaml prints them) */
        const char *tn = qualify(cur_path, td->name);
        ds[i] = new_tdecl(tn, td->nparams, kind);
        maps[i] = xalloc(sizeof(struct tvmap));
        maps[i]->fixed = 1;
        for (int k = 0; k < td->nparams; k++) {
            maps[i]->name[k] = td->params[k];
            maps[i]->t[k] = ds[i]->params[k];
        }
        maps[i]->n = td->nparams;
    }
    /* aliases first (in order), then variants/records, which may refer to aliases */
    for (int i = 0; i < it->n; i++) {
        tydef_t *td = it->tydefs[i];
        if (td->kind != TD_ALIAS)
            continue;
        int saved = ty_level;
        ty_level = GENERIC_LEVEL;
        ds[i]->alias = texpr_type(td->alias, maps[i]);
        ty_level = saved;
    }
    for (int i = 0; i < it->n; i++) {
        tydef_t *td = it->tydefs[i];
        struct tdecl *d = ds[i];
        int saved = ty_level;
        ty_level = GENERIC_LEVEL;
        if (td->kind == TD_VARIANT) {
            for (int c = 0; c < td->ncons; c++) {
                type_t **args = xalloc(sizeof(type_t *) * (size_t)(td->cnargs[c] + 1));
                int n = td->cnargs[c];
                for (int k = 0; k < n; k++)
                    args[k] = texpr_type(td->cargs[c][k], maps[i]);
                add_con(d, td->cnames[c], n, args);
            }
        } else if (td->kind == TD_RECORD) {
            for (int k = 0; k < td->nfields; k++) {
                struct finfo *f = xalloc(sizeof *f);
                f->name = td->fnames[k];
                f->owner = d;
                f->index = k;
                f->is_mutable = td->fmut[k];
                f->type = texpr_type(td->ftypes[k], maps[i]);
                vpush(&d->fields, f);
                vpush(&all_fields, f);
            }
        }
        ty_level = saved;
    }
}

/* the exceptions of a functor's body are named after the functor and its parameter, as
 * OCaml names them: "Apply(P).E" for those of the instance (structure) at exn_inst */
static const char *exn_inst, *exn_shown;
/* Functors are applicative, as OCaml's: an abstract type of F (A)'s result is the same
 * type in every application of F to the module A (the key: F, its arguments' paths) */
static const char *app_key;
static vec_t app_keys, app_types;
static struct tdecl *new_abstract(const char *tn, int nparams)
{
    size_t n = exn_inst ? strlen(exn_inst) : 0;
    const char *key = NULL;
    if (app_key && n && !strncmp(tn, exn_inst, n) && tn[n] == '.') {
        key = xfmt("%s|%s", app_key, tn + n);
        for (int i = 0; i < app_keys.n; i++)
            if (!strcmp(app_keys.v[i], key)) {
                struct tdecl *c = app_types.v[i];
                struct tdecl *d = new_tdecl(tn, nparams, TD_ALIAS);
                d->alias = ty_con(c, NULL, nparams, d->params);
                return d;
            }
    }
    struct tdecl *d = new_tdecl(tn, nparams, TD_ABSTRACT);
    if (key) {
        vpush(&app_keys, (void *)key);
        vpush(&app_types, d);
    }
    return d;
}
static vec_t exn_shown_names, exn_shown_insts;
static const char *exn_display(const char *name)
{
    size_t n = exn_inst ? strlen(exn_inst) : 0;
    if (!n || strncmp(cur_path, exn_inst, n) || (cur_path[n] != 0 && cur_path[n] != '.'))
        return qualify(cur_path, name);
    /* exceptions are matched by their name: a second application of the functor keeps
     * its instance's name (A2.E), so that the two exceptions stay distinct */
    const char *shown = xfmt("%s%s.%s", exn_shown, cur_path + n, name);
    for (int i = 0; i < exn_shown_names.n; i++)
        if (!strcmp(exn_shown_names.v[i], shown))
            return strcmp(exn_shown_insts.v[i], exn_inst) ? qualify(cur_path, name) : shown;
    vpush(&exn_shown_names, (void *)shown);
    vpush(&exn_shown_insts, (void *)exn_inst);
    return shown;
}
/* exception E [of ...]: the name printed is the declared one, qualified by the module
 * paths of nested structures (and by the stdlib module's name) as OCaml prints it */
static struct cinfo *declare_exn(item_t *it)
{
    struct tvmap m = {.n = 0, .fixed = 1};
    int saved = ty_level;
    ty_level = GENERIC_LEVEL;
    type_t **args = xalloc(sizeof(type_t *) * (size_t)(it->nargs + 1));
    int n = it->nargs;
    for (int k = 0; k < n; k++)
        args[k] = texpr_type(it->args[k], &m);
    ty_level = saved;
    return add_exn(it->name, n, args, exn_display(it->name));
}

/* ------------------------------------------------------------------ modules
 * Modules are resolved at compile time. A structure is a namespace: its values are
 * top-level values of the file (globals and functions with symbols of their own), bound in
 * venv under their qualified names ("M.x", "M.N.y"); its items join the file's flat item
 * list, which is all the code generator sees. A functor is kept as its untyped body; each
 * application types a fresh copy with the parameter naming the argument (defunctorisation,
 * as MLton does), so a call through a functor-built module is a direct call. A signature
 * filters the values a constrained module exports; its types stay transparent. */
typedef struct modval {
    const char *path;     /* canonical path: its types are path.t */
    vec_t names, vars;    /* exported values, relative: "x", "N.y" */
    vec_t subnames, subs; /* exported submodules */
    modexpr_t *fbody;     /* a functor: its parameter and body */
    const char *fparam;
    modtype_t *fparam_mt;        /* the parameter's module type */
    const char *fname;           /* the functor's path and parameter, as OCaml names
                                          * the exceptions of its body: "Apply(P)" */
    vec_t fenv_names, fenv_vals; /* a functor's parameters applied so far */
    /* a functor's definition environment: its body sees what was visible where it was
     * defined (values, modules, module types, the enclosing structure's types), not what
     * is visible where it is applied */
    struct envent *def_venv;
    struct modent *def_menv;
    struct mtent *def_mtenv;
    const char *def_path;
} modval_t;
typedef struct modent {
    const char *name;
    modval_t *m;
    struct modent *next;
} modent_t;
static modent_t *menv; /* visible modules, innermost first */
typedef struct mtent {
    const char *name;
    modtype_t *mt;
    struct mtent *next;
} mtent_t;
static mtent_t *mtenv; /* visible module types */
static void mtenv_push(const char *name, modtype_t *mt)
{
    mtent_t *e = xalloc(sizeof *e);
    e->name = name;
    e->mt = mt;
    e->next = mtenv;
    mtenv = e;
}
static vec_t *flat_items; /* the file's items, structures flattened */
static int mod_depth;     /* nesting of structures and applications */

static const char *modval_path(modval_t *m) { return m->path; }
static void menv_push(const char *name, modval_t *m)
{
    modent_t *e = xalloc(sizeof *e);
    e->name = name;
    e->m = m;
    e->next = menv;
    menv = e;
}
static modval_t *lookup_module(const char *path)
{
    if (!strncmp(path, "Stdlib.", 7) && path[7]) { /* Stdlib.List: the stdlib's List */
        modent_t *saved = menv;
        if (stdlib_menv)
            menv = stdlib_menv;
        modval_t *m = lookup_module(path + 7);
        menv = saved;
        if (m)
            return m;
    }
    const char *d = strchr(path, '.');
    size_t n = d ? (size_t)(d - path) : strlen(path);
    modval_t *m = NULL;
    for (modent_t *e = menv; e && !m; e = e->next)
        if (strlen(e->name) == n && !strncmp(e->name, path, n))
            m = e->m;
    while (m && d) {
        const char *s = d + 1;
        d = strchr(s, '.');
        n = d ? (size_t)(d - s) : strlen(s);
        modval_t *sub = NULL;
        for (int i = 0; i < m->subs.n && !sub; i++)
            if (strlen(m->subnames.v[i]) == n && !strncmp(m->subnames.v[i], s, n))
                sub = m->subs.v[i];
        m = sub;
    }
    return m;
}
static void export_value(const char *name, var_t *v)
{
    if (!cur_str)
        return;
    vpush(&cur_str->names, (void *)name);
    vpush(&cur_str->vars, v);
}
/* module M = …: M visible, its values bound as "M.x", and exported by the structure */
static void bind_module(const char *name, modval_t *m, int export)
{
    menv_push(name, m);
    for (int i = 0; i < m->names.n; i++) {
        const char *q = xfmt("%s.%s", name, (const char *)m->names.v[i]);
        bind_as(q, m->vars.v[i]);
        if (export)
            export_value(q, m->vars.v[i]);
    }
    if (export && cur_str) {
        vpush(&cur_str->subnames, (void *)name);
        vpush(&cur_str->subs, m);
    }
}

/* open M: every value "M.x" also bound as "x" (later bindings shadow) */
static void open_module(const char *m, loc_t l)
{
    if (!strcmp(m, "Stdlib") && stdlib_venv) { /* the stdlib's names again, as it bound them */
        vec_t all = {0};
        for (envent_t *e = stdlib_venv; e; e = e->next)
            vpush(&all, e);
        for (int k = all.n - 1; k >= 0; k--)
            bind_as(((envent_t *)all.v[k])->name, ((envent_t *)all.v[k])->v);
        free(all.v);
        return;
    }
    modval_t *mv = lookup_module(m);
    if (mv && !mv->fbody) {
        for (int i = 0; i < mv->names.n; i++)
            bind_as(mv->names.v[i], mv->vars.v[i]);
        for (int i = 0; i < mv->subs.n; i++)
            menv_push(mv->subnames.v[i], mv->subs.v[i]);
        vpush(&open_paths, (void *)mv->path);
        return;
    }
    size_t ml = strlen(m);
    vec_t add = {0};
    int found = 0;
    for (envent_t *e = venv; e; e = e->next)
        if (strncmp(e->name, m, ml) == 0 && e->name[ml] == '.') {
            found = 1;
            vpush(&add, e);
        }
    if (!found && strcmp(m, "Printf") != 0)
        fatal_at(l, "Unbound module %s", m);
    for (int k = add.n - 1; k >= 0; k--) {
        envent_t *e = add.v[k];
        bind_as(e->name + ml + 1, e->v);
    }
    free(add.v);
}

static modtype_t *lookup_modtype(const char *name)
{
    for (mtent_t *e = mtenv; e; e = e->next)
        if (!strcmp(e->name, name))
            return e->mt;
    const char *d = strrchr(name, '.');
    return d ? lookup_modtype(d + 1) : NULL;
}
/* ---- signatures: S with its `with type` constraints, resolved where S is used ---- */
struct withc {
    tydef_t *td;
    type_t *ty; /* over params[] */
    type_t **params;
};
/* the signature of mt, and its `with type` constraints (outermost last) resolved here */
static modtype_t *sig_withs(modtype_t *mt, vec_t *withs)
{
    for (int guard = 0; mt && guard < 1000; guard++) {
        if (mt->kind == MT_SIG)
            return mt;
        if (mt->kind == MT_WITH) {
            for (int i = 0; i < mt->items.n; i++) {
                tydef_t *td = mt->items.v[i];
                struct withc *w = xalloc(sizeof *w);
                w->td = td;
                w->params = xalloc(sizeof(type_t *) * (size_t)(td->nparams + 1));
                struct tvmap m = {.n = 0, .fixed = 1};
                for (int k = 0; k < td->nparams && k < 64; k++) {
                    w->params[k] = ty_newvar_at(GENERIC_LEVEL);
                    m.name[k] = td->params[k];
                    m.t[k] = w->params[k];
                    m.n++;
                }
                int saved = ty_level;
                ty_level = GENERIC_LEVEL;
                w->ty = texpr_type(td->alias, &m);
                ty_level = saved;
                vpush(withs, w);
            }
            mt = mt->base;
        } else if (mt->kind == MT_PATH) {
            modtype_t *t = lookup_modtype(mt->path);
            if (!t)
                fatal_at(mt->loc, "Unbound module type %s", mt->path);
            mt = t;
        } else
            return NULL;
    }
    return NULL;
}
static struct withc *with_for(vec_t *withs, const char *prefix, const char *name)
{
    const char *full = qualify(prefix, name);
    for (int i = withs->n - 1; i >= 0; i--) {
        struct withc *w = withs->v[i];
        if (!strcmp(w->td->name, full))
            return w;
    }
    return NULL;
}
/* a `with type` constraint's type over the declaration d's parameters */
static type_t *with_type(struct withc *w, struct tdecl *d, loc_t l)
{
    if (w->td->nparams != d->nparams)
        fatal_at(l,
                 "In this `with' constraint, the new definition of %s does not match its original "
                 "definition in the constrained signature",
                 w->td->name);
    struct ty_subst su = {.n = 0};
    for (int i = 0; i < d->nparams && i < 64; i++) {
        su.from[i] = w->params[i];
        su.to[i] = d->params[i];
    }
    su.n = d->nparams;
    return ty_inst_rec(w->ty, &su);
}
/* structural equality (type variables by identity) */
static int same_type(type_t *a, type_t *b)
{
    a = ty_repr(a);
    b = ty_repr(b);
    if (a == b)
        return 1;
    if (a->kind != TY_CON || b->kind != TY_CON)
        return 0;
    if (a->decl != b->decl || strcmp(a->name, b->name) || a->nargs != b->nargs)
        return 0;
    for (int i = 0; i < a->nargs; i++)
        if (!same_type(a->args[i], b->args[i]))
            return 0;
    return 1;
}
/* a declaration's definition over its own parameters (an alias expanded) */
static type_t *tdecl_body(struct tdecl *d)
{
    return d->kind == TD_ALIAS && d->alias ? d->alias : ty_con(d, NULL, d->nparams, d->params);
}
static const char *tdecl_text(struct tdecl *d, const char *name)
{
    if (d->kind == TD_ABSTRACT)
        return xfmt("type %s", name);
    if (d->kind == TD_ALIAS && d->alias)
        return xfmt("type %s = %s", name, type_to_string(d->alias));
    return xfmt("type %s = %s", name, type_to_string(ty_con(d, NULL, d->nparams, d->params)));
}
/* a val's type in a signature: a type scheme (its labels give the parameters' labels) */
static type_t *sig_val_type(item_t *it)
{
    struct tvmap m = {.n = 0};
    int saved = ty_level;
    ty_level = GENERIC_LEVEL;
    type_t *t = texpr_type(it->args[0], &m);
    ty_level = saved;
    return t;
}
static void sig_val_labels(var_t *v, item_t *it)
{
    int n = 0, labelled = 0;
    for (texpr_t *te = it->args[0]; te->kind == TE_ARROW; te = te->args[1]) {
        n++;
        if (strcmp(te->name, "->"))
            labelled = 1;
    }
    if (!labelled)
        return;
    v->sparams = xalloc(sizeof(pat_t *) * (size_t)(n + 1));
    v->nsparams = n;
    int k = 0;
    for (texpr_t *te = it->args[0]; te->kind == TE_ARROW; te = te->args[1]) {
        pat_t *p = mk_pat(P_VAR, te->loc);
        p->name = xfmt("%%l%d", k);
        if (strcmp(te->name, "->")) {
            p->optional = te->name[0] == '?';
            p->plabel = te->name + p->optional;
        }
        v->sparams[k++] = p;
    }
}
/* does the scheme impl have every instance of the scheme want? (want's variables rigid) */
static int more_general(type_t *impl, type_t *want)
{
    struct ty_subst rig = {.n = 0};
    static int rigid;
    /* rigid constants for want's generic variables */
    type_t *w = ty_repr(want);
    vec_t stack = {0};
    vpush(&stack, w);
    while (stack.n) {
        type_t *t = ty_repr(stack.v[--stack.n]);
        if (t->kind == TY_VAR) {
            if (t->level != GENERIC_LEVEL)
                continue;
            int seen = 0;
            for (int i = 0; i < rig.n; i++)
                seen |= rig.from[i] == t;
            if (!seen && rig.n < 64) {
                rig.from[rig.n] = t;
                rig.to[rig.n++] = ty_con(NULL, xfmt("'rigid%d", ++rigid), 0, NULL);
            }
            continue;
        }
        for (int i = 0; i < t->nargs; i++)
            vpush(&stack, t->args[i]);
    }
    free(stack.v);
    type_t *wr = ty_inst_rec(want, &rig);
    return unify(ty_instantiate(impl), wr);
}
static modval_t *find_sub(modval_t *m, const char *name)
{
    for (int i = 0; i < m->subs.n; i++)
        if (!strcmp(m->subnames.v[i], name))
            return m->subs.v[i];
    return NULL;
}
static var_t *find_val(modval_t *m, const char *name)
{
    for (int i = m->names.n - 1; i >= 0; i--)
        if (!strcmp(m->names.v[i], name))
            return m->vars.v[i];
    return NULL;
}
/* the exception name/arity declared in structure path */
static int find_exn(const char *path, const char *name, int arity)
{
    for (int i = all_cons.n - 1; i >= 0; i--) {
        struct cinfo *c = all_cons.v[i];
        if (c->is_exn && !strcmp(c->name, name) && !strcmp(c->path ? c->path : "", path))
            return c->arity == arity;
    }
    return 0;
}
static void add_sub(modval_t *r, const char *name, modval_t *sub)
{
    vpush(&r->subnames, (void *)name);
    vpush(&r->subs, sub);
    for (int i = 0; i < sub->names.n; i++) {
        vpush(&r->names, xfmt("%s.%s", name, (const char *)sub->names.v[i]));
        vpush(&r->vars, sub->vars.v[i]);
    }
    menv_push(name, sub); /* later items of the signature name it */
}
static modval_t *constrain_module(modval_t *m, modtype_t *mt, const char *path, loc_t l);
/* how a mismatch is reported: (M : S) at the ascription; a .mli at the interface's item */
static const char *sig_what = "Signature mismatch";
static int sig_item_locs;
static modval_t *sig_param(modtype_t *mt, const char *path, loc_t l);

/* The items of signature sig, for module r (path r->path):
 * - impl given (ascription (M : S)): pass 1 (r == NULL) checks impl against sig with the
 *   signature's types read as impl's; pass 2 builds r: the abstract types of sig are new
 *   abstract types r.t (a `with type` makes one manifest), the values get sig's types;
 * - impl NULL: r is a functor's parameter of this signature (its values are never run). */
static void sig_items(modtype_t *sig, vec_t *withs, const char *prefix, modval_t *impl, modval_t *r,
                      loc_t l0)
{
    if (!impl && !r)
        return; /* no caller does this: pass 1 has impl, a functor's parameter has r */
    for (int i = 0; i < sig->items.n; i++) {
        item_t *it = sig->items.v[i];
        loc_t l = sig_item_locs ? it->loc : l0;
        switch (it->kind) {
        case I_TYPE:
            for (int k = 0; k < it->n; k++) {
                tydef_t *td = it->tydefs[k];
                struct withc *w = with_for(withs, prefix, td->name);
                struct tdecl *id = impl ? lookup_type1(qualify(impl->path, td->name)) : NULL;
                if (impl && !id)
                    fatal_at(l, "%s: the type `%s' is required but not provided", sig_what,
                             td->name);
                if (id && id->nparams != td->nparams)
                    fatal_at(l,
                             "%s: Type declarations do not match: %s is not "
                             "included in type %s (arity)",
                             sig_what, tdecl_text(id, td->name), td->name);
                if (!r) { /* pass 1: sig's definition and constraints against impl's */
                    if (w && !same_type(tdecl_body(id), with_type(w, id, l)))
                        fatal_at(l,
                                 "%s: Type declarations do not match: %s is not "
                                 "included in type %s = %s",
                                 sig_what, tdecl_text(id, td->name), td->name,
                                 type_to_string(with_type(w, id, l)));
                    if (td->kind == TD_ALIAS) {
                        struct tvmap mp = {.n = 0, .fixed = 1};
                        for (int q = 0; q < td->nparams && q < 64; q++) {
                            mp.name[q] = td->params[q];
                            mp.t[q] = id->params[q];
                            mp.n++;
                        }
                        int saved = ty_level;
                        ty_level = GENERIC_LEVEL;
                        type_t *st = texpr_type(td->alias, &mp);
                        ty_level = saved;
                        if (!same_type(tdecl_body(id), st))
                            fatal_at(l,
                                     "%s: Type declarations do not match: %s is "
                                     "not included in type %s = %s",
                                     sig_what, tdecl_text(id, td->name), td->name,
                                     type_to_string(st));
                    } else if (td->kind != TD_ABSTRACT) {
                        int ok = id->kind == td->kind;
                        if (ok && td->kind == TD_VARIANT) {
                            ok = id->cons.n == td->ncons;
                            for (int c = 0; ok && c < td->ncons; c++)
                                ok =
                                    !strcmp(((struct cinfo *)id->cons.v[c])->name, td->cnames[c]) &&
                                    ((struct cinfo *)id->cons.v[c])->arity == td->cnargs[c];
                        } else if (ok) {
                            ok = id->fields.n == td->nfields;
                            for (int f = 0; ok && f < td->nfields; f++)
                                ok =
                                    !strcmp(((struct finfo *)id->fields.v[f])->name, td->fnames[f]);
                        }
                        if (!ok)
                            fatal_at(l,
                                     "%s: Type declarations do not match: the "
                                     "definitions of type %s differ",
                                     sig_what, td->name);
                    }
                    continue;
                }
                const char *tn = qualify(r->path, td->name);
                if (w && w->td->subst)
                    continue;      /* := removes it from the signature */
                if (!impl && !w) { /* a parameter's type: as declared */
                    item_t one = *it;
                    one.n = 1;
                    one.tydefs = &it->tydefs[k];
                    declare_types(&one);
                    continue;
                }
                if (w) {
                    struct tdecl *d = new_tdecl(tn, td->nparams, TD_ALIAS);
                    d->alias = with_type(w, d, l);
                } else if (td->kind == TD_ABSTRACT) {
                    new_abstract(tn, td->nparams);
                } else if (td->kind == TD_ALIAS) {
                    item_t one = *it;
                    one.n = 1;
                    one.tydefs = &it->tydefs[k];
                    declare_types(&one);
                } else if (strcmp(impl->path, r->path)) {
                    /* the implementation's variant or record, under r's name too */
                    struct tdecl *d = new_tdecl(tn, td->nparams, TD_ALIAS);
                    d->alias = ty_con(id, NULL, id->nparams, d->params);
                }
            }
            break;
        case I_VAL: {
            var_t *iv = impl ? find_val(impl, it->name) : NULL;
            if (impl && !iv)
                fatal_at(l, "%s: the value `%s' is required but not provided", sig_what, it->name);
            type_t *st = sig_val_type(it);
            if (!r) {
                if (!more_general(iv->type, st)) {
                    struct names nm = {.n = 0};
                    const char *a = pr_to_string(iv->type, &nm);
                    struct names nm2 = {.n = 0};
                    const char *b = pr_to_string(st, &nm2);
                    fatal_at(l,
                             "%s: Values do not match: val %s : %s is not included "
                             "in val %s : %s",
                             sig_what, it->name, a, it->name, b);
                }
                continue;
            }
            var_t *v = xalloc(sizeof *v);
            if (iv)
                *v = *iv;
            else {
                v->name = it->name;
                v->kind = V_GVAL;
                v->sym = xfmt("%s.%s", r->path, it->name);
                v->spill = -1;
                v->loc = it->loc;
                sig_val_labels(v, it);
            }
            v->type = st;
            vpush(&r->names, (void *)it->name);
            vpush(&r->vars, v);
            break;
        }
        case I_EXN:
            if (r && !impl)
                declare_exn(it);
            if (impl && !r && !find_exn(impl->path, it->name, it->nargs))
                fatal_at(l, "%s: the exception `%s' is required but not provided", sig_what,
                         it->name);
            break;
        case I_MODULE: {
            modval_t *isub = impl ? find_sub(impl, it->name) : NULL;
            if (impl && !isub)
                fatal_at(l, "%s: the module `%s' is required but not provided", sig_what, it->name);
            if (!r) {
                menv_push(it->name, isub);
                continue;
            }
            const char *sp = qualify(r->path, it->name);
            modval_t *sub = impl ? constrain_module(isub, it->mt, sp, l) : sig_param(it->mt, sp, l);
            add_sub(r, it->name, sub);
            break;
        }
        case I_MODTYPE: mtenv_push(it->name, it->mt); break; /* for its later items */
        case I_INCLUDE: {
            vec_t w2 = *withs;
            w2.v = NULL;
            w2.n = w2.cap = 0;
            for (int k = 0; k < withs->n; k++)
                vpush(&w2, withs->v[k]);
            modtype_t *s2 = sig_withs(it->mt, &w2);
            if (s2)
                sig_items(s2, &w2, prefix, impl, r, l);
            free(w2.v);
            break;
        }
        default: break;
        }
    }
}
/* run f's pass over sig with the types named from path: cur_path is path, menv restored */
static void sig_pass(modtype_t *sig, vec_t *withs, const char *path, modval_t *impl, modval_t *r,
                     loc_t l)
{
    const char *saved_path = cur_path;
    modent_t *saved_menv = menv;
    mtent_t *saved_mtenv = mtenv;
    int saved_opens = open_paths.n;
    cur_path = path;
    sig_items(sig, withs, "", impl, r, l);
    cur_path = saved_path;
    menv = saved_menv;
    mtenv = saved_mtenv;
    open_paths.n = saved_opens;
}
/* (M : S) named path: checked against S; S's abstract types are abstract in the result,
 * its values have S's types, and what S does not list is hidden */
static modval_t *constrain_module(modval_t *m, modtype_t *mt, const char *path, loc_t l)
{
    vec_t withs = {0};
    modtype_t *sig = sig_withs(mt, &withs);
    if (!sig || m->fbody)
        return m;
    sig_pass(sig, &withs, m->path, m, NULL, l);
    modval_t *r = xalloc(sizeof *r);
    r->path = path ? path : m->path;
    sig_pass(sig, &withs, r->path, m, r, l);
    return r;
}
/* a functor's parameter of module type mt, for checking the functor's body */
static modval_t *sig_param(modtype_t *mt, const char *path, loc_t l)
{
    vec_t withs = {0};
    modtype_t *sig = sig_withs(mt, &withs);
    modval_t *r = xalloc(sizeof *r);
    r->path = path;
    if (sig)
        sig_pass(sig, &withs, path, NULL, r, l);
    return r;
}

static void type_items(vec_t *items);
static modval_t *eval_module(modexpr_t *me, const char *path);

static modval_t *eval_struct(modexpr_t *me, const char *path)
{
    envent_t *saved_venv = venv;
    modent_t *saved_menv = menv;
    mtent_t *saved_mtenv = mtenv;
    modval_t *saved_str = cur_str;
    const char *saved_path = cur_path;
    int saved_opens = open_paths.n;
    modval_t *m = xalloc(sizeof *m);
    m->path = path;
    cur_str = m;
    cur_path = path;
    type_items(&me->items);
    venv = saved_venv;
    menv = saved_menv;
    mtenv = saved_mtenv;
    cur_str = saved_str;
    cur_path = saved_path;
    open_paths.n = saved_opens;
    return m;
}

/* F (A): type a fresh copy of F's body with F's parameters naming their arguments */
static modval_t *apply_functor(modval_t *f, modval_t *arg, const char *path, loc_t l)
{
    if (!f->fbody)
        fatal_at(l, "This module is not a functor");
    if (arg->fbody)
        fatal_at(l, "Sense does not support functors as functor arguments (see docs/language.md)");
    if (++mod_depth > 100)
        fatal_at(l, "functor applications nested too deep (more than 100)");
    envent_t *saved_venv = venv;
    modent_t *saved_menv = menv;
    mtent_t *saved_mtenv = mtenv;
    int saved_opens = open_paths.n;
    const char *saved_inst = exn_inst, *saved_shown = exn_shown, *saved_key = app_key;
    int saved_quiet = quiet_warnings;
    quiet_warnings = 1;
    venv = f->def_venv;
    menv = f->def_menv;
    mtenv = f->def_mtenv;
    if (f->def_path && f->def_path[0])
        vpush(&open_paths, (void *)f->def_path);
    for (int i = 0; i < f->fenv_names.n; i++)
        bind_module(f->fenv_names.v[i], f->fenv_vals.v[i], 0);
    if (f->fparam_mt) { /* the argument must match the parameter's signature */
        vec_t withs = {0};
        modtype_t *sig = sig_withs(f->fparam_mt, &withs);
        if (sig)
            sig_pass(sig, &withs, arg->path, arg, NULL, l);
    }
    bind_module(f->fparam, arg, 0);
    modexpr_t *body = copy_modexpr(f->fbody);
    modval_t *r;
    if (body->kind == ME_FUNCTOR) {
        r = xalloc(sizeof *r);
        r->fparam = body->path;
        r->fparam_mt = body->mt;
        r->fname = xfmt("%s(%s)", f->fname, body->path);
        r->fbody = body->f;
        r->def_venv = f->def_venv;
        r->def_menv = f->def_menv;
        r->def_mtenv = f->def_mtenv;
        r->def_path = f->def_path;
        for (int i = 0; i < f->fenv_names.n; i++) {
            vpush(&r->fenv_names, f->fenv_names.v[i]);
            vpush(&r->fenv_vals, f->fenv_vals.v[i]);
        }
        vpush(&r->fenv_names, (void *)f->fparam);
        vpush(&r->fenv_vals, arg);
    } else {
        exn_inst = path;
        exn_shown = f->fname;
        app_key = xfmt("%s|%s", f->def_path ? f->def_path : "", f->fname);
        for (int i = 0; i < f->fenv_vals.n; i++)
            app_key = xfmt("%s|%s", app_key, ((modval_t *)f->fenv_vals.v[i])->path);
        app_key = xfmt("%s|%s", app_key, arg->path);
        r = eval_module(body, path);
    }
    venv = saved_venv;
    menv = saved_menv;
    mtenv = saved_mtenv;
    open_paths.n = saved_opens;
    exn_inst = saved_inst;
    exn_shown = saved_shown;
    app_key = saved_key;
    quiet_warnings = saved_quiet;
    mod_depth--;
    return r;
}
/* A functor's body is type-checked where it is defined, as OCaml does: a copy is typed
 * with the parameter a module of its signature (abstract types stay abstract), and then
 * dropped (its types, constructors, symbols and items); each application types its own
 * copy again with the argument, for the code. */
static void check_functor(modval_t *f, loc_t l)
{
    static int nparam;
    if (++mod_depth > 100)
        fatal_at(l, "functor applications nested too deep (more than 100)");
    int nt = all_types.n, nc = all_cons.n, nf = all_fields.n, ns = used_syms.n, ni = flat_items->n;
    envent_t *saved_venv = venv;
    modent_t *saved_menv = menv;
    mtent_t *saved_mtenv = mtenv;
    int saved_opens = open_paths.n;
    modval_t *saved_str = cur_str;
    if (f->def_path && f->def_path[0])
        vpush(&open_paths, (void *)f->def_path);
    for (int i = 0; i < f->fenv_names.n; i++)
        bind_module(f->fenv_names.v[i], f->fenv_vals.v[i], 0);
    modval_t *param =
        sig_param(f->fparam_mt, xfmt("%s#%d", f->fparam, ++nparam), f->fparam_mt->loc);
    bind_module(f->fparam, param, 0);
    cur_str = NULL;
    modexpr_t *body = copy_modexpr(f->fbody);
    eval_module(body, "");
    venv = saved_venv;
    menv = saved_menv;
    mtenv = saved_mtenv;
    open_paths.n = saved_opens;
    cur_str = saved_str;
    all_types.n = nt;
    all_cons.n = nc;
    all_fields.n = nf;
    used_syms.n = ns;
    flat_items->n = ni;
    mod_depth--;
}
static modval_t *eval_module(modexpr_t *me, const char *path)
{
    switch (me->kind) {
    case ME_STRUCT: return eval_struct(me, path);
    case ME_PATH: {
        modval_t *m = lookup_module(me->path);
        if (!m)
            fatal_at(me->loc, "Unbound module %s", me->path);
        return m;
    }
    case ME_FUNCTOR: {
        modval_t *m = xalloc(sizeof *m);
        m->path = path;
        m->fparam = me->path;
        m->fbody = me->f;
        m->def_venv = venv;
        m->def_menv = menv;
        m->def_mtenv = mtenv;
        m->def_path = cur_path;
        m->fparam_mt = me->mt;
        m->fname = xfmt("%s(%s)", path, me->path);
        check_functor(m, me->loc);
        return m;
    }
    case ME_APPLY: {
        modval_t *f = eval_module(me->f, path);
        modval_t *a = eval_module(me->arg, xfmt("%s(%d)", path, ++synth_counter));
        return apply_functor(f, a, path, me->loc);
    }
    case ME_CONSTRAINT: return constrain_module(eval_module(me->f, path), me->mt, path, me->f->loc);
    }
    ICE();
}

/* let module M = me in e: M is resolved at compile time like a structure's module (its
 * values are the file's top-level values, initialised with the file), so its structure
 * may not use the local variables around it nor compute anything at run time but
 * functions and constants (a functor's application such as Map.Make (String) is the
 * usual case); M is visible in e only */
static type_t *infer_let_module(expr_t *e)
{
    static int nlet;
    item_t *it = e->item;
    envent_t *saved_venv = venv;
    modent_t *saved_menv = menv;
    mtent_t *saved_mtenv = mtenv;
    modval_t *saved_str = cur_str;
    struct fn *saved_fn = cur_fn;
    envent_t *saved_boundary = letmod_boundary;
    int saved_level = ty_level, ni = flat_items->n;
    cur_fn = init_fn_of_module;
    cur_str = NULL;
    ty_level = 1;
    letmod_boundary = venv;
    modval_t *m = eval_module(it->me, xfmt("%s#%d", it->name, ++nlet));
    letmod_boundary = saved_boundary;
    for (int i = ni; i < flat_items->n; i++) {
        item_t *x = flat_items->v[i];
        int ok = x->kind == I_LET;
        for (int k = 0; ok && k < x->n; k++)
            ok = nonexpansive(x->binds[k]->e);
        if (!ok)
            fatal_at(x->loc,
                     "a 'let module' whose structure computes at run time (other than functions "
                     "and constants) is not supported by Sense (see docs/language.md)");
    }
    ty_level = saved_level;
    cur_fn = saved_fn;
    cur_str = saved_str;
    bind_module(it->name, m, 0);
    type_t *t = infer(e->a);
    venv = saved_venv;
    menv = saved_menv;
    mtenv = saved_mtenv;
    return t;
}

/* include M: M's types (path.t) are the including structure's too (aliases cur_path.t) */
static void include_types(const char *path)
{
    if (!strcmp(path, cur_path))
        return; /* include F (X): declared here already */
    size_t n = strlen(path);
    vec_t done = {0};
    for (int i = all_types.n - 1; i >= 0; i--) {
        struct tdecl *d = all_types.v[i];
        if (strncmp(d->name, path, n) || d->name[n] != '.' || strchr(d->name + n + 1, '.'))
            continue;
        if (d->kind == TD_ALIAS && !d->alias)
            continue;
        const char *simple = d->name + n + 1;
        int seen = 0;
        for (int k = 0; k < done.n && !seen; k++)
            seen = !strcmp(done.v[k], simple);
        if (seen)
            continue;
        vpush(&done, (void *)simple);
        struct tdecl *a = new_tdecl(qualify(cur_path, simple), d->nparams, TD_ALIAS);
        a->alias = ty_con(d, NULL, d->nparams, a->params);
        if (d->kind == TD_ALIAS)
            a->alias = ty_subst(d->alias, d, a->params);
    }
    free(done.v);
}

/* the items of a file or a structure, in order; typed items join flat_items */
static void type_items(vec_t *items)
{
    for (int i = 0; i < items->n; i++) {
        item_t *it = items->v[i];
        item_tvars_store = (struct tvmap){.n = 0};
        item_tvars = &item_tvars_store;
        switch (it->kind) {
        case I_LET:
            infer_let(it->binds, it->n, it->rec, 1, &it->vars);
            for (int k = 0; k < it->vars.n; k++)
                export_value(((var_t *)it->vars.v[k])->name, it->vars.v[k]);
            vpush(flat_items, it);
            break;
        case I_TYPE: declare_types(it); break;
        case I_EXN: declare_exn(it); break;
        case I_EXPR:
            ty_level++;
            infer(it->e);
            ty_level--;
            vpush(flat_items, it);
            break;
        case I_OPEN: open_module(it->name, it->loc); break;
        case I_MODULE: {
            if (!strcmp(it->name, "_")) { /* module _ = …: typed and run, not named */
                eval_module(it->me, qualify(cur_path, xfmt("_%d", ++synth_counter)));
                break;
            }
            modval_t *m = eval_module(it->me, qualify(cur_path, it->name));
            bind_module(it->name, m, 1);
            break;
        }
        case I_MODTYPE: mtenv_push(it->name, it->mt); break;
        case I_INCLUDE: {
            if (!it->me)
                fatal_at(it->loc, "include of a module type outside a signature");
            modval_t *m = eval_module(it->me, cur_path);
            if (m->fbody)
                fatal_at(it->loc, "This module is a functor; it cannot be included");
            include_types(m->path);
            for (int k = 0; k < m->names.n; k++) {
                bind_as(m->names.v[k], m->vars.v[k]);
                export_value(m->names.v[k], m->vars.v[k]);
            }
            for (int k = 0; k < m->subs.n; k++) {
                menv_push(m->subnames.v[k], m->subs.v[k]);
                if (cur_str) {
                    vpush(&cur_str->subnames, m->subnames.v[k]);
                    vpush(&cur_str->subs, m->subs.v[k]);
                }
            }
            break;
        }
        default: ICE();
        }
    }
}

static void export_module(const char *modname, envent_t *before, envent_t *top,
                          int is_stdlib_prefix)
{
    /* restore the environment to "before", then add qualified names (and for Stdlib the
     * plain ones); primitives keep priority over their stdlib wrappers */
    vec_t names = {0};
    for (envent_t *e = top; e && e != before; e = e->next)
        vpush(&names, e);
    venv = before;
    for (int i = names.n - 1; i >= 0; i--) {
        envent_t *e = names.v[i];
        if (strchr(e->name, '.'))
            continue;
        const char *q = xfmt("%s.%s", modname, e->name);
        var_t *old = lookup_var(q);
        if (old && old->kind == V_PRIM && is_stdlib_prefix)
            continue;
        if (strcmp(modname, "Stdlib") == 0) {
            var_t *o2 = lookup_var(e->name);
            if (o2 && o2->kind == V_PRIM && is_stdlib_prefix)
                continue;
            bind_as(e->name, e->v);
        }
        bind_as(q, e->v);
    }
}

/* ---- interfaces: foo.mli constrains foo.ml as (Foo : sig <foo.mli> end) does */
static program_t *intf_items;
static struct srcfile *intf_file;
void typer_set_interface(program_t *sig, struct srcfile *mli)
{
    intf_items = sig;
    intf_file = mli;
}
/* the file's module fm checked against the interface, then what other files see: the
 * interface's values (with its types), its abstract types abstract, nothing else */
static modval_t *apply_interface(program_t *intf, modval_t *fm, const char *modname,
                                 envent_t *before)
{
    modtype_t *mt = xalloc(sizeof *mt);
    mt->kind = MT_SIG;
    mt->loc = (loc_t){1, 1, 1, 1};
    mt->items = intf->items;
    struct srcfile *ml = cur_file;
    sig_what =
        xfmt("The implementation %s does not match the interface %s", ml->name, intf_file->name);
    sig_item_locs = 1;
    cur_file = intf_file;
    vec_t withs = {0};
    sig_pass(mt, &withs, fm->path, fm, NULL, mt->loc);
    modval_t *r = xalloc(sizeof *r);
    r->path = modname;
    sig_pass(mt, &withs, modname, fm, r, mt->loc);
    cur_file = ml;
    sig_what = "Signature mismatch";
    sig_item_locs = 0;
    venv = before;
    for (int i = 0; i < r->names.n; i++)
        bind_as(xfmt("%s.%s", modname, (const char *)r->names.v[i]), r->vars.v[i]);
    return r;
}

void typer_module(program_t *p, const char *modname, int is_stdlib)
{
    program_t *intf = intf_items;
    intf_items = NULL;
    if (!is_stdlib && !stdlib_venv) {
        stdlib_venv = venv;
        stdlib_menv = menv;
    }
    sig_what = "Signature mismatch";
    sig_item_locs = 0;
    cur_module = modname;
    typing_stdlib = is_stdlib;
    cur_path = (is_stdlib && strcmp(modname, "Stdlib") != 0) ? modname : "";
    envent_t *before = venv;
    modent_t *menv_before = menv;
    mtent_t *mtenv_before = mtenv;
    open_paths.n = 0;
    struct fn *init = new_fn((loc_t){1, 1, 1, 1});
    init->label = xfmt("%s.__init", modname);
    init_fn_of_module = init;
    cur_fn = init;
    vec_t *flat = xalloc(sizeof *flat);
    flat_items = flat;
    modval_t *top = xalloc(sizeof *top);
    top->path = cur_path;
    cur_str = top;
    top_str = top;
    type_items(&p->items);
    p->items = *flat;
    cur_fn = NULL;
    cur_str = NULL;
    mtent_t *mts = mtenv;
    export_module(modname, before, venv, is_stdlib);
    /* the file is a module too: M.N.x for its submodules, M for module paths */
    menv = menv_before;
    for (int i = 0; i < top->names.n; i++)
        if (strchr(top->names.v[i], '.'))
            bind_as(xfmt("%s.%s", modname, (const char *)top->names.v[i]), top->vars.v[i]);
    modval_t *fm = xalloc(sizeof *fm);
    fm->path = top->path;
    size_t ml = strlen(modname);
    for (envent_t *e = venv; e; e = e->next)
        if (!strncmp(e->name, modname, ml) && e->name[ml] == '.') {
            vpush(&fm->names, (void *)(e->name + ml + 1));
            vpush(&fm->vars, e->v);
        }
    /* names were collected innermost first: bind them back in definition order */
    for (int i = 0, j = fm->names.n - 1; i < j; i++, j--) {
        void *t = fm->names.v[i];
        fm->names.v[i] = fm->names.v[j];
        fm->names.v[j] = t;
        t = fm->vars.v[i];
        fm->vars.v[i] = fm->vars.v[j];
        fm->vars.v[j] = t;
    }
    fm->subnames = top->subnames;
    fm->subs = top->subs;
    if (intf)
        fm = apply_interface(intf, fm, modname, before);
    menv_push(modname, fm);
    /* its module types, qualified */
    for (mtent_t *e = mts; e && e != mtenv_before; e = e->next) {
        mtent_t *q = xalloc(sizeof *q);
        q->name = xfmt("%s.%s", modname, e->name);
        q->mt = e->mt;
        q->next = mtenv_before;
        mtenv_before = q;
    }
    mtenv = mtenv_before;
    cur_path = "";
}
