// nn.Module's side of the script language: attribute lookup (parameters, buffers, children,
// then the script class and Module's methods), assignment by nn.Module.__setattr__'s rules,
// calls that the probe observes, copy.deepcopy of modules and container subclasses.
#include <algorithm>
#include <cmath>
#include <map>

#include "device_api.hpp"
#include "module_hooks.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/warnings.hpp"
#include "nn_api_util.hpp"
#include "numpy_bindings.hpp"
#include "interpreter_util.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"

namespace initlab::script {

using A = CallArgs;


namespace {

// The entries of a recursive parameter list (dotted names) that are the script's parameters:
// without the slots weight_norm and spectral_norm recompute (module_hooks.hpp).
std::vector<std::pair<std::string, Tensor>> script_parameters(Interpreter& in, nn::Module& root,
                                                              std::vector<std::pair<std::string, Tensor>> list) {
  std::vector<std::pair<std::string, Tensor>> out;
  const auto modules = root.named_modules();
  for (auto& [n, t] : list) {
    const auto dot = n.rfind('.');
    const std::string prefix = dot == std::string::npos ? "" : n.substr(0, dot);
    const std::string leaf = dot == std::string::npos ? n : n.substr(dot + 1);
    bool hidden = false;
    for (const auto& [path, mod] : modules)
      if (path == prefix) hidden = mod->parameter(leaf) != nullptr && reparametrized(in, *mod, leaf);
    if (!hidden) out.emplace_back(std::move(n), std::move(t));
  }
  return out;
}

}  // namespace

std::optional<Value> module_attribute(Interpreter& interp, const Value& self, const std::string& name, bool with_class) {
  nn::ModulePtr m = module_of(self);
  // nn.Module.__getattr__: parameters, buffers, submodules...
  for (const auto& [n, t] : m->own_parameters()) {
    if (n != name) continue;
    if (!t.defined()) return Value();
    if (reparametrized(interp, *m, n)) return make_tensor(t, false);  // weight_norm's recomputed weight
    Value p = make_tensor(t, true);
    p.get<TensorObj>()->owner = m;
    p.get<TensorObj>()->owner_name = n;
    return p;
  }
  for (const auto& [n, t] : m->own_buffers())
    if (n == name) return t.defined() ? make_tensor(t, false) : Value();
  for (const auto& [n, c] : m->children())
    if (n == name) return c ? wrap(c) : Value();
  // ...then the script class's own attributes and methods.
  if (auto* sm = dynamic_cast<ScriptModule*>(m.get())) {
    auto it = sm->attrs.find(name);
    if (it != sm->attrs.end()) return it->second;
    if (const Value* v = sm->cls->find(name)) return interp.bind_class_attr(*v, self, Value(ObjPtr(sm->cls)));
  }
  const auto method = [&](Native fn) { return make_builtin(m->type_name() + "." + name, std::move(fn)); };
  if (auto extra = interp.module_attrs().find(m.get()); extra != interp.module_attrs().end()) {
    auto it = extra->second.find(name);
    if (it != extra->second.end()) return it->second;
  }
  // A script subclass of a built-in layer: its class's methods and attributes come before the
  // layer's (super() asks without them, native_subclass.hpp).
  if (auto* sub = native_subclass_of(*m); sub && with_class) {
    if (const Value* v = sub->cls->find(name)) return interp.bind_class_attr(*v, self, Value(ObjPtr(sub->cls)));
  }
  if (name == "training") return Value(m->is_training());
  // Layer attributes PyTorch exposes.
  if (auto* l = dynamic_cast<nn::Linear*>(m.get())) {
    if (name == "in_features") return Value(l->in_features);
    if (name == "out_features") return Value(l->out_features);
  }
  if (auto* c = dynamic_cast<nn::ConvNd*>(m.get())) {
    const auto& o = c->options();
    const std::size_t dims = m->type_name() == "Conv1d" ? 1 : 2;
    const auto tuple = [](const std::vector<int64_t>& v) {
      std::vector<Value> items;
      for (int64_t x : v) items.emplace_back(x);
      return make_tuple(std::move(items));
    };
    if (name == "in_channels") return Value(o.in_channels);
    if (name == "out_channels") return Value(o.out_channels);
    if (name == "kernel_size") return tuple(o.kernel_size.expand(dims));
    if (name == "stride") return tuple(o.stride.expand(dims));
    if (name == "dilation") return tuple(o.dilation.expand(dims));
    if (name == "padding") return o.padding_string.empty() ? tuple(o.padding.expand(dims)) : Value(o.padding_string);
    if (name == "groups") return Value(o.groups);
    if (name == "padding_mode") return Value(o.padding_mode);
  }
  if (auto* b = dynamic_cast<nn::BatchNorm*>(m.get())) {
    const auto& o = b->options();
    if (name == "num_features") return Value(o.num_features);
    if (name == "eps") return Value(o.eps.value);
    if (name == "momentum") return o.momentum ? Value(o.momentum->value) : Value();
    if (name == "affine") return Value(o.affine);
    if (name == "track_running_stats") return Value(o.track_running_stats);
  }
  if (auto* ln = dynamic_cast<nn::LayerNorm*>(m.get())) {
    if (name == "normalized_shape") {
      std::vector<Value> dims;
      for (int64_t d : ln->normalized_shape()) dims.emplace_back(d);
      return make_tuple(std::move(dims));
    }
    if (name == "eps") return Value(ln->eps());
    if (name == "elementwise_affine") return Value(ln->elementwise_affine());
  }
  if (auto* gn = dynamic_cast<nn::GroupNorm*>(m.get())) {
    if (name == "num_groups") return Value(gn->num_groups());
    if (name == "num_channels") return Value(gn->num_channels());
    if (name == "eps") return Value(gn->eps());
    if (name == "affine") return Value(gn->affine());
  }
  // nn.Module's methods.
  const auto modules_list = [&](bool named, bool children_only) {
    return method([m, named, children_only](Interpreter& in, A&) {
      std::vector<Value> out;
      if (children_only) {
        for (const auto& [n, c] : m->children()) {
          if (!c) continue;
          out.push_back(named ? make_tuple({Value(n), wrap(c)}) : wrap(c));
        }
      } else {
        // named_modules() lists each module once; modules share their wrappers' identity.
        std::vector<const nn::Module*> seen;
        for (auto& [path, mod] : m->named_modules()) {
          if (std::find(seen.begin(), seen.end(), mod) != seen.end()) continue;
          seen.push_back(mod);
          nn::ModulePtr ptr = mod == m.get() ? m : nullptr;
          if (!ptr) {
            // Find the owning shared_ptr among the parents' children.
            for (auto& [p2, parent] : m->named_modules())
              for (const auto& [n, c] : parent->children())
                if (c.get() == mod) ptr = c;
          }
          out.push_back(named ? make_tuple({Value(path), wrap(ptr)}) : wrap(ptr));
        }
      }
      return in.call(in.builtins()["iter"], {make_list(std::move(out))});  // a generator in PyTorch
    });
  };
  if (name == "modules") return modules_list(false, false);
  if (name == "named_modules") return modules_list(true, false);
  if (name == "children") return modules_list(false, true);
  if (name == "named_children") return modules_list(true, true);
  const auto tensors_list = [&](bool named, bool buffers) {
    return method([m, named, buffers](Interpreter& in, A& a) {
      const auto args = bind_native(in, buffers ? "buffers" : "parameters", a, {{"recurse", Value(true)}});
      std::vector<Value> out;
      std::vector<std::pair<std::string, Tensor>> tensors;
      if (in.truthy(args[0])) {
        tensors = buffers ? m->named_buffers() : m->named_parameters();
      } else {
        // recurse=False: the module's own, defined ones.
        for (const auto& [n, t] : buffers ? m->own_buffers() : m->own_parameters())
          if (t.defined()) tensors.emplace_back(n, t);
      }
      if (!buffers) tensors = script_parameters(in, *m, std::move(tensors));
      for (auto& [n, t] : tensors) {
        const Value v = make_tensor(t, !buffers);
        if (!buffers) {
          // The module that holds it (the path's prefix) and its own name there.
          const auto dot = n.rfind('.');
          const std::string prefix = dot == std::string::npos ? "" : n.substr(0, dot);
          for (auto& [path, mod] : m->named_modules())
            if (path == prefix) {
              for (auto& [p2, parent] : m->named_modules())
                for (const auto& [cn, c] : parent->children())
                  if (c.get() == mod) v.get<TensorObj>()->owner = c;
              if (mod == m.get()) v.get<TensorObj>()->owner = m;
              v.get<TensorObj>()->owner_name = dot == std::string::npos ? n : n.substr(dot + 1);
              break;
            }
        }
        out.push_back(named ? make_tuple({Value(n), v}) : v);
      }
      return in.call(in.builtins()["iter"], {make_list(std::move(out))});  // a generator in PyTorch
    });
  };
  if (name == "parameters") return tensors_list(false, false);
  if (name == "named_parameters") return tensors_list(true, false);
  if (name == "buffers") return tensors_list(false, true);
  if (name == "named_buffers") return tensors_list(true, true);
  if (name == "state_dict") {
    return method([m](Interpreter& in, A&) {
      auto d = std::make_shared<DictObj>();
      for (auto& [n, t] : script_parameters(in, *m, m->state_dict())) d->items.emplace_back(Value(n), make_tensor(t.detach(), false));  // keep_vars=False
      return Value(ObjPtr(d));
    });
  }
  if (name == "apply") {
    return method([m, self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "apply", a, {{"fn", std::nullopt}});
      const Value fn = args[0];
      // Children first, then the module itself (PyTorch's order).
      std::function<void(const nn::ModulePtr&)> visit = [&](const nn::ModulePtr& mod) {
        for (const auto& [n, c] : mod->children())
          if (c) visit(c);
        in.call(fn, {wrap(mod)});
      };
      visit(m);
      return self;
    });
  }
  if (name == "train" || name == "eval") {
    const bool eval = name == "eval";
    return method([m, self, eval](Interpreter& in, A& a) {
      bool mode = !eval;
      if (!eval) {
        const auto args = bind_native(in, "train", a, {{"mode", Value(true)}});
        mode = in.truthy(args[0]);
      }
      m->train(mode);
      return self;
    });
  }
  if (name == "forward") {
    return method([self](Interpreter& in, A& a) { return call_module(in, self, a); });
  }
  if (name == "requires_grad_") {
    // Sets (or clears) requires_grad on every parameter, the modules' own handles included.
    return method([m, self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "requires_grad_", a, {{"requires_grad", Value(true)}});
      const bool r = in.truthy(args[0]);
      for (auto& [path, mod] : m->named_modules())
        for (const auto& [n, t] : mod->own_parameters())
          if (t.defined() && !reparametrized(in, *mod, n)) mod->parameter(n)->set_requires_grad(r);
      return self;
    });
  }
  if (name == "to") return method([self](Interpreter& in, A& a) { return module_to(in, self, a); });
  if (name == "cpu" || name == "float") return method([self](Interpreter&, A&) { return self; });
  if (name == "cuda") {
    return method([](Interpreter& in, A&) -> Value { no_cuda(in); });
  }
  if (name == "double" || name == "half" || name == "bfloat16") {
    const std::string what = name == "double" ? "float64" : name == "half" ? "float16" : "bfloat16";
    return method([name, what](Interpreter& in, A&) -> Value {
      in.error("NotImplementedError", "not supported in initlab: Module." + name + "() (" + what +
                                          " parameters; initlab computes in float32)");
    });
  }
  if (name == "zero_grad") {
    // PyTorch 1.13's default (set_to_none=False) zeroes each .grad in place.
    return method([m](Interpreter& in, A& a) {
      const auto args = bind_native(in, "zero_grad", a, {{"set_to_none", Value(false)}});
      const bool to_none = in.truthy(args[0]);
      for (auto& [n, p] : m->named_parameters()) {
        Tensor g = p.grad();
        if (!g.defined()) continue;
        if (to_none) p.set_grad(Tensor());
        else g.zero_();
      }
      return Value();
    });
  }
  if (!container_kind(*m).empty()) {
    if (name == "append") {
      return method([m, self](Interpreter& in, A& a) {
        const auto args = bind_native(in, "append", a, {{"module", std::nullopt}});
        if (!args[0].get<ModuleObj>()) in.error("TypeError", type_name(args[0]) + " is not a Module subclass");
        m->register_module(std::to_string(m->children().size()), module_of(args[0]));
        return self;
      });
    }
    if (name == "extend") {
      return method([m, self](Interpreter& in, A& a) {
        const auto args = bind_native(in, "extend", a, {{"modules", std::nullopt}});
        for (const Value& v : in.to_vector(args[0])) {
          if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
          m->register_module(std::to_string(m->children().size()), module_of(v));
        }
        return self;
      });
    }
  }
  if (auto hook = module_hook_method(interp, self, name)) return hook;
  if (auto state = module_state_method(interp, self, name)) return state;
  if (name == "extra_repr") return method([m](Interpreter&, A&) { return Value(m->extra_repr()); });
  if (name == "add_module" || name == "register_module") {
    return method([self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "add_module", a, {{"name", std::nullopt}, {"module", std::nullopt}});
      set_module_attribute(in, self, to_str(in, args[0], "name"), args[1]);
      return Value();
    });
  }
  if (name == "register_buffer" || name == "register_parameter") {
    const bool buffer = name == "register_buffer";
    return method([m, buffer](Interpreter& in, A& a) {
      const auto args = bind_native(in, buffer ? "register_buffer" : "register_parameter", a,
                                    {{"name", std::nullopt}, {buffer ? "tensor" : "param", std::nullopt}, {"persistent", Value(true)}});
      const std::string n = to_str(in, args[0], "name");
      Tensor t;
      if (!args[1].is_none()) {
        auto* o = args[1].get<TensorObj>();
        if (!o) in.error("TypeError", "cannot assign '" + type_name(args[1]) + "' object to " + (buffer ? "buffer '" : "parameter '") + n + "'");
        t = o->tensor;
      }
      if (buffer) {
        m->register_buffer(n, t);
        m->set_buffer_persistent(n, in.truthy(args[2]));
      } else {
        m->register_parameter(n, t);
      }
      return Value();
    });
  }
  if (name == "__class__") {
    if (auto cls = script_class_of(self)) return Value(ObjPtr(cls));
    return interp.try_getattr(interp.importable()["torch.nn"], m->type_name());
  }
  return std::nullopt;
}

