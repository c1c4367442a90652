/*
 * copy.c — deep copy of values into message fragments, and adoption.
 *
 * The sender copies a value once, into objects that belong to no heap (the
 * fragment).  Cycles and shared sub-values keep their shape (an identity
 * map from source to copy), metatables travel with their tables, closures
 * carry copies of their upvalues (shared upvalues stay shared), long
 * strings share their immutable blob.  References to the sender's globals,
 * package.loaded, registry and library instances become fix-ups that the
 * receiver resolves to its own when it adopts the fragment.  Nothing
 * recurses on the C stack: pending objects wait on an explicit work list.
 */
#include <stdlib.h>
#include <string.h>
#include "proc.h"
#include "api.h"
#include "do.h"
#include "gc.h"
#include "func.h"
#include "lazy.h"
#include "str.h"
#include "table.h"
#include "tm.h"
#include "bigint.h"

typedef struct { GCObj *src, *dst; } Pair;

#define SMALLMAP 32       /* identity map and work list start on the C stack */
#define MAP0      8       /* the map's first size, within smallmap: a spawn or a
                             message copies a few objects, and clearing 8 slots
                             costs a quarter of clearing 32 */

typedef struct Copy {
  lu_State *L;
  Proc *P;
  Fragment *F;
  Pair *map;              /* open addressing on src */
  size_t mapsize, mapn;
  Pair *work;
  size_t nwork, capwork;
  const char *err;
  size_t nobjs;
  Pair smallmap[SMALLMAP];
  Pair smallwork[SMALLMAP];
} Copy;

static void *fragalloc(Copy *C, size_t sz) {
  void *p = mem_takeblock(C->P, sz);      /* the receiver's free lists take it back */
  if (p == NULL) { C->err = "not enough memory"; return NULL; }
  C->F->bytes += sz;
  return p;
}

static GCObj *fragobj(Copy *C, int tt, size_t sz) {
  GCObj *o = fragalloc(C, sz);
  if (o == NULL) return NULL;
  o->tt = (uint8_t)tt;
  o->marked = 0;
  o->next = NULL;
  if (C->F->tail) C->F->tail->next = o; else C->F->objs = o;
  C->F->tail = o;
  C->nobjs++;
  return o;
}

static inline size_t hptr(const void *p, size_t mask) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x = (x >> 4) * 0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 20) & mask;
}

static GCObj *mapget(Copy *C, const GCObj *src) {
  if (C->mapn == 0) return NULL;          /* nothing copied yet (map not cleared) */
  size_t i = hptr(src, C->mapsize - 1);
  while (C->map[i].src) {
    if (C->map[i].src == src) return C->map[i].dst;
    i = (i + 1) & (C->mapsize - 1);
  }
  return NULL;
}

static void mapput(Copy *C, GCObj *src, GCObj *dst) {
  if (C->mapn == 0 && C->map == C->smallmap)
    memset(C->smallmap, 0, C->mapsize * sizeof(Pair));   /* cleared on first use */
  if ((C->mapn + 1) * 2 > C->mapsize) {
    size_t ns = C->mapsize * 2;
    Pair old[SMALLMAP / 2];
    const Pair *from = C->map;
    Pair *nm;
    if (ns <= SMALLMAP) {                 /* grows within smallmap */
      memcpy(old, C->map, C->mapsize * sizeof(Pair));
      from = old;
      nm = C->smallmap;
      memset(nm, 0, ns * sizeof(Pair));
    } else if ((nm = calloc(ns, sizeof(Pair))) == NULL) {
      C->err = "not enough memory";
      return;
    }
    for (size_t j = 0; j < C->mapsize; j++) {
      if (from[j].src) {
        size_t i = hptr(from[j].src, ns - 1);
        while (nm[i].src) i = (i + 1) & (ns - 1);
        nm[i] = from[j];
      }
    }
    if (C->map != C->smallmap) free(C->map);
    C->map = nm;
    C->mapsize = ns;
  }
  size_t i = hptr(src, C->mapsize - 1);
  while (C->map[i].src) i = (i + 1) & (C->mapsize - 1);
  C->map[i].src = src;
  C->map[i].dst = dst;
  C->mapn++;
}

