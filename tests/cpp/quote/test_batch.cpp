// The quote model's batch kernel (quote/batch.hpp): bit for bit the single double path for any
// size, inputs and pricing policy; the single path with no input set is compute_figures<double>;
// each input enters as the model's field would (checked against compute_figures on the patched
// model); bad scenarios are named.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/batch.hpp"

namespace {

namespace q = aci::quote;
using aci::Decimal;

/// Random valid values of every input for n scenarios (crew inputs kept where production stays).
std::vector<std::vector<double>> random_columns(std::uint64_t seed, std::size_t n) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::vector<double>> c(q::quote_input_count, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const auto set = [&](q::QuoteInput k, double v) { c[static_cast<std::size_t>(k)][i] = v; };
    set(q::QuoteInput::job_standard_hours, 10 + 400 * u(rng));
    set(q::QuoteInput::job_productivity, 0.3 + 0.7 * u(rng));
    set(q::QuoteInput::job_crew_size, 1 + static_cast<int>(8 * u(rng)));
    set(q::QuoteInput::job_supervisors, static_cast<int>(3 * u(rng)));
    set(q::QuoteInput::job_output_quantity, 100 + 1000 * u(rng));
    set(q::QuoteInput::job_output_support_per_unit, 10 * u(rng));
    set(q::QuoteInput::pricing_margin, -0.2 + 0.5 * u(rng));
    set(q::QuoteInput::atelier_annual_overheads, 80000 * u(rng));
    set(q::QuoteInput::atelier_aid_modulation_share, 0.1 * u(rng));
    set(q::QuoteInput::atelier_other_grants, 20000 * u(rng));
    set(q::QuoteInput::atelier_market_hourly_price, 40 + 40 * u(rng));
    set(q::QuoteInput::atelier_market_floor_hourly_price, 30 + 10 * u(rng));  // never above the market price
    set(q::QuoteInput::atelier_ordinary_hourly_cost, 20 + 20 * u(rng));
    set(q::QuoteInput::crew_headcount_scale, 0.5 + u(rng));
    set(q::QuoteInput::crew_weekly_hours, 24 + 11 * u(rng));  // the RSA FTEs stay within the filled FTEs
    set(q::QuoteInput::crew_absence, 0.1 * u(rng));
    set(q::QuoteInput::crew_training, 0.1 * u(rng));
    set(q::QuoteInput::job_trips, static_cast<int>(20 * u(rng)));
    set(q::QuoteInput::job_km_per_trip, 60 * u(rng));
    set(q::QuoteInput::job_hours_per_trip, 1.5 * u(rng));
    set(q::QuoteInput::job_materials, 2000 * u(rng));
    set(q::QuoteInput::atelier_occupancy, 0.8 + 0.2 * u(rng));
    set(q::QuoteInput::atelier_aid_socle, 20000 + 5000 * u(rng));
    set(q::QuoteInput::crew_pay_scale, 1 + 0.3 * u(rng));
    set(q::QuoteInput::crew_employer_rate, 0.44 + 0.06 * u(rng));  // above the 2026 reduction's coefficient
    set(q::QuoteInput::permanent_pay_scale, 0.9 + 0.3 * u(rng));
  }
  return c;
}

TEST(QuoteBatch, NoInputSetIsComputeFiguresBitForBit) {
  const auto s = aci::io::default_scenario();
  for (const auto& job : s.jobs) {
    const auto base = q::QuoteBase::of(s.aci, job, s.rate_table(), s.pricing);
    q::QuoteColumns none;
    none.scenarios = 1;
    const auto f = q::quote_scenario(base, none, 0);
    const auto g = q::compute_figures<double>(s.aci, job, s.rate_table(), s.pricing);
    for (std::size_t m = 0; m < q::quote_output_count; ++m)
      EXPECT_EQ(q::output_of(f, static_cast<q::QuoteOutput>(m)),
                q::output_of<double>(g, static_cast<q::QuoteOutput>(m)))
          << job.name << " " << q::quote_output_specs[m].name;
  }
}

