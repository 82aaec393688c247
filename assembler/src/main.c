/* SPDX-License-Identifier: MIT
 * main.c — the `senseasm` command line: assemble (-c), link (default; .s inputs are
 * assembled on the fly), disassemble (-d), inspect (--info) and symbolise (--addr2line). Prints the library's
 * diagnostics GNU style. Exit status: 0 ok, 1 errors, 2 bad usage.
 * Signing (--sign, --gen-key) uses libsodium when the build found it (SENSEASM_HAVE_SODIUM).
 */
#define _POSIX_C_SOURCE 200809L
#include "boards.h"
#include "internal.h"

#include <sensevm/asm.h>
#include <sensevm/color.h>
#include <sensevm/image.h>
#include <sensevm/suggest.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef SENSEASM_HAVE_SODIUM
#include <sodium.h>
#endif

static const char *prog = "senseasm";
/* the five arguments of "%s%s:%s %sKIND:%s ": "senseasm: error: " in colour as asked
 * (--color, sensevm/color.h), plain otherwise */
#define DIAG_PREFIX(kind)                                                                          \
    svbc_sgr(SVBC_SGR_LOCUS), prog, svbc_sgr(SVBC_SGR_RESET), svbc_sgr_kind(kind),                 \
        svbc_sgr(SVBC_SGR_RESET)

static void usage(FILE *f)
{
    fprintf(
        f,
        "Usage: senseasm -c FILE.s... [-o FILE.o]       assemble to ELF relocatable objects\n"
        "       senseasm [-o APP.svm] INPUT... [options] link objects, archives and .s files\n"
        "       senseasm -d FILE                         disassemble an object or image\n"
        "       senseasm --info FILE                     header, manifest, sections and sizes\n"
        "       senseasm --addr2line IMAGE [PC...]       function and source position of code pcs\n"
        "                                                (r0xPC: a return address; no PC: "
        "symbolise\n"
        "                                                the svm-bt lines of a target log on "
        "stdin)\n"
        "       senseasm --gen-key KEYFILE               new Ed25519 key: KEYFILE, KEYFILE.pub\n"
        "\n"
        "Linker options:\n"
        "  -o FILE             output image (default a.svm)\n"
        "  --entry SYM         entry point (default main)\n"
        "  --map=FILE          write a map file (symbols, addresses, section sizes)\n"
        "  --no-dce            keep unreachable code\n"
        "  --strip             omit the SYMBOLS section\n"
        "  --format=FMT        raw (default), c (a C array) or ihex (Intel HEX)\n"
        "  --symbol NAME       name of the C array (default from the output name)\n"
        "  --base ADDR         load address of the Intel HEX output (default 0)\n"
        "  --board NAME        defaults of a board (boards/NAME.board): its --heap/--stack, Intel\n"
        "                      HEX at its image address when OUT ends in .hex; fails when the\n"
        "                      program does not fit the board (size, RAM, devices)\n"
        "  --sign KEYFILE      sign the image's SHA-256 digest with Ed25519 (needs libsodium);\n"
        "                      KEYFILE holds the 32-byte secret seed as 64 hex digits\n"
        "Manifest options (override .manifest directives):\n"
        "  --name NAME  --priority N  --heap SIZE  --stack SIZE  --arrays SIZE  --contexts N\n"
        "  --channels N  --device NAME (repeatable)  --policy stop|restart|log\n"
        "  --heartbeat MS  --fuel N  --gc copy|compact (the collector: docs/runtime.md)\n"
        "                      (sizes take K/M suffixes: --heap 64K)\n"
        "  --xchan NAME:send|recv[:DEPTH[:drop|overwrite]]   an inter-container channel\n"
        "                      (repeatable; sensec passes --xchan=SPEC through)\n"
        "Other:\n"
        "  --max-errors N      stop after N errors (default 20; 0: no limit)\n"
        "  --color[=WHEN]      diagnostics in colour: auto (default: when stderr is a\n"
        "                      terminal and NO_COLOR is unset), always (--color alone), never\n"
        "  -h, --help          this text\n"
        "  -V, --version       version\n");
}

