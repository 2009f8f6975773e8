// The Trainer (trainer.hpp has the protocol): the script runs once as run() runs it, then each
// chunk trains on mini-batches, probing its first step's forward and backward.
#include "initlab/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "../script/interpreter.hpp"
#include "../script/model_lookup.hpp"
#include "../script/parser.hpp"
#include "../script/run_scope.hpp"
#include "ratios.hpp"
#include "../script/script_module.hpp"
#include "initlab/autograd.hpp"
#include "initlab/datasets.hpp"
#include "initlab/error.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/optim.hpp"
#include "initlab/probe.hpp"
#include "initlab/pyformat.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"
#include "task.hpp"

namespace initlab {

namespace {

// The global generator is the Trainer's own while it works, and the caller's again after.
class GeneratorSwap {
 public:
  explicit GeneratorSwap(Generator& mine) : mine_(mine), callers_(default_generator()) {
    default_generator() = mine_;
  }
  ~GeneratorSwap() {
    mine_ = default_generator();
    default_generator() = callers_;
  }
  GeneratorSwap(const GeneratorSwap&) = delete;
  GeneratorSwap& operator=(const GeneratorSwap&) = delete;

 private:
  Generator& mine_;
  Generator callers_;
};

// A sampled word stops at '.' or at this many characters.
constexpr int64_t kMaxSampleLength = 20;

double l2(const Tensor& t) {
  if (!t.defined()) return 0;
  const Tensor c = t.contiguous();
  double sum = 0;
  for (int64_t i = 0; i < c.numel(); ++i) sum += static_cast<double>(c.data()[i]) * static_cast<double>(c.data()[i]);
  return std::sqrt(sum);
}

// Each row of (N, C) sums to 1 after exp: the model ends in log_softmax, so NLL is its loss.
bool log_probabilities(const Tensor& out) {
  const Tensor c = out.contiguous();
  const int64_t n = c.size(0), classes = c.size(1);
  for (int64_t i = 0; i < n; ++i) {
    double sum = 0;
    for (int64_t j = 0; j < classes; ++j) sum += std::exp(static_cast<double>(c.data()[i * classes + j]));
    if (!(std::abs(sum - 1) < 1e-3)) return false;
  }
  return n > 0;
}

int64_t correct(const Tensor& out, const Tensor& labels) {
  const Tensor c = out.contiguous();
  const int64_t n = c.size(0), classes = c.size(1);
  int64_t hits = 0;
  for (int64_t i = 0; i < n; ++i) {
    const float* row = c.data() + i * classes;
    int64_t best = 0;
    for (int64_t j = 1; j < classes; ++j)
      if (row[j] > row[best]) best = j;  // the first of equal maxima, as torch.argmax
    hits += static_cast<float>(best) == labels.data()[i] ? 1 : 0;
  }
  return hits;
}

// The output must be (batch, classes or more) class scores; on the words also (batch,
// context, 27 or more): a score for the next character at every position.
void check_output(const Tensor& out, int64_t batch, const train::Task& task, const std::string& model) {
  if (out.dim() == 2 && out.size(0) == batch && out.size(1) >= task.classes) return;
  if (task.context > 0 && out.dim() == 3 && out.size(0) == batch && out.size(1) == task.context && out.size(2) >= task.classes) return;
  if (task.context > 0) {
    raise(ErrorKind::ValueError, model + " returns shape " + out.shape().to_string() + " for a batch of " + std::to_string(batch) +
                                     " windows of " + std::to_string(task.context) + " characters, but next-character training needs (" +
                                     std::to_string(batch) + ", 27) or (" + std::to_string(batch) + ", " + std::to_string(task.context) +
                                     ", 27) scores: make its last layer output 27 values ('.' and a-z)");
  }
  raise(ErrorKind::ValueError,
        model + " returns shape " + out.shape().to_string() + " for a batch of " + std::to_string(batch) +
            ", but training on " + task.name + " needs (" + std::to_string(batch) + ", " +
            std::to_string(task.classes) + ") class scores: make its last layer output " +
            std::to_string(task.classes) + " values per example");
}

// The words' context length: the Trainer option, else the model's `block_size` or `context`
// attribute (nanoGPT's and makemore's names), else the longest word (WORDS.md) so a window sees
// a whole word.
int64_t context_length(nn::Module& model, int64_t option) {
  if (option != 0) {
    if (option < 1 || option > 64) raise(ErrorKind::ValueError, "the context option must be 1 to 64 characters, not " + std::to_string(option));
    return option;
  }
  if (const auto* sm = dynamic_cast<script::ScriptModule*>(&model)) {
    for (const char* name : {"block_size", "context"}) {
      const auto it = sm->attrs.find(name);
      if (it == sm->attrs.end()) continue;
      if (!it->second.is_int() || it->second.as_int() < 1 || it->second.as_int() > 64) {
        raise(ErrorKind::ValueError, sm->type_name() + "." + name + " is the context length to train on the words: it must be an int 1 to 64");
      }
      return it->second.as_int();
    }
  }
  return datasets::kMaxWordLength;
}

std::string optimizer_repr(const TrainOptions& o) {
  std::string s = o.optimizer == "adam" ? "Adam(lr=" + py::repr(o.lr) : "SGD(lr=" + py::repr(o.lr);
  if (o.optimizer == "sgd" && o.momentum != 0) s += ", momentum=" + py::repr(o.momentum);
  if (o.weight_decay != 0) s += ", weight_decay=" + py::repr(o.weight_decay);
  return s + ")";
}

void check_options(const TrainOptions& o) {
  const auto bad = [](const std::string& what) { raise(ErrorKind::ValueError, what); };
  if (!std::isfinite(o.init_scale) || o.init_scale < 0) bad("the init_scale option must be a finite number >= 0, not " + py::repr(o.init_scale));
  if (!std::isfinite(o.lr) || o.lr <= 0) bad("the learning rate must be a finite number > 0, not " + py::repr(o.lr));
  if (!(o.momentum >= 0 && o.momentum < 1)) bad("momentum must be in [0, 1), not " + py::repr(o.momentum));
  if (!(o.weight_decay >= 0 && std::isfinite(o.weight_decay))) bad("weight_decay must be a finite number >= 0, not " + py::repr(o.weight_decay));
  if (o.batch < 1) bad("the batch size must be at least 1, not " + std::to_string(o.batch));
  if (o.optimizer != "sgd" && o.optimizer != "adam") bad("unknown optimizer '" + o.optimizer + "' (sgd or adam)");
  if (o.loss != "auto" && o.loss != "nll" && o.loss != "cross_entropy") bad("unknown loss '" + o.loss + "' (auto, cross_entropy or nll)");
}

}  // namespace

struct Trainer::State {
  TrainOptions options;
  script::Source source;
  script::Program program;  // the interpreter's functions point into it
  std::unique_ptr<script::Interpreter> interp;
  nn::ModulePtr model;
  std::vector<std::pair<std::string, Tensor>> parameters;
  train::Task task;
  std::unique_ptr<optim::Optimizer> optimizer;
  Generator model_gen;  // the global generator's state while the Trainer is not working
  Generator data_gen;   // the data set (synthetic) and the order of the mini-batches
  std::vector<int64_t> perm;
  std::size_t cursor = 0;
  int64_t steps = 0;
  std::string output;  // what the script printed (while training, too)
  std::optional<ErrorInfo> error;

