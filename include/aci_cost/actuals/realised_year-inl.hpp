// Implementation of actuals/realised_year.hpp.
#pragma once

#include <cassert>
#include <map>

#include "aci_cost/actuals/realised_year.hpp"

namespace aci::actuals {

namespace detail {
/// Amounts by line key, in the order keys first came.
struct KeyedAmounts {
  std::vector<std::string> keys;
  std::map<std::string, Money, std::less<>> amounts;
  void add(const std::string& key, const Money& m) {
    auto [it, inserted] = amounts.try_emplace(key, m);
    if (inserted)
      keys.push_back(key);
    else
      it->second += m;
  }
  Money at(std::string_view key) const {
    const auto it = amounts.find(key);
    return it == amounts.end() ? Money() : it->second;
  }
};

/// The amount of line `key` in `lines`, or none.
inline const Money* line_amount(const std::vector<quote::Line>& lines, std::string_view key) {
  for (const auto& l : lines)
    if (l.key == key) return &l.amount;
  return nullptr;
}

/// Weights usable by split(): all >= 0, not all zero.
inline bool usable(const std::vector<Decimal>& w) {
  bool positive = false;
  for (const auto& x : w) {
    if (x < 0) return false;
    positive = positive || x > 0;
  }
  return positive;
}

/// Why no rule places `account`.
inline std::string unplaced_reason(const std::string& account, const Date& start) {
  if (account.starts_with("79")) {
    if (start >= Date{2025, 1, 1}) {
      return "account 79 (transferts de charges) no longer exists for years opened from 2025-01-01 (r\u00e8glement "
             "ANC 2022-06): book a reimbursement on the charge it reimburses (649 for staff costs), a re-invoicing "
             "on 708, an insurance indemnity on 7587";
    }
    return "account 79 (transferts de charges) reduces the charges it transfers: place it on their line in a "
           "mapping file";
  }
  return "no rule of the mapping places this account: add one in a mapping file (docs/actuals.md)";
}
}  // namespace detail

ACI_COST_INLINE RealisedYear realised_year(const model::Aci& aci, const TrialBalance& tb, const Mapping& mapping,
                                           const budget::YearBudget& forecast, const Date& start, Spread spread,
                                           const std::vector<AtelierHours>& hours, Rounding mode) {
  aci.validate();
  mapping.validate();
  ACI_COST_REQUIRE(start.valid(), "realised_year.start", start.to_string(), "not a calendar date");
  const std::size_t na = aci.ateliers.size();
  std::vector<const budget::AtelierYear*> planned(na, nullptr);
  for (std::size_t i = 0; i < na; ++i) {
    for (const auto& f : forecast.ateliers)
      if (f.atelier == aci.ateliers[i].name) planned[i] = &f;
    ACI_COST_REQUIRE(planned[i] != nullptr, "realised_year.forecast.ateliers", "\"" + aci.ateliers[i].name + "\"",
                     "the forecast has no atelier of this name: give the forecast year of the same ACI");
  }
  std::vector<const AtelierHours*> realised_hours(na, nullptr);
  if (!hours.empty()) {
    for (std::size_t i = 0; i < na; ++i) {
      for (const auto& h : hours)
        if (h.atelier == aci.ateliers[i].name) realised_hours[i] = &h;
      ACI_COST_REQUIRE(realised_hours[i] != nullptr, "realised_year.hours", "\"" + aci.ateliers[i].name + "\"",
                       "no hours for this atelier: give one AtelierHours per atelier, or none");
    }
  }

  RealisedYear out;
  std::vector<detail::KeyedAmounts> own_charges(na), own_products(na);
  detail::KeyedAmounts shared_charges, shared_products;
  Money accounts_charges, accounts_products;
  const std::string column = tb.analytic_column.empty() ? std::string("analytic") : tb.analytic_column;
  for (const auto& b : tb.accounts) {
    if (b.account.empty() || (b.account[0] != '6' && b.account[0] != '7')) continue;
    const bool charge = b.account[0] == '6';
    const Money amount = charge ? b.balance : -b.balance;
    (charge ? accounts_charges : accounts_products) += amount;
    // The atelier of the line's analytic code (none: shared).
    std::ptrdiff_t at = -1;
    if (!b.code.empty()) {
      std::string name = b.code;
      bool mapped = false;
      for (std::size_t k = 0; k < mapping.ateliers.size() && !mapped; ++k) {
        if (mapping.ateliers[k].code == b.code) {
          name = mapping.ateliers[k].atelier;
          mapped = true;
        }
      }
      for (std::size_t i = 0; i < na && at < 0; ++i)
        if (aci.ateliers[i].name == name) at = static_cast<std::ptrdiff_t>(i);
      for (std::size_t i = 0; i < na && at < 0 && !mapped; ++i)
        if (aci.ateliers[i].support == name) at = static_cast<std::ptrdiff_t>(i);
      ACI_COST_REQUIRE(!mapped || at >= 0, "mapping.ateliers." + b.code, "\"" + name + "\"",
                       "no atelier of the scenario has this name");
      ACI_COST_REQUIRE(at >= 0 || mapping.knows_shared_code(b.code), cell(tb.source, b.first_line, column),
                       "\"" + b.code + "\"",
                       "not an atelier of the scenario (its name or support) nor a code of the mapping (its "
                       "ateliers, shared_codes, or a rule's code)");
    }
    const Rule* rule = mapping.place(b.account, b.code);
    if (!rule) {
      out.unplaced.push_back(
          {b.account, b.code, charge, amount, b.first_line, detail::unplaced_reason(b.account, start)});
      (charge ? out.unplaced_charges : out.unplaced_products) += amount;
      continue;
    }
    const std::string shown_rule = rule->code.empty() ? rule->prefix : rule->prefix + ":" + rule->code;
    out.placements.push_back({b.account, b.code, rule->key,
                              at >= 0 ? aci.ateliers[static_cast<std::size_t>(at)].name : std::string(), amount,
                              b.first_line, shown_rule});
    if (at >= 0) {
      (charge ? own_charges : own_products)[static_cast<std::size_t>(at)].add(rule->key, amount);
    } else {
      (charge ? shared_charges : shared_products).add(rule->key, amount);
    }
  }
  out.accounts_result = accounts_products - accounts_charges;

  // The lines: the forecast's keys in its order, then the mapping's other keys that carry money.
  const auto keys_of = [&](bool charge) {
    std::vector<std::string> keys;
    const auto has = [&keys](std::string_view k) {
      for (const auto& x : keys)
        if (x == k) return true;
      return false;
    };
    for (const auto& l : charge ? forecast.charges : forecast.products) keys.push_back(l.key);
    const auto& own = charge ? own_charges : own_products;
    const auto& shared = charge ? shared_charges : shared_products;
    for (const auto& k : charge ? mapping.charge_keys : mapping.product_keys) {
      if (has(k)) continue;
      bool money = shared.at(k) != Money();
      for (const auto& o : own) money = money || o.at(k) != Money();
      if (money) keys.push_back(k);
    }
    return keys;
  };
  const std::vector<std::string> charge_keys = keys_of(true), product_keys = keys_of(false);

  // Spreads the lines of no atelier.
  std::vector<detail::KeyedAmounts> spread_charges(na), spread_products(na);
  const auto spread_side = [&](bool charge) {
    const auto& shared = charge ? shared_charges : shared_products;
    for (const auto& key : charge ? charge_keys : product_keys) {
      const auto it = shared.amounts.find(key);
      if (it == shared.amounts.end()) continue;
      SharedLine s{key, charge, it->second, {}, {}};
      std::vector<Decimal> w(na, Decimal(0));
      if (na == 1) {
        w[0] = 1;
        s.basis = "the only atelier";
      } else if (spread == Spread::work_hours) {
        ACI_COST_REQUIRE(!hours.empty(), "realised_year.spread", "work_hours",
                         "needs the ateliers' realised hours (an hours file)");
        for (std::size_t i = 0; i < na; ++i) w[i] = realised_hours[i]->production_hours;
        ACI_COST_REQUIRE(detail::usable(w), "realised_year.hours", "production hours",
                         "no atelier has production hours to spread the shared lines by");
        s.basis = "work hours";
      } else {
        for (std::size_t i = 0; i < na; ++i) {
          const Money* m = detail::line_amount(charge ? planned[i]->charges : planned[i]->products, key);
          w[i] = m ? m->amount() : Decimal(0);
        }
        s.basis = "forecast " + key;
        if (!detail::usable(w)) {
          for (std::size_t i = 0; i < na; ++i)
            w[i] = (charge ? planned[i]->charges_total : planned[i]->products_total).amount();
          s.basis = charge ? "forecast charges" : "forecast products";
        }
        if (!detail::usable(w) && !hours.empty()) {
          for (std::size_t i = 0; i < na; ++i) w[i] = realised_hours[i]->production_hours;
          s.basis = "work hours";
        }
        if (!detail::usable(w)) {
          for (auto& x : w) x = 1;
          s.basis = "equal shares";
        }
      }
      s.parts = split(s.amount, w);
      for (std::size_t i = 0; i < na; ++i) (charge ? spread_charges : spread_products)[i].add(key, s.parts[i]);
      out.shared.push_back(std::move(s));
    }
  };
  spread_side(true);
  spread_side(false);

  budget::YearBudget& y = out.year;
  y.date = start;
  const auto fill = [](const std::vector<std::string>& keys, const detail::KeyedAmounts& own,
                       const detail::KeyedAmounts& spread_parts, std::vector<quote::Line>& lines) {
    Money total;
    for (const auto& k : keys) {
      lines.push_back({k, own.at(k) + spread_parts.at(k)});
      total += lines.back().amount;
    }
    return total;
  };
  for (std::size_t i = 0; i < na; ++i) {
    const model::Atelier& at = aci.ateliers[i];
    budget::AtelierYear a;
    a.atelier = at.name;
    a.charges_total = fill(charge_keys, own_charges[i], spread_charges[i], a.charges);
    a.products_total = fill(product_keys, own_products[i], spread_products[i], a.products);
    a.result = a.products_total - a.charges_total;
    const Money* sales = detail::line_amount(a.products, budget::product_keys[0]);
    a.sales_cap.cap_share = at.sales_cap_share;
    a.sales_cap.annual_charges = a.charges_total;
    a.sales_cap.cap = (a.charges_total * at.sales_cap_share).rounded(mode);
    a.sales_cap.annual_sales = sales ? *sales : Money();
    a.sales_cap.headroom = a.sales_cap.cap - a.sales_cap.annual_sales;
    if (realised_hours[i]) a.work_hours_capacity = realised_hours[i]->production_hours;
    a.sales_with_jobs = a.sales_cap.annual_sales;
    a.headroom_with_jobs = a.sales_cap.headroom;
    if (a.sales_cap.annual_sales >= a.sales_cap.cap && a.sales_cap.annual_sales > Money()) {
      a.warnings.push_back({"sales_cap", "realised sales " + a.sales_cap.annual_sales.format_fr() +
                                             " reach the D5132-34 cap " + a.sales_cap.cap.format_fr() +
                                             " on the realised charges"});
    }
    if (a.result < Money()) {
      a.warnings.push_back({"deficit", "the realised products " + a.products_total.format_fr() +
                                           " fall short of the realised charges " + a.charges_total.format_fr() +
                                           " by " + (-a.result).format_fr()});
    }
    y.ateliers.push_back(std::move(a));
  }
  for (const auto& a : y.ateliers) {
    if (y.charges.empty() && y.products.empty()) {
      y.charges = a.charges;
      y.products = a.products;
    } else {
      for (std::size_t k = 0; k < a.charges.size(); ++k) y.charges[k].amount += a.charges[k].amount;
      for (std::size_t k = 0; k < a.products.size(); ++k) y.products[k].amount += a.products[k].amount;
    }
    y.charges_total += a.charges_total;
    y.products_total += a.products_total;
  }
  y.result = y.products_total - y.charges_total;
  // Nothing lost: what the accounts say, to the cent.
  assert(y.result + out.unplaced_products - out.unplaced_charges == out.accounts_result);
  return out;
}

}  // namespace aci::actuals
