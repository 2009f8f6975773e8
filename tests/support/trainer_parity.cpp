#include "support/trainer_parity.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/fixtures.hpp"

namespace fixtures {

std::string example(const std::string& name) { return read_file(std::string(INITLAB_EXAMPLES_DIR) + "/" + name); }

initlab::TrainOptions options_of(const TrainerRun& run) {
  initlab::TrainOptions o;
  o.optimizer = run.options.at("optimizer");
  o.lr = std::stod(run.options.at("lr"));
  o.momentum = std::stod(run.options.at("momentum"));
  o.batch = std::stoll(run.options.at("batch"));
  o.seed = std::stoull(run.options.at("seed"));
  return o;
}

double relative(double ours, double theirs) { return std::abs(ours - theirs) / std::abs(theirs); }

initlab::TrainChunk train_and_compare(initlab::Trainer& trainer, const TrainerRun& run, std::initializer_list<int64_t> chunks) {
  std::vector<double> ours;
  initlab::TrainChunk last;
  for (int64_t steps : chunks) {
    last = trainer.step(steps);
    REQUIRE_MESSAGE(!last.error, (last.error ? last.error->formatted : ""));
    ours.insert(ours.end(), last.losses.begin(), last.losses.end());
  }
  REQUIRE(ours.size() == run.losses.size());
  double worst = 0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    worst = std::max(worst, relative(ours[i], run.losses[i]));
    CHECK_MESSAGE(relative(ours[i], run.losses[i]) <= 1e-4, "step " << i + 1 << ": ours " << ours[i] << ", PyTorch " << run.losses[i]);
  }
  MESSAGE(run.example << ": largest relative loss difference " << worst);
  return last;
}

}  // namespace fixtures
