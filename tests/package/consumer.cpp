// A consumer of the installed (or add_subdirectory'd) library: quotes the embedded default job
// and checks the cost lines add up to the full cost to the cent.
#include <aci_cost/aci_cost.hpp>

#include <iostream>

int main() {
  const auto s = aci::io::default_scenario();
  const auto q = aci::quote::make_quote(s.aci, s.jobs.at(0), s.rate_table(), s.pricing);
  aci::Money sum;
  for (const auto& l : q.cost_lines) sum += l.amount;
  std::cout << "aci_cost " << aci::version_string << ": " << q.job << " full cost " << q.full_cost.format_fr() << "\n";
  return sum == q.full_cost && q.full_cost > aci::Money() ? 0 : 1;
}
