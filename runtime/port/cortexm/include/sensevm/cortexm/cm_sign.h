/* SPDX-License-Identifier: MIT
 * cm_sign.h — Ed25519 signature verification on the target, for the installer's signature
 * policy (svl_sig_policy_t, loader.h; docs/flash.md §5a). Built only when the cross build is
 * configured with -Dsodium_src=PATH (scripts/fetch-sodium-src.sh): the curve arithmetic,
 * SHA-512 and the verification itself are Debian's libsodium 1.0.18 (ref10), compiled from
 * its source package for the target; this file only adapts the calling convention.
 */
#ifndef SVM_CM_SIGN_H
#define SVM_CM_SIGN_H

#include <stdint.h>

#include <sensevm/loader.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The svl_sig_policy_t verify callback: ctx is the 32-byte Ed25519 public key; checks that
 * sig is its signature of the 32-byte image digest (crypto_sign_ed25519_verify_detached, as
 * `senseasm --sign` made it with crypto_sign_detached). Returns 0 if it is, -1 if not. */
int svm_cm_ed25519_verify(void *ctx, const uint8_t digest[32], const uint8_t sig[64]);

/* A policy around it: `require` non-zero refuses unsigned images too. */
static inline svl_sig_policy_t svm_cm_sig_policy(const uint8_t pubkey[32], int require)
{
    svl_sig_policy_t p = {svm_cm_ed25519_verify, (void *)(uintptr_t)pubkey, require};
    return p;
}

#ifdef __cplusplus
}
#endif

#endif
