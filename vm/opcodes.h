/*
 * opcodes.h — opcode enum, instruction encoding and the operand tables,
 * all generated from opcodes.def.
 */
#ifndef LU_OPCODES_H
#define LU_OPCODES_H

#include "lurel.h"

typedef enum {
#define OP(name, fmt, a, b, c, fl) OP_##name,
#include "opcodes.def"
#undef OP
  NUM_OPCODES
} OpCode;

enum OpFormat { FMT_ABC, FMT_ABx, FMT_AsBx, FMT_sJ };
enum OpKind { OK__ = 0, OK_R, OK_U, OK_K, OK_KS, OK_KN, OK_I, OK_N, OK_F, OK_J, OK_P };

#define OPF_SETA  0x01
#define OPF_JW    0x02
#define OPF_DW    0x04
#define OPF_TIN   0x08
#define OPF_TOUT  0x10
#define OPF_BACK  0x20

typedef struct OpInfo {
  const char *name;
  uint8_t format, ka, kb, kc, flags;
} OpInfo;

extern const OpInfo op_info[NUM_OPCODES];
#define op_words(op)  ((op_info[op].flags & (OPF_JW | OPF_DW)) ? 2 : 1)

/* ---- encoding ---- */
#define OFFSET_sC    127
#define OFFSET_sBx   32767
#define OFFSET_sJ    ((1 << 23) - 1)
#define MAXARG_A     255
#define MAXARG_B     255
#define MAXARG_C     255
#define MAXARG_Bx    65535
#define MAXARG_sJ    ((1 << 24) - 1)

#define GET_OP(i)    ((OpCode)((i) & 0xFF))
#define GET_A(i)     ((int)(((i) >> 8) & 0xFF))
#define GET_B(i)     ((int)(((i) >> 16) & 0xFF))
#define GET_C(i)     ((int)((i) >> 24))
#define GET_sB(i)    (GET_B(i) - OFFSET_sC)
#define GET_sC(i)    (GET_C(i) - OFFSET_sC)
#define GET_Bx(i)    ((int)((i) >> 16))
#define GET_sBx(i)   (GET_Bx(i) - OFFSET_sBx)
#define GET_sJ(i)    ((int)((i) >> 8) - OFFSET_sJ)
#define GET_k(i)     (GET_C(i) & 1)
#define GET_isf(i)   ((GET_C(i) >> 1) & 1)

#define MK_ABC(o, a, b, c) ((Instr)(o) | ((Instr)(a) << 8) | ((Instr)(b) << 16) | ((Instr)(c) << 24))
#define MK_ABx(o, a, bx)   ((Instr)(o) | ((Instr)(a) << 8) | ((Instr)(bx) << 16))
#define MK_AsBx(o, a, sbx) MK_ABx(o, a, (unsigned)((sbx) + OFFSET_sBx))
#define MK_sJ(o, j)        ((Instr)(o) | ((Instr)((j) + OFFSET_sJ) << 8))

#endif
