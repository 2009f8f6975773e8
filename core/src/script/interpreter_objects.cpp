// The object model: operators (with user classes' dunders), subscripts, iteration,
// isinstance, sets and hashing of every kind of value. Attributes live in
// interpreter_attributes.cpp, str() and repr() in interpreter_repr.cpp.
#include "interpreter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "numpy_bindings.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"
#include "library.hpp"
#include "torch_names.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"

namespace initlab::script {

int64_t RangeObj::size() const {
  if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
  return start > stop ? (start - stop - step - 1) / (-step) : 0;
}

std::shared_ptr<ClassObj> script_class_of(const Value& v) {
  if (auto* inst = v.get<InstanceObj>()) return inst->cls;
  if (auto* m = v.get<ModuleObj>()) {
    if (auto* sm = dynamic_cast<ScriptModule*>(m->module.get())) return sm->cls;
    if (auto* sub = native_subclass_of(*m->module)) return sub->cls;
  }
  return nullptr;
}

std::vector<std::string> ClassObj::ordered_names() const {
  std::vector<std::string> names;
  for (const std::string& k : order)
    if (attrs.count(k)) names.push_back(k);
  for (const auto& [k, v] : attrs)
    if (std::find(order.begin(), order.end(), k) == order.end()) names.push_back(k);
  return names;
}

const Value* ClassObj::find(const std::string& attr) const {
  auto it = attrs.find(attr);
  if (it != attrs.end()) return &it->second;
  for (const auto& b : bases)
    if (const Value* v = b->find(attr)) return v;
  return nullptr;
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
  if (auto* st = v.get<SetObj>()) return !st->items.empty();
  if (v.get<NdArrayObj>()) return numpy_truthy(*this, v);
  if (v.get<InstanceObj>() || v.get<ModuleObj>()) {
    if (auto b = dunder(v, "__bool__")) {
      const Value r = call(*b, std::vector<Value>{});
      if (!r.is_bool()) error("TypeError", "__bool__ should return bool, returned " + type_name(r));
      return r.as_bool();
    }
    if (auto l = dunder(v, "__len__")) return truthy(call(*l, std::vector<Value>{}));
    return true;
  }
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
  if (auto* o = a.get<NdArrayObj>(); o && o->scalar) return equal(*numpy_number(a), b);  // np.int64(1) == 1 as a key
  if (auto* o = b.get<NdArrayObj>(); o && o->scalar) return equal(a, *numpy_number(b));
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
  if (a.get<SetObj>() && b.get<SetObj>()) {
    const auto& x = *a.get<SetObj>();
    const auto& y = *b.get<SetObj>();
    if (x.items.size() != y.items.size()) return false;
    for (const Value& v : x.items)
      if (!set_contains(y, v)) return false;
    return true;
  }
  if (a.get<ModuleObj>() && b.get<ModuleObj>()) return a.get<ModuleObj>()->module == b.get<ModuleObj>()->module;
  if (a.get<TensorObj>() && b.get<TensorObj>()) {
    const Tensor& x = a.get<TensorObj>()->tensor;
    const Tensor& y = b.get<TensorObj>()->tensor;
    return x.shares_storage_with(y) && x.data() == y.data() && x.shape() == y.shape();
  }
  if (a.get<InstanceObj>() || b.get<InstanceObj>()) {
    if (auto r = compare_dunder("==", a, b)) return truthy(*r);
  }
  if (a.is_obj() && b.is_obj()) return a.as_obj() == b.as_obj();
  return false;
}

// The reflected comparison Python tries when the left operand has none: a < b -> b > a.
std::optional<Value> Interpreter::compare_dunder(const std::string& op, const Value& a, const Value& b) {
  static const char* const kNames[][3] = {{"==", "__eq__", "__eq__"}, {"!=", "__ne__", "__ne__"},
                                          {"<", "__lt__", "__gt__"},  {"<=", "__le__", "__ge__"},
                                          {">", "__gt__", "__lt__"},  {">=", "__ge__", "__le__"}};
  for (const auto& [o, name, reflected] : kNames) {
    if (op != o) continue;
    const auto is_ni = [&](const Value& r) { return r.is_obj() && r.as_obj() == not_implemented_.as_obj(); };
    if (auto m = dunder(a, name)) {
      const Value r = call(*m, {b});
      if (!is_ni(r)) return r;
    }
    if (auto m = dunder(b, reflected)) {
      const Value r = call(*m, {a});
      if (!is_ni(r)) return r;
    }
    if (op == "!=") {
      if (auto r = compare_dunder("==", a, b)) return Value(!truthy(*r));
    }
    return std::nullopt;
  }
  return std::nullopt;
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
    } else if (auto* st = b.get<SetObj>()) {
      found = set_contains(*st, a);
    } else if (b.get<NdArrayObj>()) {
      found = truthy(call(getattr(numpy_binary(*this, "==", b, a), "any"), std::vector<Value>{}));
    } else if (auto c = dunder(b, "__contains__")) {
      found = truthy(call(*c, {a}));
    } else if (b.get<ListObj>() || b.get<TupleObj>() || b.get<RangeObj>() || b.get<ModuleObj>() ||
               b.get<IteratorObj>() || b.get<InstanceObj>()) {
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
  if (a.get<InstanceObj>() || b.get<InstanceObj>()) {
    if (auto r = compare_dunder(op, a, b)) return *r;
  }
  if (op == "==") return Value(equal(a, b));
  if (op == "!=") return Value(!equal(a, b));
  if (a.get<SetObj>() && b.get<SetObj>()) {
    // Subset order: <= and < (proper), >= and >.
    const auto& x = *a.get<SetObj>();
    const auto& y = *b.get<SetObj>();
    const auto subset = [&](const SetObj& p, const SetObj& q) {
      for (const Value& v : p.items)
        if (!set_contains(q, v)) return false;
      return true;
    };
    if (op == "<=") return Value(subset(x, y));
    if (op == "<") return Value(subset(x, y) && x.items.size() < y.items.size());
    if (op == ">=") return Value(subset(y, x));
    return Value(subset(y, x) && y.items.size() < x.items.size());
  }
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

std::optional<Value> Interpreter::binary_dunder(const std::string& op, const Value& a, const Value& b) {
  const std::string stem = dunder_stem(op);
  if (stem.empty()) return std::nullopt;
  const auto is_ni = [&](const Value& r) { return r.is_obj() && r.as_obj() == not_implemented_.as_obj(); };
  if (auto m = dunder(a, "__" + stem + "__")) {
    const Value r = call(*m, {b});
    if (!is_ni(r)) return r;
  }
  if (auto m = dunder(b, "__r" + stem + "__")) {
    const Value r = call(*m, {a});
    if (!is_ni(r)) return r;
  }
  return std::nullopt;
}

Value Interpreter::binary(const std::string& op, const Value& a, const Value& b) {
  if (a.get<InstanceObj>() || b.get<InstanceObj>()) {
    if (auto r = binary_dunder(op, a, b)) return *r;
    error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
  }
  if (is_numpy(a) || is_numpy(b)) return numpy_binary(*this, op, a, b);
  if (a.get<TensorObj>() || b.get<TensorObj>()) return tensor_binary(*this, op, a, b);
  if (a.get<SetObj>() && b.get<SetObj>() && (op == "|" || op == "&" || op == "-" || op == "^")) {
    const auto& x = *a.get<SetObj>();
    const auto& y = *b.get<SetObj>();
    auto out = std::make_shared<SetObj>();
    out->frozen = x.frozen;
    if (op == "|") {
      for (const Value& v : x.items) set_add(*out, v);
      for (const Value& v : y.items) set_add(*out, v);
    } else if (op == "&") {
      for (const Value& v : x.items)
        if (set_contains(y, v)) out->items.push_back(v);
    } else if (op == "-") {
      for (const Value& v : x.items)
        if (!set_contains(y, v)) out->items.push_back(v);
    } else {
      for (const Value& v : x.items)
        if (!set_contains(y, v)) out->items.push_back(v);
      for (const Value& v : y.items)
        if (!set_contains(x, v)) out->items.push_back(v);
    }
    return Value(ObjPtr(out));
  }
  if (a.get<DictObj>() && b.get<DictObj>() && op == "|") {
    auto out = std::make_shared<DictObj>(*a.get<DictObj>());
    for (const auto& [k, v] : b.get<DictObj>()->items) set_subscript(Value(ObjPtr(out)), k, v);
    return Value(ObjPtr(out));
  }
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

// What Python's operator.index gives for a value that is not an int: a one-element integer
// tensor's value (classes[labels[j]]), a user object's __index__; nullopt otherwise.
std::optional<int64_t> Interpreter::index_of(const Value& v) {
  if (auto* t = v.get<TensorObj>()) {
    if (t->tensor.numel() == 1 && t->tensor.dtype() == DType::int64) return static_cast<int64_t>(t->tensor.contiguous().data()[0]);
    if (t->tensor.numel() != 1 || t->tensor.dtype() != DType::int64) {
      error("TypeError", "only integer tensors of a single element can be converted to an index");
    }
  }
  if (v.get<InstanceObj>()) {
    if (auto m = dunder(v, "__index__")) {
      const Value r = call(*m, std::vector<Value>{});
      if (r.is_int() || r.is_bool()) return r.as_int();
      error("TypeError", "__index__ returned non-int (type " + type_name(r) + ")");
    }
  }
  return std::nullopt;
}

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
  if (object.get<InstanceObj>() || object.get<ModuleObj>()) {
    if (auto m = dunder(object, "__getitem__")) return call(*m, {index});
  }
  if (auto* c = object.get<ClassObj>()) {
    // Generic[T], a user's Foo[int]: __class_getitem__ (typing's generics define it).
    if (const Value* g = c->find("__class_getitem__")) return call(bind_class_attr(*g, Value(), object), {index});
    if (c->name == "type" || c->module == "builtins") return object;
  }
  if (auto* n = object.get<NativeClassObj>()) {
    // list[int], dict[str, int], tuple[int, ...] in annotations evaluated at run time.
    (void)n;
    return object;
  }
  const auto seq_index = [&](int64_t n, const char* what) {
    int64_t i = 0;
    if (index.is_int() || index.is_bool()) {
      i = index.as_int();
    } else if (auto as_index = index_of(index)) {
      i = *as_index;  // an integer tensor of one element, a numpy integer, __index__
    } else {
      error("TypeError", std::string(what) + " indices must be integers or slices, not " + type_name(index));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) error("IndexError", std::string(what) + " index out of range");
    return i;  // int64_t: a range may be longer than size_t counts in wasm32
  };
  const auto slice_of = [&](const std::vector<Value>& items) {
    std::vector<Value> out;
    for (int64_t i : slice_indices(static_cast<int64_t>(items.size()), index)) out.push_back(items[static_cast<std::size_t>(i)]);
    return out;
  };
  if (auto* l = object.get<ListObj>()) {
    if (is_slice(index)) return make_list(slice_of(l->items));
    return l->items[static_cast<std::size_t>(seq_index(static_cast<int64_t>(l->items.size()), "list"))];
  }
  if (auto* t = object.get<TupleObj>()) {
    if (is_slice(index)) {
      Value r = make_tuple(slice_of(t->items));
      r.get<TupleObj>()->is_size = t->is_size;
      return r;
    }
    return t->items[static_cast<std::size_t>(seq_index(static_cast<int64_t>(t->items.size()), "tuple"))];
  }
  if (object.is_str()) {
    std::vector<Value> chars;
    for (const std::string& c : code_points(object.as_str())) chars.emplace_back(c);
    if (is_slice(index)) {
      std::string s;
      for (const Value& c : slice_of(chars)) s += c.as_str();
      return Value(s);
    }
    return chars[static_cast<std::size_t>(seq_index(static_cast<int64_t>(chars.size()), "string"))];
  }
  if (auto* d = object.get<DictObj>()) {
    for (const auto& kv : d->items)
      if (equal(kv.first, index)) return kv.second;
    raise_key_error(index);
  }
  if (auto* r = object.get<RangeObj>()) {
    if (is_slice(index)) {
      // range(10)[2:8:3] is range(2, 8, 3): CPython maps the adjusted slice bounds through.
      auto* sl = index.get<TupleObj>();
      const int64_t n = r->size();
      const int64_t step = sl->items[3].is_none() ? 1 : sl->items[3].as_int();
      if (step == 0) error("ValueError", "slice step cannot be zero");
      const auto adjust = [&](const Value& v, int64_t dflt) {
        if (v.is_none()) return dflt;
        int64_t x = v.as_int();
        if (x < 0) x = std::max<int64_t>(x + n, step < 0 ? -1 : 0);
        else if (x >= n) x = step < 0 ? n - 1 : n;
        return x;
      };
      const int64_t lo = adjust(sl->items[1], step < 0 ? n - 1 : 0);
      const int64_t hi = adjust(sl->items[2], step < 0 ? -1 : n);
      auto out = std::make_shared<RangeObj>();
      out->start = r->start + lo * r->step;
      out->stop = r->start + hi * r->step;
      out->step = r->step * step;
      return Value(ObjPtr(out));
    }
    const int64_t i = seq_index(r->size(), "range object");
    return Value(r->start + i * r->step);
  }
  if (auto* m = object.get<ModuleObj>()) {
    // Sequential and ModuleList index like lists.
    const auto& children = m->module->children();
    if (is_slice(index)) error("NotImplementedError", "not supported in initlab: slicing a " + m->module->type_name());
    const auto i = static_cast<std::size_t>(seq_index(static_cast<int64_t>(children.size()), "index"));
    auto o = std::make_shared<ModuleObj>();
    o->module = children[i].second;
    return Value(ObjPtr(o));
  }
  error("TypeError", "'" + type_name(object) + "' object is not subscriptable");
}

void Interpreter::set_subscript(const Value& object, const Value& index, const Value& value) {
  if (object.get<TensorObj>()) return tensor_set_subscript(*this, object, index, value);
  if (object.get<NdArrayObj>()) return numpy_set_subscript(*this, object, index, value);
  if (object.get<InstanceObj>() || object.get<ModuleObj>()) {
    if (auto m = dunder(object, "__setitem__")) {
      call(*m, {index, value});
      return;
    }
  }
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
    check_hashable(index);
    auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return equal(kv.first, index); });
    if (it != d->items.end()) {
      it->second = value;
    } else {
      d->items.emplace_back(index, value);
      check_list_size(static_cast<int64_t>(d->items.size()));
    }
    d->written();
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
    for (const std::string& c : code_points(it.as_str()))
      if (!fn(Value(c))) return;
    return;
  }
  if (auto* t = it.get<TensorObj>()) {
    if (t->tensor.dim() == 0) error("TypeError", "iteration over a 0-d tensor");
    for (int64_t i = 0; i < t->tensor.size(0); ++i)
      if (!fn(tensor_subscript(*this, it, Value(i)))) return;
    return;
  }
  if (auto* st = it.get<SetObj>()) {
    const std::vector<Value> items = st->items;
    for (const Value& v : items)
      if (!fn(v)) return;
    return;
  }
  if (auto* g = it.get<IteratorObj>()) {
    if (g->fill) {
      auto fill = std::move(g->fill);
      g->fill = nullptr;
      fill();
    }
    // Consumed as it goes: a second loop over the same iterator sees nothing.
    while (g->pos < g->items.size()) {
      const Value v = g->items[g->pos++];
      if (!fn(v)) return;
    }
    return;
  }
  if (it.get<InstanceObj>() || it.get<ModuleObj>()) {
    if (auto iter = dunder(it, "__iter__")) {
      const Value iterator = call(*iter, std::vector<Value>{});
      if (!iterator.get<InstanceObj>()) return iterate(iterator, fn);
      const auto next = dunder(iterator, "__next__");
      if (!next) error("TypeError", "iter() returned non-iterator of type '" + type_name(iterator) + "'");
      for (;;) {
        step();
        Value v;
        try {
          v = call(*next, std::vector<Value>{});
        } catch (ScriptError& e) {
          if (e.kind() == "StopIteration" || (e.exception && isinstance(exception_value(e), builtins_["StopIteration"]))) return;
          throw;
        }
        if (!fn(v)) return;
      }
    }
    if (auto get = dunder(it, "__getitem__")) {
      // The old sequence protocol: items 0, 1, 2 ... until IndexError.
      for (int64_t i = 0;; ++i) {
        step();
        Value v;
        try {
          v = call(*get, {Value(i)});
        } catch (ScriptError& e) {
          if (e.kind() == "IndexError" || e.kind() == "StopIteration") return;
          throw;
        }
        if (!fn(v)) return;
      }
    }
  }
  if (auto* c = it.get<ClassObj>()) {
    // What a metaclass's __iter__ would do (enum: for color in Color): a classmethod the
    // library names __class_iter__.
    if (const Value* hook = c->find("__class_iter__")) return iterate(call(bind_class_attr(*hook, Value(), it), std::vector<Value>{}), fn);
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
  if (auto* n = cls.get<NativeClassObj>()) {
    if (n->is_instance && n->is_instance(v)) return true;
    // A library class standing in for a subclass of a native one, which initlab cannot derive
    // (MultiheadAttention's out_proj, PyTorch's nn.Linear subclass NonDynamicallyQuantizableLinear):
    // its _initlab_counts_as names the native class, so init code dispatching on
    // isinstance(m, nn.Linear) reaches it as in PyTorch.
    if (const std::shared_ptr<ClassObj> k = script_class_of(v)) {
      if (const Value* as = k->find("_initlab_counts_as")) return same_object(*as, cls);
    }
    return false;
  }
  if (cls.get<InstanceObj>()) {
    // typing.Sequence and the like are objects that answer isinstance themselves.
    if (auto check = dunder(cls, "__instancecheck__")) return truthy(call(*check, {v}));
  }
  if (auto* c = cls.get<ClassObj>()) {
    // typing.Sequence, numbers.Real, abc.ABC subclasses: the class decides (__instancecheck__).
    if (const Value* check = c->find("__instancecheck__")) {
      return truthy(call(bind_class_attr(*check, Value(), cls), {v}));
    }
    const std::shared_ptr<ClassObj> k = script_class_of(v);
    return k && derives_from(k.get(), c);
  }
  error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
}