TEST(QuoteBatch, EqualsTheSinglePathBitForBitForAnySizeInputsAndPolicy) {
  auto s = aci::io::default_scenario();
  for (int policy = 0; policy < 3; ++policy) {
    s.pricing.policy = static_cast<q::PricePolicy>(policy);
    const auto base = q::QuoteBase::of(s.aci, s.jobs[0], s.rate_table(), s.pricing);
    for (std::size_t n : {1u, 7u, 16u, 33u, 100u}) {
      const auto cols = random_columns(n * 10 + static_cast<std::size_t>(policy), n);
      // Every subset pattern: all inputs, none but the job's, only crew inputs.
      for (int pattern = 0; pattern < 3; ++pattern) {
        q::QuoteColumns in;
        in.scenarios = n;
        for (std::size_t k = 0; k < q::quote_input_count; ++k) {
          const bool staff = q::quote_input_specs[k].staff != 0;
          if (pattern == 0 || (pattern == 1 && k < 7) || (pattern == 2 && staff)) in.input[k] = cols[k].data();
        }
        std::vector<std::vector<double>> out(q::quote_output_count, std::vector<double>(n));
        q::QuoteOutputColumns oc{};
        for (std::size_t m = 0; m < q::quote_output_count; ++m) oc[m] = out[m].data();
        q::run_quote_batch(base, in, 0, n, oc);
        for (std::size_t i = 0; i < n; ++i) {
          const auto f = q::quote_scenario(base, in, i);
          for (std::size_t m = 0; m < q::quote_output_count; ++m)
            ASSERT_EQ(out[m][i], q::output_of(f, static_cast<q::QuoteOutput>(m)))
                << "policy " << policy << " n " << n << " pattern " << pattern << " scenario " << i << " "
                << q::quote_output_specs[m].name;
        }
      }
    }
  }
}

TEST(QuoteBatch, EachInputEntersAsTheModelsField) {
  // Setting input k in the reduced model gives the quote of the model whose field is set to the
  // same value (computed by compute_figures<double>), to 1e-12 relative: the same quantity.
  const auto s0 = aci::io::default_scenario();
  const auto base = q::QuoteBase::of(s0.aci, s0.jobs[0], s0.rate_table(), s0.pricing);
  const auto dec = [](double v) { return aci::decimal_from_double(v, "test"); };
  struct Case {
    q::QuoteInput k;
    double v;
  };
  const Case cases[] = {{q::QuoteInput::job_standard_hours, 123.5},
                        {q::QuoteInput::job_productivity, 0.55},
                        {q::QuoteInput::job_crew_size, 3},
                        {q::QuoteInput::job_supervisors, 2},
                        {q::QuoteInput::job_output_quantity, 8400},
                        {q::QuoteInput::job_output_support_per_unit, 0.25},
                        {q::QuoteInput::pricing_margin, 0.12},
                        {q::QuoteInput::atelier_annual_overheads, 30000},
                        {q::QuoteInput::atelier_aid_modulation_share, 0.07},
                        {q::QuoteInput::atelier_other_grants, 4000},
                        {q::QuoteInput::atelier_market_hourly_price, 61},
                        {q::QuoteInput::atelier_ordinary_hourly_cost, 29},
                        {q::QuoteInput::crew_headcount_scale, 1.25},
                        {q::QuoteInput::crew_weekly_hours, 30},
                        {q::QuoteInput::crew_absence, 0.07},
                        {q::QuoteInput::job_trips, 14},
                        {q::QuoteInput::job_km_per_trip, 22},
                        {q::QuoteInput::job_hours_per_trip, 0.75},
                        {q::QuoteInput::job_materials, 640},
                        {q::QuoteInput::atelier_occupancy, 0.85},
                        {q::QuoteInput::atelier_aid_socle, 24000},
                        {q::QuoteInput::crew_pay_scale, 1.1},
                        {q::QuoteInput::crew_employer_rate, 0.44},
                        {q::QuoteInput::permanent_pay_scale, 1.15},
                        {q::QuoteInput::crew_training, 0.08},
                        {q::QuoteInput::atelier_market_floor_hourly_price, 36.5}};
  ASSERT_EQ(std::size(cases), q::quote_input_count);
  for (const auto& c : cases) {
    auto s = s0;
    auto job = s.jobs[0];
    auto& at = s.aci.ateliers[0];
    auto table = s.rate_table();
    const auto each_crew = [&](auto&& f) {
      for (auto& g : at.staff)
        if (g.role == aci::people::Role::integration) f(g);
    };
    // A pay scaled by x: a SMIC group becomes an hourly one at SMIC x x (the kernel scales the pay
    // it read, the SMIC at the job's date for such a group).
    const auto scale_pay = [&](aci::people::StaffGroup& g, double x) {
      if (g.pay_basis == aci::people::PayBasis::smic) {
        g.pay_basis = aci::people::PayBasis::hourly;
        g.pay = aci::Money(table.in_force(aci::rates::Rate::smic_hourly, job.date).value);
      }
      g.pay = aci::Money(g.pay.amount() * dec(x));
    };
    switch (c.k) {
      case q::QuoteInput::job_standard_hours:
        job.standard_hours = dec(c.v);
        job.drivers.clear();
        break;
      case q::QuoteInput::job_productivity:
        job.productivity = dec(c.v);
        break;
      case q::QuoteInput::job_crew_size:
        job.crew_size = dec(c.v);
        break;
      case q::QuoteInput::job_supervisors:
        job.supervisors = dec(c.v);
        break;
      case q::QuoteInput::job_output_quantity:
        job.output.quantity = dec(c.v);
        job.output.unit = "m2";
        break;
      case q::QuoteInput::job_output_support_per_unit:
        job.output.support_per_unit = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::pricing_margin:
        s.pricing.margin = dec(c.v);
        break;
      case q::QuoteInput::atelier_annual_overheads:
        at.annual_overheads = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::atelier_aid_modulation_share:
        at.subsidies.aid_modulation_share = dec(c.v);
        break;
      case q::QuoteInput::atelier_other_grants:
        at.subsidies.other_grants_annual = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::atelier_market_hourly_price:
        at.market_hourly_price = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::atelier_market_floor_hourly_price:
        at.market_floor_hourly_price = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::atelier_ordinary_hourly_cost:
        at.ordinary_hourly_cost = aci::Money(dec(c.v));
        break;
      case q::QuoteInput::crew_headcount_scale:
        each_crew([&](auto& g) { g.headcount *= dec(c.v); });
        at.subsidies.rsa_fte *= dec(c.v);
        break;
      case q::QuoteInput::crew_weekly_hours:
        each_crew([&](auto& g) { g.weekly_hours = dec(c.v); });
        break;
      case q::QuoteInput::crew_absence:
        each_crew([&](auto& g) { g.hours.absence = dec(c.v); });
        break;
      case q::QuoteInput::crew_training:
        each_crew([&](auto& g) { g.hours.training = dec(c.v); });
        break;
      case q::QuoteInput::job_trips:
        job.travel.trips = dec(c.v);
        break;
      case q::QuoteInput::job_km_per_trip:
        job.travel.km_per_trip = dec(c.v);
        break;
      case q::QuoteInput::job_hours_per_trip:
        job.travel.hours_per_trip = dec(c.v);
        break;
      case q::QuoteInput::job_materials:
        job.materials = {aci::model::Material{"all", aci::Money(dec(c.v))}};
        break;
      case q::QuoteInput::atelier_occupancy:
        at.occupancy = dec(c.v);
        break;
      case q::QuoteInput::atelier_aid_socle: {  // the socle in force at the job's date, replaced
        auto e = table.in_force(aci::rates::Rate::aide_au_poste_socle, job.date);
        e.effective = job.date;
        e.value = dec(c.v);
        table.set(e);
        break;
      }
      case q::QuoteInput::crew_pay_scale:
        each_crew([&](auto& g) { scale_pay(g, c.v); });
        break;
      case q::QuoteInput::crew_employer_rate:
        each_crew([&](auto& g) { g.employer_rate = dec(c.v); });
        break;
      case q::QuoteInput::permanent_pay_scale:
        for (auto& g : at.staff)
          if (g.role != aci::people::Role::integration) scale_pay(g, c.v);
        break;
    }
    const auto expected = q::compute_figures<double>(s.aci, job, table, s.pricing);
    std::vector<double> col(1, c.v);
    q::QuoteColumns in;
    in.scenarios = 1;
    in.input[static_cast<std::size_t>(c.k)] = col.data();
    const auto got = q::quote_scenario(base, in, 0);
    for (std::size_t m = 0; m < q::quote_output_count; ++m) {
      const double e = q::output_of<double>(expected, static_cast<q::QuoteOutput>(m));
      EXPECT_NEAR(q::output_of(got, static_cast<q::QuoteOutput>(m)), e, 1e-12 * (std::abs(e) + 1))
          << q::quote_input_specs[static_cast<std::size_t>(c.k)].name << " -> " << q::quote_output_specs[m].name;
    }
  }
}

