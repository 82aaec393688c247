/* SPDX-License-Identifier: MIT
 * link.c — the linker: objects and `ar` archives in, one sealed container image out.
 *
 * Steps: load inputs; pull archive members that define a still-undefined symbol (repeat to
 * a fixpoint); resolve symbols (undefined / duplicate errors name object and symbol); cut
 * each object's code into chunks at every non-local label; mark chunks live from the entry
 * (label references, and fall-through from a live chunk whose last instruction is not an
 * END instruction); lay the live chunks out in input order; assign constant-pool entries
 * (identical constants share one) and global-variable slots for what live code uses;
 * apply relocations; write the image (image.c), and the map file from the link's own
 * data. Each step is a function (load_inputs, pull_members, find_entry, cut_and_mark,
 * lay_out, find_var_base, relocate, build_pool, build_manifest, build_symbols,
 * build_lines, write_image, write_map), run in order by link_steps.
 */
#include "internal.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lk_chunk {
    uint32_t start, end, new_start;
    uint8_t live, falls;
} lk_chunk_t;

typedef struct lk_obj {
    svasm_obj_t *o;
    int owned;
    char *name;
    const char *pulled_for; /* archive members: the symbol that pulled them in */
    uint32_t *insn;         /* byte offset -> start of the instruction holding it */
    lk_chunk_t *chunks;
    uint32_t nchunks;
    uint32_t *relord;  /* relocation indices sorted by offset */
    int32_t *constmap; /* local constant -> pool index, -1 unused */
    int32_t *varslot;  /* local variable -> global slot, -1 unused */
} lk_obj_t;

typedef struct lk_member {
    char *name;
    const uint8_t *data;
    size_t size;
    svasm_obj_t *o; /* parsed, NULL if not an object */
    int loaded;
} lk_member_t;

typedef struct lk_archive {
    const char *name;
    lk_member_t *m;
    size_t n, cap;
} lk_archive_t;

typedef struct lk {
    const svasm_link_opts_t *opts;
    svasm_diags_t *d;
    lk_obj_t *objs;
    size_t nobjs, capobjs;
    lk_archive_t *ars;
    size_t nars, capars;
    asm_map_t globals; /* name -> (obj << 20 | sym) encoded as index into gdefs */
    struct {
        uint32_t obj, sym;
    } * gdefs;
    size_t ngdefs, capgdefs;
    int errors;
} lk_t;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
lerr(lk_t *l, const char *where, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    svasm_diag_add(l->d, SVASM_ERROR, where, 0, 0, NULL, "%s", buf);
    l->errors++;
}

/* ---- archives ---- */

static int ar_parse(lk_t *l, const char *name, const uint8_t *buf, size_t len)
{
    asm_ar_member_t *mem;
    size_t n;
    if (asm_ar_list(name, buf, len, &mem, &n, l->d) != 0) {
        l->errors++;
        return -1;
    }
    ASM_GROW(l->ars, l->nars, l->capars);
    lk_archive_t *a = &l->ars[l->nars++];
    memset(a, 0, sizeof *a);
    a->name = name;
    for (size_t i = 0; i < n; i++) {
        ASM_GROW(a->m, a->n, a->cap);
        lk_member_t *m = &a->m[a->n++];
        memset(m, 0, sizeof *m);
        m->name = mem[i].name; /* taken over */
        m->data = mem[i].data;
        m->size = mem[i].size;
        if (svasm_is_elf(m->data, m->size)) {
            m->o = svasm_obj_from_elf(m->name, m->data, m->size, l->d);
            if (!m->o)
                l->errors++;
        }
    }
    free(mem);
    return 0;
}

/* ---- symbols ---- */

/* The defining (object, symbol) of a global name. */
static int global_lookup(const lk_t *l, const char *name, uint32_t *obj, uint32_t *sym)
{
    int g;
    if (!asm_map_get(&l->globals, name, strlen(name), &g) || !l->gdefs || g < 0 ||
        (size_t)g >= l->ngdefs)
        return 0;
    *obj = l->gdefs[g].obj;
    *sym = l->gdefs[g].sym;
    return 1;
}

static void add_obj(lk_t *l, svasm_obj_t *o, int owned, const char *name, const char *why)
{
    ASM_GROW(l->objs, l->nobjs, l->capobjs);
    lk_obj_t *x = &l->objs[l->nobjs];
    memset(x, 0, sizeof *x);
    x->o = o;
    x->owned = owned;
    x->name = asm_xstrdup(name);
    x->pulled_for = why;
    for (uint32_t i = 0; i < o->nsyms; i++) {
        svasm_sym_t *s = &o->syms[i];
        if (s->kind == SVASM_SYM_UNDEF || s->bind != SVASM_BIND_GLOBAL)
            continue;
        uint32_t fo, fs;
        if (global_lookup(l, s->name, &fo, &fs)) {
            lerr(l, name, "duplicate symbol '%s' (first defined in %s)", s->name, l->objs[fo].name);
            continue;
        }
        ASM_GROW(l->gdefs, l->ngdefs, l->capgdefs);
        l->gdefs[l->ngdefs].obj = (uint32_t)l->nobjs;
        l->gdefs[l->ngdefs].sym = i;
        asm_map_put(&l->globals, s->name, strlen(s->name), (int)l->ngdefs++);
    }
    l->nobjs++;
}

static int is_defined(lk_t *l, const char *name)
{
    int g;
    return asm_map_get(&l->globals, name, strlen(name), &g);
}

/* Resolve symbol `si` of object `oi` to its defining (object, symbol). */
static int resolve(lk_t *l, uint32_t oi, int32_t si, uint32_t *doi, uint32_t *dsi)
{
    const svasm_sym_t *s = &l->objs[oi].o->syms[si];
    if (s->kind != SVASM_SYM_UNDEF) {
        *doi = oi;
        *dsi = (uint32_t)si;
        return 1;
    }
    return global_lookup(l, s->name, doi, dsi);
}

/* Names referenced (by a relocation) but not defined yet, plus the entry if undefined. */
static void wanted_names(lk_t *l, asm_map_t *want, const char *entry)
{
    for (size_t oi = 0; oi < l->nobjs; oi++) {
        const svasm_obj_t *o = l->objs[oi].o;
        for (uint32_t k = 0; k < o->nrelocs; k++) {
            int32_t si = o->relocs[k].sym;
            if (si < 0 || o->syms[si].kind != SVASM_SYM_UNDEF)
                continue;
            const char *n = o->syms[si].name;
            if (!is_defined(l, n))
                asm_map_put(want, n, strlen(n), 1);
        }
    }
    if (is_defined(l, entry))
        return;
    for (size_t oi = 0; oi < l->nobjs; oi++) /* a local entry needs no member */
        for (uint32_t k = 0; k < l->objs[oi].o->nsyms; k++)
            if (l->objs[oi].o->syms[k].kind == SVASM_SYM_CODE &&
                strcmp(l->objs[oi].o->syms[k].name, entry) == 0)
                return;
    asm_map_put(want, entry, strlen(entry), 1);
}

