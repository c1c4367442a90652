/*
 * lib_strpack.c — string.pack, string.packsize, string.unpack (manual
 * §6.4.2) and string.dump.
 *
 * A format is read one item at a time (fmt_item): an item has a kind, a
 * size in bytes and the padding that aligns it at the current offset.  The
 * three functions share that reader, so the format errors are the same in
 * all of them and come in the same order as lua5.4's:
 *   - errors in the format itself ("invalid format option 'y'", "integral
 *     size (17) out of limits [1,16]", "missing size for format option 'c'")
 *     are plain errors;
 *   - alignment errors and "invalid next option for option 'X'" blame
 *     argument 1;
 *   - errors about the data blame the argument they are about.
 * The format is read as a C string (it ends at its first zero byte), as
 * lua5.4 reads it.
 *
 * string.dump writes the function's prototype in Lurel's bytecode format
 * (lbc.h), which load accepts back; functions written in C, and the
 * library functions Lurel writes in Lua (they stand in for lua5.4's C
 * functions and show as "[C]"), cannot be dumped.
 */
#include <limits.h>
#include <string.h>
#include "api.h"
#include "debug.h"
#include "lib.h"
#include "lbc.h"
#include "str.h"
#include "vm.h"

/* Integers in formats: i/I/s/! sizes are 1..FMT_MAXINT bytes. */
#define FMT_MAXINT   16
/* Bytes of a Lua integer. */
#define FMT_LUAINT   ((int)sizeof(lu_Int))
/* Numbers in formats stop growing past this value (the rest of the digits
 * are read as the next options), so they always fit an int. */
#define FMT_NUMSTOP  ((INT_MAX - 9) / 10)
/* Alignment given by '!' without a number: that of the widest native type. */
#define FMT_NATIVEALIGN  8
/* packsize: the largest total size (as lua5.4: fits an int). */
#define FMT_MAXTOTAL ((size_t)INT_MAX)

/* Charge reductions for work proportional to n bytes. */
static inline void charge(lu_State *L, size_t n) {
  if (n >= 256) lu_charge(L, n / 64);
}

static int host_little(void) {
  const uint16_t one = 1;
  return *(const unsigned char *)&one == 1;
}

/* ---------------------------------------------------------------- formats */

typedef enum {
  K_INT,      /* b h l j i[n]: signed integer */
  K_UINT,     /* B H L J T I[n]: unsigned integer */
  K_FLOAT,    /* f */
  K_DOUBLE,   /* d n */
  K_FIXED,    /* c[n]: string of exactly n bytes */
  K_LSTR,     /* s[n]: length (n bytes) then the string */
  K_ZSTR,     /* z: the string then a zero */
  K_PAD,      /* x: one zero byte */
  K_ALIGN,    /* X[op]: padding up to the alignment of op */
  K_NONE      /* ' ' < > = ![n]: no data */
} Kind;

typedef struct Fmt {
  lu_State *L;
  const char *s;      /* next character of the format */
  int little;         /* byte order of what follows */
  int maxalign;       /* largest alignment applied */
} Fmt;

typedef struct Item {
  Kind kind;
  int size;           /* bytes of the item (of the length for K_LSTR) */
  int pad;            /* zero bytes before it */
} Item;

static void fmt_init(Fmt *f, lu_State *L, const char *s) {
  f->L = L;
  f->s = s;
  f->little = host_little();
  f->maxalign = 1;
}

static int isdigitc(char c) { return c >= '0' && c <= '9'; }

/* An optional decimal number; dflt when there is none. */
static int fmt_number(Fmt *f, int dflt) {
  if (!isdigitc(*f->s)) return dflt;
  int n = 0;
  do {
    n = n * 10 + (*f->s++ - '0');
  } while (isdigitc(*f->s) && n <= FMT_NUMSTOP);
  return n;
}

/* An optional size of an integer, 1..FMT_MAXINT. */
static int fmt_intsize(Fmt *f, int dflt) {
  int n = fmt_number(f, dflt);
  if (n < 1 || n > FMT_MAXINT)
    lu_errorf(f->L, "integral size (%d) out of limits [1,%d]", n, FMT_MAXINT);
  return n;
}

