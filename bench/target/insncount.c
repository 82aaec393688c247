/* SPDX-License-Identifier: MIT
 * insncount.c — a QEMU TCG plugin (host shared object) that counts the guest instructions
 * executed, exactly, and prints the running count each time the guest reaches one of the
 * marker addresses given as arguments. Debian's QEMU loads plugins (-plugin) but ships
 * neither its example plugins nor qemu-plugin.h, so the few entry points of QEMU's stable
 * plugin API (version 1, QEMU 7.x) used here are declared below, from its documentation.
 *
 *   qemu-system-arm ... -icount shift=0,sleep=off \
 *       -plugin libinsncount.so,mark=0x1234,mark=0x5678 -d plugin -D out.txt
 *
 * prints, to QEMU's log (-d plugin; -D FILE sends it to FILE):
 *   insncount: mark I COUNT    whenever the instruction at the I-th mark (0-based) is about
 *                              to execute; COUNT = instructions executed before it
 *   insncount: total COUNT     when QEMU exits
 * Every instruction gets an inline add (no call), so the count is exact even where a
 * translation block is left early (an exception, an I/O access under -icount). Marks are
 * instruction addresses (a Thumb function's symbol value with bit 0 cleared).
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the plugin API entry points used (QEMU's include/qemu/qemu-plugin.h, version 1) --- */
typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS = 0 };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 = 0 };
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
                                                enum qemu_plugin_op op, void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                            qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
void qemu_plugin_outs(const char *string);
__attribute__((visibility("default"))) extern int qemu_plugin_version;
__attribute__((visibility("default"))) int
qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv);
/* --- end of the API declarations --- */

int qemu_plugin_version = 1;

#define MAXMARKS 16
static uint64_t count; /* one vCPU (Cortex-M): no per-CPU counters needed */
static uint64_t marks[MAXMARKS];
static unsigned nmarks;

static void at_mark(unsigned int vcpu, void *udata)
{
    char line[80];
    (void)vcpu;
    snprintf(line, sizeof line, "insncount: mark %u %" PRIu64 "\n", (unsigned)(uintptr_t)udata,
             count);
    qemu_plugin_outs(line);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t pc = qemu_plugin_insn_vaddr(insn);
        for (unsigned m = 0; m < nmarks; m++)
            if (marks[m] == pc)
                qemu_plugin_register_vcpu_insn_exec_cb(insn, at_mark, QEMU_PLUGIN_CB_NO_REGS,
                                                       (void *)(uintptr_t)m);
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &count, 1);
    }
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
    char line[80];
    (void)id;
    (void)udata;
    snprintf(line, sizeof line, "insncount: total %" PRIu64 "\n", count);
    qemu_plugin_outs(line);
}

int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        char *end;
        if (strncmp(argv[i], "mark=", 5) != 0 || nmarks == MAXMARKS) {
            fprintf(stderr, "insncount: bad argument '%s' (want mark=ADDRESS, at most %d)\n",
                    argv[i], MAXMARKS);
            return -1;
        }
        marks[nmarks] = strtoull(argv[i] + 5, &end, 0) & ~(uint64_t)1;
        if (*end != '\0' || end == argv[i] + 5) {
            fprintf(stderr, "insncount: bad address in '%s'\n", argv[i]);
            return -1;
        }
        nmarks++;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
