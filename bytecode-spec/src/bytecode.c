/* SPDX-License-Identifier: MIT
 * bytecode.c — info tables expanded from opcodes.def/services.def, and the instruction
 * encoder/decoder. Freestanding: no malloc, no stdio.
 */
#include <sensevm/bytecode.h>

#include <string.h>

/* Length of a shape string in bytes, computed at compile time for fixed shapes. */

#ifndef SVBC_CFG_NO_DOCS
#define DOC_(d) , .doc = d
#else
#define DOC_(d)
#endif
/* The `name` member: the text (#name_, not expanded), or with SVBC_CFG_NO_NAMES only
 * "assigned" (names.c keeps the text apart). */
#ifndef SVBC_CFG_NO_NAMES
#define OP(name_, code, operands_, pop_, push_, flags_, doc)                                       \
    [code] = {.name = #name_,                                                                      \
              .operands = operands_,                                                               \
              .pop = pop_,                                                                         \
              .push = push_,                                                                       \
              .flags = (uint8_t)(flags_)DOC_(doc)},
#define SVC(name_, num, arity_, flags_, doc)                                                       \
    [num] = {.name = #name_, .arity = arity_, .flags = (uint8_t)(flags_)DOC_(doc)},
#else
#define OP(name_, code, operands_, pop_, push_, flags_, doc)                                       \
    [code] = {                                                                                     \
        .name = 1, .operands = operands_, .pop = pop_, .push = push_, .flags = (uint8_t)(flags_)},
#define SVC(name_, num, arity_, flags_, doc)                                                       \
    [num] = {.name = 1, .arity = arity_, .flags = (uint8_t)(flags_)},
#endif

const svbc_opinfo_t svbc_opinfo[256] = {
#include <sensevm/opcodes.def>
};

const svbc_svcinfo_t svbc_svcinfo[SVBC_SVC_LIMIT] = {
#include <sensevm/services.def>
};
#undef OP
#undef SVC

unsigned svbc_operand_size(char kind)
{
    switch (kind) {
    case SVBC_OPND_U8:
    case SVBC_OPND_SLOT:
    case SVBC_OPND_PUSHSLOT:
    case SVBC_OPND_COUNT:
    case SVBC_OPND_VALUES:
    case SVBC_OPND_TAG:
    case SVBC_OPND_ARITY: return 1;
    case SVBC_OPND_U16:
    case SVBC_OPND_VALUES16:
    case SVBC_OPND_FIELDS:
    case SVBC_OPND_FRAME:
    case SVBC_OPND_CONST:
    case SVBC_OPND_GLOBAL:
    case SVBC_OPND_SERVICE: return 2;
    case SVBC_OPND_IMM:
    case SVBC_OPND_LABEL:
    case SVBC_OPND_TABLE: return 4;
    default: return 0;
    }
}

uint32_t svbc_decode(const uint8_t *code, size_t avail, svbc_insn_t *out)
{
    if (avail < 1)
        return 0;
    const svbc_opinfo_t *info = &svbc_opinfo[code[0]];
    if (!info->name)
        return 0;
    size_t pos = 1;
    out->op = code[0];
    out->nopnd = 0;
    out->table = NULL;
    for (const char *k = info->operands; *k; k++) {
        unsigned sz = svbc_operand_size(*k);
        if (avail - pos < sz)
            return 0;
        const uint8_t *p = code + pos;
        switch (*k) {
        case SVBC_OPND_IMM:
        case SVBC_OPND_LABEL: out->opnd[out->nopnd++] = svbc_read_i32(p); break;
        case SVBC_OPND_TABLE: {
            uint32_t n = (uint32_t)svbc_read_u16(p) + svbc_read_u16(p + 2);
            out->opnd[out->nopnd++] = svbc_read_u16(p);
            out->opnd[out->nopnd++] = svbc_read_u16(p + 2);
            if ((avail - pos - 4) / 4 < n)
                return 0;
            out->table = p + 4;
            pos += 4u * n;
            break;
        }
        default: out->opnd[out->nopnd++] = sz == 1 ? p[0] : svbc_read_u16(p); break;
        }
        pos += sz;
    }
    out->len = (uint32_t)pos;
    return out->len;
}

static int operand_fits(char kind, int32_t v)
{
    switch (kind) {
    case SVBC_OPND_IMM: return v >= SVBC_IMM_MIN && v <= SVBC_IMM_MAX;
    case SVBC_OPND_LABEL: return 1;
    case SVBC_OPND_SERVICE: return v >= 0 && v < SVBC_SVC_LIMIT;
    default: return v >= 0 && v <= (svbc_operand_size(kind) == 1 ? 0xff : 0xffff);
    }
}

uint32_t svbc_encode(uint8_t op, const int32_t *opnd, const int32_t *labels, uint8_t *out,
                     size_t cap)
{
    const svbc_opinfo_t *info = &svbc_opinfo[op];
    if (!info->name)
        return 0;
    size_t len = 1;
    unsigned i = 0;
    for (const char *k = info->operands; *k; k++) {
        if (*k == SVBC_OPND_TABLE) {
            if (!operand_fits('h', opnd[i]) || !operand_fits('h', opnd[i + 1]))
                return 0;
            len += 4 + 4u * ((uint32_t)opnd[i] + (uint32_t)opnd[i + 1]);
            i += 2;
        } else {
            if (!operand_fits(*k, opnd[i]))
                return 0;
            len += svbc_operand_size(*k);
            i++;
        }
    }
    if (!out)
        return (uint32_t)len;
    if (len > cap)
        return 0;
    uint8_t *p = out;
    *p++ = op;
    i = 0;
    for (const char *k = info->operands; *k; k++) {
        switch (*k) {
        case SVBC_OPND_IMM:
        case SVBC_OPND_LABEL:
            svbc_write_i32(p, opnd[i++]);
            p += 4;
            break;
        case SVBC_OPND_TABLE: {
            uint32_t n = (uint32_t)opnd[i] + (uint32_t)opnd[i + 1];
            svbc_write_u16(p, (uint16_t)opnd[i]);
            svbc_write_u16(p + 2, (uint16_t)opnd[i + 1]);
            p += 4;
            for (uint32_t j = 0; j < n; j++, p += 4)
                svbc_write_i32(p, labels[j]);
            i += 2;
            break;
        }
        default:
            if (svbc_operand_size(*k) == 1) {
                *p++ = (uint8_t)opnd[i++];
            } else {
                svbc_write_u16(p, (uint16_t)opnd[i++]);
                p += 2;
            }
            break;
        }
    }
    return (uint32_t)len;
}

int svbc_stack_effect(const svbc_insn_t *insn, int *pop, int *push)
{
    const svbc_opinfo_t *info = &svbc_opinfo[insn->op];
    *pop = info->pop;
    *push = info->push;
    if (*pop < 0 || *push < 0)
        return -1;
    unsigned i = 0;
    for (const char *k = info->operands; *k; k++, i++) {
        int32_t n = insn->opnd[i];
        switch (*k) {
        case SVBC_OPND_COUNT: *pop += n; break;
        case SVBC_OPND_VALUES:
        case SVBC_OPND_VALUES16:
        case SVBC_OPND_FIELDS: *pop += n > 0 ? n - 1 : 0; break;
        case SVBC_OPND_SERVICE:
            if (n < 0 || n >= SVBC_SVC_LIMIT || !svbc_svcinfo[n].name)
                return -1;
            *pop += svbc_svcinfo[n].arity > 0 ? svbc_svcinfo[n].arity - 1 : 0;
            break;
        case SVBC_OPND_TABLE: i++; break;
        default: break;
        }
    }
    return 0;
}

uint32_t svbc_stack_need(const svbc_insn_t *insn)
{
    const svbc_opinfo_t *info = &svbc_opinfo[insn->op];
    int pop = 0, push = 0;
    /* a frame-replacing instruction (dynamic effect) needs its n arguments and m frame
     * slots, less the A it pushes first */
    int dynamic = svbc_stack_effect(insn, &pop, &push);
    uint32_t need = dynamic ? 0u - ((info->flags & SVBC_F_PUSHA) != 0) : (uint32_t)pop, pushed = 0;
    unsigned i = 0;
    for (const char *k = info->operands; *k; k++, i++) {
        uint32_t n = (uint32_t)insn->opnd[i];
        if (*k == SVBC_OPND_FRAME || (dynamic && *k == SVBC_OPND_COUNT))
            need += n;
        if (*k == SVBC_OPND_SLOT && n + 1 > need)
            need = n + 1;
        if (*k == SVBC_OPND_PUSHSLOT) { /* S[n] after `pushed` pushes */
            pushed++;
            if (n + 1 > need + pushed)
                need = n + 1 - pushed;
        }
        if (*k == SVBC_OPND_TABLE)
            i++;
    }
    return need == ~0u ? 0 : need;
}
