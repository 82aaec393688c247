/* SPDX-License-Identifier: MIT
 * sensevm-run — the desktop runner: reads an image, validates it (svl_validate), gives it
 * a heap and a stack (from the manifest or --heap/--stack) and runs its entry context.
 * The only runtime part that uses the host's libc. Exit codes: see usage() and
 * docs/runtime.md. --verify-key checks the image's Ed25519 signature with libsodium when
 * the build found it (SVM_RUNNER_HAVE_SODIUM).
 */
#define _POSIX_C_SOURCE 200809L
#include <sensevm/bytecode.h>
#include <sensevm/loader.h>
#include <sensevm/vm.h>

#include "svm_posix.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SVM_RUNNER_HAVE_SODIUM
#include <sodium.h>
#endif

#define EXIT_TRAP 2
#define EXIT_INVALID 125
#define EXIT_USAGE 126

static const char *prog = "sensevm-run";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [options] app.svm [args...]\n"
            "Run a Sense-VM container image.\n"
            "\n"
            "options (before the image):\n"
            "  --heap SIZE        heap RAM budget in bytes (K/M suffixes; default: manifest);\n"
            "                     the copying GC uses half of it at a time\n"
            "  --stack SIZE       stack bytes per context (default: manifest)\n"
            "  --max-steps N      trap (fuel_exhausted) after N instructions\n"
            "  --gc-every-alloc   collect before every allocation (testing)\n"
            "  --trace            print each instruction on stderr: context, pc, mnemonic, operands\n"
            "  --stats            print instruction, GC and stack figures on stderr at the end\n"
            "  --verify-key FILE  refuse the image unless it is signed (senseasm --sign) with\n"
            "                     the Ed25519 key whose public half FILE holds (64 hex digits;\n"
            "                     needs a build with libsodium)\n"
            "  --help, --version\n"
            "\n"
            "exit status: the program's `exit n` (n land 255); 0 when it ends normally;\n"
            "  2 uncaught exception or trap; 125 unreadable or invalid image; 126 bad usage\n",
            prog);
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

/* The public key file: 32 bytes as 64 hex digits, white space ignored. Returns 0 if ok. */
static int read_pubkey(const char *path, uint8_t key[32])
{
    size_t len;
    uint8_t *buf = svm_posix_read_file(path, &len);
    if (!buf)
        return -1;
    size_t n = 0;
    int hi = -1, bad = 0;
    for (size_t i = 0; i < len && !bad; i++) {
        int c = buf[i], v;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
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

static void trace_insn(const svm_vm_t *vm, const svm_context_t *ctx)
{
    svbc_insn_t in;
    uint32_t pc = ctx->pc;
    if (pc >= vm->code_size || !svbc_decode(vm->code + pc, vm->code_size - pc, &in)) {
        fprintf(stderr, "trace: %u %06x ?\n", ctx->id, pc);
        return;
    }
    const svbc_opinfo_t *info = &svbc_opinfo[in.op];
    uint32_t so = 0;
    const char *sym = symbol_for(vm->image, pc, &so);
    char where[96] = "";
    if (sym)
        snprintf(where, sizeof where, " <%.60s+0x%x>", sym, pc - so);
    fprintf(stderr, "trace: %u %06x%s %s", ctx->id, pc, where, info->name);
    int k = 0;
    for (const char *sh = info->operands; *sh; sh++) {
        const char *sep = k ? ", " : " ";
        switch (*sh) {
        case 'l':
            fprintf(stderr, "%s0x%x", sep, (uint32_t)((int32_t)pc + in.opnd[k++]));
            break;
        case 's': {
            int32_t s = in.opnd[k++];
            const char *nm = s >= 0 && s < SVBC_SVC_LIMIT ? svbc_svcinfo[s].name : NULL;
            fprintf(stderr, "%s%s", sep, nm ? nm : "?");
            break;
        }
        case 't': {
            int32_t nint = in.opnd[k++], nblk = in.opnd[k++];
            fprintf(stderr, "%s%d, %d", sep, nint, nblk);
            for (int32_t i = 0; i < nint + nblk; i++)
                fprintf(stderr, ", 0x%x", (uint32_t)((int32_t)pc + svbc_read_i32(in.table + 4 * i)));
            break;
        }
        default: fprintf(stderr, "%s%d", sep, in.opnd[k++]); break;
        }
    }
    fputc('\n', stderr);
}

/* Runs go to the container scheduler (runtime/port/posix/posix_main.c: several images,
 * contexts, channels, virtual time, devices), except the per-instruction --trace, the
 * signature check --verify-key and --no-sched (the bare VM as a firmware embeds it without
 * a scheduler), which this single-container loop implements. */
static int wants_single_loop(int argc, char **argv)
{
    for (int i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2]; i++)
        if (!strcmp(argv[i], "--trace") || !strcmp(argv[i], "--verify-key") ||
            !strcmp(argv[i], "--no-sched"))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (!wants_single_loop(argc, argv))
        return svm_posix_main(argc, argv);
    int trace = 0, stats = 0, gc_every = 0;
    uint64_t heap = 0, stack = 0, max_steps = 0;
    const char *verify_key = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--")) {
            i++;
            break;
        } else if (!strcmp(o, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(o, "--version")) {
            printf("sensevm-run %s (image format %u.%u)\n", SVM_VERSION, SVIMG_FORMAT_MAJOR,
                   SVIMG_FORMAT_MINOR);
            return 0;
        } else if (!strcmp(o, "--trace")) {
            trace = 1;
        } else if (!strcmp(o, "--stats")) {
            stats = 1;
        } else if (!strcmp(o, "--no-sched")) {
            /* this loop is the no-scheduler path already */
        } else if (!strcmp(o, "--gc-every-alloc")) {
            gc_every = 1;
        } else if (!strcmp(o, "--verify-key")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: --verify-key needs a public key file\n", prog);
                return EXIT_USAGE;
            }
            verify_key = argv[++i];
        } else if (!strcmp(o, "--heap") || !strcmp(o, "--stack") || !strcmp(o, "--max-steps")) {
            uint64_t v;
            if (i + 1 >= argc || svm_posix_parse_size(argv[i + 1], &v)) {
                fprintf(stderr, "%s: %s needs a size argument (e.g. 64K)\n", prog, o);
                return EXIT_USAGE;
            }
            if (!strcmp(o, "--heap"))
                heap = v;
            else if (!strcmp(o, "--stack"))
                stack = v;
            else
                max_steps = v;
            i++;
        } else if (svm_posix_sched_option(o)) {
            fprintf(stderr,
                    "%s: %s is an option of the container scheduler; --trace, --verify-key "
                    "and --no-sched run one image on the bare VM, without it\n",
                    prog, o);
            return EXIT_USAGE;
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", prog, o);
            usage(stderr);
            return EXIT_USAGE;
        }
    }
