#include "interpreter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/pyformat.hpp"
#include "numpy_bindings.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

// Python's exception class for a core error.
std::string kind_of(const initlab::Error& e) { return kind_name(e.kind()); }

bool checked_add(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }
bool checked_sub(int64_t a, int64_t b, int64_t* out) { return !__builtin_sub_overflow(a, b, out); }
bool checked_mul(int64_t a, int64_t b, int64_t* out) { return !__builtin_mul_overflow(a, b, out); }

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t py_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

std::string quote(const std::string& s) {
  const bool use_double = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = use_double ? '"' : '\'';
  std::string out(1, q);
  for (const char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == q) {
          out += '\\';
          out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + q;
}

}  // namespace

int64_t RangeObj::size() const {
  if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
  return start > stop ? (start - stop - step - 1) / (-step) : 0;
}

const Value* ClassObj::find(const std::string& attr) const {
  auto it = attrs.find(attr);
  if (it != attrs.end()) return &it->second;
  for (const auto& b : bases)
    if (const Value* v = b->find(attr)) return v;
  return nullptr;
}

// Drops expired entries from a list of weak pointers once it has doubled, so loops that make
// many short-lived closures or instances keep it small.
template <class T>
void prune(std::vector<std::weak_ptr<T>>& v) {
  if (v.size() < 1024 || (v.size() & (v.size() - 1)) != 0) return;
  v.erase(std::remove_if(v.begin(), v.end(), [](const std::weak_ptr<T>& w) { return w.expired(); }), v.end());
}

Value make_list(std::vector<Value> items) {
  auto l = std::make_shared<ListObj>();
  l->items = std::move(items);
  return Value(ObjPtr(l));
}

Value make_tuple(std::vector<Value> items) {
  auto t = std::make_shared<TupleObj>();
  t->items = std::move(items);
  return Value(ObjPtr(t));
}

Value make_tensor(Tensor t, bool parameter) {
  auto o = std::make_shared<TensorObj>();
  o->tensor = std::move(t);
  o->parameter = parameter;
  return Value(ObjPtr(o));
}

Value make_builtin(std::string name, Native fn) {
  auto b = std::make_shared<BuiltinObj>();
  b->name = std::move(name);
  b->fn = std::move(fn);
  return Value(ObjPtr(b));
}

std::string type_name(const Value& v) {
  if (v.is_none()) return "NoneType";
  if (v.is_bool()) return "bool";
  if (v.is_int()) return "int";
  if (v.is_float()) return "float";
  if (v.is_str()) return "str";
  return v.as_obj()->type_name();
}

Interpreter::Interpreter(const Source& source, Limits limits,
                         std::function<void(const std::string&)> print)
    : source_(source), limits_(limits), print_(std::move(print)),
      globals_(std::make_shared<Scope>()), start_(std::chrono::steady_clock::now()) {
  globals_->vars["__name__"] = Value("__main__");
  install_builtins(*this);
  install_torch(*this);
  install_datasets(*this);
  install_random(*this);
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
  while (!stack.empty()) {
    const Value v = stack.back();
    stack.pop_back();
    if (!v.is_obj()) continue;
    Object* o = v.as_obj().get();
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
    if (auto* f = dynamic_cast<FunctionObj*>(o)) {
      for (const Value& x : f->defaults) stack.push_back(x);
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
      f->closure.reset();
    }
    if (auto* c = dynamic_cast<ClassObj*>(o)) {
      c->attrs.clear();
      c->bases.clear();
    }
    if (auto* i = dynamic_cast<InstanceObj*>(o)) i->attrs.clear();
    if (auto* b = dynamic_cast<BoundMethodObj*>(o)) b->self = b->fn = Value();
    if (auto* s = dynamic_cast<SuperObj*>(o)) s->self = Value();
    if (auto* m = dynamic_cast<ModuleObj*>(o)) {
      for (auto& [path, sub] : m->module->named_modules())
        if (auto* sm = dynamic_cast<ScriptModule*>(sub)) sm->attrs.clear();
    }
  }
  for (Scope* s : scopes) s->vars.clear();
  module_attrs_.clear();
  created_.clear();
}

