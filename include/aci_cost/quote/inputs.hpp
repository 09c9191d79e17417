// The quote model's descriptor table: one row per input a sweep may vary (its name, unit, domain,
// the rule joining it to others, and whether it moves the staff costs), one row per output. The
// sweep evaluator's inputs and outputs (evaluators/quote.hpp), the batch's validation
// (quote/batch.hpp) and the docs table (docs/model_inputs.md) come from these two macros; how
// an input enters the reduced model is set_input below (the model's own arithmetic).
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aci_cost/quote/figures.hpp"
#include "aci_cost/detail/descriptor.hpp"
#include "aci_cost/schema/field.hpp"

// Columns: X(id, name, unit, domain, staff, rule, doc). `domain` is ACI_COST_RANGE(low, high, ends), `ends`
// as in training/inputs.hpp, or ACI_COST_FIELD(Struct, member): the domain of a scenario field, from its
// struct's field table (schema/field.hpp), so that a sweep and a scenario refuse the same values;
// `staff`: what it moves of the staff costs, recomputed per scenario — 0 none, 1 the integration
// groups (crew), 2 every group (the permanent staff too).
// Domains keep every figure finite and within Money's exact range (±9.2e16 €) when one input
// takes any value of its domain (tests/cpp/quote/test_domains.cpp, issue 34 item 4): where a
// field's own domain is wider (an amount up to 9.2e16 €, a crew of 5e-324 person that divides
// the job's time), the sweep's is an [assumption] narrower range. Inputs extreme together may
// still pass the range: the batch then refuses the scenario, naming the output (batch.hpp).
#define ACI_COST_QUOTE_INPUTS(X)                                                                                       \
  X(job_standard_hours, "job.standard_hours", "h", ACI_COST_RANGE(0.01, 1e7, "[]"), 0, "",                             \
    "work content in standard hours (replaces the drivers) [assumption: >= 0.01 h, the per-unit figures' base]")       \
  X(job_productivity, "job.productivity", "share", ACI_COST_FIELD(model::Job, productivity), 0, "",                    \
    "relative productivity of the crew")                                                                               \
  X(job_crew_size, "job.crew_size", "people", ACI_COST_RANGE(0.01, 10000, "[]"), 0, "",                                \
    "integration employees on site [assumption: >= 0.01 person; the job's elapsed time divides by it]")                \
  X(job_supervisors, "job.supervisors", "people", ACI_COST_FIELD(model::Job, supervisors), 0,                          \
    "> 0 needs a supervisor (ETPS) group in the atelier", "supervisors (ETPS) on site")                                \
  X(job_output_quantity, "job.output.quantity", "units", ACI_COST_RANGE(0.001, 1e9, "[]"), 0, "",                      \
    "units of output produced (replaces the standard hours as the per-unit base) [assumption: 0.001 to 10^9]")         \
  X(job_output_support_per_unit, "job.output.support_per_unit", "€/unit", ACI_COST_RANGE(0, 1e6, "[]"), 0, "",         \
    "revenue tied to output per unit produced (e.g. an eco-organisation's €/tonne) [assumption: at most 10^6 €]")      \
  X(pricing_margin, "pricing.margin", "share", ACI_COST_FIELD(quote::PricingOptions, margin), 0, "",                   \
    "cost_plus margin on the full cost")                                                                               \
  X(atelier_annual_overheads, "atelier.annual_overheads", "€/year", ACI_COST_RANGE(0, 1e10, "[]"), 0, "",              \
    "overheads of the year [assumption: at most 10^10 €]")                                                             \
  X(atelier_aid_modulation_share, "atelier.subsidies.aid_modulation_share", "share",                                   \
    ACI_COST_FIELD(model::Subsidies, aid_modulation_share), 0, "the département's RSA share must stay within the aid", \
    "modulated part of the aide au poste")                                                                             \
  X(atelier_other_grants, "atelier.subsidies.other_grants_annual", "€/year", ACI_COST_RANGE(0, 1e10, "[]"), 0, "",     \
    "other grants of the year [assumption: at most 10^10 €]")                                                          \
  X(atelier_market_hourly_price, "atelier.market_hourly_price", "€/h", ACI_COST_RANGE(0, 1e5, "[]"), 0,                \
    ">= atelier.market_floor_hourly_price", "market price of a standard hour [assumption: at most 10^5 €/h]")          \
  X(atelier_ordinary_hourly_cost, "atelier.ordinary_hourly_cost", "€/h", ACI_COST_RANGE(0, 1e5, "[]"), 0, "",          \
    "what an ordinary firm spends per standard hour [assumption: at most 10^5 €/h]")                                   \
  X(crew_headcount_scale, "crew.headcount_scale", "x", ACI_COST_RANGE(0.01, 100, "[]"), 1,                             \
    "the RSA FTEs (scaled alike) must fit the filled FTEs",                                                            \
    "scales every integration group and the RSA FTEs [assumption: 0.01 to 100]")                                       \
  X(crew_weekly_hours, "crew.weekly_hours", "h/week", ACI_COST_RANGE(1, 48, "[]"), 1, "",                              \
    "contract hours of every integration group [assumption: >= 1 h/week; the legal maximum 48]")                       \
  X(crew_absence, "crew.absence", "share (paid absence)", ACI_COST_RANGE(0, 0.9, "[]"), 1,                             \
    "training + absence + the other shares < 1 (some production)",                                                     \
    "paid absence of every integration group [assumption: at most 0.9]")                                               \
  X(job_trips, "job.travel.trips", "trips", ACI_COST_FIELD(model::Travel, trips), 0, "", "round trips to the site")    \
  X(job_km_per_trip, "job.travel.km_per_trip", "km", ACI_COST_FIELD(model::Travel, km_per_trip), 0, "",                \
    "km per round trip")                                                                                               \
  X(job_hours_per_trip, "job.travel.hours_per_trip", "h", ACI_COST_FIELD(model::Travel, hours_per_trip), 0, "",        \
    "paid time per round trip and person")                                                                             \
  X(job_materials, "job.materials", "€", ACI_COST_RANGE(0, 1e9, "[]"), 0, "",                                          \
    "materials at cost, in all (replaces the job's; at most 10^9 € [assumption])")                                     \
  X(atelier_occupancy, "atelier.occupancy", "share", ACI_COST_RANGE(0.01, 1, "[]"), 1, "",                             \
    "share of the integration posts filled over the year [assumption: >= 0.01]")                                       \
  X(atelier_aid_socle, "atelier.aid_socle", "€/FTE/year", ACI_COST_RANGE(0, 1e6, "()"), 0,                             \
    "acts only where the atelier receives the aid", "the aide au poste per FTE, socle (a revaluation is awaited)")     \
  X(crew_pay_scale, "crew.pay_scale", "x", ACI_COST_RANGE(0, 10, "(]"), 1, "",                                         \
    "scales the pay of every integration group (the SMIC x scale for a SMIC group)")                                   \
  X(crew_employer_rate, "crew.employer_rate", "share", ACI_COST_FIELD(people::StaffGroup, employer_rate), 1,           \
    "above the general reduction coefficient (legal_reduction mode)", "employer contribution rate of the crew")        \
  X(permanent_pay_scale, "permanent.pay_scale", "x", ACI_COST_RANGE(0, 10, "(]"), 2, "",                               \
    "scales the pay of every other group (ETPS, CIP, support)")                                                        \
  X(crew_training, "crew.training", "share", ACI_COST_RANGE(0, 0.9, "[]"), 1,                                          \
    "training + absence + the other shares < 1 (some production)",                                                     \
    "training share of every integration group [assumption: at most 0.9]")                                             \
  X(atelier_market_floor_hourly_price, "atelier.market_floor_hourly_price", "€/h", ACI_COST_RANGE(0, 1e5, "[]"), 0,    \
    "<= atelier.market_hourly_price",                                                                                  \
    "low end of the market price of a standard hour: below it a price undercuts ordinary firms [assumption: at most "  \
    "10^5 €/h]")

