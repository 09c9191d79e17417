// aci::training::TrainingModel: the inputs of the weekly "training deferred by production
// pressure" model — what is simulated (simulate.hpp and batch.hpp run it).
//
// All week lists (contracts, sessions, closed weeks, fixed weeks, per-week vectors) are
// indexed by the horizon week w = 0 .. horizon.weeks-1; only the seasonal demand shape is
// keyed by the ISO calendar week, through calendar_week(). Hours are team hours per week
// unless the field says "per employee".
//
// Modelling assumptions, each an estimate [est] to revisit with field data:
// - Headcount mode is a steady state: leavers are replaced at once by newcomers who owe
//   nothing yet, so the headcount stays constant [est].
// - The backlog is pooled and spread evenly over the employees present, so a leaver takes
//   backlog x 1 / present with them [est].
// - The plan is owed per employee present, whatever their absence that week [est].
// - Paid hours = employees present x contract hours, absences and closed weeks included
//   (paid leave, maintained pay) [est].
// - A closed week has no capacity, no demand and no plan (collective leave) [est].
// - Demand is in hours of work; productivity converts it to employee hours, the unit of
//   capacity, so that all flows of the weekly identity are employee hours.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/training/inputs.hpp"

namespace aci::training {

/// How the workforce (and the contract ends that lose backlog) is described.
enum class WorkforceMode {
  headcount,  ///< a steady headcount, a share 1/contract_weeks of it leaving (and replaced) each week
  contracts,  ///< an explicit list of contracts, present in weeks [start_week, end_week)
};

}  // namespace aci::training
ACI_COST_ENUM_NAMES(aci::training::WorkforceMode, contracts, "headcount", "contracts");
namespace aci::training {

/// Where the weekly demand comes from.
enum class DemandMode {
  seasonal,  ///< base_hours x (1 + amplitude x shape(ISO week))
  given,     ///< the hours vector, one value per horizon week
};

}  // namespace aci::training
ACI_COST_ENUM_NAMES(aci::training::DemandMode, given, "seasonal", "given");
namespace aci::training {

/// Who delivers the training: it decides what a training hour costs besides the wage.
enum class TrainingDelivery {
  in_house,  ///< by the supervisors (ETPS): costs supervisor hours = trainee hours / group size
  external,  ///< by an outside body: costs external_cost_per_hour per trainee hour
};

}  // namespace aci::training
ACI_COST_ENUM_NAMES(aci::training::TrainingDelivery, external, "in_house", "external");
namespace aci::training {

/// Which part of a week's training plan goes before production when hours are short.
enum class DeferralPolicy {
  production_first,   ///< training only from the hours left after demand
  protected_minimum,  ///< protected_share of each week's plan goes before production
  load_threshold,     ///< the whole plan goes first unless demand > load_threshold x capacity
  fixed_weeks,        ///< the plan of the fixed weeks goes first; other weeks production first
};

}  // namespace aci::training
ACI_COST_ENUM_NAMES(aci::training::DeferralPolicy, fixed_weeks, "production_first", "protected_minimum",
                    "load_threshold", "fixed_weeks");
