// "Fix my init": what the run option fix="lsuv" did to the probed model, and the PyTorch code
// that does the same. LSUV itself (Mishkin & Matas 2015) is library Python,
// core/lib/initlab/init.py; the run calls it (core/src/script/fix_run.cpp) and this file's
// writer turns its record into plain PyTorch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace initlab {

// One layer LSUV scaled (Report::fix_layers), in the order the forward reaches them.
struct FixLayer {
  std::string path;            // its name in model.named_modules() ("features.0")
  int iterations = 0;          // how many scalings
  double std_before = 0;       // its output's std before the first scaling (after the
                               // orthonormal step and the layers before it)
  double std_after = 0;        // ... after the last one
  std::vector<float> factors;  // the float32 factors applied to its weight (weight.mul_(f))
};

// Everything the fix did, in the order it did it.
struct FixRecord {
  std::string method;                    // "lsuv"
  bool ortho = false;                    // nn.init.orthogonal_ on ortho_paths' weights first
  std::vector<std::string> ortho_paths;  // in module order; their biases zeroed
  std::vector<FixLayer> layers;
  double tol = 0.1;
  int max_iter = 10;
  std::vector<int64_t> input_shape;      // of the batch the stds were measured on
};

// The user's source unchanged, then `def fix_init(model):` in plain PyTorch (torch,
// torch.nn.init.orthogonal_, get_submodule, zero_ and mul_ with each factor written as the
// repr of its float32 value, under torch.no_grad()), then `fix_init(<model_name>)`. Run in
// PyTorch with the same seed it leaves the state_dict the fix left in initlab: mul_ with a
// Python float rounds it to float32 as initlab does (tests/script/460_mul_scalar_float32.py).
// orthogonal_ is PyTorch's bits too (init.hpp).
std::string write_fix_code(const std::string& source, const FixRecord& record, const std::string& model_name);

}  // namespace initlab
