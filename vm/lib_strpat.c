/*
 * lib_strpat.c — the pattern matcher of the string library (see
 * lib_strpat.h for the design: an explicit backtracking stack, bounded
 * like lua5.4's recursion).
 *
 * Vocabulary: a "single" is one pattern item that matches one character:
 * '.', a literal, %x (class or escaped char) or a set [...].  Its text runs
 * from p to ep (ep = end of the item, where a quantifier may follow).
 */
#include <string.h>
#include "lib_strpat.h"

#define ESC '%'
#define uchar(c) ((unsigned char)(c))

/* kinds of frames on the backtracking stack */
enum {
  F_OPEN,      /* a capture was opened: on failure, drop it */
  F_CLOSE,     /* capture i was closed: on failure, reopen it */
  F_OPT,       /* 'x?' matched x: on failure, go on without it at s */
  F_MAX,       /* 'x*' / 'x+': on failure, give back one more repetition */
  F_MIN        /* 'x-': on failure, take one more repetition */
};

void pat_init(PatState *ms, lu_State *L, const char *s, size_t ls, const char *p, size_t lp) {
  ms->L = L;
  ms->src = s;
  ms->src_end = s + ls;
  ms->pat_end = p + lp;
  ms->level = 0;
  ms->nframes = 0;
  ms->work = 0;
}

void pat_charge(PatState *ms) {
  if (ms->work >= 64) lu_charge(ms->L, ms->work / 64);
  ms->work = 0;
}

int pat_nospecials(const char *p, size_t lp) {
  for (size_t i = 0; i < lp; i++)
    if (memchr("^$*+?.([%-", p[i], 10) != NULL && p[i] != '\0') return 0;
  return 1;
}

/* ------------------------------------------------------------ singles */

static int class_matches(int c, int cl) {
  int r;
  switch (pat_tolower(cl)) {
    case 'a': r = pat_isalpha(c); break;
    case 'c': r = pat_iscntrl(c); break;
    case 'd': r = pat_isdigit(c); break;
    case 'g': r = pat_isgraph(c); break;
    case 'l': r = pat_islower(c); break;
    case 'p': r = pat_ispunct(c); break;
    case 's': r = pat_isspace(c); break;
    case 'u': r = pat_isupper(c); break;
    case 'w': r = pat_isalnum(c); break;
    case 'x': r = pat_isxdigit(c); break;
    case 'z': r = (c == 0); break;       /* deprecated, still in lua5.4 */
    default: return cl == c;             /* an escaped character stands for itself */
  }
  return pat_isupper(cl) ? !r : r;       /* %A is the complement of %a, ... */
}

/* Set [...] from p (at '[') to close (at its ']'). */
static int set_matches(int c, const char *p, const char *close) {
  int found = 1;
  if (p[1] == '^') { found = 0; p++; }
  while (++p < close) {
    if (*p == ESC) {
      p++;
      if (class_matches(c, uchar(*p))) return found;
    } else if (p[1] == '-' && p + 2 < close) {
      if (uchar(p[0]) <= c && c <= uchar(p[2])) return found;
      p += 2;
    } else if (uchar(*p) == c) {
      return found;
    }
  }
  return !found;
}

