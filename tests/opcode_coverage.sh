#!/usr/bin/env bash
# Proves that the Lua test programs under tests/lua make the reference Lua 5.4
# compiler produce every one of the 83 Lua 5.4.4 opcodes, and every variant of
# the flag bits that matter:
#   * the k bit (both 0 and 1) of SETTABUP SETTABLE SETI SETFIELD SELF EQ LT LE
#     EQK EQI LTI LEI GTI GEI TEST TESTSET TAILCALL RETURN NEWTABLE SETLIST
#     MMBINI MMBINK;
#   * the isf bit (float immediate, kept in C) of EQI LTI LEI GTI GEI.
#
# How: for each file, `luac5.4 -l -l -p FILE` gives the listing (opcode names;
# luac prints the k bit as a "k" suffix on the last operand for SETTABUP,
# SETTABLE, SETI, SETFIELD, SELF, TAILCALL and RETURN, as a plain 0/1 operand
# for the comparisons, TEST/TESTSET and MMBINI/MMBINK, and not at all for
# NEWTABLE/SETLIST or for isf). Because not every flag is visible in the text,
# the same file is also compiled with lua5.4's own parser (loadfile +
# string.dump, i.e. the bytes luac would write) and every instruction word is
# decoded. The two views are zipped instruction by instruction and must agree
# on the opcode (and, where luac prints it as a suffix, on k); the flags are
# read from the decoded words.
#
# Usage: tests/opcode_coverage.sh [-v] [DIR_OR_FILE...]   (default tests/lua)
#   -v  also print, for each opcode/variant, the first file that has it.
# Prints each missing opcode/variant and exits 1 if any is missing; otherwise
# prints "opcode coverage: all N opcodes and K variants covered".

set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LUA=${LUA:-lua5.4}
LUAC=${LUAC:-luac5.4}
VERBOSE=0
targets=()
for a in "$@"; do
    case "$a" in
        -v) VERBOSE=1 ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) targets+=("$(realpath -m --relative-base="$ROOT" "$a")") ;;
    esac
