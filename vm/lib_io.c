/*
 * lib_io.c — the input/output library (manual §6.8).
 *
 * A file handle is a full userdata holding an IoFile (a C FILE* and what
 * kind of stream it is), with the process's "FILE*" metatable (kept in the
 * registry): __name, __index = the method table, __gc = __close, and
 * __tostring.  The userdata's tag is &iofile_tag, so a handle is recognised
 * without looking at its metatable.
 *
 * Ownership: a handle owns its FILE* until it is closed, and while open
 * charges its process for the stream's buffer (STREAMCOST), so that files
 * dropped without close still make the collector run.  Closing marks the
 * handle closed *before* calling fclose/pclose, so a failing close never
 * leaves a half-closed handle.  If a handle is collected (or its process
 * ends) while still open, the Udata 'release' hook closes the stream; the
 * standard streams (io.stdin, io.stdout, io.stderr) are never closed by
 * Lurel, only flushed by the C runtime at exit.  print (lib_base.c) writes
 * to the same C stdout, so io.write and print output stay in order.
 *
 * The default input and output files live in the registry under
 * "_IO_input" and "_IO_output".
 *
 * Blocking: every read of the library goes through the functions of the
 * section "reading" (rd_line, rd_chars, rd_all, rd_number, rd_peekeof).
 * They block in stdio today; when the scheduler's poller takes over pipes
 * and terminals, those are the functions to replace.
 */
#include <errno.h>
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include "api.h"
#include "lib.h"
#include "gc.h"
#include "vm.h"
#include "proc.h"
#include "do.h"

#define FILEHANDLE   "FILE*"
#define IO_INPUT     "_IO_input"
#define IO_OUTPUT    "_IO_output"

/* io.lines / file:lines accept at most this many formats (as lua5.4) */
#define MAXLINESFMT  250
/* "n" reads at most this many characters (as lua5.4) */
#define MAXNUMERAL   200
/* reading more than this many bytes at once is reported as lack of memory
 * (lua5.4 tries to allocate the whole count first and fails) */
#define MAXREADCOUNT ((size_t)1 << 40)

enum { IOF_CLOSED = 0, IOF_FILE, IOF_PIPE, IOF_STD };

typedef struct IoFile {
  FILE *f;
  int kind;                 /* IOF_*; IOF_CLOSED once closed */
  Proc *owner;              /* the process charged for the stream */
  size_t charge;            /* bytes counted in owner->totalbytes while open */
  int8_t canblock;          /* a pipe, terminal or socket (-1: not looked at yet) */
} IoFile;

/* What an open stream costs outside the heap (its stdio buffer), counted in
 * the process's memory so that the collector also runs for files that are
 * opened and dropped without being closed. */
#define STREAMCOST  (BUFSIZ + 256)

static const char iofile_tag = 0;

/* ------------------------------------------------------------ results */

int lib_fileresult(lu_State *L, int ok, const char *fname) {
  int en = errno;           /* before anything can change it */
  if (ok) {
    lu_pushboolean(L, 1);
    return 1;
  }
  lu_pushnil(L);
  if (fname) lu_pushfstring(L, "%s: %s", fname, strerror(en));
  else lu_pushstring(L, strerror(en));
  lu_pushinteger(L, en);
  return 3;
}

int lib_execresult(lu_State *L, int stat) {
  if (stat != 0 && errno != 0)       /* the call itself failed */
    return lib_fileresult(L, 0, NULL);
  const char *what = "exit";
  if (WIFEXITED(stat)) stat = WEXITSTATUS(stat);
  else if (WIFSIGNALED(stat)) { stat = WTERMSIG(stat); what = "signal"; }
  if (what[0] == 'e' && stat == 0) lu_pushboolean(L, 1);
  else lu_pushnil(L);
  lu_pushstring(L, what);
  lu_pushinteger(L, stat);
  return 3;
}

/* ------------------------------------------------------------ handles */

/* The stream of p is open now: charge it to the process. */
static void setopen(IoFile *p, FILE *f, int kind) {
  p->f = f;
  p->kind = kind;
  p->canblock = -1;
  if (kind != IOF_STD) {
    p->charge = STREAMCOST;
    p->owner->totalbytes += p->charge;
  }
}

