/*
 * main.c — the lurel command: runs scripts like lua5.4 (options -e, -l, -i,
 * -v, -E, -W, -), plus --disasm and -c for Lurel bytecode; the shell
 * (shell.c) with a terminal on stdin and no script, or after -i.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "../compiler/compiler.h"
#include "../vm/api.h"
#include "../vm/lib.h"
#include "../vm/do.h"
#include "../vm/debug.h"
#include "../vm/gc.h"
#include "../vm/str.h"
#include "../vm/tm.h"
#include "../vm/func.h"
#include "../vm/table.h"
#include "../vm/lbc.h"
#include "../vm/lazy.h"
#include "../vm/proc.h"
#include "shell.h"

static const char *progname = "lurel";

static void l_message(const char *msg) {
  fprintf(stderr, "%s: %s\n", progname, msg);
  fflush(stderr);
}

static void print_usage(const char *badoption) {
  fprintf(stderr, "%s: ", progname);
  if (badoption[1] == 'e' || badoption[1] == 'l' || badoption[1] == 'c')
    fprintf(stderr, "'%s' needs argument\n", badoption);
  else
    fprintf(stderr, "unrecognized option '%s'\n", badoption);
  fprintf(stderr,
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n"
    "  --sandbox       no ffi, io, file loading or os escape hatches;\n"
    "                  every process gets a max_heap_size (default 64M)\n"
    "  --max-heap N    max_heap_size of every process, bytes (suffix k, M, G)\n"
    "  --disasm file   list the Lurel bytecode of a script\n"
    "  -c out.lbc file compile a script to Lurel bytecode\n",
    progname);
  fflush(stderr);
}

/* Run the function on top of the main thread's stack with nargs arguments
 * below it... (function first, then args).  Reports an uncaught error the
 * way lua5.4 does.  Returns LU_OK or the error status. */
/* Run the function below the nargs arguments on top of the main process's
 * stack, as that process's next entry, through the scheduler (other
 * processes run meanwhile).  An uncaught error is reported the way lua5.4
 * reports one.  Returns LU_OK or an error status. */
static int docall(lu_State *L, int nargs) {
  Proc *P = L->P;
  Value *func = L->top - nargs - 1;
  do_callentry(L, func, LU_MULTRET);
  P->pstate = PS_WAITING;
  sched_ready(P->vm, P);
  VM *vm = P->vm;
  int r = sched_run(vm, P);
  if (vm->exiting) return LU_EXIT;      /* os.exit(code, true): nothing more runs */
  return r == 0 ? LU_OK : LU_ERRRUN;
}

static int dochunk(lu_State *L, const char *src, size_t len, const char *name) {
  VM *vm = L->P->vm;
  char *err = NULL;
  Proto *p = compiler_compile(vm, src, len, name, &err);
  if (p == NULL) {
    l_message(err ? err : "syntax error");
    free(err);
    return 1;
  }
  LClosure *cl = lcl_new(L->P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(L->P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(L->P));
  return docall(L, 0) == LU_OK ? 0 : 1;
}

/* -l mod: global mod = require("mod") */
/* -l mod requires mod into the global mod; -l g=mod into the global g */
static int dolibrary(lu_State *L, const char *name) {
  Proc *P = L->P;
  const char *eq = strchr(name, '=');
  const char *modname = eq ? eq + 1 : name;
  size_t globlen = eq ? (size_t)(eq - name) : strlen(name);
  Value rk;
  val_setstr(&rk, str_newz(P, "require"));
  const Value *req = tab_getlazy(L, proc_globals(P), &rk);
  val_copy(L->top, req);
  val_setstr(L->top + 1, str_newz(P, modname));
  L->top += 2;
  ptrdiff_t baseoff = savestack(L, L->top - 2);
  if (docall(L, 1) != LU_OK) return 1;
  Value *base = restorestack(L, baseoff);
  /* results from base on; keep the first */
  Value v;
  if (L->top > base) val_copy(&v, base); else val_setnil(&v);
  L->top = base;
  tab_setstr(L, proc_globals(P), str_new(P, name, globlen), &v);
  return 0;
}

/* The whole of file fname (NULL: stdin) into *out (malloc'd, the caller
 * frees it); 0 and lua5.4's "cannot open/read NAME: reason" in err when it
 * cannot be opened or read. */
static int readsource(const char *fname, char **out, size_t *outlen, char *err, size_t errsz) {
  FILE *f = fname ? fopen(fname, "rb") : stdin;
  if (f == NULL) {
    snprintf(err, errsz, "cannot open %s: %s", fname, strerror(errno));
    return 0;
  }
  size_t cap = 8192, n = 0;
  char *b = malloc(cap);
  size_t r;
  while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) { cap *= 2; char *nb = realloc(b, cap); if (!nb) { free(b); b = NULL; } else b = nb; }
  }
  int rerr = ferror(f) ? errno : 0;
  if (fname) fclose(f);
  if (b == NULL) rerr = ENOMEM;
  if (rerr) {
    snprintf(err, errsz, "cannot read %s: %s", fname ? fname : "stdin", strerror(rerr));
    free(b);
    return 0;
  }
  *out = b;
  *outlen = n;
  return 1;
}

