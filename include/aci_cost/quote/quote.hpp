// aci::quote::Quote: the shown quote — every amount to the cent, lines that add up exactly to
// their totals, the price and its bounds, warnings, the insertion statement and the audit of
// the rates used. make_quote<T> runs the engine on scalar T and rounds at this boundary only.
#pragma once

#include <string>
#include <vector>

#include "aci_cost/quote/figures.hpp"

namespace aci::quote {

/// A labelled amount.
struct Line {
  std::string key;  ///< stable key (cost_line_keys, subsidy_keys)
  Money amount;     ///< €, whole cents
  friend bool operator==(const Line&, const Line&) = default;
};

/// The price under the chosen policy.
struct Price {
  PricePolicy policy = PricePolicy::cost_plus;  ///< how it was set
  Decimal coefficient_k{0};                     ///< K used (ds_coefficient), else 0
  Money ht;                                     ///< € excl. VAT
  Decimal vat_rate{0};                          ///< share
  Money vat;                                    ///< €, round(ht x vat_rate)
  Money ttc;                                    ///< € incl. VAT = ht + vat
  bool vat_exempt = false;                      ///< no VAT invoiced (a non-profit outside VAT)
  std::string vat_article;                      ///< the article the rate rests on ("CGI art. 278"), when not exempt
  std::string vat_mention;                      ///< the legal wording the invoice carries when exempt
  friend bool operator==(const Price&, const Price&) = default;
};

/// What the price should be read against.
struct PriceBounds {
  Money market_floor;  ///< below it, subsidies undercut ordinary firms (unfair competition risk)
  Money market_price;  ///< aligned on the market
  Money full_cost;     ///< all costs
  Money net_cost;      ///< full cost less subsidies: below it the job makes a loss
  /// full cost x (1 + reasonable profit) - subsidies - output revenue, the cent below: above it,
  /// price + public money over-compensate the job (Decision 2012/21/EU, art. 5)
  Money overcompensation_ceiling;
  friend bool operator==(const PriceBounds&, const PriceBounds&) = default;
};

/// The atelier's position against the D5132-34 cap.
struct SalesCap {
  Decimal cap_share{0};  ///< 0.30, or up to 0.50 by derogation
  Money annual_charges;  ///< charges of the activity, €/year
  Money cap;             ///< cap_share x charges: sales must stay below it
  Money annual_sales;    ///< sales of the year before this job
  Money headroom;        ///< cap - sales (negative when over the cap)
  friend bool operator==(const SalesCap&, const SalesCap&) = default;
};

/// The job per unit of what it produces (model::Output): per unit sold, each figure is the exact
/// total divided by the units sold, then rounded to the cent (so units x per-unit figure may
/// differ from the total by the rounding).
struct UnitFigures {
  std::string kind = "service";       ///< "service" or "goods"
  std::string unit = "h";             ///< the unit
  Decimal quantity{0};                ///< units produced (the standard hours by default)
  Decimal sold{0};                    ///< units sold (goods: after losses and unsold)
  Money full_cost;                    ///< € per unit sold
  Money net_cost;                     ///< € per unit sold (after subsidies and output revenue)
  Money price_ht;                     ///< € excl. VAT per unit sold
  std::optional<Money> market_price;  ///< the market price per unit, when given
  friend bool operator==(const UnitFigures&, const UnitFigures&) = default;
};

/// What the job delivers in integration work, for the client.
struct InsertionStatement {
  Decimal insertion_hours{0};       ///< hours worked by integration employees on the job, on site and
                                    ///< travelling (paid work time), h (2 decimals)
  Decimal on_site_hours{0};         ///< of which on site, h (2 decimals)
  Decimal travel_hours{0};          ///< of which travelling, h (2 decimals)
  Decimal paid_insertion_hours{0};  ///< their paid hours attributable to the job, h (2 decimals)
  Decimal people{0};                ///< integration employees on the job
  Decimal supervision_hours{0};     ///< ETPS hours, h (2 decimals)
  Decimal training_hours{0};        ///< training hours in the job, h (2 decimals)
  Money price_production_part;      ///< part of the price paying production (up to the production cost)
  Money price_integration_part;     ///< the rest of the price: the integration mission
  friend bool operator==(const InsertionStatement&, const InsertionStatement&) = default;
};

/// The fair-zone price on shown bounds: the market price, floored at the net cost, capped at the
/// over-compensation ceiling (PricePolicy::fair_zone); never below 0 (when the subsidies alone
/// pass the ceiling, the job is over-compensated at any price and the quote says so).
inline Money fair_zone_price(const PriceBounds& b) {
  const Money floored = b.market_price > b.net_cost ? b.market_price : b.net_cost;
  const Money capped = floored > b.overcompensation_ceiling ? b.overcompensation_ceiling : floored;
  return capped < Money() ? Money() : capped;
}

/// A warning about the price.
struct Warning {
  std::string code;     ///< see docs/cost_model.md: below_market_floor, above_market_price, sales_cap…
  std::string message;  ///< a sentence for the user
  friend bool operator==(const Warning&, const Warning&) = default;
};

/// The shown quote of one job.
struct Quote {
  std::string job;                ///< job name
  std::string atelier;            ///< atelier name
  Date date;                      ///< quote date
  std::string scalar;             ///< "decimal" or "double": the engine's scalar
  Decimal standard_hours{0};      ///< work content, h (2 decimals)
  Decimal productivity{0};        ///< relative productivity used
  std::vector<Line> cost_lines;   ///< add up exactly to full_cost
  Money full_cost;                ///< €
  Money production_cost;          ///< €; production + insertion extra = full cost
  Money insertion_extra_cost;     ///< € (top-down: full - production)
  std::vector<Line> extra_lines;  ///< bottom-up insertion extra cost; add up to extra_bottom_up
  Money extra_bottom_up;          ///< €: productivity gap, extra supervision, training, accompaniment
  Money marginal_cost;            ///< €: what the job adds to the year
  std::vector<Line> subsidies;    ///< by financer; add up exactly to subsidies_total
  Money subsidies_total;          ///< €
  Money output_revenue;           ///< revenue tied to output besides the sale (Output::support_per_unit), €
  Money net_cost;                 ///< full cost - subsidies - output revenue, €
  UnitFigures per_unit;           ///< the same per unit of output
  Price price;                    ///< the price
  PriceBounds bounds;             ///< what to read the price against
  SalesCap sales_cap;             ///< the atelier against D5132-34
  InsertionStatement insertion;   ///< the integration work in the job
  std::vector<Warning> warnings;  ///< price warnings
  std::vector<rates::RateEntry> rates_used;  ///< the dated figures used, with sources

