/*
 * shell.h — the lurel shell (docs/shell.md): an interactive process whose
 * prompt names its pid, with line editing and history (GNU readline, used
 * through its callback interface from the scheduler's poller), live
 * messages and other processes' output shown above the line being typed.
 */
#ifndef LUREL_SHELL_H
#define LUREL_SHELL_H

#include "../vm/state.h"

/* Run the shell in the main process of L (whose globals the script or -e
 * left), until .quit, Ctrl-D or os.exit.  With a terminal on stdin it uses
 * readline; otherwise it reads lines from stdin as they come (lua5.4 -i on
 * a pipe).  Returns the command's exit status. */
int shell_run(lu_State *L, bool banner);

#endif
