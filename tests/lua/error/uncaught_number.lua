-- expect-exit: 1
-- An uncaught number error: lua.c shows the number as its text.
print("before")
error(12.5)
