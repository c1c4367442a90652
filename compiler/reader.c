/*
 * reader.c — reads the binary chunk that liblua5.4's lua_dump writes
 * (format of Lua 5.4.0-5.4.6: header, then prototypes with debug info)
 * into LProto structures, for lower.c.  Everything read is checked
 * against the buffer's end; a malformed chunk is an error, not a crash.
 */
#include <stdlib.h>
#include <string.h>
#include "luadump.h"

#define LUAC_VERSION 0x54
#define LUAC_FORMAT  0
#define LUAC_DATA    "\x19\x93\r\n\x1a\n"
#define LUAC_INT     0x5678
#define LUAC_NUM     ((double)370.5)

typedef struct {
  const unsigned char *p, *end;
  const char *err;
} RS;

static int need(RS *S, size_t n) {
  if (S->err) return 0;
  if ((size_t)(S->end - S->p) < n) { S->err = "truncated chunk"; return 0; }
  return 1;
}

static unsigned char rbyte(RS *S) {
  if (!need(S, 1)) return 0;
  return *S->p++;
}

static size_t rsize(RS *S) {
  size_t x = 0;
  for (int guard = 0; guard < 10; guard++) {
    unsigned char b = rbyte(S);
    if (S->err) return 0;
    x = (x << 7) | (b & 0x7f);
    if (b & 0x80) return x;
  }
  S->err = "bad integer in chunk";
  return 0;
}

static int readint(RS *S) {
  size_t x = rsize(S);
  if (x > (size_t)INT32_MAX) { S->err = "integer overflow in chunk"; return 0; }
  return (int)x;
}

static void rblock(RS *S, void *dst, size_t n) {
  if (!need(S, n)) { memset(dst, 0, n); return; }
  memcpy(dst, S->p, n);
  S->p += n;
}

/* string: NULL when absent; *len set */
static char *rstring(RS *S, size_t *len) {
  size_t size = rsize(S);
  *len = 0;
  if (S->err || size == 0) return NULL;
  size--;
  if (!need(S, size)) return NULL;
  char *s = malloc(size + 1);
  if (!s) { S->err = "not enough memory"; return NULL; }
  memcpy(s, S->p, size);
  s[size] = '\0';
  S->p += size;
  *len = size;
  return s;
}

#define CHECKN(n) do { if ((n) < 0 || (size_t)(n) > (size_t)(S->end - S->p) + 1) { \
    S->err = "bad vector size in chunk"; return; } } while (0)

