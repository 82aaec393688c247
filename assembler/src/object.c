/* SPDX-License-Identifier: MIT
 * object.c — the ELF32 relocatable object format of bytecode-spec/object-format.md,
 * written and read with libelf. Sections: .text (bytecode), .svconst (constant pool in the
 * image's CONST layout), .svvar (NOBITS, one byte per global-variable slot), .svmanifest
 * (key\0value\0 pairs), .svlines (line table), .symtab/.strtab, .rela.text.
 */
#include "internal.h"

#include <sensevm/bytecode.h>
#include <sensevm/image.h>

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SVASM_EM 0x5356

enum {
    SEC_TEXT = 1,
    SEC_CONST,
    SEC_VAR,
    SEC_MANIFEST,
    SEC_LINES,
    SEC_SYMTAB,
    SEC_STRTAB,
    SEC_RELA,
    SEC_SHSTRTAB,
    SEC_COUNT
};
static const char *const sec_names[SEC_COUNT] = {
    "",         ".text",   ".svconst", ".svvar",     ".svmanifest",
    ".svlines", ".symtab", ".strtab",  ".rela.text", ".shstrtab"};

static uint32_t strtab_add(asm_sb_t *b, const char *s)
{
    uint32_t off = (uint32_t)b->len;
    asm_sb_add(b, s, strlen(s) + 1);
    return off;
}

static void put32(asm_sb_t *b, uint32_t v)
{
    uint8_t t[4];
    svbc_write_i32(t, (int32_t)v);
    asm_sb_add(b, (const char *)t, 4);
}

/* The constant pool in the image's CONST layout: u32 count, u32 offset[count], objects. */
static void const_pool(const svasm_obj_t *o, asm_sb_t *b)
{
    put32(b, o->nconsts);
    uint32_t off = 4 + 4 * o->nconsts;
    for (uint32_t i = 0; i < o->nconsts; i++) {
        put32(b, off);
        const svasm_const_t *c = &o->consts[i];
        off += c->kind == SVOBJ_STRING ? 8 + ((c->len + 3) & ~3u) : 12;
    }
    for (uint32_t i = 0; i < o->nconsts; i++) {
        const svasm_const_t *c = &o->consts[i];
        if (c->kind == SVOBJ_STRING) {
            uint32_t words = 1 + (c->len + 3) / 4;
            put32(b, SVOBJ_HEADER(SVOBJ_STRING, 0, words));
            put32(b, c->len);
            asm_sb_add(b, (const char *)c->data, c->len);
            static const char zero[4] = {0};
            asm_sb_add(b, zero, (4 - (c->len & 3)) & 3);
        } else {
            put32(b, SVOBJ_HEADER(SVOBJ_FLOAT, 0, 2));
            asm_sb_add(b, (const char *)c->data, 8);
        }
    }
}

static Elf_Scn *new_section(Elf *e, const char *name, asm_sb_t *shstr, Elf32_Word type,
                            Elf32_Word flags, void *buf, size_t size, size_t align, Elf_Type dtype)
{
    Elf_Scn *scn = elf_newscn(e);
    if (!scn)
        return NULL;
    Elf_Data *d = elf_newdata(scn);
    if (!d)
        return NULL;
    d->d_buf = buf;
    d->d_size = size;
    d->d_align = align;
    d->d_type = dtype;
    d->d_version = EV_CURRENT;
    d->d_off = 0;
    Elf32_Shdr *sh = elf32_getshdr(scn);
    sh->sh_name = strtab_add(shstr, name);
    sh->sh_type = type;
    sh->sh_flags = flags;
    return scn;
}

/* What the writer builds before libelf lays the file out (buffers must live until the
 * final elf_update). */
typedef struct elf_wr {
    asm_sb_t shstr, str, pool, mf, lines;
    Elf32_Sym *syms;
    uint32_t nsym, first_global;
    Elf32_Rela *rela;
    int32_t *symmap; /* object symbol -> ELF symbol */
} elf_wr_t;

