// Values of the script language: Python's None, bool, int, float and str held inline, and
// reference-counted objects for everything else (lists, tuples, dicts, functions, classes,
// instances, tensors, nn modules, namespaces such as torch and math).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ast.hpp"
#include "initlab/generator.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/tensor.hpp"

namespace initlab::script {

struct Object;
using ObjPtr = std::shared_ptr<Object>;

class Value {
 public:
  Value() = default;
  Value(bool b) : v_(b) {}                                   // NOLINT
  Value(int64_t i) : v_(i) {}                                // NOLINT
  Value(int i) : v_(static_cast<int64_t>(i)) {}              // NOLINT
  Value(double d) : v_(d) {}                                 // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                 // NOLINT
  Value(const char* s) : v_(std::string(s)) {}               // NOLINT
  Value(ObjPtr o) : v_(std::move(o)) {}                      // NOLINT

  bool is_none() const { return v_.index() == 0; }
  bool is_bool() const { return v_.index() == 1; }
  bool is_int() const { return v_.index() == 2; }
  bool is_float() const { return v_.index() == 3; }
  bool is_str() const { return v_.index() == 4; }
  bool is_obj() const { return v_.index() == 5; }
  // int or bool (Python's bool is an int) or float
  bool is_number() const { return is_bool() || is_int() || is_float(); }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return is_bool() ? (std::get<bool>(v_) ? 1 : 0) : std::get<int64_t>(v_); }
  double as_float() const { return is_float() ? std::get<double>(v_) : static_cast<double>(as_int()); }
  const std::string& as_str() const { return std::get<std::string>(v_); }
  const ObjPtr& as_obj() const { return std::get<ObjPtr>(v_); }

  template <class T>
  T* get() const {
    return is_obj() ? dynamic_cast<T*>(as_obj().get()) : nullptr;
  }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, ObjPtr> v_;
};

struct Object {
  virtual ~Object() = default;
  virtual std::string type_name() const = 0;
};

struct ListObj : Object {
  std::vector<Value> items;
  std::string view;  // "dict_keys", "dict_values", "dict_items" for dict views; "" for a list
  std::string type_name() const override { return view.empty() ? "list" : view; }
};

struct TupleObj : Object {
  std::vector<Value> items;
  bool is_size = false;  // torch.Size
  std::string type_name() const override { return is_size ? "Size" : "tuple"; }
};

struct DictObj : Object {
  std::vector<std::pair<Value, Value>> items;  // insertion order, as Python keeps it
  // An instance's __dict__ mirrors its attributes (InstanceObj::dict): every write through
  // the dict (d[k] = v, del, update, setdefault, pop) hands the new items back to the instance.
  std::function<void(const DictObj&)> on_write;
  void written() const {
    if (on_write) on_write(*this);
  }
  std::string type_name() const override { return "dict"; }
};

struct RangeObj : Object {
  int64_t start = 0, stop = 0, step = 1;
  int64_t size() const;
  std::string type_name() const override { return "range"; }
};

class Interpreter;
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;
  Location where;
};
using Native = std::function<Value(Interpreter&, CallArgs&)>;

struct BuiltinObj : Object {
  std::string name;  // as Python names it in messages: "len", "torch.randn"
  Native fn;
  bool method = false;  // stored on a class: binds self like a def (exception classes' __str__)
  // Attributes a script sets: PyTorch's functions are Python functions, which take them
  // (fastai's F.relu.__default_init__ = ...). Python's own builtins refuse them.
  std::map<std::string, Value> attrs;
  std::string type_name() const override { return "builtin_function_or_method"; }
};

struct Scope;
struct ClassObj;

struct FunctionObj : Object {
  std::string name, qualname;
  const std::vector<Param>* params = nullptr;
  const Body* body = nullptr;       // def
  const Expr* expression = nullptr; // lambda
  std::vector<Value> defaults;      // one per param (None-valued where it has none)
  std::vector<bool> has_default;
  std::shared_ptr<Scope> closure;
  ClassObj* owner = nullptr;        // the class whose body defined it (for super())
  bool no_grad = false;             // decorated with @torch.no_grad(): runs with grad mode off
  bool generator = false;           // its body yields: a call returns a generator
  std::string returns;              // the return annotation's text ("" if none)
  std::string module = "__main__";  // __module__
  std::map<std::string, Value> attrs;  // attributes set on it (functools.wraps, __wrapped__)
  std::string type_name() const override { return "function"; }
};

struct BoundMethodObj : Object {
  Value self, fn;
  std::string type_name() const override { return "method"; }
};

struct NativeClassObj;

struct ClassObj : Object, std::enable_shared_from_this<ClassObj> {
  std::string name;
  std::string module = "__main__";               // where it was defined (repr, __module__)
  bool exception = false;                        // derives from BaseException
  std::string native_base;                       // "Sequential" / "ModuleList": a container subclass
  std::vector<std::shared_ptr<ClassObj>> bases;  // user classes
  bool module_subclass = false;                  // derives (maybe indirectly) from nn.Module
  // The built-in layer it derives from (class MyLinear(nn.Linear)), maybe through its bases:
  // an instance is that layer with this class attached (native_subclass.hpp).
  std::shared_ptr<NativeClassObj> native_layer;
  std::map<std::string, Value> attrs;            // methods and class attributes
  std::vector<std::string> order;                // attrs' names in definition order (__dict__)
  std::string type_name() const override { return "type"; }
  // The attribute names in definition order, then any set later.
  std::vector<std::string> ordered_names() const;
  // Looks up an attribute along the bases (depth first, left to right).
  const Value* find(const std::string& attr) const;
};

