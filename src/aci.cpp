// Compiles model/aci.hpp once into the aci_cost library.
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/aci-inl.hpp"
