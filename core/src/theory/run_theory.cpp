// The theory of one probed forward: the per-unit recursion over the records' steps (the
// data flow the probe recorded: each module's input, each add's operands), the predicted
// gradient norms back from the output, chi and chi1 of every affine layer.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "initlab/theory_report.hpp"
#include "run_steps.hpp"

namespace initlab::theory {

namespace detail {

double UnitState::overall_mean() const {
  double s = 0;
  for (double m : mean) s += m;
  return s / static_cast<double>(mean.size());
}

double UnitState::overall_var() const {
  double s = 0;
  for (size_t i = 0; i < mean.size(); ++i) s += var[i] + mean[i] * mean[i];
  const double m = overall_mean();
  return std::max(0.0, s / static_cast<double>(mean.size()) - m * m);
}

UnitState UnitState::collapsed() const {
  UnitState s = uniform(overall_mean(), overall_var());
  s.axis_last = axis_last;
  s.ndim = ndim;
  return s;
}

UnitState UnitState::along(size_t n, bool last) const {
  const bool axis_ok = ndim <= 2 || axis_last == last;
  if (units() == 1 || (units() == n && axis_ok)) return *this;
  return collapsed();
}

UnitState UnitState::uniform(double m, double v) {
  UnitState s;
  s.mean = {m};
  s.var = {std::max(0.0, v)};
  return s;
}

}  // namespace detail

namespace {

using detail::RunStep;
using detail::UnitState;
using K = RunStep::Kind;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double at(const std::vector<double>& v, size_t i, double otherwise) {
  return v.empty() ? otherwise : v[std::min(i, v.size() - 1)];
}

// h = W x + b through the drawn weights: unit o gets sum W_oi m_i + b_o and sum W_oi^2 v_i
// (inputs independent across units and, for convolutions, across positions).
UnitState affine(const RunStep& s, const UnitState& in) {
  const auto shape = s.weight.shape().to_vector();
  const int64_t out = shape.empty() ? 1 : shape[0];
  const int64_t inpg = shape.size() > 1 ? shape[1] : 1;
  const int64_t receptive = out * inpg > 0 ? s.weight.numel() / (out * inpg) : 1;
  const int64_t per_group = std::max<int64_t>(1, out / std::max<int64_t>(1, s.groups));
  const UnitState x = in.along(static_cast<size_t>(inpg * s.groups), !s.conv);
  const bool one = x.units() == 1;
  UnitState y;
  y.mean.assign(static_cast<size_t>(out), 0.0);
  y.var.assign(static_cast<size_t>(out), 0.0);
  const float* w = s.weight.data();
  for (int64_t o = 0; o < out; ++o) {
    const int64_t g = o / per_group;
    double m = 0, v = 0;
    for (int64_t c = 0; c < inpg; ++c) {
      const size_t ci = one ? 0 : static_cast<size_t>(g * inpg + c);
      const double mi = x.mean[ci], vi = x.var[ci];
      const float* wk = w + (o * inpg + c) * receptive;
      double ws = 0, w2 = 0;
      for (int64_t k = 0; k < receptive; ++k) {
        const double wv = static_cast<double>(wk[k]);
        ws += wv;
        w2 += wv * wv;
      }
      m += ws * mi;
      v += w2 * vi;
    }
    y.mean[static_cast<size_t>(o)] = m + at(s.bias, static_cast<size_t>(o), 0.0);
    y.var[static_cast<size_t>(o)] = v;
  }
  y.axis_last = !s.conv;
  return y;
}

struct Applied {
  UnitState state;
  double backward = 1;  // factor on the gradient's second moment per element, output to input
  double dphi2 = kNaN;  // nonlinearity: mean E[phi'^2] over units
};

Applied apply(const RunStep& s, const UnitState& in, const std::vector<UnitState>& operand_states,
              const probe::LayerRecord& rec) {
  Applied r;
  r.state = in;
  UnitState& y = r.state;
  switch (s.kind) {
    case K::container:
    case K::same:
    case K::stop:
      break;
    case K::affine:
      y = affine(s, in);
      r.backward = s.fan_out_w2;
      break;
    case K::nonlinearity: {
      double d = 0;
      for (size_t u = 0; u < y.units(); ++u) {
        const Moments mo = moments(s.phi, in.mean[u], std::sqrt(in.var[u]));
        y.mean[u] = mo.mean;
        y.var[u] = std::max(0.0, mo.m2 - mo.mean * mo.mean);
        d += mo.dphi2;
      }
      r.dphi2 = d / static_cast<double>(y.units());
      r.backward = r.dphi2;
      break;
    }
    case K::scale: {
      const UnitState x = in.along(s.a.size(), false);
      y.mean.assign(s.a.size(), 0.0);
      y.var.assign(s.a.size(), 0.0);
      double a2 = 0;
      for (size_t c = 0; c < s.a.size(); ++c) {
        const size_t i = x.units() == 1 ? 0 : c;
        y.mean[c] = s.a[c] * x.mean[i] + s.b[c];
        y.var[c] = s.a[c] * s.a[c] * x.var[i];
        a2 += s.a[c] * s.a[c];
      }
      y.axis_last = false;
      r.backward = s.a.empty() ? 1.0 : a2 / static_cast<double>(s.a.size());
      break;
    }
    case K::batch_norm: {
      // Each channel normalized by its own batch statistics: its within-channel variance.
      const size_t n = static_cast<size_t>(std::max<int64_t>(1, s.out_units));
      const UnitState x = in.along(n, false);
      y.mean.assign(n, 0.0);
      y.var.assign(n, 0.0);
      double back = 0;
      for (size_t c = 0; c < n; ++c) {
        const double v = x.var[x.units() == 1 ? 0 : c], g = at(s.a, c, 1.0);
        y.mean[c] = at(s.b, c, 0.0);
        y.var[c] = g * g * v / (v + s.eps);
        back += g * g / (v + s.eps);
      }
      y.axis_last = false;
      r.backward = back / static_cast<double>(n);
      break;
    }
    case K::layer_norm:
    case K::group_norm: {
      // Across units per sample: the sample's mean and variance are the state's overall ones.
      const bool resolved = s.kind == K::layer_norm && s.out_units > 0;
      const size_t n = static_cast<size_t>(std::max<int64_t>(1, s.out_units));
      const UnitState x = resolved ? in.along(n, true) : in.collapsed();
      const double mu = x.overall_mean(), var = x.overall_var();
      const double inv = 1.0 / std::sqrt(var + s.eps);
      y.mean.assign(n, 0.0);
      y.var.assign(n, 0.0);
      double back = 0;
      for (size_t u = 0; u < n; ++u) {
        const size_t i = x.units() == 1 ? 0 : u;
        const double g = at(s.a, u, 1.0);
        y.mean[u] = g * (x.mean[i] - mu) * inv + at(s.b, u, 0.0);
        y.var[u] = g * g * x.var[i] * inv * inv;
        back += g * g * inv * inv;
      }
      y.axis_last = resolved;
      r.backward = back / static_cast<double>(n);
      break;
    }
    case K::dropout:
      // Kept values scaled by 1 / (1 - p): E[y] = E[x], E[y^2] = E[x^2] / (1 - p).
      for (size_t u = 0; u < y.units(); ++u) {
        const double m2 = (in.var[u] + in.mean[u] * in.mean[u]) / (1 - s.p);
        y.var[u] = std::max(0.0, m2 - in.mean[u] * in.mean[u]);
      }
      r.backward = 1 / (1 - s.p);
      break;
    case K::average:
      // The mean of `window` independent values of a channel: its variance / window.
      for (double& v : y.var) v /= s.window;
      r.backward = 1 / s.window;
      break;
    case K::flatten: {
      // (N, C, ...) -> (N, C * rest): channel c's unit becomes rest consecutive features.
      const int64_t features = rec.output.shape.size() == 2 ? rec.output.shape[1] : 0;
      if (in.units() > 1 && in.ndim > 2 && !in.axis_last && features > 0 &&
          features % static_cast<int64_t>(in.units()) == 0) {
        const size_t rep = static_cast<size_t>(features) / in.units();
        y.mean.clear();
        y.var.clear();
        for (size_t c = 0; c < in.units(); ++c) {
          y.mean.insert(y.mean.end(), rep, in.mean[c]);
          y.var.insert(y.var.end(), rep, in.var[c]);
        }
      } else if (in.units() > 1 && in.ndim > 2) {
        y = in.collapsed();
      }
      y.axis_last = true;
      break;
    }
    case K::add: {
      // Independent branches: means and variances add, unit by unit when both are resolved
      // alike.
      const UnitState& a = operand_states[0];
      const UnitState& b = operand_states[1];
      const bool same_units = a.units() == b.units() && (a.ndim <= 2 || a.axis_last == b.axis_last);
      const UnitState ua = same_units || a.units() == 1 ? a : a.collapsed();
      const UnitState ub = same_units || b.units() == 1 ? b : b.collapsed();
      const UnitState& big = ua.units() >= ub.units() ? ua : ub;
      const UnitState& small = ua.units() >= ub.units() ? ub : ua;
      y = big;
      for (size_t u = 0; u < y.units(); ++u) {
        const size_t i = small.units() == 1 ? 0 : u;
        y.mean[u] += small.mean[i];
        y.var[u] += small.var[i];
      }
      break;
    }
  }
  // A view that changes which axis holds the units loses the resolution.
  const int ndim = static_cast<int>(rec.output.shape.size());
  if (s.kind == K::same && y.units() > 1 && ndim != y.ndim) {
    const int64_t axis_size = ndim >= 2 ? rec.output.shape[y.axis_last ? static_cast<size_t>(ndim - 1) : 1] : 0;
    if (axis_size != static_cast<int64_t>(y.units())) y = y.collapsed();
  }
  y.ndim = std::max(1, ndim);
  return r;
}

bool is_leaf_step(const probe::LayerRecord& rec) { return rec.is_op || rec.is_leaf; }

}  // namespace

RunTheory describe_run(nn::Module& model, const std::vector<probe::LayerRecord>& layers,
                       const probe::Stats& input) {
  RunTheory run;
  std::map<std::string, nn::Module*> by_path;
  for (auto& [name, mod] : model.named_modules()) by_path[name] = mod;

  const double n_in = static_cast<double>(std::max<int64_t>(1, input.numel));
  UnitState input_state =
      UnitState::uniform(input.mean, input.std * input.std * (n_in > 1 ? (n_in - 1) / n_in : 1.0));
  input_state.ndim = static_cast<int>(std::max<size_t>(1, input.shape.size()));
  auto state_of = [&](int index, const std::vector<UnitState>& states) -> const UnitState& {
    if (index >= 0 && static_cast<size_t>(index) < states.size()) return states[static_cast<size_t>(index)];
    return input_state;
  };

  std::vector<UnitState> states;
  std::vector<RunStep> steps;
  std::vector<Applied> applied;
  for (size_t i = 0; i < layers.size(); ++i) {
    const probe::LayerRecord& rec = layers[i];
    // Where the input comes from: the recorded data flow, else the record before.
    const int from = rec.input_from >= -1 ? rec.input_from : static_cast<int>(i) - 1;
    const int64_t in_numel = from >= 0 ? layers[static_cast<size_t>(from)].output.numel : input.numel;
    auto it = by_path.find(rec.path);
    nn::Module* m = rec.is_op || it == by_path.end() ? nullptr : it->second;
    RunStep s = detail::describe_step(rec, m, in_numel);
    std::vector<UnitState> operands;
    for (int o : rec.operands) operands.push_back(state_of(o, states));
    const UnitState& in = s.kind == K::container ? state_of(static_cast<int>(i) - 1, states) : state_of(from, states);
    Applied a = apply(s, in, operands, rec);
    if (s.kind == K::stop) {
      // Restart from what the layer actually produced.
      const double n = static_cast<double>(std::max<int64_t>(1, rec.output.numel));
      a.state = UnitState::uniform(rec.output.mean, rec.output.std * rec.output.std * (n > 1 ? (n - 1) / n : 1.0));
      a.state.ndim = static_cast<int>(std::max<size_t>(1, rec.output.shape.size()));
      a.backward = kNaN;
    }
    states.push_back(a.state);
    steps.push_back(std::move(s));
    applied.push_back(std::move(a));
  }

  // The leaf layers and ops, in order: the table, chi, and the gradient chain.
  std::vector<size_t> leaves;
  for (size_t i = 0; i < layers.size(); ++i)
    if (is_leaf_step(layers[i])) leaves.push_back(i);
  std::vector<Prediction> chain;
  std::vector<int64_t> numels;
  std::vector<double> grad_measured;
  for (size_t i : leaves) {
    Prediction p;
    p.covered = steps[i].kind != K::stop;
    p.backward = applied[i].backward;
    chain.push_back(p);
    numels.push_back(layers[i].output.numel);
    grad_measured.push_back(layers[i].grad ? probe::l2_norm(*layers[i].grad) : -1.0);
  }
  const std::vector<double> grads = predict_grad_norms(chain, numels, grad_measured);

  std::map<std::string, int> activation_count;
  std::map<std::string, Nonlinearity> activation_phi;
  double w2_sum = 0, b2_sum = 0;
  for (size_t k = 0; k < leaves.size(); ++k) {
    const size_t i = leaves[k];
    const probe::LayerRecord& rec = layers[i];
    const RunStep& s = steps[i];
    LayerTheory lt;
    lt.layer = i;
    lt.path = rec.path;
    lt.type = rec.type;
    lt.covered = s.kind != K::stop;
    lt.stop_label = s.label;
    lt.measured_mean = rec.output.mean;
    lt.measured_std = rec.output.std;
    lt.predicted_mean = lt.covered ? states[i].overall_mean() : kNaN;
    lt.predicted_std = lt.covered ? std::sqrt(states[i].overall_var()) : kNaN;
    lt.ratio = lt.covered && lt.predicted_std > 0 ? lt.measured_std / lt.predicted_std : kNaN;
    // All-zero weights: predicted 0 and measured 0 agree.
    if (lt.covered && lt.predicted_std == 0 && lt.measured_std == 0) lt.ratio = 1;
    lt.disagrees = lt.covered && !(std::fabs(lt.ratio - 1) <= kDisagreement);
    if (lt.disagrees && !run.disagrees) run.first_disagreement = static_cast<int>(run.layers.size());
    run.disagrees = run.disagrees || lt.disagrees;
    lt.sigma_w2 = lt.sigma_b2 = lt.chi1 = lt.chi = kNaN;
    if (s.kind != K::affine && s.kind != K::nonlinearity && s.kind != K::same && s.kind != K::flatten)
      run.plain_chain = false;
    if (s.kind == K::nonlinearity) {
      activation_count[rec.type]++;
      activation_phi[rec.type] = s.phi;
    }
    if (s.kind == K::affine) {
      lt.sigma_w2 = s.sigma_w2;
      lt.sigma_b2 = s.sigma_b2;
      // The activation that follows (past identities, views and dropout), else the identity.
      Nonlinearity phi = Nonlinearity::linear();
      double dphi2 = 1;
      for (size_t j = k + 1; j < leaves.size(); ++j) {
        const RunStep& n = steps[leaves[j]];
        if (n.kind == K::nonlinearity) {
          phi = n.phi;
          dphi2 = applied[leaves[j]].dphi2;
          break;
        }
        if (n.kind != K::same && n.kind != K::dropout && n.kind != K::flatten) break;
      }
      lt.chi = s.sigma_w2 * dphi2;
      lt.chi1 = fixed_point(phi, s.sigma_w2, s.sigma_b2, false).chi1;
      run.chi_product *= lt.chi;
      w2_sum += s.sigma_w2;
      b2_sum += s.sigma_b2;
      ++run.affine_layers;
    }
    lt.measured_grad_norm = rec.grad ? grad_measured[k] : kNaN;
    lt.predicted_grad_norm = rec.grad ? grads[k] : kNaN;
    run.layers.push_back(std::move(lt));
  }
  int best = 0;
  for (auto& [name, count] : activation_count)
    if (count > best) {
      best = count;
      run.nonlinearity = name;
      run.phi = activation_phi[name];
    }
  if (best == 0) run.phi = Nonlinearity::linear();
  if (run.affine_layers > 0) {
    run.mean_sigma_w2 = w2_sum / run.affine_layers;
    run.mean_sigma_b2 = b2_sum / run.affine_layers;
    run.fixed_point = fixed_point(run.phi, run.mean_sigma_w2, run.mean_sigma_b2);
  } else {
    run.chi_product = kNaN;
  }
  return run;
}

}  // namespace initlab::theory
