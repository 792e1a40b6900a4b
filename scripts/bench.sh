#!/usr/bin/env bash
# `npm run bench`: builds the engine (native + both wasm flavours), checks that the SIMD build
# really contains SIMD instructions, then prints the throughput table (bench/run.mjs).
# Environment: BENCH_ROUNDS (default 7), BENCH_REP_MS (default 40) tune the timing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-engine.sh >/dev/null
# native_bench is declared only when bench/native_bench.cpp exists at configure time
[ -x build/native/native_bench ] || { cmake -S . -B build/native >/dev/null && cmake --build build/native -j "$(nproc)" >/dev/null; }
node bench/check-simd.mjs
node bench/run.mjs
