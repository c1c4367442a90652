#!/usr/bin/env bash
# Differential runner for the Lua test programs under tests/lua.
#
# Usage: tests/run_lua_tests.sh [--lurel PATH] [--no-diff] [--timeout SECS]
#                               [-j JOBS] [DIR_OR_FILE...]
#
# Default: build/lurel, every *.lua under tests/lua, 60 s timeout per run,
# $(nproc) parallel jobs. Runs from the repository root; paths are passed to
# the interpreters exactly as found, so chunk names ("tests/lua/x/y.lua:3:")
# are the same under lurel and lua5.4.
#
# Pass/fail:
#   * A file whose FIRST line contains "-- lurel-only" passes iff lurel exits
#     with the expected status (0, or N from a "-- expect-exit: N" line among
#     the first 5 lines).
#   * Any other file is also run under lua5.4 (unless --no-diff, or lua5.4 is
#     not installed) and passes iff
#       - stdout is byte-identical,
#       - the exit status is identical, and
#       - if that status is nonzero, the first line of stderr is identical after
#         a leading "<path>lua5.4: " / "<path>lurel: " is replaced by "LUA: ".
#     Without lua5.4 such a file passes iff lurel exits with the expected
#     status (0 or "-- expect-exit: N").
#   * A run killed by the timeout always fails.
#   * A "-- lurel-args: ARGS" line among the first 5 lines passes ARGS
#     (split at spaces) to lurel before the file, e.g. "--sandbox".
# Extra environment variables (LUREL_REDUCTIONS, ASAN_OPTIONS, ...) pass through
# to the lurel runs unchanged. Ends with the line "N passed, M failed" and exits
# 1 if M > 0 (2 on usage errors).

set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ORIG=$PWD

LUREL=build/lurel
DIFF=1
TIMEOUT_SECS=60
JOBS=$(nproc 2>/dev/null || echo 2)
REF_LUA=${REF_LUA:-lua5.4}
targets=()

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --lurel) [ $# -ge 2 ] || usage; LUREL=$2; shift 2 ;;
        --lurel=*) LUREL=${1#--lurel=}; shift ;;
        --no-diff) DIFF=0; shift ;;
        --timeout) [ $# -ge 2 ] || usage; TIMEOUT_SECS=$2; shift 2 ;;
        --timeout=*) TIMEOUT_SECS=${1#--timeout=}; shift ;;
        -j) [ $# -ge 2 ] || usage; JOBS=$2; shift 2 ;;
        -j*) JOBS=${1#-j}; shift ;;
        -h|--help) usage ;;
        --) shift; targets+=("$@"); break ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *) targets+=("$1"); shift ;;
    esac
done