static int compileflags = 0;   /* -c ... --intrinsics: built-in library code */

/* Source or Lurel bytecode (first byte 27) to a verified prototype. */
static Proto *loadproto(VM *vm, const char *src, size_t len, const char *chunkname, char **err) {
  if (len > 0 && src[0] == '\x1b') {
    char buf[300];
    Proto *p = lbc_undump(vm, src, len, chunkname, buf, sizeof buf);
    if (!p) *err = strdup(buf);
    return p;
  }
  return compiler_compile_flags(vm, src, len, chunkname, compileflags, err);
}

static Proto *loadfileproto(VM *vm, const char *fname, char **err) {
  char *src, m[600];
  size_t len;
  if (!readsource(fname, &src, &len, m, sizeof m)) {
    *err = strdup(m);
    return NULL;
  }
  size_t skip = 0;
  if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) skip = 3;   /* a UTF-8 BOM */
  if (skip < len && src[skip] == '#') { while (skip < len && src[skip] != '\n') skip++; }
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", fname);
  Proto *p = loadproto(vm, src + skip, len - skip, chunkname, err);
  free(src);
  return p;
}

static int filewriter(const void *p, size_t sz, void *ud) {
  return fwrite(p, 1, sz, (FILE *)ud) != sz;
}

/* --disasm FILE and -c OUT FILE */
static int tool_main(VM *vm, int argc, char **argv) {
  char *err = NULL;
  if (strcmp(argv[1], "--disasm") == 0) {
    if (argc < 3) { l_message("--disasm needs a file"); return 1; }
    Proto *p = loadfileproto(vm, argv[2], &err);
    if (!p) { l_message(err); free(err); return 1; }
    lbc_disasm(stdout, p, 1);
    proto_decref(p);
    return 0;
  }
  /* -c out.lbc file [-s] [--intrinsics] */
  if (argc < 4) { l_message("usage: lurel -c out.lbc file.lua [-s] [--intrinsics]"); return 1; }
  int strip = 0;
  for (int j = 4; j < argc; j++) {
    if (strcmp(argv[j], "-s") == 0) strip = 1;
    else if (strcmp(argv[j], "--intrinsics") == 0) compileflags |= COMPILE_INTRINSICS;
  }
  Proto *p = loadfileproto(vm, argv[3], &err);
  if (!p) { l_message(err); free(err); return 1; }
  FILE *out = fopen(argv[2], "wb");
  if (!out) {
    char m[600];
    snprintf(m, sizeof m, "cannot open %s for writing", argv[2]);
    l_message(m);
    proto_decref(p);
    return 1;
  }
  int st = lbc_dump(p, filewriter, out, strip);
  if (fclose(out) != 0) st = 1;
  proto_decref(p);
  if (st) { l_message("cannot write the bytecode file"); return 1; }
  return 0;
}