static void pushwork(Copy *C, GCObj *src, GCObj *dst) {
  if (C->nwork == C->capwork) {
    size_t nc = C->capwork * 2;
    Pair *nw;
    if (C->work == C->smallwork) {
      nw = malloc(nc * sizeof(Pair));
      if (nw) memcpy(nw, C->work, C->nwork * sizeof(Pair));
    } else nw = realloc(C->work, nc * sizeof(Pair));
    if (!nw) { C->err = "not enough memory"; return; }
    C->work = nw;
    C->capwork = nc;
  }
  C->work[C->nwork].src = src;
  C->work[C->nwork].dst = dst;
  C->nwork++;
}

static void addfix(Copy *C, Value *slot, int lib) {
  Fragment *F = C->F;
  if (F->nfix == F->capfix || F->nfix == -F->capfix) {
    /* a negative capfix: F->fix is the caller's buffer (spawn), not ours */
    int cap = F->capfix < 0 ? -F->capfix : F->capfix;
    int nc = cap ? cap * 2 : 4;
    Fixup *nf;
    if (F->capfix < 0) {
      nf = malloc((size_t)nc * sizeof(Fixup));
      if (nf) memcpy(nf, F->fix, (size_t)F->nfix * sizeof(Fixup));
    } else nf = realloc(F->fix, (size_t)nc * sizeof(Fixup));
    if (!nf) { C->err = "not enough memory"; return; }
    F->fix = nf;
    F->capfix = nc;
  }
  F->fix[F->nfix].slot = slot;
  F->fix[F->nfix].lib = (int16_t)lib;
  F->fix[F->nfix].name = NULL;
  F->nfix++;
}

/* the sender's tables that the receiver has its own of */
/* Is t one of the tables the receiver has its own of: globals (-1),
 * package.loaded (-2), the registry (-3), a library instance (its index)?
 * -100 if not.  Those are made by tab_new: a table with an inline array (a
 * constructor's) is none of them. */
static inline int ownidentity(Proc *P, const Table *t) {
  if (t->marked & GC_INLARR) return -100;
  if (t == P->globals) return -1;
  if (proc_loadedp(P) && t == proc_loadedp(P)) return -2;
  if (P->ex && val_istable(&P->ex->registry) && t == val_table(&P->ex->registry)) return -3;
  int i = lazy_whichlib(P, t);
  return i >= 0 ? i : -100;
}

static int identity(Copy *C, const GCObj *o, const String **modname) {
  Proc *P = C->P;
  if (o->tt != T_TABLE) return -100;
  const Table *t = (const Table *)o;
  int i = ownidentity(P, t);
  if (i != -100) return i;
  if ((t->marked & GC_MODULE) && proc_loadedp(P)) {
    /* a module require loaded: its name, if it is still package.loaded's */
    Value kv[2];
    val_setnil(&kv[0]);
    while (tab_next(C->L, proc_loadedp(P), kv)) {
      if (val_isstr(&kv[0]) && val_istable(&kv[1]) && val_table(&kv[1]) == t) {
        *modname = val_str(&kv[0]);
        return -4;
      }
    }
  }
  return -100;
}

static Table *newtable_shell(Copy *C, const Table *src) {
  Table *t = (Table *)fragobj(C, T_TABLE, sizeof(Table));
  if (!t) return NULL;
  t->marked |= (uint8_t)(src->marked & GC_ANY);   /* process.any patterns stay patterns */
  t->flags = 0;
  t->lsizenode = 0;
  t->asize = 0;
  t->alimit = 0;
  t->array = NULL;
  t->node = (Node *)&tab_dummy_node_;
  t->lastfree = NULL;
  t->metatable = NULL;
  t->gclist = NULL;
  /* same shape as the source, so that inserting never rehashes */
  if (src->asize > 0) {
    t->array = fragalloc(C, src->asize * sizeof(Value));
    if (!t->array) return NULL;
    t->asize = t->alimit = src->asize;
    for (uint32_t j = 0; j < t->asize; j++) val_setnil(&t->array[j]);
  }
  if (!tab_isdummy(src)) {
    uint32_t n = tab_sizenode(src);
    t->node = fragalloc(C, n * sizeof(Node));
    if (!t->node) { t->node = (Node *)&tab_dummy_node_; return NULL; }
    for (uint32_t j = 0; j < n; j++) {
      t->node[j].next = 0;
      t->node[j].ktt = T_NIL;
      t->node[j].tt = T_NIL;
    }
    t->lsizenode = src->lsizenode;
    t->lastfree = t->node + n;
  }
  return t;
}

/* copy one value into *dst (a slot in fragment memory); objects get a
 * shell now and their contents later from the work list */
