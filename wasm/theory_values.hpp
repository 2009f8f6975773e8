// The theory's part of the Report as plain JS data (theory_bindings.cpp), and the phase
// diagram's Embind entry point.
#pragma once

#include <emscripten/val.h>

#include <optional>

#include "initlab/theory_report.hpp"

namespace initlab::js {

// report.theory: per leaf layer and op, predicted vs measured std, chi and chi1 (empty when
// the run had no probed forward to describe); report.meanField: the model as the theory sees
// it (its nonlinearity, mean sigma_w^2 and sigma_b^2, fixed point, depth scale), or null.
emscripten::val theory_to_js(const theory::RunTheory& t);
emscripten::val mean_field_to_js(const theory::RunTheory& t);

// report.jacobian: the input-output Jacobian's singular values (theory_jacobian.hpp), or null
// when the run did not ask for them.
emscripten::val jacobian_to_js(const std::optional<theory::Jacobian>& j);

// phaseDiagram(phi, {w2Max, b2Max, nw, nb}): chi1 over a (sigma_w^2, sigma_b^2) grid for the
// nonlinearity report.meanField.phi describes.
emscripten::val phase_diagram(const emscripten::val& phi, const emscripten::val& options);

}  // namespace initlab::js