void set_module_attribute(Interpreter& in, const Value& self, const std::string& name, const Value& v) {
  nn::ModulePtr m = module_of(self);
  auto* sm = dynamic_cast<ScriptModule*>(m.get());
  if (const auto cls = script_class_of(self)) {
    if (const Value* p = cls->find(name); p && p->get<PropertyObj>()) return in.set_property(*p, self, name, v);
  }
  const bool initialized = !sm || sm->init_called;
  const auto has = [&](const auto& list) {
    for (const auto& [n, x] : list)
      if (n == name) return true;
    return false;
  };
  if (auto* t = v.get<TensorObj>(); t && t->parameter) {
    if (!initialized) in.error("AttributeError", "cannot assign parameters before Module.__init__() call");
    if (sm) sm->attrs.erase(name);
    const bool requires_grad = t->tensor.requires_grad();
    m->register_parameter(name, t->tensor).set_requires_grad(requires_grad);
    return;
  }
  if (auto* child = v.get<ModuleObj>()) {
    if (!initialized) in.error("AttributeError", "cannot assign module before Module.__init__() call");
    if (sm) sm->attrs.erase(name);
    m->register_module(name, child->module);
    return;
  }
  if (auto* t = v.get<TensorObj>(); t && reparametrized(in, *m, name)) {
    // weight_norm's pre-hook storing the recomputed weight: into the slot the layer reads.
    // register_parameter marks its tensor requiring grad, undone for one computed under
    // no_grad, which PyTorch leaves as it is.
    const bool requires_grad = t->tensor.requires_grad();
    m->register_parameter(name, t->tensor);
    if (!requires_grad) m->parameter(name)->set_requires_grad(false);
    return;
  }
  if (has(m->own_parameters())) {
    if (v.is_none()) {
      m->register_parameter(name, Tensor());
      return;
    }
    in.error("TypeError", "cannot assign '" + std::string(v.get<TensorObj>() ? "torch.FloatTensor" : type_name(v)) +
                              "' as parameter '" + name + "' (torch.nn.Parameter or None expected)");
  }
  if (has(m->own_buffers())) {
    auto* t = v.get<TensorObj>();
    if (!t && !v.is_none()) {
      in.error("TypeError", "cannot assign '" + type_name(v) + "' as buffer '" + name + "' (torch.Tensor or None expected)");
    }
    m->register_buffer(name, t ? t->tensor : Tensor());
    return;
  }
  if (has(m->children())) {
    if (!v.is_none()) {
      in.error("TypeError", "cannot assign '" + type_name(v) + "' as child module '" + name + "' (torch.nn.Module or None expected)");
    }
    m->register_module(name, nullptr);
    return;
  }
  if (name == "training") {
    m->train(in.truthy(v));
    return;
  }
  if (!sm) {
    // Plain attributes on built-in layers (m.tag = "head") live beside the module.
    in.module_attrs()[m.get()][name] = v;
    return;
  }
  sm->attrs[name] = v;
}

