/* SPDX-License-Identifier: MIT
 * sweep.h — the power-cut sweep, shared by the host test (Criterion) and the on-target
 * firmware (tests/target/fw_powercut.c): install an image with the power failing at every
 * erase/write step and inside it, reboot, and check what boots.
 */
#ifndef SVL_TEST_SWEEP_H
#define SVL_TEST_SWEEP_H

#include <stddef.h>
#include <stdint.h>

typedef struct sweep_geom {
    uint32_t page_size, write_unit;
    int mapped;
    uint32_t flags; /* svl_flash_t.flags */
} sweep_geom_t;

extern const sweep_geom_t sweep_geoms[];
extern const size_t sweep_ngeoms;

/* `pre` images installed first (0..3), then one more with the power cut at each point;
 * with garbage, the interrupted unit/page is left with pseudo-random contents (only
 * meaningful without SVL_FLASH_REPROGRAM, whose safety rests on NOR physics).
 * Adds the cut points tried to *points. Returns 0, or -1 with a message in err: the
 * device booted neither the old nor the new image, booted the uncommitted new image,
 * booted the old one after the commit, or did not recover with the next install. */
int sweep_run(const sweep_geom_t *g, unsigned pre, int garbage, unsigned *points, char *err,
              size_t errsz);

#endif
