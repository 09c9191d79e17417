// aci::model::siret_problem: the check of a SIRET printed on a client's documents (devis,
// invoice) that C++ readers of a scenario get without Python.
// Python validates the same numbers again with python-stdnum and schwifty (aci_cost.devis):
// the SIRET check stays here so that a C++ program reading a scenario refuses a mistyped SIRET
// as the Python package does (the rule is INSEE's and stable: Luhn, La Poste's sum of digits).
#pragma once

#include <string_view>

namespace aci::model {

/// What is wrong with a SIRET ("" when it is valid): 14 digits whose Luhn sum is a multiple of
/// 10 — or, for La Poste's establishments (SIREN 356 000 000, other than the head office
/// 356 000 000 00048), whose plain sum of digits is a multiple of 5 (INSEE; python-stdnum's
/// stdnum.fr.siret applies the same rule).
inline std::string_view siret_problem(std::string_view siret) {
  if (siret.size() != 14) return "must be 14 digits (no spaces)";
  int luhn = 0, plain = 0;
  for (std::size_t i = 0; i < 14; ++i) {
    const char c = siret[13 - i];
    if (c < '0' || c > '9') return "must be 14 digits (no spaces)";
    int d = c - '0';
    plain += d;
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    luhn += d;
  }
  if (siret.substr(0, 9) == "356000000" && siret != "35600000000048") {
    return plain % 5 == 0 ? "" : "fails the check of a La Poste SIRET (sum of digits not a multiple of 5)";
  }
  return luhn % 10 == 0 ? "" : "fails the Luhn check of a SIRET (a digit is wrong)";
}

}  // namespace aci::model
