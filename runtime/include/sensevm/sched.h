/* SPDX-License-Identifier: MIT
 * sensevm/sched.h — containers, cooperative contexts, CML channels/events, the timer queue,
 * the container scheduler (priority pre-emption with fuel budgets), the sleep manager,
 * inter-container channels and the progress monitor. Freestanding: all memory is handed in.
 * docs/concurrency.md describes the design and its guarantees.
 *
 * Layers (each usable and tested without the next):
 *   svm_timerq_*    indexed min-heap of per-slot deadlines (one timer per context)
 *   svm_ctx_*       contexts of one container: run queue (FIFO), sleep, yield, spawn, halt
 *   svm_sync*       the CML matching engine: a context offers a set of base events
 *                   (send/receive on a channel, always, after-timeout, device event,
 *                   inter-container receive); svm_sync commits one ready offer — trying them
 *                   from a rotating start index, so choice is fair — or blocks the context on
 *                   all of them; a later partner or timer commits exactly one and withdraws
 *                   the others. Wrapping functions are applied by the VM after the commit
 *                   (the engine reports which branch fired).
 *                   A JOIN offer (Thread.join) waits in the joiners queue of the target
 *                   context and commits when that context ends (halt, fault with policy
 *                   log); a thread id with no live context is ready at once.
 *   svm_sched_*     the container table, policy, fault isolation, monitor, sleep manager.
 *
 * Invariants
 *   - A context is in exactly one state; it is in the run queue iff RUNNABLE; it has a
 *     timer iff SLEEPING, or BLOCKED with at least one AFTER offer; its offers are linked in
 *     wait queues iff BLOCKED. Committing a blocked context unlinks all its offers at once
 *     (eager withdrawal: wait queues never hold stale entries).
 *   - Everything is deterministic: FIFO wait queues, FIFO run queue, timers ordered by
 *     (deadline, insertion order), choice by a rotating index, containers of equal priority
 *     in round-robin order. Same inputs => same schedule.
 *   - Values held here (sent values, always values, results) are GC roots of their
 *     container: svm_container_roots() visits them.
 */
#ifndef SENSEVM_SCHED_H
#define SENSEVM_SCHED_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/hal.h>
#include <sensevm/loader.h>
#include <sensevm/value.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- build-time limits ---- */
#ifndef SVM_CFG_MAX_CONTAINERS
#define SVM_CFG_MAX_CONTAINERS 8u
#endif
#ifndef SVM_CFG_MAX_OFFERS
#define SVM_CFG_MAX_OFFERS 16u /* base events in one sync (branches of a choose) */
#endif
#ifndef SVM_CFG_MBOX_DEPTH
#define SVM_CFG_MBOX_DEPTH 8u /* device events buffered per claimed device */
#endif
#ifndef SVM_CFG_EVQ_SIZE
#define SVM_CFG_EVQ_SIZE 64u /* ISR event ring (power of two) */
#endif
#ifndef SVM_CFG_MAX_XCHANS
#define SVM_CFG_MAX_XCHANS 16u
#endif
#define SVM_XMSG_MAX 60u /* bytes in one inter-container message */

/* ---- result codes of this layer ---- */
enum {
    SVM_S_OK = 0,
    SVM_S_EINVAL = -1,       /* bad argument */
    SVM_S_ENOMEM = -2,       /* handed-in memory too small */
    SVM_S_ENOCTX = -3,       /* no free context slot (manifest `contexts`) */
    SVM_S_ENOCHAN = -4,      /* no free channel (manifest `channels`) */
    SVM_S_EBADCHAN = -5,     /* not a channel of this container */
    SVM_S_ETOOMANY = -6,     /* more than SVM_CFG_MAX_OFFERS base events in one sync */
    SVM_S_ENODEV = -7,       /* device not claimed by this container */
    SVM_S_EXCHAN = -8,       /* inter-container channel not declared (in that direction) */
    SVM_S_EDEVCLAIM = -9,    /* load: device already claimed by another container */
    SVM_S_EDEVUNKNOWN = -10, /* load: the board has no such device */
    SVM_S_EXLINK = -11,      /* load: inter-container channel declarations do not match */
    SVM_S_EFULL = -12,       /* too many containers */
    SVM_S_ETOOBIG = -13      /* inter-container message larger than SVM_XMSG_MAX */
};
const char *svm_sched_strerror(int code);

