// Compiles rates/rate_table.hpp once into the aci_cost library.
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/rates/rate_table-inl.hpp"
