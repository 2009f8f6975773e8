// Properties of the generator that the fixtures do not spell out (they are compared with
// PyTorch's own streams in init_fixture_test.cpp).
#include <doctest/doctest.h>

#include <random>

#include "initlab/error.hpp"
#include "initlab/generator.hpp"
#include "initlab/sampling.hpp"

using initlab::Generator;
using initlab::Shape;
using initlab::Tensor;

TEST_SUITE("generator") {

TEST_CASE("the engine is the standard MT19937 on the low 32 bits of the seed") {
  Generator g(5);
  std::mt19937 reference(5);
  for (int i = 0; i < 1000; ++i) CHECK(g.random() == reference());
  Generator big((uint64_t{1} << 32) + 5);
  Generator small(5);
  for (int i = 0; i < 10; ++i) CHECK(big.random() == small.random());
  CHECK(big.initial_seed() == (uint64_t{1} << 32) + 5);
}

TEST_CASE("negative seeds are their two's complement") {
  Generator a(static_cast<uint64_t>(int64_t{-7}));
  Generator b(0xfffffff9u);
  for (int i = 0; i < 10; ++i) CHECK(a.random() == b.random());
}

TEST_CASE("random64 joins two words, first one high") {
  Generator a(1), b(1);
  const uint64_t hi = b.random(), lo = b.random();
  CHECK(a.random64() == ((hi << 32) | lo));
}

TEST_CASE("manual_seed restarts the stream and clears the cached normal") {
  Generator g(3);
  Tensor small(Shape{1});
  initlab::normal_(small, 0, 1, g);  // leaves the second Box-Muller value cached
  const float first = small.to_vector()[0];
  g.manual_seed(3);
  Tensor again(Shape{1});
  initlab::normal_(again, 0, 1, g);
  CHECK(again.to_vector()[0] == first);
}

TEST_CASE("the cached normal is consumed before new draws") {
  Generator g(11), h(11);
  Tensor one(Shape{1}), two(Shape{2});
  initlab::normal_(one, 0, 1, g);
  initlab::normal_(one, 0, 1, g);  // uses the cache: no draw
  initlab::normal_(two, 0, 1, h);  // the same two values in one call
  CHECK(g.random() == h.random());
}

TEST_CASE("uniform_ stays below to and at or above from, and rejects from > to") {
  Generator g(0);
  Tensor t(Shape{10000});
  initlab::uniform_(t, -0.25, 0.75, g);
  for (float v : t.to_vector()) {
    CHECK(v >= -0.25f);
    CHECK(v < 0.75f);
  }
  CHECK_THROWS_AS(initlab::uniform_(t, 1, 0, g), initlab::Error);
}

TEST_CASE("randperm is a permutation") {
  Generator g(0);
  auto p = initlab::randperm(257, g);
  std::vector<bool> seen(257, false);
  for (int64_t v : p) seen[static_cast<std::size_t>(v)] = true;
  for (bool s : seen) CHECK(s);
  CHECK(initlab::randperm(0, g).empty());
}

TEST_CASE("non-contiguous tensors draw in memory order through the scalar path") {
  Generator g(4), h(4);
  Tensor base(Shape{4, 6});
  Tensor view = base.t();  // 6x4, non-contiguous
  initlab::normal_(view, 0, 1, g);
  Tensor ref(Shape{24});
  // The scalar path on 24 elements in storage order: what a contiguous small tensor would
  // get element by element, i.e. the double Box-Muller stream.
  std::vector<float> expect;
  for (int i = 0; i < 24; ++i) expect.push_back(static_cast<float>(h.standard_normal_double()));
  CHECK(base.to_vector() == expect);
}

}  // TEST_SUITE