#ifdef SVM_RUNNER_GC_EVERY_ALLOC
    gc_every = 1;
#endif
    if (i >= argc) {
        fprintf(stderr, "%s: no image given\n", prog);
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *path = argv[i];
    if (trace)
        setvbuf(stdout, NULL, _IONBF, 0); /* keep program output and trace in order */
    if (heap && (heap < SVMF_HEAP_MIN || heap > (1ull << 30))) {
        fprintf(stderr, "%s: --heap must be between %u bytes and 1G\n", prog, SVMF_HEAP_MIN);
        return EXIT_USAGE;
    }
    if (stack && (stack < SVMF_STACK_MIN || stack > (uint64_t)SVMF_STACK_MAX * 64)) {
        fprintf(stderr, "%s: --stack must be between %u and %u bytes\n", prog, SVMF_STACK_MIN,
                SVMF_STACK_MAX * 64);
        return EXIT_USAGE;
    }

    uint8_t pubkey[32];
    if (verify_key) {
#ifdef SVM_RUNNER_HAVE_SODIUM
        if (sodium_init() < 0) {
            fprintf(stderr, "%s: libsodium failed to initialise\n", prog);
            return EXIT_USAGE;
        }
        if (read_pubkey(verify_key, pubkey) != 0) {
            fprintf(stderr, "%s: %s: not a public key file (expected 64 hex digits)\n", prog,
                    verify_key);
            return EXIT_USAGE;
        }
#else
        (void)read_pubkey;
        (void)pubkey;
        fprintf(stderr, "%s: --verify-key needs libsodium, and this sensevm-run was built "
                "without it (install libsodium-dev and reconfigure)\n", prog);
        return EXIT_USAGE;
#endif
    }

    size_t len;
    uint8_t *img = svm_posix_read_file(path, &len);
    if (!img) {
        fprintf(stderr, "%s: %s: cannot read: %s\n", prog, path, strerror(errno));
        return EXIT_INVALID;
    }
    svl_image_t image;
    uint32_t err_off = 0;
    svl_result_t vr = svl_validate(img, len, &image, &err_off);
    if (vr != SVL_OK) {
        fprintf(stderr, "%s: %s: invalid image: %s at offset 0x%x\n", prog, path,
                svl_result_message(vr), err_off);
        free(img);
        return EXIT_INVALID;
    }
#ifdef SVM_RUNNER_HAVE_SODIUM
    if (verify_key) {
        /* The SHA-256 digest reads the SIGNATURE contents as zero (image-format.md §8). */
        uint8_t digest[32];
        svimg_digest(img, image.size, digest);
        if (!image.signature || image.signature_size != crypto_sign_BYTES ||
            crypto_sign_verify_detached(image.signature, digest, sizeof digest, pubkey) != 0) {
            fprintf(stderr, "%s: %s: invalid image: bad signature\n", prog, path);
            free(img);
            return EXIT_INVALID;
        }
    }
#endif

    if (!heap)
        heap = image.manifest.heap_size;
    if (!stack)
        stack = image.manifest.stack_size;
    uint32_t mem_size = svm_memory_size((uint32_t)heap, image.manifest.globals);
    uint32_t stack_words = (uint32_t)(stack / 4) + SVM_STACK_GUARD;
    void *mem = aligned_alloc(8, (mem_size + 7u) & ~7u);
    uint32_t *stk = malloc((size_t)stack_words * 4u);
    if (!mem || !stk) {
        fprintf(stderr, "%s: out of host memory\n", prog);
        free(mem);
        free(stk);
        return EXIT_USAGE;
    }

    const char **pargv = (const char **)(argv + i);
    svm_config_t cfg = {
        .memory = mem,
        .memory_size = mem_size,
        .heap_size = (uint32_t)heap,
        .write = svm_posix_write,
        .flush = svm_posix_flush,
        .user = NULL,
        .gc_every_alloc = gc_every,
        .count_steps = stats || trace || max_steps,
        .argc = argc - i,
        .argv = pargv,
        .container_id = 0,
    };
    static svm_vm_t vm;
    static svm_context_t ctx;
    if (svm_vm_init(&vm, &image, &cfg) != SVM_INIT_OK ||
        svm_context_init(&vm, &ctx, 0, stk, stack_words, image.manifest.entry) != SVM_INIT_OK) {
        fprintf(stderr, "%s: %s: heap or stack too small\n", prog, path);
        free(mem);
        free(stk);
        return EXIT_TRAP;
    }

    svm_status_t st;
    for (;;) {
        uint64_t budget = 1u << 30;
        if (max_steps) {
            if (ctx.steps >= max_steps) {
                vm.trap.code = SVM_TRAP_fuel_exhausted;
                vm.trap.context = ctx.id;
                vm.trap.pc = ctx.pc;
                vm.trap.opcode = vm.code[ctx.pc];
                st = SVM_TRAPPED;
                break;
            }
            if (max_steps - ctx.steps < budget)
                budget = max_steps - ctx.steps;
        }
        if (trace) {
            trace_insn(&vm, &ctx);
            budget = 1;
        }
        st = svm_run(&vm, &ctx, (uint32_t)budget);
        if (st != SVM_FUEL)
            break;
    }
    fflush(stdout);

    int rc = 0;
    switch (st) {
    case SVM_HALTED: rc = 0; break;
    case SVM_EXITED: rc = vm.exit_code & 255; break;
    case SVM_TRAPPED:
        rc = EXIT_TRAP;
        if (vm.trap.code == SVM_TRAP_uncaught_exception) {
            char buf[1024];
            svm_format_exn(&vm, vm.trap.value, buf, sizeof buf);
            fprintf(stderr, "Fatal error: exception %s\n", buf);
        } else {
            const char *mn = svbc_opinfo[vm.trap.opcode].name;
            fprintf(stderr, "%s: %s: trap: %s at pc 0x%x (%s) in context %u\n", prog, path,
                    svm_trap_message(vm.trap.code), vm.trap.pc, mn ? mn : "?", vm.trap.context);
        }
        break;
    default:
        rc = EXIT_TRAP;
        fprintf(stderr, "%s: %s: context blocked with no scheduler\n", prog, path);
        break;
    }
    if (stats) {
        svm_gc_stats_t g;
        svm_get_gc_stats(&vm, &g);
        fprintf(stderr,
                "sensevm-run: stats: instructions %llu\n"
                "sensevm-run: stats: gc collections %u, allocated %llu bytes, live high-water %u "
                "bytes, heap high-water %u of %u bytes, longest pause %u words\n"
                "sensevm-run: stats: stack high-water %u of %u words\n",
                (unsigned long long)ctx.steps, g.collections,
                (unsigned long long)g.bytes_allocated, g.live_hwm, g.heap_hwm, vm.semi_size,
                g.longest_pause, svm_stack_hwm(&ctx), stack_words - SVM_STACK_GUARD);
    }
    free(stk);
    free(mem);
    free(img);
    return rc;
}
