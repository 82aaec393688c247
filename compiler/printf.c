/* SPDX-License-Identifier: MIT
 * printf.c — Printf format strings (printf.h): the parser the type checker types them
 * with, and the code generator's compilation of a format into service calls and string
 * concatenations (no format is interpreted at run time).
 */
#include <string.h>
#include "cg.h"
#include "printf.h"

int fmt_parse(const char *s, int len, vec_t *out, const char **err)
{
    int i = 0;
    while (i < len) {
        int st = i;
        while (i < len && s[i] != '%')
            i++;
        if (i > st) {
            fmtseg_t *g = xalloc(sizeof *g);
            g->text = s + st;
            g->len = i - st;
            vpush(out, g);
        }
        if (i >= len)
            break;
        st = i++;
        if (i < len && (s[i] == '%' || s[i] == '!' || s[i] == '@' || s[i] == ',')) {
            if (s[i] == '%' || s[i] == '@') {
                fmtseg_t *g = xalloc(sizeof *g);
                g->text = s + i;
                g->len = 1;
                vpush(out, g);
            }
            i++;
            continue;
        }
        int simple = 1, stars = 0;
        while (i < len && strchr("-0+ #", s[i])) {
            i++;
            simple = 0;
        }
        int fl_end = i, w_end, p_st = -1, p_minus = 0;
        if (i < len && s[i] == '*') {
            i++;
            simple = 0;
            stars++;
        } else
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                i++;
                simple = 0;
            }
        w_end = i;
        if (i < len && s[i] == '.') {
            i++;
            simple = 0;
            if (i < len && s[i] == '-') { /* OCaml reads "%.-5s" as "%-5s" */
                i++;
                p_minus = 1;
            }
            p_st = i;
            if (i < len && s[i] == '*') {
                i++;
                stars++;
            } else
                while (i < len && s[i] >= '0' && s[i] <= '9')
                    i++;
        }
        if (i >= len) {
            *err = "incomplete format";
            return -1;
        }
        char c = s[i++];
        if (!strchr("diuxXoscbfFeEgGBSCat", c)) {
            *err = xfmt("bad conversion %%%c", c);
            return -1;
        }
        if ((c == 'a' || c == 't') && !simple) {
            *err = xfmt("flags or width with %%%c", c);
            return -1;
        }
        if (stars && strchr("cbBSC", c)) {
            *err = xfmt("%%*%c (a width from an argument with %%%c) is not supported by Sense (see "
                        "docs/language.md)",
                        c, c);
            return -1;
        }
        fmtseg_t *g = xalloc(sizeof *g);
        g->stars = stars;
        g->conv = c;
        g->text = s + st;
        g->len = i - st;
        g->simple = simple || c == 'c'; /* OCaml ignores flags and width for %c */
        if (c == 'c') {
            g->text = "%c";
            g->len = 2;
        }
        if ((c == 's' || c == 'S') && p_st >= 0) {
            /* OCaml pads %s/%S to a precision given without a width ("%.5s" is "%5s"),
             * ignores it after a width, and never truncates */
            int from = w_end > fl_end ? fl_end : p_st, to = w_end > fl_end ? w_end : i - 1;
            g->text = xfmt("%%%.*s%s%.*s%c", fl_end - st - 1, s + st + 1, p_minus ? "-" : "",
                           to - from, s + from, c);
            g->len = (int)strlen(g->text);
            if (w_end > fl_end && memchr(s + p_st, '*', (size_t)(i - 1 - p_st))) {
                *err = xfmt("a width and a precision from an argument with %%%c (%%%.*s) is not "
                            "supported by Sense (see docs/language.md)",
                            c, i - st - 1, s + st + 1);
                return -1;
            }
        }
        if (c == 'F' && memchr(s + st, '#', (size_t)(i - st))) {
            *err = "%#F (hexadecimal float) is not supported by Sense (see docs/language.md)";
            return -1;
        }
        if ((c == 'g' || c == 'G') && memchr(s + st, '#', (size_t)(i - st))) {
            /* OCaml ignores # for %g (C would keep the trailing zeros) */
            char *t = xalloc((size_t)(i - st) + 1);
            int k = 0;
            for (int j = st; j < i; j++)
                if (s[j] != '#')
                    t[k++] = s[j];
            g->text = t;
            g->len = k;
        }
        vpush(out, g);
    }
    return 0;
}

/* Format's @ directives as Sense prints them (flat): "@." "@\n" a newline, "@ " "@;" a
 * space ("@;<n o>": n spaces), "@," "@?" nothing, "@[<spec>" "@]" "@{<tag>" "@}" nothing,
 * "@@" "@"; % conversions are kept. Returns the Printf format. */
