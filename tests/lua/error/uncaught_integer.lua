-- expect-exit: 1
-- An uncaught integer error object.
local t <close> = setmetatable({}, {__close = function() print("closed") end})
error(-7)
