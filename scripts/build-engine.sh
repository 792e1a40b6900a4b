#!/usr/bin/env bash
# Builds the engine natively (library, tests, benchmark: build/native) and to WebAssembly with and
# without SIMD (build/wasm → web/src/engine/generated/). Incremental: reruns only what changed.
# `--wasm-only` skips the native build (what `npm start` needs: the app uses the wasm alone).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

if [[ ${1:-} != --wasm-only ]]; then
  [ -f build/native/Makefile ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
fi

# Debian's Emscripten 3.1.6 needs acorn from Debian's node path to link (see shared TOOLCHAIN notes).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
[ -f build/wasm/Makefile ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CROSSCOMPILING_EMULATOR="/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build build/wasm -j "$jobs"
node scripts/catalogue.mjs
