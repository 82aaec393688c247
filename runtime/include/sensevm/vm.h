/* SPDX-License-Identifier: MIT
 * sensevm/vm.h — the Sense-VM runtime's public interface: a container (svm_vm_t: image,
 * heap, globals), its contexts (svm_context_t: the registers of one green thread and its
 * stack region), and svm_run(), which runs one context for a budget of instructions.
 * Freestanding: the caller hands in all memory; the library never prints or exits (output
 * goes through the write callback of the configuration).
 */
#ifndef SENSEVM_VM_H
#define SENSEVM_VM_H

#include <stddef.h>
#include <stdint.h>

#include <sensevm/loader.h>
#include <sensevm/value.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SVM_VERSION "0.1.0"

/* Words of guard above each context's value-stack base: `acc n`/`assign n` (n <= 255) read
 * and write up to 255 slots above SP without a check, so a stack that is (hostile code) or
 * looks (empty) shallower than n still touches only this context's own memory. The guard
 * holds valid values and is scanned by the GC. */
#define SVM_STACK_GUARD 256u
/* Minimum context stack region (svm_context_init): guard + a little room. */
#define SVM_STACK_MIN_WORDS (SVM_STACK_GUARD + 16u)
/* Temporaries a service may root while it allocates. */
#define SVM_MAX_ROOTS 8u

/* ---- traps, defined once: SVM_TRAP(name, "message") ---- */
#define SVM_TRAP_LIST(X)                                                                           \
    X(none, "no trap")                                                                             \
    X(stack_overflow, "stack overflow")                                                            \
    X(heap_exhausted, "heap exhausted")                                                            \
    X(match_failure, "match failure")                                                              \
    X(type_error, "type error")                                                                    \
    X(unknown_service, "unknown service")                                                          \
    X(device_not_claimed, "device not claimed")                                                    \
    X(uncaught_exception, "uncaught exception")                                                    \
    X(fuel_exhausted, "fuel exhausted")                                                            \
    X(stack_underflow, "stack underflow")                                                          \
    X(bad_frame, "bad control frame")

typedef enum svm_trap {
#define SVM_TRAP_ENUM_(name, msg) SVM_TRAP_##name,
    SVM_TRAP_LIST(SVM_TRAP_ENUM_)
#undef SVM_TRAP_ENUM_
        SVM_TRAP_COUNT_
} svm_trap_t;

/* Name ("stack_overflow") and message ("stack overflow") of a trap. */
const char *svm_trap_name(svm_trap_t t);
const char *svm_trap_message(svm_trap_t t);

/* What svm_run() reports. */
typedef enum svm_status {
    SVM_HALTED = 0, /* the context executed `halt` (or returned from its entry frame) */
    SVM_EXITED,     /* the program called the `exit` service: vm->exit_code */
    SVM_BLOCKED,    /* the context is suspended in a blocking service (issue 5) */
    SVM_FUEL,       /* the instruction budget ran out; call svm_run again to continue */
    SVM_TRAPPED     /* a trap (incl. an uncaught exception): see vm->trap */
} svm_status_t;

/* Where and why a context stopped. */
typedef struct svm_trap_info {
    svm_trap_t code;
    uint32_t container; /* svm_config_t.container_id */
    uint32_t context;   /* svm_context_t.id */
    uint32_t pc;        /* code offset of the faulting instruction */
    uint8_t opcode;
    svm_value_t value; /* the exception for uncaught_exception, else (); while the
                         * container runs: the last exception raised, which a re-raise
                         * is recognised by (a GC root) */
    svm_value_t arg;   /* a trap in a service (opcode svc): its first argument (the
                         * device of device_not_claimed); not a root: read it before the
                         * container runs again */
} svm_trap_info_t;

/* The backtrace of the last raise or trap (issue 15; docs/runtime.md, "Debugging a
 * program"), recorded only when an exception is raised or a context traps — nothing on
 * calls. Entries (bytecode-spec image.h, SVIMG_BT_EXACT): pc[0] the raising or faulting
 * instruction, then the return addresses of the frames the exception left (up to its
 * handler) or, for a trap, of every frame of the context, innermost first; raising the
 * exception that was last raised (a handler's `raise e`, a try's implicit re-raise)
 * appends to it, as OCaml's backtrace buffer does. Only the innermost SVM_CFG_BACKTRACE
 * entries are kept (a constant bound on the work of a raise). Tail calls leave no frame. */
#ifndef SVM_CFG_BACKTRACE
#define SVM_CFG_BACKTRACE 16
#endif
typedef struct svm_backtrace {
    uint32_t n;         /* entries in pc[] */
    uint32_t context;   /* the context they belong to */
    uint32_t truncated; /* 1: there were more frames than SVM_CFG_BACKTRACE */
    uint32_t pc[SVM_CFG_BACKTRACE];
} svm_backtrace_t;

