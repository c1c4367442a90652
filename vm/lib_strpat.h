/*
 * lib_strpat.h — Lua patterns (manual §6.4.1), the matcher behind
 * string.find, match, gmatch and gsub.
 *
 * The matcher never recurses on the C stack.  It is a backtracking machine
 * with an explicit stack of choice points (one per pending alternative of
 * '?', '*', '+', '-') and undo records (one per capture opened or closed).
 * That stack is bounded by PAT_MAXDEPTH, and an attempt to go deeper is the
 * error "pattern too complex" — exactly where lua5.4's recursive matcher
 * (MAXCCALLS = 200 nested calls) gives it, so results and errors agree.
 *
 * Errors in the pattern are found lazily, when the matcher reaches them, as
 * in lua5.4 (string.find("abc", "x[") is nil, not an error).
 *
 * Pointers in a PatState point into strings that the calling C function
 * keeps on its stack; a PatState lives only within one activation of that
 * function (never across lu_callk: save offsets instead).
 */
#ifndef LU_LIB_STRPAT_H
#define LU_LIB_STRPAT_H

#include "api.h"

/* Character classes of the "C" locale, as lua5.4 sees them (the matcher
 * must not depend on the host's locale). */
LU_INLINE int pat_isdigit(int c) { return (unsigned)(c - '0') < 10u; }
LU_INLINE int pat_islower(int c) { return (unsigned)(c - 'a') < 26u; }
LU_INLINE int pat_isupper(int c) { return (unsigned)(c - 'A') < 26u; }
LU_INLINE int pat_isalpha(int c) { return pat_islower(c) || pat_isupper(c); }
LU_INLINE int pat_isalnum(int c) { return pat_isalpha(c) || pat_isdigit(c); }
LU_INLINE int pat_iscntrl(int c) { return (unsigned)c < 32u || c == 127; }
LU_INLINE int pat_isgraph(int c) { return c > 32 && c < 127; }
LU_INLINE int pat_ispunct(int c) { return pat_isgraph(c) && !pat_isalnum(c); }
LU_INLINE int pat_isspace(int c) { return c == ' ' || (unsigned)(c - '\t') < 5u; }
LU_INLINE int pat_isxdigit(int c) { return pat_isdigit(c) || (unsigned)((c | 32) - 'a') < 6u; }
LU_INLINE int pat_tolower(int c) { return pat_isupper(c) ? c + ('a' - 'A') : c; }
LU_INLINE int pat_toupper(int c) { return pat_islower(c) ? c - ('a' - 'A') : c; }

#define PAT_MAXCAPTURES  32
/* nested matcher calls allowed by lua5.4 (top call included) */
#define PAT_MAXDEPTH     200

/* capture lengths that are not lengths */
#define PAT_CAP_UNFINISHED  (-1)
#define PAT_CAP_POSITION    (-2)

typedef struct PatFrame {
  const char *s;          /* subject position the frame works on */
  const char *p;          /* single-character class of the quantifier */
  const char *ep;         /* end of that class (the quantifier itself) */
  size_t i;               /* '*'/'+': repetitions still to give back; captures: index */
  int kind;
} PatFrame;

typedef struct PatState {
  const char *src, *src_end;     /* subject */
  const char *pat_end;           /* end of the pattern */
  lu_State *L;
  int level;                     /* number of captures (finished or not) */
  struct {
    const char *init;
    ptrdiff_t len;               /* or PAT_CAP_UNFINISHED / PAT_CAP_POSITION */
  } cap[PAT_MAXCAPTURES];
  size_t work;                   /* steps done, for lu_charge (pat_charge) */
  int nframes;
  PatFrame frames[PAT_MAXDEPTH - 1];
} PatState;

void pat_init(PatState *ms, lu_State *L, const char *s, size_t ls, const char *p, size_t lp);
/* Match pattern p (a suffix of the pattern given to pat_init, after any
 * '^') at subject position s: returns the end of the match or NULL.
 * Captures are left in ms. */
const char *pat_match(PatState *ms, const char *s, const char *p);
/* Push capture i of the match s..e (the whole match if there are no
 * captures and i == 0); position captures push an integer. */
void pat_pushcapture(PatState *ms, int i, const char *s, const char *e);
/* Push all captures (or the whole match if there are none and wholeifnone);
 * returns how many values were pushed. */
int pat_pushcaptures(PatState *ms, const char *s, const char *e, int wholeifnone);
/* Capture i for a replacement string: sets *cap and returns its length, or
 * returns PAT_CAP_POSITION (then *cap is its position, 0-based in src). */
ptrdiff_t pat_getcapture(PatState *ms, int i, const char *s, const char *e, const char **cap);
/* true if p has no magic characters (find then does a plain search) */
int pat_nospecials(const char *p, size_t lp);
/* Charge the work done so far to the process and reset the counter. */
void pat_charge(PatState *ms);

#endif
