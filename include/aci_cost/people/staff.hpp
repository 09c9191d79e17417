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
#include "aci_cost/detail/divisor.hpp"
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/validate.hpp"
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

}  // namespace aci::people
ACI_COST_ENUM_NAMES(aci::people::Role, support, "integration", "supervisor", "socio_professional", "support");
namespace aci::people {

/// How employer contributions are computed.
enum class ContributionMode {
  rate,             ///< contributions = employer_rate x gross (the rate is net of any reduction)
  legal_reduction,  ///< (employer_rate - general reduction coefficient at the date) x gross
};

}  // namespace aci::people
ACI_COST_ENUM_NAMES(aci::people::ContributionMode, legal_reduction, "rate", "legal_reduction");
namespace aci::people {

/// How gross pay is given.
enum class PayBasis {
  smic,     ///< the hourly SMIC in force at the date (CDDI pay is at least SMIC)
  hourly,   ///< `amount` €/h
  monthly,  ///< `amount` €/month, 12 months a year
};

}  // namespace aci::people
ACI_COST_ENUM_NAMES(aci::people::PayBasis, monthly, "smic", "hourly", "monthly");
namespace aci::people {

/// Shares of paid hours that are not production (each 0–1; production is the remainder).
struct HoursSplit {
  Decimal training{0};       ///< planned training (formation), share of paid hours
  Decimal accompaniment{0};  ///< socio-professional accompaniment, share
  Decimal meetings{0};       ///< meetings, share
  Decimal leave{0};          ///< paid leave, share
  Decimal bank_holidays{0};  ///< bank holidays, share
  Decimal absence{0};        ///< absence the employer pays (maintained pay), share of paid hours

  static constexpr std::string_view schema_name = "HoursSplit";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = HoursSplit;
    using schema::field;
    return std::tuple{
        field("training", &S::training, "planned training, share of paid hours").units("share").in("0", "1", "[]"),
        field("accompaniment", &S::accompaniment, "socio-professional accompaniment, share")
            .units("share")
            .in("0", "1", "[]"),
        field("meetings", &S::meetings, "meetings, share").units("share").in("0", "1", "[]"),
        field("leave", &S::leave, "paid leave, share").units("share").in("0", "1", "[]"),
        field("bank_holidays", &S::bank_holidays, "bank holidays, share").units("share").in("0", "1", "[]"),
        field("absence", &S::absence, "absence the employer pays, share of paid hours")
            .units("share")
            .in("0", "1", "[]")};
  }

  /// Share of paid hours that is production: 1 - the other shares.
  Decimal production() const { return 1 - training - accompaniment - meetings - leave - bank_holidays - absence; }
  /// InvalidInput (prefixed with `path`) unless every share is in [0, 1] and production > 0.
  void validate(std::string_view path) const { schema::validate(*this, std::string(path)); }
  /// validate() with the prefix made by path() only when a check fails.
  template <class Path>
  void validate_at(const Path& path) const {
    schema::validate(*this, path);
  }
  /// The rule joining the shares (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    ACI_COST_REQUIRE(production() > 0, ::aci::detail::path_text(path), "production share " + to_string(production()),
                     "the non-production shares must add up to less than 1");
  }
  friend bool operator==(const HoursSplit&, const HoursSplit&) = default;
};

/// A group of people with the same contract, pay and hours.
struct StaffGroup {
  std::string name;                     ///< e.g. "CDDI crew", "ETPS"
  Role role = Role::integration;        ///< which cost line the group feeds
  Decimal headcount{1};                 ///< persons (may be fractional: 0.5 = a half-time share)
  Decimal weekly_hours{35};             ///< contract hours per person, h/week
  PayBasis pay_basis = PayBasis::smic;  ///< how `pay` is read
  Money pay;                            ///< €/h (hourly) or €/month (monthly); unused for smic
  ContributionMode contribution_mode = ContributionMode::rate;  ///< see ContributionMode
  Decimal employer_rate{"0.45"};  ///< employer contribution rate (before reduction in legal mode)
  Money per_head_annual_cost;     ///< €/person/year: work clothes, PPE, medical visits…
  HoursSplit hours;               ///< how paid hours split
  /// Absence the employer does not pay (sickness of CDDI staff without seniority for the
  /// employer's top-up), share of contract hours in [0, 1): neither paid nor worked, earns no aid.
  Decimal unpaid_absence{0};
  /// CDDI under 20 h/week by derogation (art. L5132-15-1): no `cddi_weekly_hours` warning.
  bool hours_derogation = false;
  /// The class of the collective agreement of ACIs (IDCC 3016) the post is in, e.g. "encadrant_b"
  /// (rates::Rate::ccn_coefficient keys; people/pay_floor.hpp); "" = none declared, no check.
  std::string ccn_class = {};
  /// Pay below the class's minimum is accepted (a warning, below_ccn_minimum, instead of an error).
  bool pay_below_minimum_accepted = false;
  /// [assumption] The employer's share of the supplementary health cover (complémentaire santé
  /// collective: the employer pays at least half, CSS L911-7), €/month per person; 0: none
  /// charged (a dispensed employee, or counted in per_head_annual_cost).
  Money health_cover_monthly = {};

