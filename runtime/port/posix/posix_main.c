/* SPDX-License-Identifier: MIT
 * posix_main.c — the multi-container desktop run loop behind `sensevm-run hi.svm lo.svm …`:
 * option parsing, loading and validating the images, the posix HAL, the scheduler, fault
 * and deadlock reports, --stats and --trace-sched. The runner delegates to
 * svm_posix_main(argc, argv).
 */
#define _POSIX_C_SOURCE 200809L
#include "svm_posix.h"

#include <sensevm/bytecode.h>
#include <sensevm/vmsched.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_TRAP 2
#define EXIT_INVALID 125
#define EXIT_USAGE 126

static const char *prog = "sensevm-run";

#ifdef SVM_RUNNER_GC_EVERY_ALLOC
#define RUNNER_GC_EVERY_ALLOC 1 /* -Dgc_every_alloc=true: as the single-context runner */
#else
#define RUNNER_GC_EVERY_ALLOC 0
#endif

typedef struct run {
    svm_posix_t port;
    svm_sched_t sched;
    svm_box_t *box[SVM_CFG_MAX_CONTAINERS];
    svl_image_t img[SVM_CFG_MAX_CONTAINERS];
    uint8_t *bytes[SVM_CFG_MAX_CONTAINERS];
    void *mem[SVM_CFG_MAX_CONTAINERS];
    const char **argv[SVM_CFG_MAX_CONTAINERS];
    void *xmem;
    FILE *devf;
    const char *path[SVM_CFG_MAX_CONTAINERS];
    int n;
    int trace, stats, rc, faulted, count_steps;
    FILE *tracef;
} run_t;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [options] app.svm [more.svm ...] [-- args...]\n"
            "Run one or more Sense-VM container images under the priority scheduler.\n"
            "\n"
            "options:\n"
            "  --virtual-time     virtual clock (default): sleeping costs no wall time, runs\n"
            "                     are deterministic\n"
            "  --real-time        the host's monotonic clock\n"
            "  --input SCRIPT     scripted device input (at 1500ms press button0 ...)\n"
            "  --devices LIST     the board's devices, comma separated (default\n"
            "                     led0..led3,button0,button1,uart0,gpio0,sensor0)\n"
            "  --devlog FILE      write device output (LEDs, UART, GPIO) to FILE, not stdout\n"
            "  --fuel N           instructions per slice when the manifest gives none\n"
            "                     (default 10000)\n"
            "  --ns-per-insn N    virtual time per instruction (default 10)\n"
            "  --heartbeat MS     trace a liveness heartbeat every MS while idle\n"
            "  --spin-limit N     flag a container after N full slices without a switch\n"
            "  --max-steps N      stop with fuel_exhausted after N instructions in all\n"
            "  --count-steps      budgets count every instruction (default: control\n"
            "                     transfers only, faster; implied by --max-steps)\n"
            "  --heap SIZE        heap bytes for every container (default: manifest)\n"
            "  --stack SIZE       stack bytes per context (default: manifest)\n"
            "  --gc-every-alloc   collect before every allocation (testing)\n"
            "  --switch-via-scheduler  switch contexts only in the scheduler's loop, not\n"
            "                     inside the interpreter (testing: same output and trace)\n"
            "  --generic-loop     run contexts in the interpreter's own loop with the\n"
            "                     scheduler's hooks called as on targets (testing)\n"
            "  --stats            per-container figures on stderr at the end\n"
            "                     (instructions with --count-steps, else control transfers)\n"
            "  --trace-sched      scheduler trace on stderr\n"
            "  --trace            one line per instruction (one image, no scheduler)\n"
            "  --verify-key FILE  check the image's Ed25519 signature first (one image)\n"
            "  --no-sched         one image on the bare VM, without the scheduler\n"
            "  --help, --version\n"
            "\n"
            "exit status: the first non-zero `exit n` of a container; 2 when a container\n"
            "  trapped or deadlocked; 125 unreadable/invalid image or refused load;\n"
            "  126 bad usage\n",
            prog);
}

/* Kept beside svm_posix_main's parser: the options it takes that the bare-VM runner
 * (runtime/runner/main.c) does not. */
