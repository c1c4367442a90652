-- URL parsing with patterns
local function parse_url(url)
  local u = {}
  local rest = url
  u.scheme, rest = rest:match("^(%a[%w+.-]*):(.*)$")
  if not u.scheme then return nil, "missing scheme" end
  u.scheme = u.scheme:lower()
  local frag = rest:match("#(.*)$")
  if frag then u.fragment = frag; rest = rest:gsub("#.*$", "") end
  local q = rest:match("%?(.*)$")
  if q then
    u.query = {}
    for k, v in q:gmatch("([^&=]+)=?([^&]*)") do u.query[#u.query + 1] = k .. "=" .. v end
    rest = rest:gsub("%?.*$", "")
  end
  local authority, path = rest:match("^//([^/]*)(.*)$")
  if authority then
    local userinfo, hostport = authority:match("^(.*)@(.*)$")
    if userinfo then u.user, u.password = userinfo:match("^([^:]*):?(.*)$") else hostport = authority end
    local host, port = hostport:match("^%[(.-)%]:?(%d*)$")
    if not host then host, port = hostport:match("^([^:]*):?(%d*)$") end
    u.host = host and host:lower()
    u.port = port ~= "" and tonumber(port) or nil
    u.path = path ~= "" and path or "/"
  else
    u.path = rest
  end
  return u
end
local function show(u)
  local keys = {}
  for k in pairs(u) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do
    local v = u[k]
    if type(v) == "table" then v = "{" .. table.concat(v, ",") .. "}" end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
local urls = {
  "http://example.com",
  "HTTPS://User:Secret@Example.COM:8443/a/b/c.html?x=1&y=two&flag#section-2",
  "ftp://[::1]:21/pub",
  "mailto:someone@example.org",
  "file:///etc/hosts",
  "http://host/path%20with%20spaces?q=a+b",
  "urn:isbn:0451450523",
  "not a url",
  "git+ssh://git@github.com:22/user/repo.git",
}
for _, s in ipairs(urls) do
  local u, err = parse_url(s)
  print(s)
  print("   ", u and show(u) or ("error: " .. err))
end
