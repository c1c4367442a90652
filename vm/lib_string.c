/*
 * lib_string.c — the string library (manual §6.4) and the metatable of
 * strings (__index and the arithmetic coercions).
 * The pattern matcher is in lib_strpat.c; pack, packsize, unpack and dump
 * are in lib_strpack.c.
 *
 * Functions that may run Lua code (gsub with a function or a table with a
 * metatable, format("%s") of a value with __tostring, arithmetic deferring
 * to another operand's metamethod) do it through lu_callk continuations,
 * never a nested interpreter.  Across such a call nothing lives in C: the
 * result being built is in an SBuf box (a userdata at a fixed stack slot)
 * and the rest of the state in the box or in a userdata next to it.
 *
 * Character classes and case mapping are those of the "C" locale whatever
 * the host's locale (lua5.4 does not call setlocale).
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "api.h"
#include "lib.h"
#include "lib_strpat.h"
#include "str.h"
#include "vm.h"

#define uchar(c) ((unsigned char)(c))

/* Largest result of string.rep (lua5.4 limits it to INT_MAX bytes). */
#define STR_MAXREP ((size_t)INT_MAX)
/* Largest buffer built by the library. */
#define STR_MAXBUF ((size_t)LU_MAXINT)

/* Charge reductions for work proportional to n bytes. */
static inline void charge(lu_State *L, size_t n) {
  if (n >= 256) lu_charge(L, n / 64);
}

/* ------------------------------------------------------- string results
 * A result whose length is known in advance is written in place: short
 * strings in a local buffer (they are interned by content), long ones
 * directly in their blob. */

typedef struct NewStr {
  size_t len;
  char small[LU_MAXSHORTLEN + 1];
} NewStr;

/* Returns where to write 'len' bytes; newstr_end pushes the string (a long
 * one is already pushed, so nothing may be pushed in between). */
static char *newstr_begin(lu_State *L, NewStr *ns, size_t len) {
  ns->len = len;
  if (len <= LU_MAXSHORTLEN) return ns->small;
  String *ts = str_newlong(L->P, len);
  Value v;
  val_setstr(&v, ts);
  lu_pushv(L, &v);
  return (char *)str_data(ts);
}

static void newstr_end(lu_State *L, NewStr *ns) {
  if (ns->len <= LU_MAXSHORTLEN) lu_pushlstring(L, ns->small, ns->len);
}

/* ------------------------------------------------------------- SBuf
 * A growable buffer that starts on the C stack and moves into a userdata
 * "box" kept at a fixed stack slot (reserved by the caller, e.g. with a
 * nil).  Unlike lu_Buffer it may be saved across lu_callk: sb_save puts
 * everything in the box, sb_resume picks it up in the continuation.  Values
 * may be pushed and popped above the slot at any time. */

typedef struct SBox {
  size_t n, size;
  size_t aux[2];              /* free for the user of the buffer */
  char data[];
} SBox;

typedef struct SBuf {
  lu_State *L;
  int slot;
  char *b;
  size_t n, size;
  SBox *box;                  /* NULL while the bytes are in init */
  char init[512];
} SBuf;

static void sb_init(lu_State *L, SBuf *B, int slot) {
  B->L = L;
  B->slot = slot;
  B->b = B->init;
  B->n = 0;
  B->size = sizeof B->init;
  B->box = NULL;
}

static SBox *sb_newbox(SBuf *B, size_t size) {
  lu_State *L = B->L;
  SBox *nb = lu_newuserdatauv(L, sizeof(SBox) + size, 0);
  nb->size = size;
  nb->n = B->n;
  if (B->box) memcpy(nb->aux, B->box->aux, sizeof nb->aux);
  else memset(nb->aux, 0, sizeof nb->aux);
  memcpy(nb->data, B->b, B->n);
  lu_replace(L, B->slot);
  B->box = nb;
  B->b = nb->data;
  B->size = size;
  return nb;
}

static char *sb_prep(SBuf *B, size_t need) {
  if (B->size - B->n >= need) return B->b + B->n;
  if (need > STR_MAXBUF - B->n) lu_errorf(B->L, "buffer too large");
  size_t newsize = B->size * 2;
  if (newsize - B->n < need) newsize = B->n + need;
  sb_newbox(B, newsize);
  return B->b + B->n;
}