done
cd "$ROOT" || exit 2
[ ${#targets[@]} -gt 0 ] || targets=(tests/lua)

for tool in "$LUA" "$LUAC"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "opcode_coverage: $tool not found" >&2; exit 2; }
done

script=$(mktemp)
trap 'rm -f "$script"' EXIT
cat > "$script" <<'LUA_EOF'
local LUAC, VERBOSE = arg[1], arg[2] == "1"

-- lopcodes.h order of Lua 5.4.4
local NAMES = {
  "MOVE", "LOADI", "LOADF", "LOADK", "LOADKX", "LOADFALSE", "LFALSESKIP",
  "LOADTRUE", "LOADNIL", "GETUPVAL", "SETUPVAL", "GETTABUP", "GETTABLE",
  "GETI", "GETFIELD", "SETTABUP", "SETTABLE", "SETI", "SETFIELD", "NEWTABLE",
  "SELF", "ADDI", "ADDK", "SUBK", "MULK", "MODK", "POWK", "DIVK", "IDIVK",
  "BANDK", "BORK", "BXORK", "SHRI", "SHLI", "ADD", "SUB", "MUL", "MOD", "POW",
  "DIV", "IDIV", "BAND", "BOR", "BXOR", "SHL", "SHR", "MMBIN", "MMBINI",
  "MMBINK", "UNM", "BNOT", "NOT", "LEN", "CONCAT", "CLOSE", "TBC", "JMP", "EQ",
  "LT", "LE", "EQK", "EQI", "LTI", "LEI", "GTI", "GEI", "TEST", "TESTSET",
  "CALL", "TAILCALL", "RETURN", "RETURN0", "RETURN1", "FORLOOP", "FORPREP",
  "TFORPREP", "TFORCALL", "TFORLOOP", "SETLIST", "CLOSURE", "VARARG",
  "VARARGPREP", "EXTRAARG",
}
assert(#NAMES == 83)

local K_OPS = { "SETTABUP", "SETTABLE", "SETI", "SETFIELD", "SELF", "EQ", "LT",
  "LE", "EQK", "EQI", "LTI", "LEI", "GTI", "GEI", "TEST", "TESTSET",
  "TAILCALL", "RETURN", "NEWTABLE", "SETLIST", "MMBINI", "MMBINK" }
local ISF_OPS = { "EQI", "LTI", "LEI", "GTI", "GEI" }
-- opcodes whose k bit luac prints as a "k" suffix
local K_SUFFIX = { SETTABUP = true, SETTABLE = true, SETI = true,
  SETFIELD = true, SELF = true, TAILCALL = true, RETURN = true }

local required = {}          -- ordered list of keys
for _, n in ipairs(NAMES) do required[#required + 1] = n end
local nops = #required
for _, n in ipairs(K_OPS) do
  required[#required + 1] = n .. " k=0"
  required[#required + 1] = n .. " k=1"
end
for _, n in ipairs(ISF_OPS) do
  required[#required + 1] = n .. " isf=0"
  required[#required + 1] = n .. " isf=1"
end
local nvariants = #required - nops
local HAS_K, HAS_ISF = {}, {}
for _, n in ipairs(K_OPS) do HAS_K[n] = true end
for _, n in ipairs(ISF_OPS) do HAS_ISF[n] = true end

-- decode the instruction words of a dumped chunk, functions in pre-order
-- (the order luac -l prints them)
local function decode(s)
  local pos = 1
  local function byte() local b = s:byte(pos); pos = pos + 1; return b end
  local function varint()
    local x = 0
    repeat local b = byte(); x = (x << 7) | (b & 0x7f) until b & 0x80 ~= 0
    return x
  end
  local function str() local n = varint(); if n > 0 then pos = pos + n - 1 end end
  assert(s:sub(1, 4) == "\27Lua" and s:byte(5) == 0x54 and s:byte(6) == 0,
         "not a Lua 5.4 chunk")
  pos = 7 + 6
  assert(byte() == 4 and byte() == 8 and byte() == 8, "unexpected type sizes")
  pos = pos + 16
  byte()
  local code = {}
  local function func()
    str(); varint(); varint(); byte(); byte(); byte()
    local n = varint()
    for _ = 1, n do
      code[#code + 1] = string.unpack("=I4", s, pos)
      pos = pos + 4
    end
    n = varint()
    for _ = 1, n do
      local t = byte()
      if t == 3 or t == 19 then pos = pos + 8
      elseif t == 4 or t == 20 then str()
      else assert(t == 0 or t == 1 or t == 17, "bad constant tag") end
    end
    n = varint(); pos = pos + 3 * n
    n = varint(); for _ = 1, n do func() end
    n = varint(); pos = pos + n
    n = varint(); for _ = 1, n do varint(); varint() end
    n = varint(); for _ = 1, n do str(); varint(); varint() end
    n = varint(); for _ = 1, n do str() end
  end
  func()
  assert(pos == #s + 1, "trailing bytes in chunk")
  return code
end

local function shellquote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local seen = {}
local nfiles, ninstr = 0, 0
local problems = 0
for file in io.lines() do
  nfiles = nfiles + 1
  local p = io.popen(LUAC .. " -l -l -p " .. shellquote(file) .. " 2>&1")
  local listing = {}
  for line in p:lines() do
    local name, ops = line:match("^%s+%d+%s+%[[%d%-]*%]%s+(%u[%u%d]*)%s*(.-)%s*$")
    if name then listing[#listing + 1] = { name = name, ops = ops:gsub("%s*;.*$", "") } end
  end
  local ok = p:close()
  local fn, err = loadfile(file)
  if not ok or not fn then
    io.stderr:write("opcode_coverage: cannot compile ", file, ": ", tostring(err), "\n")
    problems = problems + 1
  else
    local code = decode(string.dump(fn))
    if #code ~= #listing then
      io.stderr:write(("opcode_coverage: %s: %d instructions decoded, %d listed\n")
                      :format(file, #code, #listing))
      problems = problems + 1
    else
      for i, ins in ipairs(code) do
        local op = ins & 0x7f
        local k = (ins >> 15) & 1
        local c = (ins >> 24) & 0xff
        local name = NAMES[op + 1]
        local l = listing[i]
        if name ~= l.name then
          io.stderr:write(("opcode_coverage: %s: instruction %d decodes as %s, luac lists %s\n")
                          :format(file, i, tostring(name), l.name))
          problems = problems + 1
          break
        end
        if K_SUFFIX[name] and (l.ops:sub(-1) == "k") ~= (k == 1) then
          io.stderr:write(("opcode_coverage: %s: instruction %d (%s %s): k bit %d disagrees with listing\n")
                          :format(file, i, name, l.ops, k))
          problems = problems + 1
          break
        end
        ninstr = ninstr + 1
        seen[name] = seen[name] or file
        if HAS_K[name] then
          local key = name .. " k=" .. k
          seen[key] = seen[key] or file
        end
        if HAS_ISF[name] then
          local key = name .. " isf=" .. c
          seen[key] = seen[key] or file
        end
      end
    end
  end
end

local missing = 0
for _, key in ipairs(required) do
  if not seen[key] then
    print("missing: " .. key)
    missing = missing + 1
  elseif VERBOSE then
    print(("%-16s %s"):format(key, seen[key]))
  end
end
if problems > 0 then
  print(("opcode coverage: %d problem(s) reading the listings"):format(problems))
  os.exit(1)
end
if missing > 0 then
  print(("opcode coverage: %d of %d opcodes/variants missing (%d files, %d instructions)")
        :format(missing, #required, nfiles, ninstr))
  os.exit(1)
end
print(("opcode coverage: all %d opcodes and %d variants covered"):format(nops, nvariants))
LUA_EOF

for t in "${targets[@]}"; do
    if [ -d "$t" ]; then find "$t" -type f -name '*.lua'; else printf '%s\n' "$t"; fi
done | LC_ALL=C sort -u | "$LUA" "$script" "$LUAC" "$VERBOSE"
