// aci::sweep evaluators: the models a sweep can run, each with its documented input names (the
// numeric inputs it can vary, with their domains) and output names. An evaluator turns a chunk
// of scenarios [begin, end) — one column of values per varying input — into one column per
// output. The training model runs its vectorised batch kernel; the quote model runs the double
// quote engine on a patched copy of the scenario, so that a sweep and a quote never disagree.
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/figures.hpp"
#include "aci_cost/training/batch.hpp"

namespace aci::sweep {

/// A numeric input a sweep may vary.
struct InputInfo {
  std::string name;       ///< documented name, e.g. "training.demand.base_hours"
  double low;             ///< lower bound
  double high;            ///< upper bound (infinity: none)
  bool low_open;          ///< the low bound itself is invalid
  std::string unit;       ///< unit of the value
  bool high_open = false; ///< the high bound itself is invalid (always so for infinity)
  std::string rule;       ///< a rule joining it to other inputs ("" if none)

  /// The domain as an interval: "[0, 1)", "(0, inf)".
  std::string domain() const {
    const auto num = [](double v) {
      if (std::isinf(v)) return std::string(v > 0 ? "inf" : "-inf");
      std::string t = std::to_string(v);
      t.erase(t.find_last_not_of('0') + 1);
      if (!t.empty() && t.back() == '.') t.pop_back();
      return t;
    };
    return std::string(low_open ? "(" : "[") + num(low) + ", " + num(high) + (high_open || std::isinf(high) ? ")" : "]");
  }
  /// True when v lies in the domain (finite, within its bounds and their open ends).
  bool contains(double v) const {
    return std::isfinite(v) && (low_open ? v > low : v >= low) && (high_open ? v < high : v <= high);
  }
};

/// A model a sweep evaluates.
class Evaluator {
 public:
  virtual ~Evaluator() = default;
  /// The inputs it can vary.
  const std::vector<InputInfo>& inputs() const noexcept { return inputs_; }
  /// The outputs it computes.
  const std::vector<std::string>& outputs() const noexcept { return outputs_; }
  /// Evaluates scenarios [begin, end) (global indices, n = end - begin): x[k] points to the n
  /// values of input `input_ids[k]`, y[m] to room for the n values of output `output_ids[m]`.
  /// A stochastic model keys scenario i's random draws on draw_keys[i - begin], or on i when
  /// draw_keys is empty (a deterministic model ignores them).
  /// Thread-safe (const, no shared state); allocates nothing per scenario.
  virtual void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                        std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                        std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const = 0;

 protected:
  std::vector<InputInfo> inputs_;     ///< filled by the constructor of each model
  std::vector<std::string> outputs_;  ///< filled by the constructor of each model
};

/// The index of `name` in `names`; InvalidInput naming `field` (with the known names) otherwise.
inline std::size_t index_of(const std::vector<std::string>& names, const std::string& name, const std::string& field) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  throw InvalidInput(field, "\"" + name + "\"", "unknown name (known: " + all + ")");
}

