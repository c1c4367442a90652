/*
 * luadump.h — Lua 5.4 prototypes as read from a lua_dump chunk, and the
 * encoding of Lua 5.4 instructions (facts of the format, used only to read
 * it: op 7 bits, A 8, k 1, B 8, C 8; Bx 17; sJ 25).
 */
#ifndef LU_LUADUMP_H
#define LU_LUADUMP_H

#include <stddef.h>
#include <stdint.h>

/* constant tags of the dump (type | variant << 4) */
enum { LK_NIL = 0x00, LK_FALSE = 0x01, LK_TRUE = 0x11, LK_INT = 0x03, LK_FLT = 0x13,
       LK_SHRSTR = 0x04, LK_LNGSTR = 0x14 };

typedef struct LConst {
  int tag;
  int64_t i;
  double n;
  char *s;
  size_t len;
} LConst;

typedef struct LUpval { uint8_t instack, idx, kind; char *name; } LUpval;
typedef struct LAbsLine { int pc, line; } LAbsLine;
typedef struct LLocVar { char *name; int startpc, endpc; } LLocVar;

typedef struct LProto {
  char *source;
  size_t srclen;
  int linedefined, lastlinedefined;
  uint8_t numparams, is_vararg, maxstacksize;
  int sizecode;
  uint32_t *code;
  int sizek;
  LConst *k;
  int sizeupvalues;
  LUpval *upv;
  int sizep;
  struct LProto **p;
  int sizelineinfo;
  int8_t *lineinfo;
  int sizeabslineinfo;
  LAbsLine *abslineinfo;
  int sizelocvars;
  LLocVar *locvars;
} LProto;

LProto *luadump_read(const void *buf, size_t len, const char **err);
void luadump_free(LProto *f);

/* Lua 5.4 opcodes, in the order of the format */
enum {
  LOP_MOVE, LOP_LOADI, LOP_LOADF, LOP_LOADK, LOP_LOADKX, LOP_LOADFALSE, LOP_LFALSESKIP,
  LOP_LOADTRUE, LOP_LOADNIL, LOP_GETUPVAL, LOP_SETUPVAL, LOP_GETTABUP, LOP_GETTABLE,
  LOP_GETI, LOP_GETFIELD, LOP_SETTABUP, LOP_SETTABLE, LOP_SETI, LOP_SETFIELD,
  LOP_NEWTABLE, LOP_SELF, LOP_ADDI, LOP_ADDK, LOP_SUBK, LOP_MULK, LOP_MODK, LOP_POWK,
  LOP_DIVK, LOP_IDIVK, LOP_BANDK, LOP_BORK, LOP_BXORK, LOP_SHRI, LOP_SHLI, LOP_ADD,
  LOP_SUB, LOP_MUL, LOP_MOD, LOP_POW, LOP_DIV, LOP_IDIV, LOP_BAND, LOP_BOR, LOP_BXOR,
  LOP_SHL, LOP_SHR, LOP_MMBIN, LOP_MMBINI, LOP_MMBINK, LOP_UNM, LOP_BNOT, LOP_NOT,
  LOP_LEN, LOP_CONCAT, LOP_CLOSE, LOP_TBC, LOP_JMP, LOP_EQ, LOP_LT, LOP_LE, LOP_EQK,
  LOP_EQI, LOP_LTI, LOP_LEI, LOP_GTI, LOP_GEI, LOP_TEST, LOP_TESTSET, LOP_CALL,
  LOP_TAILCALL, LOP_RETURN, LOP_RETURN0, LOP_RETURN1, LOP_FORLOOP, LOP_FORPREP,
  LOP_TFORPREP, LOP_TFORCALL, LOP_TFORLOOP, LOP_SETLIST, LOP_CLOSURE, LOP_VARARG,
  LOP_VARARGPREP, LOP_EXTRAARG,
  LNUM_OPCODES
};

/* Lua 5.4 metamethod events used by the lowering (MMBIN's C operand) */
#define LTM_SUB 7
#define LTM_SHL 16

#define L_OP(i)   ((int)((i) & 0x7F))
#define L_A(i)    ((int)(((i) >> 7) & 0xFF))
#define L_k(i)    ((int)(((i) >> 15) & 0x1))
#define L_B(i)    ((int)(((i) >> 16) & 0xFF))
#define L_C(i)    ((int)(((i) >> 24) & 0xFF))
#define L_Bx(i)   ((int)((i) >> 15))
#define L_Ax(i)   ((int)((i) >> 7))
#define L_sB(i)   (L_B(i) - 127)
#define L_sC(i)   (L_C(i) - 127)
#define L_sBx(i)  (L_Bx(i) - 65535)
#define L_sJ(i)   ((int)((i) >> 7) - 16777215)

#endif