/* ======================= timer queue ======================= */
/* An indexed binary min-heap over `cap` slots: each slot has at most one deadline. Ties are
 * broken by insertion order. Memory: SVM_TIMERQ_MEM(cap) bytes, 8-aligned. */
typedef struct svm_timerq {
    uint32_t cap, n, next_seq;
    uint32_t *heap; /* heap[i] = slot */
    uint32_t *pos;  /* pos[slot] = heap index + 1, 0 = not queued */
    uint32_t *seq;  /* seq[slot] = insertion order */
    uint64_t *when; /* when[slot] = deadline */
} svm_timerq_t;
#define SVM_TIMERQ_MEM(cap) ((size_t)(cap) * (8u + 3u * 4u) + 8u)
int svm_timerq_init(svm_timerq_t *q, uint32_t cap, void *mem, size_t size);
/* Set (insert or move) the deadline of slot. */
void svm_timerq_set(svm_timerq_t *q, uint32_t slot, uint64_t when);
void svm_timerq_cancel(svm_timerq_t *q, uint32_t slot);
int svm_timerq_queued(const svm_timerq_t *q, uint32_t slot);
/* Earliest deadline (UINT64_MAX when empty) and its slot. */
uint64_t svm_timerq_peek(const svm_timerq_t *q, uint32_t *slot);
/* Remove and return (1) the earliest slot whose deadline is <= now; 0 if none. */
int svm_timerq_pop_due(svm_timerq_t *q, uint64_t now, uint32_t *slot);

/* ======================= contexts, channels, events ======================= */
typedef struct svm_sched svm_sched_t;
typedef struct svm_container svm_container_t;
typedef struct svm_offer svm_offer_t;

typedef struct svm_waitq {
    svm_offer_t *head, *tail;
} svm_waitq_t;

enum svm_offer_kind {
    SVM_OFFER_SEND = 1,   /* obj = channel, value = the value sent */
    SVM_OFFER_RECV = 2,   /* obj = channel */
    SVM_OFFER_ALWAYS = 3, /* value = the result */
    SVM_OFFER_AFTER = 4,  /* deadline = absolute time (ns); result () */
    SVM_OFFER_DEV = 5,    /* obj = local device index (manifest order); result = event value */
    SVM_OFFER_XRECV = 6,  /* obj = local xchan index (manifest order); message in ctx->xmsg */
    SVM_OFFER_JOIN = 7    /* obj = thread id: ready when that context has ended (or never
                           * existed); result () — Thread.join */
};

struct svm_offer {
    svm_offer_t *next, *prev; /* in *q while the owner is BLOCKED */
    svm_waitq_t *q;
    uint64_t deadline;
    svm_value_t value;
    uint32_t obj;
    uint16_t ctx, branch;
    uint8_t kind;
};

enum svm_ctx_state {
    SVM_CS_FREE = 0,
    SVM_CS_RUNNABLE, /* in the run queue */
    SVM_CS_RUNNING,  /* the container's current context */
    SVM_CS_BLOCKED,  /* in a sync, offers in wait queues (maybe a timer) */
    SVM_CS_SLEEPING  /* timer only */
};

/* The registers of a suspended context (isa.md §1): owned by the runtime, kept here. */
typedef struct svm_ctx_regs {
    uint32_t pc, sp, ep, trap; /* trap = innermost handler link */
    svm_value_t a;
    void *rt; /* the runtime's own per-context record (stack region …) */
} svm_ctx_regs_t;

typedef struct svm_ctx {
    uint8_t state;         /* svm_ctx_state */
    uint8_t woke_by_timer; /* last wake-up came from the timer (sleep end or `after`) */
    uint16_t slot;         /* index in the container's table */
    uint32_t tid;          /* thread id (unique, increasing, 0 = main) */
    uint16_t noffers, rot; /* offers of the current sync; rotation counter (fairness) */
    svm_offer_t *offers;   /* SVM_CFG_MAX_OFFERS entries */
    uint16_t fired;        /* branch of the offer that committed */
    svm_value_t result;    /* its result (received value, always value, device value) */
    uint8_t pending;       /* VM glue: 1 sync / 2 poll / 3 direct sync result / 4 direct
                             * sync message (XRECV) to deliver on resume */
    svm_value_t ev;        /* VM glue: the event being synchronised (a GC root) */
    uint16_t xlen;         /* XRECV: message length and bytes */
    uint8_t xmsg[SVM_XMSG_MAX];
    svm_waitq_t joiners; /* JOIN offers of contexts waiting for this one to end */
    svm_ctx_regs_t regs;
} svm_ctx_t;

