// Four ACIs sharing a psychologist and an administrative assistant (the example of
// docs/sharing.md): what each pays alone, together, and under each split, with who would walk
// away. The C++ twin of `python -m aci_cost share examples/sharing_four_acis.json`.
#include <iostream>
#include <string>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/share.hpp"

int main() {
  const auto problem = aci::io::example_sharing_problem();
  const auto r = aci::sharing::share(problem);
  std::cout << "Together " << r.grand_cost.format_fr() << " a year, saving " << r.saving.format_fr() << "\n";
  for (const auto& split : r.splits) {
    std::cout << aci::sharing::split_name(split.method) << ":";
    for (std::size_t i = 0; i < r.members.size(); ++i)
      std::cout << "  " << r.members[i] << " " << split.shares[i].format_fr();
    std::cout << "  (" << split.blocking.size() << " blocking coalition(s))\n";
  }
  if (r.core_empty) std::cout << (*r.core_empty ? "The core is empty.\n" : "The core is not empty.\n");
}