static void copyvalue(Copy *C, const Value *src, Value *dst) {
  if (!val_iscollectable(src)) {
    if (val_isthread(src)) { C->err = "cannot send a coroutine"; return; }
    val_copy(dst, src);
    return;
  }
  GCObj *o = val_gc(src);
  if (o->marked & GC_SHARED) { val_copy(dst, src); return; }
  GCObj *done = mapget(C, o);
  if (done) { val_setgc(dst, done, src->tt); return; }
  const String *modname = NULL;
  int id = identity(C, o, &modname);
  if (id != -100) {
    val_setnil(dst);
    addfix(C, dst, id);
    if (modname && !C->err) {
      char *nm = malloc(str_len(modname) + 1);
      if (nm == NULL) { C->err = "not enough memory"; return; }
      memcpy(nm, str_data(modname), str_len(modname) + 1);
      C->F->fix[C->F->nfix - 1].name = nm;
    }
    return;
  }
  GCObj *n = NULL;
  switch (src->tt) {
    case T_STR: {
      String *s = (String *)o;
      if (s->islong) {
        String *ns = (String *)fragobj(C, T_STR, sizeof(String));
        if (!ns) return;
        ns->islong = 1;
        ns->hashed = s->hashed;
        ns->hash = s->hash;
        ns->len = s->len;
        ns->u.blob = s->u.blob;
        s->u.blob->refcount++;
        C->F->bytes += sizeof(Blob) + s->len + 1;
        n = (GCObj *)ns;
      } else {
        String *ns = (String *)fragobj(C, T_STR, sizeof(String) + s->len + 1);
        if (!ns) return;
        ns->islong = 0;
        ns->hashed = 1;
        ns->hash = s->hash;
        ns->len = s->len;
        ns->u.hnext = NULL;
        memcpy(ns->data, s->data, s->len + 1);
        n = (GCObj *)ns;
      }
      mapput(C, o, n);
      break;
    }
    case T_TABLE: {
      n = (GCObj *)newtable_shell(C, (const Table *)o);
      if (!n) return;
      mapput(C, o, n);
      pushwork(C, o, n);
      break;
    }
    case T_LCL: {
      LClosure *cl = (LClosure *)o;
      LClosure *nc = (LClosure *)fragobj(C, T_LCL, sizeof(LClosure) + cl->nupvalues * sizeof(UpVal *));
      if (!nc) return;
      nc->nupvalues = cl->nupvalues;
      nc->gclist = NULL;
      nc->p = cl->p;
      proto_incref(cl->p);
      for (int j = 0; j < cl->nupvalues; j++) nc->upvals[j] = NULL;
      n = (GCObj *)nc;
      mapput(C, o, n);
      pushwork(C, o, n);
      break;
    }
    case T_CCL: {
      CClosure *cl = (CClosure *)o;
      CClosure *nc = (CClosure *)fragobj(C, T_CCL, sizeof(CClosure) + cl->nupvalues * sizeof(Value));
      if (!nc) return;
      nc->nupvalues = cl->nupvalues;
      nc->gclist = NULL;
      nc->f = cl->f;
      for (int j = 0; j < cl->nupvalues; j++) val_setnil(&nc->upvalue[j]);
      n = (GCObj *)nc;
      mapput(C, o, n);
      pushwork(C, o, n);
      break;
    }
    case T_BIGINT: {
      /* immutable: one copy however often it appears */
      BigInt *nb = (BigInt *)fragobj(C, T_BIGINT, sizeof(BigInt));
      if (!nb) return;
      size_t limbs;
      if (!big_fragcopy(nb, (const BigInt *)o, &limbs)) { C->err = "not enough memory"; return; }
      C->F->bytes += limbs;
      n = (GCObj *)nb;
      mapput(C, o, n);
      break;
    }
    case T_THREAD:
      C->err = "cannot send a coroutine";
      return;
    case T_UDATA: {
      Udata *u = (Udata *)o;
      const char *name = NULL;
      if (u->metatable) {
        const Value *nm = tab_getshortstr(u->metatable, C->P->vm->tmname[TM_NAME]);
        if (val_isstr(nm)) name = str_data(val_str(nm));
      }
      C->err = (name && strcmp(name, "FILE*") == 0) ? "cannot send an open file"
                                                     : "cannot send a userdata value";
      return;
    }
    default:
      C->err = "cannot send this value";
      return;
  }
  val_setgc(dst, n, src->tt);
}