/* Symbols: null, the two section symbols, the locals, then the globals (ELF order). */
static void wr_symbols(const svasm_obj_t *o, elf_wr_t *w)
{
    uint32_t k = 3;
    w->nsym = 3 + o->nsyms;
    w->syms = asm_xcalloc(w->nsym, sizeof *w->syms);
    w->symmap = asm_xcalloc(o->nsyms ? o->nsyms : 1, sizeof *w->symmap);
    w->syms[1].st_info = ELF32_ST_INFO(STB_LOCAL, STT_SECTION);
    w->syms[1].st_shndx = SEC_TEXT;
    w->syms[2].st_info = ELF32_ST_INFO(STB_LOCAL, STT_SECTION);
    w->syms[2].st_shndx = SEC_CONST;
    w->first_global = 3;
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < o->nsyms; i++) {
            const svasm_sym_t *s = &o->syms[i];
            int global = s->bind == SVASM_BIND_GLOBAL;
            if (global != pass)
                continue;
            w->first_global += !global;
            Elf32_Sym *y = &w->syms[k];
            w->symmap[i] = (int32_t)k++;
            y->st_name = strtab_add(&w->str, s->name);
            y->st_value = s->value;
            y->st_size = s->size;
            int bind = global ? STB_GLOBAL : STB_LOCAL;
            if (s->kind == SVASM_SYM_CODE) {
                y->st_info = ELF32_ST_INFO(bind, STT_FUNC);
                y->st_shndx = SEC_TEXT;
            } else if (s->kind == SVASM_SYM_VAR) {
                y->st_info = ELF32_ST_INFO(bind, STT_OBJECT);
                y->st_shndx = SEC_VAR;
            } else {
                y->st_info = ELF32_ST_INFO(STB_GLOBAL, STT_NOTYPE);
                y->st_shndx = SHN_UNDEF;
            }
        }
}

/* Relocations, the constant pool, the manifest pairs and the line table. */
static void wr_payload(const svasm_obj_t *o, elf_wr_t *w)
{
    w->rela = asm_xcalloc(o->nrelocs ? o->nrelocs : 1, sizeof *w->rela);
    for (uint32_t i = 0; i < o->nrelocs; i++) {
        const svasm_reloc_t *r = &o->relocs[i];
        uint32_t s = r->sym >= 0                  ? (uint32_t)w->symmap[r->sym]
                     : r->type == SVASM_R_CONST16 ? 2u
                                                  : 1u;
        w->rela[i].r_offset = r->offset;
        w->rela[i].r_info = ELF32_R_INFO(s, r->type);
        w->rela[i].r_addend = r->addend;
    }
    const_pool(o, &w->pool);
    for (uint32_t i = 0; i < o->nmanifest; i++) {
        asm_sb_add(&w->mf, o->manifest[i].key, strlen(o->manifest[i].key) + 1);
        asm_sb_add(&w->mf, o->manifest[i].value, strlen(o->manifest[i].value) + 1);
    }
    asm_sb_t names = {0};
    put32(&w->lines, o->nlines);
    uint32_t at = 0; /* a file name is written once for each run of entries that name it */
    for (uint32_t i = 0; i < o->nlines; i++) {
        if (!i || strcmp(o->lines[i].file, o->lines[i - 1].file) != 0) {
            at = (uint32_t)names.len;
            asm_sb_add(&names, o->lines[i].file, strlen(o->lines[i].file) + 1);
        }
        put32(&w->lines, o->lines[i].offset);
        put32(&w->lines, o->lines[i].line);
        put32(&w->lines, SVIMG_LFILE(at, o->lines[i].end));
    }
    if (names.len)
        asm_sb_add(&w->lines, names.s, names.len);
    free(names.s);
    while (w->lines.len & 3)
        asm_sb_add(&w->lines, "", 1);
}

