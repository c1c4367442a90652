/* lib_package.c — package and require (manual §6.3).
 *
 * require itself is written in Lua (stdlib/lualib/package.lua) because it
 * calls the searchers and the loader, which may be Lua functions; the C
 * parts are the searchers, searchpath and the paths.  C modules are not
 * supported: package.loadlib and the C searchers open the library and look
 * for the function like lua5.4 (so that their failures give lua5.4's
 * messages), but a function they find cannot be used: for it they give
 * lua5.4's message for a missing dynamic loader.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "api.h"
#include "func.h"
#include "str.h"
#include "table.h"
#include "lib.h"
#include "lazy.h"

#define LUA_PATH_DEFAULT \
  "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;" \
  "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;" \
  "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
#define LUA_CPATH_DEFAULT \
  "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;" \
  "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
#define DLMSG "dynamic libraries not enabled; check your Lua installation"

static int readable(const char *filename) {
  FILE *f = fopen(filename, "r");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/* replace every 'p' by 'r' in s (pushes the result) */
static const char *gsub_plain(lu_State *L, const char *s, const char *p, const char *r) {
  lu_Buffer b;
  size_t lp = strlen(p);
  const char *w;
  lu_buffinit(L, &b);
  while (lp > 0 && (w = strstr(s, p)) != NULL) {
    lu_addlstring(&b, s, (size_t)(w - s));
    lu_addstring(&b, r);
    s = w + lp;
  }
  lu_addstring(&b, s);
  lu_pushresult(&b);
  return lu_tostring(L, -1);
}

/* Search name in path as lua5.4 does: every '?' of the path replaced by the
 * name, then each ';'-separated entry tried in turn (empty ones too).
 * Pushes the file name, or the error list (returns NULL): "no file 'x'"
 * for each entry, separated by "\n\t". */
static const char *searchpath(lu_State *L, const char *name, const char *path,
                              const char *sep, const char *dirsep) {
  if (*sep != '\0' && strchr(name, *sep) != NULL) name = gsub_plain(L, name, sep, dirsep);
  const char *names = gsub_plain(L, path, "?", name);
  const char *p = names;
  for (;;) {
    const char *e = strchr(p, ';');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    lu_pushlstring(L, p, l);
    const char *filename = lu_tostring(L, -1);
    if (readable(filename)) return filename;
    lu_pop(L, 1);
    if (e == NULL) break;
    p = e + 1;
  }
  gsub_plain(L, names, ";", "'\n\tno file '");
  lu_pushfstring(L, "no file '%s'", lu_tostring(L, -1));
  return NULL;
}

static int ll_searchpath(lu_State *L) {
  const char *f = searchpath(L, lu_checkstring(L, 1), lu_checkstring(L, 2),
                             lu_optstring(L, 3, "."), lu_optstring(L, 4, "/"));
  if (f != NULL) return 1;
  lu_pushnil(L);
  lu_insert(L, -2);
  return 2;
}

static const char *findfile(lu_State *L, const char *name, const char *pname, const char *dirsep) {
  lu_rawgetfield(L, lu_upvalueindex(1), pname);
  const char *path = lu_tostring(L, -1);
  if (path == NULL) lu_errorf(L, "'package.%s' must be a string", pname);
  return searchpath(L, name, path, ".", dirsep);
}

/* the preload table is the registry's _PRELOAD (package.preload at first) */
static int searcher_preload(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  if (lu_rawgetfield(L, LU_REGISTRYINDEX, "_PRELOAD") != LU_TTABLE ||
      lu_rawgetfield(L, -1, name) == LU_TNIL) {
    lu_pushfstring(L, "no field package.preload['%s']", name);
    return 1;
  }
  lu_pushstring(L, ":preload:");
  return 2;
}

/* Compiled module code is kept once per VM: the file name with its
 * modification time and size (a changed file is compiled again).  Each
 * process still runs the chunk itself: its module table is its own. */
struct ModCode {
  char *file;
  long long mtime_s, mtime_ns, size;
  Proto *p;
};

/* A spawned process starts with its parent's package.path and cpath when
 * the parent changed them (as Erlang's code path is the node's, a script
 * that extends the path before spawning workers expects them to find its
 * modules).  Only a changed path costs the child memory. */