static UpVal *copyupval(Copy *C, UpVal *uv) {
  GCObj *done = mapget(C, (GCObj *)uv);
  if (done) return (UpVal *)done;
  UpVal *nu = (UpVal *)fragobj(C, T_UPVAL, sizeof(UpVal));
  if (!nu) return NULL;
  nu->tbc = 0;
  nu->v = &nu->u.value;
  val_setnil(nu->v);
  mapput(C, (GCObj *)uv, (GCObj *)nu);
  copyvalue(C, uv->v, nu->v);
  return nu;
}

static void fill(Copy *C, GCObj *src, GCObj *dst) {
  switch (src->tt) {
    case T_TABLE: {
      Table *s = (Table *)src, *d = (Table *)dst;
      if (tab_islazy(s)) { C->err = "cannot send a library table"; return; }
      if (s->metatable) {
        Value mv, nv;
        val_settable(&mv, s->metatable);
        copyvalue(C, &mv, &nv);
        if (C->err) return;
        if (!val_istable(&nv)) { C->err = "cannot send a library table as a metatable"; return; }
        d->metatable = val_table(&nv);
      }
      for (uint32_t j = 0; j < s->asize && !C->err; j++) copyvalue(C, &s->array[j], &d->array[j]);
      if (!tab_isdummy(s)) {
        uint32_t sz = tab_sizenode(s);
        /* A value that becomes a fix-up (the receiver's globals or library)
         * cannot keep its node slot's address while more keys go in: an
         * insertion may move the node, or take it over while its value is
         * nil.  Such a value holds a placeholder until every key is in, and
         * its fix-up is made afterwards. */
        Value *defer = NULL;             /* keys whose value is a fix-up */
        int ndefer = 0, capdefer = 0;
        for (uint32_t j = 0; j < sz && !C->err; j++) {
          Node *nd = &s->node[j];
          if (val_isnil(node_val(nd)) || nd->ktt == T_DEADKEY) continue;
          Value k, nk;
          k.v = nd->k;
          k.tt = nd->ktt;
          int before = C->F->nfix;
          copyvalue(C, &k, &nk);
          if (C->err) break;
          if (C->F->nfix != before) { C->err = "cannot send a library table as a table key"; break; }
          Value *slot = tab_fraginsert(d, &nk);
          copyvalue(C, node_val(nd), slot);
          if (C->F->nfix != before) {
            val_setbool(slot, 1);        /* placeholder: the node stays taken */
            if (ndefer == capdefer) {
              capdefer = capdefer ? capdefer * 2 : 8;
              Value *nd2 = realloc(defer, (size_t)capdefer * sizeof(Value));
              if (!nd2) { C->err = "not enough memory"; break; }
              defer = nd2;
            }
            val_copy(&defer[ndefer], &nk);
            ndefer++;
          }
        }
        /* those fix-ups are the last ndefer ones, in order: point them at
         * their slots now that d is complete */
        if (!C->err)
          for (int f = 0; f < ndefer; f++)
            C->F->fix[C->F->nfix - ndefer + f].slot = (Value *)tab_get(d, &defer[f]);
        free(defer);
      }
      break;
    }
    case T_LCL: {
      LClosure *s = (LClosure *)src, *d = (LClosure *)dst;
      for (int j = 0; j < s->nupvalues && !C->err; j++)
        d->upvals[j] = s->upvals[j] ? copyupval(C, s->upvals[j]) : NULL;
      /* a closure needs all its upvalues */
      for (int j = 0; j < s->nupvalues && !C->err; j++)
        if (d->upvals[j] == NULL) {
          UpVal *nu = (UpVal *)fragobj(C, T_UPVAL, sizeof(UpVal));
          if (!nu) return;
          nu->tbc = 0;
          nu->v = &nu->u.value;
          val_setnil(nu->v);
          d->upvals[j] = nu;
        }
      break;
    }
    case T_CCL: {
      CClosure *s = (CClosure *)src, *d = (CClosure *)dst;
      for (int j = 0; j < s->nupvalues && !C->err; j++) copyvalue(C, &s->upvalue[j], &d->upvalue[j]);
      break;
    }
    default: break;
  }
}

