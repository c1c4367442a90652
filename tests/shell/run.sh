#!/usr/bin/env bash
# tests/shell/run.sh [--lurel PATH] — the lurel shell under a pseudo-terminal.
#
# Each scenario starts `lurel` in a detached tmux session (a server of its
# own, on a private socket), types with `tmux send-keys` and reads the
# screen with `tmux capture-pane`.  Every wait is a polling loop with a
# timeout: no scenario depends on fixed delays.  docs/shell.md's
# walk-through is what these scenarios check.
set -u
cd "$(dirname "$0")/../.."
LUREL=build/lurel
[ "${1:-}" = "--lurel" ] && LUREL="$2"
LUREL="$(cd "$(dirname "$LUREL")" && pwd)/$(basename "$LUREL")"
TIMEOUT=${SHELL_TEST_TIMEOUT:-15}

if ! command -v tmux >/dev/null; then
  echo "shell tests: tmux is not installed (scripts/install-deps.sh installs it)"; exit 1
fi

WORK=$(mktemp -d)
SOCK="lurel-shell-test-$$"
T=(tmux -L "$SOCK")
trap '"${T[@]}" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
pass=0; fail=0; current=""

# ---------------------------------------------------------------- helpers

# start CMD...: a fresh session running the command (then prints its exit status)
# (a session per scenario; the previous one is killed after the new one
# exists, so the server never exits in between)
nsession=0
start() {
  local prev="s$nsession"
  nsession=$((nsession + 1))
  "${T[@]}" new-session -d -s "s$nsession" -x 160 -y 50 \
    "cd '$WORK' && export HOME='$WORK/home' LUREL='$LUREL' ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' && $*; echo \"[exit status \$?]\"; sleep 600"
  [ $nsession -gt 1 ] && "${T[@]}" kill-session -t "$prev" 2>/dev/null
  wait_for '^<0\.[0-9]+\.0>>( |$)|exit status' || return 1
}
keys() { "${T[@]}" send-keys -t "s$nsession" "$@"; }       # key names: Enter, C-c, Up ...
type_text() { "${T[@]}" send-keys -t "s$nsession" -l -- "$1"; }   # literal text
line() { type_text "$1"; keys Enter; }                     # a line and Enter
screen() { "${T[@]}" capture-pane -t "s$nsession" -p -J -S -300 | sed -e 's/[[:space:]]*$//'; }
lastline() { screen | grep -v '^$' | tail -n 1; }

# wait_for REGEX [COUNT]: until the screen has COUNT (default 1) lines matching
wait_for() {
  local re="$1" n="${2:-1}" t=0
  while [ "$(screen | grep -cE -- "$re")" -lt "$n" ]; do
    sleep 0.05; t=$((t + 1))
    if [ $t -ge $((TIMEOUT * 20)) ]; then
      echo "    timed out waiting for /$re/ (x$n); the screen:"; screen | grep -v '^$' | tail -n 15 | sed 's/^/      | /'
      return 1
    fi
  done
}
# wait_last REGEX: until the last non-empty line of the screen matches
wait_last() {
  local re="$1" t=0
  until lastline | grep -qE -- "$re"; do
    sleep 0.05; t=$((t + 1))
    if [ $t -ge $((TIMEOUT * 20)) ]; then
      echo "    timed out waiting for the last line to match /$re/; the screen:"; screen | grep -v '^$' | tail -n 15 | sed 's/^/      | /'
      return 1
    fi
  done
}

check() {   # check NAME FUNCTION
  current="$1"
  if "$2"; then echo "ok    $1"; pass=$((pass + 1))
  else echo "FAIL  $1"; fail=$((fail + 1)); fi
}

mkdir -p "$WORK/home"
# sanitizer builds: reports go to files (the terminal is the pane's)
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$WORK/sanitizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:log_path=$WORK/sanitizer"

# ------------------------------------------------------------- scenarios

t_expressions() {
  start '$LUREL' || return 1
  grep -q '^<0\.1\.0>>$' <(lastline) || { echo "    prompt: $(lastline)"; return 1; }
  line '1 + 1'
  wait_for '^2$' || return 1
  line 'x = {1, "two", {three = 3}}'
  line 'x'
  wait_for '^\{1, "two", \{three = 3\}\}$' || return 1
  line 't = {name = "t"} t.self = t'
  line 't'
  wait_for '^<1>\{name = "t", self = <cycle 1>\}$' || return 1
  line 'process.self(), process.make_ref()'
  wait_for '^<0\.1\.0>[[:space:]]+#Ref<[0-9.]+>$' || return 1
  line 'error("boom")'
  wait_for '^stdin:1: boom$' || return 1
  line '"still here"'
  wait_for '^"still here"$' || return 1
}

