/* stub_stdlib.c — the stage-1 lurel (used at build time to compile stdlib/
 * to bytecode) has no embedded Lua libraries yet. */
#include <stddef.h>
#include "../vm/lib.h"
const char *const lurel_lualib = NULL;
const size_t lurel_lualib_len = 0;
const LuaLibEmbed lurel_lualibs[] = { { NULL, NULL, 0 } };
const LuaLibEmbed lurel_prims[] = { { NULL, NULL, 0 } };
