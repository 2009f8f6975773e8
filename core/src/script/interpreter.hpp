// The tree-walking interpreter: Python's evaluation rules for the subset initlab supports,
// with limits that keep any input from hanging or exhausting the page.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "initlab/limits.hpp"
#include "value.hpp"

namespace initlab::script {

using initlab::Limits;

struct Scope {
  std::map<std::string, Value> vars;
  std::shared_ptr<Scope> parent;  // the enclosing scope (null for a module's globals)
  bool class_body = false;
  bool module = false;            // a module's globals: the user's script or a library module
  bool comprehension = false;     // a comprehension's own scope (walrus targets skip it)
  std::vector<std::string> order; // a class body's names in the order first bound (Enum, __dict__)
  // Names a `global` or `nonlocal` statement declared here: (name, true for global).
  std::map<std::string, bool> declared;
};

class Interpreter {
 public:
  Interpreter(const Source& source, Limits limits, std::function<void(const std::string&)> print);
  // Breaks the reference cycles a script leaves (functions whose closure is the module scope
  // that holds them, modules that hold themselves...), so every run returns its memory.
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs a whole program in the module scope. Throws ScriptError.
  void run(const Program& program);

  const Limits& limits() const { return limits_; }
  const Source& source() const { return source_; }
  std::shared_ptr<Scope> globals() const { return globals_; }

  // ---- services for native functions ----
  Value call(const Value& fn, CallArgs& args);
  Value call(const Value& fn, std::vector<Value> positional);
  Value getattr(const Value& object, const std::string& name);
  std::optional<Value> try_getattr(const Value& object, const std::string& name);
  void setattr(const Value& object, const std::string& name, const Value& value);
  void delattr(const Value& object, const std::string& name);
  bool truthy(const Value& v);
  // Calls fn for each element; fn returns false to stop early.
  void iterate(const Value& iterable, const std::function<bool(const Value&)>& fn);
  std::vector<Value> to_vector(const Value& iterable);
  std::string repr(const Value& v);
  std::string str(const Value& v);
  bool equal(const Value& a, const Value& b);
  // operator.index of a non-int: one-element int tensors, __index__ (nullopt: not an index).
  std::optional<int64_t> index_of(const Value& v);
  // A mapping (dict, or a class with keys() and __getitem__) as a dict; others unchanged.
  Value as_dict(const Value& v);
  // object[index] and object[index] = value, as the language does them (dunders included).
  Value subscript(const Value& object, const Value& index);
  void set_subscript(const Value& object, const Value& index, const Value& value);
  Value binary(const std::string& op, const Value& a, const Value& b);
  bool isinstance(const Value& v, const Value& cls);
  bool less(const Value& a, const Value& b) { return truthy(compare("<", a, b)); }
  // object[index], with Python's errors (for natives that index a script's sequence).
  Value getitem(const Value& object, const Value& index) { return subscript(object, index); }
  void print(const std::string& text);

  // Raises a Python exception at the current location with the current call chain.
  [[noreturn]] void error(const std::string& kind, const std::string& message);
  Location location() const { return where_; }
  void set_location(Location at) { where_ = at; }
  // Counts one step against the budget (and checks the clock every so often).
  void step();
  // A fresh budget of steps and milliseconds, for work that continues after run() (the Trainer
  // calls the model again for each chunk of steps: each chunk gets the limits a run gets).
  void restart_budget() {
    steps_ = 0;
    start_ = std::chrono::steady_clock::now();
  }
  void check_list_size(int64_t n);
  void check_string_size(int64_t n);

  // The value of a builtin name (print, len, ...), for the torch bindings to reuse.
  std::map<std::string, Value>& builtins() { return builtins_; }
  std::map<std::string, Value>& importable() { return importable_; }
  // Modules built on their first import (numpy): name -> installer, which registers it (and
  // its siblings) in importable(). Scripts that never import them pay nothing.
  std::map<std::string, std::function<void(Interpreter&)>>& lazy_modules() { return lazy_modules_; }
  // The classes type() gave for values of other kinds (function, method, NoneType ...).
  std::map<std::string, Value>& type_objects() { return type_objects_; }

  // Script modules call back into their class's methods.
  Value call_method(const Value& self, const std::string& name, CallArgs& args);
  // A dunder method (__add__, __len__, __iter__ ...) of a user instance, bound; nullopt when
  // its class has none (or v is not an instance of a script class).
  std::optional<Value> dunder(const Value& v, const std::string& name);
  // A method of a builtin type written in Python (core/lib/_builtin_methods.py), unbound.
  std::optional<Value> library_method(const std::string& type, const std::string& name);
  // What reading a class attribute through an instance (or the class) gives: a def or a
  // native method bound to self, a staticmethod's function, a classmethod bound to the class,
  // a property's value; anything else as it is. self is None for a read on the class itself.
  Value bind_class_attr(const Value& found, const Value& self, const Value& cls);
  // obj.name = v where the class has a property of that name.
  void set_property(const Value& property, const Value& self, const std::string& name, const Value& v);