  /// The amount of cost line `k`.
  const Money& line(CostLine k) const { return cost_lines[static_cast<std::size_t>(k)].amount; }
  friend bool operator==(const Quote&, const Quote&) = default;
};

namespace detail {
/// The exact decimal value of an engine scalar (a double's exact binary value).
inline Decimal exact(const Decimal& x) { return x; }
inline Decimal exact(double x) {
  ACI_COST_REQUIRE(std::isfinite(x), "quote", x, "the double engine produced a non-finite figure");
  return Decimal(x);
}
}  // namespace detail

/// Rounds unrounded figures to the shown quote (the only place where rounding happens), with
/// the pricing options the figures were computed with (QuoteFigures::pricing).
template <class T>
Quote round_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier);

namespace detail {
/// round_quote without the rates used (the caller copies or moves them).
template <class T>
Quote shown_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier);
}  // namespace detail

/// The invoice wording of a non-profit association that charges no VAT: the exempting article
/// must be cited (CGI annexe II art. 242 nonies A, I-12°); the franchise of its accessory
/// commercial receipts is CGI art. 261-7-1° b ("TVA non applicable, art. 293 B" is another regime).
inline constexpr std::string_view vat_exemption_mention = "Exonération de TVA, article 261-7-1° b du CGI";

