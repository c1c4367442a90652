-- A small template engine: {{var}}, {{var|filter}}, {% for x in list %}...{% end %},
-- {% if cond %}...{% else %}...{% end %}, with nested scopes, built on gsub/find.
local filters = {
  upper = string.upper, lower = string.lower,
  len = function(v) return tostring(#v) end,
  trim = function(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end,
  title = function(s) return (s:gsub("(%a)(%w*)", function(a, b) return a:upper() .. b:lower() end)) end,
  escape = function(s) return (s:gsub("[<>&\"]", { ["<"] = "&lt;", [">"] = "&gt;", ["&"] = "&amp;", ['"'] = "&quot;" })) end,
}

local function lookup(scope, path)
  local v = scope
  for part in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    local n = tonumber(part)
    v = v[n or part]
  end
  return v
end

local render
local function find_block_end(tpl, pos)
  -- returns start/end of the matching {% end %} and optional {% else %}
  local depth, elsepos = 1, nil
  while true do
    local s, e, body = tpl:find("{%%%s*(.-)%s*%%}", pos)
    if not s then error("unclosed block", 0) end
    local kw = body:match("^(%a+)")
    if kw == "for" or kw == "if" then depth = depth + 1
    elseif kw == "end" then
      depth = depth - 1
      if depth == 0 then return s, e, elsepos end
    elseif kw == "else" and depth == 1 then elsepos = { s, e } end
    pos = e + 1
  end
end

function render(tpl, scope)
  local out, pos = {}, 1
  while true do
    local s, e, body = tpl:find("{%%%s*(.-)%s*%%}", pos)
    local chunk = tpl:sub(pos, (s or #tpl + 1) - 1)
    out[#out + 1] = chunk:gsub("{{%s*([%w_%.]+)%s*|?%s*([%w_]*)%s*}}", function(name, filter)
      local v = lookup(scope, name)
      if v == nil then v = "" end
      v = tostring(v)
      if filter ~= "" then
        local f = filters[filter] or error("unknown filter '" .. filter .. "'", 0)
        v = f(v)
      end
      return v
    end)
    if not s then break end
    local kw, rest = body:match("^(%a+)%s*(.*)$")
    local bs, be, elsepos = find_block_end(tpl, e + 1)
    local inner_end = elsepos and elsepos[1] - 1 or bs - 1
    local inner = tpl:sub(e + 1, inner_end)
    local alt = elsepos and tpl:sub(elsepos[2] + 1, bs - 1) or ""
    if kw == "for" then
      local var, listname = rest:match("^([%w_]+)%s+in%s+([%w_%.]+)$")
      local list = lookup(scope, listname) or {}
      for i, item in ipairs(list) do
        local child = setmetatable({ [var] = item, loop = { index = i, first = i == 1, last = i == #list } }, { __index = scope })
        out[#out + 1] = render(inner, child)
      end
      if #list == 0 then out[#out + 1] = render(alt, scope) end
    elseif kw == "if" then
      local neg, name = rest:match("^(n?o?t?)%s*([%w_%.]+)$")
      local v = lookup(scope, name)
      local truth = v ~= nil and v ~= false and v ~= "" and not (type(v) == "table" and #v == 0)
      if neg == "not" then truth = not truth end
      out[#out + 1] = render(truth and inner or alt, scope)
    else
      error("unknown tag '" .. kw .. "'", 0)
    end
    pos = be + 1
  end
  return table.concat(out)
end

local page = [[
<h1>{{title|title}}</h1>
{% if user.admin %}<b>admin: {{user.name|upper}}</b>{% else %}<i>guest {{user.name}}</i>{% end %}
<ul>{% for item in items %}
  <li{% if loop.first %} class="first"{% end %}>{{loop.index}}. {{item.name|escape}} ({{item.tags.1}}){% if loop.last %} [last]{% end %}</li>{% end %}
</ul>
{% for x in empty %}never{% else %}no entries{% end %}
{% if not empty %}empty list is falsy{% end %}
name length: {{user.name|len}}, missing: [{{nothing.here}}], trimmed: [{{padded|trim}}]
]]
local data = {
  title = "the LUREL test PAGE",
  user = { name = "ada", admin = true },
  items = { { name = "<tables>", tags = { "core" } }, { name = "strings & patterns", tags = { "lib" } }, { name = "\"quotes\"", tags = {} } },
  empty = {},
  padded = "   spaced out   ",
}
io.write(render(page, data))
data.user.admin = false
print(render("{% if user.admin %}A{% else %}B{% end %}-{% for i in items %}{{i.name|len}},{% end %}", data))
print(pcall(render, "{{x|nofilter}}", { x = 1 }))
print(pcall(render, "{% for x in y %}unclosed", {}))
print(pcall(render, "{% while x %}{% end %}", {}))
