#include "initlab/session.hpp"

#include <chrono>
#include <cmath>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/pyformat.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"
#include "bindings.hpp"
#include "interpreter.hpp"
#include "parse_cache.hpp"
#include "../train/task.hpp"
#include "fix_run.hpp"
#include "model_lookup.hpp"
#include "nn_api_util.hpp"
#include "run_scope.hpp"
#include "script_module.hpp"

namespace initlab {

namespace {

using Clock = std::chrono::steady_clock;
using script::default_input_shape;
using script::error_info;
using script::owner_of;
using script::pick_model;
using script::RunScope;

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

NamedTensor named(const std::string& name, const Tensor& t) {
  NamedTensor n;
  n.name = name;
  n.shape = t.shape().to_vector();
  n.dtype = script::dtype_name(t.dtype());
  n.data = t.to_vector();
  return n;
}

// The tensor a forward's result hands on, as the probe sees it: the tensor, or the first item
// of a tuple or namedtuple; undefined otherwise.
Tensor first_tensor(script::Interpreter& in, const script::Value& v) {
  if (const auto* t = v.get<script::TensorObj>()) return t->tensor;
  if (const auto* tup = v.get<script::TupleObj>(); tup && !tup->items.empty()) {
    if (const auto* t = tup->items[0].get<script::TensorObj>()) return t->tensor;
  }
  if (const auto* inst = v.get<script::InstanceObj>(); inst && inst->cls->find("_fields")) {
    const script::Value first = in.subscript(v, script::Value(0));
    if (const auto* t = first.get<script::TensorObj>()) return t->tensor;
  }
  return Tensor();
}

}  // namespace

Report run(const std::string& text, const RunOptions& options) {
  const auto t0 = Clock::now();
  // Scripts run with PyTorch's default, grad mode on (they may train); the run's own forward
  // below runs under NoGrad. The guard restores the caller's mode whatever the script left.
  autograd::NoGrad restore_mode;
  Report report;
  const script::Source source(text);
  WarningCapture warnings;
  RunScope scope(options.limits.max_tensor_bytes);
  default_generator().manual_seed(options.seed);
  init::InitTrace init_trace(options.init_scale);

  probe::Options probe_options;
  probe_options.bins = options.bins;
  probe::Probe probe(probe_options);
  // The script's functions point into its AST, so it outlives the interpreter: the report
  // still calls them (a user module's extra_repr for the model's repr). Runs of the same text
  // share one (parse_cache.hpp).
  std::shared_ptr<const script::Program> program;
  std::unique_ptr<script::Interpreter> interp;
  auto t_parse = t0, t_build = t0, t_forward = t0;
  nn::ModulePtr model;
  Tensor output;
  Tensor run_input;     // the probed forward's input (the Jacobian's)
  bool quiet = false;   // the Jacobian's forwards print nothing into the report
  FixRecord fix;
  bool fixed = false;
  try {
    if (!std::isfinite(options.init_scale) || options.init_scale < 0) {
      raise(ErrorKind::ValueError, "the init_scale option must be a finite number >= 0, not " +
                                       py::repr(options.init_scale));
    }
    theory::check_reinit(options.reinit);
    if (options.jacobian && options.jacobian_inputs < 1) {
      raise(ErrorKind::ValueError, "the jacobian_inputs option must be at least 1, not " +
                                       std::to_string(options.jacobian_inputs));
    }
    if (!options.fix.empty() && options.fix != "lsuv")
      raise(ErrorKind::ValueError, "unknown fix '" + options.fix + "' (\"\" or \"lsuv\")");
    program = script::parse_cached(source);
    t_parse = Clock::now();
    interp = std::make_unique<script::Interpreter>(source, options.limits,
                                                   [&](const std::string& s) {
      if (!quiet) report.output += s;
    });
    probe.prefer([&interp](const nn::Module& m) {
      const auto& vars = interp->globals()->vars;
      const auto it = vars.find("model");
      const auto* obj = it == vars.end() ? nullptr : it->second.get<script::ModuleObj>();
      return obj != nullptr && obj->module.get() == &m;
    });
    {
      nn::ObserveForward observe(&probe);
      autograd::set_grad_enabled(true);
      interp->run(*program);
      autograd::set_grad_enabled(false);
    }
    t_build = Clock::now();
    const bool script_forward = probe.forward_calls() > 0;
    const bool gradients = !options.grad_loss.empty();
    // A redraw or a fix changes the weights: the probed forward is then the run's own, after it.
    if (script_forward && !options.own_input && !gradients && options.reinit.empty() && options.fix.empty()) {
      report.forward_from_script = true;
      report.input_shape = probe.root_input_shape();
      output = probe.root_output();
      run_input = probe.root_input();
      t_forward = t_build;
    } else {
      std::vector<int64_t> shape = options.input_shape;
      if (script_forward) {
        // The run's own input for the model the script called: its input's shape, with the
        // batch size of the options.
        model = owner_of(*interp, probe.root());
        if (shape.empty() && !probe.root_input_shape().empty()) {
          shape = probe.root_input_shape();
          shape[0] = options.batch;
        }
      } else {
        model = options.auto_forward ? pick_model(*interp) : nullptr;
      }
      auto* script_model = model ? dynamic_cast<script::ScriptModule*>(model.get()) : nullptr;
      if (script_model && !script_model->cls->find("forward")) {
        warn(model->type_name() + " has no forward(): there is no forward pass to probe");
        model = nullptr;
      }
      if (model && shape.empty()) {
        try {
          shape = default_input_shape(*model, options.batch);
        } catch (const Error& e) {
          warn(e.what());
          model = nullptr;
        }
      }
      if (model) {
        if (options.mode == "train") model->train(true);
        if (options.mode == "eval") model->train(false);
        // The orthonormal step draws right after the script, where fix_init() will in PyTorch.
        if (!options.fix.empty()) script::fix_before_input(*interp, model, options, fix);
        // A fix of a model the script called works on the script's own input (token indices
        // included), as the page's "current input" is; with own_input, on the run's.
        const bool script_input = !options.fix.empty() && script_forward && !options.own_input &&
                                  options.input != "digits" && probe.root_input().defined();
        Tensor x = script_input ? probe.root_input() : Tensor{Shape(shape)}, labels;
        if (script_input) {
          shape = x.shape().to_vector();
        } else if (options.input == "digits") {
          // Real images with their real classes (the gradient losses use them).
          datasets::Data batch = train::digits_batch(*model, options.batch);
          x = batch.x;
          labels = batch.y;
          shape = x.shape().to_vector();
        } else if (options.input == "normal") normal_(x, 0, 1, default_generator());
        else if (options.input == "uniform") uniform_(x, 0, 1, default_generator());
        else if (options.input == "ones") x.fill_(1.0f);
        else if (options.input != "zeros") raise(ErrorKind::ValueError, "unknown input distribution '" + options.input + "' (normal, uniform, zeros, ones or digits)");
        report.input_shape = shape;
        run_input = x;
        // Redrawn after the input, so that the input is the same with and without it.
        theory::reinit_weights(*model, options.reinit, options.init_scale);
        // The buffers as the fix left them: a train-mode probed forward updates BatchNorm's
        // running statistics, which the written fix_init() does not, so they are put back after it.
        std::vector<std::pair<Tensor, Tensor>> fixed_buffers;
        if (!options.fix.empty()) {
          script::fix_on_input(*interp, model, x, fix);
          fixed = true;
          for (auto& [name, b] : model->named_buffers()) fixed_buffers.emplace_back(b, b.clone());
        }
        try {
          {
            // Recorded for autograd only when gradients are asked for (else fused, as before).
            const autograd::EnableGrad record(gradients);
            nn::ObserveForward observe(&probe);
            output = (*model)(x);
          }
          if (gradients) {
            const autograd::EnableGrad record;
            const Tensor loss = probe::loss_for(output, x, options.grad_loss, default_generator(), labels);
            report.loss = static_cast<double>(loss.data()[0]);
            // Scripts may have left .grad on the parameters (they train): the report's
            // gradients are this loss's alone.
            for (auto& [name, p] : model->named_parameters()) p.set_grad(Tensor());
            const autograd::ObserveBackward observe(&probe);
            loss.backward();
          }
          for (auto& [live, kept] : fixed_buffers) live.copy_from(kept);
        } catch (const Error& e) {
          // A core error in the run's own forward (a shape mismatch in a built-in container):
          // say which input it was given.
          ErrorInfo info = error_info(e);
          info.context = "while running " + model->type_name() + " on the default input of shape " +
                         Shape(shape).to_string() + " (call the model in the script, or set the input shape)";
          info.formatted = info.kind + ": " + info.message + "\n" + info.context;
          report.ok = false;
          report.error = info;
        } catch (script::ScriptError& e) {
          report.ok = false;
          report.error = error_info(e, source);
          report.error->context = "while running " + model->type_name() + " on the default input of shape " +
                                  Shape(shape).to_string() + " (call the model in the script, or set the input shape)";
          report.error->formatted += "\n" + report.error->context;
        }
      }
      if (!options.fix.empty() && !model) warn("fix=" + options.fix + ": there is no model to fix");
      t_forward = Clock::now();
    }
  } catch (const script::ScriptError& e) {
    report.ok = false;
    report.error = error_info(e, source);
  } catch (const Error& e) {
    report.ok = false;
    report.error = error_info(e);
  } catch (const std::bad_alloc&) {
    report.ok = false;
    report.error = ErrorInfo{"MemoryError", "out of memory", 0, 0, "", "MemoryError: out of memory", "", {}};
  }
  const auto t_probe0 = Clock::now();
  if (report.ok && interp) {
    if (!model && probe.root()) model = owner_of(*interp, probe.root());
    report.layers = probe.take_records();
    if (model) {
      report.model_name = model->type_name();
      report.model_repr = model->repr();
      report.parameters = probe::parameter_stats(*model, probe_options, &init_trace);
      if (probe.root_input_stats().numel > 0)
        report.theory = theory::describe_run(*model, report.layers, probe.root_input_stats());
      // The gradients were for the report: the model keeps no .grad from the run.
      for (auto& [name, p] : model->named_parameters()) p.set_grad(Tensor());
    }
    if (fixed && model) {
      report.fix_layers = fix.layers;
      const std::string name = script::global_name_of(*interp, model.get());
      if (name.empty()) warn("fix=" + options.fix + ": the model is bound to no global name, so no PyTorch code can call fix_init() on it (bind it: model = ...)");
      else report.fix_code = write_fix_code(text, fix, name);
    }
    // The state_dict people save is that of their `model` (a ModuleList model whose first item
    // the script called is probed as that item): the named global, else a global `model` that
    // is a module, else the probed module.
    const auto global_module = [&](const std::string& name) -> nn::ModulePtr {
      auto it = interp->globals()->vars.find(name);
      auto* m = it == interp->globals()->vars.end() ? nullptr : it->second.get<script::ModuleObj>();
      return m ? m->module : nullptr;
    };
    nn::ModulePtr state_model = model;
    if (!options.state_dict_of.empty()) {
      state_model = global_module(options.state_dict_of);
      if (options.state_dict && !state_model)
        warn("no state_dict: the script has no global module named '" + options.state_dict_of + "'");
    } else if (nn::ModulePtr m = global_module("model")) {
      state_model = m;
    }
    if (options.state_dict && state_model) {
      for (auto& [name, t] : state_model->state_dict()) report.state_dict.push_back(named(name, t));
    }
    if (options.keep_output && output.defined()) report.output_tensor = named("output", output);
    if (options.jacobian && model) {
      // Through the interpreter, as the script calls it: a forward returning a tuple hands on
      // its first item. Last, so nothing above sees the extra forwards.
      const nn::ModulePtr jacobian_model = model;
      script::Interpreter& in = *interp;
      const theory::Forward forward = [&in, jacobian_model](const Tensor& input) {
        script::CallArgs args;
        args.positional.push_back(script::make_tensor(input));
        args.where = in.location();
        return first_tensor(in, script::call_module(in, script::wrap(jacobian_model), args));
      };
      quiet = true;
      // What the run's time limit leaves (the interpreter's own checks cover the forwards).
      const double budget = static_cast<double>(options.limits.max_milliseconds) - ms_between(t0, Clock::now());
      report.jacobian = theory::measure_jacobian(*model, forward, run_input, options.jacobian_inputs, budget);
      quiet = false;
      theory::fill_theory(*report.jacobian, report.theory);
    }
  }
  const auto t_end = Clock::now();
  report.warnings = warnings.messages();
  report.timings.parse_ms = ms_between(t0, t_parse);
  report.timings.build_ms = report.ok ? ms_between(t_parse, t_build) : 0;
  report.timings.forward_ms = report.ok && !report.forward_from_script ? ms_between(t_build, t_forward) : 0;
  report.timings.probe_ms = ms_between(t_probe0, t_end);
  report.timings.total_ms = ms_between(t0, t_end);
  return report;
}

}  // namespace initlab
