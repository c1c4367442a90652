#!/usr/bin/env bash
# tests/cli/run.sh [--lurel PATH] — the command line, side by side with lua5.4.
#
# Each case runs the same arguments (and stdin) under lurel and lua5.4 in a
# scratch directory and compares stdout, stderr and the exit status, with
# the program's name ("lurel:" / "lua5.4:") written the same way.  Then a
# few lurel-only cases (-c, --disasm, --sandbox, crash reports) check their
# own expectations.
set -u
cd "$(dirname "$0")/../.."
LUREL=build/lurel
[ "${1:-}" = "--lurel" ] && LUREL="$2"
LUREL="$(cd "$(dirname "$LUREL")" && pwd)/$(basename "$LUREL")"
LUA=${LUA:-lua5.4}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
pass=0; fail=0

# fixtures
printf 'return {x = 1}\n' > mymod.lua
printf 'print("script", ...)\nprint(arg[0], arg[1], arg[2], #arg)\n' > args.lua
printf 'local t = nil\nprint(t.field)\n' > crash.lua
printf 'x = = 1\n' > syntax.lua
printf '#!/usr/bin/env lua\nprint("shebang skipped")\n' > shebang.lua
printf 'print("from stdin", ...)\n' > stdin.txt
printf 'os.exit(7)\n' > exit7.lua
printf 'io.write("no newline")\nos.exit(true, true)\n' > exitclose.lua
printf 'print(LUA_INIT_RAN)\n' > init_check.lua
printf 'LUA_INIT_RAN = "yes"\n' > init.lua
mkdir -p adir

# (the usage text: lurel's own options, listed after lua5.4's, are left out)
norm() {
  sed -e "s#$LUREL#PROG#g" -e 's#^lurel:#PROG:#' -e 's#^usage: lurel #usage: PROG #' -e "s#^$LUA:#PROG:#" \
      -e 's#lua5\.4#PROG#g' -e '/^  --sandbox/,/^  -c out.lbc/d'
}

# same INPUT ARGS...: lurel and lua5.4 agree on stdout, stderr and status
same() {
  local input="$1"; shift
  local o1 e1 o2 e2 r1 r2
  o1=$(env "${ENVS[@]}" "$LUREL" "$@" <"$input" 2>err1); r1=$?
  o2=$(env "${ENVS[@]}" "$LUA" "$@" <"$input" 2>err2); r2=$?
  e1=$(norm <err1); e2=$(norm <err2)
  o1=$(norm <<<"$o1"); o2=$(norm <<<"$o2")
  if [ "$o1" == "$o2" ] && [ "$e1" == "$e2" ] && [ $r1 -eq $r2 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL  ${ENVS[*]} $* (<$input)"
    [ $r1 -eq $r2 ] || echo "      status: lurel $r1, lua5.4 $r2"
    [ "$o1" == "$o2" ] || diff <(echo "$o1") <(echo "$o2") | sed 's/^/      stdout /'
    [ "$e1" == "$e2" ] || diff <(echo "$e1") <(echo "$e2") | sed 's/^/      stderr /'
  fi
}
ENVS=(LUA_INIT= LUA_INIT_5_4=)

same /dev/null -e 'print(1 + 1)'
same /dev/null -e 'x = 5' -e 'print(x * 2)'
same /dev/null -e 'x ='                          # syntax error in -e
same /dev/null -e 'error("boom")'                # runtime error: message and traceback
same /dev/null -e 'error({})'                    # non-string error object
same /dev/null -e 'error(setmetatable({}, {__tostring = function() return "custom" end}))'
same /dev/null -e 'error()'
same /dev/null -l mymod -e 'print(mymod.x)'
same /dev/null -l m=mymod -e 'print(m.x, mymod)'
same /dev/null -lmymod -e 'print(mymod.x)'
same /dev/null -W -e 'warn("shown")'
same /dev/null -e 'warn("hidden")'
same /dev/null -e 'warn("@on") warn("a", "b")'
same /dev/null args.lua one two
same /dev/null -- args.lua one
same /dev/null -e 'print(#arg, arg[-1], arg[-2])' args.lua x
same /dev/null nonexistent.lua
same /dev/null adir
same /dev/null syntax.lua
same /dev/null crash.lua
same /dev/null shebang.lua
same /dev/null exit7.lua
same /dev/null exitclose.lua
same stdin.txt -
same stdin.txt - a b
same stdin.txt                                   # no terminal: stdin is the script
same /dev/null -x                                # unknown option: usage
same /dev/null -e                                # missing argument
same /dev/null -l
same /dev/null -E -e 'print(package.path == package.path)'
ENVS=(LUA_INIT_5_4= "LUA_INIT=LUA_INIT_RAN = 'chunk'"); same /dev/null init_check.lua
ENVS=(LUA_INIT= "LUA_INIT_5_4=@init.lua"); same /dev/null init_check.lua
ENVS=("LUA_INIT=@init.lua" LUA_INIT_5_4=); same /dev/null -E init_check.lua
ENVS=(LUA_INIT= "LUA_INIT_5_4=@missing.lua"); same /dev/null -e 'print(1)'
ENVS=(LUA_INIT= LUA_INIT_5_4= "LUA_PATH=./?.lua"); same /dev/null -e 'print(package.path)'
ENVS=(LUA_INIT= LUA_INIT_5_4= "LUA_PATH_5_4=x/?.lua;;"); same /dev/null -e 'print(package.path:match("^x/%?%.lua;") ~= nil)'
ENVS=(LUA_INIT= LUA_INIT_5_4=)

# lurel-only: expect STATUS GREP-REGEX(on stdout+stderr) ARGS...
expect() {
  local want="$1" re="$2"; shift 2
  local out r
  out=$("$LUREL" "$@" </dev/null 2>&1); r=$?
  if [ $r -eq "$want" ] && grep -qE -- "$re" <<<"$out"; then pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL  lurel $* : status $r (want $want), output:"; sed 's/^/      | /' <<<"$out" | head -n 10
  fi
}
printf 'local n = ...\nprint("compiled", n)\n' > comp.lua
expect 0 '' -c comp.lbc comp.lua
expect 0 '^compiled	41$' comp.lbc 41
expect 0 'RETURN' --disasm comp.lua
head -c 20 comp.lbc > bad.lbc
expect 1 'lurel: ' bad.lbc                          # a truncated bytecode file is refused
expect 0 '^nil$' --sandbox -e 'print(io)'
expect 1 'ERROR REPORT.*crashed|attempt to index' crash.lua
printf 'process.spawn(function() error("child fails") end)\nprocess.sleep(50)\nprint("main goes on")\n' > child.lua
expect 0 'main goes on' child.lua
printf 'process.spawn(function() process.receive() end)\nprint("main ends")\n' > orphan.lua
expect 0 '^main ends$' orphan.lua                   # the others end with the main process

echo "command-line tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
