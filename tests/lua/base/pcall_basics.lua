-- the most basic protected-call behaviours
print(pcall(function() return 1 end))
print(pcall(function() end))
print(pcall(function() error() end))
print(pcall(function() error("msg", 0) end))
print(pcall(error, "direct", 0))
local ok, e = pcall(function() local x = {} .. "" end)
print(ok, (e:gsub("^.-:%d+: ", "")))
-- pcall returns false when the called value errors as a non-callable
print(pcall(nil))
-- results beyond the first are kept
print(select("#", pcall(function() return 1, 2, 3 end)))
-- a function that errors after producing side effects
local log = {}
print(pcall(function() log[#log + 1] = "before"; error("stop", 0); log[#log + 1] = "after" end), #log)
-- error inside a pcall inside a loop does not break the loop
local n = 0
for i = 1, 10 do if pcall(function() if i % 3 == 0 then error("x") end end) then n = n + 1 end end
print("successes", n)