/* Mark p closed (before its stream is closed); returns its former kind. */
static int setclosed(IoFile *p) {
  int kind = p->kind;
  p->kind = IOF_CLOSED;
  p->owner->totalbytes -= p->charge;
  p->charge = 0;
  return kind;
}

/* Udata release hook: the handle is being freed while still open. */
static void iofile_release(void *mem) {
  IoFile *p = mem;
  int kind = setclosed(p);
  if (kind == IOF_FILE) fclose(p->f);
  else if (kind == IOF_PIPE) pclose(p->f);
}

/* Push a new handle, closed for now, with the FILE* metatable. */
static IoFile *newhandle(lu_State *L) {
  IoFile *p = lu_newuserdatauv(L, sizeof(IoFile), 0);
  Udata *u = val_udata(lu_index2value(L, -1));
  u->tag = &iofile_tag;
  u->release = iofile_release;
  p->f = NULL;
  p->kind = IOF_CLOSED;
  p->owner = L->P;
  p->charge = 0;
  lu_rawgetfield(L, LU_REGISTRYINDEX, FILEHANDLE);
  lu_setmetatable(L, -2);
  return p;
}

static IoFile *testhandle(lu_State *L, int idx) {
  Value *v = lu_index2value(L, idx);
  if (val_isudata(v) && val_udata(v)->tag == &iofile_tag)
    return udata_mem(val_udata(v));
  return NULL;
}

static IoFile *checkhandle(lu_State *L, int arg) {
  IoFile *p = testhandle(L, arg);
  if (p == NULL) lu_typeerror(L, arg, FILEHANDLE);
  return p;
}

/* The open file at argument 1 ("attempt to use a closed file" otherwise). */
static FILE *checkopen(lu_State *L) {
  IoFile *p = checkhandle(L, 1);
  if (p->kind == IOF_CLOSED) lu_errorf(L, "attempt to use a closed file");
  return p->f;
}

/* Close the handle at argument 1 and push what close returns. */
static int closehandle(lu_State *L) {
  IoFile *p = checkhandle(L, 1);
  int kind = setclosed(p);
  switch (kind) {
    case IOF_STD:
      p->kind = IOF_STD;      /* stays open */
      lu_pushnil(L);
      lu_pushstring(L, "cannot close standard file");
      return 2;
    case IOF_PIPE:
      errno = 0;
      return lib_execresult(L, pclose(p->f));
    default:
      return lib_fileresult(L, fclose(p->f) == 0, NULL);
  }
}

/* the default input or output file ('which' is IO_INPUT or IO_OUTPUT) */
static IoFile *defaultfile(lu_State *L, const char *which) {
  lu_rawgetfield(L, LU_REGISTRYINDEX, which);
  IoFile *p = testhandle(L, -1);
  lu_pop(L, 1);
  if (p == NULL || p->kind == IOF_CLOSED)
    lu_errorf(L, "default %s file is closed", which + 4);
  return p;
}

/* Open fname for io.input/io.output/io.lines, raising on failure; pushes
 * the new handle. */
static void openorfail(lu_State *L, const char *fname, const char *mode) {
  IoFile *p = newhandle(L);
  FILE *f = fopen(fname, mode);
  if (f == NULL)
    lu_errorf(L, "cannot open file '%s' (%s)", fname, strerror(errno));
  setopen(p, f, IOF_FILE);
}

/* mode of io.open: [rwa]%+?b* */
static int validmode(const char *m) {
  if (*m == '\0' || strchr("rwa", *m) == NULL) return 0;
  m++;
  if (*m == '+') m++;
  while (*m == 'b') m++;
  return *m == '\0';
}

/* ------------------------------------------------------------- reading
 * Each rd_ function reads one format from f, pushes its result (a string,
 * a number, or nil) and returns whether it succeeded.  Errors of the
 * stream are left in ferror(f) for the caller. */

#define RDCHUNK     1024
#define RDMAXCHUNK  ((size_t)1 << 20)

