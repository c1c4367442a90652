-- ASCII Mandelbrot set: exercises float arithmetic in tight loops.
local chars = " .:-=+*#%@"
local w, h, maxit = 60, 24, 60
local lines = {}
local total = 0
for y = 0, h - 1 do
  local ci = (y / (h - 1)) * 2.4 - 1.2
  local row = {}
  for x = 0, w - 1 do
    local cr = (x / (w - 1)) * 3.2 - 2.2
    local zr, zi, it = 0.0, 0.0, 0
    while it < maxit and zr * zr + zi * zi <= 4.0 do
      zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
      it = it + 1
    end
    total = total + it
    local idx = it == maxit and #chars or (it % (#chars - 1)) + 1
    row[#row + 1] = chars:sub(idx, idx)
  end
  lines[#lines + 1] = table.concat(row)
end
print(table.concat(lines, "\n"))
print("total iterations", total)
