-- Evaluate arithmetic by repeatedly reducing innermost parenthesised groups
-- with %b and gsub, then applying operators by precedence with patterns.
local function reduce_flat(expr)
  -- expr has no parentheses; numbers may be negative
  local num = "(%-?%d+%.?%d*)"
  local function apply(e, ops)
    local changed = true
    while changed do
      changed = false
      e = e:gsub(num .. "%s*([" .. ops .. "])%s*" .. num, function(a, op, b)
        changed = true
        a, b = tonumber(a), tonumber(b)
        local r
        if op == "*" then r = a * b elseif op == "/" then r = a / b
        elseif op == "+" then r = a + b elseif op == "-" then r = a - b
        elseif op == "%" then r = a % b end
        if math.type(r) == "float" and r == math.floor(r) and math.abs(r) < 2^53 then r = math.tointeger(r) end
        return tostring(r)
      end, 1)
    end
    return e
  end
  expr = apply(expr, "*/%%")
  expr = apply(expr, "+%-")
  return expr:match("^%s*(.-)%s*$")
end
local function eval(expr)
  local prev
  repeat
    prev = expr
    expr = expr:gsub("%b()", function(group)
      local inner = group:sub(2, -2)
      if inner:find("[()]") then return "(" .. eval(inner) .. ")" end
      return reduce_flat(inner)
    end)
  until expr == prev
  return reduce_flat(expr)
end
for _, e in ipairs({ "1 + 2 * 3", "(1 + 2) * 3", "2 * (3 + (4 - 1)) / 3", "((2))", "10 - 4 - 3", "7 % 4 + 1", "(1.5 + 2.5) * (2 - 0.5)", "-3 + 5", "100 / (2 * (3 + 2))" }) do
  print(string.format("%-28s = %s", e, eval(e)))
end
