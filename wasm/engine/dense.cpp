// Naive dense kernels: the reference every faster variant is tested against bit for bit.
#include "dense.h"

namespace nn {

void dense_forward(double* z, const double* in, const double* W, const double* b, int B, int nin,
                   int nout) {
  for (int s = 0; s < B; ++s) {
    const double* x = in + s * nin;
    for (int j = 0; j < nout; ++j) {
      const double* w = W + j * nin;
      double acc = 0;
      for (int i = 0; i < nin; ++i) acc += w[i] * x[i];
      z[s * nout + j] = acc + b[j];
    }
  }
}

void dense_backward(double* din, double* dW, double* db, const double* dz, const double* in,
                    const double* W, int B, int nin, int nout) {
  const double inv_b = 1.0 / B;
  for (int j = 0; j < nout; ++j) {
    double gb = 0;
    for (int s = 0; s < B; ++s) gb += dz[s * nout + j];
    db[j] = gb * inv_b;
    for (int i = 0; i < nin; ++i) {
      double g = 0;
      for (int s = 0; s < B; ++s) g += dz[s * nout + j] * in[s * nin + i];
      dW[j * nin + i] = g * inv_b;
    }
  }
  if (!din) return;
  for (int s = 0; s < B; ++s) {
    for (int i = 0; i < nin; ++i) {
      double acc = 0;
      for (int j = 0; j < nout; ++j) acc += dz[s * nout + j] * W[j * nin + i];
      din[s * nin + i] = acc;
    }
  }
}

}  // namespace nn
