/*
 * verify.c — the bytecode verifier (see lbc.h).
 *
 * What the interpreter relies on, and so what is checked here for every
 * loaded prototype:
 *  - each opcode exists; two-word instructions have their second word, and
 *    no jump lands on a second word;
 *  - registers (with the ranges some instructions touch: CALL arguments,
 *    LOADNIL, CONCAT, FORLOOP's 4 slots, TFORCALL's 7) fit in maxstacksize;
 *    upvalue, constant and prototype indices exist; constants used as keys
 *    of GETFIELD & co are strings, arithmetic constants are numbers;
 *  - jumps (every kind, loop instructions included) stay inside the
 *    function; JMP goes forward and LOOP backward (so every backward jump
 *    passes a reduction check); loop instructions jump the right way;
 *  - an instruction that reads "top" (B == 0) directly follows one that set
 *    it (CALL/VARARG with C == 0, or TAILCALL for its RETURN), is not a jump
 *    target, and starts at or below the producer's register (RETURN) or
 *    below it (CALL, TAILCALL, SETLIST), so the count it takes from top is
 *    never negative; TAILCALL is followed by RETURN;
 *  - vararg functions start with VARARGPREP, which no jump reaches again;
 *    VARARG only in them;
 *    RETURN0/RETURN1 only where nothing needs closing;
 *  - the last instruction does not fall off the end;
 *  - child upvalue descriptors point into the parent's frame/upvalues.
 */
#include <stdio.h>
#include <stdlib.h>
#include "lbc.h"
#include "opcodes.h"

#define FAIL(...) do { snprintf(err, errsz, __VA_ARGS__); goto fail; } while (0)

