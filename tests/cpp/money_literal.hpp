// Test helper: an amount written as text ("1234.56"), parsed exactly.
#pragma once

#include "aci_cost/money.hpp"

namespace aci::test {

inline Money M(const char* text) { return Money::parse(text); }

}  // namespace aci::test
