// The Trainer (core/include/initlab/trainer.hpp) for JavaScript: new Trainer(source, options),
// setup() and step(k), each returning plain JS objects. Embind objects must be deleted:
// initlab.mjs wraps this in a class with dispose().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>

#include "initlab/trainer.hpp"
#include "js_values.hpp"

namespace {

using emscripten::val;
using namespace initlab::js;

initlab::TrainOptions train_options_from(const val& o) {
  initlab::TrainOptions t;
  t.seed = static_cast<uint64_t>(static_cast<int64_t>(get<double>(o, "seed", 0)));
  t.init_scale = get<double>(o, "initScale", t.init_scale);
  t.dataset = get<std::string>(o, "dataset", t.dataset);
  t.context = static_cast<int64_t>(get<double>(o, "context", 0));
  t.optimizer = get<std::string>(o, "optimizer", t.optimizer);
  t.lr = get<double>(o, "lr", t.lr);
  t.momentum = get<double>(o, "momentum", t.momentum);
  t.weight_decay = get<double>(o, "weightDecay", t.weight_decay);
  t.batch = static_cast<int64_t>(get<double>(o, "batch", static_cast<double>(t.batch)));
  t.loss = get<std::string>(o, "loss", t.loss);
  t.bins = static_cast<int>(get<double>(o, "bins", t.bins));
  if (!o.isUndefined() && !o.isNull()) read_limits(o["limits"], t.limits);
  return t;
}

val error_or_null(const std::optional<initlab::ErrorInfo>& e) { return e ? error_to_js(*e) : val::null(); }

val setup_to_js(const initlab::TrainSetup& s) {
  val o = val::object();
  o.set("ok", s.ok);
  o.set("error", error_or_null(s.error));
  o.set("output", s.output);
  o.set("warnings", strings(s.warnings));
  o.set("modelName", s.model_name);
  o.set("dataset", s.dataset);
  o.set("inputShape", ints(s.input_shape));
  o.set("trainSize", static_cast<double>(s.train_size));
  o.set("testSize", static_cast<double>(s.test_size));
  o.set("classes", static_cast<double>(s.classes));
  o.set("context", static_cast<double>(s.context));
  o.set("baselineLoss", s.baseline_loss);
  o.set("loss", s.loss);
  o.set("optimizer", s.optimizer);
  o.set("testAccuracy", s.test_accuracy);
  o.set("testLoss", s.test_loss);
  return o;
}

val chunk_to_js(const initlab::TrainChunk& c) {
  val o = val::object();
  o.set("step", static_cast<double>(c.step));
  o.set("losses", typed_copy("Float64Array", c.losses));
  o.set("trainAccuracy", c.train_accuracy);
  o.set("testAccuracy", c.test_accuracy);
  o.set("testLoss", c.test_loss);
  o.set("baselineLoss", c.baseline_loss);
  o.set("probedStep", static_cast<double>(c.probed_step));
  val layers = val::array();
  for (const auto& l : c.layers) {
    val x = val::object();
    x.set("path", l.path);
    x.set("type", l.type);
    x.set("isOp", l.is_op);
    x.set("isLeaf", l.is_leaf);
    x.set("std", l.std);
    x.set("zeros", l.zeros);
    x.set("gradNorm", l.grad_norm);
    x.set("histogram", histogram_to_js(l.histogram));
    layers.call<void>("push", x);
  }
  o.set("layers", layers);
  val params = val::array();
  for (const auto& p : c.parameters) {
    val x = val::object();
    x.set("name", p.name);
    x.set("norm", p.norm);
    x.set("gradNorm", p.grad_norm);
    params.call<void>("push", x);
  }
  o.set("parameters", params);
  val weights = val::array();
  for (const auto& w : c.weights) {
    val x = val::object();
    x.set("name", w.name);
    x.set("update", typed_copy("Float64Array", w.update));
    x.set("grad", typed_copy("Float64Array", w.grad));
    weights.call<void>("push", x);
  }
  o.set("weights", weights);
  o.set("error", error_or_null(c.error));
  return o;
}

class JsTrainer {
 public:
  JsTrainer(const std::string& source, const val& options)
      : trainer_(std::make_unique<initlab::Trainer>(source, train_options_from(options))) {}
  val setup() const { return setup_to_js(trainer_->setup()); }
  val step(double steps) { return chunk_to_js(trainer_->step(static_cast<int64_t>(steps))); }
  val sampleWords(double count) { return strings(trainer_->sample_words(static_cast<int64_t>(count))); }

 private:
  std::unique_ptr<initlab::Trainer> trainer_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(initlab_trainer) {
  emscripten::class_<JsTrainer>("Trainer")
      .constructor<const std::string&, const val&>()
      .function("setup", &JsTrainer::setup)
      .function("step", &JsTrainer::step)
      .function("sampleWords", &JsTrainer::sampleWords);
}
