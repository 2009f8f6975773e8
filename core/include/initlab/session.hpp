// One run of a script: source text in, a Report out. The Report is plain data (statistics,
// histograms, printed text, timings, the first error with its location), built for the
// bindings to copy to JavaScript; no pointer into the model survives the run.
//
// Which forward pass is probed: if the script calls the module bound to `model` (the usual
// name), its last call, even when other modules are called after it; else if the script calls
// any module, the last outermost call. Otherwise the run calls the model bound to the name
// `model`, else the last nn.Module the script created that is not part of another, on a
// default input derived from its first layer: Conv2d(C, ...) -> randn(batch, C, 28, 28),
// Conv1d(C, ...) -> randn(batch, C, 28), Linear(F, ...) -> randn(batch, F); the input_shape
// option overrides.
// A model without forward(), or whose input cannot be guessed, is not run (a warning says so);
// an error inside its forward is the run's error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "initlab/fix_init.hpp"
#include "initlab/limits.hpp"
#include "initlab/probe.hpp"
#include "initlab/theory_jacobian.hpp"
#include "initlab/theory_report.hpp"

namespace initlab {

struct RunOptions {
  uint64_t seed = 0;                  // torch.manual_seed before the script runs
  std::vector<int64_t> input_shape;   // the default input's shape (empty: from the first layer)
  int64_t batch = 64;                 // the default input's batch size
  // normal | uniform | zeros | ones, or digits: the first `batch` training digits shaped for
  // the model's first layer (as the Trainer shapes them; input_shape is then ignored), whose
  // real classes the cross_entropy and nll gradient losses use instead of random labels.
  std::string input = "normal";
  std::string mode;                   // "train" | "eval" for the run's own forward; "" keeps the script's
  bool auto_forward = true;           // run the model when the script did not call one
  // Probe the run's own forward (batch, input, mode above) even when the script called the
  // model: of the module it called, on an input of its input's shape with this batch size.
  bool own_input = false;
  int bins = 32;                      // histogram bins
  double init_scale = 1.0;            // multiplies every initializer's std or bound (init_trace.hpp)
  // Gradients: "" (none), or the loss whose gradients the report gets (probe::loss_for: "mean",
  // "cross_entropy", "nll", "mse"). Implies the run's own forward, recorded for autograd; every
  // LayerRecord and ParameterRecord then carries grad statistics, and Report::loss its value.
  std::string grad_loss;
  // Copy every parameter and buffer into the Report: of the global module state_dict_of names
  // (a warning when there is none), else of a global `model` that is a module, else of the
  // probed module.
  bool state_dict = false;
  std::string state_dict_of;
  // Copy the probed forward's output into the Report: the run's own forward's, or that of the script's
  // call of the model when that is the probed one (of a forward returning a tuple, its first item).
  bool keep_output = false;
  // The input-output Jacobian's singular values (theory_jacobian.hpp) at the first
  // min(batch, jacobian_inputs) samples of the probed forward's input, in Report::jacobian.
  bool jacobian = false;
  int jacobian_inputs = 4;
  // Before the run's own forward, redraw every nn.Linear / nn.ConvNd weight at the
  // sigma_w^2 it had: "" (keep the script's weights), "gaussian" or "orthogonal"
  // (theory::reinit_weights; biases unchanged). The whole report then describes the redrawn
  // model. Implies the run's own forward (as own_input does), on the same input as without it.
  std::string reinit;
  // "Fix my init" (fix_init.hpp): "" (no fix) or "lsuv", LSUV (Mishkin & Matas 2015) on the
  // probed model before its probed forward, so the report shows the fixed network: on the
  // input of the script's own call of the model when it made one (and own_input is off), else
  // on the run's own input, drawn after the orthonormal step. Report::fix_code is the PyTorch
  // code that gives the same weights.
  std::string fix;
  double fix_tol = 0.1;               // |std - 1| <= tol stops a layer
  int fix_max_iter = 10;              // at most this many scalings per layer
  bool fix_ortho = true;              // the paper's orthonormal step first
  Limits limits;
};

struct ErrorInfo {
  std::string kind;        // SyntaxError, NameError, TypeError, RuntimeError, LimitError, ...
  std::string message;
  int line = 0, column = 0;
  std::string source_line;
  std::string formatted;   // "line 3, column 5: NameError: ...\n    <source>\n    ^" + call chain
  std::string context;     // what the run was doing, when the script did not say (its own forward)
  struct Frame {
    std::string function;
    int line;
  };
  std::vector<Frame> traceback;  // outermost first
};

struct NamedTensor {
  std::string name;
  std::vector<int64_t> shape;
  std::string dtype;  // "float32", "int64", "bool"
  std::vector<float> data;
};

struct Timings {
  double parse_ms = 0, build_ms = 0, forward_ms = 0, probe_ms = 0, total_ms = 0;
};

struct Report {
  bool ok = true;
  std::optional<ErrorInfo> error;
  std::string output;                 // everything the script printed
  std::vector<std::string> warnings;
  std::string model_name;             // class of the probed model ("CNN"); "" if none
  std::string model_repr;
  std::vector<int64_t> input_shape;
  bool forward_from_script = false;   // the script called the model itself
  std::vector<probe::LayerRecord> layers;
  std::vector<probe::ParameterRecord> parameters;
  // The mean-field theory beside the measurement (theory_report.hpp): per leaf layer and op,
  // predicted vs measured std, their ratio, chi1, the stop labels; empty when no model ran.
  theory::RunTheory theory;
  // With RunOptions::jacobian, once a model ran: J's singular values, or why not (skipped).
  std::optional<theory::Jacobian> jacobian;
  std::optional<double> loss;         // the grad_loss value, when gradients were asked for
  std::vector<NamedTensor> state_dict;
  std::optional<NamedTensor> output_tensor;
  // With the fix option: each layer LSUV scaled, in forward order, and the user's code plus
  // `def fix_init(model):` in plain PyTorch ("" when the model is bound to no global name:
  // a warning says so).
  std::vector<FixLayer> fix_layers;
  std::string fix_code;
  Timings timings;
};

Report run(const std::string& source, const RunOptions& options = {});

}  // namespace initlab
