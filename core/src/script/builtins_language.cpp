// The builtins that the language's own features need: iter/next and the lazy forms of zip,
// map, enumerate, filter, reversed; set and frozenset with their methods; the decorators
// staticmethod, classmethod and property; type(name, bases, dict); callable, vars, dir, hash,
// divmod, pow, chr, ord, bin/oct/hex, ascii, delattr, globals, format.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include "bindings.hpp"
#include "interpreter.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

Value iterator_of(std::string type, std::vector<Value> items) {
  auto it = std::make_shared<IteratorObj>();
  it->type = std::move(type);
  it->items = std::move(items);
  return Value(ObjPtr(it));
}

SetObj& self_set(Interpreter& in, A& a, const char* method) {
  auto* s = a.positional.empty() ? nullptr : a.positional[0].get<SetObj>();
  if (!s) in.error("TypeError", std::string("descriptor '") + method + "' requires a 'set' object");
  return *s;
}

Value new_set(Interpreter& in, const std::vector<Value>& items, bool frozen) {
  auto s = std::make_shared<SetObj>();
  s->frozen = frozen;
  for (const Value& v : items) in.set_add(*s, v);
  return Value(ObjPtr(s));
}

std::string to_base(int64_t n, int base, const char* prefix) {
  if (n == 0) return std::string(prefix) + "0";
  const bool negative = n < 0;
  uint64_t u = negative ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string digits;
  while (u) {
    digits += "0123456789abcdef"[u % static_cast<uint64_t>(base)];
    u /= static_cast<uint64_t>(base);
  }
  std::reverse(digits.begin(), digits.end());
  return (negative ? "-" : "") + std::string(prefix) + digits;
}

}  // namespace