typedef struct svm_gc_stats {
    uint32_t collections;
    uint64_t bytes_allocated; /* total since svm_vm_init */
    uint32_t live_hwm;        /* most bytes live after a collection */
    uint32_t heap_hwm;        /* most bytes of one semispace in use */
    uint32_t longest_pause;   /* words copied+scanned by the longest collection */
    uint64_t total_pause;     /* words copied+scanned by all collections */
} svm_gc_stats_t;

/* Output: stream 1 = standard output, 2 = error output. */
typedef void (*svm_write_fn)(void *user, int stream, const char *buf, size_t len);
typedef void (*svm_flush_fn)(void *user);

struct svm_vm;
struct svm_context;

/* svm_config_t.gc */
enum { SVM_GC_MANIFEST = 0, SVM_GC_COPY = 1, SVM_GC_COMPACT = 2 };
/* The mark-compact collector is built unless a firmware leaves it out to save flash
 * (-DSVM_CFG_GC_COMPACT=0: a container that asks for it then fails svm_vm_init with
 * SVM_INIT_BAD_ARG). */
#ifndef SVM_CFG_GC_COMPACT
#define SVM_CFG_GC_COMPACT 1
#endif

typedef struct svm_config {
    void *memory;         /* 8-aligned: globals, then the heap (two semispaces, or the
                            * compact heap and its collector's tables) */
    uint32_t memory_size; /* bytes; see svm_memory_size() */
    uint32_t heap_size;   /* heap RAM budget in bytes: two semispaces of half of it
                            * (copy), or about 93 % of it for objects (compact) */
    svm_write_fn write;   /* may be NULL (output discarded) */
    svm_flush_fn flush;   /* may be NULL */
    void *user;
    int gc_every_alloc; /* collect before every allocation (testing) */
    int count_steps;    /* 1: fuel and ctx->steps count every instruction exactly;
                            * 0: only control transfers (branches, calls, returns, raise),
                            * which every loop passes: about 1.5x faster */
    int argc;           /* the `argv` service's Sys.argv */
    const char *const *argv;
    uint32_t container_id;
    /* Optional: called before every instruction when steps are counted (count_steps; the
     * runner's --trace), pc = the instruction's code offset. Must not touch the VM. */
    void (*trace)(const struct svm_vm *vm, const struct svm_context *ctx, uint32_t pc);
    int switch_via_scheduler; /* 1: the scheduler glue installs no ext_switch and no
                               * ext_rendezvous: every context switch goes back to the
                               * scheduler's loop (testing; same results, slower) */
    int generic_loop;         /* 1: the scheduler glue runs contexts with svm_run, its hooks
                            * called through this struct as on targets, instead of its own
                            * loop with them inlined (hosts; testing: same results) */
    int no_stack_paint;       /* 1: svm_context_init does not paint the stack, so that setting
                            * up a context (Thread.create) costs nothing per stack word —
                            * the desktop's 4 MB stacks; svm_stack_hwm then reports 0 */
    /* Set by the scheduler's container (svm_box_init, sensevm/vmsched.h); NULL when
     * running without a scheduler, where the scheduler's services (contexts, channels,
     * time, devices: services.def rows 0x40 on) trap unknown_service. ext_roots visits
     * the values the scheduler holds for this container (extra GC roots). */
    void *box;
    void (*ext_roots)(struct svm_vm *vm, void (*visit)(svm_value_t *slot, void *arg), void *arg);
    /* Optional: context switches without leaving svm_run. When a service blocks (returns
     * SVM_SVC_BLOCK), ctx is saved (registers, status SVM_BLOCKED, ctx->steps counts this
     * activation's instructions) and ext_switch names the context of this container to go
     * on with and sets *fuel to its budget — or returns NULL, and svm_run returns
     * SVM_BLOCKED for ctx. */
    struct svm_context *(*ext_switch)(struct svm_vm *vm, struct svm_context *ctx, uint32_t *fuel);
    /* Optional: the channel rendezvous of `svc num`, num = ev_send_sync or
     * ev_receive_sync, and when it blocks the switch to the next context, without the
     * service call. *ctxp is saved as for a service (arguments unpopped, pc at the svc);
     * *used = the instructions it ran since svm_run started it (not yet in ctx->steps);
     * the hook must not allocate. Returns -1 when it did nothing (the service runs:
     * errors, the general case); else it completed the svc — pc past it, its argument
     * popped — and *ctxp is: unchanged, the rendezvous committed and the result is in A;
     * another context to go on with for *used instructions (ctx blocked, its steps and
     * status updated as for ext_switch); NULL, ctx blocked (steps and status updated) and
     * svm_run returns SVM_BLOCKED. */
    int (*ext_rendezvous)(struct svm_vm *vm, struct svm_context **ctxp, uint32_t num,
                          uint32_t *used);
    int gc;           /* the collector (docs/runtime.md): SVM_GC_MANIFEST (0) the
                            * image manifest's `gc` field, SVM_GC_COPY, SVM_GC_COMPACT */
    uint32_t gc_step; /* testing (issue 13): > 0, a copying collection that an instruction
                       * started stops after this many words of work at most and the
                       * slice ends, as when its fuel runs out (sensevm-run: the
                       * environment variable SENSEVM_GC_STEP); 0: only the fuel stops it */
} svm_config_t;

