// Training against PyTorch: each script of tests/train/ (20 steps of SGD with momentum or Adam
// on mini-batches from torch.randperm) must print every step's loss within 1e-4 relative of
// what PyTorch printed (tests/fixtures/make_train_fixtures.py). Exact equality is not
// expected: gradient sums run in another order, and each step feeds the next.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"

namespace {

struct Script {
  std::string name;
  std::vector<double> losses;
};

std::vector<Script> load() {
  std::ifstream in(std::string(INITLAB_FIXTURE_DIR) + "/train_fixtures.txt");
  std::vector<Script> out;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head == "script") {
      out.push_back({});
      words >> out.back().name;
    } else if (head == "loss") {
      int step = 0;
      std::string value;
      words >> step >> value;
      out.back().losses.push_back(std::stod(value));
    }
  }
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("training scripts print PyTorch's per-step losses within 1e-4 relative") {
  const auto scripts = load();
  REQUIRE(scripts.size() >= 2);
  for (const Script& s : scripts) {
    INFO(s.name);
    const initlab::Report r = initlab::run(read(std::string(INITLAB_FIXTURE_DIR) + "/../train/" + s.name));
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
