// catalogue_json; see catalogue.h.
#include "catalogue.h"

#include "json.h"

namespace nn {

std::string catalogue_json() {
  Json out = Json::object();
  auto list = [&](const char* key, const auto& table, const char* fits_key) {
    Json rows = Json::array();
    for (const CatalogueEntry& e : table) {
      Json row = {{"name", e.name}, {"label", e.label}};
      if (std::string_view(fits_key) == "hidden")
        row["hidden"] = std::string_view(e.fits) == "hidden";
      if (std::string_view(fits_key) == "output") row["output"] = e.fits;
      rows.push_back(std::move(row));
    }
    out[key] = std::move(rows);
  };
  list("activations", kActivations, "hidden");
  list("losses", kLosses, "output");
  list("optimizers", kOptimizers, "");
  list("regularizers", kRegularizers, "");
  return json_text(out);
}

}  // namespace nn
