// Python's builtin functions and the methods of str, list, dict and tuple (the math module: math_module.cpp).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cmath>
#include <limits>

#include "bindings.hpp"
#include "interpreter.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"
#include "native_subclass.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

// str.find and str.rfind: sub within s[start:end] (code points, clamped as slices clamp), as a
// code-point index; -1 when it is not there.
Value str_find(Interpreter& in, CallArgs& a, bool reverse) {
  const char* name = reverse ? "rfind" : "find";
  const auto args = bind_native(in, name, a, {{"self", std::nullopt}, {"sub", std::nullopt}, {"start", Value()}, {"end", Value()}});
  const std::string& s = args[0].as_str();
  if (!args[1].is_str()) in.error("TypeError", std::string(name) + "() argument 1 must be str, not " + type_name(args[1]));
  const std::string& sub = args[1].as_str();
  const int64_t n = code_point_count(s);
  const auto index = [&](const Value& v, int64_t otherwise) {
    if (v.is_none()) return otherwise;
    int64_t i = to_int(in, v, "slice index");
    if (i < 0) i = std::max<int64_t>(0, i + n);
    return i;
  };
  const int64_t start = index(args[2], 0);
  const int64_t end = std::min(index(args[3], n), n);
  if (start > n || start > end) return Value(int64_t{-1});
  // Byte offsets of the window (the same numbers when s is ASCII).
  const bool ascii = n == static_cast<int64_t>(s.size());
  const auto byte_at = [&](int64_t cp) -> std::size_t {
    if (ascii) return static_cast<std::size_t>(cp);
    std::size_t b = 0;
    for (int64_t k = 0; k < cp && b < s.size(); ++k) {
      ++b;
      while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
    }
    return b;
  };
  const std::size_t lo = byte_at(start), hi = byte_at(end);
  const std::string window = s.substr(lo, hi - lo);
  const std::size_t hit = reverse ? window.rfind(sub) : window.find(sub);
  if (hit == std::string::npos) return Value(int64_t{-1});
  return Value(start + (ascii ? static_cast<int64_t>(hit) : code_point_count(window.substr(0, hit))));
}

using A = CallArgs;

Value native_class(const std::string& name, const std::string& qualified, Native construct,
                   std::function<bool(const Value&)> is_instance) {
  auto c = std::make_shared<NativeClassObj>();
  c->name = name;
  c->qualified = qualified;
  c->construct = std::move(construct);
  c->is_instance = std::move(is_instance);
  return Value(ObjPtr(c));
}

// Python's round(x, n) for floats: the correctly rounded decimal, ties to even, which is
// what printf's %.nf computes from the exact binary value.
double round_float(double x, int64_t digits) {
  if (!std::isfinite(x) || digits > 300) return x;
  if (digits >= 0) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(digits), x);
    return std::strtod(buf, nullptr);
  }
  const double scale = std::pow(10.0, static_cast<double>(-digits));
  return std::nearbyint(x / scale) * scale;
}

// round(n, -k) for ints: to a multiple of 10^k, ties to even.
int64_t round_int(int64_t n, int64_t digits) {
  if (digits >= 0) return n;
  if (digits < -18) return 0;
  int64_t p = 1;
  for (int64_t i = 0; i < -digits; ++i) p *= 10;
  const int64_t q = n / p, r = n % p;
  int64_t base = q * p;
  const int64_t twice = 2 * (r < 0 ? -r : r);
  if (twice > p || (twice == p && (q % 2 != 0))) base += (n < 0 ? -p : p);
  return base;
}

Value minmax(Interpreter& in, A& a, bool is_max) {
  const std::string fn = is_max ? "max" : "min";
  std::vector<Value> items;
  Value key, dflt;
  bool has_default = false;
  for (const auto& [k, v] : a.keywords) {
    if (k == "key") key = v;
    else if (k == "default") {
      dflt = v;
      has_default = true;
    } else in.error("TypeError", "'" + k + "' is an invalid keyword argument for " + fn + "()");
  }
  if (a.positional.empty()) in.error("TypeError", fn + " expected at least 1 argument, got 0");
  items = a.positional.size() == 1 ? in.to_vector(a.positional[0]) : a.positional;
  if (items.empty()) {
    if (has_default) return dflt;
    in.error("ValueError", fn + "() arg is an empty sequence");
  }
  Value best = items[0];
  Value best_key = key.is_none() ? best : in.call(key, {best});
  for (std::size_t i = 1; i < items.size(); ++i) {
    const Value k = key.is_none() ? items[i] : in.call(key, {items[i]});
    const bool better = is_max ? in.less(best_key, k) : in.less(k, best_key);
    if (better) {
      best = items[i];
      best_key = k;
    }
  }
  return best;
}

