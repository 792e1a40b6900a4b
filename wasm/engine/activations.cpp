// The reference loops over the activations' definitions; see activations.h.
#include "activations.h"

namespace nn {

void activation_forward(double* a, const double* z, int B, int n, Activation f) {
  with_activation(f, [&]<class D>(D) {
    if constexpr (kElementwise<D>)
      for (int i = 0; i < B * n; ++i) a[i] = D::value(z[i]);
    else
      for (int b = 0; b < B; ++b) D::row(a + b * n, z + b * n, n);
  });
}

void activation_backward(double* dz, const double* da, const double* z, const double* a, int B,
                         int n, Activation f) {
  with_activation(f, [&]<class D>(D) {
    for (int i = 0; i < B * n; ++i) dz[i] = D::backward(da[i], z[i], a[i]);
  });
}

bool activation_kink(Activation f) {
  bool kink = false;
  with_activation(f, [&]<class D>(D) {
    if constexpr (requires { D::kink; }) kink = D::kink;
  });
  return kink;
}

const char* activation_init(Activation f) {
  const char* init = "xavier";
  with_activation(f, [&]<class D>(D) {
    if constexpr (requires { D::init; }) init = D::init;
  });
  return init;
}

}  // namespace nn
