/* SPDX-License-Identifier: MIT
 * options.c — sensevm-run's one option table and parser. Options may come before or after
 * the images; the first operand that is not an image (or `--`) starts the program's own
 * arguments. `--opt=value` and `--opt value` both work; an unknown option is an error that
 * names it, with "did you mean" when one is close; an option that has no effect in the
 * chosen mode is an error, not silently dropped.
 */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"

#include <sensevm/color.h>
#include <sensevm/image.h>
#include <sensevm/suggest.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *const runner_prog = "sensevm-run";

/* --heap: what a manifest may claim on a 64-bit host (4095 MiB, issue 16); 64 MiB where
 * the host's pointers are 32-bit */
#if UINTPTR_MAX > 0xffffffffu
#define RUNNER_HEAP_MAX ((uint64_t)SVMF_HEAP_MAX)
#else
#define RUNNER_HEAP_MAX ((uint64_t)SVMF_HEAP_MAX * 4u)
#endif

enum { A_NONE, A_SIZE, A_TEXT, A_OPT }; /* A_OPT: a value only as --opt=value */
enum { M_ANY, M_SCHED }; /* M_SCHED: the container scheduler's (not with --no-sched) */

typedef struct opt {
    const char *name; /* "--heap" */
    char short_name;  /* 'h' or 0 */
    int arg, mode;
    const char *meta, *help;
} opt_t;

static const opt_t opts[] = {
    {"--heap", 0, A_SIZE, M_ANY, "SIZE",
     "heap RAM budget per container in bytes (K/M suffixes; default: the manifest's);\n"
     "the copying GC uses half of it at a time, the compact one about 93 %"},
    {"--stack", 0, A_SIZE, M_ANY, "SIZE", "stack bytes per context (default: manifest)"},
    {"--max-steps", 0, A_SIZE, M_ANY, "N", "trap (fuel exhausted) after N instructions in all"},
    {"--gc-every-alloc", 0, A_NONE, M_ANY, NULL, "collect before every allocation (testing)"},
    {"--gc", 0, A_TEXT, M_ANY, "copy|compact",
     "the collector of every container (default: each manifest's `gc`)"},
    {"--trace", 0, A_OPT, M_ANY, "[=calls]",
     "one line per instruction on stderr: container/context, pc, symbol,\n"
     "mnemonic, source line; =calls: one line per function entered"},
    {"--stats", 0, A_NONE, M_ANY, NULL, "figures per container on stderr at the end"},
    {"--profile", 0, A_NONE, M_ANY, NULL,
     "a flat profile by function on stderr at the end: instructions, share,\n"
     "bytes allocated, source"},
    {"--backtrace-pcs", 0, A_NONE, M_ANY, NULL,
     "report a fault as a target does: the trap and an `svm-bt` line of pcs\n"
     "(symbolise it with senseasm --addr2line IMAGE)"},
    {"--verify-key", 0, A_TEXT, M_ANY, "FILE",
     "refuse an image unless it is signed (senseasm --sign) with the Ed25519 key\n"
     "whose public half FILE holds (64 hex digits; needs a build with libsodium)"},
    {"--no-sched", 0, A_NONE, M_ANY, NULL,
     "run one image on the bare VM, without the container scheduler"},
    {"--virtual-time", 0, A_NONE, M_SCHED, NULL,
     "virtual clock (default): sleeping costs no wall time, runs are deterministic"},
    {"--real-time", 0, A_NONE, M_SCHED, NULL, "the host's monotonic clock"},
    {"--input", 0, A_TEXT, M_SCHED, "SCRIPT",
     "scripted device input (`at 1500ms press button0` …)"},
    {"--devices", 0, A_TEXT, M_SCHED, "LIST",
     "the board's devices, comma separated (default\n"
     "led0..led3,button0,button1,uart0,gpio0,sensor0)"},
    {"--devlog", 0, A_TEXT, M_SCHED, "FILE",
     "write device output (LEDs, UART, GPIO) to FILE, not stdout"},
    {"--fuel", 0, A_SIZE, M_SCHED, "N",
     "instructions per slice when the manifest gives none (default 10000)"},
    {"--quantum", 0, A_SIZE, M_SCHED, "N",
     "most fuel of a slice while a higher-priority container is live\n"
     "(default: the --fuel value; docs/concurrency.md, the time bound)"},
    {"--ns-per-insn", 0, A_SIZE, M_SCHED, "N", "virtual time per instruction (default 10)"},
    {"--heartbeat", 0, A_SIZE, M_SCHED, "MS", "trace a liveness heartbeat every MS while idle"},
    {"--spin-limit", 0, A_SIZE, M_SCHED, "N",
     "flag a container after N full slices without a switch"},
    {"--count-steps", 0, A_NONE, M_SCHED, NULL,
     "budgets count every instruction (default: control transfers only,\n"
     "faster; implied by --max-steps and --trace)"},
    {"--switch-via-scheduler", 0, A_NONE, M_SCHED, NULL,
     "switch contexts only in the scheduler's loop (testing)"},
    {"--generic-loop", 0, A_NONE, M_SCHED, NULL,
     "the interpreter's own loop with the scheduler's hooks called (testing)"},
    {"--trace-sched", 0, A_NONE, M_SCHED, NULL, "scheduler trace on stderr"},
    {"--color", 0, A_OPT, M_ANY, "[=WHEN]",
     "diagnostics in colour: auto (default: when stderr is a terminal and\n"
     "NO_COLOR is unset), always (--color alone, or --color WHEN), never"},
    {"--help", 'h', A_NONE, M_ANY, NULL, "print this help and exit"},
    {"--version", 'V', A_NONE, M_ANY, NULL, "print the version and exit"},
};
#define NOPTS (sizeof opts / sizeof opts[0])

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [options] app.svm [more.svm ...] [--] [args ...]\n"
            "Run Sense-VM container images under the priority scheduler (or one on the\n"
            "bare VM with --no-sched). Options may come before or after the images.\n\n"
            "options:\n",
            runner_prog);
    for (size_t k = 0; k < NOPTS; k++) {
        char head[48];
        if (opts[k].short_name)
            snprintf(head, sizeof head, "-%c, %s", opts[k].short_name, opts[k].name);
        else
            snprintf(head, sizeof head, "%s%s%s", opts[k].name,
                     opts[k].meta && opts[k].arg != A_OPT ? " " : "",
                     opts[k].meta ? opts[k].meta : "");
        fprintf(f, "  %-22s ", head);
        for (const char *h = opts[k].help; *h; h++) {
            fputc(*h, f);
            if (*h == '\n')
                fprintf(f, "%25s", "");
        }
        fputc('\n', f);
    }
    fprintf(f, "\nexit status: 0 success; 1 an image cannot be read, is not an image, is\n"
               "  invalid or refused; 2 bad usage; else the program's: `exit n` gives n land\n"
               "  255, an uncaught exception, trap or deadlock gives 2 (as ocamlrun)\n");
}

