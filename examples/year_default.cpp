// The C++ twin of `python -m aci_cost year`: the ACI's forecast year (income statement per
// atelier, the scenario's jobs placed in it) for the embedded default or a scenario file.
#include <aci_cost/aci_cost.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) try {
  aci::io::Scenario s = aci::io::default_scenario();
  if (argc > 1) {
    std::ifstream in(argv[1]);
    if (!in) throw std::runtime_error(std::string("cannot open ") + argv[1]);
    std::stringstream text;
    text << in.rdbuf();
    s = aci::io::read_scenario(text.str());
  }
  const aci::Date date = argc > 2 ? aci::Date::parse(argv[2], "date") : aci::Date{2026, 1, 1};
  const auto y = aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, date);
  const auto row = [](std::string_view label, const aci::Money& m) {
    std::cout << "  " << std::left << std::setw(40) << label << std::right << std::setw(18) << m.format_fr() << "\n";
  };
  std::cout << s.aci.name << ": the year at the rates of " << y.date.to_string() << "\n";
  for (const auto& a : y.ateliers) {
    std::cout << "\nAtelier " << a.atelier << "\n";
    for (const auto& l : a.charges) row(l.key, l.amount);
    row("TOTAL CHARGES", a.charges_total);
    for (const auto& l : a.products) row(l.key, l.amount);
    row("TOTAL PRODUCTS", a.products_total);
    row("RESULT", a.result);
    row("sales cap (D5132-34)", a.sales_cap.cap);
    for (const auto& j : a.jobs) row(j.job + ": price HT", j.price_ht);
    row("sales with every job won", a.sales_with_jobs);
    for (const auto& w : a.warnings) std::cout << "  WARNING [" << w.code << "] " << w.message << "\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "year_default: " << e.what() << "\n";
  return 2;
}