namespace {

// Passes module calls and inner tensors on and drops functional ops: inside a torch.nn module
// written in Python (core/lib/torch/nn), its ops are its internals, which PyTorch's forward
// hooks never see; its child modules' calls still are recorded.
class ModulesOnly : public nn::ForwardObserver {
 public:
  explicit ModulesOnly(nn::ForwardObserver* to) : to_(to) {}
  void module_enter(const nn::Module& m, const Tensor* input) override { to_->module_enter(m, input); }
  void module_output(const nn::Module& m, const Tensor& output) override { to_->module_output(m, output); }
  void module_abandon(const nn::Module& m) override { to_->module_abandon(m); }
  void op_output(const char*, const Tensor&) override {}
  void inner_tensor(const nn::InnerTensor& inner) override { to_->inner_tensor(inner); }

 private:
  nn::ForwardObserver* to_;
};

bool library_forward(const ScriptModule& sm) {
  const Value* f = sm.cls->find("forward");
  const auto* fn = f ? f->get<FunctionObj>() : nullptr;
  return fn && fn->owner && fn->owner->module.rfind("torch.", 0) == 0;
}

Value call_module_forward(Interpreter& in, const Value& self, A& args);

bool has_hooks(Interpreter& in, const nn::Module& m) {
  auto extra = in.module_attrs().find(&m);
  if (extra == in.module_attrs().end()) return false;
  for (const char* dict : {"_forward_pre_hooks", "_forward_hooks", "_backward_hooks"}) {
    auto it = extra->second.find(dict);
    if (it != extra->second.end() && it->second.get<DictObj>() && !it->second.get<DictObj>()->items.empty()) return true;
  }
  return false;
}

bool subtree_has_hooks(Interpreter& in, const nn::Module& m) {
  if (has_hooks(in, m)) return true;
  for (const auto& [n, c] : m.children())
    if (c && subtree_has_hooks(in, *c)) return true;
  return false;
}
}  // namespace

