// What the Trainer trains on: the data set a model's first layer calls for (or the one named),
// split into train and test, in the shape the model takes.
#pragma once

#include <cstdint>
#include <string>

#include "initlab/datasets.hpp"
#include "initlab/generator.hpp"
#include "initlab/nn/module.hpp"

namespace initlab::train {

struct Task {
  datasets::Data train, test;  // x (N, ...) float32, y (N) int64 labels
  int64_t classes = 0;
  std::string name;            // "digits 28x28", "two spirals", ...
  // The words (next-character prediction): x is (N, context) int64 character indices, y the
  // character after each window (N), y_seq the character after every position (N, context):
  // a model returning (B, V) is trained on y, one returning (B, context, V) on y_seq.
  int64_t context = 0;         // 0: not a words task
  Tensor train_y_seq, test_y_seq;
};

// The model's first leaf module is nn.Embedding: it takes character indices, so the words.
bool takes_indices(nn::Module& model);

// dataset: auto | digits | spirals | blobs | words (trainer.hpp says which auto picks).
// Synthetic sets are drawn from `gen` (train rows first, then test). context: the words'
// window length. ValueError, saying what to change, when the model's first layer cannot take
// the data set.
Task make_task(nn::Module& model, const std::string& dataset, Generator& gen, int64_t context);

// The first n training digits, shaped for the model's first layer as make_task shapes them
// (a run's "digits" input: real images with their real labels). ValueError as make_task's.
datasets::Data digits_batch(nn::Module& model, int64_t n);

}  // namespace initlab::train
