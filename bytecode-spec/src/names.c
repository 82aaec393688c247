/* SPDX-License-Identifier: MIT
 * names.c — mnemonics and service names: svbc_op_name, svbc_svc_name, svbc_lookup_op,
 * svbc_lookup_svc. An object of its own so that, with SVBC_CFG_NO_NAMES (bytecode.h), the
 * text is linked into a firmware only if the firmware asks for it: the loader and the
 * runtime do not. Freestanding: no malloc, no stdio.
 */
#include <sensevm/bytecode.h>

#include <string.h>

#ifdef SVBC_CFG_NO_NAMES
static const char *const op_names[256] = {
#define OP(name_, code, operands_, pop_, push_, flags_, doc) [code] = #name_,
#include <sensevm/opcodes.def>
#undef OP
};
static const char *const svc_names[SVBC_SVC_LIMIT] = {
#define SVC(name_, num, arity_, flags_, doc) [num] = #name_,
#include <sensevm/services.def>
#undef SVC
};
const char *svbc_op_name(unsigned op) { return op < 256u ? op_names[op] : NULL; }
const char *svbc_svc_name(unsigned num) { return num < SVBC_SVC_LIMIT ? svc_names[num] : NULL; }
#else
const char *svbc_op_name(unsigned op) { return op < 256u ? svbc_opinfo[op].name : NULL; }
const char *svbc_svc_name(unsigned num)
{
    return num < SVBC_SVC_LIMIT ? svbc_svcinfo[num].name : NULL;
}
#endif

static int lookup(const char *name, size_t len, int is_svc)
{
    unsigned limit = is_svc ? SVBC_SVC_LIMIT : 256u;
    for (unsigned i = 0; i < limit; i++) {
        const char *n = is_svc ? svbc_svc_name(i) : svbc_op_name(i);
        if (n && strncmp(n, name, len) == 0 && n[len] == '\0')
            return (int)i;
    }
    return -1;
}

int svbc_lookup_op(const char *name, size_t len) { return lookup(name, len, 0); }
int svbc_lookup_svc(const char *name, size_t len) { return lookup(name, len, 1); }
