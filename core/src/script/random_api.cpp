// Python's `random` module for scripts: the module-level functions on a hidden Random
// instance (seeded from the clock, as CPython seeds it from the OS), and random.Random(seed)
// objects with the same methods, each drawing exactly CPython 3.11's values for the same seed
// (initlab/py_random.hpp holds the generator; this file binds arguments as CPython does and
// raises its errors in its words and order).
#include <cmath>
#include <cstdio>

#include "bindings.hpp"
#include "initlab/py_random.hpp"
#include "initlab/warnings.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;
using Engine = std::shared_ptr<PythonRandom>;

// Arguments of a method Lib/random.py defines in Python: CPython counts `self` in its
// messages ("Random.randint() takes 3 positional arguments but 4 were given").
std::vector<Value> bind_method(Interpreter& in, const std::string& fn, const A& a, std::vector<ParamSpec> params) {
  A with_self = a;
  with_self.positional.insert(with_self.positional.begin(), Value());
  params.insert(params.begin(), ParamSpec{"self", std::nullopt});
  std::vector<Value> out = bind_native(in, fn, with_self, params);
  out.erase(out.begin());
  return out;
}

// A method _randommodule.c defines in C, with its fixed number of positional arguments.
void check_c_args(Interpreter& in, const std::string& fn, const A& a, std::size_t count) {
  if (!a.keywords.empty()) in.error("TypeError", fn + "() takes no keyword arguments");
  if (a.positional.size() == count) return;
  const std::string given = std::to_string(a.positional.size());
  in.error("TypeError", fn + "() takes " + (count == 0 ? std::string("no arguments") : "exactly one argument") + " (" + given + " given)");
}

