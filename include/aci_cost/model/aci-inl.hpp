// Implementation of model/aci.hpp.
#pragma once

#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/time_equation.hpp"

namespace aci::model {

ACI_COST_INLINE void Aci::validate() const { schema::validate(*this, "aci"); }

}  // namespace aci::model
