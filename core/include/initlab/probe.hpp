// The probe: statistics and a histogram of every module's and functional op's output during a
// forward pass (of an activation's also which units are dead or saturated: UnitMap), and of
// every parameter. The Report it builds is plain data (no pointers into
// the model), cheap to hand across to JavaScript.
//
// Histogram rule: bins split [lo, hi] evenly, where lo = max(min, mean - 4 std) and
// hi = min(max, mean + 4 std), so the bulk fills the chart while values beyond 4 std are not
// drawn but counted as outliers (`below`, `above`). Tensors over 16384 elements are
// histogrammed on an evenly strided sample of about 16384 of them (`sampled` says how many:
// with 32 bins, a bin's count is then within a few percent of the full tensor's share);
// every other statistic covers all elements.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/tensor.hpp"

namespace initlab::probe {

struct Histogram {
  double lo = 0, hi = 0;
  std::vector<uint32_t> counts;
  int64_t below = 0, above = 0;  // finite values outside [lo, hi]
  int64_t sampled = 0;           // elements the histogram counted
};

enum class Saturation { none, tanh, sigmoid };

struct Stats {
  std::vector<int64_t> shape;
  int64_t numel = 0;
  double mean = 0, std = 0, min = 0, max = 0;  // over finite values; std unbiased (n - 1)
  double zeros = 0;      // fraction of elements exactly 0
  double saturated = 0;  // fraction |y| > 0.99 (tanh) or y < 0.01 or y > 0.99 (sigmoid); NaN if n/a
  int64_t nan_count = 0, inf_count = 0;
  Histogram histogram;
};

struct Options {
  int bins = 32;
  int64_t histogram_sample = 16384;
};

Stats compute_stats(const Tensor& t, Saturation saturation, const Options& options);

// A tensor's L2 norm from its statistics: sum of squares = (n - 1) std^2 + n mean^2 (over the
// finite values); NaN or infinite when any value is. (The page and the CLI derive it alike.)
double l2_norm(const Stats& s);

// Inside a recurrent layer: one gate of one layer and direction over all time steps.
struct GateStats {
  int layer = 0;
  bool reverse = false;
  std::string gate;        // "input", "forget", "cell", "output" (LSTM); "reset", "update", "new"
                           // (GRU); "hidden" (RNN)
  std::string activation;  // its nonlinearity: "sigmoid", "tanh" or "relu"
  Stats pre_activation;    // of the gate's argument (steps * batch, hidden)
  // Fraction of the gate's outputs that saturate: sigmoid < 0.01 or > 0.99, |tanh| > 0.99;
  // for relu the fraction that is 0 (a dead unit passes no gradient either).
  double saturated = 0;
};

// The hidden state of one layer and direction: its std over (batch, hidden) at each step.
struct HiddenStats {
  int layer = 0;
  bool reverse = false;
  std::vector<double> std_per_step;
};

// Inside an attention: the logits q.k / sqrt(d) (after the masks; masked ones, -inf, left
// out) and how spread its attention is.
struct AttentionStats {
  Stats logits;
  // Entropy of each query's attention distribution relative to the uniform one over its
  // unmasked keys (H / ln n: 1 = uniform, 0 = all on one key), averaged over every query of
  // every head and batch item; min over them beside it. Rows with fewer than 2 keys are left
  // out (NaN when none is left).
  double entropy = 0, entropy_min = 0;
  int64_t rows = 0;
};

GateStats gate_stats(const nn::InnerTensor& inner, const Options& options);
HiddenStats hidden_stats(const nn::InnerTensor& inner);
AttentionStats attention_stats(const Tensor& logits, const Options& options);

// Dead and saturated units, the map of Karpathy's makemore notebooks: per unit of an
// activation's output, the fraction of its values (over the batch, and over spatial positions
// or time steps) that are active or saturated (probe_units.cpp).
//
// Which outputs get one, and what counts:
//   "active" (y > 0): ReLU, ReLU6, LeakyReLU, PReLU and their F.* forms (torch.relu and
//     Tensor.relu record as F.relu). For ReLU a unit off on every value passes no gradient;
//     the leaky ones' negative side still does, but "on" stays the positive side. (PReLU:
//     y > 0 means x > 0 for the slopes >= 0 it starts with.)
//   "saturated": Tanh, torch.tanh (F.tanh, Tensor.tanh), Hardtanh, F.hardtanh: |y| > 0.97;
//     Sigmoid, torch.sigmoid, Hardsigmoid, F.hardsigmoid: y < 0.03 or y > 0.97 (makemore's
//     thresholds; the hard forms are judged on the scale of their smooth twins). Stats'
//     `saturated` keeps its stricter 0.99: a layer's share, not a unit's.
//   None for ELU, SELU, CELU, GELU, SiLU, Mish, Softplus: smooth, with gradient on both sides
//     of 0, so neither "off" nor "saturated" marks a unit that stopped learning; nor for the
//     rest (Threshold, Hardswish, Softsign, ...), which makemore's map does not cover.
//
// The unit axis: the feature axis as the nearest earlier affine layer of the recording made
// it: a convolution (Conv*, ConvTranspose*) -> dim 1, the channels of (N, C, ...); Linear,
// Bilinear, Embedding, F.embedding, matmul, a recurrent or attention layer -> the last dim, of
// (N, F) or (N, T, F). With no affine layer before it: dim 1 (the last, for 2-D). A 1-D output
// is one unit per value; 0-D and empty outputs get no map.
struct UnitMap {
  static constexpr int64_t kMaxUnits = 4096;
  std::string kind;             // "active" or "saturated"
  int axis = 1;                 // the unit axis of the output's shape
  int64_t units = 0;            // every unit of the layer: the size of that axis
  int64_t values_per_unit = 0;  // numel / units: batch x positions (or steps)
  // Per unit, count / values_per_unit (float division of the exact integers) of values that
  // are active or saturated; of the first kMaxUnits units only (units says how many there are).
  std::vector<float> fraction;
  // Over all units: "active", units active on no value (dead); "saturated", units saturated
  // on every value (makemore's all-white column, as dead: no gradient gets through).
  int64_t dead = 0;
};

// What an affine layer's record type says the unit axis of later activations is.
enum class UnitAxis { unknown, channels, features };
UnitAxis unit_axis_of(const std::string& type);
// The map of an activation's output (type: its record type), nullopt when it is not one of
// the activations above or the output is 0-D or empty. One pass over the output.
std::optional<UnitMap> compute_unit_map(const Tensor& output, const std::string& type, UnitAxis axis);

struct LayerRecord {
  std::string path;  // module path ("conv2_bn", "features.3", "" for the root); "" for ops
  std::string type;  // class name ("Conv2d") or op ("F.relu")
  bool is_op = false;
  int line = 0;      // source line of an op, when the interpreter knows it
  int depth = 0;     // module nesting depth (root 0)
  bool is_leaf = true;
  // Where the input came from, for the theory's data flow: the index of the earlier record
  // whose output tensor this module was called on (the same data pointer; the latest such
  // record), -1 the recorded call's own input, -2 unknown (ops; an input no record made).
  int input_from = -2;
  // An add's two operands, the same way (empty for other records).
  std::vector<int> operands;
  Stats output;
  // The gradient of the loss with respect to the output, when the run computed one.
  std::optional<Stats> grad;
  // What the layer computed inside, when it is a recurrent or attention layer (several
  // attention calls of one module, e.g. a decoder's self and cross attention, each add one).
  std::vector<GateStats> gates;
  std::vector<HiddenStats> hidden;
  std::vector<AttentionStats> attention;
  // Of an activation's output: which units are dead or saturated (UnitMap above).
  std::optional<UnitMap> unit_map;
};

struct ParameterRecord {
  std::string name;  // state_dict key, "conv1.weight"
  Stats stats;
  // The initializer that drew the values, when an InitTrace saw it and they are unchanged since.
  std::optional<init::Distribution> init;
  // Its .grad, when the run computed gradients.
  std::optional<Stats> grad;
};

// Observes forward passes (install with nn::ObserveForward). Each outermost module call starts
// a new recording whose paths are relative to that module, so after a script has called
// several models the records describe the last call. Ops outside any module call are not
// part of a forward pass and are not recorded.
class Probe : public nn::ForwardObserver, public autograd::BackwardObserver {
 public:
  explicit Probe(Options options = {});
  // Kept for callers that name the model: same as Probe(options).
  Probe(nn::Module& root, Options options = {});
  void module_enter(const nn::Module& module, const Tensor* input) override;
  void module_output(const nn::Module& module, const Tensor& output) override;
  // An outermost call that fails leaves the previous complete recording in place.
  void module_abandon(const nn::Module& module) override;
  void op_output(const char* op, const Tensor& output) override;
  void op_operands(const Tensor& a, const Tensor& b) override;
  void inner_tensor(const nn::InnerTensor& inner) override;
  // During a backward of the recorded forward: fills the grad of every record whose output
  // that node made.
  void node_gradient(const autograd::Node& node, const Tensor& grad_output) override;
  const std::vector<LayerRecord>& records() const { return records_; }
  std::vector<LayerRecord> take_records() {
    record_nodes_.clear();
    record_data_.clear();
    return std::move(records_);
  }
  // Calls of modules this accepts win: once one has been recorded, outermost calls of other
  // modules are not (the session prefers the script's `model`).
  void prefer(std::function<bool(const nn::Module&)> preferred) { preferred_ = std::move(preferred); }
  // The module of the recorded outermost call (nullptr before any).
  const nn::Module* root() const { return root_; }
  // The shape of that call's first tensor argument (empty when it had none).
  const std::vector<int64_t>& root_input_shape() const { return root_input_shape_; }
  // Statistics of that argument (numel 0 when it had none): the theory starts from them.
  const Stats& root_input_stats() const { return root_input_stats_; }
  // That argument itself (a handle, not a copy; undefined when there was none): the
  // Jacobian is taken at its first samples.
  const Tensor& root_input() const { return root_input_; }
  // That call's output once it has returned (undefined before): what the observer was told, so for
  // a script forward returning a tuple its first item, and an empty tensor when it returned no tensor.
  const Tensor& root_output() const { return root_output_; }
  int forward_calls() const { return calls_; }