/* Load archive members that define a wanted name, until nothing changes. */
static void pull_members(lk_t *l)
{
    const char *entry = l->opts->entry ? l->opts->entry : "main";
    for (int changed = 1; changed;) {
        changed = 0;
        asm_map_t want = {0};
        wanted_names(l, &want, entry);
        for (size_t ai = 0; ai < l->nars && want.n; ai++) {
            lk_archive_t *a = &l->ars[ai];
            for (size_t mi = 0; mi < a->n; mi++) {
                lk_member_t *m = &a->m[mi];
                if (m->loaded || !m->o)
                    continue;
                const char *why = NULL;
                int dummy;
                for (uint32_t i = 0; i < m->o->nsyms && !why; i++) {
                    svasm_sym_t *s = &m->o->syms[i];
                    if (s->kind != SVASM_SYM_UNDEF && s->bind == SVASM_BIND_GLOBAL &&
                        !is_defined(l, s->name) &&
                        asm_map_get(&want, s->name, strlen(s->name), &dummy))
                        why = s->name;
                }
                if (why) {
                    m->loaded = 1;
                    add_obj(l, m->o, 0, m->name, why);
                    changed = 1;
                }
            }
        }
        asm_map_free(&want);
    }
}

/* ---- chunks and liveness ---- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* (offset, index) pairs: sorting them needs no global qsort context */
typedef struct lk_relkey {
    uint32_t offset, index;
} lk_relkey_t;
static int cmp_rel(const void *a, const void *b)
{
    const lk_relkey_t *x = a, *y = b;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int make_chunks(lk_t *l, lk_obj_t *x)
{
    svasm_obj_t *o = x->o;
    x->insn = asm_xmalloc(sizeof *x->insn * (o->code_size + 1));
    for (uint32_t pc = 0; pc < o->code_size;) {
        svbc_insn_t in;
        uint32_t n = svbc_decode(o->code + pc, o->code_size - pc, &in);
        if (!n) {
            char where[300];
            snprintf(where, sizeof where, "%s:(.text+0x%x)", x->name, pc);
            lerr(l, where, "invalid instruction");
            return -1;
        }
        for (uint32_t i = 0; i < n; i++)
            x->insn[pc + i] = pc;
        pc += n;
    }
    x->insn[o->code_size] = o->code_size;
    uint32_t *b = asm_xmalloc(sizeof *b * (o->nsyms + 1));
    uint32_t nb = 0;
    b[nb++] = 0;
    for (uint32_t i = 0; i < o->nsyms; i++)
        if (o->syms[i].kind == SVASM_SYM_CODE) {
            uint32_t v = o->syms[i].value;
            if (x->insn[v] != v) {
                lerr(l, x->name, "symbol '%s' is not at an instruction boundary", o->syms[i].name);
                free(b);
                return -1;
            }
            b[nb++] = v;
        }
    qsort(b, nb, sizeof *b, cmp_u32);
    x->chunks = asm_xcalloc(nb, sizeof *x->chunks);
    for (uint32_t i = 0; i < nb; i++) {
        if (x->nchunks && x->chunks[x->nchunks - 1].start == b[i])
            continue;
        x->chunks[x->nchunks++].start = b[i];
    }
    for (uint32_t i = 0; i < x->nchunks; i++) {
        lk_chunk_t *c = &x->chunks[i];
        c->end = i + 1 < x->nchunks ? x->chunks[i + 1].start : o->code_size;
        if (c->end > c->start) {
            uint32_t last = x->insn[c->end - 1];
            c->falls = !(svbc_opinfo[o->code[last]].flags & SVBC_F_END);
        }
    }
    free(b);
    x->relord = asm_xmalloc(sizeof *x->relord * (o->nrelocs ? o->nrelocs : 1));
    lk_relkey_t *keys = asm_xmalloc(sizeof *keys * (o->nrelocs ? o->nrelocs : 1));
    for (uint32_t i = 0; i < o->nrelocs; i++) {
        keys[i].offset = o->relocs[i].offset;
        keys[i].index = i;
    }
    if (o->nrelocs)
        qsort(keys, o->nrelocs, sizeof *keys, cmp_rel);
    for (uint32_t i = 0; i < o->nrelocs; i++)
        x->relord[i] = keys[i].index;
    free(keys);
    x->constmap = asm_xmalloc(sizeof *x->constmap * (o->nconsts ? o->nconsts : 1));
    for (uint32_t i = 0; i < o->nconsts; i++)
        x->constmap[i] = -1;
    x->varslot = asm_xmalloc(sizeof *x->varslot * (o->nvars ? o->nvars : 1));
    for (uint32_t i = 0; i < o->nvars; i++)
        x->varslot[i] = -1;
    for (uint32_t i = 0; i < o->nrelocs; i++) {
        const svasm_reloc_t *r = &o->relocs[i];
        if (r->offset == 0 || x->insn[r->offset] == r->offset) {
            lerr(l, x->name, "relocation at 0x%x is not inside an instruction operand", r->offset);
            return -1;
        }
    }
    return 0;
}

static uint32_t chunk_of(const lk_obj_t *x, uint32_t off)
{
    uint32_t lo = 0, hi = x->nchunks;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (x->chunks[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Target (object, offset) of a PC32 relocation. */
static int pc_target(lk_t *l, uint32_t oi, const svasm_reloc_t *r, uint32_t *toi, uint32_t *toff)
{
    int64_t t;
    if (r->sym < 0) {
        *toi = oi;
        t = r->addend;
    } else {
        uint32_t doi = 0, dsi = 0;
        if (!resolve(l, oi, r->sym, &doi, &dsi))
            return 0;
        const svasm_sym_t *s = &l->objs[doi].o->syms[dsi];
        if (s->kind != SVASM_SYM_CODE)
            return 0;
        *toi = doi;
        t = (int64_t)s->value + r->addend;
    }
    if (t < 0 || t >= l->objs[*toi].o->code_size)
        return 0;
    *toff = (uint32_t)t;
    return 1;
}

static void check_refs(lk_t *l)
{
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        svasm_obj_t *o = x->o;
        uint8_t *reported = asm_xcalloc(o->nsyms ? o->nsyms : 1, 1);
        for (uint32_t k = 0; k < o->nrelocs; k++) {
            const svasm_reloc_t *r = &o->relocs[x->relord[k]];
            char where[300];
            snprintf(where, sizeof where, "%s:(.text+0x%x)", x->name, r->offset);
            if (r->sym < 0) {
                if (r->type == SVASM_R_PC32 &&
                    (r->addend < 0 || (uint32_t)r->addend >= o->code_size))
                    lerr(l, where, "jump target outside the code");
                continue;
            }
            uint32_t doi = 0, dsi = 0;
            if (!resolve(l, oi, r->sym, &doi, &dsi)) {
                if (!reported[r->sym])
                    lerr(l, where, "undefined symbol '%s'", o->syms[r->sym].name);
                reported[r->sym] = 1;
                continue;
            }
            const svasm_sym_t *s = &l->objs[doi].o->syms[dsi];
            if (r->type == SVASM_R_PC32 && s->kind != SVASM_SYM_CODE)
                lerr(l, where, "'%s' is a global variable, referenced as a code label", s->name);
            else if (r->type == SVASM_R_VAR16 && s->kind != SVASM_SYM_VAR)
                lerr(l, where, "'%s' is a code label, referenced as a global variable", s->name);
            else if (r->type == SVASM_R_PC32) {
                uint32_t toi = 0, toff = 0;
                if (!pc_target(l, oi, r, &toi, &toff))
                    lerr(l, where, "jump target '%s%+d' outside the code", s->name, r->addend);
            }
        }
        free(reported);
    }
}

static void mark_live(lk_t *l, uint32_t eoi, uint32_t eoff)
{
    size_t cap = 64, n = 0;
    struct wi {
        uint32_t o, c;
    } *w = asm_xmalloc(sizeof *w * cap);
    uint32_t ec = chunk_of(&l->objs[eoi], eoff);
    l->objs[eoi].chunks[ec].live = 1;
    w[n].o = eoi;
    w[n++].c = ec;
    while (n) {
        struct wi it = w[--n];
        lk_obj_t *x = &l->objs[it.o];
        lk_chunk_t *c = &x->chunks[it.c];
        /* fall-through */
        if (c->falls && it.c + 1 < x->nchunks && !x->chunks[it.c + 1].live) {
            x->chunks[it.c + 1].live = 1;
            if (n == cap)
                w = asm_xrealloc(w, sizeof *w * (cap *= 2));
            w[n].o = it.o;
            w[n++].c = it.c + 1;
        }
        /* label references inside the chunk (relocations sorted by offset) */
        uint32_t lo = 0, hi = x->o->nrelocs;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (x->o->relocs[x->relord[mid]].offset < c->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (uint32_t k = lo; k < x->o->nrelocs; k++) {
            const svasm_reloc_t *r = &x->o->relocs[x->relord[k]];
            if (r->offset >= c->end)
                break;
            if (r->type != SVASM_R_PC32)
                continue;
            uint32_t toi = 0, toff = 0;
            if (!pc_target(l, it.o, r, &toi, &toff))
                continue;
            uint32_t tc = chunk_of(&l->objs[toi], toff);
            if (!l->objs[toi].chunks[tc].live) {
                l->objs[toi].chunks[tc].live = 1;
                if (n == cap)
                    w = asm_xrealloc(w, sizeof *w * (cap *= 2));
                w[n].o = toi;
                w[n++].c = tc;
            }
        }
    }
    free(w);
}

static uint32_t new_addr(const lk_obj_t *x, uint32_t off)
{
    const lk_chunk_t *c = &x->chunks[chunk_of(x, off)];
    return c->new_start + (off - c->start);
}

/* ---- manifest ---- */

typedef struct lk_manifest {
    char name[SVIMG_NAME_MAX];
    long priority, policy, heap, stack, arrays, contexts, channels, heartbeat, fuel, gc;
    char devices[SVIMG_MAX_DEVICES][SVIMG_NAME_MAX];
    int ndevices;
    asm_xchan_t xchans[SVIMG_MAX_XCHANS];
    int nxchans;
    const char *set_by[16]; /* which object set each scalar (for conflicts) */
} lk_manifest_t;

static long *mf_field(lk_manifest_t *m, const char *key)
{
    if (strcmp(key, "priority") == 0)
        return &m->priority;
    if (strcmp(key, "policy") == 0)
        return &m->policy;
    if (strcmp(key, "heap") == 0)
        return &m->heap;
    if (strcmp(key, "stack") == 0)
        return &m->stack;
    if (strcmp(key, "arrays") == 0)
        return &m->arrays;
    if (strcmp(key, "contexts") == 0)
        return &m->contexts;
    if (strcmp(key, "channels") == 0)
        return &m->channels;
    if (strcmp(key, "heartbeat") == 0)
        return &m->heartbeat;
    if (strcmp(key, "fuel") == 0)
        return &m->fuel;
    if (strcmp(key, "gc") == 0)
        return &m->gc;
    return NULL;
}

static void mf_add_device(lk_t *l, lk_manifest_t *m, const char *dev, const char *where)
{
    for (int i = 0; i < m->ndevices; i++)
        if (strcmp(m->devices[i], dev) == 0)
            return;
    if (m->ndevices >= (int)SVIMG_MAX_DEVICES) {
        lerr(l, where, "too many devices (at most %u)", SVIMG_MAX_DEVICES);
        return;
    }
    snprintf(m->devices[m->ndevices++], SVIMG_NAME_MAX, "%s", dev);
}

/* An inter-container channel: the same declaration twice is one; a different one with the
 * same name is an error. */
static void mf_add_xchan(lk_t *l, lk_manifest_t *m, const char *spec, const char *where)
{
    asm_xchan_t x;
    char canon[192];
    const char *e = asm_xchan_parse(spec, &x, canon, sizeof canon);
    if (e) {
        lerr(l, where, "%s", e);
        return;
    }
    for (int i = 0; i < m->nxchans; i++)
        if (strcmp(m->xchans[i].name, x.name) == 0) {
            if (m->xchans[i].dir != x.dir || m->xchans[i].depth != x.depth ||
                m->xchans[i].policy != x.policy)
                lerr(l, where, "conflicting declarations of inter-container channel '%s'", x.name);
            return;
        }
    if (m->nxchans >= (int)SVIMG_MAX_XCHANS) {
        lerr(l, where, "too many inter-container channels (at most %u)", SVIMG_MAX_XCHANS);
        return;
    }
    m->xchans[m->nxchans++] = x;
}

static void default_name(const char *out, char *name)
{
    const char *b = out ? strrchr(out, '/') : NULL;
    b = b ? b + 1 : out ? out : "image";
    size_t n = 0;
    for (; b[n] && b[n] != '.' && n < SVIMG_NAME_MAX - 1; n++) {
        char c = b[n];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-';
        name[n] = ok ? c : '_';
    }
    name[n] = 0;
    if (!n)
        snprintf(name, SVIMG_NAME_MAX, "image");
}

static void build_manifest(lk_t *l, lk_manifest_t *m)
{
    long *all[] = {&m->priority, &m->policy,   &m->heap,      &m->stack, &m->arrays,
                   &m->contexts, &m->channels, &m->heartbeat, &m->fuel,  &m->gc};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        *all[i] = -1;
    m->name[0] = 0;
    const char *name_by = NULL;
    for (size_t oi = 0; oi < l->nobjs; oi++) {
        svasm_obj_t *o = l->objs[oi].o;
        for (uint32_t i = 0; i < o->nmanifest; i++) {
            const char *k = o->manifest[i].key, *v = o->manifest[i].value;
            char canon[192];
            char *end;
            long num = strtol(v, &end, 10);
            int isnum = *v && !*end;
            const char *e = asm_mfield_check(k, v, isnum, num, canon, sizeof canon);
            if (e) {
                lerr(l, l->objs[oi].name, "%s", e);
                continue;
            }
            if (strcmp(k, "device") == 0) {
                mf_add_device(l, m, v, l->objs[oi].name);
            } else if (strcmp(k, "xchan") == 0) {
                mf_add_xchan(l, m, v, l->objs[oi].name);
            } else if (strcmp(k, "name") == 0) {
                if (name_by && strcmp(m->name, v) != 0)
                    lerr(l, l->objs[oi].name, "conflicting manifest name '%s' (%s says '%s')", v,
                         name_by, m->name);
                snprintf(m->name, sizeof m->name, "%s", v);
                name_by = l->objs[oi].name;
            } else {
                long *f = mf_field(m, k);
                long val = strcmp(k, "policy") == 0 ? svasm_parse_policy(v)
                           : strcmp(k, "gc") == 0   ? svasm_parse_gc(v)
                                                    : num;
                size_t fi = (size_t)(f - &m->priority);
                if (*f >= 0 && *f != val)
                    lerr(l, l->objs[oi].name, "conflicting manifest '%s' (%s sets it differently)",
                         k, m->set_by[fi]);
                *f = val;
                m->set_by[fi] = l->objs[oi].name;
            }
        }
    }
    /* options win */
    const svasm_mset_t *s = &l->opts->mset;
    if (s->name)
        snprintf(m->name, sizeof m->name, "%s", s->name);
    const long opt[] = {s->priority, s->policy,   s->heap,      s->stack, s->arrays,
                        s->contexts, s->channels, s->heartbeat, s->fuel,  s->gc};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (opt[i] >= 0)
            *all[i] = opt[i];
    for (int i = 0; i < s->ndevices; i++)
        mf_add_device(l, m, s->devices[i], "senseasm");
    for (int i = 0; i < s->nxchans; i++)
        mf_add_xchan(l, m, s->xchans[i], "senseasm");
    /* then the defaults (a board's): the manifest the user wrote wins over them */
    const svasm_mset_t *df = &l->opts->mdefault;
    const long dflt[] = {df->priority, df->policy,   df->heap,      df->stack, df->arrays,
                         df->contexts, df->channels, df->heartbeat, df->fuel,  df->gc};
    _Static_assert(sizeof dflt / sizeof dflt[0] == sizeof all / sizeof all[0] &&
                       sizeof opt / sizeof opt[0] == sizeof all / sizeof all[0],
                   "one entry per manifest scalar");
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (*all[i] < 0)
            *all[i] = dflt[i];
    if (!m->name[0])
        default_name(l->opts->outname, m->name);
    if (m->priority < 0)
        m->priority = 0;
    if (m->policy < 0)
        m->policy = SVMF_POLICY_STOP;
    if (m->heap < 0)
        m->heap = SVMF_DEFAULT_HEAP;
    if (m->stack < 0)
        m->stack = SVMF_DEFAULT_STACK;
    if (m->arrays < 0)
        m->arrays = 0;
    if (m->contexts < 0)
        m->contexts = SVMF_DEFAULT_CONTEXTS;
    if (m->channels < 0)
        m->channels = SVMF_DEFAULT_CHANNELS;
    if (m->heartbeat < 0)
        m->heartbeat = 0;
    if (m->fuel < 0)
        m->fuel = 0;
    if (m->gc < 0)
        m->gc = SVMF_GC_COPY;
}

static void write_manifest(const lk_manifest_t *m, uint32_t entry, uint32_t globals, uint8_t *p)
{
    memset(p, 0, SVIMG_MANIFEST_SIZE);
    memcpy(p + SVMF_OFF_NAME, m->name, strlen(m->name));
    p[SVMF_OFF_PRIORITY] = (uint8_t)m->priority;
    p[SVMF_OFF_POLICY] = (uint8_t)m->policy;
    p[SVMF_OFF_NDEVICES] = (uint8_t)m->ndevices;
    p[SVMF_OFF_NXCHANS] = (uint8_t)m->nxchans;
    svbc_write_i32(p + SVMF_OFF_HEAP, (int32_t)m->heap);
    svbc_write_i32(p + SVMF_OFF_STACK, (int32_t)m->stack);
    svbc_write_i32(p + SVMF_OFF_ARRAYS, (int32_t)m->arrays);
    svbc_write_u16(p + SVMF_OFF_CONTEXTS, (uint16_t)m->contexts);
    svbc_write_u16(p + SVMF_OFF_CHANNELS, (uint16_t)m->channels);
    svbc_write_i32(p + SVMF_OFF_ENTRY, (int32_t)entry);
    svbc_write_i32(p + SVMF_OFF_GLOBALS, (int32_t)globals);
    svbc_write_i32(p + SVMF_OFF_HEARTBEAT, (int32_t)m->heartbeat);
    svbc_write_i32(p + SVMF_OFF_FUEL, (int32_t)m->fuel);
    p[SVMF_OFF_GC] = (uint8_t)m->gc;
    for (int i = 0; i < m->ndevices; i++)
        memcpy(p + SVMF_OFF_DEVICES + SVIMG_NAME_MAX * (unsigned)i, m->devices[i],
               strlen(m->devices[i]));
    for (int i = 0; i < m->nxchans; i++) { /* name, dir, policy, depth, reserved 0 */
        uint8_t *x = p + SVMF_OFF_XCHANS + SVMF_XCHAN_SIZE * (unsigned)i;
        memcpy(x, m->xchans[i].name, strlen(m->xchans[i].name));
        x[16] = m->xchans[i].dir;
        x[17] = m->xchans[i].policy;
        svbc_write_u16(x + 18, m->xchans[i].depth);
    }
}

/* ---- the link ---- */

void svasm_mset_init(svasm_mset_t *m)
{
    memset(m, 0, sizeof *m);
    m->priority = m->policy = m->heap = m->stack = m->arrays = m->contexts = m->channels =
        m->heartbeat = m->fuel = m->gc = -1;
}

void svasm_link_opts_init(svasm_link_opts_t *o)
{
    memset(o, 0, sizeof *o);
    svasm_mset_init(&o->mset);
    svasm_mset_init(&o->mdefault);
}

typedef struct lk_symout {
    uint32_t addr;
    const char *name, *obj;
    int global;
} lk_symout_t;

static int cmp_symout(const void *a, const void *b)
{
    const lk_symout_t *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return strcmp(x->obj, y->obj);
}

typedef struct lk_lineout {
    uint32_t addr, line, end;
    const char *file;
} lk_lineout_t;

/* What the steps of a link produce, for the later ones (and the map file). */
typedef struct lk_out {
    const char *entry;   /* entry symbol name */
    uint32_t eoi, eoff;  /* its object and offset there */
    uint32_t entry_addr; /* its final code address */
    uint8_t *code;
    uint32_t code_size;
    uint32_t var_base; /* global slots 0..var_base-1 are used by number */
    uint32_t nglobals;
    asm_map_t cmap;    /* constant key (kind byte + payload) -> pool index */
    char **ckeys;      /* keys in pool-index order */
    uint32_t *ckeylen; /* their payload lengths */
    size_t nckeys, capckeys;
    asm_sb_t pool, symsec, linesec;
    lk_symout_t *so; /* symbols of live code, by address */
    size_t nso;
    uint8_t mbytes[SVIMG_MANIFEST_SIZE];
    svimg_sections_t layout; /* where asm_image_build put each section */
} lk_out_t;

static void free_out(lk_out_t *r)
{
    free(r->code);
    free(r->pool.s);
    free(r->symsec.s);
    free(r->linesec.s);
    free(r->so);
    for (size_t i = 0; i < r->nckeys; i++)
        free(r->ckeys[i]);
    free(r->ckeys);
    free(r->ckeylen);
    asm_map_free(&r->cmap);
}

static void free_lk(lk_t *l)
{
    for (size_t i = 0; i < l->nobjs; i++) {
        lk_obj_t *x = &l->objs[i];
        if (x->owned)
            svasm_obj_free(x->o);
        free(x->name);
        free(x->insn);
        free(x->chunks);
        free(x->relord);
        free(x->constmap);
        free(x->varslot);
    }
    free(l->objs);
    for (size_t i = 0; i < l->nars; i++) {
        for (size_t j = 0; j < l->ars[i].n; j++) {
            svasm_obj_free(l->ars[i].m[j].o);
            free(l->ars[i].m[j].name);
        }
        free(l->ars[i].m);
    }
    free(l->ars);
    free(l->gdefs);
    asm_map_free(&l->globals);
}

/* Step 1: objects, assembled objects and archive member lists (members are loaded by
 * pull_members). */
static void load_inputs(lk_t *l, const svasm_input_t *in, size_t nin)
{
    for (size_t i = 0; i < nin; i++) {
        if (in[i].obj) {
            add_obj(l, in[i].obj, 0, in[i].name, NULL);
        } else if (svasm_is_archive(in[i].buf, in[i].len)) {
            ar_parse(l, in[i].name, in[i].buf, in[i].len);
        } else if (svasm_is_elf(in[i].buf, in[i].len)) {
            svasm_obj_t *o = svasm_obj_from_elf(in[i].name, in[i].buf, in[i].len, l->d);
            if (!o)
                l->errors++;
            else
                add_obj(l, o, 1, in[i].name, NULL);
        } else {
            lerr(l, in[i].name, "file format not recognized (expected an object or archive)");
        }
    }
}

/* Step 3: the entry symbol: a global, or a local code label defined in one object. */
static int find_entry(lk_t *l, lk_out_t *r)
{
    uint32_t eoi = 0, esi = 0;
    int found = 0;
    if (global_lookup(l, r->entry, &eoi, &esi)) {
        found = 1;
    } else {
        for (uint32_t oi = 0; oi < l->nobjs; oi++)
            for (uint32_t k = 0; k < l->objs[oi].o->nsyms; k++) {
                const svasm_sym_t *s = &l->objs[oi].o->syms[k];
                if (s->kind == SVASM_SYM_CODE && strcmp(s->name, r->entry) == 0) {
                    if (found)
                        lerr(l, l->objs[oi].name,
                             "entry symbol '%s' is defined locally in several objects", r->entry);
                    eoi = oi, esi = k, found = 1;
                }
            }
    }
    if (!found) {
        lerr(l, NULL, "undefined symbol '%s' (the entry point)", r->entry);
        return -1;
    }
    const svasm_sym_t *s = &l->objs[eoi].o->syms[esi];
    if (s->kind != SVASM_SYM_CODE) {
        lerr(l, l->objs[eoi].name, "entry symbol '%s' is not a code label", r->entry);
        return -1;
    }
    r->eoi = eoi;
    r->eoff = s->value;
    return 0;
}

/* Step 4: chunks, references, liveness (everything with --no-dce). */
static int cut_and_mark(lk_t *l, lk_out_t *r)
{
    for (uint32_t oi = 0; oi < l->nobjs; oi++)
        if (make_chunks(l, &l->objs[oi]) != 0)
            return -1;
    check_refs(l);
    if (l->errors)
        return -1;
    if (r->eoff >= l->objs[r->eoi].o->code_size) {
        lerr(l, l->objs[r->eoi].name, "entry symbol '%s' has no code", r->entry);
        return -1;
    }
    if (l->opts->no_dce) {
        for (uint32_t oi = 0; oi < l->nobjs; oi++)
            for (uint32_t c = 0; c < l->objs[oi].nchunks; c++)
                l->objs[oi].chunks[c].live = 1;
    } else {
        mark_live(l, r->eoi, r->eoff);
    }
    return 0;
}

/* Step 5: live chunks in input order, copied into the final code. */
static int lay_out(lk_t *l, lk_out_t *r)
{
    uint64_t pc = 0;
    for (uint32_t oi = 0; oi < l->nobjs; oi++)
        for (uint32_t c = 0; c < l->objs[oi].nchunks; c++) {
            lk_chunk_t *ch = &l->objs[oi].chunks[c];
            if (!ch->live)
                continue;
            ch->new_start = (uint32_t)pc;
            pc += ch->end - ch->start;
        }
    if (pc > SVIMG_MAX_SIZE) {
        lerr(l, NULL, "code too large (%llu bytes)", (unsigned long long)pc);
        return -1;
    }
    r->code_size = (uint32_t)pc;
    r->code = asm_xcalloc(r->code_size ? r->code_size : 1, 1);
    for (uint32_t oi = 0; oi < l->nobjs; oi++)
        for (uint32_t c = 0; c < l->objs[oi].nchunks; c++) {
            lk_chunk_t *ch = &l->objs[oi].chunks[c];
            if (ch->live)
                memcpy(r->code + ch->new_start, l->objs[oi].o->code + ch->start,
                       ch->end - ch->start);
        }
    r->entry_addr = new_addr(&l->objs[r->eoi], r->eoff);
    return 0;
}

/* Step 6: global slots that live code uses by number (a `g` operand with no relocation)
 * come first: var_base is one past the highest. */
static void find_var_base(lk_t *l, lk_out_t *r)
{
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        uint32_t k = 0;
        for (uint32_t c = 0; c < x->nchunks; c++) {
            lk_chunk_t *ch = &x->chunks[c];
            if (!ch->live)
                continue;
            for (uint32_t p = ch->start; p < ch->end;) {
                svbc_insn_t ins;
                uint32_t n = svbc_decode(x->o->code + p, x->o->code_size - p, &ins);
                const char *shape = svbc_opinfo[ins.op].operands;
                uint32_t field = p + 1;
                for (int j = 0; shape[j]; j++) {
                    if (shape[j] == SVBC_OPND_GLOBAL) {
                        while (k < x->o->nrelocs && x->o->relocs[x->relord[k]].offset < field)
                            k++;
                        int has = k < x->o->nrelocs && x->o->relocs[x->relord[k]].offset == field;
                        if (!has && (uint32_t)ins.opnd[j] + 1 > r->var_base)
                            r->var_base = (uint32_t)ins.opnd[j] + 1;
                    }
                    field += svbc_operand_size(shape[j]);
                }
                p += n;
            }
        }
    }
    r->nglobals = r->var_base;
}

/* The pool index of local constant ci of x: identical constants share one entry. */
static int intern_const(lk_t *l, lk_out_t *r, lk_obj_t *x, uint32_t ci)
{
    if (x->constmap[ci] >= 0)
        return 0;
    const svasm_const_t *c = &x->o->consts[ci];
    char *key = asm_xmalloc((size_t)c->len + 1);
    key[0] = (char)c->kind;
    memcpy(key + 1, c->data, c->len);
    int idx;
    if (asm_map_get(&r->cmap, key, (size_t)c->len + 1, &idx)) {
        free(key);
        x->constmap[ci] = idx;
        return 0;
    }
    if (r->nckeys >= SVIMG_CONST_MAX) {
        free(key);
        lerr(l, x->name, "too many constants: an image holds at most %u", SVIMG_CONST_MAX);
        return -1;
    }
    idx = (int)r->nckeys;
    asm_map_put(&r->cmap, key, (size_t)c->len + 1, idx);
    if (r->nckeys >= r->capckeys)
        r->ckeylen =
            asm_xrealloc(r->ckeylen, sizeof *r->ckeylen * (r->capckeys ? r->capckeys * 2 : 8));
    ASM_GROW(r->ckeys, r->nckeys, r->capckeys);
    r->ckeylen[r->nckeys] = c->len;
    r->ckeys[r->nckeys++] = key;
    x->constmap[ci] = idx;
    return 0;
}

/* Step 7: relocations of live code: jump displacements, pool indices, global slots. */
static int relocate(lk_t *l, lk_out_t *r)
{
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        for (uint32_t k = 0; k < x->o->nrelocs; k++) {
            const svasm_reloc_t *rl = &x->o->relocs[x->relord[k]];
            if (!x->chunks[chunk_of(x, rl->offset)].live)
                continue;
            uint8_t *field = r->code + new_addr(x, rl->offset);
            if (rl->type == SVASM_R_PC32) {
                uint32_t toi = 0, toff = 0;
                pc_target(l, oi, rl, &toi, &toff);
                int64_t v = (int64_t)new_addr(&l->objs[toi], toff) -
                            (int64_t)new_addr(x, x->insn[rl->offset]);
                svbc_write_i32(field, (int32_t)v);
            } else if (rl->type == SVASM_R_CONST16) {
                if (intern_const(l, r, x, (uint32_t)rl->addend) != 0)
                    return -1;
                svbc_write_u16(field, (uint16_t)x->constmap[rl->addend]);
            } else if (rl->type == SVASM_R_VAR16) {
                uint32_t doi = 0, dsi = 0;
                resolve(l, oi, rl->sym, &doi, &dsi);
                lk_obj_t *dx = &l->objs[doi];
                uint32_t slot = dx->o->syms[dsi].value;
                if (dx->varslot[slot] < 0) {
                    if (r->nglobals >= SVMF_GLOBALS_MAX) {
                        lerr(l, x->name, "too many global variables: an image holds at most %u",
                             SVMF_GLOBALS_MAX);
                        return -1;
                    }
                    dx->varslot[slot] = (int32_t)r->nglobals++;
                }
                svbc_write_u16(field, (uint16_t)dx->varslot[slot]);
            }
        }
    }
    return 0;
}

static void sb_u32(asm_sb_t *b, uint32_t v)
{
    uint8_t t[4];
    svbc_write_i32(t, (int32_t)v);
    asm_sb_add(b, (const char *)t, 4);
}

/* Step 8: the CONST section: count, offsets table, then the objects (image-format.md §6). */
static void build_pool(lk_out_t *r)
{
    asm_sb_t objs = {0};
    uint32_t n = (uint32_t)r->nckeys;
    sb_u32(&r->pool, n);
    uint32_t off = 4 + 4 * n;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len = r->ckeylen[i];
        const char *key = r->ckeys[i];
        uint8_t kind = (uint8_t)key[0];
        sb_u32(&r->pool, off);
        if (kind == SVOBJ_STRING) {
            sb_u32(&objs, SVOBJ_HEADER(SVOBJ_STRING, 0, 1 + (len + 3) / 4));
            sb_u32(&objs, len);
        } else {
            sb_u32(&objs, SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));
        }
        asm_sb_add(&objs, key + 1, len);
        static const char zero[4] = {0};
        asm_sb_add(&objs, zero, (4 - (len & 3)) & 3);
        off += kind == SVOBJ_STRING ? 8 + ((len + 3) & ~3u) : 12;
    }
    if (objs.len)
        asm_sb_add(&r->pool, objs.s, objs.len);
    free(objs.s);
}