void Interpreter::run(const Program& program) {
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
      if (current.get<ListObj>() && s.name == "+") {
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
        scope->vars[t.name] = result;
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
      for (auto it = s.decorators.rbegin(); it != s.decorators.rend(); ++it) {
        const Value d = eval(**it, scope);
        // @torch.no_grad(): the function runs with grad mode off.
        if (d.get<NoGradObj>()) {
          if (auto* f = fn.get<FunctionObj>()) f->no_grad = true;
          continue;
        }
        fn = call(d, {fn});
      }
      scope->vars[s.name] = fn;
      return Flow::Normal;
    }
    case StmtKind::ClassDef:
      define_class(s, scope);
      return Flow::Normal;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
      do_import(s, scope);
      return Flow::Normal;
    case StmtKind::With: {
      // torch.no_grad() turns autograd's grad mode off for the block (restored on the way
      // out, by an error too).
      autograd::NoGrad no_grad;
      for (const auto& [ctx, target] : s.items) {
        const Value c = eval(*ctx, scope);
        if (!c.get<NoGradObj>()) {
          where_ = ctx->where;
          error("NotImplementedError", "not supported in initlab: 'with' on anything but torch.no_grad()");
        }
        if (target) assign(*target, c, scope);
      }
      return exec_block(s.body, scope);
    }
    case StmtKind::Raise: {
      if (!s.value) error("RuntimeError", "No active exception to reraise");
      const Value v = eval(*s.value, scope);
      where_ = s.where;
      if (auto* inst = v.get<InstanceObj>()) {
        auto it = inst->attrs.find("args");
        error(inst->cls->name, it != inst->attrs.end() ? str(it->second) : "");
      }
      if (auto* b = v.get<BuiltinObj>()) error(b->name, "");
      if (v.get<TupleObj>() && v.get<TupleObj>()->items.size() == 2 && v.get<TupleObj>()->items[0].is_str()) {
        error(v.get<TupleObj>()->items[0].as_str(), str(v.get<TupleObj>()->items[1]));
      }
      error("TypeError", "exceptions must derive from BaseException");
    }
    case StmtKind::Delete:
      for (const auto& t : s.targets) {
        if (t->kind == ExprKind::Name) {
          if (!scope->vars.erase(t->name)) {
            where_ = t->where;
            error("NameError", "name '" + t->name + "' is not defined");
          }
        } else if (t->kind == ExprKind::Subscript) {
          const Value obj = eval(*t->a, scope);
          const Value idx = eval(*t->b, scope);
          if (auto* l = obj.get<ListObj>()) {
            if (!idx.is_int() && !idx.is_bool()) error("TypeError", "list indices must be integers or slices, not " + type_name(idx));
            int64_t i = idx.as_int();
            const auto n = static_cast<int64_t>(l->items.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) error("IndexError", "list assignment index out of range");
            l->items.erase(l->items.begin() + i);
          } else if (auto* d = obj.get<DictObj>()) {
            auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return equal(kv.first, idx); });
            if (it == d->items.end()) error("KeyError", repr(idx));
            d->items.erase(it);
          } else {
            error("TypeError", "'" + type_name(obj) + "' object does not support item deletion");
          }
        } else {
          where_ = t->where;
          error("NotImplementedError", "not supported in initlab: del of attributes");
        }
      }
      return Flow::Normal;
  }
  return Flow::Normal;
}

void Interpreter::do_import(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  const auto find = [&](const std::string& module) -> Value {
    auto it = importable_.find(module);
    if (auto lazy = lazy_modules_.find(module); it == importable_.end() && lazy != lazy_modules_.end()) {
      lazy->second(*this);
      it = importable_.find(module);
    }
    if (it == importable_.end()) {
      error("ModuleNotFoundError", "No module named '" + module + "' (initlab runs torch, torch.nn, "
                                   "torch.nn.functional, torch.nn.init, math, random, numpy and initlab.datasets)");
    }
    return it->second;
  };
  if (s.kind == StmtKind::Import) {
    for (const auto& [module, alias] : s.names) {
      const Value m = find(module);
      if (!alias.empty()) {
        scope->vars[alias] = m;
      } else {
        // "import torch.nn" binds "torch"
        const std::string top = module.substr(0, module.find('.'));
        scope->vars[top] = find(top);
      }
    }
    return;
  }
  const Value m = find(s.module);
  for (const auto& [name, alias] : s.names) {
    if (name == "*") {
      if (auto* ns = m.get<NamespaceObj>())
        for (const auto& [k, v] : ns->members) scope->vars[k] = v;
      continue;
    }
    auto sub = importable_.find(s.module + "." + name);
    if (sub != importable_.end()) {
      scope->vars[alias.empty() ? name : alias] = sub->second;
      continue;
    }
    const auto v = try_getattr(m, name);
    if (!v) error("ImportError", "cannot import name '" + name + "' from '" + s.module + "'");
    scope->vars[alias.empty() ? name : alias] = *v;
  }
}

void Interpreter::define_class(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  auto cls = std::make_shared<ClassObj>();
  cls->name = s.name;
  for (const auto& b : s.bases) {
    const Value base = eval(*b, scope);
    if (auto* c = base.get<ClassObj>()) {
      cls->bases.push_back(std::static_pointer_cast<ClassObj>(base.as_obj()));
      cls->module_subclass = cls->module_subclass || c->module_subclass;
    } else if (auto* n = base.get<NativeClassObj>()) {
      if (n->name == "Module") {
        cls->module_subclass = true;
      } else if (n->name != "object") {
        where_ = b->where;
        error("NotImplementedError", "not supported in initlab: deriving a class from " + n->qualified +
                                         " (derive from nn.Module or from your own classes)");
      }
    } else {
      where_ = b->where;
      error("TypeError", "bases must be classes, not " + type_name(base));
    }
  }
  auto body_scope = std::make_shared<Scope>();
  body_scope->parent = scope;
  body_scope->class_body = true;
  for (const StmtPtr& st : s.body) {
    if (st->kind == StmtKind::FunctionDef) {
      Value fn = make_function(st->name, st->params, &st->body, nullptr, scope, cls.get());
      where_ = st->where;
      for (auto it = st->decorators.rbegin(); it != st->decorators.rend(); ++it) {
        const Value d = eval(**it, scope);
        if (d.get<NoGradObj>()) {
          if (auto* f = fn.get<FunctionObj>()) f->no_grad = true;
          continue;
        }
        if (auto* b = d.get<BuiltinObj>(); b && (b->name == "staticmethod" || b->name == "property")) {
          error("NotImplementedError", "not supported in initlab: @" + b->name);
        }
        fn = call(d, {fn});
      }
      cls->attrs[st->name] = fn;
      body_scope->vars[st->name] = fn;
    } else {
      const Flow f = exec(*st, body_scope);
      (void)f;
    }
  }
  for (const auto& [k, v] : body_scope->vars)
    if (!cls->attrs.count(k)) cls->attrs[k] = v;
  scope->vars[s.name] = Value(ObjPtr(cls));
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

void Interpreter::assign(const Expr& target, const Value& value, const std::shared_ptr<Scope>& scope) {
  switch (target.kind) {
    case ExprKind::Name:
      scope->vars[target.name] = value;
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
  for (const Scope* s = scope.get(); s != nullptr; s = s->parent.get()) {
    auto it = s->vars.find(name);
    if (it != s->vars.end()) return it->second;
  }
  auto g = globals_->vars.find(name);
  if (g != globals_->vars.end()) return g->second;
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
          const Value m = eval(*e.values[i], scope);
          auto* src = m.get<DictObj>();
          if (!src) error("TypeError", "'" + type_name(m) + "' object is not a mapping");
          for (const auto& kv : src->items) d->items.push_back(kv);
          continue;
        }
        const Value k = eval(*e.items[i], scope);
        const Value v = eval(*e.values[i], scope);
        if (k.is_obj() && !k.get<TupleObj>()) error("TypeError", "unhashable type: '" + type_name(k) + "'");
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
  }
  return Value();
}

