-- A small template engine: {{var}}, {{var|filter:arg}}, {{#each list}},
-- {{#if cond}} / {{else}}, {{! comments }}, compiled to Lua source and
-- loaded with load() in a restricted environment.
local T = {}

---------------------------------------------------------------------------
-- filters
---------------------------------------------------------------------------
local html_escapes = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                       ['"'] = "&quot;", ["'"] = "&#39;" }

T.filters = {
  upper = function(s) return string.upper(tostring(s)) end,
  lower = function(s) return string.lower(tostring(s)) end,
  escape = function(s) return (tostring(s):gsub("[&<>\"']", html_escapes)) end,
  trim = function(s) return (tostring(s):match("^%s*(.-)%s*$")) end,
  len = function(s)
    if type(s) == "table" then return #s end
    return utf8.len(tostring(s)) or #tostring(s)
  end,
  reverse = function(s) return tostring(s):reverse() end,
  format = function(v, fmt) return string.format(fmt, v) end,
  default = function(v, d) if v == nil or v == "" then return d end return v end,
  join = function(t, sep) return table.concat(t, sep or ", ") end,
  title = function(s)
    return (tostring(s):gsub("%f[%a](%a)(%a*)", function(a, b)
      return a:upper() .. b:lower()
    end))
  end,
  pad = function(s, n) return string.format("%-" .. tonumber(n) .. "s", tostring(s)) end,
  rpad = function(s, n) return string.format("%" .. tonumber(n) .. "s", tostring(s)) end,
  words = function(s)
    local n = 0
    for _ in tostring(s):gmatch("%f[%w]%w+") do n = n + 1 end
    return n
  end,
  date = function(t, fmt) return os.date("!" .. (fmt or "%Y-%m-%d"), t) end,
  hex = function(n) return string.format("0x%08x", n) end,
  first = function(t) return t[1] end,
  last = function(t) return t[#t] end,
  sorted = function(t)
    local c = table.move(t, 1, #t, 1, {})
    table.sort(c)
    return c
  end,
  keys = function(t)
    local ks = {}
    for k in pairs(t) do ks[#ks + 1] = tostring(k) end
    table.sort(ks)
    return ks
  end,
}

---------------------------------------------------------------------------
-- compiler
---------------------------------------------------------------------------
local function compile_error(name, src, pos, msg)
  local line = 1
  for _ in src:sub(1, pos - 1):gmatch("\n") do line = line + 1 end
  error(string.format("%s:%d: %s", name, line, msg), 0)
end

-- parse "path|f1:arg|f2" into Lua code that evaluates it
local function compile_expr(expr, name, src, pos)
  expr = expr:match("^%s*(.-)%s*$")
  local head, rest = expr:match("^([^|]*)(.*)$")
  head = head:match("^%s*(.-)%s*$")
  local code
  if head == "." then
    code = "ctx.this"
  elseif head:match("^%-?%d+%.?%d*$") then
    code = head
  elseif head:match('^"[^"]*"$') then
    code = string.format("%q", head:sub(2, -2))
  elseif head:match("^[%a_][%w_]*$") or head:match("^[%a_][%w_]*%.[%w_.]+$") then
    if head:find("%.%.") or head:find("%.$") then
      compile_error(name, src, pos, "bad variable name '" .. head .. "'")
    end
    local parts = {}
    for p in head:gmatch("[^.]+") do
      if p:match("^%d+$") then parts[#parts + 1] = "[" .. p .. "]"
      else parts[#parts + 1] = string.format("[%q]", p) end
    end
    code = "lookup(ctx, " .. string.format("%q", (head:match("^[^.]+"))) .. ")"
    for i = 2, #parts do code = "idx(" .. code .. ", " .. parts[i]:sub(2, -2) .. ")" end
  else
    compile_error(name, src, pos, "bad expression '" .. head .. "'")
  end
  for filter in rest:gmatch("|([^|]*)") do
    local fname, arg = filter:match("^%s*([%a_][%w_]*)%s*:?%s*(.-)%s*$")
    if not fname then compile_error(name, src, pos, "bad filter '" .. filter .. "'") end
    if not T.filters[fname] then
      compile_error(name, src, pos, "unknown filter '" .. fname .. "'")
    end
    if arg ~= "" then
      local q = arg:match('^"(.*)"$') or arg:match("^'(.*)'$")
      if q then arg = string.format("%q", q)
      elseif not tonumber(arg) then
        compile_error(name, src, pos, "bad filter argument '" .. arg .. "'")
      end
      code = string.format("filters[%q](%s, %s)", fname, code, arg)
    else
      code = string.format("filters[%q](%s)", fname, code)
    end
  end
  return code
end

function T.compile(src, name)
  name = name or "template"
  local out = { "local ctx, out = ...", "local n = #out" }
  local function emit(s) out[#out + 1] = s end
  local stack = {}
  local pos = 1
  local uid = 0
  while pos <= #src do
    local s, e, tag = src:find("{{(.-)}}", pos)
    if not s then
      local unclosed = src:find("{{", pos, true)
      if unclosed then compile_error(name, src, unclosed, "unclosed tag") end
      emit(string.format("n = n + 1; out[n] = %q", src:sub(pos)))
      break
    end
    if s > pos then
      emit(string.format("n = n + 1; out[n] = %q", src:sub(pos, s - 1)))
    end
    local kind, rest = tag:match("^%s*([#/!]?)(.*)$")
    if kind == "!" then
      -- comment
    elseif kind == "#" then
      local word, arg = rest:match("^(%a+)%s*(.-)%s*$")
      if word == "each" then
        uid = uid + 1
        local v = "list" .. uid
        emit(string.format("local %s = %s", v, compile_expr(arg, name, src, s)))
        emit(string.format("if type(%s) ~= 'table' then %s = {} end", v, v))
        emit(string.format("for i%d = 1, #%s do", uid, v))
        emit(string.format("local ctx = push(ctx, %s[i%d], i%d, #%s)", v, uid, uid, v))
        stack[#stack + 1] = { "each", s }
      elseif word == "if" or word == "unless" then
        local code = compile_expr(arg, name, src, s)
        if word == "if" then emit("if truthy(" .. code .. ") then")
        else emit("if not truthy(" .. code .. ") then") end
        stack[#stack + 1] = { word, s }
      else
        compile_error(name, src, s, "unknown block '" .. tostring(word) .. "'")
      end
    elseif kind == "/" then
      local word = rest:match("^%s*(%a+)%s*$")
      local top = table.remove(stack)
      if not top then compile_error(name, src, s, "unexpected {{/" .. tostring(word) .. "}}") end
      if top[1] ~= word then
        compile_error(name, src, s, string.format("{{/%s}} closes {{#%s}}", tostring(word), top[1]))
      end
      emit("end")
    elseif rest:match("^%s*else%s*$") then
      local top = stack[#stack]
      if not top or (top[1] ~= "if" and top[1] ~= "unless") then
        compile_error(name, src, s, "{{else}} outside {{#if}}")
      end
      if top.has_else then compile_error(name, src, s, "second {{else}}") end
      top.has_else = true
      emit("else")
    else
      local raw = rest:match("^&(.*)$")
      if raw then
        emit("n = n + 1; out[n] = str(" .. compile_expr(raw, name, src, s) .. ")")
      else
        emit("n = n + 1; out[n] = filters.escape(str(" .. compile_expr(rest, name, src, s) .. "))")
      end
    end
    pos = e + 1
  end
  if #stack > 0 then
    local top = stack[#stack]
    compile_error(name, src, top[2], "unclosed {{#" .. top[1] .. "}}")
  end
  emit("return n")
  return table.concat(out, "\n")
end

local function lookup(ctx, key)
  while ctx do
    local v
    if key == "this" then v = ctx.this
    elseif key == "index" or key == "count" or key == "first" or key == "last" then
      v = ctx.loop and ctx.loop[key]
    elseif type(ctx.this) == "table" then v = ctx.this[key] end
    if v ~= nil then return v end
    ctx = ctx.parent
  end
  return nil
end

local function idx(v, k)
  if type(v) == "table" then return v[k] end
  return nil
end

local function push(ctx, this, i, n)
  return { this = this, parent = ctx,
           loop = { index = i, count = n, first = i == 1, last = i == n } }
end

local function truthy(v)
  if type(v) == "table" then return next(v) ~= nil end
  return v ~= nil and v ~= false and v ~= "" and v ~= 0
end

local function str(v)
  if v == nil then return "" end
  if math.type(v) == "float" then return string.format("%.14g", v) end
  return tostring(v)
end

local env = { lookup = lookup, idx = idx, push = push, truthy = truthy, str = str,
              filters = T.filters, type = type }

function T.load(src, name)
  local code = T.compile(src, name)
  local fn, err = load(code, "=" .. (name or "template"), "t", env)
  if not fn then error("internal: " .. err, 0) end
  return function(data)
    local out = {}
    local n = fn({ this = data }, out)
    assert(n == #out)
    return table.concat(out)
  end, code
end

function T.render(src, data, name)
  return (T.load(src, name))(data)
end

---------------------------------------------------------------------------
-- templates
---------------------------------------------------------------------------
local checks = 0
local function expect(got, want, what)
  checks = checks + 1
  if got ~= want then
    print("MISMATCH in " .. what)
    print("  got:  " .. string.format("%q", got))
    print("  want: " .. string.format("%q", want))
  end
end

print("== simple")
expect(T.render("Hello, {{name}}!", { name = "World" }), "Hello, World!", "hello")
expect(T.render("{{a}}+{{b}}={{c}}", { a = 1, b = 2.5, c = 3.5 }), "1+2.5=3.5", "numbers")
expect(T.render("[{{missing}}]", {}), "[]", "missing")
expect(T.render("{{x|upper}} {{x|lower}} {{x|reverse}}", { x = "MiXeD" }), "MIXED mixed DeXiM", "case")
expect(T.render("{{html}} {{&html}}", { html = "<a href='x'>&</a>" }),
       "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; <a href='x'>&</a>", "escape")
expect(T.render("{{pi|format:\"%.3f\"}}|{{pi|format:'%12.4e'}}|{{n|format:'%+05d'}}",
                { pi = math.pi, n = 42 }), "3.142|  3.1416e+00|+0042", "format")
expect(T.render("{{s|trim|title}}", { s = "   the quick  brown fox  " }), "The Quick  Brown Fox", "title")
expect(T.render("{{a.b.c}} {{a.list.2}}", { a = { b = { c = "deep" }, list = { "x", "y" } } }), "deep y", "paths")
expect(T.render("{{v|default:'none'}} {{w|default:'none'}}", { w = "set" }), "none set", "default")
expect(T.render("{{t|len}} {{s|len}} {{s|words}}", { t = { 1, 2, 3 }, s = "h\u{E9}llo w\u{F6}rld" }), "3 11 4", "len")
expect(T.render("{{n|hex}} {{ts|date}} {{ts|date:'%H:%M:%S'}}", { n = 48879, ts = 86400 * 366 + 3723 }),
       "0x0000beef 1971-01-02 01:02:03", "hex/date")
expect(T.render("{{! a comment }}x{{!another}}y", {}), "xy", "comments")
expect(T.render("{{list|sorted|join:'-'}} {{map|keys|join}}", { list = { 3, 1, 2 }, map = { b = 1, a = 2 } }),
       "1-2-3 a, b", "sorted/keys")
expect(T.render("{{\"literal\"|upper}} {{42|format:'%5d'}}", {}), "LITERAL    42", "literals")
print("simple checks", checks)

print("== each")
local list_tpl = [[
<ul>
{{#each items}}  <li class="{{#if first}}first{{/if}}{{#if last}}last{{/if}}">{{index}}/{{count}} {{name|pad:8}}|{{price|format:'%7.2f'}}</li>
{{/each}}</ul>]]
local items = {
  { name = "apple", price = 1.5 }, { name = "banana", price = 0.25 },
  { name = "cherry", price = 12 }, { name = "<date>", price = 3.333 },
}
local render_list, code = T.load(list_tpl, "list")
print(render_list({ items = items }))
print(render_list({ items = {} }))
print("generated lines", select(2, code:gsub("\n", "\n")) + 1)

-- nested loops and parent lookup
local nested = "{{#each groups}}{{title}}: {{#each members}}{{.}}@{{title}}{{#unless last}}, {{/unless}}{{/each}}\n{{/each}}"
io.write(T.render(nested, { groups = {
  { title = "A", members = { "ann", "al" } },
  { title = "B", members = { "bob" } },
  { title = "C", members = {} },
} }))

print("== if/else")
local cond = "{{#if user}}Welcome back, {{user.name|title}}{{#if user.admin}} (admin){{/if}}{{else}}Please log in{{/if}}."
for _, data in ipairs({ { user = { name = "ada lovelace", admin = true } },
                        { user = { name = "bob" } }, {}, { user = {} } }) do
  print(T.render(cond, data))
end
for _, v in ipairs({ 0, 1, "", "x", false, true }) do
  io.write(T.render("{{#if v}}T{{else}}F{{/if}}", { v = v }))
end
io.write("\n")

print("== report")
local report = [[
{{title|upper}}
{{#each rows}}{{name|pad:10}}{{qty|rpad:5}}{{total|format:'%10.2f'}}
{{/each}}{{"TOTAL"|pad:15}}{{sum|format:'%10.2f'}}
generated {{when|date:'%Y-%m-%d %H:%M:%S'}}]]
local rows = {}
local sum = 0
for i = 1, 8 do
  local qty = (i * 37) % 11 + 1
  local unit = i * 1.75
  rows[i] = { name = "part-" .. string.char(64 + i), qty = qty, total = qty * unit }
  sum = sum + qty * unit
end
table.sort(rows, function(a, b)
  if a.total ~= b.total then return a.total > b.total end
  return a.name < b.name
end)
print(T.render(report, { title = "inventory", rows = rows, sum = sum, when = 1234567890 }))

print("== errors")
local bad = {
  "{{#each x}}no end",
  "{{#if x}}a{{/each}}",
  "{{/if}}",
  "{{#while x}}{{/while}}",
  "a {{unclosed",
  "{{x|nosuch}}",
  "{{x|format:bad}}",
  "{{1x}}",
  "{{a..b}}",
  "{{else}}",
  "{{#if a}}{{else}}{{else}}{{/if}}",
  "line1\nline2\n{{#each}}\n{{/each}}",
  "ok\n\n{{x y}}",
}
for i, src in ipairs(bad) do
  local ok, err = pcall(T.compile, src, "t" .. i)
  print(string.format("%2d %-5s %s", i, tostring(ok), err))
end
-- runtime errors from filters surface with their messages
local ok, err = pcall(T.render, "{{x|format:'%d'}}", { x = 1.5 })
print(ok, err)
ok, err = pcall(T.render, "{{x|format:'%d'}}", { x = "abc" })
print(ok, err)
ok, err = pcall(T.render, "{{x|join}}", { x = { 1, {}, 3 } })
print(ok, err)

print("== patterns")
-- tokenising the template source with various pattern features
local src = "Dear {{name}}, (see {{ref|upper}}) your order #{{id}} ships {{when|date}}."
local tags = {}
for tag in src:gmatch("{{%s*([^}|]-)%s*[|}]") do tags[#tags + 1] = tag end
print(table.concat(tags, ","))
print(src:match("%b()"), src:find("%b{}"), src:match("^(%a+)"), src:match("(%p)$"))
print(src:gsub("%f[%w]%a+%f[%W]", function(w) return #w > 4 and w:upper() or nil end))
print(("THE (quick) fox"):find("%f[%a]%a+%f[%A]", 5))
local swapped, cnt = src:gsub("{{(%w+)(.-)}}", "<%2:%1>")
print(swapped, cnt)
print(("key = value ; other=thing"):gsub("(%w+)%s*=%s*(%w+)", "%2=%1"))
print(string.format("%-12s|%12s|%-6.3s|", "left", "right", "truncate"))
local vars = {}
for k, v in string.gmatch("a=1, b=22, ccc=333", "(%w+)=(%w+)") do vars[#vars + 1] = k .. ":" .. v end
print(table.concat(vars, " "))
print(("  padded  "):match("^%s*(.-)%s*$") .. "|", ("x"):rep(3, "-"), ("abc"):byte(1, -1))
print(("hello world from lua"):gsub("(%w+) (%w+)", "%2 %1", 1))
print(("%d items"):gsub("%%", "%%%%"), ("a.b.c"):gsub("%.", { ["."] = "/" }))
print(pcall(string.gsub, "x", "(", ""))
print(pcall(string.gsub, "x", "x", "%2"))
print(pcall(string.find, "x", "[a"))
print(pcall(string.rep))

print("== table functions")
local t = { "d", "b", "a", "c" }
table.insert(t, "e")
table.insert(t, 1, "z")
print(table.concat(t, ","), #t)
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","))
print(table.unpack(t, 2, 3))
print(table.concat(table.move({ 1, 2, 3, 4, 5 }, 2, 4, 1), ","))
print(table.concat({ 1, 2.5, "x" }, " | ", 1, 3))
local packed = table.pack(1, nil, 3)
print(packed.n, packed[1], packed[2], packed[3])
print(pcall(table.concat, { 1, {}, 3 }))
print(pcall(table.insert, { 1 }, 5, 2))

print("== generated code sample")
local _, gen = T.load("{{#each xs}}{{.|upper}}{{/each}}", "sample")
for line in gen:gmatch("[^\n]+") do print("  " .. line) end

print("checks", checks)
