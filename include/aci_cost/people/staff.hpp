// aci::people: staff categories, their pay and contributions, and how their paid hours split
// into production and everything else. The engine (annual_staff_cost) is templated on the scalar.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::people {

/// [assumption] The most people one staff group or one job counts: 10,000, far above any ACI.
/// It keeps a quote's figures within Money's exact range (10^30 heads ended in a DomainError
/// from Money::cents that named no field).
inline constexpr long max_people = 10'000;

/// What a staff group does in the atelier (decides which cost line it feeds).
enum class Role {
  integration,         ///< salariés en parcours on CDDI: production work
  supervisor,          ///< ETPS: supervise and train the crew on site
  socio_professional,  ///< ASP/CIP: social and job-search accompaniment
  support,             ///< director, accounting, admin: overheads
};

/// How employer contributions are computed.
enum class ContributionMode {
  rate,             ///< contributions = employer_rate x gross (the rate is net of any reduction)
  legal_reduction,  ///< (employer_rate - general reduction coefficient at the date) x gross
};

/// How gross pay is given.
enum class PayBasis {
  smic,     ///< the hourly SMIC in force at the date (CDDI pay is at least SMIC)
  hourly,   ///< `amount` €/h
  monthly,  ///< `amount` €/month, 12 months a year
};

/// Shares of paid hours that are not production (each 0–1; production is the remainder).
struct HoursSplit {
  Decimal training{0};       ///< planned training (formation), share of paid hours
  Decimal accompaniment{0};  ///< socio-professional accompaniment, share
  Decimal meetings{0};       ///< meetings, share
  Decimal leave{0};          ///< paid leave, share
  Decimal bank_holidays{0};  ///< bank holidays, share
  Decimal absence{0};        ///< absence the employer pays (maintained pay), share of paid hours

  /// Share of paid hours that is production: 1 - the other shares.
  Decimal production() const {
    return 1 - training - accompaniment - meetings - leave - bank_holidays - absence;
  }
  /// InvalidInput (prefixed with `path`) unless every share is in [0, 1] and production > 0.
  void validate(std::string_view path) const {
    validate_at([path] { return std::string(path); });
  }
  /// validate() with the prefix made by path() only when a check fails.
  template <class Path>
  void validate_at(const Path& path) const {
    const std::pair<const char*, const Decimal*> shares[] = {
        {"training", &training}, {"accompaniment", &accompaniment}, {"meetings", &meetings},
        {"leave", &leave},       {"bank_holidays", &bank_holidays}, {"absence", &absence}};
    for (const auto& [name, v] : shares) {
      ACI_COST_REQUIRE(*v >= 0 && *v <= 1, path() + "." + name, to_string(*v), "must be a share in [0, 1]");
    }
    ACI_COST_REQUIRE(production() > 0, path(), "production share " + to_string(production()),
            "the non-production shares must add up to less than 1");
  }
  friend bool operator==(const HoursSplit&, const HoursSplit&) = default;
};

/// A group of people with the same contract, pay and hours.
struct StaffGroup {
  std::string name;                 ///< e.g. "CDDI crew", "ETPS"
  Role role = Role::integration;    ///< which cost line the group feeds
  Decimal headcount{1};             ///< persons (may be fractional: 0.5 = a half-time share)
  Decimal weekly_hours{35};         ///< contract hours per person, h/week
  PayBasis pay_basis = PayBasis::smic;  ///< how `pay` is read
  Money pay;                        ///< €/h (hourly) or €/month (monthly); unused for smic
  ContributionMode contribution_mode = ContributionMode::rate;  ///< see ContributionMode
  Decimal employer_rate{"0.45"};    ///< employer contribution rate (before reduction in legal mode)
  Money per_head_annual_cost;       ///< €/person/year: work clothes, PPE, medical visits…
  HoursSplit hours;                 ///< how paid hours split
  /// Absence the employer does not pay (sickness of CDDI staff without seniority for the
  /// employer's top-up), share of contract hours in [0, 1): neither paid nor worked, earns no aid.
  Decimal unpaid_absence{0};
  /// CDDI under 20 h/week by derogation (art. L5132-15-1): no `cddi_weekly_hours` warning.
  bool hours_derogation = false;

