#!/usr/bin/env bash
# run_examples.sh — keeps the documentation honest: runs every example and
# every code block that the docs promise will run.
#
# Usage: tests/run_examples.sh [--lurel PATH] [--timeout SECS]
#
#   * every docs/examples/*.lua must exit 0 (they check themselves with
#     assert), and print the same stdout again with a reduction budget of 1
#     (LUREL_REDUCTIONS=1: a process switch at every call and backward jump),
#     which shows that their output does not depend on scheduling;
#   * every examples/*.lua (what `make run` runs) must exit 0;
#   * every ```lua block of README.md, docs/tutorial.md and docs/api.md must
#     run to completion (exit 0) as a program of its own, unless the line
#     before its opening fence is "<!-- not run -->";
#   * every fenced block whose first line is "$ build/lurel ARGS" (a
#     transcript) must show exactly the stdout of that command after it.
# Runs from the repository root.  Ends with "N passed, M failed"; exits 1 if
# M > 0.

set -u
cd "$(dirname "$0")/.."

LUREL=build/lurel
TIMEOUT_SECS=60
while [ $# -gt 0 ]; do
  case "$1" in
    --lurel) LUREL=$2; shift 2 ;;
    --timeout) TIMEOUT_SECS=$2; shift 2 ;;
    *) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[ -x "$LUREL" ] || { echo "run_examples: no $LUREL (run make first)" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
failed=0

ok() { pass=$((pass + 1)); printf 'ok    %s\n' "$1"; }
fail() {
  failed=$((failed + 1))
  printf 'FAIL  %s: %s\n' "$1" "$2"
  if [ -s "$TMP/err" ]; then tail -n 15 "$TMP/err" | sed 's/^/      | /'; fi
}

# run NAME ENV... -- ARGS...: runs $LUREL ARGS with a timeout; stdout in
# $TMP/out, stderr in $TMP/err; returns the exit status (124: timed out)
run() {
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env ${envs[@]+"${envs[@]}"} timeout "$TIMEOUT_SECS" "$LUREL" "$@" > "$TMP/out" 2> "$TMP/err" < /dev/null
}

# ---------------------------------------------------------------- examples

for f in docs/examples/*.lua; do
  [ -f "$f" ] || continue
  run -- "$f"
  st=$?
  if [ $st -ne 0 ]; then fail "$f" "exit status $st"; continue; fi
  mv "$TMP/out" "$TMP/out1"
  run LUREL_REDUCTIONS=1 -- "$f"
  st=$?
  if [ $st -ne 0 ]; then fail "$f" "exit status $st with LUREL_REDUCTIONS=1"; continue; fi
  if ! cmp -s "$TMP/out1" "$TMP/out"; then
    diff "$TMP/out1" "$TMP/out" | head -n 10 > "$TMP/err"
    fail "$f" "different output with LUREL_REDUCTIONS=1"
    continue
  fi
  ok "$f"
done

for f in examples/*.lua; do
  [ -f "$f" ] || continue
  run -- "$f"
  st=$?
  if [ $st -eq 0 ]; then ok "$f"; else fail "$f" "exit status $st"; fi
done

# ---------------------------------------------------------------- the docs

# blocks DOC: writes each runnable ```lua block of DOC to $TMP/blocks/N.lua
# and each transcript to $TMP/blocks/N.txt; the first line of each file is
# the line number of the block in DOC (as a comment for the Lua blocks).
blocks() {
  rm -rf "$TMP/blocks"
  mkdir -p "$TMP/blocks"
  awk -v dir="$TMP/blocks" '
    function fence(s) { return s ~ /^[ \t]*```/ }
    !inblock && fence($0) {
      inblock = 1; n++; first = 1; start = NR
      kind = ($0 ~ /^[ \t]*```lua[ \t]*$/ && prev !~ /<!-- not run -->/) ? "lua" : "other"
      file = ""
      if (kind == "lua") { file = dir "/" n ".lua"; print "-- line " NR > file }
      next
    }
    inblock && fence($0) { inblock = 0; if (file != "") close(file); prev = $0; next }
    inblock {
      if (first && kind == "other" && $0 ~ /^\$ build\/lurel /) {
        file = dir "/" n ".txt"; print start > file
      }
      first = 0
      if (file != "") print > file
      next
    }
    { prev = $0 }
  ' "$1"
}

for doc in README.md docs/tutorial.md docs/api.md; do
  [ -f "$doc" ] || continue
  blocks "$doc"
  for b in $(ls "$TMP/blocks" | sort -n); do
    path="$TMP/blocks/$b"
    line=$(head -n 1 "$path" | sed 's/^-- line //')
    name="$doc block at line $line"
    case "$b" in
      *.lua)
        run -- "$path"
        st=$?
        if [ $st -eq 0 ]; then ok "$name"; else fail "$name" "exit status $st"; fi ;;
      *.txt)
        cmdline=$(sed -n '2p' "$path")
        sed -n '3,$p' "$path" > "$TMP/want"
        # the arguments after "$ build/lurel" (split on spaces, no shell)
        read -r -a args <<< "${cmdline#\$ build/lurel }"
        run -- "${args[@]}"
        st=$?
        if [ $st -ne 0 ]; then fail "$name ($cmdline)" "exit status $st"
        elif ! cmp -s "$TMP/want" "$TMP/out"; then
          diff "$TMP/want" "$TMP/out" | head -n 10 > "$TMP/err"
          fail "$name ($cmdline)" "the output shown is not what it prints (diff: shown, actual)"
        else ok "$name ($cmdline)"; fi ;;
    esac
  done
done

echo
echo "$pass passed, $failed failed"
[ $failed -eq 0 ]
