/* lib_table.c — placeholder until the table library lands. */
#include "lib.h"

int lu_open_table(lu_State *L) {
  lu_newtable(L);
  return 1;
}
