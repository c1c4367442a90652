/* lib_string.c — placeholder until the string library lands. */
#include "lib.h"

int lu_open_string(lu_State *L) {
  lu_newtable(L);
  return 1;
}