/* Step 10: symbols of live code, by address; the SYMBOLS section unless stripped
 * (object-format.md §6). */
static void build_symbols(lk_t *l, lk_out_t *r)
{
    size_t capso = 0;
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        for (uint32_t k = 0; k < x->o->nsyms; k++) {
            const svasm_sym_t *s = &x->o->syms[k];
            if (s->kind != SVASM_SYM_CODE || s->value >= x->o->code_size ||
                !x->chunks[chunk_of(x, s->value)].live)
                continue;
            ASM_GROW(r->so, r->nso, capso);
            lk_symout_t *o = &r->so[r->nso++];
            o->addr = new_addr(x, s->value);
            o->name = s->name;
            o->obj = x->name;
            o->global = s->bind == SVASM_BIND_GLOBAL;
        }
    }
    if (r->nso)
        qsort(r->so, r->nso, sizeof *r->so, cmp_symout);
    if (l->opts->strip)
        return;
    asm_sb_t names = {0};
    sb_u32(&r->symsec, (uint32_t)r->nso);
    uint32_t base = 4 + 8 * (uint32_t)r->nso;
    for (size_t i = 0; i < r->nso; i++) {
        sb_u32(&r->symsec, r->so[i].addr);
        sb_u32(&r->symsec, base + (uint32_t)names.len);
        asm_sb_add(&names, r->so[i].name, strlen(r->so[i].name) + 1);
    }
    if (names.len)
        asm_sb_add(&r->symsec, names.s, names.len);
    free(names.s);
    while (r->symsec.len & 3)
        asm_sb_add(&r->symsec, "", 1);
}

