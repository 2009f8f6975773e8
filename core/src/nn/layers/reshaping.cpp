// Layers that pass values through: the Dropout family, Flatten; and IntOrTuple, an argument type.
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

const char* Dropout::class_name(Kind kind) {
  switch (kind) {
    case Kind::plain: return "Dropout";
    case Kind::d1: return "Dropout1d";
    case Kind::d2: return "Dropout2d";
    case Kind::d3: return "Dropout3d";
    case Kind::alpha: return "AlphaDropout";
    case Kind::feature_alpha: return "FeatureAlphaDropout";
  }
  return "Dropout";
}

Dropout::Dropout(py::Number p, bool inplace, Kind kind)
    : Module(class_name(kind)), p_(p), inplace_(inplace), kind_(kind) {
  if (p.value < 0 || p.value > 1) {
    raise(ErrorKind::ValueError, "dropout probability has to be between 0 and 1, but got " + p.repr());
  }
}

Tensor Dropout::forward(const Tensor& x) {
  Generator& gen = default_generator();
  const bool train = is_training();
  switch (kind_) {
    case Kind::plain: return ops::dropout(x, p_.value, train, gen);
    case Kind::d1: return ops::dropout_nd(x, 1, p_.value, train, gen);
    case Kind::d2: return ops::dropout_nd(x, 2, p_.value, train, gen);
    case Kind::d3: return ops::dropout_nd(x, 3, p_.value, train, gen);
    case Kind::alpha: return ops::alpha_dropout(x, p_.value, train, gen);
    case Kind::feature_alpha: return ops::feature_dropout(x, p_.value, train, gen, true);
  }
  return x;
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
