// The PyTorch code of a fix (fix_init.hpp): the user's code, then a function that repeats
// each step the fix took, in its order, with the factors as exact literals.
#include "initlab/fix_init.hpp"

#include <cstdio>

#include "initlab/pyformat.hpp"

namespace initlab {

namespace {

// A Python string literal of a module path (names are identifiers or digits; quote anyway).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string shape_text(const std::vector<int64_t>& shape) {
  std::string out;
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? "x" : "") + std::to_string(shape[i]);
  return out;
}

// "%.4g" as Python prints it, for the comments only.
std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::string write_fix_code(const std::string& source, const FixRecord& record, const std::string& model_name) {
  std::string out = source;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "\n\n# Written by initlab: LSUV (Mishkin & Matas 2015, \"All you need is a good init\") on a batch of shape " +
         shape_text(record.input_shape) + ", tol=" + py::repr(record.tol) + ", max_iter=" + std::to_string(record.max_iter) +
         ".\n# Run after the code above with the same seed, it gives the weights initlab showed, bit for bit.\n"
         "import torch\n\n\n"
         "def fix_init(model):\n"
         "    with torch.no_grad():\n";
  bool wrote = false;
  if (record.ortho && !record.ortho_paths.empty()) {
    out += "        # Orthonormal weights and zero biases (the paper's first step), in module order.\n";
    out += "        for name in [";
    for (std::size_t i = 0; i < record.ortho_paths.size(); ++i) out += (i ? ", " : "") + quoted(record.ortho_paths[i]);
    out += "]:\n"
           "            layer = model.get_submodule(name)\n"
           "            torch.nn.init.orthogonal_(layer.weight)\n"
           "            if layer.bias is not None:\n"
           "                layer.bias.zero_()\n";
    wrote = true;
  }
  bool any_factor = false;
  for (const FixLayer& l : record.layers) any_factor = any_factor || !l.factors.empty();
  if (any_factor) out += "        # Each layer's weight divided by its output's std, layer by layer in forward order.\n";
  for (const FixLayer& l : record.layers) {
    for (std::size_t k = 0; k < l.factors.size(); ++k) {
      out += "        model.get_submodule(" + quoted(l.path) + ").weight.mul_(" + py::repr(static_cast<double>(l.factors[k])) + ")";
      if (k + 1 == l.factors.size())
        out += "  # std " + short_number(l.std_before) + " -> " + short_number(l.std_after);
      out += "\n";
      wrote = true;
    }
  }
  if (!wrote) out += "        pass  # every layer's output std was already within tol of 1\n";
  out += "    return model\n\n\nfix_init(" + model_name + ")\n";
  return out;
}

}  // namespace initlab
