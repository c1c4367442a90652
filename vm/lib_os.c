/*
 * lib_os.c — the operating system library (manual §6.9).
 *
 * Thin wrappers over POSIX: time and date (localtime_r/gmtime_r, mktime,
 * strftime), the environment, files by name, commands (system), locale.
 * setlocale changes the locale of the whole OS process, as in lua5.4.
 *
 * Date tables are read and written raw here; a date table with a
 * metatable goes through the Lua helper os_time_meta (stdlib/lualib/io.lua)
 * so that __index and __newindex apply, as with lua5.4's lua_getfield.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "api.h"
#include "lib.h"
#include "do.h"
#include "str.h"

/* longest result of one strftime conversion */
#define DATEPIECE 250

static time_t checktime(lu_State *L, int arg) {
  lu_Int t = lu_checkinteger(L, arg);
  lu_argcheck(L, (lu_Int)(time_t)t == t, arg, "time out of bounds");
  return (time_t)t;
}

/* ---------------------------------------------------------------- date */

/* Is 'conv' (len bytes left in the format) a C99 strftime conversion?
 * Returns its length (1 or 2) or 0. */
static int convlength(const char *conv, size_t len) {
  static const char single[] = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
  static const char afterE[] = "cCxXyY";
  static const char afterO[] = "deHImMSuUVwWy";
  if (len >= 1 && conv[0] != '\0' && strchr(single, conv[0]) != NULL) return 1;
  if (len >= 2 && conv[1] != '\0') {
    if (conv[0] == 'E' && strchr(afterE, conv[1]) != NULL) return 2;
    if (conv[0] == 'O' && strchr(afterO, conv[1]) != NULL) return 2;
  }
  return 0;
}

static void setintfield(lu_State *L, const char *key, lu_Int v) {
  lu_pushinteger(L, v);
  lu_rawsetfield(L, -2, key);
}

/* store the fields of tm in the table on top (year, month, ... isdst) */
static void setdatefields(lu_State *L, const struct tm *tm) {
  setintfield(L, "year", (lu_Int)tm->tm_year + 1900);
  setintfield(L, "month", (lu_Int)tm->tm_mon + 1);
  setintfield(L, "day", tm->tm_mday);
  setintfield(L, "hour", tm->tm_hour);
  setintfield(L, "min", tm->tm_min);
  setintfield(L, "sec", tm->tm_sec);
  setintfield(L, "yday", (lu_Int)tm->tm_yday + 1);
  setintfield(L, "wday", (lu_Int)tm->tm_wday + 1);
  if (tm->tm_isdst >= 0) {
    lu_pushboolean(L, tm->tm_isdst);
    lu_rawsetfield(L, -2, "isdst");
  }
}

static int os_date(lu_State *L) {
  size_t flen;
  const char *fmt = lu_optlstring(L, 1, "%c", &flen);
  time_t t = lu_isnoneornil(L, 2) ? time(NULL) : checktime(L, 2);
  const char *end = fmt + flen;
  struct tm tmbuf, *tm;
  if (*fmt == '!') {
    tm = gmtime_r(&t, &tmbuf);
    fmt++;
  } else {
    tm = localtime_r(&t, &tmbuf);
  }
  if (tm == NULL)
    return lu_errorf(L, "date result cannot be represented in this installation");
  if (strcmp(fmt, "*t") == 0) {
    lu_createtable(L, 0, 9);
    setdatefields(L, tm);
    return 1;
  }
  lu_Buffer b;
  lu_buffinit(L, &b);
  while (fmt < end) {
    if (*fmt != '%') {
      lu_addchar(&b, *fmt++);
      continue;
    }
    fmt++;
    int cl = convlength(fmt, (size_t)(end - fmt));
    if (cl == 0)
      return lu_argerror(L, 1, lu_pushfstring(L, "invalid conversion specifier '%%%s'", fmt));
    char spec[4] = { '%', fmt[0], cl == 2 ? fmt[1] : '\0', '\0' };
    fmt += cl;
    char *d = lu_prepbuffsize(&b, DATEPIECE);
    lu_addsize(&b, strftime(d, DATEPIECE, spec, tm));
  }
  lu_pushresult(&b);
  return 1;
}

/* ---------------------------------------------------------------- time */

/* Read field 'key' of the date table at index 1 into *out (value - delta,
 * or dflt when absent; dflt < 0 means required).  On failure pushes the
 * message and returns 0. */
static int datefield(lu_State *L, const char *key, int dflt, int delta, int *out) {
  int t = lu_rawgetfield(L, 1, key);
  int isint;
  lu_Int v = lu_tointegerx(L, -1, &isint);
  lu_pop(L, 1);
  if (!isint) {
    if (t != LU_TNIL) {
      lu_pushfstring(L, "field '%s' is not an integer", key);
      return 0;
    }
    if (dflt < 0) {
      lu_pushfstring(L, "field '%s' missing in date table", key);
      return 0;
    }
    *out = dflt;
    return 1;
  }
  if (v >= 0 ? v - delta > INT_MAX : v < (lu_Int)INT_MIN + delta) {
    lu_pushfstring(L, "field '%s' is out-of-bound", key);
    return 0;
  }
  *out = (int)(v - delta);
  return 1;
}

/* The time of the date table at index 1, normalising its fields.  Returns
 * 0 with a message pushed on failure; *normalised tells whether the fields
 * were already rewritten then. */
