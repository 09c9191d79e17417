// The InvalidInput a call throws, for tests that check its field, value and rule.
#pragma once

#include <gtest/gtest.h>

#include "aci_cost/error.hpp"

namespace aci::test {

/// Runs f, which must throw InvalidInput (or a subclass), and returns the exception (a test
/// failure, and an empty one, when f returns).
template <class F>
InvalidInput invalid(F&& f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return e;
  }
  ADD_FAILURE() << "no InvalidInput";
  return InvalidInput("", "", "");
}

}  // namespace aci::test