// operator.index(v): ints and bools only.
int64_t index_arg(Interpreter& in, const Value& v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  in.error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// randrange's own conversion (3.11): an int, or a float with an integral value (deprecated,
// with a warning), else ValueError naming the argument ("arg 1", "stop", "step").
int64_t randrange_arg(Interpreter& in, const Value& v, const std::string& which) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (v.is_float()) {
    const double d = v.as_float();
    if (std::isnan(d)) in.error("ValueError", "cannot convert float NaN to integer");
    if (std::isinf(d)) in.error("OverflowError", "cannot convert float infinity to integer");
    if (d != std::trunc(d)) {
      warn("DeprecationWarning: randrange() will raise TypeError in the future");
      in.error("ValueError", "non-integer " + which + " for randrange()");
    }
    if (std::fabs(d) >= 9223372036854775808.0) in.error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
    warn("DeprecationWarning: non-integer arguments to randrange() have been deprecated since Python 3.10 and will be "
         "removed in a subsequent version");
    return static_cast<int64_t>(d);
  }
  if (v.is_str()) {
    // int(s): a numeral is an int unequal to the str (so "non-integer"); anything else fails.
    const std::string& s = v.as_str();
    std::size_t used = 0;
    try {
      (void)std::stoll(s, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (!s.empty() && used == s.size()) in.error("ValueError", "non-integer " + which + " for randrange()");
    in.error("ValueError", "invalid literal for int() with base 10: " + in.repr(v));
  }
  in.error("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
}

int64_t length(Interpreter& in, const Value& seq) { return in.call(in.builtins().at("len"), {seq}).as_int(); }

Value item(Interpreter& in, const Value& seq, uint64_t i) { return in.getitem(seq, Value(static_cast<int64_t>(i))); }

Value list_of_items(Interpreter& in, const Value& seq, const std::vector<uint64_t>& indices) {
  std::vector<Value> out;
  out.reserve(indices.size());
  for (uint64_t i : indices) out.push_back(item(in, seq, i));
  return make_list(std::move(out));
}

// Python's sum-as-you-go of itertools.accumulate, so ints stay ints and TypeErrors are Python's.
std::vector<Value> accumulate(Interpreter& in, const Value& iterable) {
  std::vector<Value> out;
  for (const Value& v : in.to_vector(iterable)) out.push_back(out.empty() ? v : in.binary("+", out.back(), v));
  return out;
}

// The code points of a UTF-8 str, for seed version 1 (which hashes ord() of each).
std::vector<uint32_t> code_points(const std::string& s) {
  std::vector<uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    uint32_t cp = extra == 0 ? c : c & (0x3f >> extra);
    for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

// Random.seed(a, version) for every seed type a script can hold.
void seed_engine(Interpreter& in, PythonRandom& r, const Value& a, const Value& version) {
  const bool v1 = version.is_int() && version.as_int() == 1, v2 = version.is_int() && version.as_int() == 2;
  if (a.is_none()) {
    r.seed_from_clock();
  } else if (a.is_int() || a.is_bool()) {
    r.seed(a.as_int());
  } else if (a.is_float()) {
    r.seed(a.as_float());
  } else if (a.is_str() && v1) {
    // Python 2's str hash, kept so that old seeds replay.
    const std::vector<uint32_t> cps = code_points(a.as_str());
    uint64_t x = cps.empty() ? 0 : uint64_t{cps[0]} << 7;
    for (uint32_t c : cps) x = (1000003 * x) ^ c;
    x ^= cps.size();
    r.seed_words({static_cast<uint32_t>(x), static_cast<uint32_t>(x >> 32)});
  } else if (a.is_str() && v2) {
    r.seed_bytes(a.as_str());
  } else if (a.is_str()) {
    // Another version seeds with hash(str), which PYTHONHASHSEED randomizes per process.
    r.seed_from_clock();
  } else {
    in.error("TypeError", "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
}

Value state_tuple(const PythonRandom::State& s) {
  std::vector<Value> words;
  for (uint32_t w : s.mt.words) words.emplace_back(static_cast<int64_t>(w));
  words.emplace_back(static_cast<int64_t>(s.mt.index));
  return make_tuple({Value(3), make_tuple(std::move(words)), s.gauss_next ? Value(*s.gauss_next) : Value()});
}

void set_state(Interpreter& in, PythonRandom& r, const Value& state) {
  const Value version = in.getitem(state, Value(0));
  const bool v3 = version.is_int() && version.as_int() == 3, v2 = version.is_int() && version.as_int() == 2;
  if (!v3 && !v2) {
    in.error("ValueError", "state with version " + in.str(version) + " passed to Random.setstate() of version 3");
  }
  const std::vector<Value> parts = in.to_vector(state);
  if (parts.size() != 3) {
    in.error("ValueError", parts.size() > 3 ? "too many values to unpack (expected 3)"
                                            : "not enough values to unpack (expected 3, got " + std::to_string(parts.size()) + ")");
  }
  std::optional<double> gauss_next;
  if (!parts[2].is_none()) gauss_next = to_float(in, parts[2], "gauss_next");
  const auto* words = parts[1].get<TupleObj>();
  // Version 2 saved the words as signed ints; 3.11 takes them modulo 2**32 into a tuple first.
  if (!words && !v2) in.error("TypeError", "state vector must be a tuple");
  const std::vector<Value> items = words ? words->items : in.to_vector(parts[1]);
  if (items.size() != Mt19937::kN + 1) in.error("ValueError", "state vector is the wrong size");
  PythonRandom::State s;
  for (int i = 0; i < Mt19937::kN; ++i) {
    const int64_t w = index_arg(in, items[static_cast<std::size_t>(i)]);
    if (w < 0 && !v2) in.error("OverflowError", "can't convert negative value to unsigned int");
    s.mt.words[static_cast<std::size_t>(i)] = static_cast<uint32_t>(w);  // the C code keeps the low 32 bits
  }
  const int64_t index = index_arg(in, items.back());
  if (index < 0 || index > Mt19937::kN) in.error("ValueError", "invalid state");
  s.mt.index = static_cast<int>(index);
  s.gauss_next = gauss_next;
  r.setstate(s);
}

Value randrange(Interpreter& in, PythonRandom& r, const Value& start, const Value& stop, const Value& step) {
  const int64_t istart = randrange_arg(in, start, "arg 1");
  if (stop.is_none()) {
    // CPython tests `step is _ONE`: only the int 1 (a cached object) counts as no step.
    if (!(step.is_int() && step.as_int() == 1)) in.error("TypeError", "Missing a non-None stop argument");
    return Value(r.randrange(istart));
  }
  const int64_t istop = randrange_arg(in, stop, "stop");
  const int64_t istep = randrange_arg(in, step, "step");
  return Value(r.randrange(istart, istop, istep));
}

// The methods of a Random instance; the module's functions are the hidden instance's.
std::map<std::string, Value> methods(const Engine& engine) {
  std::map<std::string, Value> m;
  const auto def = [&](const std::string& name, std::function<Value(Interpreter&, A&, PythonRandom&)> fn) {
    const std::string qualified = "Random." + name;
    m[name] = make_builtin(qualified, [engine, fn](Interpreter& in, A& a) { return fn(in, a, *engine); });
  };
  const auto real = [](Interpreter& in, const Value& v, const char* what) { return to_float(in, v, what); };

  def("seed", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.seed", a, {{"a", Value()}, {"version", Value(2)}});
    seed_engine(in, r, p[0], p[1]);
    return Value();
  });
  def("random", [](Interpreter& in, A& a, PythonRandom& r) {
    check_c_args(in, "Random.random", a, 0);
    return Value(r.random());
  });
  def("getrandbits", [](Interpreter& in, A& a, PythonRandom& r) {
    check_c_args(in, "Random.getrandbits", a, 1);
    const uint64_t bits = r.getrandbits(index_arg(in, a.positional[0]));
    if (bits > static_cast<uint64_t>(INT64_MAX)) in.error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
    return Value(static_cast<int64_t>(bits));
  });
  def("getstate", [](Interpreter& in, A& a, PythonRandom& r) {
    bind_method(in, "Random.getstate", a, {});
    return state_tuple(r.getstate());
  });
  def("setstate", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.setstate", a, {{"state", std::nullopt}});
    set_state(in, r, p[0]);
    return Value();
  });
  def("randrange", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.randrange", a, {{"start", std::nullopt}, {"stop", Value()}, {"step", Value(1)}});
    return randrange(in, r, p[0], p[1], p[2]);
  });
  def("randint", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.randint", a, {{"a", std::nullopt}, {"b", std::nullopt}});
    // randrange(a, b + 1); for two ints without computing b + 1, which may overflow int64.
    if ((p[0].is_int() || p[0].is_bool()) && (p[1].is_int() || p[1].is_bool())) return Value(r.randint(p[0].as_int(), p[1].as_int()));
    return randrange(in, r, p[0], in.binary("+", p[1], Value(1)), Value(1));
  });
  def("choice", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.choice", a, {{"seq", std::nullopt}});
    const int64_t n = length(in, p[0]);
    return item(in, p[0], r.choice_index(static_cast<uint64_t>(n)));
  });
  def("shuffle", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.shuffle", a, {{"x", std::nullopt}});
    if (auto* l = p[0].get<ListObj>(); l && l->view.empty()) {
      r.shuffle(l->items);
      return Value();
    }
    const int64_t n = length(in, p[0]);
    if (n < 2) return Value();  // nothing to swap: CPython assigns nothing either
    if (p[0].get<TensorObj>()) {
      // CPython swaps with x[i], x[j] = x[j], x[i], which on tensor views duplicates rows.
      in.error("NotImplementedError", "not supported in initlab: random.shuffle of a tensor (shuffle a list, or index with torch.randperm(n))");
    }
    in.error("TypeError", "'" + type_name(p[0]) + "' object does not support item assignment");
  });
  def("sample", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.sample", a, {{"population", std::nullopt}, {"k", std::nullopt}, {"counts", Value(), true}});
    const Value& pop = p[0];
    const bool sequence = pop.is_str() || pop.get<TupleObj>() || pop.get<RangeObj>() || (pop.get<ListObj>() && pop.get<ListObj>()->view.empty());
    if (!sequence) in.error("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).");
    const auto n = static_cast<uint64_t>(length(in, pop));
    if (!p[1].is_int() && !p[1].is_bool()) in.error("TypeError", "can't multiply sequence by non-int of type '" + type_name(p[1]) + "'");
    const int64_t k = p[1].as_int();
    in.check_list_size(k);
    if (p[2].is_none()) return list_of_items(in, pop, r.sample_indices(n, k));
    const std::vector<Value> raw = in.to_vector(p[2]);
    const std::vector<Value> cum = accumulate(in, make_list(raw));
    if (cum.size() != n) in.error("ValueError", "The number of counts does not match the population");
    // An int total means every count was an int: a float anywhere makes the sums floats.
    if (!cum.empty() && !cum.back().is_int() && !cum.back().is_bool()) in.error("TypeError", "Counts must be integers");
    std::vector<int64_t> counts;
    for (const Value& c : raw) counts.push_back(index_arg(in, c));
    return list_of_items(in, pop, r.sample_indices_with_counts(n, counts, k));
  });
  def("choices", [](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.choices", a,
                               {{"population", std::nullopt}, {"weights", Value()}, {"cum_weights", Value(), true}, {"k", Value(1), true}});
    const Value& pop = p[0];
    const auto n = static_cast<uint64_t>(length(in, pop));
    const int64_t k = index_arg(in, p[3]);
    in.check_list_size(k);
    if (p[2].is_none() && p[1].is_none()) {
      const std::vector<uint64_t> picks = r.choices_indices(n, k);
      return list_of_items(in, pop, picks);
    }
    std::vector<Value> cum;
    if (p[2].is_none()) {
      if (p[1].is_int() || p[1].is_bool()) {
        in.error("TypeError", "The number of choices must be a keyword argument: k=" + in.repr(p[1]));
      }
      cum = accumulate(in, p[1]);
    } else if (!p[1].is_none()) {
      in.error("TypeError", "Cannot specify both weights and cumulative weights");
    } else {
      cum = in.to_vector(p[2]);
    }
    // CPython touches the weights only as `cum_weights[-1] + 0.0` and in bisect's comparisons:
    // their errors are those operations' errors.
    if (!cum.empty()) (void)in.binary("+", cum.back(), Value(0.0));
    std::vector<double> cum_weights;
    for (const Value& c : cum) {
      if (!c.is_number() && !c.get<TensorObj>()) {
        in.error("TypeError", "'<' not supported between instances of 'float' and '" + type_name(c) + "'");
      }
      cum_weights.push_back(to_float(in, c, "weights"));
    }
    return list_of_items(in, pop, r.choices_indices(n, cum_weights, k));
  });
  def("uniform", [real](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.uniform", a, {{"a", std::nullopt}, {"b", std::nullopt}});
    return Value(r.uniform(real(in, p[0], "a"), real(in, p[1], "b")));
  });
  def("triangular", [real](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.triangular", a, {{"low", Value(0.0)}, {"high", Value(1.0)}, {"mode", Value()}});
    const double low = real(in, p[0], "low"), high = real(in, p[1], "high");
    std::optional<double> mode;
    if (!p[2].is_none()) mode = real(in, p[2], "mode");
    const double x = r.triangular(low, high, mode);
    // On a zero-width range CPython returns `low` itself (an int stays an int).
    if (mode && high - low == 0.0) return p[0];
    return Value(x);
  });
  const auto two = [&](const std::string& name, const char* first, const char* second, std::optional<Value> d1, std::optional<Value> d2,
                       double (PythonRandom::*fn)(double, double)) {
    def(name, [=](Interpreter& in, A& a, PythonRandom& r) {
      const auto p = bind_method(in, "Random." + name, a, {{first, d1}, {second, d2}});
      return Value((r.*fn)(real(in, p[0], first), real(in, p[1], second)));
    });
  };
  two("normalvariate", "mu", "sigma", Value(0.0), Value(1.0), &PythonRandom::normalvariate);
  two("gauss", "mu", "sigma", Value(0.0), Value(1.0), &PythonRandom::gauss);
  two("lognormvariate", "mu", "sigma", std::nullopt, std::nullopt, &PythonRandom::lognormvariate);
  two("vonmisesvariate", "mu", "kappa", std::nullopt, std::nullopt, &PythonRandom::vonmisesvariate);
  two("gammavariate", "alpha", "beta", std::nullopt, std::nullopt, &PythonRandom::gammavariate);
  two("betavariate", "alpha", "beta", std::nullopt, std::nullopt, &PythonRandom::betavariate);
  two("weibullvariate", "alpha", "beta", std::nullopt, std::nullopt, &PythonRandom::weibullvariate);
  def("expovariate", [real](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.expovariate", a, {{"lambd", std::nullopt}});
    return Value(r.expovariate(real(in, p[0], "lambd")));
  });
  def("paretovariate", [real](Interpreter& in, A& a, PythonRandom& r) {
    const auto p = bind_method(in, "Random.paretovariate", a, {{"alpha", std::nullopt}});
    return Value(r.paretovariate(real(in, p[0], "alpha")));
  });
  def("randbytes", [](Interpreter& in, A&, PythonRandom&) -> Value {
    in.error("NotImplementedError", "not supported in initlab: random.randbytes (initlab has no bytes type)");
  });
  return m;
}