Value Interpreter::comprehension(const Expr& e, const std::shared_ptr<Scope>& scope) {
  auto inner = std::make_shared<Scope>();
  inner->parent = scope;
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
    if (p.conversion == 'r' || p.conversion == 'a' || (p.self_documenting && p.conversion == 0 && p.spec.empty())) {
      text = repr(v);
    } else if (p.conversion == 's') {
      text = str(v);
    }
    if (p.conversion != 0 || (p.self_documenting && p.spec.empty())) {
      out += p.spec.empty() ? text : format_value(*this, Value(text), p.spec);
    } else {
      out += format_value(*this, v, p.spec);
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
    auto* d = v.get<DictObj>();
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

namespace initlab::script {

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
  error("TypeError", "'" + type_name(fn) + "' object is not callable");
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
  scope->parent = fn.closure == globals_ ? nullptr : fn.closure;
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
  if (const Value* init = cls->find("__init__")) {
    if (auto* f = init->get<FunctionObj>()) {
      const Value r = call_function(*f, args, &self);
      if (!r.is_none()) error("TypeError", "__init__() should return None, not '" + type_name(r) + "'");
    }
  } else if (!args.positional.empty() || !args.keywords.empty()) {
    error("TypeError", cls->name + "() takes no arguments");
  }
  return self;
}

Value Interpreter::call_method(const Value& self, const std::string& name, CallArgs& args) {
  const Value m = getattr(self, name);
  return call(m, args);
}

// ---------------------------------------------------------------------------------------
// attributes

Value Interpreter::getattr(const Value& object, const std::string& name) {
  if (auto v = try_getattr(object, name)) return *v;
  if (auto* ns = object.get<NamespaceObj>()) {
    error("AttributeError", "module '" + ns->name + "' has no attribute '" + name + "'" +
                                (ns->name.rfind("torch", 0) == 0 || ns->name.rfind("numpy", 0) == 0 ? " (or initlab does not support it yet)" : ""));
  }
  if (auto* m = object.get<ModuleObj>()) {
    error("AttributeError", "'" + m->module->type_name() + "' object has no attribute '" + name + "'");
  }
  if (auto* c = object.get<ClassObj>()) error("AttributeError", "type object '" + c->name + "' has no attribute '" + name + "'");
  error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

std::optional<Value> Interpreter::try_getattr(const Value& object, const std::string& name) {
  const auto bind = [&](const Value& fn) -> Value {
    if (fn.get<FunctionObj>()) {
      auto m = std::make_shared<BoundMethodObj>();
      m->self = object;
      m->fn = fn;
      return Value(ObjPtr(m));
    }
    return fn;
  };
  if (auto* ns = object.get<NamespaceObj>()) {
    auto it = ns->members.find(name);
    if (it != ns->members.end()) return it->second;
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
    auto it = inst->attrs.find(name);
    if (it != inst->attrs.end()) return it->second;
    if (const Value* v = inst->cls->find(name)) return bind(*v);
    return std::nullopt;
  }
  if (auto* c = object.get<ClassObj>()) {
    if (name == "__name__") return Value(c->name);
    if (const Value* v = c->find(name)) return *v;
    return std::nullopt;
  }
  if (auto* n = object.get<NativeClassObj>()) {
    if (name == "__name__") return Value(n->name);
    return std::nullopt;
  }
  if (auto* s = object.get<SuperObj>()) {
    // Search the bases of the defining class; nn.Module's own methods come last.
    if (s->owner) {
      for (const auto& b : s->owner->bases)
        if (const Value* v = b->find(name)) {
          auto m = std::make_shared<BoundMethodObj>();
          m->self = s->self;
          m->fn = *v;
          return Value(ObjPtr(m));
        }
    }
    if (name == "__init__") {
      Value self = s->self;
      return make_builtin("__init__", [self](Interpreter&, CallArgs&) {
        if (auto* m = self.get<ModuleObj>())
          if (auto* sm = dynamic_cast<ScriptModule*>(m->module.get())) sm->init_called = true;
        return Value();
      });
    }
    if (s->self.get<ModuleObj>()) return module_attribute(*this, s->self, name);
    return std::nullopt;
  }
  if (object.is_str()) {
    // str methods live with the builtins (builtins.cpp registers them as "str.<name>").
    auto it = builtins_.find("str." + name);
    if (it == builtins_.end()) return std::nullopt;
    auto m = std::make_shared<BoundMethodObj>();
    m->self = object;
    m->fn = it->second;
    return Value(ObjPtr(m));
  }
  for (const char* prefix : {"list.", "dict.", "tuple."}) {
    const std::string p(prefix);
    const std::string t = p.substr(0, p.size() - 1);
    if (type_name(object) == t || (t == "tuple" && object.get<TupleObj>())) {
      auto it = builtins_.find(p + name);
      if (it == builtins_.end()) return std::nullopt;
      auto m = std::make_shared<BoundMethodObj>();
      m->self = object;
      m->fn = it->second;
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
    inst->attrs[name] = value;
    return;
  }
  if (auto* c = object.get<ClassObj>()) {
    c->attrs[name] = value;
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
  if (auto* ns = object.get<NamespaceObj>()) {
    error("AttributeError", "initlab does not allow changing the module '" + ns->name + "'");
  }
  error("AttributeError", "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

// ---------------------------------------------------------------------------------------
// operators

bool Interpreter::truthy(const Value& v) {
  if (v.is_none()) return false;
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int() != 0;
  if (v.is_float()) return v.as_float() != 0.0;
  if (v.is_str()) return !v.as_str().empty();
  if (auto* l = v.get<ListObj>()) return !l->items.empty();
  if (auto* t = v.get<TupleObj>()) return !t->items.empty();
  if (auto* d = v.get<DictObj>()) return !d->items.empty();
  if (auto* r = v.get<RangeObj>()) return r->size() > 0;
  if (v.get<NdArrayObj>()) return numpy_truthy(*this, v);
  if (auto* t = v.get<TensorObj>()) {
    if (t->tensor.numel() != 1) {
      error("RuntimeError", t->tensor.numel() == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                   : "Boolean value of Tensor with more than one value is ambiguous");
    }
    return t->tensor.contiguous().data()[0] != 0.0f;
  }
  return true;
}

bool Interpreter::equal(const Value& a, const Value& b) {
  struct Depth {
    int& d;
    explicit Depth(int& x) : d(x) { ++d; }
    ~Depth() { --d; }
  } depth(compare_depth_);
  if (compare_depth_ > 200) error("RecursionError", "maximum recursion depth exceeded in comparison");
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() == b.as_float();
    return a.as_int() == b.as_int();
  }
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();
  if (a.is_str() && b.is_str()) return a.as_str() == b.as_str();
  if (a.is_str() || b.is_str()) return false;
  const auto seq = [&](const std::vector<Value>& x, const std::vector<Value>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!equal(x[i], y[i])) return false;
    return true;
  };
  if (a.get<ListObj>() && b.get<ListObj>()) return seq(a.get<ListObj>()->items, b.get<ListObj>()->items);
  if (a.get<TupleObj>() && b.get<TupleObj>()) return seq(a.get<TupleObj>()->items, b.get<TupleObj>()->items);
  if (a.get<TupleObj>() && a.get<TupleObj>()->is_size && b.get<ListObj>()) return seq(a.get<TupleObj>()->items, b.get<ListObj>()->items);
  if (a.get<DictObj>() && b.get<DictObj>()) {
    const auto& x = a.get<DictObj>()->items;
    const auto& y = b.get<DictObj>()->items;
    if (x.size() != y.size()) return false;
    for (const auto& kv : x) {
      auto it = std::find_if(y.begin(), y.end(), [&](const auto& o) { return equal(o.first, kv.first); });
      if (it == y.end() || !equal(it->second, kv.second)) return false;
    }
    return true;
  }
  if (a.get<ModuleObj>() && b.get<ModuleObj>()) return a.get<ModuleObj>()->module == b.get<ModuleObj>()->module;
  if (a.get<TensorObj>() && b.get<TensorObj>()) {
    const Tensor& x = a.get<TensorObj>()->tensor;
    const Tensor& y = b.get<TensorObj>()->tensor;
    return x.shares_storage_with(y) && x.data() == y.data() && x.shape() == y.shape();
  }
  if (a.is_obj() && b.is_obj()) return a.as_obj() == b.as_obj();
  return false;
}

namespace {

bool same_object(const Value& a, const Value& b) {
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();
  if (a.is_bool() && b.is_bool()) return a.as_bool() == b.as_bool();
  if (a.get<ModuleObj>() && b.get<ModuleObj>()) return a.get<ModuleObj>()->module == b.get<ModuleObj>()->module;
  if (a.get<TensorObj>() && b.get<TensorObj>()) {
    const Tensor& x = a.get<TensorObj>()->tensor;
    const Tensor& y = b.get<TensorObj>()->tensor;
    return x.shares_storage_with(y) && x.data() == y.data() && x.shape() == y.shape() && x.strides() == y.strides();
  }
  if (a.is_obj() && b.is_obj()) return a.as_obj() == b.as_obj();
  if (a.is_int() && b.is_int()) return a.as_int() == b.as_int() && a.as_int() >= -5 && a.as_int() <= 256;
  if (a.is_str() && b.is_str()) return a.as_str() == b.as_str();
  return false;
}

}  // namespace

Value Interpreter::compare(const std::string& op, const Value& a, const Value& b) {
  if (op == "is") return Value(same_object(a, b));
  if (op == "is not") return Value(!same_object(a, b));
  if (op == "in" || op == "not in") {
    bool found = false;
    if (b.is_str()) {
      if (!a.is_str()) error("TypeError", "'in <string>' requires string as left operand, not " + type_name(a));
      found = b.as_str().find(a.as_str()) != std::string::npos;
    } else if (auto* d = b.get<DictObj>()) {
      for (const auto& kv : d->items) found = found || equal(kv.first, a);
    } else if (b.get<NdArrayObj>()) {
      found = truthy(call(getattr(numpy_binary(*this, "==", b, a), "any"), std::vector<Value>{}));
    } else if (b.get<ListObj>() || b.get<TupleObj>() || b.get<RangeObj>() || b.get<ModuleObj>()) {
      iterate(b, [&](const Value& item) {
        found = equal(item, a);
        return !found;
      });
    } else {
      error("TypeError", "argument of type '" + type_name(b) + "' is not iterable");
    }
    return Value(op == "in" ? found : !found);
  }
  if (is_numpy(a) || is_numpy(b)) return numpy_binary(*this, op, a, b);
  if (a.get<TensorObj>() || b.get<TensorObj>()) return tensor_binary(*this, op, a, b);
  if (op == "==") return Value(equal(a, b));
  if (op == "!=") return Value(!equal(a, b));
  // Ordering.
  int c = 0;
  bool ok = false;
  if (a.is_number() && b.is_number()) {
    ok = true;
    if (a.is_float() || b.is_float()) {
      const double x = a.as_float(), y = b.as_float();
      if (std::isnan(x) || std::isnan(y)) return Value(false);
      c = x < y ? -1 : (x > y ? 1 : 0);
    } else {
      c = a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
    }
  } else if (a.is_str() && b.is_str()) {
    ok = true;
    c = a.as_str().compare(b.as_str());
    c = c < 0 ? -1 : (c > 0 ? 1 : 0);
  } else if ((a.get<ListObj>() && b.get<ListObj>()) || (a.get<TupleObj>() && b.get<TupleObj>())) {
    ok = true;
    const auto& x = a.get<ListObj>() ? a.get<ListObj>()->items : a.get<TupleObj>()->items;
    const auto& y = b.get<ListObj>() ? b.get<ListObj>()->items : b.get<TupleObj>()->items;
    std::size_t i = 0;
    while (i < x.size() && i < y.size() && equal(x[i], y[i])) ++i;
    if (i < x.size() && i < y.size()) {
      return compare(op, x[i], y[i]);
    }
    c = x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
  }
  if (!ok) {
    error("TypeError", "'" + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
  }
  if (op == "<") return Value(c < 0);
  if (op == "<=") return Value(c <= 0);
  if (op == ">") return Value(c > 0);
  return Value(c >= 0);
}

Value Interpreter::binary(const std::string& op, const Value& a, const Value& b) {
  if (is_numpy(a) || is_numpy(b)) return numpy_binary(*this, op, a, b);
  if (a.get<TensorObj>() || b.get<TensorObj>()) return tensor_binary(*this, op, a, b);
  const auto unsupported = [&]() -> Value {
    error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
  };
  if (a.is_number() && b.is_number()) {
    const bool ints = !a.is_float() && !b.is_float();
    if (op == "/") {
      if (b.as_float() == 0.0) error("ZeroDivisionError", ints ? "division by zero" : "float division by zero");
      return Value(a.as_float() / b.as_float());
    }
    if (ints) {
      const int64_t x = a.as_int(), y = b.as_int();
      int64_t r = 0;
      const auto overflow = [&]() -> Value { error("OverflowError", "integer overflow (initlab's ints are 64-bit)"); };
      if (op == "+") return checked_add(x, y, &r) ? Value(r) : overflow();
      if (op == "-") return checked_sub(x, y, &r) ? Value(r) : overflow();
      if (op == "*") return checked_mul(x, y, &r) ? Value(r) : overflow();
      if (op == "//" || op == "%") {
        if (y == 0) error("ZeroDivisionError", op == "%" ? "integer modulo by zero" : "integer division or modulo by zero");
        if (x == std::numeric_limits<int64_t>::min() && y == -1) return overflow();
        return Value(op == "//" ? floor_div(x, y) : py_mod(x, y));
      }
      if (op == "**") {
        if (y < 0) {
          if (x == 0) error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
          return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
        }
        int64_t result = 1, base = x, e = y;
        while (e > 0) {
          if (e & 1) {
            if (!checked_mul(result, base, &result)) return overflow();
          }
          e >>= 1;
          if (e > 0 && !checked_mul(base, base, &base)) return overflow();
        }
        return Value(result);
      }
      if (op == "&") return Value(x & y);
      if (op == "|") return Value(x | y);
      if (op == "^") return Value(x ^ y);
      if (op == "<<" || op == ">>") {
        if (y < 0) error("ValueError", "negative shift count");
        if (op == ">>") return Value(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
        if (y >= 63 || (x != 0 && (x > (std::numeric_limits<int64_t>::max() >> y) || x < (std::numeric_limits<int64_t>::min() >> y)))) return overflow();
        return Value(x << y);
      }
      if (a.is_bool() && b.is_bool() && (op == "&" || op == "|" || op == "^")) return Value(false);
      return unsupported();
    }
    const double x = a.as_float(), y = b.as_float();
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (op == "//" || op == "%") {
      if (y == 0.0) error("ZeroDivisionError", op == "//" ? "float floor division by zero" : "float modulo");
      double m = std::fmod(x, y);
      if (m != 0.0 && ((m < 0) != (y < 0))) m += y;
      if (op == "%") return Value(m);
      return Value(std::floor((x - m) / y + 0.5) == (x - m) / y ? (x - m) / y : std::floor(x / y));
    }
    if (op == "**") {
      if (x == 0.0 && y < 0) error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
      if (x < 0 && std::floor(y) != y) error("ValueError", "math domain error (a negative number to a fractional power is complex; initlab has no complex numbers)");
      const double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) error("OverflowError", "(34, 'Numerical result out of range')");
      return Value(r);
    }
    return unsupported();
  }
  if (a.is_str() && b.is_str() && op == "+") {
    check_string_size(static_cast<int64_t>(a.as_str().size() + b.as_str().size()));
    return Value(a.as_str() + b.as_str());
  }
  if (op == "%" && a.is_str()) return Value(percent_format(*this, a.as_str(), b));
  if (op == "*" && ((a.is_str() && (b.is_int() || b.is_bool())) || (b.is_str() && (a.is_int() || a.is_bool())))) {
    const std::string& s = a.is_str() ? a.as_str() : b.as_str();
    const int64_t n = std::max<int64_t>(0, a.is_str() ? b.as_int() : a.as_int());
    check_string_size(static_cast<int64_t>(s.size()) * std::min<int64_t>(n, limits_.max_string + 1));
    std::string out;
    for (int64_t i = 0; i < n; ++i) out += s;
    return Value(out);
  }
  const auto seq_of = [](const Value& v) -> const std::vector<Value>* {
    if (auto* l = v.get<ListObj>()) return &l->items;
    if (auto* t = v.get<TupleObj>()) return &t->items;
    return nullptr;
  };
  const auto* sa = seq_of(a);
  const auto* sb = seq_of(b);
  if (op == "+" && sa && sb && (a.get<ListObj>() != nullptr) == (b.get<ListObj>() != nullptr)) {
    std::vector<Value> out = *sa;
    out.insert(out.end(), sb->begin(), sb->end());
    check_list_size(static_cast<int64_t>(out.size()));
    return a.get<ListObj>() ? make_list(std::move(out)) : make_tuple(std::move(out));
  }
  if (op == "*" && ((sa && (b.is_int() || b.is_bool())) || (sb && (a.is_int() || a.is_bool())))) {
    const auto* s = sa ? sa : sb;
    const int64_t n = std::max<int64_t>(0, sa ? b.as_int() : a.as_int());
    check_list_size(static_cast<int64_t>(s->size()) * std::min<int64_t>(n, limits_.max_list + 1));
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), s->begin(), s->end());
    return (sa ? a : b).get<ListObj>() ? make_list(std::move(out)) : make_tuple(std::move(out));
  }
  return unsupported();
}

// ---------------------------------------------------------------------------------------
// subscripts and iteration

namespace {

bool is_slice(const Value& v) {
  auto* t = v.get<TupleObj>();
  return t && t->items.size() == 4 && t->items[0].is_str() && t->items[0].as_str() == "__slice__";
}

}  // namespace

// The indices a Python slice selects from a sequence of n items (PySlice_AdjustIndices).
std::vector<int64_t> Interpreter::slice_indices(int64_t n, const Value& slice) {
  auto* t = slice.get<TupleObj>();
  const auto get = [&](const Value& v) {
    if (!v.is_int() && !v.is_bool()) error("TypeError", "slice indices must be integers or None or have an __index__ method");
    return v.as_int();
  };
  const int64_t step = t->items[3].is_none() ? 1 : get(t->items[3]);
  if (step == 0) error("ValueError", "slice step cannot be zero");
  const auto adjust = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t x = get(v);
    if (x < 0) {
      x += n;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= n) {
      x = step < 0 ? n - 1 : n;
    }
    return x;
  };
  const int64_t lo = adjust(t->items[1], step < 0 ? n - 1 : 0);
  const int64_t hi = adjust(t->items[2], step < 0 ? -1 : n);
  std::vector<int64_t> out;
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step) out.push_back(i);
  return out;
}

Value Interpreter::subscript(const Value& object, const Value& index) {
  if (object.get<TensorObj>()) return tensor_subscript(*this, object, index);
  if (object.get<NdArrayObj>()) return numpy_subscript(*this, object, index);
  const auto seq_index = [&](int64_t n, const char* what) {
    if (!index.is_int() && !index.is_bool()) {
      error("TypeError", std::string(what) + " indices must be integers or slices, not " + type_name(index));
    }
    int64_t i = index.as_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) error("IndexError", std::string(what) + " index out of range");
    return static_cast<std::size_t>(i);
  };
  const auto slice_of = [&](const std::vector<Value>& items) {
    std::vector<Value> out;
    for (int64_t i : slice_indices(static_cast<int64_t>(items.size()), index)) out.push_back(items[static_cast<std::size_t>(i)]);
    return out;
  };
  if (auto* l = object.get<ListObj>()) {
    if (is_slice(index)) return make_list(slice_of(l->items));
    return l->items[seq_index(static_cast<int64_t>(l->items.size()), "list")];
  }
  if (auto* t = object.get<TupleObj>()) {
    if (is_slice(index)) {
      Value r = make_tuple(slice_of(t->items));
      r.get<TupleObj>()->is_size = t->is_size;
      return r;
    }
    return t->items[seq_index(static_cast<int64_t>(t->items.size()), "tuple")];
  }
  if (object.is_str()) {
    std::vector<Value> chars;
    for (char c : object.as_str()) chars.emplace_back(std::string(1, c));
    if (is_slice(index)) {
      std::string s;
      for (const Value& c : slice_of(chars)) s += c.as_str();
      return Value(s);
    }
    return chars[seq_index(static_cast<int64_t>(chars.size()), "string")];
  }
  if (auto* d = object.get<DictObj>()) {
    for (const auto& kv : d->items)
      if (equal(kv.first, index)) return kv.second;
    error("KeyError", repr(index));
  }
  if (auto* r = object.get<RangeObj>()) {
    const std::size_t i = seq_index(r->size(), "range object");
    return Value(r->start + static_cast<int64_t>(i) * r->step);
  }
  if (auto* m = object.get<ModuleObj>()) {
    // Sequential and ModuleList index like lists.
    const auto& children = m->module->children();
    if (is_slice(index)) error("NotImplementedError", "not supported in initlab: slicing a " + m->module->type_name());
    const std::size_t i = seq_index(static_cast<int64_t>(children.size()), "index");
    auto o = std::make_shared<ModuleObj>();
    o->module = children[i].second;
    return Value(ObjPtr(o));
  }
  error("TypeError", "'" + type_name(object) + "' object is not subscriptable");
}

void Interpreter::set_subscript(const Value& object, const Value& index, const Value& value) {
  if (object.get<TensorObj>()) return tensor_set_subscript(*this, object, index, value);
  if (object.get<NdArrayObj>()) return numpy_set_subscript(*this, object, index, value);
  if (auto* l = object.get<ListObj>()) {
    const auto n = static_cast<int64_t>(l->items.size());
    if (is_slice(index)) {
      std::vector<Value> items = to_vector(value);
      const auto idx = slice_indices(n, index);
      auto* t = index.get<TupleObj>();
      const bool simple = t->items[3].is_none() || (t->items[3].is_int() && t->items[3].as_int() == 1);
      if (simple) {
        // a[lo:hi] = items replaces that stretch, whatever the lengths (lo as Python clamps it).
        const auto clamp = [&](const Value& v, int64_t dflt) {
          if (v.is_none()) return dflt;
          int64_t x = v.as_int();
          if (x < 0) x = std::max<int64_t>(x + n, 0);
          return std::min(x, n);
        };
        const int64_t lo = clamp(t->items[1], 0);
        const int64_t hi = std::max(lo, clamp(t->items[2], n));
        l->items.erase(l->items.begin() + lo, l->items.begin() + hi);
        l->items.insert(l->items.begin() + lo, items.begin(), items.end());
        check_list_size(static_cast<int64_t>(l->items.size()));
        return;
      }
      if (items.size() != idx.size()) {
        error("ValueError", "attempt to assign sequence of size " + std::to_string(items.size()) +
                                " to extended slice of size " + std::to_string(idx.size()));
      }
      for (std::size_t k = 0; k < idx.size(); ++k) l->items[static_cast<std::size_t>(idx[k])] = items[k];
      return;
    }
    if (!index.is_int() && !index.is_bool()) error("TypeError", "list indices must be integers or slices, not " + type_name(index));
    int64_t i = index.as_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) error("IndexError", "list assignment index out of range");
    l->items[static_cast<std::size_t>(i)] = value;
    return;
  }
  if (auto* d = object.get<DictObj>()) {
    if (index.is_obj() && !index.get<TupleObj>()) error("TypeError", "unhashable type: '" + type_name(index) + "'");
    for (auto& kv : d->items)
      if (equal(kv.first, index)) {
        kv.second = value;
        return;
      }
    d->items.emplace_back(index, value);
    check_list_size(static_cast<int64_t>(d->items.size()));
    return;
  }
  error("TypeError", "'" + type_name(object) + "' object does not support item assignment");
}

