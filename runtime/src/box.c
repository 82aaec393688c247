/* SPDX-License-Identifier: MIT
 * box.c — the VM side of the scheduler: scheduled containers (svm_box_t,
 * sensevm/vmsched.h), the scheduler's services (services.def rows 0x40 on: contexts,
 * channels, events, time, devices; handlers of the one table, service.h), the context
 * switch inside the interpreter (cfg.ext_switch, cfg.ext_rendezvous: docs/concurrency.md,
 * "The fast path of a rendezvous"; on hosts inlined into run_box, an instance of the one
 * interpreter loop) and the scheduler's run_ctx/restart operations. Part of the core; it
 * uses the scheduler only through its public headers (sensevm/sched.h, sched_fast.h).
 *
 * GC safety: services read their arguments from the saved context (ARG) and re-read them
 * after every allocation; values the scheduler keeps (sent values, results, the event of
 * a blocked sync) are extra roots (cfg.ext_roots -> svm_container_roots). Event trees are
 * walked without allocating; the wrapper list of the fired branch is rebuilt by index
 * after each allocation.
 */
#include <sensevm/sched_fast.h>
#include <sensevm/vmsched.h>

#include <stddef.h>

#include "service.h"

typedef svm_svc_result_t svc_result_t;

/* keep the rare paths out of the hot service entry (fewer registers saved per call) */
#if defined(__GNUC__) || defined(__clang__)
#define GLUE_NOINLINE __attribute__((noinline))
#define GLUE_INLINE inline __attribute__((always_inline))
#else
#define GLUE_NOINLINE
#define GLUE_INLINE inline
#endif

#define MAX_EV_DEPTH 16u

static svm_box_t *box_of_vm(svm_vm_t *vm)
{
    return (svm_box_t *)(void *)((char *)vm - offsetof(svm_box_t, vm));
}
static svm_box_t *box_of(svm_container_t *c)
{
    return (svm_box_t *)(void *)((char *)c - offsetof(svm_box_t, c));
}

static svc_result_t trap(svm_vm_t *vm, svm_trap_t t) { return svm_svc_trap(vm, t); }

static uint64_t now_of(svm_box_t *b) { return b->c.sched ? b->c.sched->now : 0; }

/* A block of `size` fields with tag; fields 0..size-1 from vals (re-read after the
 * allocation through the pointers, which must be rooted slots). 0 = heap exhausted. */
static uint32_t make_block(svm_vm_t *vm, uint32_t tag, uint32_t size, svm_value_t *const *vals)
{
    uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, tag, size));
    if (!off)
        return 0;
    uint32_t *o = svm_heap_obj(vm, off);
    for (uint32_t i = 0; i < size; i++)
        o[1 + i] = *vals[i];
    return off;
}

/* ---- devices and inter-container channels: name or index -> local index ---- */
static int local_dev(svm_box_t *b, svm_value_t d)
{
    if (svm_is_int(d)) {
        int32_t i = svm_val_int(d);
        return i >= 0 && i < b->c.ndev ? i : -1;
    }
    const uint8_t *s;
    uint32_t len;
    if (!svm_string_view(&b->vm, d, &s, &len) || len >= SVIMG_NAME_MAX)
        return -1;
    for (uint32_t i = 0; i < b->c.ndev; i++) {
        const char *n = b->c.mf->devices[i];
        uint32_t k = 0;
        while (k < len && n[k] == (char)s[k])
            k++;
        if (k == len && (len == SVIMG_NAME_MAX || n[len] == '\0'))
            return (int)i;
    }
    return -1;
}

static int local_xchan(svm_box_t *b, svm_value_t d)
{
    if (svm_is_int(d)) {
        int32_t i = svm_val_int(d);
        return i >= 0 && i < b->c.nx ? i : -1;
    }
    const uint8_t *s;
    uint32_t len;
    if (!svm_string_view(&b->vm, d, &s, &len) || len >= SVIMG_NAME_MAX)
        return -1;
    for (uint32_t i = 0; i < b->c.nx; i++) {
        const char *n = b->c.mf->xchans[i].name;
        uint32_t k = 0;
        while (k < len && n[k] == (char)s[k])
            k++;
        if (k == len && n[len] == '\0')
            return (int)i;
    }
    return -1;
}

/* ---- message (de)serialisation for inter-container channels ----
 * 'i' i32 | 's' u16 len bytes | 'b' u16 len bytes | 'f' f64 | 'B' tag u8, n u8, n fields
 * (fields: i/s/b/f only: one level of tuple). Little-endian. */
static int ser(const svm_vm_t *vm, svm_value_t v, uint8_t *buf, uint32_t *len, int depth)
{
    const uint8_t *s;
    uint32_t n;
    double d;
    if (svm_is_int(v)) {
        if (*len + 5 > SVM_XMSG_MAX)
            return -1;
        uint32_t w = (uint32_t)svm_val_int(v);
        buf[(*len)++] = 'i';
        for (int k = 0; k < 4; k++)
            buf[(*len)++] = (uint8_t)(w >> (8 * k));
        return 0;
    }
    if (svm_string_view(vm, v, &s, &n)) {
        if (*len + 3 + n > SVM_XMSG_MAX)
            return -1;
        buf[(*len)++] = SVOBJ_KIND(svm_header(vm, v)) == SVOBJ_STRING ? 's' : 'b';
        buf[(*len)++] = (uint8_t)n;
        buf[(*len)++] = (uint8_t)(n >> 8);
        memcpy(buf + *len, s, n);
        *len += n;
        return 0;
    }
    if (svm_float_view(vm, v, &d)) {
        if (*len + 9 > SVM_XMSG_MAX)
            return -1;
        buf[(*len)++] = 'f';
        memcpy(buf + *len, &d, 8);
        *len += 8;
        return 0;
    }
    uint32_t *o = svm_heap_kind(vm, v, SVOBJ_BLOCK);
    if (!o || depth > 0 || SVOBJ_SIZE(o[0]) > 255u || *len + 3 > SVM_XMSG_MAX)
        return -1;
    uint32_t nf = SVOBJ_SIZE(o[0]);
    buf[(*len)++] = 'B';
    buf[(*len)++] = (uint8_t)SVOBJ_TAG(o[0]);
    buf[(*len)++] = (uint8_t)nf;
    for (uint32_t i = 0; i < nf; i++)
        if (ser(vm, o[1 + i], buf, len, depth + 1))
            return -1;
    return 0;
}