# Paths given on the command line are relative to the caller's directory;
# everything runs from the repository root.
if [ ${#targets[@]} -gt 0 ]; then
    for i in "${!targets[@]}"; do
        case "${targets[$i]}" in
            /*) ;;
            *) targets[$i]="$ORIG/${targets[$i]}" ;;
        esac
        targets[$i]=$(realpath -m --relative-base="$ROOT" "${targets[$i]}")
    done
else
    targets=(tests/lua)
fi
case "$LUREL" in
    /*) ;;
    */*) if [ "$LUREL" != build/lurel ] && [ -e "$ORIG/$LUREL" ]; then
             LUREL=$(realpath "$ORIG/$LUREL")
         fi ;;
esac
cd "$ROOT" || exit 2

if ! [ -x "$LUREL" ] && ! command -v "$LUREL" >/dev/null 2>&1; then
    echo "run_lua_tests: interpreter not found: $LUREL" >&2
    exit 2
fi
if [ "$DIFF" = 1 ] && ! command -v "$REF_LUA" >/dev/null 2>&1; then
    echo "run_lua_tests: $REF_LUA not found; not diffing" >&2
    DIFF=0
fi

# Collect files in a stable order.
listfile=$(mktemp)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$listfile"' EXIT
for t in "${targets[@]}"; do
    if [ -d "$t" ]; then
        find "$t" -type f -name '*.lua' -print
    elif [ -f "$t" ]; then
        printf '%s\n' "$t"
    else
        echo "run_lua_tests: no such file or directory: $t" >&2
        echo "$t" >> "$WORK/missing"
    fi
done | LC_ALL=C sort -u > "$listfile"

if [ -s "$WORK/missing" ]; then
    exit 2
fi
total=$(wc -l < "$listfile")
if [ "$total" -eq 0 ]; then
    echo "0 passed, 0 failed"
    exit 0
fi

export LUREL DIFF TIMEOUT_SECS REF_LUA WORK

# Runs one test; writes $WORK/res/<n>.ok or $WORK/res/<n>.fail (the report).
run_one() {
    local n=$1 f=$2
    local d="$WORK/t$n"
    mkdir -p "$d"
    local head1 lurel_only=0 expect=0
    head1=$(head -n 1 "$f")
    case "$head1" in *"-- lurel-only"*) lurel_only=1 ;; esac
    local e
    e=$(head -n 5 "$f" | sed -n 's/.*-- expect-exit: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
    [ -n "$e" ] && expect=$e
    local largs
    largs=$(head -n 5 "$f" | sed -n 's/.*-- lurel-args: *//p' | head -n 1)

    # (the group's own stderr is silenced so bash's "Segmentation fault"
    # job reports do not clutter the output; the report below says it)
    # shellcheck disable=SC2086  # largs: split on purpose
    { timeout -k 5 "$TIMEOUT_SECS" "$LUREL" $largs "$f" > "$d/out" 2> "$d/err" < /dev/null; } 2> /dev/null
    local rc=$?
    local report="$d/report"
    : > "$report"
    local sig=""
    if [ $rc -gt 128 ] && [ $rc -ne 137 ]; then
        sig=" (killed by signal $((rc - 128)): $(kill -l $((rc - 128)) 2>/dev/null))"
    fi
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        echo "TIMEOUT (${TIMEOUT_SECS}s) under $LUREL (status $rc)" >> "$report"
        head -n 5 "$d/err" | sed 's/^/  stderr: /' >> "$report"
    elif [ $lurel_only = 1 ] || [ "$DIFF" = 0 ]; then
        if [ $rc -ne "$expect" ]; then
            echo "exit status $rc$sig, expected $expect" >> "$report"
            head -n 10 "$d/err" | sed 's/^/  stderr: /' >> "$report"
        fi
    else
        { timeout -k 5 "$TIMEOUT_SECS" "$REF_LUA" "$f" > "$d/rout" 2> "$d/rerr" < /dev/null; } 2> /dev/null
        local rrc=$?
        if [ $rrc -eq 124 ] || [ $rrc -eq 137 ]; then
            echo "TIMEOUT under reference $REF_LUA" >> "$report"
        fi
        if ! cmp -s "$d/rout" "$d/out"; then
            echo "stdout differs (--- $REF_LUA, +++ $LUREL):" >> "$report"
            diff -u --label "$REF_LUA" --label "$LUREL" "$d/rout" "$d/out" \
                | head -n 20 >> "$report"
        fi
        if [ $rc -ne $rrc ]; then
            echo "exit status $rc$sig, $REF_LUA gives $rrc" >> "$report"
            head -n 5 "$d/err" | sed 's/^/  stderr: /' >> "$report"
        elif [ $rc -ne 0 ]; then
            local norm='s/^[^ :]*\(lua5\.4\|lurel\): /LUA: /'
            local l1 r1
            l1=$(head -n 1 "$d/err" | sed "$norm")
            r1=$(head -n 1 "$d/rerr" | sed "$norm")
            if [ "$l1" != "$r1" ]; then
                echo "first stderr line differs (program name normalised to LUA:):" >> "$report"
                echo "  expected ($REF_LUA): $r1" >> "$report"
                echo "  got      ($LUREL): $l1" >> "$report"
            fi
        fi
    fi
    if [ -s "$report" ]; then
        mv "$report" "$WORK/res/$n.fail"
    else
        : > "$WORK/res/$n.ok"
    fi
    rm -rf "$d"
}
export -f run_one

mkdir -p "$WORK/res"
nl -ba -w1 -s' ' "$listfile" \
    | xargs -d '\n' -P "$JOBS" -n 1 bash -c 'run_one "${1%% *}" "${1#* }"' _

passed=0
failed=0
n=0
while IFS= read -r f; do
    n=$((n + 1))
    if [ -e "$WORK/res/$n.ok" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $f"
        if [ -e "$WORK/res/$n.fail" ]; then
            sed 's/^/    /' "$WORK/res/$n.fail"
        else
            echo "    (no result: runner error)"
        fi
    fi
done < "$listfile"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
