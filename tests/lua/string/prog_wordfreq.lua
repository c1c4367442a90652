-- Word frequency count, n-grams and a simple text wrap over a fixed text.
local text = [[
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way.
]]
local freq, total = {}, 0
for w in text:lower():gmatch("%a+") do freq[w] = (freq[w] or 0) + 1; total = total + 1 end
local words = {}
for w, n in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
print("total words", total, "distinct", #words)
for i = 1, 10 do print(string.format("%2d. %-10s %3d %5.1f%%", i, words[i], freq[words[i]], 100 * freq[words[i]] / total)) end
-- bigrams
local bigrams = {}
local prev
for w in text:lower():gmatch("%a+") do
  if prev then local k = prev .. " " .. w; bigrams[k] = (bigrams[k] or 0) + 1 end
  prev = w
end
local bl = {}
for k, n in pairs(bigrams) do if n >= 3 then bl[#bl + 1] = string.format("%s(%d)", k, n) end end
table.sort(bl)
print(table.concat(bl, ", "))
-- letter histogram
local letters = {}
for c in text:lower():gmatch("%a") do letters[c] = (letters[c] or 0) + 1 end
local hist = {}
for c = ("a"):byte(), ("z"):byte() do
  local ch = string.char(c)
  if letters[ch] then hist[#hist + 1] = ch .. letters[ch] end
end
print(table.concat(hist, " "))
-- word wrap at 40 columns
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then lines[#lines + 1] = line; line = word
    else line = (#line > 0) and (line .. " " .. word) or word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
for i, l in ipairs(wrap(text, 40)) do print(string.format("%2d|%-40s|", i, l)) end
-- capitalised words and punctuation count
local caps = {}
for w in text:gmatch("%f[%a]%u%l*") do caps[#caps + 1] = w end
local _, commas = text:gsub(",", ",")
print(table.concat(caps, " "), "commas:", commas)
