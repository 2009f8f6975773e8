// Layers that pass values through: Dropout, Flatten; and IntOrTuple, their argument type.
#include <string>

#include "initlab/error.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::nn {

std::vector<int64_t> IntOrTuple::expand(std::size_t dims) const {
  if (!is_tuple) return std::vector<int64_t>(dims, values.empty() ? 0 : values[0]);
  if (values.size() != dims) {
    raise(ErrorKind::ValueError, "expected " + std::to_string(dims) + " values in " + repr() +
                                     ", got " + std::to_string(values.size()));
  }
  return values;
}

std::string IntOrTuple::repr() const {
  return is_tuple ? py::tuple(values) : std::to_string(values.empty() ? 0 : values[0]);
}

Dropout::Dropout(py::Number p, bool inplace) : Module("Dropout"), p_(p), inplace_(inplace) {
  if (p.value < 0 || p.value > 1) {
    raise(ErrorKind::ValueError, "dropout probability has to be between 0 and 1, but got " + p.repr());
  }
}

Tensor Dropout::forward(const Tensor& x) {
  return ops::dropout(x, p_.value, is_training(), default_generator());
}

std::string Dropout::extra_repr() const {
  return "p=" + p_.repr() + ", inplace=" + py::repr(inplace_);
}

Flatten::Flatten(int64_t start_dim, int64_t end_dim) : Module("Flatten"), start_(start_dim), end_(end_dim) {}
Tensor Flatten::forward(const Tensor& x) { return ops::flatten(x, start_, end_); }
std::string Flatten::extra_repr() const {
  return "start_dim=" + std::to_string(start_) + ", end_dim=" + std::to_string(end_);
}

}  // namespace initlab::nn
