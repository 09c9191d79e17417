// A multi-atelier ACI's structure under every method, side by side (the C++ twin of
// `python -m aci_cost allocate examples/multi_atelier.json --compare`), then the Ressourcerie's
// quote with its share of the structure. Argument: a scenario with aci.structure (default:
// examples/multi_atelier.json from the source tree).
#include <aci_cost/aci_cost.hpp>
#include <aci_cost/quote/structure.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) try {
  const std::string path = argc > 1 ? argv[1] : std::string(ACI_COST_SOURCE_DIR) + "/examples/multi_atelier.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream text;
  text << in.rdbuf();
  aci::io::Scenario s = aci::io::read_scenario(text.str());
  const auto table = s.rate_table();
  const aci::Date date = s.jobs.front().date;
  using M = aci::model::OverheadMethod;
  const std::pair<M, const char*> methods[] = {
      {M::single_key, "single key"}, {M::direct, "direct"}, {M::step_down, "step-down"}, {M::reciprocal, "reciprocal"}};
  std::cout << s.aci.name << ": each atelier's share of the structure (€/year)\n\n" << std::setw(18) << "";
  for (const auto& [m, name] : methods) std::cout << std::setw(16) << name;
  std::cout << "\n";
  std::vector<std::vector<aci::Money>> shares;
  for (const auto& [m, name] : methods) {
    aci::model::Aci aci = s.aci;
    aci.structure.method = m;
    shares.push_back(aci::quote::structure_charges(aci, table, date));
  }
  for (std::size_t i = 0; i < s.aci.ateliers.size(); ++i) {
    std::cout << std::left << std::setw(18) << s.aci.ateliers[i].name << std::right;
    for (const auto& col : shares) std::cout << std::setw(16) << col[i].to_string();
    std::cout << "\n";
  }
  for (const auto& job : s.jobs) {
    const auto q = aci::quote::make_quote(s.aci, job, table, s.pricing);
    std::cout << "\n"
              << q.job << " (" << q.atelier << "): full cost " << q.full_cost.format_fr() << ", price "
              << q.price.ht.format_fr() << " HT\n";
    for (const auto& l : q.cost_lines)
      if (l.key == "overheads") std::cout << "  overheads (own + structure): " << l.amount.format_fr() << "\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "allocate_structure: " << e.what() << "\n";
  return 2;
}
