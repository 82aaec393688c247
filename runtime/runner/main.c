/* SPDX-License-Identifier: MIT
 * sensevm-run — the desktop runner: parse the command line into one configuration
 * (options.c) and run the images under the container scheduler (scheduled.c) or, with
 * --no-sched, one image on the bare VM (bare.c). Options, exit statuses: --help,
 * docs/man/sensevm-run.1, docs/runtime.md.
 */
#include "runner.h"

int main(int argc, char **argv)
{
    static runner_cfg_t cfg;
    int r = runner_parse(argc, argv, &cfg);
    if (r >= 0)
        return r;
    return cfg.no_sched ? runner_run_bare(&cfg) : runner_run_scheduled(&cfg);
}
