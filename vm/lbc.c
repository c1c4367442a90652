/* lbc.c — writing and reading Lurel bytecode files (see lbc.h). */
#include <stdlib.h>
#include <string.h>
#include "lbc.h"
#include "func.h"
#include "opcodes.h"
#include "str.h"

#define LBC_INT  0x5678
#define LBC_NUM  ((double)370.5)

/* constant tags in files */
enum { KT_NIL, KT_FALSE, KT_TRUE, KT_INT, KT_FLT, KT_STR };

uint32_t lbc_isahash(void) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < NUM_OPCODES; i++) {
    const OpInfo *o = &op_info[i];
    for (const char *s = o->name; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    uint8_t b[5] = { o->format, o->ka, o->kb, o->kc, o->flags };
    for (int j = 0; j < 5; j++) h = (h ^ b[j]) * 16777619u;
  }
  return h;
}

/* ----------------------------------------------------------------- writer */

typedef struct { lbc_Writer w; void *ud; int status; int strip; } DS;

static void dblock(DS *D, const void *p, size_t n) {
  if (D->status == 0 && n > 0) D->status = D->w(p, n, D->ud);
}
static void dbyte(DS *D, int b) { uint8_t x = (uint8_t)b; dblock(D, &x, 1); }
static void dsize(DS *D, size_t x) {
  uint8_t buf[12];
  int n = 0;
  do { buf[sizeof buf - (++n)] = x & 0x7f; x >>= 7; } while (x != 0);
  buf[sizeof buf - 1] |= 0x80;
  dblock(D, buf + sizeof buf - n, (size_t)n);
}
static void dword(DS *D, uint32_t w) {
  uint8_t b[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
  dblock(D, b, 4);
}
static void dstring(DS *D, const String *s) {
  if (s == NULL) { dsize(D, 0); return; }
  dsize(D, str_len(s) + 1);
  dblock(D, str_data(s), str_len(s));
}

static void dfunction(DS *D, const Proto *p, const String *psource) {
  if (D->strip || p->source == psource) dstring(D, NULL);
  else dstring(D, p->source);
  dsize(D, (size_t)p->linedefined);
  dsize(D, (size_t)p->lastlinedefined);
  dbyte(D, p->numparams);
  dbyte(D, p->is_vararg);
  dbyte(D, p->maxstacksize);
  dsize(D, (size_t)p->sizecode);
  for (int i = 0; i < p->sizecode; i++) dword(D, p->code[i]);
  dsize(D, (size_t)p->sizek);
  for (int i = 0; i < p->sizek; i++) {
    const Value *k = &p->k[i];
    switch (k->tt) {
      case T_NIL: dbyte(D, KT_NIL); break;
      case T_FALSE: dbyte(D, KT_FALSE); break;
      case T_TRUE: dbyte(D, KT_TRUE); break;
      case T_INT: dbyte(D, KT_INT); { int64_t v = val_int(k); dblock(D, &v, 8); } break;
      case T_FLT: dbyte(D, KT_FLT); { double v = val_flt(k); dblock(D, &v, 8); } break;
      case T_STR: dbyte(D, KT_STR); dstring(D, val_str(k)); break;
      default: D->status = 1; break;
    }
  }
  dsize(D, (size_t)p->sizeupvalues);
  for (int i = 0; i < p->sizeupvalues; i++) {
    dbyte(D, p->upvalues[i].instack);
    dbyte(D, p->upvalues[i].idx);
    dbyte(D, p->upvalues[i].kind);
  }
  dsize(D, (size_t)p->sizep);
  for (int i = 0; i < p->sizep; i++) dfunction(D, p->p[i], p->source);
  /* debug information */
  int haslines = !D->strip && p->lineinfo != NULL;
  dbyte(D, haslines);
  if (haslines) {
    int32_t prev = p->linedefined;
    for (int i = 0; i < p->sizecode; i++) {
      int64_t d = (int64_t)p->lineinfo[i] - prev;
      dsize(D, (size_t)(((uint64_t)d << 1) ^ (uint64_t)(d >> 63)));    /* zigzag */
      prev = p->lineinfo[i];
    }
  }
  int nloc = D->strip ? 0 : p->sizelocvars;
  dsize(D, (size_t)nloc);
  for (int i = 0; i < nloc; i++) {
    dstring(D, p->locvars[i].name);
    dsize(D, (size_t)p->locvars[i].startpc);
    dsize(D, (size_t)p->locvars[i].endpc);
  }
  int nupn = D->strip ? 0 : p->sizeupvalues;
  dsize(D, (size_t)nupn);
  for (int i = 0; i < nupn; i++) dstring(D, p->upvalues[i].name);
}

int lbc_dump(const Proto *p, lbc_Writer w, void *ud, int strip) {
  DS D = { w, ud, 0, strip };
  dblock(&D, LBC_SIGNATURE, 4);
  dbyte(&D, LBC_VERSION);
  dword(&D, lbc_isahash());
  dbyte(&D, 4);
  dbyte(&D, 8);
  dbyte(&D, 8);
  int64_t i = LBC_INT;
  double n = LBC_NUM;
  dblock(&D, &i, 8);
  dblock(&D, &n, 8);
  dbyte(&D, p->sizeupvalues);
  dfunction(&D, p, NULL);
  return D.status;
}

/* ----------------------------------------------------------------- loader */

typedef struct {
  VM *vm;
  const uint8_t *p, *end;
  char *err;
  size_t errsz;
  int failed;
} LS;

static void lerror(LS *S, const char *msg) {
  if (!S->failed) snprintf(S->err, S->errsz, "%s", msg);
  S->failed = 1;
}

static int lneed(LS *S, size_t n) {
  if (S->failed) return 0;
  if ((size_t)(S->end - S->p) < n) { lerror(S, "truncated chunk"); return 0; }
  return 1;
}
static int lbyte(LS *S) { if (!lneed(S, 1)) return 0; return *S->p++; }
static size_t lsize(LS *S, size_t limit) {
  size_t x = 0;
  for (int g = 0; g < 10; g++) {
    int b = lbyte(S);
    if (S->failed) return 0;
    x = (x << 7) | (size_t)(b & 0x7f);
    if (b & 0x80) {
      if (x > limit) { lerror(S, "corrupted chunk: out-of-range size"); return 0; }
      return x;
    }
  }
  lerror(S, "corrupted chunk: bad integer");
  return 0;
}
static int lint(LS *S) { return (int)lsize(S, INT32_MAX); }
static uint32_t lword(LS *S) {
  if (!lneed(S, 4)) return 0;
  uint32_t w = (uint32_t)S->p[0] | ((uint32_t)S->p[1] << 8) | ((uint32_t)S->p[2] << 16) |
               ((uint32_t)S->p[3] << 24);
  S->p += 4;
  return w;
}
static void lblock(LS *S, void *d, size_t n) {
  if (!lneed(S, n)) { memset(d, 0, n); return; }
  memcpy(d, S->p, n);
  S->p += n;
}
static String *lstring(LS *S) {
  size_t size = lsize(S, (size_t)(S->end - S->p) + 1);
  if (S->failed || size == 0) return NULL;
  size--;
  if (!lneed(S, size)) return NULL;
  String *s = atom_new(S->vm, (const char *)S->p, size);
  S->p += size;
  return s;
}

/* remaining bytes bound vector sizes, so a lying count cannot make us
 * allocate more than the file could describe */
#define REMAIN(S) ((size_t)((S)->end - (S)->p))

static Proto *lfunction(LS *S, String *psource, int depth) {
  if (depth > 200) { lerror(S, "corrupted chunk: nested too deeply"); return NULL; }
  Proto *p = proto_new();
  p->source = lstring(S);
  if (p->source == NULL) p->source = psource;
  p->linedefined = lint(S);
  p->lastlinedefined = lint(S);
  p->numparams = (uint8_t)lbyte(S);
  p->is_vararg = (uint8_t)lbyte(S);
  p->maxstacksize = (uint8_t)lbyte(S);
  p->sizecode = (int32_t)lsize(S, REMAIN(S) / 4);
  p->code = calloc((size_t)p->sizecode + 1, sizeof(Instr));
  for (int i = 0; i < p->sizecode; i++) p->code[i] = lword(S);
  p->sizek = (int32_t)lsize(S, REMAIN(S));
  p->k = calloc((size_t)p->sizek + 1, sizeof(Value));
  for (int i = 0; i < p->sizek && !S->failed; i++) {
    Value *k = &p->k[i];
    switch (lbyte(S)) {
      case KT_NIL: val_setnil(k); break;
      case KT_FALSE: val_setfalse(k); break;
      case KT_TRUE: val_settrue(k); break;
      case KT_INT: { int64_t v; lblock(S, &v, 8); val_setint(k, v); break; }
      case KT_FLT: { double v; lblock(S, &v, 8); val_setflt(k, v); break; }
      case KT_STR: {
        String *s = lstring(S);
        if (s == NULL) s = atom_new(S->vm, "", 0);
        val_setstr(k, s);
        break;
      }
      default: val_setnil(k); lerror(S, "corrupted chunk: bad constant"); break;
    }
  }
  p->sizeupvalues = (int32_t)lsize(S, 255);
  p->upvalues = calloc((size_t)p->sizeupvalues + 1, sizeof(UpvalDesc));
  for (int i = 0; i < p->sizeupvalues; i++) {
    p->upvalues[i].instack = (uint8_t)lbyte(S);
    p->upvalues[i].idx = (uint8_t)lbyte(S);
    p->upvalues[i].kind = (uint8_t)lbyte(S);
  }
  p->sizep = (int32_t)lsize(S, REMAIN(S));
  p->p = calloc((size_t)p->sizep + 1, sizeof(Proto *));
  for (int i = 0; i < p->sizep && !S->failed; i++) p->p[i] = lfunction(S, p->source, depth + 1);
  if (S->failed) { p->sizep = 0; for (int i = 0; p->p[i]; i++) p->sizep = i + 1; }
  int haslines = lbyte(S);
  if (haslines) {
    p->lineinfo = calloc((size_t)p->sizecode + 1, sizeof(int32_t));
    int64_t line = p->linedefined;
    for (int i = 0; i < p->sizecode && !S->failed; i++) {
      /* lines are int32: a delta needs at most 33 bits (zigzag: 34) */
      uint64_t z = lsize(S, (size_t)1 << 34);
      int64_t d = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
      line += d;
      if (line < INT32_MIN || line > INT32_MAX) { lerror(S, "corrupted chunk: bad line information"); break; }
      p->lineinfo[i] = (int32_t)line;
    }
  }
  p->sizelocvars = (int32_t)lsize(S, REMAIN(S));
  p->locvars = calloc((size_t)p->sizelocvars + 1, sizeof(LocVar));
  for (int i = 0; i < p->sizelocvars && !S->failed; i++) {
    p->locvars[i].name = lstring(S);
    p->locvars[i].startpc = lint(S);
    p->locvars[i].endpc = lint(S);
  }
  int nupn = (int)lsize(S, (size_t)p->sizeupvalues);
  for (int i = 0; i < nupn; i++) p->upvalues[i].name = lstring(S);
  p->stripped = !haslines;
  p->memsize = proto_memsize(p);
  return p;
}

/* Refusals read as lua5.4's: "NAME: bad binary format (WHY)", NAME the
 * chunk name without its '@' or '=', or "binary string" for a default name
 * that is the chunk itself. */
static void badformat(char *err, size_t errsz, const char *chunkname, const char *why) {
  const char *name = chunkname;
  if (*name == '@' || *name == '=') name++;
  else if (*name == '\x1b') name = "binary string";
  char m[256];
  snprintf(m, sizeof m, "%s: bad binary format (%s)", name, why);
  snprintf(err, errsz, "%s", m);
}

Proto *lbc_undump(VM *vm, const char *buf, size_t len, const char *chunkname,
                  char *err, size_t errsz) {
  LS S = { vm, (const uint8_t *)buf, (const uint8_t *)buf + len, err, errsz, 0 };
  size_t siglen = len < 4 ? len : 4;
  if (memcmp(buf, LBC_SIGNATURE, siglen) != 0) {
    badformat(err, errsz, chunkname, "not a binary chunk");
    return NULL;
  }
  const char *why = NULL;
  char sig[4];
  lblock(&S, sig, 4);
  int x = lbyte(&S);
  if (!S.failed && x != LBC_VERSION) why = "version mismatch";
  uint32_t isa = why ? 0 : lword(&S);
  if (!why && !S.failed && isa != lbc_isahash()) why = "format mismatch";
  for (int j = 0; j < 3 && !why; j++) {
    x = lbyte(&S);
    if (!S.failed && x != (j == 0 ? 4 : 8)) why = "format mismatch";
  }
  int64_t i = 0;
  double n = 0;
  if (!why) lblock(&S, &i, 8);
  if (!why && !S.failed && i != LBC_INT) why = "integer format mismatch";
  if (!why) lblock(&S, &n, 8);
  if (!why && !S.failed && n != LBC_NUM) why = "float format mismatch";
  if (why != NULL || S.failed) {
    badformat(err, errsz, chunkname, why ? why : "truncated chunk");
    return NULL;
  }
  int nup = lbyte(&S);
  String *src = atom_newz(vm, "=?");   /* stripped: like lua5.4 */
  Proto *p = lfunction(&S, src, 0);
  char verr[200];
  /* bytes after the function are ignored, as by lua5.4 */
  if (!S.failed && nup != p->sizeupvalues) lerror(&S, "corrupted chunk: bad upvalue count");
  if (!S.failed && lbc_verify(p, verr, sizeof verr) != NULL) {
    char m[240];
    snprintf(m, sizeof m, "corrupted chunk: %s", verr);
    badformat(err, errsz, chunkname, m);
    proto_decref(p);
    return NULL;
  }
  if (S.failed) {
    char m[256];
    snprintf(m, sizeof m, "%s", err);
    badformat(err, errsz, chunkname, m);
    proto_decref(p);
    return NULL;
  }
  return p;
}
