// Compiles allocation/allocate.hpp and allocation/time_driven.hpp once into the aci_cost library.
#include "aci_cost/allocation/allocate.hpp"
#include "aci_cost/allocation/allocate-inl.hpp"
#include "aci_cost/allocation/time_driven.hpp"
#include "aci_cost/allocation/time_driven-inl.hpp"