static void readproto(RS *S, LProto *f, const char *psource, size_t psrclen, int depth) {
  if (depth > 200) { S->err = "chunk nested too deeply"; return; }
  f->source = rstring(S, &f->srclen);
  if (f->source == NULL && psource) {
    f->source = malloc(psrclen + 1);
    if (f->source) { memcpy(f->source, psource, psrclen + 1); f->srclen = psrclen; }
  }
  f->linedefined = readint(S);
  f->lastlinedefined = readint(S);
  f->numparams = rbyte(S);
  f->is_vararg = rbyte(S);
  f->maxstacksize = rbyte(S);
  /* code */
  int n = readint(S);
  CHECKN(n * 4);
  f->sizecode = n;
  f->code = calloc((size_t)n + 1, sizeof(uint32_t));
  rblock(S, f->code, (size_t)n * 4);
  /* constants */
  n = readint(S);
  CHECKN(n);
  f->sizek = n;
  f->k = calloc((size_t)n + 1, sizeof(LConst));
  for (int i = 0; i < n && !S->err; i++) {
    LConst *c = &f->k[i];
    c->tag = rbyte(S);
    switch (c->tag) {
      case LK_NIL: case LK_FALSE: case LK_TRUE: break;
      case LK_FLT: rblock(S, &c->n, sizeof(double)); break;
      case LK_INT: rblock(S, &c->i, sizeof(int64_t)); break;
      case LK_SHRSTR: case LK_LNGSTR:
        c->s = rstring(S, &c->len);
        if (c->s == NULL) { c->s = calloc(1, 1); c->len = 0; }
        break;
      default: S->err = "bad constant in chunk"; break;
    }
  }
  /* upvalues */
  n = readint(S);
  CHECKN(n);
  f->sizeupvalues = n;
  f->upv = calloc((size_t)n + 1, sizeof(LUpval));
  for (int i = 0; i < n && !S->err; i++) {
    f->upv[i].instack = rbyte(S);
    f->upv[i].idx = rbyte(S);
    f->upv[i].kind = rbyte(S);
  }
  /* nested prototypes */
  n = readint(S);
  CHECKN(n);
  f->sizep = n;
  f->p = calloc((size_t)n + 1, sizeof(LProto *));
  for (int i = 0; i < n && !S->err; i++) {
    f->p[i] = calloc(1, sizeof(LProto));
    readproto(S, f->p[i], f->source, f->srclen, depth + 1);
  }
  /* debug: line info */
  n = readint(S);
  CHECKN(n);
  f->sizelineinfo = n;
  f->lineinfo = calloc((size_t)n + 1, 1);
  rblock(S, f->lineinfo, (size_t)n);
  n = readint(S);
  CHECKN(n);
  f->sizeabslineinfo = n;
  f->abslineinfo = calloc((size_t)n + 1, sizeof(LAbsLine));
  for (int i = 0; i < n && !S->err; i++) {
    f->abslineinfo[i].pc = readint(S);
    f->abslineinfo[i].line = readint(S);
  }
  n = readint(S);
  CHECKN(n);
  f->sizelocvars = n;
  f->locvars = calloc((size_t)n + 1, sizeof(LLocVar));
  for (int i = 0; i < n && !S->err; i++) {
    size_t l;
    f->locvars[i].name = rstring(S, &l);
    f->locvars[i].startpc = readint(S);
    f->locvars[i].endpc = readint(S);
  }
  n = readint(S);
  CHECKN(n);
  if (n > f->sizeupvalues) { S->err = "bad upvalue names in chunk"; return; }
  for (int i = 0; i < n && !S->err; i++) {
    size_t l;
    f->upv[i].name = rstring(S, &l);
  }
}

static int checkheader(RS *S) {
  unsigned char sig[4];
  rblock(S, sig, 4);
  if (memcmp(sig, "\x1bLua", 4) != 0) { S->err = "not a Lua binary chunk"; return 0; }
  if (rbyte(S) != LUAC_VERSION) { S->err = "Lua version mismatch (need 5.4)"; return 0; }
  if (rbyte(S) != LUAC_FORMAT) { S->err = "Lua dump format mismatch"; return 0; }
  char data[6];
  rblock(S, data, 6);
  if (memcmp(data, LUAC_DATA, 6) != 0) { S->err = "corrupted Lua chunk"; return 0; }
  if (rbyte(S) != 4 || rbyte(S) != 8 || rbyte(S) != 8) {
    S->err = "Lua chunk has unexpected type sizes"; return 0;
  }
  int64_t i;
  double d;
  rblock(S, &i, 8);
  rblock(S, &d, 8);
  if (i != LUAC_INT || d != LUAC_NUM) { S->err = "Lua chunk has unexpected number format"; return 0; }
  return !S->err;
}

LProto *luadump_read(const void *buf, size_t len, const char **err) {
  RS S;
  S.p = buf;
  S.end = S.p + len;
  S.err = NULL;
  if (!checkheader(&S)) { *err = S.err; return NULL; }
  (void)rbyte(&S);   /* number of upvalues of the main function */
  LProto *f = calloc(1, sizeof(LProto));
  readproto(&S, f, NULL, 0, 0);
  if (S.err) {
    *err = S.err;
    luadump_free(f);
    return NULL;
  }
  return f;
}

void luadump_free(LProto *f) {
  if (!f) return;
  free(f->source);
  free(f->code);
  if (f->k) for (int i = 0; i < f->sizek; i++) free(f->k[i].s);
  free(f->k);
  if (f->upv) for (int i = 0; i < f->sizeupvalues; i++) free(f->upv[i].name);
  free(f->upv);
  if (f->p) for (int i = 0; i < f->sizep; i++) luadump_free(f->p[i]);
  free(f->p);
  free(f->lineinfo);
  free(f->abslineinfo);
  if (f->locvars) for (int i = 0; i < f->sizelocvars; i++) free(f->locvars[i].name);
  free(f->locvars);
  free(f);
}
