/*
 * shell.c — the lurel shell (docs/shell.md).
 *
 * The read-eval-print loop itself is Lua (lurel/shell.lua, embedded as
 * text, compiled when the shell starts) and runs as the entry of the main
 * process: the shell IS that process, so its globals are the script's
 * (-i), process.self() is the pid in the prompt, and Ctrl-C can raise an
 * error in it.  This file gives the loop its primitives and connects the
 * terminal to the scheduler:
 *
 *  input   GNU readline's callback interface.  The scheduler polls stdin
 *          (sched_watchfd) while a prompt is shown and calls
 *          rl_callback_read_char() between slices, so every process keeps
 *          running while a line is typed.  A finished line is queued and
 *          wakes the shell process, which is blocked in wait() (a C
 *          function that blocks with do_block, like receive).
 *  output  While a prompt is shown, fds 1 and 2 point to an in-memory
 *          file (memfd, O_APPEND): print, io.write, crash reports, child
 *          processes — whatever any process writes lands there and never
 *          blocks.  The tick (every SCHED_POLL_MS between slices, and
 *          before the scheduler sleeps) copies it to the terminal: it
 *          first clears the line being edited, then prints, then redraws
 *          prompt and line (rl_clear_visible_line, rl_forced_update_display),
 *          so output never lands inside it.  While a line is evaluated
 *          there is no prompt, and fds 1 and 2 are the terminal again (an
 *          io.read prompt shows, os.execute("vi") works).
 *  Ctrl-C  A SIGINT handler sets a flag and writes to a self-pipe (which
 *          wakes poll()).  The tick sees it: while the shell evaluates
 *          (wait() is not running; the loop says busy), it sets
 *          P->interrupt, and the scheduler starts the shell's next slice
 *          by raising "interrupted!" there (do_interrupt); a blocked shell
 *          is woken first.  At the prompt it abandons the line.
 *  messages  wait() returns "msg" when the mailbox has a message; the loop
 *          takes it and gives it to Handlers.evaluate, printing what no
 *          handler took (it is in Inbox).
 *
 * Without a terminal on stdin (lurel -i < file) the same loop runs on
 * lines read from stdin, without readline and without the output capture.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "shell.h"
#include "../vm/api.h"
#include "../vm/do.h"
#include "../vm/func.h"
#include "../vm/proc.h"
#include "../vm/str.h"
#include "../vm/table.h"
#include "../vm/tm.h"

extern const char lurel_shell_lua[];        /* build/gen/shell_lua.c */
extern const size_t lurel_shell_lua_len;

static struct {
  VM *vm;
  bool active;
  uint64_t pid;             /* the shell process */
  bool tty;                 /* readline on a terminal */
  FILE *term;               /* where the shell draws: the terminal */
  int termfd;               /* its fd (a dup of the original fd 1) */
  int capfd;                /* the file fds 1 and 2 point to meanwhile, or -1 */
  int saved2;               /* the original fd 2 when it is captured, else -1 */
  bool capturing;           /* fds 1 and 2 point to capfd now */
  off_t capoff;             /* how much of capfd was shown */
  bool at_bol;              /* the terminal's cursor is at the start of a line */
  bool prompt_on;           /* tty: readline has the terminal (prompt shown) */
  bool prompt_shown;        /* no tty: the prompt was written for this wait */
  bool hidden;              /* the edited line is cleared for output */
  char *prompt;
  /* events for the shell process */
  char **lines;             /* complete lines, oldest first from lhead */
  int lhead, nlines, caplines;
  bool eof, intr;
  bool waiting;             /* blocked in wait() */
  int msgstreak;            /* "msg" returned this many times in a row */
  bool busy;                /* evaluating: Ctrl-C interrupts */
  bool quit;                /* the loop ended by .quit or Ctrl-D */
  /* no tty: the partial line read so far */
  char *ibuf;
  size_t ilen, icap;
  int sigpipe[2];
  char *histfile;
  struct sigaction oldint, oldwinch, oldtstp;
} S = { .capfd = -1, .termfd = -1, .saved2 = -1, .sigpipe = {-1, -1} };

static volatile sig_atomic_t got_sigint, got_sigwinch, got_sigtstp;

static Proc *shellproc(void) {
  Proc *P = proc_lookup(S.vm, S.pid);
  return (P && P->pstate != PS_DEAD && P->pstate != PS_EXITING) ? P : NULL;
}

static void wake(void) {
  if (!S.waiting) return;
  Proc *P = shellproc();
  if (P) sched_ready(S.vm, P);
}

/* ---------------------------------------------------------------- output */

