local f = string.format
print(f("%-10s|%5d|%8.3f|%x|%q|%%|%c|%e", "name", 42, math.pi, 3054, "q\n", 65, 12345.6789))
print(f("[%3s][%-3s][%03d][%+.1e][%#o][%#X]", "a", "b", 7, 0.000123, 8, 48879))
local rows = { { "alpha", 1, 0.5 }, { "beta", 22, 12.25 }, { "gamma", 333, -7.125 } }
for _, r in ipairs(rows) do print(f("| %-8s | %4d | %9.4f | %-6s |", r[1], r[2], r[3], r[2] % 2 == 0 and "even" or "odd")) end
print(f("%s %s %s", 1, 2.0, "3"), f("%d%%", 50), f("%5.1f%%", 99.44))
print(f("%.3s|%.10s|%-8.2s|", "abcdef", "ab", "xyz"))
print(f("%g %g %g %g", 0.0001, 0.00001, 123456, 1234567))
print(f("%i|%5i|%-5i|%05i", 3, 3, 3, 3))
print(f("%a", 0.1):sub(1, 5), f("%.0f %.0f", 2.5, 3.5), f("%5.0e", 12345))
print(f(("%d "):rep(10), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
