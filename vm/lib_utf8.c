/*
 * lib_utf8.c — the UTF-8 library (manual §6.5).
 *
 * Encoding accepts every value up to 0x7FFFFFFF (sequences of up to six
 * bytes, the original UTF-8).  Decoding accepts only well-formed, shortest
 * sequences; strict decoding (the default) also rejects surrogates and
 * values above 0x10FFFF, lax decoding does not.  Decoding relies on Lua
 * strings ending in '\0' (never a continuation byte) to stop at the end.
 */
#include <limits.h>
#include <string.h>
#include "api.h"
#include "lib.h"

#define MAXUNICODE  0x10FFFFu
#define MAXUTF      0x7FFFFFFFu

typedef unsigned int utfint;

#define iscont(c)   (((unsigned char)(c) & 0xC0) == 0x80)

/* Decode the sequence at s; returns the byte after it, or NULL when it is
 * invalid.  The code point goes to *cp when cp is not NULL. */
static const char *decode(const char *s, utfint *cp, int strict) {
  /* smallest value that needs n continuation bytes (to reject overlongs) */
  static const utfint minval[6] = { 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000 };
  unsigned char lead = (unsigned char)s[0];
  utfint v;
  int extra;
  if (lead < 0x80) { v = lead; extra = 0; }
  else if (lead < 0xC0) return NULL;             /* continuation byte */
  else if (lead < 0xE0) { v = lead & 0x1F; extra = 1; }
  else if (lead < 0xF0) { v = lead & 0x0F; extra = 2; }
  else if (lead < 0xF8) { v = lead & 0x07; extra = 3; }
  else if (lead < 0xFC) { v = lead & 0x03; extra = 4; }
  else if (lead < 0xFE) { v = lead & 0x01; extra = 5; }
  else return NULL;
  for (int k = 1; k <= extra; k++) {
    unsigned char c = (unsigned char)s[k];
    if (!iscont(c)) return NULL;
    v = (v << 6) | (c & 0x3F);
  }
  if (v < minval[extra] || v > MAXUTF) return NULL;
  if (strict && (v > MAXUNICODE || (v >= 0xD800 && v <= 0xDFFF))) return NULL;
  if (cp) *cp = v;
  return s + extra + 1;
}

/* Write the encoding of x (<= MAXUTF) into buf; returns its length. */
static int encode(char *buf, utfint x) {
  if (x < 0x80) { buf[0] = (char)x; return 1; }
  int n;
  if (x < 0x800) n = 2;
  else if (x < 0x10000) n = 3;
  else if (x < 0x200000) n = 4;
  else if (x < 0x4000000) n = 5;
  else n = 6;
  for (int k = n - 1; k > 0; k--) {
    buf[k] = (char)(0x80 | (x & 0x3F));
    x >>= 6;
  }
  buf[0] = (char)((0xFF00u >> n) | x);           /* n high bits, then the rest */
  return n;
}

/* relative string position: negative counts from the end; too negative -> 0 */
static lu_Int relpos(lu_Int pos, size_t len) {
  if (pos >= 0) return pos;
  if ((size_t)0 - (size_t)pos > len) return 0;
  return (lu_Int)len + pos + 1;
}

/* utf8.len(s [, i [, j [, lax]]]) */
static int u_len(lu_State *L) {
  size_t len;
  const char *s = lu_checklstring(L, 1, &len);
  lu_Int i = relpos(lu_optinteger(L, 2, 1), len);
  lu_Int j = relpos(lu_optinteger(L, 3, -1), len);
  int strict = !lu_toboolean(L, 4);
  lu_argcheck(L, 1 <= i && i - 1 <= (lu_Int)len, 2, "initial position out of bounds");
  lu_argcheck(L, j - 1 < (lu_Int)len, 3, "final position out of bounds");
  lu_Int pos = i - 1, last = j - 1, n = 0;     /* 0-based */
  while (pos <= last) {
    const char *next = decode(s + pos, NULL, strict);
    if (next == NULL) {
      lu_pushnil(L);
      lu_pushinteger(L, pos + 1);
      return 2;
    }
    pos = next - s;
    n++;
  }
  lu_charge(L, (size_t)n / 64);
  lu_pushinteger(L, n);
  return 1;
}