// Columns: X(id, name, unit, doc).
#define ACI_COST_QUOTE_OUTPUTS(X)                                                                             \
  X(full_cost, "full_cost", "€", "sum of the cost lines")                                                     \
  X(production_cost, "production_cost", "€", "what an ordinary firm spends on the same work")                 \
  X(insertion_extra_cost, "insertion_extra_cost", "€", "full cost - production cost")                         \
  X(subsidies, "subsidies", "€", "the job's share of the aid and grants")                                     \
  X(net_cost, "net_cost", "€", "full cost - subsidies")                                                       \
  X(price_ht, "price_ht", "€", "price excl. VAT under the policy")                                            \
  X(market_floor, "market_floor", "€", "standard hours x low market price + materials")                       \
  X(integration_hours, "integration_hours", "h", "on-site hours of the crew")                                 \
  X(output_revenue, "output_revenue", "€", "revenue tied to output besides the sale")                         \
  X(full_cost_per_unit, "full_cost_per_unit", "€/unit", "full cost per unit sold")                            \
  X(net_cost_per_unit, "net_cost_per_unit", "€/unit", "net cost per unit sold")                               \
  X(price_per_unit, "price_per_unit", "€/unit", "price excl. VAT per unit sold")                              \
  X(line_integration_labour, "line.integration_labour", "€", "cost line")                                     \
  X(line_training, "line.training", "€", "cost line")                                                         \
  X(line_supervision, "line.supervision", "€", "cost line")                                                   \
  X(line_accompaniment, "line.accompaniment", "€", "cost line")                                               \
  X(line_materials, "line.materials", "€", "cost line")                                                       \
  X(line_equipment, "line.equipment", "€", "cost line")                                                       \
  X(line_travel, "line.travel", "€", "cost line")                                                             \
  X(line_overheads, "line.overheads", "€", "cost line")                                                       \
  X(price_ttc, "price_ttc", "€", "price incl. VAT (price excl. VAT x (1 + VAT rate))")                        \
  X(marginal_cost, "marginal_cost", "€", "what the job adds to the year")                                     \
  X(price_minus_net_cost, "price_minus_net_cost", "€", "price excl. VAT - net cost")                          \
  X(below_market_floor, "below_market_floor", "0/1",                                                          \
    "1 when the price is below the market floor (its mean: a probability)")                                   \
  X(below_net_cost, "below_net_cost", "0/1", "1 when the price is below the net cost")                        \
  X(overcompensated, "overcompensated", "0/1", "1 when price + subsidies pass the over-compensation ceiling") \
  X(above_sales_cap, "above_sales_cap", "0/1", "1 when booked sales + the price reach the D5132-34 cap")