t_incomplete() {
  start '$LUREL' || return 1
  line 'function add(a, b)'
  wait_last '^ +>>$' || return 1
  line '  return a + b'
  line 'end'
  line 'add(40, 2)'
  wait_for '^42$' || return 1
  line '1 +'
  wait_last '^ +>>$' || return 1
  line '2'
  wait_for '^3$' || return 1
}

t_message_while_typing() {
  start '$LUREL' || return 1
  line 'process.send_after(300, process.self(), "hi")'
  wait_for '^#Ref<' || return 1
  type_text 'x = 12'                     # half a line, no Enter
  wait_for '^Inbox\[1\]: "hi"$' || return 1
  # the message is above; the half-typed line is intact on the last line
  wait_last '^<0\.1\.0>> x = 12$' || return 1
  screen | grep -q 'hi.*x = 12\|x = 12.*hi' && { echo "    the message landed inside the line"; return 1; }
  type_text '3'; keys Enter
  line 'x'
  wait_for '^123$' || return 1
  line '.inbox'
  wait_for '^Inbox\[1\]: "hi"$' 2 || return 1
  # from another process, the cursor in the middle of the line
  line 'process.spawn(function(shell) process.sleep(300) process.send(shell, {from = "child"}) end, process.self())'
  type_text 'z = 15'; keys Left Left
  wait_for '^Inbox\[2\]: \{from = "child"\}$' || return 1
  wait_last '^<0\.1\.0>> z = 15$' || return 1
  type_text '9'; keys Enter
  line 'z'
  wait_for '^915$' || return 1
}

t_handlers() {
  start '$LUREL' || return 1
  line 'Handlers.add("ping", "Ping", function(m) print("ping from", m.From) end)'
  line 'process.send(process.self(), {Action = "Ping", From = "me"})'
  wait_for '^ping from[[:space:]]+me$' || return 1
  line 'process.flag("trap_exit", true)'
  line 'process.spawn_link(function() error("linked crash") end)'
  wait_for '^Inbox\[1\]: \{"EXIT", <0\.2\.0>, "stdin:1: linked crash"\}$' || return 1
  line 'process.self()'
  wait_for '^<0\.1\.0>$' || return 1
}

t_output_while_typing() {
  start '$LUREL' || return 1
  line 'process.spawn(function() for i = 1, 3 do process.sleep(150) print("tick", i) end error("crash on purpose") end)'
  type_text 'y = "abc'
  wait_for '^tick[[:space:]]+3$' || return 1
  wait_for 'crash on purpose' || return 1
  wait_for '^=ERROR REPORT==== process <0\.2\.0> crashed:$' || return 1
  wait_last '^<0\.1\.0>> y = "abc$' || return 1
  type_text 'def"'; keys Enter
  line 'y'
  wait_for '^"abcdef"$' || return 1
}

t_ps_kill() {
  start '$LUREL' || return 1
  line 'p = process.spawn(function() process.receive() end)'
  line 'p'
  wait_for '^<0\.2\.0>$' || return 1
  line '.ps'
  wait_for '^<0\.2\.0> +waiting +[0-9]+ +[0-9.KM]+ +0$' || return 1
  wait_for '^<0\.1\.0> +\(shell\) +running' || return 1
  line '.kill <0.2.0>'
  wait_for '^killed <0\.2\.0>$' || return 1
  line 'process.alive(p)'
  wait_for '^false$' || return 1
  local n; n=$(screen | grep -cE '^<0\.2\.0> +waiting')
  line '.ps'
  line '"listed"'                        # its output comes after the whole listing
  wait_for '^"listed"$' || return 1
  [ "$(screen | grep -cE '^<0\.2\.0> +waiting')" -eq "$n" ] || { echo "    .ps still lists <0.2.0>"; return 1; }
  line '.i <0.1.0>'
  wait_for 'status = "running"' || return 1
}

t_ctrl_c() {
  start '$LUREL' || return 1
  line 'print("looping") while true do end'
  wait_for '^looping$' || return 1
  keys C-c
  wait_for '^stdin:1: interrupted!$' || return 1
  line '1 + 2'
  wait_for '^3$' || return 1
  # a blocked receive too
  line 'print("receiving") process.receive()'
  wait_for '^receiving$' || return 1
  keys C-c
  wait_for 'interrupted!$' 2 || return 1
  line '"carries on"'
  wait_for '^"carries on"$' || return 1
  # at the prompt, Ctrl-C drops the line being typed
  type_text 'dropped = 1'
  wait_last '^<0\.1\.0>> dropped = 1$' || return 1
  keys C-c
  wait_for '\^C$' || return 1
  line 'dropped'
  wait_for '^nil$' || return 1
}