/* The sections, in SEC_* order, then the file. Returns 0 or -1 (libelf's error). */
static int wr_sections(const svasm_obj_t *o, elf_wr_t *w, Elf *e, Elf32_Ehdr *eh)
{
    asm_sb_t *shstr = &w->shstr;
    Elf_Scn *scn;
    if (!new_section(e, sec_names[SEC_TEXT], shstr, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR,
                     o->code, o->code_size, 4, ELF_T_BYTE) ||
        !new_section(e, sec_names[SEC_CONST], shstr, SHT_PROGBITS, SHF_ALLOC, w->pool.s,
                     w->pool.len, 4, ELF_T_BYTE) ||
        !new_section(e, sec_names[SEC_VAR], shstr, SHT_NOBITS, SHF_ALLOC | SHF_WRITE, NULL,
                     o->nvars, 1, ELF_T_BYTE) ||
        !new_section(e, sec_names[SEC_MANIFEST], shstr, SHT_PROGBITS, 0, w->mf.s, w->mf.len, 1,
                     ELF_T_BYTE) ||
        !new_section(e, sec_names[SEC_LINES], shstr, SHT_PROGBITS, 0, w->lines.s, w->lines.len, 4,
                     ELF_T_BYTE))
        return -1;
    scn = new_section(e, sec_names[SEC_SYMTAB], shstr, SHT_SYMTAB, 0, w->syms,
                      w->nsym * sizeof *w->syms, 4, ELF_T_SYM);
    if (!scn)
        return -1;
    Elf32_Shdr *sh = elf32_getshdr(scn);
    sh->sh_link = SEC_STRTAB;
    sh->sh_info = w->first_global;
    sh->sh_entsize = (Elf32_Word)elf32_fsize(ELF_T_SYM, 1, EV_CURRENT);
    if (!new_section(e, sec_names[SEC_STRTAB], shstr, SHT_STRTAB, SHF_STRINGS, w->str.s, w->str.len,
                     1, ELF_T_BYTE))
        return -1;
    scn = new_section(e, sec_names[SEC_RELA], shstr, SHT_RELA, SHF_INFO_LINK, w->rela,
                      o->nrelocs * sizeof *w->rela, 4, ELF_T_RELA);
    if (!scn)
        return -1;
    sh = elf32_getshdr(scn);
    sh->sh_link = SEC_SYMTAB;
    sh->sh_info = SEC_TEXT;
    sh->sh_entsize = (Elf32_Word)elf32_fsize(ELF_T_RELA, 1, EV_CURRENT);
    strtab_add(shstr, sec_names[SEC_SHSTRTAB]);
    size_t shname = shstr->len - strlen(sec_names[SEC_SHSTRTAB]) - 1;
    scn = new_section(e, "", shstr, SHT_STRTAB, SHF_STRINGS, NULL, 0, 1, ELF_T_BYTE);
    if (!scn)
        return -1;
    sh = elf32_getshdr(scn);
    sh->sh_name = (Elf32_Word)shname;
    /* the shstrtab buffer must not move from here on */
    Elf_Data *d = elf_getdata(scn, NULL);
    d->d_buf = shstr->s;
    d->d_size = shstr->len;
    eh->e_shstrndx = SEC_SHSTRTAB;
    if (elf_update(e, ELF_C_NULL) < 0 || elf_update(e, ELF_C_WRITE) < 0)
        return -1;
    return 0;
}

