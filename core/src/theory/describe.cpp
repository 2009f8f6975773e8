// From one probe record (and its module) to the theory's step: which rule the layer follows,
// with the numbers read from the module (weights drawn, running statistics, dropout's p,
// the mode). An op's own arguments are not recorded, so only ops whose result needs none
// (F.relu, torch.tanh, ...) or whose shapes say it all (views, average pools) are covered.
#include <map>

#include "initlab/nn/layers.hpp"
#include "run_steps.hpp"

namespace initlab::theory::detail {

namespace {

using kernels::Activation;
using K = RunStep::Kind;

std::vector<double> values(const Tensor* t) {
  std::vector<double> v;
  if (t == nullptr || !t->defined()) return v;
  Tensor c = t->contiguous();
  const float* d = c.data();
  v.reserve(static_cast<size_t>(c.numel()));
  for (int64_t i = 0; i < c.numel(); ++i) v.push_back(static_cast<double>(d[i]));
  return v;
}

double mean_square(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

RunStep stop(const std::string& label) {
  RunStep s;
  s.kind = K::stop;
  s.label = label;
  return s;
}

RunStep nonlinearity(Activation a, kernels::ActivationParams p = {}) {
  RunStep s;
  s.kind = K::nonlinearity;
  s.phi = Nonlinearity::of(a, p);
  return s;
}

// Functional activations that take no parameter (softplus: PyTorch's beta 1, threshold 20).
bool functional_activation(const std::string& op, RunStep& s) {
  static const std::map<std::string, Activation> names = {
      {"F.relu", Activation::relu},          {"torch.relu", Activation::relu},
      {"torch.tanh", Activation::tanh},      {"F.tanh", Activation::tanh},
      {"torch.sigmoid", Activation::sigmoid}, {"F.sigmoid", Activation::sigmoid},
      {"F.silu", Activation::silu},          {"F.selu", Activation::selu},
      {"F.mish", Activation::mish},          {"F.softsign", Activation::softsign},
      {"F.logsigmoid", Activation::logsigmoid},
  };
  auto it = names.find(op);
  kernels::ActivationParams p;
  if (it != names.end()) {
    s = nonlinearity(it->second, p);
    return true;
  }
  if (op == "F.softplus") {
    p.beta = 1.0f;
    p.threshold = 20.0f;
    s = nonlinearity(Activation::softplus, p);
    return true;
  }
  return false;
}

RunStep affine(const Tensor& weight, const Tensor* bias, int64_t groups, bool conv) {
  RunStep s;
  s.kind = K::affine;
  s.conv = conv;
  s.groups = groups;
  s.weight = weight.contiguous();
  const auto shape = weight.shape().to_vector();
  const int64_t out = shape.empty() ? 1 : shape[0];
  const int64_t numel = weight.numel();
  const int64_t fan_in = out > 0 ? numel / out : 0;  // in/groups * receptive field
  const int64_t receptive = shape.size() > 2 ? fan_in / shape[1] : 1;
  // PyTorch's fan_out: out_channels * receptive field (per group: what one input feeds).
  const int64_t fan_out = out / std::max<int64_t>(1, groups) * receptive;
  const float* w = s.weight.data();
  double w2 = 0;
  for (int64_t i = 0; i < numel; ++i) w2 += static_cast<double>(w[i]) * static_cast<double>(w[i]);
  w2 = numel > 0 ? w2 / static_cast<double>(numel) : 0.0;
  s.sigma_w2 = static_cast<double>(fan_in) * w2;
  s.fan_out_w2 = static_cast<double>(fan_out) * w2;
  s.bias = values(bias);
  s.sigma_b2 = mean_square(s.bias);
  s.out_units = out;
  return s;
}

RunStep average(const probe::LayerRecord& rec, int64_t in_numel) {
  RunStep s;
  s.kind = K::average;
  s.window = rec.output.numel > 0 && in_numel > 0
                 ? static_cast<double>(in_numel) / static_cast<double>(rec.output.numel) : 1.0;
  return s;
}

const std::string kMaxPool = ": the maximum of correlated values has no Gaussian rule";

}  // namespace

RunStep describe_step(const probe::LayerRecord& rec, nn::Module* m, int64_t in_numel) {
  const std::string& t = rec.is_op || !m ? rec.type : m->type_name();
  if (!rec.is_op && !rec.is_leaf) {
    RunStep s;
    s.kind = K::container;
    return s;
  }
  // A script subclass of a built-in layer follows the layer's rule (its record shows the
  // subclass's name), unless it runs a forward of its own.
  if (!rec.is_op && m && m->forward_overridden())
    return stop(rec.type + ": a subclass's own forward; the theory has no rule for it");
  if (rec.is_op) {
    RunStep s;
    if (functional_activation(t, s)) return s;
    if (t == "view" || t == "reshape" || t == "torch.flatten" || t == "flatten") {
      s.kind = rec.output.shape.size() == 2 ? K::flatten : K::same;
      return s;
    }
    if (t == "F.avg_pool2d" || t == "F.avg_pool1d" || t == "F.adaptive_avg_pool2d" ||
        t == "F.adaptive_avg_pool1d")
      return average(rec, in_numel);
    if (t == "add") {
      if (rec.operands.size() != 2) return stop("add of a number: the theory follows sums of two tensors");
      if (rec.operands[0] == -2 || rec.operands[1] == -2)
        return stop("add: an operand is not the output of a recorded layer");
      s.kind = K::add;
      return s;
    }
    if (t.find("max_pool") != std::string::npos) return stop(t + kMaxPool);
    if (t == "F.dropout") return stop("F.dropout: its p and training flag are not recorded");
    if (t == "F.leaky_relu" || t == "F.elu" || t == "F.gelu" || t == "F.hardtanh" || t == "F.softplus")
      return stop(t + ": its parameters are not recorded");
    if (t.find("softmax") != std::string::npos)
      return stop(t + ": normalizes across units; no per-unit rule");
    if (t.find("attention") != std::string::npos)
      return stop(t + ": attention mixes positions by data-dependent weights; no Gaussian rule");
    return stop(t + ": the theory has no rule for this op (a user's own computation)");
  }
  if (m == nullptr) return stop(t + ": module not found");
  if (auto* lin = dynamic_cast<nn::Linear*>(m)) return affine(lin->weight(), lin->parameter("bias"), 1, false);
  if (auto* conv = dynamic_cast<nn::ConvNd*>(m))
    return affine(*conv->parameter("weight"), conv->parameter("bias"), conv->options().groups, true);
  if (auto* act = dynamic_cast<nn::ActivationModule*>(m)) return nonlinearity(act->activation(), act->params());
  if (auto* bn = dynamic_cast<nn::BatchNorm*>(m)) {
    RunStep s;
    std::vector<float> alpha, beta;
    if (bn->eval_affine(alpha, beta)) {
      s.kind = K::scale;
      for (float a : alpha) s.a.push_back(static_cast<double>(a));
      for (float b : beta) s.b.push_back(static_cast<double>(b));
    } else {
      s.kind = K::batch_norm;
      s.a = values(bn->parameter("weight"));
      s.b = values(bn->parameter("bias"));
      s.eps = bn->options().eps.value;
    }
    s.out_units = bn->options().num_features;
    return s;
  }
  if (auto* ln = dynamic_cast<nn::LayerNorm*>(m)) {
    RunStep s;
    s.kind = K::layer_norm;
    s.a = values(ln->parameter("weight"));
    s.b = values(ln->parameter("bias"));
    s.eps = ln->eps();
    // Only a last-dim LayerNorm keeps units resolved; a wider one normalizes the collapsed state.
    s.out_units = ln->normalized_shape().size() == 1 ? ln->normalized_shape()[0] : 0;
    return s;
  }
  if (auto* gn = dynamic_cast<nn::GroupNorm*>(m)) {
    RunStep s;
    s.kind = K::group_norm;
    s.a = values(gn->parameter("weight"));
    s.b = values(gn->parameter("bias"));
    s.eps = gn->eps();
    s.out_units = gn->num_channels();
    return s;
  }
  if (auto* d = dynamic_cast<nn::Dropout*>(m)) {
    using DK = nn::Dropout::Kind;
    RunStep s;
    // Identity in eval mode; alpha dropout is built to keep SELU's mean and variance.
    if (!d->is_training() || d->kind() == DK::alpha || d->kind() == DK::feature_alpha || d->p() <= 0) return s;
    if (d->p() >= 1) return stop(t + ": p = 1 zeroes everything");
    s.kind = K::dropout;
    s.p = d->p();
    return s;
  }
  if (t == "AvgPool1d" || t == "AvgPool2d" || t == "AdaptiveAvgPool1d" || t == "AdaptiveAvgPool2d")
    return average(rec, in_numel);
  if (t == "Flatten") {
    RunStep s;
    s.kind = rec.output.shape.size() == 2 ? K::flatten : K::same;
    return s;
  }
  if (t == "Identity" || t == "Unflatten") return RunStep{};
  if (t.find("MaxPool") != std::string::npos) return stop(t + kMaxPool);
  if (t == "MultiheadAttention" || t.find("Transformer") != std::string::npos)
    return stop(t + ": attention mixes positions by data-dependent weights; no Gaussian rule");
  if (t == "Softmax" || t == "LogSoftmax" || t == "Softmin") return stop(t + ": normalizes across units; no per-unit rule");
  if (t == "RNN" || t == "LSTM" || t == "GRU") return stop(t + ": recurrence; the per-layer rule does not cover it");
  return stop(t + ": the theory has no rule for this layer");
}

}  // namespace initlab::theory::detail
