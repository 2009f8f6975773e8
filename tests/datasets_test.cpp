// initlab::datasets: the digits against what PyTorch makes of core/data/digits.bin
// (tests/fixtures/make_dataset_fixtures.py), and the synthetic sets' defining properties.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "initlab/datasets.hpp"
#include "initlab/error.hpp"
#include "support/fixtures.hpp"

using namespace initlab;

namespace {

struct Block {
  std::string split;
  int64_t size = 0;
  fixtures::Expect x, y;
};

std::vector<Block> load() {
  std::ifstream in(std::string(INITLAB_FIXTURE_DIR) + "/dataset_fixtures.txt");
  std::vector<Block> out;
  fixtures::Expect* expect = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string head = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (head == "dataset") {
      Block b;
      b.split = rest.substr(rest.find("split=") + 6, rest.find(' ', rest.find("split=")) - rest.find("split=") - 6);
      b.size = std::stoll(rest.substr(rest.find("size=") + 5));
      out.push_back(b);
    } else if (head == "tensor") {
      expect = rest[0] == 'x' ? &out.back().x : &out.back().y;
    } else if (head == "expect") {
      fixtures::parse_expect(rest, *expect);
    } else if (head == "v") {
      fixtures::parse_values(rest, *expect);
    }
  }
  return out;
}

std::vector<float> values(const Tensor& t) { return std::vector<float>(t.data(), t.data() + t.numel()); }

}  // namespace

TEST_CASE("digits: PyTorch's tensors from the same bytes, 28x28 is F.interpolate bilinear") {
  const auto blocks = load();
  REQUIRE(blocks.size() == 4);
  for (const Block& b : blocks) {
    const datasets::Data d = datasets::digits(b.split, b.size);
    INFO(b.split << " size " << b.size);
    CHECK(d.x.numel() == b.x.n);
    // 8x8 is pixels / 16: exact. Upsampling sums four weighted pixels, whose rounding may
    // differ from PyTorch's vectorized kernel in the last bit.
    CHECK(fixtures::compare_f32(values(d.x), b.x, b.size == 8 ? 0.0 : 1e-6) == "");
    std::vector<int64_t> labels(d.y.data(), d.y.data() + d.y.numel());
    std::vector<uint64_t> bits(labels.begin(), labels.end());
    CHECK(d.y.dtype() == DType::int64);
    CHECK(fixtures::compare_bits(bits, labels.data(), labels.size() * sizeof(int64_t), b.y) == "");
  }
}

TEST_CASE("digits: only digits.bin's layout is accepted") {
  std::vector<unsigned char> wrong(1797 * 65, 0);
  wrong[65] = 10;  // a label out of range
  CHECK_THROWS_WITH_AS(datasets::provide_digits(wrong.data(), wrong.size()),
                       "these 116805 bytes are not core/data/digits.bin (1797 records of a label 0-9 and 64 pixels 0-16)", Error);
  CHECK_THROWS_AS(datasets::provide_digits(wrong.data(), 100), Error);
  CHECK(datasets::digits_provided());  // the good copy main() provided is kept
}

TEST_CASE("digits: count takes the split's first images, the same values as the whole split") {
  namespace ds = initlab::datasets;
  for (const char* split : {"train", "test"}) {
    for (int64_t size : {8, 28}) {
      const ds::Data all = ds::digits(split, size), first = ds::digits(split, size, 5);
      REQUIRE(first.x.shape().to_vector() == std::vector<int64_t>{5, 1, size, size});
      const auto x = all.x.to_vector(), y = all.y.to_vector();
      CHECK(first.x.to_vector() == std::vector<float>(x.begin(), x.begin() + 5 * size * size));
      CHECK(first.y.to_vector() == std::vector<float>(y.begin(), y.begin() + 5));
      CHECK(first.y.dtype() == initlab::DType::int64);
    }
  }
  CHECK_THROWS_WITH(ds::digits("test", 8, 361), "digits(): the test split has 360 images; count must be 1 to 360 (or -1 for all), not 361");
  CHECK_THROWS_WITH(ds::digits("train", 8, 0), "digits(): the train split has 1437 images; count must be 1 to 1437 (or -1 for all), not 0");
}

