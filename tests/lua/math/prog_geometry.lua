-- Computational geometry with integers and floats: shoelace area, convex hull
-- (monotone chain), point-in-polygon, segment intersection, closest pair.
local function cross(o, a, b) return (a[1] - o[1]) * (b[2] - o[2]) - (a[2] - o[2]) * (b[1] - o[1]) end
local function area2(poly)
  local s = 0
  for i = 1, #poly do
    local p, q = poly[i], poly[i % #poly + 1]
    s = s + p[1] * q[2] - q[1] * p[2]
  end
  return s
end
local function hull(points)
  local pts = {}
  for i, p in ipairs(points) do pts[i] = p end
  table.sort(pts, function(a, b) return a[1] < b[1] or (a[1] == b[1] and a[2] < b[2]) end)
  local lower, upper = {}, {}
  for _, p in ipairs(pts) do
    while #lower >= 2 and cross(lower[#lower - 1], lower[#lower], p) <= 0 do lower[#lower] = nil end
    lower[#lower + 1] = p
  end
  for i = #pts, 1, -1 do
    local p = pts[i]
    while #upper >= 2 and cross(upper[#upper - 1], upper[#upper], p) <= 0 do upper[#upper] = nil end
    upper[#upper + 1] = p
  end
  lower[#lower] = nil; upper[#upper] = nil
  for _, p in ipairs(upper) do lower[#lower + 1] = p end
  return lower
end
local function show(poly) local s = {} for i, p in ipairs(poly) do s[i] = "(" .. p[1] .. "," .. p[2] .. ")" end return table.concat(s, " ") end
local pts = {}
local seed = 99
for i = 1, 60 do
  seed = (seed * 48271) % 2147483647
  local x = seed % 41 - 20
  seed = (seed * 48271) % 2147483647
  local y = seed % 41 - 20
  pts[i] = { x, y }
end
local h = hull(pts)
print("hull", #h, show(h))
print("area", area2(h) / 2, math.type(area2(h)))
local function inside(poly, p)
  local c = false
  local j = #poly
  for i = 1, #poly do
    local a, b = poly[i], poly[j]
    if (a[2] > p[2]) ~= (b[2] > p[2]) and p[1] < (b[1] - a[1]) * (p[2] - a[2]) / (b[2] - a[2]) + a[1] then c = not c end
    j = i
  end
  return c
end
local inside_count = 0
for _, p in ipairs(pts) do if inside(h, p) then inside_count = inside_count + 1 end end
print("strictly inside-ish", inside_count, inside(h, { 0, 0 }), inside(h, { 100, 100 }))
local function intersects(p1, p2, p3, p4)
  local d1, d2 = cross(p3, p4, p1), cross(p3, p4, p2)
  local d3, d4 = cross(p1, p2, p3), cross(p1, p2, p4)
  return ((d1 > 0 and d2 < 0) or (d1 < 0 and d2 > 0)) and ((d3 > 0 and d4 < 0) or (d3 < 0 and d4 > 0))
end
print(intersects({ 0, 0 }, { 4, 4 }, { 0, 4 }, { 4, 0 }), intersects({ 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 0 }))
local best, bi, bj = math.huge
for i = 1, #pts do for j = i + 1, #pts do
  local dx, dy = pts[i][1] - pts[j][1], pts[i][2] - pts[j][2]
  local d = math.sqrt(dx * dx + dy * dy)
  if d < best then best, bi, bj = d, i, j end
end end
print(string.format("closest pair %d %d dist %.6f", bi, bj, best))
local circle_area = 0
local r = 10
for x = -r, r do for y = -r, r do if x * x + y * y <= r * r then circle_area = circle_area + 1 end end end
print("lattice points in circle r=10:", circle_area, string.format("%.4f", circle_area / (r * r)))
