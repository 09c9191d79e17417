// Library version, kept equal to project(VERSION) in CMakeLists.txt by a test.
#pragma once

#define ACI_COST_VERSION_MAJOR 0
#define ACI_COST_VERSION_MINOR 1
#define ACI_COST_VERSION_PATCH 0

namespace aci {

/// The library version as "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
/// The library version as major * 10000 + minor * 100 + patch.
inline constexpr int version_number =
    ACI_COST_VERSION_MAJOR * 10000 + ACI_COST_VERSION_MINOR * 100 + ACI_COST_VERSION_PATCH;

}  // namespace aci
