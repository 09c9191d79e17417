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
  bool vat_exempt = false;                      ///< no VAT invoiced (non-profit under the franchise)
  std::string vat_mention;                      ///< the legal wording the invoice carries when exempt
  friend bool operator==(const Price&, const Price&) = default;
};

/// What the price should be read against.
struct PriceBounds {
  Money market_floor;  ///< below it, subsidies undercut ordinary firms (unfair competition risk)
  Money market_price;  ///< aligned on the market
  Money full_cost;     ///< all costs
  Money net_cost;      ///< full cost less subsidies: below it the job makes a loss
  friend bool operator==(const PriceBounds&, const PriceBounds&) = default;
};

/// The atelier's position against the D5132-34 cap.
struct SalesCap {
  Decimal cap_share{0};   ///< 0.30, or up to 0.50 by derogation
  Money annual_charges;   ///< charges of the activity, €/year
  Money cap;              ///< cap_share x charges: sales must stay below it
  Money annual_sales;     ///< sales of the year before this job
  Money headroom;         ///< cap - sales (negative when over the cap)
  friend bool operator==(const SalesCap&, const SalesCap&) = default;
};

/// The job per unit of what it produces (model::Output): per unit sold, each figure is the exact
/// total divided by the units sold, then rounded to the cent (so units x per-unit figure may
/// differ from the total by the rounding).
struct UnitFigures {
  std::string kind = "service";  ///< "service" or "goods"
  std::string unit = "h";        ///< the unit
  Decimal quantity{0};           ///< units produced (the standard hours by default)
  Decimal sold{0};               ///< units sold (goods: after losses and unsold)
  Money full_cost;               ///< € per unit sold
  Money net_cost;                ///< € per unit sold (after subsidies and output revenue)
  Money price_ht;                ///< € excl. VAT per unit sold
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

/// A warning about the price.
struct Warning {
  std::string code;     ///< see docs/cost_model.md: below_market_floor, above_market_price, sales_cap…
  std::string message;  ///< a sentence for the user
  friend bool operator==(const Warning&, const Warning&) = default;
};

/// The shown quote of one job.
struct Quote {
  std::string job;                       ///< job name
  std::string atelier;                   ///< atelier name
  Date date;                             ///< quote date
  std::string scalar;                    ///< "decimal" or "double": the engine's scalar
  Decimal standard_hours{0};             ///< work content, h (2 decimals)
  Decimal productivity{0};               ///< relative productivity used
  std::vector<Line> cost_lines;          ///< add up exactly to full_cost
  Money full_cost;                       ///< €
  Money production_cost;                 ///< €; production + insertion extra = full cost
  Money insertion_extra_cost;            ///< € (top-down: full - production)
  std::vector<Line> extra_lines;         ///< bottom-up insertion extra cost; add up to extra_bottom_up
  Money extra_bottom_up;                 ///< €: productivity gap, extra supervision, training, accompaniment
  Money marginal_cost;                   ///< €: what the job adds to the year
  std::vector<Line> subsidies;           ///< by financer; add up exactly to subsidies_total
  Money subsidies_total;                 ///< €
  Money output_revenue;                  ///< revenue tied to output besides the sale (Output::support_per_unit), €
  Money net_cost;                        ///< full cost - subsidies - output revenue, €
  UnitFigures per_unit;                  ///< the same per unit of output
  Price price;                           ///< the price
  PriceBounds bounds;                    ///< what to read the price against
  SalesCap sales_cap;                    ///< the atelier against D5132-34
  InsertionStatement insertion;          ///< the integration work in the job
  std::vector<Warning> warnings;         ///< price warnings
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

/// Rounds unrounded figures to the shown quote (the only place where rounding happens).
template <class T>
Quote round_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier,
                  const PricingOptions& pricing);

namespace detail {
/// round_quote without the rates used (the caller copies or moves them).
template <class T>
Quote shown_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier,
                  const PricingOptions& pricing);
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
  Quote q = detail::shown_quote(f, job, aci.atelier(job.atelier, "job.atelier").name, pricing);  // (checked above)
  q.rates_used = std::move(f.rates_used);
  return q;
}

template <class T>
Quote round_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier,
                  const PricingOptions& pricing) {
  Quote q = detail::shown_quote(f, job, atelier, pricing);
  q.rates_used = f.rates_used;
  return q;
}