static void print_diags(const svasm_diags_t *d)
{
    for (const svasm_diag_t *g = d->head; g; g = g->next) {
        const char *sev = g->severity == SVASM_ERROR     ? "error"
                          : g->severity == SVASM_WARNING ? "warning"
                                                         : "note";
        const char *bold = svbc_sgr(SVBC_SGR_LOCUS), *off = svbc_sgr(SVBC_SGR_RESET),
                   *kc = svbc_sgr_kind(sev);
        if (g->file && g->line > 0) {
            fprintf(stderr, "%s%s:%d:%d:%s %s%s:%s %s\n", bold, g->file, g->line, g->col, off, kc,
                    sev, off, g->msg);
            if (g->srcline) {
                fprintf(stderr, "%s\n", g->srcline);
                int col = g->caret > 0 ? g->caret : g->col;
                size_t n = (size_t)(col > 0 ? col - 1 : 0), len = strlen(g->srcline);
                for (size_t i = 0; i < n; i++)
                    fputc(i < len && g->srcline[i] == '\t' ? '\t' : ' ', stderr);
                fprintf(stderr, "%s^%s\n", svbc_sgr(SVBC_SGR_CARET), off);
            }
        } else if (g->file) {
            fprintf(stderr, "%s%s: %s:%s %s%s:%s %s\n", bold, prog, g->file, off, kc, sev, off,
                    g->msg);
        } else {
            fprintf(stderr, "%s%s:%s %s%s:%s %s\n", bold, prog, off, kc, sev, off, g->msg);
        }
    }
    if (d->truncated)
        fprintf(stderr,
                "%s%s:%s %snote:%s stopped after %d errors (--max-errors %d; 0 for no limit)\n",
                DIAG_PREFIX("note"), d->max_errors, d->max_errors);
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s%s:%s %serror:%s cannot open '%s': %s\n", DIAG_PREFIX("error"), path,
                strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    uint8_t *buf = asm_xmalloc(cap);
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) {
            if (ferror(f)) {
                fprintf(stderr, "%s%s:%s %serror:%s cannot read '%s'\n", DIAG_PREFIX("error"),
                        path);
                free(buf);
                if (f != stdin)
                    fclose(f);
                return NULL;
            }
            break;
        }
        buf = asm_xrealloc(buf, cap *= 2);
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

static int write_file(const char *path, const uint8_t *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "%s%s:%s %serror:%s cannot write '%s': %s\n", DIAG_PREFIX("error"), path,
                strerror(errno));
        return -1;
    }
    int bad = fwrite(buf, 1, len, f) != len;
    bad |= fclose(f) != 0;
    if (bad) {
        fprintf(stderr, "%s%s:%s %serror:%s cannot write '%s': %s\n", DIAG_PREFIX("error"), path,
                strerror(errno));
        return -1;
    }
    return 0;
}

/* "dir/prog.s" -> "prog" + ext (objects go to the current directory, as cc -c does). */
static char *replace_ext(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    char *r = asm_xmalloc(n + strlen(ext) + 1);
    memcpy(r, base, n);
    strcpy(r + n, ext);
    return r;
}

static int is_source(const char *path, const uint8_t *buf, size_t len)
{
    size_t n = strlen(path);
    if (n > 2 && (strcmp(path + n - 2, ".s") == 0 || strcmp(path + n - 2, ".S") == 0))
        return 1;
    return !svasm_is_elf(buf, len) && !svasm_is_archive(buf, len) && !svasm_is_image(buf, len);
}

static char *c_symbol(const char *out)
{
    const char *b = strrchr(out, '/');
    b = b ? b + 1 : out;
    size_t n = strcspn(b, ".");
    char *s = asm_xmalloc(n + 2);
    size_t k = 0;
    if (n == 0 || (b[0] >= '0' && b[0] <= '9'))
        s[k++] = '_';
    for (size_t i = 0; i < n; i++) {
        char c = b[i];
        s[k++] =
            ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '_';
    }
    s[k] = 0;
    return s;
}