/// The weekly training model, on its batch kernel.
class TrainingEvaluator final : public Evaluator {
 public:
  /// Evaluates variations of `base` (validated here).
  explicit TrainingEvaluator(training::TrainingModel base) : base_(std::move(base)) {
    base_.validate();
    table_ = training::detail::week_table<double>(base_);
    using namespace training::detail;
    const double inf = std::numeric_limits<double>::infinity();
    const std::pair<double, double> domain[p_count] = {
        {0, inf}, {1, inf}, {0, 168}, {0, 1}, {0, 1}, {0, 1}, {0, inf}, {0, 1}, {0, 1}, {0, 1},
        {0, inf}, {0, inf}, {0, 1}, {0, inf}, {0, 1}, {0, inf}, {0, inf}, {0, inf}, {0, inf}};
    const char* units[p_count] = {"heads", "months", "h/week", "share", "share", "share", "h/week", "share", "share",
                                  "share", "h/week", "trainees", "share", "ratio", "share", "h", "€/h", "€/h", "€/h"};
    for (std::size_t k = 0; k < p_count; ++k) {
      // The same ends as check_params (training/model.hpp): a test compares both on each bound.
      const bool open = k == p_demand_productivity || k == p_trainees_per_supervisor || k == p_load_threshold;
      const bool high_open = k == p_absence || k == p_absence_spread || k == p_accompaniment;
      std::string rule;
      if (k == p_absence_spread) rule = "absence - absence_spread >= 0 and absence + absence_spread < 1";
      if (k == p_accompaniment) rule = "absence + absence_spread + accompaniment <= 1";
      inputs_.push_back({"training." + std::string(param_path[k]), domain[k].first, domain[k].second, open, units[k],
                         high_open, rule});
    }
    outputs_ = {"delivered_share", "lost_hours", "final_backlog_hours", "planned_hours", "production_hours",
                "unmet_demand_hours", "supervisor_hours", "cost_per_productive_hour_actual",
                "cost_per_productive_hour_honoured", "training_debt"};
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const override {
    training::detail::BatchColumns in;
    in.scenarios = static_cast<std::size_t>(end - begin);
    in.first_scenario = begin;  // the draws depend on the global index only, or on the given keys
    in.draw_keys = draw_keys.empty() ? nullptr : draw_keys.data();
    for (std::size_t k = 0; k < input_ids.size(); ++k) in.param[input_ids[k]] = x[k];
    training::detail::BatchOutputs out{};
    for (std::size_t m = 0; m < output_ids.size(); ++m) out[output_ids[m]] = y[m];
    training::detail::run_batch(base_, table_, in, 0, in.scenarios, out);
  }

 private:
  training::TrainingModel base_;
  training::detail::WeekTable<double> table_;
};

/// One job's quote on the double engine.
class QuoteEvaluator final : public Evaluator {
 public:
  /// Evaluates variations of job `job` of `scenario`.
  QuoteEvaluator(io::Scenario scenario, const std::string& job)
      : s_(std::move(scenario)), job_(s_.job(job)), table_(s_.rate_table()) {
    s_.validate();
    atelier_ = static_cast<std::size_t>(&s_.aci.atelier(job_.atelier, "job.atelier") - s_.aci.ateliers.data());
    const double inf = std::numeric_limits<double>::infinity();
    using Set = std::function<void(io::Scenario&, model::Job&, double)>;
    const auto dec = [](double v, const char* f) { return decimal_from_double(v, f); };
    const auto add = [&](const char* name, double lo, double hi, bool open, const char* unit, Set set) {
      inputs_.push_back({name, lo, hi, open, unit, false, ""});
      setters_.push_back(std::move(set));
    };
    const auto at = [this](io::Scenario& s) -> model::Atelier& { return s.aci.ateliers[atelier_]; };
    add("job.standard_hours", 0, inf, true, "h", [=](io::Scenario&, model::Job& j, double v) {
      j.standard_hours = dec(v, "job.standard_hours");
      j.drivers.clear();
    });
    add("job.productivity", 0, 1, true, "share", [=](io::Scenario&, model::Job& j, double v) { j.productivity = dec(v, "job.productivity"); });
    add("job.crew_size", 0, inf, true, "people", [=](io::Scenario&, model::Job& j, double v) { j.crew_size = dec(v, "job.crew_size"); });
    add("job.supervisors", 0, inf, false, "people", [=](io::Scenario&, model::Job& j, double v) { j.supervisors = dec(v, "job.supervisors"); });
    add("pricing.margin", -1, 10, true, "share", [=](io::Scenario& s, model::Job&, double v) { s.pricing.margin = dec(v, "pricing.margin"); });
    add("atelier.annual_overheads", 0, inf, false, "€/year", [=](io::Scenario& s, model::Job&, double v) {
      at(s).annual_overheads = Money(dec(v, "atelier.annual_overheads"));
    });
    add("atelier.subsidies.aid_modulation_share", 0, 0.1, false, "share", [=](io::Scenario& s, model::Job&, double v) {
      at(s).subsidies.aid_modulation_share = dec(v, "atelier.subsidies.aid_modulation_share");
    });
    add("atelier.subsidies.other_grants_annual", 0, inf, false, "€/year", [=](io::Scenario& s, model::Job&, double v) {
      at(s).subsidies.other_grants_annual = Money(dec(v, "atelier.subsidies.other_grants_annual"));
    });
    add("atelier.market_hourly_price", 0, inf, false, "€/h", [=](io::Scenario& s, model::Job&, double v) {
      at(s).market_hourly_price = Money(dec(v, "atelier.market_hourly_price"));
    });
    add("atelier.ordinary_hourly_cost", 0, inf, false, "€/h", [=](io::Scenario& s, model::Job&, double v) {
      at(s).ordinary_hourly_cost = Money(dec(v, "atelier.ordinary_hourly_cost"));
    });
    // The integration groups of the job's atelier: every group scaled or set alike.
    const auto each_crew = [at](io::Scenario& s, const std::function<void(people::StaffGroup&)>& f) {
      for (auto& g : at(s).staff)
        if (g.role == people::Role::integration) f(g);
    };
    add("crew.headcount_scale", 0, inf, true, "x", [=](io::Scenario& s, model::Job&, double v) {
      const Decimal k = dec(v, "crew.headcount_scale");
      each_crew(s, [&](people::StaffGroup& g) { g.headcount *= k; });
      at(s).subsidies.rsa_fte *= k;  // the RSA posts are part of the crew
    });
    add("crew.weekly_hours", 0, 48, true, "h/week", [=](io::Scenario& s, model::Job&, double v) {
      const Decimal h = dec(v, "crew.weekly_hours");
      each_crew(s, [&](people::StaffGroup& g) { g.weekly_hours = h; });
    });
    add("crew.absence", 0, 1, false, "share (paid absence)", [=](io::Scenario& s, model::Job&, double v) {
      const Decimal a = dec(v, "crew.absence");
      each_crew(s, [&](people::StaffGroup& g) { g.hours.absence = a; });
    });
    add("crew.training", 0, 1, false, "share", [=](io::Scenario& s, model::Job&, double v) {
      const Decimal t = dec(v, "crew.training");
      each_crew(s, [&](people::StaffGroup& g) { g.hours.training = t; });
    });
    outputs_ = {"full_cost", "production_cost", "insertion_extra_cost", "subsidies", "net_cost", "price_ht",
                "market_floor", "integration_hours"};
    for (auto k : quote::cost_line_keys) outputs_.push_back("line." + std::string(k));
  }
  QuoteEvaluator(const QuoteEvaluator&) = delete;  // the setters refer to this object
  QuoteEvaluator& operator=(const QuoteEvaluator&) = delete;
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> /*draw_keys: deterministic*/) const override {
    const auto n = static_cast<std::size_t>(end - begin);
    for (std::size_t i = 0; i < n; ++i) {
      io::Scenario s = s_;
      model::Job j = job_;
      for (std::size_t k = 0; k < input_ids.size(); ++k) setters_[input_ids[k]](s, j, x[k][i]);
      const auto f = quote::compute_figures<double>(s.aci, j, table_, s.pricing);
      for (std::size_t m = 0; m < output_ids.size(); ++m) y[m][i] = pick(f, output_ids[m]);
    }
  }

 private:
  static double pick(const quote::QuoteFigures<double>& f, std::size_t id) {
    switch (id) {
      case 0: return f.full_cost;
      case 1: return f.production_cost;
      case 2: return f.insertion_extra_cost;
      case 3: return f.subsidies_total;
      case 4: return f.net_cost;
      case 5: return f.price_ht;
      case 6: return f.market_floor;
      case 7: return f.integration_hours;
      default: return f.lines[id - 8];
    }
  }

  io::Scenario s_;
  model::Job job_;
  rates::RateTable table_;
  std::size_t atelier_ = 0;
  std::vector<std::function<void(io::Scenario&, model::Job&, double)>> setters_;
};

}  // namespace aci::sweep
