/* SPDX-License-Identifier: MIT
 * main.c — the sensec driver: `sensec -S x.ml` (assembly), `sensec -c x.ml` (object via
 * senseasm), `sensec -o app.svm a.ml b.ml [link options]` (compile, assemble, link with
 * the stdlib archive). The stdlib's types come from its sources, embedded at build time.
 * Exit status: 0 ok, 1 compile errors, 2 bad usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sensevm/bytecode.h>
#include <sensevm/color.h>
#include <sensevm/suggest.h>
#include "ast.h"

static const char *argv0;
/* sensec's --color, passed to each senseasm it runs (same stderr, same choice) */
static const char *color_arg = "--color=auto";

/* --help (on stdout, as senseasm's and sensevm-run's) */
static void usage(FILE *f)
{
    fprintf(
        f,
        "Usage: sensec [-o APP.svm] FILE.ml... [senseasm link options]   compile and link\n"
        "       sensec -S FILE.ml... [-o FILE.s]                          assembly only\n"
        "       sensec -c FILE.ml... [-o FILE.o]                          object only\n"
        "FILE.mli beside FILE.ml is its interface; a FILE.mli given too replaces it\n"
        "Options: -w (no warnings), --keep-temps, -h/--help, -V/--version\n"
        "  --color[=WHEN]: diagnostics in colour: auto (default: when stderr is a terminal\n"
        "    and NO_COLOR is unset), always (--color alone), never; passed to senseasm\n"
        "Link options (passed to senseasm; see senseasm --help):\n"
        "  --heap SIZE --stack SIZE --name NAME --entry SYM --priority N --arrays SIZE\n"
        "  --contexts N --channels N --device NAME --policy P --heartbeat MS --fuel N --gc G\n"
        "  --xchan SPEC --symbol NAME --base ADDR --map FILE --format FMT --no-dce --strip\n"
        "  --sign KEYFILE\n"
        "  --board NAME: the board's heap/stack defaults, Intel HEX at its image address for -o "
        "X.hex\n"
        "Any other option is an error. Exit status: 0 ok, 1 errors in the input, 2 bad usage.\n");
}

/* A usage error: "sensec: error: MSG" and the hint, as the other two tools (sensevm/color.h);
 * returns 2 */
static int usage_error(const char *msg) { return svbc_usage_error("sensec", "%s", msg); }

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *b = xalloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = xalloc(cap * 2);
            memcpy(nb, b, n);
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    b[n] = 0;
    *len = n;
    return b;
}

static const char *module_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot ? (size_t)(dot - b) : strlen(b);
    char *m = xalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = b[i];
        m[i] = (isalnum((unsigned char)c) || c == '_') ? c : '_';
    }
    m[0] = (char)toupper((unsigned char)m[0]);
    if (!isalpha((unsigned char)m[0]))
        return xfmt("M%s", m);
    return m;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

static const char *self_dir(void)
{
    static char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) {
        const char *s = strrchr(argv0, '/');
        if (!s)
            return ".";
        snprintf(buf, sizeof buf, "%.*s", (int)(s - argv0), argv0);
        return buf;
    }
    buf[n] = 0;
    char *s = strrchr(buf, '/');
    if (s)
        *s = 0;
    return buf;
}

static const char *find_senseasm(void)
{
    const char *e = getenv("SENSEASM");
    if (e && *e)
        return e;
    const char *d = self_dir();
    const char *p = xfmt("%s/../assembler/senseasm", d);
    if (file_exists(p))
        return p;
    p = xfmt("%s/senseasm", d);
    if (file_exists(p))
        return p;
    return "senseasm";
}

static const char *find_stdlib(void)
{
    const char *e = getenv("SENSE_STDLIB");
    if (e && *e)
        return e;
    const char *d = self_dir();
    const char *p = xfmt("%s/../stdlib/libsense.a", d);
    if (file_exists(p))
        return p;
    p = xfmt("%s/../lib/sensevm/libsense.a", d);
    if (file_exists(p))
        return p;
    return NULL;
}

static int run(char **args)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("sensec: fork");
        return -1;
    }
    if (pid == 0) {
        execvp(args[0], args);
        fprintf(stderr, "sensec: cannot run %s: %s\n", args[0], strerror(errno));
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return -1;
}

