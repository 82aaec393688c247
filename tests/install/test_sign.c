/* SPDX-License-Identifier: MIT
 * test_sign.c — the installer's optional Ed25519 signature policy (svl_install_ex,
 * svl_boot_select_ex) with libsodium as the verifier: a good signature installs and boots,
 * a wrong key or a tampered signature is refused before any flash operation, an unsigned
 * image is refused when a signature is required, and boot selection skips a badly signed
 * slot. Suite 'install'; built only when libsodium is found.
 */
#include <criterion/criterion.h>
#include <sodium.h>
#include <string.h>

#include <sensevm/bytecode.h>
#include <sensevm/loader.h>

#include "../loader/corpus.h"
#include "simflash.h"

static uint8_t work[256];
static uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
static uint8_t pk2[crypto_sign_PUBLICKEYBYTES], sk2[crypto_sign_SECRETKEYBYTES];

static int verify(void *ctx, const uint8_t digest[32], const uint8_t sig[64])
{
    return crypto_sign_verify_detached(sig, digest, 32, ctx) == 0 ? 0 : -1;
}

static void keys(void)
{
    uint8_t seed[crypto_sign_SEEDBYTES];
    cr_assert_geq(sodium_init(), 0);
    memset(seed, 7, sizeof seed);
    crypto_sign_seed_keypair(pk, sk, seed);
    memset(seed, 9, sizeof seed);
    crypto_sign_seed_keypair(pk2, sk2, seed);
}

/* A signed image: the signature over the digest goes into the SIGNATURE section, which
 * the digest does not cover; sealing again only changes the CRC. */
static void make_signed(corpus_img_t *im, uint32_t gen, const uint8_t *key)
{
    corpus_build(im, V_SIGNED);
    svbc_write_i32(im->b + im->man_off + SVMF_OFF_HEARTBEAT, (int32_t)gen);
    corpus_reseal(im);
    uint8_t digest[32];
    svimg_digest(im->b, im->size, digest);
    crypto_sign_detached(im->b + im->sig_off, NULL, digest, 32, key);
    corpus_reseal(im);
    cr_assert_eq(memcmp(digest, im->b + SVIMG_OFF_SHA, 32), 0);
}

typedef struct rig {
    simflash_t s;
    svl_flash_t f;
    svl_slots_t sl;
} rig_t;

static void rig(rig_t *r)
{
    sim_init(&r->s, 256, 40, 4);
    r->f = sim_flash(&r->s, 1, SVL_FLASH_REPROGRAM);
    r->sl = (svl_slots_t){{0, 20}, 20};
}

Test(install, signed_image_installs_and_boots)
{
    keys();
    rig_t r;
    rig(&r);
    corpus_img_t im;
    make_signed(&im, 1, sk);
    svl_sig_policy_t pol = {verify, pk, 1};
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, im.b, im.size, work, sizeof work, &pol, NULL),
                 SVL_INST_OK);
    svl_boot_t bt;
    cr_assert_eq(svl_boot_select_ex(&r.f, &r.sl, NULL, 0, work, sizeof work, &pol, &bt),
                 SVL_INST_OK);
    cr_assert_eq(memcmp(bt.image.sha256, im.b + SVIMG_OFF_SHA, 32), 0);
    sim_free(&r.s);
}

Test(install, bad_signatures_refused_before_flash)
{
    keys();
    rig_t r;
    rig(&r);
    svl_sig_policy_t pol = {verify, pk, 1};
    corpus_img_t im;
    make_signed(&im, 1, sk2); /* the wrong key */
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, im.b, im.size, work, sizeof work, &pol, NULL),
                 SVL_INST_BAD_SIGNATURE);
    make_signed(&im, 1, sk);
    im.b[im.sig_off + 5] ^= 1; /* tampered signature, CRC made good again */
    corpus_reseal(&im);
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, im.b, im.size, work, sizeof work, &pol, NULL),
                 SVL_INST_BAD_SIGNATURE);
    corpus_build(&im, V_BASE); /* unsigned */
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, im.b, im.size, work, sizeof work, &pol, NULL),
                 SVL_INST_UNSIGNED);
    cr_assert_eq(r.s.nwrite + r.s.nerase, 0, "flash untouched");
    pol.require = 0; /* unsigned images allowed, signed ones still checked */
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, im.b, im.size, work, sizeof work, &pol, NULL),
                 SVL_INST_OK);
    cr_assert_str_eq(svl_inst_result_name(SVL_INST_UNSIGNED), "unsigned");
    sim_free(&r.s);
}

Test(install, boot_skips_a_badly_signed_slot)
{
    keys();
    rig_t r;
    rig(&r);
    svl_sig_policy_t pol = {verify, pk, 1};
    corpus_img_t good, bad;
    make_signed(&good, 1, sk);
    make_signed(&bad, 2, sk2);
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, good.b, good.size, work, sizeof work, &pol, NULL),
                 SVL_INST_OK);
    /* written without the policy (e.g. by an older firmware): newer, in slot B */
    cr_assert_eq(svl_install(&r.f, &r.sl, bad.b, bad.size, work, sizeof work, NULL), SVL_INST_OK);
    svl_boot_t bt;
    cr_assert_eq(svl_boot_select(&r.f, &r.sl, NULL, 0, work, sizeof work, &bt), SVL_INST_OK);
    cr_assert_eq(bt.slot, 1);
    cr_assert_eq(svl_boot_select_ex(&r.f, &r.sl, NULL, 0, work, sizeof work, &pol, &bt),
                 SVL_INST_OK);
    cr_assert_eq(bt.slot, 0, "the badly signed newer slot is skipped");
    /* and an install under the policy replaces the bad slot, keeping the good one */
    corpus_img_t next;
    make_signed(&next, 3, sk);
    svl_install_info_t info;
    cr_assert_eq(svl_install_ex(&r.f, &r.sl, next.b, next.size, work, sizeof work, &pol, &info),
                 SVL_INST_OK);
    cr_assert_eq(info.slot, 1);
    cr_assert_eq(svl_boot_select_ex(&r.f, &r.sl, NULL, 0, work, sizeof work, &pol, &bt),
                 SVL_INST_OK);
    cr_assert_eq(bt.slot, 1);
    cr_assert_eq(memcmp(bt.image.sha256, next.b + SVIMG_OFF_SHA, 32), 0);
    sim_free(&r.s);
}