TEST_CASE("digits: 1797 images, every class as scikit-learn counts it, values in [0, 1]") {
  const auto train = datasets::digits("train", 8), test = datasets::digits("test", 8);
  CHECK(train.x.shape() == Shape{1437, 1, 8, 8});
  CHECK(test.x.shape() == Shape{360, 1, 8, 8});
  std::vector<int> counts(10, 0);
  for (const auto* d : {&train, &test})
    for (int64_t i = 0; i < d->y.numel(); ++i) ++counts[static_cast<std::size_t>(d->y.data()[i])];
  CHECK(counts == std::vector<int>{178, 182, 177, 183, 181, 182, 181, 179, 174, 180});
  float lo = 1, hi = 0;
  for (int64_t i = 0; i < train.x.numel(); ++i) {
    lo = std::min(lo, train.x.data()[i]);
    hi = std::max(hi, train.x.data()[i]);
  }
  CHECK(lo == 0.0f);
  CHECK(hi == 1.0f);
  // The first image of the CSV: a zero, its top row 0 0 5 13 9 1 0 0.
  CHECK(train.y.data()[0] == 0.0f);
  CHECK(train.x.data()[3] == 13.0f / 16.0f);
  CHECK_THROWS_WITH_AS(datasets::digits("valid", 8), "digits(): split must be 'train' or 'test', not 'valid'", Error);
  CHECK_THROWS_AS(datasets::digits("train", 16), Error);
}

TEST_CASE("two_spirals: the seed fixes them, classes alternate, both spirals wind from the centre") {
  Generator g1, g2;
  g1.manual_seed(3);
  g2.manual_seed(3);
  const auto a = datasets::two_spirals(400, 0.0, g1), b = datasets::two_spirals(400, 0.0, g2);
  CHECK(values(a.x) == values(b.x));
  for (int64_t i = 0; i < 400; ++i) {
    CHECK(a.y.data()[i] == static_cast<float>(i % 2));
    const double r = std::hypot(static_cast<double>(a.x.data()[2 * i]), static_cast<double>(a.x.data()[2 * i + 1]));
    CHECK(r <= 1.0 + 1e-6);
  }
  // Point 2k+1 lies on the other spiral: its reflection through the centre would be on the
  // first one, so the two classes' centroids both sit near the origin but are not equal.
  double m0 = 0, m1 = 0;
  for (int64_t i = 0; i < 400; i += 2) m0 += static_cast<double>(a.x.data()[2 * i]);
  for (int64_t i = 1; i < 400; i += 2) m1 += static_cast<double>(a.x.data()[2 * i]);
  CHECK(std::abs(m0 / 200) < 0.5);
  CHECK(std::abs(m1 / 200) < 0.5);
}

TEST_CASE("blobs and teacher: shapes, labels, spread, teacher's targets are a function of x") {
  Generator g;
  g.manual_seed(0);
  const auto d = datasets::blobs(3000, 3, 2, 0.5, g);
  CHECK(d.x.shape() == Shape{3000, 2});
  // Within a blob the std is the one asked for.
  double s = 0, s2 = 0;
  for (int64_t i = 0; i < 3000; i += 3) {
    const auto v = static_cast<double>(d.x.data()[2 * i]);
    s += v;
    s2 += v * v;
  }
  const double mean = s / 1000, sd = std::sqrt(s2 / 1000 - mean * mean);
  CHECK(sd == doctest::Approx(0.5).epsilon(0.1));
  CHECK(d.y.data()[4] == 1.0f);

  g.manual_seed(1);
  const auto t = datasets::teacher(64, 8, 3, 16, g);
  CHECK(t.x.shape() == Shape{64, 8});
  CHECK(t.y.shape() == Shape{64, 3});
  CHECK(t.y.dtype() == DType::float32);
  double var = 0;
  for (int64_t i = 0; i < t.y.numel(); ++i) var += static_cast<double>(t.y.data()[i]) * static_cast<double>(t.y.data()[i]);
  CHECK(var / static_cast<double>(t.y.numel()) > 0.05);
  CHECK_THROWS_WITH_AS(datasets::teacher(0, 8, 3, 16, g), "teacher(): n must be positive, not 0", Error);
}

TEST_CASE("words: only words.txt's layout is accepted, the good copy is kept") {
  const std::string bad = "aardvark\nAbc\n";  // a capital letter
  const auto* p = reinterpret_cast<const unsigned char*>(bad.data());
  CHECK_THROWS_WITH_AS(datasets::provide_words(p, bad.size()),
                       "these 13 bytes are not core/data/words.txt (35689 lines of 2 to 8 letters a-z)", Error);
  const std::string unterminated = "ab";
  CHECK_THROWS_AS(datasets::provide_words(reinterpret_cast<const unsigned char*>(unterminated.data()), 2), Error);
  CHECK(datasets::words_provided());
  CHECK(datasets::word_list("train").size() + datasets::word_list("test").size() == 35689);
  CHECK_THROWS_WITH_AS(datasets::words("valid", 3), "words(): split must be 'train' or 'test', not 'valid'", Error);
  for (int64_t i = 0; i < datasets::kWordVocab; ++i) CHECK(datasets::char_index(datasets::index_char(i)) == i);
}