// ---------------------------------------------------------------------------------------
// sets and hashing

void Interpreter::check_hashable(const Value& v) {
  const bool unhashable = v.get<ListObj>() || v.get<DictObj>() || (v.get<SetObj>() && !v.get<SetObj>()->frozen);
  if (unhashable) error("TypeError", "unhashable type: '" + type_name(v) + "'");
  if (auto* t = v.get<TupleObj>())
    for (const Value& x : t->items) check_hashable(x);
}

bool Interpreter::set_contains(const SetObj& set, const Value& v) {
  for (const Value& x : set.items)
    if (equal(x, v)) return true;
  return false;
}

void Interpreter::set_add(SetObj& set, const Value& v) {
  check_hashable(v);
  if (set_contains(set, v)) return;
  set.items.push_back(v);
  check_list_size(static_cast<int64_t>(set.items.size()));
}

int64_t Interpreter::hash(const Value& v) {
  if (auto* o = v.get<NdArrayObj>(); o && o->scalar) return hash(*numpy_number(v));  // as the Python number
  check_hashable(v);
  if (v.is_none()) return 0x5f3759df;
  if (v.is_bool() || v.is_int()) {
    // CPython: n mod (2^61 - 1), with -1 taken by errors (hash(-1) == -2).
    const int64_t n = v.as_int();
    constexpr uint64_t kMod = (uint64_t{1} << 61) - 1;
    const uint64_t magnitude = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    int64_t h = static_cast<int64_t>(magnitude % kMod);
    if (n < 0) h = -h;
    return h == -1 ? -2 : h;
  }
  if (v.is_float()) {
    const double d = v.as_float();
    if (std::floor(d) == d && std::fabs(d) < 9.2e18) return hash(Value(static_cast<int64_t>(d)));
    return static_cast<int64_t>(std::hash<double>{}(d) >> 3);
  }
  if (v.is_str()) return static_cast<int64_t>(std::hash<std::string>{}(v.as_str()) >> 3);
  if (auto* t = v.get<TupleObj>()) {
    // Unsigned: the mix wraps by design (signed overflow is undefined; UBSan in the fuzz
    // target found it on a tuple of large hashes). Same bits as the wrapping signed mix.
    uint64_t u = 0x345678;
    for (const Value& x : t->items) u = u * 1000003u ^ static_cast<uint64_t>(hash(x));
    const auto h = static_cast<int64_t>(u);
    return h == -1 ? -2 : h;
  }
  if (v.get<InstanceObj>()) {
    if (auto m = dunder(v, "__hash__")) {
      const Value r = call(*m, std::vector<Value>{});
      if (!r.is_int()) error("TypeError", "__hash__ method should return an integer");
      return r.as_int();
    }
  }
  return static_cast<int64_t>(reinterpret_cast<std::uintptr_t>(v.as_obj().get()) >> 4);
}

