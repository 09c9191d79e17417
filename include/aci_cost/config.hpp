// Build configuration shared by every header.
#pragma once

// Non-template functions live in <area>/<concept>-inl.hpp, next to their header. With
// ACI_COST_HEADER_ONLY they are included by their header and marked inline; otherwise src/*.cpp
// compiles them once into the aci_cost library (the fmt model: one source, two builds).
#ifdef ACI_COST_HEADER_ONLY
#  define ACI_COST_INLINE inline
#else
#  define ACI_COST_INLINE
#endif
