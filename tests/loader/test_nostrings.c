/* SPDX-License-Identifier: MIT
 * test_nostrings.c — the validator built with SVL_CFG_NO_STRINGS: names and messages are
 * empty, validation is unchanged. Reads two committed corpus images. Exit 0 = pass.
 */
#include <sensevm/loader.h> /* first: the public header compiles on its own */

#include <stdio.h>
#include <string.h>

static int failures;
#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                  \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static svl_result_t validate_file(const char *dir, const char *name)
{
    static uint8_t b[1 << 16];
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        failures++;
        return SVL_OK;
    }
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    return svl_validate(b, n, NULL, NULL);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    CHECK(validate_file(argv[1], "good.svm") == SVL_OK);
    CHECK(validate_file(argv[1], "bad_crc.svm") == SVL_bad_crc);
    CHECK(validate_file(argv[1], "stack_underflow.svm") == SVL_stack_underflow);
    CHECK(strcmp(svl_result_name(SVL_bad_crc), "") == 0);
    CHECK(strcmp(svl_result_message(SVL_bad_crc), "") == 0);
    return failures ? 1 : 0;
}
