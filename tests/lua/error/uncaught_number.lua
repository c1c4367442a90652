-- expect-exit: 1
-- a number as error object: lua.c shows it as a string, with a traceback
print("before")
error(42.5)
