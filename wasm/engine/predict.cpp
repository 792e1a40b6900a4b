// Chunked forward for predict/predict_f32: 256 rows at a time through two ping-pong buffers, so the
// working set stays in cache however large the grid is; inside a chunk, vectors run across points.
#include "predict.h"

#include <algorithm>

#include "dense_simd.h"
#include "simd.h"

namespace nn {

namespace {

constexpr int kChunk = 256;

int widest(const NetworkSpec& s) { return *std::max_element(s.sizes.begin(), s.sizes.end()); }

// One chunk of B ≤ kChunk rows. Hidden layers run feature-major in a/b ((units, Bp), Bp = B rounded
// up to whole Vecs, padding lanes computed and ignored); the last z goes back to rows in `out`,
// where the output activation (softmax included) runs per row. T = float converts on the way.
template <typename T, typename Act>
void forward_chunk(T* out, const double* in, int B, const NetworkSpec& s, const Layout& lay,
                   const T* params, T* a, T* b, Act activation) {
  constexpr int kLanes = simd::Vec<T>::kLanes;
  const int Bp = (B + kLanes - 1) / kLanes * kLanes, L = weight_layers(s), nin = s.sizes[0];
  for (int i = 0; i < nin; ++i)
    for (int r = 0; r < Bp; ++r) a[i * Bp + r] = r < B ? static_cast<T>(in[r * nin + i]) : T(0);
  T* x = a;
  T* z = b;
  for (int l = 0; l < L; ++l) {
    dense_forward_t(z, x, params + lay.W[l], params + lay.b[l], Bp, s.sizes[l], s.sizes[l + 1]);
    if (l + 1 < L) activation(z, z, 1, s.sizes[l + 1] * Bp, s.activations[l]);  // elementwise
    std::swap(x, z);
  }
  const int nout = s.sizes[L];
  for (int r = 0; r < B; ++r)
    for (int k = 0; k < nout; ++k) out[r * nout + k] = x[k * Bp + r];
  activation(out, out, B, nout, s.activations[L - 1]);
}

}  // namespace

void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back();
  scratch->a.resize(kChunk * widest(s));
  scratch->b.resize(kChunk * widest(s));
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(out + r * nout, in + r * nin, B, s, net.layout, net.params.data(),
                  scratch->a.data(), scratch->b.data(), activation_forward_fast);
  }
}

void predict_f32(double* out, const double* in, int rows, const Network& net,
                 PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back(), wide = widest(s);
  scratch->fparams.assign(net.params.begin(), net.params.end());
  scratch->fa.resize(kChunk * wide);
  scratch->fb.resize(kChunk * wide);
  scratch->fout.resize(kChunk * nout);
  float* y = scratch->fout.data();
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(y, in + r * nin, B, s, net.layout, scratch->fparams.data(), scratch->fa.data(),
                  scratch->fb.data(), activation_forward_f32);
    std::copy(y, y + B * nout, out + r * nout);
  }
}

}  // namespace nn
