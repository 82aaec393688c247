/* SPDX-License-Identifier: MIT
 * scheduled.c — sensevm-run's default mode: one or more images as containers under the
 * priority scheduler, over the posix HAL (runtime/port/posix: virtual or real time,
 * simulated devices, scripted input); fault and deadlock reports, --stats, --trace-sched
 * and the per-instruction --trace, prefixed by container/context.
 */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"

#include <sensevm/posix/svm_posix.h>

#include <sensevm/bytecode.h>
#include <sensevm/color.h>
#include <sensevm/vmsched.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const prog = "sensevm-run";

#ifdef SVM_RUNNER_GC_EVERY_ALLOC
#define RUNNER_GC_EVERY_ALLOC 1 /* -Dgc_every_alloc=true */
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
    char prefix[64] = "";
    if (r->n > 1)
        snprintf(prefix, sizeof prefix, "%s: %s: ", prog, cname(r, i));
    runner_report_trap(&r->box[i]->vm, r->n > 1 ? cname(r, i) : r->path[i], prefix);
}

/* --trace: one line per instruction, `trace: CONTAINER/CONTEXT pc …` */
static void insn_trace(const svm_vm_t *vm, const svm_context_t *ctx, uint32_t pc)
{
    if (runner_profiling)
        runner_profile_step(vm, pc);
    if (!runner_tracing)
        return;
    char who[48];
    snprintf(who, sizeof who, "%s/%u", vm->image->manifest.name, ctx->id);
    runner_trace_insn(stderr, who, vm, pc);
}

/* A warning for each scripted input event of a device no container claims. */
static void warn_unclaimed(const run_t *r, const char *input)
{
    uint32_t warned = 0; /* one warning per device (bit = device index < 32) */
    for (size_t e = 0; e < r->port.nscript; e++) {
        const svm_posix_script_ev_t *ev = &r->port.script[e];
        if (ev->dev >= SVM_POSIX_MAX_DEVS || (warned >> ev->dev & 1u))
            continue;
        const char *dev = r->port.names[ev->dev];
        int claimed = 0;
        for (int k = 0; k < r->n && !claimed; k++)
            for (uint32_t d = 0; d < r->img[k].manifest.ndevices && !claimed; d++)
                claimed = !strncmp(r->img[k].manifest.devices[d], dev, SVIMG_NAME_MAX);
        if (!claimed) {
            warned |= 1u << ev->dev;
            fprintf(stderr,
                    "%s%s:%u:%s %swarning:%s no container claims device '%s': its input "
                    "events are dropped\n",
                    svbc_sgr(SVBC_SGR_LOCUS), input, ev->line, svbc_sgr(SVBC_SGR_RESET),
                    svbc_sgr(SVBC_SGR_WARNING), svbc_sgr(SVBC_SGR_RESET), dev);
        }
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
        fprintf(f, "%s monitor: %s ctx %d ran %llu full slices without yielding\n", st, c, ev->ctx,
                (unsigned long long)ev->a);
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
                (unsigned long long)k->preemptions, (unsigned long long)(k->asleep_ns / 1000000u),
                (unsigned long long)(k->asleep_ns / 1000u % 1000u), prog, cname(r, i), k->faults,
                k->restarts, k->monitor_flags, k->spins, k->hb_missed, k->deadlocks,
                k->dev_overflow, k->xsent, k->xdropped, prog, cname(r, i), g.collections,
                (unsigned long long)g.bytes_allocated, g.live_hwm, g.heap_hwm, g.longest_pause);
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
        fprintf(stderr, "%s%s:%s %strap:%s fuel exhausted after %llu steps (--max-steps %llu)\n",
                svbc_sgr(SVBC_SGR_LOCUS), prog, svbc_sgr(SVBC_SGR_RESET), svbc_sgr(SVBC_SGR_ERROR),
                svbc_sgr(SVBC_SGR_RESET), (unsigned long long)total, (unsigned long long)max);
        return 1;
    }
    const svm_context_t *rc = &b->rctx[slot];
    svm_vm_t *vm = &b->vm; /* the run ends: its trap record tells where it stopped */
    vm->trap.code = SVM_TRAP_fuel_exhausted;
    vm->trap.context = rc->id;
    vm->trap.pc = rc->pc;
    vm->trap.opcode = rc->pc < vm->code_size ? vm->code[rc->pc] : 0;
    svm_backtrace_capture(vm, rc);
    report_fault(r, k);
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