/* Read one option: its kind and size (0 for those without data). */
static Kind fmt_option(Fmt *f, int *size) {
  char c = *f->s++;
  *size = 0;
  switch (c) {
    case 'b': *size = 1; return K_INT;
    case 'B': *size = 1; return K_UINT;
    case 'h': *size = (int)sizeof(short); return K_INT;
    case 'H': *size = (int)sizeof(short); return K_UINT;
    case 'l': *size = (int)sizeof(long); return K_INT;
    case 'L': *size = (int)sizeof(long); return K_UINT;
    case 'j': *size = FMT_LUAINT; return K_INT;
    case 'J': *size = FMT_LUAINT; return K_UINT;
    case 'T': *size = (int)sizeof(size_t); return K_UINT;
    case 'i': *size = fmt_intsize(f, (int)sizeof(int)); return K_INT;
    case 'I': *size = fmt_intsize(f, (int)sizeof(int)); return K_UINT;
    case 'f': *size = (int)sizeof(float); return K_FLOAT;
    case 'd': *size = (int)sizeof(double); return K_DOUBLE;
    case 'n': *size = (int)sizeof(lu_Num); return K_DOUBLE;
    case 's': *size = fmt_intsize(f, (int)sizeof(size_t)); return K_LSTR;
    case 'c':
      *size = fmt_number(f, -1);
      if (*size < 0) lu_errorf(f->L, "missing size for format option 'c'");
      return K_FIXED;
    case 'z': return K_ZSTR;
    case 'x': *size = 1; return K_PAD;
    case 'X': return K_ALIGN;
    case ' ': return K_NONE;
    case '<': f->little = 1; return K_NONE;
    case '>': f->little = 0; return K_NONE;
    case '=': f->little = host_little(); return K_NONE;
    case '!': f->maxalign = fmt_intsize(f, FMT_NATIVEALIGN); return K_NONE;
    default:
      lu_errorf(f->L, "invalid format option '%c'", c);
  }
  return K_NONE;
}

/* Read the next item, to be placed at 'offset' (from the start of the
 * packed string). */
static void fmt_item(Fmt *f, size_t offset, Item *it) {
  int align;
  it->kind = fmt_option(f, &it->size);
  align = it->size;
  if (it->kind == K_ALIGN) {
    /* aligned as the next option, which is read and otherwise ignored */
    if (*f->s == '\0' || fmt_option(f, &align) == K_FIXED || align == 0)
      lu_argerror(f->L, 1, "invalid next option for option 'X'");
  }
  it->pad = 0;
  if (align > 1 && it->kind != K_FIXED) {
    if (align > f->maxalign) align = f->maxalign;
    if ((align & (align - 1)) != 0)
      lu_argerror(f->L, 1, "format asks for alignment not power of 2");
    it->pad = (int)((size_t)align - (offset & (size_t)(align - 1))) & (align - 1);
  }
}

/* ---------------------------------------------------------------- packing */

/* Write the 'size' bytes of v in the given order; past the 8 bytes of v
 * the bytes extend its sign (neg) or are zero. */
static void put_int(lu_Buffer *b, lu_Unsigned v, int little, int size, int neg) {
  unsigned char *d = (unsigned char *)lu_prepbuffsize(b, (size_t)size);
  for (int j = 0; j < size; j++) {
    unsigned char byte = j < FMT_LUAINT ? (unsigned char)(v >> (8 * j)) : (neg ? 0xff : 0);
    d[little ? j : size - 1 - j] = byte;
  }
  lu_addsize(b, (size_t)size);
}

/* Copy n bytes of a host number in the given order. */
static void copy_ordered(unsigned char *dst, const unsigned char *src, int n, int little) {
  if (little == host_little()) memcpy(dst, src, (size_t)n);
  else for (int j = 0; j < n; j++) dst[j] = src[n - 1 - j];
}

static void put_zeros(lu_Buffer *b, size_t n) {
  if (n == 0) return;
  char *d = lu_prepbuffsize(b, n);
  memset(d, 0, n);
  lu_addsize(b, n);
}

