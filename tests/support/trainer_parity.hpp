// What the Trainer parity tests share (trainer_test.cpp on the digits, trainer_words_test.cpp on
// the words): a fixture run's options, an example model's source, and training it chunk by chunk
// with every step's loss checked against PyTorch's.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "initlab/trainer.hpp"
#include "support/train_fixtures.hpp"

namespace fixtures {

// The source of examples/models/<name>.
std::string example(const std::string& name);

// The Trainer options a fixture run was made with.
initlab::TrainOptions options_of(const TrainerRun& run);

double relative(double ours, double theirs);

// Trains `chunks` steps in turn (chunks of unequal length: the data order must run on across
// them), checks each step's loss within 1e-4 relative of the run's, and returns the last chunk.
initlab::TrainChunk train_and_compare(initlab::Trainer& trainer, const TrainerRun& run, std::initializer_list<int64_t> chunks);

}  // namespace fixtures