  // ---- exceptions (interpreter_exceptions.cpp) ----
  // The builtin exception class of that name (ValueError ...), made on first use for kinds
  // only initlab raises; null Value when there is none.
  Value exception_class(const std::string& kind);
  // Exception classes natives raise by kind name (numpy's AxisError, a ValueError and an
  // IndexError): exception_class(kind) finds them here before making a plain one.
  void register_exception_class(const std::string& kind, Value cls) { exception_classes_[kind] = std::move(cls); }
  // The exception object an error carries, made (and stored on it) for natively raised ones.
  Value exception_value(ScriptError& e);
  // Raises an exception instance or class (the raise statement); cause: 'raise ... from'.
  [[noreturn]] void raise_value(const Value& exc, const Value* cause);
  // KeyError(key): its args hold the key itself, its message is the key's repr.
  [[noreturn]] void raise_key_error(const Value& key);
  // Python's str() of an exception instance (args[0], the args tuple, or '').
  std::string exception_str(const Value& exc);

  // ---- sets and hashing ----
  // TypeError "unhashable type" for lists, dicts, sets (what Python refuses as keys).
  void check_hashable(const Value& v);
  // Adds v to a set unless an equal item is there.
  void set_add(SetObj& set, const Value& v);
  bool set_contains(const SetObj& set, const Value& v);
  // Python's hash() (numbers and strings as CPython hashes them; objects by identity).
  int64_t hash(const Value& v);
  // The values a generator may yield before initlab refuses it (it runs generators ahead).
  static constexpr std::size_t kMaxGeneratorItems = 1000000;
  // Ellipsis and NotImplemented.
  const Value& ellipsis() const { return ellipsis_; }
  const Value& not_implemented() const { return not_implemented_; }

  // ---- modules ----
  // Imports a module by dotted name (native, library, or a package's submodule), as the
  // import statement and importlib do; ModuleNotFoundError when there is none.
  Value import_module(const std::string& name);
  // The Python modules implemented natively (math, random ...), for error messages.
  std::string native_module_names() const;
  // torch's submodules written in Python (torch.cuda, torch.utils.data, ...), sorted.
  std::string torch_library_module_names() const;

  // Plain attributes that scripts set on built-in modules (keyed by module; they outlive no run).
  std::map<const nn::Module*, std::map<std::string, Value>>& module_attrs() { return module_attrs_; }

  // How to build another copy of each native module the script made (copy.deepcopy).
  std::map<const nn::Module*, std::function<nn::ModulePtr(Interpreter&)>>& module_rebuilders() { return rebuilders_; }
  // The innermost location in the user's script (a library frame's error points at the user
  // line that called into the library).
  Location user_location() const;
  // An instance of a plain class, __init__ not run (object.__new__).
  Value new_instance(const std::shared_ptr<ClassObj>& cls);

  // Every nn module the script constructed, in order (the session picks which to probe).
  std::vector<nn::ModulePtr>& created_modules() { return created_; }
  int module_call_depth = 0;

  // A new class's first base with __init_subclass__ (enum, registries) sees it: class
  // statements and type(name, bases, dict) both end here.
  void run_init_subclass(const Value& cls);

 private:
  enum class Flow { Normal, Break, Continue, Return };