t_history() {
  start '$LUREL' || return 1
  line '"first" .. 1'
  wait_for '^"first1"$' || return 1
  line '"second" .. 2'
  wait_for '^"second2"$' || return 1
  keys Up Up
  wait_last '^<0\.1\.0>> "first" \.\. 1$' || return 1
  keys Enter
  wait_for '^"first1"$' 2 || return 1
  keys C-d                               # Ctrl-D on an empty line leaves
  wait_for '^\[exit status 0\]$' || return 1
  # the history file keeps them for the next session
  grep -qx '"second" .. 2' "$WORK/home/.lurel_history" || { echo "    no ~/.lurel_history entry"; return 1; }
  start '$LUREL' || return 1
  keys Up
  wait_last '^<0\.1\.0>> "first" \.\. 1$' || return 1
}

t_dash_i() {
  printf 'greeting = "hello from the script"\nfunction double(n) return 2 * n end\n' > "$WORK/setup.lua"
  start '$LUREL -i setup.lua' || return 1
  line 'greeting, double(21)'
  wait_for '^"hello from the script"[[:space:]]+42$' || return 1
  line '.load setup.lua'
  line 'double(4)'
  wait_for '^8$' || return 1
  line '.quit'
  wait_for '^\[exit status 0\]$' || return 1
}

t_shell_restarts() {
  start '$LUREL' || return 1
  line 'process.spawn_link(function() error("linked crash") end)'
  wait_for 'the shell process <0\.1\.0> exited \(stdin:1: linked crash\); the new shell process is <0\.3\.0>' || return 1
  wait_last '^<0\.3\.0>>$' || return 1
  line 'process.self()'
  wait_for '^<0\.3\.0>$' || return 1
  keys C-d                               # the new shell process is the main one now
  wait_for '^\[exit status 0\]$' || return 1
}

t_os_exit() {
  start '$LUREL' || return 1
  line 'os.exit(3)'
  wait_for '^\[exit status 3\]$' || return 1
}

# Ctrl-Z stops lurel (job control of an interactive bash); fg redraws the line
t_ctrl_z() {
  local prev="s$nsession"
  nsession=$((nsession + 1))
  "${T[@]}" new-session -d -s "s$nsession" -x 160 -y 50 \
    "cd '$WORK' && env HOME='$WORK/home' PS1='job-shell\$ ' ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' bash --norc --noprofile -i"
  "${T[@]}" kill-session -t "$prev" 2>/dev/null
  wait_for '^job-shell\$' || return 1
  line "'$LUREL'"
  wait_for '^<0\.1\.0>>' || return 1
  type_text 'abc = 1'
  wait_last '^<0\.1\.0>> abc = 1$' || return 1
  keys C-z
  wait_for 'Stopped' || return 1
  wait_last '^job-shell\$$' || return 1
  line 'fg'
  wait_last '^<0\.1\.0>> abc = 1$' || return 1
  type_text '5'; keys Enter
  line 'abc'
  wait_for '^15$' || return 1
  line '.quit'
  wait_last '^job-shell\$$' || return 1
}

# no terminal: lurel -i reads the lines from stdin (as lua5.4 -i does)
t_no_tty() {
  local out
  out=$(printf 'x = 6 * 7\nx\nprocess.send(process.self(), "msg")\n.inbox\n' | "$LUREL" -i 2>&1)
  grep -q '^<0.1.0>> <0.1.0>> 42$' <<<"$out" || { echo "$out"; return 1; }
  grep -q 'Inbox\[1\]: "msg"' <<<"$out" || { echo "$out"; return 1; }
}

check "expressions, tables, errors" t_expressions
check "incomplete input continues" t_incomplete
check "a message while a line is half typed" t_message_while_typing
check "handlers take the shell's messages; trapped exits print" t_handlers
check "output and crash reports while typing" t_output_while_typing
check ".ps lists, .kill ends a process" t_ps_kill
check "Ctrl-C interrupts the evaluation, the shell carries on" t_ctrl_c
check "history (up arrow, ~/.lurel_history), Ctrl-D leaves" t_history
check "-i script, .load, .quit" t_dash_i
check "the shell process dies: a new one starts" t_shell_restarts
check "os.exit from the shell" t_os_exit
check "Ctrl-Z suspends, fg redraws the line" t_ctrl_z
check "no terminal: lines from stdin" t_no_tty

t_sanitizers() {
  "${T[@]}" kill-server 2>/dev/null     # reports are written when a lurel exits
  if ls "$WORK"/sanitizer* >/dev/null 2>&1; then cat "$WORK"/sanitizer* | head -n 40; return 1; fi
}
check "no sanitizer reports" t_sanitizers

echo "shell tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
