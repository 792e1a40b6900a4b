#!/usr/bin/env bash
# Installs what Backprop Lab needs on Debian 12 and does nothing when it is all there (< 1 s).
# System packages only when run as root (otherwise it names what to install); npm packages via `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Node.js: Vite 8 and Vitest 4 need 20+. Debian 12's own nodejs (18) is too old.
command -v node >/dev/null || die "Node.js 20 or newer is required (with npm). Install it from nodejs.org or NodeSource, then re-run."
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 20 )); then
  die "Node.js $(node -v) is too old: Backprop Lab needs Node.js 20 or newer (Debian's own nodejs is 18). Install a newer one from nodejs.org or NodeSource."
fi
command -v npm >/dev/null || die "npm is missing: install it alongside Node.js 20+."

# System packages: the C++ toolchain, Emscripten (the WebAssembly build), GoogleTest, nlohmann-json (the
# engine's JSON, header-only), {fmt} (its number output, header-only) and Chromium (browser tests).
wanted=(g++ cmake clang-format emscripten libgtest-dev nlohmann-json3-dev libfmt-dev chromium)
missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if (( ${#missing[@]} > 0 )); then
  if [[ $(id -u) -eq 0 ]]; then
    say "installing ${missing[*]} (1–5 minutes, depending on the mirror)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing system packages: ${missing[*]}. Run as root: apt-get update && apt-get install -y ${missing[*]}  (or run this script with sudo)."
  fi
fi

# npm packages: exactly the lockfile, re-installed when node_modules is missing or older than the lockfile.
stamp=node_modules/.package-lock.json
if [[ ! -f $stamp || package-lock.json -nt $stamp ]]; then
  say "npm ci"
  NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false npm ci
  touch "$stamp"
fi
