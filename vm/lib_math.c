/* lib_math.c — placeholder until the math library lands. */
#include "lib.h"

int lu_open_math(lu_State *L) {
  lu_newtable(L);
  return 1;
}