typedef struct svm_chan {
    svm_waitq_t senders, receivers;
} svm_chan_t;

typedef struct svm_mbox { /* a claimed device: buffered events + waiting contexts */
    int32_t val[SVM_CFG_MBOX_DEPTH];
    uint8_t head, count;
    uint32_t overflow; /* events dropped because nobody read them: counted */
    svm_waitq_t waiters;
} svm_mbox_t;

enum svm_container_state {
    SVM_K_ACTIVE = 0, /* has live contexts */
    SVM_K_DONE,       /* every context halted normally */
    SVM_K_EXITED,     /* the exit service ended it */
    SVM_K_STOPPED     /* stopped after a fault or by the monitor (policy stop) */
};

typedef struct svm_fault {
    uint16_t reason; /* the runtime's trap code */
    uint16_t ctx;    /* context slot */
    uint32_t pc;
    uint8_t opcode;
} svm_fault_t;

typedef struct svm_cstats {
    /* insns: fuel charged (what budgets count: the VM's units, at least 1 per activation);
     * executed: what the VM counted — every instruction when it counts steps
     * (svm_config_t.count_steps), else the control transfers (the fast loop's fuel unit) */
    uint64_t insns, executed, slices, switches, preemptions, asleep_ns;
    uint32_t faults, restarts, monitor_flags, spins, hb_missed, dev_overflow, deadlocks;
    uint32_t xsent, xdropped;
} svm_cstats_t;

struct svm_container {
    svm_sched_t *sched; /* set by svm_sched_add */
    const svl_manifest_t *mf;
    void *vm;       /* the runtime's per-container state */
    uint16_t index; /* in the scheduler */
    uint8_t state, priority, policy, idle, hb_flag, spin_flag, dl_flag;
    uint32_t fuel; /* budget per slice (0 = scheduler default) */
    uint64_t heartbeat_ns, hb_deadline, idle_since, stamp;
    int32_t exit_status;
    svm_fault_t fault;
    /* contexts */
    svm_ctx_t *ctxs;
    uint16_t maxctx, nlive;
    uint32_t next_tid;
    int32_t cur;  /* running context slot, -1 none */
    int32_t last; /* last context that ran (switch counting) */
    uint16_t *runq;
    uint16_t rq_head, rq_count;
    uint32_t spin;       /* consecutive full slices without a context switch */
    uint8_t switched;    /* a context switched during the current slice */
    uint32_t slice_left; /* budget left in the running slice (container_run); the
                                 * fuel charged so far is the budget minus it */
    svm_timerq_t timers;
    /* channels */
    svm_chan_t *chans;
    uint32_t nchans, maxchans;
    /* devices (manifest order) */
    uint8_t ndev, nx;
    uint16_t dev[SVIMG_MAX_DEVICES]; /* HAL device index */
    svm_mbox_t mbox[SVIMG_MAX_DEVICES];
    int16_t xchan[SVIMG_MAX_XCHANS]; /* index in the scheduler's xchan table, -1 unlinked */
    svm_cstats_t stats;
};

/* Memory a container needs for its contexts, offers, channels, run queue and timers. */
size_t svm_container_mem_size(uint32_t max_contexts, uint32_t max_channels);
/* Initialise c from manifest mf (kept by pointer) over mem. No context exists yet. */
int svm_container_init(svm_container_t *c, const svl_manifest_t *mf, void *mem, size_t size);
/* Forget every context, channel, timer and buffered event (restart); keeps the bindings. */
void svm_container_reset(svm_container_t *c);
/* Visit every value the scheduler holds for this container (GC roots; may be updated). */
void svm_container_roots(svm_container_t *c, void (*visit)(svm_value_t *v, void *arg), void *arg);

/* Contexts. spawn: a fresh RUNNABLE context at the run queue's tail; returns its slot or
 * SVM_S_ENOCTX. The caller sets up x->regs. */
