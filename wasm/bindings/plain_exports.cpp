// Plain C exports: the calls a page makes every frame (train, forward, accuracy, updates, status,
// the parameters, predict, predict_layers), and their only route from JavaScript. Under the strict
// Content-Security-Policy the module is linked with -sDYNAMIC_EXECUTION=0, and each embind call
// then costs about 0.1 µs; a plain export is called directly by the JavaScript engine. Each takes
// JsNetwork::handle() and forwards to a JsNetwork method (error() stays embind's). Status values
// are the integers of nn::Status (0 ok, 1 badSpec, 2 notFinite: module.Status.*.value).
#include <emscripten/emscripten.h>

#include "js_network.h"

namespace {
JsNetwork* of(uintptr_t handle) { return reinterpret_cast<JsNetwork*>(handle); }
int code(nn::Status st) { return static_cast<int>(st); }
uintptr_t addr(const void* p) { return reinterpret_cast<uintptr_t>(p); }
}  // namespace

extern "C" {

// train(steps) → steps done; the loss history: nn_losses_count(handle) doubles at
// nn_losses(handle) (one more than done when the loss before the failing update was finite).
EMSCRIPTEN_KEEPALIVE int nn_train(uintptr_t h, int steps) { return of(h)->train(steps); }
// forward() → the mean loss over all rows (then nn_status: NotFinite when it is not finite).
EMSCRIPTEN_KEEPALIVE double nn_forward(uintptr_t h) { return of(h)->forward(); }
// accuracy() → share of rows classified right, NaN for regression; runs forward.
EMSCRIPTEN_KEEPALIVE double nn_accuracy(uintptr_t h) { return of(h)->accuracy(); }
// trainEpochs(epochs, perEpoch) → updates done (then nn_status; their losses at nn_losses, as
// nn_train); after every whole epoch its loss and accuracy over all rows (NaN for regression), as
// nn_epoch_ends_count(handle) pairs of doubles at nn_epoch_ends(handle): a race's chunk in one
// call.
EMSCRIPTEN_KEEPALIVE int nn_train_epochs(uintptr_t h, int epochs, int per_epoch) {
  return of(h)->trainEpochs(epochs, per_epoch);
}
EMSCRIPTEN_KEEPALIVE uintptr_t nn_epoch_ends(uintptr_t h) { return addr(of(h)->epochEndsData()); }
EMSCRIPTEN_KEEPALIVE int nn_epoch_ends_count(uintptr_t h) { return of(h)->epochEndsCount(); }
// updates(): updates done in this run.
EMSCRIPTEN_KEEPALIVE double nn_updates(uintptr_t h) { return of(h)->updates(); }
// Address of the parameters, W¹ b¹ W² b² … (layoutJson's paramCount doubles; read and written in
// place, as buffers().params, without building every view of buffers(); valid until configure).
EMSCRIPTEN_KEEPALIVE uintptr_t nn_params(uintptr_t h) { return addr(of(h)->paramsData()); }
// status() as an integer.
EMSCRIPTEN_KEEPALIVE int nn_status(uintptr_t h) { return code(of(h)->status()); }
// divergedAt() and cutoff(), which the page reads after every nn_train.
EMSCRIPTEN_KEEPALIVE double nn_diverged_at(uintptr_t h) { return of(h)->divergedAt(); }
EMSCRIPTEN_KEEPALIVE double nn_cutoff(uintptr_t h) { return of(h)->cutoff(); }
// Address of the losses buffer (valid until the next call that may allocate).
EMSCRIPTEN_KEEPALIVE uintptr_t nn_losses(uintptr_t h) { return addr(of(h)->lossesData()); }
EMSCRIPTEN_KEEPALIVE int nn_losses_count(uintptr_t h) { return of(h)->lossesCount(); }
// reservePredict(rows) → status; then nn_predict_inputs/outputs give the buffers' addresses.
EMSCRIPTEN_KEEPALIVE int nn_reserve_predict(uintptr_t h, int rows) {
  return code(of(h)->reservePredict(rows));
}
EMSCRIPTEN_KEEPALIVE uintptr_t nn_predict_inputs(uintptr_t h) {
  return addr(of(h)->predictInputsData());
}
EMSCRIPTEN_KEEPALIVE uintptr_t nn_predict_outputs(uintptr_t h) {
  return addr(of(h)->predictOutputsData());
}
// predict(rows, exact != 0) → status: float32 fast maths, or double with `exact`.
EMSCRIPTEN_KEEPALIVE int nn_predict(uintptr_t h, int rows, int exact) {
  return code(of(h)->predict(rows, exact != 0));
}
// predictLayers(rows, exact != 0) → status: every layer's activations over the predict inputs in
// one pass; then nn_predict_layers_outputs gives the address of the result (rows · (sizes[1] + … +
// sizes[L]) doubles, block l at rows · (sizes[1] + … + sizes[l]); read it after the call).
EMSCRIPTEN_KEEPALIVE int nn_predict_layers(uintptr_t h, int rows, int exact) {
  return code(of(h)->predictLayers(rows, exact != 0));
}
EMSCRIPTEN_KEEPALIVE uintptr_t nn_predict_layers_outputs(uintptr_t h) {
  return addr(of(h)->predictLayersData());
}
}
