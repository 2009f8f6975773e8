// Calls, classes and imports: how the interpreter binds arguments, instantiates classes and
// finds modules.
#include "interpreter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"
#include "library.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"

namespace initlab::script {

void Interpreter::do_import(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  if (s.kind == StmtKind::Import) {
    for (const auto& [module, alias] : s.names) {
      const Value m = import_module(module);
      if (!alias.empty()) {
        bind(scope, alias, m);
      } else {
        // "import torch.nn" binds "torch"
        bind(scope, module.substr(0, module.find('.')), import_module(module.substr(0, module.find('.'))));
      }
    }
    return;
  }
  const Value m = import_module(s.module);
  for (const auto& [name, alias] : s.names) {
    if (name == "*") {
      auto* ns = m.get<NamespaceObj>();
      if (!ns) continue;
      const auto public_name = [](const std::string& k) { return !k.empty() && k[0] != '_'; };
      if (ns->scope) {
        // __all__ when the module defines it, else every public name.
        auto all = ns->scope->vars.find("__all__");
        if (all != ns->scope->vars.end()) {
          for (const Value& n : to_vector(all->second))
            if (n.is_str()) bind(scope, n.as_str(), getattr(m, n.as_str()));
        } else {
          for (const auto& [k, v] : ns->scope->vars)
            if (public_name(k)) bind(scope, k, v);
        }
      }
      for (const auto& [k, v] : ns->members)
        if (public_name(k) || !ns->scope) bind(scope, k, v);
      continue;
    }
    const std::string full = s.module + "." + name;
    if (importable_.count(full) || library_module(full)) {
      bind(scope, alias.empty() ? name : alias, import_module(full));
      continue;
    }
    const auto v = try_getattr(m, name);
    if (!v) {
      error("ImportError", "cannot import name '" + name + "' from '" + s.module + "'" +
                               (s.module.rfind("torch", 0) == 0 || !m.get<NamespaceObj>() || !m.get<NamespaceObj>()->scope
                                    ? " (initlab does not support it yet)" : ""));
    }
    bind(scope, alias.empty() ? name : alias, *v);
  }
}

Value Interpreter::import_module(const std::string& module) {
  if (auto lazy = lazy_modules_.find(module); lazy != lazy_modules_.end() && !importable_.count(module)) lazy->second(*this);
  auto it = importable_.find(module);
  if (it != importable_.end()) return it->second;
  // A package's submodule: its parent first, and the child becomes the parent's attribute.
  const auto dot = module.rfind('.');
  Value parent;
  if (dot != std::string::npos) parent = import_module(module.substr(0, dot));
  Value m;
  if (library_module(module)) {
    m = load_library(module);
  } else if (dot != std::string::npos && parent.get<NamespaceObj>() && parent.get<NamespaceObj>()->scope == nullptr &&
             try_getattr(parent, module.substr(dot + 1))) {
    // A native namespace's member reached by import (import torch.nn.init as init).
    m = *try_getattr(parent, module.substr(dot + 1));
  } else {
    error("ModuleNotFoundError", "No module named '" + module + "' (initlab runs torch, torch.nn, "
                                 "torch.nn.functional, torch.nn.init" + torch_library_module_names() +
                                 ", initlab.datasets, initlab.init and these Python modules: " +
                                 native_module_names() + ")");
  }
  importable_[module] = m;
  if (auto* p = parent.get<NamespaceObj>()) {
    const std::string child = module.substr(dot + 1);
    if (p->scope) p->scope->vars[child] = m;
    else p->members[child] = m;
  }
  return m;
}

// Runs a library module (core/lib) in a module scope of its own: its functions see its
// globals, never the user's.
Value Interpreter::load_library(const std::string& name) {
  const LibraryModule* lib = library_module(name);
  auto ns = std::make_shared<NamespaceObj>();
  ns->name = name;
  ns->scope = std::make_shared<Scope>();
  ns->scope->module = true;
  ns->scope->vars["__name__"] = Value(name);
  ns->scope->vars["__doc__"] = docstring_of(lib->program->body);
  captured_scopes_.push_back(ns->scope);
  const Value m{ObjPtr(ns)};
  importable_[name] = m;  // a module that imports itself (or a cycle) sees it half-made, as in Python
  const Location at = where_;
  if (!stack_.empty()) stack_.back().where = at;
  stack_.push_back({"<module " + name + ">", {}});
  struct Restore {
    Interpreter& in;
    Location at;
    ~Restore() {
      in.stack_.pop_back();
      in.where_ = at;
    }
  } restore{*this, at};
  try {
    exec_block(lib->program->body, ns->scope);
  } catch (...) {
    importable_.erase(name);
    throw;
  }
  return m;
}

Value Interpreter::apply_decorators(const std::vector<ExprPtr>& decorators, Value target,
                                    const std::shared_ptr<Scope>& scope) {
  // Evaluated top to bottom, applied bottom to top.
  std::vector<Value> ds;
  for (const auto& d : decorators) ds.push_back(eval(*d, scope));
  for (auto it = ds.rbegin(); it != ds.rend(); ++it) {
    where_ = decorators[static_cast<std::size_t>(ds.rend() - it - 1)]->where;
    // @torch.no_grad(): the function runs with grad mode off.
    if (it->get<NoGradObj>()) {
      if (auto* f = target.get<FunctionObj>()) {
        f->no_grad = true;
        continue;
      }
    }
    target = call(*it, {target});
  }
  return target;
}

void Interpreter::define_class(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  auto cls = std::make_shared<ClassObj>();
  cls->name = s.name;
  if (Scope* g = globals_of(scope); g != globals_.get()) {
    auto n = g->vars.find("__name__");
    if (n != g->vars.end() && n->second.is_str()) cls->module = n->second.as_str();
  }
  std::vector<Value> bases;
  for (const auto& b : s.bases) {
    if (b->kind == ExprKind::Starred) {
      for (const Value& v : to_vector(eval(*b->a, scope))) bases.push_back(v);
    } else {
      bases.push_back(eval(*b, scope));
    }
  }
  for (std::size_t i = 0; i < bases.size(); ++i) {
    Value base = bases[i];
    where_ = s.bases[std::min(i, s.bases.size() - 1)]->where;
    // typing's Generic[T], NamedTuple and the like hand back a class through __mro_entries__.
    if (!base.get<ClassObj>() && !base.get<NativeClassObj>()) {
      if (auto m = try_getattr(base, "__mro_entries__")) {
        const auto items = to_vector(call(*m, {make_tuple(bases)}));
        if (items.empty()) continue;
        base = items[0];
      }
    }
    if (auto* c = base.get<ClassObj>()) {
      cls->bases.push_back(std::static_pointer_cast<ClassObj>(base.as_obj()));
      cls->module_subclass = cls->module_subclass || c->module_subclass;
      cls->exception = cls->exception || c->exception;
      if (cls->native_base.empty()) cls->native_base = c->native_base;
      if (!cls->native_layer) cls->native_layer = c->native_layer;
    } else if (auto* n = base.get<NativeClassObj>()) {
      if (n->name == "Module") {
        cls->module_subclass = true;
      } else if (n->name == "Sequential" || n->name == "ModuleList") {
        // A container subclass (torchvision's Conv2dNormActivation(nn.Sequential)): a script
        // module whose children, super().__init__ and default forward are the container's.
        cls->module_subclass = true;
        cls->native_base = n->name;
      } else if (n->build) {
        // A subclass of a built-in layer (class MyLinear(nn.Linear)): native_subclass.hpp.
        if (cls->native_layer && cls->native_layer.get() != n) {
          error("NotImplementedError", "not supported in initlab: deriving a class from two built-in layers (" +
                                           cls->native_layer->qualified + " and " + n->qualified + ")");
        }
        cls->module_subclass = true;
        cls->native_layer = std::static_pointer_cast<NativeClassObj>(base.as_obj());
      } else if (n->name != "object") {
        error("NotImplementedError", "not supported in initlab: deriving a class from " + n->qualified +
                                         " (derive from nn.Module, a built-in layer, Exception, object or your own classes)");
      }
    } else {
      error("TypeError", "bases must be classes, not " + type_name(base));
    }
  }
  for (const Keyword& k : s.keywords) {
    // metaclass=ABCMeta (abc) changes nothing initlab checks; any other metaclass would.
    const Value v = eval(*k.value, scope);
    where_ = k.where;
    auto* meta = v.get<ClassObj>();
    if (k.name != "metaclass" || !meta || meta->name != "ABCMeta") {
      error("NotImplementedError", "not supported in initlab: class keyword " + k.name + "=" +
                                       (meta ? meta->name : type_name(v)) + " (only metaclass=ABCMeta)");
    }
  }
  auto body_scope = std::make_shared<Scope>();
  body_scope->parent = scope;
  body_scope->class_body = true;
  bind(body_scope, "__module__", Value(cls->module));
  bind(body_scope, "__qualname__", Value(s.name));
  const Value doc = docstring_of(s.body);
  if (!doc.is_none()) bind(body_scope, "__doc__", doc);
  for (const StmtPtr& st : s.body) {
    if (st->kind == StmtKind::FunctionDef) {
      Value fn = make_function(st->name, st->params, &st->body, nullptr, scope, cls.get());
      fn.get<FunctionObj>()->generator = st->generator;
      fn.get<FunctionObj>()->returns = st->returns;
      where_ = st->where;
      fn = apply_decorators(st->decorators, fn, body_scope);
      bind(body_scope, st->name, fn);
    } else {
      const Flow f = exec(*st, body_scope);
      (void)f;
    }
  }
  if (!body_scope->vars.count("__doc__")) bind(body_scope, "__doc__", Value());  // not inherited, as in CPython
  for (const auto& [k, v] : body_scope->vars) cls->attrs[k] = v;
  cls->order = body_scope->order;
  Value result{ObjPtr(cls)};
  run_init_subclass(result);
  where_ = s.where;
  bind(scope, s.name, apply_decorators(s.decorators, result, scope));
}

Value Interpreter::make_function(const std::string& name, const std::vector<Param>& params,
                                 const Body* body, const Expr* expression,
                                 const std::shared_ptr<Scope>& scope, ClassObj* owner) {
  auto fn = std::make_shared<FunctionObj>();
  fn->name = name;
  fn->qualname = owner ? owner->name + "." + name : name;
  fn->params = &params;
  fn->body = body;
  fn->expression = expression;
  fn->closure = scope;
  fn->owner = owner;
  if (scope != globals_ && (captured_scopes_.empty() || captured_scopes_.back().lock() != scope)) {
    captured_scopes_.push_back(scope);
    prune(captured_scopes_);
  }
  for (const Param& p : params) {
    fn->has_default.push_back(p.default_value != nullptr);
    fn->defaults.push_back(p.default_value ? eval(*p.default_value, scope) : Value());
  }
  return Value(ObjPtr(fn));
}

// ---------------------------------------------------------------------------------------
// calls

Value Interpreter::call(const Value& fn, std::vector<Value> positional) {
  CallArgs args;
  args.positional = std::move(positional);
  args.where = where_;
  return call(fn, args);
}

Value Interpreter::call(const Value& fn, CallArgs& args) {
  if (auto* b = fn.get<BuiltinObj>()) {
    try {
      return b->fn(*this, args);
    } catch (const initlab::Error& e) {
      where_ = args.where.line ? args.where : where_;
      error(kind_of(e), e.what());
    }
  }
  if (auto* f = fn.get<FunctionObj>()) return call_function(*f, args, nullptr);
  if (auto* m = fn.get<BoundMethodObj>()) {
    if (auto* f = m->fn.get<FunctionObj>()) return call_function(*f, args, &m->self);
    args.positional.insert(args.positional.begin(), m->self);
    return call(m->fn, args);
  }
  if (fn.get<ClassObj>()) return instantiate(std::static_pointer_cast<ClassObj>(fn.as_obj()), args);
  if (auto* n = fn.get<NativeClassObj>()) {
    if (!n->construct) error("TypeError", "cannot create '" + n->qualified + "' instances");
    try {
      return n->construct(*this, args);
    } catch (const initlab::Error& e) {
      where_ = args.where.line ? args.where : where_;
      error(kind_of(e), e.what());
    }
  }
  if (fn.get<ModuleObj>()) return call_module(*this, fn, args);
  if (auto* sm = fn.get<StaticMethodObj>()) return call(sm->fn, args);
  if (fn.get<InstanceObj>()) {
    if (auto m = dunder(fn, "__call__")) return call(*m, args);
  }
  error("TypeError", "'" + type_name(fn) + "' object is not callable");
}

void Interpreter::run_init_subclass(const Value& cls) {
  for (const auto& b : cls.get<ClassObj>()->bases) {
    if (const Value* hook = b->find("__init_subclass__")) {
      Value fn = *hook;
      if (auto* cm = fn.get<ClassMethodObj>()) fn = cm->fn;
      if (fn.get<FunctionObj>()) {
        CallArgs args;
        args.where = where_;
        call_function(*fn.get<FunctionObj>(), args, &cls);
      }
      break;
    }
  }
}

Value Interpreter::call_function(FunctionObj& fn, CallArgs& args, const Value* self) {
  std::optional<autograd::NoGrad> no_grad;
  if (fn.no_grad) no_grad.emplace();
  if (depth_ >= limits_.max_depth) {
    error("RecursionError", "maximum recursion depth exceeded (" + std::to_string(limits_.max_depth) +
                                " nested calls); raise the max_depth limit to allow more");
  }
  step();
  auto scope = std::make_shared<Scope>();
  scope->parent = fn.closure;
  const std::vector<Param>& params = *fn.params;
  std::vector<Value> positional;
  if (self) positional.push_back(*self);
  for (const Value& v : args.positional) positional.push_back(v);
  const std::string fname = fn.qualname + "()";
  std::vector<bool> bound(params.size(), false);
  std::size_t pi = 0, ai = 0;
  std::size_t n_positional_params = 0;
  for (const Param& p : params)
    if (p.kind == Param::Positional) ++n_positional_params;
  for (; pi < params.size() && params[pi].kind == Param::Positional && ai < positional.size(); ++pi, ++ai) {
    scope->vars[params[pi].name] = positional[ai];
    bound[pi] = true;
  }
  const auto varargs = std::find_if(params.begin(), params.end(), [](const Param& p) { return p.kind == Param::VarArgs; });
  if (ai < positional.size()) {
    if (varargs == params.end()) {
      const std::size_t given = positional.size();
      std::size_t required = 0;
      for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].kind == Param::Positional && !fn.has_default[i]) ++required;
      const std::string takes = required == n_positional_params
                                    ? std::to_string(n_positional_params)
                                    : "from " + std::to_string(required) + " to " + std::to_string(n_positional_params);
      error("TypeError", fname + " takes " + takes + " positional argument" + (n_positional_params == 1 ? "" : "s") +
                             " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
    }
    std::vector<Value> rest(positional.begin() + static_cast<std::ptrdiff_t>(ai), positional.end());
    scope->vars[varargs->name] = make_tuple(std::move(rest));
  } else if (varargs != params.end()) {
    scope->vars[varargs->name] = make_tuple({});
  }
  auto kwargs = std::make_shared<DictObj>();
  const auto varkw = std::find_if(params.begin(), params.end(), [](const Param& p) { return p.kind == Param::VarKeywords; });
  for (const auto& [name, value] : args.keywords) {
    std::size_t i = 0;
    for (; i < params.size(); ++i) {
      if (params[i].name == name && (params[i].kind == Param::Positional || params[i].kind == Param::KeywordOnly)) break;
    }
    if (i == params.size()) {
      if (varkw == params.end()) error("TypeError", fname + " got an unexpected keyword argument '" + name + "'");
      kwargs->items.emplace_back(Value(name), value);
      continue;
    }
    if (bound[i]) error("TypeError", fname + " got multiple values for argument '" + name + "'");
    scope->vars[name] = value;
    bound[i] = true;
  }
  if (varkw != params.end()) scope->vars[varkw->name] = Value(ObjPtr(kwargs));
  std::vector<std::string> missing, missing_kw;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Param& p = params[i];
    if (bound[i] || p.kind == Param::VarArgs || p.kind == Param::VarKeywords) continue;
    if (fn.has_default[i]) {
      scope->vars[p.name] = fn.defaults[i];
    } else if (p.kind == Param::Positional) {
      missing.push_back(p.name);
    } else {
      missing_kw.push_back(p.name);
    }
  }
  const auto names = [](const std::vector<std::string>& m) {
    std::string s;
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (i) s += m.size() == 2 ? " and " : (i + 1 == m.size() ? ", and " : ", ");
      s += "'" + m[i] + "'";
    }
    return s;
  };
  if (!missing.empty()) {
    error("TypeError", fname + " missing " + std::to_string(missing.size()) + " required positional argument" +
                           (missing.size() == 1 ? "" : "s") + ": " + names(missing));
  }
  if (!missing_kw.empty()) {
    error("TypeError", fname + " missing " + std::to_string(missing_kw.size()) + " required keyword-only argument" +
                           (missing_kw.size() == 1 ? "" : "s") + ": " + names(missing_kw));
  }

  if (fn.generator) return make_generator(fn, scope);
  const Location call_site = where_;
  if (!stack_.empty()) stack_.back().where = call_site;
  stack_.push_back({fn.qualname, {}});
  const bool method = fn.owner != nullptr && !positional.empty();
  if (method) methods_.emplace_back(fn.owner, positional[0]);
  ++depth_;
  Value result;
  struct Restore {
    Interpreter& in;
    bool method;
    Location site;
    ~Restore() {
      --in.depth_;
      in.stack_.pop_back();
      if (method) in.methods_.pop_back();
      in.where_ = site;
    }
  } restore{*this, method, call_site};
  if (fn.expression) {
    result = eval(*fn.expression, scope);
  } else if (exec_block(*fn.body, scope) == Flow::Return) {
    result = return_value_;
    return_value_ = Value();
  }
  return result;
}

