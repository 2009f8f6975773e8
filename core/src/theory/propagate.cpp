// The per-layer recursion: each step maps the signal's (mean, second moment) as the theory
// says, from the input's measurement; a stop restarts from the layer's measurement.
#include <algorithm>
#include <cmath>
#include <limits>

#include "initlab/theory.hpp"

namespace initlab::theory {

double Measured::m2() const {
  double n = static_cast<double>(numel);
  double var = n > 1 ? std * std * (n - 1) / n : std * std;
  return var + mean * mean;
}

std::vector<Prediction> propagate(const Measured& input, const std::vector<Step>& steps,
                                  const std::vector<Measured>& measured) {
  std::vector<Prediction> out(steps.size());
  double mean = input.mean, m2 = input.m2();
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& s = steps[i];
    Prediction& p = out[i];
    p.covered = true;
    double var = std::max(0.0, m2 - mean * mean);
    switch (s.kind) {
      case Step::Kind::affine: {
        // y = W x + b, W independent of x: E[y^2] = fan_in E[W^2] E[x^2] + E[b^2]; the
        // mean only through the weights' own mean (zero for the usual inits).
        double next_mean = s.w_mean_fan * mean + s.b_mean;
        m2 = s.sigma_w2 * m2 + s.sigma_b2;
        mean = next_mean;
        p.chi1 = s.sigma_w2;
        p.backward = s.fan_out_w2;
        // chi1 with the nonlinearity that follows, at this layer's output variance.
        if (i + 1 < steps.size() && steps[i + 1].kind == Step::Kind::nonlinearity) {
          double v = std::max(0.0, m2 - mean * mean);
          p.chi1 = s.sigma_w2 * moments(steps[i + 1].phi, mean, std::sqrt(v)).dphi2;
        }
        break;
      }
      case Step::Kind::nonlinearity: {
        Moments mo = moments(s.phi, mean, std::sqrt(var));
        mean = mo.mean;
        m2 = mo.m2;
        p.dphi2 = mo.dphi2;
        p.backward = mo.dphi2;
        break;
      }
      case Step::Kind::scale: {
        double next_mean = s.a * mean + s.b;
        m2 = s.a2 * m2 + 2 * s.ab * mean + s.b2;
        mean = next_mean;
        p.backward = s.a2;
        break;
      }
      case Step::Kind::normalize:
        // Normalized to zero mean, unit variance per channel, then gamma x + beta.
        p.backward = var > 0 ? s.g2 / var : 1.0;
        mean = s.beta_mean;
        m2 = s.g2;
        break;
      case Step::Kind::dropout:
        m2 = m2 / (1 - s.p);
        p.backward = 1 / (1 - s.p);
        break;
      case Step::Kind::average:
        // Independent values: the mean stays, the variance divides by the window.
        m2 = mean * mean + var / s.window;
        p.backward = 1 / s.window;
        break;
      case Step::Kind::same:
        break;
      case Step::Kind::stop:
        p.covered = false;
        p.stop_label = s.label;
        p.backward = std::numeric_limits<double>::quiet_NaN();
        break;
    }
    if (p.covered) {
      p.predicted_mean = mean;
      p.predicted_std = std::sqrt(std::max(0.0, m2 - mean * mean));
    } else if (i < measured.size()) {
      mean = measured[i].mean;
      m2 = measured[i].m2();
      p.predicted_mean = std::numeric_limits<double>::quiet_NaN();
      p.predicted_std = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

std::vector<double> predict_grad_norms(const std::vector<Prediction>& forward,
                                       const std::vector<int64_t>& numel,
                                       const std::vector<double>& measured_norm) {
  const size_t n = forward.size();
  std::vector<double> out(n, std::numeric_limits<double>::quiet_NaN());
  if (n == 0 || measured_norm.size() != n || numel.size() != n) return out;
  // Second moment per element of the gradient at step i's output.
  double g2 = std::numeric_limits<double>::quiet_NaN();
  for (size_t k = n; k-- > 0;) {
    if (std::isnan(g2) && measured_norm[k] >= 0 && numel[k] > 0)
      g2 = measured_norm[k] * measured_norm[k] / static_cast<double>(numel[k]);
    out[k] = std::sqrt(g2 * static_cast<double>(numel[k]));
    // To the step's input: its backward factor (NaN at a stop: restart from the measurement
    // one step closer to the input).
    g2 *= forward[k].backward;
  }
  return out;
}

}  // namespace initlab::theory
