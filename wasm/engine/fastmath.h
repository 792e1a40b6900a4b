// Vectorised exp, tanh and sigmoid on simd::Vec lanes (no libm calls, no branches per lane).
// f64 (double or f64x2, the same bits per value): tanh within 1.75 ulp of the exact value, sigmoid
// within 2.5 ulp (glibc's tanh reaches 2.13 and the reference's sigmoid formula with glibc's exp
// 2.29 over the same sweep), tanh within 3 ulp of glibc's, sigmoid within 4 ulp of that formula;
// NaN gives NaN, ±∞ the limits (the training path; the 1e-12 reference tests run through it; errors
// measured and re-checked in simd_test.cpp).
// f32x4: approximations with absolute error ≤ 1e-6 for tanh/sigmoid and relative error ≤ 1e-6 for
// exp (tested in simd_test.cpp), for what is not shown digit by digit: heatmaps, big benchmarks.
// All stay finite for any finite input (|z| up to 1e4 and beyond): arguments are clamped first.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "simd.h"

namespace nn::fastmath {

using simd::f32x4;
using simd::f64x2;

// Scalar twins of the f64x2 lane operations: the same IEEE operation on one double, so a function
// below instantiated for `double` returns bit for bit what each lane of its f64x2 instance does.
// That lets a layer narrower than a Vec run scalar (faster there) without changing a digit.
inline double abs(double x) { return std::fabs(x); }
inline double copysign(double mag, double sign) { return std::copysign(mag, sign); }
inline double pmax(double a, double b) { return a < b ? b : a; }
inline double pmin(double a, double b) { return b < a ? b : a; }
inline double select_gt0(double x, double yes, double no) { return x > 0 ? yes : no; }
inline double nearest(double x) {  // ties to even, like f64x2.nearest
#if defined(__wasm__)
  return __builtin_rint(x);  // one f64.nearest instruction
#else
  return std::fabs(x) < 0x1.8p52 / 3 ? (x + 0x1.8p52) - 0x1.8p52 : x;
#endif
}
// Rounds down, like f64x2.floor (one f64.floor in wasm).
inline double floor(double x) { return __builtin_floor(x); }
// The bits of a and b exclusive-or'ed (x and |x| differ in the sign bit alone, so xor_bits(x, |x|)
// is x's sign bit: +0 or −0), and or'ed (or_bits(mag, sign): copysign in two bitwise operations
// where mag's own sign bit is clear, mag ≥ +0 or a NaN, and sign is +0 or −0).
inline double xor_bits(double a, double b) {
  uint64_t u, v;
  std::memcpy(&u, &a, 8);
  std::memcpy(&v, &b, 8);
  u ^= v;
  double r;
  std::memcpy(&r, &u, 8);
  return r;
}
inline double or_bits(double a, double b) {
  uint64_t m, s;
  std::memcpy(&m, &a, 8);
  std::memcpy(&s, &b, 8);
  m |= s;
  double r;
  std::memcpy(&r, &m, 8);
  return r;
}
// 2ʲ from kk = 0x1.8p52 + 1023 + j, j an integer in [−1022, 1023] (what adding 0x1.8p52 + 1023 to
// a double v, |v| < 2⁵⁰, gives for j = v rounded to nearest): kk's low 12 bits are j + 1023, below
// 2048, so its bits shifted left by 52 are 2ʲ's. One shift in place of exp2i's round trip.
inline double pow2_from_rounded(double kk) {
  uint64_t bits;
  std::memcpy(&bits, &kk, 8);
  bits <<= 52;
  double r;
  std::memcpy(&r, &bits, 8);
  return r;
}
inline double exp2i(double n) {  // 2^n for integral n in [-1022, 1023]
  const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(n) + 1023) << 52;
  double r;
  std::memcpy(&r, &bits, 8);
  return r;
}

template <typename V>
concept F64 = std::is_same_v<V, double> || std::is_same_v<V, f64x2>;

