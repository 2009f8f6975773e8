// 1-D max pooling and unpooling: torch.max_pool1d's two paths (its own checks when no grad is
// recorded, max_pool1d_with_indices' otherwise) and max_unpool1d, all on the 2-D ops.
#include <string>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/vision_ops.hpp"

namespace initlab::ops {

namespace {

[[noreturn]] void fail(const std::string& what) { raise(ErrorKind::RuntimeError, what); }

// The (N, C, 1, L) parameters of a 1-D pool.
PoolParams as_2d(const MaxPool1dArgs& a) {
  PoolParams p;
  const std::vector<int64_t>& stride = a.stride.empty() ? a.kernel : a.stride;
  p.kernel = {1, a.kernel[0]};
  p.stride = {1, stride[0]};
  p.padding = {0, a.padding[0]};
  p.dilation = {1, a.dilation[0]};
  p.ceil_mode = a.ceil_mode;
  return p;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

Tensor unsqueeze_at(const Tensor& x, int64_t pos) {
  std::vector<int64_t> dims = x.shape().to_vector();
  dims.insert(dims.begin() + pos, 1);
  return reshape(x, Shape(dims));
}

}  // namespace

std::pair<Tensor, Tensor> max_pool1d_with_indices(const Tensor& x, const MaxPool1dArgs& a) {
  if (x.dim() < 2 || x.dim() > 3) {
    fail("Expected 2 to 3 dimensions, but got " + std::to_string(x.dim()) +
         "-dimensional tensor for argument #1 'self' (while checking arguments for max_pool1d)");
  }
  const std::vector<int64_t>& stride = a.stride.empty() ? a.kernel : a.stride;
  const std::pair<const char*, const std::vector<int64_t>*> args[] = {
      {"kernel_size", &a.kernel}, {"stride", &stride}, {"padding", &a.padding}, {"dilation", &a.dilation}};
  for (const auto& [name, v] : args) {
    if (v->size() != 1) {
      fail(std::string("max_pool1d() argument '") + name + "' should contain one int (got " + std::to_string(v->size()) + ")");
    }
  }
  auto [y, idx] = max_pool2d_with_indices(unsqueeze_at(x, x.dim() - 1), as_2d(a));
  std::vector<int64_t> out = x.shape().to_vector();
  out.back() = y.size(-1);
  return {reshape(y, Shape(out)), idx.view(Shape(out))};
}

Tensor max_pool1d(const Tensor& x, const MaxPool1dArgs& a) {
  const int64_t n = x.dim();
  if (!((n == 2 && x.size(0) != 0 && x.size(1) != 0) || (n == 3 && x.size(1) != 0 && x.size(2) != 0))) {
    fail("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:" +
         x.shape().to_string());
  }
  // PyTorch computes the indices whenever autograd needs them, with that path's checks.
  if (autograd::should_record({&x})) return max_pool1d_with_indices(x, a).first;
  if (a.kernel.size() != 1) {
    fail("max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size " + std::to_string(a.kernel.size()));
  }
  if (!a.stride.empty() && a.stride.size() != 1) {
    fail("max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size " + std::to_string(a.stride.size()));
  }
  if (a.padding.size() != 1) {
    fail("max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size " + std::to_string(a.padding.size()));
  }
  if (a.dilation.size() != 1) {
    fail("max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size " + std::to_string(a.dilation.size()));
  }
  const PoolParams p = as_2d(a);
  const int64_t k = p.kernel[1], s = p.stride[1], pad = p.padding[1], d = p.dilation[1];
  if (k <= 0) fail("max_pool1d() kernel_size must be greater than zero, but got " + std::to_string(k));
  if (s <= 0) fail("max_pool1d() stride must be greater than zero, but got " + std::to_string(s));
  if (pad < 0) fail("max_pool1d() padding must be non-negative, but got " + std::to_string(pad));
  if (pad > k / 2) {
    fail("max_pool1d() padding should be at most half of kernel size, but got padding=" + std::to_string(pad) +
         " and kernel_size=" + std::to_string(k));
  }
  if (d <= 0) fail("max_pool1d() dilation must be greater than zero, but got " + std::to_string(d));
  const int64_t L = x.size(-1), span = L + 2 * pad - d * (k - 1) - 1;
  int64_t out = floor_div(a.ceil_mode ? span + s - 1 : span, s) + 1;
  if (a.ceil_mode && (out - 1) * s >= L + pad) --out;
  if (out < 0) fail("max_pool1d() Invalid computed output size: " + std::to_string(out));
  std::vector<int64_t> shape = x.shape().to_vector();
  if (out == 0) {
    shape.back() = 0;
    return Tensor::zeros(Shape(shape));
  }
  // The values are those of the indices path (same windows, same NaN rule); no grad here.
  return max_pool1d_with_indices(x, a).first;
}

Tensor max_unpool1d(const Tensor& x, const Tensor& indices, int64_t output_size) {
  const Tensor y = max_unpool2d(unsqueeze_at(x, x.dim()), unsqueeze_at(indices, indices.dim()), {output_size, 1});
  std::vector<int64_t> dims = y.shape().to_vector();
  dims.pop_back();
  return reshape(y, Shape(dims));
}

}  // namespace initlab::ops