static int timefromtable(lu_State *L, time_t *res, int *normalised) {
  struct tm tm;
  *normalised = 0;
  if (!datefield(L, "year", -1, 1900, &tm.tm_year) ||
      !datefield(L, "month", -1, 1, &tm.tm_mon) ||
      !datefield(L, "day", -1, 0, &tm.tm_mday) ||
      !datefield(L, "hour", 12, 0, &tm.tm_hour) ||
      !datefield(L, "min", 0, 0, &tm.tm_min) ||
      !datefield(L, "sec", 0, 0, &tm.tm_sec))
    return 0;
  lu_rawgetfield(L, 1, "isdst");
  tm.tm_isdst = lu_isnil(L, -1) ? -1 : lu_toboolean(L, -1);
  lu_pop(L, 1);
  time_t t = mktime(&tm);
  lu_pushvalue(L, 1);
  setdatefields(L, &tm);
  lu_pop(L, 1);
  *normalised = 1;
  if (t == (time_t)-1) {
    lu_pushstring(L, "time result cannot be represented in this installation");
    return 0;
  }
  *res = t;
  return 1;
}

/* os_time_raw(t) for the Lua helper: t is a plain table; returns the time,
 * or nil, message, whether t was normalised. */
static int os_time_raw(lu_State *L) {
  time_t t;
  int normalised;
  lu_settop(L, 1);
  if (timefromtable(L, &t, &normalised)) {
    lu_pushinteger(L, (lu_Int)t);
    return 1;
  }
  lu_pushnil(L);
  lu_insert(L, -2);
  lu_pushboolean(L, normalised);
  return 3;
}

static int os_time(lu_State *L) {
  time_t t;
  if (lu_isnoneornil(L, 1)) {
    t = time(NULL);
  } else {
    lu_checktype(L, 1, LU_TTABLE);
    lu_settop(L, 1);
    if (lu_getmetatable(L, 1)) {
      /* fields through __index/__newindex: the Lua helper does the access */
      lu_pop(L, 1);
      lu_pushcfunction(L, os_time_raw);
      return lib_calllualib(L, "os_time_meta");
    }
    int normalised;
    if (!timefromtable(L, &t, &normalised)) return lu_errorf(L, "%s", lu_tostring(L, -1));
  }
  lu_pushinteger(L, (lu_Int)t);
  return 1;
}

static int os_difftime(lu_State *L) {
  time_t t1 = checktime(L, 1);
  time_t t2 = checktime(L, 2);
  lu_pushnumber(L, (lu_Num)difftime(t1, t2));
  return 1;
}

static int os_clock(lu_State *L) {
  lu_pushnumber(L, (lu_Num)clock() / (lu_Num)CLOCKS_PER_SEC);
  return 1;
}

/* ------------------------------------------------------- the system */

static int os_execute(lu_State *L) {
  const char *cmd = lu_optstring(L, 1, NULL);
  errno = 0;
  int stat = system(cmd);
  if (cmd != NULL) return lib_execresult(L, stat);
  lu_pushboolean(L, stat);      /* is a shell available? */
  return 1;
}

static int os_exit(lu_State *L) {
  int status;
  if (lu_isboolean(L, 1)) status = lu_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
  else status = (int)lu_optinteger(L, 1, EXIT_SUCCESS);
  /* os.exit(code, true) closes the state in lua5.4: the main thread's
   * pending to-be-closed variables are closed, every finalizer runs, then
   * the program exits.  Here the calling process is closed that way (in
   * any process: os.exit ends the whole VM); the scheduler runs nothing
   * else meanwhile and then ends the VM with the status (sched.c).  A
   * second os.exit while closing, or no 'close', exits at once. */
  Proc *P = L->P;
  VM *vm = P->vm;
  if (lu_toboolean(L, 2) && !vm->exitclose) {
    vm->exitcode = status;
    vm->exitclose = true;
    vm->exitpid = P->pid;
    P->trap_exit = 1;               /* exit signals queued earlier do not cut it short */
    val_setstr(proc_setexitreason(P), str_newz(P, "normal"));
    L->exiterr = 0;
    lu_throw(L, LU_EXIT);
  }
  fflush(NULL);
  exit(status);
}

static int os_getenv(lu_State *L) {
  lu_pushstring(L, getenv(lu_checkstring(L, 1)));   /* NULL pushes nil */
  return 1;
}

static int os_remove(lu_State *L) {
  const char *fname = lu_checkstring(L, 1);
  errno = 0;
  return lib_fileresult(L, remove(fname) == 0, fname);
}

static int os_rename(lu_State *L) {
  const char *from = lu_checkstring(L, 1);
  const char *to = lu_checkstring(L, 2);
  errno = 0;
  return lib_fileresult(L, rename(from, to) == 0, NULL);
}

static int os_tmpname(lu_State *L) {
  char name[32];
  strcpy(name, "/tmp/lua_XXXXXX");
  int fd = mkstemp(name);
  if (fd == -1) return lu_errorf(L, "unable to generate a unique filename");
  close(fd);
  lu_pushstring(L, name);
  return 1;
}

static int os_setlocale(lu_State *L) {
  static const int cats[] = { LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME };
  static const char *const names[] = { "all", "collate", "ctype", "monetary", "numeric", "time", NULL };
  const char *loc = lu_optstring(L, 1, NULL);
  int op = lu_checkoption(L, 2, "all", names);
  lu_pushstring(L, setlocale(cats[op], loc));
  return 1;
}

static const lu_Reg os_funcs[] = {
  {"clock", os_clock},
  {"date", os_date},
  {"difftime", os_difftime},
  {"execute", os_execute},
  {"exit", os_exit},
  {"getenv", os_getenv},
  {"remove", os_remove},
  {"rename", os_rename},
  {"setlocale", os_setlocale},
  {"time", os_time},
  {"tmpname", os_tmpname},
  {NULL, NULL}
};

const lu_Reg *lib_osfuncs(void) { return os_funcs; }

int lu_open_os(lu_State *L) {
  lu_newlib(L, os_funcs);
  return 1;
}