  /// InvalidInput (prefixed with `path`) on any bad field.
  void validate(std::string_view path) const {
    validate_at([path] { return std::string(path); });
  }
  /// validate() with the prefix made by path() only when a check fails.
  template <class Path>
  void validate_at(const Path& path) const {
    ACI_COST_REQUIRE(!name.empty(), path() + ".name", "\"\"", "must not be empty");
    ACI_COST_REQUIRE(headcount >= 0 && headcount <= max_people, path() + ".headcount", to_string(headcount),
                     "must be in [0, 10000] persons");
    ACI_COST_REQUIRE(weekly_hours > 0 && weekly_hours <= 48, path() + ".weekly_hours", to_string(weekly_hours),
            "must be in (0, 48] h/week (legal maximum)");
    if (pay_basis != PayBasis::smic) ACI_COST_REQUIRE(pay > Money(), path() + ".pay", pay.to_string(), "must be > 0");
    ACI_COST_REQUIRE(employer_rate >= 0 && employer_rate < 1, path() + ".employer_rate", to_string(employer_rate),
            "must be a share in [0, 1)");
    ACI_COST_REQUIRE(per_head_annual_cost >= Money(), path() + ".per_head_annual_cost",
            per_head_annual_cost.to_string(), "must be >= 0");
    ACI_COST_REQUIRE(unpaid_absence >= 0 && unpaid_absence < 1, path() + ".unpaid_absence", to_string(unpaid_absence),
            "must be a share of contract hours in [0, 1)");
    hours.validate_at([&] { return path() + ".hours"; });
  }
  friend bool operator==(const StaffGroup&, const StaffGroup&) = default;
};

/// Weeks in a year on the ACI basis (1,820 paid hours = 35 h x 52).
inline constexpr int weeks_per_year = 52;

/// The legal minimum weekly hours of a CDDI (Code du travail art. L5132-15-1), h/week.
inline constexpr int cddi_minimum_weekly_hours = 20;

/// Annual figures of one person of a group (scalar T: double or Decimal).
template <class T>
struct StaffCost {
  T contract_hours{};             ///< h/year per person: 52 x weekly hours
  T paid_hours{};                 ///< h/year per person: contract hours less unpaid absence
  T production_hours{};           ///< h/year per person
  T training_hours{};             ///< h/year per person
  T annual_gross{};               ///< €/year per person
  T per_head{};                   ///< €/year per person: per-head costs
  T reduction_coefficient{};      ///< general reduction coefficient applied (0 in rate mode)
  T employer_contributions{};     ///< €/year per person, after any reduction
  T annual_cost{};                ///< gross + contributions + per-head costs, €/year per person
  T training_share{};             ///< share of paid hours in training (HoursSplit::training)

  /// €/h: annual cost / paid hours (computed on demand: a quote needs neither rate).
  T cost_per_paid_hour() const { return annual_cost / paid_hours; }
  /// €/h: annual cost / production hours.
  T cost_per_production_hour() const { return annual_cost / production_hours; }
};

/// One person of a group reduced to scalars at a date: everything annual_staff_cost computes
/// from, with no text, rate table or Decimal left (T: double, Decimal, or lanes of doubles).
template <class T>
struct StaffInputs {
  PayBasis pay_basis = PayBasis::smic;                          ///< how `pay` reads
  ContributionMode contribution_mode = ContributionMode::rate;  ///< rate, or rate less the reduction
  T weekly_hours{};        ///< contract h/week
  T unpaid_absence{};      ///< share of contract hours neither paid nor worked
  T training_share{};      ///< share of paid hours in training
  T other_share{};         ///< accompaniment + meetings + leave + bank holidays, share of paid hours
  T absence_share{};       ///< paid absence, share of paid hours
  T pay{};                 ///< €/h (the SMIC for smic, the pay for hourly) or €/month (monthly)
  T smic_hourly{};         ///< €/h, for the reduction (legal_reduction only)
  T employer_rate{};       ///< before the reduction (legal_reduction) or net of it (rate)
  T per_head{};            ///< €/year per person
  rates::GeneralReductionParameters<T> reduction{};  ///< legal_reduction only

  /// Share of paid hours that is production.
  T production_share() const { return ((T(1) - training_share) - other_share) - absence_share; }
};

