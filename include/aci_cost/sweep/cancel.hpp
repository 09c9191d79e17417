// aci::sweep::Cancelled: how every long computation of the sweep area (run_sweep, the Sobol'
// bootstrap, the studies) stops when its caller's callback asks it to; the one exception of
// parallel_for (parallel/parallel_for.hpp), named here for the sweep area's callers.
#pragma once

#include "aci_cost/parallel/parallel_for.hpp"

namespace aci::sweep {

/// Thrown when a caller's callback (Progress, a keep-going poll) asked a computation to stop.
using Cancelled = parallel::Cancelled;

}  // namespace aci::sweep
