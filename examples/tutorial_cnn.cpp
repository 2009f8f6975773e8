// The tutorial, in C++: build the CNN, apply an initialize_weights function with isinstance-
// style dispatch, run a batch, and print what the probe measured at every layer.
//   build/native/examples/tutorial_cnn [seed]
#include <cinttypes>
#include <cstdio>
#include <cstdlib>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/init.hpp"
#include "initlab/probe.hpp"
#include "initlab/sampling.hpp"
#include "tutorial_cnn.hpp"

namespace {

// The tutorial's initialize_weights(m): Kaiming for convolutions and linear layers, ones and
// zeros for BatchNorm.
void initialize_weights(initlab::nn::Module& m) {
  using namespace initlab;
  if (auto* conv = dynamic_cast<nn::ConvNd*>(&m)) {
    init::kaiming_uniform_(conv->weight());
    if (conv->bias().defined()) init::constant_(conv->bias(), 0);
  } else if (dynamic_cast<nn::BatchNorm*>(&m) != nullptr) {
    init::constant_(*m.parameter("weight"), 1);
    init::constant_(*m.parameter("bias"), 0);
  } else if (auto* linear = dynamic_cast<nn::Linear*>(&m)) {
    init::kaiming_uniform_(linear->weight());
    init::constant_(linear->bias(), 0);
  }
}

void print_row(const char* path, const std::string& type, const initlab::probe::Stats& s) {
  std::string shape;
  for (std::size_t i = 0; i < s.shape.size(); ++i) shape += (i ? "x" : "") + std::to_string(s.shape[i]);
  std::printf("%-18s %-14s %-12s %10.4f %10.4f %10.4f %10.4f %7.1f%%\n", path, type.c_str(),
              shape.c_str(), s.mean, s.std, s.min, s.max, 100 * s.zeros);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace initlab;
  const uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 0;
  default_generator().manual_seed(seed);
  examples::TutorialCNN model;
  model.apply(initialize_weights);

  Tensor x(Shape{64, 1, 28, 28});
  normal_(x, 0, 1, default_generator());
  probe::Probe probe(model);
  {
    autograd::NoGrad no_grad;  // an inference pass: record nothing for backward
    nn::ObserveForward observe(&probe);
    model(x);
  }

  std::printf("%s\n\n", model.repr().c_str());
  std::printf("%-18s %-14s %-12s %10s %10s %10s %10s %8s\n", "layer", "type", "shape", "mean",
              "std", "min", "max", "zeros");
  for (const auto& r : probe.records()) print_row(r.is_op ? "" : (r.path.empty() ? "(model)" : r.path.c_str()), r.type, r.output);
  std::printf("\n%-18s %-14s %-12s %10s %10s %10s %10s %8s\n", "parameter", "", "shape", "mean",
              "std", "min", "max", "zeros");
  for (const auto& p : probe::parameter_stats(model)) print_row(p.name.c_str(), "", p.stats);
  return 0;
}