  static constexpr std::string_view schema_name = "StaffGroup";
  /// The field table (schema/field.hpp). [assumption] at most 10,000 persons (max_people).
  static constexpr auto schema() {
    using S = StaffGroup;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "e.g. 'CDDI crew'").needed().not_empty(),
        field("role", &S::role, "'integration', 'supervisor', 'socio_professional' or 'support'"),
        field("headcount", &S::headcount, "persons (fractional allowed; posts for integration groups)")
            .units("persons")
            .in("0", "10000", "[]")
            .needed(),
        field("weekly_hours", &S::weekly_hours, "contract hours per person (legal maximum 48)")
            .units("h/week")
            .in("0", "48", "(]")
            .needed(),
        field("pay_basis", &S::pay_basis, "'smic', 'hourly' or 'monthly'").placed("pay.basis"),
        field("pay", &S::pay, "€/h (hourly) or €/month (monthly); unused for smic")
            .units("€/h or €/month")
            .at_least("0")
            .placed("pay.amount")
            .written_if([](const S& g) { return g.pay_basis != PayBasis::smic; }),
        field("contribution_mode", &S::contribution_mode, "'rate' or 'legal_reduction'").placed("contributions.mode"),
        field("employer_rate", &S::employer_rate, "employer contribution rate (before the reduction in legal mode)")
            .units("share")
            .in("0", "1", "[)")
            .placed("contributions.employer_rate"),
        field("per_head_annual_cost", &S::per_head_annual_cost, "work clothes, PPE, medical visits…")
            .units("€/person/year")
            .at_least("0"),
        field("hours", &S::hours, "HoursSplit: how paid hours split"),
        field("unpaid_absence", &S::unpaid_absence, "absence the employer does not pay, share of contract hours")
            .units("share")
            .in("0", "1", "[)"),
        field("hours_derogation", &S::hours_derogation, "CDDI under 20 h/week by derogation (L5132-15-1)"),
        field("ccn_class", &S::ccn_class, "class of the ACI collective agreement, e.g. 'encadrant_b' ('' = none)")
            .quiet_when_empty(),
        field("pay_below_minimum_accepted", &S::pay_below_minimum_accepted,
              "pay below the class's minimum is accepted (a warning instead of an error)"),
        field("health_cover_monthly", &S::health_cover_monthly,
              "employer's share of the supplementary health cover (L911-7 CSS) [est]")
            .units("€/month/person")
            .at_least("0")};
  }

  /// InvalidInput (prefixed with `path`) on any bad field.
  void validate(std::string_view path) const { schema::validate(*this, std::string(path)); }
  /// validate() with the prefix made by path() only when a check fails.
  template <class Path>
  void validate_at(const Path& path) const {
    schema::validate(*this, path);
  }
  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    if (pay_basis != PayBasis::smic) {
      ACI_COST_REQUIRE(pay > Money(), ::aci::detail::path_text(path) + ".pay", pay.to_string(),
                       "must be > 0 (pay basis " + std::string(schema::name_of(pay_basis)) + ")");
    }
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
  T contract_hours{};          ///< h/year per person: 52 x weekly hours
  T paid_hours{};              ///< h/year per person: contract hours less unpaid absence, plus the
                               ///< paid leave accrued during it (accrued_leave_hours)
  T accrued_leave_hours{};     ///< h/year per person: paid leave accrued during sick leave (loi 2024-364)
  T production_hours{};        ///< h/year per person
  T training_hours{};          ///< h/year per person
  T annual_gross{};            ///< €/year per person
  T per_head{};                ///< €/year per person: per-head costs
  T reduction_coefficient{};   ///< general reduction coefficient applied (0 in rate mode)
  T employer_contributions{};  ///< €/year per person, after any reduction
  T annual_cost{};             ///< gross + contributions + per-head costs, €/year per person
  T training_share{};          ///< share of paid hours in training (HoursSplit::training)

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
  T weekly_hours{};                                             ///< contract h/week
  T unpaid_absence{};                                           ///< share of contract hours neither paid nor worked
  T training_share{};                                           ///< share of paid hours in training
  T other_share{};    ///< accompaniment + meetings + leave + bank holidays, share of paid hours
  T absence_share{};  ///< paid absence, share of paid hours
  T pay{};            ///< €/h (the SMIC for smic, the pay for hourly) or €/month (monthly)
  T smic_hourly{};    ///< €/h, for the reduction (legal_reduction only)
  T employer_rate{};  ///< before the reduction (legal_reduction) or net of it (rate)
  T per_head{};       ///< €/year per person (per-head costs and health cover)
  T leave_share{};    ///< paid leave, share of paid hours
  /// Paid leave accrued per hour of (unpaid) sick leave, as a share of what an hour of work
  /// accrues: 2 days a month against 2.5 (L3141-5-1 by loi 2024-364, L3141-3); 0 without absence.
  T sick_leave_accrual{};
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
    case PayBasis::smic:
      in.pay = scalar_cast<T>(rates.value(Rate::smic_hourly));
      break;
    case PayBasis::hourly:
    case PayBasis::monthly:
      in.pay = scalar_cast<T>(g.pay.amount());
      break;
  }
  in.employer_rate = scalar_cast<T>(g.employer_rate);
  if (g.contribution_mode == ContributionMode::legal_reduction) {
    in.reduction = {
        scalar_cast<T>(rates.value(Rate::reduction_tmin)),
        scalar_cast<T>(rates.value(large_employer ? Rate::reduction_tdelta_fnal_050 : Rate::reduction_tdelta_fnal_010)),
        scalar_cast<T>(rates.value(Rate::reduction_smic_multiple))};
    in.smic_hourly = scalar_cast<T>(rates.value(Rate::smic_hourly));
  }
  in.per_head = scalar_cast<T>(g.per_head_annual_cost.amount() + g.health_cover_monthly.amount() * 12);
  in.leave_share = scalar_cast<T>(g.hours.leave);
  if (g.unpaid_absence > 0) {
    // Sick leave accrues paid leave since loi n° 2024-364 (looked up one statement each: the
    // audit's order must not depend on the scalar's evaluation order).
    const Decimal sick = rates.value(Rate::sick_leave_days_per_month);
    const Decimal worked = rates.value(Rate::paid_leave_days_per_month);
    in.sick_leave_accrual = scalar_cast<T>(::aci::detail::quotient(sick, worked));
  }
  return in;
}

