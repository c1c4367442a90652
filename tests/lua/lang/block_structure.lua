-- if/elseif/else ladders and nested blocks
local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  elseif n < 100 then return "medium"
  else return "large" end
end
local out = {}
for _, n in ipairs({ -5, 0, 3, 42, 1000 }) do out[#out + 1] = classify(n) end
print(table.concat(out, " "))
-- nested ifs without else, conditions with side effects
local log = {}
local function cond(name, v) log[#log + 1] = name; return v end
if cond("a", true) then
  if cond("b", false) then log[#log + 1] = "never" elseif cond("c", nil) then log[#log + 1] = "never2" else log[#log + 1] = "else" end
end
print(table.concat(log, ","))
-- deeply nested blocks
local depth = 0
do do do do do depth = 5 end end end end end
print(depth)
-- while with complex condition and nested repeat
local i, found = 0, nil
while i < 10 and not found do
  i = i + 1
  local j = 0
  repeat j = j + 1; if i * j == 12 then found = i .. "*" .. j end until j >= i or found
end
print(found, i)
-- return must be the last statement in a block; use do return end
local function early(x) if x then do return "early" end end return "late" end
print(early(true), early(false))
-- empty blocks
if true then end
while false do end
for _ = 1, 0 do end
do end
print("done")