#if NN_WASM_SIMD
inline f64x2 xor_bits(f64x2 a, f64x2 b) { return {wasm_v128_xor(a.v, b.v)}; }
inline f64x2 or_bits(f64x2 a, f64x2 b) { return {wasm_v128_or(a.v, b.v)}; }
inline f64x2 pow2_from_rounded(f64x2 kk) { return {wasm_i64x2_shl(kk.v, 52)}; }
#else
inline f64x2 xor_bits(f64x2 a, f64x2 b) {
  return f64x2::map2(a, b, [](double u, double v) { return xor_bits(u, v); });
}
inline f64x2 or_bits(f64x2 a, f64x2 b) {
  return f64x2::map2(a, b, [](double u, double v) { return or_bits(u, v); });
}
inline f64x2 pow2_from_rounded(f64x2 kk) {
  return f64x2::map2(kk, kk, [](double v, double) { return pow2_from_rounded(v); });
}
#endif

template <F64 V>
inline V splat(double x) {
  if constexpr (std::is_same_v<V, double>)
    return x;
  else
    return V::splat(x);
}

template <F64 V>
inline V expm1_poly(V r) {  // |r| ≤ ln2/2
  // Estrin's scheme (pairs, then r², r⁴, r⁸): a dependency chain of ~10 operations instead of
  // Horner's 24, which matters when only one or two values are in flight (the 2-2-2 network).
  auto c = [](double x) { return splat<V>(x); };
  const V r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const V q0 = c(1.0 / 2) + c(1.0 / 6) * r, q1 = c(1.0 / 24) + c(1.0 / 120) * r;
  const V q2 = c(1.0 / 720) + c(1.0 / 5040) * r, q3 = c(1.0 / 40320) + c(1.0 / 362880) * r;
  const V q4 = c(1.0 / 3628800) + c(1.0 / 39916800) * r;
  const V q5 = c(1.0 / 479001600) + c(1.0 / 6227020800) * r;
  const V t = ((q0 + r2 * q1) + r4 * (q2 + r2 * q3)) + r8 * (q4 + r2 * q5);
  return r + r2 * t;  // r + r²/2! + … + r¹³/13!
}

// r·coth(r/2) − 2 = r(eʳ + 1)/(eʳ − 1) − 2 for s = r², |r| ≤ 1.02 ln 2: an even function, so a
// polynomial in s (least-squares fit weighted to minimax, Lawson iterations in 50-digit mpmath;
// largest error 2.6e-17, a 16th of an ulp of the value 2 + result). With R = 2 + result,
// eʳ = (R + r)/(R − r) (the rational form of fdlibm's exp, there on |r| ≤ ln2/2).
template <F64 V>
inline V coth_poly(V s) {
  auto c = [](double x) { return splat<V>(x); };
  const V s2 = s * s;  // Estrin: a short dependency chain for one or two values in flight
  const V p0 = c(0.16666666666666338) + c(-0.0027777777776493155) * s;
  const V p1 = c(6.613756447016441e-05) + c(-1.6534291955422356e-06) * s;
  const V p2 = c(4.172339653495302e-08) + c(-1.0118319931325948e-09) * s;
  return s * ((p0 + s2 * p1) + (s2 * s2) * p2);
}

// coth_poly halved, for tanh's half-sized r: with h = r/2 and q = h² = s/4, coth_poly(s)/2 is
// Σ cₙ·4ⁿ/2 · qⁿ, its coefficients times a power of two (exact) and every step of the same Estrin
// scheme the same double halved, so the result is exactly coth_poly(4q)/2 (down to subnormal q,
// where both round into 1 + result alike).
template <F64 V>
inline V half_coth_poly(V q) {
  auto c = [](double x) { return splat<V>(x); };
  const V q2 = q * q;
  const V p0 = c(2 * 0.16666666666666338) + c(8 * -0.0027777777776493155) * q;
  const V p1 = c(32 * 6.613756447016441e-05) + c(128 * -1.6534291955422356e-06) * q;
  const V p2 = c(512 * 4.172339653495302e-08) + c(2048 * -1.0118319931325948e-09) * q;
  return q * ((p0 + q2 * p1) + (q2 * q2) * p2);
}