int lib_str_pack(lu_State *L) {
  Fmt f;
  const char *fmt = lu_checkstring(L, 1);
  fmt_init(&f, L, fmt);
  int arg = 1;
  /* the argument after the last one reads as nil (none further is read:
   * a nil fails every check), as in lua5.4 */
  lu_pushnil(L);
  lu_Buffer b;
  lu_buffinit(L, &b);
  while (*f.s != '\0') {
    Item it;
    fmt_item(&f, lu_bufflen(&b), &it);
    put_zeros(&b, (size_t)it.pad);
    switch (it.kind) {
      case K_INT: {
        lu_Int n = lu_checkinteger(L, ++arg);
        if (it.size < FMT_LUAINT) {
          lu_Int lim = (lu_Int)1 << (it.size * 8 - 1);
          lu_argcheck(L, n >= -lim && n < lim, arg, "integer overflow");
        }
        put_int(&b, (lu_Unsigned)n, f.little, it.size, n < 0);
        break;
      }
      case K_UINT: {
        lu_Int n = lu_checkinteger(L, ++arg);
        if (it.size < FMT_LUAINT)
          lu_argcheck(L, (lu_Unsigned)n < ((lu_Unsigned)1 << (it.size * 8)), arg,
                      "unsigned overflow");
        put_int(&b, (lu_Unsigned)n, f.little, it.size, 0);
        break;
      }
      case K_FLOAT: {
        float x = (float)lu_checknumber(L, ++arg);
        unsigned char *d = (unsigned char *)lu_prepbuffsize(&b, sizeof x);
        copy_ordered(d, (const unsigned char *)&x, (int)sizeof x, f.little);
        lu_addsize(&b, sizeof x);
        break;
      }
      case K_DOUBLE: {
        double x = (double)lu_checknumber(L, ++arg);
        unsigned char *d = (unsigned char *)lu_prepbuffsize(&b, sizeof x);
        copy_ordered(d, (const unsigned char *)&x, (int)sizeof x, f.little);
        lu_addsize(&b, sizeof x);
        break;
      }
      case K_FIXED: {
        size_t len;
        const char *s = lu_checklstring(L, ++arg, &len);
        lu_argcheck(L, len <= (size_t)it.size, arg, "string longer than given size");
        charge(L, (size_t)it.size);
        lu_addlstring(&b, s, len);
        put_zeros(&b, (size_t)it.size - len);
        break;
      }
      case K_LSTR: {
        size_t len;
        const char *s = lu_checklstring(L, ++arg, &len);
        lu_argcheck(L, it.size >= (int)sizeof(size_t) || len < ((size_t)1 << (it.size * 8)),
                    arg, "string length does not fit in given size");
        charge(L, len);
        put_int(&b, (lu_Unsigned)len, f.little, it.size, 0);
        lu_addlstring(&b, s, len);
        break;
      }
      case K_ZSTR: {
        size_t len;
        const char *s = lu_checklstring(L, ++arg, &len);
        lu_argcheck(L, memchr(s, '\0', len) == NULL, arg, "string contains zeros");
        charge(L, len);
        lu_addlstring(&b, s, len);
        put_zeros(&b, 1);
        break;
      }
      case K_PAD:
        put_zeros(&b, 1);
        break;
      case K_ALIGN:
      case K_NONE:
        break;
    }
  }
  charge(L, (size_t)(f.s - fmt));
  lu_pushresult(&b);
  return 1;
}

int lib_str_packsize(lu_State *L) {
  Fmt f;
  fmt_init(&f, L, lu_checkstring(L, 1));
  size_t total = 0;
  while (*f.s != '\0') {
    Item it;
    fmt_item(&f, total, &it);
    lu_argcheck(L, it.kind != K_LSTR && it.kind != K_ZSTR, 1, "variable-length format");
    size_t n = (size_t)it.pad + (size_t)it.size;
    lu_argcheck(L, n <= FMT_MAXTOTAL && total <= FMT_MAXTOTAL - n, 1, "format result too large");
    total += n;
  }
  lu_pushinteger(L, (lu_Int)total);
  return 1;
}

/* -------------------------------------------------------------- unpacking */

/* Read a 'size'-byte integer; one wider than a Lua integer must be the
 * sign (or zero) extension of its low 8 bytes. */