static int stdlib_loaded;
static unsigned char *stdlib_needs_init; /* per sensec_stdlib[] entry */
/* type the embedded stdlib modules before `upto` (all if NULL), once */
static void load_stdlib(const char *upto)
{
    if (stdlib_loaded)
        return;
    stdlib_loaded = 1;
    stdlib_needs_init = xalloc((size_t)sensec_stdlib_count + 1);
    const char *bad = sensec_load_stdlib(upto, stdlib_needs_init);
    if (bad) {
        fprintf(stderr, "sensec: internal error: the embedded stdlib module %s does not compile\n",
                bad);
        exit(1);
    }
}

static int is_stdlib_module(const char *m)
{
    for (int i = 0; i < sensec_stdlib_count; i++)
        if (strcmp(sensec_stdlib[i].module, m) == 0)
            return 1;
    return 0;
}

/* path's text as the current source file; NULL (said) if it cannot be read */
static struct srcfile *open_source(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "sensec: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    struct srcfile *f = xalloc(sizeof *f);
    f->name = path;
    f->text = text;
    f->len = len;
    cur_file = f;
    return f;
}

/* the interface of path (foo.ml) for typer_module: the .mli given for it on the command line
 * (intf), else foo.mli beside it, else none. 0 ok, 1 after its errors. */
static int read_interface(const char *path, const char *intf)
{
    const char *mli = intf ? intf : xfmt("%si", path);
    if (!intf && !file_exists(mli))
        return 0;
    struct srcfile *f = open_source(mli);
    if (!f)
        return 1;
    program_t *p = xalloc(sizeof *p);
    int before = n_errors;
    if (parse_interface(f, p) != 0 || n_errors > before)
        return 1;
    typer_set_interface(p, f);
    return 0;
}

/* compile one source file to assembly at out_s; 0 ok. intf: its .mli if given on the
 * command line (else foo.mli beside foo.ml is its interface when it exists) */
static int compile_file(const char *path, const char *out_s, int stdlib_mode, const char *intf)
{
    struct srcfile *f = open_source(path);
    if (!f)
        return 1;
    const char *mod = module_name(path);
    if (!stdlib_mode && is_stdlib_module(mod)) {
        fprintf(stderr, "sensec: %s: the module name %s is taken by the stdlib; rename the file\n",
                path, mod);
        return 1;
    }
    load_stdlib(stdlib_mode ? mod : NULL);
    cur_file = f;
    program_t *p = xalloc(sizeof *p);
    jmp_buf jb;
    fatal_jmp = &jb;
    if (setjmp(jb) != 0) {
        fatal_jmp = NULL;
        return 1;
    }
    int before = n_errors;
    if (parse_source(f, p) != 0 || n_errors > before) {
        fatal_jmp = NULL;
        return 1;
    }
    int bad = !stdlib_mode && read_interface(path, intf);
    cur_file = f;
    if (bad) {
        fatal_jmp = NULL;
        return 1;
    }
    typer_module(p, mod, stdlib_mode);
    if (n_errors > before) {
        fatal_jmp = NULL;
        return 1;
    }
    FILE *o = fopen(out_s, "w");
    if (!o) {
        fprintf(stderr, "sensec: cannot write %s: %s\n", out_s, strerror(errno));
        fatal_jmp = NULL;
        return 1;
    }
    gen_module(o, p, mod);
    fclose(o);
    fatal_jmp = NULL;
    if (n_errors > before) {
        unlink(out_s);
        return 1;
    }
    return 0;
}

static const char *replace_ext(const char *path, const char *ext)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot ? (size_t)(dot - b) : strlen(b);
    return xfmt("%.*s%s", (int)n, b, ext);
}

static const char
    *const link_opts_with_arg[] =
        {
            "--heap",     "--stack",    "--name",   "--entry",  "--priority",  "--arrays",
            "--contexts", "--channels", "--device", "--policy", "--heartbeat", "--fuel",
            "--symbol",   "--base",     "--map",    "--format", "--xchan",     "--board",
            "--gc",       NULL /* --gc: the collector (gc/memory, issue 17) */
};

/* senseasm's link options that take no argument (sensec passes them through). */
static const char *const link_opts_flag[] = {"--no-dce", "--strip", "--sign", NULL};
/* sensec's own long options, for "did you mean". */
static const char *const own_opts[] = {"--keep-temps", "--help", "--version", "--color", NULL};

/* A long option sensec does not know: never forwarded to the linker (issue 15). */
static int unknown_option(const char *a)
{
    int n = (int)strcspn(a, "=");
    const char *const *lists[] = {own_opts, link_opts_with_arg, link_opts_flag};
    svbc_suggest_t s;
    svbc_suggest_init(&s, a);
    for (int l = 0; l < 3; l++)
        for (int k = 0; lists[l][k]; k++)
            svbc_suggest_try(&s, lists[l][k]);
    if (s.best)
        return usage_error(xfmt("unknown option '%.*s'; did you mean '%s'?", n, a, s.best));
    return usage_error(xfmt("unknown option '%.*s'", n, a));
}