static int inspect(const char *path, int disasm)
{
    size_t len;
    uint8_t *buf = read_file(path, &len);
    if (!buf)
        return 1;
    svasm_diags_t d = {0};
    int rc = 0;
    char *text = NULL;
    if (svasm_is_image(buf, len)) {
        svasm_image_t im;
        if (svasm_image_parse(buf, len, &im, &d, path) == 0)
            text = disasm ? svasm_disasm_image(&im) : svasm_info_image(&im);
    } else if (svasm_is_elf(buf, len)) {
        svasm_obj_t *o = svasm_obj_from_elf(path, buf, len, &d);
        if (o) {
            text = disasm ? svasm_disasm_obj(o) : svasm_info_obj(o);
            svasm_obj_free(o);
        }
    } else if (svasm_is_archive(buf, len)) {
        asm_ar_member_t *m;
        size_t n;
        asm_sb_t b = {0};
        if (asm_ar_list(path, buf, len, &m, &n, &d) == 0) {
            for (size_t i = 0; i < n; i++) {
                asm_sb_printf(&b, "%s; ---- %s\n", i ? "\n" : "", m[i].name);
                svasm_obj_t *o = svasm_is_elf(m[i].data, m[i].size)
                                     ? svasm_obj_from_elf(m[i].name, m[i].data, m[i].size, &d)
                                     : NULL;
                if (o) {
                    char *t = disasm ? svasm_disasm_obj(o) : svasm_info_obj(o);
                    asm_sb_printf(&b, "%s", t);
                    free(t);
                    svasm_obj_free(o);
                } else {
                    asm_sb_printf(&b, "; (not a Sense-VM object)\n");
                }
                free(m[i].name);
            }
            free(m);
        }
        text = asm_sb_take(&b);
    } else {
        svasm_diag_add(&d, SVASM_ERROR, path, 0, 0, NULL,
                       "file format not recognized (expected an object, archive or image)");
    }
    if (text) {
        fputs(text, stdout);
        free(text);
    }
    print_diags(&d);
    rc = d.nerrors ? 1 : 0;
    svasm_diags_free(&d);
    free(buf);
    return rc;
}

enum {
    OPT_INFO = 256,
    OPT_MAP,
    OPT_ENTRY,
    OPT_NAME,
    OPT_PRIORITY,
    OPT_HEAP,
    OPT_STACK,
    OPT_ARRAYS,
    OPT_CONTEXTS,
    OPT_CHANNELS,
    OPT_DEVICE,
    OPT_POLICY,
    OPT_HEARTBEAT,
    OPT_FUEL,
    OPT_XCHAN,
    OPT_FORMAT,
    OPT_SYMBOL,
    OPT_BASE,
    OPT_NODCE,
    OPT_STRIP,
    OPT_SIGN,
    OPT_GENKEY,
    OPT_MAXERR,
    OPT_ADDR2LINE,
    OPT_BOARD,
    OPT_GC,
    OPT_COLOR
};

/* the three tools' one form of a usage error (sensevm/color.h) */
static int bad_usage(const char *fmt, const char *arg) { return svbc_usage_error(prog, fmt, arg); }

/* An option getopt does not know: named, with "did you mean" when one is close (the same
 * rule as sensec's and sensevm-run's: sensevm/suggest.h). */
static int unknown_option(const char *arg, const struct option *longopts)
{
    char msg[192];
    svbc_suggest_t s;
    svbc_suggest_init(&s, arg); /* leading '-' do not count: "strip" is --strip */
    for (const struct option *o = longopts; o->name; o++)
        svbc_suggest_try(&s, o->name);
    int n = (int)strcspn(arg, "=");
    if (s.best)
        snprintf(msg, sizeof msg, "unknown option '%.*s'; did you mean '--%s'?", n, arg, s.best);
    else
        snprintf(msg, sizeof msg, "unknown option '%.*s'", n, arg);
    return bad_usage("%s", msg);
}

/* ---- Ed25519 keys (docs/senseasm.md "Signing") ----
 * Secret key file: the 32-byte seed as 64 hex digits (the libsodium 64-byte secret key,
 * seed then public key, as 128 hex digits is accepted too). Public key file: 32 bytes as
 * 64 hex digits. White space anywhere is ignored. */
