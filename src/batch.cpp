// Compiles the training model's batch kernel (training/batch.hpp) once into the aci_cost library.
#include "aci_cost/training/batch.hpp"
#include "aci_cost/training/batch-inl.hpp"