/* Step 11: the LINES section of live code unless stripped: u32 n; n x {u32 address,
 * u32 line, u32 file name offset from the section start | end character << 20};
 * NUL-terminated names; zero padding; at most SVIMG_LINES_MAX bytes. */
static void build_lines(lk_t *l, lk_out_t *r)
{
    if (l->opts->strip)
        return;
    lk_lineout_t *lo = NULL;
    size_t nlo = 0, caplo = 0;
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        for (uint32_t k = 0; k < x->o->nlines; k++) {
            const svasm_line_t *ln = &x->o->lines[k];
            if (ln->offset >= x->o->code_size || !x->chunks[chunk_of(x, ln->offset)].live)
                continue;
            ASM_GROW(lo, nlo, caplo);
            lo[nlo].addr = new_addr(x, ln->offset);
            lo[nlo].line = ln->line;
            lo[nlo].end = ln->end;
            lo[nlo].file = ln->file;
            nlo++;
        }
    }
    if (!nlo)
        return;
    asm_sb_t names = {0};
    asm_map_t seen = {0};
    sb_u32(&r->linesec, (uint32_t)nlo);
    uint32_t base = 4 + 12 * (uint32_t)nlo;
    for (size_t i = 0; i < nlo; i++) {
        int off;
        size_t flen = strlen(lo[i].file);
        if (!asm_map_get(&seen, lo[i].file, flen, &off)) {
            off = (int)(base + names.len);
            asm_map_put(&seen, lo[i].file, flen, off);
            asm_sb_add(&names, lo[i].file, flen + 1);
        }
        sb_u32(&r->linesec, lo[i].addr);
        sb_u32(&r->linesec, lo[i].line);
        sb_u32(&r->linesec, SVIMG_LFILE((uint32_t)off, lo[i].end));
    }
    asm_sb_add(&r->linesec, names.s, names.len);
    free(names.s);
    asm_map_free(&seen);
    free(lo);
    while (r->linesec.len & 3)
        asm_sb_add(&r->linesec, "", 1);
    if (r->linesec.len > SVIMG_LINES_MAX) /* its file offsets have 20 bits (image.h) */
        lerr(l, NULL, "line table too large (%zu bytes, at most %u): link with --strip",
             r->linesec.len, SVIMG_LINES_MAX);
}