int svm_ctx_spawn(svm_container_t *c);
svm_ctx_t *svm_ctx_get(svm_container_t *c, uint32_t slot);
/* The context gives up the CPU but stays runnable (tail of the run queue). */
void svm_ctx_yield(svm_container_t *c, svm_ctx_t *x);
/* Sleep until absolute time t (t <= now: behaves as a yield that first lets time pass). */
void svm_ctx_sleep_until(svm_container_t *c, svm_ctx_t *x, uint64_t t);
/* The context ended: free its slot (withdrawing offers/timer). */
void svm_ctx_halt(svm_container_t *c, svm_ctx_t *x);

/* Channels: a new channel index, or SVM_S_ENOCHAN. */
int32_t svm_chan_new(svm_container_t *c);

/* Sync: fill x->offers[0..] with svm_sync_add (branch numbers are assigned in order), then
 * call svm_sync. */
void svm_sync_begin(svm_ctx_t *x);
int svm_sync_add(svm_container_t *c, svm_ctx_t *x, uint8_t kind, uint32_t obj, svm_value_t value,
                 uint64_t deadline);
enum { SVM_SYNC_DONE = 1, SVM_SYNC_BLOCKED = 2, SVM_SYNC_NONE = 3 };
/* Commit one ready offer (x->fired, x->result; for XRECV x->xmsg/xlen) and return
 * SVM_SYNC_DONE; otherwise, if block, block x on all offers (state BLOCKED, timer for the
 * earliest AFTER) and return SVM_SYNC_BLOCKED — the wake-up later fills the same fields
 * and makes x RUNNABLE; if !block (poll) return SVM_SYNC_NONE. Negative: error (bad
 * channel, device not claimed …), nothing changed. A rendezvous also makes the partner
 * RUNNABLE (its container may be another one only for XRECV). */
int svm_sync(svm_container_t *c, svm_ctx_t *x, uint64_t now, int block);

/* The fast path of the common sync on ONE plain channel offer (kind SVM_OFFER_SEND with
 * value v, or SVM_OFFER_RECV): exactly svm_sync_begin + svm_sync_add + svm_sync(block = 1)
 * (the FIFO partner commits at once, else x blocks), without the generic walk. */
int svm_sync_chan(svm_container_t *c, svm_ctx_t *x, uint8_t kind, uint32_t chan, svm_value_t v);

/* The scheduler calls this for each context whose timer fell due (sleep end, `after`). */
void svm_container_timer_fired(svm_container_t *c, uint32_t slot, uint64_t now);

/* Why a container cannot run. */
enum svm_idle_kind {
    SVM_IDLE_RUNNABLE = 0, /* a context is runnable */
    SVM_IDLE_TIMED,        /* waits for a timer (or heartbeat deadline) */
    SVM_IDLE_EXTERNAL,     /* waits only for devices / inter-container messages */
    SVM_IDLE_DEADLOCK,     /* every live context is blocked on internal channels, no timer */
    SVM_IDLE_FINISHED      /* no live context / stopped / exited */
};
int svm_container_idle_kind(const svm_container_t *c);
int svm_container_runnable(const svm_container_t *c);

/* Device events for this container (local device index): delivered to a waiting context
 * or buffered (overflow counted). */
void svm_container_dev_event(svm_container_t *c, uint32_t local, int32_t value);
/* Local index of a claimed device name, or -1. */
int svm_container_dev_index(const svm_container_t *c, const char *name);
/* Heartbeat: the container reports progress (the `progress` service). */
void svm_container_progress(svm_container_t *c, uint64_t now);

/* ======================= inter-container channels ======================= */
typedef struct svm_xmsg {
    uint16_t len;
    uint8_t data[SVM_XMSG_MAX];
} svm_xmsg_t;
typedef struct svm_xchan {
    char name[SVIMG_NAME_MAX];
    int16_t sender, receiver; /* container indexes */
    uint8_t policy;           /* SVMF_XPOLICY_* (the receiver's declaration) */
    uint16_t depth, head, count;
    svm_xmsg_t *ring; /* depth entries */
    uint32_t sent, dropped, overwritten;
    svm_waitq_t waiters; /* receiver contexts blocked in XRECV offers */
} svm_xchan_t;

/* Non-blocking send from container c on its local xchan index: 1 delivered or queued,
 * 0 dropped (ring full with policy drop-new; counted), negative error. Never blocks,
 * never allocates in the receiver. */