  explicit State(const std::string& text) : source(text) {}

  // The next mini-batch's rows: a fresh permutation each epoch, the partial batch dropped.
  std::vector<int64_t> next_batch() {
    const auto b = static_cast<std::size_t>(options.batch);
    if (perm.empty() || cursor + b > perm.size()) {
      perm = randperm(task.train.x.size(0), data_gen);
      cursor = 0;
    }
    std::vector<int64_t> idx(perm.begin() + static_cast<std::ptrdiff_t>(cursor),
                             perm.begin() + static_cast<std::ptrdiff_t>(cursor + b));
    cursor += b;
    return idx;
  }

  // (B, V) scores against y; (B, T, V) scores (the words, every position) flattened to
  // (B*T, V) against y_seq: the mean loss per character, as F.cross_entropy(out.view(-1, V), ...).
  std::pair<Tensor, Tensor> scores_targets(const Tensor& out, const Tensor& y, const Tensor& y_seq) const {
    if (out.dim() != 3) return {out, y};
    return {F::reshape(out, Shape{out.size(0) * out.size(1), out.size(2)}), F::reshape(y_seq, Shape{y_seq.numel()})};
  }

  Tensor loss_of(const Tensor& out, const Tensor& y, const std::string& kind) const {
    return kind == "nll" ? F::nll_loss(out, y) : F::cross_entropy(out, y);
  }