static void sb_add(SBuf *B, const char *s, size_t l) {
  if (l > 0) {
    memcpy(sb_prep(B, l), s, l);
    B->n += l;
  }
}

static inline void sb_addchar(SBuf *B, char c) {
  if (B->n == B->size) sb_prep(B, 1);
  B->b[B->n++] = c;
}

/* printf-style: form is a single validated conversion */
static void sb_addf(SBuf *B, const char *form, ...) {
  va_list ap, ap2;
  va_start(ap, form);
  va_copy(ap2, ap);
  char *d = sb_prep(B, 128);
  int n = vsnprintf(d, 128, form, ap);
  if (n >= 128) {
    d = sb_prep(B, (size_t)n + 1);
    vsnprintf(d, (size_t)n + 1, form, ap2);
  }
  va_end(ap2);
  va_end(ap);
  if (n > 0) B->n += (size_t)n;
}

/* Before lu_callk: everything into the box (which stays at the slot). */
static SBox *sb_save(SBuf *B) {
  if (B->box == NULL) sb_newbox(B, B->n < 64 ? 64 : B->n);
  B->box->n = B->n;
  return B->box;
}

/* In a continuation: the buffer saved at 'slot'. */
static SBox *sb_resume(lu_State *L, SBuf *B, int slot) {
  SBox *box = lu_touserdata(L, slot);
  B->L = L;
  B->slot = slot;
  B->box = box;
  B->b = box->data;
  B->n = box->n;
  B->size = box->size;
  return box;
}

static void sb_push(SBuf *B) {
  charge(B->L, B->n);
  lu_pushlstring(B->L, B->b, B->n);
}

/* ----------------------------------------------------------- positions */

/* Start position i of a slice of a string of length len (1-based). */
static size_t posrelat_start(lu_Int pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0) return 1;
  if (pos < -(lu_Int)len) return 1;
  return len + (size_t)pos + 1;
}

/* End position j (argument arg, default def) of a slice. */
static size_t posrelat_end(lu_State *L, int arg, lu_Int def, size_t len) {
  lu_Int pos = lu_optinteger(L, arg, def);
  if (pos > (lu_Int)len) return len;
  if (pos >= 0) return (size_t)pos;
  if (pos < -(lu_Int)len) return 0;
  return len + (size_t)pos + 1;
}

/* ------------------------------------------------------ simple functions */

static int s_len(lu_State *L) {
  size_t l;
  lu_checklstring(L, 1, &l);
  lu_pushinteger(L, (lu_Int)l);
  return 1;
}

static int str_sub(lu_State *L) {
  size_t l;
  const char *s = lu_checklstring(L, 1, &l);
  size_t i = posrelat_start(lu_checkinteger(L, 2), l);
  size_t j = posrelat_end(L, 3, -1, l);
  if (i > j) {
    lu_pushlstring(L, "", 0);
  } else {
    charge(L, j - i + 1);
    lu_pushlstring(L, s + i - 1, j - i + 1);
  }
  return 1;
}

static int str_reverse(lu_State *L) {
  size_t l;
  const char *s = lu_checklstring(L, 1, &l);
  NewStr ns;
  char *d = newstr_begin(L, &ns, l);
  for (size_t k = 0; k < l; k++) d[k] = s[l - 1 - k];
  newstr_end(L, &ns);
  charge(L, l);
  return 1;
}

static int str_lower(lu_State *L) {
  size_t l;
  const char *s = lu_checklstring(L, 1, &l);
  NewStr ns;
  char *d = newstr_begin(L, &ns, l);
  for (size_t k = 0; k < l; k++) d[k] = (char)pat_tolower(uchar(s[k]));
  newstr_end(L, &ns);
  charge(L, l);
  return 1;
}

static int str_upper(lu_State *L) {
  size_t l;
  const char *s = lu_checklstring(L, 1, &l);
  NewStr ns;
  char *d = newstr_begin(L, &ns, l);
  for (size_t k = 0; k < l; k++) d[k] = (char)pat_toupper(uchar(s[k]));
  newstr_end(L, &ns);
  charge(L, l);
  return 1;
}

