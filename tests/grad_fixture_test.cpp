// Whole-network gradients against PyTorch: tests/fixtures/grad_fixtures.txt, written by
// tests/fixtures/make_grad_fixtures.py (format in its header). Each run rebuilds the model,
// its input x and the output gradient gy (or the loss target) from the generator as PyTorch
// drew them (the FNV-1a hashes must match bit for bit), runs forward with autograd on,
// backward(gy) or loss.backward(), and compares x.grad and every parameter's .grad.
//
// The comparison rule, per gradient tensor g (PyTorch's float32 gradient t):
//   every recorded element j:  |g_j - t_j| <= 1e-4 * absmax(t) + 1e-6 * R
//   and the whole tensor:      |norm(g) - norm(t)| <= 1e-4 * norm(t) + 1e-6 * R
// absmax(t) and norm(t) are over the whole tensor (from the fixture), R is the largest
// absmax of any gradient of the run. The 1e-6 * R floor only matters for gradients that
// are zero in exact arithmetic (a conv/linear bias before a train-mode BatchNorm), where
// both PyTorch's and our values are float rounding noise (the fixture's torch_err shows
// PyTorch's float32 result off by 1e8 relative to its own float64 run there).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/optim.hpp"
#include "initlab/sampling.hpp"
#include "support/fixtures.hpp"
#include "support/models.hpp"

using namespace initlab;

