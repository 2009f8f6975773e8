// examples/models/*.py against PyTorch: tests/fixtures/make_example_fixtures.py ran each
// script in PyTorch and recorded what it printed and the state_dict of its `model`. initlab
// must print the same text and hold the same parameter bits (BatchNorm running statistics,
// which forward passes update, within 1e-5; the parameters of a script that trains, i.e.
// calls an optimizer's .step(), within 1e-6: its updates come from gradients whose float sums
// run in another order than PyTorch's, a few ulps apart after 20 steps).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"

namespace {

struct ExampleState {
  std::string key;
  fixtures::Expect expect;
};

struct Example {
  std::string file, output;
  std::vector<ExampleState> state;
};

std::vector<Example> load() {
  std::ifstream in(std::string(INITLAB_FIXTURE_DIR) + "/example_fixtures.txt");
  std::vector<Example> out;
  fixtures::Expect* expect = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string head = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (head == "example") {
      out.push_back({rest, "", {}});
    } else if (head == "output") {
      out.back().output = fixtures::unescape(rest);
    } else if (head == "state") {
      out.back().state.push_back({rest.substr(0, rest.find(' ')), {}});
      expect = &out.back().state.back().expect;
    } else if (head == "expect") {
      fixtures::parse_expect(rest, *expect);
    } else if (head == "v") {
      fixtures::parse_values(rest, *expect);
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("examples") {

TEST_CASE("every example prints what PyTorch prints and holds PyTorch's state_dict bits") {
  const auto examples = load();
  REQUIRE(examples.size() >= 6);
  for (const Example& ex : examples) {
    SUBCASE(ex.file.c_str()) {
      initlab::RunOptions options;
      options.state_dict = true;
      options.state_dict_of = "model";
      const std::string source = fixtures::read_file(std::string(INITLAB_EXAMPLES_DIR) + "/" + ex.file);
      const auto report = initlab::run(source, options);
      REQUIRE_MESSAGE(report.ok, ex.file << ": " << (report.error ? report.error->formatted : ""));
      CHECK(report.output == ex.output);
      REQUIRE(report.state_dict.size() == ex.state.size());
      for (std::size_t i = 0; i < ex.state.size(); ++i) {
        const auto& got = report.state_dict[i];
        CHECK(got.name == ex.state[i].key);
        std::string diff;
        if (ex.state[i].expect.dtype == "i64") {
          std::vector<int64_t> ints(got.data.begin(), got.data.end());
          std::vector<uint64_t> bits(ints.begin(), ints.end());
          diff = fixtures::compare_bits(bits, ints.data(), ints.size() * sizeof(int64_t), ex.state[i].expect);
        } else {
          // Parameters are initialization: PyTorch's bits. Running statistics come from forward
          // passes (float sums in a different order), so they agree to rounding; so do the
          // parameters of an example that trains (optimizer steps on such gradients; the
          // largest difference in train_mlp.py is 1.2e-7).
          // orthogonal_ goes through a QR decomposition (LAPACK's in PyTorch), whose rounding no
          // other implementation repeats: 1e-5, the rule of tests/init_fixture_test.cpp.
          const bool running = got.name.find("running_") != std::string::npos;
          const bool trained = source.find(".step()") != std::string::npos && !running;
          const bool orthogonal = source.find("orthogonal_(") != std::string::npos && !running;
          diff = fixtures::compare_f32(got.data, ex.state[i].expect, running || orthogonal ? 1e-5 : trained ? 1e-6 : 0.0);
        }
        CHECK_MESSAGE(diff.empty(), ex.file << " " << got.name << ": " << diff);
      }
    }
  }
}

}  // TEST_SUITE
