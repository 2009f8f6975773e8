// The probe's statistics and histogram rule on tensors whose answers are known.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/probe.hpp"

using initlab::Shape;
using initlab::Tensor;
namespace probe = initlab::probe;

TEST_SUITE("probe") {

TEST_CASE("statistics of a known tensor: unbiased std, zeros, NaN and Inf kept apart") {
  Tensor t = Tensor::from_vector(Shape{2, 3}, {0.0f, 1.0f, 2.0f, 3.0f, NAN, INFINITY});
  const auto s = probe::compute_stats(t, probe::Saturation::none, {});
  CHECK(s.shape == std::vector<int64_t>{2, 3});
  CHECK(s.numel == 6);
  CHECK(s.mean == doctest::Approx(1.5));
  CHECK(s.std == doctest::Approx(std::sqrt(5.0 / 3.0)));  // over the 4 finite values
  CHECK(s.min == 0.0);
  CHECK(s.max == 3.0);
  CHECK(s.zeros == doctest::Approx(1.0 / 6.0));
  CHECK(s.nan_count == 1);
  CHECK(s.inf_count == 1);
  CHECK(std::isnan(s.saturated));  // not a tanh or sigmoid output
}

TEST_CASE("histogram: mean +- 4 std bounds the bins, outliers are counted, not drawn") {
  std::vector<float> v(1000, 0.0f);
  for (int i = 0; i < 1000; ++i) v[static_cast<std::size_t>(i)] = static_cast<float>(i % 10) - 4.5f;
  v[0] = 1000.0f;  // one far outlier
  Tensor t = Tensor::from_vector(Shape{1000}, v);
  probe::Options o;
  o.bins = 10;
  const auto s = probe::compute_stats(t, probe::Saturation::none, o);
  CHECK(s.histogram.hi < 1000.0);
  CHECK(s.histogram.hi == doctest::Approx(s.mean + 4 * s.std));
  CHECK(s.histogram.lo == doctest::Approx(-4.5));  // min is inside mean - 4 std
  CHECK(s.histogram.above == 1);
  CHECK(s.histogram.below == 0);
  CHECK(s.histogram.sampled == 1000);
  const auto drawn = std::accumulate(s.histogram.counts.begin(), s.histogram.counts.end(), int64_t{0});
  CHECK(drawn == 999);
}

TEST_CASE("histogram of a large tensor uses an evenly strided sample") {
  Tensor t(Shape{200000});
  probe::Options o;
  o.histogram_sample = 1000;
  const auto s = probe::compute_stats(t, probe::Saturation::none, o);
  CHECK(s.histogram.sampled == 1000);
  CHECK(s.zeros == 1.0);
}

TEST_CASE("saturation is measured for tanh and sigmoid outputs") {
  Tensor t = Tensor::from_vector(Shape{4}, {-0.995f, 0.5f, 0.999f, 0.0f});
  CHECK(probe::compute_stats(t, probe::Saturation::tanh, {}).saturated == doctest::Approx(0.5));
  Tensor s = Tensor::from_vector(Shape{4}, {0.005f, 0.5f, 0.995f, 0.3f});
  CHECK(probe::compute_stats(s, probe::Saturation::sigmoid, {}).saturated == doctest::Approx(0.5));
}

TEST_CASE("the probe records modules with paths and ops with their names, in call order") {
  initlab::default_generator().manual_seed(0);
  initlab::nn::Sequential net({std::make_shared<initlab::nn::Linear>(4, 3), initlab::nn::make_tanh()});
  probe::Probe p(net);
  initlab::nn::set_source_line(7);
  {
    initlab::nn::ObserveForward observe(&p);
    initlab::F::relu(net(Tensor::full(Shape{2, 4}, 1.0f)));  // outside any module: not recorded
  }
  const auto& r = p.records();
  REQUIRE(r.size() == 3);
  CHECK(r[0].path == "0");
  CHECK(r[0].type == "Linear");
  CHECK(r[1].path == "1");
  CHECK(std::isfinite(r[1].output.saturated));
  CHECK(r[2].path == "");
  CHECK(r[2].type == "Sequential");
  CHECK_FALSE(r[2].is_leaf);
  CHECK(p.root() == &net);
  const auto params = probe::parameter_stats(net);
  REQUIRE(params.size() == 2);
  CHECK(params[0].name == "0.weight");
  CHECK(params[1].stats.shape == std::vector<int64_t>{3});
}

}  // TEST_SUITE