  Flow exec_block(const Body& body, const std::shared_ptr<Scope>& scope);
  Flow exec(const Stmt& s, const std::shared_ptr<Scope>& scope);
  Flow exec_inner(const Stmt& s, const std::shared_ptr<Scope>& scope);
  Value eval(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value eval_inner(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value lookup(const std::string& name, const std::shared_ptr<Scope>& scope, Location at);
  void assign(const Expr& target, const Value& value, const std::shared_ptr<Scope>& scope);
  Value call_expr(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value call_function(FunctionObj& fn, CallArgs& args, const Value* self);
  Value instantiate(const std::shared_ptr<ClassObj>& cls, CallArgs& args);
  Value compare(const std::string& op, const Value& a, const Value& b);
  std::vector<int64_t> slice_indices(int64_t n, const Value& slice);
  Value comprehension(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value fstring(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value make_function(const std::string& name, const std::vector<Param>& params, const Body* body,
                      const Expr* expression, const std::shared_ptr<Scope>& scope, ClassObj* owner);
  void do_import(const Stmt& s, const std::shared_ptr<Scope>& scope);
  void define_class(const Stmt& s, const std::shared_ptr<Scope>& scope);
  Value apply_decorators(const std::vector<ExprPtr>& decorators, Value target, const std::shared_ptr<Scope>& scope);
  Value load_library(const std::string& name);
  Scope* globals_of(const std::shared_ptr<Scope>& scope) const;
  // Binds a name in a scope, following its global/nonlocal declarations.
  void bind(const std::shared_ptr<Scope>& scope, const std::string& name, const Value& value);
  Flow exec_try(const Stmt& s, const std::shared_ptr<Scope>& scope);
  Flow exec_with(const Stmt& s, const std::shared_ptr<Scope>& scope, std::size_t item);
  Flow exec_with_generator(const Stmt& s, const std::shared_ptr<Scope>& scope, std::size_t item, IteratorObj& gen);
  Value yield_value(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value make_generator(FunctionObj& fn, const std::shared_ptr<Scope>& scope);
  // a op b through __op__ / __rop__ of user instances; nullopt when neither side has one.
  std::optional<Value> binary_dunder(const std::string& op, const Value& a, const Value& b);
  std::optional<Value> compare_dunder(const std::string& op, const Value& a, const Value& b);

  const Source& source_;
  Limits limits_;
  std::function<void(const std::string&)> print_;
  std::shared_ptr<Scope> globals_;
  std::map<std::string, Value> builtins_;
  std::map<std::string, Value> importable_;  // "torch", "torch.nn", "math", ...
  std::map<std::string, std::function<void(Interpreter&)>> lazy_modules_;
  std::map<std::string, Value> type_objects_;
  Location where_;
  std::vector<Frame> stack_;
  Value return_value_;
  int64_t steps_ = 0;
  int64_t printed_ = 0;
  int depth_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::vector<nn::ModulePtr> created_;
  // The class and self of each running method, innermost last (for zero-argument super()).
  std::vector<std::pair<ClassObj*, Value>> methods_;
  std::vector<const Object*> repr_stack_;
  // The exceptions being handled by except blocks, innermost last (a bare raise re-raises it).
  std::vector<ScriptError> handling_;
  // The generators running their bodies, innermost last: where yield puts its values.
  std::vector<IteratorObj*> yield_sinks_;
  std::map<std::string, Value> exception_classes_;
  std::map<const nn::Module*, std::function<nn::ModulePtr(Interpreter&)>> rebuilders_;
  Value ellipsis_, not_implemented_;
  // Scopes that closures captured and instances the script made: cycles through them may be
  // unreachable from the globals by the end (an error mid-function), so they are emptied too.
  std::vector<std::weak_ptr<Scope>> captured_scopes_;
  std::vector<std::weak_ptr<InstanceObj>> instances_;
  std::map<const nn::Module*, std::map<std::string, Value>> module_attrs_;  // containers being printed (for [...])
  int compare_depth_ = 0;
  friend class ScriptModule;

 public:
  // super() inside the running method: (its class, its self); null class outside methods.
  std::pair<ClassObj*, Value> current_method() const {
    return methods_.empty() ? std::pair<ClassObj*, Value>{nullptr, Value()} : methods_.back();
  }
};

// A module's, class's or function's docstring: its first statement when that is a string
// literal, else None.
Value docstring_of(const Body& body);

// Registers Python's builtins (builtins.cpp) and the math module (math_module.cpp).
void install_builtins(Interpreter& interp);
void install_math(Interpreter& interp);
// iter, next, set, frozenset, staticmethod, property, type(name, bases, dict) ...
// (builtins_language.cpp); after install_builtins, whose eager zip/map it wraps.
void install_language_builtins(Interpreter& interp);
// The builtin exception classes (interpreter_exceptions.cpp).
void install_exceptions(Interpreter& interp);
// _initlab: the native primitives the library modules are written over (library_api.cpp).
void install_library_api(Interpreter& interp);
// _initlab.probe_*: how the Python-written torch.nn layers hand inner tensors to the probe
// (library_probe_api.cpp).
void install_probe_primitives(NamespaceObj& initlab_namespace);
// A softmax over the last dim of a rank >= 3 tensor computed from a matrix product (through
// scaling, masking and bias ops) is a hand-written attention, as nanoGPT and minGPT write it:
// its logits go to the probe like nn.MultiheadAttention's (library_probe_api.cpp).
void note_softmax_input(const Tensor& logits, int64_t dim);
// Registers torch, torch.nn, torch.nn.functional, torch.nn.init (torch_api.cpp, nn_api.cpp).
void install_torch(Interpreter& interp);
// initlab.datasets (datasets_api.cpp).
void install_datasets(Interpreter& interp);
// numpy, numpy.linalg, numpy.random (numpy_api.cpp); registered lazily.
void install_numpy(Interpreter& interp);
// Python's random module, CPython's values for the same seeds (random_api.cpp).
void install_random(Interpreter& interp);

}  // namespace initlab::script