/* a line; keepnl keeps the '\n' */
static int rd_line(lu_State *L, FILE *f, int keepnl) {
  lu_Buffer b;
  lu_buffinit(L, &b);
  int c = EOF;
  int full;
  do {
    char *d = lu_prepbuffsize(&b, RDCHUNK);
    size_t k = 0;
    flockfile(f);
    for (;;) {
      if (k == RDCHUNK) { full = 1; break; }
      c = getc_unlocked(f);
      if (c == EOF || c == '\n') { full = 0; break; }
      d[k++] = (char)c;
    }
    funlockfile(f);
    lu_addsize(&b, k);
  } while (full);
  if (keepnl && c == '\n') lu_addchar(&b, '\n');
  size_t n = lu_bufflen(&b);
  lu_pushresult(&b);
  lu_charge(L, n / 256);
  return c == '\n' || n > 0;
}

/* the rest of the file (never fails) */
static int rd_all(lu_State *L, FILE *f) {
  lu_Buffer b;
  lu_buffinit(L, &b);
  size_t want = RDCHUNK;
  for (;;) {
    char *d = lu_prepbuffsize(&b, want);
    size_t r = fread(d, 1, want, f);
    lu_addsize(&b, r);
    if (r < want) break;
    if (want < RDMAXCHUNK) want *= 2;
  }
  size_t n = lu_bufflen(&b);
  lu_pushresult(&b);
  lu_charge(L, n / 256);
  return 1;
}

/* up to n bytes (n > 0); fails at end of file */
static int rd_chars(lu_State *L, FILE *f, size_t n) {
  if (n >= MAXREADCOUNT) mem_error(L->P);
  lu_Buffer b;
  lu_buffinit(L, &b);
  size_t want = RDCHUNK, total = 0;
  while (n > 0) {
    if (want > n) want = n;
    char *d = lu_prepbuffsize(&b, want);
    size_t r = fread(d, 1, want, f);
    lu_addsize(&b, r);
    total += r;
    n -= r;
    if (r < want) break;
    if (want < RDMAXCHUNK) want *= 2;
  }
  lu_pushresult(&b);
  lu_charge(L, total / 256);
  return total > 0;
}

/* reading 0 bytes: "" unless at end of file */
static int rd_peekeof(lu_State *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  lu_pushstring(L, "");
  return c != EOF;
}

/* A numeral: the longest prefix of the input that can start a Lua numeral
 * (at most MAXNUMERAL characters), converted if it is a complete one. */
typedef struct {
  FILE *f;
  int look;                   /* current look-ahead character */
  int len;
  char text[MAXNUMERAL + 1];
} Numeral;

/* keep the look-ahead character and read the next one */
static int num_take(Numeral *nm) {
  if (nm->len >= MAXNUMERAL) {
    nm->text[0] = '\0';       /* too long: spoil the result */
    return 0;
  }
  nm->text[nm->len++] = (char)nm->look;
  nm->look = getc_unlocked(nm->f);
  return 1;
}

static int num_accept(Numeral *nm, char c1, char c2) {
  return (nm->look == c1 || nm->look == c2) ? num_take(nm) : 0;
}

static int num_digits(Numeral *nm, int hex) {
  int n = 0;
  while ((hex ? isxdigit(nm->look) : isdigit(nm->look)) && num_take(nm)) n++;
  return n;
}

static int rd_number(lu_State *L, FILE *f) {
  Numeral nm;
  nm.f = f;
  nm.len = 0;
  char point = localeconv()->decimal_point[0];
  int hex = 0, ndigits = 0;
  flockfile(f);
  do nm.look = getc_unlocked(f); while (isspace(nm.look));
  num_accept(&nm, '+', '-');
  if (num_accept(&nm, '0', '0')) {
    if (num_accept(&nm, 'x', 'X')) hex = 1;
    else ndigits = 1;          /* the '0' is a digit */
  }
  ndigits += num_digits(&nm, hex);
  if (num_accept(&nm, point, '.')) ndigits += num_digits(&nm, hex);
  if (ndigits > 0 && num_accept(&nm, hex ? 'p' : 'e', hex ? 'P' : 'E')) {
    num_accept(&nm, '+', '-');
    num_digits(&nm, 0);
  }
  ungetc(nm.look, f);
  funlockfile(f);
  nm.text[nm.len] = '\0';
  Value v;
  if (vm_str2num(nm.text, &v) != 0) {
    lu_pushv(L, &v);
    return 1;
  }
  lu_pushnil(L);
  return 0;
}