struct svm_vm;

/* One context (green thread). The registers a context switch saves are exactly pc, sp,
 * csp, ep, acc and trap (a scheduler just keeps these structs); the rest describes the
 * stack region. The region is [lo, hi): the control stack (return/handler records, which
 * bytecode cannot address) grows up from lo, the value stack grows down from base, and
 * [base, hi) is the guard. Overflow: the two stacks meet (checked before any write). */
typedef struct svm_context {
    uint32_t pc;     /* byte offset of the next instruction */
    svm_value_t *sp; /* value stack top: S0 = sp[0] */
    uint32_t *csp;   /* control stack: next free word */
    svm_value_t ep;  /* the running closure (or ()) */
    svm_value_t acc; /* A */
    uint32_t trap;   /* innermost handler: control word index + 1; 0 = none */
    uint32_t *lo;
    svm_value_t *base;
    svm_value_t *hi;
    uint32_t id;
    uint8_t status;           /* last svm_status_t */
    uint8_t painted;          /* the stack was painted at set-up (svm_stack_hwm) */
    uint64_t steps;           /* instructions executed (control transfers if !count_steps) */
    void *owner;              /* the scheduler's record of this context (NULL without one) */
    struct svm_context *next; /* the container's contexts (GC roots) */
} svm_context_t;

/* Data-sized work (issue 13): what an instruction, a service or the collector did beyond
 * a constant, charged as fuel (SVM_WORK_UNIT words per unit, runtime/src/work.h), and the
 * saved progress of a structural comparison that ran out of fuel (compare.c). */
typedef struct svm_work {
    uint32_t pending;    /* words done and not yet charged */
    uint64_t debt;       /* fuel an instruction used beyond its slice's budget: paid
                            * by the next slices (svm_run), so virtual time stays exact */
    uint32_t cmp_active; /* 1: a comparison is suspended; its entries are in `spare` */
    svm_value_t cmp_a, cmp_b, cmp_ca, cmp_cb; /* operands; current pair */
    uint32_t cmp_n, cmp_ieee, cmp_gc, cmp_pc; /* pending entries, mode, collections, pc */
    const void *cmp_ctx;                      /* the context that runs it */
} svm_work_t;

typedef struct svm_vm {
    /* image */
    const svl_image_t *image;
    const uint8_t *code;
    uint32_t code_size;
    const uint8_t *consts;
    uint32_t consts_size;
    /* heap: two semispaces of semi_size bytes (copy), or one heap of semi_size bytes
     * followed by the collector's tables (compact: spare = NULL); values are offsets
     * into `heap` */
    uint8_t *heap;
    uint8_t *spare;
    uint32_t semi_size;
    uint32_t hp;          /* allocation offset in `heap` */
    uint32_t alloc_limit; /* semi_size, or 0 to force the slow path (gc_every_alloc) */
    uint32_t hp_after_gc; /* hp right after the last collection (for allocation stats) */
    svm_value_t *globals;
    uint32_t nglobals;
    svm_context_t *contexts;
    /* temporaries rooted by the runtime (services, exception construction) */
    svm_value_t *roots[SVM_MAX_ROOTS];
    uint32_t nroots;
    svm_value_t exn_div_by_zero, exn_index_oob; /* prebuilt, so raising them never allocates */
    svm_config_t cfg;
    svm_gc_stats_t gc;
    svm_trap_info_t trap;
    int exit_code;
    svm_work_t work;    /* data-sized work to charge; a suspended comparison */
    svm_backtrace_t bt; /* of the last raise or trap (issue 15) */
    /* the compact collector (gc_compact.c; last, so that the interpreter's offsets into
     * this struct stay short on Thumb) */
    uint32_t *gc_bits;     /* the mark bitmap, a bit per heap word */
    uint32_t *gc_fwd;      /* new offset of each 128-byte block's first live word */
    uint32_t *gc_stack;    /* the mark stack's own room ({object, next field} pairs; a
                            * collection starts the stack at hp) */
    uint32_t gc_stack_cap; /* pairs its own room holds */
    uint8_t *gc_end;       /* end of the tables (compare.c's work stack room) */
    uint32_t cmp_hp;       /* hp when a comparison was suspended (its entries are above) */
    uint32_t mark_rescans; /* compact: heap walks after a full mark stack */
    /* a copying collection in progress (gc.c, issue 13): it runs in steps bounded by the
     * fuel; until it is done the container runs nothing else (svm_run continues it) */
    uint32_t gcr_phase;  /* 0 none; 1 roots; 2 Cheney scan; 3 scan, extra roots done */
    uint32_t gcr_roots;  /* phase 1: root slots already forwarded */
    uint32_t gcr_scan;   /* next object to scan in `spare` (to-space) */
    uint32_t gcr_field;  /* its next field to forward */
    uint32_t gcr_free;   /* end of the copied objects in `spare` */
    uint32_t gcr_charge; /* the program's collection (charged), not a gc_every_alloc one */
    uint32_t gcr_fresh;  /* it finished, and gcr_ctx's instruction runs again next */
    const void *gcr_ctx; /* the context whose instruction started it */
    uintptr_t gcr_work;  /* words copied and scanned so far (the pause's statistics) */
} svm_vm_t;

