-- Descriptive statistics over a deterministic data set.
local data = {}
local seed = 12345
for i = 1, 1000 do
  seed = (seed * 1103515245 + 12345) % 2147483648
  data[i] = (seed % 10000) / 100   -- 0.00 .. 99.99
end
local function mean(t) local s = 0 for _, v in ipairs(t) do s = s + v end return s / #t end
local function variance(t)
  local m, s = mean(t), 0
  for _, v in ipairs(t) do s = s + (v - m) ^ 2 end
  return s / (#t - 1)
end
local function percentile(sorted, p)
  local k = (#sorted - 1) * p + 1
  local f = math.floor(k)
  local c = math.ceil(k)
  if f == c then return sorted[f] end
  return sorted[f] + (k - f) * (sorted[c] - sorted[f])
end
local sorted = { table.unpack(data) }
table.sort(sorted)
print(string.format("n=%d mean=%.6f var=%.6f sd=%.6f", #data, mean(data), variance(data), math.sqrt(variance(data))))
print(string.format("min=%.2f max=%.2f median=%.4f q1=%.4f q3=%.4f p99=%.4f", sorted[1], sorted[#sorted],
  percentile(sorted, 0.5), percentile(sorted, 0.25), percentile(sorted, 0.75), percentile(sorted, 0.99)))
-- histogram with 10 buckets
local hist = {}
for i = 0, 9 do hist[i] = 0 end
for _, v in ipairs(data) do local b = math.min(9, math.floor(v / 10)); hist[b] = hist[b] + 1 end
for i = 0, 9 do print(string.format("%2d-%2d %4d %s", i * 10, i * 10 + 9, hist[i], string.rep("#", hist[i] // 5))) end
-- linear regression on y = 3x + 2 + noise
local xs, ys = {}, {}
for i = 1, 50 do xs[i] = i; ys[i] = 3 * i + 2 + ((i * 7919) % 11 - 5) / 10 end
local mx, my = mean(xs), mean(ys)
local sxy, sxx = 0, 0
for i = 1, 50 do sxy = sxy + (xs[i] - mx) * (ys[i] - my); sxx = sxx + (xs[i] - mx) ^ 2 end
local slope = sxy / sxx
print(string.format("slope=%.6f intercept=%.6f", slope, my - slope * mx))
-- mode of integer data
local counts, mode, best = {}, nil, 0
for i = 1, 500 do local v = (i * i) % 17; counts[v] = (counts[v] or 0) + 1 end
for v = 0, 16 do if (counts[v] or 0) > best then best = counts[v]; mode = v end end
print("mode", mode, best)
