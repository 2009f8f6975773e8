#include "model_lookup.hpp"

#include "initlab/nn/layers.hpp"
#include "script_module.hpp"

namespace initlab::script {

nn::ModulePtr pick_model(Interpreter& in) {
  auto it = in.globals()->vars.find("model");
  if (it != in.globals()->vars.end()) {
    if (auto* m = it->second.get<ModuleObj>()) return m->module;
  }
  const auto& created = in.created_modules();
  for (auto c = created.rbegin(); c != created.rend(); ++c) {
    bool contained = false;
    for (const auto& other : created) {
      if (other == *c) continue;
      for (auto& [path, m] : other->named_modules())
        if (m == c->get() && !path.empty()) contained = true;
      if (contained) break;
    }
    if (!contained) return *c;
  }
  return nullptr;
}

nn::ModulePtr owner_of(Interpreter& in, const nn::Module* module) {
  for (const auto& m : in.created_modules())
    if (m.get() == module) return m;
  for (const auto& m : in.created_modules())
    for (auto& [path, parent] : m->named_modules())
      for (const auto& [name, child] : parent->children())
        if (child.get() == module) return child;
  return nullptr;
}

std::vector<int64_t> default_input_shape(nn::Module& model, int64_t batch) {
  for (auto& [path, m] : model.named_modules()) {
    if (auto* conv = dynamic_cast<nn::ConvNd*>(m)) {
      if (m->type_name() == "Conv2d") return {batch, conv->options().in_channels, 28, 28};
      return {batch, conv->options().in_channels, 28};
    }
    if (auto* linear = dynamic_cast<nn::Linear*>(m)) return {batch, linear->in_features};
  }
  raise(ErrorKind::ValueError,
        "cannot tell what input " + model.type_name() +
            " takes (its first layer is neither Linear nor Conv); call the model in the script or set the input_shape option");
}

ErrorInfo error_info(const ScriptError& e, const Source& source) {
  ErrorInfo info;
  info.kind = e.kind();
  info.message = e.message();
  info.line = e.user_where().line;
  info.column = e.user_where().column;
  info.source_line = source.line(info.line);
  info.formatted = e.format(source);
  for (const auto& f : e.traceback())
    if (f.where.file == 0) info.traceback.push_back({f.function, f.where.line});  // the user's frames
  return info;
}

ErrorInfo error_info(const Error& e) {
  ErrorInfo info;
  info.kind = kind_name(e.kind());
  info.message = e.what();
  info.formatted = info.kind + ": " + info.message;
  return info;
}

}  // namespace initlab::script