static lu_Int get_int(lu_State *L, const char *p, int little, int size, int issigned) {
  const unsigned char *u = (const unsigned char *)p;
#define BYTE_AT(j) (u[little ? (j) : size - 1 - (j)])
  int low = size < FMT_LUAINT ? size : FMT_LUAINT;
  lu_Unsigned v = 0;
  for (int j = low - 1; j >= 0; j--) v = (v << 8) | BYTE_AT(j);
  if (size < FMT_LUAINT) {
    if (issigned) {
      lu_Unsigned sign = (lu_Unsigned)1 << (size * 8 - 1);
      v = (v ^ sign) - sign;
    }
  } else if (size > FMT_LUAINT) {
    unsigned ext = (issigned && (lu_Int)v < 0) ? 0xff : 0;
    for (int j = FMT_LUAINT; j < size; j++)
      if (BYTE_AT(j) != ext)
        lu_errorf(L, "%d-byte integer does not fit into Lua Integer", size);
  }
#undef BYTE_AT
  return (lu_Int)v;
}

int lib_str_unpack(lu_State *L) {
  Fmt f;
  const char *fmt = lu_checkstring(L, 1);
  size_t ld;
  const char *data = lu_checklstring(L, 2, &ld);
  lu_Int init = lu_optinteger(L, 3, 1);
  size_t pos;                            /* 0-based */
  if (init > 0) pos = (size_t)init - 1;
  else if (init == 0 || init < -(lu_Int)ld) pos = 0;
  else pos = ld - (size_t)(-init);
  lu_argcheck(L, pos <= ld, 3, "initial position out of string");
  fmt_init(&f, L, fmt);
  int n = 0;
  while (*f.s != '\0') {
    Item it;
    fmt_item(&f, pos, &it);
    lu_argcheck(L, (size_t)it.pad + (size_t)it.size <= ld - pos, 2, "data string too short");
    pos += (size_t)it.pad;
    lu_checkstack(L, 2, "too many results");   /* a result and the position */
    switch (it.kind) {
      case K_INT:
      case K_UINT:
        lu_pushinteger(L, get_int(L, data + pos, f.little, it.size, it.kind == K_INT));
        n++;
        break;
      case K_FLOAT: {
        float x;
        copy_ordered((unsigned char *)&x, (const unsigned char *)data + pos, (int)sizeof x, f.little);
        lu_pushnumber(L, (lu_Num)x);
        n++;
        break;
      }
      case K_DOUBLE: {
        double x;
        copy_ordered((unsigned char *)&x, (const unsigned char *)data + pos, (int)sizeof x, f.little);
        lu_pushnumber(L, (lu_Num)x);
        n++;
        break;
      }
      case K_FIXED:
        charge(L, (size_t)it.size);
        lu_pushlstring(L, data + pos, (size_t)it.size);
        n++;
        break;
      case K_LSTR: {
        size_t len = (size_t)get_int(L, data + pos, f.little, it.size, 0);
        lu_argcheck(L, len <= ld - pos - (size_t)it.size, 2, "data string too short");
        charge(L, len);
        lu_pushlstring(L, data + pos + it.size, len);
        pos += len;
        n++;
        break;
      }
      case K_ZSTR: {
        const char *z = memchr(data + pos, '\0', ld - pos);
        lu_argcheck(L, z != NULL, 2, "unfinished string for format 'z'");
        size_t len = (size_t)(z - (data + pos));
        charge(L, len);
        lu_pushlstring(L, data + pos, len);
        pos += len + 1;
        n++;
        break;
      }
      case K_PAD:
      case K_ALIGN:
      case K_NONE:
        break;
    }
    pos += (size_t)it.size;
  }
  charge(L, (size_t)(f.s - fmt));
  lu_pushinteger(L, (lu_Int)pos + 1);
  return n + 1;
}

/* ------------------------------------------------------------------- dump */

static int dump_writer(const void *p, size_t sz, void *ud) {
  lu_addlstring((lu_Buffer *)ud, (const char *)p, sz);
  return 0;
}

int lib_str_dump(lu_State *L) {
  int strip = lu_toboolean(L, 2);
  lu_checktype(L, 1, LU_TFUNCTION);
  lu_settop(L, 1);
  const Value *fv = lu_index2value(L, 1);
  if (!val_islcl(fv) || dbg_ishidden(val_lcl(fv)->p))
    lu_errorf(L, "unable to dump given function");
  const Proto *p = val_lcl(fv)->p;
  charge(L, (size_t)p->memsize);
  lu_Buffer b;
  lu_buffinit(L, &b);
  if (lbc_dump(p, dump_writer, &b, strip) != 0)
    lu_errorf(L, "unable to dump given function");
  lu_pushresult(&b);
  return 1;
}
