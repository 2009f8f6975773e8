// The engine's in-place mechanics (issue 14, part 4): the version counter a storage's views
// share, the check of saved tensors at backward (PyTorch's error text, naming the node and
// the shape), rebase_history (the in-place op's node becomes the tensor's grad_fn while
// earlier consumers keep the old history), and PyTorch's refusals. The script-level ops and
// their gradients are checked against PyTorch in tests/script/810-813.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/ops.hpp"

using namespace initlab;
using kernels::BinaryOp;

namespace {

Tensor leaf(std::vector<float> v) {
  Tensor t = Tensor::from_vector(Shape{static_cast<int64_t>(v.size())}, v);
  t.set_requires_grad(true);
  return t;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// What the script layer does for z.add_(s): check, bump, compute out of place, rebase.
void add_inplace(Tensor& z, double s) {
  const bool record = autograd::check_inplace(z, false);
  z.bump_version();
  const Tensor r = ops::binary(z, s, BinaryOp::add);
  if (record) autograd::rebase_history(z, r);
  else z.copy_from(r);
}

}  // namespace

TEST_SUITE("autograd in place") {

TEST_CASE("views and detached handles share the storage's version counter") {
  Tensor a(Shape{2, 3});
  Tensor v = a.select(0, 1), d = a.detach();
  CHECK(a.version() == 0);
  a.bump_version();
  CHECK(v.version() == 1);
  v.bump_version();
  CHECK(d.version() == 2);
  CHECK(Tensor(Shape{2}).version() == 0);  // a fresh storage starts at 0
}

TEST_CASE("a saved tensor written after it was saved: PyTorch's error at backward") {
  Tensor y = leaf({1.0f, 1.0f, 1.0f});
  Tensor z = F::sigmoid(y);  // saves its result
  add_inplace(z, 1.0);
  const std::string e = error_of([&] { z.backward(Tensor::full(z.shape(), 1.0f)); });
  CHECK(e == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
  // A saved leaf is named without a node.
  Tensor a = Tensor::full(Shape{2}, 2.0f);
  Tensor w = leaf({1.0f, 2.0f});
  Tensor p = ops::binary(a, w, BinaryOp::mul);
  a.bump_version();
  CHECK(error_of([&] { p.backward(Tensor::full(p.shape(), 1.0f)); }) == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
}

TEST_CASE("rebase_history: the in-place node takes the old history as its input") {
  Tensor y = leaf({0.5f, -1.0f, 2.0f});
  Tensor z = ops::binary(y, 3.0, BinaryOp::mul);
  const autograd::Node* before = z.autograd_meta()->grad_fn.get();
  Tensor earlier = ops::binary(z, 2.0, BinaryOp::mul);  // consumed z before the write
  add_inplace(z, 1.0);
  const autograd::Node* after = z.autograd_meta()->grad_fn.get();
  CHECK(after != before);
  CHECK(std::string(after->name()) == "AddBackward");
  CHECK(after->inputs[0].autograd_meta()->grad_fn.get() == before);
  CHECK(z.version() == 1);
  CHECK(z.to_vector() == std::vector<float>{2.5f, -2.0f, 7.0f});
  z.backward(Tensor::full(z.shape(), 1.0f));
  CHECK(y.grad().to_vector() == std::vector<float>{3.0f, 3.0f, 3.0f});
  earlier.backward(Tensor::full(earlier.shape(), 1.0f));  // through the old history: 2 * 3 more
  CHECK(y.grad().to_vector() == std::vector<float>{9.0f, 9.0f, 9.0f});
}

TEST_CASE("an op that reads self keeps the old values (PyTorch's saved original self)") {
  Tensor y = leaf({0.5f, -1.0f, 2.0f});
  Tensor w = leaf({1.0f, 2.0f, 3.0f});
  Tensor z = ops::binary(y, 1.0, BinaryOp::mul);
  CHECK(autograd::check_inplace(z, true));
  z.bump_version();
  autograd::rebase_history(z, ops::binary(z, w, BinaryOp::mul));  // z.mul_(w)
  add_inplace(z, 1.0);  // would break a saved z, not the copy
  z.backward(Tensor::full(z.shape(), 1.0f));
  CHECK(y.grad().to_vector() == std::vector<float>{1.0f, 2.0f, 3.0f});
  CHECK(w.grad().to_vector() == std::vector<float>{0.5f, -1.0f, 2.0f});
}

TEST_CASE("PyTorch's refusals: a leaf, a view of a leaf; a view of a recorded tensor is initlab's limit") {
  Tensor y = leaf({1.0f, 2.0f});
  CHECK(error_of([&] { autograd::check_inplace(y, false); }) == "a leaf Variable that requires grad is being used in an in-place operation.");
  Tensor v = F::view(y, Shape{2});
  CHECK(error_of([&] { autograd::check_inplace(v, false); }) == "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  Tensor z = ops::binary(y, 2.0, BinaryOp::mul);
  Tensor zv = F::view(z, Shape{2});
  CHECK(error_of([&] { autograd::check_inplace(zv, false); }).rfind("not supported in initlab: an in-place write into a view", 0) == 0);
  {
    autograd::NoGrad off;  // nothing is refused or recorded without grad mode
    CHECK_FALSE(autograd::check_inplace(y, false));
  }
}

TEST_CASE("a view used after its base was written in place is refused, not back-propagated stale") {
  Tensor y = leaf({1.0f, 2.0f});
  Tensor z = ops::binary(y, 2.0, BinaryOp::mul);
  Tensor zv = F::view(z, Shape{2});
  add_inplace(z, 1.0);
  CHECK(error_of([&] { zv.backward(Tensor::full(zv.shape(), 1.0f)); }).rfind("not supported in initlab: using a view after an in-place write", 0) == 0);
}

}  // TEST_SUITE