/* Step 12: the sections in the linker's order (image-format.md §1), sealed. */
static uint8_t *write_image(lk_t *l, lk_out_t *r, uint32_t *imglen)
{
    asm_section_t s[SVIMG_MAX_SECTIONS];
    uint32_t n = 0;
    s[n++] = (asm_section_t){SVIMG_SECT_CODE, r->code, r->code_size};
    s[n++] = (asm_section_t){SVIMG_SECT_CONST, (const uint8_t *)r->pool.s, (uint32_t)r->pool.len};
    s[n++] = (asm_section_t){SVIMG_SECT_MANIFEST, r->mbytes, SVIMG_MANIFEST_SIZE};
    if (!l->opts->strip)
        s[n++] = (asm_section_t){SVIMG_SECT_SYMBOLS, (const uint8_t *)r->symsec.s,
                                 (uint32_t)r->symsec.len};
    if (r->linesec.len)
        s[n++] = (asm_section_t){SVIMG_SECT_LINES, (const uint8_t *)r->linesec.s,
                                 (uint32_t)r->linesec.len};
    if (l->opts->sign) /* zeros for now: the caller signs the sealed image */
        s[n++] = (asm_section_t){SVIMG_SECT_SIGNATURE, NULL, 64};
    uint8_t *img = asm_image_build(s, n, imglen, &r->layout);
    if (!img)
        lerr(l, NULL, "image too large");
    return img;
}

