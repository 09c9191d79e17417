// Compiles io/scenario.hpp once into the aci_cost library.
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/scenario-inl.hpp"