void lib_package_inherit(Proc *parent, Proc *child) {
  const char *p1 = NULL, *p2 = NULL;
  Table *pk = parent->ex && parent->ex->nlibinst > LIB_PACKAGE ? parent->ex->libinst[LIB_PACKAGE] : NULL;
  if (pk && !tab_islazy(pk)) {
    const Value *v1 = tab_getstr(pk, str_newz(parent, "path"));
    const Value *v2 = tab_getstr(pk, str_newz(parent, "cpath"));
    if (!val_isstr(v1) || !val_isstr(v2)) return;
    p1 = str_data(val_str(v1));
    p2 = str_data(val_str(v2));
    const char *d = parent->vm->dftpaths;
    if (d && strcmp(p1, d) == 0 && strcmp(p2, d + strlen(d) + 1) == 0) return;
  } else if (parent->ex && parent->ex->pkgpaths) {
    p1 = parent->ex->pkgpaths;
    p2 = p1 + strlen(p1) + 1;
  } else {
    return;
  }
  size_t n1 = strlen(p1), n2 = strlen(p2);
  char *c = malloc(n1 + n2 + 2);
  if (c == NULL) return;
  memcpy(c, p1, n1 + 1);
  memcpy(c + n1 + 1, p2, n2 + 1);
  ProcExtra *cx = proc_extra(child);
  free(cx->pkgpaths);
  cx->pkgpaths = c;
}

void lib_package_freecache(VM *vm) {
  free(vm->dftpaths);
  vm->dftpaths = NULL;
  for (int j = 0; j < vm->nmodcode; j++) {
    free(vm->modcode[j].file);
    proto_decref(vm->modcode[j].p);
  }
  free(vm->modcode);
  vm->modcode = NULL;
  vm->nmodcode = vm->capmodcode = 0;
}

static struct ModCode *modcode_find(VM *vm, const char *file) {
  for (int j = 0; j < vm->nmodcode; j++)
    if (strcmp(vm->modcode[j].file, file) == 0) return &vm->modcode[j];
  return NULL;
}

static void modcode_put(VM *vm, const char *file, const struct stat *sb, Proto *p) {
  struct ModCode *e = modcode_find(vm, file);
  if (e == NULL) {
    if (vm->nmodcode == vm->capmodcode) {
      int nc = vm->capmodcode ? vm->capmodcode * 2 : 8;
      struct ModCode *n = realloc(vm->modcode, (size_t)nc * sizeof *n);
      if (n == NULL) return;            /* no cache: the next require compiles again */
      vm->modcode = n;
      vm->capmodcode = nc;
    }
    char *f = strdup(file);
    if (f == NULL) return;
    e = &vm->modcode[vm->nmodcode++];
    e->file = f;
  } else {
    proto_decref(e->p);
  }
  e->mtime_s = (long long)sb->st_mtim.tv_sec;
  e->mtime_ns = (long long)sb->st_mtim.tv_nsec;
  e->size = (long long)sb->st_size;
  proto_incref(p);
  e->p = p;
}

/* push a fresh closure of p with the process's globals as _ENV */
static void pushmodclosure(lu_State *L, Proto *p) {
  Proc *P = L->P;
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  proto_incref(p);
  Value v;
  val_setlcl(&v, cl);
  lu_pushv(L, &v);
  lcl_initupvals(P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(P));
}

static int searcher_Lua(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *filename = findfile(L, name, "path", "/");
  if (filename == NULL) return 1;   /* the error list */
  VM *vm = L->P->vm;
  struct stat sb;
  bool havestat = stat(filename, &sb) == 0;
  if (havestat) {
    struct ModCode *e = modcode_find(vm, filename);
    if (e && e->mtime_s == (long long)sb.st_mtim.tv_sec && e->mtime_ns == (long long)sb.st_mtim.tv_nsec &&
        e->size == (long long)sb.st_size) {
      pushmodclosure(L, e->p);
      lu_pushstring(L, filename);
      return 2;
    }
  }
  int r = lib_loadfile(L, filename, "bt", 0);
  if (r == 1) {
    const Value *f = lu_index2value(L, -1);
    if (havestat && val_islcl(f)) modcode_put(vm, filename, &sb, val_lcl(f)->p);
    lu_pushstring(L, filename);
    return 2;
  }
  return lu_errorf(L, "error loading module '%s' from file '%s':\n\t%s",
                   lu_tostring(L, 1), filename, lu_tostring(L, -1));
}

