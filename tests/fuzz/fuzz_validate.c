/* SPDX-License-Identifier: MIT
 * fuzz_validate.c — libFuzzer harness for svl_validate. Each input is validated as is, and
 * again with its size field set to the input length and freshly sealed (SHA-256 + CRC-32),
 * so that the fuzzer reaches the section, manifest, constant and code rules instead of
 * stopping at the checksums. It aborts if the result depends on the work-buffer size or if
 * an accepted image breaks what the interpreter relies on.
 */
#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/loader.h>

#include <stdlib.h>
#include <string.h>

static void check_with(const uint8_t *img, size_t len, uint8_t *work, size_t wsize)
{
    svl_image_t out;
    uint32_t off1 = 0, off2 = 0, off3 = 0;
    svl_result_t r1 = svl_validate(img, len, &out, &off1);
    svl_result_t r2 = svl_validate_ex(img, len, work, 1 + len % 5, NULL, &off2);
    svl_result_t r3 = svl_validate_ex(img, len, work, wsize, &out, &off3);
    /* the result does not depend on the work memory, except that the static stack check
     * may find it too small (loader.h); with SVL_WORK_SIZE it never is */
    if (r3 == SVL_stack_work_too_small)
        abort();
    if (r2 != SVL_stack_work_too_small && (r2 != r3 || off2 != off3))
        abort();
    if (r1 == SVL_stack_work_too_small) {
        r1 = r3;
        off1 = off3;
    }
    if (r1 != r3 || off1 != off3)
        abort();
    if (svl_result_name(r1)[0] == '\0' || svl_result_message(r1)[0] == '\0')
        abort();
    if (r1 != SVL_OK)
        return;
    /* What the interpreter relies on: every instruction decodes inside the code, every
     * operand index is in range, constants lie inside the pool. */
    uint32_t pc = 0, last = 0;
    svbc_insn_t in;
    while (pc < out.code_size) {
        uint32_t n = svbc_decode(out.code + pc, out.code_size - pc, &in);
        if (n == 0)
            abort();
        for (unsigned i = 0, k = 0; svbc_opinfo[in.op].operands[k]; k++, i++) {
            char kind = svbc_opinfo[in.op].operands[k];
            if (kind == SVBC_OPND_CONST && (uint32_t)in.opnd[i] >= out.nconsts)
                abort();
            if (kind == SVBC_OPND_GLOBAL && (uint32_t)in.opnd[i] >= out.manifest.globals)
                abort();
            if (kind == SVBC_OPND_SERVICE && !svbc_svcinfo[in.opnd[i]].name)
                abort();
            if (kind == SVBC_OPND_TABLE)
                i++;
        }
        last = pc;
        pc += n;
    }
    if (!(svbc_opinfo[out.code[last]].flags & SVBC_F_END) || out.manifest.entry >= out.code_size)
        abort();
    for (uint32_t k = 0; k < out.nconsts; k++) {
        uint32_t o = svl_const_value(&out, k) & ~3u;
        if (o + 4 > out.consts_size)
            abort();
        uint32_t h = (uint32_t)svbc_read_i32(out.consts + o);
        if ((out.consts_size - o - 4) / 4 < SVOBJ_SIZE(h))
            abort();
    }
}

static void check(const uint8_t *img, size_t len)
{
    /* exactly the documented need for this length, on the heap: ASan reports any use of
     * work memory beyond SVL_WORK_SIZE (a static buffer for the largest image was 48 MB) */
    size_t wsize = SVL_WORK_SIZE(len <= SVIMG_MAX_SIZE ? len : SVIMG_MAX_SIZE);
    uint8_t *work = malloc(wsize);
    if (!work)
        return;
    check_with(img, len, work, wsize);
    free(work);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* exact-size heap copies, so that ASan sees any read past the end */
    uint8_t *img = malloc(size ? size : 1);
    if (!img)
        return 0;
    memcpy(img, data, size);
    check(img, size);
    if (size >= SVIMG_HEADER_SIZE && size <= SVIMG_MAX_SIZE) {
        svbc_write_i32(img + SVIMG_OFF_SIZE, (int32_t)size);
        svimg_seal(img, (uint32_t)size);
        check(img, size);
    }
    free(img);
    return 0;
}