const char *fmt_format_directives(const char *s, int len, int *outlen)
{
    sbuf_t b = {0};
    sb_add(&b, "", 0);
    for (int i = 0; i < len; i++) {
        if (s[i] == '%' && i + 1 < len) {
            sb_add(&b, s + i, 2);
            i++;
            continue;
        }
        if (s[i] != '@' || i + 1 >= len) {
            sb_add(&b, s + i, 1);
            continue;
        }
        char c = s[++i];
        if (c == '.' || c == '\n')
            sb_add(&b, "\n", 1);
        else if (c == ' ')
            sb_add(&b, " ", 1);
        else if (c == '@')
            sb_add(&b, "@", 1);
        else if (c == '%')
            sb_add(&b, "%%", 2);
        else if (c == ';') {
            int n = 1;
            if (i + 1 < len && s[i + 1] == '<') {
                int j = i + 2;
                while (j < len && s[j] == ' ')
                    j++;
                n = 0;
                while (j < len && s[j] >= '0' && s[j] <= '9')
                    n = n * 10 + (s[j++] - '0');
                while (j < len && s[j] != '>')
                    j++;
                i = j;
            }
            for (int k = 0; k < n && k < 1000; k++)
                sb_add(&b, " ", 1);
        } else if (c == '[' || c == '{' || c == '<') {
            if (c == '<')
                i--;
            if (i + 1 < len && s[i + 1] == '<') {
                while (i < len && s[i] != '>')
                    i++;
            }
        } else if (c == ']' || c == '}' || c == ',' || c == '?') {
            /* nothing */
        } else
            sb_add(&b, s + i - 1, 2);
    }
    *outlen = (int)b.n;
    return b.s;
}

int fmt_nargs(const vec_t *segs)
{
    int k = 0;
    for (int i = 0; i < segs->n; i++) {
        const fmtseg_t *g = segs->v[i];
        k += !g->conv ? 0 : g->conv == 'a' ? 2 : 1 + g->stars;
    }
    return k;
}

/* the text in the accumulator, padded as the conversion's flags and width say (%-6S is
 * the quoted text padded to 6, as %-6s) */
static void pad_as_s(fmtseg_t *sg)
{
    push();
    emit_const_cstr(xfmt("%.*ss", sg->len - 1, sg->text));
    emit("%s", OPN(swap));
    emit_svc(SVBC_SVC_format_string);
    cg.depth--;
}

/* A := argument `idx` (see printf_emit) */
static int pf_base, pf_nargs, pf_chanpos;
static void load_arg(int idx)
{
    emit("%s %d", OPN(acc), cg.depth - 1 - (pf_base + pf_nargs - 1 - idx));
}

/* %S / %C: OCaml-escaped, with quotes: "\"" ^ escaped x ^ "\"" */
static void quoted(fmtseg_t *sg, int idx)
{
    int c = sg->conv;
    const char *q = c == 'S' ? "\"" : "'";
    emit_const_cstr(q);
    push();
    load_arg(idx);
    push();
    emit("%s 0", OPN(quote));
    const char *fnsym = c == 'S' ? "String.escaped" : "Char.escaped";
    ref_sym(fnsym);
    emit("%s %s, 1", OPN(call), fnsym);
    cg.depth--;
    push();
    emit_const_cstr(q);
    emit("%s", OPN(strcat));
    cg.depth--;
    emit("%s", OPN(strcat));
    cg.depth--;
    if (!sg->simple && c == 'S')
        pad_as_s(sg); /* OCaml pads %S, not %C */
}

/* %a (f, x) and %t (f) at argument idx: f chan x / f chan prints (returns 1), or, for
 * sprintf, f () x / f () is the text (in A, returns 0) */
static int user_printer(fmtseg_t *sg, int idx, int kind)
{
    int n = sg->conv == 'a' ? 2 : 1;
    if (n == 2) {
        load_arg(idx + 1);
        push();
    }
    if (kind == 1)
        emit("%s 0", OPN(quote));
    else
        emit("%s %d", OPN(acc), cg.depth - 1 - pf_chanpos);
    push();
    load_arg(idx);
    emit("%s %d", OPN(app), n);
    cg.depth -= n;
    return kind != 1;
}

/* A := the conversion's spec ("%-5d"); a `*` in it is the decimal of the next argument
 * (arguments idx, idx+1 for "%*.*f") */