#ifdef SENSEASM_HAVE_SODIUM
/* Decode the hex text of a key file into out[0..cap); returns the byte count or -1. */
static int read_hex_key(const char *path, uint8_t *out, size_t cap)
{
    size_t len;
    uint8_t *buf = read_file(path, &len);
    if (!buf)
        return -1;
    size_t n = 0;
    int hi = -1, bad = 0;
    for (size_t i = 0; i < len && !bad; i++) {
        int c = buf[i], v;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        v = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
        if (v < 0 || (hi >= 0 && n >= cap))
            bad = 1;
        else if (hi < 0)
            hi = v;
        else {
            out[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    sodium_memzero(buf, len);
    free(buf);
    if (bad || hi >= 0) {
        fprintf(stderr, "%s%s:%s %serror:%s %s: not a key file (expected hex digits)\n",
                DIAG_PREFIX("error"), path);
        return -1;
    }
    return (int)n;
}

static int load_secret_key(const char *path, uint8_t sk[crypto_sign_SECRETKEYBYTES])
{
    uint8_t raw[crypto_sign_SECRETKEYBYTES];
    int n = read_hex_key(path, raw, sizeof raw);
    int rc = -1;
    if (n == crypto_sign_SEEDBYTES || n == crypto_sign_SECRETKEYBYTES) {
        uint8_t pk[crypto_sign_PUBLICKEYBYTES];
        crypto_sign_seed_keypair(pk, sk, raw);
        if (n == crypto_sign_SECRETKEYBYTES && sodium_memcmp(sk, raw, sizeof raw) != 0)
            fprintf(stderr,
                    "%s%s:%s %serror:%s %s: the public half of the secret key does not match "
                    "its seed\n",
                    DIAG_PREFIX("error"), path);
        else
            rc = 0;
    } else if (n >= 0) {
        fprintf(stderr,
                "%s%s:%s %serror:%s %s: a secret key file holds %d or %d hex digits, not %d\n",
                DIAG_PREFIX("error"), path, 2 * crypto_sign_SEEDBYTES,
                2 * crypto_sign_SECRETKEYBYTES, 2 * n);
    }
    sodium_memzero(raw, sizeof raw);
    return rc;
}

static int write_hex(const char *path, const uint8_t *b, size_t n, int secret)
{
    char text[2 * crypto_sign_SECRETKEYBYTES + 2];
    for (size_t i = 0; i < n; i++)
        snprintf(text + 2 * i, 3, "%02x", b[i]);
    text[2 * n] = '\n';
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, secret ? 0600 : 0644);
    if (fd < 0) {
        fprintf(stderr, "%s%s:%s %serror:%s cannot create '%s': %s\n", DIAG_PREFIX("error"), path,
                strerror(errno));
        return -1;
    }
    ssize_t w = write(fd, text, 2 * n + 1);
    int bad = w != (ssize_t)(2 * n + 1);
    bad |= close(fd) != 0;
    sodium_memzero(text, sizeof text);
    if (bad) {
        fprintf(stderr, "%s%s:%s %serror:%s cannot write '%s'\n", DIAG_PREFIX("error"), path);
        return -1;
    }
    return 0;
}

static int gen_key(const char *path)
{
    uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    size_t n = strlen(path);
    char *pub = asm_xmalloc(n + 5);
    memcpy(pub, path, n);
    memcpy(pub + n, ".pub", 5);
    crypto_sign_keypair(pk, sk);
    int rc = 0;
    if (write_hex(path, sk, crypto_sign_SEEDBYTES, 1) != 0)
        rc = 1;
    else if (write_hex(pub, pk, sizeof pk, 0) != 0) {
        unlink(path);
        rc = 1;
    }
    sodium_memzero(sk, sizeof sk);
    free(pub);
    return rc;
}

/* Sign the digest of an image the linker ended with a zeroed SIGNATURE section. */
static void sign_image(uint8_t *img, uint32_t len, const uint8_t *sk)
{
    uint8_t digest[32];
    svimg_digest(img, len, digest);
    crypto_sign_detached(img + len - crypto_sign_BYTES, NULL, digest, sizeof digest, sk);
    svimg_seal(img, len);
}
#else
static int no_sodium(const char *opt)
{
    fprintf(stderr,
            "%s%s:%s %serror:%s %s needs libsodium, and this senseasm was built without it "
            "(install libsodium-dev and reconfigure)\n",
            DIAG_PREFIX("error"), opt);
    return 2;
}
#endif

/* The command line, parsed. */
typedef struct cli {
    int compile, disasm, info, addr2line, fmt, max_errors;
    int fmt_set, base_set;      /* given explicitly: a --board default yields */
    const svasm_board_t *board; /* --board, or NULL */
    const char *out, *map, *symbol, *signkey, *genkey;
    uint32_t base;
    svasm_link_opts_t lo;
    int nin;
    char **inputs;
} cli_t;

/* Parse the options into *c. Returns -1 to go on, or the exit status (help, version,
 * bad usage). */
static int parse_args(cli_t *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"disassemble", no_argument, NULL, 'd'},
        {"info", no_argument, NULL, OPT_INFO},
        {"addr2line", no_argument, NULL, OPT_ADDR2LINE},
        {"max-errors", required_argument, NULL, OPT_MAXERR},
        {"map", required_argument, NULL, OPT_MAP},
        {"entry", required_argument, NULL, OPT_ENTRY},
        {"name", required_argument, NULL, OPT_NAME},
        {"priority", required_argument, NULL, OPT_PRIORITY},
        {"heap", required_argument, NULL, OPT_HEAP},
        {"stack", required_argument, NULL, OPT_STACK},
        {"arrays", required_argument, NULL, OPT_ARRAYS},
        {"contexts", required_argument, NULL, OPT_CONTEXTS},
        {"channels", required_argument, NULL, OPT_CHANNELS},
        {"device", required_argument, NULL, OPT_DEVICE},
        {"policy", required_argument, NULL, OPT_POLICY},
        {"heartbeat", required_argument, NULL, OPT_HEARTBEAT},
        {"fuel", required_argument, NULL, OPT_FUEL},
        {"xchan", required_argument, NULL, OPT_XCHAN},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"symbol", required_argument, NULL, OPT_SYMBOL},
        {"base", required_argument, NULL, OPT_BASE},
        {"no-dce", no_argument, NULL, OPT_NODCE},
        {"strip", no_argument, NULL, OPT_STRIP},
        {"sign", required_argument, NULL, OPT_SIGN},
        {"gen-key", required_argument, NULL, OPT_GENKEY},
        {"board", required_argument, NULL, OPT_BOARD},
        {"gc", required_argument, NULL, OPT_GC},
        {"color", optional_argument, NULL, OPT_COLOR},
        {NULL, 0, NULL, 0},
    };
    memset(c, 0, sizeof *c);
    svbc_color_scan(argc, argv); /* before any usage error */
    c->fmt = SVASM_FMT_RAW;
    c->max_errors = SVASM_MAX_ERRORS_DEFAULT;
    svasm_link_opts_init(&c->lo);
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, ":co:dhV", longopts, NULL)) != -1) {
        long v;
        char canon[192];
        const char *key = NULL;
        long *field = NULL;
        /* required arguments are never NULL; optional ones (--color) are handled apart */
        const char *arg = optarg ? optarg : "";
        switch (opt) {
        case 'c': c->compile = 1; break;
        case 'o': c->out = optarg; break;
        case 'd': c->disasm = 1; break;
        case OPT_INFO: c->info = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V':
            printf("senseasm %s (Sense-VM image format %u.%u)\n", SVASM_VERSION, SVIMG_FORMAT_MAJOR,
                   SVIMG_FORMAT_MINOR);
            return 0;
        case OPT_MAP: c->map = optarg; break;
        case OPT_ENTRY: c->lo.entry = optarg; break;
        case OPT_NAME:
            if (asm_mfield_check("name", optarg, 0, 0, canon, sizeof canon))
                return bad_usage("bad --name '%s' (1..15 characters of A-Z a-z 0-9 _ . -)", optarg);
            c->lo.mset.name = optarg;
            break;
        case OPT_DEVICE:
            if (asm_mfield_check("device", optarg, 0, 0, canon, sizeof canon))
                return bad_usage("bad --device '%s' (1..15 characters of A-Z a-z 0-9 _ . -)",
                                 optarg);
            if (c->lo.mset.ndevices >=
                (int)(sizeof c->lo.mset.devices / sizeof c->lo.mset.devices[0]))
                return bad_usage("too many --device options%s", "");
            c->lo.mset.devices[c->lo.mset.ndevices++] = optarg;
            break;
        case OPT_XCHAN:
            if (asm_mfield_check("xchan", optarg, 0, 0, canon, sizeof canon))
                return bad_usage("%s", canon);
            if (c->lo.mset.nxchans >= (int)(sizeof c->lo.mset.xchans / sizeof c->lo.mset.xchans[0]))
                return bad_usage("too many --xchan options%s", "");
            c->lo.mset.xchans[c->lo.mset.nxchans++] = optarg;
            break;
        case OPT_POLICY:
            if ((c->lo.mset.policy = svasm_parse_policy(optarg)) < 0)
                return bad_usage("bad --policy '%s' (expected stop, restart or log)", optarg);
            break;
        case OPT_GC:
            if ((c->lo.mset.gc = svasm_parse_gc(optarg)) < 0)
                return bad_usage("bad --gc '%s' (expected copy or compact)", optarg);
            break;
        case OPT_PRIORITY:
            key = "priority";
            field = &c->lo.mset.priority;
            break;
        case OPT_HEAP:
            key = "heap";
            field = &c->lo.mset.heap;
            break;
        case OPT_STACK:
            key = "stack";
            field = &c->lo.mset.stack;
            break;
        case OPT_ARRAYS:
            key = "arrays";
            field = &c->lo.mset.arrays;
            break;
        case OPT_CONTEXTS:
            key = "contexts";
            field = &c->lo.mset.contexts;
            break;
        case OPT_CHANNELS:
            key = "channels";
            field = &c->lo.mset.channels;
            break;
        case OPT_HEARTBEAT:
            key = "heartbeat";
            field = &c->lo.mset.heartbeat;
            break;
        case OPT_FUEL:
            key = "fuel";
            field = &c->lo.mset.fuel;
            break;
        case OPT_FORMAT:
            if (strcmp(arg, "raw") == 0)
                c->fmt = SVASM_FMT_RAW;
            else if (strcmp(arg, "c") == 0)
                c->fmt = SVASM_FMT_C;
            else if (strcmp(arg, "ihex") == 0)
                c->fmt = SVASM_FMT_IHEX;
            else
                return bad_usage("unknown --format '%s' (expected raw, c or ihex)", arg);
            c->fmt_set = 1;
            break;
        case OPT_SYMBOL: c->symbol = arg; break;
        case OPT_BASE:
            if (svasm_parse_size(arg, &v) != 0) {
                char *end;
                errno = 0;
                unsigned long long u = strtoull(arg, &end, 0);
                if (errno || *end || !*arg || u > 0xffffffffull)
                    return bad_usage("bad --base '%s'", arg);
                c->base = (uint32_t)u;
            } else
                c->base = (uint32_t)v;
            c->base_set = 1;
            break;
        case OPT_NODCE: c->lo.no_dce = 1; break;
        case OPT_STRIP: c->lo.strip = 1; break;
        case OPT_SIGN: c->signkey = optarg; break;
        case OPT_GENKEY: c->genkey = optarg; break;
        case OPT_MAXERR:
            if (svasm_parse_size(optarg, &v) != 0 || v > 1000000)
                return bad_usage("bad --max-errors '%s' (a count; 0 for no limit)", optarg);
            c->max_errors = (int)v;
            break;
        case OPT_ADDR2LINE: c->addr2line = 1; break;
        case OPT_BOARD:
            if (!(c->board = svasm_board_find(optarg))) {
                fprintf(stderr, "%s%s:%s %serror:%s unknown board '%s' (known: %s)\n",
                        DIAG_PREFIX("error"), optarg, svasm_board_names());
                return 2;
            }
            break;
        case OPT_COLOR: { /* --color, --color=WHEN, --color WHEN (issue 15) */
            const char *when = optarg ? optarg : "always";
            if (!optarg && optind < argc && svbc_color_parse(argv[optind]) >= 0)
                when = argv[optind++];
            if (svbc_color_parse(when) < 0)
                return bad_usage("bad --color '%s' (expected auto, always or never)", when);
            svbc_color_set(svbc_color_parse(when));
            break;
        }
        case ':': return bad_usage("option '%s' needs an argument", argv[optind - 1]);
        default: return unknown_option(argv[optind - 1], longopts);
        }
        if (key) {
            const char *e;
            if (svasm_parse_size(optarg, &v) != 0)
                return bad_usage("bad number '%s'", optarg);
            if ((e = asm_mfield_check(key, "", 1, v, canon, sizeof canon)) != NULL)
                return bad_usage("%s", e);
            *field = v;
        }
    }
    c->nin = argc - optind;
    c->inputs = argv + optind;
    return -1;
}