int svasm_obj_write(const svasm_obj_t *o, const char *path, svasm_diags_t *diag)
{
    if (elf_version(EV_CURRENT) == EV_NONE) {
        svasm_diag_add(diag, SVASM_ERROR, path, 0, 0, NULL, "libelf: %s", elf_errmsg(-1));
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        svasm_diag_add(diag, SVASM_ERROR, NULL, 0, 0, NULL, "cannot create '%s'", path);
        return -1;
    }
    int rc = -1;
    elf_wr_t w;
    memset(&w, 0, sizeof w);
    Elf *e = elf_begin(fd, ELF_C_WRITE, NULL);
    Elf32_Ehdr *eh = e ? elf32_newehdr(e) : NULL;
    if (eh) {
        eh->e_ident[EI_DATA] = ELFDATA2LSB;
        eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
        eh->e_type = ET_REL;
        eh->e_machine = SVASM_EM;
        eh->e_version = EV_CURRENT;
        asm_sb_add(&w.shstr, "", 1);
        asm_sb_add(&w.str, "", 1);
        wr_symbols(o, &w);
        wr_payload(o, &w);
        rc = wr_sections(o, &w, e, eh);
    }
    if (rc)
        svasm_diag_add(diag, SVASM_ERROR, NULL, 0, 0, NULL, "cannot write '%s': libelf: %s", path,
                       elf_errmsg(-1));
    if (e)
        elf_end(e);
    close(fd);
    free(w.shstr.s);
    free(w.str.s);
    free(w.pool.s);
    free(w.mf.s);
    free(w.lines.s);
    free(w.syms);
    free(w.rela);
    free(w.symmap);
    if (rc)
        unlink(path);
    return rc;
}

int svasm_is_elf(const uint8_t *buf, size_t len)
{
    return len >= 4 && memcmp(buf, ELFMAG, SELFMAG) == 0;
}

/* ---- reading ---- */

static int read_pool(svasm_obj_t *o, const uint8_t *p, size_t n)
{
    if (n == 0)
        return 0;
    if (n < 4)
        return -1;
    uint32_t count = (uint32_t)svbc_read_i32(p);
    if (count > SVIMG_CONST_MAX || 4 + 4 * (size_t)count > n)
        return -1;
    o->consts = asm_xcalloc(count ? count : 1, sizeof *o->consts);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t off = (uint32_t)svbc_read_i32(p + 4 + 4 * i);
        if (off & 3 || (size_t)off + 8 > n)
            return -1;
        uint32_t h = (uint32_t)svbc_read_i32(p + off);
        svasm_const_t *c = &o->consts[o->nconsts];
        if (SVOBJ_KIND(h) == SVOBJ_STRING) {
            uint32_t len = (uint32_t)svbc_read_i32(p + off + 4);
            if (len > n - off - 8 || SVOBJ_SIZE(h) != 1 + (len + 3) / 4)
                return -1;
            c->kind = SVOBJ_STRING;
            c->len = len;
            c->data = asm_xmalloc(len ? len : 1);
            memcpy(c->data, p + off + 8, len);
        } else if (SVOBJ_KIND(h) == SVOBJ_FLOAT) {
            if ((size_t)off + 12 > n || SVOBJ_SIZE(h) != 2)
                return -1;
            c->kind = SVOBJ_FLOAT;
            c->len = 8;
            c->data = asm_xmalloc(8);
            memcpy(c->data, p + off + 4, 8);
        } else
            return -1;
        o->nconsts++;
    }
    return 0;
}

static int read_lines(svasm_obj_t *o, const uint8_t *p, size_t n)
{
    if (n == 0)
        return 0;
    if (n < 4)
        return -1;
    uint32_t count = (uint32_t)svbc_read_i32(p);
    if ((size_t)count > (n - 4) / 12)
        return -1;
    size_t names = 4 + 12 * (size_t)count;
    o->lines = asm_xcalloc(count ? count : 1, sizeof *o->lines);
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *e = p + 4 + 12 * i;
        uint32_t w = (uint32_t)svbc_read_i32(e + 8), f = SVIMG_LFILE_OFF(w);
        if (names + f >= n || !memchr(p + names + f, 0, n - names - f))
            return -1;
        o->lines[i].offset = (uint32_t)svbc_read_i32(e);
        o->lines[i].line = (uint32_t)svbc_read_i32(e + 4);
        o->lines[i].end = SVIMG_LFILE_END(w);
        o->lines[i].file = asm_xstrdup((const char *)p + names + f);
        o->nlines++;
    }
    return 0;
}