  // Test accuracy and loss in eval mode without gradients; the model is left in train mode.
  std::pair<double, double> evaluate(const std::string& loss) {
    const autograd::NoGrad no_grad;
    model->train(false);
    const Tensor out = (*model)(task.test.x);
    model->train(true);
    check_output(out, task.test.x.size(0), task, model->type_name());
    const auto [scores, targets] = scores_targets(out, task.test.y, task.test_y_seq);
    const double n = static_cast<double>(scores.size(0));
    return {static_cast<double>(correct(scores, targets)) / n,
            static_cast<double>(loss_of(scores, targets, loss).data()[0])};
  }

  void fail(ErrorInfo info) { error = std::move(info); }
  // An error while training: it says at which step, since the script ran long before.
  void fail(ErrorInfo info, int64_t step) {
    info.context = "while training step " + std::to_string(step + 1) + " on " + task.name;
    info.formatted += "\n" + info.context;
    fail(std::move(info));
  }
};

Trainer::Trainer(const std::string& text, const TrainOptions& options) : state_(std::make_unique<State>(text)) {
  State& s = *state_;
  s.options = options;
  s.model_gen.manual_seed(options.seed);
  s.data_gen.manual_seed(options.seed);
  const autograd::NoGrad restore_mode;
  const GeneratorSwap generator(s.model_gen);
  WarningCapture warnings;
  const script::RunScope scope(options.limits.max_tensor_bytes);
  try {
    check_options(options);
    init::InitTrace init_scale(options.init_scale);
    s.program = script::parse(s.source);
    s.interp = std::make_unique<script::Interpreter>(s.source, options.limits,
                                                     [&s](const std::string& printed) { s.output += printed; });
    autograd::set_grad_enabled(true);
    s.interp->run(s.program);
    autograd::set_grad_enabled(false);
    s.model = script::pick_model(*s.interp);
    if (!s.model) {
      raise(ErrorKind::ValueError, "the script makes no nn.Module to train: create one and bind it to the name `model`");
    }
    const auto* script_model = dynamic_cast<script::ScriptModule*>(s.model.get());
    if (script_model && !script_model->cls->find("forward")) {
      raise(ErrorKind::ValueError, s.model->type_name() + " has no forward(): define forward(self, x) to train it");
    }
    setup_.model_name = s.model->type_name();
    const int64_t context = train::takes_indices(*s.model) ? context_length(*s.model, options.context) : 0;
    s.task = train::make_task(*s.model, options.dataset, s.data_gen, context);
    const int64_t n_train = s.task.train.x.size(0);
    if (options.batch > n_train) {
      raise(ErrorKind::ValueError, "the batch size " + std::to_string(options.batch) + " is larger than the " +
                                       std::to_string(n_train) + " training examples of " + s.task.name + ": choose at most " +
                                       std::to_string(n_train));
    }
    s.parameters = s.model->named_parameters();
    std::vector<Tensor> params;
    for (auto& [name, p] : s.parameters) params.push_back(p);
    if (options.optimizer == "adam") {
      optim::AdamOptions a;
      a.lr = options.lr;
      a.weight_decay = options.weight_decay;
      s.optimizer = std::make_unique<optim::Adam>(params, a);
    } else {
      optim::SGDOptions o;
      o.lr = options.lr;
      o.momentum = options.momentum;
      o.weight_decay = options.weight_decay;
      s.optimizer = std::make_unique<optim::SGD>(params, o);
    }
    setup_.dataset = s.task.name;
    setup_.train_size = n_train;
    setup_.test_size = s.task.test.x.size(0);
    setup_.classes = s.task.classes;
    setup_.context = s.task.context;
    // Guessing the next of `classes` characters uniformly costs ln(classes) nats per character.
    setup_.baseline_loss = std::log(static_cast<double>(s.task.classes));
    setup_.input_shape = s.task.train.x.shape().to_vector();
    setup_.input_shape[0] = options.batch;
    setup_.optimizer = optimizer_repr(options);
    // The loss: NLL for log-probabilities, from the model as it is (eval mode draws nothing).
    setup_.loss = options.loss;
    if (setup_.loss == "auto") {
      const autograd::NoGrad no_grad;
      s.model->train(false);
      const Tensor out = (*s.model)(ops::index_rows(s.task.test.x, {0, 1}));
      s.model->train(true);
      check_output(out, 2, s.task, setup_.model_name);
      const Tensor y2 = ops::index_rows(s.task.test.y, {0, 1});
      const Tensor y2_seq = s.task.context > 0 ? ops::index_rows(s.task.test_y_seq, {0, 1}) : Tensor();
      setup_.loss = log_probabilities(s.scores_targets(out, y2, y2_seq).first) ? "nll" : "cross_entropy";
    }
    const auto [accuracy, loss] = s.evaluate(setup_.loss);
    setup_.test_accuracy = accuracy;
    setup_.test_loss = loss;
  } catch (const script::ScriptError& e) {
    s.fail(script::error_info(e, s.source));
  } catch (const Error& e) {
    s.fail(script::error_info(e));
  } catch (const std::bad_alloc&) {
    s.fail(ErrorInfo{"MemoryError", "out of memory", 0, 0, "", "MemoryError: out of memory", "", {}});
  }
  setup_.ok = !s.error;
  setup_.error = s.error;
  setup_.output = s.output;
  setup_.warnings = warnings.messages();
}

Trainer::~Trainer() = default;

int64_t Trainer::steps_done() const { return state_->steps; }

std::vector<std::string> Trainer::sample_words(int64_t count) {
  State& s = *state_;
  std::vector<std::string> words;
  if (s.error || s.task.context == 0) return words;
  const autograd::NoGrad no_grad;
  const GeneratorSwap generator(s.model_gen);
  const script::RunScope scope(s.options.limits.max_tensor_bytes);
  s.interp->restart_budget();
  Generator g;
  g.manual_seed(s.options.seed);
  const int64_t t = s.task.context, v = s.task.classes;
  try {
    s.model->train(false);
    for (int64_t w = 0; w < count; ++w) {
      std::vector<int64_t> context(static_cast<std::size_t>(t), 0);
      std::string word;
      for (int64_t k = 0; k < kMaxSampleLength; ++k) {
        Tensor x(Shape{1, t});
        x.set_dtype(DType::int64);
        for (int64_t j = 0; j < t; ++j) x.data()[j] = static_cast<float>(context[static_cast<std::size_t>(j)]);
        const Tensor out = (*s.model)(x).contiguous();
        check_output(out, 1, s.task, setup_.model_name);
        // The scores for the character after the last position, the first 27 of them.
        const int64_t width = out.size(out.dim() - 1);
        const float* last = out.data() + (out.numel() - width);
        Tensor scores(Shape{1, v});
        std::copy(last, last + v, scores.data());
        const Tensor p = F::softmax(scores, 1).contiguous();
        const int64_t next = multinomial_one(p.data(), v, g);
        if (next == 0) break;
        word.push_back(datasets::index_char(next));
        context.erase(context.begin());
        context.push_back(next);
      }
      words.push_back(word);
    }
  } catch (const Error&) {
    // A model that trained runs here as well; should it not, the samples are left out.
  }
  s.model->train(true);
  return words;
}

TrainChunk Trainer::step(int64_t steps) {
  State& s = *state_;
  TrainChunk chunk;
  chunk.step = chunk.probed_step = s.steps;
  if (s.error) {
    chunk.error = s.error;
    return chunk;
  }
  const autograd::NoGrad restore_mode;
  const GeneratorSwap generator(s.model_gen);
  const script::RunScope scope(s.options.limits.max_tensor_bytes);
  s.interp->restart_budget();
  int64_t hits = 0, seen = 0;
  train::RatioMeter ratios(s.parameters);
  try {
    if (steps < 1) raise(ErrorKind::ValueError, "step() trains at least 1 step, not " + std::to_string(steps));
    for (int64_t i = 0; i < steps; ++i) {
      const std::vector<int64_t> idx = s.next_batch();
      const Tensor x = ops::index_rows(s.task.train.x, idx);
      const Tensor y = ops::index_rows(s.task.train.y, idx);
      const Tensor y_seq = s.task.context > 0 ? ops::index_rows(s.task.train_y_seq, idx) : Tensor();
      const autograd::EnableGrad record;
      s.model->train(true);
      // The chunk's first step is probed: its forward's outputs and their gradients.
      probe::Options probe_options;
      probe_options.bins = s.options.bins;
      probe::Probe probe(probe_options);
      const bool probed = i == 0;
      Tensor out;
      {
        std::optional<nn::ObserveForward> observe;
        if (probed) observe.emplace(&probe);
        out = (*s.model)(x);
      }
      check_output(out, s.options.batch, s.task, setup_.model_name);
      const auto [scores, targets] = s.scores_targets(out, y, y_seq);
      const Tensor loss = s.loss_of(scores, targets, setup_.loss);
      s.optimizer->zero_grad();
      {
        std::optional<autograd::ObserveBackward> observe;
        if (probed) observe.emplace(&probe);
        loss.backward();
      }
      if (probed) {
        for (const auto& r : probe.take_records()) {
          chunk.layers.push_back({r.path, r.type, r.is_op, r.is_leaf, r.output.std, r.output.zeros, r.grad ? probe::l2_norm(*r.grad) : 0.0, r.output.histogram});
        }
        for (auto& [name, p] : s.parameters) chunk.parameters.push_back({name, l2(p), l2(p.grad())});
      }
      ratios.before_step();
      s.optimizer->step();
      ratios.after_step();
      chunk.losses.push_back(static_cast<double>(loss.data()[0]));
      hits += correct(scores, targets);
      seen += scores.size(0);
      s.steps += 1;
    }
    chunk.train_accuracy = static_cast<double>(hits) / static_cast<double>(seen);
    std::tie(chunk.test_accuracy, chunk.test_loss) = s.evaluate(setup_.loss);
  } catch (const script::ScriptError& e) {
    s.fail(script::error_info(e, s.source), s.steps);
  } catch (const Error& e) {
    s.fail(script::error_info(e), s.steps);
  } catch (const std::bad_alloc&) {
    s.fail(ErrorInfo{"MemoryError", "out of memory", 0, 0, "", "MemoryError: out of memory", "", {}}, s.steps);
  }
  chunk.step = s.steps;
  chunk.weights = ratios.take();
  chunk.baseline_loss = setup_.baseline_loss;
  chunk.error = s.error;
  return chunk;
}

}  // namespace initlab