namespace aci::quote {

/// Descriptor of a numeric input of the quote model: its domain (low, high, open ends,
/// domain_rule(), contains()) and what it is.
struct QuoteInputSpec : aci::detail::Domain {
  std::string_view name;  ///< e.g. "job.productivity"
  std::string_view unit;  ///< unit of the value
  int staff;              ///< what it moves of the staff costs: 0 none, 1 the crew, 2 every group
  std::string_view rule;  ///< a rule joining it to others ("" if none)
  std::string_view doc;   ///< what it is
};

/// The inputs, in table order.
enum class QuoteInput : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_QUOTE_INPUTS(ACI_COST_X)
#undef ACI_COST_X
};
/// The outputs, in table order.
enum class QuoteOutput : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_QUOTE_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
};

inline constexpr std::size_t quote_input_count = 0 ACI_COST_QUOTE_INPUTS(ACI_COST_DETAIL_COUNT_ROW);
inline constexpr std::size_t quote_output_count = 0 ACI_COST_QUOTE_OUTPUTS(ACI_COST_DETAIL_COUNT_ROW);

/// The quote model's inputs, in QuoteInput order.
inline constexpr std::array<QuoteInputSpec, quote_input_count> quote_input_specs = [] {
  [[maybe_unused]] constexpr double inf = std::numeric_limits<double>::infinity();
#define ACI_COST_RANGE(low, high, ends) aci::detail::Domain::of(low, high, ends)
#define ACI_COST_FIELD(S, member) schema::bounds_of<S>(&S::member).domain()
  return std::array<QuoteInputSpec, quote_input_count>{{
#define ACI_COST_X(id, name, unit, domain, staff, rule, doc) {domain, name, unit, staff, rule, doc},
      ACI_COST_QUOTE_INPUTS(ACI_COST_X)
#undef ACI_COST_X
  }};
#undef ACI_COST_FIELD
#undef ACI_COST_RANGE
}();

/// The quote model's outputs (name, unit, doc), in QuoteOutput order.
inline constexpr std::array<aci::detail::OutputSpec, quote_output_count> quote_output_specs = {{
#define ACI_COST_X(id, name, unit, doc) {name, unit, doc},
    ACI_COST_QUOTE_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
}};

/// A quote reduced to scalars: the atelier's and the job's (T: double or lanes of doubles).
template <class T>
struct QuoteInputs {
  AtelierInputs<T> atelier;  ///< the atelier's scalars
  JobInputs<T> job;          ///< the job's scalars
};

