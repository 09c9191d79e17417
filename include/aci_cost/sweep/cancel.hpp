// aci::sweep::Cancelled, shared by every long computation of the sweep area (run_sweep, the
// Sobol' bootstrap) so that none has to include another to stop the same way.
#pragma once

#include <stdexcept>

namespace aci::sweep {

/// Thrown when a caller's callback (Progress, keep_going) asked a computation to stop.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("sweep cancelled") {}
};

}  // namespace aci::sweep