/* A usage error: "sensevm-run: error: ..." and the hint, as sensec and senseasm
 * (sensevm/color.h); RUNNER_EXIT_USAGE */
#define usage_error(...) svbc_usage_error(runner_prog, __VA_ARGS__)

static int unknown(const char *o)
{
    svbc_suggest_t s;
    svbc_suggest_init(&s, o);
    for (size_t k = 0; k < NOPTS; k++)
        svbc_suggest_try(&s, opts[k].name);
    int n = (int)strcspn(o, "=");
    if (s.best)
        return usage_error("unknown option '%.*s'; did you mean '%s'?", n, o, s.best);
    return usage_error("unknown option '%.*s'", n, o);
}

static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (!s || *s < '0' || *s > '9')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    if (*end == 'K' || *end == 'k') {
        v <<= 10;
        end++;
    } else if (*end == 'M' || *end == 'm') {
        v <<= 20;
        end++;
    }
    if (*end || v > (1ull << 40))
        return -1;
    *out = v;
    return 0;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Store option k's value. Returns 0 or an exit status. */
static int set(runner_cfg_t *c, const opt_t *o, const char *val)
{
    uint64_t v = 0;
    if (o->arg == A_SIZE && parse_size(val, &v))
        return usage_error("%s needs a number%s, not '%s'", o->name,
                           strcmp(o->meta, "SIZE") ? "" : " of bytes (e.g. 64K)", val);
    const char *n = o->name + 2;
#define IS(s) (!strcmp(n, s))
    if (IS("heap"))
        c->heap = v;
    else if (IS("stack"))
        c->stack = v;
    else if (IS("max-steps"))
        c->max_steps = runner_max_steps = v;
    else if (IS("gc-every-alloc"))
        c->gc_every = 1;
    else if (IS("gc")) { /* issue 17 */
        if (!val || (strcmp(val, "copy") && strcmp(val, "compact")))
            return usage_error("--gc %s: expected copy or compact", val ? val : "");
        c->gc = strcmp(val, "copy") ? SVM_GC_COMPACT : SVM_GC_COPY;
    } else if (IS("trace")) {
        if (val && strcmp(val, "calls") && strcmp(val, "insns"))
            return usage_error("--trace=%s: expected --trace or --trace=calls", val);
        c->trace = runner_tracing = 1;
        runner_trace_calls = val && !strcmp(val, "calls");
    } else if (IS("stats"))
        c->stats = 1;
    else if (IS("backtrace-pcs"))
        runner_fault_pcs = 1;
    else if (IS("profile"))
        runner_profiling = 1;
    else if (IS("verify-key"))
        c->verify_key = val;
    else if (IS("no-sched"))
        c->no_sched = 1;
    else if (IS("virtual-time"))
        c->real_time = 0, c->time_set = 1;
    else if (IS("real-time"))
        c->real_time = 1, c->time_set = 1;
    else if (IS("input"))
        c->input = val;
    else if (IS("devices"))
        c->devices = val;
    else if (IS("devlog"))
        c->devlog = val;
    else if (IS("fuel"))
        c->fuel = v, c->fuel_set = 1;
    else if (IS("quantum"))
        c->quantum = v, c->quantum_set = 1; /* issue 13 */
    else if (IS("ns-per-insn"))
        c->ns_per_insn = v, c->ns_set = 1;
    else if (IS("heartbeat"))
        c->heartbeat_ms = v, c->heartbeat_set = 1;
    else if (IS("spin-limit"))
        c->spin_limit = v, c->spin_set = 1;
    else if (IS("count-steps"))
        c->count_steps = 1;
    else if (IS("switch-via-scheduler"))
        c->via_sched = 1;
    else if (IS("generic-loop"))
        c->generic_loop = 1;
    else if (IS("color")) { /* issue 15 */
        if (svbc_color_parse(val ? val : "always") < 0)
            return usage_error("--color=%s: expected auto, always or never", val);
        svbc_color_set(svbc_color_parse(val ? val : "always"));
    } else if (IS("trace-sched"))
        c->trace_sched = 1;
#undef IS
    return 0;
}

