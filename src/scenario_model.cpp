// Compiles scenario.hpp once into the aci_cost library.
#include "aci_cost/scenario.hpp"
#include "aci_cost/scenario-inl.hpp"