/// The scalars of one person of `g` at `rates.date()` (the rates are looked up, and recorded as
/// used, in the same order whatever T).
template <class T>
StaffInputs<T> staff_inputs(const StaffGroup& g, rates::RateLookup& rates, bool large_employer = false) {
  using rates::Rate;
  StaffInputs<T> in;
  in.pay_basis = g.pay_basis;
  in.contribution_mode = g.contribution_mode;
  in.weekly_hours = scalar_cast<T>(g.weekly_hours);
  in.unpaid_absence = scalar_cast<T>(g.unpaid_absence);
  in.training_share = scalar_cast<T>(g.hours.training);
  in.other_share = scalar_cast<T>(g.hours.accompaniment + g.hours.meetings + g.hours.leave + g.hours.bank_holidays);
  in.absence_share = scalar_cast<T>(g.hours.absence);
  switch (g.pay_basis) {
    case PayBasis::smic: in.pay = scalar_cast<T>(rates.value(Rate::smic_hourly)); break;
    case PayBasis::hourly:
    case PayBasis::monthly: in.pay = scalar_cast<T>(g.pay.amount()); break;
  }
  in.employer_rate = scalar_cast<T>(g.employer_rate);
  if (g.contribution_mode == ContributionMode::legal_reduction) {
    in.reduction = {scalar_cast<T>(rates.value(Rate::reduction_tmin)),
                    scalar_cast<T>(rates.value(large_employer ? Rate::reduction_tdelta_fnal_050
                                                              : Rate::reduction_tdelta_fnal_010)),
                    scalar_cast<T>(rates.value(Rate::reduction_smic_multiple))};
    in.smic_hourly = scalar_cast<T>(rates.value(Rate::smic_hourly));
  }
  in.per_head = scalar_cast<T>(g.per_head_annual_cost.amount());
  return in;
}

/// The annual cost of one person from its scalars: arithmetic only (no text, no allocation),
/// the same operations for every T. The caller checks employer_rate >= the coefficient.
template <class T>
StaffCost<T> staff_cost(const StaffInputs<T>& in) {
  StaffCost<T> c;
  const T paid_share = T(1) - in.unpaid_absence;
  c.contract_hours = in.weekly_hours * T(weeks_per_year);
  c.paid_hours = c.contract_hours * paid_share;
  c.production_hours = c.paid_hours * in.production_share();
  c.training_share = in.training_share;
  c.training_hours = c.paid_hours * in.training_share;
  switch (in.pay_basis) {
    case PayBasis::smic:
    case PayBasis::hourly: c.annual_gross = in.pay * c.paid_hours; break;
    case PayBasis::monthly: c.annual_gross = in.pay * T(12) * paid_share; break;
  }
  T rate = in.employer_rate;
  if (in.contribution_mode == ContributionMode::legal_reduction) {
    // The annual SMIC is prorated to the contract's paid hours (part time, unpaid absence).
    const T annual_smic = in.smic_hourly * c.paid_hours;
    if constexpr (is_scalar_v<T>) {
      c.reduction_coefficient = rates::general_reduction_coefficient(c.annual_gross, annual_smic, in.reduction);
    } else {
      c.reduction_coefficient = rates::reduction_formula(c.annual_gross, annual_smic, in.reduction);
    }
    rate = rate - c.reduction_coefficient;
  }
  c.employer_contributions = c.annual_gross * rate;
  c.per_head = in.per_head;
  c.annual_cost = c.annual_gross + c.employer_contributions + c.per_head;
  return c;
}

/// The annual cost of one person of `g`, with the rates in force at `rates.date()`.
template <class T>
StaffCost<T> annual_staff_cost(const StaffGroup& g, rates::RateLookup& rates,
                               bool large_employer = false) {
  const StaffCost<T> c = staff_cost(staff_inputs<T>(g, rates, large_employer));
  ACI_COST_REQUIRE(scalar_cast<T>(g.employer_rate) - c.reduction_coefficient >= 0, "staff[" + g.name + "].employer_rate",
                   to_string(g.employer_rate),
                   "is below the general reduction coefficient at this pay; give the rate before reduction");
  return c;
}

}  // namespace aci::people

ACI_COST_STRICT_FP_END
