print(select("#"), select("#", nil), select("#", 1, nil, nil))
print(select(1, "a", "b"), select(2, "a", "b"), select(3, "a", "b"))
print(select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(select(2.0, "a", "b"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0))
print(pcall(select, 1.5, "a"))
print(pcall(select, nil))
print(select(math.maxinteger, 1, 2))
local function last(...) return (select(-1, ...)) end
local function count(...) return select("#", ...) end
print(last(1, 2, 3), count(table.unpack({ 1, 2, nil, 4 }, 1, 4)))
-- select with "#" given as number-like string is not accepted
print(pcall(select, "##", 1))
