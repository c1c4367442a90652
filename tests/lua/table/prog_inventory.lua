-- Grouping, sorting by several keys, aggregation and report formatting over
-- a list of records.
local items = {
  { sku = "A-100", name = "widget", cat = "tools", qty = 12, price = 2.50 },
  { sku = "B-220", name = "gadget", cat = "toys", qty = 0, price = 10.00 },
  { sku = "A-101", name = "hammer", cat = "tools", qty = 5, price = 15.25 },
  { sku = "C-300", name = "kettle", cat = "kitchen", qty = 3, price = 22.00 },
  { sku = "B-221", name = "yo-yo", cat = "toys", qty = 40, price = 1.75 },
  { sku = "C-301", name = "spoon", cat = "kitchen", qty = 100, price = 0.50 },
  { sku = "A-102", name = "wrench", cat = "tools", qty = 5, price = 9.99 },
}
local by_cat = {}
for _, it in ipairs(items) do
  local g = by_cat[it.cat] or { items = {}, value = 0, qty = 0 }
  by_cat[it.cat] = g
  g.items[#g.items + 1] = it
  g.value = g.value + it.qty * it.price
  g.qty = g.qty + it.qty
end
local cats = {}
for c in pairs(by_cat) do cats[#cats + 1] = c end
table.sort(cats, function(a, b) return by_cat[a].value > by_cat[b].value end)
for _, c in ipairs(cats) do
  local g = by_cat[c]
  table.sort(g.items, function(a, b) if a.qty ~= b.qty then return a.qty > b.qty end return a.sku < b.sku end)
  print(string.format("%-8s qty=%4d value=%9.2f", c, g.qty, g.value))
  for _, it in ipairs(g.items) do
    print(string.format("  %-6s %-8s %4d x %6.2f = %8.2f%s", it.sku, it.name, it.qty, it.price, it.qty * it.price, it.qty == 0 and "  (out of stock)" or ""))
  end
end
local low = {}
for _, it in ipairs(items) do if it.qty < 10 then low[#low + 1] = it.name end end
table.sort(low)
print("low stock:", table.concat(low, ", "))
local total = 0
for _, it in ipairs(items) do total = total + it.qty * it.price end
print(string.format("total value %.2f over %d items", total, #items))
-- index by sku and update through the index
local index = {}
for _, it in ipairs(items) do index[it.sku] = it end
index["B-220"].qty = 7
print(items[2].qty, index["A-101"].name)
