// aci::sharing: the nucleolus of a cost game (Schmeidler 1969) — the imputation that makes the
// largest complaint x(S) - c(S) as small as possible, then the next largest, and so on — and its
// per-capita variant (Grotte 1970: complaints divided by |S|, so that a large coalition's
// complaint weighs per member); the least core (the smallest uniform excess every coalition must
// accept for a split to exist); and the least core of a grouping (Aumann & Drèze 1974: each group
// pays its own cost). They solve sequences of linear programs (Maschler, Peleg & Shapley 1979;
// Kopelowitz 1967) with COIN-OR Clp: compiled in the target aci_cost::sharing (src/sharing.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// Largest group the nucleolus is computed for (each LP has 2^n rows).
inline constexpr int nucleolus_max_players = 16;

/// The nucleolus and how it was found.
struct Nucleolus {
  std::vector<double> x;       ///< each player's cost share, €
  std::vector<double> levels;  ///< the successive largest excesses max x(S) - c(S), €
  int linear_programs = 0;     ///< LPs solved
};

/// How a coalition's complaint x(S) - c(S) is weighed.
enum class Complaint {
  total,       ///< as it is (the nucleolus)
  per_capita,  ///< divided by |S| (the per-capita nucleolus)
};

/// Over which splits the nucleolus is sought.
enum class NucleolusDomain {
  imputations,     ///< x(N) = c(N) and x_i <= c({i}) (the prenucleolus when no imputation exists)
  preimputations,  ///< x(N) = c(N) only: the prenucleolus, which lies in the least core
};

/// The nucleolus of `game` over its imputations (x(N) = c(N), x_i <= c({i})); when the
/// imputations are empty (c(N) > sum of c({i})) or with NucleolusDomain::preimputations, the prenucleolus.
/// With Complaint::per_capita, the per-capita nucleolus (levels are then per-capita excesses).
/// InvalidInput naming "game.players" beyond nucleolus_max_players; DomainError if Clp fails.
Nucleolus nucleolus(const CostGame<double>& game, Complaint complaint = Complaint::total,
                    NucleolusDomain domain = NucleolusDomain::imputations);

/// The least core: the smallest e such that some x with x(N) = c(N) has x(S) - c(S) <= e for
/// every proper coalition, and one such x. The core is empty exactly when e > 0.
struct LeastCore {
  double epsilon = 0;     ///< the least e, €
  std::vector<double> x;  ///< an allocation reaching it
};

/// The least core of `game` (one LP).
LeastCore least_core(const CostGame<double>& game);

/// The least core of `game` when the players form `groups` (a partition) and each group pays
/// exactly its own cost: the least e such that some x with x(B) = c(B) for every group has
/// x(S) - c(S) <= e for every coalition S. The grouping is stable (its coalition-structure core,
/// Aumann & Drèze 1974, is not empty) exactly when e <= 0. InvalidInput unless `groups` is a
/// partition of the players.
LeastCore grouping_least_core(const CostGame<double>& game, const std::vector<Coalition>& groups);

}  // namespace aci::sharing
