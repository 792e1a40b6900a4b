// catalogue_json; see catalogue.h.
#include "catalogue.h"

#include "json.h"

namespace nn {

std::string catalogue_json() {
  Json out = Json::object();
  auto range = [](const Range& r) {
    Json j = {{"min", r.min}, {"max", r.max}};
    if (r.min_exclusive) j["minExclusive"] = true;
    if (r.max_exclusive) j["maxExclusive"] = true;
    if (r.whole) j["whole"] = true;
    return j;
  };
  auto list = [&](const char* key, const auto& table, const char* fits_key) {
    Json rows = Json::array();
    for (const CatalogueEntry& e : table) {
      Json row = {{"name", e.name}, {"label", e.label}};
      const std::string_view kind = fits_key, fits = e.fits;
      if (kind == "hidden") row["hidden"] = fits == "hidden";
      if (kind == "output") row["output"] = e.fits;
      if (kind == "params") {
        Json params = Json::array(), ranges = Json::array();
        for (const OptimizerField& f : kOptimizerFields)
          if (static_cast<size_t>(f.kind) == static_cast<size_t>(&e - std::data(table)))
            params.push_back(f.name), ranges.push_back(range(f.range));
        row["params"] = std::move(params), row["ranges"] = std::move(ranges);
      }
      if (kind == "hidden" || kind == "output") row["tex"] = e.tex, row["dtex"] = e.dtex;
      if (kind == "hidden") {  // an activation: f′'s kink and its initialisation (activations.h)
        const auto f = static_cast<Activation>(&e - std::data(table));
        row["kink"] = activation_kink(f), row["init"] = activation_init(f);
      }
      rows.push_back(std::move(row));
    }
    out[key] = std::move(rows);
  };
  list("activations", kActivations, "hidden");
  list("losses", kLosses, "output");
  list("optimizers", kOptimizers, "params");
  list("regularizers", kRegularizers, "");
  out["limits"] = {{"learningRate", range(kLearningRate)},
                   {"decay", range(kDecay)},
                   {"adamEpsilon", range(kAdamEpsilon)},
                   {"checkEpsilon", range(kCheckEpsilon)},
                   {"layers", kMaxLayers},
                   {"units", kMaxUnits},
                   {"rows", kMaxRows},
                   {"seed", kMaxSeed}};
  return json_text(out);
}

}  // namespace nn