/// The annual cost of one person from its scalars: arithmetic only (no text, no allocation),
/// the same operations for every T. The caller checks employer_rate >= the coefficient.
template <class T>
StaffCost<T> staff_cost(const StaffInputs<T>& in) {
  StaffCost<T> c;
  // Paid share of the contract: the hours worked or on paid leave, plus the paid leave that sick
  // leave accrues (taken later, paid and not worked).
  const T worked_share = T(1) - in.unpaid_absence;
  const T accrued_share = in.unpaid_absence * in.leave_share * in.sick_leave_accrual;
  const T paid_share = worked_share + accrued_share;
  c.contract_hours = in.weekly_hours * T(weeks_per_year);
  const T base_hours = c.contract_hours * worked_share;
  c.accrued_leave_hours = c.contract_hours * accrued_share;
  c.paid_hours = base_hours + c.accrued_leave_hours;
  c.production_hours = base_hours * in.production_share();
  c.training_hours = base_hours * in.training_share;
  c.training_share = ::aci::detail::quotient(c.training_hours, c.paid_hours);
  switch (in.pay_basis) {
    case PayBasis::smic:
    case PayBasis::hourly:
      c.annual_gross = in.pay * c.paid_hours;
      break;
    case PayBasis::monthly:
      c.annual_gross = in.pay * T(12) * paid_share;
      break;
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
StaffCost<T> annual_staff_cost(const StaffGroup& g, rates::RateLookup& rates, bool large_employer = false) {
  const StaffCost<T> c = staff_cost(staff_inputs<T>(g, rates, large_employer));
  ACI_COST_REQUIRE(scalar_cast<T>(g.employer_rate) - c.reduction_coefficient >= 0,
                   "staff[" + g.name + "].employer_rate", to_string(g.employer_rate),
                   "is below the general reduction coefficient at this pay; give the rate before reduction");
  return c;
}

}  // namespace aci::people

ACI_COST_STRICT_FP_END
