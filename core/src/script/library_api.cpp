// _initlab: the native primitives that the library modules (core/lib) are written over. Each
// is something the language cannot express itself: the clock, the run's warning and output
// sinks, the user's current line, an instance made without __init__, a class made from a
// name and a dict (type(name, bases, ns)), deep copies of nn modules and tensors.
#include <chrono>

#include "bindings.hpp"
#include "initlab/generator.hpp"
#include "initlab/warnings.hpp"
#include "interpreter.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

}  // namespace

void install_library_api(Interpreter& interp) {
  auto ns = std::make_shared<NamespaceObj>();
  ns->name = "_initlab";
  const auto def = [&](const std::string& name, Native fn) { ns->members[name] = make_builtin("_initlab." + name, std::move(fn)); };

  // The line of the innermost frame in the user's script (0 at none): where a warning or a
  // log record points, when library code emits it.
  def("user_line", [](Interpreter& in, A&) {
    return Value(static_cast<int64_t>(in.user_location().line));
  });
  def("source_line", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "source_line", a, {{"line", std::nullopt}});
    return Value(in.source().line(static_cast<int>(to_int(in, args[0], "line"))));
  });
  // One message for the run's warnings (the page's warnings pane, Report::warnings).
  def("emit_warning", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "emit_warning", a, {{"text", std::nullopt}});
    warn(to_str(in, args[0], "text"));
    return Value();
  });
  // Text for the output pane, as print writes it (sys.stdout.write, logging's stream).
  def("write", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "write", a, {{"text", std::nullopt}});
    const std::string text = to_str(in, args[0], "text");
    in.print(text);
    return Value(static_cast<int64_t>(text.size()));
  });
  def("time", [](Interpreter&, A&) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return Value(std::chrono::duration<double>(now).count());
  });
  def("perf_counter", [](Interpreter&, A&) {
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return Value(std::chrono::duration<double>(now).count());
  });
  // An instance of a plain class without running __init__ (object.__new__(cls)).
  def("new_instance", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "new_instance", a, {{"cls", std::nullopt}});
    auto cls = args[0].get<ClassObj>();
    if (!cls || cls->module_subclass) in.error("TypeError", "new_instance() needs a plain class");
    return in.new_instance(std::static_pointer_cast<ClassObj>(args[0].as_obj()));
  });
  // The instance's own attributes as a dict (a copy), and setting many at once.
  def("instance_attrs", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "instance_attrs", a, {{"obj", std::nullopt}});
    auto d = std::make_shared<DictObj>();
    if (auto* inst = args[0].get<InstanceObj>())
      for (const auto& [k, v] : inst->attrs) d->items.emplace_back(Value(k), v);
    return Value(ObjPtr(d));
  });
  // Whether a value is one of the kinds deepcopy treats natively.
  def("kind", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "kind", a, {{"obj", std::nullopt}});
    const Value& v = args[0];
    if (v.get<TensorObj>()) return Value("tensor");
    if (v.get<ModuleObj>()) return Value("nn_module");
    if (v.get<InstanceObj>()) return Value("instance");
    if (v.get<SetObj>()) return Value(v.get<SetObj>()->frozen ? "frozenset" : "set");
    return Value(type_name(v));
  });
  // copy.deepcopy of an nn module: the same layers with cloned parameters and buffers, and
  // the script class's attributes copied by `copy_value` (deepcopy's own recursion).
  def("clone_module", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "clone_module", a, {{"module", std::nullopt}, {"copy_value", std::nullopt}});
    return clone_module(in, args[0], args[1]);
  });
  // obj.name = value past __setattr__ and properties (a frozen dataclass's own __init__).
  def("set_instance_attr", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "set_instance_attr", a, {{"obj", std::nullopt}, {"name", std::nullopt}, {"value", std::nullopt}});
    auto* inst = args[0].get<InstanceObj>();
    if (!inst) in.error("TypeError", "set_instance_attr() needs an instance of a plain class");
    inst->set_attr(to_str(in, args[1], "name"), args[2]);
    return Value();
  });
  // del obj.name past __delattr__.
  def("del_instance_attr", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "del_instance_attr", a, {{"obj", std::nullopt}, {"name", std::nullopt}});
    auto* inst = args[0].get<InstanceObj>();
    const std::string name = to_str(in, args[1], "name");
    if (!inst || !inst->del_attr(name)) in.error("AttributeError", name);
    return Value();
  });
  // isinstance by the class tree alone (what an __instancecheck__ falls back on).
  def("nominal_isinstance", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "nominal_isinstance", a, {{"obj", std::nullopt}, {"cls", std::nullopt}});
    auto* goal = args[1].get<ClassObj>();
    if (!goal) return Value(in.isinstance(args[0], args[1]));
    const std::shared_ptr<ClassObj> k = script_class_of(args[0]);
    return Value(k && derives_from(k.get(), goal));
  });
  def("nominal_issubclass", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "nominal_issubclass", a, {{"sub", std::nullopt}, {"cls", std::nullopt}});
    auto* sub = args[0].get<ClassObj>();
    auto* goal = args[1].get<ClassObj>();
    return Value(sub && goal && derives_from(sub, goal));
  });
  // What inspect.signature reads of a def or lambda: (params, is a generator function, return
  // annotation or `empty`); each param is (name, kind, default or `empty`, annotation or
  // `empty`) with kind 0..4 as inspect.Parameter numbers them.
  def("function_info", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "function_info", a, {{"func", std::nullopt}, {"empty", std::nullopt}});
    auto* f = args[0].get<FunctionObj>();
    if (!f) in.error("TypeError", "function_info() needs a function defined in Python");
    const Value& empty = args[1];
    std::vector<Value> params;
    for (std::size_t i = 0; i < f->params->size(); ++i) {
      const Param& p = (*f->params)[i];
      int64_t kind = 1;
      if (p.kind == Param::Positional && p.positional_only) kind = 0;
      if (p.kind == Param::VarArgs) kind = 2;
      if (p.kind == Param::KeywordOnly) kind = 3;
      if (p.kind == Param::VarKeywords) kind = 4;
      const bool has = i < f->has_default.size() && f->has_default[i];
      params.push_back(make_tuple({Value(p.name), Value(kind), has ? f->defaults[i] : empty,
                                   p.annotation.empty() ? empty : Value(p.annotation)}));
    }
    return make_tuple({make_list(std::move(params)), Value(f->generator), f->returns.empty() ? empty : Value(f->returns)});
  });
  // types.MethodType(func, obj): func bound to obj.
  def("bind_method", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "bind_method", a, {{"func", std::nullopt}, {"obj", std::nullopt}});
    if (!in.truthy(in.call(in.builtins()["callable"], {args[0]}))) in.error("TypeError", "first argument must be callable");
    auto m = std::make_shared<BoundMethodObj>();
    m->fn = args[0];
    m->self = args[1];
    return Value(ObjPtr(m));
  });
  // types.ModuleType(name): an empty module whose attributes a script sets.
  def("new_module", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "new_module", a, {{"name", std::nullopt}});
    auto m = std::make_shared<NamespaceObj>();
    m->name = to_str(in, args[0], "name");
    m->members["__name__"] = Value(m->name);
    m->members["__doc__"] = Value();
    return Value(ObjPtr(m));
  });
  install_probe_primitives(*ns);
  // torch.empty((), dtype=torch.int64).random_(generator=g).item(): one random64() of the
  // generator (the default one for None) modulo 2^63, as PyTorch's random_ on int64 draws it.
  // DataLoader's base seed and RandomSampler's seed are this draw.
  def("int64_random", [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "int64_random", a, {{"generator", Value()}});
    const uint64_t bits = generator_arg(in, args[0]).random64();
    return Value(static_cast<int64_t>(bits % (uint64_t{1} << 63)));
  });
  interp.importable()["_initlab"] = Value(ObjPtr(ns));
}

}  // namespace initlab::script
