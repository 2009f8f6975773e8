// Module: PyTorch's nn.Module. Parameters, buffers and children are kept in registration
// order, which fixes state_dict order, named_modules order and the repr. Calling a module
// runs forward() and tells the thread's ForwardObserver (the probe) about the output.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "initlab/tensor.hpp"

namespace initlab::nn {

class Module;
using ModulePtr = std::shared_ptr<Module>;

// A tensor from inside a module's forward that hooks never see, handed over by the module
// itself (the Python-written recurrent and attention layers, through _initlab.probe_*).
struct InnerTensor {
  enum class Kind { gate, hidden, attention_logits };
  Kind kind = Kind::gate;
  // gate: the gate ("input", "forget", "cell", "output"; "reset", "update", "new"; "hidden"
  // for RNN) and its nonlinearity ("sigmoid", "tanh", "relu"); the tensor is its
  // pre-activation over all steps, (steps * batch, hidden).
  std::string gate, activation;
  // gate and hidden: which layer and direction. hidden: the layer's outputs (steps, batch, h).
  int layer = 0;
  bool reverse = false;
  // attention_logits: q.k / sqrt(d) after the masks, (batch * heads, queries, keys); a masked
  // logit is -inf.
  Tensor tensor;
};

// Told about every module call and every functional op of a forward pass. nn knows nothing
// of who listens; the probe implements this.
class ForwardObserver {
 public:
  virtual ~ForwardObserver() = default;
  // A module call begins (its output follows in module_output, nested calls in between); input
  // is its first tensor argument (nullptr when it has none).
  virtual void module_enter(const Module& /*module*/, const Tensor* /*input*/) {}
  virtual void module_output(const Module& module, const Tensor& output) = 0;
  // A module call begun with module_enter ended by an exception instead (a script may catch
  // it and go on): no output follows.
  virtual void module_abandon(const Module& /*module*/) {}
  virtual void op_output(const char* op, const Tensor& output) = 0;
  // The two tensor operands of the op whose op_output follows (F::add): the theory follows a
  // residual sum's branches by them.
  virtual void op_operands(const Tensor& /*a*/, const Tensor& /*b*/) {}
  // Belongs to the innermost module call that is open.
  virtual void inner_tensor(const InnerTensor& /*inner*/) {}
};

// Installs an observer on this thread for its lifetime (nested scopes restore the outer one).
class ObserveForward {
 public:
  explicit ObserveForward(ForwardObserver* observer);
  ~ObserveForward();
  ObserveForward(const ObserveForward&) = delete;
  ObserveForward& operator=(const ObserveForward&) = delete;

 private:
  ForwardObserver* previous_;
};
ForwardObserver* current_observer();

// The script line the current op comes from (0: unknown), which the interpreter keeps up to
// date so that the probe can say where a functional op was called.
void set_source_line(int line);
int source_line();

// A script class deriving from a built-in layer (class MyLinear(nn.Linear)): the layer stays
// this Module (its parameters, options, forward and initialization), and the script side
// implements this to give it the class's name, forward and extra_repr. nn knows nothing of
// the interpreter behind it.
class Subclass {
 public:
  virtual ~Subclass() = default;
  virtual const std::string& name() const = 0;
  // Whether a call runs the class's own forward (false while its super().forward runs the
  // layer's, and for a class that defines none).
  virtual bool overrides_forward() const = 0;
  virtual Tensor forward(Module& self, const Tensor& input) = 0;
  // The class's own extra_repr, nullopt when it defines none.
  virtual std::optional<std::string> extra_repr(const Module& self) const = 0;
};

class Module {
 public:
  explicit Module(std::string type_name) : type_name_(std::move(type_name)) {}
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  // The class name PyTorch prints (type(m).__name__).
  // For a script subclass of a built-in layer this stays the layer's class ("Linear"), which
  // the layer rules (theory, LSUV, reinit) go by; class_name() is the subclass's.
  const std::string& type_name() const { return type_name_; }
  const std::string& class_name() const { return subclass_ ? subclass_->name() : type_name_; }
  void set_subclass(std::shared_ptr<Subclass> subclass) { subclass_ = std::move(subclass); }
  Subclass* subclass() const { return subclass_.get(); }
  // A call runs a script subclass's own forward, not the layer's.
  bool forward_overridden() const { return subclass_ && subclass_->overrides_forward(); }

