// Shared by the quote fuzzers: every job of a scenario the reader accepted is quoted and
// written, or refused with an InvalidInput (anything else reaches libFuzzer as a crash).
#pragma once

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"

namespace aci::fuzz {

inline void quote_every_job(const io::Scenario& s) {
  for (const auto& job : s.jobs) {
    try {
      const auto q = quote::make_quote(s.aci, job, s.rate_table(), s.pricing);
      (void)io::to_json(q).dump();
    } catch (const InvalidInput&) {
    }
  }
}

}  // namespace aci::fuzz