// str.format: fields {name!conv:spec} where name is an index, a keyword or either followed by
// .attr and [key] parts, and the spec may hold fields of its own ({:{width}}).
std::string str_format(Interpreter& in, const std::string& fmt, A& a, int depth) {
  if (depth > 2) in.error("ValueError", "Max string recursion exceeded");
  std::string out;
  std::size_t auto_index = 1;
  bool manual = false;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c == '{' && i + 1 < fmt.size() && fmt[i + 1] == '{') { out += '{'; ++i; continue; }
    if (c == '}' && i + 1 < fmt.size() && fmt[i + 1] == '}') { out += '}'; ++i; continue; }
    if (c == '}') in.error("ValueError", "Single '}' encountered in format string");
    if (c != '{') { out += c; continue; }
    std::size_t close = i + 1;
    for (int nest = 0; close < fmt.size(); ++close) {
      if (fmt[close] == '{') ++nest;
      else if (fmt[close] == '}' && nest-- == 0) break;
    }
    if (close >= fmt.size()) in.error("ValueError", "expected '}' before end of string");
    std::string field = fmt.substr(i + 1, close - i - 1);
    std::string spec;
    char conversion = 0;
    std::size_t bracket = 0, colon = std::string::npos, bang = std::string::npos;
    for (std::size_t k = 0; k < field.size(); ++k) {
      if (field[k] == '[') ++bracket;
      else if (field[k] == ']' && bracket) --bracket;
      else if (!bracket && field[k] == '!' && bang == std::string::npos && colon == std::string::npos) bang = k;
      else if (!bracket && field[k] == ':' && colon == std::string::npos) colon = k;
    }
    if (colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    if (bang != std::string::npos) {
      if (bang + 2 != field.size()) in.error("ValueError", "expected ':' after conversion specifier");
      conversion = field[bang + 1];
      field = field.substr(0, bang);
    }
    std::size_t end = field.find_first_of(".[");
    const std::string first = field.substr(0, end);
    Value v;
    if (first.empty()) {
      if (manual) in.error("ValueError", "cannot switch from manual field specification to automatic field numbering");
      if (auto_index >= a.positional.size()) {
        in.error("IndexError", "Replacement index " + std::to_string(auto_index - 1) + " out of range for positional args tuple");
      }
      v = a.positional[auto_index++];
    } else if (std::isdigit(static_cast<unsigned char>(first[0]))) {
      manual = true;
      const std::size_t k = static_cast<std::size_t>(std::stoul(first)) + 1;
      if (k >= a.positional.size()) in.error("IndexError", "Replacement index " + first + " out of range for positional args tuple");
      v = a.positional[k];
    } else {
      auto it = std::find_if(a.keywords.begin(), a.keywords.end(), [&](const auto& kv) { return kv.first == first; });
      if (it == a.keywords.end()) in.raise_key_error(Value(first));
      v = it->second;
    }
    while (end != std::string::npos && end < field.size()) {
      if (field[end] == '.') {
        const std::size_t next = field.find_first_of(".[", end + 1);
        v = in.getattr(v, field.substr(end + 1, next == std::string::npos ? std::string::npos : next - end - 1));
        end = next;
      } else {
        const std::size_t shut = field.find(']', end);
        if (shut == std::string::npos) in.error("ValueError", "Missing ']' in format string");
        const std::string key = field.substr(end + 1, shut - end - 1);
        const bool number = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
        v = in.subscript(v, number ? Value(static_cast<int64_t>(std::stoll(key))) : Value(key));
        end = shut + 1 < field.size() ? shut + 1 : std::string::npos;
      }
    }
    if (spec.find('{') != std::string::npos) {
      A inner = a;
      spec = str_format(in, spec, inner, depth + 1);
    }
    if (conversion == 'r' || conversion == 'a') v = Value(in.repr(v));
    else if (conversion == 's') v = Value(in.str(v));
    else if (conversion != 0) in.error("ValueError", std::string("Unknown conversion specifier ") + conversion);
    if (v.get<InstanceObj>()) {
      if (auto m = in.dunder(v, "__format__")) {
        out += in.str(in.call(*m, {Value(spec)}));
        i = close;
        continue;
      }
      if (spec.empty()) v = Value(in.str(v));
    }
    out += format_value(in, v, spec);
    i = close;
  }
  return out;
}

}  // namespace

