// The built-in sweep models, compiled once (evaluators/registry.hpp).
#include "aci_cost/evaluators/registry-inl.hpp"