static int str_rep(lu_State *L) {
  size_t l, lsep;
  const char *s = lu_checklstring(L, 1, &l);
  lu_Int n = lu_checkinteger(L, 2);
  const char *sep = lu_optlstring(L, 3, "", &lsep);
  if (n <= 0 || (l == 0 && lsep == 0)) {
    lu_pushlstring(L, "", 0);
    return 1;
  }
  if (l + lsep < l || l + lsep > STR_MAXREP / (lu_Unsigned)n)
    return lu_errorf(L, "resulting string too large");
  size_t unit = l + lsep;
  size_t total = (size_t)n * unit - lsep;
  NewStr ns;
  char *d = newstr_begin(L, &ns, total);
  /* the result is periodic: write one "s..sep" unit, then double it */
  memcpy(d, s, l);
  size_t filled = l;
  if (filled < total) {
    memcpy(d + l, sep, lsep);
    filled = unit;
    while (filled < total) {
      size_t chunk = filled < total - filled ? filled : total - filled;
      memcpy(d + filled, d, chunk);
      filled += chunk;
    }
  }
  newstr_end(L, &ns);
  charge(L, total);
  return 1;
}

static int str_byte(lu_State *L) {
  size_t l;
  const char *s = lu_checklstring(L, 1, &l);
  lu_Int pi = lu_optinteger(L, 2, 1);
  size_t pose = posrelat_end(L, 3, pi, l);
  size_t posi = posrelat_start(pi, l);
  if (posi > pose) return 0;
  if (pose - posi >= (size_t)INT_MAX) return lu_errorf(L, "string slice too long");
  int n = (int)(pose - posi) + 1;
  lu_checkstack(L, n, "string slice too long");
  for (int k = 0; k < n; k++) lu_pushinteger(L, uchar(s[posi + (size_t)k - 1]));
  charge(L, (size_t)n * 8);
  return n;
}

static int str_char(lu_State *L) {
  int n = lu_gettop(L);
  NewStr ns;
  /* check every argument before anything is pushed */
  for (int k = 1; k <= n; k++) {
    lu_Unsigned c = (lu_Unsigned)lu_checkinteger(L, k);
    lu_argcheck(L, c <= UCHAR_MAX, k, "value out of range");
  }
  char *d = newstr_begin(L, &ns, (size_t)n);
  for (int k = 1; k <= n; k++) d[k - 1] = (char)uchar(lu_tointeger(L, k));
  newstr_end(L, &ns);
  charge(L, (size_t)n * 4);
  return 1;
}

/* ------------------------------------------------------ find and match */