static void spec_text(fmtseg_t *sg, int idx)
{
    const char *t = sg->text, *end = sg->text + sg->len;
    const char *star = memchr(t, '*', (size_t)(end - t));
    emit_const_cstr(xfmt("%.*s", (int)((star ? star : end) - t), t));
    while (star) {
        push();
        load_arg(idx++);
        emit_svc(SVBC_SVC_string_of_int);
        emit("%s", OPN(swap));
        emit("%s", OPN(strcat));
        cg.depth--;
        t = star + 1;
        star = memchr(t, '*', (size_t)(end - t));
        push();
        emit_const_cstr(xfmt("%.*s", (int)((star ? star : end) - t), t));
        emit("%s", OPN(swap));
        emit("%s", OPN(strcat));
        cg.depth--;
    }
}

/* one conversion: its text in A, or printed already (printf only: returns 1) */
static int conversion(fmtseg_t *sg, int idx, int kind)
{
    int c = sg->conv;
    if (c == 'a' || c == 't')
        return user_printer(sg, idx, kind);
    if ((c == 'd' || c == 'i') && sg->simple) {
        load_arg(idx);
        if (kind == 0) {
            emit_svc(SVBC_SVC_print_int);
            return 1;
        }
        emit_svc(SVBC_SVC_string_of_int);
    } else if (c == 's' && sg->simple) {
        load_arg(idx);
    } else if (c == 'c' && sg->simple && kind == 0) {
        load_arg(idx);
        emit_svc(SVBC_SVC_print_char);
        return 1;
    } else if (c == 'S' || c == 'C') {
        quoted(sg, idx);
    } else if (c == 'b' || c == 'B') {
        const char *lt = newlabel(), *le = newlabel();
        load_arg(idx);
        emit("%s %s", OPN(branchif), lt);
        emit_const_cstr("false");
        emit("%s %s", OPN(branch), le);
        label(lt);
        emit_const_cstr("true");
        label(le);
        if (!sg->simple)
            pad_as_s(sg);
    } else {
        svbc_service_t svc = SVBC_SVC_format_int;
        if (strchr("fFeEgG", c))
            svc = SVBC_SVC_format_float;
        else if (c == 's')
            svc = SVBC_SVC_format_string;
        spec_text(sg, idx);
        push();
        load_arg(idx + sg->stars);
        emit_svc(svc);
        cg.depth--;
    }
    if (kind == 0) {
        emit_svc(SVBC_SVC_print_string);
        return 1;
    }
    return 0;
}

/* fprintf: the text in A goes to the channel (Stdlib.output_string chan text; Format's:
 * Format.pp_print_string ppf text) */
static void output_to_chan(int kind)
{
    const char *fn = kind == 4 ? "Format.pp_print_string" : "Stdlib.output_string";
    push();
    emit("%s %d", OPN(acc), cg.depth - 1 - pf_chanpos);
    push();
    emit("%s 0", OPN(quote));
    ref_sym(fn);
    emit("%s %s, 2", OPN(call), fn);
    cg.depth -= 2;
}

void printf_emit(const char *fmt, int len, int kind, int base, int nargs, int chanpos)
{
    vec_t segs = {0};
    const char *err;
    fmt_parse(fmt, len, &segs, &err);
    pf_base = base;
    pf_nargs = nargs;
    pf_chanpos = chanpos;
    int ai = 0;
    /* for sprintf: pieces are produced left to right, concatenated with an accumulator slot */
    int accpos = -1;
    if (kind == 1) {
        emit_const_cstr("");
        push();
        accpos = cg.depth - 1;
    }
    for (int s = 0; s < segs.n; s++) {
        fmtseg_t *sg = segs.v[s];
        int direct = 0; /* printed directly (printf only) */
        if (!sg->conv) {
            emit_const_string(sg->text, sg->len);
            if (kind == 0) {
                emit_svc(SVBC_SVC_print_string);
                direct = 1;
            }
        } else {
            direct = conversion(sg, ai, kind);
            ai += sg->conv == 'a' ? 2 : 1 + sg->stars;
        }
        if (direct)
            continue;
        if (kind == 2)
            emit_svc(SVBC_SVC_print_err);
        else if (kind >= 3)
            output_to_chan(kind);
        else if (kind == 1) {
            /* acc := acc ^ piece */
            push();
            emit("%s %d", OPN(acc), cg.depth - 1 - accpos);
            emit("%s", OPN(strcat));
            cg.depth--;
            emit("%s %d", OPN(assign), cg.depth - 1 - accpos);
        }
    }
    if (kind == 1) {
        emit("%s 0", OPN(acc));
        popn(1);
    } else
        emit("%s 0", OPN(quote));
}
