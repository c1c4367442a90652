-- expect-exit: 1
-- An uncaught error from io.lines: the message has the caller's position.
print("start")
for l in io.lines("/nonexistent/lurel/test/file") do print(l) end
print("not reached")