Value call_module(Interpreter& in, const Value& self, A& args) {
  // Module.__call__: forward pre-hooks, forward, forward hooks (module_hooks.hpp).
  if (!has_hooks(in, *module_of(self))) return call_module_forward(in, self, args);
  A hooked = args;
  run_forward_pre_hooks(in, self, hooked);
  const auto backward_hooks = setup_backward_input(in, self, hooked);
  const Value out = call_module_forward(in, self, hooked);
  const Value result = run_forward_hooks(in, self, hooked, out);
  return backward_hooks ? setup_backward_output(in, backward_hooks, result) : result;
}

namespace {

Value call_module_forward(Interpreter& in, const Value& self, A& args) {
  nn::ModulePtr m = module_of(self);
  if (auto loss = call_loss_module(in, m, args)) return *loss;
  if (auto v = call_vision_module(in, m, args)) return *v;
  nn::ForwardObserver* observer = nn::current_observer();
  if (auto* sub = native_subclass_of(*m); sub && m->forward_overridden()) {
    // A script subclass's own forward over a built-in layer: the layer's call, the class's body.
    nn::set_source_line(in.location().line);
    const Tensor* input = nullptr;
    for (const Value& a : args.positional)
      if (const auto* t = a.get<TensorObj>()) {
        input = &t->tensor;
        break;
      }
    if (observer) observer->module_enter(*m, input);
    ++in.module_call_depth;
    Value out;
    try {
      out = in.call_method(self, "forward", args);
    } catch (...) {
      --in.module_call_depth;
      if (observer) observer->module_abandon(*m);
      throw;
    }
    --in.module_call_depth;
    if (observer) {
      const auto* t = out.get<TensorObj>();
      const auto* tup = out.get<TupleObj>();
      if (!t && tup && !tup->items.empty()) t = tup->items[0].get<TensorObj>();
      observer->module_output(*m, t ? t->tensor : Tensor(Shape{0}));
    }
    return out;
  }
  if (auto* sm = dynamic_cast<ScriptModule*>(m.get())) {
    const bool chain = !sm->cls->find("forward") && sm->cls->native_base == "Sequential";
    if (!sm->cls->find("forward") && !chain) {
      in.error("NotImplementedError", "Module [" + sm->cls->name + "] is missing the required \"forward\" function");
    }
    nn::set_source_line(in.location().line);
    if (observer) {
      const Tensor* input = nullptr;
      for (const Value& a : args.positional) {
        if (const auto* t = a.get<TensorObj>()) {
          input = &t->tensor;
          break;
        }
      }
      observer->module_enter(*m, input);
    }
    ++in.module_call_depth;
    Value out;
    try {
      if (chain) {
        // Sequential's forward: each child on the previous one's output.
        if (args.positional.size() != 1 || !args.keywords.empty()) {
          in.error("TypeError", "forward() takes 2 positional arguments but " + std::to_string(args.positional.size() + 1) + " were given");
        }
        out = args.positional[0];
        for (const auto& [child_name, child] : m->children()) {
          CallArgs step;
          step.positional.push_back(out);
          step.where = args.where;
          out = call_module(in, wrap(child), step);
        }
      } else if (observer && library_forward(*sm)) {
        ModulesOnly quiet(observer);
        nn::ObserveForward observe(&quiet);
        out = in.call_method(self, "forward", args);
      } else {
        out = in.call_method(self, "forward", args);
      }
    } catch (...) {
      --in.module_call_depth;
      if (observer) observer->module_abandon(*m);
      throw;
    }
    --in.module_call_depth;
    if (observer) {
      if (auto* t = out.get<TensorObj>()) {
        observer->module_output(*m, t->tensor);
      } else if (auto* tup = out.get<TupleObj>(); tup && !tup->items.empty() && tup->items[0].get<TensorObj>()) {
        observer->module_output(*m, tup->items[0].get<TensorObj>()->tensor);
      } else if (auto* inst = out.get<InstanceObj>(); inst && inst->cls->find("_fields") && in.subscript(out, Value(0)).get<TensorObj>()) {
        // A namedtuple of outputs (GoogLeNetOutputs): its first item, as for a tuple.
        observer->module_output(*m, in.subscript(out, Value(0)).get<TensorObj>()->tensor);
      } else {
        // A forward that returns no tensor still closes its call for the probe.
        observer->module_output(*m, Tensor(Shape{0}));
      }
    }
    return out;
  }
  if (m->type_name() == "ModuleList") {
    in.error("NotImplementedError", "Module [ModuleList] is missing the required \"forward\" function");
  }
  if (m->type_name() == "Sequential" && subtree_has_hooks(in, *m) && args.positional.size() == 1 && args.keywords.empty()) {
    // A hooked module inside: the children are called one by one, so that their hooks run.
    if (observer) observer->module_enter(*m, args.positional[0].get<TensorObj>() ? &args.positional[0].get<TensorObj>()->tensor : nullptr);
    Value out = args.positional[0];
    ++in.module_call_depth;
    try {
      for (const auto& [child_name, child] : m->children()) {
        A step;
        step.positional.push_back(out);
        step.where = args.where;
        out = call_module(in, wrap(child), step);
      }
    } catch (...) {
      --in.module_call_depth;
      if (observer) observer->module_abandon(*m);
      throw;
    }
    --in.module_call_depth;
    if (observer) observer->module_output(*m, out.get<TensorObj>() ? out.get<TensorObj>()->tensor : Tensor(Shape{0}));
    return out;
  }
  if (args.positional.size() != 1 || !args.keywords.empty()) {
    in.error("TypeError", "forward() takes 2 positional arguments but " + std::to_string(args.positional.size() + 1) + " were given");
  }
  auto* t = args.positional[0].get<TensorObj>();
  if (!t) {
    in.error("TypeError", m->type_name() + ".forward(): argument 'input' (position 1) must be Tensor, not " + type_name(args.positional[0]));
  }
  nn::set_source_line(in.location().line);
  ++in.module_call_depth;
  Tensor out;
  try {
    out = (*m)(t->tensor);
  } catch (...) {
    --in.module_call_depth;
    throw;
  }
  --in.module_call_depth;
  return make_tensor(out);
}

}  // namespace

