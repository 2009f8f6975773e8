// The registry binds Python-style arguments with Python's TypeError wording.
#include <doctest/doctest.h>

#include "initlab/error.hpp"
#include "initlab/init_registry.hpp"
#include "initlab/warnings.hpp"
#include "support/raised.hpp"

using initlab::init::Arg;
using initlab::init::Kwarg;

namespace {

std::string call_error(const std::string& name, std::vector<Arg> positional,
                       std::vector<Kwarg> kwargs, initlab::Shape shape = {3, 4}) {
  initlab::Tensor t(shape);
  initlab::Generator g(0);
  return testing_support::raised(
      [&] { initlab::init::call_initializer(name, t, positional, kwargs, g); });
}

}  // namespace

TEST_SUITE("init registry") {

TEST_CASE("positional and keyword arguments bind as in Python") {
  initlab::Generator g1(0), g2(0);
  initlab::Tensor a(initlab::Shape{8, 8}), b(initlab::Shape{8, 8});
  initlab::init::call_initializer("kaiming_uniform_", a, {Arg{0.1}, Arg{std::string("fan_out")}},
                                  {}, g1);
  initlab::init::call_initializer("kaiming_uniform_", b, {},
                                  {{"mode", std::string("fan_out")}, {"a", 0.1}}, g2);
  CHECK(a.to_vector() == b.to_vector());
}

TEST_CASE("argument errors read like Python's") {
  CHECK(call_error("constant_", {}, {}) ==
        "TypeError: constant_() missing 1 required positional argument: 'val'");
  CHECK(call_error("sparse_", {}, {}) ==
        "TypeError: sparse_() missing 1 required positional argument: 'sparsity'");
  CHECK(call_error("xavier_uniform_", {}, {{"gian", 1.0}}) ==
        "TypeError: xavier_uniform_() got an unexpected keyword argument 'gian'");
  CHECK(call_error("xavier_uniform_", {Arg{1.0}}, {{"gain", 1.0}}) ==
        "TypeError: xavier_uniform_() got multiple values for argument 'gain'");
  CHECK(call_error("eye_", {Arg{1.0}}, {}) ==
        "TypeError: eye_() takes 1 positional argument but 2 were given");
  CHECK(call_error("uniform_", {Arg{0.0}, Arg{1.0}, Arg{2.0}}, {}) ==
        "TypeError: uniform_() takes from 1 to 3 positional arguments but 4 were given");
  CHECK(call_error("xavier_uniform_", {Arg{std::string("big")}}, {}) ==
        "TypeError: xavier_uniform_(): argument 'gain' must be a number, not str");
  CHECK(call_error("glorot_", {}, {}) ==
        "ValueError: module 'torch.nn.init' has no attribute 'glorot_'");
}

TEST_CASE("kaiming's `a` fails where Python fails: after the fan checks") {
  CHECK(call_error("kaiming_uniform_", {}, {{"a", true}}) ==
        "ValueError: negative_slope True not a valid number");
  CHECK(call_error("kaiming_uniform_", {}, {{"a", true}}, initlab::Shape{5}).find("Fan in") !=
        std::string::npos);
  CHECK(call_error("kaiming_uniform_", {}, {{"a", true}, {"nonlinearity", std::string("relu")}})
            .empty());
}

TEST_CASE("PyTorch's deprecated spellings still work and warn, initlab's aliases do not warn") {
  initlab::WarningCapture w;
  CHECK(call_error("xavier_uniform", {}, {}).empty());
  REQUIRE(w.messages().size() == 1);
  CHECK(w.messages()[0] == "nn.init.xavier_uniform is now deprecated in favor of nn.init.xavier_uniform_.");
  CHECK(call_error("lecun_normal", {}, {}).empty());
  CHECK(w.messages().size() == 1);
}

TEST_CASE("every initializer names its source and every alias a real target") {
  for (const auto& init : initlab::init::initializers()) {
    CHECK(std::string(init.source).size() > 3);
    CHECK(initlab::init::find_initializer(init.name) == &init);
  }
  for (const auto& alias : initlab::init::initializer_aliases()) {
    CHECK(initlab::init::find_initializer(alias.target) != nullptr);
  }
  CHECK(initlab::init::initializers().size() == 18);
}

TEST_CASE("Python's str() of arguments") {
  CHECK(initlab::init::arg_to_string(Arg{0.1}) == "0.1");
  CHECK(initlab::init::arg_to_string(Arg{1.0}) == "1.0");
  CHECK(initlab::init::arg_to_string(Arg{int64_t{3}}) == "3");
  CHECK(initlab::init::arg_to_string(Arg{}) == "None");
  CHECK(initlab::init::arg_to_string(Arg{false}) == "False");
}

}  // TEST_SUITE
