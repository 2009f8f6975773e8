// The mean-field theory beside the measurement, for JavaScript: report.theory, report.meanField,
// report.jacobian and the chi1 phase diagram (core/include/initlab/theory.hpp, theory_report.hpp). NaN stays NaN (JSON
// turns it into null); infinities (q* of a diverging map, xi at the edge of chaos) likewise.
#include <emscripten/bind.h>

#include <algorithm>
#include <optional>
#include <string>

#include "js_values.hpp"
#include "theory_values.hpp"

namespace initlab::js {

namespace {

[[noreturn]] void throw_js(const char* type, const std::string& message) {
  val::global(type).new_(message).throw_();
  __builtin_unreachable();
}

// The nonlinearity round-trips through JS as plain numbers: the page hands report.meanField.phi
// back to phaseDiagram() unchanged, so the kind's integer is opaque to it.
val phi_to_js(const theory::Nonlinearity& n) {
  val o = val::object();
  o.set("identity", n.identity);
  o.set("kind", static_cast<int>(n.kind));
  o.set("alpha", n.params.alpha);
  o.set("beta", n.params.beta);
  o.set("threshold", n.params.threshold);
  return o;
}

theory::Nonlinearity phi_from_js(const val& o) {
  if (o.isUndefined() || o.isNull() || o.typeOf().as<std::string>() != "object")
    throw_js("TypeError", "phaseDiagram(phi, options): phi must be a report's meanField.phi");
  if (get<bool>(o, "identity", false)) return theory::Nonlinearity::linear();
  const int kind = static_cast<int>(get<double>(o, "kind", -1));
  if (kind < 0 || kind > static_cast<int>(kernels::Activation::threshold))
    throw_js("TypeError", "phaseDiagram(phi, options): phi.kind is not one of a report's meanField.phi");
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(get<double>(o, "alpha", static_cast<double>(p.alpha)));
  p.beta = static_cast<float>(get<double>(o, "beta", static_cast<double>(p.beta)));
  p.threshold = static_cast<float>(get<double>(o, "threshold", static_cast<double>(p.threshold)));
  return theory::Nonlinearity::of(static_cast<kernels::Activation>(kind), p);
}

val layer_to_js(const theory::LayerTheory& l) {
  val x = val::object();
  x.set("layer", static_cast<double>(l.layer));
  x.set("path", l.path);
  x.set("type", l.type);
  x.set("covered", l.covered);
  x.set("stopLabel", l.stop_label);
  x.set("measuredMean", l.measured_mean);
  x.set("measuredStd", l.measured_std);
  x.set("predictedMean", l.predicted_mean);
  x.set("predictedStd", l.predicted_std);
  x.set("ratio", l.ratio);
  x.set("sigmaW2", l.sigma_w2);
  x.set("sigmaB2", l.sigma_b2);
  x.set("chi1", l.chi1);
  x.set("chi", l.chi);
  x.set("disagrees", l.disagrees);
  x.set("measuredGradNorm", l.measured_grad_norm);
  x.set("predictedGradNorm", l.predicted_grad_norm);
  return x;
}

}  // namespace

val theory_to_js(const theory::RunTheory& t) {
  val layers = val::array();
  for (const auto& l : t.layers) layers.call<void>("push", layer_to_js(l));
  return layers;
}

val mean_field_to_js(const theory::RunTheory& t) {
  if (t.layers.empty()) return val::null();
  val o = val::object();
  o.set("disagrees", t.disagrees);
  o.set("firstDisagreement", t.first_disagreement);
  o.set("nonlinearity", t.nonlinearity);
  o.set("phi", phi_to_js(t.phi));
  o.set("affineLayers", t.affine_layers);
  o.set("meanSigmaW2", t.mean_sigma_w2);
  o.set("meanSigmaB2", t.mean_sigma_b2);
  val fp = val::object();
  fp.set("q", t.fixed_point.q);
  fp.set("converged", t.fixed_point.converged);
  fp.set("chi1", t.fixed_point.chi1);
  fp.set("cStar", t.fixed_point.c_star);
  fp.set("xi", t.fixed_point.xi_c);
  o.set("fixedPoint", fp);
  o.set("chiProduct", t.chi_product);
  return o;
}

val jacobian_to_js(const std::optional<theory::Jacobian>& j) {
  if (!j) return val::null();
  val o = val::object();
  o.set("skipped", j->skipped);
  o.set("nIn", static_cast<double>(j->n_in));
  o.set("nOut", static_cast<double>(j->n_out));
  o.set("inputs", j->inputs);
  o.set("batchCoupled", j->batch_coupled);
  val per = val::array();
  for (const auto& v : j->per_input) per.call<void>("push", typed_copy("Float64Array", v));
  o.set("perInput", per);
  o.set("singularValues", typed_copy("Float64Array", j->singular_values));
  o.set("meanS2", j->mean_s2);
  o.set("largest", j->largest);
  o.set("smallest", j->smallest);
  o.set("condition", j->condition);
  o.set("noiseFloor", j->noise_floor);
  o.set("theoryMeanS2", j->theory_mean_s2);
  return o;
}

val phase_diagram(const val& phi, const val& options) {
  const theory::Nonlinearity n = phi_from_js(phi);
  const double w2_max = get<double>(options, "w2Max", 4.0);
  const double b2_max = get<double>(options, "b2Max", 0.5);
  const int nw = static_cast<int>(get<double>(options, "nw", 40));
  const int nb = static_cast<int>(get<double>(options, "nb", 24));
  // Bounded so that one call stays well under a second in the page (a cell is one fixed point).
  if (!(w2_max > 0) || !(b2_max >= 0) || nw < 2 || nb < 2 || nw > 200 || nb > 200)
    // A TypeError like every bad argument: the JS side takes a RangeError for a stack overflow.
    throw_js("TypeError", "phaseDiagram(phi, options): needs w2Max > 0, b2Max >= 0 and 2 <= nw, nb <= 200");
  const theory::PhaseGrid g = theory::phase_grid(n, w2_max, b2_max, nw, nb);
  val o = val::object();
  o.set("w2", typed_copy("Float64Array", g.w2));
  o.set("b2", typed_copy("Float64Array", g.b2));
  o.set("chi1", typed_copy("Float64Array", g.chi1));
  return o;
}

}  // namespace initlab::js

EMSCRIPTEN_BINDINGS(initlab_theory) {
  emscripten::function("phaseDiagram", &initlab::js::phase_diagram);
}
