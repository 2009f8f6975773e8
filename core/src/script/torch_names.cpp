// Which names PyTorch 1.13 has (torch_names.inc, generated from it): an AttributeError for one
// of them is initlab's gap, and says so; for any other name it is the user's.
#include "torch_names.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace initlab::script {

namespace {

#include "torch_names.inc"

template <std::size_t N>
bool contains(const char* const (&names)[N], const std::string& name) {
  return std::binary_search(std::begin(names), std::end(names), name.c_str(),
                            [](const char* a, const char* b) { return std::strcmp(a, b) < 0; });
}

}  // namespace

bool pytorch_has(const std::string& owner, const std::string& name) {
  if (owner == "torch") return contains(kTorchNames, name);
  if (owner == "torch.nn") return contains(kTorchNnNames, name);
  if (owner == "torch.nn.functional") return contains(kTorchNnFunctionalNames, name);
  if (owner == "torch.nn.init") return contains(kTorchNnInitNames, name);
  if (owner == "Tensor") return contains(kTensorNames, name);
  if (owner == "Module") return contains(kModuleNames, name);
  return false;
}

}  // namespace initlab::script
