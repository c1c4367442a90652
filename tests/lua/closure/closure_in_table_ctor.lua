-- closures created inside table constructors and sharing state
local function make_obj(name)
  local calls = 0
  return {
    name = function() calls = calls + 1; return name end,
    calls = function() return calls end,
    rename = function(n) name = n end,
    [1] = function() return "indexed " .. name end,
  }
end
local o = make_obj("first")
o.name(); o.name()
o.rename("second")
print(o.name(), o.calls(), o[1]())
local o2 = make_obj("other")
print(o2.name(), o2.calls(), o.calls())
-- array of closures from a constructor
local k = 10
local arr = { function() return k end, function() k = k + 1 end, function() return k * 2 end }
arr[2](); arr[2]()
print(arr[1](), arr[3]())
-- closures as keys
local fkey = function() end
local t = { [fkey] = "func key" }
print(t[fkey])
