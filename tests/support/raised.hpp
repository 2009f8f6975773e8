// What a call raises, as text, so tests can compare it with PyTorch's wording.
#pragma once

#include <string>

#include "initlab/error.hpp"

namespace testing_support {

// "Kind: message" of the initlab::Error that f throws, or "" when it throws none.
template <class F>
std::string raised(F&& f) {
  try {
    f();
  } catch (const initlab::Error& e) {
    return std::string(initlab::kind_name(e.kind())) + ": " + e.what();
  }
  return "";
}

// Just the message of the initlab::Error that f throws, or "".
template <class F>
std::string raised_message(F&& f) {
  try {
    f();
  } catch (const initlab::Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace testing_support
