#include "interpreter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <typeinfo>
#include <unordered_set>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"
#include "numpy_bindings.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"

namespace initlab::script {

Interpreter::Interpreter(const Source& source, Limits limits,
                         std::function<void(const std::string&)> print)
    : source_(source), limits_(limits), print_(std::move(print)),
      globals_(std::make_shared<Scope>()), start_(std::chrono::steady_clock::now()) {
  globals_->vars["__name__"] = Value("__main__");
  globals_->module = true;
  const auto singleton = [](const char* name) {
    auto o = std::make_shared<SingletonObj>();
    o->name = name;
    return Value(ObjPtr(o));
  };
  ellipsis_ = singleton("Ellipsis");
  not_implemented_ = singleton("NotImplemented");
  install_builtins(*this);
  install_language_builtins(*this);
  install_exceptions(*this);
  install_library_api(*this);
  builtins_["Ellipsis"] = ellipsis_;
  builtins_["NotImplemented"] = not_implemented_;
  install_torch(*this);
  install_datasets(*this);
  // Installed on first import: most scripts never import them, and every run() pays for
  // what the constructor builds.
  lazy_modules_["random"] = install_random;
  for (const char* m : {"numpy", "numpy.linalg", "numpy.random"}) lazy_modules_[m] = install_numpy;
}

Interpreter::~Interpreter() {
  // Walk everything reachable from the roots, then empty every container found: without a
  // garbage collector, this is what frees cycles through closures, classes and modules.
  std::vector<Value> stack;
  std::unordered_set<Object*> seen;
  std::vector<ObjPtr> alive;
  std::unordered_set<Scope*> scopes;
  std::vector<std::shared_ptr<Scope>> scopes_alive;
  const auto visit_scope = [&](Scope* s) {
    for (; s != nullptr; s = s->parent.get()) {
      if (!scopes.insert(s).second) return;
      for (auto& [k, v] : s->vars) stack.push_back(v);
    }
  };
  visit_scope(globals_.get());
  for (const auto& weak : captured_scopes_) {
    if (auto s = weak.lock()) {
      scopes_alive.push_back(s);
      visit_scope(s.get());
    }
  }
  for (const auto& weak : instances_) {
    if (auto i = weak.lock()) stack.emplace_back(ObjPtr(i));
  }
  for (const auto& m : created_) {
    auto o = std::make_shared<ModuleObj>();
    o->module = m;
    stack.emplace_back(ObjPtr(o));
  }
  for (auto& [m, attrs] : module_attrs_)
    for (auto& [k, v] : attrs) stack.push_back(v);
  // Not the builtins and the native modules: they hold no script values unless a script
  // stores some on them, and walking their hundreds of members would cost every run more than
  // the rest. Library modules' globals are among the captured scopes.
  for (auto& [name, c] : exception_classes_) stack.push_back(c);
  for (ScriptError& e : handling_)
    if (e.exception) stack.emplace_back(e.exception);
  while (!stack.empty()) {
    const Value v = stack.back();
    stack.pop_back();
    if (!v.is_obj()) continue;
    Object* o = v.as_obj().get();
    // Natives without attributes and tensors hold no script values the walk could reach (a
    // native's captures are out of its sight anyway), and they are most of what an imported
    // torch namespace holds: skipped by exact type before the set and the casts below (5% of a
    // warm run() in wasm).
    const std::type_info& type = typeid(*o);
    if (type == typeid(TensorObj) || (type == typeid(BuiltinObj) && static_cast<BuiltinObj*>(o)->attrs.empty())) continue;
    if (!seen.insert(o).second) continue;
    alive.push_back(v.as_obj());  // held until the end, so clearing one cannot free another mid-walk
    if (auto* l = dynamic_cast<ListObj*>(o)) for (const Value& x : l->items) stack.push_back(x);
    if (auto* t = dynamic_cast<TupleObj*>(o)) for (const Value& x : t->items) stack.push_back(x);
    if (auto* d = dynamic_cast<DictObj*>(o)) {
      for (const auto& [k, x] : d->items) {
        stack.push_back(k);
        stack.push_back(x);
      }
    }
    if (auto* st = dynamic_cast<SetObj*>(o)) for (const Value& x : st->items) stack.push_back(x);
    if (auto* it = dynamic_cast<IteratorObj*>(o)) for (const Value& x : it->items) stack.push_back(x);
    if (auto* b = dynamic_cast<BuiltinObj*>(o)) for (auto& [k, x] : b->attrs) stack.push_back(x);
    if (auto* nc = dynamic_cast<NativeClassObj*>(o)) for (auto& [k, x] : nc->attrs) stack.push_back(x);
    if (auto* sm = dynamic_cast<StaticMethodObj*>(o)) stack.push_back(sm->fn);
    if (auto* cm = dynamic_cast<ClassMethodObj*>(o)) stack.push_back(cm->fn);
    if (auto* p = dynamic_cast<PropertyObj*>(o)) {
      stack.push_back(p->fget);
      stack.push_back(p->fset);
      stack.push_back(p->fdel);
    }
    if (auto* ns = dynamic_cast<NamespaceObj*>(o)) {
      for (auto& [k, x] : ns->members) stack.push_back(x);
      if (ns->scope) {
        scopes_alive.push_back(ns->scope);
        visit_scope(ns->scope.get());
      }
    }
    if (auto* f = dynamic_cast<FunctionObj*>(o)) {
      for (const Value& x : f->defaults) stack.push_back(x);
      for (auto& [k, x] : f->attrs) stack.push_back(x);
      for (auto s = f->closure; s; s = s->parent) scopes_alive.push_back(s);
      visit_scope(f->closure.get());
    }
    if (auto* c = dynamic_cast<ClassObj*>(o)) {
      for (auto& [k, x] : c->attrs) stack.push_back(x);
      for (const auto& b : c->bases) stack.emplace_back(ObjPtr(b));
    }
    if (auto* i = dynamic_cast<InstanceObj*>(o)) {
      for (auto& [k, x] : i->attrs) stack.push_back(x);
      stack.emplace_back(ObjPtr(i->cls));
      if (i->dict) stack.emplace_back(ObjPtr(i->dict));
    }
    if (auto* b = dynamic_cast<BoundMethodObj*>(o)) {
      stack.push_back(b->self);
      stack.push_back(b->fn);
    }
    if (auto* s = dynamic_cast<SuperObj*>(o)) stack.push_back(s->self);
    if (auto* m = dynamic_cast<ModuleObj*>(o)) {
      for (auto& [path, sub] : m->module->named_modules()) {
        if (auto* sm = dynamic_cast<ScriptModule*>(sub)) {
          for (auto& [k, x] : sm->attrs) stack.push_back(x);
          stack.emplace_back(ObjPtr(sm->cls));
        }
        if (auto* ns = native_subclass_of(*sub)) stack.emplace_back(ObjPtr(ns->cls));
      }
    }
  }
  for (const ObjPtr& held : alive) {
    Object* o = held.get();
    if (auto* l = dynamic_cast<ListObj*>(o)) l->items.clear();
    if (auto* t = dynamic_cast<TupleObj*>(o)) t->items.clear();
    if (auto* d = dynamic_cast<DictObj*>(o)) d->items.clear();
    if (auto* f = dynamic_cast<FunctionObj*>(o)) {
      f->defaults.clear();
      f->attrs.clear();
      f->closure.reset();
    }
    if (auto* st = dynamic_cast<SetObj*>(o)) st->items.clear();
    if (auto* it = dynamic_cast<IteratorObj*>(o)) {
      it->items.clear();
      it->fill = nullptr;
    }
    if (auto* b = dynamic_cast<BuiltinObj*>(o)) b->attrs.clear();
    if (auto* nc = dynamic_cast<NativeClassObj*>(o)) nc->attrs.clear();
    if (auto* sm = dynamic_cast<StaticMethodObj*>(o)) sm->fn = Value();
    if (auto* cm = dynamic_cast<ClassMethodObj*>(o)) cm->fn = Value();
    if (auto* p = dynamic_cast<PropertyObj*>(o)) p->fget = p->fset = p->fdel = Value();
    if (auto* ns = dynamic_cast<NamespaceObj*>(o)) {
      ns->members.clear();
      ns->scope.reset();
    }
    if (auto* c = dynamic_cast<ClassObj*>(o)) {
      c->attrs.clear();
      c->bases.clear();
    }
    if (auto* i = dynamic_cast<InstanceObj*>(o)) {
      i->attrs.clear();
      i->dict.reset();
    }
    if (auto* b = dynamic_cast<BoundMethodObj*>(o)) b->self = b->fn = Value();
    if (auto* s = dynamic_cast<SuperObj*>(o)) s->self = Value();
    if (auto* m = dynamic_cast<ModuleObj*>(o)) {
      for (auto& [path, sub] : m->module->named_modules())
        if (auto* sm = dynamic_cast<ScriptModule*>(sub)) sm->attrs.clear();
    }
  }
  for (Scope* s : scopes) s->vars.clear();
  module_attrs_.clear();
  rebuilders_.clear();
  handling_.clear();
  created_.clear();
}

Value docstring_of(const Body& body) {
  if (!body.empty() && body[0]->kind == StmtKind::Expr && body[0]->value->kind == ExprKind::Const &&
      body[0]->value->constant.index() == 4) {
    return Value(std::get<std::string>(body[0]->value->constant));
  }
  return Value();
}

void Interpreter::run(const Program& program) {
  globals_->vars["__doc__"] = docstring_of(program.body);
  stack_.push_back({"<module>", {}});
  exec_block(program.body, globals_);
  stack_.pop_back();
}

// ---------------------------------------------------------------------------------------
// errors and limits

void Interpreter::error(const std::string& kind, const std::string& message) {
  ScriptError e(kind, message, where_);
  for (const Frame& f : stack_) e.traceback().push_back(f);
  if (!e.traceback().empty()) e.traceback().back().where = where_;
  throw e;
}

Location Interpreter::user_location() const {
  if (where_.file == 0) return where_;
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
    if (it->where.file == 0 && it->where.line > 0) return it->where;
  return Location{};
}

Value Interpreter::new_instance(const std::shared_ptr<ClassObj>& cls) {
  auto inst = std::make_shared<InstanceObj>();
  inst->cls = cls;
  instances_.push_back(inst);
  prune(instances_);
  return Value(ObjPtr(inst));
}

void Interpreter::step() {
  if (++steps_ > limits_.max_steps) {
    error("LimitError", "the script ran more than " + std::to_string(limits_.max_steps) +
                            " steps (a loop that never ends?); raise the max_steps limit to allow more");
  }
  if ((steps_ & 1023) == 0) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start_).count();
    if (ms > limits_.max_milliseconds) {
      error("LimitError", "the script ran longer than " + std::to_string(limits_.max_milliseconds) +
                              " ms; raise the max_milliseconds limit to allow more");
    }
  }
}

