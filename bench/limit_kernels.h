// The bench's physical-limit kernels, compiled into the same WebAssembly modules (and the native
// bench) with the same flags as the engine: what a training step costs when nothing is general.
// `npm run bench` prints each next to the engine's row, so the distance to the limit is visible.
#pragma once
#include "network.h"

namespace nn::bench {

// Trains `steps` scheduled SGD steps of `net` in place through a hand-written step whose shape is
// a compile-time constant: 2-2-2 sigmoid/sigmoid with half_sse (the classic worked example), or
// 2-4-2-1 and 2-8-8-8-8-8-8-1 with tanh hidden layers, a sigmoid output and bce (the playground).
// The batch size is a compile-time constant too (1 for 2-2-2, 10 for the playground shapes), and
// pairs of samples share f64x2 vectors as in the engine's kernels. Every value lives in local
// arrays: no trace buffers, no finiteness checks, no loss history. The arithmetic is the engine's,
// in the engine's order, so the parameters come out bitwise equal to network_train's
// (limit_kernels_test.cpp; run.mjs checks it again before timing). Returns the steps done, or −1
// when the network is not one of those shapes, its batches are not all of that size, or it uses
// another optimizer, loss or penalty.
int limit_train(Network& net, int steps);

// `reps` float32 GEMMs of the (c) workload's widest layer through the engine's f32 forward kernel:
// z (64, 256) = in (64, 256) · Wᵀ (256, 256) + b. 2·64·256·256 flops each. Returns a checksum.
double gemm_f32(int reps);
inline constexpr double kGemmFlops = 2.0 * 64 * 256 * 256;

}  // namespace nn::bench
