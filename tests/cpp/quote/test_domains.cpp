// Issue 34 item 4: the quote sweep's declared domains agree with what the model can compute.
// One input at any value of its domain (its ends, just inside an open end, values in between),
// the others at the scenario's, gives finite figures within Money's exact range; every input
// drawn among its extremes at once gives finite figures or an InvalidInput naming the scenario,
// never a NaN, an inf or an amount Money cannot hold. (crew_size 5e-324 gave inf costs,
// headcount_scale 1.7e308 NaN.)
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/batch.hpp"

namespace {

namespace q = aci::quote;

/// Values of input k's domain: both ends (just inside an open end; the largest double for an
/// infinite one) and points between them, log-spaced when the domain spans decades.
std::vector<double> extremes(const q::QuoteInputSpec& s) {
  const double inf = std::numeric_limits<double>::infinity();
  const double lo = s.low_open ? std::nextafter(s.low, inf) : s.low;
  const double hi = s.high == inf ? std::numeric_limits<double>::max()
                    : s.high_open ? std::nextafter(s.high, -inf)
                                  : s.high;
  std::vector<double> v = {lo, hi, lo + (hi - lo) / 2};
  if (lo > 0 && hi > 100 * lo)  // log-spaced (in logs: hi / lo may overflow)
    for (int i = 1; i < 8; ++i) v.push_back(std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * i / 8.0));
  return v;
}

/// Money's exact range (±92,233,720,368,547,758.07 €), rounded down: an amount beyond has no
/// exact cents (written here, not taken from the code under test).
constexpr double money_limit = 9.2e16;

/// Whether every figure of f is finite and every amount within ±money_limit; else the first
/// output that is not (its name and value).
std::string bad_output(const q::QuoteCore<double>& f) {
  for (std::size_t m = 0; m < q::quote_output_count; ++m) {
    const double y = q::output_of(f, static_cast<q::QuoteOutput>(m));
    const bool amount = q::quote_output_specs[m].unit.starts_with("\u20ac");
    if (!std::isfinite(y) || (amount && std::abs(y) > money_limit))
      return std::string(q::quote_output_specs[m].name) + " = " + std::to_string(y);
  }
  return "";
}

q::QuoteBase base_of(const aci::Scenario& s, const std::string& job) {
  return q::QuoteBase::of(s.aci, s.job(job), s.rate_table(), s.pricing);
}

}  // namespace

TEST(QuoteDomains, OneInputAtAnyValueOfItsDomainGivesFiniteFiguresWithinMoneysRange) {
  const auto s = aci::io::default_scenario();
  for (const auto& job : s.jobs) {
    const q::QuoteBase base = base_of(s, job.name);
    for (std::size_t k = 0; k < q::quote_input_count; ++k) {
      const q::QuoteInputSpec& spec = q::quote_input_specs[k];
      for (const double v : extremes(spec)) {
        q::QuoteColumns in;
        in.scenarios = 1;
        in.input[k] = &v;
        try {
          const auto f = q::quote_scenario(base, in, 0);
          EXPECT_EQ(bad_output(f), "") << job.name << ": " << spec.name << " = " << v;
        } catch (const aci::InvalidInput& e) {
          // Only a rule joining the input to others may refuse a value of its domain: its own, or
          // for an input that moves the filled integration FTEs (fewer hours, fewer posts filled)
          // the one every such input meets, the RSA FTEs within the filled FTEs.
          const bool fte_rule =
              spec.staff >= 1 && std::string(e.what()).find("exceeds the filled integration FTEs") != std::string::npos;
          EXPECT_TRUE(!spec.rule.empty() || fte_rule)
              << job.name << ": " << spec.name << " = " << v << ": " << e.what();
          EXPECT_EQ(std::string(e.what()).find("beyond the amounts"), std::string::npos) << e.what();
        }
      }
    }
  }
}

TEST(QuoteDomains, EveryInputExtremeAtOnceIsFiniteOrRefusedNamingTheScenario) {
  const auto s = aci::io::default_scenario();
  const q::QuoteBase base = base_of(s, s.jobs[0].name);
  constexpr std::size_t n = 4000;
  std::mt19937_64 rng(34);
  std::vector<std::vector<double>> cols(q::quote_input_count, std::vector<double>(n));
  for (std::size_t k = 0; k < q::quote_input_count; ++k) {
    const auto v = extremes(q::quote_input_specs[k]);
    std::uniform_int_distribution<std::size_t> pick(0, v.size() - 1);
    for (auto& x : cols[k]) x = v[pick(rng)];
  }
  q::QuoteColumns in;
  in.scenarios = n;
  for (std::size_t k = 0; k < q::quote_input_count; ++k) in.input[k] = cols[k].data();
  std::size_t computed = 0, refused = 0;
  for (std::size_t i = 0; i < n; ++i) {
    try {
      const auto f = q::quote_scenario(base, in, i);
      EXPECT_EQ(bad_output(f), "") << "scenario " << i;
      ++computed;
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()).rfind("quote scenario " + std::to_string(i), 0) == 0 ||
                    std::string(e.what()).find("[" + std::to_string(i) + "]") != std::string::npos,
                true)
          << e.what();
      ++refused;
    }
  }
  EXPECT_EQ(computed + refused, n);
  EXPECT_GT(computed, 0u);  // some combinations compute: the test is not vacuous
  // The batch (lanes) agrees: a group of scenarios either all compute, bit for bit the single
  // path, or the batch throws naming the first refused one.
  std::vector<std::vector<double>> out(q::quote_output_count, std::vector<double>(n));
  q::QuoteOutputColumns oc{};
  for (std::size_t m = 0; m < q::quote_output_count; ++m) oc[m] = out[m].data();
  for (std::size_t i = 0; i + 8 <= n; i += 8) {
    bool single_ok = true;
    for (std::size_t j = i; j < i + 8; ++j) {
      try {
        (void)q::quote_scenario(base, in, j);
      } catch (const aci::InvalidInput&) {
        single_ok = false;
      }
    }
    bool batch_ok = true;
    try {
      q::run_quote_batch(base, in, i, i + 8, oc);
    } catch (const aci::InvalidInput&) {
      batch_ok = false;
    }
    EXPECT_EQ(batch_ok, single_ok) << "scenarios " << i << " to " << i + 7;
    if (batch_ok)
      for (std::size_t j = i; j < i + 8; ++j) {
        const auto f = q::quote_scenario(base, in, j);
        for (std::size_t m = 0; m < q::quote_output_count; ++m)
          EXPECT_EQ(out[m][j], q::output_of(f, static_cast<q::QuoteOutput>(m))) << j << " " << m;
      }
  }
}