static void fragfree(Fragment *F) {
  GCObj *o = F->objs;
  while (o) {
    GCObj *nx = o->next;
    switch (o->tt) {
      case T_STR: {
        String *s = (String *)o;
        if (s->islong && --s->u.blob->refcount == 0) free(s->u.blob);
        break;
      }
      case T_TABLE: {
        Table *t = (Table *)o;
        if (!tab_isdummy(t)) free(t->node);
        if (!tab_inlarray(t)) free(t->array);
        break;
      }
      case T_LCL: {
        LClosure *c = (LClosure *)o;
        if (c->p) proto_decref(c->p);
        break;
      }
      case T_BIGINT: big_fragfree((BigInt *)o); break;
      default: break;
    }
    free(o);
    o = nx;
  }
  for (int j = 0; j < F->nfix; j++) free(F->fix[j].name);
  if (F->capfix > 0) free(F->fix);
  memset(F, 0, sizeof *F);
}

void msg_free(Msg *m) {
  fragfree(&m->frag);
  free(m);
}

static void copy_init(Copy *C, lu_State *L, Msg *m) {
  C->L = L;
  C->P = L->P;
  C->F = &m->frag;
  C->map = C->smallmap;
  C->mapsize = MAP0;
  C->mapn = 0;                            /* smallmap is cleared by the first mapput */
  C->work = C->smallwork;
  C->capwork = SMALLMAP;
  C->nwork = 0;
  C->err = NULL;
  C->nobjs = 0;
}

static void copy_finish(Copy *C) {
  while (!C->err && C->nwork > 0) {
    Pair w = C->work[--C->nwork];
    fill(C, w.src, w.dst);
  }
  if (C->map != C->smallmap) free(C->map);
  if (C->work != C->smallwork) free(C->work);
}

/* The common message {tag, n, pid...}: a table with only an array part,
 * no metatable, every value nil, a number, boolean, pid, ref or atom.  It
 * is copied in one step, without identity map or work list.  False: not
 * such a table (or no memory), the general copy takes it. */
#define FLATMAX 16
LU_INLINE bool isflat(Proc *P, const Table *s) {
  uint32_t n = s->asize;
  if (n == 0 || n > FLATMAX || s->metatable || !tab_isdummy(s) || (s->marked & (GC_LAZY | GC_MODULE)))
    return false;
  for (uint32_t j = 0; j < n; j++) {
    const Value *v = &s->array[j];
    if (val_iscollectable(v) && !(val_gc(v)->marked & GC_SHARED)) return false;
  }
  return ownidentity(P, s) == -100;      /* the receiver's own: a fix-up */
}

/* a copy of the flat table s in one block, the array part inline (as
 * tab_newarray makes them); NULL: no memory */
static Table *flatblock(Proc *P, const Table *s) {
  uint32_t n = s->asize;
  Table *t = mem_takeblock(P, sizeof(Table) + n * sizeof(Value));
  if (t == NULL) return NULL;
  Value *a = (Value *)(t + 1);
  t->next = NULL;
  t->tt = T_TABLE;
  t->marked = (uint8_t)((s->marked & GC_ANY) | GC_INLARR);   /* process.any patterns stay patterns */
  t->flags = 0;
  t->lsizenode = 0;
  t->asize = n;
  t->alimit = n;
  t->array = a;
  t->node = (Node *)&tab_dummy_node_;
  t->lastfree = NULL;
  t->metatable = NULL;
  t->gclist = NULL;
  for (uint32_t j = 0; j < n; j++) val_copy(&a[j], &s->array[j]);
  return t;
}

/* A flat table, or one level more: the OTP-style {tag, {from, ref}, x}, an
 * array of scalars and flat tables made by constructors, each of them met
 * once (a table met twice needs the identity map: the general copy).  Each
 * table is one block; no identity map, no work list. */