/* Read with the formats at stack indices first..top and push the results
 * (lua5.4's order and rules: stop at the first failure, whose result is
 * nil).  Returns the number of results. */
static int readformats(lu_State *L, FILE *f, int first) {
  int nfmt = lu_gettop(L) - first + 1;
  int n, ok;
  clearerr(f);
  if (nfmt <= 0) {
    ok = rd_line(L, f, 0);
    n = first + 1;
  } else {
    lu_checkstack(L, nfmt + LU_MINSTACK, "too many arguments");
    ok = 1;
    for (n = first; nfmt-- > 0 && ok; n++) {
      if (lu_type(L, n) == LU_TNUMBER) {
        size_t count = (size_t)lu_checkinteger(L, n);
        ok = count == 0 ? rd_peekeof(L, f) : rd_chars(L, f, count);
      } else {
        const char *fmt = lu_checkstring(L, n);
        if (*fmt == '*') fmt++;          /* 5.3 style "*l" */
        switch (*fmt) {
          case 'n': ok = rd_number(L, f); break;
          case 'l': ok = rd_line(L, f, 0); break;
          case 'L': ok = rd_line(L, f, 1); break;
          case 'a': ok = rd_all(L, f); break;
          default: return lu_argerror(L, n, "invalid format");
        }
      }
    }
  }
  if (ferror(f)) return lib_fileresult(L, 0, NULL);
  if (!ok) {
    lu_pop(L, 1);
    lu_pushnil(L);
  }
  return n - first;
}

/* ------------------------------------------------------------- writing */

/* Write arguments first..top to f; pushes nothing.  Returns success. */
static int writeargs(lu_State *L, FILE *f, int first, int last) {
  int ok = 1;
  size_t total = 0;
  for (int a = first; a <= last; a++) {
    if (lu_type(L, a) == LU_TNUMBER) {
      int len = lu_isinteger(L, a)
        ? fprintf(f, "%lld", (long long)lu_tointeger(L, a))
        : fprintf(f, "%.14g", (double)lu_tonumber(L, a));
      ok = ok && len > 0;
    } else {
      size_t l;
      const char *s = lu_checklstring(L, a, &l);
      ok = ok && fwrite(s, 1, l, f) == l;
      total += l;
    }
  }
  lu_charge(L, total / 256);
  return ok;
}

/* --------------------------------------------------------- the methods */

static int f_close(lu_State *L) {
  checkopen(L);
  return closehandle(L);
}

/* __gc and __close: close if still open, return nothing */
static int f_gc(lu_State *L) {
  IoFile *p = checkhandle(L, 1);
  if (p->kind != IOF_CLOSED && p->f != NULL) {
    closehandle(L);
  }
  return 0;
}

static int f_tostring(lu_State *L) {
  IoFile *p = checkhandle(L, 1);
  if (p->kind == IOF_CLOSED) lu_pushstring(L, "file (closed)");
  else lu_pushfstring(L, "file (%p)", (void *)p->f);
  return 1;
}

/* ------------------------------------------------- reading without blocking
 *
 * A process that reads a pipe or a terminal with no data waiting must not
 * stop the others: it blocks (like receive) until the scheduler's poller
 * sees the fd readable, then its read runs again from the start.  Regular
 * files never wait.  Data already in the stdio buffer is read at once. */
typedef struct IoWaiter { int fd; uint64_t pid; } IoWaiter;
struct IoWait { IoWaiter *w; int n, cap; };

void lib_io_free(VM *vm) {
  if (vm->iowait) free(vm->iowait->w);
  free(vm->iowait);
  vm->iowait = NULL;
}

static void fd_ready(VM *vm, int fd, int revents, void *ud) {
  (void)revents; (void)ud;
  struct IoWait *iw = vm->iowait;
  for (int j = 0; iw && j < iw->n; ) {
    if (iw->w[j].fd == fd) {
      Proc *Q = proc_lookup(vm, iw->w[j].pid);
      if (Q) sched_ready(vm, Q);
      iw->w[j] = iw->w[--iw->n];
    } else {
      j++;
    }
  }
  sched_watchfd(vm, fd, 0, NULL, NULL);
}