int svm_xchan_send(svm_container_t *c, uint32_t local, const uint8_t *data, uint32_t len);

/* ======================= the container scheduler ======================= */
/* What running a context ended with (the runtime's answer to run_ctx). */
typedef enum svm_ctx_status {
    SVM_RUN_SWITCH = 0, /* the context yielded, slept, blocked (its state says which) */
    SVM_RUN_FUEL,       /* the fuel given ran out; the context stays current */
    SVM_RUN_HALT,       /* the context ended normally */
    SVM_RUN_FAULT,      /* trap: the runtime filled c->fault */
    SVM_RUN_EXIT        /* the exit service: c->exit_status */
} svm_ctx_status_t;

/* Trace events (--trace-sched). */
enum svm_trace_kind {
    SVM_TR_SLICE = 1, /* a = fuel given, b = fuel used, ctx, status = svm_ctx_status_t */
    SVM_TR_IDLE,      /* a = sleep-until time (UINT64_MAX none) */
    SVM_TR_WAKE,      /* a = HAL result */
    SVM_TR_FAULT,     /* ctx, a = reason, b = pc */
    SVM_TR_RESTART,
    SVM_TR_STOP,
    SVM_TR_HALT,         /* container finished (all contexts halted) */
    SVM_TR_EXIT,         /* a = status */
    SVM_TR_SPIN,         /* a = consecutive full slices */
    SVM_TR_HB_MISS,      /* a = the missed deadline */
    SVM_TR_HEARTBEAT,    /* idle liveness heartbeat */
    SVM_TR_EVQ_OVERFLOW, /* a = total overflowed ISR events */
    SVM_TR_DEADLOCK,     /* a = blocked contexts */
    SVM_TR_SECURITY,     /* a = 1 power / 2 clock, b = detail */
    SVM_TR_WATCHDOG      /* the watchdog was fed */
};
typedef struct svm_trace {
    uint8_t kind, status;
    int16_t cont; /* container index or -1 */
    int32_t ctx;  /* context slot or -1 */
    uint64_t time, a, b;
} svm_trace_t;

typedef struct svm_sched_ops {
    void *user;
    /* Run context x of c for at most fuel instructions; *used = instructions executed. The
     * runtime's services call svm_ctx_yield/sleep_until/svm_sync/halt to change x's state
     * and return SVM_RUN_SWITCH. It may go on with other contexts of c itself (the VM
     * glue does, through runtime/sched/sched_fast.h's svm_fast_switch, which keeps the
     * slice's counters in c): then the answer and *used are those of the context current
     * when it returns, c->cur. Required. */
    svm_ctx_status_t (*run_ctx)(void *user, svm_container_t *c, svm_ctx_t *x, uint32_t fuel,
                                uint32_t *used);
    /* Restart c: the scheduler has reset it (svm_container_reset); re-initialise the VM
     * state and spawn the main context. Return 0, or nonzero to stop the container. */
    int (*restart)(void *user, svm_container_t *c);
    /* Optional trace sink. */
    void (*trace)(void *user, const svm_trace_t *ev);
} svm_sched_ops_t;

typedef struct svm_sched_cfg {
    uint32_t default_fuel;      /* budget per slice when the manifest says 0 (default 10000) */
    uint32_t quantum;           /* most fuel of a slice while a higher-priority container
                                 * is live, whatever the manifest's fuel (0 = default_fuel):
                                 * the system's bound on how long a lower container can
                                 * hold the CPU (docs/concurrency.md, "The time bound") */
    uint32_t ns_per_insn;       /* >0: slices of lower containers are cut at the next
                                 * wake-up of a higher one, assuming this cost (virtual time) */
    uint32_t cut;               /* >0: the interrupt cut (targets, real time; hal.h
                                 * svm_cut_t): a lower slice ends within this many units of
                                 * an event or a due timer of a higher container; default
                                 * 128 on targets, 0 (off: a slice ends at its budget) on
                                 * hosts, where virtual time must stay deterministic */
    uint32_t spin_limit;        /* full slices in a row without a switch => monitor flag */
    uint32_t max_restarts;      /* restart policy gives up (stop) after this many */
    uint8_t wd_priority;        /* containers at >= this priority gate the watchdog */
    uint64_t wd_period_ns;      /* feed at most this often */
    uint64_t idle_heartbeat_ns; /* 0 = none: trace a heartbeat when idle this long */
} svm_sched_cfg_t;

