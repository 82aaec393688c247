/* SPDX-License-Identifier: MIT
 * fuzz_sensec.c — libFuzzer harness for sensec's front end (issue 13): each input is one
 * source file, parsed, type-checked and compiled (pattern-match compilation and code
 * generation) in process through the sensec_core library, the embedded stdlib typed once
 * at start-up as the driver does. A user error longjmps back here through the driver's
 * hook (fatal_jmp). Each input runs on a thread with the driver's large stack, so that
 * check_nesting ("nesting too deep") guards the passes' recursion as in sensec itself: a
 * crash on deep input is a real finding. The compiler's arena is never freed (by design),
 * so leak detection is off (sensec_inproc.c); diagnostics go to stderr
 * (-close_fd_mask=2 hides them).
 *   build-fuzz/tests/fuzz/fuzz_sensec -max_total_time=60 -close_fd_mask=2 \
 *     fuzz-corpus/ tests/golden/progs/
 */
#include "ast.h"
#include "sensec_inproc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    sink = fopen("/dev/null", "w");
    inproc_load_stdlib();
    return 0;
}

/* One worker thread with the driver's stack size runs every input (a thread per input
 * would make ASan clear the shadow of a 1 GB stack each time). */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static const uint8_t *job_data;
static size_t job_size;
static int job_state; /* 0 idle, 1 posted, 2 done */

static void compile(const uint8_t *data, size_t size)
{
    inproc_compile("fuzz.ml", (const char *)data, size, sink);
}

static void *worker(void *arg)
{
    char base;
    (void)arg;
    stack_base = &base;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (job_state != 1)
            pthread_cond_wait(&cv, &mu);
        pthread_mutex_unlock(&mu);
        compile(job_data, job_size);
        pthread_mutex_lock(&mu);
        job_state = 2;
        pthread_cond_broadcast(&cv);
    }
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int started;
    if (!started) {
        pthread_attr_t attr;
        pthread_t t;
        if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, SENSEC_STACK_SIZE) ||
            pthread_create(&t, &attr, worker, NULL))
            abort();
        started = 1;
    }
    pthread_mutex_lock(&mu);
    job_data = data;
    job_size = size;
    job_state = 1;
    pthread_cond_broadcast(&cv);
    while (job_state != 2)
        pthread_cond_wait(&cv, &mu);
    job_state = 0;
    pthread_mutex_unlock(&mu);
    return 0;
}
