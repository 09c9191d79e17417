// The quote contract, run as one typed suite over both scalars of the engine (double for sweeps,
// Decimal for quotes shown): the identities every quote keeps, whatever the scenario. The same
// assertions on both types; only the tolerance of an unrounded identity differs (double: 1e-9
// of the figure's scale; Decimal: 1e-30). Rounded quotes keep them to the cent exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"

namespace {

using aci::Decimal;
using aci::Money;

template <class T>
class QuoteContract : public ::testing::Test {
 protected:
  /// |a - b| within the scalar's tolerance of scale.
  static bool close(const T& a, const T& b, const T& scale) {
    const double tol = std::is_same_v<T, double> ? 1e-9 : 1e-30;
    const T d = a > b ? a - b : b - a;
    const T s = scale < T(0) ? T(0) - scale : scale;
    return d <= T(tol) * (s + T(1));
  }
  /// Random valid scenarios around the default ACI (the same draws for both types).
  template <class F>
  static void for_random_quotes(F&& check) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const auto dec = [](double x, int places) {
      return aci::round_decimal(Decimal(x), places, aci::Rounding::half_even);
    };
    for (int trial = 0; trial < 60; ++trial) {
      auto s = aci::io::default_scenario();
      auto& at = s.aci.ateliers[0];
      at.staff[0].headcount = Decimal(1 + static_cast<int>(u(rng) * 20));
      at.staff[0].weekly_hours = dec(20 + u(rng) * 15, 1);
      at.annual_overheads = Money(dec(u(rng) * 80000, 2));
      at.subsidies.rsa_fte = at.staff[0].headcount / 10;
      auto job = s.job(trial % 2 ? "park_maintenance" : "brush_clearing");
      job.standard_hours = dec(1 + u(rng) * 400, 2);
      job.productivity = dec(0.3 + u(rng) * 0.7, 3);
      job.crew_size = Decimal(1 + static_cast<int>(u(rng) * 8));
      job.travel.trips = Decimal(static_cast<int>(u(rng) * 10));
      s.pricing.margin = dec(u(rng) * 0.3, 3);
      s.pricing.policy = static_cast<aci::quote::PricePolicy>(trial % 3);
      check(s, job, trial);
    }
  }
};

using Scalars = ::testing::Types<double, Decimal>;
TYPED_TEST_SUITE(QuoteContract, Scalars);

TYPED_TEST(QuoteContract, UnroundedFiguresKeepTheirIdentities) {
  using T = TypeParam;
  this->for_random_quotes([](const aci::Scenario& s, const aci::model::Job& job, int trial) {
    const auto f = aci::quote::compute_figures<T>(s.aci, job, s.rate_table(), s.pricing);
    T lines{}, subsidies{}, extra{};
    for (const T& x : f.lines) lines += x;
    for (const T& x : f.subsidies) subsidies += x;
    for (const T& x : f.extra_lines) extra += x;
    using C = QuoteContract<T>;
    EXPECT_TRUE(C::close(lines, f.full_cost, f.full_cost)) << trial;            // lines add up
    EXPECT_TRUE(C::close(subsidies, f.subsidies_total, f.full_cost)) << trial;  // financers add up
    EXPECT_TRUE(C::close(f.full_cost - f.subsidies_total, f.net_cost, f.full_cost)) << trial;
    EXPECT_TRUE(C::close(f.full_cost - f.production_cost, f.insertion_extra_cost, f.full_cost)) << trial;
    EXPECT_TRUE(C::close(extra, f.extra_bottom_up, f.full_cost)) << trial;
    EXPECT_TRUE(C::close(f.integration_hours * f.productivity, f.standard_hours, f.standard_hours)) << trial;
    EXPECT_TRUE(C::close(f.integration_hours + f.crew_travel_hours, f.work_hours, f.work_hours)) << trial;
    EXPECT_TRUE(C::close(f.crew_travel_hours + f.supervisor_travel_hours, f.travel_hours, f.travel_hours)) << trial;
    if (s.pricing.policy == aci::quote::PricePolicy::cost_plus) {
      EXPECT_TRUE(C::close(f.full_cost * (T(1) + aci::scalar_cast<T>(s.pricing.margin)), f.price_ht, f.price_ht))
          << trial;
    }
    for (const T& x : f.lines) EXPECT_GE(x, T(0)) << trial;
    EXPECT_GE(f.market_price, f.market_floor) << trial;
  });
}

TYPED_TEST(QuoteContract, RoundedQuotesLoseNoCent) {
  using T = TypeParam;
  this->for_random_quotes([](const aci::Scenario& s, const aci::model::Job& job, int trial) {
    const auto q = aci::quote::make_quote<T>(s.aci, job, s.rate_table(), s.pricing);
    Money lines, subsidies, extra;
    for (const auto& l : q.cost_lines) lines += l.amount;
    for (const auto& l : q.subsidies) subsidies += l.amount;
    for (const auto& l : q.extra_lines) extra += l.amount;
    EXPECT_EQ(lines, q.full_cost) << trial;
    EXPECT_EQ(subsidies, q.subsidies_total) << trial;
    EXPECT_EQ(extra, q.extra_bottom_up) << trial;
    EXPECT_EQ(q.full_cost - q.subsidies_total, q.net_cost) << trial;
    EXPECT_EQ(q.production_cost + q.insertion_extra_cost, q.full_cost) << trial;
    for (const auto& l : q.cost_lines) EXPECT_TRUE(l.amount.is_whole_cents()) << trial;
  });
}

}  // namespace