/* Deserialise one value at *pos into *out, which the CALLER has rooted (a slot must be
 * rooted once only: the copying GC would forward it twice). */
static int deser(svm_vm_t *vm, const uint8_t *buf, uint32_t len, uint32_t *pos, svm_value_t *out,
                 int depth)
{
    if (*pos >= len)
        return -1;
    uint8_t k = buf[(*pos)++];
    if (k == 'i') {
        if (*pos + 4 > len)
            return -1;
        uint32_t w = 0;
        for (int i = 0; i < 4; i++)
            w |= (uint32_t)buf[(*pos)++] << (8 * i);
        *out = svm_int_val((int32_t)w);
        return 0;
    }
    if (k == 's' || k == 'b') {
        if (*pos + 2 > len)
            return -1;
        uint32_t n = buf[*pos] | (uint32_t)buf[*pos + 1] << 8;
        *pos += 2;
        if (*pos + n > len)
            return -1;
        uint32_t off = svm_alloc_string(vm, k == 's' ? SVOBJ_STRING : SVOBJ_BYTES, n);
        if (!off)
            return -2;
        memcpy(vm->heap + off + 8, buf + *pos, n);
        *pos += n;
        *out = off;
        return 0;
    }
    if (k == 'f') {
        double d;
        if (*pos + 8 > len)
            return -1;
        memcpy(&d, buf + *pos, 8);
        *pos += 8;
        uint32_t off = svm_make_float(vm, d);
        if (!off)
            return -2;
        *out = off;
        return 0;
    }
    if (k == 'B') {
        if (depth > 0 || *pos + 2 > len)
            return -1;
        uint32_t tag = buf[*pos], nf = buf[*pos + 1];
        *pos += 2;
        uint32_t off = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, tag, nf ? nf : 1u));
        if (!off)
            return -2;
        uint32_t *o = svm_heap_obj(vm, off);
        for (uint32_t i = 0; i < (nf ? nf : 1u); i++)
            o[1 + i] = SVM_VAL_UNIT;
        *out = off;
        svm_value_t field = SVM_VAL_UNIT;
        svm_root_push(vm, &field);
        for (uint32_t i = 0; i < nf; i++) {
            int r = deser(vm, buf, len, pos, &field, depth + 1);
            if (r) {
                svm_root_pop(vm, 1);
                return r;
            }
            svm_heap_obj(vm, *out)[1 + i] = field;
        }
        svm_root_pop(vm, 1);
        return 0;
    }
    return -1;
}

/* ---- events ---- */
static svc_result_t make_event(svm_vm_t *vm, svm_context_t *ctx, uint32_t tag, uint32_t nargs)
{
    /* fields = the service arguments in order, read from their rooted slots */
    svm_value_t *slots[2];
    for (uint32_t i = 0; i < nargs; i++)
        slots[i] = i == nargs - 1 ? &ctx->acc : &ctx->sp[nargs - 2 - i];
    uint32_t off = make_block(vm, tag, nargs, slots);
    if (!off)
        return trap(vm, SVM_TRAP_heap_exhausted);
    RESULT(off);
    return SVM_SVC_OK;
}

/* Flatten event ev into x's offers (no allocation). Returns 0 or an SVM_S_* error. */
static int flatten(svm_box_t *b, svm_ctx_t *x, svm_value_t ev, uint64_t now, uint32_t depth)
{
    svm_vm_t *vm = &b->vm;
    if (depth > MAX_EV_DEPTH)
        return SVM_S_ETOOMANY; /* choose/wrap nested too deeply */
    uint32_t *o = svm_heap_kind(vm, ev, SVOBJ_BLOCK);
    if (!o)
        return SVM_S_EINVAL;
    uint32_t size = SVOBJ_SIZE(o[0]), tag = SVOBJ_TAG(o[0]);
    int r;
    switch (tag) {
    case SVM_EVT_SEND:
    case SVM_EVT_RECV: {
        int send = tag == SVM_EVT_SEND;
        if (size < 1 || !svm_is_int(o[1]) || svm_val_int(o[1]) < 0)
            return SVM_S_EBADCHAN;
        r = svm_sync_add(&b->c, x, send ? SVM_OFFER_SEND : SVM_OFFER_RECV,
                         (uint32_t)svm_val_int(o[1]), send && size >= 2 ? o[2] : SVM_VAL_UNIT, 0);
        return r < 0 ? r : 0;
    }
    case SVM_EVT_JOIN:
        if (size < 1 || !svm_is_int(o[1]))
            return SVM_S_EINVAL;
        r = svm_sync_add(&b->c, x, SVM_OFFER_JOIN, (uint32_t)svm_val_int(o[1]), SVM_VAL_UNIT, 0);
        return r < 0 ? r : 0;
    case SVM_EVT_ALWAYS:
        r = svm_sync_add(&b->c, x, SVM_OFFER_ALWAYS, 0, size >= 1 ? o[1] : SVM_VAL_UNIT, 0);
        return r < 0 ? r : 0;
    case SVM_EVT_AFTER: {
        int32_t ns = size >= 1 && svm_is_int(o[1]) ? svm_val_int(o[1]) : 0;
        r = svm_sync_add(&b->c, x, SVM_OFFER_AFTER, 0, SVM_VAL_UNIT,
                         now + (ns > 0 ? (uint64_t)ns : 0u));
        return r < 0 ? r : 0;
    }
    case SVM_EVT_DEV:
    case SVM_EVT_XRECV:
        if (size < 1 || !svm_is_int(o[1]) || svm_val_int(o[1]) < 0)
            return SVM_S_EINVAL;
        r = svm_sync_add(&b->c, x, tag == SVM_EVT_DEV ? SVM_OFFER_DEV : SVM_OFFER_XRECV,
                         (uint32_t)svm_val_int(o[1]), SVM_VAL_UNIT, 0);
        return r < 0 ? r : 0;
    case SVM_EVT_CHOOSE: {
        svm_value_t l = size >= 1 ? o[1] : SVM_VAL_UNIT;
        for (uint32_t guard = 0; !svm_is_int(l); guard++) {
            uint32_t *cell = svm_heap_kind(vm, l, SVOBJ_BLOCK);
            if (!cell || SVOBJ_SIZE(cell[0]) < 2 || guard > SVM_CFG_MAX_OFFERS)
                return SVM_S_ETOOMANY;
            r = flatten(b, x, cell[1], now, depth + 1);
            if (r)
                return r;
            l = cell[2];
        }
        return 0;
    }
    case SVM_EVT_WRAP:
        if (size < 2)
            return SVM_S_EINVAL;
        return flatten(b, x, o[1], now, depth + 1);
    default: return SVM_S_EINVAL;
    }
}