Value Interpreter::instantiate(const std::shared_ptr<ClassObj>& cls, CallArgs& args) {
  Value self;
  const Value* new_fn = cls->module_subclass ? nullptr : cls->find("__new__");
  if (new_fn) {
    // __new__(cls, *args): what it returns is the result; __init__ runs only on an instance of
    // cls (TypedDict returns a dict, Enum an existing member, a singleton its one object).
    Value fn = *new_fn;
    if (auto* sm = fn.get<StaticMethodObj>()) fn = sm->fn;
    CallArgs with_cls = args;
    with_cls.positional.insert(with_cls.positional.begin(), Value(ObjPtr(cls)));
    self = call(fn, with_cls);
    if (!isinstance(self, Value(ObjPtr(cls)))) return self;
    if (auto* inst = self.get<InstanceObj>(); inst && inst->attrs.count("__initlab_initialized__")) return self;
    if (const Value* init = cls->find("__init__"); init && init->get<FunctionObj>()) {
      const Value r = call_function(*init->get<FunctionObj>(), args, &self);
      if (!r.is_none()) error("TypeError", "__init__() should return None, not '" + type_name(r) + "'");
    }
    return self;
  }
  if (cls->module_subclass) {
    auto m = std::make_shared<ScriptModule>(*this, cls);
    auto obj = std::make_shared<ModuleObj>();
    obj->module = m;
    self = Value(ObjPtr(obj));
    created_.push_back(m);
  } else {
    auto inst = std::make_shared<InstanceObj>();
    inst->cls = cls;
    instances_.push_back(inst);
    prune(instances_);
    self = Value(ObjPtr(inst));
  }
  if (cls->exception) {
    // BaseException.__new__: the arguments are the exception's args, whatever __init__ does.
    self.get<InstanceObj>()->attrs["args"] = make_tuple(args.positional);
  }
  if (const Value* init = cls->find("__init__")) {
    if (auto* f = init->get<FunctionObj>()) {
      const Value r = call_function(*f, args, &self);
      if (!r.is_none()) error("TypeError", "__init__() should return None, not '" + type_name(r) + "'");
    } else if (init->get<BuiltinObj>()) {
      CallArgs with_self = args;
      with_self.positional.insert(with_self.positional.begin(), self);
      call(*init, with_self);
    }
  } else if (cls->native_layer) {
    // No __init__ of its own: the layer's, with the call's arguments.
    init_native_layer(*this, self, args);
  } else if (!args.positional.empty() || !args.keywords.empty()) {
    error("TypeError", cls->name + "() takes no arguments");
  }
  return self;
}

Value Interpreter::call_method(const Value& self, const std::string& name, CallArgs& args) {
  const Value m = getattr(self, name);
  return call(m, args);
}

}  // namespace initlab::script
