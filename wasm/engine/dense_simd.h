// Fast variants of the dense and activation kernels, beside the references in dense.h and
// activations.h. Same contracts and argument order; SIMD runs across samples (forward, din) or
// across output elements (dW, db), never across a sum, so in double every output keeps the
// reference's summation order and is bitwise equal to it (simd_test.cpp checks this).
#pragma once
#include "activations.h"

namespace nn {

// T = double (training, bitwise equal to dense_forward) or float (heatmaps, big benchmarks).
// in (B, nin), W (nout, nin), b (nout), z (B, nout). In double, layers of 1 … 8 by 1 … 8 units run
// an instance with both widths fixed at compile time (W paired once per call, pairs of outputs or,
// for one output, pairs of samples per f64x2); the others the blocked kernels.
template <typename T>
void dense_forward_fast(T* z, const T* in, const T* W, const T* b, int B, int nin, int nout);

// The same in feature-major layout, for many points at once (predict): xt (nin, B), zt (nout, B),
// B a multiple of Vec<T>::kLanes, so every load and store is a whole Vec across samples.
template <typename T>
void dense_forward_t(T* zt, const T* xt, const T* W, const T* b, int B, int nin, int nout);

// dz (B, nout), in (B, nin), W (nout, nin) → dW (nout, nin), db (nout) batch means, din (B, nin) or
// null. In double, layers of 1 … 8 by 1 … 8 units and at most 16 weights (2×8, 4×4, 8×1, …: the
// playground's and the lessons' small layers) run an instance with both widths fixed at compile
// time; the others the register-blocked kernels.
template <typename T>
void dense_backward_fast(T* din, T* dW, T* db, const T* dz, const T* in, const T* W, int B, int nin,
                         int nout);

// a, z: (B, n). Each activation's fast form (activations.h; tanh and sigmoid through fastmath,
// within 3 and 4 ulp of libm, not bitwise; the others the reference's bits): scalar below 4 values,
// f64x2 above, the same bits either way. Softmax: the reference.
void activation_forward_fast(double* a, const double* z, int B, int n, Activation f);

// a, z: (B, n) in float: each activation's fast form in f32x4; softmax through fastmath's exp.
void activation_forward_f32(float* a, const float* z, int B, int n, Activation f);

}  // namespace nn