/// Sets input k to v in `q`, whose other fields are `base`'s (scaled inputs scale base's value,
/// so that setting twice gives the same as once).
template <class T>
void set_input(QuoteInputs<T>& q, const QuoteInputs<T>& base, QuoteInput k, const T& v) {
  using people::Role;
  const auto each_crew = [&](auto&& f) {
    for (std::size_t g = 0; g < q.atelier.groups.size(); ++g)
      if (q.atelier.groups[g].role == Role::integration) f(q.atelier.groups[g], base.atelier.groups[g]);
  };
  switch (k) {
    case QuoteInput::job_standard_hours:
      q.job.standard_hours = v;
      return;
    case QuoteInput::job_productivity:
      q.job.productivity = v;
      return;
    case QuoteInput::job_crew_size:
      q.job.crew = v;
      return;
    case QuoteInput::job_supervisors:
      q.job.supervisors = v;
      return;
    case QuoteInput::job_output_quantity:
      q.job.units_are_hours = false;
      q.job.output_units = v;
      return;
    case QuoteInput::job_output_support_per_unit:
      q.job.support_per_unit = v;
      return;
    case QuoteInput::pricing_margin:
      q.job.margin = v;
      return;
    case QuoteInput::atelier_annual_overheads:
      q.atelier.overheads = v;
      return;
    case QuoteInput::atelier_aid_modulation_share:
      q.atelier.aid_modulation_share = v;
      return;
    case QuoteInput::atelier_other_grants:
      q.atelier.grants[static_cast<std::size_t>(Financer::other_grants)] = v;
      return;
    case QuoteInput::atelier_market_hourly_price:
      q.job.market_hourly_price = v;
      return;
    case QuoteInput::atelier_market_floor_hourly_price:
      q.job.market_floor_hourly_price = v;
      return;
    case QuoteInput::atelier_ordinary_hourly_cost:
      q.job.ordinary_hourly_cost = v;
      return;
    case QuoteInput::crew_headcount_scale:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>& b) { g.headcount = b.headcount * v; });
      q.atelier.rsa_fte = base.atelier.rsa_fte * v;  // the RSA posts are part of the crew
      return;
    case QuoteInput::crew_weekly_hours:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>&) { g.staff.weekly_hours = v; });
      return;
    case QuoteInput::crew_absence:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>&) { g.staff.absence_share = v; });
      return;
    case QuoteInput::crew_training:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>&) { g.staff.training_share = v; });
      return;
    case QuoteInput::job_trips:
      q.job.trips = v;
      return;
    case QuoteInput::job_km_per_trip:
      q.job.km_per_trip = v;
      return;
    case QuoteInput::job_hours_per_trip:
      q.job.hours_per_trip = v;
      return;
    case QuoteInput::job_materials:
      q.job.materials = v;
      return;
    case QuoteInput::atelier_occupancy:
      q.atelier.occupancy = v;
      return;
    case QuoteInput::atelier_aid_socle:
      q.atelier.aid_socle = v;
      return;
    case QuoteInput::crew_pay_scale:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>& b) { g.staff.pay = b.staff.pay * v; });
      return;
    case QuoteInput::crew_employer_rate:
      each_crew([&](GroupInputs<T>& g, const GroupInputs<T>&) { g.staff.employer_rate = v; });
      return;
    case QuoteInput::permanent_pay_scale:
      for (std::size_t g = 0; g < q.atelier.groups.size(); ++g)
        if (q.atelier.groups[g].role != Role::integration)
          q.atelier.groups[g].staff.pay = base.atelier.groups[g].staff.pay * v;
      return;
  }
  throw std::logic_error("aci::quote::set_input: unknown input");
}

/// Output k of the figures f.
template <class T>
const T& output_of(const QuoteCore<T>& f, QuoteOutput k) {
  switch (k) {
    case QuoteOutput::full_cost:
      return f.full_cost;
    case QuoteOutput::production_cost:
      return f.production_cost;
    case QuoteOutput::insertion_extra_cost:
      return f.insertion_extra_cost;
    case QuoteOutput::subsidies:
      return f.subsidies_total;
    case QuoteOutput::net_cost:
      return f.net_cost;
    case QuoteOutput::price_ht:
      return f.price_ht;
    case QuoteOutput::market_floor:
      return f.market_floor;
    case QuoteOutput::integration_hours:
      return f.integration_hours;
    case QuoteOutput::output_revenue:
      return f.output_revenue;
    case QuoteOutput::full_cost_per_unit:
      return f.full_cost_per_unit;
    case QuoteOutput::net_cost_per_unit:
      return f.net_cost_per_unit;
    case QuoteOutput::price_per_unit:
      return f.price_per_unit;
    case QuoteOutput::price_ttc:
      return f.price_ttc;
    case QuoteOutput::marginal_cost:
      return f.marginal_cost;
    case QuoteOutput::price_minus_net_cost:
      return f.price_minus_net_cost;
    case QuoteOutput::below_market_floor:
      return f.below_market_floor;
    case QuoteOutput::below_net_cost:
      return f.below_net_cost;
    case QuoteOutput::overcompensated:
      return f.overcompensated;
    case QuoteOutput::above_sales_cap:
      return f.above_sales_cap;
    default:
      break;
  }
  const std::size_t line = static_cast<std::size_t>(k) - static_cast<std::size_t>(QuoteOutput::line_integration_labour);
  if (line < cost_line_count) return f.lines[line];
  throw std::logic_error("aci::quote::output_of: unknown output");
}

}  // namespace aci::quote
