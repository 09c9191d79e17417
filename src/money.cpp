// Compiles money.hpp once into the aci_cost library.
#include "aci_cost/money.hpp"
#include "aci_cost/money-inl.hpp"
