// Compiles store/directory.hpp once into the aci_cost library.
#include "aci_cost/store/directory.hpp"
#include "aci_cost/store/directory-inl.hpp"