Value call_layer_forward(Interpreter& in, const Value& self, A& args) { return call_module_forward(in, self, args); }

Value clone_module(Interpreter& in, const Value& module, const Value& copy_value) {
  auto* mo = module.get<ModuleObj>();
  if (!mo) in.error("TypeError", "clone_module() needs an nn.Module");
  const nn::ModulePtr src = mo->module;
  nn::ModulePtr dst;
  if (auto* sm = dynamic_cast<ScriptModule*>(src.get())) {
    auto c = std::make_shared<ScriptModule>(in, sm->cls);
    c->init_called = true;
    for (const auto& [k, v] : sm->attrs) c->attrs[k] = in.call(copy_value, {v});
    dst = c;
  } else if (src->type_name() == "Sequential") {
    dst = std::make_shared<nn::Sequential>();
  } else if (src->type_name() == "ModuleList") {
    dst = std::make_shared<nn::ModuleList>();
  } else {
    auto rebuild = in.module_rebuilders().find(src.get());
    if (rebuild == in.module_rebuilders().end()) {
      in.error("NotImplementedError", "not supported in initlab: copying a " + src->type_name());
    }
    // Built again from its arguments without drawing: the generator is put back, and the
    // parameters are replaced by copies of the original's just below.
    const Generator saved = default_generator();
    dst = rebuild->second(in);
    default_generator() = saved;
    in.module_rebuilders()[dst.get()] = rebuild->second;
    if (auto* sub = native_subclass_of(*src)) {
      auto copy = std::make_shared<NativeSubclass>(in, sub->cls);
      copy->module = dst;
      dst->set_subclass(copy);
    }
  }
  for (const auto& [name, t] : src->own_parameters()) {
    Tensor copy = t.defined() ? t.detach().clone() : Tensor();
    if (t.defined()) copy.set_requires_grad(t.requires_grad());
    dst->register_parameter(name, copy);
  }
  for (const auto& [name, t] : src->own_buffers()) dst->register_buffer(name, t.defined() ? t.detach().clone() : Tensor());
  for (const auto& [name, child] : src->children()) {
    if (!child) {
      dst->register_module(name, nullptr);
      continue;
    }
    auto o = std::make_shared<ModuleObj>();
    o->module = child;
    dst->register_module(name, in.call(copy_value, {Value(ObjPtr(o))}).get<ModuleObj>()->module);
  }
  dst->train(src->is_training());
  if (auto extra = in.module_attrs().find(src.get()); extra != in.module_attrs().end()) {
    auto copied = extra->second;
    for (auto& [k, v] : copied) v = in.call(copy_value, {v});
    in.module_attrs()[dst.get()] = copied;
  }
  in.created_modules().push_back(dst);
  auto out = std::make_shared<ModuleObj>();
  out->module = dst;
  return Value(ObjPtr(out));
}