static bool bufferedinput(FILE *f) {
#ifdef __GLIBC__
  return f->_IO_read_ptr < f->_IO_read_end;
#else
  (void)f;
  return false;
#endif
}

/* READNOW: go on and read; else the result of blocking (return it) */
#define READNOW 1
static int waitinput(lu_State *L, IoFile *p, lu_KFunction k) {
  VM *vm = L->P->vm;
  if (p->canblock == 0 || bufferedinput(p->f)) return READNOW;
  int fd = fileno(p->f);
  if (fd < 0) return READNOW;
  if (p->canblock < 0) {
    struct stat sb;
    p->canblock = (int8_t)(fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISBLK(sb.st_mode));
    if (!p->canblock) return READNOW;
  }
  if (vm->nprocs <= 1 && vm->ntimers == 0) return READNOW;   /* nobody else to run */
  struct pollfd pf = { fd, POLLIN, 0 };
  if (poll(&pf, 1, 0) != 0) return READNOW;              /* ready (or an error to report) */
  SchedFdCb cur = sched_fdwatched(vm, fd);
  if (cur != NULL && cur != fd_ready) return READNOW;          /* someone else's fd (the shell's) */
  if (vm->iowait == NULL && (vm->iowait = calloc(1, sizeof(struct IoWait))) == NULL) return READNOW;
  struct IoWait *iw = vm->iowait;
  uint64_t pid = L->P->pid;
  int j = 0;
  while (j < iw->n && !(iw->w[j].fd == fd && iw->w[j].pid == pid)) j++;
  if (j == iw->n) {
    if (iw->n == iw->cap) {
      int nc = iw->cap ? iw->cap * 2 : 8;
      IoWaiter *nw = realloc(iw->w, (size_t)nc * sizeof *nw);
      if (nw == NULL) return READNOW;
      iw->w = nw;
      iw->cap = nc;
    }
    iw->w[iw->n].fd = fd;
    iw->w[iw->n].pid = pid;
    iw->n++;
  }
  if (!sched_watchfd(vm, fd, POLLIN, fd_ready, NULL)) { iw->n--; return READNOW; }
  return do_block(L, 0, k);
}

static int f_read(lu_State *L);
static int f_read_k(lu_State *L, int status, intptr_t ctx) { (void)status; (void)ctx; return f_read(L); }

static int f_read(lu_State *L) {
  FILE *f = checkopen(L);
  int w = waitinput(L, (IoFile *)lu_touserdata(L, 1), f_read_k);
  if (w != READNOW) return w;
  return readformats(L, f, 2);
}

static int f_write(lu_State *L) {
  FILE *f = checkopen(L);
  int top = lu_gettop(L);
  if (writeargs(L, f, 2, top)) {
    lu_settop(L, 1);
    return 1;                 /* the file */
  }
  return lib_fileresult(L, 0, NULL);
}

static int f_flush(lu_State *L) {
  FILE *f = checkopen(L);
  errno = 0;
  return lib_fileresult(L, fflush(f) == 0, NULL);
}

static int f_seek(lu_State *L) {
  static const int whence[] = { SEEK_SET, SEEK_CUR, SEEK_END };
  static const char *const names[] = { "set", "cur", "end", NULL };
  FILE *f = checkopen(L);
  int op = lu_checkoption(L, 2, "cur", names);
  lu_Int off = lu_optinteger(L, 3, 0);
  lu_argcheck(L, (lu_Int)(off_t)off == off, 3, "not an integer in proper range");
  errno = 0;
  if (fseeko(f, (off_t)off, whence[op]) != 0) return lib_fileresult(L, 0, NULL);
  lu_pushinteger(L, (lu_Int)ftello(f));
  return 1;
}

static int f_setvbuf(lu_State *L) {
  static const int modes[] = { _IONBF, _IOFBF, _IOLBF };
  static const char *const names[] = { "no", "full", "line", NULL };
  FILE *f = checkopen(L);
  int op = lu_checkoption(L, 2, NULL, names);
  lu_Int sz = lu_optinteger(L, 3, LU_BUFFERSIZE);
  errno = 0;
  int res = setvbuf(f, NULL, modes[op], (size_t)sz);
  return lib_fileresult(L, res == 0, NULL);
}