static void term_write(const char *s, size_t n) {
  if (n == 0) return;
  fwrite(s, 1, n, S.term);
  S.at_bol = s[n - 1] == '\n';
}

static void term_puts(const char *s) { term_write(s, strlen(s)); fflush(S.term); }

/* clear the prompt and the line being edited (the cursor goes to where
 * the prompt started), once, before output is shown */
static void hide_line(void) {
  if (!S.tty || !S.prompt_on || S.hidden) return;
  rl_clear_visible_line();
  fflush(S.term);
  S.hidden = true;
  S.at_bol = true;
}

/* draw them again below the output */
static void show_line(void) {
  if (!S.hidden) return;
  if (!S.at_bol) term_write("\n", 1);
  fflush(S.term);
  rl_forced_update_display();
  S.hidden = false;
}

/* Show what the processes wrote (fds 1 and 2) since the last time. */
static void pump(void) {
  if (S.capfd < 0) return;
  fflush(stdout);
  fflush(stderr);
  struct stat st;
  if (fstat(S.capfd, &st) != 0 || st.st_size <= S.capoff) return;
  char buf[65536];
  while (S.capoff < st.st_size) {
    ssize_t r = pread(S.capfd, buf, sizeof buf, S.capoff);
    if (r <= 0) break;
    hide_line();
    term_write(buf, (size_t)r);
    S.capoff += r;
  }
  fflush(S.term);
  /* all shown: start the file again (O_APPEND: writers follow) */
  if (fstat(S.capfd, &st) == 0 && st.st_size == S.capoff && ftruncate(S.capfd, 0) == 0) S.capoff = 0;
  show_line();
}

/* output goes to capfd (on) or to the terminal (off) */
static void capture(bool on) {
  if (S.capfd < 0 || S.capturing == on) return;
  fflush(stdout);
  fflush(stderr);
  if (on) {
    dup2(S.capfd, 1);
    if (S.saved2 >= 0) dup2(S.capfd, 2);
  } else {
    pump();
    dup2(S.termfd, 1);
    if (S.saved2 >= 0) dup2(S.saved2, 2);
  }
  S.capturing = on;
}

/* ----------------------------------------------------------------- input */

static void watch_stdin(bool on);

static void push_line(char *line) {
  if (S.lhead + S.nlines == S.caplines) {
    if (S.lhead > 0) {
      memmove(S.lines, S.lines + S.lhead, sizeof(char *) * (size_t)S.nlines);
      S.lhead = 0;
    } else {
      S.caplines = S.caplines ? S.caplines * 2 : 16;
      S.lines = realloc(S.lines, sizeof(char *) * (size_t)S.caplines);
      if (!S.lines) abort();
    }
  }
  S.lines[S.lhead + S.nlines++] = line;
}

static char *pop_line(void) {
  if (S.nlines == 0) return NULL;
  char *l = S.lines[S.lhead++];
  if (--S.nlines == 0) S.lhead = 0;
  return l;
}

/* tty: readline stops having the terminal (it restores its modes) */
static void prompt_off(void) {
  if (!S.prompt_on) return;
  rl_callback_handler_remove();
  S.prompt_on = false;
  watch_stdin(false);
  capture(false);
}

/* readline's line handler: a line was entered (NULL: Ctrl-D on an empty line) */
static void on_line(char *line) {
  prompt_off();
  if (line == NULL) {
    term_puts("\n");
    S.eof = true;
  } else push_line(line);
  wake();
}