void install_builtins(Interpreter& interp) {
  install_math(interp);
  auto& b = interp.builtins();
  const auto def = [&](const std::string& name, Native fn) { b[name] = make_builtin(name, std::move(fn)); };

  def("print", [](Interpreter& in, A& a) {
    std::string sep = " ", end = "\n";
    Value file;
    for (const auto& [k, v] : a.keywords) {
      if (k == "sep") sep = v.is_none() ? " " : to_str(in, v, "sep");
      else if (k == "end") end = v.is_none() ? "\n" : to_str(in, v, "end");
      else if (k == "file") file = v;
      else if (k == "flush") continue;
      else in.error("TypeError", "'" + k + "' is an invalid keyword argument for print()");
    }
    std::string line;
    for (std::size_t i = 0; i < a.positional.size(); ++i) {
      if (i) line += sep;
      line += in.str(a.positional[i]);
      in.check_string_size(static_cast<int64_t>(line.size()));
    }
    // print(..., file=f) writes to f (an io.StringIO, sys.stderr); the output pane otherwise.
    if (!file.is_none()) {
      in.call(in.getattr(file, "write"), {Value(line + end)});
      return Value();
    }
    in.print(line + end);
    return Value();
  });
  def("len", [](Interpreter& in, A& a) {
    if (a.positional.size() != 1) in.error("TypeError", "len() takes exactly one argument (" + std::to_string(a.positional.size()) + " given)");
    const Value& v = a.positional[0];
    if (v.is_str()) return Value(code_point_count(v.as_str()));
    if (auto* l = v.get<ListObj>()) return Value(static_cast<int64_t>(l->items.size()));
    if (auto* t = v.get<TupleObj>()) return Value(static_cast<int64_t>(t->items.size()));
    if (auto* d = v.get<DictObj>()) return Value(static_cast<int64_t>(d->items.size()));
    if (auto* r = v.get<RangeObj>()) return Value(r->size());
    if (v.get<NdArrayObj>()) return Value(numpy_len(in, v));
    if (auto* t = v.get<TensorObj>()) {
      if (t->tensor.dim() == 0) in.error("TypeError", "len() of a 0-d tensor");
      return Value(t->tensor.size(0));
    }
    if (auto* m = v.get<ModuleObj>(); m && !in.dunder(v, "__len__")) return Value(static_cast<int64_t>(m->module->children().size()));
    if (auto* c = v.get<ClassObj>()) {
      if (const Value* hook = c->find("__class_len__")) return in.call(in.bind_class_attr(*hook, Value(), v), std::vector<Value>{});
    }
    if (auto* st = v.get<SetObj>()) return Value(static_cast<int64_t>(st->items.size()));
    if (v.get<InstanceObj>() || v.get<ModuleObj>()) {
      if (auto len = in.dunder(v, "__len__")) {
        const Value n = in.call(*len, std::vector<Value>{});
        if (!n.is_int() && !n.is_bool()) in.error("TypeError", "'" + type_name(n) + "' object cannot be interpreted as an integer");
        if (n.as_int() < 0) in.error("ValueError", "__len__() should return >= 0");
        return Value(n.as_int());
      }
    }
    in.error("TypeError", "object of type '" + type_name(v) + "' has no len()");
  });
  def("range", [](Interpreter& in, A& a) {
    if (!a.keywords.empty()) in.error("TypeError", "range() takes no keyword arguments");
    if (a.positional.empty() || a.positional.size() > 3) {
      in.error("TypeError", "range expected at least 1 argument, got " + std::to_string(a.positional.size()));
    }
    auto r = std::make_shared<RangeObj>();
    std::vector<int64_t> v;
    for (const Value& arg : a.positional) {
      const Value x = numpy_python_scalar(in, arg, true);  // range(np.int64(3))
      if (!x.is_int() && !x.is_bool()) in.error("TypeError", "'" + type_name(x) + "' object cannot be interpreted as an integer");
      v.push_back(x.as_int());
    }
    if (v.size() == 1) {
      r->stop = v[0];
    } else {
      r->start = v[0];
      r->stop = v[1];
      if (v.size() == 3) r->step = v[2];
    }
    if (r->step == 0) in.error("ValueError", "range() arg 3 must not be zero");
    return Value(ObjPtr(r));
  });
  def("enumerate", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "enumerate", a, {{"iterable", std::nullopt}, {"start", Value(0)}});
    int64_t i = to_int(in, args[1], "start");
    std::vector<Value> out;
    in.iterate(args[0], [&](const Value& v) {
      out.push_back(make_tuple({Value(i++), v}));
      in.check_list_size(static_cast<int64_t>(out.size()));
      return true;
    });
    return make_list(std::move(out));
  });
  def("zip", [](Interpreter& in, A& a) {
    std::vector<std::vector<Value>> seqs;
    for (const Value& v : a.positional) seqs.push_back(in.to_vector(v));
    std::size_t n = seqs.empty() ? 0 : seqs[0].size();
    for (const auto& s : seqs) n = std::min(n, s.size());
    std::vector<Value> out;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Value> row;
      for (const auto& s : seqs) row.push_back(s[i]);
      out.push_back(make_tuple(std::move(row)));
    }
    return make_list(std::move(out));
  });
  def("isinstance", [](Interpreter& in, A& a) {
    if (a.positional.size() != 2) in.error("TypeError", "isinstance expected 2 arguments, got " + std::to_string(a.positional.size()));
    return Value(in.isinstance(a.positional[0], a.positional[1]));
  });
  def("issubclass", [](Interpreter& in, A& a) {
    if (a.positional.size() != 2) in.error("TypeError", "issubclass expected 2 arguments, got " + std::to_string(a.positional.size()));
    const Value& sub = a.positional[0];
    const Value& target = a.positional[1];
    if (auto* t = target.get<TupleObj>()) {
      for (const Value& c : t->items)
        if (in.truthy(in.call(in.builtins()["issubclass"], {sub, c}))) return Value(true);
      return Value(false);
    }
    if (!sub.get<ClassObj>() && !sub.get<NativeClassObj>()) in.error("TypeError", "issubclass() arg 1 must be a class");
    if (auto* n = target.get<NativeClassObj>()) {
      if (n->name == "object") return Value(true);
      if (auto* c = sub.get<ClassObj>()) return Value((n->name == "Module" && c->module_subclass) || c->native_layer.get() == n);
      const std::string& sub_name = sub.get<NativeClassObj>()->name;
      return Value(sub.as_obj() == target.as_obj() || (sub_name == "bool" && n->name == "int"));
    }
    auto* goal = target.get<ClassObj>();
    if (!goal) in.error("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (const Value* check = goal->find("__subclasscheck__")) {
      return Value(in.truthy(in.call(in.bind_class_attr(*check, Value(), target), {sub})));
    }
    auto* c = sub.get<ClassObj>();
    return Value(c && derives_from(c, goal));
  });
  def("type", [](Interpreter& in, A& a) -> Value {
    if (a.positional.size() != 1) in.error("NotImplementedError", "not supported in initlab: type() with 3 arguments");
    const Value& v = a.positional[0];
    if (auto* inst = v.get<InstanceObj>()) return Value(ObjPtr(inst->cls));
    if (auto* m = v.get<ModuleObj>()) {
      if (auto cls = script_class_of(v)) return Value(ObjPtr(cls));
      const auto& nn = in.importable()["torch.nn"];
      if (auto found = in.try_getattr(nn, m->module->type_name())) return *found;
    }
    const std::string t = type_name(v);
    if (in.builtins().count(t) && (t == "int" || t == "float" || t == "str" || t == "bool" || t == "list" || t == "tuple" ||
                                   t == "dict" || t == "set" || t == "frozenset" || t == "range" || t == "object")) {
      return in.builtins()[t];
    }
    if (v.get<TensorObj>()) return in.getattr(in.importable()["torch"], v.get<TensorObj>()->parameter ? "Tensor" : "Tensor");
    if (is_numpy(v)) return numpy_type(in, v);
    // One class per type name and run, so type(f) is type(g) for two functions.
    auto& known = in.type_objects();
    auto it = known.find(t);
    if (it != known.end()) return it->second;
    return known[t] = native_class(t, t, nullptr, [t](const Value& x) { return type_name(x) == t; });
  });
  def("min", [](Interpreter& in, A& a) { return minmax(in, a, false); });
  def("max", [](Interpreter& in, A& a) { return minmax(in, a, true); });
  def("sum", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "sum", a, {{"iterable", std::nullopt}, {"start", Value(0)}});
    Value total = args[1];
    in.iterate(args[0], [&](const Value& v) {
      total = in.binary("+", total, v);
      return true;
    });
    return total;
  });
  def("abs", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "abs", a, {{"x", std::nullopt}});
    const Value& v = args[0];
    if (v.is_float()) return Value(std::fabs(v.as_float()));
    if (v.is_int() || v.is_bool()) return Value(v.as_int() < 0 ? -v.as_int() : v.as_int());
    if (v.get<TensorObj>()) return in.call(in.getattr(v, "abs"), std::vector<Value>{});
    if (v.get<NdArrayObj>()) return numpy::ufunc_unary(in, "absolute", v);
    in.error("TypeError", "bad operand type for abs(): '" + type_name(v) + "'");
  });
  def("round", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "round", a, {{"number", std::nullopt}, {"ndigits", Value()}});
    const Value& v = args[0];
    if (v.get<TensorObj>()) in.error("NotImplementedError", "not supported in initlab: round() of a tensor (use .item())");
    const double x = to_float(in, v, "round() argument");
    if (args[1].is_none()) {
      if (v.is_int() || v.is_bool()) return Value(v.as_int());
      if (!std::isfinite(x)) in.error(std::isnan(x) ? "ValueError" : "OverflowError", std::isnan(x) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
      return Value(static_cast<int64_t>(std::nearbyint(x)));
    }
    const int64_t d = to_int(in, args[1], "ndigits");
    if (v.is_int() || v.is_bool()) return Value(round_int(v.as_int(), d));
    return Value(round_float(x, d));
  });
  def("repr", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "repr", a, {{"obj", std::nullopt}});
    return Value(in.repr(args[0]));
  });
  def("hasattr", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "hasattr", a, {{"obj", std::nullopt}, {"name", std::nullopt}});
    return Value(in.try_getattr(args[0], to_str(in, args[1], "attribute name")).has_value());
  });
  def("getattr", [](Interpreter& in, A& a) {
    if (a.positional.size() < 2 || a.positional.size() > 3) in.error("TypeError", "getattr expected 2 or 3 arguments");
    const std::string name = to_str(in, a.positional[1], "attribute name");
    if (a.positional.size() == 3) {
      auto v = in.try_getattr(a.positional[0], name);
      return v ? *v : a.positional[2];
    }
    return in.getattr(a.positional[0], name);
  });
  def("setattr", [](Interpreter& in, A& a) {
    if (a.positional.size() != 3) in.error("TypeError", "setattr expected 3 arguments");
    in.setattr(a.positional[0], to_str(in, a.positional[1], "attribute name"), a.positional[2]);
    return Value();
  });
  def("sorted", [](Interpreter& in, A& a) {
    if (a.positional.size() != 1) in.error("TypeError", "sorted expected 1 argument");
    std::vector<Value> items = in.to_vector(a.positional[0]);
    Value key;
    bool reverse = false;
    for (const auto& [k, v] : a.keywords) {
      if (k == "key") key = v;
      else if (k == "reverse") reverse = in.truthy(v);
      else in.error("TypeError", "'" + k + "' is an invalid keyword argument for sort()");
    }
    std::vector<Value> keys;
    for (const Value& v : items) keys.push_back(key.is_none() ? v : in.call(key, {v}));
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return reverse ? in.less(keys[y], keys[x]) : in.less(keys[x], keys[y]);
    });
    std::vector<Value> out;
    for (std::size_t i : order) out.push_back(items[i]);
    return make_list(std::move(out));
  });
  def("reversed", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "reversed", a, {{"sequence", std::nullopt}});
    std::vector<Value> items = in.to_vector(args[0]);
    std::reverse(items.begin(), items.end());
    return make_list(std::move(items));
  });
  def("any", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "any", a, {{"iterable", std::nullopt}});
    bool r = false;
    in.iterate(args[0], [&](const Value& v) { return !(r = in.truthy(v)); });
    return Value(r);
  });
  def("all", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "all", a, {{"iterable", std::nullopt}});
    bool r = true;
    in.iterate(args[0], [&](const Value& v) { return (r = in.truthy(v)); });
    return Value(r);
  });
  def("map", [](Interpreter& in, A& a) {
    if (a.positional.size() < 2) in.error("TypeError", "map() must have at least two arguments.");
    std::vector<std::vector<Value>> seqs;
    for (std::size_t i = 1; i < a.positional.size(); ++i) seqs.push_back(in.to_vector(a.positional[i]));
    std::size_t n = seqs[0].size();
    for (const auto& s : seqs) n = std::min(n, s.size());
    std::vector<Value> out;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Value> args;
      for (const auto& s : seqs) args.push_back(s[i]);
      out.push_back(in.call(a.positional[0], std::move(args)));
    }
    return make_list(std::move(out));
  });
  def("filter", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "filter", a, {{"function", std::nullopt}, {"iterable", std::nullopt}});
    std::vector<Value> out;
    in.iterate(args[1], [&](const Value& v) {
      if (in.truthy(args[0].is_none() ? v : in.call(args[0], {v}))) out.push_back(v);
      return true;
    });
    return make_list(std::move(out));
  });
  def("super", [](Interpreter& in, A& a) {
    auto s = std::make_shared<SuperObj>();
    if (a.positional.empty()) {
      auto [cls, self] = in.current_method();
      if (!cls) in.error("RuntimeError", "super(): no arguments");
      s->owner = cls;
      s->self = self;
    } else if (a.positional.size() == 2) {
      auto* c = a.positional[0].get<ClassObj>();
      if (!c) in.error("TypeError", "super() argument 1 must be a type, not " + type_name(a.positional[0]));
      s->owner = c;
      s->self = a.positional[1];
    } else {
      in.error("TypeError", "super() takes 0 or 2 arguments");
    }
    return Value(ObjPtr(s));
  });
  def("id", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "id", a, {{"obj", std::nullopt}});
    if (auto* m = args[0].get<ModuleObj>()) return Value(static_cast<int64_t>(reinterpret_cast<intptr_t>(m->module.get())));
    if (args[0].is_obj()) return Value(static_cast<int64_t>(reinterpret_cast<intptr_t>(args[0].as_obj().get())));
    return Value(static_cast<int64_t>(0));
  });

  // Types that are also conversion functions.
  b["int"] = native_class("int", "int", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "int", a, {{"x", Value(0)}, {"base", Value()}});
    const Value v = numpy_python_scalar(in, args[0], false);
    if (v.get<InstanceObj>()) {
      for (const char* name : {"__int__", "__index__", "__trunc__"})
        if (auto m = in.dunder(v, name)) return in.call(*m, std::vector<Value>{});
    }
    if (v.is_int() || v.is_bool()) return Value(v.as_int());
    if (v.is_float()) {
      const double d = v.as_float();
      if (std::isnan(d)) in.error("ValueError", "cannot convert float NaN to integer");
      if (!std::isfinite(d) || std::fabs(d) >= 9.2e18) in.error("OverflowError", "cannot convert float infinity to integer");
      return Value(static_cast<int64_t>(d));
    }
    if (v.is_str()) {
      // Python's int(str, base): sign, the 0x/0o/0b prefix its base allows (base 0 reads the
      // base from it), underscores between digits.
      std::string s = v.as_str();
      s.erase(0, s.find_first_not_of(" \t\n\r\f\v"));
      s.erase(s.find_last_not_of(" \t\n\r\f\v") + 1);
      int64_t base = args[1].is_none() ? 10 : to_int(in, args[1], "base");
      if (base != 0 && (base < 2 || base > 36)) in.error("ValueError", "int() base must be >= 2 and <= 36, or 0");
      const auto invalid = [&]() -> Value {
        in.error("ValueError", "invalid literal for int() with base " + std::to_string(base) + ": " + in.repr(v));
      };
      std::size_t i = 0;
      bool negative = false;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
      int64_t radix = base;
      if (i + 1 < s.size() && s[i] == '0') {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
        const int64_t prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixed && (base == 0 || base == prefixed)) {
          radix = prefixed;
          i += 2;
          if (i < s.size() && s[i] == '_') ++i;
        }
      }
      if (radix == 0) {
        radix = 10;
        if (i < s.size() && s[i] == '0' && s.find_first_not_of("0_", i) != std::string::npos) return invalid();
      }
      if (i >= s.size()) return invalid();
      uint64_t r = 0;
      bool digit_before = false;
      for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
          if (!digit_before || i + 1 >= s.size() || s[i + 1] == '_') return invalid();
          continue;
        }
        const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                      : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10 : 99;
        if (d >= radix) return invalid();
        if (r > (static_cast<uint64_t>(INT64_MAX) + 1 - static_cast<uint64_t>(d)) / static_cast<uint64_t>(radix)) {
          in.error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
        }
        r = r * static_cast<uint64_t>(radix) + static_cast<uint64_t>(d);
        digit_before = true;
      }
      if (!negative && r > static_cast<uint64_t>(INT64_MAX)) in.error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
      return Value(negative ? static_cast<int64_t>(uint64_t{0} - r) : static_cast<int64_t>(r));
    }
    if (auto* t = v.get<TensorObj>()) {
      if (t->tensor.numel() != 1) in.error("ValueError", "only one element tensors can be converted to Python scalars");
      return Value(static_cast<int64_t>(t->tensor.contiguous().data()[0]));
    }
    in.error("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
  }, [](const Value& v) { return v.is_int() || v.is_bool(); });
  b["float"] = native_class("float", "float", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "float", a, {{"x", Value(0.0)}});
    if (args[0].get<InstanceObj>()) {
      for (const char* name : {"__float__", "__index__"})
        if (auto m = in.dunder(args[0], name)) {
          const Value r = in.call(*m, std::vector<Value>{});
          return r.is_number() ? Value(r.as_float()) : r;
        }
    }
    const Value v = numpy_python_scalar(in, args[0], false);
    if (v.is_number()) return Value(v.as_float());
    if (v.is_str()) {
      std::string s = v.as_str();
      std::string lower;
      for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "inf" || lower == "+inf" || lower == "infinity") return Value(std::numeric_limits<double>::infinity());
      if (lower == "-inf" || lower == "-infinity") return Value(-std::numeric_limits<double>::infinity());
      if (lower == "nan") return Value(std::numeric_limits<double>::quiet_NaN());
      char* end = nullptr;
      const double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') in.error("ValueError", "could not convert string to float: " + in.repr(v));
      return Value(d);
    }
    if (auto* t = v.get<TensorObj>()) {
      if (t->tensor.numel() != 1) in.error("ValueError", "only one element tensors can be converted to Python scalars");
      return Value(static_cast<double>(t->tensor.contiguous().data()[0]));
    }
    in.error("TypeError", "float() argument must be a string or a real number, not '" + type_name(v) + "'");
  }, [](const Value& v) { return v.is_float() || numpy_is_float64_scalar(v); });
  b["str"] = native_class("str", "str", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "str", a, {{"object", Value("")}});
    return Value(in.str(args[0]));
  }, [](const Value& v) { return v.is_str(); });
  b["bool"] = native_class("bool", "bool", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "bool", a, {{"x", Value(false)}});
    return Value(in.truthy(args[0]));
  }, [](const Value& v) { return v.is_bool(); });
  b["list"] = native_class("list", "list", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "list", a, {{"iterable", make_list({})}});
    return make_list(in.to_vector(args[0]));
  }, [](const Value& v) { return v.get<ListObj>() != nullptr; });
  b["tuple"] = native_class("tuple", "tuple", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "tuple", a, {{"iterable", make_tuple({})}});
    return make_tuple(in.to_vector(args[0]));
  }, [](const Value& v) { return v.get<TupleObj>() != nullptr; });
  b["dict"] = native_class("dict", "dict", [](Interpreter& in, A& a) -> Value {
    auto d = std::make_shared<DictObj>();
    const Value self{ObjPtr(d)};
    if (a.positional.size() > 1) in.error("TypeError", "dict expected at most 1 argument, got " + std::to_string(a.positional.size()));
    if (!a.positional.empty()) {
      const Value source = in.as_dict(a.positional[0]);
      if (auto* src = source.get<DictObj>()) {
        d->items = src->items;
      } else {
        for (const Value& pair : in.to_vector(source)) {
          auto kv = in.to_vector(pair);
          if (kv.size() != 2) in.error("ValueError", "dictionary update sequence element has length " + std::to_string(kv.size()) + "; 2 is required");
          in.set_subscript(self, kv[0], kv[1]);
        }
      }
    }
    for (const auto& [k, v] : a.keywords) in.set_subscript(self, Value(k), v);
    return Value(ObjPtr(d));
  }, [](const Value& v) { return v.get<DictObj>() != nullptr; });
  b["object"] = native_class("object", "object", nullptr, [](const Value&) { return true; });
  // ---- methods of str, list, dict, tuple: registered as "type.method" ----
  const auto method = [&](const std::string& name, Native fn) { b[name] = make_builtin(name.substr(name.find('.') + 1), std::move(fn)); };
  method("str.format", [](Interpreter& in, A& a) { return Value(str_format(in, a.positional[0].as_str(), a, 0)); });
  method("str.join", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "join", a, {{"self", std::nullopt}, {"iterable", std::nullopt}});
    std::string out;
    bool first = true;
    in.iterate(args[1], [&](const Value& v) {
      if (!v.is_str()) in.error("TypeError", "sequence item: expected str instance, " + type_name(v) + " found");
      if (!first) out += args[0].as_str();
      out += v.as_str();
      first = false;
      in.check_string_size(static_cast<int64_t>(out.size()));
      return true;
    });
    return Value(out);
  });
  method("str.upper", [](Interpreter&, A& a) { std::string s = a.positional[0].as_str(); for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); return Value(s); });
  method("str.lower", [](Interpreter&, A& a) { std::string s = a.positional[0].as_str(); for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c))); return Value(s); });
  method("str.strip", [](Interpreter&, A& a) {
    std::string s = a.positional[0].as_str();
    const std::string chars = a.positional.size() > 1 && a.positional[1].is_str() ? a.positional[1].as_str() : " \t\n\r";
    s.erase(0, s.find_first_not_of(chars));
    const auto last = s.find_last_not_of(chars);
    s.erase(last == std::string::npos ? 0 : last + 1);
    return Value(s);
  });
  for (const char* which : {"lstrip", "rstrip"}) {
    const bool left = std::string(which) == "lstrip";
    method(std::string("str.") + which, [left](Interpreter&, A& a) {
      std::string s = a.positional[0].as_str();
      const std::string chars = a.positional.size() > 1 && a.positional[1].is_str() ? a.positional[1].as_str() : " \t\n\r";
      if (left) {
        s.erase(0, s.find_first_not_of(chars) == std::string::npos ? s.size() : s.find_first_not_of(chars));
      } else {
        const auto last = s.find_last_not_of(chars);
        s.erase(last == std::string::npos ? 0 : last + 1);
      }
      return Value(s);
    });
  }
  for (const char* which : {"ljust", "rjust", "center"}) {
    const std::string kind = which;
    method("str." + kind, [kind](Interpreter& in, A& a) {
      const std::string& s = a.positional[0].as_str();
      const auto width = static_cast<std::size_t>(std::max<int64_t>(0, to_int(in, a.positional.at(1), "width")));
      const char fill = a.positional.size() > 2 ? to_str(in, a.positional[2], "fillchar").at(0) : ' ';
      if (s.size() >= width) return Value(s);
      const std::size_t pad = width - s.size();
      if (kind == "ljust") return Value(s + std::string(pad, fill));
      if (kind == "rjust") return Value(std::string(pad, fill) + s);
      const std::size_t left = pad / 2 + (pad & width & 1);
      return Value(std::string(left, fill) + s + std::string(pad - left, fill));
    });
  }
  for (const char* which : {"isdigit", "isalpha", "isspace", "isupper", "islower"}) {
    const std::string kind = which;
    method("str." + kind, [kind](Interpreter&, A& a) {
      const std::string& s = a.positional[0].as_str();
      if (s.empty()) return Value(false);
      bool cased = false;
      for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (kind == "isdigit" && !std::isdigit(u)) return Value(false);
        if (kind == "isalpha" && !std::isalpha(u)) return Value(false);
        if (kind == "isspace" && !std::isspace(u)) return Value(false);
        if (kind == "isupper" && std::islower(u)) return Value(false);
        if (kind == "islower" && std::isupper(u)) return Value(false);
        cased = cased || std::isalpha(u);
      }
      return Value(kind == "isupper" || kind == "islower" ? cased : true);
    });
  }
  method("str.title", [](Interpreter&, A& a) {
    std::string s = a.positional[0].as_str();
    bool start = true;
    for (char& c : s) {
      const auto u = static_cast<unsigned char>(c);
      c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = !std::isalpha(u);
    }
    return Value(s);
  });
  method("str.capitalize", [](Interpreter&, A& a) {
    std::string s = a.positional[0].as_str();
    for (std::size_t i = 0; i < s.size(); ++i)
      s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i])) : std::tolower(static_cast<unsigned char>(s[i])));
    return Value(s);
  });
  // startswith/endswith take a str or a tuple of them, and an optional [start:end] window.
  for (const char* which : {"startswith", "endswith"}) {
    const bool starts = std::string(which) == "startswith";
    method(std::string("str.") + which, [starts, which](Interpreter& in, A& a) {
      if (a.positional.size() < 2) in.error("TypeError", std::string(which) + "() takes at least 1 argument (0 given)");
      Value window = a.positional[0];
      if (a.positional.size() > 2) {
        auto slice = std::make_shared<TupleObj>();
        slice->items = {Value("__slice__"), a.positional[2], a.positional.size() > 3 ? a.positional[3] : Value(), Value()};
        window = in.subscript(a.positional[0], Value(ObjPtr(slice)));
      }
      const std::string& s = window.as_str();
      std::vector<Value> options;
      if (auto* t = a.positional[1].get<TupleObj>()) options = t->items;
      else options.push_back(a.positional[1]);
      for (const Value& o : options) {
        if (!o.is_str()) {
          in.error("TypeError", std::string(which) + " first arg must be str or a tuple of str, not " + type_name(o));
        }
        const std::string& x = o.as_str();
        if (starts ? s.rfind(x, 0) == 0 : (s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0)) {
          return Value(true);
        }
      }
      return Value(false);
    });
  }
  method("str.rfind", [](Interpreter& in, A& a) { return str_find(in, a, true); });
  method("str.replace", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "replace", a, {{"self", std::nullopt}, {"old", std::nullopt}, {"new", std::nullopt}, {"count", Value(-1)}});
    int64_t count = to_int(in, args[3], "count");
    std::string s = args[0].as_str();
    const std::string from = to_str(in, args[1], "old"), to = to_str(in, args[2], "new");
    if (from.empty()) return Value(s);
    std::string out;
    std::size_t pos = 0, hit;
    while (count != 0 && (hit = s.find(from, pos)) != std::string::npos) {
      --count;
      out += s.substr(pos, hit - pos) + to;
      pos = hit + from.size();
      in.check_string_size(static_cast<int64_t>(out.size()));
    }
    return Value(out + s.substr(pos));
  });
  method("str.split", [](Interpreter& in, A& a) {
    const std::string& s = a.positional[0].as_str();
    std::vector<Value> out;
    if (a.positional.size() < 2 || a.positional[1].is_none()) {
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
      }
    } else {
      const std::string sep = to_str(in, a.positional[1], "sep");
      if (sep.empty()) in.error("ValueError", "empty separator");
      int64_t maxsplit = a.positional.size() > 2 ? to_int(in, a.positional[2], "maxsplit") : -1;
      for (const auto& [k, v] : a.keywords)
        if (k == "maxsplit") maxsplit = to_int(in, v, "maxsplit");
      std::size_t pos = 0, hit;
      while (maxsplit-- != 0 && (hit = s.find(sep, pos)) != std::string::npos) {
        out.emplace_back(s.substr(pos, hit - pos));
        pos = hit + sep.size();
      }
      out.emplace_back(s.substr(pos));
    }
    return make_list(std::move(out));
  });
  method("str.find", [](Interpreter& in, A& a) { return str_find(in, a, false); });
  method("str.count", [](Interpreter& in, A& a) {
    const std::string& s = a.positional[0].as_str();
    const std::string sub = a.positional.size() > 1 ? to_str(in, a.positional[1], "sub") : "";
    if (sub.empty()) return Value(static_cast<int64_t>(s.size() + 1));
    int64_t n = 0;
    for (std::size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
    return Value(n);
  });
  method("list.append", [](Interpreter& in, A& a) {
    if (a.positional.size() != 2) in.error("TypeError", "list.append() takes exactly one argument (" + std::to_string(a.positional.size() - 1) + " given)");
    auto* l = a.positional[0].get<ListObj>();
    l->items.push_back(a.positional[1]);
    in.check_list_size(static_cast<int64_t>(l->items.size()));
    return Value();
  });
  method("list.extend", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    for (const Value& v : in.to_vector(a.positional.at(1))) l->items.push_back(v);
    in.check_list_size(static_cast<int64_t>(l->items.size()));
    return Value();
  });
  method("list.insert", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    if (a.positional.size() != 3) in.error("TypeError", "insert expected 2 arguments");
    int64_t i = to_int(in, a.positional[1], "index");
    const auto n = static_cast<int64_t>(l->items.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    l->items.insert(l->items.begin() + i, a.positional[2]);
    return Value();
  });
  method("list.pop", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    if (l->items.empty()) in.error("IndexError", "pop from empty list");
    int64_t i = a.positional.size() > 1 ? to_int(in, a.positional[1], "index") : -1;
    const auto n = static_cast<int64_t>(l->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.error("IndexError", "pop index out of range");
    Value v = l->items[static_cast<std::size_t>(i)];
    l->items.erase(l->items.begin() + i);
    return v;
  });
  method("list.index", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    for (std::size_t i = 0; i < l->items.size(); ++i)
      if (in.equal(l->items[i], a.positional.at(1))) return Value(static_cast<int64_t>(i));
    in.error("ValueError", in.repr(a.positional.at(1)) + " is not in list");
  });
  method("list.remove", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    for (std::size_t i = 0; i < l->items.size(); ++i)
      if (in.equal(l->items[i], a.positional.at(1))) {
        l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(i));
        return Value();
      }
    in.error("ValueError", "list.remove(x): x not in list");
  });
  method("list.reverse", [](Interpreter&, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    std::reverse(l->items.begin(), l->items.end());
    return Value();
  });
  method("list.copy", [](Interpreter&, A& a) { return make_list(a.positional[0].get<ListObj>()->items); });
  method("list.clear", [](Interpreter&, A& a) { a.positional[0].get<ListObj>()->items.clear(); return Value(); });
  method("list.count", [](Interpreter& in, A& a) {
    int64_t n = 0;
    for (const Value& v : a.positional[0].get<ListObj>()->items) n += in.equal(v, a.positional.at(1));
    return Value(n);
  });
  method("list.sort", [](Interpreter& in, A& a) {
    auto* l = a.positional[0].get<ListObj>();
    A inner;
    inner.positional = {make_list(l->items)};
    inner.keywords = a.keywords;
    inner.where = a.where;
    l->items = in.call(in.builtins()["sorted"], inner).get<ListObj>()->items;
    return Value();
  });
  method("tuple.index", [](Interpreter& in, A& a) {
    auto* t = a.positional[0].get<TupleObj>();
    for (std::size_t i = 0; i < t->items.size(); ++i)
      if (in.equal(t->items[i], a.positional.at(1))) return Value(static_cast<int64_t>(i));
    in.error("ValueError", "tuple.index(x): x not in tuple");
  });
  method("tuple.count", [](Interpreter& in, A& a) {
    int64_t n = 0;
    for (const Value& v : a.positional[0].get<TupleObj>()->items) n += in.equal(v, a.positional.at(1));
    return Value(n);
  });
  method("tuple.numel", [](Interpreter&, A& a) {  // torch.Size.numel()
    int64_t n = 1;
    for (const Value& v : a.positional[0].get<TupleObj>()->items) n *= v.as_int();
    return Value(n);
  });
  // Dict views print as dict_keys([...]) and iterate like lists (a snapshot, not live).
  const auto view = [](std::vector<Value> items, const char* name) {
    Value v = make_list(std::move(items));
    v.get<ListObj>()->view = name;
    return v;
  };
  method("dict.keys", [view](Interpreter&, A& a) {
    std::vector<Value> out;
    for (const auto& kv : a.positional[0].get<DictObj>()->items) out.push_back(kv.first);
    return view(std::move(out), "dict_keys");
  });
  method("dict.values", [view](Interpreter&, A& a) {
    std::vector<Value> out;
    for (const auto& kv : a.positional[0].get<DictObj>()->items) out.push_back(kv.second);
    return view(std::move(out), "dict_values");
  });
  method("dict.items", [view](Interpreter&, A& a) {
    std::vector<Value> out;
    for (const auto& kv : a.positional[0].get<DictObj>()->items) out.push_back(make_tuple({kv.first, kv.second}));
    return view(std::move(out), "dict_items");
  });
  method("dict.get", [](Interpreter& in, A& a) {
    for (const auto& kv : a.positional[0].get<DictObj>()->items)
      if (in.equal(kv.first, a.positional.at(1))) return kv.second;
    return a.positional.size() > 2 ? a.positional[2] : Value();
  });
  method("dict.pop", [](Interpreter& in, A& a) {
    auto* d = a.positional[0].get<DictObj>();
    for (auto it = d->items.begin(); it != d->items.end(); ++it)
      if (in.equal(it->first, a.positional.at(1))) {
        Value v = it->second;
        d->items.erase(it);
        d->written();
        return v;
      }
    if (a.positional.size() > 2) return a.positional[2];
    in.raise_key_error(a.positional.at(1));
  });
  method("dict.setdefault", [](Interpreter& in, A& a) {
    auto* d = a.positional[0].get<DictObj>();
    for (const auto& kv : d->items)
      if (in.equal(kv.first, a.positional.at(1))) return kv.second;
    const Value v = a.positional.size() > 2 ? a.positional[2] : Value();
    d->items.emplace_back(a.positional.at(1), v);
    d->written();
    return v;
  });
  method("dict.copy", [](Interpreter&, A& a) {
    auto d = std::make_shared<DictObj>();
    d->items = a.positional[0].get<DictObj>()->items;
    return Value(ObjPtr(d));
  });
  method("dict.update", [](Interpreter& in, A& a) {
    auto* d = a.positional[0].get<DictObj>();
    std::vector<std::pair<Value, Value>> add;
    if (a.positional.size() > 1) {
      auto* src = a.positional[1].get<DictObj>();
      if (!src) in.error("TypeError", "dict.update() needs a dict");
      add = src->items;
    }
    for (const auto& [k, v] : a.keywords) add.emplace_back(Value(k), v);
    for (const auto& kv_new : add) {
      const Value& key = kv_new.first;
      auto it = std::find_if(d->items.begin(), d->items.end(), [&](const auto& kv) { return in.equal(kv.first, key); });
      if (it != d->items.end()) it->second = kv_new.second;
      else d->items.push_back(kv_new);
    }
    d->written();
    return Value();
  });

}

}  // namespace initlab::script
