/* SPDX-License-Identifier: MIT
 * imagegen.h — a generator of random VALID container images at the bytecode level
 * (issue 13): random constants, globals, manifest and code — functions, closures, partial
 * and over-application, tail calls, loops, switches, exception handlers, structural
 * comparison, allocation of every kind, every service — typed enough that programs run
 * deep before they trap, plus untyped "chaos" instructions and stray jumps that no
 * compiler emits. Everything it makes must pass svl_validate (the driver checks).
 */
#ifndef TESTS_IMAGEGEN_H
#define TESTS_IMAGEGEN_H

#include <stddef.h>
#include <stdint.h>

/* The source of the random choices: a seed, or (the fuzzer) the input's bytes, used in
 * order and then a generator seeded from them, so that a mutation of the input changes
 * a decision of the program. */
typedef struct imagegen_rng {
    const uint8_t *data;
    size_t len, pos;
    uint64_t s;
} imagegen_rng_t;

void imagegen_seed(imagegen_rng_t *r, uint64_t seed);
void imagegen_seed_bytes(imagegen_rng_t *r, const uint8_t *data, size_t len);
uint32_t imagegen_rand(imagegen_rng_t *r, uint32_t n); /* uniform-ish in [0, n), n >= 1 */

/* Largest image imagegen_build makes. */
#define IMAGEGEN_MAX_IMAGE (64u << 10)

/* Build a sealed image into buf[0..IMAGEGEN_MAX_IMAGE); returns its size. */
size_t imagegen_build(imagegen_rng_t *r, uint8_t *buf);

#endif