TEST(QuoteBatch, BadScenariosAreNamedWithTheirIndex) {
  const auto s = aci::io::default_scenario();
  const auto base = q::QuoteBase::of(s.aci, s.jobs[0], s.rate_table(), s.pricing);
  std::vector<double> prod(40, 0.6), absence(40, 0.05), out(40);
  prod[37] = 1.5;  // outside (0, 1]
  q::QuoteColumns in;
  in.scenarios = 40;
  in.first_scenario = 1000;
  in.input[static_cast<std::size_t>(q::QuoteInput::job_productivity)] = prod.data();
  q::QuoteOutputColumns oc{};
  oc[0] = out.data();
  try {
    q::run_quote_batch(base, in, 0, 40, oc);
    FAIL() << "expected InvalidInput";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "job.productivity[1037]");
    EXPECT_EQ(e.rule(), "must be in [0.01, 1]");  // the job model's own domain
  }
  prod[37] = 0.6;
  absence[5] = 0.9;  // with the default's other shares, no production left
  in.input[static_cast<std::size_t>(q::QuoteInput::crew_absence)] = absence.data();
  try {
    q::run_quote_batch(base, in, 0, 40, oc);
    FAIL() << "expected InvalidInput";
  } catch (const aci::InvalidInput& e) {
    EXPECT_NE(e.field().find("quote scenario 1005"), std::string::npos) << e.what();
    EXPECT_NE(e.field().find(".hours"), std::string::npos) << e.what();
  }
}

}  // namespace
