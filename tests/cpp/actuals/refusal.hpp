// The message of the InvalidInput a call throws, for the tests of the actuals area.
#pragma once

#include <string>

#include "aci_cost/error.hpp"

namespace aci::actuals::test {

/// The message of the InvalidInput `f` throws (empty when none).
template <class F>
std::string refusal(F f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "";
}

}  // namespace aci::actuals::test