// tanh(x) from one exponential, without expm1's extra step: with a = min(|x|, 20) (tanh is 1 in
// double from 19.1), 2a = k ln2 + r with k = ⌊2a/ln2⌋ (Cody–Waite), so r ∈ [0, ln2), and
// e^(−2a) = t(R − r)/(R + r) with t = 2⁻ᵏ (exponent bits) and R = r·coth(r/2) = 2 + coth_poly(r²).
// Then tanh a = (1 − e^(−2a))/(1 + e^(−2a)) = num/den with num = R(1 − t) + r(1 + t) (both terms
// ≥ 0, exactly 2r for k = 0, so no cancellation near 0) and den = num + 2t(R − r), which shares
// num's rounding so that num/den stays accurate near 1. Everything is carried halved (h = r/2,
// H = R/2, from a and ln2/2 directly: exact, so the same quotient): the 2 of R folds into the 1 of
// 1 ∓ t, one constant less to hold. One division, no branch per lane; the sign bit is x's (x and
// |x| differ there alone; num/den ≥ +0). NaN gives NaN (the min keeps it), ±∞ gives ±1. V = double
// or f64x2, bit for bit the same per value.
// Measured over 10⁷ evenly spaced points of [−20, 20], |x| geometrically (ratio 1.0001) from
// 1e-310 (subnormal) to 20 and 20 … 745 in steps of 0.001, both signs (25.8·10⁶ inputs): at most
// 1.75 ulp from the exact value (1.741; x86-64 long double tanhl; glibc's tanh is up to 2.13 ulp
// from it over the same sweep) and at most 3 ulp from glibc's tanh; x itself below 1.5e-8, ±1
// exactly beyond 19.1 (simd_test.cpp re-checks all of it).
// Speed, wasm SIMD build under Node 20, four f64x2 chains in flight over 800 values (map_f64's
// loop): 2.11–2.21 ns per value against 2.23–2.33 for the form before (ceil of −2|x|/ln2, R and
// r unhalved, 2t from its own exponent bits; the same bits), V8's loop 359 instructions per 8
// values against 398; medians of 25 interleaved rounds, three runs on a shared machine (load ~20).
template <F64 V>
inline V tanh(V x) {
  auto c = [](double v) { return splat<V>(v); };
  const V ax = abs(x);
  const V sign = xor_bits(x, ax);
  const V a = pmin(ax, c(20.0));
  const V k = floor(a * c(2 * 1.4426950408889634));
  const V h =
      (a - k * c(0.5 * 6.93147180369123816490e-01)) - k * c(0.5 * 1.90821492927058770002e-10);
  const V H = c(1.0) + half_coth_poly(h * h);
  const V t = pow2_from_rounded(c(0x1.8p52 + 1023) - k);
  const V num = H * (c(1.0) - t) + h * (c(1.0) + t);
  return or_bits(num / (num + (t + t) * (H - h)), sign);
}

// σ(x) from tanh's rational exponential: with m = min(|x|, 700) = −(k ln2 + r), k = nearest(−m/ln2)
// (Cody–Waite, |r| ≤ ln2/2), t = 2ᵏ (exponent bits) and R = r·coth(r/2) (coth_poly), e^(−m) =
// t(R + r)/(R − r), so d = σ(−m) = e/(1 + e) = P/((R − r) + P) with P = t(R + r) (exact: t is a
// power of two and P stays normal, k ≥ −1010): one division, d ≤ ½; σ(x) = d for x ≤ 0 and 1 − d
// for x > 0 (the reference's two branches, e/(1 + e) and 1/(1 + e) = 1 − e/(1 + e)). Beyond the
// clamp σ is 1 exactly or the value at −700 (below 1e-304) instead of libm's subnormal or 0; NaN
// gives NaN (pmin keeps it), ±∞ the limits; ½ exactly for |x| < 2⁻⁵⁶, 1 from 37.5 on. V = double or
// f64x2, bit for bit the same per value. Measured over tanh's sweep (|x| ≤ 700, 25.8·10⁶ inputs):
// at most 2.46 ulp from the exact value (x86-64 long double; the reference's formula with glibc's
// exp reaches 2.29, the expm1 form this replaced 2.76) and at most 4 ulp from that formula
// (simd_test.cpp re-checks both bounds). Not the reference's bits everywhere (86 % of an even sweep
// of [−10, 10]), so a loss moves by round-off and so does a central difference over ε; the
// gradient-check lesson shows its quotients only to the decimals that round-off leaves
// (gradientCheck.ts), and its tests compare them to that bound, not to 12 decimals. The same bits
// in every build of the engine.
template <F64 V>
inline V sigmoid(V x) {
  auto c = [](double v) { return splat<V>(v); };
  const V m = pmin(abs(x), c(700.0));
  const V k = nearest(m * c(-1.4426950408889634));
  const V r = ((c(0.0) - m) - k * c(6.93147180369123816490e-01)) -
              k * c(1.90821492927058770002e-10);  // |r| ≤ ln2/2
  const V R = c(2.0) + coth_poly(r * r);
  const V P = pow2_from_rounded(k + c(0x1.8p52 + 1023)) * (R + r);
  const V d = P / ((R - r) + P);
  return select_gt0(x, c(1.0) - d, d);
}