namespace aci::training {

/// One employment contract, in horizon weeks.
struct Contract {
  int start_week = 0;  ///< first week present (may be < 0: hired before the horizon)
  int end_week = 52;   ///< first week absent: the contract ends at the end of week end_week-1
  friend bool operator==(const Contract&, const Contract&) = default;
};

/// A planned training session for every employee present that week.
struct Session {
  int week = 0;        ///< horizon week
  double hours = 0.0;  ///< h per employee
  friend bool operator==(const Session&, const Session&) = default;
};

/// The simulated weeks.
struct Horizon {
  int weeks = 52;                ///< number of simulated weeks
  int start_week = 1;            ///< ISO week (1..53) of the first simulated week
  int weeks_in_start_year = 52;  ///< 52 or 53: ISO weeks of the start year (later years: 52 [est])
  friend bool operator==(const Horizon&, const Horizon&) = default;
};

/// The integration employees and their weekly capacity.
struct Workforce {
  WorkforceMode mode = WorkforceMode::headcount;  ///< headcount (steady turnover) or contracts
  double headcount = 10.0;                        ///< employees present (headcount mode) [est]
  double contract_months = 8.0;                   ///< mean contract length, months (headcount mode; CDDI 4-24) [est]
  std::vector<Contract> contracts;                ///< the contracts (contracts mode)
  double weekly_hours = 26.0;                     ///< contract h/week per employee [est: usual CDDI duration]
  double absence = 0.08;                          ///< mean absence share 0-1 of contract hours [est]
  double absence_spread = 0.0;                    ///< half-width of the uniform weekly absence draw, share 0-1
  double accompaniment = 0.05;                    ///< share 0-1 of hours spent in socio-professional support [est]
  double travel_share = 0.0;        ///< share 0-1 of hours travelling to sites: paid, no capacity [est: 0 unless known]
  std::vector<double> leave_hours;  ///< h per employee removed in each week (leave, bank holidays); empty = none
  std::vector<int> closed_weeks;    ///< weeks with no activity: capacity, demand and plan are 0
  friend bool operator==(const Workforce&, const Workforce&) = default;
};

/// The hours of work booked by clients.
struct Demand {
  DemandMode mode = DemandMode::seasonal;  ///< seasonal profile or given hours
  std::vector<double> hours;               ///< h/week per horizon week (given mode)
  double base_hours = 200.0;               ///< mid-level h/week of the seasonal profile [est]
  double amplitude = 0.3;                  ///< seasonal swing, share 0-1: peak base x (1 + amplitude) [est]
  std::vector<double> seasonal_shape;      ///< 53 values in [-1, 1] by ISO week; empty = default_seasonal_shape
  double variation = 0.0;                  ///< half-width of the uniform multiplicative weekly draw, share 0-1
  double productivity = 1.0;  ///< relative productivity (0, 1]: employee hours = demand hours / productivity
  friend bool operator==(const Demand&, const Demand&) = default;
};

/// The training every employee is owed.
struct TrainingPlan {
  double hours_per_week = 1.5;                             ///< h/week per employee, every week [est]
  std::vector<Session> sessions;                           ///< more sessions on given weeks (added to hours_per_week)
  TrainingDelivery delivery = TrainingDelivery::in_house;  ///< in-house (supervisor time) or external
  double trainees_per_supervisor = 6.0;                    ///< group size of an in-house session, trainees [est]
  friend bool operator==(const TrainingPlan&, const TrainingPlan&) = default;
};

/// How training yields to production, and how the backlog is caught up.
struct Deferral {
  DeferralPolicy policy = DeferralPolicy::production_first;  ///< the deferral rule
  double protected_share = 0.5;  ///< share 0-1 of the plan that goes first (protected_minimum) [est]
  double load_threshold = 0.9;   ///< demand / capacity above which training yields (load_threshold) [est]
  std::vector<int> fixed_weeks;  ///< weeks whose plan is never moved (fixed_weeks)
  double catch_up_share = 0.5;   ///< share 0-1 of a week's idle hours usable to catch up backlog [est]
  double initial_backlog = 0.0;  ///< training hours already owed at the start, h
  friend bool operator==(const Deferral&, const Deferral&) = default;
};

/// What an hour costs.
struct Costs {
  double cost_per_paid_hour = 14.0;        ///< €/h paid to an integration employee, all charges, net of aid [est]
  double supervisor_cost_per_hour = 30.0;  ///< €/h of a supervisor (in-house training) [est]
  double external_cost_per_hour = 0.0;     ///< €/h per trainee of external training [est: OPCO-funded]
  friend bool operator==(const Costs&, const Costs&) = default;
};

/// Every input of one scenario.
struct TrainingModel {
  Horizon horizon;         ///< the simulated weeks
  Workforce workforce;     ///< capacity
  Demand demand;           ///< booked work
  TrainingPlan plan;       ///< training owed
  Deferral deferral;       ///< deferral and catch-up rules
  Costs costs;             ///< €/h
  std::uint64_t seed = 0;  ///< seed of the weekly absence and demand draws (detail/scenario_stream.hpp)
  friend bool operator==(const TrainingModel&, const TrainingModel&) = default;