/* Find the wrappers on the path to base event number `want` (DFS order), innermost first
 * into out[]. Returns the count, or -1 if not found (*seen counts base events). */
static int find_wraps(const svm_vm_t *vm, svm_value_t ev, uint32_t want, uint32_t *seen,
                      svm_value_t *out, uint32_t depth)
{
    uint32_t *o = svm_heap_kind(vm, ev, SVOBJ_BLOCK);
    if (!o || depth > MAX_EV_DEPTH)
        return -1;
    uint32_t tag = SVOBJ_TAG(o[0]);
    if (tag == SVM_EVT_CHOOSE) {
        svm_value_t l = o[1];
        while (!svm_is_int(l)) {
            uint32_t *cell = svm_heap_kind(vm, l, SVOBJ_BLOCK);
            if (!cell)
                return -1;
            int n = find_wraps(vm, cell[1], want, seen, out, depth + 1);
            if (n >= 0)
                return n;
            l = cell[2];
        }
        return -1;
    }
    if (tag == SVM_EVT_WRAP) {
        int n = find_wraps(vm, o[1], want, seen, out, depth + 1);
        if (n < 0)
            return -1;
        out[n] = o[2]; /* the inner ones are already in out[0..n) */
        return n + 1;
    }
    if ((*seen)++ == want)
        return 0;
    return -1;
}

/* The inter-container message of a committed XRECV offer becomes x->result: it is copied
 * into this heap now (deliver, deliver_base). 0, or -1 when the heap is exhausted. May GC. */
static GLUE_NOINLINE int take_xmsg(svm_box_t *b, svm_ctx_t *x)
{
    svm_vm_t *vm = &b->vm;
    uint32_t pos = 0;
    svm_value_t v = SVM_VAL_UNIT;
    svm_root_push(vm, &v);
    int r = deser(vm, x->xmsg, x->xlen, &pos, &v, 0);
    svm_root_pop(vm, 1);
    if (r == -2)
        return -1;
    x->result = r ? SVM_VAL_UNIT : v;
    x->xlen = 0;
    return 0;
}

/* ctx->acc := (x->result, wrappers of the fired branch); wrapped in Some if poll. May GC.
 * Returns 0 or -1 (heap exhausted). */
static int deliver(svm_box_t *b, svm_ctx_t *x, svm_context_t *ctx, int poll)
{
    svm_vm_t *vm = &b->vm;
    /* an inter-container message: copy it into this heap now */
    if (x->fired < x->noffers && x->offers[x->fired].kind == SVM_OFFER_XRECV && take_xmsg(b, x))
        return -1;
    svm_value_t list = SVM_VAL_UNIT, w[MAX_EV_DEPTH + 2];
    uint32_t seen = 0;
    int n = 0;
    uint32_t *evo = svm_heap_kind(vm, x->ev, SVOBJ_BLOCK);
    if (evo && (SVOBJ_TAG(evo[0]) == SVM_EVT_CHOOSE || SVOBJ_TAG(evo[0]) == SVM_EVT_WRAP))
        n = find_wraps(vm, x->ev, x->fired, &seen, w, 0); /* else: a base event, no wraps */
    svm_root_push(vm, &list);
    for (int i = n - 1; i >= 0; i--) { /* cons from the outermost: head = innermost */
        uint32_t cell = svm_alloc(vm, SVOBJ_HEADER(SVOBJ_BLOCK, 0, 2));
        if (!cell) {
            svm_root_pop(vm, 1);
            return -1;
        }
        seen = 0;
        find_wraps(vm, x->ev, x->fired, &seen, w, 0); /* the heap may have moved */
        uint32_t *o = svm_heap_obj(vm, cell);
        o[1] = w[i];
        o[2] = list;
        list = cell;
    }
    svm_value_t *pair[2] = {&x->result, &list};
    uint32_t p = make_block(vm, 0, 2, pair);
    if (!p) {
        svm_root_pop(vm, 1);
        return -1;
    }
    if (poll) {
        svm_value_t pv = p;
        svm_value_t *one[1] = {&pv};
        svm_root_push(vm, &pv);
        p = make_block(vm, 0, 1, one);
        svm_root_pop(vm, 1);
        if (!p) {
            svm_root_pop(vm, 1);
            return -1;
        }
    }
    svm_root_pop(vm, 1);
    ctx->acc = p;
    x->ev = SVM_VAL_UNIT;
    x->result = SVM_VAL_UNIT;
    return 0;
}

static inline int deliver_base(svm_box_t *b, svm_ctx_t *x, svm_context_t *ctx)
{
    if (x->offers[x->fired].kind == SVM_OFFER_XRECV && take_xmsg(b, x))
        return -1;
    ctx->acc = x->result;
    x->result = SVM_VAL_UNIT;
    return 0;
}