static int str_find_aux(lu_State *L, int find) {
  size_t ls, lp;
  const char *s = lu_checklstring(L, 1, &ls);
  const char *p = lu_checklstring(L, 2, &lp);
  size_t init = posrelat_start(lu_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {                       /* starts after the end: no match */
    lu_pushnil(L);
    return 1;
  }
  if (find && (lu_toboolean(L, 4) || pat_nospecials(p, lp))) {
    const char *f = memmem(s + init, ls - init, p, lp);
    charge(L, ls - init);
    if (f != NULL) {
      lu_pushinteger(L, (lu_Int)(f - s) + 1);
      lu_pushinteger(L, (lu_Int)(f - s) + (lu_Int)lp);
      return 2;
    }
  } else {
    int anchor = (lp > 0 && *p == '^');
    if (anchor) { p++; lp--; }
    PatState ms;
    pat_init(&ms, L, s, ls, p, lp);
    const char *s1 = s + init;
    do {
      const char *e = pat_match(&ms, s1, p);
      if (e != NULL) {
        pat_charge(&ms);
        if (find) {
          lu_pushinteger(L, (lu_Int)(s1 - s) + 1);
          lu_pushinteger(L, (lu_Int)(e - s));
          return pat_pushcaptures(&ms, s1, e, 0) + 2;
        }
        return pat_pushcaptures(&ms, s1, e, 1);
      }
    } while (s1++ < ms.src_end && !anchor);
    pat_charge(&ms);
  }
  lu_pushnil(L);
  return 1;
}

static int str_find(lu_State *L) { return str_find_aux(L, 1); }
static int str_match(lu_State *L) { return str_find_aux(L, 0); }

/* ---------------------------------------------------------------- gmatch */

typedef struct GmatchState {
  size_t pos;          /* where the next match is tried */
  size_t lastmatch;    /* end of the last match + 1, or 0 */
} GmatchState;

static int gmatch_aux(lu_State *L) {
  size_t ls, lp;
  const char *src = lu_tolstring(L, lu_upvalueindex(1), &ls);
  const char *p = lu_tolstring(L, lu_upvalueindex(2), &lp);
  GmatchState *gm = lu_touserdata(L, lu_upvalueindex(3));
  PatState ms;
  pat_init(&ms, L, src, ls, p, lp);
  for (size_t pos = gm->pos; pos <= ls; pos++) {
    const char *e = pat_match(&ms, src + pos, p);
    if (e != NULL && (size_t)(e - src) + 1 != gm->lastmatch) {
      gm->pos = (size_t)(e - src);
      gm->lastmatch = gm->pos + 1;
      pat_charge(&ms);
      return pat_pushcaptures(&ms, src + pos, e, 1);
    }
  }
  gm->pos = ls + 1;                      /* exhausted */
  pat_charge(&ms);
  return 0;
}

static int str_gmatch(lu_State *L) {
  size_t ls;
  lu_checklstring(L, 1, &ls);
  lu_checklstring(L, 2, NULL);
  size_t init = posrelat_start(lu_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;
  lu_settop(L, 2);
  GmatchState *gm = lu_newuserdatauv(L, sizeof(GmatchState), 0);
  gm->pos = init;
  gm->lastmatch = 0;
  lu_pushcclosure(L, gmatch_aux, 3);
  return 1;
}

/* ------------------------------------------------------------------ gsub
 * Stack: 1 subject, 2 pattern, 3 replacement, 4 max n, 5 the SBuf slot,
 * 6 the GsubState (a userdata when a callback may be needed). */

typedef struct GsubState {
  size_t pos;          /* where the next match is tried */
  size_t lastmatch;    /* end of the last match + 1, or 0 */
  size_t copied;       /* subject bytes before this are in the buffer */
  size_t mstart, mend; /* the match being replaced */
  size_t poff;         /* the pattern proper starts here (after '^') */
  lu_Int n, max_s;
  int anchor, done;
} GsubState;

#define GSUB_BUF    5
#define GSUB_STATE  6

/* Append the expansion of replacement string r for the match s..e. */
static void add_s(PatState *ms, SBuf *B, const char *s, const char *e, const char *r, size_t rl) {
  const char *end = r + rl;
  while (r < end) {
    const char *pct = memchr(r, '%', (size_t)(end - r));
    if (pct == NULL) {
      sb_add(B, r, (size_t)(end - r));
      return;
    }
    sb_add(B, r, (size_t)(pct - r));
    r = pct + 1;
    if (r < end && *r == '%') {
      sb_addchar(B, '%');
    } else if (r < end && pat_isdigit(uchar(*r))) {
      if (*r == '0') {
        sb_add(B, s, (size_t)(e - s));
      } else {
        const char *cap;
        ptrdiff_t len = pat_getcapture(ms, *r - '1', s, e, &cap);
        if (len == PAT_CAP_POSITION) sb_addf(B, "%lld", (long long)(cap - ms->src) + 1);
        else sb_add(B, cap, (size_t)len);
      }
    } else {
      lu_errorf(ms->L, "invalid use of '%c' in replacement string", '%');
    }
    r++;
  }
}

/* The value on top replaces the current match (false/nil: keep it). */
static void gsub_addvalue(lu_State *L, GsubState *st, SBuf *B, const char *src) {
  if (!lu_toboolean(L, -1)) {
    lu_pop(L, 1);                        /* the original text stays */
    return;
  }
  if (!lu_isstring(L, -1))
    lu_errorf(L, "invalid replacement value (a %s)", lu_typename(L, lu_type(L, -1)));
  size_t l;
  const char *v = lu_tolstring(L, -1, &l);
  sb_add(B, src + st->copied, st->mstart - st->copied);
  sb_add(B, v, l);
  st->copied = st->mend;
  lu_pop(L, 1);
}

static int gsub_k(lu_State *L, int status, intptr_t ctx);

/* t[k] with metamethods, for tables that have them */
static int gsub_index(lu_State *L) {
  return lib_calllualib(L, "gsub_index");
}

static int gsub_loop(lu_State *L, GsubState *st, SBuf *B) {
  size_t srcl, lp, rl = 0;
  const char *src = lu_tolstring(L, 1, &srcl);
  const char *p = lu_tolstring(L, 2, &lp) + st->poff;
  const char *repl = NULL;
  int tr = lu_type(L, 3);
  if (tr == LU_TSTRING || tr == LU_TNUMBER) repl = lu_tolstring(L, 3, &rl);
  lp -= st->poff;
  PatState ms;
  pat_init(&ms, L, src, srcl, p, lp);
  while (!st->done && st->n < st->max_s) {
    const char *s = src + st->pos;
    const char *e = pat_match(&ms, s, p);
    if (e != NULL && (size_t)(e - src) + 1 != st->lastmatch) {
      st->n++;
      st->mstart = st->pos;
      st->mend = st->pos = (size_t)(e - src);
      st->lastmatch = st->mend + 1;
      if (repl != NULL) {
        sb_add(B, src + st->copied, st->mstart - st->copied);
        add_s(&ms, B, s, e, repl, rl);
        st->copied = st->mend;
      } else if (tr == LU_TFUNCTION) {
        lu_pushvalue(L, 3);
        int nc = pat_pushcaptures(&ms, s, e, 1);
        pat_charge(&ms);
        sb_save(B);
        lu_noyield(L);
        return lu_callk(L, nc, 1, 0, gsub_k);
      } else {                           /* table */
        pat_pushcapture(&ms, 0, s, e);
        if (lu_getmetafield(L, 3, "__index") != LU_TNIL) {
          lu_pop(L, 1);
          lu_pushcfunction(L, gsub_index);
          lu_pushvalue(L, 3);
          lu_rotate(L, -3, -1);          /* key, helper, t -> helper, t, key */
          L->ci->callstatus |= CIST_HELPER;   /* levels: part of this gsub call */
          pat_charge(&ms);
          sb_save(B);
          lu_noyield(L);
          return lu_callk(L, 2, 1, 0, gsub_k);
        }
        lu_rawget(L, 3);
        gsub_addvalue(L, st, B, src);
      }
    } else if (st->pos < srcl) {
      st->pos++;
    } else {
      break;
    }
    if (st->anchor) break;
  }
  pat_charge(&ms);
  sb_add(B, src + st->copied, srcl - st->copied);
  sb_push(B);
  lu_pushinteger(L, st->n);
  return 2;
}

static int gsub_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  SBuf B;
  sb_resume(L, &B, GSUB_BUF);
  GsubState *st = lu_touserdata(L, GSUB_STATE);
  gsub_addvalue(L, st, &B, lu_tostring(L, 1));
  if (st->anchor) st->done = 1;
  return gsub_loop(L, st, &B);
}

static int str_gsub(lu_State *L) {
  size_t srcl, lp;
  lu_checklstring(L, 1, &srcl);
  const char *p = lu_checklstring(L, 2, &lp);
  int tr = lu_type(L, 3);
  lu_Int max_s = lu_optinteger(L, 4, (lu_Int)srcl + 1);
  lu_argexpected(L, tr == LU_TNUMBER || tr == LU_TSTRING ||
                    tr == LU_TFUNCTION || tr == LU_TTABLE, 3, "string/function/table");
  lu_settop(L, 4);
  lu_pushnil(L);                         /* GSUB_BUF */
  GsubState local, *st = &local;
  if (tr == LU_TFUNCTION || tr == LU_TTABLE)
    st = lu_newuserdatauv(L, sizeof(GsubState), 0);   /* GSUB_STATE */
  memset(st, 0, sizeof *st);
  st->anchor = (lp > 0 && *p == '^');
  st->poff = st->anchor ? 1 : 0;
  st->max_s = max_s;
  SBuf B;
  sb_init(L, &B, GSUB_BUF);
  return gsub_loop(L, st, &B);
}

/* ---------------------------------------------------------------- format */

/* Characters that may come between '%' and the conversion letter. */
#define FMT_SPANCHARS "-+ #0123456789."
/* A specification this long or longer (conversion included) is refused. */
#define FMT_MAXSPEC   22
/* flags allowed per conversion */
#define FMT_FLAGS_FLOAT "-+ #0"
#define FMT_FLAGS_HEX   "-#0"
#define FMT_FLAGS_INT   "-+ 0"
#define FMT_FLAGS_UINT  "-0"
#define FMT_FLAGS_CHAR  "-"

/* Copy the specification at p (just after '%') into form as "%...c" and
 * return the position of the conversion character (maybe end). */
static const char *fmt_getspec(lu_State *L, const char *p, const char *end, char *form) {
  size_t span = 0;
  while (p + span < end && p[span] != '\0' && strchr(FMT_SPANCHARS, p[span]) != NULL) span++;
  if (span + 1 >= FMT_MAXSPEC) lu_errorf(L, "invalid format (too long)");
  form[0] = '%';
  memcpy(form + 1, p, span);
  form[span + 1] = (p + span < end) ? p[span] : '\0';
  form[span + 2] = '\0';
  return p + span;
}

static const char *skip2digits(const char *s) {
  if (pat_isdigit(uchar(*s))) s++;
  if (pat_isdigit(uchar(*s))) s++;
  return s;
}

/* Check form against the flags of its conversion: at most two digits of
 * width, and of precision when allowed. */
static void fmt_check(lu_State *L, const char *form, const char *flags, int precision) {
  const char *spec = form + 1;
  spec += strspn(spec, flags);
  if (*spec != '0') {                    /* a width never starts with 0 */
    spec = skip2digits(spec);
    if (*spec == '.' && precision) spec = skip2digits(spec + 1);
  }
  if (!pat_isalpha(uchar(*spec)))
    lu_errorf(L, "invalid conversion specification: '%s'", form);
}

/* form "%...c" -> "%...llc" */
static void fmt_addll(char *form) {
  size_t l = strlen(form);
  char conv = form[l - 1];
  form[l - 1] = 'l';
  form[l] = 'l';
  form[l + 1] = conv;
  form[l + 2] = '\0';
}

static void add_quoted(SBuf *B, const char *s, size_t l) {
  sb_addchar(B, '"');
  for (size_t k = 0; k < l; k++) {
    int c = uchar(s[k]);
    if (c == '"' || c == '\\' || c == '\n') {
      sb_addchar(B, '\\');
      sb_addchar(B, (char)c);
    } else if (pat_iscntrl(c)) {
      int nextdigit = (k + 1 < l) && pat_isdigit(uchar(s[k + 1]));
      sb_addf(B, nextdigit ? "\\%03d" : "\\%d", c);
    } else {
      sb_addchar(B, (char)c);
    }
  }
  sb_addchar(B, '"');
  charge(B->L, l);
}

/* %q: the value as a Lua literal */
static void add_literal(lu_State *L, SBuf *B, int arg) {
  switch (lu_type(L, arg)) {
    case LU_TSTRING: {
      size_t l;
      const char *s = lu_tolstring(L, arg, &l);
      add_quoted(B, s, l);
      break;
    }
    case LU_TNUMBER: {
      if (lu_isinteger(L, arg)) {
        lu_Int n = lu_tointeger(L, arg);
        if (n == LU_MININT) sb_addf(B, "0x%llx", (unsigned long long)n);
        else sb_addf(B, "%lld", (long long)n);
      } else {
        lu_Num x = lu_tonumber(L, arg);
        if (x == (lu_Num)HUGE_VAL) sb_add(B, "1e9999", 6);
        else if (x == -(lu_Num)HUGE_VAL) sb_add(B, "-1e9999", 7);
        else if (x != x) sb_add(B, "(0/0)", 5);
        else sb_addf(B, "%a", x);        /* hexadecimal: reads back exactly */
      }
      break;
    }
    case LU_TNIL: case LU_TBOOLEAN: {
      size_t l;
      const char *s = lu_tolstring_raw(L, arg, &l);
      sb_add(B, s, l);
      lu_pop(L, 1);
      break;
    }
    default:
      lu_argerror(L, arg, "value has no literal form");
  }
}

/* %s with the string already on top (popped) */
static void format_s(lu_State *L, SBuf *B, char *form, int arg) {
  size_t l;
  const char *s = lu_tolstring(L, -1, &l);
  if (form[2] == '\0') {
    sb_add(B, s, l);
  } else {
    lu_argcheck(L, l == strlen(s), arg, "string contains zeros");
    fmt_check(L, form, FMT_FLAGS_CHAR, 1);
    if (strchr(form, '.') == NULL && l >= 100) sb_add(B, s, l);   /* no padding needed */
    else sb_addf(B, form, s);
  }
  lu_pop(L, 1);
}

static int format_k(lu_State *L, int status, intptr_t ctx);

/* Format string (arg 1) from byte pos on, next argument after arg; top is
 * the number of arguments and top + 1 the SBuf slot. */
static int format_loop(lu_State *L, SBuf *B, size_t pos, int arg, int top) {
  size_t lf;
  const char *fmt = lu_tolstring(L, 1, &lf);
  const char *end = fmt + lf;
  const char *p = fmt + pos;
  while (p < end) {
    const char *pct = memchr(p, '%', (size_t)(end - p));
    if (pct == NULL) {
      sb_add(B, p, (size_t)(end - p));
      break;
    }
    sb_add(B, p, (size_t)(pct - p));
    p = pct + 1;
    if (p < end && *p == '%') {
      sb_addchar(B, '%');
      p++;
      continue;
    }
    if (++arg > top) lu_argerror(L, arg, "no value");
    char form[FMT_MAXSPEC + 8];
    const char *flags;
    const char *conv = fmt_getspec(L, p, end, form);
    p = conv + 1;
    switch (conv < end ? *conv : '\0') {
      case 'c':
        fmt_check(L, form, FMT_FLAGS_CHAR, 0);
        sb_addf(B, form, (int)lu_checkinteger(L, arg));
        break;
      case 'd': case 'i':
        flags = FMT_FLAGS_INT;
        goto intcase;
      case 'u':
        flags = FMT_FLAGS_UINT;
        goto intcase;
      case 'o': case 'x': case 'X':
        flags = FMT_FLAGS_HEX;
      intcase: {
        lu_Int n = lu_checkinteger(L, arg);
        fmt_check(L, form, flags, 1);
        fmt_addll(form);
        sb_addf(B, form, (long long)n);
        break;
      }
      case 'a': case 'A':
        fmt_check(L, form, FMT_FLAGS_FLOAT, 1);
        sb_addf(B, form, (double)lu_checknumber(L, arg));
        break;
      case 'e': case 'E': case 'f': case 'g': case 'G': {
        lu_Num x = lu_checknumber(L, arg);
        fmt_check(L, form, FMT_FLAGS_FLOAT, 1);
        sb_addf(B, form, (double)x);
        break;
      }
      case 'p': {
        const void *ptr = lu_topointer(L, arg);
        fmt_check(L, form, FMT_FLAGS_CHAR, 0);
        if (ptr == NULL) {
          form[strlen(form) - 1] = 's';
          sb_addf(B, form, "(null)");
        } else {
          sb_addf(B, form, ptr);
        }
        break;
      }
      case 'q':
        if (form[2] != '\0') lu_errorf(L, "specifier '%%q' cannot have modifiers");
        add_literal(L, B, arg);
        break;
      case 's':
        if (lu_getmetafield(L, arg, "__tostring") != LU_TNIL) {
          /* call it, and continue in format_k from this conversion */
          lu_pushvalue(L, arg);
          SBox *box = sb_save(B);
          box->aux[0] = (size_t)(pct - fmt);
          box->aux[1] = (size_t)arg;
          lu_noyield(L);
          return lu_callk(L, 1, 1, (intptr_t)top, format_k);
        }
        lu_tolstring_raw(L, arg, NULL);
        format_s(L, B, form, arg);
        break;
      default:
        lu_errorf(L, "invalid conversion '%s' to 'format'", form);
    }
  }
  sb_push(B);
  return 1;
}

static int format_k(lu_State *L, int status, intptr_t ctx) {
  (void)status;
  int top = (int)ctx;
  if (!lu_isstring(L, -1)) lu_errorf(L, "'__tostring' must return a string");
  SBuf B;
  SBox *box = sb_resume(L, &B, top + 1);
  size_t pos = box->aux[0];
  int arg = (int)box->aux[1];
  size_t lf;
  const char *fmt = lu_tolstring(L, 1, &lf);
  char form[FMT_MAXSPEC + 8];
  const char *conv = fmt_getspec(L, fmt + pos + 1, fmt + lf, form);
  format_s(L, &B, form, arg);
  return format_loop(L, &B, (size_t)(conv + 1 - fmt), arg, top);
}

static int str_format(lu_State *L) {
  int top = lu_gettop(L);
  lu_checklstring(L, 1, NULL);
  lu_pushnil(L);                         /* top + 1: the SBuf slot */
  SBuf B;
  sb_init(L, &B, top + 1);
  return format_loop(L, &B, 0, 1, top);
}

/* ------------------------------------------- arithmetic on strings
 * lua5.4 coerces strings in arithmetic through these metamethods. */

/* Push the number at idx (a number, or a string that converts). */
static int arith_tonum(lu_State *L, int idx) {
  const Value *o = lu_index2value(L, idx);
  Value v;
  if (val_isnum(o)) { lu_pushv(L, o); return 1; }
  if (val_isstr(o) && vm_cvt2num(o, &v)) { lu_pushv(L, &v); return 1; }
  return 0;
}

static int arith_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  return 1;
}

