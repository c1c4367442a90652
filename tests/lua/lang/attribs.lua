-- <const> locals
local x <const> = 10
local s <const> = "str"
local f <const> = 1.5
assert(x + 1 == 11 and s .. "!" == "str!" and f * 2 == 3.0)
local function usesconst() return x * 2, s end
print(usesconst())
local t <const> = {}
t.field = 1   -- the table itself is mutable
assert(t.field == 1)
local a <const>, b = 1, 2
b = 3
assert(a == 1 and b == 3)
-- constant folding through consts
local K <const> = 4
local arr = {}
for i = 1, K do arr[i] = i * K end
assert(arr[K] == 16)
print(arr[1], arr[K], #arr)
-- nil/false constants
local N <const> = nil
local F <const> = false
assert(N == nil and F == false)
print(N, F)
-- compile errors
local function ce(src) local fn, m = load(src, "=c"); assert(fn == nil); print(m) end
ce("local x <const> = 1; x = 2")
ce("local x <const> = 1; local function f() x = 3 end")
ce("local x <const> = 1; x, y = 1, 2")
ce("local x <static> = 1")