void Interpreter::check_list_size(int64_t n) {
  if (n > limits_.max_list) {
    error("LimitError", "a list of " + std::to_string(n) + " items is over the limit of " +
                            std::to_string(limits_.max_list) + "; raise the max_list limit to allow more");
  }
}

void Interpreter::check_string_size(int64_t n) {
  if (n > limits_.max_string) {
    error("LimitError", "a string of " + std::to_string(n) + " characters is over the limit of " +
                            std::to_string(limits_.max_string) + "; raise the max_string limit to allow more");
  }
}

void Interpreter::print(const std::string& text) {
  printed_ += static_cast<int64_t>(text.size());
  if (printed_ > limits_.max_output) {
    error("LimitError", "the script printed more than " + std::to_string(limits_.max_output) +
                            " characters; raise the max_output limit to allow more");
  }
  print_(text);
}

// ---------------------------------------------------------------------------------------
// statements

Interpreter::Flow Interpreter::exec_block(const Body& body, const std::shared_ptr<Scope>& scope) {
  for (const StmtPtr& s : body) {
    const Flow f = exec(*s, scope);
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  where_ = s.where;
  step();
  try {
    return exec_inner(s, scope);
  } catch (const initlab::Error& e) {
    error(kind_of(e), e.what());  // a core error, placed at the innermost script location
  } catch (const std::bad_alloc&) {
    error("MemoryError", "out of memory");
  }
}

Interpreter::Flow Interpreter::exec_inner(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  switch (s.kind) {
    case StmtKind::Expr:
      eval(*s.value, scope);
      return Flow::Normal;
    case StmtKind::Assign: {
      const Value v = eval(*s.value, scope);
      for (const auto& t : s.targets) assign(*t, v, scope);
      return Flow::Normal;
    }
    case StmtKind::AnnAssign:
      if (scope->class_body && s.targets[0]->kind == ExprKind::Name) {
        // Class annotations are what dataclasses and NamedTuple read: kept as their text, as
        // `from __future__ import annotations` keeps them.
        Value& ann = scope->vars["__annotations__"];
        if (!ann.get<DictObj>()) ann = Value(ObjPtr(std::make_shared<DictObj>()));
        set_subscript(ann, Value(s.targets[0]->name), Value(s.name));
      }
      if (s.value) assign(*s.targets[0], eval(*s.value, scope), scope);
      return Flow::Normal;
    case StmtKind::AugAssign: {
      const Expr& t = *s.targets[0];
      Value current;
      Value object, index;
      if (t.kind == ExprKind::Name) {
        current = lookup(t.name, scope, t.where);
      } else if (t.kind == ExprKind::Attribute) {
        object = eval(*t.a, scope);
        current = getattr(object, t.name);
      } else {
        object = eval(*t.a, scope);
        index = eval(*t.b, scope);
        current = subscript(object, index);
      }
      const Value rhs = eval(*s.value, scope);
      where_ = s.where;
      Value result;
      // In-place forms mutate lists and tensors (x += y on a tensor writes into x).
      std::optional<Value> in_place;
      if (current.get<InstanceObj>()) {
        if (auto m = dunder(current, "__i" + dunder_stem(s.name) + "__")) {
          Value r = call(*m, {rhs});
          if (!r.get<SingletonObj>() || r.as_obj() != not_implemented_.as_obj()) in_place = r;
        }
      }
      if (in_place) {
        result = *in_place;
      } else if (current.get<ListObj>() && s.name == "+") {
        auto* l = current.get<ListObj>();
        for (const Value& v : to_vector(rhs)) l->items.push_back(v);
        check_list_size(static_cast<int64_t>(l->items.size()));
        result = current;
      } else if (current.get<TensorObj>() && (s.name == "+" || s.name == "-" || s.name == "*" || s.name == "/")) {
        auto* cur = current.get<TensorObj>();
        const Value r = binary(s.name, current, rhs);
        const Tensor& rt = r.get<TensorObj>()->tensor;
        if (autograd::grad_enabled() && cur->tensor.requires_grad() && !cur->tensor.has_grad_fn()) {
          error("RuntimeError", "a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (rt.has_grad_fn()) {
          // x += y on a recorded result (out += identity): the name takes the new result, as
          // PyTorch's in-place op rebases x's history. Writing into x's storage would change
          // values that x's own backward may still need.
          cur->tensor = rt;
        } else {
          cur->tensor.copy_from(rt);
        }
        result = current;
      } else if (current.get<NdArrayObj>()) {
        result = numpy_inplace(*this, s.name, current, rhs);  // numpy writes a += b into a
      } else {
        result = binary(s.name, current, rhs);
      }
      if (t.kind == ExprKind::Name) {
        bind(scope, t.name, result);
      } else if (t.kind == ExprKind::Attribute) {
        setattr(object, t.name, result);
      } else {
        set_subscript(object, index, result);
      }
      return Flow::Normal;
    }
    case StmtKind::Return:
      return_value_ = s.value ? eval(*s.value, scope) : Value();
      return Flow::Return;
    case StmtKind::Try:
      return exec_try(s, scope);
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      for (const auto& [name, unused] : s.names) {
        if (s.kind == StmtKind::Nonlocal) {
          bool found = false;
          for (const Scope* p = scope->parent.get(); p && !p->module && !found; p = p->parent.get())
            found = !p->class_body && p->vars.count(name);
          if (!found) error("SyntaxError", "no binding for nonlocal '" + name + "' found");
        }
        scope->declared[name] = s.kind == StmtKind::Global;
      }
      return Flow::Normal;
    case StmtKind::If:
      if (truthy(eval(*s.test, scope))) return exec_block(s.body, scope);
      return exec_block(s.orelse, scope);
    case StmtKind::While: {
      while (truthy(eval(*s.test, scope))) {
        const Flow f = exec_block(s.body, scope);
        if (f == Flow::Break) return Flow::Normal;
        if (f == Flow::Return) return f;
        where_ = s.where;
        step();
      }
      return exec_block(s.orelse, scope);
    }
    case StmtKind::For: {
      const Value iterable = eval(*s.value, scope);
      Flow result = Flow::Normal;
      bool broke = false;
      iterate(iterable, [&](const Value& item) {
        where_ = s.where;
        step();
        assign(*s.targets[0], item, scope);
        const Flow f = exec_block(s.body, scope);
        if (f == Flow::Break) {
          broke = true;
          return false;
        }
        if (f == Flow::Return) {
          result = f;
          return false;
        }
        return true;
      });
      if (result == Flow::Return) return result;
      if (!broke) return exec_block(s.orelse, scope);
      return Flow::Normal;
    }
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::Pass: return Flow::Normal;
    case StmtKind::Assert:
      if (!truthy(eval(*s.test, scope))) {
        const std::string msg = s.value ? str(eval(*s.value, scope)) : "";
        where_ = s.where;
        error("AssertionError", msg);
      }
      return Flow::Normal;
    case StmtKind::FunctionDef: {
      Value fn = make_function(s.name, s.params, &s.body, nullptr, scope, nullptr);
      fn.get<FunctionObj>()->generator = s.generator;
      fn.get<FunctionObj>()->returns = s.returns;
      bind(scope, s.name, apply_decorators(s.decorators, fn, scope));
      return Flow::Normal;
    }
    case StmtKind::ClassDef:
      define_class(s, scope);
      return Flow::Normal;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
      do_import(s, scope);
      return Flow::Normal;
    case StmtKind::With:
      return exec_with(s, scope, 0);
    case StmtKind::Raise: {
      if (!s.value) {
        if (handling_.empty()) error("RuntimeError", "No active exception to reraise");
        throw ScriptError(handling_.back());
      }
      const Value v = eval(*s.value, scope);
      const Value cause = s.test ? eval(*s.test, scope) : Value();
      where_ = s.where;
      raise_value(v, s.test ? &cause : nullptr);
    }
    case StmtKind::Delete:
      for (const auto& t : s.targets) {
        if (t->kind == ExprKind::Name) {
          if (!scope->vars.erase(t->name) && !(scope->declared.count(t->name) && globals_of(scope)->vars.erase(t->name))) {
            where_ = t->where;
            error("NameError", "name '" + t->name + "' is not defined");
          }
        } else if (t->kind == ExprKind::Subscript) {
          const Value obj = eval(*t->a, scope);
          const Value idx = eval(*t->b, scope);
          auto* slice = idx.get<TupleObj>();
          auto* sliced = obj.get<ListObj>();
          if (sliced && slice && slice->items.size() == 4 && slice->items[0].is_str() &&
              slice->items[0].as_str() == "__slice__") {
            // del items[a:b:c]: the selected items, from the last so the indices hold.
            std::vector<int64_t> picked = slice_indices(static_cast<int64_t>(sliced->items.size()), idx);
            std::sort(picked.begin(), picked.end());
            for (auto it = picked.rbegin(); it != picked.rend(); ++it) sliced->items.erase(sliced->items.begin() + *it);
          } else if (auto* l = obj.get<ListObj>()) {
            if (!idx.is_int() && !idx.is_bool()) error("TypeError", "list indices must be integers or slices, not " + type_name(idx));
            int64_t i = idx.as_int();
            const auto n = static_cast<int64_t>(l->items.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) error("IndexError", "list assignment index out of range");
            l->items.erase(l->items.begin() + i);
          } else if (auto* d = obj.get<DictObj>()) {
            auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return equal(kv.first, idx); });
            if (it == d->items.end()) raise_key_error(idx);
            d->items.erase(it);
            d->written();
          } else if (auto m = dunder(obj, "__delitem__")) {
            call(*m, {idx});
          } else {
            error("TypeError", "'" + type_name(obj) + "' object does not support item deletion");
          }
        } else if (t->kind == ExprKind::Attribute) {
          const Value obj = eval(*t->a, scope);
          where_ = t->where;
          delattr(obj, t->name);
        } else {
          for (const auto& item : t->items) {
            if (item->kind != ExprKind::Name) error("NotImplementedError", "not supported in initlab: del of nested targets");
            if (!scope->vars.erase(item->name)) error("NameError", "name '" + item->name + "' is not defined");
          }
        }
      }
      return Flow::Normal;
  }
  return Flow::Normal;
}