/* Step 13: the map file, from the link's own data. */
static char *write_map(lk_t *l, const lk_out_t *r, uint32_t imglen)
{
    asm_sb_t map = {0};
    const char *outname = l->opts->outname ? l->opts->outname : "image";
    asm_sb_printf(&map, "# senseasm map file for %s\n\n", outname);
    asm_sb_printf(&map, "Image: %u bytes, entry %s at 0x%04x, %u global variable%s\n\n", imglen,
                  r->entry, r->entry_addr, r->nglobals, r->nglobals == 1 ? "" : "s");
    asm_sb_printf(&map, "Sections:\n  %-10s %-10s %s\n", "kind", "offset", "size");
    for (uint32_t i = 0; i < r->layout.nsect; i++) {
        uint32_t k = r->layout.order[i];
        asm_sb_printf(&map, "  %-10s 0x%08x %u\n", svimg_section_name(k), r->layout.off[k],
                      r->layout.size[k]);
    }
    asm_sb_printf(&map, "\nInputs:\n");
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        uint32_t live = 0;
        for (uint32_t c = 0; c < x->nchunks; c++)
            if (x->chunks[c].live)
                live += x->chunks[c].end - x->chunks[c].start;
        asm_sb_printf(&map, "  %s: %u of %u code bytes kept", x->name, live, x->o->code_size);
        if (x->pulled_for)
            asm_sb_printf(&map, " (archive member, needed for '%s')", x->pulled_for);
        asm_sb_printf(&map, "\n");
    }
    asm_sb_printf(&map, "\nSymbols:\n  %-8s %-6s %-7s %-24s %s\n", "address", "size", "bind",
                  "name", "object");
    for (size_t i = 0; i < r->nso; i++) {
        uint32_t end = i + 1 < r->nso ? r->so[i + 1].addr : r->code_size;
        asm_sb_printf(&map, "  0x%04x   %-6u %-7s %-24s %s\n", r->so[i].addr, end - r->so[i].addr,
                      r->so[i].global ? "global" : "local", r->so[i].name, r->so[i].obj);
    }
    asm_sb_printf(&map, "\nDiscarded (unreachable from '%s'):\n", r->entry);
    int ndisc = 0;
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        for (uint32_t k = 0; k < x->o->nsyms; k++) {
            const svasm_sym_t *s = &x->o->syms[k];
            if (s->kind != SVASM_SYM_CODE)
                continue;
            if (s->value < x->o->code_size && x->chunks[chunk_of(x, s->value)].live)
                continue;
            asm_sb_printf(&map, "  %-24s %u bytes  %s\n", s->name, s->size, x->name);
            ndisc++;
        }
    }
    if (!ndisc)
        asm_sb_printf(&map, "  (none)\n");
    asm_sb_printf(&map, "\nConstants (%u):\n", (uint32_t)r->nckeys);
    for (uint32_t i = 0; i < r->nckeys; i++) {
        const char *key = r->ckeys[i];
        uint32_t len = r->ckeylen[i];
        if ((uint8_t)key[0] == SVOBJ_STRING) {
            char *q = svasm_quote((const uint8_t *)key + 1, len);
            asm_sb_printf(&map, "  %-5u string %s\n", i, q);
            free(q);
        } else {
            double v;
            uint64_t u = 0;
            for (int b = 7; b >= 0; b--)
                u = (u << 8) | (uint8_t)key[1 + b];
            memcpy(&v, &u, 8);
            char fb[40];
            asm_fmt_float(v, fb, sizeof fb);
            asm_sb_printf(&map, "  %-5u float  %s\n", i, fb);
        }
    }
    asm_sb_printf(&map, "\nGlobal variables (%u):\n", r->nglobals);
    if (r->var_base)
        asm_sb_printf(&map, "  0..%u  (used by number)\n", r->var_base - 1);
    for (uint32_t oi = 0; oi < l->nobjs; oi++) {
        lk_obj_t *x = &l->objs[oi];
        for (uint32_t k = 0; k < x->o->nsyms; k++) {
            const svasm_sym_t *s = &x->o->syms[k];
            if (s->kind == SVASM_SYM_VAR && x->varslot[s->value] >= 0)
                asm_sb_printf(&map, "  %-5d %-24s %s\n", x->varslot[s->value], s->name, x->name);
        }
    }
    return asm_sb_take(&map);
}