// j·ln 2 + ln(1 + f + c) for j ∈ {0, 1}, f ∈ [−0.25, 0.5) and a correction |c| ≤ 2⁻⁵³|f| (added
// to first order: the caller passes c(1 − f) ≈ c/(1 + f)). fdlibm's log core without its
// reduction: s = f/(2 + f), ln(1 + f) = 2 atanh s = 2s + s·R(s²), summed as fdlibm sums it,
// j·ln2_hi − ((f²/2 − (s(f²/2 + R) + j·ln2_lo + c)) − f), the leading terms exact. |s| ≤ 0.2 here
// (fdlibm reduces to 0.1716), so R has a term more than fdlibm's: a least-squares fit weighted to
// minimax (Lawson iterations, 50-digit mpmath) on s² ∈ [0, 0.04], largest error 1.0e-18 with the
// coefficients rounded to double.
template <F64 V>
inline V log1p_small(V f, V j, V c) {
  auto k = [](double x) { return splat<V>(x); };
  const V s = f / (k(2.0) + f), z = s * s, z2 = z * z, z4 = z2 * z2;
  const V q0 = k(0.666666666666666) + k(0.4000000000005556) * z;
  const V q1 = k(0.2857142855606938) + k(0.22222224271203936) * z;
  const V q2 = k(0.1818166730908004) + k(0.15391066997059732) * z;
  const V q3 = k(0.13174331692389407) + k(0.13838202591185944) * z;
  const V R = z * ((q0 + z2 * q1) + z4 * (q2 + z2 * q3));
  const V hfsq = k(0.5) * f * f;
  return j * k(6.93147180369123816490e-01) -
         ((hfsq - (s * (hfsq + R) + (j * k(1.90821492927058770002e-10) + c))) - f);
}

// ln(1 + e^(−a)) for 0 ≤ a < 708 (the logarithm softplus(z) and softplus(−z) share, a = |z|; in
// (0, ln 2]); log1p_exp_neg(double) below covers every a. No branch per lane; V = double or f64x2,
// bit for bit the same per value. e^(−a) = u = 2ᵏ(1 + p) with k = round(−a/ln2) and p = expm1(r)
// (expm1_poly), u's rounding error lo kept (Fast2Sum); then ln(1 + u) reduced exactly to
// log1p_small: k = 0 (a ≤ 0.35): ln 2 + ln(1 + p/2); u ≥ ½: ln 2 + ln(1 + (u − 1)/2) (u − 1
// exact); u < ½: ln(1 + u) itself.
// Measured over 10⁷ even steps of [0, 40], a geometrically (ratio 1.0001) from 1e-310 to 745 and
// 40 … 745 by 0.001 (17.9·10⁶ inputs): at most 1.04 ulp from the exact value (x86-64 long double;
// glibc's log1p(exp(−a)), the formula it replaced, reaches 1.50 ulp over the same sweep), and
// softplus(±a) = max(±a, 0) + this within 1.33 ulp (simd_test.cpp re-checks all of it).
template <F64 V>
inline V log1p_exp_neg(V a) {
  auto c = [](double x) { return splat<V>(x); };
  const V k = nearest(a * c(-1.4426950408889634));
  const V r = (c(0.0) - a - k * c(6.93147180369123816490e-01)) -
              k * c(1.90821492927058770002e-10);  // |r| ≤ ln2/2
  const V p = expm1_poly(r);
  const V t = exp2i(k), e = c(1.0) + p;
  const V u = e * t, lo = ((c(1.0) - e) + p) * t;
  const V f_hi = (u - c(1.0)) * c(0.5), below = c(0.5) - u, at0 = k + c(0.5);  // > 0: k = 0
  const V f = select_gt0(at0, c(0.5) * p, select_gt0(below, u, f_hi));
  const V j = select_gt0(below, c(0.0), c(1.0));
  const V corr = select_gt0(at0, c(0.0),
                            select_gt0(below, lo * (c(1.0) - u), (c(0.5) * lo) * (c(1.0) - f_hi)));
  return log1p_small(f, j, corr);
}