static const opt_t *find(const char *a, const char **inline_val)
{
    *inline_val = NULL;
    if (a[1] != '-') { /* -h, -V */
        for (size_t k = 0; k < NOPTS; k++)
            if (opts[k].short_name && a[1] == opts[k].short_name && !a[2])
                return &opts[k];
        return NULL;
    }
    size_t n = strcspn(a, "=");
    for (size_t k = 0; k < NOPTS; k++)
        if (strlen(opts[k].name) == n && !strncmp(a, opts[k].name, n)) {
            if (a[n] == '=')
                *inline_val = a + n + 1;
            return &opts[k];
        }
    return NULL;
}

static int check(runner_cfg_t *c)
{
    if (c->nimages == 0)
        return usage_error("no image given");
    if (c->no_sched && c->nimages > 1)
        return usage_error("--no-sched runs one image, and %d were given (%s, %s%s)", c->nimages,
                           c->images[0], c->images[1], c->nimages > 2 ? ", …" : "");
    if (c->heap && (c->heap < SVMF_HEAP_MIN || c->heap > RUNNER_HEAP_MAX))
        return usage_error("--heap must be between %u and %llu bytes", SVMF_HEAP_MIN,
                           (unsigned long long)RUNNER_HEAP_MAX);
    if (c->stack && (c->stack < SVMF_STACK_MIN || c->stack > (uint64_t)SVMF_STACK_MAX * 64))
        return usage_error("--stack must be between %u and %u bytes", SVMF_STACK_MIN,
                           SVMF_STACK_MAX * 64);
    if (c->quantum_set && (c->quantum == 0 || c->quantum > UINT32_MAX))
        return usage_error("--quantum must be between 1 and %u", UINT32_MAX);
    if (c->fuel_set && (c->fuel == 0 || c->fuel > UINT32_MAX))
        return usage_error("--fuel must be between 1 and %u", UINT32_MAX);
    return 0;
}

int runner_parse(int argc, char **argv, runner_cfg_t *c)
{
    svbc_color_scan(argc, argv); /* before any usage error */
    memset(c, 0, sizeof *c);
    const char *sched_opt = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[0] == '-' && a[1]) {
            const char *val;
            const opt_t *o = find(a, &val);
            if (!o)
                return unknown(a);
            if (o->arg == A_NONE && val)
                return usage_error("%s takes no value", o->name);
            if (o->arg != A_NONE && o->arg != A_OPT && !val) {
                if (i + 1 >= argc)
                    return usage_error("%s needs an argument (%s)", o->name, o->meta);
                val = argv[++i];
            }
            /* --color WHEN as well as --color=WHEN */
            if (!strcmp(o->name, "--color") && !val && i + 1 < argc &&
                svbc_color_parse(argv[i + 1]) >= 0)
                val = argv[++i];
            if (o->short_name == 'h') {
                usage(stdout);
                return 0;
            }
            if (o->short_name == 'V') {
                printf("%s %s (image format %u.%u)\n", runner_prog, SVM_VERSION, SVIMG_FORMAT_MAJOR,
                       SVIMG_FORMAT_MINOR);
                return 0;
            }
            if (o->mode == M_SCHED && !sched_opt)
                sched_opt = o->name;
            int r = set(c, o, val);
            if (r)
                return r;
            continue;
        }
        /* an operand: an image while they end in .svm (or the first operand); any other
         * starts the program's arguments */
        if (c->nimages == 0 || has_suffix(a, ".svm")) {
            if (c->nimages >= (int)RUNNER_MAX_IMAGES)
                return usage_error("at most %u images (containers)", RUNNER_MAX_IMAGES);
            c->images[c->nimages++] = a;
            continue;
        }
        break;
    }
    c->args = argv + i;
    c->nargs = argc - i;
    if (c->no_sched && sched_opt)
        return usage_error("%s is an option of the container scheduler, which --no-sched "
                           "turns off",
                           sched_opt);
    int r = check(c);
    return r ? r : -1;
}
