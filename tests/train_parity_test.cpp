// Training against PyTorch: each script of tests/train/ (20 steps of SGD with momentum or Adam
// on mini-batches from torch.randperm) must print every step's loss within 1e-4 relative of
// what PyTorch printed (tests/fixtures/make_train_fixtures.py). Exact equality is not
// expected: gradient sums run in another order, and each step feeds the next.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"
#include "support/train_fixtures.hpp"

TEST_CASE("training scripts print PyTorch's per-step losses within 1e-4 relative") {
  const auto& scripts = fixtures::train_fixtures().scripts;
  REQUIRE(scripts.size() >= 2);
  for (const fixtures::TrainScript& s : scripts) {
    INFO(s.name);
    const initlab::Report r = initlab::run(fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/../train/" + s.name));
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    std::istringstream printed(r.output);
    std::vector<double> ours;
    for (std::string v; printed >> v;) ours.push_back(std::stod(v));
    REQUIRE(ours.size() == s.losses.size());
    REQUIRE(ours.size() == 20);
    double worst = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      const double rel = std::abs(ours[i] - s.losses[i]) / std::abs(s.losses[i]);
      worst = std::max(worst, rel);
      CHECK_MESSAGE(rel <= 1e-4, "step " << i + 1 << ": ours " << ours[i] << ", PyTorch " << s.losses[i]);
    }
    MESSAGE(s.name << ": largest relative difference " << worst);
    // The losses must move: a script whose loss never changed would pass trivially.
    CHECK(s.losses.back() < 0.8 * s.losses.front());
  }
}