static int str_arith(lu_State *L, int op, const char *mtname) {
  if (arith_tonum(L, 1) && arith_tonum(L, 2)) {
    Value r;
    if (!vm_rawarith(L, op, L->top - 2, L->top - 1, &r)) val_setnil(&r);
    lu_pushv(L, &r);
    return 1;
  }
  lu_settop(L, 2);
  /* the other operand's metamethod, unless it is a string (that would be this one) */
  if (lu_type(L, 2) == LU_TSTRING || lu_getmetafield(L, 2, mtname) == LU_TNIL)
    return lu_errorf(L, "attempt to %s a '%s' with a '%s'", mtname + 2,
                     lu_typename(L, lu_type(L, -2)), lu_typename(L, lu_type(L, -1)));
  lu_insert(L, 1);
  lu_noyield(L);
  return lu_callk(L, 2, 1, 0, arith_k);
}

static int arith_add(lu_State *L) { return str_arith(L, TM_ADD, "__add"); }
static int arith_sub(lu_State *L) { return str_arith(L, TM_SUB, "__sub"); }
static int arith_mul(lu_State *L) { return str_arith(L, TM_MUL, "__mul"); }
static int arith_mod(lu_State *L) { return str_arith(L, TM_MOD, "__mod"); }
static int arith_pow(lu_State *L) { return str_arith(L, TM_POW, "__pow"); }
static int arith_div(lu_State *L) { return str_arith(L, TM_DIV, "__div"); }
static int arith_idiv(lu_State *L) { return str_arith(L, TM_IDIV, "__idiv"); }
static int arith_unm(lu_State *L) { return str_arith(L, TM_UNM, "__unm"); }