void Interpreter::iterate(const Value& it, const std::function<bool(const Value&)>& fn) {
  if (it.get<NdArrayObj>()) return numpy_iterate(*this, it, fn);
  if (auto* l = it.get<ListObj>()) {
    // Index-based, so appending inside the loop behaves as in Python.
    for (std::size_t i = 0; i < l->items.size(); ++i)
      if (!fn(l->items[i])) return;
    return;
  }
  if (auto* t = it.get<TupleObj>()) {
    const std::vector<Value> items = t->items;
    for (const Value& v : items)
      if (!fn(v)) return;
    return;
  }
  if (auto* r = it.get<RangeObj>()) {
    const int64_t n = r->size();
    for (int64_t i = 0; i < n; ++i)
      if (!fn(Value(r->start + i * r->step))) return;
    return;
  }
  if (auto* d = it.get<DictObj>()) {
    const auto items = d->items;
    for (const auto& kv : items)
      if (!fn(kv.first)) return;
    return;
  }
  if (it.is_str()) {
    for (char c : it.as_str())
      if (!fn(Value(std::string(1, c)))) return;
    return;
  }
  if (auto* t = it.get<TensorObj>()) {
    if (t->tensor.dim() == 0) error("TypeError", "iteration over a 0-d tensor");
    for (int64_t i = 0; i < t->tensor.size(0); ++i)
      if (!fn(tensor_subscript(*this, it, Value(i)))) return;
    return;
  }
  if (auto* m = it.get<ModuleObj>()) {
    // Iterating a Sequential/ModuleList yields its children.
    for (const auto& [name, child] : m->module->children()) {
      auto o = std::make_shared<ModuleObj>();
      o->module = child;
      if (!fn(Value(ObjPtr(o)))) return;
    }
    return;
  }
  error("TypeError", "'" + type_name(it) + "' object is not iterable");
}

