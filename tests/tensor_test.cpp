#include <doctest/doctest.h>

#include "initlab/error.hpp"
#include "initlab/tensor.hpp"
#include "support/raised.hpp"

using initlab::Error;
using initlab::Shape;
using initlab::Tensor;

using testing_support::raised_message;

TEST_SUITE("tensor") {

TEST_CASE("shape, numel, strides and contiguity") {
  Tensor t(Shape{2, 3, 4});
  CHECK(t.dim() == 3);
  CHECK(t.numel() == 24);
  CHECK(t.strides() == Shape{12, 4, 1});
  CHECK(t.size(-1) == 4);
  CHECK(t.is_contiguous());
  CHECK(reinterpret_cast<std::uintptr_t>(t.data()) % initlab::Storage::kAlignment == 0);
  CHECK(t.shape().to_string() == "[2, 3, 4]");
  CHECK(Tensor(Shape{}).numel() == 1);
  CHECK(Tensor(Shape{0, 3}).numel() == 0);
}

TEST_CASE("new tensors are zero-filled") {
  for (float v : Tensor(Shape{5, 7}).to_vector()) CHECK(v == 0.0f);
}

TEST_CASE("views share storage, reshape infers -1") {
  Tensor t = Tensor::from_vector(Shape{2, 3}, {0, 1, 2, 3, 4, 5});
  Tensor v = t.view(Shape{3, -1});
  CHECK(v.shape() == Shape{3, 2});
  CHECK(v.shares_storage_with(t));
  v.at({2, 1}) = 50;
  CHECK(t.at({1, 2}) == 50);
  CHECK(t.reshape(Shape{-1}).shape() == Shape{6});
}

TEST_CASE("transpose is a strided view, reshape of it copies in row-major order") {
  Tensor t = Tensor::from_vector(Shape{2, 3}, {0, 1, 2, 3, 4, 5});
  Tensor tt = t.t();
  CHECK_FALSE(tt.is_contiguous());
  CHECK(tt.shape() == Shape{3, 2});
  CHECK(tt.to_vector() == std::vector<float>{0, 3, 1, 4, 2, 5});
  Tensor flat = tt.reshape(Shape{6});
  CHECK_FALSE(flat.shares_storage_with(t));
  CHECK(flat.to_vector() == std::vector<float>{0, 3, 1, 4, 2, 5});
  // Memory order visits the transposed view in storage order, as TensorIterator does.
  std::vector<float> seen;
  tt.for_each_in_memory_order([&](float& x) { seen.push_back(x); });
  CHECK(seen == std::vector<float>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("select drops a dimension and views the same storage") {
  Tensor t = Tensor::from_vector(Shape{2, 3}, {0, 1, 2, 3, 4, 5});
  Tensor col = t.select(1, 2);
  CHECK(col.shape() == Shape{2});
  CHECK(col.to_vector() == std::vector<float>{2, 5});
  col.fill_(9);
  CHECK(t.to_vector() == std::vector<float>{0, 1, 9, 3, 4, 9});
}

TEST_CASE("bad shapes give PyTorch's errors") {
  Tensor t(Shape{2, 3});
  CHECK(raised_message([&] { t.view(Shape{4, 2}); }) == "shape '[4, 2]' is invalid for input of size 6");
  CHECK(raised_message([&] { t.view(Shape{-1, -1}); }) == "only one dimension can be inferred");
  CHECK(raised_message([&] { t.view(Shape{-2, 3}); }) == "invalid shape dimension -2");
  CHECK(raised_message([&] { t.view(Shape{4, -1}); }) == "shape '[4, -1]' is invalid for input of size 6");
  CHECK(raised_message([&] { Tensor(Shape{2, -1}); }) ==
        "Trying to create tensor with negative dimension -1: [2, -1]");
  CHECK(raised_message([&] { t.size(2); }) ==
        "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  CHECK(raised_message([&] { t.t().view(Shape{6}); }).find("Use .reshape(...) instead.") !=
        std::string::npos);
  CHECK(raised_message([&] { t.at({2, 0}); }) == "index 2 is out of bounds for dimension 0 with size 2");
  CHECK(raised_message([&] { Shape{1, 2, 3, 4, 5, 6}; }).find("at most 5 dimensions") !=
        std::string::npos);
  CHECK(raised_message([&] { Tensor(Shape{0, 3}).view(Shape{-1, 0}); }).find("ambiguous") !=
        std::string::npos);
}

TEST_CASE("errors carry their Python exception class") {
  try {
    Tensor(Shape{2}).at({5});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == initlab::ErrorKind::IndexError);
    CHECK(std::string(initlab::kind_name(e.kind())) == "IndexError");
  }
}

}  // TEST_SUITE
