// The fixture models of tests/fixtures/make_forward_fixtures.py, written against the C++ API
// line for line (same construction order, so the same draws; same forward).
#pragma once

#include <string>

#include "initlab/nn/module.hpp"

namespace models {

// "CNN", "TanhMLP", "ReluMLP" (make_grad_fixtures.py), "VGGBlock", "ResNetBlocks" or
// "Everything"; built from the default
// generator as PyTorch builds them.
initlab::nn::ModulePtr build(const std::string& cls);

}  // namespace models
