// Sensitivity designs and their analyses, independent of any model: a design lists the points
// (rows) to evaluate, the caller evaluates them in any order or place and hands back one
// output per row, tagged with the design's fingerprint; the analysis refuses outputs of another
// design or of the wrong length. One method a header:
//   sobol_indices.hpp  SaltelliDesign + analyze_sobol    first-order and total Sobol' indices;
//   morris.hpp         MorrisDesign   + analyze_morris   elementary effects (mu, mu*, sigma);
//   tornado.hpp        TornadoDesign  + analyze_tornado  one-at-a-time low/high swings.
// Saltelli and Morris points are in [0, 1)^k (map them through Marginal::quantile); tornado
// points are input values. This header includes the three.
#pragma once

#include "aci_cost/sweep/design_outputs.hpp"
#include "aci_cost/sweep/morris.hpp"
#include "aci_cost/sweep/sobol_indices.hpp"
#include "aci_cost/sweep/tornado.hpp"