  /// Throws InvalidInput naming "<path>.<field>" and the value on the first bad input.
  inline void validate(std::string_view path = "training") const;
};

/// [assumption] The longest horizon simulated: 50 years of weeks. No ACI plans further, and the
/// simulation keeps per-week vectors: 10^9 weeks ran 80 s and were killed for memory at 24 GB.
inline constexpr int max_horizon_weeks = 2600;

/// Weeks per year, turning contract months into weeks: m months last m x 52 / 12 weeks [est].
inline constexpr int weeks_per_year = 52;

/// ISO calendar week (1..53) of horizon week w (w >= 0).
inline int calendar_week(const Horizon& h, int w) {
  const int k = h.start_week - 1 + w;
  if (k < h.weeks_in_start_year) return k + 1;
  return (k - h.weeks_in_start_year) % 52 + 1;
}

/// Default seasonal shape of green-space demand by ISO week, in [-1, 1].
/// [est] A trapezoid: -1 in January-February (weeks 1-9) and December (48-53), +1 from
/// April to October (weeks 14-43), linear ramps in March (10-13) and November (44-47).
inline double default_seasonal_shape(int iso_week) {
  if (iso_week >= 14 && iso_week <= 43) return 1.0;
  if (iso_week >= 10 && iso_week <= 13) return -1.0 + 0.4 * (iso_week - 9);
  if (iso_week >= 44 && iso_week <= 47) return 1.0 - 0.4 * (iso_week - 43);
  return -1.0;
}

namespace detail {

// The numeric parameters (training/inputs.hpp: Param, input_specs) as one array: the model
// reader, the batch gatherer and the validation share it, so that a batch scenario is
// validated and simulated exactly like the equivalent TrainingModel.
using ParamValues = std::array<double, p_count>;

/// Field path of each parameter below the model's root.
inline constexpr std::array<std::string_view, p_count> param_path = [] {
  std::array<std::string_view, p_count> a{};
  for (std::size_t k = 0; k < p_count; ++k) a[k] = input_specs[k].path;
  return a;
}();

/// The member of parameter k in `m` (M = TrainingModel or const TrainingModel).
template <class M>
auto& param_ref(M& m, Param k) {
  switch (k) {
#define ACI_COST_X(T, group, field, batch, ...) \
  case p_##batch:                               \
    return m.group.field;
    ACI_COST_TRAINING_INPUTS(ACI_COST_X)
#undef ACI_COST_X
    default:
      break;
  }
  throw std::logic_error("aci::training::detail::param_ref: unknown parameter");
}

inline ParamValues params_of(const TrainingModel& m) {
  ParamValues p{};
  for (std::size_t k = 0; k < p_count; ++k) p[k] = param_ref(m, static_cast<Param>(k));
  return p;
}

inline void set_params(TrainingModel& m, const ParamValues& p) {
  for (std::size_t k = 0; k < p_count; ++k) param_ref(m, static_cast<Param>(k)) = p[k];
}

inline bool finite_at_least(double x, double lo) { return std::isfinite(x) && x >= lo; }

/// Throws InvalidInput(name(), value, rule) unless ok; the name is built only on failure,
/// which keeps validating a large batch cheap.
template <class NameFn, class V>
void check(bool ok, const NameFn& name, const V& value, std::string_view rule) {
  if (!ok) throw InvalidInput(name(), aci::detail::to_text(value), rule);
}

/// std::isfinite, spelt so that a lane type (Lanes<W>) can overload it.
inline bool is_finite(double x) { return std::isfinite(x); }

// The rules are and-ed with & on purpose: the same code checks a double and a lane of scenarios
// (masks), without branches; Clang's -Wbitwise-instead-of-logical is silenced here only.
#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Wbitwise-instead-of-logical"
#endif
/// Checks the numeric parameters: report(ok, k, rule) is called for every rule; the default
/// reporter throws InvalidInput naming field(k) and the value when a rule fails. V is double
/// or a lane type whose comparisons give lane masks (hence & rather than &&).
template <class V, class FieldName, class Report>
void check_params(const std::array<V, p_count>& p, const FieldName& field, const Report& report) {
  // The domain of every input (input_specs); an empty rule stands for it in the report.
  for (std::size_t k = 0; k < p_count; ++k) {
    const InputSpec& spec = input_specs[k];
    report(is_finite(p[k]) & spec.contains(p[k]), static_cast<Param>(k), std::string_view{}, field);
  }
  // The rules joining inputs (the rule text is the table's).
  const V& a = p[p_absence];
  const V& s = p[p_absence_spread];
  report((a - s >= 0.0) & (a + s < 1.0), p_absence_spread, input_specs[p_absence_spread].rule, field);
  report(a + s + p[p_accompaniment] <= 1.0, p_accompaniment, input_specs[p_accompaniment].rule, field);
  report(a + s + p[p_accompaniment] + p[p_travel_share] <= 1.0, p_travel_share, input_specs[p_travel_share].rule,
         field);
}

#if defined(__clang__)
#  pragma clang diagnostic pop
#endif

/// Checks the numeric parameters; field(k) names parameter k in the error.
template <class FieldName>
void validate_params(const ParamValues& p, const FieldName& field) {
  check_params(p, field, [&p](bool ok, Param k, std::string_view rule, const FieldName& name) {
    if (!ok)
      throw InvalidInput(name(k), aci::detail::to_text(p[k]),
                         rule.empty() ? input_specs[k].domain_rule() : std::string(rule));
  });
}

/// Checks everything but the numeric parameters (horizon, modes, lists); path is the root.
inline void validate_structure(const TrainingModel& m, std::string_view path) {
  const std::string root(path);
  const auto req = [&](bool ok, std::string_view name, const auto& value, std::string_view rule) {
    check(
        ok, [&] { return root + "." + std::string(name); }, value, rule);
  };
  // Element i of a list: "<root>.<list>[i]<member>".
  const auto req_at = [&](bool ok, std::string_view list, std::size_t i, std::string_view member, const auto& value,
                          std::string_view rule) {
    check(
        ok, [&] { return root + "." + std::string(list) + "[" + std::to_string(i) + "]" + std::string(member); }, value,
        rule);
  };
  const Horizon& h = m.horizon;
  req(h.weeks >= 1 && h.weeks <= max_horizon_weeks, "horizon.weeks", h.weeks, "must be in [1, 2600] (50 years)");
  req(h.weeks_in_start_year == 52 || h.weeks_in_start_year == 53, "horizon.weeks_in_start_year", h.weeks_in_start_year,
      "must be 52 or 53");
  req(h.start_week >= 1 && h.start_week <= h.weeks_in_start_year, "horizon.start_week", h.start_week,
      "must be an ISO week in [1, weeks_in_start_year]");
  const auto weeks = static_cast<std::size_t>(h.weeks);
  const auto in_horizon = [&](int w) { return w >= 0 && w < h.weeks; };
  constexpr std::string_view horizon_rule = "must be a horizon week in [0, horizon.weeks)";
  const auto per_week = [&](std::string_view name, const std::vector<double>& v, bool required) {
    const bool ok = v.size() == weeks || (!required && v.empty());
    check(
        ok, [&] { return root + "." + std::string(name) + ".size()"; }, v.size(),
        required ? "must be horizon.weeks" : "must be 0 or horizon.weeks");
    for (std::size_t i = 0; i < v.size(); ++i) req_at(finite_at_least(v[i], 0.0), name, i, "", v[i], "must be >= 0");
  };

  const Workforce& wf = m.workforce;
  req(wf.mode == WorkforceMode::headcount || wf.mode == WorkforceMode::contracts, "workforce.mode",
      static_cast<int>(wf.mode), "unknown workforce mode");
  for (std::size_t i = 0; i < wf.contracts.size(); ++i) {
    req_at(wf.contracts[i].end_week > wf.contracts[i].start_week, "workforce.contracts", i, ".end_week",
           wf.contracts[i].end_week, "must be > start_week");
  }
  per_week("workforce.leave_hours", wf.leave_hours, false);
  for (std::size_t i = 0; i < wf.closed_weeks.size(); ++i) {
    req_at(in_horizon(wf.closed_weeks[i]), "workforce.closed_weeks", i, "", wf.closed_weeks[i], horizon_rule);
  }

  const Demand& d = m.demand;
  req(d.mode == DemandMode::seasonal || d.mode == DemandMode::given, "demand.mode", static_cast<int>(d.mode),
      "unknown demand mode");
  per_week("demand.hours", d.hours, d.mode == DemandMode::given);
  req(d.seasonal_shape.empty() || d.seasonal_shape.size() == 53, "demand.seasonal_shape.size()",
      d.seasonal_shape.size(), "must be 0 or 53 (one value per ISO week)");
  for (std::size_t i = 0; i < d.seasonal_shape.size(); ++i) {
    const double x = d.seasonal_shape[i];
    req_at(std::isfinite(x) && x >= -1.0 && x <= 1.0, "demand.seasonal_shape", i, "", x, "must be in [-1, 1]");
  }

  const TrainingPlan& pl = m.plan;
  for (std::size_t i = 0; i < pl.sessions.size(); ++i) {
    req_at(in_horizon(pl.sessions[i].week), "plan.sessions", i, ".week", pl.sessions[i].week, horizon_rule);
    req_at(finite_at_least(pl.sessions[i].hours, 0.0), "plan.sessions", i, ".hours", pl.sessions[i].hours,
           "must be >= 0");
  }
  req(pl.delivery == TrainingDelivery::in_house || pl.delivery == TrainingDelivery::external, "plan.delivery",
      static_cast<int>(pl.delivery), "unknown delivery");

  const Deferral& df = m.deferral;
  const int policy = static_cast<int>(df.policy);
  req(policy >= 0 && policy <= static_cast<int>(DeferralPolicy::fixed_weeks), "deferral.policy", policy,
      "unknown deferral policy");
  for (std::size_t i = 0; i < df.fixed_weeks.size(); ++i) {
    req_at(in_horizon(df.fixed_weeks[i]), "deferral.fixed_weeks", i, "", df.fixed_weeks[i], horizon_rule);
  }
}

}  // namespace detail

inline void TrainingModel::validate(std::string_view path) const {
  detail::validate_structure(*this, path);
  const std::string root(path);
  detail::validate_params(detail::params_of(*this),
                          [&](detail::Param k) { return root + "." + std::string(detail::param_path[k]); });
}

}  // namespace aci::training
