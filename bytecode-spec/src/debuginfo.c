/* SPDX-License-Identifier: MIT
 * debuginfo.c — reading an image's SYMBOLS and LINES sections (image-format.md §7) and
 * formatting one backtrace line as OCaml does: shared by the runner's fault reports and
 * senseasm --addr2line, so that the desktop and a symbolised target backtrace read alike.
 * Freestanding; the sections are those the loader checked (names in range, NUL-ended).
 */
#include <sensevm/bytecode.h>
#include <sensevm/image.h>
#include <sensevm/strbuf.h>

#include <string.h>

const char *svimg_symbol_at(const svimg_debug_t *d, uint32_t pc, uint32_t *start)
{
    if (!d->symbols || d->symbols_size < 4 || pc >= d->code_size)
        return NULL;
    uint32_t n = (uint32_t)svbc_read_i32(d->symbols);
    if (n > (d->symbols_size - 4) / 8)
        return NULL;
    /* the linker sorts the entries, the loader does not require it: take the highest
     * address at or below pc */
    const char *best = NULL;
    uint32_t best_at = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *e = d->symbols + 4 + 8 * i;
        uint32_t at = (uint32_t)svbc_read_i32(e), name = (uint32_t)svbc_read_i32(e + 4);
        if (at <= pc && (!best || at >= best_at) && name < d->symbols_size) {
            best = (const char *)d->symbols + name;
            best_at = at;
        }
    }
    if (best)
        *start = best_at;
    return best;
}

const char *svimg_line_at(const svimg_debug_t *d, uint32_t pc, uint32_t *pos, uint32_t *end)
{
    if (!d->lines || d->lines_size < 4 || pc >= d->code_size)
        return NULL;
    uint32_t n = (uint32_t)svbc_read_i32(d->lines);
    if (n > (d->lines_size - 4) / 12)
        return NULL;
    uint32_t lo = 0, hi = n; /* ascending (a loader rule): the last entry at or below pc */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((uint32_t)svbc_read_i32(d->lines + 4 + 12 * mid) <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const uint8_t *e = d->lines + 4 + 12 * (lo - 1);
    uint32_t file = (uint32_t)svbc_read_i32(e + 8);
    if (SVIMG_LFILE_OFF(file) >= d->lines_size)
        return NULL;
    *pos = (uint32_t)svbc_read_i32(e + 4);
    if (end)
        *end = SVIMG_LFILE_END(file);
    return (const char *)d->lines + SVIMG_LFILE_OFF(file);
}

int svimg_frame_hidden(const svimg_debug_t *d, uint32_t entry)
{
    uint32_t pc = entry & ~SVIMG_BT_EXACT, start = 0, pos = 0;
    if ((entry & SVIMG_BT_EXACT) || pc == 0 || !d->lines)
        return 0;
    const char *sym = svimg_symbol_at(d, pc - 1, &start);
    const char *file = svimg_line_at(d, pc - 1, &pos, NULL);
    /* a LINES entry at or below main's pc belongs to code before main, not to main */
    uint32_t at = 0;
    for (uint32_t i = 0, n = (uint32_t)svbc_read_i32(d->lines); file && i < n; i++)
        if ((uint32_t)svbc_read_i32(d->lines + 4 + 12 * i) <= pc - 1)
            at = (uint32_t)svbc_read_i32(d->lines + 4 + 12 * i);
    return sym && !strcmp(sym, "main") && (!file || at < start);
}

/* A code symbol as OCaml names its frames: sensec's M.__init is "M"; a `$` starts a part
 * of the name that only makes the symbol unique (a closure's or local function's body
 * M.f$cN, a functor instance M.f$N: M.f), except `$f`, an anonymous function, which OCaml
 * calls `(fun)` (M.g.$f$c3: M.g.(fun)). */
static void put_frame_name(svbc_buf_t *o, const char *sym)
{
    size_t n = strlen(sym), from = o->len;
    for (size_t i = 0; i < n; i++) {
        if (sym[i] != '$') {
            svbc_buf_put(o, sym + i, 1);
        } else if (i + 1 < n && sym[i + 1] == 'f' &&
                   (i + 2 == n || sym[i + 2] == '.' || sym[i + 2] == '$')) {
            svbc_buf_str(o, "(fun)");
            i++;
        } else {
            while (i + 1 < n && sym[i + 1] != '.' && sym[i + 1] != '$')
                i++;
        }
    }
    if (o->len - from > 7 && o->len < o->cap && !memcmp(o->buf + o->len - 7, ".__init", 7))
        o->len -= 7;
}

size_t svimg_format_frame(const svimg_debug_t *d, uint32_t entry, uint32_t index, const char *first,
                          char *buf, size_t cap)
{
    svbc_buf_t o = {buf, cap, 0};
    uint32_t pc = entry & ~SVIMG_BT_EXACT;
    int exact = (entry & SVIMG_BT_EXACT) != 0;
    /* a return address: the call is the instruction before it */
    uint32_t at = exact || pc == 0 ? pc : pc - 1;
    const char *verb = "Called from";
    if (exact && index > 0)
        verb = "Re-raised at";
    else if (exact && first)
        verb = first;
    else if (exact)
        verb = pc < d->code_size && d->code[pc] == SVBC_OP_raise
                   ? "Raised at"
                   : "Raised by primitive operation at";
    svbc_buf_str(&o, verb);
    uint32_t start = 0, pos = 0, end = 0;
    const char *sym = svimg_symbol_at(d, at, &start);
    const char *file = svimg_line_at(d, at, &pos, &end);
    if (sym) {
        svbc_buf_put(&o, " ", 1);
        put_frame_name(&o, sym);
    } else {
        svbc_buf_str(&o, " unknown location");
    }
    if (file && file[0] && SVIMG_POS_LINE(pos)) {
        svbc_buf_str(&o, " in file \"");
        svbc_buf_str(&o, file);
        svbc_buf_str(&o, "\", line ");
        svbc_buf_num(&o, SVIMG_POS_LINE(pos), 10, 1);
        if (SVIMG_POS_COL(pos)) {
            svbc_buf_str(&o, end ? ", characters " : ", character ");
            svbc_buf_num(&o, SVIMG_POS_COL(pos) - 1u, 10, 1);
            if (end) {
                svbc_buf_put(&o, "-", 1);
                svbc_buf_num(&o, end, 10, 1);
            }
        }
    } else {
        svbc_buf_str(&o, " (pc 0x");
        svbc_buf_num(&o, pc, 16, 4);
        svbc_buf_put(&o, ")", 1);
    }
    return svbc_buf_end(&o);
}
