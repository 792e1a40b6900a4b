#!/usr/bin/env bash
# `npm run bench`: builds the engine (native + both wasm flavours) and the bench modules, checks
# that the SIMD build really contains SIMD instructions, then prints the throughput table
# (bench/run.mjs): every workload as ratios to plain JS, the limit kernels and the GEMM rate, and
# which aims are met.
# Then it builds the site and prints the frame times of every screen that trains, in Chromium, at
# 1280×800 and at phone width (bench/frames.mjs; BENCH_VIEWPORTS=desktop skips the phone pass).
# Environment: BENCH_ROUNDS (default 7), BENCH_REP_MS (default 40) tune the timing;
# BENCH_ONLY=step222,epoch2421 runs only those workloads (ids in bench/workloads.mjs; maps: the
# playground's all-layer maps, one pass against the per-layer way; calls: per-frame call costs);
# BENCH_BASELINE=<folder with another build's nn.mjs and nn.wasm> adds it as a column (before/after).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-engine.sh >/dev/null
# The bench modules (float32 training, limit kernels, GEMM probe): not part of the app's build.
NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH} \
  cmake --build build/wasm -j "$(nproc)" --target nn-bench nn-bench-nosimd >/dev/null
node bench/check-simd.mjs
# Optimise as soon as code is hot, on the main thread (JavaScript: TurboFan; wasm: no Liftoff
# tier): on a loaded machine, background compiler threads can otherwise leave one side of the
# comparison in its baseline tier for the whole run.
node --no-concurrent-recompilation --no-liftoff bench/run.mjs
node bench/cli-trace.mjs
npm run --silent build:web >/dev/null
node bench/frames.mjs