/* The other base events (and bad channels): the generic engine. */
static GLUE_NOINLINE int sync_base_other(svm_box_t *b, svm_context_t *ctx, svm_ctx_t *x)
{
    uint64_t now = now_of(b);
    x->xlen = 0;
    svm_sync_begin(x);
    int r = flatten(b, x, ctx->acc, now, 0);
    return r ? r : svm_sync(&b->c, x, now, 1);
}

/* ev_sync on a base event (tag o[0], not choose/wrap): its value itself, no pair. The
 * plain channel send/receive goes straight to the channel (svm_sync_chan). */
static svc_result_t sync_base(svm_box_t *b, svm_context_t *ctx, svm_ctx_t *x, const uint32_t *o)
{
    svm_vm_t *vm = &b->vm;
    uint32_t tag = SVOBJ_TAG(o[0]), size = SVOBJ_SIZE(o[0]);
    int r;
    if (SVM_LIKELY((tag == SVM_EVT_SEND || tag == SVM_EVT_RECV) && size >= 1 && svm_is_int(o[1]) &&
                   svm_val_int(o[1]) >= 0))
        r = svm_sync_chan(&b->c, x, tag == SVM_EVT_SEND ? SVM_OFFER_SEND : SVM_OFFER_RECV,
                          (uint32_t)svm_val_int(o[1]),
                          tag == SVM_EVT_SEND && size >= 2 ? o[2] : SVM_VAL_UNIT);
    else
        r = sync_base_other(b, ctx, x);
    if (SVM_LIKELY(r == SVM_SYNC_DONE)) {
        if (deliver_base(b, x, ctx))
            return trap(vm, SVM_TRAP_heap_exhausted);
        return SVM_SVC_OK;
    }
    if (r == SVM_S_EBADCHAN)
        INVALID("Event.sync: not a channel");
    if (r == SVM_S_ENODEV)
        return trap(vm, SVM_TRAP_device_not_claimed);
    if (r != SVM_SYNC_BLOCKED)
        return trap(vm, SVM_TRAP_type_error);
    /* the wake-up leaves the value in x->result (3), or the message in x->xmsg (4) */
    x->pending = x->offers[0].kind == SVM_OFFER_XRECV ? 4 : 3;
    return SVM_SVC_BLOCK;
}

static GLUE_NOINLINE svc_result_t do_sync(svm_box_t *b, svm_context_t *ctx, svm_ctx_t *x, int poll)
{
    svm_vm_t *vm = &b->vm;
    uint64_t now = now_of(b);
    svm_sync_begin(x);
    x->xlen = 0;
    int r = flatten(b, x, ctx->acc, now, 0);
    if (r == SVM_S_ETOOMANY)
        INVALID("Event.sync: too many events in one choice, or nested too deeply");
    if (r == SVM_S_EBADCHAN)
        INVALID("Event.sync: not a channel");
    if (r == SVM_S_ENODEV)
        return trap(vm, SVM_TRAP_device_not_claimed);
    if (r)
        return trap(vm, SVM_TRAP_type_error);
    x->ev = ctx->acc;
    r = svm_sync(&b->c, x, now, !poll);
    if (r == SVM_SYNC_NONE) {
        x->ev = SVM_VAL_UNIT;
        RESULT(SVM_VAL_UNIT); /* None */
        return SVM_SVC_OK;
    }
    if (r == SVM_SYNC_BLOCKED) {
        x->pending = 1;
        return SVM_SVC_BLOCK;
    }
    if (r != SVM_SYNC_DONE)
        return trap(vm, SVM_TRAP_type_error);
    if (deliver(b, x, ctx, poll))
        return trap(vm, SVM_TRAP_heap_exhausted);
    return SVM_SVC_OK;
}

/* ---- contexts ---- */
static void unlink_rctx(svm_vm_t *vm, svm_context_t *rc)
{
    for (svm_context_t **p = &vm->contexts; *p; p = &(*p)->next)
        if (*p == rc) {
            *p = rc->next;
            rc->next = NULL;
            return;
        }
}

static svc_result_t thread_create(svm_box_t *b, svm_context_t *ctx)
{
    svm_vm_t *vm = &b->vm;
    svm_value_t f = ARG(2, 0), arg = ARG(2, 1);
    /* what to enter: a closure of arity 1, or a PAP that one more argument completes */
    uint32_t *o = svm_is_ptr(f) ? svm_heap_obj(vm, f) : NULL;
    if (!o)
        return trap(vm, SVM_TRAP_type_error);
    svm_value_t clo = f;
    uint32_t held = 0;
    if (SVOBJ_KIND(o[0]) == SVOBJ_PAP) {
        held = SVOBJ_SIZE(o[0]) - 1u;
        clo = o[1];
    }
    uint32_t *co = svm_heap_kind(vm, clo, SVOBJ_CLOSURE);
    if (!co)
        return trap(vm, SVM_TRAP_type_error);
    int slot = svm_ctx_spawn(&b->c);
    if (slot < 0)
        FAILURE("Thread.create: too many threads");
    svm_ctx_t *x = svm_ctx_get(&b->c, (uint32_t)slot);
    svm_context_t *rc = &b->rctx[slot];
    svm_context_init(vm, rc, x->tid, b->stacks + (size_t)slot * b->stack_words, b->stack_words,
                     (uint32_t)svm_val_int(co[1]));
    x->regs.rt = rc;
    rc->owner = x;
    if ((uint32_t)svm_val_int(co[2]) != held + 1u ||
        (uint32_t)(rc->base - (svm_value_t *)(void *)rc->csp) < held + 8u) {
        /* f x is a partial application (no effect) or cannot even start: it ends at once */
        unlink_rctx(vm, rc);
        svm_ctx_halt(&b->c, x);
    } else {
        /* as `app`: S0 = first argument (the PAP's held ones), the new one deepest */
        *--rc->sp = arg;
        for (uint32_t i = held; i-- > 0;)
            *--rc->sp = o[2 + i];
        rc->ep = clo;
    }
    RESULT(svm_int_val((int32_t)x->tid));
    return SVM_SVC_OK;
}

