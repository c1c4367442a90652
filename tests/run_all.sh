#!/usr/bin/env bash
# run_all.sh — everything `make test` runs.  Fails (exit 1) if any part fails.
set -u
cd "$(dirname "$0")/.."
fail=0
section() { printf '\n==== %s\n' "$1"; }

section "C unit tests (criterion)"
build/unit_tests --jobs 2 || fail=1
section "C unit tests under ASan+UBSan"
# criterion passes a test even when LeakSanitizer complains at exit: look
ASAN_OPTIONS=detect_leaks=1 build/asan/unit_tests --jobs 2 > build/asan_unit.log 2>&1 || fail=1
tail -1 build/asan_unit.log
if grep -q "Sanitizer\|runtime error" build/asan_unit.log; then
  grep -m 20 "Sanitizer\|runtime error" build/asan_unit.log; fail=1
fi

section "Lua tests (diffed against lua5.4)"
bash tests/run_lua_tests.sh --lurel build/lurel || fail=1

section "Lua tests with a reduction budget of 1 (preemption at every check)"
LUREL_REDUCTIONS=1 bash tests/run_lua_tests.sh --lurel build/lurel || fail=1

section "Lua tests under AddressSanitizer + UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
  bash tests/run_lua_tests.sh --lurel build/asan/lurel --timeout 300 || fail=1

section "Lua tests on the stress build (GC at every safe point, budget 1)"
LUREL_REDUCTIONS=1 bash tests/run_lua_tests.sh --lurel build/stress/lurel --timeout 300 || fail=1

section "examples and the code in the docs (docs/examples, README, tutorial)"
bash tests/run_examples.sh || fail=1
ASAN_OPTIONS=detect_leaks=1 bash tests/run_examples.sh --lurel build/asan/lurel --timeout 300 || fail=1
section "the command line, side by side with lua5.4"
bash tests/cli/run.sh --lurel build/lurel || fail=1
ASAN_OPTIONS=detect_leaks=1 bash tests/cli/run.sh --lurel build/asan/lurel || fail=1
section "the shell under a pseudo-terminal (tmux)"
bash tests/shell/run.sh --lurel build/lurel || fail=1
section "the shell under AddressSanitizer + UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
  bash tests/shell/run.sh --lurel build/asan/lurel || fail=1

if [ -x tests/opcode_coverage.sh ] || [ -f tests/opcode_coverage.sh ]; then
  section "opcode coverage"
  bash tests/opcode_coverage.sh || fail=1
fi

if [ $fail -ne 0 ]; then echo; echo "make test: FAILED"; exit 1; fi
echo; echo "make test: all passed"
