# Lurel — build, test, bench, install.
#   make            build/lurel (optimised)
#   make run        build and run the examples (hello, a supervision tree)
#   make test       unit tests, Lua tests (diffed against lua5.4), budget-1 run,
#                   opcode coverage, and all of it again under ASan+UBSan
#   make bench      benchmarks against lua5.4 (and luajit -joff), docs/benchmarks.md;
#                   processes and OTP against the BEAM, docs/benchmarks-processes.md
#   make install PREFIX=/usr/local

PREFIX  ?= /usr/local
CC      ?= cc
LUA_CFLAGS := $(shell pkg-config --cflags lua5.4 2>/dev/null || echo -I/usr/include/lua5.4)
LUA_LIBS   := $(shell pkg-config --libs lua5.4 2>/dev/null || echo -llua5.4)

WARN    := -Wall -Wextra -Wno-unused-parameter
BASEFL  := -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(LUA_CFLAGS) -g
OPT     ?= -O2
LIBS    := $(LUA_LIBS) -lgmp -lffi -lreadline -ldl -lm

SRCS := $(wildcard vm/*.c) $(wildcard compiler/*.c) lurel/main.c lurel/shell.c
HDRS := $(wildcard vm/*.h) $(wildcard compiler/*.h) $(wildcard lurel/*.h) vm/opcodes.def
STDLIB := $(sort $(wildcard stdlib/lualib/*.lua))
# global libraries written in Lua (supervisor, gen_server, ...): one per file
LUAMODS := $(sort $(wildcard stdlib/lib/*.lua))
LUAMOD_LBC := $(patsubst stdlib/lib/%.lua,build/gen/lib/%.lbc,$(LUAMODS))
# primitive Lua functions built from instructions (receive): stdlib/prims
PRIMS := $(sort $(wildcard stdlib/prims/*.lua))
PRIM_LBC := $(patsubst stdlib/prims/%.lua,build/gen/prims/%.lbc,$(PRIMS))

# build variants: release (build/), sanitizers (build/asan/), switch dispatch (build/switch/)
CORE_OBJS := $(patsubst %.c,build/obj/%.o,$(SRCS)) build/obj/gen/shell_lua.o
OBJS      := $(CORE_OBJS) build/obj/gen/stdlib.o
ASAN_OBJS := $(patsubst %.c,build/asan/obj/%.o,$(SRCS)) build/asan/obj/gen/stdlib.o build/asan/obj/gen/shell_lua.o
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

STRESS_DUMMY :=
.PHONY: stress all run test test-unit test-lua test-budget test-asan test-coverage asan bench bench-ffi install clean deps

all: build/lurel

# Debian packages the build and tests need (installed when missing; see
# scripts/install-deps.sh).  Every object waits for it.
build/.deps: scripts/install-deps.sh
	@mkdir -p build
	bash scripts/install-deps.sh
	@touch $@

build/gen/lualib.lua: $(STDLIB) scripts/gen_lualib.sh | build/.deps
	@mkdir -p $(dir $@)
	sh scripts/gen_lualib.sh $@ $(STDLIB)

# stage 1: the same program without the embedded Lua libraries; it compiles
# them to bytecode, which the final binary embeds (scripts/embed.sh)
build/stage1/lurel: $(CORE_OBJS) scripts/stub_stdlib.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) $(OPT) -o $@ $(CORE_OBJS) scripts/stub_stdlib.c $(LIBS)

build/gen/lualib.lbc: build/gen/lualib.lua build/stage1/lurel
	build/stage1/lurel -c $@ $< --intrinsics

build/gen/lib/%.lbc: stdlib/lib/%.lua build/stage1/lurel
	@mkdir -p $(dir $@)
	build/stage1/lurel -c $@ $<

build/gen/prims/%.lbc: stdlib/prims/%.lua build/stage1/lurel
	@mkdir -p $(dir $@)
	build/stage1/lurel -c $@ $< --intrinsics

build/gen/stdlib.c: build/gen/lualib.lbc $(LUAMOD_LBC) $(PRIM_LBC) scripts/embed.sh
	sh scripts/embed.sh $@ build/gen/lualib.lbc $(foreach f,$(LUAMOD_LBC),$(basename $(notdir $(f)))=$(f)) $(foreach f,$(PRIM_LBC),@$(basename $(notdir $(f)))=$(f))

# the shell's read-eval-print loop (lurel/shell.lua), embedded as text
build/gen/shell_lua.c: lurel/shell.lua
	@mkdir -p $(dir $@)
	{ printf '/* generated from lurel/shell.lua: do not edit */\n#include <stddef.h>\nconst char lurel_shell_lua[] = {\n'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  printf '0x00 };\nconst size_t lurel_shell_lua_len = sizeof(lurel_shell_lua) - 1;\n'; } > $@
build/obj/gen/shell_lua.o: build/gen/shell_lua.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -c $< -o $@
build/asan/obj/gen/shell_lua.o: build/gen/shell_lua.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -c $< -o $@
build/stress/obj/gen/shell_lua.o: build/gen/shell_lua.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -c $< -o $@

build/obj/gen/stdlib.o: build/gen/stdlib.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) $(OPT) -c $< -o $@