std::string Interpreter::native_module_names() const {
  // The Python modules a script can import, native or library, sorted; private ones (_initlab)
  // and torch's own left out.
  std::vector<std::string> names;
  for (const auto& [name, m] : importable_) {
    if (name.rfind("torch", 0) == 0 || name.rfind("initlab", 0) == 0 || (name[0] == '_' && name[1] != '_')) continue;
    names.push_back(name);
  }
  for (const std::string& n : library_module_names())
    if (n.rfind("torch", 0) != 0 && n.rfind("initlab", 0) != 0) names.push_back(n);
  for (const auto& [name, install] : lazy_modules_)
    if (name.find('.') == std::string::npos) names.push_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Interpreter::torch_library_module_names() const {
  // Private files (torch._device, torch.nn._library) and their packages' parts are left out,
  // and so are the files behind a package (torch.nn.modules.rnn, torch.utils.data.sampler):
  // the list names what scripts import.
  std::vector<std::string> names;
  for (const std::string& n : library_module_names()) {
    if (n.rfind("torch.", 0) != 0 || n.find("._") != std::string::npos) continue;
    if (std::count(n.begin(), n.end(), '.') > 2 || n == "torch.nn.modules") continue;
    names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += ", " + n;
  return out;
}

}  // namespace initlab::script
