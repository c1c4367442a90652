/* lib_package.c — package and require (manual §6.3).
 *
 * require itself is written in Lua (stdlib/lualib/package.lua) because it
 * calls the searchers and the loader, which may be Lua functions; the C
 * parts are the searchers, searchpath and the paths.  C modules are not
 * supported: the C searchers find files like lua5.4 but refuse to load
 * them with lua5.4's message for a missing dynamic loader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
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

/* Search name in path; pushes the file name, or the error list (returns NULL). */
static const char *searchpath(lu_State *L, const char *name, const char *path,
                              const char *sep, const char *dirsep) {
  lu_Buffer msg;
  if (*sep != '\0' && strchr(name, *sep) != NULL) name = gsub_plain(L, name, sep, dirsep);
  lu_buffinit(L, &msg);
  /* the buffer box (if any) sits on the stack: keep a copy of the path pieces apart */
  const char *p = path;
  int first = 1;
  while (*p != '\0') {
    while (*p == ';') p++;
    if (*p == '\0') break;
    const char *e = strchr(p, ';');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    lu_pushlstring(L, p, l);
    const char *templ = lu_tostring(L, -1);
    const char *filename = gsub_plain(L, templ, "?", name);
    lu_remove(L, -2);
    if (readable(filename)) {
      /* drop the message buffer */
      return filename;
    }
    lu_pushfstring(L, "%sno file '%s'", first ? "\n\t" : "\n\t", filename);
    lu_remove(L, -2);
    lu_addvalue(&msg);
    first = 0;
    p += l;
  }
  lu_pushresult(&msg);
  return NULL;
}

static int ll_searchpath(lu_State *L) {
  const char *f = searchpath(L, lu_checkstring(L, 1), lu_checkstring(L, 2),
                             lu_optstring(L, 3, "."), lu_optstring(L, 4, "/"));
  if (f != NULL) return 1;
  /* error list: lua5.4 starts it without the first "\n\t" */
  size_t l;
  const char *m = lu_tolstring(L, -1, &l);
  lu_pushnil(L);
  lu_pushlstring(L, l >= 2 ? m + 2 : m, l >= 2 ? l - 2 : l);
  return 2;
}

static const char *findfile(lu_State *L, const char *name, const char *pname, const char *dirsep) {
  lu_rawgetfield(L, lu_upvalueindex(1), pname);
  const char *path = lu_tostring(L, -1);
  if (path == NULL) lu_errorf(L, "'package.%s' must be a string", pname);
  return searchpath(L, name, path, ".", dirsep);
}

static int searcher_preload(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  lu_rawgetfield(L, lu_upvalueindex(1), "preload");
  if (!lu_istable(L, -1)) return lu_errorf(L, "'package.preload' must be a table");
  if (lu_rawgetfield(L, -1, name) == LU_TNIL) {
    lu_pushfstring(L, "\n\tno field package.preload['%s']", name);
    return 1;
  }
  lu_pushstring(L, ":preload:");
  return 2;
}

static int searcher_Lua(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *filename = findfile(L, name, "path", "/");
  if (filename == NULL) return 1;   /* the error list */
  int r = lib_loadfile(L, filename, "bt", 0);
  if (r == 1) {
    lu_pushstring(L, filename);
    return 2;
  }
  return lu_errorf(L, "error loading module '%s' from file '%s':\n\t%s",
                   lu_tostring(L, 1), filename, lu_tostring(L, -1));
}

static int searcher_C(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *filename = findfile(L, name, "cpath", "/");
  if (filename == NULL) return 1;
  return lu_errorf(L, "error loading module '%s' from file '%s':\n\t%s", name, filename, DLMSG);
}

static int searcher_Croot(lu_State *L) {
  const char *name = lu_checkstring(L, 1);
  const char *p = strchr(name, '.');
  if (p == NULL) return 0;
  lu_pushlstring(L, name, (size_t)(p - name));
  const char *filename = findfile(L, lu_tostring(L, -1), "cpath", "/");
  if (filename == NULL) return 1;
  return lu_errorf(L, "error loading module '%s' from file '%s':\n\t%s", name, filename, DLMSG);
}

static int ll_loadlib(lu_State *L) {
  lu_checkstring(L, 1);
  lu_checkstring(L, 2);
  lu_pushnil(L);
  lu_pushstring(L, DLMSG);
  lu_pushstring(L, "absent");
  return 3;
}

static int ll_require(lu_State *L) {
  lu_checkstring(L, 1);
  lu_settop(L, 1);
  lu_pushvalue(L, lu_upvalueindex(1));   /* package */
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
  lu_pushstring(L, "/\n;\n?\n!\n-\n");
  lu_rawsetfield(L, pkg, "config");
  /* package.loaded is the process's loaded table */
  Value v;
  val_settable(&v, proc_loaded(L->P));
  lu_pushv(L, &v);
  lu_rawsetfield(L, pkg, "loaded");
  lu_newtable(L);
  lu_rawsetfield(L, pkg, "preload");
  /* require has package as upvalue; the global is made from it on first
   * use (lazy.c), found here in the package table under a hidden key */
  lu_pushvalue(L, pkg);
  lu_pushcclosure(L, ll_require, 1);
  lu_rawsetfield(L, LU_REGISTRYINDEX, "_LUREL_REQUIRE");
  return 1;
}
