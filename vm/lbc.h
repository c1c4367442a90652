/*
 * lbc.h — Lurel bytecode files (.lbc): writer, loader, verifier and
 * disassembler.
 *
 * Layout (all integers are unsigned varints, 7 bits per byte, high bit set
 * on the last byte; words are 4 bytes little-endian):
 *   "\x1bLRB"            signature (byte 27 first, so load's mode check works)
 *   version byte         LBC_VERSION
 *   isa hash (4 bytes)   hash of the instruction table: a file from a build
 *                        with another instruction set is refused
 *   sizes/format check   4 8 8, then the integer 0x5678 and the float 370.5
 *   nupvalues byte       of the main function
 *   function             source, linedefined, lastlinedefined, numparams,
 *                        is_vararg, maxstacksize, code, constants, upvalue
 *                        descriptors, nested functions, debug info
 *
 * Every loaded file goes through the verifier before any of it can run:
 * operands in range, registers within the frame, constants of the right
 * type, jumps inside the function and never into the second word of a
 * two-word instruction, "top" used only right after an instruction that
 * set it, a terminator at the end.  A file that fails is refused with a
 * message; it never crashes the VM.
 */
#ifndef LU_LBC_H
#define LU_LBC_H

#include <stdio.h>
#include "state.h"

#define LBC_SIGNATURE  "\x1bLRB"
#define LBC_VERSION    1

typedef int (*lbc_Writer)(const void *p, size_t sz, void *ud);

/* Serialise p (and its children); strip drops debug information. */
int lbc_dump(const Proto *p, lbc_Writer w, void *ud, int strip);
/* Load and verify; NULL with a message in err (errsz bytes) on failure.
 * chunkname is used as the source when the file was stripped. */
Proto *lbc_undump(VM *vm, const char *buf, size_t len, const char *chunkname,
                  char *err, size_t errsz);
/* Check a prototype tree; returns NULL or a static/err message. */
const char *lbc_verify(const Proto *p, char *err, size_t errsz);
uint32_t lbc_isahash(void);
/* Readable listing of a prototype tree. */
void lbc_disasm(FILE *out, const Proto *p, int recursive);

#endif
