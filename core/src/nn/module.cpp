#include <algorithm>
#include "initlab/nn/module.hpp"

#include "initlab/error.hpp"
#include "initlab/nn/fusion.hpp"

namespace initlab::nn {

namespace {

thread_local ForwardObserver* observer = nullptr;
thread_local int current_line = 0;

// PyTorch's _addindent: indent every line but the first.
std::string add_indent(const std::string& s, int spaces) {
  if (s.find('\n') == std::string::npos) return s;
  std::string out;
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  for (char c : s) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

ObserveForward::ObserveForward(ForwardObserver* o) : previous_(observer) { observer = o; }
ObserveForward::~ObserveForward() { observer = previous_; }
ForwardObserver* current_observer() { return observer; }
void set_source_line(int line) { current_line = line; }
int source_line() { return current_line; }

Tensor Module::operator()(const Tensor& input) {
  if (observer != nullptr) observer->module_enter(*this, &input);
  Tensor out;
  try {
    out = forward_overridden() ? subclass_->forward(*this, input) : forward(input);
  } catch (...) {
    if (observer != nullptr) observer->module_abandon(*this);
    throw;
  }
  if (observer != nullptr) observer->module_output(*this, out);
  return out;
}

Tensor Module::forward(const Tensor&) {
  raise(ErrorKind::NotImplementedError,
        "Module [" + type_name_ + "] is missing the required \"forward\" function");
}

Tensor& Module::register_parameter(const std::string& name, Tensor value) {
  if (value.defined()) value.set_requires_grad(true);
  for (auto& [n, t] : params_) {
    if (n == name) return t = std::move(value);
  }
  params_.emplace_back(name, std::move(value));
  return params_.back().second;
}

Tensor& Module::register_buffer(const std::string& name, Tensor value) {
  for (auto& [n, t] : buffers_) {
    if (n == name) return t = std::move(value);
  }
  buffers_.emplace_back(name, std::move(value));
  return buffers_.back().second;
}

Module& Module::register_module(const std::string& name, ModulePtr module) {
  for (auto& [n, m] : children_) {
    if (n == name) {
      m = std::move(module);
      return *m;
    }
  }
  children_.emplace_back(name, std::move(module));
  return *children_.back().second;
}

bool Module::remove(const std::string& name) {
  const auto drop = [&](auto& list) {
    for (auto it = list.begin(); it != list.end(); ++it) {
      if (it->first == name) {
        list.erase(it);
        return true;
      }
    }
    return false;
  };
  return drop(params_) || drop(buffers_) || drop(children_);
}

Tensor* Module::parameter(const std::string& name) {
  for (auto& [n, t] : params_)
    if (n == name) return &t;
  return nullptr;
}

Tensor* Module::buffer(const std::string& name) {
  for (auto& [n, t] : buffers_)
    if (n == name) return &t;
  return nullptr;
}

Module* Module::child(const std::string& name) const {
  for (const auto& [n, m] : children_)
    if (n == name) return m.get();
  return nullptr;
}

std::vector<std::pair<std::string, Module*>> Module::named_modules(const std::string& prefix) {
  std::vector<std::pair<std::string, Module*>> out{{prefix, this}};
  for (auto& [name, m] : children_) {
    if (!m) continue;
    for (auto& entry : m->named_modules(prefix.empty() ? name : prefix + "." + name)) {
      out.push_back(entry);
    }
  }
  return out;
}

std::vector<std::pair<std::string, Tensor>> Module::named_parameters() {
  std::vector<std::pair<std::string, Tensor>> out;
  for (auto& [path, m] : named_modules()) {
    for (auto& [name, t] : m->params_)
      if (t.defined()) out.emplace_back(path.empty() ? name : path + "." + name, t);
  }
  return out;
}

std::vector<std::pair<std::string, Tensor>> Module::named_buffers() {
  std::vector<std::pair<std::string, Tensor>> out;
  for (auto& [path, m] : named_modules()) {
    for (auto& [name, t] : m->buffers_)
      if (t.defined()) out.emplace_back(path.empty() ? name : path + "." + name, t);
  }
  return out;
}

std::vector<std::pair<std::string, Tensor>> Module::state_dict() {
  std::vector<std::pair<std::string, Tensor>> out;
  for (auto& [path, m] : named_modules()) {
    const std::string p = path.empty() ? "" : path + ".";
    for (auto& [name, t] : m->params_)
      if (t.defined()) out.emplace_back(p + name, t);
    for (auto& [name, t] : m->buffers_)
      if (t.defined() && m->buffer_persistent(name)) out.emplace_back(p + name, t);
  }
  return out;
}

void Module::set_buffer_persistent(const std::string& name, bool persistent) {
  const auto it = std::find(non_persistent_.begin(), non_persistent_.end(), name);
  if (persistent && it != non_persistent_.end()) non_persistent_.erase(it);
  if (!persistent && it == non_persistent_.end()) non_persistent_.push_back(name);
}

bool Module::buffer_persistent(const std::string& name) const {
  return std::find(non_persistent_.begin(), non_persistent_.end(), name) == non_persistent_.end();
}

void Module::apply(const std::function<void(Module&)>& fn) {
  for (auto& [name, m] : children_)
    if (m) m->apply(fn);
  fn(*this);
}

void Module::train(bool mode) {
  training_ = mode;
  for (auto& [name, m] : children_)
    if (m) m->train(mode);
}

std::string Module::repr() const {
  std::vector<std::string> extra_lines, child_lines;
  std::optional<std::string> own = subclass_ ? subclass_->extra_repr(*this) : std::nullopt;
  const std::string extra = own ? *own : extra_repr();
  if (!extra.empty()) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t nl = extra.find('\n', start);
      extra_lines.push_back(extra.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  for (const auto& [name, m] : children_) {
    child_lines.push_back("(" + name + "): " + add_indent(m ? m->repr() : "None", 2));
  }
  std::string s = class_name() + "(";
  if (extra_lines.size() == 1 && child_lines.empty()) {
    s += extra_lines[0];
  } else if (!extra_lines.empty() || !child_lines.empty()) {
    s += "\n";
    for (const auto& l : extra_lines) s += "  " + l + "\n";
    for (const auto& l : child_lines) s += "  " + l + "\n";
  }
  return s + ")";
}

Sequential::Sequential(const std::vector<ModulePtr>& modules) : Sequential() {
  for (const auto& m : modules) append(m);
}

Sequential& Sequential::append(ModulePtr module) {
  register_module(std::to_string(children().size()), std::move(module));
  return *this;
}

Tensor Sequential::forward(const Tensor& input) {
  Tensor x = input;
  const auto& kids = children();
  // Fused chains skip the intermediate outputs, so only when no probe is listening.
  const bool may_fuse = observer == nullptr;
  for (std::size_t i = 0; i < kids.size();) {
    if (may_fuse && run_fused_chain(kids, i, x)) continue;
    x = (*kids[i].second)(x);
    ++i;
  }
  return x;
}

ModuleList::ModuleList(const std::vector<ModulePtr>& modules) : ModuleList() {
  for (const auto& m : modules) append(m);
}

ModuleList& ModuleList::append(ModulePtr module) {
  register_module(std::to_string(children().size()), std::move(module));
  return *this;
}

}  // namespace initlab::nn
