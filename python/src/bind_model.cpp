// The inputs: staff groups, ateliers, the ACI, jobs and pricing options.
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "enums.hpp"
#include "keys.hpp"
#include "record.hpp"

namespace aci::python {

void bind_model(py::module_& m) {
  using people::HoursSplit;
  using people::StaffGroup;
  Record<HoursSplit>(m, "HoursSplit", "Shares of paid hours that are not production (each 0-1).")
      .field("training", &HoursSplit::training, "planned training, share of paid hours")
      .field("accompaniment", &HoursSplit::accompaniment, "socio-professional accompaniment, share")
      .field("meetings", &HoursSplit::meetings, "meetings, share")
      .field("leave", &HoursSplit::leave, "paid leave, share")
      .field("bank_holidays", &HoursSplit::bank_holidays, "bank holidays, share")
      .field("absence", &HoursSplit::absence, "absence the employer pays, share of paid hours")
      .computed("production", [](const HoursSplit& h) { return Conv<Decimal>::to(h.production()); },
                "production share = 1 - the others")
      .done()
      .def("validate", [](const HoursSplit& h) { h.validate("hours"); });

  Record<StaffGroup>(m, "StaffGroup", "A group of people with the same contract, pay and hours.")
      .field("name", &StaffGroup::name, "e.g. 'CDDI crew'")
      .field("role", &StaffGroup::role, "'integration', 'supervisor', 'socio_professional' or 'support'")
      .field("headcount", &StaffGroup::headcount, "persons (fractional allowed)")
      .field("weekly_hours", &StaffGroup::weekly_hours, "contract hours per person, h/week")
      .field("pay_basis", &StaffGroup::pay_basis, "'smic', 'hourly' or 'monthly'")
      .field("pay", &StaffGroup::pay, "€/h (hourly) or €/month (monthly)")
      .field("contribution_mode", &StaffGroup::contribution_mode, "'rate' or 'legal_reduction'")
      .field("employer_rate", &StaffGroup::employer_rate, "employer contribution rate (before reduction in legal mode)")
      .field("per_head_annual_cost", &StaffGroup::per_head_annual_cost, "€/person/year")
      .field("hours", &StaffGroup::hours, "HoursSplit")
      .field("unpaid_absence", &StaffGroup::unpaid_absence, "absence the employer does not pay, share of contract hours [0, 1)")
      .field("hours_derogation", &StaffGroup::hours_derogation, "CDDI under 20 h/week by derogation (L5132-15-1)")
      .done()
      .def("validate", [](const StaffGroup& g) { g.validate("staff[" + g.name + "]"); });

  using model::Atelier;
  using model::EquipmentRate;
  using model::Subsidies;
  Record<EquipmentRate>(m, "EquipmentRate", "An hourly rate for a piece of equipment.")
      .field("name", &EquipmentRate::name, "the name jobs use")
      .field("hourly_rate", &EquipmentRate::hourly_rate, "€/h")
      .field("annual_hours", &EquipmentRate::annual_hours, "h of use in the year [est]")
      .done();
  Record<Subsidies>(m, "Subsidies", "What funds an atelier besides sales.")
      .field("aide_au_poste", &Subsidies::aide_au_poste, "the State aid per integration FTE is received")
      .field("aid_modulation_share", &Subsidies::aid_modulation_share, "modulated part, share of the socle (0-0.10)")
      .field("rsa_fte", &Subsidies::rsa_fte, "filled FTEs held by RSA recipients: the département's share of the aid")
      .field("departement_grants_annual", &Subsidies::departement_grants_annual, "€/year beyond the aid")
      .field("region_annual", &Subsidies::region_annual, "€/year")
      .field("fse_plus_annual", &Subsidies::fse_plus_annual, "€/year")
      .field("opco_annual", &Subsidies::opco_annual, "€/year")
      .field("other_grants_annual", &Subsidies::other_grants_annual, "€/year")
      .done();
  Record<Atelier>(m, "Atelier", "One workshop of an ACI on one production support.")
      .field("name", &Atelier::name, "name")
      .field("support", &Atelier::support, "production support id")
      .field("staff", &Atelier::staff, "list of StaffGroup")
      .field("annual_overheads", &Atelier::annual_overheads, "€/year")
      .field("annual_other_charges", &Atelier::annual_other_charges, "€/year")
      .field("equipment", &Atelier::equipment, "list of EquipmentRate")
      .field("time_equations", &Atelier::time_equations, "list of TimeEquation (jobs' work)")
      .field("vehicle_cost_per_km", &Atelier::vehicle_cost_per_km, "€/km")
      .field("annual_vehicle_km", &Atelier::annual_vehicle_km, "km a year [est]")
      .field("occupancy", &Atelier::occupancy, "share of integration posts filled (0, 1] [est]")
      .field("subsidies", &Atelier::subsidies, "Subsidies")
      .field("annual_sales", &Atelier::annual_sales, "€/year excl. VAT sold or booked")
      .field("sales_cap_share", &Atelier::sales_cap_share, "D5132-34 cap: 0.30, up to 0.50 by derogation")
      .field("default_productivity", &Atelier::default_productivity, "relative productivity per production hour (0, 1] [est]")
      .field("market_hourly_price", &Atelier::market_hourly_price, "€/h excl. VAT [pub]")
      .field("market_floor_hourly_price", &Atelier::market_floor_hourly_price, "€/h excl. VAT [pub]")
      .field("ordinary_hourly_cost", &Atelier::ordinary_hourly_cost, "ordinary firm's cost per standard hour [est]")
      .field("ordinary_supervision_ratio", &Atelier::ordinary_supervision_ratio, "ordinary firm's supervisor h per standard h [est]")
      .done();

  using model::Structure;
  Record<Structure>(m, "Structure", "What the ateliers share: support cost centres, the year's charges and their keys.")
      .field("method", &Structure::method, "'single_key', 'direct', 'step_down' or 'reciprocal'")
      .field("centres", &Structure::centres, "list of allocation.Centre (support centres)")
      .field("charges", &Structure::charges, "list of allocation.Charge, keyed over support centres and ateliers")
      .field("drivers", &Structure::drivers, "list of allocation.CostDriver")
      .field("services", &Structure::services, "list of allocation.Service, one per support centre")
      .field("step_order", &Structure::step_order, "support centres in step-down order (empty: as listed)")
      .done()
      .def("empty", &Structure::empty, "True when there is nothing to allocate.");

  using model::Identity;
  Record<Identity>(m, "Identity", "The ACI's legal identity printed on a client's quote; empty fields are not printed.")
      .field("siret", &Identity::siret, "SIRET: 14 digits passing the Luhn check ('' = unknown)")
      .field("legal_form", &Identity::legal_form, "e.g. 'Association loi 1901'")
      .field("address", &Identity::address, "postal address, lines separated by newlines")
      .field("email", &Identity::email, "contact e-mail")
      .field("phone", &Identity::phone, "contact telephone")
      .done()
      .def("empty", &Identity::empty, "True when no field is set.");

  using model::Aci;
  Record<Aci>(m, "Aci", "An Atelier et Chantier d'Insertion.")
      .field("name", &Aci::name, "name")
      .field("large_employer", &Aci::large_employer, "50 staff or more (FNAL 0.50 %)")
      .field("tax_status", &Aci::tax_status, "'vat_liable' or 'non_profit_exempt'")
      .field("custom_supports", &Aci::custom_supports, "user-defined production supports")
      .field("ateliers", &Aci::ateliers, "list of Atelier")
      .field("structure", &Aci::structure, "Structure shared by the ateliers (cost centres)")
      .field("identity", &Aci::identity, "Identity: SIRET, address, contact (printed on a client's quote)")
      .done()
      .def("validate", &Aci::validate, "ValueError naming the field and value on any bad input.");

  using model::Driver;
  using model::EquipmentUse;
  using model::Job;
  using model::Material;
  using model::Travel;
  Record<Driver>(m, "Driver", "Work content from a driver: quantity x standard hours per unit.")
      .field("name", &Driver::name, "e.g. 'lawn_mowing_m2'")
      .field("quantity", &Driver::quantity, "units")
      .field("hours_per_unit", &Driver::hours_per_unit, "standard hours per unit")
      .done();
  Record<Material>(m, "Material", "Materials charged at cost.")
      .field("name", &Material::name, "name")
      .field("amount", &Material::amount, "€ excl. VAT")
      .done();
  Record<EquipmentUse>(m, "EquipmentUse", "Hours of a piece of equipment.")
      .field("name", &EquipmentUse::name, "an Atelier equipment name")
      .field("hours", &EquipmentUse::hours, "h")
      .done();
  Record<Travel>(m, "Travel", "Round trips to the site.")
      .field("trips", &Travel::trips, "round trips")
      .field("km_per_trip", &Travel::km_per_trip, "km per round trip")
      .field("hours_per_trip", &Travel::hours_per_trip, "h per round trip")
      .done();
  using model::TimeEquation;
  Record<TimeEquation>(m, "TimeEquation", "Standard hours = constant + Σ coefficient x driver (indicators 0/1).")
      .field("name", &TimeEquation::name, "the name jobs use")
      .field("constant", &TimeEquation::constant, "standard hours of every occurrence")
      .field("terms", &TimeEquation::terms, "list of allocation.Term (driver, coefficient)")
      .field("source", &TimeEquation::source, "[est], or how it was fitted")
      .done();
  using model::EquationUse;
  Record<EquationUse>(m, "EquationUse", "count occurrences of an atelier's time equation with driver values.")
      .field("equation", &EquationUse::equation, "a TimeEquation name of the job's atelier")
      .field("count", &EquationUse::count, "occurrences")
      .field("drivers", &EquationUse::drivers, "dict {driver: value}")
      .done();
  using model::Output;
  Record<Output>(m, "Output", "What a job produces, in its unit: a service or goods.")
      .field("kind", &Output::kind, "'service' or 'goods'")
      .field("unit", &Output::unit, "h, m2, m, kg, tonne, basket, piece…")
      .field("quantity", &Output::quantity, "units produced (0: the standard hours, unit 'h')")
      .field("loss_share", &Output::loss_share, "goods: share produced but not sold [0, 1)")
      .field("market_unit_price", &Output::market_unit_price, "market price per unit sold, € excl. VAT, or None")
      .field("market_floor_unit_price", &Output::market_floor_unit_price, "low end of the market per unit, or None")
      .field("support_per_unit", &Output::support_per_unit, "revenue tied to output per unit produced, € [est]")
      .done();
  Record<Job>(m, "Job", "A job (prestation) quoted to a client.")
      .field("name", &Job::name, "unique name")
      .field("client", &Job::client, "client")
      .field("atelier", &Job::atelier, "atelier name or production support")
      .field("date", &Job::date, "quote date (rates in force at it)")
      .field("standard_hours", &Job::standard_hours, "work content, standard hours")
      .field("drivers", &Job::drivers, "list of Driver")
      .field("work", &Job::work, "list of EquationUse: work content from the atelier's time equations")
      .field("productivity", &Job::productivity, "relative productivity per production hour (0, 1], None = atelier default")
      .field("crew_size", &Job::crew_size, "integration employees on the job")
      .field("supervisors", &Job::supervisors, "ETPS on site")
      .field("travel", &Job::travel, "Travel")
      .field("materials", &Job::materials, "list of Material")
      .field("equipment", &Job::equipment, "list of EquipmentUse")
      .field("vat_kind", &Job::vat_kind, "'standard', 'housing_renovation', 'home_services', 'food' or 'energy_renovation'")
      .field("vat_rate", &Job::vat_rate, "explicit VAT share, None = the kind's rate at the date")
      .field("adds_paid_hours", &Job::adds_paid_hours, "the job adds paid hours: its labour is marginal")
      .field("output", &Job::output, "Output: what it produces, in its unit")
      .computed("total_standard_hours", [](const Job& j) { return Conv<Decimal>::to(j.total_standard_hours()); },
                "standard hours including drivers")
      .done()
      .def("validate", &Job::validate, "ValueError naming the field and value on any bad input.");

  using quote::PricingOptions;
  Record<PricingOptions>(m, "PricingOptions", "The pricing policy and its parameters.")
      .field("policy", &PricingOptions::policy, "'cost_plus', 'ds_coefficient' or 'market'")
      .field("margin", &PricingOptions::margin, "cost_plus margin on full cost [est]")
      .field("site_costs", &PricingOptions::site_costs, "FC, share of DS [est]")
      .field("overheads", &PricingOptions::overheads, "FG, share of the price [est]")
      .field("profit", &PricingOptions::profit, "B, share of the price [est]")
      .field("k_decimals", &PricingOptions::k_decimals, "decimals K is carried to")
      .field("rounding", &PricingOptions::rounding, "'half_away_from_zero' or 'half_even'")
      .computed("coefficient_k", [](const PricingOptions& p) { return Conv<Decimal>::to(p.coefficient_k()); },
                "K = (1 + fc) / (1 - fg - b), rounded")
      .done()
      .def("validate", [](const PricingOptions& p) { p.validate(); });
}

}  // namespace aci::python
