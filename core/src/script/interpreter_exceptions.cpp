// Exceptions as Python has them: the builtin class hierarchy (user classes derive from it),
// exception objects with args, raise (with 'from'), and try/except/else/finally.
//
// An error travels as a C++ ScriptError (kind, message, where, call chain). One raised by a
// script carries its exception object; one raised natively (error("ValueError", ...)) gets an
// object of its builtin class only when an except clause asks for it. LimitError (initlab's
// run limits) is no Python exception: no except clause catches it and no finally runs, so a
// script cannot outlive its budget.
#include <algorithm>

#include "interpreter.hpp"
#include "initlab/autograd.hpp"
#include "interpreter_util.hpp"

namespace initlab::script {

namespace {

// CPython 3.11's builtin exceptions: (name, base), bases before their subclasses.
const char* const kExceptionTree[][2] = {
    {"BaseException", ""},
    {"SystemExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
    {"GeneratorExit", "BaseException"},
    {"Exception", "BaseException"},
    {"ArithmeticError", "Exception"},
    {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"ZeroDivisionError", "ArithmeticError"},
    {"AssertionError", "Exception"},
    {"AttributeError", "Exception"},
    {"BufferError", "Exception"},
    {"EOFError", "Exception"},
    {"ImportError", "Exception"},
    {"ModuleNotFoundError", "ImportError"},
    {"LookupError", "Exception"},
    {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},
    {"MemoryError", "Exception"},
    {"NameError", "Exception"},
    {"UnboundLocalError", "NameError"},
    {"OSError", "Exception"},
    {"FileNotFoundError", "OSError"},
    {"FileExistsError", "OSError"},
    {"PermissionError", "OSError"},
    {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"},
    {"TimeoutError", "OSError"},
    {"ConnectionError", "OSError"},
    {"ReferenceError", "Exception"},
    {"RuntimeError", "Exception"},
    {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"},
    {"StopIteration", "Exception"},
    {"StopAsyncIteration", "Exception"},
    {"SyntaxError", "Exception"},
    {"IndentationError", "SyntaxError"},
    {"TabError", "IndentationError"},
    {"SystemError", "Exception"},
    {"TypeError", "Exception"},
    {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"},
    {"UnicodeDecodeError", "UnicodeError"},
    {"UnicodeEncodeError", "UnicodeError"},
    {"Warning", "Exception"},
    {"UserWarning", "Warning"},
    {"DeprecationWarning", "Warning"},
    {"PendingDeprecationWarning", "Warning"},
    {"SyntaxWarning", "Warning"},
    {"RuntimeWarning", "Warning"},
    {"FutureWarning", "Warning"},
    {"ImportWarning", "Warning"},
    {"UnicodeWarning", "Warning"},
    {"BytesWarning", "Warning"},
    {"ResourceWarning", "Warning"},
};

Value method(const std::string& name, Native fn) {
  Value v = make_builtin(name, std::move(fn));
  v.get<BuiltinObj>()->method = true;
  return v;
}

InstanceObj* instance_of(const Value& v) {
  auto* inst = v.get<InstanceObj>();
  return inst && inst->cls->exception ? inst : nullptr;
}

}  // namespace

void install_exceptions(Interpreter& interp) {
  auto& b = interp.builtins();
  for (const auto& [name, base] : kExceptionTree) {
    auto cls = std::make_shared<ClassObj>();
    cls->name = name;
    cls->module = "builtins";
    cls->exception = true;
    if (*base) cls->bases.push_back(std::static_pointer_cast<ClassObj>(b[base].as_obj()));
    b[name] = Value(ObjPtr(cls));
  }
  auto& root = *b["BaseException"].get<ClassObj>();
  // BaseException.__new__ already stored the args (Interpreter::instantiate); __init__ may
  // be called again by a subclass's super().__init__(...), which replaces them.
  root.attrs["__init__"] = method("__init__", [](Interpreter&, CallArgs& a) {
    auto* inst = instance_of(a.positional[0]);
    if (inst) {
      inst->attrs["args"] = make_tuple(std::vector<Value>(a.positional.begin() + 1, a.positional.end()));
      inst->attrs.erase("__message__");
    }
    return Value();
  });
  root.attrs["__str__"] = method("__str__", [](Interpreter& in, CallArgs& a) {
    return Value(in.exception_str(a.positional[0]));
  });
  root.attrs["__repr__"] = method("__repr__", [](Interpreter& in, CallArgs& a) {
    auto* inst = instance_of(a.positional[0]);
    std::string args = "()";
    if (inst) {
      auto it = inst->attrs.find("args");
      if (it != inst->attrs.end()) {
        args = in.repr(it->second);
        auto* t = it->second.get<TupleObj>();
        if (t && t->items.size() == 1) args = "(" + in.repr(t->items[0]) + ")";
      }
    }
    return Value((inst ? inst->cls->name : std::string("BaseException")) + args);
  });
  root.attrs["with_traceback"] = method("with_traceback", [](Interpreter&, CallArgs& a) { return a.positional[0]; });
  auto& stop = *b["StopIteration"].get<ClassObj>();
  stop.attrs["value"] = Value();
}

Value Interpreter::exception_class(const std::string& kind) {
  auto it = builtins_.find(kind);
  if (it != builtins_.end())
    if (auto* c = it->second.get<ClassObj>(); c && c->exception) return it->second;
  auto cached = exception_classes_.find(kind);
  if (cached != exception_classes_.end()) return cached->second;
  // A kind only initlab raises (LimitError): an Exception subclass of that name.
  auto cls = std::make_shared<ClassObj>();
  cls->name = kind;
  cls->module = "initlab";
  cls->exception = true;
  cls->bases.push_back(std::static_pointer_cast<ClassObj>(builtins_["Exception"].as_obj()));
  Value v{ObjPtr(cls)};
  exception_classes_[kind] = v;
  return v;
}

Value Interpreter::exception_value(ScriptError& e) {
  if (e.exception) return Value(e.exception);
  const Value cls = exception_class(e.kind());
  auto inst = std::make_shared<InstanceObj>();
  inst->cls = std::static_pointer_cast<ClassObj>(cls.as_obj());
  inst->attrs["args"] = make_tuple({Value(e.message())});
  // The message as initlab worded it, for str(e) (a KeyError's message is already a repr).
  inst->attrs["__message__"] = Value(e.message());
  instances_.push_back(inst);
  e.exception = inst;
  return Value(ObjPtr(inst));
}

std::string Interpreter::exception_str(const Value& exc) {
  auto* inst = exc.get<InstanceObj>();
  if (!inst) return str(exc);
  auto m = inst->attrs.find("__message__");
  if (m != inst->attrs.end() && m->second.is_str()) return m->second.as_str();
  auto it = inst->attrs.find("args");
  auto* args = it == inst->attrs.end() ? nullptr : it->second.get<TupleObj>();
  if (!args || args->items.empty()) return "";
  if (args->items.size() == 1) {
    const bool key_error = derives_from(inst->cls.get(), builtins_["KeyError"].get<ClassObj>());
    return key_error ? repr(args->items[0]) : str(args->items[0]);
  }
  return repr(it->second);
}

void Interpreter::raise_value(const Value& raised, const Value* cause) {
  const auto as_exception = [&](const Value& v) -> Value {
    if (auto* c = v.get<ClassObj>(); c && c->exception) return call(v, std::vector<Value>{});
    if (instance_of(v)) return v;
    error("TypeError", "exceptions must derive from BaseException");
  };
  const Value exc = as_exception(raised);
  auto* inst = instance_of(exc);
  if (cause) {
    if (cause->is_none()) {
      inst->attrs["__cause__"] = Value();
    } else {
      if (!cause->get<ClassObj>() && !instance_of(*cause)) error("TypeError", "exception causes must derive from BaseException");
      inst->attrs["__cause__"] = as_exception(*cause);
    }
    inst->attrs["__suppress_context__"] = Value(true);
  }
  if (!handling_.empty() && !inst->attrs.count("__context__")) {
    inst->attrs["__context__"] = exception_value(handling_.back());
  }
  const std::string message = exception_str(exc);
  ScriptError e(inst->cls->name, message, where_);
  for (const Frame& f : stack_) e.traceback().push_back(f);
  if (!e.traceback().empty()) e.traceback().back().where = where_;
  e.exception = exc.as_obj();
  throw e;
}

void Interpreter::raise_key_error(const Value& key) {
  auto inst = std::make_shared<InstanceObj>();
  inst->cls = std::static_pointer_cast<ClassObj>(builtins_["KeyError"].as_obj());
  inst->attrs["args"] = make_tuple({key});
  instances_.push_back(inst);
  ScriptError e("KeyError", repr(key), where_);
  for (const Frame& f : stack_) e.traceback().push_back(f);
  if (!e.traceback().empty()) e.traceback().back().where = where_;
  e.exception = inst;
  throw e;
}

Interpreter::Flow Interpreter::exec_try(const Stmt& s, const std::shared_ptr<Scope>& scope) {
  Flow flow = Flow::Normal;
  std::optional<ScriptError> pending;
  try {
    bool raised = false;
    try {
      flow = exec_block(s.body, scope);
    } catch (ScriptError& e) {
      if (e.kind() == "LimitError" || s.handlers.empty()) throw;
      raised = true;
      const Value exc = exception_value(e);
      const ExceptHandler* handler = nullptr;
      for (const ExceptHandler& h : s.handlers) {
        if (!h.type) {
          handler = &h;
          break;
        }
        const Value type = eval(*h.type, scope);
        where_ = h.type->where;
        const auto is_exception_class = [](const Value& v) {
          auto* c = v.get<ClassObj>();
          return c && c->exception;
        };
        bool valid = is_exception_class(type);
        if (auto* t = type.get<TupleObj>()) valid = std::all_of(t->items.begin(), t->items.end(), is_exception_class);
        if (!valid) error("TypeError", "catching classes that do not inherit from BaseException is not allowed");
        if (isinstance(exc, type)) {
          handler = &h;
          break;
        }
      }
      if (!handler) throw;
      handling_.push_back(e);
      struct Pop {
        std::vector<ScriptError>& v;
        ~Pop() { v.pop_back(); }
      } pop{handling_};
      if (!handler->name.empty()) bind(scope, handler->name, exc);
      flow = exec_block(handler->body, scope);
      // Python unbinds the name when the handler ends (it would keep the traceback alive).
      if (!handler->name.empty()) scope->vars.erase(handler->name);
    }
    if (!raised && flow == Flow::Normal) flow = exec_block(s.orelse, scope);
  } catch (ScriptError& e) {
    if (s.finalbody.empty() || e.kind() == "LimitError") throw;
    pending = e;
  }
  if (!s.finalbody.empty()) {
    const Value returning = return_value_;
    const Flow f = exec_block(s.finalbody, scope);
    if (f != Flow::Normal) return f;  // return/break/continue in finally drops the exception
    return_value_ = returning;
  }
  if (pending) throw *pending;
  return flow;
}

}  // namespace initlab::script

namespace initlab::script {

// with A() as a, B() as b: body  ==  with A() as a: with B() as b: body. torch.no_grad()
// turns grad mode off for its block (restored on the way out, by an error too); anything else
// goes through __enter__ / __exit__, which may swallow the exception by returning a true value.
Interpreter::Flow Interpreter::exec_with(const Stmt& s, const std::shared_ptr<Scope>& scope, std::size_t item) {
  if (item == s.items.size()) return exec_block(s.body, scope);
  const auto& [ctx, target] = s.items[item];
  const Value c = eval(*ctx, scope);
  where_ = ctx->where;
  if (c.get<NoGradObj>()) {
    autograd::NoGrad no_grad;
    if (target) assign(*target, c, scope);
    return exec_with(s, scope, item + 1);
  }
  // A @contextmanager (contextlib): its generator runs here, with the body at its yield.
  if (auto* inst = c.get<InstanceObj>()) {
    const auto g = inst->attrs.find("__initlab_generator__");  // the instance's own, no __getattr__
    if (g != inst->attrs.end()) {
      const Value gen = g->second;
      if (auto* it = gen.get<IteratorObj>(); it && it->fill) {
        g->second = Value();  // used up: a second with statement goes to its __enter__
        return exec_with_generator(s, scope, item, *it);
      }
    }
  }
  const auto enter = try_getattr(c, "__enter__");
  const auto exit = try_getattr(c, "__exit__");
  if (!enter || !exit) {
    error("TypeError", "'" + type_name(c) + "' object does not support the context manager protocol");
  }
  const Value entered = call(*enter, std::vector<Value>{});
  if (target) assign(*target, entered, scope);
  Flow flow = Flow::Normal;
  try {
    flow = exec_with(s, scope, item + 1);
  } catch (ScriptError& e) {
    if (e.kind() == "LimitError") throw;
    const Value exc = exception_value(e);
    const Value type(ObjPtr(exc.get<InstanceObj>()->cls));
    if (truthy(call(*exit, {type, exc, Value()}))) return Flow::Normal;
    throw;
  }
  call(*exit, {Value(), Value(), Value()});
  return flow;
}

// initlab runs a generator's body to its end in one go, so a @contextmanager cannot be left
// suspended at its yield between __enter__ and __exit__. A with statement runs it whole
// instead, and its yield runs the rest of the statement (the next items, then the body)
// before the generator goes on: setup, body, cleanup, in CPython's order. An exception of the
// body comes out of the yield, where the generator's try/except/finally sees it (and may
// swallow it, as CPython's __exit__ does); break, continue and return leave the statement
// once the generator has finished.
Interpreter::Flow Interpreter::exec_with_generator(const Stmt& s, const std::shared_ptr<Scope>& scope,
                                                   std::size_t item, IteratorObj& gen) {
  const ExprPtr& target = s.items[item].second;
  auto fill = std::move(gen.fill);
  gen.fill = nullptr;
  Flow flow = Flow::Normal;
  Value returned;
  int yields = 0;
  bool raised = false;
  gen.on_yield = [&](const Value& v) {
    if (++yields > 1) error("RuntimeError", raised ? "generator didn't stop after throw()" : "generator didn't stop");
    // The body runs in the with statement's frame, not the generator's.
    const Frame frame = stack_.back();
    IteratorObj* sink = yield_sinks_.back();
    stack_.pop_back();
    yield_sinks_.pop_back();
    --depth_;
    struct Restore {
      Interpreter& in;
      const Frame& frame;
      IteratorObj* sink;
      ~Restore() {
        ++in.depth_;
        in.yield_sinks_.push_back(sink);
        in.stack_.push_back(frame);
      }
    } restore{*this, frame, sink};
    where_ = s.items[item].first->where;
    if (target) assign(*target, v, scope);
    try {
      flow = exec_with(s, scope, item + 1);
    } catch (ScriptError&) {
      raised = true;
      throw;
    }
    returned = return_value_;
  };
  struct Clear {
    IteratorObj& gen;
    ~Clear() { gen.on_yield = nullptr; }
  } clear{gen};
  fill();
  if (yields == 0) {
    where_ = s.items[item].first->where;
    error("RuntimeError", "generator didn't yield");
  }
  if (flow == Flow::Return) return_value_ = returned;
  return flow;
}

}  // namespace initlab::script
