// Whether PyTorch 1.13 has a public name in torch, torch.nn, torch.nn.functional,
// torch.nn.init, on torch.Tensor ("Tensor") or on nn.Module ("Module").
#pragma once

#include <string>

namespace initlab::script {

bool pytorch_has(const std::string& owner, const std::string& name);

}  // namespace initlab::script