build/obj/%.o: %.c $(HDRS) | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) $(OPT) -c $< -o $@

build/lurel: $(OBJS)
	$(CC) $(OPT) -o $@ $(OBJS) $(LIBS)

build/asan/obj/gen/stdlib.o: build/gen/stdlib.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -O1 $(SAN) -DLU_ASSERTS -c $< -o $@

build/asan/obj/%.o: %.c $(HDRS) | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -O1 $(SAN) -DLU_ASSERTS -c $< -o $@

build/asan/lurel: $(ASAN_OBJS)
	$(CC) $(SAN) -o $@ $(ASAN_OBJS) $(LIBS)

asan: build/asan/lurel

# stress build: collect at every safe point, move the stack on every growth,
# internal assertions (run with LUREL_REDUCTIONS=1 for preemption everywhere)
STRESS_OBJS := $(patsubst %.c,build/stress/obj/%.o,$(SRCS)) build/stress/obj/gen/stdlib.o build/stress/obj/gen/shell_lua.o
build/stress/obj/gen/stdlib.o: build/gen/stdlib.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -O1 -DLU_STRESS -DLU_ASSERTS -c $< -o $@
build/stress/obj/%.o: %.c $(HDRS) | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(BASEFL) -O1 -DLU_STRESS -DLU_ASSERTS -c $< -o $@
build/stress/lurel: $(STRESS_OBJS)
	$(CC) -o $@ $(STRESS_OBJS) $(LIBS)
stress: build/stress/lurel
	LUREL_REDUCTIONS=1 bash tests/run_lua_tests.sh --lurel build/stress/lurel --timeout 300

# C unit tests (criterion): every object but the command's main
UNIT_SRCS := $(wildcard tests/unit/*.c)
LIB_OBJS  := $(filter-out build/obj/lurel/%.o build/obj/gen/shell_lua.o,$(OBJS))
ASAN_LIB_OBJS := $(filter-out build/asan/obj/lurel/%.o build/asan/obj/gen/shell_lua.o,$(ASAN_OBJS))
build/unit_tests: $(UNIT_SRCS) $(LIB_OBJS) $(wildcard tests/unit/*.h)
	$(CC) $(BASEFL) -O1 -o $@ $(UNIT_SRCS) $(LIB_OBJS) -lcriterion $(LIBS)
build/asan/unit_tests: $(UNIT_SRCS) $(ASAN_LIB_OBJS) $(wildcard tests/unit/*.h)
	$(CC) $(BASEFL) -O1 $(SAN) -DLU_ASSERTS -o $@ $(UNIT_SRCS) $(ASAN_LIB_OBJS) -lcriterion $(LIBS)
unit: build/unit_tests
	build/unit_tests

run: build/lurel
	build/lurel examples/hello.lua
	build/lurel docs/examples/supervision_tree.lua

test: build/lurel build/asan/lurel build/unit_tests build/asan/unit_tests build/stress/lurel
	bash tests/run_all.sh

bench: build/lurel
	python3 bench/run_bench.py --markdown docs/benchmarks.md
	python3 bench/run_procbench.py --markdown docs/benchmarks-processes.md --summary docs/benchmarks.md
	@$(MAKE) --no-print-directory bench-ffi

# the ffi's call overhead (lurel only: nothing to compare it with)
bench-ffi: build/lurel
	{ printf '# ffi call overhead\n\nGenerated by `make bench` (`build/lurel bench/ffi_calls.lua`) on %s, %s, %s cores; do not edit by hand. A C call through the ffi against a call of a Lua function and of a built-in doing the same work.\n\n```\n' \
	    "$$(date -u '+%Y-%m-%d %H:%M UTC')" "$$(uname -sr)" "$$(nproc)"; \
	  build/lurel bench/ffi_calls.lua; printf '```\n'; } > docs/benchmarks-ffi.md
	@cat docs/benchmarks-ffi.md

install: build/lurel
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 build/lurel $(DESTDIR)$(PREFIX)/bin/lurel

deps:
	bash scripts/install-deps.sh
	@mkdir -p build && touch build/.deps

clean:
	rm -rf build