int svm_posix_sched_option(const char *o)
{
    static const char *const opts[] = {"--virtual-time", "--real-time", "--input",
                                       "--devices", "--devlog", "--fuel", "--ns-per-insn",
                                       "--heartbeat", "--spin-limit", "--count-steps",
                                       "--switch-via-scheduler", "--generic-loop",
                                       "--trace-sched"};
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
        if (!strcmp(o, opts[k]))
            return 1;
    return 0;
}

int svm_posix_parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
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

void svm_posix_write(void *user, int stream, const char *buf, size_t len)
{
    (void)user;
    if (stream == 2) {
        fflush(stdout);
        fwrite(buf, 1, len, stderr);
    } else {
        fwrite(buf, 1, len, stdout);
    }
}

void svm_posix_flush(void *user)
{
    (void)user;
    fflush(stdout);
    fflush(stderr);
}

uint8_t *svm_posix_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) {
            if (ferror(f)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        if (cap >= SVIMG_MAX_SIZE * 2u)
            break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

static const char *cname(const run_t *r, int i)
{
    return i >= 0 && i < r->n ? r->img[i].manifest.name : "-";
}

static const char *status_name(int st)
{
    static const char *const n[] = {"switched", "out of fuel", "halted", "fault", "exited"};
    return st >= 0 && st <= 4 ? n[st] : "?";
}

static void report_fault(run_t *r, int i)
{
    svm_box_t *b = r->box[i];
    const svm_trap_info_t *t = &b->vm.trap;
    fflush(stdout);
    if (t->code == SVM_TRAP_uncaught_exception) {
        char buf[1024];
        svm_format_exn(&b->vm, t->value, buf, sizeof buf);
        if (r->n > 1)
            fprintf(stderr, "%s: %s: ", prog, cname(r, i));
        fprintf(stderr, "Fatal error: exception %s\n", buf);
    } else {
        const char *mn = svbc_opinfo[b->c.fault.opcode].name;
        fprintf(stderr, "%s: %s: trap: %s at pc 0x%x (%s) in context %u\n", prog,
                r->n > 1 ? cname(r, i) : r->path[i], svm_trap_message(t->code), t->pc,
                mn ? mn : "?", t->context);
    }
}

static void on_trace(void *user, const svm_trace_t *ev)
{
    run_t *r = user;
    if (ev->kind == SVM_TR_FAULT && ev->cont >= 0) {
        report_fault(r, ev->cont);
        r->faulted = 1;
    }
    if (ev->kind == SVM_TR_EXIT && ev->cont >= 0 && !r->rc)
        r->rc = (int)(ev->a & 255u);
    if (!r->trace)
        return;
    char st[40];
    svm_posix_stamp(st, sizeof st, ev->time);
    FILE *f = r->tracef;
    const char *c = cname(r, ev->cont);
    switch (ev->kind) {
    case SVM_TR_SLICE:
        fprintf(f, "%s sched: %s ctx %d ran %llu of %llu -> %s\n", st, c, ev->ctx,
                (unsigned long long)ev->b, (unsigned long long)ev->a, status_name(ev->status));
        break;
    case SVM_TR_IDLE:
        if (ev->a == UINT64_MAX) {
            fprintf(f, "%s sched: idle until an event\n", st);
        } else {
            char until[40];
            svm_posix_stamp(until, sizeof until, ev->a);
            fprintf(f, "%s sched: idle until %s\n", st, until);
        }
        break;
    case SVM_TR_FAULT:
        fprintf(f, "%s sched: %s ctx %d fault: %s at pc 0x%llx\n", st, c, ev->ctx,
                svm_trap_name((svm_trap_t)ev->a), (unsigned long long)ev->b);
        break;
    case SVM_TR_RESTART:
        fprintf(f, "%s sched: %s restart %llu\n", st, c, (unsigned long long)ev->a);
        break;
    case SVM_TR_STOP: fprintf(f, "%s sched: %s stopped\n", st, c); break;
    case SVM_TR_HALT: fprintf(f, "%s sched: %s finished\n", st, c); break;
    case SVM_TR_EXIT:
        fprintf(f, "%s sched: %s exit %lld\n", st, c, (long long)(int64_t)ev->a);
        break;
    case SVM_TR_SPIN:
        fprintf(f, "%s monitor: %s ctx %d ran %llu full slices without yielding\n", st, c,
                ev->ctx, (unsigned long long)ev->a);
        break;
    case SVM_TR_HB_MISS: fprintf(f, "%s monitor: %s missed its heartbeat\n", st, c); break;
    case SVM_TR_HEARTBEAT:
        fprintf(f, "%s sched: heartbeat %llu\n", st, (unsigned long long)ev->a);
        break;
    case SVM_TR_EVQ_OVERFLOW:
        fprintf(f, "%s sched: interrupt queue overflow, %llu events refused so far\n", st,
                (unsigned long long)ev->a);
        break;
    case SVM_TR_DEADLOCK:
        fprintf(f, "%s sched: %s deadlock: %llu contexts blocked forever\n", st, c,
                (unsigned long long)ev->a);
        break;
    case SVM_TR_SECURITY:
        fprintf(f, "%s monitor: %s\n", st, ev->a == 1 ? "power brown-out" : "clock glitch");
        break;
    default: break;
    }
}

static void print_stats(run_t *r)
{
    for (int i = 0; i < r->n; i++) {
        const svm_container_t *c = &r->box[i]->c;
        const svm_cstats_t *k = &c->stats;
        svm_gc_stats_t g;
        svm_get_gc_stats(&r->box[i]->vm, &g);
        fprintf(stderr,
                "%s: stats: %s: priority %u, %s %llu, fuel used %llu, slices %llu, context "
                "switches %llu, pre-emptions %llu, asleep %llu.%03llu ms\n"
                "%s: stats: %s: faults %u, restarts %u, monitor flags %u (spins %u, missed "
                "heartbeats %u), deadlocks %u, device events dropped %u, messages sent %u, "
                "dropped %u\n"
                "%s: stats: %s: gc collections %u, allocated %llu bytes, live high-water %u "
                "bytes, heap high-water %u bytes, longest pause %u words\n",
                prog, cname(r, i), c->priority,
                r->count_steps ? "instructions" : "control transfers",
                (unsigned long long)k->executed, (unsigned long long)k->insns,
                (unsigned long long)k->slices, (unsigned long long)k->switches,
                (unsigned long long)k->preemptions,
                (unsigned long long)(k->asleep_ns / 1000000u),
                (unsigned long long)(k->asleep_ns / 1000u % 1000u), prog, cname(r, i),
                k->faults, k->restarts, k->monitor_flags, k->spins, k->hb_missed, k->deadlocks,
                k->dev_overflow, k->xsent, k->xdropped, prog, cname(r, i), g.collections,
                (unsigned long long)g.bytes_allocated, g.live_hwm, g.heap_hwm,
                g.longest_pause);
    }
    const svm_sched_stats_t *s = &r->sched.stats;
    fprintf(stderr,
            "%s: stats: scheduler: rounds %llu, sleeps %llu, idle %llu.%03llu ms, watchdog "
            "feeds %llu, interrupt overflows %u, security events %u\n",
            prog, (unsigned long long)s->rounds, (unsigned long long)s->sleeps,
            (unsigned long long)(s->idle_ns / 1000000u),
            (unsigned long long)(s->idle_ns / 1000u % 1000u), (unsigned long long)s->wd_feeds,
            s->evq_overflow, s->security_events);
}

/* --max-steps: cap the next slices so the total stops exactly at max; at the limit report
 * the context that would run next as the runner does and return 1. */
static int steps_left(run_t *r, uint64_t max, uint32_t default_fuel)
{
    uint64_t total = 0;
    for (int k = 0; k < r->n; k++)
        total += r->box[k]->c.stats.insns;
    if (total < max) {
        uint64_t rem = max - total;
        for (int k = 0; k < r->n; k++) {
            svm_container_t *c = &r->box[k]->c;
            uint32_t f = c->mf->fuel ? c->mf->fuel : default_fuel;
            c->fuel = rem < f ? (uint32_t)rem : f;
        }
        return 0;
    }
    svm_container_t *c = svm_sched_pick(&r->sched);
    int k = c ? c->index : 0;
    svm_box_t *b = r->box[k];
    int32_t slot = c ? (c->cur >= 0 ? c->cur : (c->rq_count ? c->runq[c->rq_head] : -1)) : -1;
    fflush(stdout);
    if (slot < 0) {
        fprintf(stderr, "%s: trap: fuel exhausted after %llu instructions\n", prog,
                (unsigned long long)total);
        return 1;
    }
    const svm_context_t *rc = &b->rctx[slot];
    uint8_t op = rc->pc < b->vm.code_size ? b->vm.code[rc->pc] : 0;
    const char *mn = svbc_opinfo[op].name;
    fprintf(stderr, "%s: %s: trap: %s at pc 0x%x (%s) in context %u\n", prog,
            r->n > 1 ? cname(r, k) : r->path[k], svm_trap_message(SVM_TRAP_fuel_exhausted),
            rc->pc, mn ? mn : "?", rc->id);
    return 1;
}

/* Free everything the run allocated and return rc. */
static int finish(run_t *r, int rc)
{
    for (int k = 0; k < (int)SVM_CFG_MAX_CONTAINERS; k++) {
        free(r->box[k]);
        free(r->mem[k]);
        free(r->bytes[k]);
        free(r->argv[k]);
        r->box[k] = NULL;
        r->mem[k] = NULL;
        r->bytes[k] = NULL;
        r->argv[k] = NULL;
    }
    free(r->xmem);
    r->xmem = NULL;
    if (r->devf)
        fclose(r->devf);
    r->devf = NULL;
    svm_posix_free(&r->port);
    return rc;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

int svm_posix_main(int argc, char **argv)
{
    static run_t r; /* large (event ring, tables): not on the stack */
    memset(&r, 0, sizeof r);
    r.tracef = stderr;
    svm_posix_cfg_t pcfg;
    svm_posix_default_cfg(&pcfg);
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    uint64_t heap = 0, stack = 0, max_steps = 0, v;
    const char *input = NULL, *devlog = NULL;
    int gc_every = RUNNER_GC_EVERY_ALLOC, ns_set = 0, count_steps = 0, via_sched = 0,
        generic_loop = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--")) {
            i++;
            break;
        } else if (!strcmp(o, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(o, "--version")) {
            printf("sensevm-run %s (image format %u.%u)\n", SVM_VERSION, SVIMG_FORMAT_MAJOR,
                   SVIMG_FORMAT_MINOR);
            return 0;
        } else if (!strcmp(o, "--virtual-time")) {
            pcfg.real_time = 0;
        } else if (!strcmp(o, "--real-time")) {
            pcfg.real_time = 1;
        } else if (!strcmp(o, "--stats")) {
            r.stats = 1;
        } else if (!strcmp(o, "--trace-sched")) {
            r.trace = 1;
        } else if (!strcmp(o, "--gc-every-alloc")) {
            gc_every = 1;
        } else if (!strcmp(o, "--count-steps")) {
            count_steps = 1;
        } else if (!strcmp(o, "--switch-via-scheduler")) {
            via_sched = 1;
        } else if (!strcmp(o, "--generic-loop")) {
            generic_loop = 1;
        } else if (!strcmp(o, "--input") || !strcmp(o, "--devices") || !strcmp(o, "--devlog")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: %s needs an argument\n", prog, o);
                return EXIT_USAGE;
            }
            if (!strcmp(o, "--input"))
                input = argv[++i];
            else if (!strcmp(o, "--devices"))
                pcfg.devices = argv[++i];
            else
                devlog = argv[++i];
        } else if (!strcmp(o, "--fuel") || !strcmp(o, "--ns-per-insn") ||
                   !strcmp(o, "--heartbeat") || !strcmp(o, "--spin-limit") ||
                   !strcmp(o, "--max-steps") || !strcmp(o, "--heap") || !strcmp(o, "--stack")) {
            if (i + 1 >= argc || svm_posix_parse_size(argv[i + 1], &v)) {
                fprintf(stderr, "%s: %s needs a number\n", prog, o);
                return EXIT_USAGE;
            }
            i++;
            if (!strcmp(o, "--fuel")) {
                if (v == 0 || v > UINT32_MAX) {
                    fprintf(stderr, "%s: --fuel must be between 1 and %u\n", prog, UINT32_MAX);
                    return EXIT_USAGE;
                }
                scfg.default_fuel = (uint32_t)v;
            } else if (!strcmp(o, "--ns-per-insn")) {
                pcfg.ns_per_insn = (uint32_t)(v ? v : 1u);
                ns_set = 1;
            } else if (!strcmp(o, "--heartbeat")) {
                scfg.idle_heartbeat_ns = v * 1000000u;
            } else if (!strcmp(o, "--spin-limit")) {
                scfg.spin_limit = (uint32_t)v;
            } else if (!strcmp(o, "--max-steps")) {
                max_steps = v;
            } else if (!strcmp(o, "--heap")) {
                heap = v;
            } else {
                stack = v;
            }
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", prog, o);
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    /* images: the .svm arguments; the first other argument (or `--`) starts the program's
     * own arguments */
    int first = i;
    for (; i < argc && has_suffix(argv[i], ".svm") && r.n < (int)SVM_CFG_MAX_CONTAINERS; i++)
        r.path[r.n++] = argv[i];
    if (i < argc && has_suffix(argv[i], ".svm")) {
        fprintf(stderr, "%s: at most %u containers\n", prog, SVM_CFG_MAX_CONTAINERS);
        return EXIT_USAGE;
    }
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (r.n == 0 && first < argc) /* one image whose name does not end in .svm */
        r.path[r.n++] = argv[first], i = first + 1;
    if (r.n == 0) {
        fprintf(stderr, "%s: no image given\n", prog);
        usage(stderr);
        return EXIT_USAGE;
    }
    if (heap && (heap < SVMF_HEAP_MIN || heap > (uint64_t)SVMF_HEAP_MAX * 4)) {
        fprintf(stderr, "%s: --heap must be between %u and %u bytes\n", prog, SVMF_HEAP_MIN,
                SVMF_HEAP_MAX * 4);
        return EXIT_USAGE;
    }
    if (stack && (stack < SVMF_STACK_MIN || stack > (uint64_t)SVMF_STACK_MAX * 64)) {
        fprintf(stderr, "%s: --stack must be between %u and %u bytes\n", prog, SVMF_STACK_MIN,
                SVMF_STACK_MAX * 64);
        return EXIT_USAGE;
    }
    if (pcfg.real_time && !ns_set)
        scfg.ns_per_insn = 0;
    else
        scfg.ns_per_insn = pcfg.ns_per_insn;

    /* the board */
    if (devlog) {
        r.devf = fopen(devlog, "w");
        if (!r.devf) {
            fprintf(stderr, "%s: %s: cannot write: %s\n", prog, devlog, strerror(errno));
            return finish(&r, EXIT_USAGE);
        }
        pcfg.devlog = r.devf;
    }
    char err[256];
    if (svm_posix_init(&r.port, &pcfg, err, sizeof err)) {
        fprintf(stderr, "%s: --devices: %s\n", prog, err);
        return finish(&r, EXIT_USAGE);
    }
    if (input && svm_posix_script_file(&r.port, input, stderr))
        return finish(&r, EXIT_USAGE);

    svm_sched_ops_t ops = {&r, svm_box_run_ctx, svm_box_restart, on_trace};
    svm_sched_init(&r.sched, &r.port.hal, &ops, &scfg);

    /* the containers */
    const char **pargv = (const char **)(argv + i - 1);
    int pargc = argc - i + 1;
    for (int k = 0; k < r.n; k++) {
        size_t len;
        r.bytes[k] = svm_posix_read_file(r.path[k], &len);
        if (!r.bytes[k]) {
            fprintf(stderr, "%s: %s: cannot read: %s\n", prog, r.path[k], strerror(errno));
            return finish(&r, EXIT_INVALID);
        }
        uint32_t off = 0;
        svl_result_t vr = svl_validate(r.bytes[k], len, &r.img[k], &off);
        if (vr != SVL_OK) {
            fprintf(stderr, "%s: %s: invalid image: %s at offset 0x%x\n", prog, r.path[k],
                    svl_result_message(vr), off);
            return finish(&r, EXIT_INVALID);
        }
        for (int j = 0; j < k; j++)
            if (!strcmp(r.img[j].manifest.name, r.img[k].manifest.name)) {
                fprintf(stderr, "%s: %s: container name '%s' is already used by %s\n", prog,
                        r.path[k], r.img[k].manifest.name, r.path[j]);
                return finish(&r, EXIT_INVALID);
            }
        const char **av = r.argv[k] = malloc(sizeof *av * (size_t)(pargc + 1));
        if (!av) {
            fprintf(stderr, "%s: out of host memory\n", prog);
            return finish(&r, EXIT_USAGE);
        }
        memcpy(av, pargv, sizeof *av * (size_t)pargc);
        av[0] = r.path[k];
        av[pargc] = NULL;
        svm_config_t vcfg = {
            .write = svm_posix_write,
            .flush = svm_posix_flush,
            .gc_every_alloc = gc_every,
            .count_steps = r.count_steps = count_steps || max_steps,
            .argc = pargc,
            .argv = av,
            .container_id = (uint32_t)k,
            .switch_via_scheduler = via_sched,
            .generic_loop = generic_loop,
            .no_stack_paint = 1, /* nothing here reads svm_stack_hwm */
        };
        size_t need = svm_box_mem_size(&r.img[k], (uint32_t)heap, (uint32_t)stack);
        void *mem = r.mem[k] = malloc(need);
        r.box[k] = calloc(1, sizeof *r.box[k]);
        if (!mem || !r.box[k]) {
            fprintf(stderr, "%s: out of host memory\n", prog);
            return finish(&r, EXIT_USAGE);
        }
        int br = svm_box_init(r.box[k], &r.img[k], &vcfg, (uint32_t)heap, (uint32_t)stack, mem,
                              need);
        if (br) {
            fprintf(stderr, "%s: %s: heap or stack too small\n", prog, r.path[k]);
            return finish(&r, EXIT_TRAP);
        }
        svm_sched_err_t se;
        if (svm_sched_add(&r.sched, &r.box[k]->c, &se)) {
            svm_sched_format_err(&r.sched, &se, err, sizeof err);
            fprintf(stderr, "%s: %s: %s\n", prog, r.path[k], err);
            return finish(&r, EXIT_INVALID);
        }
    }
    size_t xm = svm_sched_xchan_mem_size(&r.sched);
    void *xmem = r.xmem = malloc(xm);
    svm_sched_err_t se;
    if (!xmem || svm_sched_link(&r.sched, xmem, xm, &se)) {
        svm_sched_format_err(&r.sched, &se, err, sizeof err);
        fprintf(stderr, "%s: %s\n", prog, err);
        return finish(&r, EXIT_INVALID);
    }

    /* run */
    for (;;) {
        if (max_steps && steps_left(&r, max_steps, scfg.default_fuel)) {
            r.faulted = 1;
            break;
        }
        int res = svm_sched_step(&r.sched);
        if (res == SVM_STEP_FINISHED || res == SVM_STEP_STUCK)
            break;
    }
    fflush(stdout);
    int deadlock = 0;
    for (int k = 0; k < r.n; k++) {
        const svm_container_t *c = &r.box[k]->c;
        if (c->state == SVM_K_ACTIVE && svm_container_idle_kind(c) == SVM_IDLE_DEADLOCK) {
            uint32_t blocked = c->nlive;
            fprintf(stderr, "%s: %s: deadlock: %u context%s blocked forever\n", prog,
                    r.n > 1 ? cname(&r, k) : r.path[k], blocked, blocked == 1 ? "" : "s");
            deadlock = 1;
        }
    }
    if (r.stats)
        print_stats(&r);
    int rc = r.rc ? r.rc : (r.faulted || deadlock) ? EXIT_TRAP : 0;
    return finish(&r, rc);
}