void Interpreter::bind(const std::shared_ptr<Scope>& scope, const std::string& name, const Value& value) {
  if (!scope->declared.empty()) {
    auto d = scope->declared.find(name);
    if (d != scope->declared.end()) {
      if (d->second) {
        globals_of(scope)->vars[name] = value;
        return;
      }
      for (Scope* p = scope->parent.get(); p && !p->module; p = p->parent.get()) {
        if (!p->class_body && p->vars.count(name)) {
          p->vars[name] = value;
          return;
        }
      }
    }
  }
  if (scope->class_body && !scope->vars.count(name)) scope->order.push_back(name);
  scope->vars[name] = value;
}

Scope* Interpreter::globals_of(const std::shared_ptr<Scope>& scope) const {
  Scope* s = scope.get();
  while (s && !s->module) s = s->parent.get();
  return s ? s : globals_.get();
}

void Interpreter::assign(const Expr& target, const Value& value, const std::shared_ptr<Scope>& scope) {
  switch (target.kind) {
    case ExprKind::Name:
      bind(scope, target.name, value);
      return;
    case ExprKind::Attribute: {
      const Value obj = eval(*target.a, scope);
      where_ = target.where;
      setattr(obj, target.name, value);
      return;
    }
    case ExprKind::Subscript: {
      const Value obj = eval(*target.a, scope);
      const Value idx = eval(*target.b, scope);
      where_ = target.where;
      set_subscript(obj, idx, value);
      return;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
      where_ = target.where;
      std::vector<Value> items = to_vector(value);
      std::size_t star = target.items.size();
      for (std::size_t i = 0; i < target.items.size(); ++i)
        if (target.items[i]->kind == ExprKind::Starred) star = i;
      const std::size_t n = target.items.size();
      if (star == n) {
        if (items.size() != n) {
          error("ValueError", items.size() > n ? "too many values to unpack (expected " + std::to_string(n) + ")"
                                               : "not enough values to unpack (expected " + std::to_string(n) +
                                                     ", got " + std::to_string(items.size()) + ")");
        }
        for (std::size_t i = 0; i < n; ++i) assign(*target.items[i], items[i], scope);
        return;
      }
      if (items.size() < n - 1) {
        error("ValueError", "not enough values to unpack (expected at least " + std::to_string(n - 1) +
                                ", got " + std::to_string(items.size()) + ")");
      }
      const std::size_t after = n - star - 1;
      for (std::size_t i = 0; i < star; ++i) assign(*target.items[i], items[i], scope);
      std::vector<Value> middle(items.begin() + static_cast<std::ptrdiff_t>(star),
                                items.end() - static_cast<std::ptrdiff_t>(after));
      assign(*target.items[star]->a, make_list(std::move(middle)), scope);
      for (std::size_t i = 0; i < after; ++i)
        assign(*target.items[star + 1 + i], items[items.size() - after + i], scope);
      return;
    }
    default:
      where_ = target.where;
      error("SyntaxError", "cannot assign to expression");
  }
}