void install_language_builtins(Interpreter& interp) {
  auto& b = interp.builtins();
  const auto def = [&](const std::string& name, Native fn) { b[name] = make_builtin(name, std::move(fn)); };
  const auto cls = [&](const std::string& name, Native construct, std::function<bool(const Value&)> is_instance) {
    auto c = std::make_shared<NativeClassObj>();
    c->name = name;
    c->qualified = name;
    c->construct = std::move(construct);
    c->is_instance = std::move(is_instance);
    b[name] = Value(ObjPtr(c));
  };

  // range is a class (isinstance(x, range), type(r) is range).
  {
    const Value make_range = b["range"];
    cls("range", [make_range](Interpreter& in, A& a) { return in.call(make_range, a); },
        [](const Value& v) { return v.get<RangeObj>() != nullptr; });
  }

  // ---- iteration ----
  def("iter", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "iter", a, {{"object", std::nullopt}, {"sentinel", Value()}});
    const Value& v = args[0];
    if (!args[1].is_none()) in.error("NotImplementedError", "not supported in initlab: iter(callable, sentinel)");
    if (v.get<IteratorObj>()) return v;
    if (v.get<InstanceObj>()) {
      if (auto m = in.dunder(v, "__iter__")) return in.call(*m, std::vector<Value>{});
    }
    std::string type = type_name(v) + "_iterator";
    if (v.get<DictObj>()) type = "dict_keyiterator";
    if (v.is_str()) type = "str_ascii_iterator";
    return iterator_of(type, in.to_vector(v));
  });
  def("next", [](Interpreter& in, A& a) -> Value {
    if (a.positional.empty() || a.positional.size() > 2) {
      in.error("TypeError", "next expected at least 1 argument, got " + std::to_string(a.positional.size()));
    }
    const Value& v = a.positional[0];
    if (auto* it = v.get<IteratorObj>()) {
      if (it->fill) {
        auto fill = std::move(it->fill);
        it->fill = nullptr;
        fill();
      }
      if (it->pos < it->items.size()) return it->items[it->pos++];
      if (a.positional.size() == 2) return a.positional[1];
      in.error("StopIteration", "");
    }
    if (v.get<InstanceObj>()) {
      if (auto m = in.dunder(v, "__next__")) {
        if (a.positional.size() == 1) return in.call(*m, std::vector<Value>{});
        try {
          return in.call(*m, std::vector<Value>{});
        } catch (ScriptError& e) {
          if (!in.isinstance(in.exception_value(e), in.builtins()["StopIteration"])) throw;
          return a.positional[1];
        }
      }
    }
    in.error("TypeError", "'" + type_name(v) + "' object is not an iterator");
  });
  // zip, map, enumerate, filter and reversed hand out iterators. zip and map step their
  // arguments in lockstep, so an endless one (itertools.count()) is fine beside a finite one.
  for (const char* name : {"enumerate", "filter", "reversed"}) {
    const Value eager = b[name];
    const std::string type = std::string(name) == "reversed" ? "list_reverseiterator" : name;
    def(name, [eager, type](Interpreter& in, A& a) {
      const Value r = in.call(eager, a);
      return iterator_of(type, in.to_vector(r));
    });
  }
  const auto lockstep = [](Interpreter& in, const std::vector<Value>& sources, bool strict,
                           const std::function<void(std::vector<Value>&)>& row) {
    // Each source: items computed ahead, or a user iterator asked with __next__.
    struct Feed {
      std::vector<Value> items;
      std::size_t pos = 0;
      std::optional<Value> next;
    };
    std::vector<Feed> s(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      Value it = sources[i];
      if (it.get<InstanceObj>()) {
        if (auto iter = in.dunder(it, "__iter__")) it = in.call(*iter, std::vector<Value>{});
        if (auto next = in.dunder(it, "__next__")) {
          s[i].next = *next;
          continue;
        }
      }
      s[i].items = in.to_vector(it);
    }
    for (std::size_t count = 0;; ++count) {
      std::vector<Value> values;
      std::size_t ended = s.size();
      for (std::size_t i = 0; i < s.size() && ended == s.size(); ++i) {
        in.step();
        if (s[i].next) {
          try {
            values.push_back(in.call(*s[i].next, std::vector<Value>{}));
          } catch (ScriptError& e) {
            if (!in.isinstance(in.exception_value(e), in.builtins()["StopIteration"])) throw;
            ended = i;
          }
        } else if (s[i].pos < s[i].items.size()) {
          values.push_back(s[i].items[s[i].pos++]);
        } else {
          ended = i;
        }
      }
      if (ended != s.size() || s.empty()) {
        if (strict && !s.empty()) {
          const bool others_done = std::all_of(s.begin(), s.end(), [](const Feed& x) { return !x.next && x.pos >= x.items.size(); });
          if (!others_done || ended != 0) {
            const std::size_t k = ended == 0 ? 1 : ended;
            in.error("ValueError", "zip() argument " + std::to_string(k + 1) + " is " + (ended == 0 ? "longer" : "shorter") +
                                       " than argument" + (k == 1 ? " 1" : "s 1-" + std::to_string(k)));
          }
        }
        return;
      }
      row(values);
      in.check_list_size(static_cast<int64_t>(count));
    }
  };
  def("zip", [lockstep](Interpreter& in, A& a) {
    bool strict = false;
    for (const auto& [k, v] : a.keywords) {
      if (k != "strict") in.error("TypeError", "zip() got an unexpected keyword argument '" + k + "'");
      strict = in.truthy(v);
    }
    std::vector<Value> out;
    lockstep(in, a.positional, strict, [&](std::vector<Value>& row) { out.push_back(make_tuple(std::move(row))); });
    return iterator_of("zip", std::move(out));
  });
  def("map", [lockstep](Interpreter& in, A& a) {
    if (a.positional.size() < 2) in.error("TypeError", "map() must have at least two arguments.");
    const Value fn = a.positional[0];
    std::vector<Value> out;
    lockstep(in, std::vector<Value>(a.positional.begin() + 1, a.positional.end()), false,
             [&](std::vector<Value>& row) { out.push_back(in.call(fn, row)); });
    return iterator_of("map", std::move(out));
  });

  // ---- set, frozenset ----
  cls("set", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "set", a, {{"iterable", Value(make_list({}))}});
    return new_set(in, in.to_vector(args[0]), false);
  }, [](const Value& v) { return v.get<SetObj>() && !v.get<SetObj>()->frozen; });
  cls("frozenset", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "frozenset", a, {{"iterable", Value(make_list({}))}});
    return new_set(in, in.to_vector(args[0]), true);
  }, [](const Value& v) { return v.get<SetObj>() && v.get<SetObj>()->frozen; });
  const auto method = [&](const std::string& name, Native fn, bool frozen_too) {
    b["set." + name] = make_builtin(name, fn);
    if (frozen_too) b["frozenset." + name] = make_builtin(name, fn);
  };
  method("add", [](Interpreter& in, A& a) {
    SetObj& s = self_set(in, a, "add");
    if (a.positional.size() != 2) in.error("TypeError", "set.add() takes exactly one argument (" + std::to_string(a.positional.size() - 1) + " given)");
    in.set_add(s, a.positional[1]);
    return Value();
  }, false);
  for (const char* name : {"remove", "discard"}) {
    const std::string n = name;
    method(n, [n](Interpreter& in, A& a) {
      SetObj& s = self_set(in, a, n.c_str());
      if (a.positional.size() != 2) in.error("TypeError", "set." + n + "() takes exactly one argument");
      for (auto it = s.items.begin(); it != s.items.end(); ++it)
        if (in.equal(*it, a.positional[1])) {
          s.items.erase(it);
          return Value();
        }
      if (n == "remove") in.raise_key_error(a.positional[1]);
      return Value();
    }, false);
  }
  method("pop", [](Interpreter& in, A& a) {
    SetObj& s = self_set(in, a, "pop");
    if (s.items.empty()) in.raise_key_error(Value("pop from an empty set"));
    Value v = s.items.front();
    s.items.erase(s.items.begin());
    return v;
  }, false);
  method("clear", [](Interpreter& in, A& a) {
    self_set(in, a, "clear").items.clear();
    return Value();
  }, false);
  method("copy", [](Interpreter& in, A& a) {
    SetObj& s = self_set(in, a, "copy");
    auto c = std::make_shared<SetObj>(s);
    return Value(ObjPtr(c));
  }, true);
  method("update", [](Interpreter& in, A& a) {
    SetObj& s = self_set(in, a, "update");
    for (std::size_t i = 1; i < a.positional.size(); ++i)
      for (const Value& v : in.to_vector(a.positional[i])) in.set_add(s, v);
    return Value();
  }, false);
  // union, intersection, difference, symmetric_difference (and their _update forms) take
  // any iterables, as the methods do (the operators want sets).
  for (const char* op : {"union", "intersection", "difference", "symmetric_difference"}) {
    const std::string name = op;
    const std::string symbol = name == "union" ? "|" : name == "intersection" ? "&" : name == "difference" ? "-" : "^";
    const auto compute = [symbol](Interpreter& in, A& a) {
      Value acc(ObjPtr(std::make_shared<SetObj>(*a.positional[0].get<SetObj>())));
      for (std::size_t i = 1; i < a.positional.size(); ++i) acc = in.binary(symbol, acc, new_set(in, in.to_vector(a.positional[i]), false));
      return acc;
    };
    method(name, [compute, name](Interpreter& in, A& a) {
      self_set(in, a, name.c_str());
      return compute(in, a);
    }, true);
    if (name != "union") {
      method(name + "_update", [compute, name](Interpreter& in, A& a) {
        SetObj& s = self_set(in, a, name.c_str());
        s.items = compute(in, a).get<SetObj>()->items;
        return Value();
      }, false);
    }
  }
  for (const char* op : {"issubset", "issuperset", "isdisjoint"}) {
    const std::string name = op;
    method(name, [name](Interpreter& in, A& a) {
      SetObj& s = self_set(in, a, name.c_str());
      if (a.positional.size() != 2) in.error("TypeError", "set." + name + "() takes exactly one argument");
      const Value other = new_set(in, in.to_vector(a.positional[1]), false);
      const Value self(ObjPtr(std::make_shared<SetObj>(s)));
      if (name == "issubset") return in.binary("-", self, other).get<SetObj>()->items.empty() ? Value(true) : Value(false);
      if (name == "issuperset") return in.binary("-", other, self).get<SetObj>()->items.empty() ? Value(true) : Value(false);
      return Value(in.binary("&", self, other).get<SetObj>()->items.empty());
    }, true);
  }

  // ---- decorators ----
  cls("staticmethod", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "staticmethod", a, {{"function", std::nullopt}});
    auto s = std::make_shared<StaticMethodObj>();
    s->fn = args[0];
    return Value(ObjPtr(s));
  }, [](const Value& v) { return v.get<StaticMethodObj>() != nullptr; });
  cls("classmethod", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "classmethod", a, {{"function", std::nullopt}});
    auto c = std::make_shared<ClassMethodObj>();
    c->fn = args[0];
    return Value(ObjPtr(c));
  }, [](const Value& v) { return v.get<ClassMethodObj>() != nullptr; });
  cls("property", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "property", a, {{"fget", Value()}, {"fset", Value()}, {"fdel", Value()}, {"doc", Value()}});
    auto p = std::make_shared<PropertyObj>();
    p->fget = args[0];
    p->fset = args[1];
    p->fdel = args[2];
    return Value(ObjPtr(p));
  }, [](const Value& v) { return v.get<PropertyObj>() != nullptr; });

  // ---- type: type(x), and type(name, bases, dict) making a class ----
  const Value type_of = b["type"];
  cls("type", [type_of](Interpreter& in, A& a) -> Value {
    if (a.positional.size() == 1 && a.keywords.empty()) return in.call(type_of, a);
    if (a.positional.size() != 3) in.error("TypeError", "type() takes 1 or 3 arguments");
    if (!a.positional[0].is_str()) in.error("TypeError", "type.__new__() argument 1 must be str, not " + type_name(a.positional[0]));
    auto c = std::make_shared<ClassObj>();
    c->name = a.positional[0].as_str();
    for (const Value& base : in.to_vector(a.positional[1])) {
      if (auto* bc = base.get<ClassObj>()) {
        c->bases.push_back(std::static_pointer_cast<ClassObj>(base.as_obj()));
        c->module_subclass = c->module_subclass || bc->module_subclass;
        c->exception = c->exception || bc->exception;
        if (!c->native_layer) c->native_layer = bc->native_layer;
      } else if (auto* n = base.get<NativeClassObj>()) {
        if (n->name == "Module") {
          c->module_subclass = true;
        } else if (n->build) {
          c->module_subclass = true;
          c->native_layer = std::static_pointer_cast<NativeClassObj>(base.as_obj());
        } else if (n->name != "object") in.error("NotImplementedError", "not supported in initlab: deriving a class from " + n->qualified);
      }
    }
    auto* d = a.positional[2].get<DictObj>();
    if (!d) in.error("TypeError", "type.__new__() argument 3 must be dict, not " + type_name(a.positional[2]));
    for (const auto& [k, v] : d->items) {
      if (!k.is_str()) in.error("TypeError", "type() dict keys must be strings");
      if (!c->attrs.count(k.as_str())) c->order.push_back(k.as_str());
      c->attrs[k.as_str()] = v;
    }
    auto mod = c->attrs.find("__module__");
    if (mod != c->attrs.end() && mod->second.is_str()) c->module = mod->second.as_str();
    const Value made{ObjPtr(c)};
    in.run_init_subclass(made);
    return made;
  }, [](const Value& v) { return v.get<ClassObj>() || v.get<NativeClassObj>(); });

  // ---- objects ----
  // object(): a featureless instance (sentinels such as functools' _initial_missing).
  {
    auto object_cls = std::make_shared<ClassObj>();
    object_cls->name = "object";
    object_cls->module = "builtins";
    auto* native_object = b["object"].get<NativeClassObj>();
    native_object->construct = [object_cls](Interpreter& in, A& a) -> Value {
      if (!a.positional.empty() || !a.keywords.empty()) in.error("TypeError", "object() takes no arguments");
      return in.new_instance(object_cls);
    };
  }
  def("callable", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "callable", a, {{"obj", std::nullopt}});
    const Value& v = args[0];
    if (v.get<BuiltinObj>() || v.get<FunctionObj>() || v.get<BoundMethodObj>() || v.get<ClassObj>() ||
        v.get<NativeClassObj>() || v.get<ModuleObj>() || v.get<StaticMethodObj>()) {
      return Value(true);
    }
    if (v.get<InstanceObj>()) return Value(in.dunder(v, "__call__").has_value());
    if (auto* n = v.get<NativeObj>()) return Value(n->members.count("__call__") > 0);
    return Value(false);
  });
  def("vars", [](Interpreter& in, A& a) -> Value {
    if (a.positional.empty()) return in.call(in.builtins()["locals"], std::vector<Value>{});
    const Value& v = a.positional[0];
    if (auto d = in.try_getattr(v, "__dict__")) return *d;
    in.error("TypeError", "vars() argument must have __dict__ attribute");
  });
  def("dir", [](Interpreter& in, A& a) -> Value {
    std::vector<std::string> names;
    if (a.positional.empty()) {
      for (const auto& [k, v] : in.globals()->vars) names.push_back(k);
    } else {
      const Value& v = a.positional[0];
      if (auto* inst = v.get<InstanceObj>()) {
        for (const auto& [k, x] : inst->attrs) names.push_back(k);
        std::function<void(const ClassObj&)> add = [&](const ClassObj& c) {
          for (const auto& [k, x] : c.attrs) names.push_back(k);
          for (const auto& base : c.bases) add(*base);
        };
        add(*inst->cls);
      } else if (auto* c = v.get<ClassObj>()) {
        for (const auto& [k, x] : c->attrs) names.push_back(k);
      } else if (auto* ns = v.get<NamespaceObj>()) {
        if (ns->scope)
          for (const auto& [k, x] : ns->scope->vars) names.push_back(k);
        for (const auto& [k, x] : ns->members) names.push_back(k);
      } else if (auto* m = v.get<ModuleObj>()) {
        for (const auto& [k, x] : m->module->own_parameters()) names.push_back(k);
        for (const auto& [k, x] : m->module->own_buffers()) names.push_back(k);
        for (const auto& [k, x] : m->module->children()) names.push_back(k);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<Value> out(names.begin(), names.end());
    return make_list(std::move(out));
  });
  def("globals", [](Interpreter& in, A&) -> Value {
    // A snapshot: writes into it do not define names (initlab keeps scopes apart).
    auto d = std::make_shared<DictObj>();
    for (const auto& [k, v] : in.globals()->vars) d->items.emplace_back(Value(k), v);
    return Value(ObjPtr(d));
  });
  def("locals", [](Interpreter& in, A& a) -> Value { return in.call(in.builtins()["globals"], a); });
  def("hash", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "hash", a, {{"obj", std::nullopt}});
    return Value(in.hash(args[0]));
  });
  def("delattr", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "delattr", a, {{"obj", std::nullopt}, {"name", std::nullopt}});
    in.delattr(args[0], to_str(in, args[1], "attribute name"));
    return Value();
  });

  // ---- numbers and characters ----
  def("divmod", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "divmod", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    return make_tuple({in.binary("//", args[0], args[1]), in.binary("%", args[0], args[1])});
  });
  def("pow", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "pow", a, {{"base", std::nullopt}, {"exp", std::nullopt}, {"mod", Value()}});
    if (args[2].is_none()) return in.binary("**", args[0], args[1]);
    if (!(args[0].is_int() || args[0].is_bool()) || !(args[1].is_int() || args[1].is_bool()) || !(args[2].is_int() || args[2].is_bool())) {
      in.error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
    }
    int64_t base = args[0].as_int(), e = args[1].as_int(), m = args[2].as_int();
    if (m == 0) in.error("ValueError", "pow() 3rd argument cannot be 0");
    if (e < 0) in.error("NotImplementedError", "not supported in initlab: pow() with a negative exponent and a modulus");
    // x*y mod m without overflow: double-and-add over y's bits (x, y in [0, |m|)).
    const uint64_t um = static_cast<uint64_t>(m < 0 ? -m : m);
    const auto mulmod = [um](int64_t x, int64_t y) {
      uint64_t r = 0, p = static_cast<uint64_t>(x) % um, k = static_cast<uint64_t>(y) % um;
      while (k) {
        if (k & 1) r = (r + p) % um;
        p = (p * 2) % um;
        k >>= 1;
      }
      return static_cast<int64_t>(r);
    };
    int64_t result = static_cast<int64_t>(1 % um);
    base = py_mod(base, static_cast<int64_t>(um));
    while (e > 0) {
      if (e & 1) result = mulmod(result, base);
      base = mulmod(base, base);
      e >>= 1;
    }
    // Python's result takes the modulus's sign.
    return Value(m < 0 && result != 0 ? result + m : result);
  });
  def("chr", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "chr", a, {{"i", std::nullopt}});
    const int64_t c = to_int(in, args[0], "chr() argument");
    if (c < 0 || c > 0x10FFFF) in.error("ValueError", "chr() arg not in range(0x110000)");
    std::string s;
    const auto u = static_cast<uint32_t>(c);
    if (u < 0x80) {
      s += static_cast<char>(u);
    } else if (u < 0x800) {
      s += static_cast<char>(0xC0 | (u >> 6));
      s += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
      s += static_cast<char>(0xE0 | (u >> 12));
      s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (u >> 18));
      s += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (u & 0x3F));
    }
    return Value(s);
  });
  def("ord", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "ord", a, {{"c", std::nullopt}});
    if (!args[0].is_str()) in.error("TypeError", "ord() expected string of length 1, but " + type_name(args[0]) + " found");
    const std::string& s = args[0].as_str();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t len = s.empty() ? 0 : (p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4);
    if (s.empty() || len != s.size()) {
      in.error("TypeError", "ord() expected a character, but string of length " + std::to_string(code_point_count(s)) + " found");
    }
    uint32_t c = len == 1 ? p[0] : len == 2 ? (p[0] & 0x1Fu) : len == 3 ? (p[0] & 0x0Fu) : (p[0] & 0x07u);
    for (std::size_t i = 1; i < len; ++i) c = (c << 6) | (p[i] & 0x3Fu);
    return Value(static_cast<int64_t>(c));
  });
  for (const auto& [name, base, prefix] : {std::tuple<const char*, int, const char*>{"bin", 2, "0b"}, {"oct", 8, "0o"}, {"hex", 16, "0x"}}) {
    const int bs = base;
    const std::string pre = prefix;
    const std::string n = name;
    def(n, [n, bs, pre](Interpreter& in, A& a) {
      const auto args = bind_native(in, n, a, {{"number", std::nullopt}});
      if (!args[0].is_int() && !args[0].is_bool()) {
        in.error("TypeError", "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
      }
      return Value(to_base(args[0].as_int(), bs, pre.c_str()));
    });
  }
  def("ascii", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "ascii", a, {{"obj", std::nullopt}});
    // repr() with the characters past ASCII escaped as \\xhh, \\uhhhh or \\Uhhhhhhhh.
    std::string out;
    for (const std::string& cp : code_points(in.repr(args[0]))) {
      const auto b0 = static_cast<unsigned char>(cp[0]);
      if (b0 < 0x80) {
        out += cp;
        continue;
      }
      uint32_t code = cp.size() == 2 ? b0 & 0x1Fu : cp.size() == 3 ? b0 & 0x0Fu : b0 & 0x07u;
      for (std::size_t k = 1; k < cp.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(cp[k]) & 0x3Fu);
      char buf[16];
      if (code < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", code);
      else if (code < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", code);
      else std::snprintf(buf, sizeof buf, "\\U%08x", code);
      out += buf;
    }
    return Value(out);
  });
  def("format", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "format", a, {{"value", std::nullopt}, {"format_spec", Value("")}});
    if (args[0].get<InstanceObj>()) {
      if (auto m = in.dunder(args[0], "__format__")) return in.call(*m, {args[1]});
    }
    return Value(format_value(in, args[0], to_str(in, args[1], "format_spec")));
  });
  // Code from strings is not run: initlab's scripts are the code the user sees.
  for (const char* name : {"eval", "exec", "compile", "open", "input", "breakpoint", "__import__"}) {
    const std::string n = name;
    def(n, [n](Interpreter& in, A&) -> Value {
      in.error("NotImplementedError", "not supported in initlab: " + n + "() (the playground runs only the code in the editor)");
    });
  }
}

}  // namespace initlab::script
