/* SPDX-License-Identifier: MIT
 * tap.c — the TAP printer of tap.h (stdout goes over semihosting).
 */
#include "tap.h"

#include <stdio.h>

static int tap_n, tap_failed;

void tap_plan(int n) { printf("1..%d\n", n); }

int tap_ok(int ok, const char *what)
{
    tap_n++;
    if (!ok)
        tap_failed++;
    printf("%s %d - %s\n", ok ? "ok" : "not ok", tap_n, what);
    return ok;
}

void tap_diag(const char *msg) { printf("# %s\n", msg); }

int tap_done(void) { return tap_failed ? 1 : 0; }