/* The steps, in order; each stops the link after errors (recorded in l->errors). */
static uint8_t *link_steps(lk_t *l, lk_out_t *r, const svasm_input_t *in, size_t nin,
                           uint32_t *imglen)
{
    load_inputs(l, in, nin);
    if (l->errors)
        return NULL;
    pull_members(l);
    if (l->errors || find_entry(l, r) != 0 || cut_and_mark(l, r) != 0 || lay_out(l, r) != 0)
        return NULL;
    find_var_base(l, r);
    if (relocate(l, r) != 0)
        return NULL;
    build_pool(r);
    lk_manifest_t mf;
    memset(&mf, 0, sizeof mf);
    build_manifest(l, &mf);
    if (l->errors)
        return NULL;
    write_manifest(&mf, r->entry_addr, r->nglobals, r->mbytes);
    build_symbols(l, r);
    build_lines(l, r);
    if (l->errors)
        return NULL;
    return write_image(l, r, imglen);
}

int svasm_link(const svasm_input_t *in, size_t nin, const svasm_link_opts_t *opts, uint8_t **img,
               uint32_t *imglen, svasm_diags_t *d)
{
    lk_t l;
    lk_out_t r;
    memset(&l, 0, sizeof l);
    memset(&r, 0, sizeof r);
    l.opts = opts;
    l.d = d;
    r.entry = opts->entry ? opts->entry : "main";
    *imglen = 0;
    *img = link_steps(&l, &r, in, nin, imglen);
    if (*img && opts->map)
        *opts->map = write_map(&l, &r, *imglen);
    free_out(&r);
    free_lk(&l);
    return *img ? 0 : -1;
}

