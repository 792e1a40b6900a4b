// Chunked forward for predict/predict_f32: 256 rows at a time through two ping-pong buffers, so the
// working set stays in cache however large the grid is.
#include "predict.h"

#include <algorithm>

#include "dense_simd.h"

namespace nn {

namespace {

constexpr int kChunk = 256;

int widest(const NetworkSpec& s) { return *std::max_element(s.sizes.begin(), s.sizes.end()); }

// T = double: params/in as given. T = float: the caller converted them.
template <typename T, typename Act>
void forward_chunk(T* out, const T* in, int B, const NetworkSpec& s, const Layout& lay, const T* params,
                   T* a, T* b, Act activation) {
  const int L = weight_layers(s);
  for (int l = 0; l < L; ++l) {
    T* z = l + 1 == L ? out : (l % 2 == 0 ? a : b);
    dense_forward_fast(z, in, params + lay.W[l], params + lay.b[l], B, s.sizes[l], s.sizes[l + 1]);
    activation(z, z, B, s.sizes[l + 1], s.activations[l]);
    in = z;
  }
}

}  // namespace

void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back();
  scratch->a.resize(kChunk * widest(s));
  scratch->b.resize(kChunk * widest(s));
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(out + r * nout, in + r * nin, B, s, net.layout, net.params.data(), scratch->a.data(),
                  scratch->b.data(), activation_forward_fast);
  }
}

void predict_f32(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back(), wide = widest(s);
  scratch->fparams.assign(net.params.begin(), net.params.end());
  scratch->fa.resize(kChunk * wide);
  scratch->fb.resize(kChunk * wide);
  scratch->fio.resize(kChunk * (nin + nout));
  float* x = scratch->fio.data();
  float* y = x + kChunk * nin;
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    std::copy(in + r * nin, in + (r + B) * nin, x);
    forward_chunk(y, x, B, s, net.layout, scratch->fparams.data(), scratch->fa.data(), scratch->fb.data(),
                  activation_forward_f32);
    std::copy(y, y + B * nout, out + r * nout);
  }
}

}  // namespace nn
