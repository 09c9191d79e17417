// The Python names of every C++ enum are the names declared beside each enum
// (schema::EnumNames, as in the JSON format): this header gathers the enums the bindings convert.
#pragma once

#include "aci_cost/io/names.hpp"
#include "convert.hpp"