// ---------------------------------------------------------------------------------------
// expressions

Value Interpreter::lookup(const std::string& name, const std::shared_ptr<Scope>& scope, Location at) {
  // Local, enclosing function scopes, then the module's globals (the end of every chain; a
  // class body is skipped by the functions defined in it, as in Python), then the builtins.
  for (const Scope* s = scope.get(); s != nullptr; s = s->parent.get()) {
    if (s != scope.get() && s->class_body) continue;
    auto it = s->vars.find(name);
    if (it != s->vars.end()) return it->second;
  }
  auto b = builtins_.find(name);
  if (b != builtins_.end()) return b->second;
  where_ = at;
  std::string hint;
  if (name == "nn" || name == "F" || name == "torch" || name == "init" || name == "math") {
    hint = name == "nn" ? " (add 'import torch.nn as nn')"
           : name == "F" ? " (add 'import torch.nn.functional as F')"
           : name == "init" ? " (add 'from torch.nn import init')"
                            : " (add 'import " + name + "')";
  }
  if (hint.empty() && is_python_builtin_name(name)) {
    error("NameError", "name '" + name + "' is not defined (a Python builtin initlab does not support yet)");
  }
  error("NameError", "name '" + name + "' is not defined" + hint);
}

Value Interpreter::eval(const Expr& e, const std::shared_ptr<Scope>& scope) {
  // Deep nesting is refused by the parser; this keeps runaway recursion through calls bounded.
  return eval_inner(e, scope);
}

