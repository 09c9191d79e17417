// The quote engine and the shown quote.
#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/inputs.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/quote/social_clause.hpp"
#include "descriptor_rows.hpp"
#include "enums.hpp"
#include "record.hpp"

namespace aci::python {

void bind_quote(py::module_& m) {
  using namespace aci::quote;
  Record<Line>(m, "Line", "A labelled amount.")
      .field("key", &Line::key, "stable key")
      .field("amount", &Line::amount, "€, whole cents")
      .done();
  Record<Price>(m, "Price", "The price under the chosen policy.")
      .field("policy", &Price::policy, "how it was set")
      .field_if(
          "coefficient_k", &Price::coefficient_k,
          [](const Price& p) { return p.policy == PricePolicy::ds_coefficient; },
          "K used (ds_coefficient policy), else None")
      .field("ht", &Price::ht, "€ excl. VAT")
      .field("vat_rate", &Price::vat_rate, "VAT share")
      .field("vat", &Price::vat, "€")
      .field("ttc", &Price::ttc, "€ incl. VAT")
      .field("vat_exempt", &Price::vat_exempt, "no VAT invoiced (non-profit under the franchise)")
      .field("vat_article", &Price::vat_article, "the article the VAT rate rests on ('CGI art. 278'), when not exempt")
      .field("vat_mention", &Price::vat_mention, "the legal wording the invoice carries when exempt")
      .done();
  Record<PriceBounds>(m, "PriceBounds", "What the price should be read against.")
      .field("market_floor", &PriceBounds::market_floor, "below it: unfair competition risk")
      .field("market_price", &PriceBounds::market_price, "aligned on the market")
      .field("full_cost", &PriceBounds::full_cost, "all costs")
      .field("net_cost", &PriceBounds::net_cost, "full cost less subsidies")
      .field("overcompensation_ceiling", &PriceBounds::overcompensation_ceiling,
             "full cost x (1 + reasonable profit) - subsidies - output revenue: above it, over-compensation")
      .done();
  Record<SalesCap>(m, "SalesCap", "The atelier against the D5132-34 cap.")
      .field("cap_share", &SalesCap::cap_share, "0.30, up to 0.50 by derogation")
      .field("annual_charges", &SalesCap::annual_charges, "€/year")
      .field("cap", &SalesCap::cap, "€/year")
      .field("annual_sales", &SalesCap::annual_sales, "€/year")
      .field("headroom", &SalesCap::headroom, "cap - sales, €")
      .done();
  Record<InsertionStatement>(m, "InsertionStatement", "The integration work in the job, for the client.")
      .field("insertion_hours", &InsertionStatement::insertion_hours,
             "h worked by integration employees (site + travel)")
      .field("on_site_hours", &InsertionStatement::on_site_hours, "of which on site, h")
      .field("travel_hours", &InsertionStatement::travel_hours, "of which travelling, h")
      .field("paid_insertion_hours", &InsertionStatement::paid_insertion_hours, "their paid hours, h")
      .field("people", &InsertionStatement::people, "integration employees on the job")
      .field("supervision_hours", &InsertionStatement::supervision_hours, "ETPS hours")
      .field("training_hours", &InsertionStatement::training_hours, "training hours in the job")
      .field("price_production_part", &InsertionStatement::price_production_part, "€ of the price paying production")
      .field("price_integration_part", &InsertionStatement::price_integration_part, "€ paying the integration mission")
      .done();
  Record<Warning>(m, "Warning", "A warning about the price.")
      .field("code", &Warning::code, "e.g. below_market_floor, above_market_price, sales_cap (docs/cost_model.md)")
      .field("message", &Warning::message, "a sentence for the user")
      .done();
  Record<UnitFigures>(m, "UnitFigures", "The quote per unit of output (exact total / units sold, to the cent).")
      .field("kind", &UnitFigures::kind, "'service' or 'goods'")
      .field("unit", &UnitFigures::unit, "the unit")
      .field("quantity", &UnitFigures::quantity, "units produced")
      .field("sold", &UnitFigures::sold, "units sold (after losses)")
      .field("full_cost", &UnitFigures::full_cost, "€ per unit sold")
      .field("net_cost", &UnitFigures::net_cost, "€ per unit sold")
      .field("price_ht", &UnitFigures::price_ht, "€ excl. VAT per unit sold")
      .field("market_price", &UnitFigures::market_price, "market price per unit, or None")
      .done();
  Record<Quote>(m, "Quote", "The shown quote of one job: every amount to the cent.")
      .field("job", &Quote::job, "job name")
      .field("atelier", &Quote::atelier, "atelier name")
      .field("date", &Quote::date, "quote date")
      .field("scalar", &Quote::scalar, "'decimal' or 'double'")
      .field("standard_hours", &Quote::standard_hours, "work content, h")
      .field("productivity", &Quote::productivity, "relative productivity used")
      .field("cost_lines", &Quote::cost_lines, "list of Line, adding up to full_cost")
      .field("full_cost", &Quote::full_cost, "€")
      .field("production_cost", &Quote::production_cost, "€: an ordinary firm's cost")
      .field("insertion_extra_cost", &Quote::insertion_extra_cost, "€: full - production (top-down)")
      .field("extra_lines", &Quote::extra_lines, "list of Line: bottom-up insertion extra cost")
      .field("extra_bottom_up", &Quote::extra_bottom_up, "€: sum of extra_lines")
      .field("marginal_cost", &Quote::marginal_cost, "€: what the job adds to the year")
      .field("subsidies", &Quote::subsidies, "list of Line, one per financer")
      .field("subsidies_total", &Quote::subsidies_total, "€")
      .field("output_revenue", &Quote::output_revenue, "€: revenue tied to output besides the sale")
      .field("net_cost", &Quote::net_cost, "€: full - subsidies - output revenue")
      .field("per_unit", &Quote::per_unit, "UnitFigures")
      .field("price", &Quote::price, "Price")
      .field("bounds", &Quote::bounds, "PriceBounds")
      .field("sales_cap", &Quote::sales_cap, "SalesCap")
      .field("insertion", &Quote::insertion, "InsertionStatement")
      .field("warnings", &Quote::warnings, "list of Warning")
      .field("rates_used", &Quote::rates_used, "list of RateEntry used, with sources")
      .done()
      .def(
          "to_json", [](const Quote& q, int indent) { return io::to_json(q).dump(indent); }, py::arg("indent") = -1,
          "The quote as JSON (amounts as strings to the cent).")
      .def_static(
          "from_json", [](const std::string& s) { return io::quote_from_json(io::parse_json(s)); }, py::arg("text"),
          "A quote from its JSON.");

  m.def(
      "make_quote",
      [](const model::Aci& aci, const model::Job& job, const rates::RateTable& table, const PricingOptions& pricing,
         const std::string& scalar) {
        if (scalar == "decimal") return make_quote<Decimal>(aci, job, table, pricing);
        if (scalar == "double") return make_quote<double>(aci, job, table, pricing);
        throw InvalidInput("scalar", "'" + scalar + "'", "expected 'decimal' or 'double'");
      },
      py::arg("aci"), py::arg("job"), py::arg("rates"), py::arg("pricing"), py::arg("scalar") = "decimal",
      "Prices a job: the engine on the chosen scalar, rounded to the cent.");
  m.def(
      "allocate_structure",
      [](const model::Aci& aci, const rates::RateTable& table, py::handle date, const std::string& rounding) {
        return allocate_structure(aci, table, Conv<Date>::from(date, "date"),
                                  Conv<Rounding>::from(py::str(rounding), "rounding"));
      },
      py::arg("aci"), py::arg("rates"), py::arg("date"), py::arg("rounding") = "half_away_from_zero",
      "The ACI's structure allocated to its ateliers (the ateliers' work hours at `date`), to the cent.");
  m.def(
      "structure_charges",
      [](const model::Aci& aci, const rates::RateTable& table, py::handle date, const std::string& rounding) {
        return Conv<std::vector<Money>>::to(structure_charges(aci, table, Conv<Date>::from(date, "date"),
                                                              Conv<Rounding>::from(py::str(rounding), "rounding")));
      },
      py::arg("aci"), py::arg("rates"), py::arg("date"), py::arg("rounding") = "half_away_from_zero",
      "What each atelier receives of the structure, €/year, in atelier order.");

  Record<SocialClause>(m, "SocialClause", "A clause sociale against what a job delivers.")
      .field("required_hours", &SocialClause::required_hours, "h the clause requires")
      .field("delivered_hours", &SocialClause::delivered_hours, "h the job delivers")
      .field("covered", &SocialClause::covered, "delivered >= required")
      .done();
  m.def(
      "check_social_clause",
      [](py::handle amount, py::handle labour_share, py::handle insertion_rate, py::handle hourly_cost,
         py::handle delivered) {
        return check_social_clause(Conv<Money>::from(amount, "social_clause.contract_amount"),
                                   Conv<Decimal>::from(labour_share, "social_clause.labour_share"),
                                   Conv<Decimal>::from(insertion_rate, "social_clause.insertion_rate"),
                                   Conv<Money>::from(hourly_cost, "social_clause.hourly_cost"),
                                   Conv<Decimal>::from(delivered, "social_clause.delivered_hours"));
      },
      py::arg("contract_amount"), py::arg("labour_share"), py::arg("insertion_rate"), py::arg("hourly_cost"),
      py::arg("delivered_hours") = 0,
      "Hours required by a clause sociale: amount x labour share x insertion rate / hourly cost.");
  m.def(
      "quote_input_table",
      [] {
        return model_input_rows(quote::quote_input_specs, [](py::dict& r, const quote::QuoteInputSpec& s) {
          r["name"] = s.name;
          r["staff"] = s.staff;
        });
      },
      "The quote model's sweepable inputs (its descriptor table): one dict per input.");
  m.def(
      "quote_output_table",
      [] {
        py::list rows;
        for (const auto& s : quote::quote_output_specs)
          rows.append(py::dict(py::arg("name") = s.name, py::arg("unit") = s.unit, py::arg("doc") = s.doc));
        return rows;
      },
      "The quote model's per-scenario outputs: one dict per output.");
}

}  // namespace aci::python
