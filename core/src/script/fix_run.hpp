// The run option fix="lsuv" (session.hpp): the steps of core/lib/initlab/init.py's LSUV called
// on the probed model from the run, split around the drawing of the run's input so that the
// orthonormal step draws from the generator exactly where the written fix_init() will, right
// after the user's code.
#pragma once

#include <string>

#include "initlab/fix_init.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/session.hpp"
#include "interpreter.hpp"

namespace initlab::script {

// Checks the options and, with fix_ortho, runs orthogonalize_ (initlab.init) on the model:
// record.method, ortho, ortho_paths, tol, max_iter.
void fix_before_input(Interpreter& in, const nn::ModulePtr& model, const RunOptions& options, FixRecord& record);
// lsuv_(model, x, tol, max_iter, ortho=False): record.layers and input_shape.
void fix_on_input(Interpreter& in, const nn::ModulePtr& model, const Tensor& x, FixRecord& record);
// The global name bound to the model, "model" first; "" when none is.
std::string global_name_of(Interpreter& in, const nn::Module* model);

}  // namespace initlab::script
