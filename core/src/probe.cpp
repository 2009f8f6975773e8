#include "initlab/probe.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "initlab/kernels.hpp"

namespace initlab::probe {

namespace {

Saturation saturation_of(const std::string& type) {
  if (type == "Tanh" || type == "torch.tanh") return Saturation::tanh;
  if (type == "Sigmoid" || type == "torch.sigmoid") return Saturation::sigmoid;
  return Saturation::none;
}

void fill_histogram(const float* x, int64_t n, const Stats& s, const Options& o, Histogram& h) {
  h.counts.assign(static_cast<std::size_t>(std::max(o.bins, 1)), 0);
  if (s.numel - s.nan_count - s.inf_count <= 0) return;
  h.lo = std::max(s.min, s.mean - 4 * s.std);
  h.hi = std::min(s.max, s.mean + 4 * s.std);
  if (!(h.hi > h.lo)) {  // constant tensor: one bin around the value
    h.lo = s.min;
    h.hi = s.max;
  }
  const int64_t step = std::max<int64_t>(1, (n + o.histogram_sample - 1) / o.histogram_sample);
  const int bins = static_cast<int>(h.counts.size());
  // Float binning: bin edges need no more precision than a pixel of the chart.
  const auto lo = static_cast<float>(h.lo), hi = static_cast<float>(h.hi);
  const float inv = h.hi > h.lo ? static_cast<float>(bins / (h.hi - h.lo)) : 0.0f;
  // Branch-free binning into slots [below, bin 0 .. bin bins-1, above]: the sample is random
  // data, so branches on it mispredict. NaN and Inf are skipped when the tensor has any.
  std::vector<uint32_t> slots(static_cast<std::size_t>(bins) + 2, 0);
  uint32_t* slot = slots.data();
  const bool all_finite = s.nan_count == 0 && s.inf_count == 0;
  int64_t sampled = 0;
  for (int64_t i = 0; i < n; i += step) {
    const float v = x[i];
    if (!all_finite && !(std::fabs(v) <= std::numeric_limits<float>::max())) continue;
    ++sampled;
    // Clamped in float first: converting an out-of-range float to int is undefined.
    const float t = std::min(static_cast<float>(bins - 1), std::max(0.0f, (v - lo) * inv));
    const int in = 1 + static_cast<int>(t);
    ++slot[v < lo ? 0 : v > hi ? bins + 1 : in];
  }
  std::copy(slots.begin() + 1, slots.end() - 1, h.counts.begin());
  const int64_t below = slots.front(), above = slots.back();
  h.sampled = sampled;
  h.below = below;
  h.above = above;
}

}  // namespace

double l2_norm(const Stats& s) {
  if (s.nan_count > 0) return std::numeric_limits<double>::quiet_NaN();
  if (s.inf_count > 0) return std::numeric_limits<double>::infinity();
  const double n = static_cast<double>(s.numel);
  return std::sqrt(std::max(0.0, (n - 1) * s.std * s.std + n * s.mean * s.mean));
}

Stats compute_stats(const Tensor& t_in, Saturation saturation, const Options& options) {
  const Tensor t = t_in.contiguous();
  Stats s;
  s.shape = t.shape().to_vector();
  s.numel = t.numel();
  const int64_t n = s.numel;
  const float* x = n > 0 ? t.data() : nullptr;
  const kernels::Summary sum = kernels::summarize(n, x);
  s.nan_count = sum.nans;
  s.inf_count = sum.infs;
  s.zeros = n > 0 ? static_cast<double>(sum.zeros) / static_cast<double>(n) : 0.0;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (sum.finite > 0) {
    s.mean = sum.sum / static_cast<double>(sum.finite);
    s.min = sum.min;
    s.max = sum.max;
    s.std = sum.finite > 1 ? std::sqrt(kernels::sum_sq_dev(n, x, s.mean) /
                                       static_cast<double>(sum.finite - 1))
                           : nan;
  } else {
    s.mean = s.min = s.max = s.std = nan;
  }
  if (saturation == Saturation::none || n == 0) {
    s.saturated = nan;
  } else {
    s.saturated = static_cast<double>(saturation == Saturation::tanh
                                          ? kernels::count_outside(n, x, -0.99f, 0.99f)
                                          : kernels::count_outside(n, x, 0.01f, 0.99f)) /
                  static_cast<double>(n);
  }
  Stats for_hist = s;
  if (std::isnan(for_hist.std)) for_hist.std = 0;
  fill_histogram(x, n, for_hist, options, s.histogram);
  return s;
}

Probe::Probe(Options options) : options_(options) {}
Probe::Probe(nn::Module&, Options options) : options_(options) {}

int Probe::source_of(const Tensor& t) const {
  if (!t.defined()) return -2;
  const float* d = t.data();
  for (size_t i = record_data_.size(); i-- > 0;)
    if (record_data_[i] == d) return static_cast<int>(i);
  return d == root_input_data_ ? -1 : -2;
}

void Probe::module_enter(const nn::Module& module, const Tensor* input) {
  call_lines_.push_back(nn::source_line());
  inner_.emplace_back();
  if (depth_++ > 0) {
    open_inputs_.push_back(input != nullptr ? source_of(*input) : -2);
    return;
  }
  open_inputs_.assign(1, -1);
  // A new outermost call: a new forward pass, described relative to this module.
  ++calls_;
  saved_.valid = false;
  const bool preferred = preferred_ && preferred_(module);
  skipping_ = have_preferred_ && !preferred;
  if (skipping_) return;
  // Kept aside (moved: the new call starts empty) until this call returns.
  saved_ = {true,  std::move(paths_), std::move(records_), std::move(record_nodes_), std::move(record_data_),
            root_input_data_, root_input_, root_, std::move(root_input_shape_), root_output_, have_preferred_,
            root_input_stats_};
  have_preferred_ = have_preferred_ || preferred;
  records_.clear();
  record_nodes_.clear();
  record_data_.clear();
  pending_operands_.clear();
  unit_axis_ = UnitAxis::unknown;
  root_input_data_ = input != nullptr && input->defined() ? input->data() : nullptr;
  root_input_ = input != nullptr && input->defined() ? input->detach() : Tensor();  // not its graph
  root_ = &module;
  root_input_shape_ = input != nullptr ? input->shape().to_vector() : std::vector<int64_t>{};
  // The theory's recursion starts from the input's measured moments.
  root_input_stats_ = input != nullptr && input->defined() ? compute_stats(*input, Saturation::none, options_)
                                                           : Stats{};
  root_output_ = Tensor();
  paths_.clear();
  for (auto& [path, m] : const_cast<nn::Module&>(module).named_modules()) paths_.emplace_back(m, path);
}

void Probe::module_output(const nn::Module& module, const Tensor& output) {
  if (depth_ > 0) --depth_;
  if (depth_ == 0) saved_ = Saved{};
  LayerRecord r;
  if (!call_lines_.empty()) {
    r.line = call_lines_.back();
    call_lines_.pop_back();
  }
  if (!open_inputs_.empty()) {
    r.input_from = open_inputs_.back();
    open_inputs_.pop_back();
  }
  if (!inner_.empty()) {
    r.gates = std::move(inner_.back().gates);
    r.hidden = std::move(inner_.back().hidden);
    r.attention = std::move(inner_.back().attention);
    inner_.pop_back();
  }
  if (skipping_) return;
  if (depth_ == 0) root_output_ = output;
  for (const auto& [m, path] : paths_) {
    if (m == &module) {
      r.path = path;
      break;
    }
  }
  // A script subclass of a built-in layer shows its own class; the layer rules below (and the
  // theory's) follow the layer unless the class runs its own forward.
  r.type = module.class_name();
  r.depth = r.path.empty() ? 0 : 1 + static_cast<int>(std::count(r.path.begin(), r.path.end(), '.'));
  r.is_leaf = module.children().empty();
  add_record(std::move(r), output, module.forward_overridden() ? nullptr : &module.type_name());
}

void Probe::add_record(LayerRecord r, const Tensor& output, const std::string* layer_type) {
  // Made contiguous once for both passes (a transposed output would be copied twice).
  const Tensor values = output.defined() ? output.contiguous() : output;
  const std::string& rule = layer_type ? *layer_type : r.type;
  r.output = compute_stats(values, saturation_of(rule), options_);
  // Activations are leaves; a container is never one, whatever its class is called.
  if (r.is_leaf && values.defined()) r.unit_map = compute_unit_map(values, rule, unit_axis_);
  // Later activations take their unit axis from the latest affine layer.
  if (const UnitAxis axis = unit_axis_of(rule); axis != UnitAxis::unknown) unit_axis_ = axis;
  records_.push_back(std::move(r));
  record_nodes_.push_back(output.has_grad_fn() ? output.autograd_meta()->grad_fn.get() : nullptr);
  record_data_.push_back(output.defined() ? output.data() : nullptr);
}

void Probe::module_abandon(const nn::Module&) {
  if (depth_ > 0) --depth_;
  if (!call_lines_.empty()) call_lines_.pop_back();
  if (!open_inputs_.empty()) open_inputs_.pop_back();
  if (!inner_.empty()) inner_.pop_back();
  if (depth_ > 0) return;
  // The outermost call failed: what the probe shows is the last call that completed.
  --calls_;
  skipping_ = false;
  if (!saved_.valid) return;
  paths_ = std::move(saved_.paths);
  records_ = std::move(saved_.records);
  record_nodes_ = std::move(saved_.record_nodes);
  record_data_ = std::move(saved_.record_data);
  root_input_data_ = saved_.root_input_data;
  root_input_ = saved_.root_input;
  root_ = saved_.root;
  root_input_shape_ = std::move(saved_.root_input_shape);
  root_input_stats_ = std::move(saved_.root_input_stats);
  root_output_ = saved_.root_output;
  have_preferred_ = saved_.have_preferred;
  saved_.valid = false;
}

void Probe::op_output(const char* op, const Tensor& output) {
  if (depth_ == 0 || skipping_) return;
  LayerRecord r;
  r.type = op;
  r.is_op = true;
  r.line = nn::source_line();
  r.operands = std::move(pending_operands_);
  pending_operands_.clear();
  add_record(std::move(r), output);
}

void Probe::op_operands(const Tensor& a, const Tensor& b) {
  if (depth_ == 0 || skipping_) return;
  pending_operands_ = {source_of(a), source_of(b)};
}

void Probe::inner_tensor(const nn::InnerTensor& inner) {
  if (inner_.empty() || skipping_) return;
  Inner& open = inner_.back();
  switch (inner.kind) {
    case nn::InnerTensor::Kind::gate: open.gates.push_back(gate_stats(inner, options_)); break;
    case nn::InnerTensor::Kind::hidden: open.hidden.push_back(hidden_stats(inner)); break;
    case nn::InnerTensor::Kind::attention_logits:
      if (inner.tensor.numel() > 0 && inner.tensor.data() == open.last_logits) break;
      open.last_logits = inner.tensor.numel() > 0 ? inner.tensor.data() : nullptr;
      open.attention.push_back(attention_stats(inner.tensor, options_));
      break;
  }
}

void Probe::node_gradient(const autograd::Node& node, const Tensor& grad_output) {
  for (std::size_t i = 0; i < records_.size(); ++i) {
    if (record_nodes_[i] == &node) records_[i].grad = compute_stats(grad_output, Saturation::none, options_);
  }
}

std::vector<ParameterRecord> parameter_stats(nn::Module& root, const Options& options,
                                             const init::InitTrace* trace) {
  std::vector<ParameterRecord> out;
  for (auto& [name, t] : root.named_parameters()) {
    const Tensor g = t.grad();
    out.push_back({name, compute_stats(t, Saturation::none, options),
                   trace ? trace->find(t) : std::nullopt,
                   g.defined() ? std::optional<Stats>(compute_stats(g, Saturation::none, options)) : std::nullopt});
  }
  return out;
}

}  // namespace initlab::probe