/* The reader's state, shared by its steps. Each step returns 0, or -1 after reporting
 * the error (RBAD). */
typedef struct elf_rd {
    const char *name;
    svasm_diags_t *diag;
    svasm_obj_t *o;
    Elf *e;
    Elf_Scn *symscn, *relscn, *textscn, *constscn, *varscn, *mfscn, *linescn;
    size_t text_idx, const_idx, var_idx;
    int32_t *symmap;   /* ELF symbol -> object symbol; -1 a section, -2 not a target */
    uint32_t *kindmap; /* section symbols: the relocation type they go with */
    size_t nsyms;
} elf_rd_t;

#define RBAD(...)                                                                                  \
    do {                                                                                           \
        svasm_diag_add(r->diag, SVASM_ERROR, r->name, 0, 0, NULL, __VA_ARGS__);                    \
        return -1;                                                                                 \
    } while (0)

/* Step 1: the ELF header says a Sense-VM relocatable object; find our sections. */
static int rd_sections(elf_rd_t *r)
{
    Elf *e = r->e;
    size_t shstrndx;
    if (!e || elf_kind(e) != ELF_K_ELF)
        RBAD("file is not an ELF object");
    if (gelf_getclass(e) != ELFCLASS32)
        RBAD("file is not an ELF32 object");
    GElf_Ehdr eh;
    if (!gelf_getehdr(e, &eh))
        RBAD("bad ELF header");
    if (eh.e_type != ET_REL || eh.e_machine != SVASM_EM || eh.e_ident[EI_DATA] != ELFDATA2LSB)
        RBAD("file is not a Sense-VM relocatable object (machine 0x%x)", (unsigned)eh.e_machine);
    if (elf_getshdrstrndx(e, &shstrndx) != 0)
        RBAD("bad section header string table");
    for (Elf_Scn *s = elf_nextscn(e, NULL); s; s = elf_nextscn(e, s)) {
        GElf_Shdr sh;
        if (!gelf_getshdr(s, &sh))
            RBAD("bad section header");
        const char *sn = elf_strptr(e, shstrndx, sh.sh_name);
        if (!sn)
            RBAD("bad section name");
        if (sh.sh_type == SHT_SYMTAB)
            r->symscn = s;
        else if (sh.sh_type == SHT_RELA)
            r->relscn = s;
        else if (strcmp(sn, sec_names[SEC_TEXT]) == 0)
            r->textscn = s, r->text_idx = elf_ndxscn(s);
        else if (strcmp(sn, sec_names[SEC_CONST]) == 0)
            r->constscn = s, r->const_idx = elf_ndxscn(s);
        else if (strcmp(sn, sec_names[SEC_VAR]) == 0)
            r->varscn = s, r->var_idx = elf_ndxscn(s);
        else if (strcmp(sn, sec_names[SEC_MANIFEST]) == 0)
            r->mfscn = s;
        else if (strcmp(sn, sec_names[SEC_LINES]) == 0)
            r->linescn = s;
    }
    return 0;
}

/* .svmanifest: key\0value\0 pairs. */
static int rd_manifest(elf_rd_t *r, const char *p, size_t n)
{
    svasm_obj_t *o = r->o;
    const char *end = p + n;
    uint32_t cap = 0;
    if (end[-1] != '\0')
        RBAD("bad .svmanifest section");
    while (p < end) {
        const char *k = p;
        p += strlen(p) + 1;
        if (p >= end)
            RBAD("bad .svmanifest section");
        ASM_GROW(o->manifest, o->nmanifest, cap);
        o->manifest[o->nmanifest].key = asm_xstrdup(k);
        o->manifest[o->nmanifest].value = asm_xstrdup(p);
        o->manifest[o->nmanifest].line = 0;
        o->nmanifest++;
        p += strlen(p) + 1;
    }
    return 0;
}

