/* opcodes.c — the operand table generated from opcodes.def. */
#include "opcodes.h"

#define K__  OK__
#define K_R  OK_R
#define K_U  OK_U
#define K_K  OK_K
#define K_KS OK_KS
#define K_KN OK_KN
#define K_I  OK_I
#define K_N  OK_N
#define K_F  OK_F
#define K_J  OK_J
#define K_P  OK_P
#define SETA OPF_SETA
#define JW   OPF_JW
#define DW   OPF_DW
#define TIN  OPF_TIN
#define TOUT OPF_TOUT
#define BACK OPF_BACK

const OpInfo op_info[NUM_OPCODES] = {
#define OP(name, fmt, a, b, c, fl) { #name, FMT_##fmt, K_##a, K_##b, K_##c, (fl) },
#include "opcodes.def"
#undef OP
};
