/* SPDX-License-Identifier: MIT
 * nesting_limit.c — sensec's "nesting too deep" at its documented limit (docs/sensec.md,
 * "Deeply nested input"; issue 13). The recursive passes stop when they have used 7/8 of
 * the driver's SENSEC_STACK_SIZE stack. Reaching that with real input takes millions of
 * levels and minutes, so this test runs the front end in process on a thread of that size
 * with stack_base placed as if all but HEADROOM bytes of the 7/8 were used already: the
 * limit is then reached after HEADROOM bytes of real recursion. Each deep program must
 * stop with the error (a clean longjmp, no crash, the message on stderr); the same
 * programs nested shallowly, and the deep ones with the whole stack, must compile.
 */
#define _POSIX_C_SOURCE 200809L
#include "ast.h"
#include "sensec_inproc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEADROOM ((size_t)2 << 20)

static char *prog(const char *kind, int n)
{
    size_t cap = (size_t)n * 16 + 64, k = 0;
    char *s = malloc(cap);
    if (!s)
        abort();
    k += (size_t)sprintf(s + k, "let x = ");
    for (int i = 0; i < n; i++) {
        if (!strcmp(kind, "plus"))
            k += (size_t)sprintf(s + k, i ? " + 1" : "1");
        else if (!strcmp(kind, "list"))
            k += (size_t)sprintf(s + k, i ? "; 1" : "[1");
        else if (!strcmp(kind, "cons"))
            k += (size_t)sprintf(s + k, "1 :: ");
        else
            k += (size_t)sprintf(s + k, "Some (");
    }
    if (!strcmp(kind, "list"))
        k += (size_t)sprintf(s + k, "]");
    else if (!strcmp(kind, "cons"))
        k += (size_t)sprintf(s + k, "[]");
    else if (!strcmp(kind, "some")) {
        k += (size_t)sprintf(s + k, "1");
        for (int i = 0; i < n; i++)
            s[k++] = ')';
    }
    sprintf(s + k, "\n");
    return s;
}

struct job {
    const char *kind;
    int n, limited, errors;
};

static void *run(void *arg)
{
    struct job *j = arg;
    char base = 0;
    uintptr_t b = (uintptr_t)&base;
    if (j->limited) /* the stack grows down: pretend it is used up to HEADROOM of the limit */
        b += SENSEC_STACK_SIZE / 8 * 7 - HEADROOM;
    stack_base = (char *)b;
    char *src = prog(j->kind, j->n);
    FILE *sink = fopen("/dev/null", "w");
    j->errors = inproc_compile("deep.ml", src, strlen(src), sink);
    fclose(sink);
    free(src);
    stack_base = NULL;
    return NULL;
}

static int compile_on_thread(const char *kind, int n, int limited)
{
    struct job j = {kind, n, limited, -1};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, SENSEC_STACK_SIZE) ||
        pthread_create(&t, &attr, run, &j) || pthread_join(t, NULL))
        abort();
    return j.errors;
}

int main(void)
{
    static const char *const kinds[] = {"plus", "list", "cons", "some"};
    int fails = 0;
    inproc_load_stdlib();
    /* diagnostics to a file, to look for the message */
    char path[] = "/tmp/nesting_limit.XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || dup2(fd, 2) < 0)
        return 1;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        const char *kind = kinds[k];
        off_t before = lseek(2, 0, SEEK_END);
        int shallow = compile_on_thread(kind, 50, 1);
        int deep = compile_on_thread(kind, 20000, 1);
        int full = compile_on_thread(kind, 20000, 0);
        off_t after = lseek(2, 0, SEEK_END);
        char *log = calloc(1, (size_t)(after - before) + 1);
        if (!log || pread(fd, log, (size_t)(after - before), before) < 0)
            return 1;
        int said = strstr(log, "nesting too deep") != NULL;
        int ok = shallow == 0 && deep > 0 && said && full == 0;
        fprintf(stdout,
                "%s %-5s: 50 levels %s; 20000 levels with %zu bytes of stack left "
                "%s%s; 20000 levels with the whole stack %s\n",
                ok ? "ok  " : "FAIL", kind, shallow ? "REFUSED" : "compile", HEADROOM,
                deep > 0 ? "refused" : "COMPILE", said ? " (nesting too deep)" : " (NO MESSAGE)",
                full ? "REFUSED" : "compile");
        fails += !ok;
        free(log);
    }
    unlink(path);
    return fails != 0;
}
