// nn.init.orthogonal_ on conv-sized 4-D weights against PyTorch 1.13
// (tests/fixtures/make_module_api_fixtures.py). The normal draws are the same bits; the QR
// differs: PyTorch factors the float32 matrix with float32 LAPACK (sgeqrf/sorgqr, blocked,
// through Debian's OpenBLAS), initlab in double (src/linalg) and rounds once at the end. So
// about 90% of the values differ, by PyTorch's own float32 rounding error: measured worst
// 1.9e-7 (64x64x3x3), 1.4e-7 (64x58x4x4, 59,392 values), 2.1e-7 (128x64x3x3, gain sqrt 2),
// 3.4e-7 (256x32x3x3), against the documented 1e-5. Matching it bit for bit would mean
// replaying OpenBLAS's float32 blocking; the test holds the known difference under 5e-7 so
// that a regression shows at once.
#include <cmath>
#include <cstring>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "initlab/generator.hpp"
#include "initlab/init.hpp"
#include "support/fixtures.hpp"

namespace {

struct OrthogonalCase {
  std::string shape_text;
  initlab::Shape shape;
  uint64_t seed = 0;
  double gain = 1.0;
  fixtures::Expect expect;
};

std::vector<OrthogonalCase> read_cases() {
  const std::string text = fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/module_api_fixtures.txt");
  std::istringstream in(text);
  std::vector<OrthogonalCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("orthogonal ", 0) == 0) {
      OrthogonalCase c;
      std::istringstream fields(line.substr(11));
      fields >> c.shape_text >> c.seed >> c.gain;
      std::vector<int64_t> dims;
      std::istringstream parts(c.shape_text);
      std::string d;
      while (std::getline(parts, d, 'x')) dims.push_back(std::stoll(d));
      c.shape = initlab::Shape(dims);
      cases.push_back(c);
    } else if (line.rfind("expect ", 0) == 0) {
      fixtures::parse_expect(line.substr(7), cases.back().expect);
    } else if (line.rfind("v ", 0) == 0) {
      fixtures::parse_values(line.substr(2), cases.back().expect);
    }
  }
  return cases;
}

}  // namespace

TEST_SUITE("module api fixtures") {

TEST_CASE("orthogonal_ on 4-D conv weights stays within 5e-7 of PyTorch's LAPACK result") {
  const auto cases = read_cases();
  REQUIRE(cases.size() == 5);
  for (const auto& c : cases) {
    CAPTURE(c.shape_text);
    CAPTURE(c.seed);
    initlab::Generator gen;
    gen.manual_seed(c.seed);
    initlab::Tensor w(c.shape);
    initlab::init::orthogonal_(w, c.gain, gen);
    REQUIRE(w.numel() == c.expect.n);
    const float* got = w.data();
    double worst = 0;
    int64_t differing = 0;
    for (std::size_t k = 0; k < c.expect.values.size(); ++k) {
      const auto bits = static_cast<uint32_t>(c.expect.values[k]);
      float want;
      std::memcpy(&want, &bits, sizeof want);
      const double diff = std::fabs(static_cast<double>(got[k * static_cast<std::size_t>(c.expect.stride)]) - static_cast<double>(want));
      worst = std::max(worst, diff);
      differing += diff != 0.0;
    }
    MESSAGE(c.shape_text << " seed " << c.seed << ": " << differing << " of " << c.expect.values.size()
                         << " sampled values differ, worst by " << worst);
    CHECK(worst <= 5e-7);
  }
}

}  // TEST_SUITE
