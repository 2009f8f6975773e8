// Finding the model a script made, for run() and the Trainer: both must pick the same one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/session.hpp"
#include "interpreter.hpp"
#include "source.hpp"

namespace initlab::script {

// The module bound to the global `model`, else the last module created that no other created
// module contains; nullptr if the script made none.
nn::ModulePtr pick_model(Interpreter& in);

// The owning pointer of a module the script called (one it created, or a submodule of one).
nn::ModulePtr owner_of(Interpreter& in, const nn::Module* module);

// Conv2d(C) -> (batch, C, 28, 28); Conv1d(C) -> (batch, C, 28); Linear(F) -> (batch, F).
// ValueError when the first layer is neither.
std::vector<int64_t> default_input_shape(nn::Module& model, int64_t batch);

// The Report's form of an error: a script's, with its place and call chain, or the core's.
ErrorInfo error_info(const ScriptError& e, const Source& source);
ErrorInfo error_info(const Error& e);

}  // namespace initlab::script
