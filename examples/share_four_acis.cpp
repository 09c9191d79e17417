// Four ACIs sharing a psychologist (staff lending) and an administrative assistant (an employers'
// group), the example of docs/sharing.md: what each pays alone and on what assumption, what
// sharing costs and which assumption drives the saving, the lawful splits of each post with the
// lending invoices, who would walk away, the core check and the best grouping. The C++ twin of
// `python -m aci_cost share examples/sharing_four_acis.json`.
#include <iostream>
#include <string>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/share.hpp"

int main() {
  using namespace aci::sharing;
  const auto problem = aci::io::example_sharing_problem();
  const SharingResult r = share(problem);
  std::cout << "Together " << r.grand_cost.format_fr() << " a year; alone:";
  for (std::size_t i = 0; i < r.members.size(); ++i)
    std::cout << "  " << r.members[i] << " " << r.stand_alone[i].format_fr();
  std::cout << "\n" << r.driver.text << "\n\n";
  for (const PostResult& post : r.posts) {
    std::cout << post.name << " (" << frame_name(post.frame) << "): " << post.grand_cost.format_fr() << ", "
              << post.persons << " person(s) at " << post.weekly_hours << " h/week\n";
    if (post.lender >= 0) {
      std::cout << "  employed by " << r.members[static_cast<std::size_t>(post.lender)] << ", "
                << post.hourly_cost.format_fr() << " per hour worked\n";
      for (const LendingInvoice& inv : post.invoices)
        std::cout << "  invoice to " << r.members[static_cast<std::size_t>(inv.member)] << ": " << inv.hours << " h, "
                  << inv.labour.format_fr() << " + expenses " << inv.expenses.format_fr() << " = "
                  << inv.total.format_fr() << "\n";
    }
    for (const Split& s : post.splits) {
      std::cout << "  " << split_name(s.method) << ":";
      for (std::size_t i = 0; i < r.members.size(); ++i) std::cout << "  " << s.shares[i].format_fr();
      std::cout << "  (" << s.blocking.size() << " blocking)\n";
    }
  }
  for (const Split& s : r.splits) {
    std::cout << "whole, " << split_name(s.method) << ":";
    for (std::size_t i = 0; i < r.members.size(); ++i)
      std::cout << "  " << r.members[i] << " " << s.shares[i].format_fr();
    std::cout << "  (" << s.blocking.size() << " blocking coalition(s))\n";
  }
  std::cout << r.core.text << "\n";
  if (r.grouping) {
    std::cout << "Best grouping:";
    for (Coalition g : r.grouping->groups) {
      std::cout << " {";
      for (int i : players_of(g)) std::cout << " " << r.members[static_cast<std::size_t>(i)];
      std::cout << " }";
    }
    std::cout << " " << r.grouping->cost.format_fr() << ", saving " << r.grouping->saving_vs_alone.format_fr()
              << " against all alone, " << r.grouping->saving_vs_grand.format_fr() << " against all together"
              << (r.grouping->stable && *r.grouping->stable ? " (stable)" : "") << "\n";
  }
}