Value Interpreter::eval_inner(const Expr& e, const std::shared_ptr<Scope>& scope) {
  switch (e.kind) {
    case ExprKind::Name:
      return lookup(e.name, scope, e.where);
    case ExprKind::Const:
      switch (e.constant.index()) {
        case 0: return Value();
        case 1: return Value(std::get<bool>(e.constant));
        case 2: return Value(std::get<int64_t>(e.constant));
        case 3: return Value(std::get<double>(e.constant));
        default: return Value(std::get<std::string>(e.constant));
      }
    case ExprKind::FString:
      return fstring(e, scope);
    case ExprKind::List:
    case ExprKind::Tuple: {
      std::vector<Value> items;
      for (const auto& item : e.items) {
        if (item->kind == ExprKind::Starred) {
          for (const Value& v : to_vector(eval(*item->a, scope))) items.push_back(v);
        } else {
          items.push_back(eval(*item, scope));
        }
      }
      check_list_size(static_cast<int64_t>(items.size()));
      return e.kind == ExprKind::List ? make_list(std::move(items)) : make_tuple(std::move(items));
    }
    case ExprKind::Dict: {
      auto d = std::make_shared<DictObj>();
      for (std::size_t i = 0; i < e.items.size(); ++i) {
        if (!e.items[i]) {
          const Value m = as_dict(eval(*e.values[i], scope));
          auto* src = m.get<DictObj>();
          if (!src) error("TypeError", "'" + type_name(m) + "' object is not a mapping");
          for (const auto& kv : src->items) d->items.push_back(kv);
          continue;
        }
        const Value k = eval(*e.items[i], scope);
        const Value v = eval(*e.values[i], scope);
        check_hashable(k);
        auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return equal(kv.first, k); });
        if (it != d->items.end()) it->second = v;
        else d->items.emplace_back(k, v);
      }
      return Value(ObjPtr(d));
    }
    case ExprKind::Attribute: {
      const Value obj = eval(*e.a, scope);
      where_ = e.where;
      return getattr(obj, e.name);
    }
    case ExprKind::Subscript: {
      const Value obj = eval(*e.a, scope);
      const Value idx = eval(*e.b, scope);
      where_ = e.where;
      return subscript(obj, idx);
    }
    case ExprKind::Slice: {
      auto t = std::make_shared<TupleObj>();  // a slice is carried as ("slice", lo, hi, step)
      t->items = {Value("__slice__"), e.a ? eval(*e.a, scope) : Value(), e.b ? eval(*e.b, scope) : Value(),
                  e.c ? eval(*e.c, scope) : Value()};
      return Value(ObjPtr(t));
    }
    case ExprKind::Call:
      return call_expr(e, scope);
    case ExprKind::BinOp: {
      const Value a = eval(*e.a, scope);
      const Value b = eval(*e.b, scope);
      where_ = e.where;
      return binary(e.name, a, b);
    }
    case ExprKind::UnaryOp: {
      const Value a = eval(*e.a, scope);
      where_ = e.where;
      if (e.name == "not") return Value(!truthy(a));
      if (a.get<TensorObj>()) return tensor_unary(*this, e.name, a);
      if (a.get<NdArrayObj>()) return numpy_unary(*this, e.name, a);
      if (a.get<InstanceObj>()) {
        const char* name = e.name == "-" ? "__neg__" : e.name == "+" ? "__pos__" : "__invert__";
        if (auto m = dunder(a, name)) return call(*m, std::vector<Value>{});
      }
      if (e.name == "-") {
        if (a.is_float()) return Value(-a.as_float());
        if (a.is_int() || a.is_bool()) {
          if (a.as_int() == std::numeric_limits<int64_t>::min()) error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
          return Value(-a.as_int());
        }
      } else if (e.name == "+") {
        if (a.is_float()) return a;
        if (a.is_int() || a.is_bool()) return Value(a.as_int());
      } else if (e.name == "~") {
        if (a.is_int() || a.is_bool()) return Value(~a.as_int());
      }
      error("TypeError", "bad operand type for unary " + e.name + ": '" + type_name(a) + "'");
    }
    case ExprKind::BoolOp: {
      Value v;
      for (const auto& item : e.items) {
        v = eval(*item, scope);
        const bool t = truthy(v);
        if (e.name == "and" && !t) return v;
        if (e.name == "or" && t) return v;
      }
      return v;
    }
    case ExprKind::Compare: {
      Value left = eval(*e.items[0], scope);
      for (std::size_t i = 0; i < e.ops.size(); ++i) {
        const Value right = eval(*e.items[i + 1], scope);
        where_ = e.where;
        const Value r = compare(e.ops[i], left, right);
        if (e.ops.size() == 1) return r;
        if (!truthy(r)) return Value(false);
        left = right;
      }
      return Value(true);
    }
    case ExprKind::IfExp:
      return truthy(eval(*e.b, scope)) ? eval(*e.a, scope) : eval(*e.c, scope);
    case ExprKind::Lambda:
      return make_function("<lambda>", e.params, nullptr, e.a.get(), scope, nullptr);
    case ExprKind::ListComp:
    case ExprKind::DictComp:
      return comprehension(e, scope);
    case ExprKind::Starred:
      where_ = e.where;
      error("SyntaxError", "can't use starred expression here");
    case ExprKind::Set: {
      auto set = std::make_shared<SetObj>();
      for (const auto& item : e.items) {
        if (item->kind == ExprKind::Starred) {
          for (const Value& v : to_vector(eval(*item->a, scope))) set_add(*set, v);
        } else {
          const Value v = eval(*item, scope);
          where_ = item->where;
          set_add(*set, v);
        }
      }
      return Value(ObjPtr(set));
    }
    case ExprKind::SetComp:
    case ExprKind::GenExp:
      return comprehension(e, scope);
    case ExprKind::Yield:
      return yield_value(e, scope);
    case ExprKind::Ellipsis:
      return ellipsis_;
    case ExprKind::NamedExpr: {
      const Value v = eval(*e.b, scope);
      // In a comprehension the name binds in the enclosing function's scope (PEP 572).
      std::shared_ptr<Scope> target = scope;
      while (target->parent && target->comprehension) target = target->parent;
      bind(target, e.a->name, v);
      return v;
    }
  }
  return Value();
}

