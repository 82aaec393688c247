/* SPDX-License-Identifier: MIT
 * fuzz_asm.c — libFuzzer harness for senseasm's inputs: the bytes are assembled (and, if
 * that succeeds, linked and the image disassembled), read as an ELF object, and read as an
 * image. Built with -Dfuzz=libfuzzer; seeds: tests/assembler/progs/.
 */
#include <sensevm/asm.h>

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    svasm_diags_t d = {0};
    svasm_obj_t *o = svasm_assemble("f.s", (const char *)data, size, &d);
    if (o) {
        char *t = svasm_disasm_obj(o);
        free(t);
        svasm_input_t in = {"f.s", NULL, 0, o};
        svasm_link_opts_t lo;
        svasm_link_opts_init(&lo);
        lo.no_dce = size & 1;
        char *map = NULL;
        lo.map = &map;
        uint8_t *img;
        uint32_t len;
        if (svasm_link(&in, 1, &lo, &img, &len, &d) == 0) {
            svasm_image_t im;
            if (svasm_image_parse(img, len, &im, &d, "f.svm") == 0) {
                t = svasm_disasm_image(&im);
                free(t);
            }
            free(img);
            free(map);
        }
        svasm_obj_free(o);
    }
    if (svasm_is_elf(data, size)) {
        o = svasm_obj_from_elf("f.o", data, size, &d);
        if (o) {
            char *t = svasm_disasm_obj(o);
            free(t);
            svasm_obj_free(o);
        }
    }
    svasm_image_t im;
    if (svasm_image_parse(data, size, &im, &d, "f.svm") == 0) {
        char *t = svasm_disasm_image(&im);
        free(t);
        t = svasm_info_image(&im);
        free(t);
    }
    svasm_diags_free(&d);
    return 0;
}