static const char *verify1(const Proto *p, const Proto *parent, char *err, size_t errsz, int depth) {
  int n = p->sizecode;
  int maxs = p->maxstacksize;
  uint8_t *mark = NULL;    /* 1: second word; 2: jump target */
  if (depth > 200) { snprintf(err, errsz, "functions nested too deeply"); return err; }
  if (n <= 0) { snprintf(err, errsz, "empty function"); return err; }
  if (p->numparams > maxs) { snprintf(err, errsz, "more parameters than registers"); return err; }
  if (p->lineinfo == NULL && !p->stripped) { /* accepted */ }
  mark = calloc((size_t)n + 1, 1);
  /* pass 1: second words */
  for (int pc = 0; pc < n; pc++) {
    OpCode op = GET_OP(p->code[pc]);
    if (op >= NUM_OPCODES) FAIL("unknown opcode %d at %d", (int)op, pc + 1);
    if (op_words(op) == 2) {
      if (pc + 1 >= n) FAIL("instruction at %d lacks its second word", pc + 1);
      mark[pc + 1] = 1;
      pc++;
    }
  }
  /* does the function need closing at return? */
  bool needclose = false;
  for (int pc = 0; pc < n; pc++) {
    if (mark[pc] == 1) continue;
    OpCode op = GET_OP(p->code[pc]);
    if (op == OP_TBC) needclose = true;
    if (op == OP_CLOSURE) {
      int bx = GET_Bx(p->code[pc]);
      if (bx < p->sizep && p->p[bx])
        for (int j = 0; j < p->p[bx]->sizeupvalues; j++)
          if (p->p[bx]->upvalues[j].instack) needclose = true;
    }
  }
  if (p->is_vararg) {
    if (GET_OP(p->code[0]) != OP_VARARGPREP || GET_A(p->code[0]) != p->numparams)
      FAIL("vararg function does not start with VARARGPREP");
  }
  /* pass 2: operands */
  for (int pc = 0; pc < n; pc++) {
    if (mark[pc] == 1) continue;
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    const OpInfo *oi = &op_info[op];
    int a = GET_A(i), b = GET_B(i), c = GET_C(i);
    int kinds[3] = { oi->ka, oi->kb, oi->kc };
    int vals[3] = { a, b, c };
    if (oi->format == FMT_ABx || oi->format == FMT_AsBx) { vals[1] = GET_Bx(i); kinds[2] = OK__; }
    if (oi->format == FMT_sJ) { kinds[0] = kinds[1] = kinds[2] = OK__; }
    /* RETURN A B=1 returns nothing: A names no register and may be
     * maxstacksize (Lua's final "RETURN nactvar 1" when locals fill the frame) */
    if (op == OP_RETURN && b == 1) {
      kinds[0] = OK__;
      if (a > maxs) FAIL("register %d out of range at %d", a, pc + 1);
    }
    for (int j = 0; j < 3; j++) {
      int v = vals[j];
      switch (kinds[j]) {
        case OK_R: if (v >= maxs) FAIL("register %d out of range at %d", v, pc + 1); break;
        case OK_U: if (v >= p->sizeupvalues) FAIL("upvalue %d out of range at %d", v, pc + 1); break;
        case OK_K: if (v >= p->sizek) FAIL("constant %d out of range at %d", v, pc + 1); break;
        case OK_KS:
          if (v >= p->sizek || !val_isstr(&p->k[v])) FAIL("constant %d is not a string at %d", v, pc + 1);
          break;
        case OK_KN:
          if (v >= p->sizek || !val_isnum(&p->k[v])) FAIL("constant %d is not a number at %d", v, pc + 1);
          break;
        case OK_P: if (v >= p->sizep) FAIL("function %d out of range at %d", v, pc + 1); break;
        default: break;
      }
    }
    /* ranges and instruction-specific rules */
    int target = -1;
    bool jumps = false;      /* target set below: check it, even when negative */
    switch (op) {
      case OP_LOADKX:
        if (p->code[pc + 1] >= (Instr)p->sizek) FAIL("constant out of range at %d", pc + 1);
        break;
      case OP_LOADNIL: if (a + b >= maxs) FAIL("LOADNIL range out of frame at %d", pc + 1); break;
      case OP_NEWTABLE:
        if (b > 31) FAIL("table size out of range at %d", pc + 1);
        if (p->code[pc + 1] > (1u << 28)) FAIL("table size out of range at %d", pc + 1);
        break;
      case OP_SELF: case OP_SELFK: if (a + 1 >= maxs) FAIL("register out of range at %d", pc + 1); break;
      case OP_RECV: if (a + 3 >= maxs) FAIL("register out of range at %d", pc + 1); break;
      case OP_RECVSCAN: if (a + 1 >= maxs) FAIL("register out of range at %d", pc + 1); break;
      case OP_CONCAT: if (b < 1 || a + b - 1 >= maxs) FAIL("CONCAT range out of frame at %d", pc + 1); break;
      case OP_LFALSESKIP:
        if (pc + 1 >= n || mark[pc + 1] == 1 || op_words(GET_OP(p->code[pc + 1])) != 1)
          FAIL("LFALSESKIP must skip a one-word instruction at %d", pc + 1);
        if (pc + 2 >= n) FAIL("LFALSESKIP falls off the end at %d", pc + 1);
        mark[pc + 2] |= 2;
        break;
      case OP_JMP:
        jumps = true;
        target = pc + 1 + GET_sJ(i);
        if (GET_sJ(i) < 0) FAIL("backward JMP at %d (must be LOOP)", pc + 1);
        break;
      case OP_LOOP:
        jumps = true;
        target = pc + 1 + GET_sJ(i);
        if (GET_sJ(i) >= 0) FAIL("forward LOOP at %d", pc + 1);
        break;
      case OP_CALL:
        if (b > 0 && a + b - 1 >= maxs) FAIL("CALL arguments out of frame at %d", pc + 1);
        if (c > 1 && a + c - 2 >= maxs) FAIL("CALL results out of frame at %d", pc + 1);
        break;
      case OP_TAILCALL:
        if (b > 0 && a + b - 1 >= maxs) FAIL("TAILCALL arguments out of frame at %d", pc + 1);
        if (pc + 1 >= n || GET_OP(p->code[pc + 1]) != OP_RETURN || GET_B(p->code[pc + 1]) != 0 ||
            GET_A(p->code[pc + 1]) != a)
          FAIL("TAILCALL not followed by its RETURN at %d", pc + 1);
        break;
      case OP_RETURN:
        if (b > 1 && a + b - 2 >= maxs) FAIL("RETURN values out of frame at %d", pc + 1);
        break;
      case OP_RETURN0: case OP_RETURN1:
        if (p->is_vararg || needclose) FAIL("RETURN0/RETURN1 where closing is needed at %d", pc + 1);
        break;
      case OP_FORPREP:
        if (a + 3 >= maxs) FAIL("for-loop registers out of frame at %d", pc + 1);
        jumps = true;
        target = pc + 2 + GET_Bx(i);
        if (pc + 1 + GET_Bx(i) >= n || GET_OP(p->code[pc + 1 + GET_Bx(i)]) != OP_FORLOOP)
          FAIL("FORPREP does not skip a FORLOOP at %d", pc + 1);
        break;
      case OP_FORLOOP:
        if (a + 3 >= maxs) FAIL("for-loop registers out of frame at %d", pc + 1);
        jumps = true;
        target = pc + 1 - GET_Bx(i);
        if (GET_Bx(i) < 1) FAIL("FORLOOP must jump back at %d", pc + 1);
        break;
      case OP_TFORPREP:
        if (a + 3 >= maxs) FAIL("for-loop registers out of frame at %d", pc + 1);
        jumps = true;
        target = pc + 1 + GET_Bx(i);
        break;
      case OP_TFORCALL:
        if (a + 6 >= maxs || a + 3 + c >= maxs) FAIL("TFORCALL registers out of frame at %d", pc + 1);
        if (pc + 1 >= n || GET_OP(p->code[pc + 1]) != OP_TFORLOOP || GET_A(p->code[pc + 1]) != a)
          FAIL("TFORCALL not followed by its TFORLOOP at %d", pc + 1);
        break;
      case OP_TFORLOOP:
        if (a + 4 >= maxs) FAIL("for-loop registers out of frame at %d", pc + 1);
        jumps = true;
        target = pc + 1 - GET_Bx(i);
        if (GET_Bx(i) < 1) FAIL("TFORLOOP must jump back at %d", pc + 1);
        break;
      case OP_SETLIST:
        if (a + b >= maxs) FAIL("SETLIST range out of frame at %d", pc + 1);
        break;
      case OP_VARARG:
        if (!p->is_vararg) FAIL("VARARG in a function without varargs at %d", pc + 1);
        if (c > 1 && a + c - 2 >= maxs) FAIL("VARARG results out of frame at %d", pc + 1);
        break;
      case OP_VARARGPREP:
        if (pc != 0 || !p->is_vararg) FAIL("misplaced VARARGPREP at %d", pc + 1);
        break;
      default: break;
    }
    if (oi->flags & OPF_JW) {
      Instr j = p->code[pc + 1];
      if (GET_OP(j) != OP_JMP) FAIL("compare at %d lacks its jump word", pc + 1);
      jumps = true;
      target = pc + 2 + GET_sJ(j);
      if (pc + 2 >= n) FAIL("compare at %d falls off the end", pc + 1);
    }
    if (oi->flags & OPF_TIN) {
      bool usestop = (op == OP_SETLIST || op == OP_CALL || op == OP_TAILCALL || op == OP_RETURN) && b == 0;
      if (usestop) {
        if (pc == 0 || mark[pc - 1] == 1) FAIL("use of top without a producer at %d", pc + 1);
        Instr prev = p->code[pc - 1];
        OpCode pop = GET_OP(prev);
        /* producers: CALL/VARARG with C == 0, and TAILCALL (a C function
         * called by it returns all its results to the RETURN that follows) */
        if (!(((op_info[pop].flags & OPF_TOUT) && GET_C(prev) == 0) || pop == OP_TAILCALL))
          FAIL("use of top without a producer at %d", pc + 1);
        /* top = producer's A + count >= the producer's A: a consumer above
         * it would see a negative count (RETURN of R[A..top), arguments of
         * the function at R[A] in R[A+1..top)) */
        int pa = GET_A(prev);
        if (op == OP_RETURN ? pa < a : pa <= a)
          FAIL("use of top set below its registers at %d", pc + 1);
      }
    }
    if (jumps) {
      if (target < 0 || target >= n) FAIL("jump out of the function at %d", pc + 1);
      if (mark[target] == 1) FAIL("jump into the middle of an instruction at %d", pc + 1);
      mark[target] |= 2;
    }
  }
  /* VARARGPREP runs once, on entry: running it again would move the frame */
  if (p->is_vararg && (mark[0] & 2)) FAIL("jump to VARARGPREP");
  /* pass 3: top consumers are not jump targets; the end is a terminator */
  for (int pc = 0; pc < n; pc++) {
    if (mark[pc] == 1) continue;
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    if ((op_info[op].flags & OPF_TIN) && GET_B(i) == 0 && (mark[pc] & 2) &&
        (op == OP_SETLIST || op == OP_CALL || op == OP_TAILCALL || op == OP_RETURN))
      FAIL("jump to a use of top at %d", pc + 1);
  }
  {
    int last = n - 1;
    if (mark[last] == 1) FAIL("function ends inside an instruction");
    OpCode op = GET_OP(p->code[last]);
    if (!(op == OP_RETURN || op == OP_RETURN0 || op == OP_RETURN1 || op == OP_JMP || op == OP_LOOP))
      FAIL("function does not end with a return or a jump");
  }
  /* debug info */
  for (int j = 0; j < p->sizelocvars; j++) {
    if (p->locvars[j].startpc < 0 || p->locvars[j].startpc > n || p->locvars[j].endpc < 0 ||
        p->locvars[j].endpc > n)
      FAIL("local variable range out of the function");
  }
  /* upvalue descriptors (the main function's are not used) */
  if (parent) {
    for (int j = 0; j < p->sizeupvalues; j++) {
      const UpvalDesc *d = &p->upvalues[j];
      if (d->instack ? d->idx >= parent->maxstacksize : d->idx >= parent->sizeupvalues)
        FAIL("upvalue descriptor out of range");
    }
  }
  for (int j = 0; j < p->sizep; j++) {
    if (p->p[j] == NULL) FAIL("missing function");
    if (verify1(p->p[j], p, err, errsz, depth + 1)) goto fail;
  }
  free(mark);
  return NULL;
fail:
  free(mark);
  return err;
}

const char *lbc_verify(const Proto *p, char *err, size_t errsz) {
  return verify1(p, NULL, err, errsz, 0);
}
