// Fast kernels against the references: dense_*_fast<double> must be bitwise equal to dense.cpp,
// float variants close; fastmath within its stated error over dense sweeps, finite at |z| = 1e4.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "dense.h"
#include "dense_simd.h"
#include "fastmath.h"
#include "losses.h"
#include "rng.h"

namespace {

std::vector<double> random_values(int n, nn::Rng& rng) {
  std::vector<double> v(n);
  for (double& x : v) x = rng.symmetric(2.0);
  if (n > 3) v[n / 3] = -0.0;  // signed zeros must come out the same too
  return v;
}

bool bitwise_equal(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

const int kBatches[] = {1, 2, 3, 4, 5, 7, 10, 17, 64};
const int kWidths[] = {1, 2, 3, 5, 8, 9, 10, 33};

std::string shape(int B, int nin, int nout) {
  return "B=" + std::to_string(B) + " nin=" + std::to_string(nin) + " nout=" + std::to_string(nout);
}

// dense_forward_fast on random values of the shape: the reference's bits.
void expect_forward_bitwise(nn::Rng& rng, int B, int nin, int nout) {
  const auto in = random_values(B * nin, rng), W = random_values(nout * nin, rng),
             b = random_values(nout, rng);
  std::vector<double> ref(B * nout), fast(B * nout);
  nn::dense_forward(ref.data(), in.data(), W.data(), b.data(), B, nin, nout);
  nn::dense_forward_fast(fast.data(), in.data(), W.data(), b.data(), B, nin, nout);
  EXPECT_TRUE(bitwise_equal(ref, fast)) << shape(B, nin, nout);
}

// dense_backward_fast on random values of the shape: the reference's din, dW and db, bit for bit;
// and, without din (the first layer), the same dW and db.
void expect_backward_bitwise(nn::Rng& rng, int B, int nin, int nout) {
  const auto in = random_values(B * nin, rng), W = random_values(nout * nin, rng),
             dz = random_values(B * nout, rng);
  std::vector<double> din(B * nin), dW(nout * nin), db(nout);
  std::vector<double> din2(B * nin), dW2(nout * nin), db2(nout), dW3(nout * nin), db3(nout);
  nn::dense_backward(din.data(), dW.data(), db.data(), dz.data(), in.data(), W.data(), B, nin,
                     nout);
  nn::dense_backward_fast(din2.data(), dW2.data(), db2.data(), dz.data(), in.data(), W.data(), B,
                          nin, nout);
  nn::dense_backward_fast(static_cast<double*>(nullptr), dW3.data(), db3.data(), dz.data(),
                          in.data(), W.data(), B, nin, nout);
  const std::string at = shape(B, nin, nout);
  EXPECT_TRUE(bitwise_equal(din, din2)) << at;
  EXPECT_TRUE(bitwise_equal(dW, dW2)) << at;
  EXPECT_TRUE(bitwise_equal(db, db2)) << at;
  EXPECT_TRUE(bitwise_equal(dW, dW3)) << at;
  EXPECT_TRUE(bitwise_equal(db, db3)) << at;
}

TEST(DenseFast, ForwardIsBitwiseEqualToReference) {
  nn::Rng rng(3);
  for (int B : kBatches)
    for (int nin : kWidths)
      for (int nout : kWidths) expect_forward_bitwise(rng, B, nin, nout);
}

TEST(DenseFast, BackwardIsBitwiseEqualToReference) {
  nn::Rng rng(5);
  for (int B : kBatches)
    for (int nin : kWidths)
      for (int nout : kWidths) expect_backward_bitwise(rng, B, nin, nout);
}

// Layers of 1 … 8 by 1 … 8 units take their own compile-time instances (dense_forward_fast's
// output pairs per f64x2, or sample pairs for one output; dense_backward_fast's table): each
// against the reference, with batches that fill Vecs, leave a tail, or are 1.
TEST(DenseFast, FixedWidthKernelsOfTinyLayersAreBitwiseEqualToReference) {
  nn::Rng rng(9);
  for (int B : {1, 2, 3, 10})
    for (int nin = 1; nin <= 8; ++nin)
      for (int nout = 1; nout <= 8; ++nout) {
        expect_forward_bitwise(rng, B, nin, nout);
        expect_backward_bitwise(rng, B, nin, nout);
      }
}

// Wide layers take the blocked kernels (4 samples per pass over W, 2 Vecs of columns per δ
// splat): the same bits as the reference, including odd widths and batches that leave tails.
TEST(DenseFast, BlockedBackwardOfWideLayersIsBitwiseEqualToReference) {
  nn::Rng rng(6);
  for (int B : {1, 3, 4, 5, 9, 64})
    for (int nin : {63, 64, 65, 256})
      for (int nout : {10, 64, 67, 256}) expect_backward_bitwise(rng, B, nin, nout);
}

TEST(DenseFast, FloatVariantAgreesWithDouble) {
  nn::Rng rng(7);
  const int B = 13, nin = 37, nout = 11;
  const auto in = random_values(B * nin, rng), W = random_values(nout * nin, rng),
             b = random_values(nout, rng);
  std::vector<double> ref(B * nout);
  nn::dense_forward(ref.data(), in.data(), W.data(), b.data(), B, nin, nout);
  std::vector<float> inf(in.begin(), in.end()), Wf(W.begin(), W.end()), bf(b.begin(), b.end()),
      zf(B * nout);
  nn::dense_forward_fast(zf.data(), inf.data(), Wf.data(), bf.data(), B, nin, nout);
  for (int k = 0; k < B * nout; ++k) EXPECT_NEAR(zf[k], ref[k], 1e-4) << k;
}

// Applies a Vec function lane by lane to one scalar (all lanes equal).
template <typename V, typename F>
auto apply(F f, double x) {
  using T = decltype(V::zero().lane(0));
  return static_cast<double>(f(V::splat(static_cast<T>(x))).lane(0));
}

// A dense sweep of [-lo, hi] plus the far ends the engine must survive.
std::vector<double> sweep(double lo, double hi, int n) {
  std::vector<double> xs;
  for (int k = 0; k <= n; ++k) xs.push_back(lo + (hi - lo) * k / n);
  for (double big : {50.0, 87.5, 100.0, 700.0, 710.0, 745.0, 800.0, 1e4, 1e6})
    for (double s : {-1.0, 1.0}) xs.push_back(s * big);
  return xs;
}

TEST(FastMath, Float32TanhAndSigmoidWithin1e6AbsoluteAndFinite) {
  using nn::simd::f32x4;
  for (double x : sweep(-30, 30, 600000)) {
    const double xf =
        static_cast<float>(x);  // the error of the function, not of the input rounding
    const double t = apply<f32x4>([](f32x4 v) { return nn::fastmath::tanh(v); }, xf);
    const double s = apply<f32x4>([](f32x4 v) { return nn::fastmath::sigmoid(v); }, xf);
    ASSERT_TRUE(std::isfinite(t) && std::isfinite(s)) << x;
    ASSERT_LE(std::fabs(t - std::tanh(xf)), 1e-6) << x;
    ASSERT_LE(std::fabs(s - 1.0 / (1.0 + std::exp(-xf))), 1e-6) << x;
  }
}

TEST(FastMath, Float32ExpWithin1e6RelativeAndFinite) {
  using nn::simd::f32x4;
  for (double x : sweep(-87, 88, 400000)) {
    const double xf = static_cast<float>(x);
    const double e = apply<f32x4>([](f32x4 v) { return nn::fastmath::exp(v); }, xf);
    ASSERT_TRUE(std::isfinite(e)) << x;
    if (std::fabs(xf) <= 87) {
      ASSERT_LE(std::fabs(e - std::exp(xf)), 1e-6 * std::exp(xf)) << x;
    }
  }
}

// The double versions sit in the training path: a few ulp of libm (checked against long double).
TEST(FastMath, Float64TanhAndSigmoidWithinFourUlp) {
  using nn::simd::f64x2;
  std::vector<double> xs = sweep(-40, 40, 400000);
  for (double tiny : {1e-300, 1e-20, 1e-10, 1e-5, 0.0, -0.0})
    xs.push_back(tiny), xs.push_back(-tiny);
  for (double x : xs) {
    const double t = apply<f64x2>([](f64x2 v) { return nn::fastmath::tanh(v); }, x);
    const double s = apply<f64x2>([](f64x2 v) { return nn::fastmath::sigmoid(v); }, x);
    const long double tl = std::tanh(static_cast<long double>(x));
    const long double sl = 1.0L / (1.0L + std::exp(-static_cast<long double>(x)));
    ASSERT_TRUE(std::isfinite(t) && std::isfinite(s)) << x;
    ASSERT_LE(std::fabs(t - tl), 4 * 0x1p-53 * std::fabs(tl) + 1e-300) << x;
    ASSERT_LE(std::fabs(s - sl), 4 * 0x1p-53 * sl + 1e-300) << x;
    ASSERT_EQ(std::signbit(t), std::signbit(x)) << x;
  }
}

// Distance in units in the last place between two finite doubles of the same sign (0 if equal).
int64_t ulps_apart(double a, double b) {
  auto ordered = [](double x) {
    int64_t i;
    std::memcpy(&i, &x, 8);
    return i < 0 ? INT64_MIN - i : i;  // monotone in x, −0 and +0 adjacent
  };
  const int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

// Error of a double against the exact value `ref` (long double) in units in the last place of
// doubles in ref's binade: fractional, so 0.5 is what correct rounding allows.
double ulp_error(double a, long double ref) {
  int e = 0;
  std::frexp(ref, &e);
  const long double ulp = std::fabs(ref) < 0x1p-1022L ? 0x1p-1074L : std::ldexp(1.0L, e - 53);
  return static_cast<double>(std::fabs(static_cast<long double>(a) - ref) / ulp);
}

// The sweep behind fastmath.h's stated errors: 10⁷ evenly spaced points of [−20, 20], |x|
// geometrically (ratio 1.0001) from 1e-310 (subnormal) to 20, 20 … 745 in steps of 0.001, both
// signs, ±0 and the smallest subnormal. The scalar instance must give the f64x2 lane's bits; tanh
// stays within 1.75 ulp of the exact value (long double tanhl, 11 bits more than a double) and 3
// ulp of glibc's tanh (itself up to 2.13 ulp from exact here); sigmoid within 2.5 ulp of the exact
// value (2.46 measured) and 4 ulp of the reference's formula with glibc's exp (itself up to 2.29
// from exact; up to |x| = 700, where fastmath clamps).
TEST(FastMath, Float64ScalarEqualsVectorAndStaysWithinStatedUlpOfExactAndLibm) {
  static_assert(std::numeric_limits<long double>::digits >= 64,
                "the exact values need long double");
  using nn::simd::f64x2;
  std::vector<double> xs;
  for (int k = 0; k <= 10000000; ++k) xs.push_back(-20.0 + 40.0 * k / 10000000);
  for (double x = 1e-310; x < 20; x *= 1.0001) xs.push_back(x), xs.push_back(-x);
  for (double x = 20; x < 745; x += 0.001) xs.push_back(x), xs.push_back(-x);
  for (double x : {0.0, -0.0, 0x1p-1074, -0x1p-1074}) xs.push_back(x);
  double worst_tanh = 0, worst_sigmoid = 0;
  int64_t libm_tanh = 0, libm_sigmoid = 0;
  for (double x : xs) {
    const double t = nn::fastmath::tanh(x), s = nn::fastmath::sigmoid(x);
    const double tv = apply<f64x2>([](f64x2 v) { return nn::fastmath::tanh(v); }, x);
    const double sv = apply<f64x2>([](f64x2 v) { return nn::fastmath::sigmoid(v); }, x);
    ASSERT_EQ(std::memcmp(&t, &tv, 8), 0) << x;
    ASSERT_EQ(std::memcmp(&s, &sv, 8), 0) << x;
    ASSERT_EQ(std::signbit(t), std::signbit(x)) << x;
    const long double xl = x;
    worst_tanh = std::max(worst_tanh, ulp_error(t, std::tanh(xl)));
    libm_tanh = std::max(libm_tanh, ulps_apart(t, std::tanh(x)));
    if (std::fabs(x) <= 700) {
      const double sl = x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
      worst_sigmoid = std::max(worst_sigmoid, ulp_error(s, 1.0L / (1.0L + std::exp(-xl))));
      libm_sigmoid = std::max(libm_sigmoid, ulps_apart(s, sl));
    }
  }
  EXPECT_LE(worst_tanh, 1.75);
  EXPECT_LE(libm_tanh, 3);
  EXPECT_LE(worst_sigmoid, 2.5);
  EXPECT_LE(libm_sigmoid, 4);
}

// What fastmath.h says of half_coth_poly (tanh carries r and R halved): exactly coth_poly(4q)/2,
// bit for bit, for q = h² over tanh's whole range of h = r/2 ∈ [0, ln2/2) and down to subnormals.
TEST(FastMath, HalfCothPolyIsCothPolyHalvedExactly) {
  for (int k = 0; k <= 1000000; ++k) {
    const double h = 0.35 * k / 1000000, q = h * h;
    ASSERT_EQ(nn::fastmath::half_coth_poly(q), nn::fastmath::coth_poly(4 * q) / 2) << h;
  }
  for (double q = 1e-300; q < 0.125; q *= 1.001)
    ASSERT_EQ(nn::fastmath::half_coth_poly(q), nn::fastmath::coth_poly(4 * q) / 2) << q;
}

// What fastmath.h says of tanh's ends: x itself where tanh x rounds to x, ±1 where it rounds to 1.
TEST(FastMath, Float64TanhIsXNearZeroAndOneFarOut) {
  for (double x = 0x1p-1074; x < 1.5e-8; x = std::max(x * 1.01, std::nextafter(x, 1.0))) {
    ASSERT_EQ(nn::fastmath::tanh(x), x) << x;
    ASSERT_EQ(nn::fastmath::tanh(-x), -x) << x;
  }
  for (double x = 19.1; x < 1e300; x *= 1.01) {
    ASSERT_EQ(nn::fastmath::tanh(x), 1.0) << x;
    ASSERT_EQ(nn::fastmath::tanh(-x), -1.0) << x;
  }
}

// What fastmath.h says of sigmoid's ends: ½ at ±0 and wherever |x| < 2⁻⁵⁶ (σ rounds to ½ there),
// 1 exactly from 37.5 on (σ rounds to 1 from 37.43), and for every x ≤ −700 (the clamp) the value
// at −700, within the stated ulp of e^(−700), so below 1e-304 and never 0.
TEST(FastMath, Float64SigmoidIsHalfAtZeroOneFarRightAndTinyFarLeft) {
  EXPECT_EQ(nn::fastmath::sigmoid(0.0), 0.5);
  EXPECT_EQ(nn::fastmath::sigmoid(-0.0), 0.5);
  for (double x = 0x1p-1074; x < 0x1p-56; x = std::max(x * 1.01, std::nextafter(x, 1.0))) {
    ASSERT_EQ(nn::fastmath::sigmoid(x), 0.5) << x;
    ASSERT_EQ(nn::fastmath::sigmoid(-x), 0.5) << x;
  }
  for (double x = 37.5; x < 1e300; x *= 1.01) ASSERT_EQ(nn::fastmath::sigmoid(x), 1.0) << x;
  const double at700 = nn::fastmath::sigmoid(-700.0);
  EXPECT_GT(at700, 0.0);
  EXPECT_LE(at700, 1e-304);
  EXPECT_LE(ulp_error(at700, std::exp(-700.0L)), 2.5);
  for (double x = 700; x < 1e300; x *= 1.01) ASSERT_EQ(nn::fastmath::sigmoid(-x), at700) << x;
}

// NaN in, NaN out (no lane may turn it into a number: the clamps keep a NaN), and the limits at
// ±∞, in the scalar instance and in either lane of the f64x2 one next to an ordinary value.
TEST(FastMath, Float64TanhAndSigmoidKeepNaNAndReachTheirLimitsAtInfinity) {
  using nn::simd::f64x2;
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double at700 = nn::fastmath::sigmoid(-700.0);
  struct Case {
    double x, tanh, sigmoid;  // expected; NaN: expect NaN
  };
  for (const Case& c :
       {Case{nan, nan, nan}, Case{-nan, nan, nan}, Case{inf, 1.0, 1.0}, Case{-inf, -1.0, at700}}) {
    auto check = [&](double got, double want, const char* what) {
      if (std::isnan(want))
        EXPECT_TRUE(std::isnan(got)) << what << " " << c.x;
      else
        EXPECT_EQ(got, want) << what << " " << c.x;
    };
    check(nn::fastmath::tanh(c.x), c.tanh, "tanh");
    check(nn::fastmath::sigmoid(c.x), c.sigmoid, "sigmoid");
    for (int lane = 0; lane < 2; ++lane) {
      double in[2] = {0.5, 0.5}, t[2], s[2];
      in[lane] = c.x;
      nn::fastmath::tanh(f64x2::load(in)).store(t);
      nn::fastmath::sigmoid(f64x2::load(in)).store(s);
      check(t[lane], c.tanh, "tanh lane");
      check(s[lane], c.sigmoid, "sigmoid lane");
      EXPECT_EQ(t[1 - lane], nn::fastmath::tanh(0.5));
      EXPECT_EQ(s[1 - lane], nn::fastmath::sigmoid(0.5));
    }
  }
}

// activation_forward_fast runs a layer scalar, in f64x2 pairs or two pairs at a time depending on
// its width and the element's position; every element must get fastmath's scalar bits regardless.
TEST(ActivationFast, EveryElementHasTheScalarBitsWhateverTheWidthAndPosition) {
  nn::Rng rng(11);
  for (int n = 1; n <= 19; ++n) {
    const std::vector<double> z = random_values(3 * n, rng);
    for (nn::Activation f : {nn::Activation::Tanh, nn::Activation::Sigmoid}) {
      std::vector<double> a(z.size()), want(z.size());
      nn::activation_forward_fast(a.data(), z.data(), 3, n, f);
      for (size_t k = 0; k < z.size(); ++k)
        want[k] =
            f == nn::Activation::Tanh ? nn::fastmath::tanh(z[k]) : nn::fastmath::sigmoid(z[k]);
      EXPECT_TRUE(bitwise_equal(a, want)) << "width " << n;
    }
  }
}

// The sweep behind fastmath.h's stated error of ln(1 + e^(−a)) (the logarithm bce shares between
// softplus(z) and softplus(−z)): 10⁷ even steps of [0, 40], a geometrically (ratio 1.0001) from
// 1e-310 to 745, and 40 … 745 by 0.001, against the exact value in long double: within 1.04 ulp
// (glibc's log1p(exp(−a)), the formula it replaced, reaches 1.5 here), softplus(±a) within 1.33.
// Below 708 the f64x2 instance (the batch's loss) gives each lane the scalar's bits. Then the ends:
// from 708 the subnormal tail and 0 exactly as libm's exp gives them, ∞ → 0, NaN → NaN, and
// softplus(x) = x where ln(1 + e^(−x)) is below half an ulp of x.
TEST(FastMath, Log1pExpNegStaysWithinStatedUlpOfExact) {
  static_assert(std::numeric_limits<long double>::digits >= 64,
                "the exact values need long double");
  std::vector<double> as;
  for (int k = 0; k <= 10000000; ++k) as.push_back(40.0 * k / 10000000);
  for (double x = 1e-310; x < 745; x *= 1.0001) as.push_back(x);
  for (double x = 40; x < 745; x += 0.001) as.push_back(x);
  double worst = 0, worst_libm = 0, worst_softplus = 0;
  for (double a : as) {
    const long double exact = std::log1p(std::exp(-static_cast<long double>(a)));
    const double m = nn::fastmath::log1p_exp_neg(a);
    ASSERT_TRUE(m >= 0 && m <= 0.6931471805599453) << a;
    if (a < 708) {  // the f64x2 instance's domain: each lane has the scalar's bits
      const double mv = apply<nn::simd::f64x2>(
          [](nn::simd::f64x2 v) { return nn::fastmath::log1p_exp_neg(v); }, a);
      ASSERT_EQ(std::memcmp(&m, &mv, 8), 0) << a;
    }
    worst = std::max(worst, ulp_error(m, exact));
    worst_libm = std::max(worst_libm, ulp_error(std::log1p(std::exp(-a)), exact));
    worst_softplus = std::max(worst_softplus, ulp_error(nn::fastmath::softplus(a), a + exact));
    worst_softplus = std::max(worst_softplus, ulp_error(nn::fastmath::softplus(-a), exact));
  }
  EXPECT_LE(worst, 1.04);
  EXPECT_LE(worst_softplus, 1.33);
  EXPECT_GE(worst_libm, 1.4);  // the sweep reaches the hard cases: libm's formula is not exact
  for (double a : {708.0, 709.5, 720.0, 745.0, 746.0, 1e4, 1e300}) {
    const double m = nn::fastmath::log1p_exp_neg(a), libm = std::exp(-a);
    EXPECT_EQ(std::memcmp(&m, &libm, 8), 0) << a;
  }
  EXPECT_EQ(nn::fastmath::log1p_exp_neg(INFINITY), 0.0);
  EXPECT_TRUE(std::isnan(nn::fastmath::log1p_exp_neg(NAN)));
  EXPECT_EQ(nn::fastmath::log1p_exp_neg(0.0), 0.6931471805599453);
  EXPECT_EQ(nn::fastmath::softplus(-INFINITY), 0.0);
  EXPECT_EQ(nn::fastmath::softplus(INFINITY), INFINITY);
  for (double x : {38.0, 100.0, 1e4, 1e300}) EXPECT_EQ(nn::fastmath::softplus(x), x) << x;
}

// loss_forward's bce computes ln(1 + e^(−|z|)) once for softplus(z) and softplus(−z); the loss
// must keep the bits of the textbook form with two softplus calls, written out here.
TEST(LossFast, BceSharesItsLogarithmWithoutChangingABit) {
  auto softplus = [](double x) {
    return x > 0 ? x + nn::fastmath::log1p_exp_neg(x) : nn::fastmath::log1p_exp_neg(-x);
  };
  nn::Rng rng(12);
  for (int k = 0; k < 20000; ++k) {
    const double z = k < 10 ? (k - 5) * 1e-300 + (k == 5 ? -0.0 : 0.0) : rng.symmetric(40.0);
    const double y = (k % 3) * 0.5;
    double out = 0;
    const double a = 0.5;  // unused by bce: it reads the logits
    const double mean = nn::loss_forward(&out, &a, &z, &y, 1, 1, nn::Loss::Bce);
    const double expected = y * softplus(-z) + (1.0 - y) * softplus(z);
    ASSERT_EQ(std::memcmp(&mean, &expected, 8), 0) << z;
  }
}

// loss_forward computes a batch's bce terms (bce_terms) four f64x2 pairs at a time; every
// sample's loss must keep the bits sample_loss_of (one sample, scalar) gives, whatever its
// position, with logits past 708 (libm's tail), ±0, ±∞ and NaN in any lane, for 1 to 3 outputs
// and batches across the 8-value blocks and the 64-value chunks.
TEST(LossFast, BatchBceHasEachSamplesScalarBits) {
  nn::Rng rng(13);
  const double special[] = {NAN, INFINITY, -INFINITY, -0.0, 0.0, 708.0, -708.0, 707.9, -1e-300};
  for (int K : {1, 2, 3}) {
    for (int B : {1, 2, 5, 8, 9, 21, 22, 64, 65, 131}) {
      std::vector<double> z(B * K), y(B * K), a(B * K, 0.5), sl(B);
      for (int i = 0; i < B * K; ++i) {
        z[i] = i % 7 == 3 ? rng.symmetric(800.0) : rng.symmetric(12.0);
        if (i % 11 == 5) z[i] = special[(i / 11 + K) % 9];
        y[i] = (i % 3) * 0.5;
      }
      const double mean =
          nn::loss_forward(sl.data(), a.data(), z.data(), y.data(), B, K, nn::Loss::Bce);
      double total = 0;
      for (int b = 0; b < B; ++b) {
        const double want = nn::sample_loss_of(&a[b * K], &z[b * K], &y[b * K], K, nn::Loss::Bce);
        ASSERT_EQ(std::memcmp(&sl[b], &want, 8), 0) << K << " " << B << " " << b;
        total += want;
      }
      const double want_mean = total / B;
      EXPECT_EQ(std::memcmp(&mean, &want_mean, 8), 0) << K << " " << B;
    }
  }
}

TEST(ActivationFast, MatchesReferenceToFourUlpForEveryActivation) {
  nn::Rng rng(9);
  const int B = 7, n = 5;
  const auto z = random_values(B * n, rng);
  for (int f = 0; f < nn::kActivationCount; ++f) {
    std::vector<double> ref(B * n), fast(B * n);
    std::vector<float> zf(z.begin(), z.end()), af(B * n);
    nn::activation_forward(ref.data(), z.data(), B, n, static_cast<nn::Activation>(f));
    nn::activation_forward_fast(fast.data(), z.data(), B, n, static_cast<nn::Activation>(f));
    nn::activation_forward_f32(af.data(), zf.data(), B, n, static_cast<nn::Activation>(f));
    for (int k = 0; k < B * n; ++k) {
      EXPECT_LE(std::fabs(fast[k] - ref[k]), 4 * 0x1p-53 * std::fabs(ref[k])) << f << " " << k;
      EXPECT_NEAR(af[k], ref[k], 1e-5) << f << " " << k;
    }
  }
}

}  // namespace
