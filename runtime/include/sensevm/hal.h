/* SPDX-License-Identifier: MIT
 * sensevm/hal.h — the hardware abstraction layer: everything the runtime needs from a board
 * (time, sleep, devices, console, flash, watchdog, security monitors), and the one thing a
 * board needs from the runtime (an ISR-safe event queue). docs/porting.md explains it.
 *
 * Design
 *   A port fills one `svm_hal_t`: a table of function pointers plus an opaque `port` pointer
 *   passed back to each of them. A table (rather than link-time `svm_hal_*` symbols) lets
 *   the desktop build run several configurations in one process (tests use fake HALs) at
 *   the price of one indirect call per HAL operation, which is never on the interpreter's
 *   hot path. Optional entries may be NULL; the runtime checks before calling them.
 *
 * Conventions (all functions)
 *   - Times are 64-bit unsigned nanoseconds since boot: 2^64 ns is 584 years, so they never
 *     wrap in practice and are compared with plain `<`.
 *   - Functions return 0 (SVM_HAL_OK) on success or a negative SVM_HAL_E* code; they never
 *     print or abort.
 *   - Everything but svm_evq_push() and svm_cut_tick() is called from the runtime's single
 *     thread, never from an interrupt handler; they are the only entries a port calls from
 *     an ISR.
 *   - Devices are numbered by the port (index into `devs`); containers name them in their
 *     manifest ("led0", "button0", "uart0") and the scheduler binds names to indexes at
 *     load time (sched.h), so nothing outside the port knows a pin number.
 */
#ifndef SENSEVM_HAL_H
#define SENSEVM_HAL_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- result codes ---- */
enum {
    SVM_HAL_OK = 0,
    SVM_HAL_EINVAL = -1,      /* bad argument (device index, length …) */
    SVM_HAL_ENODEV = -2,      /* no such device, or the operation does not apply to it */
    SVM_HAL_ERANGE = -3,      /* address/page outside the flash area */
    SVM_HAL_ENOTERASED = -4,  /* flash write would need a 0 -> 1 bit change: erase first */
    SVM_HAL_EALIGN = -5,      /* flash write not aligned to the write unit */
    SVM_HAL_EIO = -6,         /* the device failed */
    SVM_HAL_EUNSUPPORTED = -7 /* the port does not implement this operation */
};

/* sleep_until results */
enum {
    SVM_HAL_WOKE_TIME = 0,  /* the deadline was reached */
    SVM_HAL_WOKE_EVENT = 1, /* a driver event was queued before the deadline */
    SVM_HAL_WOKE_NEVER = 2  /* virtual time only: nothing can ever happen any more (no
                             * deadline and no scripted input left): the caller stops */
};

/* ---- devices ---- */
typedef enum svm_dev_class {
    SVM_DEV_LED = 1,    /* write 0/1 (off/on); read returns the current state */
    SVM_DEV_BUTTON = 2, /* read 0/1 (released/pressed); events: PRESS/RELEASE */
    SVM_DEV_UART = 3,   /* write one byte (0..255); events: RX with the byte */
    SVM_DEV_GPIO = 4,   /* write/read a level 0/1; events: EDGE with the new level */
    SVM_DEV_SENSOR = 5  /* read an integer sample */
} svm_dev_class_t;

typedef struct svm_hal_dev {
    const char *name; /* manifest name: [A-Za-z0-9_.-], at most 15 chars */
    uint8_t cls;      /* svm_dev_class_t */
} svm_hal_dev_t;

/* ---- interrupt / driver events ---- */
enum {
    SVM_EV_PRESS = 1,   /* button pressed, value 1 */
    SVM_EV_RELEASE = 2, /* button released, value 0 */
    SVM_EV_RX = 3,      /* UART byte received, value = byte */
    SVM_EV_EDGE = 4,    /* GPIO level change, value = new level */
    SVM_EV_SAMPLE = 5   /* sensor sample ready, value = sample */
};

typedef struct svm_hal_event {
    uint64_t time_ns; /* when the interrupt happened (port clock) */
    uint16_t dev;     /* device index into svm_hal_t.devs */
    uint16_t kind;    /* SVM_EV_* */
    int32_t value;    /* kind-specific payload; what the VM's dev_event returns */
} svm_hal_event_t;

/* The ISR-safe event queue: a single-producer (the port's interrupt handlers, serialised by
 * the port — e.g. same priority or one handler per queue), single-consumer (the scheduler)
 * lock-free ring. Capacity is a power of two. When full, the NEW event is refused and
 * `overflow` counted: events are never silently lost, the scheduler reports the count
 * (stats, trace) and the VM can observe it. Only the producer writes `tail` and `overflow`;
 * only the consumer writes `head`. Indices run freely and are masked on use. */
typedef struct svm_evq {
    svm_hal_event_t *buf;
    uint32_t mask;             /* capacity - 1 */
    _Atomic uint32_t head;     /* next slot to read (consumer) */
    _Atomic uint32_t tail;     /* next slot to write (producer) */
    _Atomic uint32_t overflow; /* events refused because the ring was full (producer) */
} svm_evq_t;

/* Initialise q over buf[cap]; cap must be a power of two >= 2. Returns SVM_HAL_EINVAL
 * otherwise. Not ISR-safe (call before interrupts are enabled). */
int svm_evq_init(svm_evq_t *q, svm_hal_event_t *buf, uint32_t cap);
/* Producer side (ISR-safe, wait-free): queue *ev; returns 1, or 0 and counts an overflow. */
int svm_evq_push(svm_evq_t *q, const svm_hal_event_t *ev);
/* Consumer side: take the oldest event into *ev; returns 1, or 0 when empty. */
int svm_evq_pop(svm_evq_t *q, svm_hal_event_t *ev);
/* Number of queued events (consumer's view) and total refused events. */
uint32_t svm_evq_count(const svm_evq_t *q);
uint32_t svm_evq_overflows(const svm_evq_t *q);

