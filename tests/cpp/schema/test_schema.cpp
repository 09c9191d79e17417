// The field tables (schema/field.hpp) drive the JSON reader and writer and the domain checks:
// one description per field. These tests exercise the machinery on the scenario's structs.
#include <gtest/gtest.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/schema_json.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/schema/validate.hpp"

using aci::Decimal;
using aci::Money;

namespace {
template <class F>
std::string error_field(F&& f) {
  try {
    f();
  } catch (const aci::InvalidInput& e) {
    return e.field() + " = " + e.value() + ": " + e.rule();
  }
  return "no error";
}
}  // namespace

TEST(Schema, BoundsAreExactDecimalsAndOneTextForErrorsAndDocs) {
  // [0.01, 1]: 0.01 itself is valid, 0.0099999999999999999999 is not (no double in between).
  aci::model::Job j;
  j.name = "j";
  j.standard_hours = Decimal(1);
  j.productivity = Decimal("0.01");
  EXPECT_NO_THROW(j.validate());
  j.productivity = Decimal("0.0099999999999999999999");
  EXPECT_EQ(error_field([&] { j.validate(); }), "job[j].productivity = 0.0099999999999999999999: must be in [0.01, 1]");
  // The rule of a table row is the text the docs show.
  const auto b = aci::schema::bounds_of<aci::model::Job>(&aci::model::Job::crew_size);
  EXPECT_EQ(b.rule(), "must be in (0, 10000]");
  EXPECT_EQ(aci::schema::bounds("0", "", "[)").rule(), "must be >= 0");
  EXPECT_EQ(aci::schema::bounds("", "1", "(]").rule(), "must be <= 1");
  // As doubles, for the sweeps' descriptors: the nearest double of each end.
  const auto d = aci::schema::bounds_of<aci::model::Job>(&aci::model::Job::productivity).domain();
  EXPECT_EQ(d.low, 0.01);
  EXPECT_EQ(d.high, 1.0);
  EXPECT_FALSE(d.low_open);
  EXPECT_EQ(aci::schema::Bounds::parse("1e7"), 1e7);
  EXPECT_EQ(aci::schema::Bounds::parse("-0.5"), -0.5);
}

TEST(Schema, NestedRecordsAndListsAreCheckedWithTheirPath) {
  aci::model::Job j;
  j.name = "j";
  j.standard_hours = Decimal(1);
  j.travel.trips = Decimal(-1);
  EXPECT_EQ(error_field([&] { j.validate(); }), "job[j].travel.trips = -1: must be in [0, 100000]");
  j.travel.trips = Decimal(0);
  j.drivers = {{"lawn", Decimal(1), Decimal("0.1")}, {"hedge", Decimal(-2), Decimal("0.1")}};
  EXPECT_EQ(error_field([&] { j.validate(); }), "job[j].drivers[1].quantity = -2: must be >= 0");
  j.drivers.clear();
  j.materials = {{"mulch", Money::parse("-1")}};
  EXPECT_EQ(error_field([&] { j.validate(); }), "job[j].materials[0].amount = -1.00: must be >= 0");
}

TEST(Schema, JsonKeysComeFromTheTable) {
  using aci::io::json;
  aci::people::StaffGroup g;
  g.name = "ETPS";
  g.pay_basis = aci::people::PayBasis::monthly;
  g.pay = Money::parse("2300");
  // A dotted path is a key of a sub-object: pay.basis and pay.amount live in "pay".
  const json j = aci::io::write_object(g);
  EXPECT_EQ(j.at("pay").at("basis"), "monthly");
  EXPECT_EQ(j.at("pay").at("amount"), "2300.00");
  EXPECT_EQ(j.at("contributions").at("employer_rate"), 0.45);
  EXPECT_FALSE(j.contains("ccn_class"));  // quiet when empty
  aci::people::StaffGroup back;
  aci::io::read_object(j, "$.g", back);
  EXPECT_EQ(back, g);
  // SMIC pay writes no amount.
  g.pay_basis = aci::people::PayBasis::smic;
  EXPECT_FALSE(aci::io::write_object(g).at("pay").contains("amount"));
  // Unknown keys are refused at their path, at the top and in a sub-object; required keys too.
  json bad = j;
  bad["headcont"] = 1;
  EXPECT_EQ(error_field([&] { aci::io::read_object(bad, "$.g", back); }).substr(0, 24), "$.g.headcont = 1: unknow");
  bad = j;
  bad["pay"]["amout"] = "1";
  EXPECT_EQ(error_field([&] { aci::io::read_object(bad, "$.g", back); }).substr(0, 20), "$.g.pay.amout = \"1\":");
  bad = j;
  bad.erase("headcount");
  EXPECT_EQ(error_field([&] { aci::io::read_object(bad, "$.g", back); }), "$.g.headcount = missing: required field");
  bad = j;
  bad["role"] = "boss";
  EXPECT_EQ(error_field([&] { aci::io::read_object(bad, "$.g", back); }),
            "$.g.role = \"boss\": expected one of: integration, supervisor, socio_professional, support");
}

TEST(Schema, EnumNamesAreBesideTheirEnumAndChecked) {
  EXPECT_EQ(aci::schema::name_of(aci::people::PayBasis::monthly), "monthly");
  EXPECT_EQ(aci::schema::from_name<aci::people::PayBasis>("hourly"), aci::people::PayBasis::hourly);
  EXPECT_FALSE(aci::schema::from_name<aci::people::PayBasis>("weekly").has_value());
  // A value without a name is a broken invariant, reported, never read out of bounds.
  EXPECT_THROW((void)aci::schema::name_of(static_cast<aci::people::PayBasis>(7)), aci::DomainError);
}