static inline svm_ctx_t *cur_ctx(svm_box_t *b, const svm_context_t *ctx)
{
    (void)b;
    return (svm_ctx_t *)ctx->owner;
}

static svc_result_t sleep_for(svm_box_t *b, svm_context_t *ctx, int32_t n, uint64_t unit)
{
    svm_ctx_t *x = cur_ctx(b, ctx);
    RESULT(SVM_VAL_UNIT);
    uint64_t now = now_of(b);
    svm_ctx_sleep_until(&b->c, x, n > 0 ? now + (uint64_t)n * unit : now);
    return SVM_SVC_BLOCK;
}

/* ---- the scheduler's services (service.h; the one table, svctable.c) ----
 * SCHED_SERVICE(name) defines svm_svc_<name>: the running box b, its container c, the
 * scheduler's record x of the running context; the time the services read is made current
 * first (the running slice's instructions are charged to the clock). */
static GLUE_NOINLINE svm_box_t *sched_enter(svm_vm_t *vm)
{
    svm_box_t *b = box_of_vm(vm);
    if (b->c.sched && b->c.sched->uncharged)
        svm_sched_flush(b->c.sched);
    return b;
}
#define SCHED_SERVICE(name)                                                                        \
    static svc_result_t sched_##name(svm_vm_t *vm, svm_context_t *ctx, svm_box_t *b,               \
                                     svm_container_t *c, svm_ctx_t *x);                            \
    SVM_SERVICE(name)                                                                              \
    {                                                                                              \
        svm_box_t *b = sched_enter(vm);                                                            \
        return sched_##name(vm, ctx, b, &b->c, cur_ctx(b, ctx));                                   \
    }                                                                                              \
    static svc_result_t sched_##name(svm_vm_t *vm, svm_context_t *ctx, svm_box_t *b,               \
                                     svm_container_t *c, svm_ctx_t *x)
#define UNUSED_SCHED_ARGS() ((void)vm, (void)ctx, (void)b, (void)c, (void)x)

static const svm_hal_t *hal_of(const svm_container_t *c) { return c->sched ? c->sched->hal : NULL; }

/* ---- contexts ---- */
SCHED_SERVICE(thread_create)
{
    UNUSED_SCHED_ARGS();
    return thread_create(b, ctx);
}
SCHED_SERVICE(thread_yield)
{
    UNUSED_SCHED_ARGS();
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_BLOCK; /* the scheduler puts a still-running context at the tail */
}
SCHED_SERVICE(thread_self)
{
    UNUSED_SCHED_ARGS();
    RESULT(svm_int_val((int32_t)x->tid));
    return SVM_SVC_OK;
}

/* ---- channels and events ---- */
SCHED_SERVICE(chan_new)
{
    UNUSED_SCHED_ARGS();
    int32_t ch = svm_chan_new(c);
    if (ch < 0)
        FAILURE("Event.new_channel: too many channels");
    RESULT(svm_int_val(ch));
    return SVM_SVC_OK;
}
#define EVENT_SERVICE(name, tag, nargs)                                                            \
    SCHED_SERVICE(name)                                                                            \
    {                                                                                              \
        UNUSED_SCHED_ARGS();                                                                       \
        return make_event(vm, ctx, tag, nargs);                                                    \
    }
EVENT_SERVICE(ev_send, SVM_EVT_SEND, 2)
EVENT_SERVICE(ev_receive, SVM_EVT_RECV, 1)
EVENT_SERVICE(ev_always, SVM_EVT_ALWAYS, 1)
EVENT_SERVICE(ev_choose, SVM_EVT_CHOOSE, 1)
EVENT_SERVICE(ev_wrap, SVM_EVT_WRAP, 2)
SCHED_SERVICE(ev_after)
{
    UNUSED_SCHED_ARGS();
    if (!svm_is_int(ctx->acc))
        return trap(vm, SVM_TRAP_type_error);
    return make_event(vm, ctx, SVM_EVT_AFTER, 1);
}
/* sync on a base event (not choose/wrap) is the fast path (sync_base) */
SCHED_SERVICE(ev_sync)
{
    (void)vm, (void)c;
    const uint32_t *o = svm_heap_kind(vm, ctx->acc, SVOBJ_BLOCK);
    if (o && SVOBJ_TAG(o[0]) != SVM_EVT_CHOOSE && SVOBJ_TAG(o[0]) != SVM_EVT_WRAP)
        return sync_base(b, ctx, x, o);
    return do_sync(b, ctx, x, 0);
}
SCHED_SERVICE(ev_poll)
{
    (void)vm, (void)c;
    return do_sync(b, ctx, x, 1);
}
/* ev_send_sync (S0 = channel, A = value) / ev_receive_sync (A = channel): exactly
 * `ev_sync` on a Send/Receive event, without building the event. */
static svc_result_t sync_fused(svm_box_t *b, svm_context_t *ctx, svm_ctx_t *x, int send)
{
    svm_vm_t *vm = &b->vm;
    svm_value_t ch = send ? ARG(2, 0) : ctx->acc;
    int r = SVM_S_EBADCHAN;
    if (svm_is_int(ch) && svm_val_int(ch) >= 0)
        r = svm_sync_chan(&b->c, x, send ? SVM_OFFER_SEND : SVM_OFFER_RECV,
                          (uint32_t)svm_val_int(ch), send ? ctx->acc : SVM_VAL_UNIT);
    if (SVM_LIKELY(r == SVM_SYNC_DONE)) {
        ctx->acc = x->result;
        x->result = SVM_VAL_UNIT;
        return SVM_SVC_OK;
    }
    if (r == SVM_SYNC_BLOCKED) {
        x->pending = 3; /* the wake-up leaves the value in x->result */
        return SVM_SVC_BLOCK;
    }
    INVALID("Event.sync: not a channel");
}

