#!/usr/bin/env bash
# install-deps.sh — installs the Debian packages Lurel needs, when missing.
# Run as root (CI does) or with sudo available.  Idempotent.
set -euo pipefail
pkgs=(
  build-essential pkg-config
  liblua5.4-dev      # the parser (lua_load/lua_dump); nothing else of liblua runs
  lua5.4             # differential tests and benchmarks
  libcriterion-dev   # C unit tests
  python3            # benchmark runner
  libffi-dev libgmp-dev libedit-dev   # ffi, bigint (later issues)
  libreadline-dev    # the shell's line editing and history (callback interface)
  tmux               # the shell's tests drive it under a pseudo-terminal
  luajit             # optional benchmark column (luajit -joff)
  erlang-base        # BEAM side of the process benchmarks
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