/* The interrupt cut (a target mode: svm_sched_cfg_t.cut; docs/concurrency.md, "The time
 * bound"). While a slice of a container below a live higher one runs, the scheduler runs
 * it in chunks of `chunk` units and ends it after the chunk in which `request` was set. svm_evq_push sets it for an event of a device in `devmask` (bit d: device
 * d, bit 31: devices 31 and up), and svm_cut_tick (a port's tick interrupt calls it) when
 * the earliest timer of a higher container is due. The scheduler writes the rest (one
 * scheduler runs slices at a time: the state is global, so that an ISR reaches it). */
typedef struct svm_cut {
    volatile uint32_t request;  /* set: end the running slice at its next cut point */
    volatile uint32_t devmask;  /* devices of higher containers (all, between slices) */
    volatile uint32_t armed;    /* deadline is valid */
    volatile uint64_t deadline; /* now_ns of the earliest timer of a higher container */
    uint32_t chunk;             /* units between two cut points; 0: the slice is uncut */
    uint32_t rest;              /* the running slice's units after this chunk */
} svm_cut_t;
extern svm_cut_t svm_cut;
/* ISR-safe: set svm_cut.request if the armed deadline is due at `now`. */
void svm_cut_tick(uint64_t now);

/* ---- low-level security monitors (optional hooks) ---- */
typedef struct svm_hal_power {
    uint32_t millivolts; /* supply voltage now */
    uint8_t brownout;    /* 1 when the supply dipped below the safe level since last call */
} svm_hal_power_t;

typedef struct svm_hal_clock {
    int32_t deviation_ppm; /* measured core clock vs. reference */
    uint8_t glitch;        /* 1 when a clock glitch/stop was detected since last call */
} svm_hal_clock_t;

/* ---- the HAL table ---- */
typedef struct svm_hal {
    void *port;                /* the port's state, passed to every function */
    const svm_hal_dev_t *devs; /* the board's devices, index = device id */
    uint16_t ndevs;

    /* Monotonic time in ns since boot. Required. Never goes backwards. */
    uint64_t (*now_ns)(void *port);

    /* Sleep (low-power wait) until now_ns() >= t, or return early as soon as an event has
     * been pushed into the attached queue. Returns SVM_HAL_WOKE_TIME / _EVENT / _NEVER.
     * t = UINT64_MAX means "no deadline: until an event". Events already queued make it
     * return SVM_HAL_WOKE_EVENT at once. Required. */
    int (*sleep_until)(void *port, uint64_t t);

    /* Where the port's interrupt handlers push events (svm_evq_push). Called once by the
     * scheduler before it first sleeps or polls. Required if the port has input devices. */
    void (*attach)(void *port, svm_evq_t *q);

    /* Optional. Deliver events that are due by now (simulated interrupts on the desktop; a
     * real port whose ISRs push directly leaves it NULL). Called between slices. */
    void (*poll)(void *port);

    /* Optional, virtual-time ports only: account `insns` executed instructions as CPU time
     * (the virtual clock advances by a fixed cost per instruction), so that a busy program
     * sees time pass deterministically. Must be additive — charge(a); charge(b) has the
     * effect of charge(a + b): the scheduler may sum the work of several context switches
     * inside one slice into one call, made before anything reads the time. */
    void (*charge)(void *port, uint64_t insns);

    /* Device access (LED, GPIO, UART byte out; button/GPIO/sensor in). dev is an index into
     * devs. Errors: SVM_HAL_ENODEV (bad index, or not writable/readable), SVM_HAL_EINVAL
     * (value out of range for the class, e.g. LED not 0/1, UART not 0..255). */
    int (*dev_write)(void *port, uint16_t dev, int32_t value);
    int (*dev_read)(void *port, uint16_t dev, int32_t *value);

    /* Console output: stream 1 = standard output, 2 = errors. Writes len bytes, blocking. */
    int (*console_write)(void *port, int stream, const uint8_t *buf, size_t len);

    /* Flash (optional: NULL entries mean no flash). The area is npages pages of page_size
     * bytes, addressed by byte offsets from its start. Erase sets a page to 0xff. A write
     * can only clear bits (1 -> 0); writing a byte that would need a 0 -> 1 change fails with
     * SVM_HAL_ENOTERASED and changes nothing. Writes are in units of `write_unit` bytes
     * (offset and length multiples of it). A write or erase interrupted by power loss leaves
     * the touched unit/page in an undefined state (the loader's installer copes). */
    int (*flash_geometry)(void *port, uint32_t *page_size, uint32_t *npages, uint32_t *write_unit);
    int (*flash_erase)(void *port, uint32_t page);
    int (*flash_write)(void *port, uint32_t off, const uint8_t *buf, uint32_t len);
    int (*flash_read)(void *port, uint32_t off, uint8_t *buf, uint32_t len);

    /* Optional. Feed (kick) the hardware watchdog. The scheduler calls it only while every
     * high-criticality container makes progress (sched.h, progress monitor). */
    void (*watchdog_feed)(void *port);

    /* Optional security-monitor hooks, polled by the scheduler at most once per scheduling
     * round; a reported brown-out or glitch is counted and traced. */
    int (*monitor_power)(void *port, svm_hal_power_t *out);
    int (*monitor_clock)(void *port, svm_hal_clock_t *out);
} svm_hal_t;

/* Index of device `name` in hal->devs, or -1. */
int svm_hal_find_dev(const svm_hal_t *hal, const char *name);

#ifdef __cplusplus
}
#endif
#endif
