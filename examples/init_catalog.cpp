// Prints, for every initializer in the registry, the statistics of a 256x256 weight it fills
// with seed 0: the C++ API on its own, without the interpreter or the page.
//   build/native/examples/init_catalog
#include <cmath>
#include <cstdio>

#include "initlab/generator.hpp"
#include "initlab/init_registry.hpp"

int main() {
  using namespace initlab;
  std::printf("%-20s %-34s %10s %10s %10s %10s\n", "initializer", "source", "mean", "std",
              "min", "max");
  for (const init::Initializer& spec : init::initializers()) {
    Tensor w(Shape{256, 64, 3, 3});
    if (spec.name == std::string("eye_") || spec.name == std::string("sparse_")) {
      w = Tensor(Shape{256, 576});
    }
    Generator gen(0);
    std::vector<init::Arg> positional;
    for (const init::Param& p : spec.params) {
      if (p.required) positional.push_back(0.2);  // constant_'s val, sparse_'s sparsity
    }
    init::call_initializer(spec.name, w, positional, {}, gen);
    double sum = 0, sq = 0, lo = HUGE_VAL, hi = -HUGE_VAL;
    for (float f : w.to_vector()) {
      const double v = static_cast<double>(f);
      sum += v;
      sq += v * v;
      lo = std::fmin(lo, v);
      hi = std::fmax(hi, v);
    }
    const double n = static_cast<double>(w.numel());
    const double mean = sum / n;
    std::printf("%-20s %-34s %10.5f %10.5f %10.5f %10.5f\n", spec.name, spec.source, mean,
                std::sqrt(std::fmax(sq / n - mean * mean, 0.0)), lo, hi);
  }
  return 0;
}
