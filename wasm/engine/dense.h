// Fully connected layer. Reference kernels: plain loops, no intrinsics (the fast variants in
// dense_simd.cpp keep this contract and each output's summation order).
#pragma once

namespace nn {

// in (B, nin), W (nout, nin) row-major with W[j*nin + i] = w_ji, b (nout), z (B, nout).
// z = in·Wᵀ + b, summing Σᵢ w_ji·in_i in order i = 0..nin-1 and then adding b_j.
void dense_forward(double* z, const double* in, const double* W, const double* b, int B, int nin,
                   int nout);

// dz (B, nout) = δ per sample. Writes the batch means dW (nout, nin) = (1/B) Σ_b dz_bᵀ in_b and
// db (nout) = (1/B) Σ_b dz_b; din (B, nin) = dz·W (the next δ's raw sum), skipped when null.
void dense_backward(double* din, double* dW, double* db, const double* dz, const double* in,
                    const double* W, int B, int nin, int nout);

}  // namespace nn
