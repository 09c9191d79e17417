// Compiles io/training_json.hpp once into the aci_cost library.
#include "aci_cost/io/training_json.hpp"
#include "aci_cost/io/training_json-inl.hpp"