/* utf8.codepoint(s [, i [, j [, lax]]]) */
static int u_codepoint(lu_State *L) {
  size_t len;
  const char *s = lu_checklstring(L, 1, &len);
  lu_Int i = relpos(lu_optinteger(L, 2, 1), len);
  lu_Int j = relpos(lu_optinteger(L, 3, i), len);
  int strict = !lu_toboolean(L, 4);
  lu_argcheck(L, i >= 1, 2, "out of bounds");
  lu_argcheck(L, j <= (lu_Int)len, 3, "out of bounds");
  if (i > j) return 0;
  if (j - i >= INT_MAX) return lu_errorf(L, "string slice too long");
  int most = (int)(j - i) + 1;
  lu_checkstack(L, most, "string slice too long");
  int n = 0;
  const char *p = s + i - 1, *end = s + j;
  while (p < end) {
    utfint cp;
    p = decode(p, &cp, strict);
    if (p == NULL) return lu_errorf(L, "invalid UTF-8 code");
    lu_pushinteger(L, (lu_Int)cp);
    n++;
  }
  lu_charge(L, (size_t)n / 64);
  return n;
}

/* utf8.char(...) */
static int u_char(lu_State *L) {
  int n = lu_gettop(L);
  lu_Buffer b;
  lu_buffinit(L, &b);
  for (int a = 1; a <= n; a++) {
    lu_Unsigned x = (lu_Unsigned)lu_checkinteger(L, a);
    lu_argcheck(L, x <= MAXUTF, a, "value out of range");
    char buf[8];
    lu_addlstring(&b, buf, (size_t)encode(buf, (utfint)x));
  }
  lu_pushresult(&b);
  return 1;
}

/* utf8.offset(s, n [, i]) */
static int u_offset(lu_State *L) {
  size_t len;
  const char *s = lu_checklstring(L, 1, &len);
  lu_Int n = lu_checkinteger(L, 2);
  lu_Int i = relpos(lu_optinteger(L, 3, n >= 0 ? 1 : (lu_Int)len + 1), len);
  lu_argcheck(L, 1 <= i && i - 1 <= (lu_Int)len, 3, "position out of bounds");
  lu_Int pos = i - 1;                           /* 0-based */
  if (n == 0) {
    while (pos > 0 && iscont(s[pos])) pos--;    /* start of this character */
  } else {
    if (iscont(s[pos])) return lu_errorf(L, "initial position is a continuation byte");
    if (n < 0) {
      for (; n < 0 && pos > 0; n++) {           /* back to the previous start */
        do pos--; while (pos > 0 && iscont(s[pos]));
      }
    } else {
      for (n--; n > 0 && pos < (lu_Int)len; n--) {  /* on to the next start */
        do pos++; while (iscont(s[pos]));       /* stops at the final '\0' */
      }
    }
  }
  if (n == 0) lu_pushinteger(L, pos + 1);
  else lu_pushnil(L);
  return 1;
}

/* the iterator of utf8.codes: control value = position of the previous
 * character (0 at the start) */
static int codes_step(lu_State *L, int strict) {
  size_t len;
  const char *s = lu_checklstring(L, 1, &len);
  lu_Unsigned pos = (lu_Unsigned)lu_tointeger(L, 2);
  /* the previous character started at byte pos-1 (0-based): skip the
   * continuation bytes after its first byte */
  if (pos < len) {
    while (iscont(s[pos])) pos++;
  }
  if (pos >= len) return 0;
  utfint cp;
  if (decode(s + pos, &cp, strict) == NULL) return lu_errorf(L, "invalid UTF-8 code");
  lu_pushinteger(L, (lu_Int)pos + 1);
  lu_pushinteger(L, (lu_Int)cp);
  return 2;
}

static int codes_strict(lu_State *L) { return codes_step(L, 1); }
static int codes_lax(lu_State *L) { return codes_step(L, 0); }

/* utf8.codes(s [, lax]) */
static int u_codes(lu_State *L) {
  int lax = lu_toboolean(L, 2);
  lu_checkstring(L, 1);
  lu_pushcfunction(L, lax ? codes_lax : codes_strict);
  lu_pushvalue(L, 1);
  lu_pushinteger(L, 0);
  return 3;
}

static const lu_Reg utf8_funcs[] = {
  {"char", u_char},
  {"codepoint", u_codepoint},
  {"codes", u_codes},
  {"len", u_len},
  {"offset", u_offset},
  {NULL, NULL}
};

const lu_Reg *lib_utf8funcs(void) { return utf8_funcs; }

/* one UTF-8 sequence, assuming valid input */
static const char charpattern[] = "[\0-\x7F\xC2-\xFD][\x80-\xBF]*";

int lu_open_utf8(lu_State *L) {
  lu_newlib(L, utf8_funcs);
  lu_pushlstring(L, charpattern, sizeof charpattern - 1);
  lu_rawsetfield(L, -2, "charpattern");
  return 1;
}
