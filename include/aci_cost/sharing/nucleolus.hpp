// aci::sharing: the nucleolus of a cost game (Schmeidler 1969) — the imputation that makes the
// largest complaint x(S) - c(S) as small as possible, then the next largest, and so on — and the
// least core (the smallest uniform subsidy that makes the core non-empty). Both solve a sequence
// of linear programs (Maschler, Peleg & Shapley 1979; Kopelowitz 1967) with COIN-OR Clp: they
// are compiled in the target aci_cost::sharing (src/sharing.cpp), not header-only.
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

/// The nucleolus of `game` over its imputations (x(N) = c(N), x_i <= c({i})); when the
/// imputations are empty (c(N) > sum of c({i})), the prenucleolus (no x_i <= c({i})).
/// InvalidInput naming "game.players" beyond nucleolus_max_players; DomainError if Clp fails.
Nucleolus nucleolus(const CostGame<double>& game);

/// The least core: the smallest e such that some x with x(N) = c(N) has x(S) - c(S) <= e for
/// every proper coalition, and one such x. The core is empty exactly when e > 0.
struct LeastCore {
  double epsilon = 0;    ///< the least e, €
  std::vector<double> x; ///< an allocation reaching it
};

/// The least core of `game` (one LP).
LeastCore least_core(const CostGame<double>& game);

}  // namespace aci::sharing