  // Calls forward and reports the output to the observer, as a forward hook would see it.
  Tensor operator()(const Tensor& input);
  virtual Tensor forward(const Tensor& input);

  // Registration. An undefined tensor registers PyTorch's None (e.g. bias=False): it keeps
  // its name but is absent from parameters() and state_dict().
  Tensor& register_parameter(const std::string& name, Tensor value);
  Tensor& register_buffer(const std::string& name, Tensor value);
  // register_buffer(..., persistent=False): a buffer kept out of state_dict().
  void set_buffer_persistent(const std::string& name, bool persistent);
  bool buffer_persistent(const std::string& name) const;
  Module& register_module(const std::string& name, ModulePtr module);
  // Drops the parameter, buffer or child of that name (PyTorch's `del module.name`); false
  // when there is none.
  bool remove(const std::string& name);

  // Direct members, in registration order.
  const std::vector<std::pair<std::string, Tensor>>& own_parameters() const { return params_; }
  const std::vector<std::pair<std::string, Tensor>>& own_buffers() const { return buffers_; }
  const std::vector<std::pair<std::string, ModulePtr>>& children() const { return children_; }
  Tensor* parameter(const std::string& name);
  Tensor* buffer(const std::string& name);
  Module* child(const std::string& name) const;

  // Recursive views, PyTorch's order: pre-order modules; per module its parameters (then
  // buffers, for state_dict) before its children's. Names are dotted paths.
  std::vector<std::pair<std::string, Module*>> named_modules(const std::string& prefix = "");
  std::vector<std::pair<std::string, Tensor>> named_parameters();
  std::vector<std::pair<std::string, Tensor>> named_buffers();
  std::vector<std::pair<std::string, Tensor>> state_dict();

  // PyTorch's Module.apply: children first, then this module.
  void apply(const std::function<void(Module&)>& fn);

  bool is_training() const { return training_; }
  // Sets the mode of this module and every descendant.
  void train(bool mode = true);
  void eval() { train(false); }

  // One-line description inside the parentheses of the repr (PyTorch's extra_repr).
  virtual std::string extra_repr() const { return ""; }
  // PyTorch's __repr__: nested, two-space indented.
  std::string repr() const;

 protected:
  bool training_ = true;

 private:
  std::string type_name_;
  std::vector<std::pair<std::string, Tensor>> params_;
  std::vector<std::pair<std::string, Tensor>> buffers_;
  std::vector<std::pair<std::string, ModulePtr>> children_;
  std::vector<std::string> non_persistent_;
  std::shared_ptr<Subclass> subclass_;
};

// nn.Sequential: children "0", "1", ...; forward chains them.
class Sequential : public Module {
 public:
  Sequential() : Module("Sequential") {}
  explicit Sequential(const std::vector<ModulePtr>& modules);
  Sequential& append(ModulePtr module);
  std::size_t size() const { return children().size(); }
  Module& operator[](std::size_t i) const { return *children()[i].second; }
  Tensor forward(const Tensor& input) override;
};

// nn.ModuleList: holds children "0", "1", ...; not callable (as in PyTorch).
class ModuleList : public Module {
 public:
  ModuleList() : Module("ModuleList") {}
  explicit ModuleList(const std::vector<ModulePtr>& modules);
  ModuleList& append(ModulePtr module);
  std::size_t size() const { return children().size(); }
  Module& operator[](std::size_t i) const { return *children()[i].second; }
};

}  // namespace initlab::nn