// A class that is not a script class: nn.Conv2d, nn.Module, torch.Tensor, int, ... (for
// isinstance and type()).
struct NativeClassObj : Object {
  std::string name;         // "Conv2d"
  std::string qualified;    // "torch.nn.Conv2d" (as type() prints it)
  Native construct;         // null for abstract ones (nn.Module)
  // A built-in layer (nn.Linear): builds one from PyTorch's constructor arguments, as
  // construct does but unwrapped; what a script subclass's super().__init__ calls.
  std::function<nn::ModulePtr(Interpreter&, CallArgs&)> build;
  std::function<bool(const Value&)> is_instance;
  std::map<std::string, Value> attrs;  // set by scripts on PyTorch's classes (Python classes there)
  std::string type_name() const override { return "type"; }
};

// super(): attribute lookups start after `owner` in the method resolution order.
struct SuperObj : Object {
  ClassObj* owner = nullptr;
  Value self;
  std::string type_name() const override { return "super"; }
};

struct InstanceObj : Object {
  std::shared_ptr<ClassObj> cls;
  std::map<std::string, Value> attrs;
  // Its __dict__ once a script asked for it, kept equal to attrs in both directions (set_attr
  // and del_attr here, DictObj::on_write there), in the order the attributes were set.
  std::shared_ptr<DictObj> dict;
  void set_attr(const std::string& name, const Value& value) {
    attrs[name] = value;
    if (!dict) return;
    for (auto& kv : dict->items)
      if (kv.first.is_str() && kv.first.as_str() == name) {
        kv.second = value;
        return;
      }
    dict->items.emplace_back(Value(name), value);
  }
  bool del_attr(const std::string& name) {
    if (!attrs.erase(name)) return false;
    if (dict)
      for (auto it = dict->items.begin(); it != dict->items.end(); ++it)
        if (it->first.is_str() && it->first.as_str() == name) {
          dict->items.erase(it);
          break;
        }
    return true;
  }
  std::string type_name() const override { return cls->name; }
};

// requires_grad, .grad and grad_fn live on the tensor handle (initlab/autograd.hpp): handles
// copied from a module's parameter share its gradient.
struct TensorObj : Object {
  Tensor tensor;
  bool parameter = false;     // nn.Parameter
  // A module's parameter as the script reached it (model.fc.weight, model.parameters()): the
  // module and the name it holds the parameter under, so that requires_grad_(False) freezes
  // the module's own handle too.
  nn::ModulePtr owner;
  std::string owner_name;
  void set_requires_grad(bool r) {
    tensor.set_requires_grad(r);
    if (owner)
      if (Tensor* p = owner->parameter(owner_name); p && p->shares_storage_with(tensor)) p->set_requires_grad(r);
  }
  std::string type_name() const override { return parameter ? "Parameter" : "Tensor"; }
};

struct ModuleObj : Object {
  nn::ModulePtr module;
  std::string type_name() const override { return module->class_name(); }
};

struct NamespaceObj : Object {
  std::string name;  // "torch", "torch.nn", "math"
  std::map<std::string, Value> members;
  std::shared_ptr<Scope> scope;  // a library module's globals (read and written through)
  std::string type_name() const override { return "module"; }
};

struct GeneratorObj : Object {
  std::shared_ptr<Generator> generator;
  std::string type_name() const override { return "Generator"; }
};

struct NoGradObj : Object {
  std::string type_name() const override { return "no_grad"; }
};

// A native object with methods and a repr (optimizers, grad_fn): attributes
// come from `members`, then from `attribute` (computed ones).
struct NativeObj : Object {
  std::string type;
  std::map<std::string, Value> members;
  std::function<std::optional<Value>(Interpreter&, const std::string&)> attribute;
  std::function<std::string()> repr;
  std::string type_name() const override { return type; }
};

struct DtypeObj : Object {
  std::string name;  // "float32"
  std::string type_name() const override { return "dtype"; }
};

// set and frozenset, in insertion order (CPython's order follows its hash table; initlab's
// is the order items were added, which sorted() makes irrelevant).
struct SetObj : Object {
  std::vector<Value> items;
  bool frozen = false;
  std::string type_name() const override { return frozen ? "frozenset" : "set"; }
};

// What iter() returns and what a generator is. Items are produced ahead (a generator runs its
// body to the end on the first next(), see Interpreter::call_function) or on demand by `next`.
struct IteratorObj : Object {
  std::string type = "iterator";     // "list_iterator", "generator", ...
  std::vector<Value> items;
  std::size_t pos = 0;
  std::function<void()> fill;        // a generator's body, run once before the first item
  // Set while a with statement runs a @contextmanager generator (Interpreter::exec_with): its
  // yield runs the with body there, instead of storing the value.
  std::function<void(const Value&)> on_yield;
  std::string type_name() const override { return type; }
};

// The descriptors that decorators make in a class body.
struct StaticMethodObj : Object {
  Value fn;
  std::string type_name() const override { return "staticmethod"; }
};
struct ClassMethodObj : Object {
  Value fn;
  std::string type_name() const override { return "classmethod"; }
};
struct PropertyObj : Object {
  Value fget, fset, fdel;
  std::string type_name() const override { return "property"; }
};

// Singletons: Ellipsis (...) and NotImplemented.
struct SingletonObj : Object {
  std::string name;  // "Ellipsis", "NotImplemented"
  std::string type_name() const override { return name == "Ellipsis" ? "ellipsis" : "NotImplementedType"; }
};

// Helpers.
Value make_list(std::vector<Value> items);
Value make_tuple(std::vector<Value> items);
Value make_tensor(Tensor t, bool parameter = false);
Value make_builtin(std::string name, Native fn);
std::string type_name(const Value& v);

}  // namespace initlab::script
