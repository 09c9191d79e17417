// aci::evaluators::QuoteEvaluator: one job's quote in a sweep, on the double quote engine over a
// patched copy of the scenario, so that a sweep and a quote never disagree.
#pragma once

#include <functional>
#include <limits>
#include <string>

#include "aci_cost/quote/figures.hpp"
#include "aci_cost/scenario.hpp"
#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

using sweep::Evaluator;

/// One job's quote on the double engine.
class QuoteEvaluator final : public Evaluator {
 public:
  /// Evaluates variations of job `job` of `scenario`.
  QuoteEvaluator(Scenario scenario, const std::string& job)
      : s_(std::move(scenario)), job_(s_.job(job)), table_(s_.rate_table()) {
    s_.validate();
    atelier_ = static_cast<std::size_t>(&s_.aci.atelier(job_.atelier, "job.atelier") - s_.aci.ateliers.data());
    const double inf = std::numeric_limits<double>::infinity();
    using Set = std::function<void(Scenario&, model::Job&, double)>;
    const auto dec = [](double v, const char* f) { return decimal_from_double(v, f); };
    const auto add = [&](const char* name, double lo, double hi, bool open, const char* unit, Set set) {
      inputs_.push_back({name, lo, hi, open, unit, false, ""});
      setters_.push_back(std::move(set));
    };
    const auto at = [this](Scenario& s) -> model::Atelier& { return s.aci.ateliers[atelier_]; };
    add("job.standard_hours", 0, inf, true, "h", [=](Scenario&, model::Job& j, double v) {
      j.standard_hours = dec(v, "job.standard_hours");
      j.drivers.clear();
    });
    add("job.productivity", 0, 1, true, "share", [=](Scenario&, model::Job& j, double v) { j.productivity = dec(v, "job.productivity"); });
    add("job.crew_size", 0, inf, true, "people", [=](Scenario&, model::Job& j, double v) { j.crew_size = dec(v, "job.crew_size"); });
    add("job.supervisors", 0, inf, false, "people", [=](Scenario&, model::Job& j, double v) { j.supervisors = dec(v, "job.supervisors"); });
    add("pricing.margin", -1, 10, true, "share", [=](Scenario& s, model::Job&, double v) { s.pricing.margin = dec(v, "pricing.margin"); });
    add("atelier.annual_overheads", 0, inf, false, "€/year", [=](Scenario& s, model::Job&, double v) {
      at(s).annual_overheads = Money(dec(v, "atelier.annual_overheads"));
    });
    add("atelier.subsidies.aid_modulation_share", 0, 0.1, false, "share", [=](Scenario& s, model::Job&, double v) {
      at(s).subsidies.aid_modulation_share = dec(v, "atelier.subsidies.aid_modulation_share");
    });
    add("atelier.subsidies.other_grants_annual", 0, inf, false, "€/year", [=](Scenario& s, model::Job&, double v) {
      at(s).subsidies.other_grants_annual = Money(dec(v, "atelier.subsidies.other_grants_annual"));
    });
    add("atelier.market_hourly_price", 0, inf, false, "€/h", [=](Scenario& s, model::Job&, double v) {
      at(s).market_hourly_price = Money(dec(v, "atelier.market_hourly_price"));
    });
    add("atelier.ordinary_hourly_cost", 0, inf, false, "€/h", [=](Scenario& s, model::Job&, double v) {
      at(s).ordinary_hourly_cost = Money(dec(v, "atelier.ordinary_hourly_cost"));
    });
    // The integration groups of the job's atelier: every group scaled or set alike.
    const auto each_crew = [at](Scenario& s, const std::function<void(people::StaffGroup&)>& f) {
      for (auto& g : at(s).staff)
        if (g.role == people::Role::integration) f(g);
    };
    add("crew.headcount_scale", 0, inf, true, "x", [=](Scenario& s, model::Job&, double v) {
      const Decimal k = dec(v, "crew.headcount_scale");
      each_crew(s, [&](people::StaffGroup& g) { g.headcount *= k; });
      at(s).subsidies.rsa_fte *= k;  // the RSA posts are part of the crew
    });
    add("crew.weekly_hours", 0, 48, true, "h/week", [=](Scenario& s, model::Job&, double v) {
      const Decimal h = dec(v, "crew.weekly_hours");
      each_crew(s, [&](people::StaffGroup& g) { g.weekly_hours = h; });
    });
    add("crew.absence", 0, 1, false, "share (paid absence)", [=](Scenario& s, model::Job&, double v) {
      const Decimal a = dec(v, "crew.absence");
      each_crew(s, [&](people::StaffGroup& g) { g.hours.absence = a; });
    });
    add("crew.training", 0, 1, false, "share", [=](Scenario& s, model::Job&, double v) {
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
      Scenario s = s_;
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

  Scenario s_;
  model::Job job_;
  rates::RateTable table_;
  std::size_t atelier_ = 0;
  std::vector<std::function<void(Scenario&, model::Job&, double)>> setters_;
};

}  // namespace aci::evaluators