SCHED_SERVICE(ev_send_sync)
{
    (void)vm, (void)c;
    return sync_fused(b, ctx, x, 1);
}
SCHED_SERVICE(ev_receive_sync)
{
    (void)vm, (void)c;
    return sync_fused(b, ctx, x, 0);
}

/* ---- time ---- */
#define SLEEP_SERVICE(name, unit)                                                                  \
    SCHED_SERVICE(name)                                                                            \
    {                                                                                              \
        UNUSED_SCHED_ARGS();                                                                       \
        if (!svm_is_int(ctx->acc))                                                                 \
            return trap(vm, SVM_TRAP_type_error);                                                  \
        return sleep_for(b, ctx, svm_val_int(ctx->acc), unit);                                     \
    }
SLEEP_SERVICE(sleep_ns, 1u)
SLEEP_SERVICE(sleep_us, 1000u)
SLEEP_SERVICE(sleep_ms, 1000000u)
SCHED_SERVICE(time_ms)
{
    UNUSED_SCHED_ARGS();
    RESULT(svm_int_val((int32_t)((now_of(b) / 1000000u) & 0x3fffffffu)));
    return SVM_SVC_OK;
}
SCHED_SERVICE(time_us)
{
    UNUSED_SCHED_ARGS();
    RESULT(svm_int_val((int32_t)((now_of(b) / 1000u) & 0x3fffffffu)));
    return SVM_SVC_OK;
}
SCHED_SERVICE(sleep_until_ms)
{
    UNUSED_SCHED_ARGS();
    if (!svm_is_int(ctx->acc))
        return trap(vm, SVM_TRAP_type_error);
    /* the baseline is a time_ms value (30 bits of ms): the deadline is the 64-bit time
     * congruent to it that is nearest to now (within +-2^29 ms = 6 days) */
    uint64_t now = now_of(b), now_ms = now / 1000000u;
    uint32_t want = (uint32_t)svm_val_int(ctx->acc) & 0x3fffffffu;
    int32_t delta = (int32_t)(((want - (uint32_t)now_ms) & 0x3fffffffu) << 2) >> 2;
    uint64_t t = delta > 0 ? (now_ms + (uint64_t)delta) * 1000000u : now;
    RESULT(SVM_VAL_UNIT);
    svm_ctx_sleep_until(c, x, t);
    return SVM_SVC_BLOCK;
}
SCHED_SERVICE(progress)
{
    UNUSED_SCHED_ARGS();
    svm_container_progress(c, now_of(b));
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SCHED_SERVICE(monitor_count)
{
    UNUSED_SCHED_ARGS();
    RESULT(svm_int_val((int32_t)c->stats.monitor_flags));
    return SVM_SVC_OK;
}

/* ---- devices and inter-container channels ---- */
SCHED_SERVICE(dev_write)
{
    (void)x;
    const svm_hal_t *hal = hal_of(c);
    int d = local_dev(b, ARG(2, 0));
    if (d < 0)
        return trap(vm, SVM_TRAP_device_not_claimed);
    if (!svm_is_int(ctx->acc))
        return trap(vm, SVM_TRAP_type_error);
    if (!hal || !hal->dev_write ||
        hal->dev_write(hal->port, c->dev[d], svm_val_int(ctx->acc)) != SVM_HAL_OK)
        INVALID("Sense.dev_write");
    RESULT(SVM_VAL_UNIT);
    return SVM_SVC_OK;
}
SCHED_SERVICE(dev_read)
{
    (void)x;
    const svm_hal_t *hal = hal_of(c);
    int d = local_dev(b, ctx->acc);
    int32_t v = 0;
    if (d < 0)
        return trap(vm, SVM_TRAP_device_not_claimed);
    if (!hal || !hal->dev_read || hal->dev_read(hal->port, c->dev[d], &v) != SVM_HAL_OK)
        INVALID("Sense.dev_read");
    RESULT(svm_int_val(v));
    return SVM_SVC_OK;
}
SCHED_SERVICE(dev_event)
{
    (void)c, (void)x;
    int d = local_dev(b, ctx->acc);
    if (d < 0)
        return trap(vm, SVM_TRAP_device_not_claimed);
    ctx->acc = svm_int_val(d);
    return make_event(vm, ctx, SVM_EVT_DEV, 1);
}
SCHED_SERVICE(xchan_send)
{
    (void)x;
    svm_sched_t *s = c->sched;
    int k = local_xchan(b, ARG(2, 0));
    if (k < 0)
        INVALID("Sense.xsend: channel not declared");
    uint8_t buf[SVM_XMSG_MAX];
    uint32_t len = 0;
    if (ser(vm, ctx->acc, buf, &len, 0))
        INVALID("Sense.xsend: message too large or not copyable");
    int r = svm_xchan_send(c, (uint32_t)k, buf, len);
    if (r < 0)
        INVALID("Sense.xsend: channel not declared for sending");
    RESULT(svm_bool_val(r));
    if (s && s->preempt)
        return SVM_SVC_BLOCK; /* the receiver outranks us: end the slice now */
    return SVM_SVC_OK;
}
SCHED_SERVICE(xchan_receive)
{
    (void)x;
    svm_sched_t *s = c->sched;
    int k = local_xchan(b, ctx->acc);
    if (k < 0 || c->xchan[k] < 0 || !s || s->xchans[c->xchan[k]].receiver != (int16_t)c->index)
        INVALID("Sense.xreceive: channel not declared for receiving");
    ctx->acc = svm_int_val(k);
    return make_event(vm, ctx, SVM_EVT_XRECV, 1);
}

/* Context switches inside svm_run (cfg.ext_switch, ext_rendezvous): x (runtime context
 * ctx, saved, steps up to date) gave up the processor. Go on with the next context of the
 * container when the slice would anyway (svm_fast_switch) and its wake-up needs no
 * allocation (a committed base-event sync leaves its value in y->result; other pending
 * results are built by svm_box_run_ctx, so the slice takes that context through the
 * scheduler). */
static GLUE_INLINE svm_context_t *switch_next(svm_box_t *b, svm_context_t *ctx, svm_ctx_t *x,
                                              uint32_t *fuel)
{
    svm_container_t *c = &b->c;
    if (c->rq_count) {
        const svm_ctx_t *n = &c->ctxs[c->runq[c->rq_head]];
        if (n->pending && n->pending != 3)
            return NULL; /* its result is built by svm_box_run_ctx (may allocate) */
    }
    uint32_t used = (uint32_t)(ctx->steps - b->steps0);
    svm_ctx_t *y = svm_fast_switch(c, x, used);
    if (!y)
        return NULL;
    c->stats.executed += used;
    svm_context_t *rc = (svm_context_t *)y->regs.rt;
    if (y->pending == 3) {
        y->pending = 0;
        rc->acc = y->result;
        y->result = SVM_VAL_UNIT;
    }
    b->steps0 = rc->steps;
    *fuel = c->slice_left;
    return rc;
}

static GLUE_INLINE svm_context_t *glue_switch(svm_vm_t *vm, svm_context_t *ctx, uint32_t *fuel)
{
    svm_box_t *b = box_of_vm(vm);
    return switch_next(b, ctx, cur_ctx(b, ctx), fuel);
}

/* ext_rendezvous when no partner waits: x blocks on the channel, and the switch. */
static GLUE_INLINE int rendezvous_block(svm_box_t *b, svm_context_t **ctxp, svm_ctx_t *x,
                                        uint32_t send, uint32_t chan, uint32_t *fuel)
{
    svm_context_t *ctx = *ctxp;
    ctx->steps += *fuel; /* in: the instructions of this activation; out: the budget */
    svm_fast_block(x, &b->c.chans[chan], (int)send, chan, send ? ctx->acc : SVM_VAL_UNIT);
    x->pending = 3; /* the wake-up leaves the value in x->result */
    ctx->pc += 3;
    ctx->sp += send;
    ctx->status = SVM_BLOCKED;
    *ctxp = switch_next(b, ctx, x, fuel);
    return 0;
}

/* The ext_rendezvous hook: sync_fused without the service call, and the switch when it
 * blocks. -1 leaves everything else (errors: not a channel) to the service. */
static GLUE_INLINE int glue_rendezvous(svm_vm_t *vm, svm_context_t **ctxp, uint32_t num,
                                       uint32_t *used)
{
    svm_context_t *ctx = *ctxp;
    uint32_t send = num == SVBC_SVC_ev_send_sync;
    svm_value_t ch = send ? ctx->sp[0] : ctx->acc;
    svm_box_t *b = box_of_vm(vm);
    uint32_t chan = (uint32_t)svm_val_int(ch);
    if (!svm_is_int(ch) || chan >= b->c.nchans) /* (a negative index is >= nchans) */
        return -1; /* not a channel of this container: the service raises */
    svm_offer_t *p = svm_fast_partner(&b->c.chans[chan], (int)send);
    if (SVM_LIKELY(p != NULL)) {
        ctx->acc = svm_fast_commit(&b->c, p, (int)send, send ? ctx->acc : SVM_VAL_UNIT);
        return 0;
    }
    return rendezvous_block(b, ctxp, cur_ctx(b, ctx), send, chan, used);
}

#if SVM_GLUE_LOOP
/* The scheduled container's instance of the interpreter loop (fast fuel), with the two
 * hooks above inlined into the svc handler: no call, no spills around it
 * (docs/performance.md, B6). Hosts only (meson: not in cross builds, where flash is
 * scarcer than cycles); svm_box_run_ctx uses it when the hooks are installed, steps are
 * not counted and the container has another live context. */
#include "interp_defs.h"
#define SVM_RUN_NAME run_box
#define SVM_COUNT_EACH 0
#define SVM_LOOP_RENDEZVOUS glue_rendezvous
#define SVM_LOOP_SWITCH glue_switch
#include "interp_loop.h"
#endif

static void glue_roots(svm_vm_t *vm, void (*visit)(svm_value_t *slot, void *arg), void *arg)
{
    svm_container_roots(&box_of_vm(vm)->c, visit, arg);
}

/* ---- set-up and the scheduler operations ---- */
static size_t align8(size_t n) { return (n + 7u) & ~(size_t)7u; }

static void sizes(const svl_image_t *img, uint32_t *heap, uint32_t *stack_words)
{
    if (!*heap)
        *heap = img->manifest.heap_size;
    uint32_t stack = *stack_words ? *stack_words : img->manifest.stack_size;
    *stack_words = stack / 4u + SVM_STACK_GUARD;
}

size_t svm_box_mem_size(const svl_image_t *img, uint32_t heap_size, uint32_t stack_size)
{
    uint32_t heap = heap_size, words = stack_size;
    sizes(img, &heap, &words);
    uint32_t n = img->manifest.max_contexts;
    return 8u + align8(svm_memory_size(heap, img->manifest.globals)) +
           align8(sizeof(svm_context_t) * n) + align8((size_t)words * 4u * n) +
           align8(svm_container_mem_size(n, img->manifest.max_channels));
}

static int start_main(svm_box_t *b)
{
    int slot = svm_ctx_spawn(&b->c);
    if (slot < 0)
        return SVM_S_ENOCTX;
    svm_context_t *rc = &b->rctx[slot];
    if (svm_context_init(&b->vm, rc, svm_ctx_get(&b->c, (uint32_t)slot)->tid,
                         b->stacks + (size_t)slot * b->stack_words, b->stack_words,
                         b->img->manifest.entry) != SVM_INIT_OK)
        return SVM_S_ENOMEM;
    svm_ctx_get(&b->c, (uint32_t)slot)->regs.rt = rc;
    rc->owner = svm_ctx_get(&b->c, (uint32_t)slot);
    return 0;
}

int svm_box_init(svm_box_t *b, const svl_image_t *img, const svm_config_t *cfg, uint32_t heap_size,
                 uint32_t stack_size, void *mem, size_t size)
{
    if (!b || !img || !cfg || !mem)
        return SVM_S_EINVAL;
    if (size < svm_box_mem_size(img, heap_size, stack_size))
        return SVM_S_ENOMEM;
    uint32_t heap = heap_size, words = stack_size;
    sizes(img, &heap, &words);
    uint32_t n = img->manifest.max_contexts;
    memset(b, 0, sizeof *b);
    uintptr_t p = ((uintptr_t)mem + 7u) & ~(uintptr_t)7u;
    b->cfg = *cfg;
    b->cfg.memory = (void *)p;
    b->cfg.memory_size = svm_memory_size(heap, img->manifest.globals);
    b->cfg.heap_size = heap;
    b->cfg.box = b;
    b->cfg.ext_roots = glue_roots;
    if (!cfg->switch_via_scheduler) {
        b->cfg.ext_switch = glue_switch;
        b->cfg.ext_rendezvous = glue_rendezvous;
    }
    p += align8(b->cfg.memory_size);
    b->rctx = (svm_context_t *)p;
    p += align8(sizeof(svm_context_t) * n);
    b->stacks = (uint32_t *)p;
    b->stack_words = words;
    p += align8((size_t)words * 4u * n);
    size_t cm = svm_container_mem_size(n, img->manifest.max_channels);
    b->img = img;
    int r = svm_container_init(&b->c, &img->manifest, (void *)p, cm);
    if (r)
        return r;
    b->c.vm = b;
    if (svm_vm_init(&b->vm, img, &b->cfg) != SVM_INIT_OK)
        return SVM_S_ENOMEM;
    return start_main(b);
}

int svm_box_restart(void *user, svm_container_t *c)
{
    (void)user;
    svm_box_t *b = box_of(c);
    if (svm_vm_init(&b->vm, b->img, &b->cfg) != SVM_INIT_OK)
        return -1;
    return start_main(b) ? -1 : 0;
}

svm_ctx_status_t svm_box_run_ctx(void *user, svm_container_t *c, svm_ctx_t *x, uint32_t fuel,
                                 uint32_t *used)
{
    (void)user;
    svm_box_t *b = box_of(c);
    svm_context_t *rc = &b->rctx[x->slot];
    uint32_t gc_used = 0;
    *used = 0;
    if (SVM_UNLIKELY(b->vm.gcr_phase) && x->pending) {
        /* a collection an instruction stopped (issue 13) goes before the delivery, which
         * allocates; svm_run continues it otherwise */
        int64_t left = svm_gc_resume(&b->vm, rc, fuel);
        gc_used = left <= 0 ? fuel : fuel - (uint32_t)left;
        c->stats.executed += gc_used;
        *used = gc_used;
        if (left <= 0)
            return SVM_RUN_FUEL;
        fuel = (uint32_t)left;
    }
    if (x->pending >= 3) { /* a base-event sync was committed: its value is the result */
        x->pending = 0;
        if (deliver_base(b, x, rc)) {
            c->fault.reason = SVM_TRAP_heap_exhausted;
            c->fault.pc = rc->pc;
            c->fault.opcode = 0;
            b->vm.trap.code = SVM_TRAP_heap_exhausted;
            b->vm.trap.context = rc->id;
            b->vm.trap.pc = rc->pc;
            return SVM_RUN_FAULT;
        }
    } else if (x->pending) { /* a blocked sync was committed: build its result now */
        int poll = x->pending == 2;
        x->pending = 0;
        if (deliver(b, x, rc, poll)) {
            c->fault.reason = SVM_TRAP_heap_exhausted;
            c->fault.pc = rc->pc;
            c->fault.opcode = 0;
            b->vm.trap.code = SVM_TRAP_heap_exhausted;
            b->vm.trap.context = rc->id;
            b->vm.trap.pc = rc->pc;
            return SVM_RUN_FAULT;
        }
    }
    b->steps0 = rc->steps;
#if SVM_GLUE_LOOP
    /* run_box only where its inlined hooks can act: another live context to meet or to
     * switch to. A lone context runs the same instructions in svm_run's loop, whose
     * layout gcc has tuned for plain code (docs/performance.md, B6) */
    svm_status_t st = b->vm.cfg.ext_rendezvous && !b->vm.cfg.count_steps &&
                              !b->vm.cfg.generic_loop && c->nlive > 1
                          ? run_box(&b->vm, rc, fuel ? fuel : 1u)
                          : svm_run(&b->vm, rc, fuel ? fuel : 1u);
#else
    svm_status_t st = svm_run(&b->vm, rc, fuel ? fuel : 1u);
#endif
    if (c->cur >= 0 && (uint32_t)c->cur != x->slot) { /* switched inside svm_run */
        x = &c->ctxs[c->cur];
        rc = &b->rctx[x->slot];
    }
    *used = gc_used + (uint32_t)(rc->steps - b->steps0);
    c->stats.executed += rc->steps - b->steps0;
    switch (st) {
    case SVM_FUEL: return SVM_RUN_FUEL;
    case SVM_BLOCKED: return SVM_RUN_SWITCH;
    case SVM_HALTED:
        unlink_rctx(&b->vm, rc);
        if (x->tid == 0) { /* as in OCaml: the program ends with its main thread */
            c->exit_status = 0;
            return SVM_RUN_EXIT;
        }
        return SVM_RUN_HALT;
    case SVM_EXITED: c->exit_status = b->vm.exit_code; return SVM_RUN_EXIT;
    default:
        c->fault.reason = (uint16_t)b->vm.trap.code;
        c->fault.pc = b->vm.trap.pc;
        c->fault.opcode = b->vm.trap.opcode;
        unlink_rctx(&b->vm, rc);
        return SVM_RUN_FAULT;
    }
}
