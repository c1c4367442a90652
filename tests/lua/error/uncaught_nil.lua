-- expect-exit: 1
-- error(nil) uncaught
print("nil error next")
error(nil)
