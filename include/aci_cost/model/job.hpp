// aci::model::Job: a prestation for a client — what is priced (the quote engine prices it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/model/output.hpp"
#include "aci_cost/model/time_equation.hpp"
#include "aci_cost/people/staff.hpp"

namespace aci::model {

/// A work driver turned into standard hours by a time equation: quantity x hours per unit.
struct Driver {
  std::string name;          ///< e.g. "lawn m2", "hedge m"
  Decimal quantity{0};       ///< units of the driver
  Decimal hours_per_unit{0}; ///< standard hours per unit (an ordinary trained worker), h
  friend bool operator==(const Driver&, const Driver&) = default;
};

/// Materials bought for the job, charged at cost.
struct Material {
  std::string name;  ///< e.g. "mulch"
  Money amount;      ///< €, excl. VAT
  friend bool operator==(const Material&, const Material&) = default;
};

/// Hours of a piece of equipment priced in the atelier's equipment rates.
struct EquipmentUse {
  std::string name;  ///< an Atelier::equipment name
  Decimal hours{0};  ///< h
  friend bool operator==(const EquipmentUse&, const EquipmentUse&) = default;
};

/// Trips between the base and the site.
struct Travel {
  Decimal trips{0};          ///< round trips
  Decimal km_per_trip{0};    ///< km per round trip
  Decimal hours_per_trip{0}; ///< h per round trip (paid time of crew and supervisors)
  friend bool operator==(const Travel&, const Travel&) = default;
};

/// The kind of work, for its VAT rate (CGI; rates from the rate table).
enum class VatKind {
  standard,            ///< standard rate (20 %), green-space works included (CGI art. 279-0 bis 2 bis)
  housing_renovation,  ///< works on housing over two years old (10 %, CGI art. 279-0 bis)
  home_services,       ///< services à la personne of the reduced list (10 %, CGI art. 279 i); small
                       ///< gardening is not in it since décret n° 2013-510 (20 %)
  food,                ///< food products: market-gardening produce (5.5 %, CGI art. 278-0 bis A-1°)
  energy_renovation,   ///< energy renovation of housing (5.5 %, CGI art. 278-0 bis A)
};

/// A job quoted to a client.
struct Job {
  std::string name;                       ///< the job's name (unique in a scenario)
  std::string client;                     ///< the client's name (may be empty)
  std::string atelier = "green_spaces";   ///< atelier name, or its production support
  Date date{2026, 3, 1};                  ///< quote date: the rates in force at it are used
  Decimal standard_hours{0};              ///< work content in standard hours (ordinary worker), h
  std::vector<Driver> drivers;            ///< more work content from drivers x unit times
  std::vector<EquationUse> work;          ///< more work content from the atelier's time equations
  std::optional<Decimal> productivity;    ///< relative productivity (0, 1] per production hour; default the atelier's
  Decimal crew_size{1};                   ///< integration employees working on the job
  Decimal supervisors{1};                 ///< ETPS on site with the crew
  Travel travel;                          ///< trips to the site
  std::vector<Material> materials;        ///< materials at cost
  std::vector<EquipmentUse> equipment;    ///< equipment hours
  VatKind vat_kind = VatKind::standard;   ///< kind of work: its VAT rate at the date
  std::optional<Decimal> vat_rate;        ///< explicit VAT share, replacing the kind's rate
  bool adds_paid_hours = false;           ///< the job needs hours beyond the atelier's year (extra
                                          ///< contracts, overtime): its labour is marginal
  Output output;                          ///< what it produces, in its unit (default: its standard hours)

  /// Standard hours including drivers, h (the time equations' hours are the atelier's to add:
  /// model::equation_hours).
  Decimal total_standard_hours() const {
    Decimal h = standard_hours;
    for (const auto& d : drivers) h += d.quantity * d.hours_per_unit;
    return h;
  }

  /// InvalidInput with the path "job[<name>].<field>" on any bad field.
  void validate() const {
    // Paths are built only when a check fails (no message for valid input).
    const auto p = [this] { return "job[" + name + "]"; };
    ACI_COST_REQUIRE(!name.empty(), "job.name", "\"\"", "must not be empty");
    ACI_COST_REQUIRE(date.valid(), p() + ".date", date.to_string(), "not a calendar date");
    ACI_COST_REQUIRE(standard_hours >= 0, p() + ".standard_hours", to_string(standard_hours), "must be >= 0");
    for (std::size_t i = 0; i < drivers.size(); ++i) {
      const auto dp = [&] { return p() + ".drivers[" + std::to_string(i) + "]"; };
      ACI_COST_REQUIRE(drivers[i].quantity >= 0, dp() + ".quantity", to_string(drivers[i].quantity), "must be >= 0");
      ACI_COST_REQUIRE(drivers[i].hours_per_unit >= 0, dp() + ".hours_per_unit", to_string(drivers[i].hours_per_unit),
              "must be >= 0");
    }
    ACI_COST_REQUIRE(total_standard_hours() > 0 || !work.empty(), p() + ".standard_hours", to_string(total_standard_hours()),
            "the work content (standard hours + drivers + time equations) must be > 0");
    ACI_COST_REQUIRE(total_standard_hours() <= max_job_hours, p() + ".standard_hours", to_string(total_standard_hours()),
            "the work content (standard hours + drivers) must be <= 10000000 h");
    if (productivity) {
      ACI_COST_REQUIRE(*productivity >= min_productivity() && *productivity <= 1, p() + ".productivity",
              to_string(*productivity), "must be in [0.01, 1]");
    }
    ACI_COST_REQUIRE(crew_size > 0 && crew_size <= people::max_people, p() + ".crew_size", to_string(crew_size),
                     "must be in (0, 10000] persons");
    ACI_COST_REQUIRE(supervisors >= 0 && supervisors <= people::max_people, p() + ".supervisors", to_string(supervisors),
                     "must be in [0, 10000] persons");
    ACI_COST_REQUIRE(travel.trips >= 0 && travel.trips <= max_trips, p() + ".travel.trips", to_string(travel.trips),
                     "must be in [0, 100000]");
    ACI_COST_REQUIRE(travel.km_per_trip >= 0 && travel.km_per_trip <= max_km_per_trip, p() + ".travel.km_per_trip",
                     to_string(travel.km_per_trip), "must be in [0, 10000] km");
    ACI_COST_REQUIRE(travel.hours_per_trip >= 0 && travel.hours_per_trip <= max_hours_per_trip, p() + ".travel.hours_per_trip",
                     to_string(travel.hours_per_trip), "must be in [0, 1000] h");
    for (std::size_t i = 0; i < materials.size(); ++i) {
      ACI_COST_REQUIRE(materials[i].amount >= Money(), p() + ".materials[" + std::to_string(i) + "].amount",
              materials[i].amount.to_string(), "must be >= 0");
    }
    for (std::size_t i = 0; i < equipment.size(); ++i) {
      ACI_COST_REQUIRE(equipment[i].hours >= 0 && equipment[i].hours <= max_job_hours,
              p() + ".equipment[" + std::to_string(i) + "].hours", to_string(equipment[i].hours),
              "must be in [0, 10000000] h");
    }
    if (vat_rate) {
      ACI_COST_REQUIRE(*vat_rate >= 0 && *vat_rate < 1, p() + ".vat_rate", to_string(*vat_rate), "must be a share in [0, 1)");
    }
    output.validate(p);
  }

  friend bool operator==(const Job&, const Job&) = default;
};

}  // namespace aci::model
