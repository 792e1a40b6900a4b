// Tiny SIMD vector: Vec<double> is f64x2, Vec<float> is f32x4. Under em++ with -msimd128 it wraps
// wasm_simd128.h; elsewhere it is a plain array the compiler may vectorise. Lanes never interact
// (no horizontal sums), so every lane rounds exactly like the scalar code it replaces.
#pragma once
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define NN_WASM_SIMD 1
#else
#include <cmath>
#define NN_WASM_SIMD 0
#endif

// Before a loop over a few values (a tiny layer, one sample): keeps clang from vectorising it.
// Its vector form checks trip counts and overlaps at run time and runs a scalar tail, which costs
// more than the loop at these sizes (the 2-2-2 step ran faster in the no-SIMD build than in the
// SIMD one). Other compilers: nothing.
#if defined(__clang__)
#define NN_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define NN_SCALAR_LOOP
#endif

namespace nn::simd {

template <typename T>
struct Vec;

#if NN_WASM_SIMD

template <>
struct Vec<double> {
  static constexpr int kLanes = 2;
  v128_t v;
  static Vec zero() { return {wasm_f64x2_splat(0.0)}; }
  static Vec splat(double x) { return {wasm_f64x2_splat(x)}; }
  static Vec load(const double* p) { return {wasm_v128_load(p)}; }
  static Vec gather(const double* p, int stride) { return {wasm_f64x2_make(p[0], p[stride])}; }
  void store(double* p) const { wasm_v128_store(p, v); }
  double lane(int k) const {
    return k == 0 ? wasm_f64x2_extract_lane(v, 0) : wasm_f64x2_extract_lane(v, 1);
  }
  friend Vec operator+(Vec a, Vec b) { return {wasm_f64x2_add(a.v, b.v)}; }
  friend Vec operator-(Vec a, Vec b) { return {wasm_f64x2_sub(a.v, b.v)}; }
  friend Vec operator*(Vec a, Vec b) { return {wasm_f64x2_mul(a.v, b.v)}; }
  friend Vec operator/(Vec a, Vec b) { return {wasm_f64x2_div(a.v, b.v)}; }
  friend Vec pmax(Vec a, Vec b) { return {wasm_f64x2_pmax(a.v, b.v)}; }  // a < b ? b : a
  friend Vec pmin(Vec a, Vec b) { return {wasm_f64x2_pmin(a.v, b.v)}; }  // b < a ? b : a
  friend Vec select_gt0(Vec x, Vec yes, Vec no) {                        // x > 0 ? yes : no
    return {wasm_v128_bitselect(yes.v, no.v, wasm_f64x2_gt(x.v, wasm_f64x2_splat(0.0)))};
  }
  friend Vec copysign(Vec mag, Vec sign) {
    const v128_t m = wasm_i64x2_splat(INT64_MIN);
    return {wasm_v128_or(wasm_v128_andnot(mag.v, m), wasm_v128_and(sign.v, m))};
  }
  friend Vec abs(Vec a) { return {wasm_f64x2_abs(a.v)}; }
  friend Vec nearest(Vec a) { return {wasm_f64x2_nearest(a.v)}; }
  friend Vec floor(Vec a) { return {wasm_f64x2_floor(a.v)}; }
  // 2^n for integral n in [-1022, 1023], via the 0x1.8p52 trick (wasm has no f64x2→i64x2).
  friend Vec exp2i(Vec n) {
    const v128_t bits = wasm_f64x2_add(n.v, wasm_f64x2_splat(0x1.8p52));
    const v128_t k = wasm_i64x2_sub(bits, wasm_i64x2_splat(0x4338000000000000LL - 1023));
    return {wasm_i64x2_shl(k, 52)};
  }
};

template <>
struct Vec<float> {
  static constexpr int kLanes = 4;
  v128_t v;
  static Vec zero() { return {wasm_f32x4_splat(0.0f)}; }
  static Vec splat(float x) { return {wasm_f32x4_splat(x)}; }
  static Vec load(const float* p) { return {wasm_v128_load(p)}; }
  static Vec gather(const float* p, int stride) {
    return {wasm_f32x4_make(p[0], p[stride], p[2 * stride], p[3 * stride])};
  }
  void store(float* p) const { wasm_v128_store(p, v); }
  float lane(int k) const {
    float out[4];
    wasm_v128_store(out, v);
    return out[k];
  }
  friend Vec operator+(Vec a, Vec b) { return {wasm_f32x4_add(a.v, b.v)}; }
  friend Vec operator-(Vec a, Vec b) { return {wasm_f32x4_sub(a.v, b.v)}; }
  friend Vec operator*(Vec a, Vec b) { return {wasm_f32x4_mul(a.v, b.v)}; }
  friend Vec operator/(Vec a, Vec b) { return {wasm_f32x4_div(a.v, b.v)}; }
  friend Vec pmax(Vec a, Vec b) { return {wasm_f32x4_pmax(a.v, b.v)}; }
  friend Vec pmin(Vec a, Vec b) { return {wasm_f32x4_pmin(a.v, b.v)}; }
  friend Vec select_gt0(Vec x, Vec yes, Vec no) {
    return {wasm_v128_bitselect(yes.v, no.v, wasm_f32x4_gt(x.v, wasm_f32x4_splat(0.0f)))};
  }
  friend Vec copysign(Vec mag, Vec sign) {
    const v128_t m = wasm_i32x4_splat(INT32_MIN);
    return {wasm_v128_or(wasm_v128_andnot(mag.v, m), wasm_v128_and(sign.v, m))};
  }
  friend Vec abs(Vec a) { return {wasm_f32x4_abs(a.v)}; }
  friend Vec nearest(Vec a) { return {wasm_f32x4_nearest(a.v)}; }
  // 2^n for integral n in [-126, 127].
  friend Vec exp2i(Vec n) {
    const v128_t k = wasm_i32x4_trunc_sat_f32x4(n.v);
    return {wasm_i32x4_shl(wasm_i32x4_add(k, wasm_i32x4_splat(127)), 23)};
  }
};

#else  // portable: a plain array per vector; same lane-wise IEEE operations

template <typename T>
struct Vec {
  static constexpr int kLanes = 16 / sizeof(T);
  T v[kLanes];
  static Vec zero() { return splat(T(0)); }
  static Vec splat(T x) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) r.v[k] = x;
    return r;
  }
  static Vec load(const T* p) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) r.v[k] = p[k];
    return r;
  }
  static Vec gather(const T* p, int stride) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) r.v[k] = p[k * stride];
    return r;
  }
  void store(T* p) const {
    for (int k = 0; k < kLanes; ++k) p[k] = v[k];
  }
  T lane(int k) const { return v[k]; }
  template <typename F>
  static Vec map2(Vec a, Vec b, F f) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) r.v[k] = f(a.v[k], b.v[k]);
    return r;
  }
  friend Vec operator+(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return x + y; });
  }
  friend Vec operator-(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return x - y; });
  }
  friend Vec operator*(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return x * y; });
  }
  friend Vec operator/(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return x / y; });
  }
  friend Vec pmax(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return x < y ? y : x; });
  }
  friend Vec pmin(Vec a, Vec b) {
    return map2(a, b, [](T x, T y) { return y < x ? y : x; });
  }
  friend Vec select_gt0(Vec x, Vec yes, Vec no) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) r.v[k] = x.v[k] > 0 ? yes.v[k] : no.v[k];
    return r;
  }
  friend Vec copysign(Vec mag, Vec sign) {
    return map2(mag, sign, [](T m, T s) { return std::copysign(m, s); });
  }
  friend Vec abs(Vec a) {
    return map2(a, a, [](T x, T) { return std::fabs(x); });
  }
  // Ties to even without a libm call: adding 1.5·2^52 (2^23 for float) rounds in the default mode.
  friend Vec nearest(Vec a) {
    return map2(a, a, [](T x, T) {
      const T magic = sizeof(T) == 8 ? T(0x1.8p52) : T(0x1.8p23);
      return std::fabs(x) < magic / 3 ? (x + magic) - magic : x;
    });
  }
  friend Vec floor(Vec a) {
    return map2(a, a, [](T x, T) { return std::floor(x); });
  }
  friend Vec exp2i(Vec n) {
    Vec r;
    for (int k = 0; k < kLanes; ++k) {
      if constexpr (sizeof(T) == 8) {
        const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(n.v[k]) + 1023) << 52;
        std::memcpy(&r.v[k], &bits, 8);
      } else {
        const uint32_t bits = static_cast<uint32_t>(static_cast<int32_t>(n.v[k]) + 127) << 23;
        std::memcpy(&r.v[k], &bits, 4);
      }
    }
    return r;
  }
};

#endif

using f64x2 = Vec<double>;
using f32x4 = Vec<float>;

}  // namespace nn::simd