/* End of the single starting at p (p < pat_end). */
static const char *single_end(PatState *ms, const char *p) {
  const char *end = ms->pat_end;
  char c = *p++;
  if (c == ESC) {
    if (p >= end) lu_errorf(ms->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (p < end && *p == '^') p++;
    /* the first character of a set is never its end, even if it is ']' */
    do {
      if (p >= end) lu_errorf(ms->L, "malformed pattern (missing ']')");
      c = *p++;
      if (c == ESC && p < end) p++;
    } while (p >= end || *p != ']');
    return p + 1;
  }
  return p;
}

static inline int single_matches(PatState *ms, const char *s, const char *p, const char *ep) {
  if (s >= ms->src_end) return 0;
  int c = uchar(*s);
  switch (*p) {
    case '.': return 1;
    case ESC: return class_matches(c, uchar(p[1]));
    case '[': return set_matches(c, p, ep - 1);
    default: return uchar(*p) == c;
  }
}

/* ------------------------------------------------------------ specials */

/* %bxy at s; p points at x.  Returns the end of the balanced run or NULL. */
static const char *match_balance(PatState *ms, const char *s, const char *p) {
  if (p + 1 >= ms->pat_end)
    lu_errorf(ms->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= ms->src_end || *s != p[0]) return NULL;
  char open = p[0], close = p[1];
  int depth = 1;
  const char *start = s;
  while (++s < ms->src_end) {
    if (*s == close) {
      if (--depth == 0) { ms->work += (size_t)(s - start); return s + 1; }
    } else if (*s == open) {
      depth++;
    }
  }
  ms->work += (size_t)(s - start);
  return NULL;
}

/* %1..%9 at s: the text of an earlier capture again. */
static const char *match_backref(PatState *ms, const char *s, int digit) {
  int l = digit - '1';
  if (l < 0 || l >= ms->level || ms->cap[l].len == PAT_CAP_UNFINISHED)
    lu_errorf(ms->L, "invalid capture index %%%d", l + 1);
  size_t len = (size_t)ms->cap[l].len;     /* a position capture never matches */
  if ((size_t)(ms->src_end - s) >= len && memcmp(ms->cap[l].init, s, len) == 0) {
    ms->work += len;
    return s + len;
  }
  return NULL;
}

static int capture_to_close(PatState *ms) {
  for (int l = ms->level - 1; l >= 0; l--)
    if (ms->cap[l].len == PAT_CAP_UNFINISHED) return l;
  return lu_errorf(ms->L, "invalid pattern capture");
}

static PatFrame *push_frame(PatState *ms, int kind) {
  if (ms->nframes >= PAT_MAXDEPTH - 1) lu_errorf(ms->L, "pattern too complex");
  PatFrame *f = &ms->frames[ms->nframes++];
  f->kind = kind;
  return f;
}

/* ------------------------------------------------------------ the machine */

const char *pat_match(PatState *ms, const char *s, const char *p) {
  const char *const pend = ms->pat_end;
  size_t work = 0;
  ms->level = 0;
  ms->nframes = 0;
  for (;;) {
    /* ---- go forward: match p at s ---- */
    while (p < pend) {
      const char *ep;
      work++;
      switch (*p) {
        case '(': {
          if (ms->level >= PAT_MAXCAPTURES) lu_errorf(ms->L, "too many captures");
          ms->cap[ms->level].init = s;
          if (p + 1 < pend && p[1] == ')') {
            ms->cap[ms->level].len = PAT_CAP_POSITION;
            p += 2;
          } else {
            ms->cap[ms->level].len = PAT_CAP_UNFINISHED;
            p += 1;
          }
          ms->level++;
          push_frame(ms, F_OPEN);
          continue;
        }
        case ')': {
          int l = capture_to_close(ms);
          ms->cap[l].len = s - ms->cap[l].init;
          push_frame(ms, F_CLOSE)->i = (size_t)l;
          p += 1;
          continue;
        }
        case '$':
          if (p + 1 == pend) {
            if (s == ms->src_end) { p += 1; continue; }
            goto fail;
          }
          goto single;
        case ESC:
          if (p + 1 < pend) {
            switch (p[1]) {
              case 'b':
                s = match_balance(ms, s, p + 2);
                if (s == NULL) goto fail;
                p += 4;
                continue;
              case 'f': {
                p += 2;
                if (p >= pend || *p != '[')
                  lu_errorf(ms->L, "missing '[' after '%%f' in pattern");
                ep = single_end(ms, p);
                int prev = (s == ms->src) ? 0 : uchar(s[-1]);
                int cur = (s < ms->src_end) ? uchar(*s) : 0;
                if (!set_matches(prev, p, ep - 1) && set_matches(cur, p, ep - 1)) {
                  p = ep;
                  continue;
                }
                goto fail;
              }
              case '0': case '1': case '2': case '3': case '4':
              case '5': case '6': case '7': case '8': case '9':
                s = match_backref(ms, s, uchar(p[1]));
                if (s == NULL) goto fail;
                p += 2;
                continue;
              default:
                break;
            }
          }
          goto single;
        default:
        single:
          ep = single_end(ms, p);
          if (!single_matches(ms, s, p, ep)) {
            if (ep < pend && (*ep == '*' || *ep == '?' || *ep == '-')) {
              p = ep + 1;              /* zero repetitions */
              continue;
            }
            goto fail;
          }
          if (ep < pend) {
            switch (*ep) {
              case '?': {
                PatFrame *f = push_frame(ms, F_OPT);
                f->s = s;
                f->p = ep + 1;
                s++;
                p = ep + 1;
                continue;
              }
              case '+':
              case '*': {
                const char *base = (*ep == '+') ? s + 1 : s;
                size_t n = 0;
                while (single_matches(ms, base + n, p, ep)) n++;
                work += n;
                PatFrame *f = push_frame(ms, F_MAX);
                f->s = base;
                f->p = p;
                f->ep = ep;
                f->i = n;
                s = base + n;
                p = ep + 1;
                continue;
              }
              case '-': {
                PatFrame *f = push_frame(ms, F_MIN);
                f->s = s;
                f->p = p;
                f->ep = ep;
                p = ep + 1;
                continue;
              }
              default:
                break;
            }
          }
          s++;
          p = ep;
          continue;
      }
    }
    ms->work += work;
    return s;                            /* reached the end of the pattern */

  fail:
    /* ---- go back to the latest alternative ---- */
    for (;;) {
      if (ms->nframes == 0) {
        ms->work += work;
        return NULL;
      }
      PatFrame *f = &ms->frames[ms->nframes - 1];
      work++;
      switch (f->kind) {
        case F_OPEN:
          ms->level--;
          ms->nframes--;
          continue;
        case F_CLOSE:
          ms->cap[f->i].len = PAT_CAP_UNFINISHED;
          ms->nframes--;
          continue;
        case F_OPT:
          s = f->s;
          p = f->p;
          ms->nframes--;
          break;
        case F_MAX:
          if (f->i == 0) { ms->nframes--; continue; }
          f->i--;
          s = f->s + f->i;
          p = f->ep + 1;
          break;
        case F_MIN:
          if (!single_matches(ms, f->s, f->p, f->ep)) { ms->nframes--; continue; }
          f->s++;
          s = f->s;
          p = f->ep + 1;
          break;
      }
      break;                             /* resume going forward */
    }
  }
}

/* ------------------------------------------------------------ captures */

ptrdiff_t pat_getcapture(PatState *ms, int i, const char *s, const char *e, const char **cap) {
  if (i >= ms->level) {
    if (i != 0) lu_errorf(ms->L, "invalid capture index %%%d", i + 1);
    *cap = s;
    return e - s;
  }
  ptrdiff_t len = ms->cap[i].len;
  *cap = ms->cap[i].init;
  if (len == PAT_CAP_UNFINISHED) lu_errorf(ms->L, "unfinished capture");
  return len;
}

void pat_pushcapture(PatState *ms, int i, const char *s, const char *e) {
  const char *cap;
  ptrdiff_t len = pat_getcapture(ms, i, s, e, &cap);
  if (len == PAT_CAP_POSITION) lu_pushinteger(ms->L, (lu_Int)(cap - ms->src) + 1);
  else lu_pushlstring(ms->L, cap, (size_t)len);
}

int pat_pushcaptures(PatState *ms, const char *s, const char *e, int wholeifnone) {
  int n = (ms->level == 0 && wholeifnone) ? 1 : ms->level;
  lu_checkstack(ms->L, n, "too many captures");
  for (int i = 0; i < n; i++) pat_pushcapture(ms, i, s, e);
  return n;
}
