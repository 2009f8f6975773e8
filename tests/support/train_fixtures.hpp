// Reader for tests/fixtures/train_fixtures.txt (format in make_train_fixtures.py's header):
// PyTorch's per-step losses of the training scripts, of the Trainer's protocol, and the
// gradient probe on real digits.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fixtures {

struct TrainScript {  // script <file in tests/train/>
  std::string name;
  std::vector<double> losses;
};

struct TrainerRun {  // trainer <example> key=value..., or words <example> key=value...
  std::string example;
  std::map<std::string, std::string> options;
  std::map<std::string, double> setup, after;  // test_accuracy, test_loss
  std::vector<double> losses;
  std::vector<std::string> samples_before, samples_after;  // words runs: the sampled words
  // Trainer runs, the first steps: per step (from 0) and weight name, log10 of std(dW)/std(W)
  // and of std(grad)/std(W) (dW = W after the step - W before).
  struct Ratio {
    int64_t step;
    std::string name;
    double update, grad;
  };
  std::vector<Ratio> ratios;
};

struct DigitsProbe {  // probe <example> input=digits batch=<n> grad=<loss>
  std::string example, loss_name;
  int64_t batch = 0;
  double loss = 0;
  std::map<std::string, double> grad_norms;
};

struct TrainFile {
  std::vector<TrainScript> scripts;
  std::vector<TrainerRun> trainer_runs;
  std::vector<TrainerRun> words_runs;
  std::vector<DigitsProbe> probes;
};

// Parsed once and cached.
const TrainFile& train_fixtures();

}  // namespace fixtures