static void on_stdin(VM *vm, int fd, int revents, void *ud) {
  (void)vm; (void)ud; (void)revents;
  if (S.tty) {
    if (S.prompt_on) rl_callback_read_char();
    else watch_stdin(false);
    return;
  }
  char buf[4096];
  ssize_t r = read(fd, buf, sizeof buf);
  if (r < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (r <= 0) {
    if (S.ilen > 0) { push_line(strndup(S.ibuf, S.ilen)); S.ilen = 0; }
    S.eof = true;
    watch_stdin(false);
    wake();
    return;
  }
  if (S.ilen + (size_t)r > S.icap) {
    S.icap = (S.ilen + (size_t)r) * 2;
    S.ibuf = realloc(S.ibuf, S.icap);
    if (!S.ibuf) abort();
  }
  memcpy(S.ibuf + S.ilen, buf, (size_t)r);
  S.ilen += (size_t)r;
  size_t start = 0;
  for (size_t j = 0; j < S.ilen; j++)
    if (S.ibuf[j] == '\n') {
      size_t e = j;
      if (e > start && S.ibuf[e - 1] == '\r') e--;
      push_line(strndup(S.ibuf + start, e - start));
      start = j + 1;
    }
  memmove(S.ibuf, S.ibuf + start, S.ilen - start);
  S.ilen -= start;
  if (S.nlines) wake();
}

static bool stdin_watched;
static void watch_stdin(bool on) {
  if (on == stdin_watched) return;
  sched_watchfd(S.vm, 0, POLLIN, on ? on_stdin : NULL, NULL);
  stdin_watched = on;
}

/* show the prompt (the loop waits for input) */
static void prompt_show(void) {
  pump();
  if (S.tty) {
    if (!S.prompt_on) {
      fflush(S.term);
      capture(true);
      rl_callback_handler_install(S.prompt, on_line);
      S.prompt_on = true;
      S.at_bol = false;
      watch_stdin(true);
    }
  } else if (!S.prompt_shown) {
    fputs(S.prompt, S.term);
    fflush(S.term);
    S.prompt_shown = true;
    watch_stdin(!S.eof);
  }
}

/* --------------------------------------------------------------- signals */

static void on_signal(int sig) {
  int e = errno;
  if (sig == SIGINT) got_sigint = 1;
  else if (sig == SIGTSTP) got_sigtstp = 1;
  else got_sigwinch = 1;
  if (S.sigpipe[1] >= 0) { ssize_t r = write(S.sigpipe[1], "s", 1); (void)r; }
  errno = e;
}

/* Ctrl-Z: stop with the terminal as readline found it; redraw on return */
static void suspend(void) {
  got_sigtstp = 0;
  bool prompt = S.prompt_on;
  if (prompt) {
    hide_line();
    S.hidden = false;
    rl_deprep_terminal();
  }
  fflush(S.term);
  struct sigaction dfl, old;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(SIGTSTP, &dfl, &old);
  raise(SIGTSTP);                        /* stopped here until fg */
  sigaction(SIGTSTP, &old, NULL);
  if (prompt) {
    rl_prep_terminal(0);
    rl_resize_terminal();
    rl_forced_update_display();
  }
}

static void handle_signals(void) {
  if (got_sigtstp) suspend();
  if (got_sigwinch) {
    got_sigwinch = 0;
    if (S.tty) rl_resize_terminal();
  }
  if (!got_sigint) return;
  got_sigint = 0;
  Proc *P = shellproc();
  if (S.busy && P) {
    /* interrupt the evaluation: an error at the shell's next slice */
    P->interrupt = 1;
    sched_ready(S.vm, P);
    if (!S.prompt_on) term_puts("\n");    /* after the terminal's ^C */
  } else if (S.tty && S.prompt_on) {
    /* abandon the line (and a pending multi-line chunk) */
    rl_callback_sigcleanup();
    rl_point = rl_end;
    rl_redisplay();
    term_puts("^C\n");
    rl_replace_line("", 1);
    prompt_off();
    S.intr = true;
    wake();
  } else if (!S.tty && S.waiting) {
    term_puts("\n");
    S.prompt_shown = false;
    S.intr = true;
    wake();
  }
}

static void on_sigpipe(VM *vm, int fd, int revents, void *ud) {
  (void)vm; (void)revents; (void)ud;
  char b[64];
  while (read(fd, b, sizeof b) > 0) {}
  handle_signals();
}

static void tick(VM *vm, void *ud) {
  (void)vm; (void)ud;
  handle_signals();
  pump();
}

/* ------------------------------------------------------------ primitives */

static void pushstr(lu_State *L, const char *s) { lu_pushstring(L, s); }

/* wait(prompt): blocks until there is something for the loop; returns
 * "line", text | "msg" (the mailbox has a message) | "eof" | "intr" */
static int wait_k(lu_State *L, int status, intptr_t ctx) {
  (void)status; (void)ctx;
  Proc *P = L->P;
  S.waiting = false;
  S.busy = false;
  mbox_drain(L);
  if (S.intr) {
    S.intr = false;
    S.prompt_shown = false;
    pushstr(L, "intr");
    return 1;
  }
  /* messages first (what arrived while evaluating shows before the next
   * line runs), but a flood of them does not starve the input */
  if (P->mq_len > 0 && (S.nlines == 0 || S.msgstreak < 16)) {
    S.msgstreak++;
    if (!S.tty && S.prompt_shown) { term_puts("\n"); S.prompt_shown = false; }
    pushstr(L, "msg");
    return 1;
  }
  S.msgstreak = 0;
  char *line = pop_line();
  if (line) {
    if (!S.tty && !S.prompt_shown) { fputs(S.prompt, S.term); fflush(S.term); }
    S.prompt_shown = false;
    pushstr(L, "line");
    lu_pushstring(L, line);
    free(line);
    return 2;
  }
  if (S.eof) {
    if (!S.tty && S.prompt_shown) { term_puts("\n"); S.prompt_shown = false; }
    pushstr(L, "eof");
    return 1;
  }
  /* nothing yet: show the prompt and block (a message, a line, a signal
   * or a stale timer of an interrupted receive wakes it) */
  if (P->timer) { timer_cancel(P->vm, P->timer); P->timer = NULL; }
  P->timedout = 0;
  P->save = &P->mq_head;
  P->mark = NULL;
  prompt_show();
  S.waiting = true;
  return do_block(L, 0, wait_k);
}

static int sh_wait(lu_State *L) {
  const char *prompt = lu_checkstring(L, 1);
  if (S.prompt == NULL || strcmp(S.prompt, prompt) != 0) {
    free(S.prompt);
    S.prompt = strdup(prompt);
    if (S.tty && S.prompt_on) {          /* a new shell process: a new pid */
      hide_line();
      rl_set_prompt(S.prompt);
      show_line();
    }
  }
  lu_settop(L, 0);
  return wait_k(L, LU_OK, 0);
}

/* busy(flag): the loop runs user code (Ctrl-C interrupts it) or not */
static int sh_busy(lu_State *L) {
  S.busy = lu_toboolean(L, 1);
  if (!S.busy) L->P->interrupt = 0;
  return 0;
}

static bool file_exists(const char *f) { struct stat st; return stat(f, &st) == 0; }

/* history(chunk): remember an entered chunk (in ~/.lurel_history too) */
static int sh_history(lu_State *L) {
  const char *s = lu_checkstring(L, 1);
  if (!S.tty || s[0] == '\0') return 0;
  HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
  if (last && strcmp(last->line, s) == 0) return 0;
  add_history(s);
  if (S.histfile) {
    if (file_exists(S.histfile)) append_history(1, S.histfile);
    else write_history(S.histfile);
  }
  return 0;
}

static int sh_quit(lu_State *L) { (void)L; S.quit = true; return 0; }

/* width(): columns of the terminal (80 without one) */
static int sh_width(lu_State *L) {
  int cols = 0;
  struct winsize ws;
  if (S.termfd >= 0 && ioctl(S.termfd, TIOCGWINSZ, &ws) == 0) cols = ws.ws_col;
  lu_pushinteger(L, cols > 20 ? cols : 80);
  return 1;
}

static void setfn(lu_State *L, Table *t, const char *name, lu_CFunction f) {
  Value v;
  val_setlcf(&v, f);
  tab_setstr(L, t, str_newz(L->P, name), &v);
}

/* ------------------------------------------------------------- lifecycle */

static void shell_end(void);
static void shell_atexit(void) { shell_end(); }

static void shell_begin(VM *vm) {
  S.vm = vm;
  S.active = true;
  S.tty = isatty(0);
  S.at_bol = true;
  if (pipe(S.sigpipe) == 0) {
    for (int j = 0; j < 2; j++) {
      fcntl(S.sigpipe[j], F_SETFL, fcntl(S.sigpipe[j], F_GETFL) | O_NONBLOCK);
      fcntl(S.sigpipe[j], F_SETFD, FD_CLOEXEC);
    }
    sched_watchfd(vm, S.sigpipe[0], POLLIN, on_sigpipe, NULL);
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &S.oldint);
  sched_settick(vm, tick, NULL);
  fflush(stdout);
  fflush(stderr);
  if (!S.tty) {
    S.term = stdout;
    S.termfd = -1;
  } else {
    S.termfd = dup(1);
    S.term = fdopen(S.termfd, "w");
    if (S.term == NULL) S.term = stdout;
    /* what the processes write goes to an in-memory file, shown by pump() */
    if (isatty(1)) {
      int fd = memfd_create("lurel-shell-output", MFD_CLOEXEC);
      if (fd >= 0 && fcntl(fd, F_SETFL, O_APPEND) == 0) {
        if (isatty(2)) { S.saved2 = dup(2); fcntl(S.saved2, F_SETFD, FD_CLOEXEC); }
        S.capfd = fd;
        S.capoff = 0;
        setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
      } else if (fd >= 0) close(fd);
    }
    fcntl(S.termfd, F_SETFD, FD_CLOEXEC);
    sigaction(SIGWINCH, &sa, &S.oldwinch);
    sigaction(SIGTSTP, &sa, &S.oldtstp);
    rl_readline_name = "lurel";
    rl_instream = stdin;
    rl_outstream = S.term;
    rl_catch_signals = 0;            /* ours: Ctrl-C goes to the scheduler */
    rl_catch_sigwinch = 0;
    using_history();
    stifle_history(1000);
    const char *home = getenv("HOME");
    if (home && *home) {
      size_t n = strlen(home) + 32;
      S.histfile = malloc(n);
      snprintf(S.histfile, n, "%s/.lurel_history", home);
      read_history(S.histfile);
    }
  }
  atexit(shell_atexit);
}

static void shell_end(void) {
  if (!S.active) return;
  S.active = false;
  if (S.tty && S.prompt_on) {
    hide_line();
    S.hidden = false;
    rl_callback_handler_remove();
    S.prompt_on = false;
  }
  watch_stdin(false);
  capture(false);
  if (S.capfd >= 0) {
    if (S.saved2 >= 0) { close(S.saved2); S.saved2 = -1; }
    close(S.capfd);
    S.capfd = -1;
  }
  if (S.term && S.term != stdout) fflush(S.term);
  if (S.histfile) history_truncate_file(S.histfile, 1000);
  if (S.sigpipe[0] >= 0) sched_watchfd(S.vm, S.sigpipe[0], 0, NULL, NULL);
  sched_settick(S.vm, NULL, NULL);
  sigaction(SIGINT, &S.oldint, NULL);
  if (S.tty) {
    sigaction(SIGWINCH, &S.oldwinch, NULL);
    sigaction(SIGTSTP, &S.oldtstp, NULL);
  }
}

/* Run the loop as the next entry of process P; returns sched_run's status. */
static int run_loop(Proc *P, bool banner) {
  VM *vm = P->vm;
  lu_State *L = proc_mainthread(P);
  char *err = NULL;
  Proto *p = vm->compile(vm, lurel_shell_lua, lurel_shell_lua_len, "=[shell]", &err);
  if (p == NULL) {
    fprintf(stderr, "lurel: cannot compile the shell: %s\n", err ? err : "?");
    free(err);
    return -1;
  }
  P->L = L;
  stack_check(L, 4);
  LClosure *cl = lcl_new(P, p->sizeupvalues);
  cl->p = p;
  val_setlcl(L->top, cl);
  L->top++;
  lcl_initupvals(P, cl);
  if (cl->nupvalues >= 1) val_settable(cl->upvals[0]->v, proc_globals(P));
  Table *t = tab_new(P);
  val_settable(L->top, t);
  L->top++;
  setfn(L, t, "wait", sh_wait);
  setfn(L, t, "busy", sh_busy);
  setfn(L, t, "history", sh_history);
  setfn(L, t, "quit", sh_quit);
  setfn(L, t, "width", sh_width);
  Value b;
  val_setbool(&b, banner);
  tab_setstr(L, t, str_newz(P, "banner"), &b);
  val_setbool(&b, S.tty);
  tab_setstr(L, t, str_newz(P, "tty"), &b);
  do_callentry(L, L->top - 2, 0);
  P->pstate = PS_WAITING;
  sched_ready(vm, P);
  return sched_run(vm, P);
}

static void describe(const Value *v, char *buf, size_t n) {
  if (val_isstr(v)) snprintf(buf, n, "%s", str_data(val_str(v)));
  else if (val_isnil(v)) snprintf(buf, n, "nil");
  else snprintf(buf, n, "a %s", val_istable(v) ? "table" : "non-string value");
}

int shell_run(lu_State *L, bool banner) {
  Proc *P = L->P;
  VM *vm = P->vm;
  shell_begin(vm);
  int failures = 0;
  for (;;) {
    S.pid = P->pid;
    S.quit = false;
    int st = run_loop(P, banner);
    banner = false;
    if (st < 0 || S.quit || vm->exiting) break;
    if (P->pstate != PS_DEAD) {
      /* an error escaped the loop (it catches them all): run it again */
      if (++failures > 3) break;
      continue;
    }
    /* the shell process ended (an exit signal, .kill): a new one */
    char why[200];
    describe(proc_exitreason(P), why, sizeof why);
    uint64_t old = P->pid;
    vm->mainproc = NULL;
    proc_free(P);
    P = proc_create(vm);
    if (P == NULL) break;
    vm->mainproc = P;
    fprintf(stderr, "** the shell process <0.%llu.0> exited (%s); the new shell process is <0.%llu.0>\n",
            (unsigned long long)old, why, (unsigned long long)P->pid);
    fflush(stderr);
    failures = 0;
  }
  shell_end();
  return vm->exiting ? vm->exitcode : 0;
}
