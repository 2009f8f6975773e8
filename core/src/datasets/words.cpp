// initlab::datasets::words: checks and keeps core/data/words.txt's bytes, handed over once by
// the caller, and cuts them into the train/test split and next-character pairs (WORDS.md).
#include <string>
#include <vector>

#include "initlab/datasets.hpp"
#include "initlab/error.hpp"

namespace initlab::datasets {

namespace {

constexpr std::size_t kWords = 35689;

std::vector<std::string>& all_words() {
  static std::vector<std::string> words;
  return words;
}

bool in_split(std::size_t i, bool train) { return (i % 10 == 9) != train; }

bool parse_split(std::string_view split, const char* fn) {
  if (split != "train" && split != "test") {
    raise(ErrorKind::ValueError, std::string(fn) + "(): split must be 'train' or 'test', not '" + std::string(split) + "'");
  }
  return split == "train";
}

}  // namespace

void provide_words(const unsigned char* bytes, std::size_t size) {
  std::vector<std::string> words;
  std::string word;
  bool ok = size > 0 && bytes[size - 1] == '\n';
  for (std::size_t i = 0; ok && i < size; ++i) {
    const unsigned char c = bytes[i];
    if (c == '\n') {
      ok = word.size() >= 2 && word.size() <= static_cast<std::size_t>(kMaxWordLength);
      words.push_back(word);
      word.clear();
    } else {
      ok = c >= 'a' && c <= 'z';
      word.push_back(static_cast<char>(c));
    }
  }
  if (!ok || words.size() != kWords) {
    raise(ErrorKind::ValueError, "these " + std::to_string(size) + " bytes are not core/data/words.txt (35689 lines of 2 to 8 letters a-z)");
  }
  all_words() = std::move(words);
}

bool words_provided() { return !all_words().empty(); }

std::vector<std::string> word_list(std::string_view split) {
  const bool train = parse_split(split, "word_list");
  if (!words_provided()) {
    raise(ErrorKind::RuntimeError, "the words data is not loaded (the JavaScript API loads words.txt beside initlab_wasm.wasm "
                                   "when a script mentions words; C++ callers call datasets::provide_words)");
  }
  std::vector<std::string> out;
  const auto& words = all_words();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (in_split(i, train)) out.push_back(words[i]);
  }
  return out;
}

int64_t char_index(char c) { return c == '.' ? 0 : c - 'a' + 1; }

char index_char(int64_t i) { return i == 0 ? '.' : static_cast<char>('a' + i - 1); }

Data words(std::string_view split, int64_t block_size) {
  parse_split(split, "words");
  if (block_size < 1 || block_size > 64) {
    raise(ErrorKind::ValueError, "words(): block_size (the context length) must be 1 to 64, not " + std::to_string(block_size));
  }
  const std::vector<std::string> list = word_list(split);
  int64_t n = 0;
  for (const auto& w : list) n += static_cast<int64_t>(w.size()) + 1;
  Data d{Tensor(Shape{n, block_size}), Tensor(Shape{n})};
  d.x.set_dtype(DType::int64);
  d.y.set_dtype(DType::int64);
  float* x = d.x.data();
  float* y = d.y.data();
  std::vector<int64_t> context(static_cast<std::size_t>(block_size));
  int64_t row = 0;
  for (const auto& w : list) {
    std::fill(context.begin(), context.end(), 0);
    for (std::size_t k = 0; k <= w.size(); ++k) {
      const int64_t next = k < w.size() ? char_index(w[k]) : 0;
      for (int64_t j = 0; j < block_size; ++j) x[row * block_size + j] = static_cast<float>(context[static_cast<std::size_t>(j)]);
      y[row] = static_cast<float>(next);
      context.erase(context.begin());
      context.push_back(next);
      ++row;
    }
  }
  return d;
}

}  // namespace initlab::datasets
