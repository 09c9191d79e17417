// The C++ twin of `python -m aci_cost quote`: quotes every job of a scenario (the embedded
// default, or the JSON file given as argument) and prints the cost lines, price and bounds.
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
  const auto table = s.rate_table();
  const auto row = [](std::string_view label, const aci::Money& m) {
    std::cout << "  " << std::left << std::setw(40) << label << std::right << std::setw(18) << m.format_fr() << "\n";
  };
  std::cout << s.aci.name << "\n";
  for (const auto& job : s.jobs) {
    const auto q = aci::quote::make_quote(s.aci, job, table, s.pricing);
    std::cout << "\nQuote: " << q.job << " (" << q.atelier << "), " << q.date.to_string() << "\n";
    for (const auto& l : q.cost_lines) row(l.key, l.amount);
    row("FULL COST", q.full_cost);
    row("production cost (ordinary firm)", q.production_cost);
    row("insertion extra cost", q.insertion_extra_cost);
    row("  bottom-up cross-check", q.extra_bottom_up);
    row("marginal cost", q.marginal_cost);
    for (const auto& l : q.subsidies) row("subsidy: " + l.key, l.amount);
    row("subsidies", q.subsidies_total);
    row("NET COST", q.net_cost);
    row("price HT (" + std::string(aci::quote::policy_name(q.price.policy)) + ")", q.price.ht);
    row("price TTC", q.price.ttc);
    row("market floor", q.bounds.market_floor);
    row("sales cap headroom", q.sales_cap.headroom);
    std::cout << "  insertion hours " << aci::to_string(q.insertion.insertion_hours) << ", training hours "
              << aci::to_string(q.insertion.training_hours) << "\n";
    for (const auto& w : q.warnings) std::cout << "  WARNING [" << w.code << "] " << w.message << "\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "quote_default: " << e.what() << "\n";
  return 2;
}
