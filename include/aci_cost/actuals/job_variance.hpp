// aci::actuals::JobVariance: a quoted job against what it took — the cost accountant's
// standard-cost variances of its work hours at its atelier's hourly rate (hour_cost.hpp), split
// into rate, productivity and hours, to the cent, the parts adding up exactly to the total.
//
// Quoted (standard): S_q standard hours, H_q on-site hours of the integration crew, T_q their
// travel hours, W_q = H_q + T_q work hours, R_q the atelier's forecast hourly rate; C_q = W_q R_q.
// Actual: S_a the standard work done (the quote's unless measured), H_a, T_a, W_a, R_a (the
// realised rate); C_a = W_a R_a. H_s = H_q S_a / S_q: the on-site hours the quote's productivity
// (S_q / H_q) allows for the work actually done. Taken in this order:
//   rate          = (R_a - R_q) W_a                 the hour cost more (or less), on the hours worked
//   productivity  = (H_a - H_s) R_q                 hours on site beyond what the quoted productivity allows
//   hours         = (H_s + T_a - W_q) R_q           more work (S_a vs S_q) and more travel than quoted
// rate + productivity + hours = R_a W_a - R_q W_q exactly. Shown: C_q and C_a rounded to the cent,
// the variance = C_a - C_q as shown, and the three parts rounded so that they add up to it
// (largest remainder, money.hpp).
#pragma once

#include <string>

#include "aci_cost/config.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/quote/quote.hpp"

namespace aci::actuals {

/// One side of a job: its work and hours, and the rate of its atelier.
struct JobHours {
  Decimal standard_hours{0};  ///< standard work, h (what an ordinary trained worker needs)
  Decimal on_site_hours{0};   ///< integration crew on site, h
  Decimal travel_hours{0};    ///< integration crew travelling, h
  Money hourly_rate;          ///< the atelier's rate per work hour (hour_cost.hpp), €/h
  friend bool operator==(const JobHours&, const JobHours&) = default;
};

/// A quoted job against its actual hours.
struct JobVariance {
  std::string job;                   ///< job name
  std::string atelier;               ///< its atelier
  JobHours quoted;                   ///< the quote's
  JobHours actual;                   ///< what it took
  Decimal quoted_productivity{0};    ///< S_q / H_q, 4 decimals (shown)
  Decimal actual_productivity{0};    ///< S_a / H_a, 4 decimals (shown)
  Decimal allowed_on_site_hours{0};  ///< H_s = H_q S_a / S_q, h (2 decimals, shown)
  Money quoted_cost;                 ///< W_q R_q, €
  Money actual_cost;                 ///< W_a R_a, €
  Money variance;                    ///< actual_cost - quoted_cost, €
  Money rate_variance;               ///< (R_a - R_q) W_a, €
  Money productivity_variance;       ///< (H_a - H_s) R_q, €
  Money hours_variance;              ///< (H_s + T_a - W_q) R_q, €
  friend bool operator==(const JobVariance&, const JobVariance&) = default;
};

/// The variance of job `job` of `atelier`: `actual` against `quoted`. InvalidInput naming
/// "job[<name>]..." when a quoted standard or on-site hours is not > 0, or any hours < 0.
ACI_COST_INLINE JobVariance job_variance(const std::string& job, const std::string& atelier, const JobHours& quoted,
                                         const JobHours& actual, Rounding mode = Rounding::half_away_from_zero);

/// The quoted side of a job from its shown quote (standard hours, the crew's hours on site and
/// travelling) and its atelier's forecast hourly rate.
inline JobHours quoted_hours(const quote::Quote& q, const Money& hourly_rate) {
  return {q.standard_hours, q.insertion.on_site_hours, q.insertion.travel_hours, hourly_rate};
}

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/variance-inl.hpp"
#endif
