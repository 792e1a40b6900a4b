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
// keep(l, a, Bp) sees hidden layer l's activations (units, Bp), feature-major, before the next
// layer.
template <typename T, typename Act, typename Keep>
void forward_chunk(T* out, const double* in, int B, const NetworkSpec& s, const Layout& lay,
                   const T* params, T* a, T* b, Act activation, Keep keep) {
  constexpr int kLanes = simd::Vec<T>::kLanes;
  const int Bp = (B + kLanes - 1) / kLanes * kLanes, L = weight_layers(s), nin = s.sizes[0];
  for (int i = 0; i < nin; ++i)
    for (int r = 0; r < Bp; ++r) a[i * Bp + r] = r < B ? static_cast<T>(in[r * nin + i]) : T(0);
  T* x = a;
  T* z = b;
  for (int l = 0; l < L; ++l) {
    dense_forward_t(z, x, params + lay.W[l], params + lay.b[l], Bp, s.sizes[l], s.sizes[l + 1]);
    if (l + 1 < L) {
      activation(z, z, 1, s.sizes[l + 1] * Bp, s.activations[l]);  // elementwise
      keep(l, static_cast<const T*>(z), Bp);
    }
    std::swap(x, z);
  }
  const int nout = s.sizes[L];
  for (int r = 0; r < B; ++r)
    for (int k = 0; k < nout; ++k) out[r * nout + k] = x[k * Bp + r];
  activation(out, out, B, nout, s.activations[L - 1]);
}

constexpr auto kKeepNothing = [](int, const auto*, int) {};

// Block offsets of predict_layers' result, in values per row: off[l] = sizes[1] + … + sizes[l].
std::vector<int> layer_offsets(const NetworkSpec& s) {
  std::vector<int> off(s.sizes.size() - 1, 0);
  for (size_t l = 1; l < off.size(); ++l) off[l] = off[l - 1] + s.sizes[l];
  return off;
}

// A chunk's hidden activations (units, Bp) → rows r0 … r0+B−1 of block l (rows, units) in out.
template <typename T>
auto keep_into(double* out, int rows, int r0, int B, const NetworkSpec& s,
               const std::vector<int>& off) {
  return [=, &s, &off](int l, const T* x, int Bp) {
    const int n = s.sizes[l + 1];
    double* dst = out + static_cast<size_t>(rows) * off[l] + static_cast<size_t>(r0) * n;
    for (int r = 0; r < B; ++r)
      for (int j = 0; j < n; ++j) dst[r * n + j] = static_cast<double>(x[j * Bp + r]);
  };
}

}  // namespace

int predict_layers_width(const NetworkSpec& s) {
  int w = 0;
  for (size_t l = 1; l < s.sizes.size(); ++l) w += s.sizes[l];
  return w;
}

void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back();
  scratch->a.resize(kChunk * widest(s));
  scratch->b.resize(kChunk * widest(s));
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(out + r * nout, in + r * nin, B, s, net.layout, net.params.data(),
                  scratch->a.data(), scratch->b.data(), activation_forward_fast, kKeepNothing);
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
                  scratch->fb.data(), activation_forward_f32, kKeepNothing);
    std::copy(y, y + B * nout, out + r * nout);
  }
}

void predict_layers(double* out, const double* in, int rows, const Network& net,
                    PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back();
  const std::vector<int> off = layer_offsets(s);
  double* last = out + static_cast<size_t>(rows) * off.back();
  scratch->a.resize(kChunk * widest(s));
  scratch->b.resize(kChunk * widest(s));
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(last + r * nout, in + r * nin, B, s, net.layout, net.params.data(),
                  scratch->a.data(), scratch->b.data(), activation_forward_fast,
                  keep_into<double>(out, rows, r, B, s, off));
  }
}

void predict_layers_f32(double* out, const double* in, int rows, const Network& net,
                        PredictScratch* scratch) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back(), wide = widest(s);
  const std::vector<int> off = layer_offsets(s);
  double* last = out + static_cast<size_t>(rows) * off.back();
  scratch->fparams.assign(net.params.begin(), net.params.end());
  scratch->fa.resize(kChunk * wide);
  scratch->fb.resize(kChunk * wide);
  scratch->fout.resize(kChunk * nout);
  float* y = scratch->fout.data();
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(y, in + r * nin, B, s, net.layout, scratch->fparams.data(), scratch->fa.data(),
                  scratch->fb.data(), activation_forward_f32,
                  keep_into<float>(out, rows, r, B, s, off));
    std::copy(y, y + B * nout, last + r * nout);
  }
}

}  // namespace nn
