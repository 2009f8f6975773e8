// The synthetic data sets: spirals, blobs and a teacher network, all drawn from the generator
// given (the script's default one unless it passes its own), so a seed fixes them.
#include <cmath>
#include <string>
#include <vector>

#include "initlab/datasets.hpp"
#include "initlab/error.hpp"
#include "initlab/sampling.hpp"

namespace initlab::datasets {

namespace {

void check_positive(const char* fn, const char* what, int64_t v) {
  if (v <= 0) raise(ErrorKind::ValueError, std::string(fn) + "(): " + what + " must be positive, not " + std::to_string(v));
}

Tensor labels(int64_t n) {
  Tensor y(Shape{n});
  y.set_dtype(DType::int64);
  return y;
}

}  // namespace

Data two_spirals(int64_t n, double noise, Generator& gen) {
  check_positive("two_spirals", "n", n);
  Tensor t(Shape{n}), eps(Shape{n, 2});
  uniform_(t, 0, 1, gen);
  normal_(eps, 0, noise > 0 ? noise : 1, gen);
  Data d{Tensor(Shape{n, 2}), labels(n)};
  const double pi = 3.14159265358979323846;
  for (int64_t i = 0; i < n; ++i) {
    // Radius grows with the angle: 1.75 turns, the second spiral rotated by half a turn.
    const double s = std::sqrt(static_cast<double>(t.data()[i]));
    const double angle = s * 3.5 * pi + static_cast<double>(i % 2) * pi;
    const double e0 = noise > 0 ? static_cast<double>(eps.data()[2 * i]) : 0.0;
    const double e1 = noise > 0 ? static_cast<double>(eps.data()[2 * i + 1]) : 0.0;
    d.x.data()[2 * i] = static_cast<float>(s * std::cos(angle) + e0);
    d.x.data()[2 * i + 1] = static_cast<float>(s * std::sin(angle) + e1);
    d.y.data()[i] = static_cast<float>(i % 2);
  }
  return d;
}

Data blobs(int64_t n, int64_t centers, int64_t dim, double std, Generator& gen) {
  check_positive("blobs", "n", n);
  check_positive("blobs", "centers", centers);
  check_positive("blobs", "dim", dim);
  Tensor c(Shape{centers, dim});
  uniform_(c, -5, 5, gen);
  Data d{Tensor(Shape{n, dim}), labels(n)};
  normal_(d.x, 0, std > 0 ? std : 1, gen);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t k = i % centers;
    d.y.data()[i] = static_cast<float>(k);
    for (int64_t j = 0; j < dim; ++j) {
      float& v = d.x.data()[i * dim + j];
      v = (std > 0 ? v : 0.0f) + c.data()[k * dim + j];
    }
  }
  return d;
}

Data teacher(int64_t n, int64_t in, int64_t out, int64_t hidden, Generator& gen) {
  check_positive("teacher", "n", n);
  check_positive("teacher", "in_features", in);
  check_positive("teacher", "out_features", out);
  check_positive("teacher", "hidden", hidden);
  Tensor w1(Shape{hidden, in}), w2(Shape{out, hidden});
  normal_(w1, 0, 1.0 / std::sqrt(static_cast<double>(in)), gen);
  normal_(w2, 0, 1.0 / std::sqrt(static_cast<double>(hidden)), gen);
  Data d{Tensor(Shape{n, in}), Tensor(Shape{n, out})};
  normal_(d.x, 0, 1, gen);
  std::vector<double> h(static_cast<std::size_t>(hidden));
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t k = 0; k < hidden; ++k) {
      double s = 0;
      for (int64_t j = 0; j < in; ++j) s += static_cast<double>(w1.data()[k * in + j]) * static_cast<double>(d.x.data()[i * in + j]);
      h[static_cast<std::size_t>(k)] = std::tanh(s);
    }
    for (int64_t o = 0; o < out; ++o) {
      double s = 0;
      for (int64_t k = 0; k < hidden; ++k) s += static_cast<double>(w2.data()[o * hidden + k]) * h[static_cast<std::size_t>(k)];
      d.y.data()[i * out + o] = static_cast<float>(s);
    }
  }
  return d;
}

}  // namespace initlab::datasets
