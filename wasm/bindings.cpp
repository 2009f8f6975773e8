// The Embind layer: run(source, options) -> report, with plain JS data on both sides (the
// Trainer's bindings are in trainer_bindings.cpp, the theory's in theory_bindings.cpp).
// Options arrive as a JS object; the Report leaves as nested JS objects whose bulk arrays are
// fresh typed arrays (copies, never views into the wasm heap, which may move).
// Everything else (errors as JS Error objects, workers, the CLI) lives in JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "initlab/datasets.hpp"
#include "initlab/error.hpp"
#include "initlab/session.hpp"
#include "js_values.hpp"
#include "theory_values.hpp"

namespace {

using emscripten::val;
using namespace initlab::js;

val stats(const initlab::probe::Stats& s) {
  val o = val::object();
  o.set("shape", ints(s.shape));
  o.set("numel", static_cast<double>(s.numel));
  o.set("mean", s.mean);
  o.set("std", s.std);
  o.set("min", s.min);
  o.set("max", s.max);
  o.set("zeros", s.zeros);
  o.set("saturated", s.saturated);
  o.set("nanCount", static_cast<double>(s.nan_count));
  o.set("infCount", static_cast<double>(s.inf_count));
  o.set("histogram", histogram_to_js(s.histogram));
  return o;
}

// What a recurrent or attention layer computed inside (probe.hpp's GateStats, HiddenStats,
// AttentionStats), one array each.
void set_inner(val& x, const initlab::probe::LayerRecord& l) {
  val gates = val::array();
  for (const auto& g : l.gates) {
    val o = val::object();
    o.set("layer", g.layer);
    o.set("reverse", g.reverse);
    o.set("gate", g.gate);
    o.set("activation", g.activation);
    o.set("preActivation", stats(g.pre_activation));
    o.set("saturated", g.saturated);
    gates.call<void>("push", o);
  }
  val hidden = val::array();
  for (const auto& h : l.hidden) {
    val o = val::object();
    o.set("layer", h.layer);
    o.set("reverse", h.reverse);
    o.set("stdPerStep", typed_copy("Float64Array", h.std_per_step));
    hidden.call<void>("push", o);
  }
  val attention = val::array();
  for (const auto& a : l.attention) {
    val o = val::object();
    o.set("logits", stats(a.logits));
    o.set("entropy", a.entropy);
    o.set("entropyMin", a.entropy_min);
    o.set("rows", static_cast<double>(a.rows));
    attention.call<void>("push", o);
  }
  x.set("gates", gates);
  x.set("hidden", hidden);
  x.set("attention", attention);
}

// Dead and saturated units of an activation's output (probe.hpp's UnitMap).
val unit_map(const initlab::probe::UnitMap& u) {
  val o = val::object();
  o.set("kind", u.kind);
  o.set("axis", u.axis);
  o.set("units", static_cast<double>(u.units));
  o.set("valuesPerUnit", static_cast<double>(u.values_per_unit));
  o.set("fraction", typed_copy("Float32Array", u.fraction));
  o.set("dead", static_cast<double>(u.dead));
  return o;
}

val distribution(const initlab::init::Distribution& d) {
  val o = val::object();
  o.set("initializer", d.initializer);
  o.set("kind", d.kind);
  o.set("lo", d.lo);
  o.set("hi", d.hi);
  o.set("mean", d.mean);
  o.set("std", d.std);
  o.set("value", d.value);
  o.set("scale", d.scale);
  return o;
}

val named_tensor(const initlab::NamedTensor& t) {
  val o = val::object();
  o.set("name", t.name);
  o.set("shape", ints(t.shape));
  o.set("dtype", t.dtype);
  o.set("data", typed_copy("Float32Array", t.data));
  return o;
}

initlab::RunOptions options_from(const val& o) {
  initlab::RunOptions r;
  if (o.isUndefined() || o.isNull()) return r;
  r.seed = static_cast<uint64_t>(static_cast<int64_t>(get<double>(o, "seed", 0)));
  const val shape = o["inputShape"];
  if (!shape.isUndefined() && !shape.isNull()) {
    const auto n = shape["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) r.input_shape.push_back(static_cast<int64_t>(shape[i].as<double>()));
  }
  r.batch = static_cast<int64_t>(get<double>(o, "batch", 64));
  r.input = get<std::string>(o, "input", "normal");
  r.mode = get<std::string>(o, "mode", "");
  r.bins = static_cast<int>(get<double>(o, "bins", 32));
  r.init_scale = get<double>(o, "initScale", 1.0);
  r.grad_loss = get<std::string>(o, "grad", "");
  r.state_dict = get<bool>(o, "stateDict", false);
  r.state_dict_of = get<std::string>(o, "stateDictOf", "");
  r.keep_output = get<bool>(o, "output", false);
  r.auto_forward = get<bool>(o, "autoForward", true);
  r.own_input = get<bool>(o, "ownInput", false);
  r.jacobian = get<bool>(o, "jacobian", false);
  r.jacobian_inputs = static_cast<int>(get<double>(o, "jacobianInputs", 4));
  r.reinit = get<std::string>(o, "reinit", "");
  r.fix = get<std::string>(o, "fix", "");
  r.fix_tol = get<double>(o, "fixTol", r.fix_tol);
  r.fix_max_iter = static_cast<int>(get<double>(o, "fixMaxIter", r.fix_max_iter));
  r.fix_ortho = get<bool>(o, "fixOrtho", r.fix_ortho);
  read_limits(o["limits"], r.limits);
  return r;
}

val report_to_js(const initlab::Report& r) {
  val o = val::object();
  o.set("ok", r.ok);
  o.set("error", r.error ? error_to_js(*r.error) : val::null());
  o.set("output", r.output);
  o.set("warnings", strings(r.warnings));
  o.set("modelName", r.model_name);
  o.set("modelRepr", r.model_repr);
  o.set("inputShape", ints(r.input_shape));
  o.set("forwardFromScript", r.forward_from_script);
  val layers = val::array();
  for (const auto& l : r.layers) {
    val x = val::object();
    x.set("path", l.path);
    x.set("type", l.type);
    x.set("isOp", l.is_op);
    x.set("line", l.line);
    x.set("depth", l.depth);
    x.set("isLeaf", l.is_leaf);
    x.set("output", stats(l.output));
    x.set("grad", l.grad ? stats(*l.grad) : val::null());
    set_inner(x, l);
    x.set("units", l.unit_map ? unit_map(*l.unit_map) : val::null());
    layers.call<void>("push", x);
  }
  o.set("layers", layers);
  val params = val::array();
  for (const auto& p : r.parameters) {
    val x = val::object();
    x.set("name", p.name);
    x.set("stats", stats(p.stats));
    x.set("init", p.init ? distribution(*p.init) : val::null());
    x.set("grad", p.grad ? stats(*p.grad) : val::null());
    params.call<void>("push", x);
  }
  o.set("parameters", params);
  o.set("theory", theory_to_js(r.theory));
  o.set("meanField", mean_field_to_js(r.theory));
  o.set("jacobian", jacobian_to_js(r.jacobian));
  val fixes = val::array();
  for (const auto& f : r.fix_layers) {
    val x = val::object();
    x.set("path", f.path);
    x.set("iterations", f.iterations);
    x.set("stdBefore", f.std_before);
    x.set("stdAfter", f.std_after);
    x.set("factors", typed_copy("Float32Array", f.factors));
    fixes.call<void>("push", x);
  }
  o.set("fixLayers", fixes);
  o.set("fixCode", r.fix_code);
  o.set("loss", r.loss ? val(*r.loss) : val::null());
  val state = val::array();
  for (const auto& t : r.state_dict) state.call<void>("push", named_tensor(t));
  o.set("stateDict", state);
  o.set("outputTensor", r.output_tensor ? named_tensor(*r.output_tensor) : val::null());
  val t = val::object();
  t.set("parse", r.timings.parse_ms);
  t.set("build", r.timings.build_ms);
  t.set("forward", r.timings.forward_ms);
  t.set("probe", r.timings.probe_ms);
  t.set("total", r.timings.total_ms);
  o.set("timings", t);
  return o;
}

val run(const std::string& source, const val& options) {
  return report_to_js(initlab::run(source, options_from(options)));
}

// digits.bin's bytes (a Uint8Array), kept by the core for initlab.datasets.digits(). A bad file
// comes back as a JS Error with the core's message.
void provide_digits(const val& bytes) {
  const std::vector<unsigned char> v = emscripten::convertJSArrayToNumberVector<unsigned char>(bytes);
  try {
    initlab::datasets::provide_digits(v.data(), v.size());
  } catch (const initlab::Error& e) {
    val::global("Error").new_(std::string(e.what())).throw_();
  }
}

// words.txt's bytes (a Uint8Array), kept by the core for initlab.datasets.words(); a bad file
// comes back as a JS Error with the core's message.
void provide_words(const val& bytes) {
  const std::vector<unsigned char> v = emscripten::convertJSArrayToNumberVector<unsigned char>(bytes);
  try {
    initlab::datasets::provide_words(v.data(), v.size());
  } catch (const initlab::Error& e) {
    val::global("Error").new_(std::string(e.what())).throw_();
  }
}

// Bytes of the wasm heap in use by malloc (for the leak test).
double heap_in_use() { return static_cast<double>(initlab::TensorMemory::live_bytes()); }

}  // namespace

EMSCRIPTEN_BINDINGS(initlab) {
  emscripten::function("run", &run);
  emscripten::function("liveTensorBytes", &heap_in_use);
  emscripten::function("provideDigits", &provide_digits);
  emscripten::function("provideWords", &provide_words);
}
