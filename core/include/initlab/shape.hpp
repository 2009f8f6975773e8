// Shape: up to kMaxDims sizes held inline, so describing a tensor never allocates.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace initlab {

constexpr int kMaxDims = 5;

class Shape {
 public:
  Shape() = default;
  Shape(std::initializer_list<int64_t> dims);
  explicit Shape(const std::vector<int64_t>& dims);

  int size() const { return rank_; }
  int64_t operator[](int i) const { return dims_[i]; }
  int64_t& operator[](int i) { return dims_[i]; }
  const int64_t* begin() const { return dims_; }
  const int64_t* end() const { return dims_ + rank_; }
  void push_back(int64_t d);

  // Product of the sizes; 1 for a 0-dim shape.
  int64_t numel() const;
  std::vector<int64_t> to_vector() const { return {begin(), end()}; }
  // PyTorch's list form, "[2, 3]".
  std::string to_string() const;

  bool operator==(const Shape& o) const;
  bool operator!=(const Shape& o) const { return !(*this == o); }

 private:
  int64_t dims_[kMaxDims] = {};
  int rank_ = 0;
};

}  // namespace initlab
