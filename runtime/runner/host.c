/* SPDX-License-Identifier: MIT
 * host.c — what both run modes of sensevm-run need from the host: reading an image (and
 * saying what a file of the wrong kind is), validating it and checking its signature,
 * the VM output callbacks, instruction trace lines and trap reports.
 */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"

#include <sensevm/bytecode.h>
#include <sensevm/color.h>
#include <sensevm/image.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef SVM_RUNNER_HAVE_SODIUM
#include <sodium.h>
#endif

uint32_t runner_gc_step(void)
{
    const char *e = getenv("SENSEVM_GC_STEP");
    return e ? (uint32_t)strtoul(e, NULL, 10) : 0u;
}

void runner_write(void *user, int stream, const char *buf, size_t len)
{
    (void)user;
    if (stream == 2) {
        fflush(stdout);
        fwrite(buf, 1, len, stderr);
    } else {
        fwrite(buf, 1, len, stdout);
    }
}

void runner_flush(void *user)
{
    (void)user;
    fflush(stdout);
    fflush(stderr);
}

/* A whole file into malloc'd memory, at most `max` bytes (+1, so that a longer file is
 * seen as longer). NULL with errno on error. */
static uint8_t *read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) {
            if (ferror(f)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        if (cap > max)
            break;
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* What a file that is not an image is, and what to do with it; NULL if unknown. */
static const char *wrong_kind(const char *path, const uint8_t *b, size_t len, char *buf, size_t cap)
{
    const char *dot = strrchr(path, '.');
    int stem = (int)(dot && !strchr(dot, '/') ? dot - path : (ptrdiff_t)strlen(path));
    if (len >= 4 && !memcmp(b,
                            "\x7f"
                            "ELF",
                            4))
        snprintf(buf, cap,
                 "%s is a Sense object file (ELF), not a container image; link it "
                 "with senseasm -o %.*s.svm %s",
                 path, stem, path, path);
    else if (len >= 8 && !memcmp(b, "!<arch>\n", 8))
        snprintf(buf, cap,
                 "%s is an archive of object files, not a container image; link a "
                 "program with it: senseasm -o app.svm app.o %s",
                 path, path);
    else if (has_suffix(path, ".hex") || (len >= 1 && b[0] == ':'))
        snprintf(buf, cap,
                 "%s is Intel HEX (for flashing a board), not a container image; "
                 "run the .svm image it was made from",
                 path);
    else if (has_suffix(path, ".ml"))
        snprintf(buf, cap,
                 "%s is OCaml-subset source, not a container image; compile it "
                 "first: sensec -o %.*s.svm %s",
                 path, stem, path, path);
    else if (has_suffix(path, ".s"))
        snprintf(buf, cap,
                 "%s is CAM assembly, not a container image; assemble and link it "
                 "first: senseasm -o %.*s.svm %s",
                 path, stem, path, path);
    else if (has_suffix(path, ".c"))
        snprintf(buf, cap,
                 "%s is C source (senseasm --format=c makes an image into a C "
                 "array for firmware), not a container image; run the .svm image",
                 path);
    else
        return NULL;
    return buf;
}

/* The public key file: 32 bytes as 64 hex digits, white space ignored. Returns 0 if ok. */
static int read_pubkey(const char *path, uint8_t key[32])
{
    size_t len;
    uint8_t *buf = read_file(path, 4096, &len);
    if (!buf)
        return -1;
    size_t n = 0;
    int hi = -1, bad = len > 4096;
    for (size_t i = 0; i < len && !bad; i++) {
        int c = buf[i], v;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        v = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
        if (v < 0 || (hi >= 0 && n >= 32))
            bad = 1;
        else if (hi < 0)
            hi = v;
        else {
            key[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    free(buf);
    return bad || hi >= 0 || n != 32 ? -1 : 0;
}

/* --verify-key: 0 when the image is signed with the key; else a diagnostic and a status. */
static int verify(const char *keyfile, const char *path, const uint8_t *bytes,
                  const svl_image_t *img)
{
#ifdef SVM_RUNNER_HAVE_SODIUM
    uint8_t pubkey[32];
    if (sodium_init() < 0) {
        fprintf(stderr, "%s: libsodium failed to initialise\n", runner_prog);
        return RUNNER_EXIT_USAGE;
    }
    if (read_pubkey(keyfile, pubkey) != 0) {
        fprintf(stderr, "%s: %s: not a public key file (expected 64 hex digits)\n", runner_prog,
                keyfile);
        return RUNNER_EXIT_USAGE;
    }
    /* The SHA-256 digest reads the SIGNATURE contents as zero (image-format.md §8). */
    uint8_t digest[32];
    svimg_digest(bytes, img->size, digest);
    if (!img->signature || img->signature_size != crypto_sign_BYTES ||
        crypto_sign_verify_detached(img->signature, digest, sizeof digest, pubkey) != 0) {
        fprintf(stderr, "%s: %s: invalid image: bad signature\n", runner_prog, path);
        return RUNNER_EXIT_INPUT;
    }
    return 0;
#else
    (void)read_pubkey, (void)keyfile, (void)path, (void)bytes, (void)img;
    fprintf(stderr,
            "%s: --verify-key needs libsodium, and this sensevm-run was built "
            "without it (install libsodium-dev and reconfigure)\n",
            runner_prog);
    return RUNNER_EXIT_USAGE;
#endif
}

uint8_t *runner_load_image(const runner_cfg_t *cfg, const char *path, svl_image_t *img, int *status)
{
    size_t len;
    uint8_t *bytes = read_file(path, SVIMG_MAX_SIZE, &len);
    *status = RUNNER_EXIT_INPUT;
    if (!bytes) {
        fprintf(stderr, "%s: %s: cannot read: %s\n", runner_prog, path, strerror(errno));
        return NULL;
    }
    char msg[768];
    if ((len < 4 || memcmp(bytes, SVIMG_MAGIC, 4)) &&
        wrong_kind(path, bytes, len, msg, sizeof msg)) {
        fprintf(stderr, "%s: %s\n", runner_prog, msg);
        free(bytes);
        return NULL;
    }
    uint32_t off = 0;
    /* the validator's scratch: the branch-target bitmap and the stack check's table */
    uint8_t *work = malloc(SVL_WORK_SIZE(len));
    svl_result_t vr = work ? svl_validate_ex(bytes, len, work, SVL_WORK_SIZE(len), img, &off)
                           : svl_validate(bytes, len, img, &off);
    free(work);
    if (vr != SVL_OK) {
        fprintf(stderr, "%s: %s: invalid image: %s at offset 0x%x\n", runner_prog, path,
                svl_result_message(vr), off);
        free(bytes);
        return NULL;
    }
    if (cfg->verify_key) {
        int r = verify(cfg->verify_key, path, bytes, img);
        if (r) {
            *status = r;
            free(bytes);
            return NULL;
        }
    }
    *status = 0;
    return bytes;
}

/* Symbol for a code offset, from the image's SYMBOLS section if present
 * (bytecode-spec/object-format.md §6): u32 n; n x {u32 code address, u32 name offset from
 * the section start}, ascending; NUL-terminated names. Malformed entries are ignored. */
static const char *symbol_for(const svl_image_t *img, uint32_t pc, uint32_t *sym_off)
{
    if (!img->symbols || img->symbols_size < 4)
        return NULL;
    const uint8_t *s = img->symbols;
    uint32_t size = img->symbols_size;
    uint32_t n = (uint32_t)svbc_read_i32(s);
    if (n > (size - 4) / 8)
        return NULL;
    const char *best = NULL;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off = (uint32_t)svbc_read_i32(s + 4 + 8 * i);
        uint32_t name = (uint32_t)svbc_read_i32(s + 8 + 8 * i);
        if (off > pc)
            break;
        if (name >= 4 + 8 * n && name < size && memchr(s + name, 0, size - name)) {
            best = (const char *)s + name;
            *sym_off = off;
        }
    }
    return best;
}

int runner_trace_calls, runner_tracing;

/* `  ; file:line` for pc, or nothing. */
static void trace_source(FILE *f, const svm_vm_t *vm, uint32_t pc)
{
    const svl_image_t *im = vm->image;
    svimg_debug_t d = {im->code,         im->code_size, im->symbols,
                       im->symbols_size, im->lines,     im->lines_size};
    uint32_t pos = 0;
    const char *file = svimg_line_at(&d, pc, &pos, NULL);
    if (file && file[0] && SVIMG_POS_LINE(pos))
        fprintf(f, "  ; %s:%u", file, SVIMG_POS_LINE(pos));
}

void runner_trace_insn(FILE *f, const char *who, const svm_vm_t *vm, uint32_t pc)
{
    svbc_insn_t in;
    if (runner_trace_calls) {
        uint32_t so = 0;
        const char *sym = symbol_for(vm->image, pc, &so);
        if (sym && so == pc) {
            fprintf(f, "trace: %s call %s", who, sym);
            trace_source(f, vm, pc);
            fputc('\n', f);
        }
        return;
    }
    if (pc >= vm->code_size || !svbc_decode(vm->code + pc, vm->code_size - pc, &in)) {
        fprintf(f, "trace: %s %06x ?\n", who, pc);
        return;
    }
    const svbc_opinfo_t *info = &svbc_opinfo[in.op];
    uint32_t so = 0;
    const char *sym = symbol_for(vm->image, pc, &so);
    char where[96] = "";
    if (sym)
        snprintf(where, sizeof where, " <%.60s+0x%x>", sym, pc - so);
    fprintf(f, "trace: %s %06x%s %s", who, pc, where, info->name);
    int k = 0;
    for (const char *sh = info->operands; *sh; sh++) {
        const char *sep = k ? ", " : " ";
        switch (*sh) {
        case 'l': fprintf(f, "%s0x%x", sep, (uint32_t)((int32_t)pc + in.opnd[k++])); break;
        case 's': {
            int32_t s = in.opnd[k++];
            const char *nm = s >= 0 && s < SVBC_SVC_LIMIT ? svbc_svcinfo[s].name : NULL;
            fprintf(f, "%s%s", sep, nm ? nm : "?");
            break;
        }
        case 't': {
            int32_t nint = in.opnd[k++], nblk = in.opnd[k++];
            fprintf(f, "%s%d, %d", sep, nint, nblk);
            for (int32_t i = 0; i < nint + nblk; i++)
                fprintf(f, ", 0x%x", (uint32_t)((int32_t)pc + svbc_read_i32(in.table + 4 * i)));
            break;
        }
        default: fprintf(f, "%s%d", sep, in.opnd[k++]); break;
        }
    }
    trace_source(f, vm, pc);
    fputc('\n', f);
}

/* A string value's text (heap or constant), else NULL. */
static const char *string_text(const svm_vm_t *vm, svm_value_t v, uint32_t *len)
{
    const uint8_t *o = svm_is_ptr(v)     ? vm->heap + v
                       : svm_is_const(v) ? vm->consts + (v & ~3u)
                                         : NULL;
    if (!o || SVOBJ_KIND((uint32_t)svbc_read_i32(o)) != SVOBJ_STRING)
        return NULL;
    *len = (uint32_t)svbc_read_i32(o + 4);
    return (const char *)o + 8;
}

/* What a trap was about, after its first line (docs/runtime.md, "Debugging a program"):
 * the limit it hit, or the service and the device it named. */
uint64_t runner_max_steps;

static void trap_details(FILE *f, const svm_vm_t *vm, const char *prefix)
{
    const svm_trap_info_t *t = &vm->trap;
    const svl_manifest_t *mf = &vm->image->manifest;
    switch (t->code) {
    case SVM_TRAP_stack_overflow:
        fprintf(f,
                "%s  the stack limit is %u bytes (the image's stack size: senseasm --stack, "
                "or sensevm-run --stack)\n",
                prefix, mf->stack_size);
        return;
    case SVM_TRAP_heap_exhausted:
        fprintf(f,
                "%s  the heap limit is %u bytes, %u live (the image's heap size: senseasm "
                "--heap, or sensevm-run --heap)\n",
                prefix, mf->heap_size, vm->hp);
        return;
    case SVM_TRAP_device_not_claimed:
    case SVM_TRAP_unknown_service: {
        if (t->opcode != SVBC_OP_svc || t->pc + 3 > vm->code_size)
            return;
        uint32_t num = (uint32_t)vm->code[t->pc + 1] | (uint32_t)vm->code[t->pc + 2] << 8;
        const char *sn = num < SVBC_SVC_LIMIT ? svbc_svcinfo[num].name : NULL;
        fprintf(f, "%s  service %s (number 0x%02x)", prefix, sn ? sn : "?", num);
        if (t->code == SVM_TRAP_unknown_service) {
            fprintf(f, "%s\n",
                    num >= 0x40 && !vm->cfg.box
                        ? ": a scheduler service, and --no-sched runs without it"
                        : "");
            return;
        }
        /* the device is the service's first argument */
        uint32_t ar = sn ? svbc_svcinfo[num].arity : 0, len;
        svm_value_t d = ar ? t->arg : SVM_VAL_UNIT;
        const char *s = string_text(vm, d, &len);
        if (s)
            fprintf(f, ", device '%.*s'", (int)len, s);
        else if (svm_is_int(d))
            fprintf(f, ", device %d", svm_val_int(d));
        fprintf(f, "; the container claims %s", mf->ndevices ? "" : "no device");
        for (uint32_t i = 0; i < mf->ndevices; i++)
            fprintf(f, "%s%d '%.*s'", i ? ", " : "", (int)i, (int)SVIMG_NAME_MAX, mf->devices[i]);
        fprintf(f, " (senseasm --device NAME)\n");
        return;
    }
    case SVM_TRAP_fuel_exhausted:
        if (runner_max_steps)
            fprintf(f, "%s  fuel exhausted after %llu steps (--max-steps %llu)\n", prefix,
                    (unsigned long long)runner_max_steps, (unsigned long long)runner_max_steps);
        return;
    default: return;
    }
}

/* The backtrace lines of vm->bt, as OCaml prints them with OCAMLRUNPARAM=b. */
static void print_backtrace(FILE *f, const svm_vm_t *vm, const char *prefix, const char *first)
{
    const svm_backtrace_t *bt = &vm->bt;
    if (!bt->n || bt->context != vm->trap.context)
        return;
    const svl_image_t *im = vm->image;
    svimg_debug_t d = {im->code,         im->code_size, im->symbols,
                       im->symbols_size, im->lines,     im->lines_size};
    for (uint32_t i = 0; i < bt->n; i++) {
        char line[512];
        if (svimg_frame_hidden(&d, bt->pc[i]))
            continue;
        svimg_format_frame(&d, bt->pc[i], i, first, line, sizeof line);
        fprintf(f, "%s%s\n", prefix, line);
    }
    if (bt->truncated)
        fprintf(f, "%s(more frames: only the innermost %u are kept)\n", prefix,
                (unsigned)SVM_CFG_BACKTRACE);
}

int runner_fault_pcs;

void runner_report_blocked(svm_vm_t *vm, const svm_context_t *ctx, uint32_t thread,
                           const char *prefix)
{
    /* a blocked context is suspended after its blocking `svc` (it resumes with the result) */
    uint32_t pc = ctx->pc, at = pc;
    if (pc >= 3 && vm->code[pc - 3] == SVBC_OP_svc)
        at = pc - 3;
    svm_backtrace_capture(vm, ctx);
    vm->bt.pc[0] = at | SVIMG_BT_EXACT;
    vm->trap.context = ctx->id;
    uint32_t num = vm->code[at] == SVBC_OP_svc && at + 3 <= vm->code_size
                       ? (uint32_t)vm->code[at + 1] | (uint32_t)vm->code[at + 2] << 8
                       : ~0u;
    const char *sn = num < SVBC_SVC_LIMIT ? svbc_svcinfo[num].name : NULL;
    fprintf(stderr, "%s  context %u (thread %u) waits at pc 0x%x%s%s%s\n", prefix, ctx->id, thread,
            at, sn ? " (svc " : "", sn ? sn : "", sn ? ")" : "");
    print_backtrace(stderr, vm, prefix, "Blocked at");
}

void runner_report_trap(const svm_vm_t *vm, const char *where, const char *prefix)
{
    const svm_trap_info_t *t = &vm->trap;
    fflush(stdout);
    if (runner_fault_pcs) {
        char buf[1024];
        svm_format_fault(vm, buf, sizeof buf);
        fputs(buf, stderr);
        return;
    }
    if (t->code == SVM_TRAP_uncaught_exception) {
        char buf[1024];
        svm_format_exn(vm, t->value, buf, sizeof buf);
        fprintf(stderr, "%s%sFatal error:%s exception %s\n", prefix, svbc_sgr(SVBC_SGR_ERROR),
                svbc_sgr(SVBC_SGR_RESET), buf);
        print_backtrace(stderr, vm, prefix, NULL);
    } else {
        const char *mn = svbc_opinfo[t->opcode].name;
        fprintf(stderr, "%s%s: %s:%s %strap:%s %s at pc 0x%x (%s) in context %u\n",
                svbc_sgr(SVBC_SGR_LOCUS), runner_prog, where, svbc_sgr(SVBC_SGR_RESET),
                svbc_sgr(SVBC_SGR_ERROR), svbc_sgr(SVBC_SGR_RESET), svm_trap_message(t->code),
                t->pc, mn ? mn : "?", t->context);
        trap_details(stderr, vm, prefix);
        print_backtrace(stderr, vm, prefix, "Trapped at");
    }
}
