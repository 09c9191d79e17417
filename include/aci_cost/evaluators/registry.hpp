// aci::evaluators::Registry: the models a sweep can run, by name — the built-in training and
// quote models and any model a caller registers (C++ here, Python through the bindings). A
// registry is a value (no global state): Registry::builtin() makes a new one each time.
// The built-in evaluators (their batch kernels) are compiled once, in src/registry.cpp
// (registry-inl.hpp): this header names them only, so that what includes it stays light.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/scenario.hpp"
#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

/// Makes the evaluator of one model for a scenario and a sweep document.
using Factory = std::function<std::unique_ptr<sweep::Evaluator>(const Scenario&, const io::SweepDocument&)>;

/// Models by name.
class Registry {
 public:
  /// The built-in models: "training" (the scenario's training model), "quote" (one job) and
  /// "allocation" (the ACI's structure over its ateliers) and "sharing" (the spec's sharing
  /// problem, else io::example_sharing_problem()).
  static Registry builtin();
  /// Adds model `name`; InvalidInput naming "registry.name" if it is empty or taken.
  void add(const std::string& name, Factory factory) {
    ACI_COST_REQUIRE(!name.empty(), "registry.name", "\"\"", "must not be empty");
    ACI_COST_REQUIRE(factories_.find(name) == factories_.end(), "registry.name", "\"" + name + "\"",
                     "is already registered");
    factories_.emplace(name, std::move(factory));
  }
  /// The model names, sorted.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [n, f] : factories_) out.push_back(n);
    return out;
  }
  /// The evaluator of `d.model` on `s`; InvalidInput naming "sweep.model" (with the known
  /// names) for an unknown model.
  std::unique_ptr<sweep::Evaluator> make(const io::SweepDocument& d, const Scenario& s) const {
    const auto it = factories_.find(d.model);
    if (it == factories_.end()) {
      std::string known;
      for (const auto& n : names()) known += (known.empty() ? "" : ", ") + ("\"" + n + "\"");
      throw InvalidInput("sweep.model", "\"" + d.model + "\"", "unknown model (known: " + known + ")");
    }
    return it->second(s, d);
  }

 private:
  std::map<std::string, Factory> factories_;
};

/// The evaluator of a built-in model.
inline std::unique_ptr<sweep::Evaluator> make_evaluator(const io::SweepDocument& d, const Scenario& s) {
  return Registry::builtin().make(d, s);
}

}  // namespace aci::evaluators

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/evaluators/registry-inl.hpp"
#endif
