/* SPDX-License-Identifier: MIT
 * simflash.h — a simulated NOR flash for host tests of the installer: page erase to 0xff,
 * writes in write units that can only clear bits (a write needing a 0 -> 1 change fails and
 * changes nothing), a power-cut injector and fault injection (a stuck bit, a read flip).
 */
#ifndef SVL_TEST_SIMFLASH_H
#define SVL_TEST_SIMFLASH_H

#include <stdint.h>

#include <sensevm/loader.h>

enum {
    SIM_ERANGE = -3,
    SIM_ENOTERASED = -4,
    SIM_EALIGN = -5,
    SIM_EIO = -6,
    SIM_EPOWER = -100 /* the power is off: the op did not (fully) happen */
};

typedef struct simflash {
    uint8_t *mem;
    uint32_t page_size, npages, write_unit;
    /* statistics */
    uint32_t nerase, nwrite, nread;
    uint32_t ops; /* erase + write operations since the last sim_reset_counters */
    /* power cut: operation number cut_op (0-based, erases and writes counted together) is
     * interrupted at byte cut_byte: bytes before it are done, byte cut_byte is done only
     * for the bits in cut_mask, the rest not at all. cut_byte >= the op's length means the
     * op completes and the power fails right after it. From then on every op fails. */
    long cut_op;
    uint32_t cut_byte;
    uint8_t cut_mask;
    int dead;
    /* cut_garbage: the interrupted op leaves its unit undefined instead (hal.h's wording):
     * an interrupted write fills the write unit holding byte cut_byte with pseudo-random
     * bytes, an interrupted erase the whole page. */
    int cut_garbage;
    uint32_t rng;
    /* fault injection: a stuck-at-1 cell (writes cannot clear bit stuck_mask at byte
     * stuck_off; -1 = none) and a read that flips bit flip_mask of byte flip_off. */
    long stuck_off;
    uint8_t stuck_mask;
    long flip_off;
    uint8_t flip_mask;
    long fail_off; /* reads covering this byte fail with SIM_EIO (-1 = none) */
    /* the last op's kind and length, for enumerating cut points */
    int last_kind; /* 1 erase, 2 write */
    uint32_t last_len;
    /* with trace on: kind (1 erase, 2 write) and length of each op, in order */
    int trace;
    uint32_t ntrace;
    uint8_t trace_kind[1024];
    uint32_t trace_len[1024];
} simflash_t;

void sim_init(simflash_t *s, uint32_t page_size, uint32_t npages, uint32_t write_unit);
void sim_free(simflash_t *s);
/* Power back on (clears the cut). */
void sim_reboot(simflash_t *s);
/* An svl_flash_t over s (mapped selects the memory-mapped view). */
svl_flash_t sim_flash(simflash_t *s, int mapped, uint32_t flags);

#endif