// A mapping as a dict: a dict itself, or a user class with keys() and __getitem__ (defaultdict,
// Counter, a user Mapping), read into a new dict; anything else as it is.
Value Interpreter::as_dict(const Value& v) {
  if (v.get<DictObj>() || !v.get<InstanceObj>()) return v;
  const auto keys = try_getattr(v, "keys");
  if (!keys || !dunder(v, "__getitem__")) return v;
  auto d = std::make_shared<DictObj>();
  for (const Value& k : to_vector(call(*keys, std::vector<Value>{}))) d->items.emplace_back(k, subscript(v, k));
  return Value(ObjPtr(d));
}

Value Interpreter::yield_value(const Expr& e, const std::shared_ptr<Scope>& scope) {
  if (yield_sinks_.empty()) error("SyntaxError", "'yield' outside function");
  IteratorObj& gen = *yield_sinks_.back();
  std::vector<Value>& sink = gen.items;
  const auto put = [&](const Value& v) {
    if (gen.on_yield) {
      where_ = e.where;
      gen.on_yield(v);
      return;
    }
    sink.push_back(v);
    if (sink.size() > kMaxGeneratorItems) {
      where_ = e.where;
      error("NotImplementedError", "not supported in initlab: a generator that yields more than " +
                                       std::to_string(kMaxGeneratorItems) +
                                       " values (initlab runs a generator to its end when it is first iterated, "
                                       "so an endless one cannot work; bound the loop)");
    }
  };
  if (e.name == "from") {
    const Value source = eval(*e.a, scope);
    where_ = e.where;
    iterate(source, [&](const Value& v) {
      put(v);
      return true;
    });
    return Value();  // the sub-generator's return value is not kept
  }
  put(e.a ? eval(*e.a, scope) : Value());
  return Value();  // initlab's generators are never sent values
}

