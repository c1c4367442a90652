-- sets as tables: union, intersection, difference, subset, power set
local function Set(list) local s = {} for _, v in ipairs(list) do s[v] = true end return s end
local function items(s) local r = {} for k in pairs(s) do r[#r + 1] = k end table.sort(r) return r end
local function show(s) return "{" .. table.concat(items(s), ",") .. "}" end
local function union(a, b) local r = {} for k in pairs(a) do r[k] = true end for k in pairs(b) do r[k] = true end return r end
local function inter(a, b) local r = {} for k in pairs(a) do if b[k] then r[k] = true end end return r end
local function diff(a, b) local r = {} for k in pairs(a) do if not b[k] then r[k] = true end end return r end
local function subset(a, b) for k in pairs(a) do if not b[k] then return false end end return true end
local A, B = Set({ 1, 2, 3, 4, 5 }), Set({ 4, 5, 6, 7 })
print(show(union(A, B)), show(inter(A, B)), show(diff(A, B)), show(diff(B, A)))
print(subset(Set({ 1, 2 }), A), subset(A, B), subset({}, A))
local function powerset(list)
  local result = { {} }
  for _, x in ipairs(list) do
    local n = #result
    for i = 1, n do
      local copy = { table.unpack(result[i]) }
      copy[#copy + 1] = x
      result[#result + 1] = copy
    end
  end
  return result
end
local ps = powerset({ "a", "b", "c" })
local strs = {}
for i, s in ipairs(ps) do strs[i] = "{" .. table.concat(s) .. "}" end
table.sort(strs)
print(#ps, table.concat(strs, " "))
-- string sets and counting distinct words
local words = Set({})
for w in ("the cat and the hat and the bat"):gmatch("%a+") do words[w] = true end
print(show(words), #items(words))
