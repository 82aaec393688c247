/* SPDX-License-Identifier: MIT
 * image.c — sealing an image: the SHA-256 digest and CRC-32 that the loader checks. Shared
 * by the linker (which writes images) and the tests (which forge them).
 */
#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <string.h>

/* Digest of img[0..len) with the CRC and SHA fields and the SIGNATURE section's contents
 * read as zero (the section table must already be in place). */
void svimg_digest(const uint8_t *img, uint32_t len, uint8_t digest[32])
{
    static const uint8_t zero[64] = {0};
    svbc_sha256_t s;
    svbc_sha256_init(&s);
    uint32_t sig_off = 0, sig_size = 0;
    if (len >= SVIMG_HEADER_SIZE) {
        uint32_t n = svbc_read_u16(img + SVIMG_OFF_NSECT);
        for (uint32_t i = 0; i < n && i < SVIMG_MAX_SECTIONS; i++) {
            uint32_t e = SVIMG_HEADER_SIZE + i * SVIMG_SECT_ENTRY_SIZE;
            if ((uint64_t)e + SVIMG_SECT_ENTRY_SIZE > len)
                break;
            if ((uint32_t)svbc_read_i32(img + e) == SVIMG_SECT_SIGNATURE) {
                sig_off = (uint32_t)svbc_read_i32(img + e + 4);
                sig_size = (uint32_t)svbc_read_i32(img + e + 8);
            }
        }
    }
    if ((uint64_t)sig_off + sig_size > len || sig_off < SVIMG_OFF_SHA + 32)
        sig_off = sig_size = 0;
    svbc_sha256_update(&s, img, SVIMG_OFF_CRC);
    svbc_sha256_update(&s, zero, 4 + 32);
    uint32_t pos = SVIMG_OFF_SHA + 32;
    if (sig_size) {
        svbc_sha256_update(&s, img + pos, sig_off - pos);
        for (uint32_t left = sig_size; left;) {
            uint32_t n = left < sizeof zero ? left : (uint32_t)sizeof zero;
            svbc_sha256_update(&s, zero, n);
            left -= n;
        }
        pos = sig_off + sig_size;
    }
    svbc_sha256_update(&s, img + pos, len - pos);
    svbc_sha256_final(&s, digest);
}

/* CRC-32 of img[0..len) with the CRC field read as zero. */
uint32_t svimg_crc(const uint8_t *img, uint32_t len)
{
    static const uint8_t zero[4] = {0};
    uint32_t c = svbc_crc32(0, img, SVIMG_OFF_CRC);
    c = svbc_crc32(c, zero, 4);
    return svbc_crc32(c, img + SVIMG_OFF_CRC + 4, len - SVIMG_OFF_CRC - 4);
}

void svimg_seal(uint8_t *img, uint32_t len)
{
    uint8_t d[32];
    svimg_digest(img, len, d);
    memcpy(img + SVIMG_OFF_SHA, d, 32);
    svbc_write_i32(img + SVIMG_OFF_CRC, (int32_t)svimg_crc(img, len));
}
