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

// Block offsets of predict_layers' result, in values per row: off[l] = sizes[1] + … + sizes[l].
std::vector<int> layer_offsets(const NetworkSpec& s) {
  std::vector<int> off(s.sizes.size() - 1, 0);
  for (size_t l = 1; l < off.size(); ++l) off[l] = off[l - 1] + s.sizes[l];
  return off;
}

// keep_at(r0, B) for predict_layers: chunk r0's hidden activations (units, Bp) → rows r0 … r0+B−1
// of block l (rows, units) in out.
auto keep_into(double* out, int rows, const NetworkSpec& s, const std::vector<int>& off) {
  return [=, &s, &off](int r0, int B) {
    return [=, &s, &off](int l, const auto* x, int Bp) {
      const int n = s.sizes[l + 1];
      double* dst = out + static_cast<size_t>(rows) * off[l] + static_cast<size_t>(r0) * n;
      for (int r = 0; r < B; ++r)
        for (int j = 0; j < n; ++j) dst[r * n + j] = static_cast<double>(x[j * Bp + r]);
    };
  };
}

constexpr auto no_keep = [](int, int) { return [](int, const auto*, int) {}; };

// Every row through forward_chunk, kChunk at a time, in T on buf's copy of the parameters; each
// chunk's outputs (B, nout) go to `last` as double; keep_at(r0, B) is chunk r0's keep.
template <typename T, typename Act, typename KeepAt>
void forward_rows(double* last, const double* in, int rows, const Network& net,
                  PredictScratch::Buffers<T>* buf, Act activation, KeepAt keep_at) {
  const NetworkSpec& s = net.spec;
  const int nin = s.sizes.front(), nout = s.sizes.back();
  buf->params.assign(net.params.begin(), net.params.end());
  buf->a.resize(kChunk * widest(s));
  buf->b.resize(kChunk * widest(s));
  buf->out.resize(kChunk * nout);
  T* y = buf->out.data();
  for (int r = 0; r < rows; r += kChunk) {
    const int B = std::min(kChunk, rows - r);
    forward_chunk(y, in + r * nin, B, s, net.layout, buf->params.data(), buf->a.data(),
                  buf->b.data(), activation, keep_at(r, B));
    std::copy(y, y + B * nout, last + r * nout);
  }
}

}  // namespace

int predict_layers_width(const NetworkSpec& s) {
  int w = 0;
  for (size_t l = 1; l < s.sizes.size(); ++l) w += s.sizes[l];
  return w;
}

void predict(double* out, const double* in, int rows, const Network& net, PredictScratch* scratch) {
  forward_rows(out, in, rows, net, &scratch->f64, activation_forward_fast, no_keep);
}

void predict_f32(double* out, const double* in, int rows, const Network& net,
                 PredictScratch* scratch) {
  forward_rows(out, in, rows, net, &scratch->f32, activation_forward_f32, no_keep);
}

void predict_layers(double* out, const double* in, int rows, const Network& net,
                    PredictScratch* scratch) {
  const std::vector<int> off = layer_offsets(net.spec);
  forward_rows(out + static_cast<size_t>(rows) * off.back(), in, rows, net, &scratch->f64,
               activation_forward_fast, keep_into(out, rows, net.spec, off));
}

void predict_layers_f32(double* out, const double* in, int rows, const Network& net,
                        PredictScratch* scratch) {
  const std::vector<int> off = layer_offsets(net.spec);
  forward_rows(out + static_cast<size_t>(rows) * off.back(), in, rows, net, &scratch->f32,
               activation_forward_f32, keep_into(out, rows, net.spec, off));
}

}  // namespace nn
