// Reverse-mode automatic differentiation, PyTorch's way: an op whose inputs require grad (with
// grad mode on) gives its output a grad_fn Node that remembers the inputs and whatever the
// backward needs; Tensor::backward() walks those nodes from the output in reverse
// topological order and accumulates into the .grad of the leaves (tensors that require grad
// and have no grad_fn: the parameters). Nothing is recorded, and the forward runs exactly as
// before, when grad mode is off (NoGrad) or no input requires grad.
//
// The graph is freed with the last tensor that refers to it. Tensor::backward keeps it usable
// (PyTorch's retain_graph=True: a second backward accumulates again) unless asked not to.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "initlab/tensor.hpp"

namespace initlab::autograd {

// Grad mode of this thread (on by default, as in PyTorch).
bool grad_enabled();
void set_grad_enabled(bool enabled);

// torch.no_grad(): no recording for its lifetime (nested scopes restore the outer mode).
class NoGrad {
 public:
  NoGrad() : previous_(grad_enabled()) { set_grad_enabled(false); }
  ~NoGrad() { set_grad_enabled(previous_); }
  NoGrad(const NoGrad&) = delete;
  NoGrad& operator=(const NoGrad&) = delete;

 private:
  bool previous_;
};

// torch.enable_grad(): recording on for its lifetime if `on` (nested scopes restore the outer
// mode); with on = false it changes nothing.
class EnableGrad {
 public:
  explicit EnableGrad(bool on = true) : previous_(grad_enabled()) { if (on) set_grad_enabled(true); }
  ~EnableGrad() { set_grad_enabled(previous_); }
  EnableGrad(const EnableGrad&) = delete;
  EnableGrad& operator=(const EnableGrad&) = delete;

 private:
  bool previous_;
};

class Node;
struct Meta;

// Told, during a backward, the gradient of the loss with respect to each node's output just
// before that node's backward runs (all contributions summed): what the probe records as a
// layer's output gradient.
class BackwardObserver {
 public:
  virtual ~BackwardObserver() = default;
  virtual void node_gradient(const Node& node, const Tensor& grad_output) = 0;
};

// Installs an observer on this thread for its lifetime (nested scopes restore the outer one).
class ObserveBackward {
 public:
  explicit ObserveBackward(BackwardObserver* observer);
  ~ObserveBackward();
  ObserveBackward(const ObserveBackward&) = delete;
  ObserveBackward& operator=(const ObserveBackward&) = delete;

 private:
  BackwardObserver* previous_;
};

// One recorded op. `inputs` are the handles of the op's tensor inputs in a fixed order (an
// undefined handle for an absent one, e.g. bias=None); backward() returns one gradient per
// input, undefined where the input does not require grad (the engine never asks for more).
class Node {
 public:
  virtual ~Node() = default;
  // The node's name for messages ("LinearBackward", "ReluBackward", ...): PyTorch's grad_fn
  // class names without the overload suffix ("0", "1"), except where PyTorch splits one op
  // into several nodes (LinearBackward is addmm, mm, ...): the script layer maps those.
  virtual const char* name() const = 0;
  virtual std::vector<Tensor> backward(const Tensor& grad_output) = 0;

  // Whether input i takes part in the gradient (defined and requires grad).
  bool needs(std::size_t i) const {
    return i < inputs.size() && inputs[i].defined() && inputs[i].requires_grad();
  }
  // The tensors this node's backward reads, as PyTorch's SavedVariable keeps them: the
  // engine compares each one's storage version with the version it had when saved before
  // running backward(), so an in-place write in between raises PyTorch's "modified by an
  // inplace operation" error instead of giving a gradient from the new values.
  struct Saved {
    Tensor data;              // a handle without autograd history: version, shape
    int64_t version = 0;
    bool is_output = false;   // the node's own output (the error then names this node)
    // False: PyTorch's node keeps no such tensor (or keeps its own copy) but initlab's backward
    // reads it, so a write into it is initlab's limit (NotImplementedError), not the user's.
    bool pytorch_saves = true;
    std::weak_ptr<Meta> meta;  // an input's autograd record (its current grad_fn names it)
  };
  std::vector<Saved> saved;
  void save_input(std::size_t i, bool pytorch_saves = true);
  void save_output(const Tensor& output, bool pytorch_saves = true);
  // Called by record() once inputs and output are set. The default saves every input as an
  // initlab-only read (safe for any backward); nodes override it with what PyTorch saves.
  virtual void save_for_backward(const Tensor& output);
  // Whether the output is a view of inputs[0] (shares its storage): in-place writes into a
  // view follow PyTorch's view rules (autograd.hpp's inplace checks).
  virtual bool is_view() const { return false; }

  std::vector<Tensor> inputs;
  // Set by a backward pass that did not retain the graph (PyTorch's retain_graph=False): a
  // later backward through this node raises PyTorch's "backward through the graph a second
  // time" error. (PyTorch raises it only for nodes that saved tensors; initlab for all.)
  bool released = false;
};

// What a tensor carries for autograd, shared by every copy of its handle (not by views).
struct Meta {
  Tensor grad;                     // leaves: the accumulated gradient (.grad)
  std::shared_ptr<Node> grad_fn;   // results of recorded ops: the node that made them
  // The storage version when grad_fn was attached: a view whose storage was written since
  // (through its base or another view) no longer has the history its grad_fn describes.
  int64_t version = 0;
  // The record an in-place op gave the tensor after this one (rebase_history): the error
  // about a modified saved input names the tensor's current grad_fn, as PyTorch does.
  std::weak_ptr<Meta> rebased_to;
  Meta() = default;
  Meta(const Meta&) = delete;
  Meta& operator=(const Meta&) = delete;
  // Frees the graph behind grad_fn iteratively: a chain of a million ops would otherwise be
  // a million nested destructor calls (a stack overflow, in wasm long before that).
  ~Meta();
};

// True when an op on these inputs must be recorded: grad mode is on and one of them
// requires grad. Ops test this first, so the forward path is unchanged otherwise.
bool should_record(std::initializer_list<const Tensor*> inputs);
bool should_record(const std::vector<Tensor>& inputs);

// Makes `output` the result of `node` with the given inputs: sets node->inputs, marks the
// output as requiring grad and attaches the node. Returns the output.
Tensor record(Tensor output, std::shared_ptr<Node> node, std::vector<Tensor> inputs);

// PyTorch's in-place rules, for a write into `target` (a value that requires grad written
// into it when `src_requires_grad`), with grad mode on: a leaf that requires grad, or a view
// of one, raises PyTorch's RuntimeError; a view of a recorded tensor is NotImplementedError
// (initlab has no CopySlices). Returns whether the write must be recorded (rebase_history).
bool check_inplace(const Tensor& target, bool src_requires_grad);

// PyTorch's rebase_history: `result` is the recorded out-of-place form of an in-place op on
// `target` (its node's inputs hold target's old history). Saved inputs that alias target
// are replaced by copies of the old values (PyTorch saves the original self), result's
// values are written into target's storage, saved outputs then point at target, and target
// takes result's node as its grad_fn. The caller has bumped target's version.
void rebase_history(Tensor& target, const Tensor& result);

// How node names read in messages (the script layer's grad_fn names, PyTorch's: with the
// overload suffix); `shape` is the shape of the tensor the node made.
using NodeNamer = std::string (*)(const Node& node, const Shape& shape);
void set_node_namer(NodeNamer namer);

// Sums a gradient of a broadcast result back to `shape` (the inverse of broadcasting).
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace initlab::autograd
