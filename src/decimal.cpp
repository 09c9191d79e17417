// Compiles decimal.hpp once into the aci_cost library.
#include "aci_cost/decimal.hpp"
#include "aci_cost/decimal-inl.hpp"