/* Step 2: code, constants, variables, manifest and line table. */
static int rd_contents(elf_rd_t *r)
{
    svasm_obj_t *o = r->o;
    Elf_Data *d;
    if (r->textscn && (d = elf_getdata(r->textscn, NULL)) && d->d_size) {
        if (d->d_size > 0x7fffffff || !d->d_buf)
            RBAD("bad .text section");
        o->code_size = (uint32_t)d->d_size;
        o->code = asm_xmalloc(d->d_size);
        memcpy(o->code, d->d_buf, d->d_size);
    }
    if (!o->code)
        o->code = asm_xmalloc(1);
    if (r->constscn && (d = elf_getdata(r->constscn, NULL)) && d->d_size &&
        (!d->d_buf || read_pool(o, d->d_buf, d->d_size) != 0))
        RBAD("bad .svconst section");
    if (r->varscn) {
        GElf_Shdr sh;
        gelf_getshdr(r->varscn, &sh);
        if (sh.sh_size > SVMF_GLOBALS_MAX)
            RBAD("bad .svvar section");
        o->nvars = (uint32_t)sh.sh_size;
    }
    if (r->mfscn && (d = elf_getdata(r->mfscn, NULL)) && d->d_size) {
        if (!d->d_buf)
            RBAD("bad .svmanifest section");
        if (rd_manifest(r, d->d_buf, d->d_size) != 0)
            return -1;
    }
    if (r->linescn && (d = elf_getdata(r->linescn, NULL)) && d->d_size &&
        (!d->d_buf || read_lines(o, d->d_buf, d->d_size) != 0))
        RBAD("bad .svlines section");
    return 0;
}

/* Step 3: the symbol table: code labels, variables, undefined names; section symbols say
 * which relocation type may use them. */
static int rd_symbols(elf_rd_t *r)
{
    svasm_obj_t *o = r->o;
    if (!r->symscn)
        return 0;
    GElf_Shdr sh;
    gelf_getshdr(r->symscn, &sh);
    Elf_Data *d = elf_getdata(r->symscn, NULL);
    if (!sh.sh_entsize || !d)
        RBAD("bad symbol table");
    size_t nsyms = r->nsyms = sh.sh_size / sh.sh_entsize;
    r->symmap = asm_xcalloc(nsyms ? nsyms : 1, sizeof *r->symmap);
    r->kindmap = asm_xcalloc(nsyms ? nsyms : 1, sizeof *r->kindmap);
    o->syms = asm_xcalloc(nsyms ? nsyms : 1, sizeof *o->syms);
    for (size_t i = 0; i < nsyms; i++) {
        GElf_Sym y;
        r->symmap[i] = -2; /* invalid as a relocation target */
        if (!gelf_getsym(d, (int)i, &y))
            RBAD("bad symbol %zu", i);
        if (i == 0)
            continue;
        int type = GELF_ST_TYPE(y.st_info), bind = GELF_ST_BIND(y.st_info);
        if (type == STT_SECTION) {
            if (y.st_shndx == r->text_idx)
                r->symmap[i] = -1, r->kindmap[i] = SVASM_R_PC32;
            else if (y.st_shndx == r->const_idx)
                r->symmap[i] = -1, r->kindmap[i] = SVASM_R_CONST16;
            continue;
        }
        if (type == STT_FILE)
            continue;
        const char *sn = elf_strptr(r->e, sh.sh_link, y.st_name);
        if (!sn || !*sn)
            RBAD("bad symbol name (symbol %zu)", i);
        svasm_sym_t *s = &o->syms[o->nsyms];
        if (y.st_shndx == SHN_UNDEF) {
            s->kind = SVASM_SYM_UNDEF;
        } else if (y.st_shndx == r->text_idx && r->text_idx) {
            s->kind = SVASM_SYM_CODE;
            if (y.st_value > o->code_size)
                RBAD("symbol '%s' outside .text", sn);
        } else if (y.st_shndx == r->var_idx && r->var_idx) {
            s->kind = SVASM_SYM_VAR;
            if (y.st_value >= o->nvars)
                RBAD("variable '%s' outside .svvar", sn);
        } else
            RBAD("symbol '%s' in an unsupported section", sn);
        s->name = asm_xstrdup(sn);
        s->bind = bind == STB_LOCAL ? SVASM_BIND_LOCAL : SVASM_BIND_GLOBAL;
        s->value = (uint32_t)y.st_value;
        s->size = (uint32_t)y.st_size;
        r->symmap[i] = (int32_t)o->nsyms++;
    }
    return 0;
}

