// aci::actuals::RealisedYear: the ACI's realised year from its accounts — the balances of classes
// 6 and 7 of a checked FEC (actuals/trial_balance.hpp) placed on the year's lines by a mapping
// (actuals/mapping.hpp), per atelier, in the library's own structure (budget::YearBudget), so
// that the realised year reads and compares like the forecast. A line booked to an atelier's
// analytic code is that atelier's; a line booked to none (or to a shared code, such as the
// structure's) is spread over the ateliers to the cent (money.hpp's split) by the forecast's own
// spread of that line, or by the ateliers' work hours. An account the mapping does not place is
// reported with its amount, never dropped: the accounts' result is the year's result plus the
// unplaced products less the unplaced charges, to the cent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aci_cost/actuals/hours.hpp"
#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/actuals/trial_balance.hpp"
#include "aci_cost/budget/year.hpp"
#include "aci_cost/config.hpp"
#include "aci_cost/date.hpp"
#include "aci_cost/model/aci.hpp"

namespace aci::actuals {

/// How the lines booked to no atelier reach the ateliers.
enum class Spread {
  forecast,    ///< as the forecast spreads the same line (its ateliers' amounts are the weights)
  work_hours,  ///< in proportion to the ateliers' realised work hours (the structure's single key)
};

/// Where one balance of class 6 or 7 went.
struct Placement {
  std::string account;          ///< CompteNum
  std::string code;             ///< analytic code ("" none)
  std::string key;              ///< the year's line it feeds
  std::string atelier;          ///< the atelier whose line it is ("" shared: spread)
  Money amount;                 ///< a charge's debit - credit, a product's credit - debit, €
  std::int64_t first_line = 0;  ///< its first FEC line
  std::string rule;             ///< the rule's prefix (and ":code" when limited to a code)
  friend bool operator==(const Placement&, const Placement&) = default;
};

/// A line booked to no atelier, spread over the ateliers.
struct SharedLine {
  std::string key;           ///< the year's line
  bool charge = true;        ///< charges (true) or products
  Money amount;              ///< €
  std::vector<Money> parts;  ///< per atelier (the scenario's order), adding up exactly to amount
  std::string basis;  ///< the weights used: "forecast <key>", "forecast charges", "work hours", "the only atelier"
  friend bool operator==(const SharedLine&, const SharedLine&) = default;
};

/// A balance of class 6 or 7 no rule places: reported, kept out of the year's lines.
struct Unplaced {
  std::string account;          ///< CompteNum
  std::string code;             ///< analytic code
  bool charge = true;           ///< class 6 (true) or 7
  Money amount;                 ///< as a charge or a product, €
  std::int64_t first_line = 0;  ///< its first FEC line
  std::string reason;           ///< why no rule places it
  friend bool operator==(const Unplaced&, const Unplaced&) = default;
};

/// The realised year.
struct RealisedYear {
  budget::YearBudget year;            ///< per atelier and in total: charges by nature, products by financer
  std::vector<Placement> placements;  ///< every balance of classes 6 and 7 and where it went
  std::vector<SharedLine> shared;     ///< lines booked to no atelier and their spread
  std::vector<Unplaced> unplaced;     ///< balances no rule places
  Money unplaced_charges;             ///< their total as charges, €
  Money unplaced_products;            ///< their total as products, €
  Money accounts_result;  ///< classes 7 - 6 of the trial balance = year.result + unplaced products - unplaced charges
  friend bool operator==(const RealisedYear&, const RealisedYear&) = default;
};

/// The realised year of `aci` from the trial balance `tb` of its FEC, placed by `mapping`, for
/// the fiscal year starting at `start`. The lines follow `forecast`'s keys (its order), then any
/// other key the mapping fed; `spread` spreads the lines of no atelier, with `hours` (realised,
/// one per atelier, or empty) for Spread::work_hours and the ateliers' work-hour capacity. The
/// sales cap (D5132-34) is checked on the realised charges. InvalidInput names the FEC line and
/// the analytic column of a code that is no atelier's and no shared code of the mapping.
ACI_COST_INLINE RealisedYear realised_year(const model::Aci& aci, const TrialBalance& tb, const Mapping& mapping,
                                           const budget::YearBudget& forecast, const Date& start,
                                           Spread spread = Spread::forecast,
                                           const std::vector<AtelierHours>& hours = {},
                                           Rounding mode = Rounding::half_away_from_zero);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/realised_year-inl.hpp"
#endif
