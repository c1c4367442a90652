local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
assert(fib(20) == 6765)
print("fib", fib(20), fib(25))

local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
assert(ack(2, 3) == 9)
print("ack", ack(2, 3), ack(3, 3))

local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  hanoi(n - 1, from, via, to, moves)
  moves[#moves + 1] = from .. to
  return hanoi(n - 1, via, to, from, moves)
end
local mv = hanoi(4, "A", "C", "B", {})
assert(#mv == 15)
print("hanoi", #mv, table.concat(mv, " "))

-- non-tail recursion several thousand deep
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
assert(depth(10000) == 10000)
print("depth", depth(10000))
local function sumlist(t, i) i = i or 1; if i > #t then return 0 end return t[i] + sumlist(t, i + 1) end
local big = {}
for i = 1, 5000 do big[i] = i end
assert(sumlist(big) == 12502500)

-- recursion through a table field and a global
local M = {}
function M.count(n) if n == 0 then return "M done" end return M.count(n - 1) end
function gcount(n) if n == 0 then return "g done" end return gcount(n - 1) end
print(M.count(100), gcount(100))

-- permutations
local function perms(a, n, out)
  n = n or #a
  out = out or {}
  if n <= 1 then out[#out + 1] = table.concat(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perms(a, n - 1, out)
      a[n], a[i] = a[i], a[n]
    end
  end
  return out
end
local p = perms({"a", "b", "c", "d"})
table.sort(p)
assert(#p == 24 and p[1] == "abcd" and p[24] == "dcba")
print(#p, p[1], p[2], p[24])

-- flood fill on a small grid
local map = {
  "#########",
  "#...#...#",
  "#.#.#.#.#",
  "#.#...#.#",
  "#########",
}
local seen = {}
local function fill(r, c)
  if map[r]:sub(c, c) ~= "." or seen[r * 100 + c] then return 0 end
  seen[r * 100 + c] = true
  return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)
end
print("filled", fill(2, 2))