/* Link the inputs, sign (--sign), and write the image and the map file. */
static int link_and_write(cli_t *c, const svasm_input_t *in, svasm_diags_t *d, const uint8_t *sk)
{
    const char *outname = c->out ? c->out : "a.svm";
    char *maptext = NULL;
    uint8_t *img;
    uint32_t imglen;
    int rc = 0;
    svasm_link_opts_t lo = c->lo; /* this link's copy: it points at locals */
    lo.outname = outname;
    lo.map = c->map ? &maptext : NULL;
    lo.sign = sk != NULL;
    if (c->board) /* the board's defaults; explicit options win */
        svasm_board_defaults(c->board, outname, &lo, &c->fmt, c->fmt_set, &c->base, c->base_set);
    if (svasm_link(in, (size_t)c->nin, &lo, &img, &imglen, d) != 0)
        return 1;
    if (c->board && svasm_board_check(c->board, img, imglen, outname)) {
        free(img);
        free(maptext);
        return 1;
    }
#ifdef SENSEASM_HAVE_SODIUM
    if (sk)
        sign_image(img, imglen, sk);
#endif
    char *sym = c->symbol ? asm_xstrdup(c->symbol) : c_symbol(outname);
    size_t flen;
    uint8_t *f = svasm_format(img, imglen, c->fmt, sym, c->base, &flen);
    if (write_file(outname, f, flen) != 0)
        rc = 1;
    if (c->map && write_file(c->map, (const uint8_t *)(maptext ? maptext : ""),
                             maptext ? strlen(maptext) : 0) != 0)
        rc = 1;
    free(f);
    free(sym);
    free(img);
    free(maptext);
    return rc;
}

