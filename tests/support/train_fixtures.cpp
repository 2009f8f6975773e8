#include "support/train_fixtures.hpp"

#include <fstream>
#include <sstream>

namespace fixtures {

namespace {

std::map<std::string, std::string> key_values(std::istringstream& words) {
  std::map<std::string, std::string> out;
  for (std::string kv; words >> kv;) {
    const auto eq = kv.find('=');
    out[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return out;
}

TrainFile parse_train(std::istream& in) {
  TrainFile f;
  enum class Section { none, script, trainer, words, probe } section = Section::none;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head == "script") {
      f.scripts.emplace_back();
      words >> f.scripts.back().name;
      section = Section::script;
    } else if (head == "trainer") {
      f.trainer_runs.emplace_back();
      words >> f.trainer_runs.back().example;
      f.trainer_runs.back().options = key_values(words);
      section = Section::trainer;
    } else if (head == "words") {
      f.words_runs.emplace_back();
      words >> f.words_runs.back().example;
      f.words_runs.back().options = key_values(words);
      section = Section::words;
    } else if (head == "samples" && section == Section::words) {
      TrainerRun& r = f.words_runs.back();
      std::string all;
      words >> all;  // each word ends in '.'; an empty word is a lone '.'
      std::vector<std::string> list;
      for (std::string::size_type from = 0, dot; (dot = all.find('.', from)) != std::string::npos; from = dot + 1) {
        list.push_back(all.substr(from, dot - from));
      }
      (r.losses.empty() ? r.samples_before : r.samples_after) = list;
    } else if (head == "probe") {
      f.probes.emplace_back();
      DigitsProbe& p = f.probes.back();
      words >> p.example;
      const auto kv = key_values(words);
      p.batch = std::stoll(kv.at("batch"));
      p.loss_name = kv.at("grad");
      section = Section::probe;
    } else if (head == "end") {
      section = Section::none;
    } else if (head == "loss" && section == Section::probe) {
      words >> f.probes.back().loss;
    } else if (head == "loss" && section != Section::none) {
      int step = 0;
      std::string value;
      words >> step >> value;
      auto& losses = section == Section::script    ? f.scripts.back().losses
                     : section == Section::trainer ? f.trainer_runs.back().losses
                                                   : f.words_runs.back().losses;
      losses.push_back(std::stod(value));
    } else if ((head == "setup" || head == "after") && (section == Section::trainer || section == Section::words)) {
      TrainerRun& r = section == Section::trainer ? f.trainer_runs.back() : f.words_runs.back();
      for (const auto& [k, v] : key_values(words)) (head == "setup" ? r.setup : r.after)[k] = std::stod(v);
    } else if (head == "ratio" && section == Section::trainer) {
      TrainerRun::Ratio r;
      std::string update, grad;
      words >> r.step >> r.name >> update >> grad;
      r.update = std::stod(update);
      r.grad = std::stod(grad);
      r.step -= 1;
      f.trainer_runs.back().ratios.push_back(r);
    } else if (head == "grad" && section == Section::probe) {
      std::string name;
      double norm = 0;
      words >> name >> norm;
      f.probes.back().grad_norms[name] = norm;
    }
  }
  return f;
}

}  // namespace

const TrainFile& train_fixtures() {
  static const TrainFile file = [] {
    std::ifstream in(std::string(INITLAB_FIXTURE_DIR) + "/train_fixtures.txt");
    return parse_train(in);
  }();
  return file;
}

}  // namespace fixtures
