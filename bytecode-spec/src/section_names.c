/* SPDX-License-Identifier: MIT
 * section_names.c — the names of the section kinds (from sections.def) and the messages of
 * the section reader. An object of its own, so that a firmware links the text only if it
 * asks for it (the loader does not). Freestanding: no malloc, no stdio.
 */
#include <sensevm/image.h>

#include <stddef.h>

const char *svimg_section_name(uint32_t kind)
{
    static const char *const names[SVIMG_SECT_KIND_MAX + 1] = {
#define SECT(name, code, flags, doc) [code] = #name,
#include <sensevm/sections.def>
#undef SECT
    };
    return kind >= 1 && kind <= SVIMG_SECT_KIND_MAX ? names[kind] : "?";
}

const char *svimg_sect_error_message(svimg_sect_error_t e)
{
    switch (e) {
    case SVIMG_SERR_OK: return "ok";
    case SVIMG_SERR_COUNT: return "section count out of range (3..8)";
    case SVIMG_SERR_TABLE_OVERFLOW: return "section table extends past the image";
    case SVIMG_SERR_KIND: return "unknown section kind";
    case SVIMG_SERR_DUPLICATE: return "section kind occurs twice";
    case SVIMG_SERR_FLAGS: return "section flags are not zero";
    case SVIMG_SERR_MISALIGNED: return "section offset is not 4-byte aligned";
    case SVIMG_SERR_IN_HEADER: return "section starts inside the header or section table";
    case SVIMG_SERR_OUT_OF_IMAGE: return "section extends past the end of the image";
    case SVIMG_SERR_UNORDERED: return "sections are not in ascending offset order";
    case SVIMG_SERR_OVERLAP: return "sections overlap";
    case SVIMG_SERR_MISSING: return "a required section is missing";
    }
    return "bad section table";
}