/* A pc operand of --addr2line: 0x24 / 36 (an instruction), r0x48 (a return address, as
 * the `svm-bt` lines of a target print them). Returns 0 and the backtrace entry, or -1. */
static int parse_pc(const char *s, uint32_t *entry)
{
    int ret = s[0] == 'r';
    const char *p = s + ret;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, 0);
    if (errno || *end || !*p || *p == '-' || *p == '+' || v >= SVIMG_BT_EXACT)
        return -1;
    *entry = ret ? (uint32_t)v : (uint32_t)v | SVIMG_BT_EXACT;
    return 0;
}

/* `svm-bt SHA16 ENTRY...` (a target's fault report, runtime svm_format_fault) -> the
 * source backtrace as the desktop runner prints it; 1 if `line` was one. */
static int symbolise_bt(const svasm_image_t *im, const svimg_debug_t *dbg, const char *line,
                        const char *first)
{
    const char *p = strstr(line, "svm-bt ");
    if (!p)
        return 0;
    char sha[17] = "", want[17];
    p += 7;
    if (sscanf(p, "%16[0-9a-f]", sha) != 1 || strlen(sha) != 16)
        return 0;
    for (int k = 0; k < 8; k++)
        snprintf(want + 2 * k, 3, "%02x", im->base[SVIMG_OFF_SHA + k]);
    if (strcmp(sha, want))
        fprintf(stderr,
                "%s%s:%s %swarning:%s the backtrace is of image %s, this image is %s (a "
                "stripped or rebuilt copy?): its code must be the same\n",
                DIAG_PREFIX("warning"), sha, want);
    p += 16;
    uint32_t index = 0;
    char tok[32];
    int n;
    while (sscanf(p, " %31s%n", tok, &n) == 1) {
        p += n;
        uint32_t e;
        char out[512];
        if (!strcmp(tok, "...")) {
            puts("(more frames: the target keeps only the innermost)");
            continue;
        }
        if (parse_pc(tok, &e)) {
            fprintf(stderr, "%s%s:%s %swarning:%s not a backtrace entry: '%s'\n",
                    DIAG_PREFIX("warning"), tok);
            continue;
        }
        if (svimg_frame_hidden(dbg, e))
            continue;
        svimg_format_frame(dbg, e, index++, first, out, sizeof out);
        puts(out);
    }
    return 1;
}