int runner_run_scheduled(const runner_cfg_t *rc)
{
    static run_t r; /* large (event ring, tables): not on the stack */
    memset(&r, 0, sizeof r);
    r.tracef = stderr;
    svm_posix_cfg_t pcfg;
    svm_posix_default_cfg(&pcfg);
    svm_sched_cfg_t scfg;
    svm_sched_default_cfg(&scfg);
    uint64_t heap = rc->heap, stack = rc->stack, max_steps = rc->max_steps;
    int gc_every = rc->gc_every || RUNNER_GC_EVERY_ALLOC;
    int count_steps = rc->count_steps || rc->trace || runner_profiling;
    r.stats = rc->stats;
    r.trace = rc->trace_sched;
    r.n = rc->nimages;
    for (int k = 0; k < r.n; k++)
        r.path[k] = rc->images[k];
    pcfg.real_time = rc->real_time;
    pcfg.devices = rc->devices;
    if (rc->ns_set)
        pcfg.ns_per_insn = (uint32_t)(rc->ns_per_insn ? rc->ns_per_insn : 1u);
    if (rc->fuel_set)
        scfg.default_fuel = (uint32_t)rc->fuel;
    if (rc->quantum_set)
        scfg.quantum = (uint32_t)rc->quantum;
    if (rc->heartbeat_set)
        scfg.idle_heartbeat_ns = rc->heartbeat_ms * 1000000u;
    if (rc->spin_set)
        scfg.spin_limit = (uint32_t)rc->spin_limit;
    if (pcfg.real_time && !rc->ns_set)
        scfg.ns_per_insn = 0;
    else
        scfg.ns_per_insn = pcfg.ns_per_insn;
    const char *devlog = rc->devlog, *input = rc->input;
    if (rc->trace)
        setvbuf(stdout, NULL, _IONBF, 0); /* keep program output and trace in order */

    /* the board */
    if (devlog) {
        r.devf = fopen(devlog, "w");
        if (!r.devf) {
            fprintf(stderr, "%s: %s: cannot write: %s\n", prog, devlog, strerror(errno));
            return finish(&r, RUNNER_EXIT_USAGE);
        }
        pcfg.devlog = r.devf;
    }
    char err[256];
    if (svm_posix_init(&r.port, &pcfg, err, sizeof err)) {
        fprintf(stderr, "%s: --devices: %s\n", prog, err);
        return finish(&r, RUNNER_EXIT_USAGE);
    }
    if (input && svm_posix_script_file(&r.port, input, stderr))
        return finish(&r, RUNNER_EXIT_INPUT);

    svm_sched_ops_t ops = {&r, svm_box_run_ctx, svm_box_restart, on_trace};
    svm_sched_init(&r.sched, &r.port.hal, &ops, &scfg);

    /* the containers; each gets Sys.argv = its image, then the program's arguments */
    int pargc = rc->nargs + 1;
    for (int k = 0; k < r.n; k++) {
        int status;
        r.bytes[k] = runner_load_image(rc, r.path[k], &r.img[k], &status);
        if (!r.bytes[k])
            return finish(&r, status);
        for (int j = 0; j < k; j++)
            if (!strcmp(r.img[j].manifest.name, r.img[k].manifest.name)) {
                fprintf(stderr, "%s: %s: container name '%s' is already used by %s\n", prog,
                        r.path[k], r.img[k].manifest.name, r.path[j]);
                return finish(&r, RUNNER_EXIT_INPUT);
            }
        const char **av = r.argv[k] = malloc(sizeof *av * (size_t)(pargc + 1));
        if (!av) {
            fprintf(stderr, "%s: out of host memory\n", prog);
            return finish(&r, RUNNER_EXIT_USAGE);
        }
        memcpy(av + 1, rc->args, sizeof *av * (size_t)rc->nargs);
        av[0] = r.path[k];
        av[pargc] = NULL;
        svm_config_t vcfg = {
            .write = runner_write,
            .flush = runner_flush,
            .gc_every_alloc = gc_every,
            .gc = rc->gc,
            .gc_step = runner_gc_step(), /* issue 13: testing */
            .count_steps = r.count_steps = count_steps || max_steps,
            .argc = pargc,
            .argv = av,
            .container_id = (uint32_t)k,
            .switch_via_scheduler = rc->via_sched,
            .generic_loop = rc->generic_loop,
            .trace = rc->trace || runner_profiling ? insn_trace : NULL,
            .no_stack_paint = 1, /* nothing here reads svm_stack_hwm */
        };
        size_t need = svm_box_mem_size(&r.img[k], (uint32_t)heap, (uint32_t)stack);
        void *mem = r.mem[k] = malloc(need);
        r.box[k] = calloc(1, sizeof *r.box[k]);
        if (!mem || !r.box[k]) {
            fprintf(stderr, "%s: out of host memory\n", prog);
            return finish(&r, RUNNER_EXIT_USAGE);
        }
        int br =
            svm_box_init(r.box[k], &r.img[k], &vcfg, (uint32_t)heap, (uint32_t)stack, mem, need);
        if (br) {
            fprintf(stderr, "%s: %s: heap or stack too small\n", prog, r.path[k]);
            return finish(&r, RUNNER_EXIT_TRAP);
        }
        svm_sched_err_t se;
        if (svm_sched_add(&r.sched, &r.box[k]->c, &se)) {
            svm_sched_format_err(&r.sched, &se, err, sizeof err);
            fprintf(stderr, "%s: %s: %s\n", prog, r.path[k], err);
            return finish(&r, RUNNER_EXIT_INPUT);
        }
    }
    if (input)
        warn_unclaimed(&r, input);
    size_t xm = svm_sched_xchan_mem_size(&r.sched);
    void *xmem = r.xmem = malloc(xm);
    svm_sched_err_t se;
    if (!xmem || svm_sched_link(&r.sched, xmem, xm, &se)) {
        svm_sched_format_err(&r.sched, &se, err, sizeof err);
        fprintf(stderr, "%s: %s\n", prog, err);
        return finish(&r, RUNNER_EXIT_INPUT);
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
            char prefix[64] = "";
            if (r.n > 1)
                snprintf(prefix, sizeof prefix, "%s: %s: ", prog, cname(&r, k));
            for (uint32_t s = 0; s < c->maxctx; s++)
                if (c->ctxs[s].state == SVM_CS_BLOCKED)
                    runner_report_blocked(&r.box[k]->vm, &r.box[k]->rctx[s], c->ctxs[s].tid,
                                          prefix);
            deadlock = 1;
        }
    }
    if (runner_profiling)
        runner_profile_print(stderr);
    if (r.stats)
        print_stats(&r);
    return finish(&r, r.rc ? r.rc : (r.faulted || deadlock) ? RUNNER_EXIT_TRAP : 0);
}