 private:
  std::vector<std::pair<const nn::Module*, std::string>> paths_;
  Options options_;
  std::vector<LayerRecord> records_;
  std::vector<const autograd::Node*> record_nodes_;  // the grad_fn of each record's output
  std::vector<const float*> record_data_;            // each record's output data (input_from)
  const float* root_input_data_ = nullptr;
  Tensor root_input_;
  std::vector<int> open_inputs_;   // input_from of each open module call, innermost last
  std::vector<int> pending_operands_;  // of the op whose output comes next
  UnitAxis unit_axis_ = UnitAxis::unknown;  // of the latest affine record of this recording
  // layer_type: the built-in layer a script subclass derives from (its saturation and unit
  // rules), nullptr for r.type's own.
  void add_record(LayerRecord r, const Tensor& output, const std::string* layer_type = nullptr);
  int source_of(const Tensor& t) const;
  const nn::Module* root_ = nullptr;
  std::vector<int64_t> root_input_shape_;
  Stats root_input_stats_;
  Tensor root_output_;
  std::vector<int> call_lines_;  // the script line of each open module call
  int depth_ = 0;
  int calls_ = 0;
  // The inner tensors of each open module call, innermost last.
  struct Inner {
    std::vector<GateStats> gates;
    std::vector<HiddenStats> hidden;
    std::vector<AttentionStats> attention;
    // The last attention's logits, so the library's layers (which hand them over, then call
    // softmax on them) are not counted twice by the hand-written-attention check.
    const float* last_logits = nullptr;
  };
  std::vector<Inner> inner_;
  std::function<bool(const nn::Module&)> preferred_;
  bool have_preferred_ = false;
  bool skipping_ = false;  // inside an outermost call that is not recorded
  // The recording before the current outermost call began (put back if that call fails).
  struct Saved {
    bool valid = false;
    std::vector<std::pair<const nn::Module*, std::string>> paths;
    std::vector<LayerRecord> records;
    std::vector<const autograd::Node*> record_nodes;
    std::vector<const float*> record_data;
    const float* root_input_data = nullptr;
    Tensor root_input;
    const nn::Module* root = nullptr;
    std::vector<int64_t> root_input_shape;
    Tensor root_output;
    bool have_preferred = false;
    Stats root_input_stats;
  } saved_;
};

// The loss a run differentiates for gradient statistics (probe_loss.cpp): "mean" of the
// output; "cross_entropy" or "nll" (the output as log-probabilities) against `labels` when
// defined (the input's real classes), else random labels; "mse" against a random linear
// teacher of the input. Random targets come from `gen`.
Tensor loss_for(const Tensor& output, const Tensor& input, const std::string& kind, Generator& gen,
                const Tensor& labels = Tensor());

std::vector<ParameterRecord> parameter_stats(nn::Module& root, const Options& options = {},
                                             const init::InitTrace* trace = nullptr);

}  // namespace initlab::probe