/* senseasm --addr2line IMAGE [PC...]: one line per pc from the image's debug sections;
 * without pcs, standard input is copied with every `svm-bt` line symbolised. */
static int addr2line(int nin, char **inputs)
{
    if (nin < 1)
        return bad_usage("--addr2line expects an image (then pcs, or a log on stdin)%s", "");
    uint32_t *pcs = calloc((size_t)nin, sizeof *pcs);
    if (!pcs)
        return 1;
    for (int i = 1; i < nin; i++)
        if (parse_pc(inputs[i], &pcs[i])) {
            free(pcs);
            return bad_usage("bad pc '%s' (a code offset, e.g. 0x24, or r0x24 for a return "
                             "address)",
                             inputs[i]);
        }
    size_t len;
    uint8_t *buf = read_file(inputs[0], &len);
    if (!buf) {
        free(pcs);
        return 1;
    }
    svasm_diags_t d = {0};
    svasm_image_t im;
    int rc = 1;
    if (!svasm_is_image(buf, len))
        svasm_diag_add(&d, SVASM_ERROR, inputs[0], 0, 0, NULL,
                       "not a Sense-VM image (--addr2line reads a linked .svm)");
    else if (svasm_image_parse(buf, len, &im, &d, inputs[0]) == 0) {
        svasm_debuginfo_t di;
        svimg_debug_t dbg = {im.code,         im.code_size, im.symbols,
                             im.symbols_size, im.lines,     im.lines_size};
        svasm_debuginfo_read(&im, &di);
        for (int i = 1; i < nin; i++) {
            uint32_t pc = pcs[i] & ~SVIMG_BT_EXACT;
            /* a return address names the call before it */
            char *line =
                svasm_addr2line(&di, im.code_size, pcs[i] & SVIMG_BT_EXACT || !pc ? pc : pc - 1);
            puts(line);
            free(line);
        }
        char text[4096];
        const char *first = NULL; /* a trap's report says "trap: " before its svm-bt line */
        while (nin == 1 && fgets(text, sizeof text, stdin)) {
            if (strstr(text, "trap: "))
                first = "Trapped at";
            else if (strstr(text, "Fatal error: exception"))
                first = NULL;
            if (!symbolise_bt(&im, &dbg, text, first))
                fputs(text, stdout);
        }
        svasm_debuginfo_free(&di);
        rc = 0;
    }
    print_diags(&d);
    svasm_diags_free(&d);
    free(buf);
    free(pcs);
    return rc;
}

