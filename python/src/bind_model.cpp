// The inputs: staff groups, ateliers, the ACI, jobs and pricing options.
#include <optional>
#include <string>

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
      .described()
      .computed(
          "production", [](const HoursSplit& h) { return Conv<Decimal>::to(h.production()); },
          "production share = 1 - the others")
      .done()
      .def("validate", [](const HoursSplit& h) { h.validate("hours"); });

  Record<StaffGroup>(m, "StaffGroup", "A group of people with the same contract, pay and hours.")
      .described()
      .done()
      .def("validate", [](const StaffGroup& g) { g.validate("staff[" + g.name + "]"); });

  using model::Atelier;
  using model::EquipmentRate;
  using model::Subsidies;
  Record<EquipmentRate>(m, "EquipmentRate", "An hourly rate for a piece of equipment.").described().done();
  Record<Subsidies>(m, "Subsidies", "What funds an atelier besides sales.").described().done();
  Record<Atelier>(m, "Atelier", "One workshop of an ACI on one production support.").described().done();

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

  using model::Insurance;
  Record<Insurance>(m, "Insurance", "A professional insurance named on building works' devis and invoices (L243-2).")
      .described()
      .done()
      .def("empty", &Insurance::empty, "True when no insurer is named.");

  using model::Identity;
  Record<Identity>(m, "Identity", "The ACI's legal identity printed on a client's quote; empty fields are not printed.")
      .described()
      .done()
      .def("empty", &Identity::empty, "True when no field is set.");

  using model::Client;
  Record<Client>(m, "Client", "A client as printed on devis and invoices; its kind chooses the legal wording.")
      .described()
      .done();

  using model::Aci;
  Record<Aci>(m, "Aci", "An Atelier et Chantier d'Insertion.")
      .described()
      .done()
      .def("validate", &Aci::validate, "ValueError naming the field and value on any bad input.")
      .def(
          "client",
          [](const Aci& a, const std::string& client_name) -> std::optional<Client> {
            const Client* c = a.client(client_name);
            return c ? std::optional<Client>(*c) : std::nullopt;
          },
          py::arg("name"), "The client named `name` (a copy), or None.");

  using model::Driver;
  using model::EquipmentUse;
  using model::Job;
  using model::Material;
  using model::Travel;
  Record<Driver>(m, "Driver", "Work content from a driver: quantity x standard hours per unit.").described().done();
  Record<Material>(m, "Material", "Materials charged at cost.").described().done();
  Record<EquipmentUse>(m, "EquipmentUse", "Hours of a piece of equipment.").described().done();
  Record<Travel>(m, "Travel", "Round trips to the site.").described().done();
  using model::TimeEquation;
  Record<TimeEquation>(m, "TimeEquation", "Standard hours = constant + Σ coefficient x driver (indicators 0/1).")
      .described()
      .done();
  using model::EquationUse;
  Record<EquationUse>(m, "EquationUse", "count occurrences of an atelier's time equation with driver values.")
      .described()
      .done();
  using model::Terms;
  Record<Terms>(m, "Terms", "A job's devis validity, start and duration of the works, payment terms.")
      .described()
      .done();
  using model::ClauseTerms;
  Record<ClauseTerms>(m, "ClauseTerms",
                      "A contract's clause sociale: amount x labour share x insertion rate / hourly cost.")
      .described()
      .done();
  using model::Output;
  Record<Output>(m, "Output", "What a job produces, in its unit: a service or goods.").described().done();
  Record<Job>(m, "Job", "A job (prestation) quoted to a client.")
      .described()
      .computed(
          "total_standard_hours", [](const Job& j) { return Conv<Decimal>::to(j.total_standard_hours()); },
          "standard hours including drivers")
      .done()
      .def("validate", &Job::validate, "ValueError naming the field and value on any bad input.");

  using quote::PricingOptions;
  Record<PricingOptions>(m, "PricingOptions", "The pricing policy and its parameters.")
      .described()
      .computed(
          "coefficient_k", [](const PricingOptions& p) { return Conv<Decimal>::to(p.coefficient_k()); },
          "K = (1 + fc) / (1 - fg - b), rounded")
      .done()
      .def("validate", [](const PricingOptions& p) { p.validate(); });
}

}  // namespace aci::python