Value make_random_object(const Engine& engine) {
  auto o = std::make_shared<NativeObj>();
  o->type = "Random";
  o->members = methods(engine);
  o->members["VERSION"] = Value(3);
  // gauss_next is an attribute of a Random instance in CPython, read live.
  o->attribute = [engine](Interpreter&, const std::string& name) -> std::optional<Value> {
    if (name == "gauss_next") {
      const auto g = engine->getstate().gauss_next;
      return g ? Value(*g) : Value();
    }
    return std::nullopt;
  };
  const auto* address = o.get();
  o->repr = [address]() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<random.Random object at %p>", static_cast<const void*>(address));
    return std::string(buf);
  };
  return Value(ObjPtr(o));
}

}  // namespace

void install_random(Interpreter& interp) {
  auto ns = std::make_shared<NamespaceObj>();
  ns->name = "random";
  // The module's functions draw from one hidden instance, seeded from the clock at import as
  // CPython seeds it from the OS: a script that never calls random.seed differs run to run.
  const Engine hidden = std::make_shared<PythonRandom>();
  ns->members = methods(hidden);

  auto cls = std::make_shared<NativeClassObj>();
  cls->name = "Random";
  cls->qualified = "random.Random";
  cls->construct = [](Interpreter& in, A& a) -> Value {
    const auto p = bind_method(in, "Random.__init__", a, {{"x", Value()}});
    auto engine = std::make_shared<PythonRandom>(0);
    seed_engine(in, *engine, p[0], Value(2));
    return make_random_object(engine);
  };
  cls->is_instance = [](const Value& v) { return v.get<NativeObj>() && v.get<NativeObj>()->type == "Random"; };
  ns->members["Random"] = Value(ObjPtr(cls));
  ns->members["SystemRandom"] = make_builtin("random.SystemRandom", [](Interpreter& in, A&) -> Value {
    in.error("NotImplementedError", "not supported in initlab: random.SystemRandom (the page has no OS entropy; use random.Random())");
  });
  interp.importable()["random"] = Value(ObjPtr(ns));
}

}  // namespace initlab::script