/* Assemble (-c) or assemble and link the inputs. */
static int build(cli_t *c, const uint8_t *sk)
{
    int rc = 0, nin = c->nin;
    svasm_diags_t d = {0};
    d.max_errors = c->max_errors;
    svasm_input_t *in = asm_xcalloc((size_t)nin, sizeof *in);
    uint8_t **bufs = asm_xcalloc((size_t)nin, sizeof *bufs);
    for (int i = 0; i < nin && !d.truncated; i++) {
        size_t len;
        bufs[i] = read_file(c->inputs[i], &len);
        if (!bufs[i]) {
            rc = 1;
            continue;
        }
        in[i].name = c->inputs[i];
        if (c->compile || is_source(c->inputs[i], bufs[i], len)) {
            in[i].obj = svasm_assemble(c->inputs[i], (const char *)bufs[i], len, &d);
            if (!in[i].obj)
                rc = 1;
            else if (c->compile) {
                char *o = c->out ? asm_xstrdup(c->out) : replace_ext(c->inputs[i], ".o");
                if (svasm_obj_write(in[i].obj, o, &d) != 0)
                    rc = 1;
                free(o);
            }
        } else {
            in[i].buf = bufs[i];
            in[i].len = len;
        }
    }
    if (!c->compile && rc == 0 && !d.truncated)
        rc = link_and_write(c, in, &d, sk);
    print_diags(&d);
    if (d.nerrors)
        rc = 1;
    svasm_diags_free(&d);
    for (int i = 0; i < nin; i++) {
        svasm_obj_free(in[i].obj);
        free(bufs[i]);
    }
    free(in);
    free(bufs);
    return rc;
}

int main(int argc, char **argv)
{
    cli_t cli, *c = &cli;
    int rc = parse_args(c, argc, argv);
    if (rc >= 0)
        return rc;
    if (c->genkey) {
        if (c->nin || c->compile || c->disasm || c->info || c->signkey || c->addr2line)
            return bad_usage("--gen-key takes no other options or inputs%s", "");
#ifdef SENSEASM_HAVE_SODIUM
        if (sodium_init() < 0) {
            fprintf(stderr, "%s%s:%s %serror:%s libsodium failed to initialise\n",
                    DIAG_PREFIX("error"));
            return 1;
        }
        return gen_key(c->genkey);
#else
        return no_sodium("--gen-key");
#endif
    }
    if (c->signkey && (c->compile || c->disasm || c->info || c->addr2line))
        return bad_usage("--sign applies to linking only%s", "");
    if (c->compile + c->disasm + c->info + c->addr2line > 1)
        return bad_usage("-c, -d, --info and --addr2line exclude each other%s", "");
    if (c->addr2line)
        return addr2line(c->nin, c->inputs);
    if (c->disasm || c->info) {
        if (c->nin != 1)
            return bad_usage("%s expects exactly one input file", c->disasm ? "-d" : "--info");
        return inspect(c->inputs[0], c->disasm);
    }
    if (c->nin == 0)
        return bad_usage("no input files%s", "");
    if (c->compile && c->out && c->nin > 1)
        return bad_usage("-o with -c needs a single input file%s", "");
#ifdef SENSEASM_HAVE_SODIUM
    uint8_t sk[crypto_sign_SECRETKEYBYTES];
    if (c->signkey) {
        if (sodium_init() < 0) {
            fprintf(stderr, "%s%s:%s %serror:%s libsodium failed to initialise\n",
                    DIAG_PREFIX("error"));
            return 1;
        }
        if (load_secret_key(c->signkey, sk) != 0)
            return 1;
    }
    rc = build(c, c->signkey ? sk : NULL);
    sodium_memzero(sk, sizeof sk);
    return rc;
#else
    if (c->signkey)
        return no_sodium("--sign");
    return build(c, NULL);
#endif
}