template <class T>
Quote detail::shown_quote(const QuoteFigures<T>& f, const model::Job& job, const std::string& atelier,
                          const PricingOptions& pricing) {
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
  q.extra_bottom_up = shown_lines(f.extra_lines, extra_line_keys, q.extra_lines);
  q.marginal_cost = money(f.marginal_cost);
  q.subsidies_total = shown_lines(f.subsidies, subsidy_keys, q.subsidies);
  q.output_revenue = money(f.output_revenue);
  q.net_cost = q.full_cost - q.subsidies_total - q.output_revenue;

  q.price.policy = pricing.policy;
  q.price.coefficient_k = exact(f.coefficient_k);
  q.price.ht = money(f.price_ht);
  q.price.vat_rate = exact(f.vat_rate);
  q.price.vat = (q.price.ht * q.price.vat_rate).rounded(mode);
  q.price.ttc = q.price.ht + q.price.vat;
  q.price.vat_exempt = f.vat_exempt;
  if (f.vat_exempt) q.price.vat_mention = std::string(vat_exemption_mention);

  q.bounds = {money(f.market_floor), money(f.market_price), q.full_cost, q.net_cost};
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
    warn("below_net_cost", price() + " is below the net cost " + q.net_cost.format_fr() +
                               ": the job makes a loss even after subsidies");
  } else if (q.price.ht < q.full_cost) {
    warn("below_full_cost", price() + " is below the full cost " + q.full_cost.format_fr() +
                                ": subsidies cover the difference");
  }
  if (q.price.ht >= q.sales_cap.headroom) {
    warn("sales_cap", price() + " would bring the atelier's sales to or above its cap " + q.sales_cap.cap.format_fr() +
                          " (D5132-34; headroom " + q.sales_cap.headroom.format_fr() + ")");
  }
  if (f.supervision_needed > f.supervision_available) {
    warn("supervision_capacity",
         "the job's ratio of " + to_string(exact(scalar_cast<T>(job.supervisors))) + " ETPS for " +
             to_string(exact(scalar_cast<T>(job.crew_size))) + " employees needs " + to_string(hours(f.supervision_needed)) +
             " ETPS hours over the atelier's year, which has " + to_string(hours(f.supervision_available)));
  }
  for (const auto& g : f.short_hours_groups) {
    warn("cddi_weekly_hours", "staff group \"" + g + "\" works under " +
                                  std::to_string(people::cddi_minimum_weekly_hours) +
                                  " h/week: a CDDI needs at least 20 h unless a derogation (art. L5132-15-1; "
                                  "set hours_derogation)");
  }
  if (f.vat_exempt) {
    const Money threshold = money(f.franchise_threshold);
    if (q.sales_cap.annual_sales + q.price.ht > threshold) {
      warn("tax_franchise_threshold",
           "sales of the year with this job (" + (q.sales_cap.annual_sales + q.price.ht).format_fr() +
               ") pass the franchise of commercial taxes of non-profit associations (" + threshold.format_fr() +
               "): check the ACI's VAT status");
    }
  }
  if (f.rates_known_until && job.date > *f.rates_known_until) {
    warn("beyond_rate_table", "the quote is dated " + job.date.to_string() + ", after " +
                                  f.rates_known_until->to_string() + ", the last date the rate table's figures cover: "
                                  "every figure (SMIC, contributions, aid) is carried forward from its latest entry");
  }
  for (const auto& e : f.rates_used) {
    if (e.next_review && job.date >= *e.next_review) {
      warn("rate_latest_known", std::string(rates::rate_name(e.rate)) + ": latest known figure " + to_string(e.value) +
                                    " " + e.unit + ", dated " + e.effective.to_string() +
                                    " (a revision was expected by " + e.next_review->to_string() + ")");
    }
    if (e.tag == rates::Tag::check) {
      warn("rate_to_check", std::string(rates::rate_name(e.rate)) + ": " + to_string(e.value) + " " + e.unit +
                                " from " + e.effective.to_string() + " is reported, not confirmed on the primary text (" +
                                e.source + ")");
    }
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
extern template Quote round_quote<double>(const QuoteFigures<double>&, const model::Job&, const std::string&,
                                          const PricingOptions&);
extern template Quote round_quote<Decimal>(const QuoteFigures<Decimal>&, const model::Job&, const std::string&,
                                           const PricingOptions&);
#endif

}  // namespace aci::quote
