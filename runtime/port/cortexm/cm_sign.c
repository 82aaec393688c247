/* SPDX-License-Identifier: MIT
 * cm_sign.c — the target's Ed25519 verifier (cm_sign.h) over libsodium's
 * crypto_sign_ed25519_verify_detached, compiled from Debian's libsodium 1.0.18 source.
 */
#include <sensevm/cortexm/cm_sign.h>

#include <crypto_sign_ed25519.h>

int svm_cm_ed25519_verify(void *ctx, const uint8_t digest[32], const uint8_t sig[64])
{
    if (!ctx)
        return -1;
    return crypto_sign_ed25519_verify_detached(sig, digest, 32, (const unsigned char *)ctx) == 0
               ? 0
               : -1;
}
