/* disasm.c — readable listing of Lurel bytecode, driven by opcodes.def. */
#include <stdio.h>
#include <string.h>
#include "lbc.h"
#include "opcodes.h"
#include "str.h"
#include "do.h"

static void printconst(FILE *out, const Value *k) {
  switch (k->tt) {
    case T_NIL: fputs("nil", out); break;
    case T_FALSE: fputs("false", out); break;
    case T_TRUE: fputs("true", out); break;
    case T_INT: fprintf(out, "%lld", (long long)val_int(k)); break;
    case T_FLT: {
      char buf[64];
      snprintf(buf, sizeof buf, "%.14g", val_flt(k));
      if (buf[strspn(buf, "-0123456789")] == '\0') strcat(buf, ".0");
      fputs(buf, out);
      break;
    }
    case T_STR: {
      const String *s = val_str(k);
      const char *d = str_data(s);
      fputc('"', out);
      for (size_t i = 0; i < str_len(s) && i < 60; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == '"') fputs("\\\"", out);
        else if (c == '\\') fputs("\\\\", out);
        else if (c == '\n') fputs("\\n", out);
        else if (c < 32 || c >= 127) fprintf(out, "\\%d", c);
        else fputc(c, out);
      }
      if (str_len(s) > 60) fputs("...", out);
      fputc('"', out);
      break;
    }
    default: fputs("?", out); break;
  }
}

static const char *upvalname(const Proto *p, int i) {
  if (i < p->sizeupvalues && p->upvalues[i].name) return str_data(p->upvalues[i].name);
  return "-";
}

