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
  std::shared_ptr<Scope> parent;  // enclosing function scope (null at module level)
  bool class_body = false;
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
  bool truthy(const Value& v);
  // Calls fn for each element; fn returns false to stop early.
  void iterate(const Value& iterable, const std::function<bool(const Value&)>& fn);
  std::vector<Value> to_vector(const Value& iterable);
  std::string repr(const Value& v);
  std::string str(const Value& v);
  bool equal(const Value& a, const Value& b);
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

  // Script modules call back into their class's methods.
  Value call_method(const Value& self, const std::string& name, CallArgs& args);

  // Plain attributes that scripts set on built-in modules (keyed by module; they outlive no run).
  std::map<const nn::Module*, std::map<std::string, Value>>& module_attrs() { return module_attrs_; }

  // Every nn module the script constructed, in order (the session picks which to probe).
  std::vector<nn::ModulePtr>& created_modules() { return created_; }
  int module_call_depth = 0;

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
  Value subscript(const Value& object, const Value& index);
  void set_subscript(const Value& object, const Value& index, const Value& value);
  std::vector<int64_t> slice_indices(int64_t n, const Value& slice);
  Value comprehension(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value fstring(const Expr& e, const std::shared_ptr<Scope>& scope);
  Value make_function(const std::string& name, const std::vector<Param>& params, const Body* body,
                      const Expr* expression, const std::shared_ptr<Scope>& scope, ClassObj* owner);
  void do_import(const Stmt& s, const std::shared_ptr<Scope>& scope);
  void define_class(const Stmt& s, const std::shared_ptr<Scope>& scope);

  const Source& source_;
  Limits limits_;
  std::function<void(const std::string&)> print_;
  std::shared_ptr<Scope> globals_;
  std::map<std::string, Value> builtins_;
  std::map<std::string, Value> importable_;  // "torch", "torch.nn", "math", ...
  std::map<std::string, std::function<void(Interpreter&)>> lazy_modules_;
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

// Registers Python's builtins and the math module (builtins.cpp).
void install_builtins(Interpreter& interp);
// Registers torch, torch.nn, torch.nn.functional, torch.nn.init (torch_api.cpp, nn_api.cpp).
void install_torch(Interpreter& interp);
// initlab.datasets (datasets_api.cpp).
void install_datasets(Interpreter& interp);
// numpy, numpy.linalg, numpy.random (numpy_api.cpp); registered lazily.
void install_numpy(Interpreter& interp);
// Python's random module, CPython's values for the same seeds (random_api.cpp).
void install_random(Interpreter& interp);

}  // namespace initlab::script
