/* SPDX-License-Identifier: MIT
 * peephole.h — text-level optimisations of the generated assembly (peephole.c).
 */
#ifndef SENSEC_PEEPHOLE_H
#define SENSEC_PEEPHOLE_H

#include "ast.h"

/* Emitting instruction text `ins` (no indent, no newline) after b's last line: fuse the
 * two into a superinstruction by a row of fusions.def (push + acc -> pushacc, ...; isa.md
 * §6), and the result with the line before it while a row matches. Returns 1 if `ins`
 * was merged into b (then it must not be written), 0 otherwise. */
int peep_fuse(sbuf_t *b, const char *ins);
/* The text of b's last instruction line, from its mnemonic to its newline, and in *start
 * where the line starts; "" if the last line is not an instruction (nothing fuses across
 * a label). */
const char *peep_last_insn(const sbuf_t *b, size_t *start);

/* On one function's finished text: thread jumps to labels that only branch elsewhere,
 * drop code after an instruction with no fall-through until the next label, drop
 * branches to the next line and unused local labels, drop loads of the slot A already
 * holds. Run it twice: the second pass counts labels without the dead code. */
void peephole(sbuf_t *b);

#endif