/* What to do with a file that is not OCaml source, by its name (0: it is .ml). */
static const char *wrong_kind(const char *f)
{
    size_t n = strlen(f);
#define ENDS(x) (n >= sizeof x - 1 && !strcmp(f + n - (sizeof x - 1), x))
    if (ENDS(".ml") && n > 3)
        return NULL;
    if (ENDS(".svm"))
        return xfmt("%s is a Sense-VM image; run it with sensevm-run %s", f, f);
    if (ENDS(".o") || ENDS(".a"))
        return xfmt("%s is a Sense object or archive; link it with senseasm -o app.svm %s", f, f);
    if (ENDS(".s"))
        return xfmt("%s is CAM assembly; assemble it with senseasm -o app.svm %s", f, f);
    if (ENDS(".hex"))
        return xfmt("%s is Intel HEX (a flashable image); flash it, or inspect the "
                    ".svm it came from with senseasm --info",
                    f);
    if (ENDS(".mli") && n > 4)
        return NULL;
    if (ENDS(".c") || ENDS(".h"))
        return xfmt("%s is C; it belongs in firmware, built with "
                    "arm-none-eabi-gcc (docs/porting.md)",
                    f);
#undef ENDS
    return xfmt("%s: expected a .ml source file", f);
}

typedef struct cli {
    int mode; /* 0 link, 'S', 'c' */
    int keep, stdlib_mode;
    const char *out;
    vec_t files, lopts;
    vec_t intfs; /* per file: its .mli given on the command line, or NULL */
} cli_t;

/* The command line into c: options anywhere among the files. Returns -1 to go on, else the
 * exit status (0 after --help/--version, 2 after a usage error). */
static int parse_args(int argc, char **argv, cli_t *c)
{
    svbc_color_scan(argc, argv); /* before any usage error */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-S"))
            c->mode = 'S';
        else if (!strcmp(a, "-c"))
            c->mode = 'c';
        else if (!strcmp(a, "-o")) {
            if (++i >= argc)
                return usage_error("option '-o' needs an argument");
            c->out = argv[i];
        } else if (!strcmp(a, "-w"))
            quiet_warnings = 1;
        else if (!strcmp(a, "--keep-temps"))
            c->keep = 1;
        else if (!strncmp(a, "--color", 7) && (!a[7] || a[7] == '=')) {
            /* --color, --color=WHEN, --color WHEN (issue 15) */
            const char *when = a[7] ? a + 8 : "always";
            if (!a[7] && i + 1 < argc && svbc_color_parse(argv[i + 1]) >= 0)
                when = argv[++i];
            if (svbc_color_parse(when) < 0)
                return usage_error(xfmt("bad --color '%s' (expected auto, always or never)", when));
            svbc_color_set(svbc_color_parse(when));
            color_arg = xfmt("--color=%s", when);
        } else if (!strcmp(a, "--stdlib-module"))
            c->stdlib_mode = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("sensec 0.1.0\n");
            return 0;
        } else if (a[0] == '-' && a[1] == '-') {
            int takes = 0, known = 0;
            size_t n = strcspn(a, "=");
            for (int k = 0; link_opts_with_arg[k]; k++)
                if (strlen(link_opts_with_arg[k]) == n && !strncmp(a, link_opts_with_arg[k], n))
                    known = 1, takes = a[n] != '=';
            for (int k = 0; link_opts_flag[k]; k++)
                if (strlen(link_opts_flag[k]) == n && !strncmp(a, link_opts_flag[k], n))
                    known = 1, takes = !strcmp(a, "--sign");
            if (!known)
                return unknown_option(a);
            vpush(&c->lopts, (void *)a);
            if (takes) {
                if (++i >= argc)
                    return usage_error(xfmt("option '%s' needs an argument", a));
                vpush(&c->lopts, argv[i]);
            }
        } else if (a[0] == '-' && a[1])
            return usage_error(xfmt("unknown option '%s'", a));
        else
            vpush(&c->files, (void *)a);
    }
    if (c->files.n == 0)
        return usage_error("no input files");
    for (int i = 0; i < c->files.n; i++) {
        const char *f = c->files.v[i];
        const char *why = wrong_kind(f);
        if (why)
            return usage_error(why);
    }
    /* foo.mli on the command line is the interface of foo.ml (any directory) given too */
    vec_t ml = {0};
    for (int i = 0; i < c->files.n; i++) {
        const char *f = c->files.v[i];
        if (f[strlen(f) - 1] == 'i')
            continue;
        vpush(&ml, (void *)f);
        vpush(&c->intfs, NULL);
    }
    for (int i = 0; i < c->files.n; i++) {
        const char *f = c->files.v[i];
        if (f[strlen(f) - 1] != 'i')
            continue;
        int k = 0;
        while (k < ml.n && strcmp(module_name(ml.v[k]), module_name(f)))
            k++;
        if (k == ml.n)
            return usage_error(xfmt("%s: an interface without its implementation: give %.*s too "
                                    "(sensec reads foo.mli beside foo.ml by itself)",
                                    f, (int)strlen(f) - 1, f));
        if (c->intfs.v[k])
            return usage_error(xfmt("two interfaces for %s: %s and %s", (const char *)ml.v[k],
                                    (const char *)c->intfs.v[k], f));
        c->intfs.v[k] = (void *)f;
    }
    c->files = ml; /* (at least one: an interface alone was refused above) */
    if (c->files.n == 0)
        return usage_error("no input files");
    if (c->out && c->mode && c->files.n > 1)
        return usage_error("-o with -S/-c needs exactly one input file");
    if (c->mode && c->lopts.n)
        return usage_error("link options need a link (no -S/-c)");
    if (c->stdlib_mode && !is_stdlib_module(module_name(c->files.v[0])))
        return usage_error("--stdlib-module: not a stdlib module");

    return -1;
}

