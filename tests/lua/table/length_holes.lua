-- '#' of tables with holes: the border lua5.4 finds (its 'alimit' search,
-- array sizes from constructors and rehashes, integer and float keys placed
-- as lua5.4 places them), after many random operations.
print(#{1, 2, 3, nil, nil}, #{nil}, #{nil, nil}, #{1, nil, 3}, #{nil, 2}, #{1, 2, nil, 4})
print(#{1, nil, 3, nil}, #table.pack(1, nil, 3, nil), #{n = 1, 1, nil, 3, nil})
local function f(...) return #{...} end
print(f(1, nil, nil, 4), f(nil, nil, 3), f(1, 2, 3, nil, 5, nil))
local a = {}
for i = 1, 100 do a[i] = i end
local r = {}
for i = 100, 1, -3 do a[i] = nil; r[#r + 1] = #a end
print(table.concat(r, " "))
local t = {1, 2, 3}
t[5] = 5
print(#t)
t[4] = 4
print(#t)
local seed = 987
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local out = {}
for trial = 1, 400 do
  local t
  local c = rnd(6)
  if c == 1 then t = {}
  elseif c == 2 then t = {1, 2, nil, 4, nil, nil, 7, nil}
  elseif c == 3 then t = {nil, nil, 3}
  elseif c == 4 then t = {1, 2, 3, [true] = 1, [false] = 2, [10] = 10, [20] = 20}
  elseif c == 5 then t = table.pack(1, nil, 3, nil, nil)
  else t = {} for i = 1, rnd(20) do t[i] = i end end
  for step = 1, 50 do
    local op = rnd(16)
    if op <= 4 then t[rnd(40)] = true
    elseif op <= 6 then t[rnd(40)] = nil
    elseif op == 7 then t[#t + 1] = 1
    elseif op == 8 then t[#t] = nil
    elseif op == 9 then t[rnd(10) + 0.5] = 1
    elseif op == 10 then table.insert(t, rnd(#t + 1), "i")
    elseif op == 11 then if #t > 0 then table.remove(t, rnd(#t)) end
    elseif op == 12 then local x = t[rnd(50)]
    elseif op == 13 then for i, v in ipairs(t) do end
    elseif op == 14 then rawset(t, rnd(40), rnd(2) == 1 or nil)
    elseif op == 15 then local a = {table.unpack(t, 1, rnd(40))} t[rnd(40) * 1.0] = #a
    else table.insert(t, "a") end
    out[#out + 1] = #t
  end
end
local h = 0
for i, v in ipairs(out) do h = (h * 31 + v * i) % 1000000007 end
print(#out, h)
print(table.concat(out, " ", 1, 300))