// ln(1 + e^(−a)) for every a ≥ 0, ∞ and NaN: from 708 on (where 2ᵏ would leave the normal
// range) libm's exp, which rounds the tail to subnormals, 0 or NaN as ln(1 + e^(−a)) does.
inline double log1p_exp_neg(double a) {
  return a < 708.0 ? log1p_exp_neg<double>(a) : std::exp(-a);
}

// softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)), finite for every finite x.
inline double softplus(double x) {
  const double m = log1p_exp_neg(std::fabs(x));
  return x > 0 ? x + m : m;
}

// e^x in float: Cephes expf's reduction and polynomial; x clamped to [−87, 88] (finite, normal).
inline f32x4 exp(f32x4 x) {
  x = pmin(pmax(x, f32x4::splat(-87.0f)), f32x4::splat(88.0f));
  const f32x4 n = nearest(x * f32x4::splat(1.44269504088896341f));
  const f32x4 r = (x - n * f32x4::splat(0.693359375f)) - n * f32x4::splat(-2.12194440e-4f);
  f32x4 p = f32x4::splat(1.9875691500e-4f);
  p = p * r + f32x4::splat(1.3981999507e-3f);
  p = p * r + f32x4::splat(8.3334519073e-3f);
  p = p * r + f32x4::splat(4.1665795894e-2f);
  p = p * r + f32x4::splat(1.6666665459e-1f);
  p = p * r + f32x4::splat(5.0000001201e-1f);
  p = p * r * r + r + f32x4::splat(1.0f);
  return p * exp2i(n);
}

// tanh(x) in float: the odd 13/6 rational minimax approximation Eigen, XLA and MLAS use, clamped
// at ±7.9053 where tanh rounds to ±1 in float. No exp, no integer tricks: ~20 operations.
inline f32x4 tanh(f32x4 x) {
  auto c = [](float v) { return f32x4::splat(v); };
  x = pmin(pmax(x, c(-7.90531110763549805f)), c(7.90531110763549805f));
  const f32x4 x2 = x * x;
  f32x4 p = c(-2.76076847742355e-16f);
  p = p * x2 + c(2.00018790482477e-13f);
  p = p * x2 + c(-8.60467152213735e-11f);
  p = p * x2 + c(5.12229709037114e-08f);
  p = p * x2 + c(1.48572235717979e-05f);
  p = p * x2 + c(6.37261928875436e-04f);
  p = p * x2 + c(4.89352455891786e-03f);
  f32x4 q = c(1.19825839466702e-06f);
  q = q * x2 + c(1.18534705686654e-04f);
  q = q * x2 + c(2.26843463243900e-03f);
  q = q * x2 + c(4.89352518554385e-03f);
  return (x * p) / q;
}

// σ(x) = ½ + ½ tanh(x/2): the same rational function, no exp.
inline f32x4 sigmoid(f32x4 x) {
  const f32x4 half = f32x4::splat(0.5f);
  return half + half * tanh(half * x);
}

}  // namespace nn::fastmath