/* ---- signing (senseasm --sign of an existing image): a SIGNATURE section added ---- */
uint8_t *svasm_image_add_signature(const uint8_t *img, uint32_t len, const uint8_t sig[64],
                                   uint32_t *outlen, svasm_diags_t *d)
{
    svasm_image_t im;
    if (svasm_image_parse(img, len, &im, d, "image") != 0)
        return NULL;
    if (im.flags & SVIMG_F_SIGNED) {
        svasm_diag_add(d, SVASM_ERROR, NULL, 0, 0, NULL, "the image is already signed");
        return NULL;
    }
    if (im.nsect >= SVIMG_MAX_SECTIONS) {
        svasm_diag_add(d, SVASM_ERROR, NULL, 0, 0, NULL,
                       "no room for a SIGNATURE section (%u sections)", im.nsect);
        return NULL;
    }
    /* The sections keep their order and contents (all their offsets are relative to their
     * own section); the signature goes last. */
    asm_section_t s[SVIMG_MAX_SECTIONS];
    for (uint32_t i = 0; i < im.nsect; i++)
        s[i] = (asm_section_t){im.sect[i].kind, img + im.sect[i].offset, im.sect[i].size};
    s[im.nsect] = (asm_section_t){SVIMG_SECT_SIGNATURE, sig, 64};
    uint8_t *out = asm_image_build(s, im.nsect + 1, outlen, NULL);
    if (!out)
        svasm_diag_add(d, SVASM_ERROR, NULL, 0, 0, NULL, "image too large");
    return out;
}