static int handle_script(lu_State *L, char **argv, int script) {
  const char *fname = argv[script];
  if (strcmp(fname, "-") == 0 && strcmp(argv[script - 1], "--") != 0) fname = NULL;
  char *src, m[600];
  size_t len;
  if (!readsource(fname, &src, &len, m, sizeof m)) {
    l_message(m);
    return 1;
  }
  size_t skip = 0;
  if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) skip = 3;   /* a UTF-8 BOM */
  if (skip < len && src[skip] == '#') { while (skip < len && src[skip] != '\n') skip++; }
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, fname ? "@%s" : "=stdin", fname);
  char *err = NULL;
  Proto *p = loadproto(L->P->vm, src + skip, len - skip, chunkname, &err);
  free(src);
  if (p == NULL) {
    l_message(err ? err : "syntax error");
    free(err);
    return 1;
  }
  LClosure *cl = lcl_new(L->P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(L->P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(L->P));
  /* push the script arguments (arg[1..n]) */
  Table *argt = NULL;
  const Value *av = tab_getstr(proc_globals(L->P), str_newz(L->P, "arg"));
  if (val_istable(av)) argt = val_table(av);
  int n = 0;
  if (argt) {
    n = (int)tab_len(argt);
    stack_check(L, n + 1);
    for (int j = 1; j <= n; j++) { val_copy(L->top, tab_getint(argt, j)); L->top++; }
  }
  return docall(L, n) == LU_OK ? 0 : 1;
}

/* arg table: arg[0] = script, negative indices for the interpreter and options */
static void createargtable(lu_State *L, char **argv, int argc, int script) {
  Proc *P = L->P;
  if (script == argc) script = 0;
  Table *t = tab_new(P);
  for (int j = 0; j < argc; j++) {
    Value v;
    val_setstr(&v, str_newz(P, argv[j]));
    tab_setint(L, t, j - script, &v);
  }
  Value tv;
  val_settable(&tv, t);
  tab_setstr(L, proc_globals(P), str_newz(P, "arg"), &tv);
}

#define has_error 1
#define has_i 2
#define has_v 4
#define has_e 8
#define has_E 16

/* --sandbox and --max-heap N (lazy.h, proc_heaplimit) */
#define SANDBOX_MAXHEAP ((size_t)64 << 20)
static int sandbox = 0;
static size_t maxheap = 0;
static int maxheap_set = 0;

static int parsesize(const char *s, size_t *out) {
  char *end;
  unsigned long long n = strtoull(s, &end, 10);
  if (end == s) return 0;
  switch (*end) {
    case 'k': case 'K': n <<= 10; end++; break;
    case 'm': case 'M': n <<= 20; end++; break;
    case 'g': case 'G': n <<= 30; end++; break;
  }
  if (*end != '\0') return 0;
  *out = (size_t)n;
  return 1;
}

static int collectargs(char **argv, int *first) {
  int args = 0;
  int i;
  for (i = 1; argv[i] != NULL; i++) {
    *first = i;
    if (argv[i][0] != '-') return args;
    switch (argv[i][1]) {
      case '-':
        if (strcmp(argv[i], "--sandbox") == 0) { sandbox = 1; break; }
        if (strcmp(argv[i], "--max-heap") == 0) {
          if (argv[i + 1] == NULL || !parsesize(argv[i + 1], &maxheap)) return has_error;
          maxheap_set = 1;
          i++;
          break;
        }
        if (strcmp(argv[i], "--disasm") == 0) return args | has_error;
        if (argv[i][2] != '\0') return has_error;
        *first = i + 1;
        return args;
      case '\0': return args;
      case 'E': if (argv[i][2] != '\0') return has_error; args |= has_E; break;
      case 'W': if (argv[i][2] != '\0') return has_error; break;
      case 'i': args |= has_i; /* fallthrough */
      case 'v': if (argv[i][2] != '\0') return has_error; args |= has_v; break;
      case 'e': args |= has_e; /* fallthrough */
      case 'l':
        if (argv[i][2] == '\0') {
          i++;
          if (argv[i] == NULL || argv[i][0] == '-') return has_error;
        }
        break;
      default: return has_error;
    }
  }
  *first = i;
  return args;
}

/* LUA_INIT_5_4 (else LUA_INIT): "@file" runs the file, anything else is
 * run as a chunk, before the options and the script (as lua5.4 does) */
