// The training step without per-layer dispatch: network_step's forward, backward and update with
// every size, offset and kernel form resolved once per network_init (StepPlan), the update, the
// copy to params_before and the finiteness checks fused into one pass, and each layer's kernels
// chosen by width (scalar where a layer is narrower than a SIMD vector, vectors elsewhere). Every
// kernel it calls keeps the reference's summation order, so a step through the plan is bitwise
// the step network_forward + network_backward + network_update would take (fast_step_test.cpp).
#pragma once
#include <vector>

#include "activations.h"
#include "dense_simd.h"
#include "status.h"

namespace nn {

struct Network;
struct NetworkSpec;

// A single-sample layer's forward: z = W·x + b, a = f(z); x (nin), W (nout, nin), b, z, a (nout).
using ForwardOne = void (*)(double* z, double* a, const double* x, const double* W, const double* b,
                            int nin, int nout, Activation f);

// A single-sample layer's backward (dense_backward for B = 1): din (nin) or null, dW, db from δ
// (nout), x (nin) and W; returns whether every dW and db is finite.
using BackwardOne = bool (*)(double* din, double* dW, double* db, const double* dz, const double* x,
                             const double* W, int nin, int nout);

// One weight layer: its widths, its blocks' offsets (into params/grads, acts/dacts), its form,
// and its single-sample kernels (fixed-width instances for layers of 1 … 4 by 1 … 4 units).
struct LayerPlan {
  int nin = 0, nout = 0;
  int W = 0, b = 0, z = 0, a = 0, dz = 0, da = 0;
  Activation f = Activation::Linear;
  ForwardOne forward_one = nullptr;
  BackwardOne backward_one = nullptr;
};

struct StepPlan {
  bool enabled = false;  // false: network_step takes the general path
  std::vector<LayerPlan> layers;
};

// Whether the planned step computes exactly what the general path computes for this spec. A spec
// feature the plan does not implement (weight penalties, frozen biases, a non-SGD optimizer) keeps
// the general path; checked per step, because setOptimizer/setTrainBiases change the spec live.
// A new spec feature that changes forward, backward or update must be added here (or to the plan).
bool step_plan_applies(const NetworkSpec& spec);

// Resolves the plan from net.spec and net.layout (call after both are set).
StepPlan make_step_plan(const Network& net);

// network_step through the plan: the next batch, forward, backward, SGD update. Same contract and
// the same bits as network_step's general path; net.plan.enabled and step_plan_applies must hold.
Status planned_step(Network& net, double* loss);

}  // namespace nn
