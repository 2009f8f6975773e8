// The Gaussian-vs-orthogonal compare (Pennington et al. 2017; Saxe et al. 2013): the same
// network with every Linear/Conv weight redrawn at the sigma_w^2 it had, so only the weights'
// distribution differs. Orthogonal weights can make the Jacobian's singular values all equal
// (dynamical isometry) where Gaussian ones of the same variance spread them.
#include <algorithm>
#include <cmath>
#include <optional>

#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/theory_jacobian.hpp"

namespace initlab::theory {

void check_reinit(const std::string& how) {
  if (how.empty() || how == "gaussian" || how == "orthogonal") return;
  raise(ErrorKind::ValueError, "unknown reinit option '" + how +
                                   "': use \"\" (the weights as the script drew them), \"gaussian\" or \"orthogonal\"");
}

void reinit_weights(nn::Module& model, const std::string& how, double init_scale, Generator& gen) {
  check_reinit(how);
  if (how.empty()) return;
  for (auto& [path, m] : model.named_modules()) {
    Tensor* w = nullptr;
    if (auto* lin = dynamic_cast<nn::Linear*>(m)) w = &lin->weight();
    else if (dynamic_cast<nn::ConvNd*>(m) != nullptr) w = m->parameter("weight");
    if (w == nullptr || !w->defined() || w->numel() == 0) continue;
    const Tensor c = w->contiguous();
    double sum = 0;
    for (int64_t i = 0; i < c.numel(); ++i) sum += static_cast<double>(c.data()[i]) * static_cast<double>(c.data()[i]);
    const double mean_square = sum / static_cast<double>(c.numel());
    const int64_t rows = w->size(0), cols = w->numel() / rows;
    // The spread to draw: N(0, E[W^2]), or a semi-orthogonal matrix (min(rows, cols) unit
    // singular values, so E[Q^2] = 1 / max(rows, cols)) times this gain.
    const double spread = how == "gaussian" ? std::sqrt(mean_square)
                                            : std::sqrt(mean_square * static_cast<double>(std::max(rows, cols)));
    // The initializers multiply their std or gain by the run's init_scale (init_trace.hpp):
    // divided out here, so the drawn sigma_w^2 is the one the weight had. A scale of 0 has
    // nothing to divide: the draw then happens under a trace of its own at scale 1 (it is
    // then not recorded in the run's trace).
    const bool unscaled = !(init_scale > 0);
    std::optional<init::InitTrace> own_trace;
    if (unscaled) own_trace.emplace(1.0);
    const double arg = unscaled ? spread : spread / init_scale;
    if (how == "gaussian") init::normal_(*w, 0.0, arg, gen);
    else init::orthogonal_(*w, arg, gen);
  }
}

}  // namespace initlab::theory
