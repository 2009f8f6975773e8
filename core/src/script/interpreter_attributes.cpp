// Attributes: getattr/setattr/delattr of every kind of value, the descriptors that class
// attributes become when read through an instance (methods, staticmethod, classmethod,
// property), __getattr__, dunder lookup, and the methods of builtin types.
#include "interpreter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "bindings.hpp"
#include "numpy_bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"
#include "library.hpp"
#include "torch_names.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"


namespace initlab::script {

// ---------------------------------------------------------------------------------------
// attributes

Value Interpreter::getattr(const Value& object, const std::string& name) {
  if (auto v = try_getattr(object, name)) return *v;
  if (auto* inst = object.get<InstanceObj>()) {
    if (const Value* ga = inst->cls->find("__getattr__")) return call(bind_class_attr(*ga, object, Value(ObjPtr(inst->cls))), {Value(name)});
  }
  // A name PyTorch has is initlab's gap, said as such; any other name is the user's typo.
  static const std::string kLacks = " (initlab does not support it yet)";
  if (auto* ns = object.get<NamespaceObj>()) {
    const bool known = ns->name == "torch" || ns->name == "torch.nn" || ns->name == "torch.nn.functional" || ns->name == "torch.nn.init";
    std::string suffix;
    if (known && pytorch_has(ns->name, name)) suffix = kLacks;
    else if (!known && (ns->name.rfind("torch", 0) == 0 || ns->name.rfind("numpy", 0) == 0)) suffix = " (or initlab does not support it yet)";
    error("AttributeError", "module '" + ns->name + "' has no attribute '" + name + "'" + suffix);
  }
  if (auto* m = object.get<ModuleObj>()) {
    error("AttributeError", "'" + m->module->type_name() + "' object has no attribute '" + name + "'" +
                                (pytorch_has("Module", name) ? kLacks : ""));
  }
  if (object.get<TensorObj>()) {
    error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'" +
                                (pytorch_has("Tensor", name) ? kLacks : ""));
  }
  if (auto* c = object.get<ClassObj>()) error("AttributeError", "type object '" + c->name + "' has no attribute '" + name + "'");
  if (is_numpy(object)) {
    error("AttributeError", "'numpy." + type_name(object) + "' object has no attribute '" + name + "' (or initlab does not support it yet)");
  }
  error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

Value Interpreter::bind_class_attr(const Value& found, const Value& self, const Value& cls) {
  const auto bound = [](const Value& to, const Value& fn) {
    auto m = std::make_shared<BoundMethodObj>();
    m->self = to;
    m->fn = fn;
    return Value(ObjPtr(m));
  };
  if (auto* sm = found.get<StaticMethodObj>()) return sm->fn;
  if (auto* cm = found.get<ClassMethodObj>()) return bound(cls, cm->fn);
  if (self.is_none()) return found;
  if (found.get<FunctionObj>()) return bound(self, found);
  if (auto* b = found.get<BuiltinObj>(); b && b->method) return bound(self, found);
  if (auto* p = found.get<PropertyObj>()) {
    if (p->fget.is_none()) error("AttributeError", "unreadable attribute");
    return call(p->fget, {self});
  }
  return found;
}

void Interpreter::set_property(const Value& property, const Value& self, const std::string& name, const Value& v) {
  auto* p = property.get<PropertyObj>();
  if (p->fset.is_none()) error("AttributeError", "can't set attribute '" + name + "'");
  call(p->fset, {self, v});
}

std::optional<Value> Interpreter::dunder(const Value& v, const std::string& name) {
  std::shared_ptr<ClassObj> cls;
  if (auto* inst = v.get<InstanceObj>()) cls = inst->cls;
  // An nn.Module subclass's own protocol methods (nn.ModuleDict's __getitem__, a user's __len__).
  else if (auto* m = v.get<ModuleObj>(); m && m->module) {
    cls = script_class_of(v);
  }
  if (!cls) return std::nullopt;
  const Value* found = cls->find(name);
  if (!found) return std::nullopt;
  return bind_class_attr(*found, v, Value(ObjPtr(cls)));
}

std::optional<Value> Interpreter::library_method(const std::string& type, const std::string& name) {
  if (type != "str" && type != "list" && type != "dict" && type != "tuple" && type != "set" && type != "frozenset") {
    return std::nullopt;
  }
  if (name.empty() || name[0] == '_') return std::nullopt;
  const Value lib = import_module("_builtin_methods");
  return try_getattr(lib, (type == "frozenset" ? std::string("set") : type) + "_" + name);
}

std::optional<Value> Interpreter::try_getattr(const Value& object, const std::string& name) {
  if (auto* ns = object.get<NamespaceObj>()) {
    if (ns->scope) {
      auto v = ns->scope->vars.find(name);
      if (v != ns->scope->vars.end()) return v->second;
    }
    auto it = ns->members.find(name);
    if (it != ns->members.end()) return it->second;
    if (name == "__name__") return Value(ns->name);
    // A library submodule of a native namespace is there without an import (torch.jit).
    if (!ns->scope && library_module(ns->name + "." + name)) return import_module(ns->name + "." + name);
    // Members of a native namespace that are written in Python (torch.nn.LSTM) live in its
    // library file NAME/_library.py, loaded on the first name the native side lacks.
    if (!ns->scope && name.rfind("__", 0) != 0 && library_module(ns->name + "._library")) {
      const Value lib = import_module(ns->name + "._library");
      if (auto* scope = lib.get<NamespaceObj>() ? lib.get<NamespaceObj>()->scope.get() : nullptr) {
        auto v = scope->vars.find(name);
        if (v != scope->vars.end()) return v->second;
      }
    }
    // torch.transpose(x, 0, 1) is x.transpose(0, 1) wherever PyTorch has both forms and initlab
    // has the method.
    if (ns->name == "torch" && pytorch_has("torch", name) && pytorch_has("Tensor", name)) {
      const Value probe_tensor = make_tensor(Tensor::zeros(Shape{1}));
      const auto found = tensor_attribute(*this, probe_tensor, name);
      // Only methods (torch.device, torch.dtype are classes, x.device a property).
      if (found && (found->get<BuiltinObj>() || found->get<BoundMethodObj>())) {
        const Value fn = make_builtin("torch." + name, [name](Interpreter& in, CallArgs& a) -> Value {
          if (a.positional.empty() || !a.positional[0].get<TensorObj>()) {
            in.error("TypeError", name + "(): argument 'input' (position 1) must be Tensor, not " +
                                      (a.positional.empty() ? std::string("nothing") : type_name(a.positional[0])));
          }
          const Value method = in.getattr(a.positional[0], name);
          CallArgs rest = a;
          rest.positional.erase(rest.positional.begin());
          return in.call(method, rest);
        });
        ns->members[name] = fn;
        return fn;
      }
    }
    if (name == "__dict__") {
      auto d = std::make_shared<DictObj>();
      if (ns->scope)
        for (const auto& [k, x] : ns->scope->vars) d->items.emplace_back(Value(k), x);
      for (const auto& [k, x] : ns->members) d->items.emplace_back(Value(k), x);
      return Value(ObjPtr(d));
    }
    return std::nullopt;
  }
  if (object.get<ModuleObj>()) {
    if (auto v = module_attribute(*this, object, name)) return v;
    return std::nullopt;
  }
  if (object.get<TensorObj>()) return tensor_attribute(*this, object, name);
  if (is_numpy(object)) return numpy_attribute(*this, object, name);
  if (auto* n = object.get<NativeObj>()) {
    auto it = n->members.find(name);
    if (it != n->members.end()) return it->second;
    if (n->attribute) return n->attribute(*this, name);
    return std::nullopt;
  }
  if (auto* inst = object.get<InstanceObj>()) {
    const Value cls(ObjPtr(inst->cls));
    const Value* in_class = inst->cls->find(name);
    if (in_class && in_class->get<PropertyObj>()) return bind_class_attr(*in_class, object, cls);
    auto it = inst->attrs.find(name);
    if (it != inst->attrs.end()) return it->second;
    if (in_class) return bind_class_attr(*in_class, object, cls);
    if (name == "__class__") return cls;
    if (name == "__dict__") {
      // One dict per instance, made on the first ask and kept equal to its attributes
      // (InstanceObj::dict): self.__dict__.update(kw) sets attributes as in Python.
      if (inst->dict) return Value(ObjPtr(inst->dict));
      auto d = std::make_shared<DictObj>();
      for (const auto& [k, x] : inst->attrs)
        if (k.rfind("__", 0) != 0 || inst->cls->exception == false) d->items.emplace_back(Value(k), x);
      std::weak_ptr<Object> weak = object.as_obj();
      const bool exception = inst->cls->exception;
      d->on_write = [this, weak, exception](const DictObj& dict) {
        auto owner = std::dynamic_pointer_cast<InstanceObj>(weak.lock());
        if (!owner) return;
        std::map<std::string, Value> attrs;
        // An exception's own dunder attributes (args ...) are not in its __dict__: kept.
        if (exception)
          for (const auto& [k, x] : owner->attrs)
            if (k.rfind("__", 0) == 0) attrs.emplace(k, x);
        for (const auto& [k, x] : dict.items) {
          if (!k.is_str()) error("NotImplementedError", "not supported in initlab: a key that is not a str in an instance's __dict__");
          attrs[k.as_str()] = x;
        }
        owner->attrs = std::move(attrs);
      };
      inst->dict = d;
      return Value(ObjPtr(d));
    }
    if (inst->cls->exception) {
      if (name == "__cause__" || name == "__context__" || name == "__traceback__") return Value();
      if (name == "__suppress_context__") return Value(false);
      if (name == "code") {
        // SystemExit.code: its one argument, None without one, the args tuple with several.
        const bool is_exit = derives_from(inst->cls.get(), builtins_["SystemExit"].get<ClassObj>());
        auto args = inst->attrs.find("args");
        auto* t = args == inst->attrs.end() ? nullptr : args->second.get<TupleObj>();
        if (is_exit && t) return t->items.empty() ? Value() : t->items.size() == 1 ? t->items[0] : args->second;
      }
    }
    // __getattr__ is asked last, for what is found nowhere else (its AttributeError means
    // "no such attribute": hasattr is False; getattr() calls it again to raise that error).
    if (const Value* ga = inst->cls->find("__getattr__")) {
      try {
        return call(bind_class_attr(*ga, object, cls), {Value(name)});
      } catch (const ScriptError& e) {
        if (e.kind() != "AttributeError") throw;
      }
    }
    return std::nullopt;
  }
  if (auto* c = object.get<ClassObj>()) {
    if (name == "__name__" || name == "__qualname__") return Value(c->name);
    if (name == "__module__") return Value(c->module);
    if (const Value* v = c->find(name)) return bind_class_attr(*v, Value(), object);
    if (name == "__bases__") {
      std::vector<Value> bases;
      for (const auto& b : c->bases) bases.emplace_back(ObjPtr(b));
      // A subclass of a built-in layer with no script bases derives from the layer directly.
      if (bases.empty() && c->native_layer) bases.emplace_back(ObjPtr(c->native_layer));
      if (bases.empty()) bases.push_back(builtins_["object"]);
      return make_tuple(std::move(bases));
    }
    if (name == "__mro__") {
      // Depth first, left to right, each class after all that derive from it (its last
      // occurrence): C3's answer for the hierarchies scripts build.
      std::vector<ClassObj*> order;
      std::function<void(ClassObj*)> walk = [&](ClassObj* k) {
        order.push_back(k);
        for (const auto& b : k->bases) walk(b.get());
      };
      walk(c);
      std::vector<Value> mro;
      for (std::size_t i = 0; i < order.size(); ++i) {
        if (std::find(order.begin() + static_cast<std::ptrdiff_t>(i) + 1, order.end(), order[i]) != order.end()) continue;
        mro.emplace_back(order[i] == c ? object.as_obj() : ObjPtr(order[i]->shared_from_this()));
      }
      mro.push_back(builtins_["object"]);
      return make_tuple(std::move(mro));
    }
    if (name == "__doc__") return Value();
    if (name == "__dict__") {
      auto d = std::make_shared<DictObj>();
      for (const std::string& k : c->ordered_names()) d->items.emplace_back(Value(k), c->attrs.at(k));
      return Value(ObjPtr(d));
    }
    if (name == "__class__") return builtins_["type"];
    return std::nullopt;
  }
  if (auto* n = object.get<NativeClassObj>()) {
    if (auto it = n->attrs.find(name); it != n->attrs.end()) return it->second;
    if (name == "__name__" || name == "__qualname__") return Value(n->name);
    // str.lower, dict.fromkeys, list.append: the methods, unbound (self comes first).
    auto method = builtins_.find(n->name + "." + name);
    if (method != builtins_.end()) return method->second;
    if (auto lib = library_method(n->name, name)) return lib;
    if (name == "__module__") {
      const auto dot = n->qualified.rfind('.');
      return Value(dot == std::string::npos ? std::string("builtins") : n->qualified.substr(0, dot));
    }
    return std::nullopt;
  }
  if (auto* f = object.get<FunctionObj>()) {
    auto it = f->attrs.find(name);
    if (it != f->attrs.end()) return it->second;
    if (name == "__name__") return Value(f->name);
    if (name == "__qualname__") return Value(f->qualname);
    if (name == "__module__") return Value(f->module);
    if (name == "__doc__") {
      if (f->body && !f->body->empty() && (*f->body)[0]->kind == StmtKind::Expr &&
          (*f->body)[0]->value->kind == ExprKind::Const && (*f->body)[0]->value->constant.index() == 4) {
        return Value(std::get<std::string>((*f->body)[0]->value->constant));
      }
      return Value();
    }
    if (name == "__dict__") {
      auto d = std::make_shared<DictObj>();
      for (const auto& [k, x] : f->attrs) d->items.emplace_back(Value(k), x);
      return Value(ObjPtr(d));
    }
    if (name == "__defaults__") {
      std::vector<Value> ds;
      for (std::size_t i = 0; i < f->defaults.size(); ++i)
        if (f->has_default[i] && (*f->params)[i].kind == Param::Positional) ds.push_back(f->defaults[i]);
      return ds.empty() ? Value() : make_tuple(std::move(ds));
    }
    return std::nullopt;
  }
  if (auto* b = object.get<BoundMethodObj>()) {
    if (name == "__self__") return b->self;
    if (name == "__func__") return b->fn;
    return try_getattr(b->fn, name);
  }
  if (auto* b = object.get<BuiltinObj>()) {
    if (auto it = b->attrs.find(name); it != b->attrs.end()) return it->second;
    if (name == "__name__" || name == "__qualname__") return Value(b->name.substr(b->name.rfind('.') + 1));
    return std::nullopt;
  }
  if (auto* p = object.get<PropertyObj>()) {
    Value self = object;
    const auto copy_with = [self](int which) {
      return make_builtin(which == 0 ? "getter" : which == 1 ? "setter" : "deleter", [self, which](Interpreter& in, CallArgs& a) {
        if (a.positional.size() != 1) in.error("TypeError", "property method takes exactly one argument");
        auto q = std::make_shared<PropertyObj>(*self.get<PropertyObj>());
        (which == 0 ? q->fget : which == 1 ? q->fset : q->fdel) = a.positional[0];
        return Value(ObjPtr(q));
      });
    };
    if (name == "getter") return copy_with(0);
    if (name == "setter") return copy_with(1);
    if (name == "deleter") return copy_with(2);
    if (name == "fget") return p->fget;
    if (name == "fset") return p->fset;
    if (name == "__doc__") return try_getattr(p->fget, "__doc__");
    return std::nullopt;
  }
  if (auto* sm = object.get<StaticMethodObj>()) {
    if (name == "__func__") return sm->fn;
    return try_getattr(sm->fn, name);
  }
  if (auto* cm = object.get<ClassMethodObj>()) {
    if (name == "__func__") return cm->fn;
    return try_getattr(cm->fn, name);
  }
  if (name == "__class__" && !object.get<ModuleObj>()) {
    return call(builtins_["type"], {object});
  }
  if (auto* s = object.get<SuperObj>()) {
    // Search the bases of the defining class; nn.Module's own methods come last.
    if (s->owner) {
      for (const auto& b : s->owner->bases)
        if (const Value* v = b->find(name)) {
          Value cls = s->self;
          if (auto* inst = s->self.get<InstanceObj>()) cls = Value(ObjPtr(inst->cls));
          if (s->self.get<ModuleObj>())
            if (auto c = script_class_of(s->self)) cls = Value(ObjPtr(c));
          const Value self = s->self.get<ClassObj>() ? Value() : s->self;
          return bind_class_attr(*v, self, cls);
        }
    }
    // Past the script bases of a subclass of a built-in layer: the layer's own methods.
    if (auto c = script_class_of(s->self); c && c->native_layer) return native_super_attribute(*this, s->self, name);
    if (name == "__init__" && !s->self.get<ModuleObj>()) {
      // object.__init__: takes nothing (a plain class whose __init__ calls super().__init__()).
      return make_builtin("__init__", [](Interpreter&, CallArgs&) { return Value(); });
    }
    if (name == "__init_subclass__") return make_builtin("__init_subclass__", [](Interpreter&, CallArgs&) { return Value(); });
    if (name == "__init__") {
      Value self = s->self;
      return make_builtin("__init__", [self](Interpreter& in, CallArgs& a) {
        if (auto* m = self.get<ModuleObj>())
          if (auto* sm = dynamic_cast<ScriptModule*>(m->module.get())) {
            sm->init_called = true;
            if (!sm->cls->native_base.empty()) init_container(in, *sm, sm->cls->native_base, a);
          }
        return Value();
      });
    }
    if (s->self.get<ModuleObj>()) return module_attribute(*this, s->self, name);
    return std::nullopt;
  }
  {
    // Methods of str, list, dict, tuple, set: native ones registered with the builtins as
    // "str.<name>", the rest written in Python in core/lib/_builtin_methods.py as str_<name>.
    std::string t;
    if (object.is_str()) t = "str";
    else if (object.get<ListObj>()) t = "list";
    else if (object.get<DictObj>()) t = "dict";
    else if (object.get<TupleObj>()) t = "tuple";
    else if (object.get<SetObj>()) t = object.get<SetObj>()->frozen ? "frozenset" : "set";
    if (!t.empty()) {
      auto it = builtins_.find(t + "." + name);
      Value fn;
      if (it != builtins_.end()) {
        fn = it->second;
      } else if (auto lib = library_method(t, name)) {
        fn = *lib;
      } else {
        return std::nullopt;
      }
      auto m = std::make_shared<BoundMethodObj>();
      m->self = object;
      m->fn = fn;
      return Value(ObjPtr(m));
    }
  }
  if (object.is_float() || object.is_int()) {
    if (name == "real") return object;
    if (name == "is_integer" && object.is_float()) {
      const double d = object.as_float();
      return make_builtin("is_integer", [d](Interpreter&, CallArgs&) { return Value(std::floor(d) == d); });
    }
    return std::nullopt;
  }
  if (auto* g = object.get<GeneratorObj>()) {
    auto gen = g->generator;
    if (name == "manual_seed") {
      Value self = object;
      return make_builtin("manual_seed", [gen, self](Interpreter& in, CallArgs& a) {
        if (a.positional.size() != 1 || !(a.positional[0].is_int() || a.positional[0].is_bool())) {
          in.error("TypeError", "manual_seed expected a long, but got " +
                                    (a.positional.empty() ? std::string("nothing") : type_name(a.positional[0])));
        }
        gen->manual_seed(static_cast<uint64_t>(a.positional[0].as_int()));
        return self;
      });
    }
    if (name == "initial_seed") {
      return make_builtin("initial_seed", [gen](Interpreter&, CallArgs&) {
        return Value(static_cast<int64_t>(gen->initial_seed()));
      });
    }
  }
  return std::nullopt;
}

void Interpreter::setattr(const Value& object, const std::string& name, const Value& value) {
  if (object.get<ModuleObj>()) return set_module_attribute(*this, object, name, value);
  if (auto* inst = object.get<InstanceObj>()) {
    if (const Value* p = inst->cls->find(name); p && p->get<PropertyObj>()) return set_property(*p, object, name, value);
    if (const Value* sa = inst->cls->find("__setattr__"); sa && sa->get<FunctionObj>()) {
      call(bind_class_attr(*sa, object, Value(ObjPtr(inst->cls))), {Value(name), value});
      return;
    }
    inst->set_attr(name, value);
    return;
  }
  if (auto* c = object.get<ClassObj>()) {
    if (!c->attrs.count(name)) c->order.push_back(name);
    c->attrs[name] = value;
    return;
  }
  if (auto* f = object.get<FunctionObj>()) {
    if (name == "__name__" && value.is_str()) f->name = value.as_str();
    else if (name == "__qualname__" && value.is_str()) f->qualname = value.as_str();
    else if (name == "__module__" && value.is_str()) f->module = value.as_str();
    else f->attrs[name] = value;
    return;
  }
  if (auto* t = object.get<TensorObj>()) {
    if (name == "data") {
      auto* src = value.get<TensorObj>();
      if (!src) error("TypeError", "data must be a Tensor, not " + type_name(value));
      t->tensor.copy_from(src->tensor);
      return;
    }
    if (name == "requires_grad") {
      const bool r = truthy(value);
      if (t->tensor.has_grad_fn()) {
        if (r) return;
        error("RuntimeError", "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
      }
      t->set_requires_grad(r);
      return;
    }
    if (name == "grad") {
      if (value.is_none()) {
        t->tensor.set_grad(Tensor());
        return;
      }
      auto* g = value.get<TensorObj>();
      if (!g) error("TypeError", "assigned grad expected to be a Tensor or None but got grad of type " + type_name(value));
      if (g->tensor.shape() != t->tensor.shape()) error("RuntimeError", "assigned grad has data of a different size");
      t->tensor.set_grad(g->tensor.detach());
      return;
    }
  }
  // PyTorch's functions and classes are Python ones there, and take attributes; Python's own
  // builtins do not. Both are made per run, so what a script sets ends with it.
  if (auto* b = object.get<BuiltinObj>(); b && b->name.rfind("torch.", 0) == 0) {
    b->attrs[name] = value;
    return;
  }
  if (auto* n = object.get<NativeClassObj>()) {
    if (n->qualified.rfind("torch.", 0) != 0) {
      error("TypeError", "cannot set '" + name + "' attribute of immutable type '" + n->name + "'");
    }
    n->attrs[name] = value;
    return;
  }
  if (auto* ns = object.get<NamespaceObj>()) {
    // Modules are per run: a script may set flags on them (torch.backends.cudnn.benchmark).
    if (ns->scope) ns->scope->vars[name] = value;
    else ns->members[name] = value;
    return;
  }
  error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

void Interpreter::delattr(const Value& object, const std::string& name) {
  if (auto* inst = object.get<InstanceObj>()) {
    if (const Value* da = inst->cls->find("__delattr__"); da && da->get<FunctionObj>()) {
      call(bind_class_attr(*da, object, Value(ObjPtr(inst->cls))), {Value(name)});
      return;
    }
    if (inst->del_attr(name)) return;
  } else if (auto* c = object.get<ClassObj>()) {
    if (c->attrs.erase(name)) return;
  } else if (auto* f = object.get<FunctionObj>()) {
    if (f->attrs.erase(name)) return;
  } else if (auto* m = object.get<ModuleObj>()) {
    auto& extra = module_attrs_[m->module.get()];
    if (extra.erase(name)) return;
    if (auto* sm = dynamic_cast<ScriptModule*>(m->module.get()); sm && sm->attrs.erase(name)) return;
    if (m->module->remove(name)) return;
  } else if (auto* ns = object.get<NamespaceObj>()) {
    if ((ns->scope && ns->scope->vars.erase(name)) || ns->members.erase(name)) return;
  }
  error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

}  // namespace initlab::script
