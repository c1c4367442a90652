-- method definition and call syntax
local Account = { balance = 0 }
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account.withdraw(self, v) self.balance = self.balance - v; return self end
local a = setmetatable({ balance = 100 }, { __index = Account })
a:deposit(50):withdraw(30)
print(a.balance, Account.balance)
Account.deposit(a, 1)
a.deposit(a, 1)
print(a.balance)
-- methods in nested tables
local ns = { sub = { obj = { v = 7 } } }
function ns.sub.obj:get() return self.v end
function ns.sub.obj.static(x) return x end
print(ns.sub.obj:get(), ns.sub.obj.static("s"))
-- method call on expressions
print(("abc"):upper(), ({ f = function(self) return self.v end, v = 9 }):f())
-- self is an ordinary parameter
local o = { n = 1 }
function o:self_test() local s = self; self = nil; return s.n end
print(o:self_test())
-- methods with varargs
function o:vsum(...) local s = self.n for _, x in ipairs({ ... }) do s = s + x end return s end
print(o:vsum(1, 2, 3))
-- string keys used as method names
local obj = { ["method name"] = function(self) return "spaced" end }
print(obj["method name"](obj))