std::string container_kind(const nn::Module& m) {
  if (auto* sm = dynamic_cast<const ScriptModule*>(&m)) return sm->cls->native_base;
  if (m.type_name() == "Sequential" || m.type_name() == "ModuleList") return m.type_name();
  return "";
}

void init_container(Interpreter& in, nn::Module& m, const std::string& kind, CallArgs& args) {
  if (!args.keywords.empty()) in.error("TypeError", kind + ".__init__() got an unexpected keyword argument '" + args.keywords[0].first + "'");
  std::vector<std::pair<std::string, Value>> children;
  if (kind == "Sequential") {
    if (args.positional.size() == 1 && in.as_dict(args.positional[0]).get<DictObj>()) {
      for (const auto& [k, v] : in.as_dict(args.positional[0]).get<DictObj>()->items) {
        if (!k.is_str()) in.error("TypeError", "module name should be a string. Got " + type_name(k));
        children.emplace_back(k.as_str(), v);
      }
    } else {
      for (const Value& v : args.positional) children.emplace_back(std::to_string(children.size()), v);
    }
  } else {
    if (args.positional.size() > 1) in.error("TypeError", "ModuleList.__init__() takes from 1 to 2 positional arguments");
    if (!args.positional.empty() && !args.positional[0].is_none())
      for (const Value& v : in.to_vector(args.positional[0])) children.emplace_back(std::to_string(children.size()), v);
  }
  for (const auto& [name, v] : children) {
    if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
    m.register_module(name, module_of(v));
  }
}

}  // namespace initlab::script
