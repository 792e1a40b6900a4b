// Status codes the engine returns instead of throwing (no C++ exception ever reaches JavaScript).
#pragma once

namespace nn {

enum class Status {
  Ok = 0,
  BadSpec,    // the spec is malformed or asks for something that makes no sense
  NotFinite,  // a NaN or infinity appeared in a loss, gradient or parameter
};

}  // namespace nn