typedef struct svm_sched_stats {
    uint64_t rounds, idle_ns, sleeps, wd_feeds;
    uint32_t evq_overflow, security_events, heartbeats;
} svm_sched_stats_t;

struct svm_sched {
    const svm_hal_t *hal;
    svm_sched_ops_t ops;
    svm_sched_cfg_t cfg;
    svm_container_t *cont[SVM_CFG_MAX_CONTAINERS];
    uint16_t n;
    svm_container_t *running; /* the container whose slice is running, or NULL */
    uint8_t preempt;          /* set when a higher container became ready mid-slice */
    uint32_t uncharged;       /* fuel of context switches inside the running slice not
                                 * yet charged to the clock (svm_sched_flush) */
    uint8_t hal_never;        /* the HAL said nothing can happen any more */
    uint8_t linked;
    uint64_t now, stamp, last_feed, last_heartbeat;
    svm_xchan_t xchans[SVM_CFG_MAX_XCHANS];
    uint16_t nxchans;
    uint32_t evq_overflow_seen;
    svm_evq_t evq;
    svm_hal_event_t evbuf[SVM_CFG_EVQ_SIZE];
    svm_sched_stats_t stats;
};

/* Error details for load-time checks (svm_sched_add / svm_sched_link). */
typedef struct svm_sched_err {
    int code;
    int16_t cont, other;                               /* the containers involved (-1 if none) */
    char name[SVIMG_NAME_MAX];                         /* the device or channel */
    char cname[SVIMG_NAME_MAX], oname[SVIMG_NAME_MAX]; /* their names */
} svm_sched_err_t;
/* "container 'lo' claims device 'led0', already claimed by container 'hi'" etc. */
size_t svm_sched_format_err(const svm_sched_t *s, const svm_sched_err_t *e, char *buf, size_t size);

void svm_sched_default_cfg(svm_sched_cfg_t *cfg);
void svm_sched_init(svm_sched_t *s, const svm_hal_t *hal, const svm_sched_ops_t *ops,
                    const svm_sched_cfg_t *cfg);
/* Add an initialised container: binds its devices to the HAL's and refuses a device claimed
 * by another container or unknown to the board. */
int svm_sched_add(svm_sched_t *s, svm_container_t *c, svm_sched_err_t *err);
/* After every add: match inter-container channel declarations (exactly one sender and one
 * receiver per name; the receiver's depth and policy apply) and give their rings memory. */
size_t svm_sched_xchan_mem_size(const svm_sched_t *s);
int svm_sched_link(svm_sched_t *s, void *mem, size_t size, svm_sched_err_t *err);

/* The earliest time anything is due (timers, heartbeat deadlines), UINT64_MAX if none. */
uint64_t svm_sched_next_wakeup(const svm_sched_t *s);
/* The container that runs next (highest priority runnable, round-robin among equals), or
 * NULL. */
svm_container_t *svm_sched_pick(svm_sched_t *s);

enum {
    SVM_STEP_RAN = 0,  /* a slice ran */
    SVM_STEP_SLEPT,    /* nothing runnable: slept (or would have) until the next wake-up */
    SVM_STEP_FINISHED, /* every container finished (done/exited/stopped) */
    SVM_STEP_STUCK     /* nothing runnable, nothing due, nothing can arrive: deadlock */
};
/* One scheduling round: read time, deliver driver events and due timers, check heartbeats,
 * feed the watchdog, then run one slice of the picked container or sleep. */
int svm_sched_step(svm_sched_t *s);
/* Bring s->now up to date: charge the fuel of the context switches made inside the
 * running slice (runtime/sched/sched_fast.h) to the clock. The runtime calls it before
 * anything that reads the time mid-slice (its services); the scheduler's own loop does it
 * after every activation. */
void svm_sched_flush(svm_sched_t *s);
/* Step until FINISHED or STUCK (returns which), or until max_steps rounds (0 = no limit;
 * returns SVM_STEP_RAN then). */
int svm_sched_run(svm_sched_t *s, uint64_t max_steps);

#ifdef __cplusplus
}
#endif
#endif
