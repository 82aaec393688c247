/* SPDX-License-Identifier: MIT
 * helpers.h — manifests and containers for the scheduler tests (no images needed).
 */
#ifndef TEST_SCHED_HELPERS_H
#define TEST_SCHED_HELPERS_H

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <sensevm/sched.h>

/* Test allocations stay reachable (so LeakSanitizer stays quiet) and live until exit. */
static inline void *talloc(size_t n)
{
    static void **keep;
    static size_t nkeep, capkeep;
    if (nkeep == capkeep) {
        capkeep = capkeep ? capkeep * 2 : 256;
        void **nk = realloc(keep, capkeep * sizeof *keep);
        cr_assert_not_null(nk);
        keep = nk;
    }
    void *p = calloc(1, n);
    cr_assert_not_null(p);
    keep[nkeep++] = p;
    return p;
}

static inline svl_manifest_t *mk_mf(const char *name, uint8_t prio, uint16_t ctxs, uint16_t chans)
{
    svl_manifest_t *mf = talloc(sizeof *mf);
    strncpy(mf->name, name, SVIMG_NAME_MAX - 1);
    mf->priority = prio;
    mf->policy = SVMF_POLICY_STOP;
    mf->max_contexts = ctxs;
    mf->max_channels = chans;
    mf->heap_size = 4096;
    mf->stack_size = 1024;
    return mf;
}

static inline void mf_device(svl_manifest_t *mf, const char *dev)
{
    strncpy(mf->devices[mf->ndevices++], dev, SVIMG_NAME_MAX - 1);
}

static inline void mf_xchan(svl_manifest_t *mf, const char *name, uint8_t dir, uint8_t policy,
                            uint16_t depth)
{
    svl_xchan_t *x = &mf->xchans[mf->nxchans++];
    strncpy(x->name, name, SVIMG_NAME_MAX - 1);
    x->dir = dir;
    x->policy = policy;
    x->depth = depth;
}

static inline svm_container_t *mk_cont(const svl_manifest_t *mf)
{
    svm_container_t *c = talloc(sizeof *c);
    size_t n = svm_container_mem_size(mf->max_contexts, mf->max_channels);
    cr_assert_eq(svm_container_init(c, mf, talloc(n), n), SVM_S_OK);
    return c;
}

#endif
