// Seeded splitmix64: integer-only, so the same seed gives the same bits natively and in
// WebAssembly.
#pragma once
#include <cstdint>

namespace nn {

struct Rng {
  uint64_t state;
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next_u64() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits: exact in double on every platform.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Uniform in [-limit, limit).
  double symmetric(double limit) { return (2.0 * uniform() - 1.0) * limit; }
};

}  // namespace nn
