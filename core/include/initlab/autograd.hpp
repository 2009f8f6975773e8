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

// Sums a gradient of a broadcast result back to `shape` (the inverse of broadcasting).
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace initlab::autograd
