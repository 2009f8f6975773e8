// nn.Module's state and lookup methods: load_state_dict (strict or not, PyTorch 1.13's error
// text and its _IncompatibleKeys result), get_submodule and get_parameter (PyTorch's
// AttributeError texts). Declared in bindings.hpp beside module_attribute.
#include <algorithm>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/nn/layers.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "module_hooks.hpp"
#include "nn_api_util.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

std::string class_name(const nn::Module& m) {
  if (auto* sm = dynamic_cast<const ScriptModule*>(&m)) return sm->cls->name;
  return m.class_name();
}

std::string size_text(const Tensor& t) {
  std::string s = "torch.Size([";
  for (int64_t d = 0; d < t.dim(); ++d) s += (d ? ", " : "") + std::to_string(t.size(d));
  return s + "])";
}

Value get_submodule(Interpreter& in, const Value& self, const std::string& target) {
  if (target.empty()) return self;
  Value mod = self;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = target.find('.', start);
    const std::string item = target.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const auto next = in.try_getattr(mod, item);
    if (!next) in.error("AttributeError", class_name(*module_of(mod)) + " has no attribute `" + item + "`");
    if (!next->get<ModuleObj>()) in.error("AttributeError", "`" + item + "` is not an nn.Module");
    mod = *next;
    if (dot == std::string::npos) return mod;
    start = dot + 1;
  }
}

Value load_state_dict(Interpreter& in, const nn::ModulePtr& root, const Value& state, bool strict) {
  auto* dict = in.as_dict(state).get<DictObj>();
  if (!dict) {
    in.error("TypeError", "Expected state_dict to be dict-like, got " + type_name(state) + ".");
  }
  std::vector<std::pair<std::string, Value>> given;
  for (const auto& [k, v] : dict->items)
    if (k.is_str()) given.emplace_back(k.as_str(), v);
  const auto find = [&](const std::string& key) -> const Value* {
    for (const auto& [k, v] : given)
      if (k == key) return &v;
    return nullptr;
  };
  std::vector<std::string> missing, unexpected, errors, expected;
  autograd::NoGrad no_grad;
  for (auto& [path, m] : root->named_modules()) {
    const std::string prefix = path.empty() ? "" : path + ".";
    std::vector<std::pair<std::string, Tensor>> local;
    for (const auto& [n, t] : m->own_parameters())
      if (t.defined() && !reparametrized(in, *m, n)) local.emplace_back(n, t);
    for (const auto& [n, t] : m->own_buffers())
      if (t.defined() && m->buffer_persistent(n)) local.emplace_back(n, t);
    for (auto& [n, t] : local) {
      const std::string key = prefix + n;
      expected.push_back(key);
      const Value* v = find(key);
      if (!v) {
        // A dict without PyTorch's version metadata: BatchNorm takes a missing
        // num_batches_tracked as 0, as its _load_from_state_dict does for old checkpoints.
        if (n == "num_batches_tracked" && dynamic_cast<nn::BatchNorm*>(m)) {
          t.zero_();
          continue;
        }
        missing.push_back(key);
        continue;
      }
      auto* src = v->get<TensorObj>();
      if (!src) {
        errors.push_back("While copying the parameter named \"" + key +
                         "\", expected torch.Tensor or Tensor-like object from checkpoint but received " + type_name(*v));
        continue;
      }
      if (src->tensor.shape() != t.shape()) {
        errors.push_back("size mismatch for " + key + ": copying a param with shape " + size_text(src->tensor) +
                         " from checkpoint, the shape in current model is " + size_text(t) + ".");
        continue;
      }
      t.copy_from(src->tensor.detach());
    }
  }
  for (const auto& [k, v] : given)
    if (std::find(expected.begin(), expected.end(), k) == expected.end()) unexpected.push_back(k);
  const auto quoted = [](const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "\"" : ", \"") + k + "\"";
    return s;
  };
  if (strict) {
    if (!unexpected.empty()) errors.insert(errors.begin(), "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
    if (!missing.empty()) errors.insert(errors.begin(), "Missing key(s) in state_dict: " + quoted(missing) + ". ");
  }
  if (!errors.empty()) {
    std::string msg = "Error(s) in loading state_dict for " + class_name(*root) + ":";
    for (const auto& e : errors) msg += "\n\t" + e;
    in.error("RuntimeError", msg);
  }
  const auto list = [](const std::vector<std::string>& keys) {
    std::vector<Value> items;
    for (const auto& k : keys) items.emplace_back(k);
    return make_list(std::move(items));
  };
  const Value cls = in.getattr(in.import_module("torch.nn._module_state"), "_IncompatibleKeys");
  return in.call(cls, {list(missing), list(unexpected)});
}

}  // namespace

std::optional<Value> module_state_method(Interpreter& interp, const Value& self, const std::string& name) {
  const nn::ModulePtr m = module_of(self);
  const auto method = [&](Native fn) { return make_builtin(m->type_name() + "." + name, std::move(fn)); };
  (void)interp;
  if (name == "get_submodule") {
    return method([self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "get_submodule", a, {{"target", std::nullopt}});
      return get_submodule(in, self, to_str(in, args[0], "target"));
    });
  }
  if (name == "get_parameter" || name == "get_buffer") {
    const bool param = name == "get_parameter";
    return method([self, param](Interpreter& in, A& a) {
      const auto args = bind_native(in, param ? "get_parameter" : "get_buffer", a, {{"target", std::nullopt}});
      const std::string target = to_str(in, args[0], "target");
      const auto dot = target.rfind('.');
      const std::string path = dot == std::string::npos ? "" : target.substr(0, dot);
      const std::string leaf = dot == std::string::npos ? target : target.substr(dot + 1);
      const Value mod = get_submodule(in, self, path);
      const nn::ModulePtr owner = module_of(mod);
      const auto v = in.try_getattr(mod, leaf);
      if (!v) in.error("AttributeError", class_name(*owner) + " has no attribute `" + leaf + "`");
      bool found = false;
      for (const auto& [n, t] : param ? owner->own_parameters() : owner->own_buffers()) found = found || n == leaf;
      if (!found) in.error("AttributeError", "`" + leaf + "` is not " + (param ? "an nn.Parameter" : "a buffer"));
      return *v;
    });
  }
  if (name == "load_state_dict") {
    return method([m](Interpreter& in, A& a) {
      const auto args = bind_native(in, "load_state_dict", a, {{"state_dict", std::nullopt}, {"strict", Value(true)}});
      return load_state_dict(in, m, args[0], in.truthy(args[1]));
    });
  }
  return std::nullopt;
}

}  // namespace initlab::script
