/* SPDX-License-Identifier: MIT
 * tap.h — a tiny TAP printer for on-target tests (Criterion needs fork and pthreads, so
 * firmware tests print TAP over semihosting and meson parses it: protocol 'tap').
 */
#ifndef SVM_TAP_H
#define SVM_TAP_H

void tap_plan(int n);
/* Report one test; returns ok so that callers can stop early. */
int tap_ok(int ok, const char *what);
void tap_diag(const char *msg);
/* main's return value: 0 when all passed (the exit status reaches meson via semihosting). */
int tap_done(void);

#endif