static int handle_luainit(lu_State *L) {
  const char *name = "=LUA_INIT_5_4";
  const char *init = getenv(name + 1);
  if (init == NULL) {
    name = "=LUA_INIT";
    init = getenv(name + 1);
  }
  if (init == NULL) return 0;
  if (init[0] != '@') return dochunk(L, init, strlen(init), name);
  char *src, m[600];
  size_t len;
  if (!readsource(init + 1, &src, &len, m, sizeof m)) {
    l_message(m);
    return 1;
  }
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", init + 1);
  int r = dochunk(L, src, len, chunkname);
  free(src);
  return r;
}

static int runargs(lu_State *L, char **argv, int n) {
  for (int i = 1; i < n; i++) {
    int option = argv[i][1];
    switch (option) {
      case 'e': case 'l': {
        const char *extra = argv[i] + 2;
        if (*extra == '\0') extra = argv[++i];
        if (option == 'e') {
          if (dochunk(L, extra, strlen(extra), "=(command line)") != 0) return 0;
        } else if (dolibrary(L, extra) != 0) return 0;
        break;
      }
      case 'W': L->P->warn_on = 1; break;
    }
  }
  return 1;
}

static void print_version(void) {
  fputs(LUREL_COPYRIGHT "\n", stdout);
  fflush(stdout);
}

int main(int argc, char **argv) {
  const char *cerr = compiler_check();
  if (cerr) { fprintf(stderr, "lurel: %s\n", cerr); return 1; }
  VM *vm = vm_new();
  vm->compile = compiler_compile;
  if (argc > 1 && (strcmp(argv[1], "--disasm") == 0 || strcmp(argv[1], "-c") == 0)) {
    int r = tool_main(vm, argc, argv);
    vm_free(vm);
    return r;
  }
  const char *b = getenv("LUREL_REDUCTIONS");
  if (b && atoi(b) > 0) vm->budget = atoi(b);
  Proc *P = proc_create(vm);
  lu_State *L = proc_mainthread(P);
  vm->mainproc = P;
  /* libraries are opened in a protected context (memory errors only) */
  lu_Jmp jb;
  jb.previous = NULL;
  P->errorjmp = &jb;
  if (LU_SETJMP(jb) != 0) { l_message("cannot open the libraries"); return 1; }
  int script = 0;
  int args = collectargs(argv, &script);
  /* before any library is materialised in any process */
  vm->sandbox = (uint8_t)sandbox;
  vm->maxheap_default = maxheap_set ? maxheap : sandbox ? SANDBOX_MAXHEAP : 0;
  proc_setmaxheap(P, vm->maxheap_default);
  static int hostflags[1];
  hostflags[0] = (args & has_E) != 0;       /* -E: ignore LUA_PATH etc. */
  vm->host = hostflags;
  createargtable(L, argv, argc, script);
  P->errorjmp = NULL;
  int status = 0;
  if (args == has_error) {
    print_usage(argv[script]);
    status = 1;
    goto done;
  }
  if (args & has_v) print_version();
  if (!(args & has_E) && handle_luainit(L) != 0) { status = 1; goto done; }
  if (!runargs(L, argv, script)) { status = 1; goto done; }
  if (script < argc && argv[script]) {
    status = handle_script(L, argv, script);
    if (status != 0) goto done;
  }
  if (args & has_i) {
    status = shell_run(L, isatty(0));
  } else if (script < argc && argv[script]) {
    /* ran above */
  } else if (!(args & (has_e | has_v))) {
    if (isatty(0)) {
      print_version();
      status = shell_run(L, true);
    } else {
      char *dash[] = { "lurel", "-", NULL };
      status = handle_script(L, dash, 1);
    }
  }
done:
  if (vm->exiting) status = vm->exitcode;
  /* the shell may have replaced the main process (its own ended) */
  P = vm->mainproc;
  /* the main process's pending finalizers run before the VM goes, as
   * lua_close runs them */
  if (P && P->pstate != PS_DEAD && !vm->exiting && (proc_finobj(P) || proc_tobefnz(P))) {
    lu_State *ML = proc_mainthread(P);
    gc_finalizeall(P);
    val_setlcf(ML->top, lib_gcfinalizers);
    ML->top++;
    docall(ML, 0);
    if (vm->exiting) status = vm->exitcode;   /* os.exit in a finalizer */
  }
  fflush(stdout);
  if (P) P->errorjmp = NULL;
  vm_shutdown(vm);
  vm_free(vm);
  return status;
}