// A call of a generator function: the body runs in its scope on the first next() (or the
// first iteration), collecting what it yields; the generator then hands the values out.
Value Interpreter::make_generator(FunctionObj& fn, const std::shared_ptr<Scope>& scope) {
  auto g = std::make_shared<IteratorObj>();
  g->type = "generator";
  IteratorObj* self = g.get();
  const Body* body = fn.body;
  const std::string qualname = fn.qualname;
  g->fill = [this, self, body, scope, qualname]() {
    if (depth_ >= limits_.max_depth) {
      error("RecursionError", "maximum recursion depth exceeded (" + std::to_string(limits_.max_depth) +
                                  " nested calls); raise the max_depth limit to allow more");
    }
    if (!stack_.empty()) stack_.back().where = where_;
    stack_.push_back({qualname, {}});
    yield_sinks_.push_back(self);
    ++depth_;
    struct Restore {
      Interpreter& in;
      Location at;
      ~Restore() {
        --in.depth_;
        in.yield_sinks_.pop_back();
        in.stack_.pop_back();
        in.where_ = at;
      }
    } restore{*this, where_};
    exec_block(*body, scope);
    return_value_ = Value();
  };
  return Value(ObjPtr(g));
}

Value Interpreter::comprehension(const Expr& e, const std::shared_ptr<Scope>& scope) {
  auto inner = std::make_shared<Scope>();
  inner->parent = scope;
  inner->comprehension = true;
  std::vector<Value> out;
  auto d = std::make_shared<DictObj>();
  std::function<void(std::size_t)> loop = [&](std::size_t level) {
    if (level == e.generators.size()) {
      if (e.kind == ExprKind::DictComp) {
        const Value k = eval(*e.a, inner);
        const Value v = eval(*e.b, inner);
        auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return equal(kv.first, k); });
        if (it != d->items.end()) it->second = v;
        else d->items.emplace_back(k, v);
      } else {
        out.push_back(eval(*e.a, inner));
        check_list_size(static_cast<int64_t>(out.size()));
      }
      return;
    }
    const Comprehension& g = e.generators[level];
    const Value iterable = eval(*g.iter, level == 0 ? scope : inner);
    iterate(iterable, [&](const Value& item) {
      step();
      assign(*g.target, item, inner);
      for (const auto& cond : g.ifs)
        if (!truthy(eval(*cond, inner))) return true;
      loop(level + 1);
      return true;
    });
  };
  loop(0);
  if (e.kind == ExprKind::DictComp) return Value(ObjPtr(d));
  if (e.kind == ExprKind::SetComp) {
    auto set = std::make_shared<SetObj>();
    for (const Value& v : out) set_add(*set, v);
    return Value(ObjPtr(set));
  }
  if (e.kind == ExprKind::GenExp) {
    // Evaluated ahead, like a generator function (see make_generator).
    auto g = std::make_shared<IteratorObj>();
    g->type = "generator";
    g->items = std::move(out);
    return Value(ObjPtr(g));
  }
  return make_list(std::move(out));
}