static void disasm1(FILE *out, const Proto *p) {
  char src[LU_IDSIZE];
  if (p->source) do_chunkid(src, str_data(p->source), str_len(p->source));
  else strcpy(src, "=?");
  int ninstr = 0;
  for (int pc = 0; pc < p->sizecode; pc += op_words(GET_OP(p->code[pc]))) ninstr++;
  fprintf(out, "\n%s <%s:%d,%d> (%d instructions, %d words)\n",
          p->linedefined == 0 ? "main" : "function", src, p->linedefined, p->lastlinedefined,
          ninstr, p->sizecode);
  fprintf(out, "%d%s params, %d slots, %d upvalue%s, %d local%s, %d constant%s, %d function%s\n",
          p->numparams, p->is_vararg ? "+" : "", p->maxstacksize,
          p->sizeupvalues, p->sizeupvalues == 1 ? "" : "s",
          p->sizelocvars, p->sizelocvars == 1 ? "" : "s",
          p->sizek, p->sizek == 1 ? "" : "s", p->sizep, p->sizep == 1 ? "" : "s");
  for (int pc = 0; pc < p->sizecode; ) {
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    if (op >= NUM_OPCODES) { fprintf(out, "\t%d\t??? %08x\n", pc + 1, i); pc++; continue; }
    const OpInfo *oi = &op_info[op];
    int line = p->lineinfo ? p->lineinfo[pc] : -1;
    fprintf(out, "\t%d\t", pc + 1);
    if (line >= 0) fprintf(out, "[%d]\t", line); else fputs("[-]\t", out);
    fprintf(out, "%-10s\t", oi->name);
    int a = GET_A(i), b = GET_B(i), c = GET_C(i);
    char comment[200];
    comment[0] = '\0';
    switch (oi->format) {
      case FMT_sJ:
        fprintf(out, "%d", GET_sJ(i));
        snprintf(comment, sizeof comment, "to %d", pc + 2 + GET_sJ(i));
        break;
      case FMT_ABx: case FMT_AsBx: {
        int bx = oi->format == FMT_AsBx ? GET_sBx(i) : GET_Bx(i);
        fprintf(out, "%d %d", a, bx);
        if (oi->kb == OK_K && bx < p->sizek) {
          fputs("", out);
        }
        if (op == OP_FORLOOP || op == OP_TFORLOOP) snprintf(comment, sizeof comment, "to %d", pc + 2 - bx);
        else if (op == OP_FORPREP) snprintf(comment, sizeof comment, "exit to %d", pc + 3 + bx);
        else if (op == OP_TFORPREP) snprintf(comment, sizeof comment, "to %d", pc + 2 + bx);
        break;
      }
      default: {
        int vals[3] = { a, b, c };
        int kinds[3] = { oi->ka, oi->kb, oi->kc };
        int first = 1;
        for (int j = 0; j < 3; j++) {
          if (kinds[j] == OK__) continue;
          int v = vals[j];
          if (kinds[j] == OK_I) v -= OFFSET_sC;
          fprintf(out, first ? "%d" : " %d", v);
          first = 0;
        }
        break;
      }
    }
    /* comments: constants, upvalue names */
    fputs("", out);
    int kidx = -1, uidx = -1;
    if (oi->format == FMT_ABx && oi->kb == OK_K) kidx = GET_Bx(i);
    if (oi->format == FMT_ABC) {
      if (oi->kb == OK_K || oi->kb == OK_KS) kidx = b;
      if (oi->kc == OK_K || oi->kc == OK_KS || oi->kc == OK_KN) kidx = c;
      if (oi->ka == OK_U) uidx = a;
      if (oi->kb == OK_U) uidx = b;
    }
    if (op == OP_LOADKX) kidx = (int)p->code[pc + 1];
    if (uidx >= 0 || kidx >= 0 || comment[0]) {
      fputs("\t; ", out);
      if (comment[0]) fputs(comment, out);
      if (uidx >= 0) fprintf(out, "%s ", upvalname(p, uidx));
      if (oi->format == FMT_ABC && oi->ka == OK_U && oi->kb == OK_KS && b < p->sizek) {
        printconst(out, &p->k[b]);
        if ((oi->kc == OK_K) && c < p->sizek) { fputc(' ', out); printconst(out, &p->k[c]); }
      } else if (oi->format == FMT_ABC && oi->kb == OK_KS && oi->kc == OK_K && b < p->sizek && c < p->sizek) {
        printconst(out, &p->k[b]);
        fputc(' ', out);
        printconst(out, &p->k[c]);
      } else if (kidx >= 0 && kidx < p->sizek) printconst(out, &p->k[kidx]);
    }
    if (oi->flags & OPF_JW) {
      fprintf(out, "\t; k=%d%s, jump to %d", GET_k(i), GET_isf(i) ? " float" : "",
              pc + 3 + GET_sJ(p->code[pc + 1]));
    }
    fputc('\n', out);
    if ((oi->flags & OPF_DW) && pc + 1 < p->sizecode)
      fprintf(out, "\t%d\t\t  (data %u)\n", pc + 2, p->code[pc + 1]);
    else if ((oi->flags & OPF_JW) && pc + 1 < p->sizecode)
      fprintf(out, "\t%d\t\t  (jump %d)\n", pc + 2, GET_sJ(p->code[pc + 1]));
    pc += op_words(op);
  }
  fprintf(out, "constants (%d):\n", p->sizek);
  for (int j = 0; j < p->sizek; j++) {
    fprintf(out, "\t%d\t", j);
    printconst(out, &p->k[j]);
    fputc('\n', out);
  }
  fprintf(out, "locals (%d):\n", p->sizelocvars);
  for (int j = 0; j < p->sizelocvars; j++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", j, p->locvars[j].name ? str_data(p->locvars[j].name) : "?",
            p->locvars[j].startpc + 1, p->locvars[j].endpc + 1);
  fprintf(out, "upvalues (%d):\n", p->sizeupvalues);
  for (int j = 0; j < p->sizeupvalues; j++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", j, upvalname(p, j), p->upvalues[j].instack, p->upvalues[j].idx);
}

void lbc_disasm(FILE *out, const Proto *p, int recursive) {
  disasm1(out, p);
  if (recursive)
    for (int j = 0; j < p->sizep; j++) lbc_disasm(out, p->p[j], 1);
}
