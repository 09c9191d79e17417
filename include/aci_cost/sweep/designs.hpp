// Designs: where a sweep evaluates its model. Each design gives points u in [0, 1)^d (the
// grid gives input values directly), and point i is a pure function of the design's
// parameters and i, so any chunk of a sweep can be computed anywhere, in any order, and
// gives the same numbers. One design a header; this one includes them all:
//   monte_carlo.hpp      MonteCarloDesign      counter-based draws, point i depends on (seed, i) only;
//   latin_hypercube.hpp  LatinHypercubeDesign  point i depends on (seed, N, i): the strata are fixed by N;
//   sobol_sequence.hpp   SobolDesign           scrambled Sobol' sequence, point i depends on (seed, i):
//                                              the first N points of any longer run are the same N points;
//   grid.hpp             GridDesign            Cartesian product of per-input value lists, mixed-radix index;
//   copula.hpp           GaussianCopula        independent uniforms to a target rank correlation.
#pragma once

#include "aci_cost/sweep/copula.hpp"
#include "aci_cost/sweep/design_kind.hpp"
#include "aci_cost/sweep/grid.hpp"
#include "aci_cost/sweep/latin_hypercube.hpp"
#include "aci_cost/sweep/monte_carlo.hpp"
#include "aci_cost/sweep/sobol_sequence.hpp"
