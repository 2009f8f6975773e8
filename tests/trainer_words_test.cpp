// The Trainer on the words (next-character prediction): the LSTM and GPT presets trained 20
// steps by initlab and by PyTorch 1.13 on the same batches (tests/fixtures/make_train_fixtures.py
// writes the protocol again in PyTorch) give per-step losses within 1e-4 relative; the words
// sampled with torch.multinomial's stream are PyTorch's; and the words task's errors.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "initlab/trainer.hpp"
#include "support/train_fixtures.hpp"
#include "support/trainer_parity.hpp"

using fixtures::example;
using fixtures::relative;

TEST_CASE("words: the LSTM and GPT presets train as in PyTorch, per-character loss within 1e-4 relative") {
  const auto& runs = fixtures::train_fixtures().words_runs;
  REQUIRE(runs.size() == 2);
  for (const fixtures::TrainerRun& r : runs) {
    INFO(r.example);
    initlab::Trainer trainer(example(r.example), fixtures::options_of(r));
    const initlab::TrainSetup& setup = trainer.setup();
    REQUIRE_MESSAGE(setup.ok, (setup.error ? setup.error->formatted : ""));
    CHECK(setup.dataset == "words (next character, context 8)");
    CHECK(setup.context == 8);
    CHECK(setup.classes == 27);
    CHECK(setup.baseline_loss == std::log(27.0));
    CHECK(setup.loss == "cross_entropy");
    CHECK(trainer.sample_words(5) == r.samples_before);
    CHECK(setup.test_accuracy == doctest::Approx(r.setup.at("test_accuracy")).epsilon(1e-9));
    CHECK(relative(setup.test_loss, r.setup.at("test_loss")) <= 1e-5);
    const initlab::TrainChunk last = fixtures::train_and_compare(trainer, r, {5, 15});
    CHECK(last.baseline_loss == std::log(27.0));
    CHECK(relative(last.test_loss, r.after.at("test_loss")) <= 1e-4);
    // It learned: below the uniform guess ln(27) and below where it started.
    CHECK(r.losses.back() < 0.8 * std::log(27.0));
    CHECK(last.test_loss < setup.test_loss - 0.5);
    MESSAGE(r.example << " samples after training: ours / PyTorch");
    const std::vector<std::string> after = trainer.sample_words(5);
    for (std::size_t i = 0; i < after.size() && i < r.samples_after.size(); ++i) MESSAGE(after[i] << " / " << r.samples_after[i]);
    CHECK(after == r.samples_after);
  }
}

TEST_CASE("words: an Embedding model's context comes from the option or block_size; errors say what to do") {
  const std::string lstm = example("char_lstm.py");
  initlab::TrainOptions o;
  o.context = 4;
  initlab::Trainer t(lstm, o);
  REQUIRE(t.setup().ok);
  CHECK(t.setup().dataset == "words (next character, context 4)");
  CHECK(t.setup().input_shape == std::vector<int64_t>{64, 4});
  o.context = 0;
  o.dataset = "digits";
  initlab::Trainer digits(lstm, o);
  REQUIRE(!digits.setup().ok);
  CHECK(digits.setup().error->message ==
        "the model starts with nn.Embedding, which takes indices, but the digits data set is float features: choose the words (dataset 'words' or 'auto')");
  o.dataset = "words";
  initlab::Trainer mlp(example("digits_tanh_mlp.py"), o);
  REQUIRE(!mlp.setup().ok);
  CHECK(mlp.setup().error->message ==
        "the words are character indices (int64), but the model's first layer is not nn.Embedding: make it nn.Embedding(27, ...) ('.' and a-z), or choose another data set");
  CHECK(mlp.sample_words(3).empty());
}
