// Compiles budget/year.hpp once into the aci_cost library.
#include "aci_cost/budget/year.hpp"
#include "aci_cost/budget/year-inl.hpp"