/// Prices `job`: the engine on scalar T (Decimal for shown money), rounded to the cent.
template <class T = Decimal>
Quote make_quote(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                 const PricingOptions& pricing = {}, const std::optional<Decimal>& training_rate = std::nullopt) {
  auto f = compute_figures<T>(aci, job, table, pricing, training_rate);
  Quote q = detail::shown_quote(f, job, aci.atelier(job.atelier, "job.atelier").name);  // (checked above)
  q.rates_used = std::move(f.rates_used);
  return q;
}

template <class T>
Quote round_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier) {
  Quote q = detail::shown_quote(f, job, atelier);
  q.rates_used = f.rates_used;
  return q;
}

template <class T>
Quote detail::shown_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier) {
  const PricingOptions& pricing = f.pricing;
  using detail::exact;
  const Rounding mode = pricing.rounding;
  const auto money = [&](const T& x) { return Money(exact(x)).rounded(mode); };
  const auto hours = [&](const T& x) { return round_decimal(exact(x), 2, mode); };
  // Rounds a set of lines so that the shown parts add up exactly to the shown total.
  const auto shown_lines = [&](const auto& values, const auto& keys, std::vector<Line>& out) {
    std::vector<Decimal> exact_values;
    for (const auto& x : values) exact_values.push_back(exact(x));
    auto r = round_parts(exact_values, mode);
    for (std::size_t i = 0; i < exact_values.size(); ++i) out.push_back({std::string(keys[i]), r.parts[i]});
    return r.total;
  };
  Quote q;
  q.job = job.name;
  q.atelier = atelier;
  q.date = job.date;
  q.scalar = std::is_same_v<T, double> ? "double" : "decimal";
  q.standard_hours = hours(f.standard_hours);
  q.productivity = exact(f.productivity);

  q.full_cost = shown_lines(f.lines, cost_line_keys, q.cost_lines);
  q.production_cost = money(f.production_cost);
  q.insertion_extra_cost = q.full_cost - q.production_cost;
  // One item, one figure: the extra cost's training and accompaniment are the cost lines' shown
  // amounts; the productivity gap and the extra supervision take the rest of the rounded total.
  {
    Decimal exact_total{0};
    for (const auto& x : f.extra_lines) exact_total += exact(x);
    q.extra_bottom_up = Money(exact_total).rounded(mode);
    const Money fixed = q.line(CostLine::training) + q.line(CostLine::accompaniment);
    const auto free = fill_cents({exact(f.extra_lines[0]), exact(f.extra_lines[1])}, q.extra_bottom_up - fixed);
    q.extra_lines = {{std::string(extra_line_keys[0]), free[0]},
                     {std::string(extra_line_keys[1]), free[1]},
                     {std::string(extra_line_keys[2]), q.line(CostLine::training)},
                     {std::string(extra_line_keys[3]), q.line(CostLine::accompaniment)}};
  }
  q.marginal_cost = money(f.marginal_cost);
  q.subsidies_total = shown_lines(f.subsidies, subsidy_keys, q.subsidies);
  q.output_revenue = money(f.output_revenue);
  q.net_cost = q.full_cost - q.subsidies_total - q.output_revenue;

  q.price.policy = pricing.policy;
  q.price.coefficient_k = exact(f.coefficient_k);
  q.price.ht = money(f.price_ht);
  q.bounds = {money(f.market_floor), money(f.market_price), q.full_cost, q.net_cost, Money()};
  // The ceiling on the shown figures, the cent below full cost x (1 + reasonable profit), so that
  // a price at it never over-compensates by a rounding.
  q.bounds.overcompensation_ceiling = Money(q.full_cost.amount() * (1 + pricing.reasonable_profit)).rounded_down() -
                                      q.subsidies_total - q.output_revenue;
  // The fair zone is set on the shown bounds, so that the bounds it respects hold to the cent.
  if (pricing.policy == PricePolicy::fair_zone) q.price.ht = fair_zone_price(q.bounds);
  q.price.vat_rate = exact(f.vat_rate);
  q.price.vat = (q.price.ht * q.price.vat_rate).rounded(mode);
  q.price.ttc = q.price.ht + q.price.vat;
  q.price.vat_exempt = f.vat_exempt;
  if (f.vat_exempt) {
    q.price.vat_mention = std::string(vat_exemption_mention);
  } else if (!job.vat_rate) {
    q.price.vat_article = std::string(model::vat_article(job.vat_kind));
  }

  auto& u = q.per_unit;
  u.kind = job.output.kind == model::OutputKind::goods ? "goods" : "service";
  u.unit = job.output.unit;
  u.quantity = exact(f.output_units);
  u.sold = exact(f.sold_units);
  u.full_cost = money(f.full_cost_per_unit);
  u.net_cost = money(f.net_cost_per_unit);
  u.price_ht = money(f.price_per_unit);
  u.market_price = job.output.market_unit_price;

  q.sales_cap.cap_share = round_decimal(exact(f.sales_cap_share), 4, mode);
  q.sales_cap.annual_charges = money(f.annual_charges);
  q.sales_cap.cap = money(f.sales_cap);
  q.sales_cap.annual_sales = money(f.annual_sales);
  q.sales_cap.headroom = q.sales_cap.cap - q.sales_cap.annual_sales;

  auto& ins = q.insertion;
  ins.insertion_hours = hours(f.work_hours);
  ins.on_site_hours = hours(f.integration_hours);
  ins.travel_hours = ins.insertion_hours - ins.on_site_hours;
  ins.paid_insertion_hours = hours(f.paid_integration_hours);
  ins.people = exact(scalar_cast<T>(job.crew_size));
  ins.supervision_hours = hours(f.supervision_hours);
  ins.training_hours = hours(f.training_hours);
  ins.price_production_part = q.price.ht < q.production_cost ? q.price.ht : q.production_cost;
  if (ins.price_production_part < Money()) ins.price_production_part = Money();
  ins.price_integration_part = q.price.ht - ins.price_production_part;

  const auto warn = [&](const char* code, const std::string& msg) { q.warnings.push_back({code, msg}); };
  const auto price = [&] { return "price " + q.price.ht.format_fr(); };  // only for a warning
  if (q.price.ht < q.bounds.market_floor) {
    warn("below_market_floor", price() + " is below the market floor " + q.bounds.market_floor.format_fr() +
                                   ": subsidies would undercut ordinary firms (unfair competition risk)");
  }
  if (q.price.ht > q.bounds.market_price) {
    warn("above_market_price", price() + " is above the market price " + q.bounds.market_price.format_fr() +
                                   ": the tender is likely lost to ordinary firms");
  }
  if (q.price.ht < q.net_cost) {
    warn("below_net_cost",
         price() + " is below the net cost " + q.net_cost.format_fr() + ": the job makes a loss even after subsidies");
  } else if (q.price.ht < q.full_cost) {
    warn("below_full_cost",
         price() + " is below the full cost " + q.full_cost.format_fr() + ": subsidies cover the difference");
  }
  if (q.price.ht > q.bounds.overcompensation_ceiling) {
    warn("overcompensation",
         price() + " + subsidies " + q.subsidies_total.format_fr() +
             (q.output_revenue > Money() ? " + output revenue " + q.output_revenue.format_fr() : "") +
             " exceed the full cost " + q.full_cost.format_fr() + " plus a reasonable profit of " +
             to_string(pricing.reasonable_profit * 100) + " % by " +
             (q.price.ht - q.bounds.overcompensation_ceiling).format_fr() +
             ": the client pays again for work the aid already funds (Decision 2012/21/EU, "
             "art. 5)");
  }
  if (!f.vat_exempt && !job.vat_rate && model::needs_housing_certification(job.vat_kind) &&
      job.date >= Date{2025, 2, 16} && !job.vat_certification) {
    warn("vat_certification_missing",
         "the reduced rate on housing works needs the client's certification as a mention on the devis or invoice "
         "since 2025-02-16 (loi n° 2025-127 de finances pour 2025, art. 41): set vat_certification once it is there");
  }
  if (q.price.ht >= q.sales_cap.headroom) {
    warn("sales_cap", price() + " would bring the atelier's sales to or above its cap " + q.sales_cap.cap.format_fr() +
                          " (D5132-34; headroom " + q.sales_cap.headroom.format_fr() + ")");
  }
  if (f.supervision_needed > f.supervision_available) {
    warn("supervision_capacity", "the job's ratio of " + to_string(exact(scalar_cast<T>(job.supervisors))) +
                                     " ETPS for " + to_string(exact(scalar_cast<T>(job.crew_size))) +
                                     " employees needs " + to_string(hours(f.supervision_needed)) +
                                     " ETPS hours over the atelier's year, which has " +
                                     to_string(hours(f.supervision_available)));
  }
  for (const auto& g : f.short_hours_groups) {
    warn("cddi_weekly_hours", "staff group \"" + g + "\" works under " +
                                  std::to_string(people::cddi_minimum_weekly_hours) +
                                  " h/week: a CDDI needs at least 20 h unless a derogation (art. L5132-15-1; "
                                  "set hours_derogation)");
  }
  for (const auto& g : f.below_minimum_groups) {
    warn("below_ccn_minimum", "staff group \"" + g +
                                  "\" is paid below the minimum of its class in the collective "
                                  "agreement of ACIs (IDCC 3016), accepted by pay_below_minimum_accepted");
  }
  if (f.vat_exempt && f.franchise_threshold > scalar_cast<T>(Decimal(0))) {
    const Money threshold = money(f.franchise_threshold);
    if (q.sales_cap.annual_sales + q.price.ht > threshold) {
      warn("tax_franchise_threshold", "sales of the year with this job (" +
                                          (q.sales_cap.annual_sales + q.price.ht).format_fr() +
                                          ") pass the franchise of commercial taxes of non-profit associations (" +
                                          threshold.format_fr() + "): check the ACI's VAT status");
    }
  }
  if (f.rates_known_until && job.date > *f.rates_known_until) {
    warn("beyond_rate_table", "the quote is dated " + job.date.to_string() + ", after " +
                                  f.rates_known_until->to_string() +
                                  ", the last date the rate table's figures cover: "
                                  "every figure (SMIC, contributions, aid) is carried forward from its latest entry");
  }
  for (const auto& e : f.rates_used) {
    if (e.next_review && job.date >= *e.next_review) {
      warn("rate_latest_known", e.label() + ": latest known figure " + to_string(e.value) + " " + e.unit + ", dated " +
                                    e.effective.to_string() + " (a revision was expected by " +
                                    e.next_review->to_string() + ")");
    }
    if (e.tag == rates::Tag::check) {
      warn("rate_to_check", e.label() + ": " + to_string(e.value) + " " + e.unit + " from " + e.effective.to_string() +
                                " is reported, not confirmed on the primary text (" + e.source + ")");
    }
  }
  for (const auto& e : f.unconfirmed_rates) {
    warn("rate_unconfirmed", e.label() + ": " + to_string(e.value) + " " + e.unit + " from " + e.effective.to_string() +
                                 " is reported, not confirmed on the primary text (" + e.source +
                                 "); the last confirmed figure is used (rates_use_unconfirmed uses it)");
  }
  return q;
}

#ifndef ACI_COST_HEADER_ONLY
extern template QuoteFigures<double> compute_figures<double>(const model::Aci&, const model::Job&,
                                                             const rates::RateTable&, const PricingOptions&,
                                                             const std::optional<Decimal>&);
extern template QuoteFigures<Decimal> compute_figures<Decimal>(const model::Aci&, const model::Job&,
                                                               const rates::RateTable&, const PricingOptions&,
                                                               const std::optional<Decimal>&);
extern template Quote round_quote<double>(const QuoteFigures<double>&, const model::Job&, const std::string&);
extern template Quote round_quote<Decimal>(const QuoteFigures<Decimal>&, const model::Job&, const std::string&);
#endif

}  // namespace aci::quote