/* the iterator of io.lines and file:lines; upvalues: the handle, the
 * number of formats, whether to close at the end, the formats */
static int lines_iter(lu_State *L);
static int lines_iter_k(lu_State *L, int status, intptr_t ctx) { (void)status; (void)ctx; return lines_iter(L); }

static int lines_iter(lu_State *L) {
  IoFile *p = testhandle(L, lu_upvalueindex(1));
  int nfmt = (int)lu_tointeger(L, lu_upvalueindex(2));
  if (p->kind == IOF_CLOSED) return lu_errorf(L, "file is already closed");
  int w = waitinput(L, p, lines_iter_k);
  if (w != READNOW) return w;
  lu_settop(L, 1);
  lu_checkstack(L, nfmt + LU_MINSTACK, "too many arguments");
  for (int j = 1; j <= nfmt; j++) lu_pushvalue(L, lu_upvalueindex(3 + j));
  int n = readformats(L, p->f, 2);
  if (lu_toboolean(L, -n)) return n;
  if (n > 1)                  /* a read error: its message follows the nil */
    return lu_errorf(L, "%s", lu_tostring(L, -n + 1));
  if (lu_toboolean(L, lu_upvalueindex(3))) {
    lu_settop(L, 0);
    lu_pushvalue(L, lu_upvalueindex(1));
    closehandle(L);
  }
  return 0;
}

/* Push the iterator over the handle at index 1 with the formats above it. */
static void pushlines(lu_State *L, int toclose) {
  int nfmt = lu_gettop(L) - 1;
  lu_argcheck(L, nfmt <= MAXLINESFMT, MAXLINESFMT + 2, "too many arguments");
  lu_pushvalue(L, 1);
  lu_pushinteger(L, nfmt);
  lu_pushboolean(L, toclose);
  lu_rotate(L, 2, 3);         /* handle, count, flag, formats... */
  lu_pushcclosure(L, lines_iter, 3 + nfmt);
}

static int f_lines(lu_State *L) {
  checkopen(L);
  pushlines(L, 0);
  return 1;
}

/* ---------------------------------------------------- the io functions */

static int io_open(lu_State *L) {
  const char *fname = lu_checkstring(L, 1);
  const char *mode = lu_optstring(L, 2, "r");
  IoFile *p = newhandle(L);
  lu_argcheck(L, validmode(mode), 2, "invalid mode");
  errno = 0;
  FILE *f = fopen(fname, mode);
  if (f == NULL) return lib_fileresult(L, 0, fname);
  setopen(p, f, IOF_FILE);
  return 1;
}

static int io_popen(lu_State *L) {
  const char *prog = lu_checkstring(L, 1);
  const char *mode = lu_optstring(L, 2, "r");
  IoFile *p = newhandle(L);
  lu_argcheck(L, (mode[0] == 'r' || mode[0] == 'w') && mode[1] == '\0', 2, "invalid mode");
  fflush(NULL);               /* the child must not inherit pending output */
  errno = 0;
  FILE *f = popen(prog, mode);
  if (f == NULL) return lib_fileresult(L, 0, prog);
  setopen(p, f, IOF_PIPE);
  return 1;
}

static int io_tmpfile(lu_State *L) {
  IoFile *p = newhandle(L);
  errno = 0;
  FILE *f = tmpfile();
  if (f == NULL) return lib_fileresult(L, 0, NULL);
  setopen(p, f, IOF_FILE);
  return 1;
}

static int io_close(lu_State *L) {
  if (lu_isnone(L, 1)) lu_rawgetfield(L, LU_REGISTRYINDEX, IO_OUTPUT);
  return f_close(L);
}

static int io_type(lu_State *L) {
  lu_checkany(L, 1);
  IoFile *p = testhandle(L, 1);
  if (p == NULL) lu_pushnil(L);
  else lu_pushstring(L, p->kind == IOF_CLOSED ? "closed file" : "file");
  return 1;
}