#define ERRLIB  1   /* the library cannot be opened */
#define ERRFUNC 2   /* no such function in it */
#define ERRUSE  3   /* found, but lurel cannot call C functions */

/* lua5.4's lookforfunc: on failure the message is pushed */
static int lookforfunc(lu_State *L, const char *path, const char *sym) {
  void *lib = dlopen(path, RTLD_NOW | (*sym == '*' ? RTLD_GLOBAL : RTLD_LOCAL));
  if (lib == NULL) {
    const char *e = dlerror();
    lu_pushstring(L, e ? e : "cannot open library");
    return ERRLIB;
  }
  if (*sym == '*') {            /* only the library: loaded (and kept, as in Lua) */
    lu_pushboolean(L, 1);
    return 0;
  }
  if (dlsym(lib, sym) == NULL) {
    const char *e = dlerror();
    lu_pushstring(L, e ? e : "symbol not found");
    return ERRFUNC;
  }
  lu_pushstring(L, DLMSG);
  return ERRUSE;
}

/* lua5.4's loadfunc: luaopen_NAME, NAME with '.' as '_', and the part
 * after a '-' when the name has one */
static int loadfunc(lu_State *L, const char *filename, const char *modname) {
  modname = gsub_plain(L, modname, ".", "_");
  const char *mark = strchr(modname, '-');
  if (mark) {
    lu_pushlstring(L, modname, (size_t)(mark - modname));
    const char *openfunc = lu_pushfstring(L, "luaopen_%s", lu_tostring(L, -1));
    int stat = lookforfunc(L, filename, openfunc);
    if (stat != ERRFUNC) return stat;
    modname = mark + 1;
  }
  const char *openfunc = lu_pushfstring(L, "luaopen_%s", modname);
  return lookforfunc(L, filename, openfunc);
}

static int loaderror(lu_State *L, const char *filename) {
  return lu_errorf(L, "error loading module '%s' from file '%s':\n\t%s",
                   lu_tostring(L, 1), filename, lu_tostring(L, -1));
}

static int searcher_C(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *filename = findfile(L, name, "cpath", "/");
  if (filename == NULL) return 1;
  loadfunc(L, filename, name);
  return loaderror(L, filename);
}

static int searcher_Croot(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *p = strchr(name, '.');
  if (p == NULL) return 0;
  lu_pushlstring(L, name, (size_t)(p - name));
  const char *filename = findfile(L, lu_tostring(L, -1), "cpath", "/");
  if (filename == NULL) return 1;
  if (loadfunc(L, filename, name) == ERRFUNC) {
    lu_pushfstring(L, "no module '%s' in file '%s'", name, filename);
    return 1;
  }
  return loaderror(L, filename);
}

static int ll_loadlib(lu_State *L) {
  const char *path = lu_checkstring(L, 1);
  const char *init = lu_checkstring(L, 2);
  int stat = lookforfunc(L, path, init);
  if (stat == 0) return 1;
  lu_pushnil(L);
  lu_insert(L, -2);
  lu_pushstring(L, stat == ERRLIB ? "open" : stat == ERRFUNC ? "init" : "absent");
  return 3;
}

/* a table require stored in package.loaded: copying it into a message
 * gives the receiver its own instance of the module (copy.c) */
static int ll_markmodule(lu_State *L) {
  const Value *v = lu_index2value(L, 1);
  if (val_istable(v)) val_table(v)->marked |= GC_MODULE;
  return 0;
}

static int ll_require(lu_State *L) {
  lu_checkstring(L, 1);
  lu_settop(L, 1);
  lu_pushvalue(L, lu_upvalueindex(1));   /* package */
  lu_pushcfunction(L, ll_markmodule);
  Value v;
  val_settable(&v, proc_loaded(L->P));   /* the registry's _LOADED */
  lu_pushv(L, &v);
  return lib_calllualib(L, "require");
}