/* Step 4: relocations of .text, each checked against its type, symbol and field. */
static int rd_relocs(elf_rd_t *r)
{
    svasm_obj_t *o = r->o;
    if (!r->relscn)
        return 0;
    GElf_Shdr sh;
    gelf_getshdr(r->relscn, &sh);
    Elf_Data *d = elf_getdata(r->relscn, NULL);
    if (!sh.sh_entsize || !d)
        RBAD("bad relocation section");
    size_t n = sh.sh_size / sh.sh_entsize;
    o->relocs = asm_xcalloc(n ? n : 1, sizeof *o->relocs);
    for (size_t i = 0; i < n; i++) {
        GElf_Rela rl;
        if (!gelf_getrela(d, (int)i, &rl))
            RBAD("bad relocation %zu", i);
        size_t si = GELF_R_SYM(rl.r_info);
        unsigned type = (unsigned)GELF_R_TYPE(rl.r_info);
        unsigned width = type == SVASM_R_PC32 ? 4 : 2;
        if (type < SVASM_R_PC32 || type > SVASM_R_VAR16)
            RBAD("relocation %zu: unknown type %u", i, type);
        if (si >= r->nsyms || r->symmap[si] == -2 || rl.r_offset + width > o->code_size)
            RBAD("relocation %zu: bad symbol or offset", i);
        int32_t s = r->symmap[si];
        if (s == -1 && r->kindmap[si] != type)
            RBAD("relocation %zu: type does not match its section", i);
        if (type == SVASM_R_CONST16 &&
            (s != -1 || rl.r_addend < 0 || (uint64_t)rl.r_addend >= o->nconsts))
            RBAD("relocation %zu: bad constant index", i);
        if (type == SVASM_R_VAR16 && (s < 0 || o->syms[s].kind == SVASM_SYM_CODE))
            RBAD("relocation %zu: not a variable", i);
        if (type == SVASM_R_PC32 && s >= 0 && o->syms[s].kind == SVASM_SYM_VAR)
            RBAD("relocation %zu: not a code symbol", i);
        svasm_reloc_t *x = &o->relocs[o->nrelocs++];
        x->offset = (uint32_t)rl.r_offset;
        x->type = (uint8_t)type;
        x->sym = s;
        x->addend = (int32_t)rl.r_addend;
    }
    return 0;
}
#undef RBAD

svasm_obj_t *svasm_obj_from_elf(const char *name, const uint8_t *buf, size_t len,
                                svasm_diags_t *diag)
{
    elf_rd_t rd, *r = &rd;
    memset(r, 0, sizeof *r);
    r->name = name;
    r->diag = diag;
    r->o = asm_xcalloc(1, sizeof *r->o);
    r->o->name = asm_xstrdup(name);
    char *copy = asm_xmalloc(len ? len : 1);
    memcpy(copy, buf, len);
    int ok;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        svasm_diag_add(diag, SVASM_ERROR, name, 0, 0, NULL, "libelf: %s", elf_errmsg(-1));
        ok = 0;
    } else {
        r->e = elf_memory(copy, len);
        ok = rd_sections(r) == 0 && rd_contents(r) == 0 && rd_symbols(r) == 0 && rd_relocs(r) == 0;
    }
    free(r->symmap);
    free(r->kindmap);
    if (r->e)
        elf_end(r->e);
    free(copy);
    if (!ok) {
        svasm_obj_free(r->o);
        return NULL;
    }
    return r->o;
}