/* io.input / io.output */
static int setdefault(lu_State *L, const char *which, const char *mode) {
  if (!lu_isnoneornil(L, 1)) {
    const char *fname = lu_tostring(L, 1);
    if (fname != NULL) {
      openorfail(L, fname, mode);
    } else {
      checkopen(L);
      lu_pushvalue(L, 1);
    }
    lu_rawsetfield(L, LU_REGISTRYINDEX, which);
  }
  lu_rawgetfield(L, LU_REGISTRYINDEX, which);
  return 1;
}

static int io_input(lu_State *L) { return setdefault(L, IO_INPUT, "r"); }
static int io_output(lu_State *L) { return setdefault(L, IO_OUTPUT, "w"); }

static int io_read(lu_State *L);
static int io_read_k(lu_State *L, int status, intptr_t ctx) { (void)status; (void)ctx; return io_read(L); }

static int io_read(lu_State *L) {
  IoFile *p = defaultfile(L, IO_INPUT);
  int w = waitinput(L, p, io_read_k);
  if (w != READNOW) return w;
  return readformats(L, p->f, 1);
}

static int io_write(lu_State *L) {
  IoFile *p = defaultfile(L, IO_OUTPUT);
  if (writeargs(L, p->f, 1, lu_gettop(L))) {
    lu_rawgetfield(L, LU_REGISTRYINDEX, IO_OUTPUT);
    return 1;
  }
  return lib_fileresult(L, 0, NULL);
}

static int io_flush(lu_State *L) {
  IoFile *p = defaultfile(L, IO_OUTPUT);
  errno = 0;
  return lib_fileresult(L, fflush(p->f) == 0, NULL);
}

static int io_lines(lu_State *L) {
  int toclose;
  if (lu_isnone(L, 1)) lu_pushnil(L);
  if (lu_isnil(L, 1)) {
    lu_rawgetfield(L, LU_REGISTRYINDEX, IO_INPUT);
    lu_replace(L, 1);
    checkopen(L);
    toclose = 0;
  } else {
    const char *fname = lu_checkstring(L, 1);
    openorfail(L, fname, "r");
    lu_replace(L, 1);
    toclose = 1;
  }
  pushlines(L, toclose);
  if (!toclose) return 1;
  /* iterator, nil, nil, and the file as the closing value of a for loop */
  lu_pushnil(L);
  lu_pushnil(L);
  lu_pushvalue(L, 1);
  return 4;
}

/* ------------------------------------------------------------- opening */

static const lu_Reg io_funcs[] = {
  {"close", io_close},
  {"flush", io_flush},
  {"input", io_input},
  {"lines", io_lines},
  {"open", io_open},
  {"output", io_output},
  {"popen", io_popen},
  {"read", io_read},
  {"tmpfile", io_tmpfile},
  {"type", io_type},
  {"write", io_write},
  {NULL, NULL}
};

static const lu_Reg file_methods[] = {
  {"close", f_close},
  {"flush", f_flush},
  {"lines", f_lines},
  {"read", f_read},
  {"seek", f_seek},
  {"setvbuf", f_setvbuf},
  {"write", f_write},
  {NULL, NULL}
};

static const lu_Reg file_meta[] = {
  {"__gc", f_gc},
  {"__close", f_gc},
  {"__tostring", f_tostring},
  {NULL, NULL}
};

static void stdhandle(lu_State *L, FILE *f, const char *regkey, const char *name) {
  IoFile *p = newhandle(L);
  setopen(p, f, IOF_STD);
  if (regkey != NULL) {
    lu_pushvalue(L, -1);
    lu_rawsetfield(L, LU_REGISTRYINDEX, regkey);
  }
  lu_rawsetfield(L, -2, name);
}

int lu_open_io(lu_State *L) {
  lu_newlib(L, io_funcs);
  /* the metatable of handles */
  lu_newtable(L);
  lu_pushstring(L, FILEHANDLE);
  lu_rawsetfield(L, -2, "__name");
  lu_newlib(L, file_methods);
  lu_rawsetfield(L, -2, "__index");
  lu_setfuncs(L, file_meta, 0);
  lu_rawsetfield(L, LU_REGISTRYINDEX, FILEHANDLE);
  stdhandle(L, stdin, IO_INPUT, "stdin");
  stdhandle(L, stdout, IO_OUTPUT, "stdout");
  stdhandle(L, stderr, NULL, "stderr");
  return 1;
}
