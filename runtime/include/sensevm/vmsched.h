/* SPDX-License-Identifier: MIT
 * sensevm/vmsched.h — the glue between the VM (vm.h) and the scheduler (sched.h): a
 * scheduled container (`svm_box_t`: VM + scheduler state + one runtime context and stack
 * per context slot), the concurrency/time/device services 0x40..0x66, the context switch
 * inside the interpreter (svm_config_t.ext_switch / ext_rendezvous; off with
 * svm_config_t.switch_via_scheduler), and the run_ctx / restart operations the scheduler
 * calls. Freestanding; all memory handed in.
 *
 * Protocols the compiler/stdlib rely on (docs/concurrency.md):
 *   - a channel is an immediate integer (its index in the container's channel table);
 *   - an event is an immutable BLOCK: tag 0 Send [chan; v], 1 Receive [chan], 2 Always [v],
 *     3 Choose [event list], 4 Wrap [event; f], 5 After [ns], 6 Device [local index],
 *     7 Xreceive [local index], 8 Join [thread id];
 *   - ev_sync on a base event (any tag but Choose and Wrap) returns its value v itself;
 *     on a Choose or Wrap it returns the pair (v, fs), and ev_poll always returns
 *     None | Some (v, fs), where fs is the list of wrapper functions of the branch that
 *     fired, innermost first: the stdlib's Event.sync applies them (`let (v, fs) = prim e
 *     in List.fold_left (fun v f -> f v) v fs`). The base-event case is the fast path of
 *     `Event.sync (Event.send c v)` / `Event.sync (Event.receive c)`: no pair, no walk;
 *   - devices are named by string ("led0") or by index in the manifest's device list.
 */
#ifndef SENSEVM_VMSCHED_H
#define SENSEVM_VMSCHED_H

#include <sensevm/sched.h>
#include <sensevm/vm.h>

#ifdef __cplusplus
extern "C" {
#endif

enum svm_ev_tag {
    SVM_EVT_SEND = 0,
    SVM_EVT_RECV = 1,
    SVM_EVT_ALWAYS = 2,
    SVM_EVT_CHOOSE = 3,
    SVM_EVT_WRAP = 4,
    SVM_EVT_AFTER = 5,
    SVM_EVT_DEV = 6,
    SVM_EVT_XRECV = 7,
    SVM_EVT_JOIN = 8 /* Join [thread id]: ready when that thread has ended; () (the
                      * stdlib builds it for Thread.join) */
};

typedef struct svm_box {
    svm_container_t c; /* the scheduler's view (c.vm points back to this box) */
    svm_vm_t vm;
    svm_config_t cfg; /* kept for restarts */
    const svl_image_t *img;
    svm_context_t *rctx; /* c.maxctx runtime contexts */
    uint32_t *stacks;    /* c.maxctx stacks of stack_words */
    uint32_t stack_words;
    uint64_t steps0; /* steps of the current context when it was activated */
} svm_box_t;

/* Bytes for a box over image img with a heap of heap_size bytes and stack_size bytes per
 * context (0 = the manifest's values). */
size_t svm_box_mem_size(const svl_image_t *img, uint32_t heap_size, uint32_t stack_size);
/* Set up b over mem: the VM (cfg supplies output, argv, gc flag and container id; memory
 * and hooks are filled in here), the scheduler state, and the main context at the image's
 * entry. Returns 0, SVM_S_ENOMEM or SVM_S_EINVAL. Add &b->c to a scheduler afterwards. */
int svm_box_init(svm_box_t *b, const svl_image_t *img, const svm_config_t *cfg, uint32_t heap_size,
                 uint32_t stack_size, void *mem, size_t size);

/* The scheduler operations (svm_sched_ops_t.run_ctx / .restart); user is unused. */
svm_ctx_status_t svm_box_run_ctx(void *user, svm_container_t *c, svm_ctx_t *x, uint32_t fuel,
                                 uint32_t *used);
int svm_box_restart(void *user, svm_container_t *c);

#ifdef __cplusplus
}
#endif
#endif
