// Training a script's model chunk by chunk, for the page's convergence charts: does the
// initialization let the network learn, and how fast?
//
// The protocol, which tests/train/trainer_digits_cnn.py follows in PyTorch (train_parity_test
// holds our per-step losses to PyTorch's):
//
//   torch.manual_seed(seed); <the script>            # builds and initializes the model
//   data = train and test split of the data set        # digits, or synthetic sets drawn from
//   g = torch.Generator().manual_seed(seed)            #   g (train, then test)
//   each epoch: perm = torch.randperm(N_train, generator=g); batches are perm[i*B:(i+1)*B],
//               the last partial batch dropped (DataLoader(shuffle=True, drop_last=True))
//   each step:  model.train(); out = model(x[idx])
//               loss = F.nll_loss(out, y[idx]) if out's rows are log-probabilities
//                      (log_softmax last) else F.cross_entropy(out, y[idx])
//               optimizer.zero_grad(); loss.backward(); optimizer.step()
//   after each chunk: model.eval(); with torch.no_grad(): test accuracy and loss on the
//               whole test split
//
// The model is found as run() finds it (the global `model`, else the outermost module the
// script created). The data set follows the model's first layer unless one is named:
// Conv2d(1, ...) -> digits 28x28; Linear(64) -> digits 8x8 flattened; Linear(784) -> digits
// 28x28 flattened; Linear(2) -> two spirals; other Linear(F) -> Gaussian blobs in F dimensions,
// one per output class; a first leaf module nn.Embedding -> the words (next-character windows,
// context from the option or the model's block_size / context attribute, else 8; a (B, 27)
// output is trained on the character after the window, a (B, T, 27) one on the character after
// every position: F.cross_entropy(out.view(-1, 27), y_seq.view(-1)), the loss per character).
//
// Several Trainers may live at once (the page compares initializations): each keeps its own
// copy of the global generator (dropout draws from it) between chunks, so a run() or another
// Trainer in between changes nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "initlab/limits.hpp"
#include "initlab/session.hpp"

namespace initlab {

struct TrainOptions {
  uint64_t seed = 0;              // torch.manual_seed before the script, and the data order
  double init_scale = 1.0;        // as RunOptions::init_scale
  std::string dataset = "auto";   // auto | digits | spirals | blobs | words
  int64_t context = 0;            // words: window length; 0 = the model's block_size/context, else 8
  std::string optimizer = "sgd";  // sgd | adam
  double lr = 0.01;
  double momentum = 0.9;          // SGD only
  double weight_decay = 0;
  int64_t batch = 64;
  std::string loss = "auto";      // auto | cross_entropy | nll
  int bins = 32;                  // histogram bins of the chunk's probed step
  Limits limits;                  // for the script, then again for each chunk
};

// One module or op of the model, probed at the first step of a chunk: its output and the
// gradient of the loss with respect to it.
struct TrainLayer {
  std::string path, type;
  bool is_op = false;
  bool is_leaf = true;   // a module without children (containers are recorded too)
  double std = 0;        // of the output
  double zeros = 0;      // fraction of the output exactly 0 (dead ReLUs)
  double grad_norm = 0;  // L2 norm of d loss / d output (0 when backward did not reach it)
  probe::Histogram histogram;  // of the output (probe.hpp's rule: the bulk within 4 std)
};

struct TrainParameter {
  std::string name;
  double norm = 0, grad_norm = 0;  // at the chunk's first step
};

// A weight (a parameter of two or more dimensions) over the chunk's steps (src/train/ratios.hpp):
// log10(std(dW) / std(W)) with dW the step the optimizer applied (W_after - W_before) and
// log10(std(grad) / std(W)), W before the step. Healthy updates sit near -3 (Karpathy's
// makemore part 3; cs231n).
struct TrainWeight {
  std::string name;
  std::vector<double> update;  // per step of the chunk; -inf when the step changed nothing
  std::vector<double> grad;    // per step; -inf when the gradient is 0
};

struct TrainChunk {
  int64_t step = 0;                // steps done after the chunk
  std::vector<double> losses;      // each step's mini-batch loss
  double train_accuracy = 0;       // over the chunk's mini-batches, as they were predicted
  double test_accuracy = 0;        // after the chunk, on the whole test split
  double test_loss = 0;
  double baseline_loss = 0;        // ln(classes): the loss of a uniform guess (per character on the words)
  int64_t probed_step = 0;         // the step whose layers follow (the chunk's first, 0-based)
  std::vector<TrainLayer> layers;
  std::vector<TrainParameter> parameters;
  std::vector<TrainWeight> weights;  // every step's ratios (the steps done, up to an error)
  std::optional<ErrorInfo> error;  // the chunk stopped here; the Trainer is done
};

// What was set up: the script's output and warnings, the model, data and loss chosen.
struct TrainSetup {
  bool ok = true;
  std::optional<ErrorInfo> error;
  std::string output;
  std::vector<std::string> warnings;
  std::string model_name;
  std::string dataset;  // "digits 28x28", "digits 8x8 flattened", "two spirals", "blobs (20-d, 10 classes)"
  std::vector<int64_t> input_shape;  // of one mini-batch
  int64_t train_size = 0, test_size = 0, classes = 0;
  int64_t context = 0;       // the words' window length (0 for the other data sets)
  double baseline_loss = 0;  // ln(classes), the uniform guess's loss
  std::string loss;       // nll | cross_entropy (decided at the first step when "auto")
  std::string optimizer;  // "SGD(lr=0.01, momentum=0.9)"
  double test_accuracy = 0, test_loss = 0;  // at step 0, before any update
};

class Trainer {
 public:
  Trainer(const std::string& source, const TrainOptions& options);
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  const TrainSetup& setup() const { return setup_; }
  // Trains `steps` more steps (>= 1). After an error (also in setup) it returns that error.
  TrainChunk step(int64_t steps);
  int64_t steps_done() const;
  // On the words: `count` words sampled from the model as it is now, in eval mode (PyTorch:
  //   g = torch.Generator().manual_seed(seed); context = [0] * T
  //   scores = model(torch.tensor([context]))  (its last position when 3-d), first 27 columns
  //   ix = torch.multinomial(F.softmax(scores, -1), 1, generator=g).item()
  // until ix is 0 ('.') or 20 characters). Empty for the other data sets or after an error.
  std::vector<std::string> sample_words(int64_t count);

 private:
  struct State;
  std::unique_ptr<State> state_;
  TrainSetup setup_;
};

}  // namespace initlab