static int sensec_main(int argc, char **argv)
{
    argv0 = argv[0];
    cli_t cli = {0};
    int r = parse_args(argc, argv, &cli);
    if (r >= 0)
        return r;
    int mode = cli.mode, keep = cli.keep, stdlib_mode = cli.stdlib_mode;
    const char *out = cli.out;
    vec_t files = cli.files, lopts = cli.lopts;

    int errors = 0;
    if (mode == 'S' || mode == 'c') {
        for (int i = 0; i < files.n; i++) {
            const char *src = files.v[i];
            const char *s_out =
                (mode == 'S')
                    ? (out ? out : replace_ext(src, ".s"))
                    : xfmt("%s.sensec-%d.s", out ? out : replace_ext(src, ".o"), (int)getpid());
            if (compile_file(src, s_out, stdlib_mode, cli.intfs.v[i])) {
                errors = 1;
                continue;
            }
            if (mode == 'c') {
                const char *o = out ? out : replace_ext(src, ".o");
                char *args[] = {(char *)find_senseasm(), "-c", (char *)s_out, "-o", (char *)o,
                                (char *)color_arg,       NULL};
                int rc = run(args);
                if (!keep)
                    unlink(s_out);
                if (rc != 0) {
                    fprintf(stderr, "sensec: senseasm failed on the generated assembly of %s\n",
                            src);
                    errors = 1;
                }
            }
        }
        return errors ? 1 : 0;
    }

    /* compile + link */
    char tmpl[] = "/tmp/sensec-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir) {
        perror("sensec: mkdtemp");
        return 1;
    }
    vec_t objs = {0}, temps = {0};
    const char *asmexe = find_senseasm();
    for (int i = 0; i < files.n; i++) {
        const char *src = files.v[i];
        const char *s = xfmt("%s/%d-%s", dir, i, replace_ext(src, ".s"));
        const char *o = xfmt("%s/%d-%s", dir, i, replace_ext(src, ".o"));
        vpush(&temps, (void *)s);
        if (compile_file(src, s, 0, cli.intfs.v[i])) {
            errors = 1;
            continue;
        }
        char *args[] = {(char *)asmexe, "-c", (char *)s, "-o", (char *)o, (char *)color_arg, NULL};
        if (run(args) != 0) {
            fprintf(stderr, "sensec: senseasm failed on the generated assembly of %s\n", src);
            errors = 1;
            continue;
        }
        vpush(&temps, (void *)o);
        vpush(&objs, (void *)o);
    }
    if (!errors) {
        const char *ms = xfmt("%s/main.s", dir), *mo = xfmt("%s/main.o", dir);
        vpush(&temps, (void *)ms);
        FILE *f = fopen(ms, "w");
        if (!f) {
            perror("sensec: main.s");
            return 1;
        }
        /* the stdlib modules whose top level computes values first, in stdlib order (each
         * only uses the ones before it), then the program's modules in command-line order */
        load_stdlib(NULL);
        vec_t inits = {0};
        unsigned char *used = xalloc((size_t)sensec_stdlib_count + 1);
        for (int i = 0; i < sensec_stdlib_count; i++)
            used[i] = (unsigned char)gen_uses_module(sensec_stdlib[i].module);
        /* a used stdlib module uses the modules its source names (conservative) */
        for (int changed = 1; changed;) {
            changed = 0;
            for (int j = 0; j < sensec_stdlib_count; j++)
                for (int i = 0; used[j] && i < sensec_stdlib_count; i++)
                    if (!used[i] && stdlib_needs_init[i] &&
                        strstr(sensec_stdlib[j].text, xfmt("%s.", sensec_stdlib[i].module))) {
                        used[i] = 1;
                        changed = 1;
                    }
        }
        for (int i = 0; i < sensec_stdlib_count; i++)
            if (stdlib_needs_init[i] && used[i])
                vpush(&inits, (void *)sensec_stdlib[i].module);
        for (int i = 0; i < files.n; i++)
            vpush(&inits, (void *)module_name(files.v[i]));
        fprintf(f, "; entry: run each module's top-level code in order\n        .text\n        "
                   ".global main\n");
        for (int i = 0; i < inits.n; i++)
            fprintf(f, "        .extern %s.__init\n", (const char *)inits.v[i]);
        fprintf(f, "main:\n");
        for (int i = 0; i < inits.n; i++)
            fprintf(f, "        %s 0\n        %s %s.__init, 0\n", svbc_opinfo[SVBC_OP_quote].name,
                    svbc_opinfo[SVBC_OP_call].name, (const char *)inits.v[i]);
        fprintf(f, "        %s\n", svbc_opinfo[SVBC_OP_halt].name);
        fclose(f);
        char *args[] = {(char *)asmexe,    "-c", (char *)ms, "-o", (char *)mo,
                        (char *)color_arg, NULL};
        if (run(args) != 0)
            errors = 1;
        vpush(&temps, (void *)mo);
        if (!errors) {
            vec_t la = {0};
            vpush(&la, (void *)asmexe);
            vpush(&la, (void *)color_arg);
            vpush(&la, "-o");
            vpush(&la, (void *)(out ? out : "a.svm"));
            vpush(&la, (void *)mo);
            for (int i = 0; i < objs.n; i++)
                vpush(&la, objs.v[i]);
            const char *lib = find_stdlib();
            if (lib)
                vpush(&la, (void *)lib);
            else
                fprintf(
                    stderr,
                    "sensec: warning: stdlib archive libsense.a not found (set SENSE_STDLIB)\n");
            /* desktop-friendly defaults, overridden by the user's own options */
            int has_heap = 0, has_stack = 0;
            for (int i = 0; i < lopts.n; i++) {
                if (!strncmp(lopts.v[i], "--heap", 6))
                    has_heap = 1;
                if (!strncmp(lopts.v[i], "--stack", 7))
                    has_stack = 1;
                /* a board's own defaults (senseasm --board) replace the desktop ones */
                if (!strncmp(lopts.v[i], "--board", 7))
                    has_heap = has_stack = 1;
            }
            if (!has_heap) {
                vpush(&la, "--heap");
                vpush(&la, "16M");
            }
            if (!has_stack) {
                vpush(&la, "--stack");
                vpush(&la, "4M");
            }
            for (int i = 0; i < lopts.n; i++)
                vpush(&la, lopts.v[i]);
            vpush(&la, NULL);
            if (run((char **)la.v) != 0)
                errors = 1;
        }
    }
    if (!keep) {
        for (int i = 0; i < temps.n; i++)
            unlink(temps.v[i]);
        rmdir(dir);
    } else
        fprintf(stderr, "sensec: temporaries kept in %s\n", dir);
    return errors ? 1 : 0;
}

/* the compiler's passes recurse as deep as the program nests: run them on a thread with a
 * large stack (reserved, not committed: the pages a program does not need are never
 * touched), guarded by check_nesting */
struct main_args {
    int argc;
    char **argv;
    int status;
};
static void *main_thread(void *p)
{
    struct main_args *a = p;
    char base;
    stack_base = &base;
    a->status = sensec_main(a->argc, a->argv);
    return NULL;
}
int main(int argc, char **argv)
{
    struct main_args a = {argc, argv, 1};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, SENSEC_STACK_SIZE) == 0 &&
        pthread_create(&t, &attr, main_thread, &a) == 0) {
        pthread_join(t, NULL);
        return a.status;
    }
    return sensec_main(argc, argv); /* no thread: the default stack, unguarded */
}
