-- lurel-only
-- Without --sandbox everything is there and no process has a limit.
assert(io.write and os.execute and os.getenv and os.exit and os.remove and os.rename)
assert(loadfile and dofile and package.loadlib and package.searchpath and #package.searchers == 4)
assert(ffi.open and debug.getinfo and debug.sethook)
assert(process.flag("max_heap_size", 0) == 0)
print("ok")
