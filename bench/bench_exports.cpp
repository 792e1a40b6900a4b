// Plain C exports of the bench module (nn-bench.wasm, built only by `npm run bench`): the kernels
// the benchmark times that the app never runs. The module also holds the whole engine and its
// bindings, so a Network made there has a handle() these take, as the product's _nn_* exports do.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <unordered_map>

#include "../wasm/bindings/js_network.h"
#include "limit_kernels.h"
#include "train_f32.h"

namespace {
nn::Network& engine(uintptr_t handle) { return reinterpret_cast<JsNetwork*>(handle)->engine(); }
}  // namespace

extern "C" {

// The hand-written fixed-shape steps (limit_kernels.h) → steps done, or −1 for another shape.
EMSCRIPTEN_KEEPALIVE int bench_limit_train(uintptr_t h, int steps) {
  return nn::bench::limit_train(engine(h), steps);
}
// `reps` float32 GEMMs of the wide workload's widest layer → a checksum.
EMSCRIPTEN_KEEPALIVE double bench_gemm_f32(int reps) { return nn::bench::gemm_f32(reps); }
// `steps` float32 SGD steps (train_f32.h) of the network → steps done; −1 when the spec asks for
// another optimizer or a weight penalty. The float buffers are kept per network between calls.
EMSCRIPTEN_KEEPALIVE int bench_train_f32(uintptr_t h, int steps) {
  static std::unordered_map<uintptr_t, nn::Float32Trainer> trainers;
  int done = 0;
  const nn::Status st = nn::network_train_f32(engine(h), steps, &done, &trainers[h]);
  return st == nn::Status::BadSpec ? -1 : done;
}
}
