// str() and repr() of every kind of value: Python's texts for builtins and user classes
// (__str__/__repr__), PyTorch's for tensors and modules, numpy's for arrays.
#include "interpreter.hpp"

#include "bindings.hpp"
#include "numpy_bindings.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"

namespace initlab::script {

std::string Interpreter::str(const Value& v) {
  if (v.is_str()) return v.as_str();
  if (auto* t = v.get<TensorObj>()) return tensor_repr(t->tensor, t->parameter);
  if (is_numpy(v)) return numpy_str(v);
  if (v.get<InstanceObj>()) {
    if (auto m = dunder(v, "__str__")) {
      const Value r = call(*m, std::vector<Value>{});
      if (!r.is_str()) error("TypeError", "__str__ returned non-string (type " + type_name(r) + ")");
      return r.as_str();
    }
  }
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
  if (auto* ns = v.get<NamespaceObj>(); ns && ns->scope) return "<module '" + ns->name + "' (initlab library)>";
  if (auto* b = v.get<BuiltinObj>()) return "<built-in function " + b->name + ">";
  if (auto* m = v.get<BoundMethodObj>()) {
    std::string n = m->fn.get<FunctionObj>() ? m->fn.get<FunctionObj>()->qualname : "method";
    return "<bound method " + n + " of " + repr(m->self) + ">";
  }
  if (auto* c = v.get<ClassObj>()) {
    return c->module == "builtins" ? "<class '" + c->name + "'>" : "<class '" + c->module + "." + c->name + "'>";
  }
  if (auto* n = v.get<NativeClassObj>()) return "<class '" + n->qualified + "'>";
  if (auto* i = v.get<InstanceObj>()) {
    if (auto m = dunder(v, "__repr__")) {
      const Value r = call(*m, std::vector<Value>{});
      if (!r.is_str()) error("TypeError", "__repr__ returned non-string (type " + type_name(r) + ")");
      return r.as_str();
    }
    return "<" + i->cls->module + "." + i->cls->name + " object>";
  }
  if (auto* st = v.get<SetObj>()) {
    if (st->items.empty()) return st->frozen ? "frozenset()" : "set()";
    const std::string inner = "{" + join(st->items) + "}";
    return st->frozen ? "frozenset(" + inner + ")" : inner;
  }
  if (auto* g = v.get<IteratorObj>()) return "<" + g->type + " object>";
  if (auto* sg = v.get<SingletonObj>()) return sg->name;
  if (v.get<StaticMethodObj>()) return "<staticmethod object>";
  if (v.get<ClassMethodObj>()) return "<classmethod object>";
  if (v.get<PropertyObj>()) return "<property object>";
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
