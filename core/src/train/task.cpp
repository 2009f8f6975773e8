#include "task.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::train {

namespace {

// Synthetic sets: this many rows, the first kTrain of them for training.
constexpr int64_t kTrain = 1024, kTest = 512;
constexpr int64_t kDigitsTrain = 1437;  // datasets.hpp: the digits' training split

// The model's first Conv or Linear layer, as what it takes: "Conv2d", in_channels or
// "Linear", in_features; {"", 0} if there is none.
std::pair<std::string, int64_t> first_layer(nn::Module& model) {
  for (auto& [path, m] : model.named_modules()) {
    if (auto* conv = dynamic_cast<nn::ConvNd*>(m)) return {m->type_name(), conv->options().in_channels};
    if (auto* linear = dynamic_cast<nn::Linear*>(m)) return {"Linear", linear->in_features};
  }
  return {"", 0};
}

datasets::Data rows(const datasets::Data& d, int64_t from, int64_t to) {
  std::vector<int64_t> idx(static_cast<std::size_t>(to - from));
  std::iota(idx.begin(), idx.end(), from);
  return {ops::index_rows(d.x, idx), ops::index_rows(d.y, idx)};
}

datasets::Data flattened(const datasets::Data& d) {
  return {F::reshape(d.x, Shape{d.x.size(0), d.x.numel() / d.x.size(0)}).contiguous(), d.y};
}

// How the digits must look for a first layer: 28x28 images, or 8x8 or 28x28 flattened.
struct DigitsShape {
  int64_t size = 0;
  bool flatten = false;
  std::string name;
};

DigitsShape digits_shape(const std::string& layer, int64_t in) {
  if (layer == "Conv2d" && in == 1) return {28, false, "digits 28x28"};
  if (layer == "Linear" && (in == 64 || in == 784)) {
    const int64_t size = in == 64 ? 8 : 28;
    return {size, true, "digits " + std::to_string(size) + "x" + std::to_string(size) + " flattened"};
  }
  const std::string takes = layer.empty() ? "has no Conv or Linear layer"
                                          : "starts with " + layer + " taking " + std::to_string(in) +
                                                (layer == "Linear" ? " features" : " channels");
  raise(ErrorKind::ValueError,
        "the digits are 1-channel 28x28 images (or 64 or 784 features flattened), but the model " + takes +
            ": make its first layer nn.Conv2d(1, ...), nn.Linear(64, ...) or nn.Linear(784, ...)");
}

datasets::Data shaped(const DigitsShape& shape, std::string_view split, int64_t count = -1) {
  datasets::Data d = datasets::digits(split, shape.size, count);
  return shape.flatten ? flattened(d) : d;
}

Task digits(const std::string& layer, int64_t in) {
  const DigitsShape shape = digits_shape(layer, in);
  Task t;
  t.train = shaped(shape, "train");
  t.test = shaped(shape, "test");
  t.classes = 10;
  t.name = shape.name;
  return t;
}

// The words as next-character windows (datasets.hpp); the test split is cut to its first
// kWordsTest windows so evaluating after every chunk stays cheap in wasm.
constexpr int64_t kWordsTest = 4096;

Tensor shifted_targets(const datasets::Data& d) {
  const int64_t n = d.x.size(0), t = d.x.size(1);
  Tensor out(Shape{n, t});
  out.set_dtype(DType::int64);
  const float* x = d.x.data();
  const float* y = d.y.data();
  float* o = out.data();
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j + 1 < t; ++j) o[i * t + j] = x[i * t + j + 1];
    o[i * t + t - 1] = y[i];
  }
  return out;
}

Task words(int64_t context) {
  Task t;
  t.train = datasets::words("train", context);
  const datasets::Data test = datasets::words("test", context);
  t.test = rows(test, 0, std::min(kWordsTest, test.x.size(0)));
  t.train_y_seq = shifted_targets(t.train);
  t.test_y_seq = shifted_targets(t.test);
  t.classes = datasets::kWordVocab;
  t.context = context;
  t.name = "words (next character, context " + std::to_string(context) + ")";
  return t;
}

Task split(datasets::Data all, int64_t classes, std::string name) {
  Task t;
  t.train = rows(all, 0, kTrain);
  t.test = rows(all, kTrain, kTrain + kTest);
  t.classes = classes;
  t.name = std::move(name);
  return t;
}

}  // namespace

bool takes_indices(nn::Module& model) {
  for (auto& [path, m] : model.named_modules()) {
    if (m->children().empty()) return m->type_name() == "Embedding";
  }
  return false;
}

Task make_task(nn::Module& model, const std::string& dataset, Generator& gen, int64_t context) {
  const auto [layer, in] = first_layer(model);
  std::string which = dataset;
  const bool indices = takes_indices(model);
  if (which == "words" || (which == "auto" && indices)) {
    if (!indices) {
      raise(ErrorKind::ValueError, "the words are character indices (int64), but the model's first layer is not nn.Embedding: "
                                   "make it nn.Embedding(27, ...) ('.' and a-z), or choose another data set");
    }
    return words(context);
  }
  if (indices) {
    raise(ErrorKind::ValueError, "the model starts with nn.Embedding, which takes indices, but the " + which +
                                     " data set is float features: choose the words (dataset 'words' or 'auto')");
  }
  if (which == "auto") {
    if (layer == "Linear" && in == 2) which = "spirals";
    else if (layer == "Linear" && in != 64 && in != 784) which = "blobs";
    else which = "digits";
  }
  if (which == "digits") return digits(layer, in);
  if (which == "spirals" || which == "blobs") {
    if (layer != "Linear") {
      raise(ErrorKind::ValueError, "the " + which + " data set is points (rows of features), but the model " +
                                       (layer.empty() ? "has no Conv or Linear layer" : "starts with " + layer) +
                                       ": train a model whose first layer is nn.Linear, or choose the digits");
    }
    if (which == "spirals") {
      if (in != 2) {
        raise(ErrorKind::ValueError, "two spirals are points in the plane (2 features), but the model's first layer is nn.Linear(" +
                                         std::to_string(in) + ", ...): make it nn.Linear(2, ...)");
      }
      return split(datasets::two_spirals(kTrain + kTest, 0.03, gen), 2, "two spirals");
    }
    // As many blobs as the model has outputs would need a forward; ten, as the digits.
    return split(datasets::blobs(kTrain + kTest, 10, in, 1.0, gen), 10,
                 "blobs (" + std::to_string(in) + "-d, 10 classes)");
  }
  raise(ErrorKind::ValueError, "unknown data set '" + dataset + "' (auto, digits, spirals, blobs or words)");
}

datasets::Data digits_batch(nn::Module& model, int64_t n) {
  const auto [layer, in] = first_layer(model);
  const DigitsShape shape = digits_shape(layer, in);
  if (n < 1 || n > kDigitsTrain) {
    raise(ErrorKind::ValueError, "a batch of " + std::to_string(n) + " digits: there are " + std::to_string(kDigitsTrain) +
                                     " training images; choose a batch from 1 to " + std::to_string(kDigitsTrain));
  }
  // Only the images the batch needs are made (upsampling all 1797 cost a run ~7 ms in wasm).
  return shaped(shape, "train", n);
}

}  // namespace initlab::train