namespace {

struct GradRecord {
  std::string name;
  std::vector<int64_t> shape;
  double absmax = 0, norm = 0, torch_err = 0;
  int64_t n = 0, stride = 1;
  std::vector<uint32_t> values;  // float bits at 0, stride, 2*stride, ...
};

struct GradRun {
  std::string name, cls, mode, loss;
  uint64_t seed = 0;
  std::vector<int64_t> input, output;
  uint64_t input_fnv = 0, grad_output_fnv = 0, target_fnv = 0;
  std::vector<GradRecord> grads;
};

std::vector<int64_t> dims(const std::string& s) {
  std::vector<int64_t> out;
  if (s == "-") return out;
  std::stringstream in(s);
  for (std::string d; std::getline(in, d, 'x');) out.push_back(std::stoll(d));
  return out;
}

std::map<std::string, std::string> fields(std::istringstream& in) {
  std::map<std::string, std::string> out;
  for (std::string w; in >> w;) {
    const auto eq = w.find('=');
    if (eq != std::string::npos) out[w.substr(0, eq)] = w.substr(eq + 1);
  }
  return out;
}

// An optimizer run: the same header fields as a GradRun, then `optimizer`, `options`,
// `steps`; its records are the parameters after the steps (absmax = update_absmax).
struct OptimRun : GradRun {
  std::string optimizer;
  std::map<std::string, double> options;
  int steps = 0;
};

struct GradFile {
  std::vector<GradRun> runs;
  std::vector<OptimRun> optim;
};

const GradFile& grad_fixtures() {
  static const GradFile parsed = [] {
    std::ifstream file(std::string(INITLAB_FIXTURE_DIR) + "/grad_fixtures.txt");
    REQUIRE_MESSAGE(file.good(), "cannot open grad_fixtures.txt");
    GradFile out;
    GradRun* current = nullptr;
    for (std::string line; std::getline(file, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream in(line);
      std::string head;
      in >> head;
      if (head == "run" || head == "optim") {
        if (head == "run") {
          out.runs.emplace_back();
          current = &out.runs.back();
        } else {
          out.optim.emplace_back();
          current = &out.optim.back();
        }
        in >> current->name;
        continue;
      }
      REQUIRE(current != nullptr);
      GradRun& run = *current;
      if (head == "optimizer") {
        in >> static_cast<OptimRun&>(run).optimizer;
        continue;
      }
      if (head == "steps") {
        in >> static_cast<OptimRun&>(run).steps;
        continue;
      }
      if (head == "options") {
        for (const auto& [k, v] : fields(in)) static_cast<OptimRun&>(run).options[k] = std::stod(v);
        continue;
      }
      if (head == "class") in >> run.cls;
      else if (head == "mode") in >> run.mode;
      else if (head == "loss") in >> run.loss;
      else if (head == "seed") in >> run.seed;
      else if (head == "input" || head == "output") {
        std::string s;
        in >> s;
        (head == "input" ? run.input : run.output) = dims(s);
      } else if (head == "input_fnv" || head == "grad_output_fnv" || head == "target_fnv") {
        std::string s;
        in >> s;
        (head == "input_fnv" ? run.input_fnv : head == "target_fnv" ? run.target_fnv : run.grad_output_fnv) =
            std::stoull(s, nullptr, 16);
      } else if (head == "grad") {
        GradRecord g;
        in >> g.name;
        auto f = fields(in);
        g.shape = dims(f["shape"]);
        g.absmax = std::stod(f["absmax"]);
        g.norm = std::stod(f["norm"]);
        g.torch_err = std::stod(f["torch_err"]);
        run.grads.push_back(g);
      } else if (head == "param") {
        GradRecord g;
        in >> g.name;
        auto f = fields(in);
        g.shape = dims(f["shape"]);
        g.absmax = std::stod(f["update_absmax"]);
        run.grads.push_back(g);
      } else if (head == "expect") {
        auto f = fields(in);
        REQUIRE(f["dtype"] == "f32");
        run.grads.back().n = std::stoll(f["n"]);
        run.grads.back().stride = std::stoll(f["stride"]);
      } else if (head == "v") {
        for (std::string w; in >> w;) run.grads.back().values.push_back(static_cast<uint32_t>(std::stoul(w, nullptr, 16)));
      }
    }
    return out;
  }();
  return parsed;
}

uint64_t fnv_of(const Tensor& t) {
  const Tensor c = t.contiguous();
  return fixtures::fnv1a(c.data(), static_cast<std::size_t>(c.numel()) * sizeof(float));
}

float from_bits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// The measured error of one gradient: max over recorded elements of |g - t| / absmax(t),
// and whether the rule at the top holds.
struct Measured {
  double max_rel = 0;   // |g - t| / absmax(t), worst recorded element
  double norm_rel = 0;  // |norm(g) - norm(t)| / norm(t)
  bool ok = true;
  std::string detail;
};

Measured compare(const Tensor& grad, const GradRecord& rec, double run_scale) {
  Measured m;
  const Tensor g = grad.contiguous();
  const double floor = 1e-6 * run_scale;
  double sq = 0;
  for (int64_t i = 0; i < g.numel(); ++i) sq += static_cast<double>(g.data()[i]) * static_cast<double>(g.data()[i]);
  const double norm = std::sqrt(sq);
  m.norm_rel = rec.norm > 0 ? std::fabs(norm - rec.norm) / rec.norm : norm;
  if (std::fabs(norm - rec.norm) > 1e-4 * rec.norm + floor) {
    m.ok = false;
    m.detail = "norm " + std::to_string(norm) + " vs " + std::to_string(rec.norm);
  }
  for (std::size_t k = 0; k < rec.values.size(); ++k) {
    const int64_t j = static_cast<int64_t>(k) * rec.stride;
    const double ours = static_cast<double>(g.data()[j]);
    const double theirs = static_cast<double>(from_bits(rec.values[k]));
    const double diff = std::fabs(ours - theirs);
    if (rec.absmax > 0) m.max_rel = std::max(m.max_rel, diff / rec.absmax);
    if (diff > 1e-4 * rec.absmax + floor && m.ok) {
      m.ok = false;
      m.detail = "element " + std::to_string(j) + ": " + std::to_string(ours) + " vs PyTorch " +
                 std::to_string(theirs);
    }
  }
  return m;
}

}  // namespace

TEST_SUITE("grad_fixtures") {

TEST_CASE("whole-network gradients match PyTorch's (1e-4 of each gradient's largest value)") {
  const auto& runs = grad_fixtures().runs;
  REQUIRE(runs.size() == 9);
  for (const GradRun& run : runs) {
    CAPTURE(run.name);
    default_generator().manual_seed(run.seed);
    nn::ModulePtr model = models::build(run.cls);
    model->train(run.mode != "eval");
    if (run.mode == "train_except_head.4") model->child("head")->child("4")->eval();
    Tensor x{Shape(run.input)};
    normal_(x, 0, 1, default_generator());
    REQUIRE(fnv_of(x) == run.input_fnv);
    x.set_requires_grad(true);
    const Tensor out = (*model)(x);
    REQUIRE(out.shape() == Shape(run.output));
    REQUIRE(out.has_grad_fn());
    if (run.loss == "none") {
      Tensor gy{out.shape()};
      normal_(gy, 0, 1, default_generator());
      REQUIRE(fnv_of(gy) == run.grad_output_fnv);
      out.backward(gy);
    } else if (run.loss == "mse_loss") {
      Tensor target{out.shape()};
      normal_(target, 0, 1, default_generator());
      REQUIRE(fnv_of(target) == run.target_fnv);
      F::mse_loss(out, target).backward();
    } else {
      REQUIRE((run.loss == "nll_loss" || run.loss == "cross_entropy"));
      const int64_t n = out.size(0), c = out.size(1);
      Tensor target(Shape{n});
      target.set_dtype(DType::int64);
      for (int64_t i = 0; i < n; ++i) target.data()[i] = static_cast<float>(i % c);
      const Tensor loss = run.loss == "nll_loss" ? F::nll_loss(out, target) : F::cross_entropy(out, target);
      loss.backward();
    }

    std::map<std::string, Tensor> grads{{"input", x.grad()}};
    for (const auto& [name, p] : model->named_parameters()) grads[name] = p.grad();
    REQUIRE(grads.size() == run.grads.size());
    double run_scale = 0;
    for (const GradRecord& rec : run.grads) run_scale = std::max(run_scale, rec.absmax);
    double worst = 0, worst_norm = 0, torch_worst = 0;
    std::string worst_name;
    for (const GradRecord& rec : run.grads) {
      CAPTURE(rec.name);
      const Tensor& g = grads[rec.name];
      REQUIRE(g.defined());
      REQUIRE(g.shape() == Shape(rec.shape));
      REQUIRE(g.numel() == rec.n);
      const Measured m = compare(g, rec, run_scale);
      CHECK_MESSAGE(m.ok, m.detail);
      // The gradients that are zero in exact arithmetic are noise on both sides: left out
      // of the reported worst (their torch_err is above 1).
      if (rec.torch_err < 1) {
        if (m.max_rel > worst) worst_name = rec.name;
        worst = std::max(worst, m.max_rel);
        worst_norm = std::max(worst_norm, m.norm_rel);
        torch_worst = std::max(torch_worst, rec.torch_err);
      }
    }
    MESSAGE(run.name << ": max |ours - PyTorch| / absmax " << worst << " (" << worst_name
                     << "), norms " << worst_norm << "; PyTorch float32 vs float64 " << torch_worst);
  }
}

// The rule for the parameters after k optimizer steps, per element j of parameter p:
//   |p_j - t_j| <= 1e-4 * U + 1e-6 * R + k * ulp(t_j)
// t: PyTorch's parameter after the steps; U: the largest |update| of that parameter in
// PyTorch (update_absmax), R: the largest U of the run (the floor for parameters whose
// gradient is zero in exact arithmetic), k ulps: each step rounds the parameter to float,
// which moves it by up to half an ulp on each side, a floor when updates are small.
TEST_CASE("SGD and Adam steps match PyTorch's parameters") {
  const auto& runs = grad_fixtures().optim;
  REQUIRE(runs.size() == 5);
  for (const OptimRun& run : runs) {
    CAPTURE(run.name);
    default_generator().manual_seed(run.seed);
    nn::ModulePtr model = models::build(run.cls);
    model->train(run.mode != "eval");
    Tensor x{Shape(run.input)};
    normal_(x, 0, 1, default_generator());
    Tensor target;
    if (run.loss == "mse_loss") {
      Tensor shape_probe;
      {
        autograd::NoGrad no_grad;
        shape_probe = (*model)(x);
      }
      target = Tensor(shape_probe.shape());
      normal_(target, 0, 1, default_generator());
      REQUIRE(fnv_of(target) == run.target_fnv);
    }
    std::vector<Tensor> params;
    std::vector<std::string> names;
    for (const auto& [name, p] : model->named_parameters()) {
      params.push_back(p);
      names.push_back(name);
    }
    const auto opt = [&](const char* k) { return run.options.at(k); };
    std::unique_ptr<optim::Optimizer> optimizer;
    if (run.optimizer == "SGD") {
      optim::SGDOptions o;
      o.lr = opt("lr");
      o.momentum = opt("momentum");
      o.dampening = opt("dampening");
      o.weight_decay = opt("weight_decay");
      o.nesterov = opt("nesterov") != 0;
      optimizer = std::make_unique<optim::SGD>(params, o);
    } else {
      REQUIRE(run.optimizer == "Adam");
      optim::AdamOptions o;
      o.lr = opt("lr");
      o.beta1 = opt("beta1");
      o.beta2 = opt("beta2");
      o.eps = opt("eps");
      o.weight_decay = opt("weight_decay");
      o.amsgrad = opt("amsgrad") != 0;
      optimizer = std::make_unique<optim::Adam>(params, o);
    }
    for (int step = 0; step < run.steps; ++step) {
      optimizer->zero_grad();
      const Tensor out = (*model)(x);
      Tensor t = target;
      if (!t.defined()) {
        t = Tensor(Shape{out.size(0)});
        t.set_dtype(DType::int64);
        for (int64_t i = 0; i < out.size(0); ++i) t.data()[i] = static_cast<float>(i % out.size(1));
      }
      const Tensor loss = run.loss == "mse_loss" ? F::mse_loss(out, t)
                          : run.loss == "nll_loss" ? F::nll_loss(out, t)
                                                   : F::cross_entropy(out, t);
      loss.backward();
      optimizer->step();
    }
    REQUIRE(run.grads.size() == params.size());
    double run_scale = 0;
    for (const GradRecord& rec : run.grads) run_scale = std::max(run_scale, rec.absmax);
    double worst = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
      const GradRecord& rec = run.grads[i];
      CAPTURE(rec.name);
      REQUIRE(rec.name == names[i]);
      const Tensor p = params[i].contiguous();
      REQUIRE(p.numel() == rec.n);
      bool ok = true;
      std::string detail;
      for (std::size_t k = 0; k < rec.values.size(); ++k) {
        const int64_t j = static_cast<int64_t>(k) * rec.stride;
        const float theirs = from_bits(rec.values[k]);
        const double diff = std::fabs(static_cast<double>(p.data()[j]) - static_cast<double>(theirs));
        const double ulp = static_cast<double>(std::nextafter(std::fabs(theirs), INFINITY) - std::fabs(theirs));
        const double bound = 1e-4 * rec.absmax + 1e-6 * run_scale + run.steps * ulp;
        // Reported: the error beyond the rounding floor, against the largest update.
        // (Left out: parameters whose gradient is zero in exact arithmetic, U < 1e-3 R.)
        if (rec.absmax >= 1e-3 * run_scale) worst = std::max(worst, std::max(0.0, diff - run.steps * ulp) / rec.absmax);
        if (diff > bound && ok) {
          ok = false;
          detail = "element " + std::to_string(j) + ": " + std::to_string(p.data()[j]) + " vs PyTorch " +
                   std::to_string(theirs);
        }
      }
      CHECK_MESSAGE(ok, detail);
    }
    MESSAGE(run.name << ": max (|ours - PyTorch| - k ulps) / largest update " << worst);
  }
}

}  // TEST_SUITE