/* ------------------------------------------------------------------ open */

static const lu_Reg strlib[] = {
  {"byte", str_byte},
  {"char", str_char},
  {"dump", lib_str_dump},
  {"find", str_find},
  {"format", str_format},
  {"gmatch", str_gmatch},
  {"gsub", str_gsub},
  {"len", s_len},
  {"lower", str_lower},
  {"match", str_match},
  {"pack", lib_str_pack},
  {"packsize", lib_str_packsize},
  {"rep", str_rep},
  {"reverse", str_reverse},
  {"sub", str_sub},
  {"unpack", lib_str_unpack},
  {"upper", str_upper},
  {NULL, NULL}
};

const lu_Reg *lib_stringfuncs(void) { return strlib; }

static const lu_Reg strmeta[] = {
  {"__add", arith_add},
  {"__sub", arith_sub},
  {"__mul", arith_mul},
  {"__mod", arith_mod},
  {"__pow", arith_pow},
  {"__div", arith_div},
  {"__idiv", arith_idiv},
  {"__unm", arith_unm},
  {NULL, NULL}
};

int lu_open_string(lu_State *L) {
  lu_newlib(L, strlib);
  lu_createtable(L, 0, 9);               /* the metatable of strings */
  lu_setfuncs(L, strmeta, 0);
  lu_pushvalue(L, -2);
  lu_rawsetfield(L, -2, "__index");
  lu_pushstring(L, "");
  lu_pushvalue(L, -2);
  lu_setmetatable(L, -2);
  lu_pop(L, 2);                          /* the string and the metatable */
  return 1;
}