static bool copyflat(lu_State *L, const Table *s, Msg *m) {
  Proc *P = L->P;
  Fragment *F = &m->frag;
  if (isflat(P, s)) {
    Table *t = flatblock(P, s);
    if (t == NULL) return false;
    F->objs = F->tail = (GCObj *)t;
    F->bytes = sizeof(Table) + s->asize * sizeof(Value);
    val_settable(&m->v, t);
    lu_charge(L, 1);
    return true;
  }
  uint32_t n = s->asize;
  if (n == 0 || n > FLATMAX || s->metatable || !tab_isdummy(s) ||
      (s->marked & (GC_LAZY | GC_MODULE)) || !(s->marked & GC_INLARR))
    return false;
  const Table *kids[FLATMAX];
  uint32_t at[FLATMAX], nk = 0;
  for (uint32_t j = 0; j < n; j++) {
    const Value *v = &s->array[j];
    if (!val_iscollectable(v) || (val_gc(v)->marked & GC_SHARED)) continue;
    if (!val_istable(v)) return false;
    const Table *c = val_table(v);
    if (c == s || !(c->marked & GC_INLARR) || !isflat(P, c)) return false;
    for (uint32_t k = 0; k < nk; k++) if (kids[k] == c) return false;
    kids[nk] = c;
    at[nk++] = j;
  }
  Table *t = flatblock(P, s);
  if (t == NULL) return false;
  size_t bytes = sizeof(Table) + n * sizeof(Value);
  GCObj *tail = (GCObj *)t;
  for (uint32_t k = 0; k < nk; k++) {
    Table *ct = flatblock(P, kids[k]);
    if (ct == NULL) {                   /* give back what was made: the general copy tries */
      for (GCObj *o = (GCObj *)t; o; ) {
        GCObj *nx = o->next;
        mem_giveblock(P, o, sizeof(Table) + ((Table *)o)->asize * sizeof(Value));
        o = nx;
      }
      return false;
    }
    val_settable(&t->array[at[k]], ct);
    tail->next = (GCObj *)ct;
    tail = (GCObj *)ct;
    bytes += sizeof(Table) + kids[k]->asize * sizeof(Value);
  }
  F->objs = (GCObj *)t;
  F->tail = tail;
  F->bytes = bytes;
  val_settable(&m->v, t);
  lu_charge(L, 1 + (int)nk);
  return true;
}

/* the general copy (its Copy, with the identity map and work list on the
 * C stack, is no cost to the flat copy) */
static LU_NOINLINE void copygeneral(lu_State *L, const Value *v, Msg *m) {
  Copy C;
  copy_init(&C, L, m);
  if (val_isnil(v)) C.err = "cannot send nil";
  else copyvalue(&C, v, &m->v);
  copy_finish(&C);
  lu_charge(L, C.nobjs + m->frag.bytes / 256);
  if (C.err) {
    const char *e = C.err;
    fragfree(&m->frag);
    free(m);
    lu_errorf(L, "%s", e);
  }
}

void copy_tomsg(lu_State *L, const Value *v, Msg *m) {
  if (val_istable(v) && copyflat(L, val_table(v), m)) return;
  copygeneral(L, v, m);
}

/* n values (a function and its arguments) into out[0..n-1], their objects
 * in m's fragment; out must stay where it is until m is adopted (its slots
 * may be fix-ups) */
void copy_valuestomsg(lu_State *L, const Value *vals, int n, Msg *m, Value *out) {
  Copy C;
  copy_init(&C, L, m);
  for (int j = 0; j < n; j++) val_setnil(&out[j]);
  for (int j = 0; j < n && !C.err; j++) copyvalue(&C, &vals[j], &out[j]);
  copy_finish(&C);
  lu_charge(L, C.nobjs + m->frag.bytes / 256);
  if (C.err) {
    const char *e = C.err;
    fragfree(&m->frag);
    free(m);
    lu_errorf(L, "%s", e);
  }
}

/* the fix-ups: slots that get the receiver's own tables */
static LU_NOINLINE void adoptfixes(Proc *P, Fragment *F) {
  lu_State *L = P->L;
  for (int j = 0; j < F->nfix; j++) {
    Fixup *f = &F->fix[j];
    Table *t;
    if (f->lib == -4) {
      /* the receiver's own instance of the module; nil if it cannot load */
      Value mv;
      if (lazy_module(L, f->name, &mv) && val_istable(&mv)) val_copy(f->slot, &mv);
      else val_setnil(f->slot);
      free(f->name);
      f->name = NULL;
      continue;
    }
    switch (f->lib) {
      case -1: t = proc_globals(P); break;
      case -2: t = proc_loaded(P); break;
      case -3: t = val_table(proc_registry(P)); break;
      default: t = lazy_libinst(L, f->lib); break;
    }
    val_settable(f->slot, t);
  }
  if (F->capfix > 0) free(F->fix);
  F->fix = NULL;
  F->nfix = F->capfix = 0;
}

void copy_adopt(Proc *P, Msg *m) {
  Fragment *F = &m->frag;
  if (F->fix) adoptfixes(P, F);
  if (F->objs) {
    F->tail->next = P->allgc;
    P->allgc = F->objs;
    F->objs = F->tail = NULL;
  }
  P->totalbytes += F->bytes;
  F->bytes = 0;
}