Value Interpreter::fstring(const Expr& e, const std::shared_ptr<Scope>& scope) {
  std::string out;
  for (const FStringPart& p : e.parts) {
    out += p.literal;
    if (!p.expr) continue;
    const Value v = eval(*p.expr, scope);
    where_ = p.expr->where;
    if (p.self_documenting) out += p.source;
    std::string text;
    const std::string spec_text = p.spec_expr ? fstring(*p.spec_expr, scope).as_str() : p.spec;
    if (p.conversion == 'r' || p.conversion == 'a' || (p.self_documenting && p.conversion == 0 && spec_text.empty())) {
      text = repr(v);
    } else if (p.conversion == 's') {
      text = str(v);
    }
    if (p.conversion != 0 || (p.self_documenting && spec_text.empty())) {
      out += spec_text.empty() ? text : format_value(*this, Value(text), spec_text);
    } else {
      out += format_value(*this, v, spec_text);
    }
    check_string_size(static_cast<int64_t>(out.size()));
  }
  return Value(out);
}

Value Interpreter::call_expr(const Expr& e, const std::shared_ptr<Scope>& scope) {
  const Value fn = eval(*e.a, scope);
  CallArgs args;
  for (const auto& item : e.items) {
    if (item->kind == ExprKind::Starred) {
      for (const Value& v : to_vector(eval(*item->a, scope))) args.positional.push_back(v);
    } else {
      args.positional.push_back(eval(*item, scope));
    }
  }
  for (const Keyword& k : e.keywords) {
    const Value v = eval(*k.value, scope);
    if (!k.name.empty()) {
      args.keywords.emplace_back(k.name, v);
      continue;
    }
    const Value mapping = as_dict(v);
    auto* d = mapping.get<DictObj>();
    if (!d) {
      where_ = k.where;
      error("TypeError", "argument after ** must be a mapping, not " + type_name(v));
    }
    for (const auto& [key, val] : d->items) {
      if (!key.is_str()) error("TypeError", "keywords must be strings");
      for (const auto& existing : args.keywords)
        if (existing.first == key.as_str()) error("TypeError", "got multiple values for keyword argument '" + key.as_str() + "'");
      args.keywords.emplace_back(key.as_str(), val);
    }
  }
  where_ = e.where;
  args.where = e.where;
  return call(fn, args);
}

}  // namespace initlab::script
