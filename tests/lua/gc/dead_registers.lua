-- Objects only dead registers still hold are collected (lua5.4 marks the
-- stack up to the register being made at NEWTABLE/CLOSURE/CONCAT), so loops
-- waiting for a finalizer end.
do
  local name = nil
  setmetatable({}, {__gc = function () name = "finalized" end})
  repeat local a = {} until name
  print(name)
end
do
  local name = nil
  setmetatable({}, {__gc = function () name = "finalized" end})
  while not name do local a = {} end
  print(name)
end
do
  local name = nil
  setmetatable({}, {__gc = function () name = "finalized" end})
  repeat local f = function() end until name
  print(name)
end
do
  local name = nil
  setmetatable({}, {__gc = function () name = "finalized" end})
  repeat local s = tostring({}) .. "x" until name
  print(name)
end