/* path from the environment: LUA_PATH_5_4, else LUA_PATH, else the
 * default; ";;" in it stands for the default */
static void setpath(lu_State *L, const char *field, const char *env54, const char *env,
                    const char *dft, int noenv) {
  const char *path = noenv ? NULL : getenv(env54);
  if (path == NULL && !noenv) path = getenv(env);
  if (path == NULL) lu_pushstring(L, dft);
  else {
    const char *dftmark = strstr(path, ";;");
    if (dftmark == NULL) lu_pushstring(L, path);
    else {
      size_t len = strlen(path);
      lu_Buffer b;
      lu_buffinit(L, &b);
      if (path < dftmark) { lu_addlstring(&b, path, (size_t)(dftmark - path)); lu_addchar(&b, ';'); }
      lu_addstring(&b, dft);
      if (dftmark < path + len - 2) { lu_addchar(&b, ';'); lu_addlstring(&b, dftmark + 2, (size_t)((path + len - 2) - dftmark)); }
      lu_pushresult(&b);
    }
  }
  lu_rawsetfield(L, -2, field);
}

static const lu_Reg pk_funcs[] = {
  {"loadlib", ll_loadlib},
  {"searchpath", ll_searchpath},
  {NULL, NULL}
};

int lu_open_package(lu_State *L) {
  lu_newlib(L, pk_funcs);
  int pkg = lu_gettop(L);
  /* searchers, each with package as upvalue */
  lu_createtable(L, 4, 0);
  lu_CFunction searchers[] = { searcher_preload, searcher_Lua, searcher_C, searcher_Croot };
  for (int j = 0; j < 4; j++) {
    lu_pushvalue(L, pkg);
    lu_pushcclosure(L, searchers[j], 1);
    lu_rawseti(L, -2, j + 1);
  }
  lu_rawsetfield(L, pkg, "searchers");
  int noenv = L->P->vm->host != NULL && ((int *)L->P->vm->host)[0];   /* lurel -E */
  setpath(L, "path", "LUA_PATH_5_4", "LUA_PATH", LUA_PATH_DEFAULT, noenv);
  setpath(L, "cpath", "LUA_CPATH_5_4", "LUA_CPATH", LUA_CPATH_DEFAULT, noenv);
  VM *vm = L->P->vm;
  if (vm->dftpaths == NULL) {
    /* remembered, to tell whether a process changed them (spawn) */
    size_t n1, n2;
    lu_rawgetfield(L, pkg, "path");
    const char *p1 = lu_tolstring(L, -1, &n1);
    lu_rawgetfield(L, pkg, "cpath");
    const char *p2 = lu_tolstring(L, -1, &n2);
    char *d = malloc(n1 + n2 + 2);
    if (d) {
      memcpy(d, p1, n1 + 1);
      memcpy(d + n1 + 1, p2, n2 + 1);
      vm->dftpaths = d;
    }
    lu_pop(L, 2);
  }
  if (L->P->ex && L->P->ex->pkgpaths) {
    /* inherited from the spawning process */
    const char *p1 = L->P->ex->pkgpaths;
    lu_pushstring(L, p1);
    lu_rawsetfield(L, pkg, "path");
    lu_pushstring(L, p1 + strlen(p1) + 1);
    lu_rawsetfield(L, pkg, "cpath");
  }
  lu_pushstring(L, "/\n;\n?\n!\n-\n");
  lu_rawsetfield(L, pkg, "config");
  /* package.loaded is the process's loaded table */
  Value v;
  val_settable(&v, proc_loaded(L->P));
  lu_pushv(L, &v);
  lu_rawsetfield(L, pkg, "loaded");
  lu_newtable(L);
  lu_pushvalue(L, -1);
  lu_rawsetfield(L, LU_REGISTRYINDEX, "_PRELOAD");
  lu_rawsetfield(L, pkg, "preload");
  /* require has package as upvalue; the global is made from it on first
   * use (lazy.c), found here in the package table under a hidden key */
  lu_pushvalue(L, pkg);
  lu_pushcclosure(L, ll_require, 1);
  lu_rawsetfield(L, LU_REGISTRYINDEX, "_LUREL_REQUIRE");
  return 1;
}