/* Bytes of `memory` needed for a heap of heap_size bytes and nglobals globals. */
uint32_t svm_memory_size(uint32_t heap_size, uint32_t nglobals);

/* Result of svm_vm_init / svm_context_init. */
typedef enum svm_init_result {
    SVM_INIT_OK = 0,
    SVM_INIT_NO_MEMORY, /* memory too small for heap + globals + built-in exceptions */
    SVM_INIT_BAD_ARG
} svm_init_result_t;

/* Set up a container for a validated image. */
svm_init_result_t svm_vm_init(svm_vm_t *vm, const svl_image_t *img, const svm_config_t *cfg);

/* Set up a context over stack[0..stack_words) (the last SVM_STACK_GUARD words are the
 * guard, so give stack bytes/4 + SVM_STACK_GUARD) that will start at code offset `entry` with
 * EP = () and an empty stack; returning from the entry frame halts it. The context is
 * added to the container's root set. */
svm_init_result_t svm_context_init(svm_vm_t *vm, svm_context_t *ctx, uint32_t id, uint32_t *stack,
                                   uint32_t stack_words, uint32_t entry);

/* Run ctx for at most `fuel` (>= 1) instructions (or control transfers, see
 * svm_config_t.count_steps). With cfg.ext_switch it may go on with other contexts; the
 * status is that of the context it ended with. */
svm_status_t svm_run(svm_vm_t *vm, svm_context_t *ctx, uint32_t fuel);

/* Most words the context's value and control stacks have used (from stack painting);
 * 0 when the stack was not painted (svm_config_t.no_stack_paint). */
uint32_t svm_stack_hwm(const svm_context_t *ctx);

/* GC figures including the allocation since the last collection. */
void svm_get_gc_stats(const svm_vm_t *vm, svm_gc_stats_t *out);

/* Collect now (registers must be saved in the contexts). Returns 0. */
int svm_gc_collect(svm_vm_t *vm);

/* Format an exception value as OCaml does after "Fatal error: exception ":
 * NAME or NAME(arg, …). Returns the length (the text is truncated to cap-1 and NUL
 * terminated). */
size_t svm_format_exn(const svm_vm_t *vm, svm_value_t exn, char *buf, size_t cap);

/* Record the backtrace of a context stopped outside the interpreter (the fuel_exhausted
 * trap a runner or scheduler sets): its pc and every frame's return address (vm->bt). */
void svm_backtrace_capture(svm_vm_t *vm, const svm_context_t *ctx);

/* The fault report of a trapped container for a target's console, in a few lines (no
 * stdio; the port writes them): the trap or `Fatal error: exception …`, where, and
 *     svm-bt SHA16 ENTRY...
 * SHA16 the first 8 bytes of the image's SHA-256 in hex, each ENTRY a backtrace entry as
 * 0xPC (exact: the raising or faulting instruction) or r0xPC (a return address).
 * `senseasm --addr2line IMAGE` reads such lines and prints the source backtrace.
 * Returns the length; writes at most cap-1 bytes and a NUL. */
size_t svm_format_fault(const svm_vm_t *vm, char *buf, size_t cap);

/* Ports of a runtime built with SVM_CFG_PORT_FLOAT_FORMAT supply the float conversions
 * (else the runtime's own are used, runtime/src/format.c): one C printf conversion of d
 * (spec: `%[-0+ #][width][.prec]` then f, e, E, g or G), snprintf's contract — returns the
 * length, writes at most cap-1 bytes and a NUL (buf may be NULL when cap is 0); and
 * strtod of the whole NUL-terminated text (0, or -1 when it is not all one float). */
long svm_port_format_float(char *buf, size_t cap, const char *spec, double d);
int svm_port_parse_float(const char *text, double *out);

#ifdef __cplusplus
}
#endif
#endif