std::vector<Value> Interpreter::to_vector(const Value& iterable) {
  std::vector<Value> out;
  iterate(iterable, [&](const Value& v) {
    out.push_back(v);
    check_list_size(static_cast<int64_t>(out.size()));
    return true;
  });
  return out;
}

bool Interpreter::isinstance(const Value& v, const Value& cls) {
  if (auto* t = cls.get<TupleObj>()) {
    for (const Value& c : t->items)
      if (isinstance(v, c)) return true;
    return false;
  }
  if (auto* n = cls.get<NativeClassObj>()) return n->is_instance && n->is_instance(v);
  if (auto* c = cls.get<ClassObj>()) {
    std::shared_ptr<ClassObj> k;
    if (auto* inst = v.get<InstanceObj>()) k = inst->cls;
    if (auto* m = v.get<ModuleObj>())
      if (auto* sm = dynamic_cast<ScriptModule*>(m->module.get())) k = sm->cls;
    std::function<bool(const ClassObj*)> derives = [&](const ClassObj* x) {
      if (x == c) return true;
      for (const auto& b : x->bases)
        if (derives(b.get())) return true;
      return false;
    };
    return k && derives(k.get());
  }
  error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

// ---------------------------------------------------------------------------------------
// text

std::string Interpreter::str(const Value& v) {
  if (v.is_str()) return v.as_str();
  if (auto* t = v.get<TensorObj>()) return tensor_repr(t->tensor, t->parameter);
  if (is_numpy(v)) return numpy_str(v);
  return repr(v);
}

std::string Interpreter::repr(const Value& v) {
  // A container that holds itself prints as [...] (as in Python); depth is bounded anyway.
  struct Guard {
    Interpreter& in;
    const Object* o;
    bool active;
    Guard(Interpreter& i, const Object* obj) : in(i), o(obj), active(false) {
      if (!o) return;
      for (const Object* p : in.repr_stack_)
        if (p == o) return;
      in.repr_stack_.push_back(o);
      active = true;
    }
    ~Guard() {
      if (active) in.repr_stack_.pop_back();
    }
  };
  const Object* obj = v.is_obj() ? v.as_obj().get() : nullptr;
  Guard guard(*this, obj);
  if (obj && !guard.active) {
    if (v.get<ListObj>()) return "[...]";
    if (v.get<DictObj>()) return "{...}";
    return "(...)";
  }
  if (repr_stack_.size() > 200) error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
  if (v.is_none()) return "None";
  if (v.is_bool()) return v.as_bool() ? "True" : "False";
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_float()) return py::repr(v.as_float());
  if (v.is_str()) return quote(v.as_str());
  if (is_numpy(v)) return numpy_repr(v);
  const auto join = [&](const std::vector<Value>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) s += ", ";
      s += repr(items[i]);
      check_string_size(static_cast<int64_t>(s.size()));
    }
    return s;
  };
  if (auto* l = v.get<ListObj>()) {
    if (!l->view.empty()) return l->view + "([" + join(l->items) + "])";
    return "[" + join(l->items) + "]";
  }
  if (auto* t = v.get<TupleObj>()) {
    if (t->is_size) return "torch.Size([" + join(t->items) + "])";
    return "(" + join(t->items) + (t->items.size() == 1 ? ",)" : ")");
  }
  if (auto* d = v.get<DictObj>()) {
    std::string s = "{";
    for (std::size_t i = 0; i < d->items.size(); ++i) {
      if (i) s += ", ";
      s += repr(d->items[i].first) + ": " + repr(d->items[i].second);
      check_string_size(static_cast<int64_t>(s.size()));
    }
    return s + "}";
  }
  if (auto* t = v.get<TensorObj>()) return tensor_repr(t->tensor, t->parameter);
  if (auto* m = v.get<ModuleObj>()) return m->module->repr();
  if (auto* f = v.get<FunctionObj>()) return "<function " + f->qualname + ">";
  if (auto* b = v.get<BuiltinObj>()) return "<built-in function " + b->name + ">";
  if (auto* m = v.get<BoundMethodObj>()) {
    std::string n = m->fn.get<FunctionObj>() ? m->fn.get<FunctionObj>()->qualname : "method";
    return "<bound method " + n + " of " + repr(m->self) + ">";
  }
  if (auto* c = v.get<ClassObj>()) return "<class '__main__." + c->name + "'>";
  if (auto* n = v.get<NativeClassObj>()) return "<class '" + n->qualified + "'>";
  if (auto* i = v.get<InstanceObj>()) return "<__main__." + i->cls->name + " object>";
  if (auto* ns = v.get<NamespaceObj>()) return "<module '" + ns->name + "'>";
  if (auto* r = v.get<RangeObj>()) {
    return "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
           (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
  }
  if (v.get<GeneratorObj>()) return "<torch._C.Generator object>";
  if (auto* d = v.get<DtypeObj>()) return "torch." + d->name;
  if (v.get<NoGradObj>()) return "<torch.autograd.grad_mode.no_grad object>";
  if (auto* n = v.get<NativeObj>(); n && n->repr) return n->repr();
  if (v.get<SuperObj>()) return "<super object>";
  return "<" + type_name(v) + " object>";
}

}  // namespace initlab::script
