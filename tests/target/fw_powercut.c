/* SPDX-License-Identifier: MIT
 * fw_powercut.c — the power-cut sweep of tests/install/ (sweep.c over the simulated NOR
 * flash) run on the target: the installer compiled for Thumb-2 at -Os must boot the old
 * or the new image at every cut point, as on the host.
 */
#include <stdio.h>

#include "../install/sweep.h"
#include "tap.h"

int main(void)
{
    char msg[320], err[160];
    unsigned total = 0;
    tap_plan((int)(sweep_ngeoms * 4));
    for (size_t g = 0; g < sweep_ngeoms; g++)
        for (unsigned pre = 0; pre <= 3; pre++) {
            unsigned points = 0;
            err[0] = 0;
            int rc = sweep_run(&sweep_geoms[g], pre, 0, &points, err, sizeof err);
            total += points;
            snprintf(msg, sizeof msg,
                     "page %lu, write unit %lu, %s, %u earlier installs: %u cut points %s",
                     (unsigned long)sweep_geoms[g].page_size,
                     (unsigned long)sweep_geoms[g].write_unit,
                     sweep_geoms[g].mapped ? "mapped" : "unmapped", pre, points,
                     rc == 0 ? "boot the old or new image" : err);
            tap_ok(rc == 0, msg);
        }
    printf("# %u cut points in all\n", total);
    return tap_done();
}
