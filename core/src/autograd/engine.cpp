// The autograd engine: grad mode, recording, and the backward walk over recorded nodes.
#include <string>
#include <unordered_map>
#include <utility>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/kernels.hpp"

namespace initlab {

namespace autograd {

namespace {

thread_local bool grad_mode = true;
thread_local BackwardObserver* backward_observer = nullptr;
NodeNamer node_namer = nullptr;

std::string node_name(const Node& node, const Shape& shape) {
  if (node_namer != nullptr) return node_namer(node, shape);
  std::string n = node.name();
  if (n.empty() || n.back() < '0' || n.back() > '9') n += "0";
  return n;
}

const char* tensor_type(DType d) {
  switch (d) {
    case DType::float32: return "torch.FloatTensor";
    case DType::int64: return "torch.LongTensor";
    case DType::boolean: return "torch.BoolTensor";
  }
  return "torch.FloatTensor";
}

// A view whose storage was written after its history was recorded (by its base or another
// view): PyTorch re-derives its grad_fn from the base's new history; initlab refuses instead
// of back-propagating through the stale one.
void check_not_stale(const Tensor& t) {
  const Meta* m = t.autograd_meta().get();
  if (m == nullptr || !m->grad_fn || !m->grad_fn->is_view() || t.version() == m->version) return;
  raise(ErrorKind::NotImplementedError,
        "not supported in initlab: using a view after an in-place write into the tensor it views (PyTorch re-derives the view's history; initlab does not): take the view again after the write");
}

// Before a node's backward: every tensor it saved must still be at the version it was saved
// at (PyTorch's SavedVariable::unpack check, with its wording).
void check_saved(const Node& node) {
  for (const Node::Saved& s : node.saved) {
    const int64_t now = s.data.version();
    if (now == s.version) continue;
    if (!s.pytorch_saves) {
      raise(ErrorKind::NotImplementedError,
            "not supported in initlab: backward through " + node_name(node, s.data.shape()) +
                " after an in-place write into a tensor it reads (PyTorch keeps what it needs; initlab reads the tensor itself): make the write out of place (y = y + 1) or do it before the op");
    }
    std::string msg = std::string("one of the variables needed for gradient computation has been modified by an inplace operation: [") +
                      tensor_type(s.data.dtype()) + " " + s.data.shape().to_string() + "]";
    std::string maker;
    if (s.is_output) {
      maker = node_name(node, s.data.shape());
    } else if (std::shared_ptr<Meta> m = s.meta.lock()) {
      // The tensor's current history: follow the records in-place ops gave it since.
      for (std::shared_ptr<Meta> next = m->rebased_to.lock(); next; next = next->rebased_to.lock()) m = next;
      if (m->grad_fn) maker = node_name(*m->grad_fn, s.data.shape());
    }
    if (!maker.empty()) msg += ", which is output 0 of " + maker + ",";
    msg += " is at version " + std::to_string(now) + "; expected version " + std::to_string(s.version) +
           " instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";
    raise(ErrorKind::RuntimeError, msg);
  }
}

// a += g for two contiguous tensors of one shape (a owned by the caller).
void add_into(Tensor& a, const Tensor& g) {
  const Tensor gc = g.contiguous();
  kernels::binary(kernels::BinaryOp::add, a.numel(), a.data(), gc.data(), a.data());
}

// A gradient of input `t` must have t's shape (a wrong one is a bug in a backward: say which).
// Gradients may be shared between nodes (add's backward hands dy to both inputs), so the
// engine never accumulates into one in place: see the clones below.
Tensor checked(const Tensor& g, const Tensor& t, const Node& node) {
  if (g.shape() != t.shape()) {
    raise(ErrorKind::RuntimeError, std::string("Function ") + node.name() +
                                       " returned an invalid gradient - got " +
                                       g.shape().to_string() + " but expected shape compatible with " +
                                       t.shape().to_string());
  }
  return g;
}

}  // namespace

Meta::~Meta() {
  if (!grad_fn) return;
  // Nodes released while one is being destroyed are queued on the outermost ~Meta's stack
  // frame instead of being destroyed inside it, so the depth stays constant. (A plain pointer
  // as the thread_local: nothing to destroy at thread exit, when static tensors may still die.)
  thread_local std::vector<std::shared_ptr<Node>>* queue = nullptr;
  if (queue != nullptr) {
    queue->push_back(std::move(grad_fn));
    return;
  }
  std::vector<std::shared_ptr<Node>> local;
  local.push_back(std::move(grad_fn));
  queue = &local;
  while (!local.empty()) {
    std::shared_ptr<Node> node = std::move(local.back());
    local.pop_back();
    node.reset();  // may queue the grad_fn of inputs it held the last reference to
  }
  queue = nullptr;
}

ObserveBackward::ObserveBackward(BackwardObserver* observer) : previous_(backward_observer) {
  backward_observer = observer;
}

ObserveBackward::~ObserveBackward() { backward_observer = previous_; }

void Node::save_input(std::size_t i, bool pytorch_saves) {
  if (i >= inputs.size() || !inputs[i].defined()) return;
  Saved s;
  s.data = inputs[i].detach();
  s.version = inputs[i].version();
  s.pytorch_saves = pytorch_saves;
  s.meta = inputs[i].autograd_meta();
  saved.push_back(std::move(s));
}

void Node::save_output(const Tensor& output, bool pytorch_saves) {
  Saved s;
  s.data = output.detach();
  s.version = output.version();
  s.is_output = true;
  s.pytorch_saves = pytorch_saves;
  saved.push_back(std::move(s));
}

void Node::save_for_backward(const Tensor&) {
  for (std::size_t i = 0; i < inputs.size(); ++i) save_input(i, false);
}

void set_node_namer(NodeNamer namer) { node_namer = namer; }

bool check_inplace(const Tensor& target, bool src_requires_grad) {
  if (!grad_mode) return false;
  const Node* fn = target.has_grad_fn() ? target.autograd_meta()->grad_fn.get() : nullptr;
  if (target.requires_grad() && fn == nullptr) {
    raise(ErrorKind::RuntimeError, "a leaf Variable that requires grad is being used in an in-place operation.");
  }
  if (fn != nullptr && fn->is_view()) {
    // The view's base: down the chain of views to the first tensor that is not one.
    const Tensor* base = &fn->inputs[0];
    while (base->has_grad_fn() && base->autograd_meta()->grad_fn->is_view()) base = &base->autograd_meta()->grad_fn->inputs[0];
    if (base->requires_grad() && !base->has_grad_fn()) {
      raise(ErrorKind::RuntimeError, "a view of a leaf Variable that requires grad is being used in an in-place operation.");
    }
    raise(ErrorKind::NotImplementedError,
          "not supported in initlab: an in-place write into a view of a tensor that autograd recorded (PyTorch's CopySlices): write into the whole tensor, or build the result out of place (torch.cat, torch.where, a mask)");
  }
  if (fn == nullptr && src_requires_grad) {
    raise(ErrorKind::NotImplementedError,
          "not supported in initlab: writing a tensor that requires grad in place into one without autograd history (build the result with torch.cat or arithmetic instead)");
  }
  return fn != nullptr;
}

void rebase_history(Tensor& target, const Tensor& result) {
  const std::shared_ptr<Node> node = result.autograd_meta()->grad_fn;
  if (result.shape() != target.shape()) {
    raise(ErrorKind::RuntimeError, "output with shape " + target.shape().to_string() +
                                       " doesn't match the broadcast shape " + result.shape().to_string());
  }
  // The node reads target's old values (mul_ by a tensor, pow_, clamp_): like PyTorch, which
  // saves the original self, keep a copy of them before the write.
  bool reads_target = false;
  for (const Node::Saved& s : node->saved) reads_target = reads_target || (!s.is_output && s.data.shares_storage_with(target));
  if (reads_target) {
    Tensor old;
    for (Tensor& in : node->inputs) {
      if (!in.defined() || !in.shares_storage_with(target)) continue;
      Tensor copy = in.clone();
      copy.set_autograd_meta(in.autograd_meta());
      if (in.requires_grad()) copy.set_requires_grad(true);
      in = copy;
      old = copy;
    }
    for (Node::Saved& s : node->saved) {
      if (s.is_output || !s.data.shares_storage_with(target)) continue;
      s.data = old.detach();
      s.version = old.version();
    }
  }
  target.copy_from(result);
  for (Node::Saved& s : node->saved) {
    if (!s.is_output) continue;
    s.data = target.detach();
    s.version = target.version();
  }
  auto meta = std::make_shared<Meta>();
  meta->grad_fn = node;
  meta->version = target.version();
  if (target.autograd_meta()) {
    meta->grad = target.autograd_meta()->grad;
    target.autograd_meta()->rebased_to = meta;
  }
  target.set_autograd_meta(std::move(meta));
  target.set_requires_grad(true);
}

bool grad_enabled() { return grad_mode; }
void set_grad_enabled(bool enabled) { grad_mode = enabled; }

bool should_record(std::initializer_list<const Tensor*> inputs) {
  if (!grad_mode) return false;
  bool any = false;
  for (const Tensor* t : inputs) {
    if (t == nullptr || !t->defined() || !t->requires_grad()) continue;
    check_not_stale(*t);
    any = true;
  }
  return any;
}

bool should_record(const std::vector<Tensor>& inputs) {
  if (!grad_mode) return false;
  bool any = false;
  for (const Tensor& t : inputs) {
    if (!t.defined() || !t.requires_grad()) continue;
    check_not_stale(t);
    any = true;
  }
  return any;
}

Tensor record(Tensor output, std::shared_ptr<Node> node, std::vector<Tensor> inputs) {
  node->inputs = std::move(inputs);
  // A fresh handle: the output may share storage (and so far a handle) with an input view.
  Tensor out = output.detach();
  Node& n = *node;
  auto meta = std::make_shared<Meta>();
  meta->grad_fn = std::move(node);
  meta->version = out.version();
  out.set_autograd_meta(std::move(meta));
  out.set_requires_grad(true);
  n.save_for_backward(out);
  return out;
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const Tensor g = grad.contiguous();
  Tensor out(shape);
  const int rank = g.dim();
  const int offset = rank - shape.size();
  // Strides into `out` for each dim of g: 0 where out is broadcast (missing or size 1).
  int64_t strides[kMaxDims] = {};
  int64_t s = 1;
  for (int i = rank - 1; i >= 0; --i) {
    const int j = i - offset;
    if (j >= 0 && shape[j] != 1) strides[i] = s;
    if (j >= 0) s *= shape[j];
  }
  const float* in = g.data();
  float* o = out.data();
  int64_t index[kMaxDims] = {};
  int64_t off = 0;
  const int64_t n = g.numel();
  for (int64_t e = 0; e < n; ++e) {
    o[off] += in[e];
    for (int d = rank - 1; d >= 0; --d) {
      if (++index[d] < g.shape()[d]) {
        off += strides[d];
        break;
      }
      off -= strides[d] * (g.shape()[d] - 1);
      index[d] = 0;
    }
  }
  return out;
}

namespace {

// Runs every node reachable from root's grad_fn once, in reverse topological order.
void run_backward(const Tensor& root, const Tensor& root_grad, bool retain_graph) {
  check_not_stale(root);
  NoGrad no_grad;  // backward computes plain tensors
  const std::shared_ptr<Node>& root_node = root.autograd_meta()->grad_fn;
  if (!root_node) {  // a leaf: its gradient is the given one
    Meta& m = *root.autograd_meta();
    if (m.grad.defined()) add_into(m.grad, root_grad); else m.grad = root_grad.clone();
    return;
  }
  // Post-order DFS without recursion (deep networks make long chains).
  std::vector<Node*> order;
  std::unordered_map<Node*, int> state;  // 1: on the stack, 2: done
  std::vector<std::pair<Node*, std::size_t>> stack{{root_node.get(), 0}};
  state[root_node.get()] = 1;
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next == 0 && node->released) {
      raise(ErrorKind::RuntimeError,
            "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.");
    }
    if (next < node->inputs.size()) {
      const Tensor& in = node->inputs[next++];
      if (!in.defined() || !in.requires_grad() || !in.autograd_meta()) continue;
      Node* child = in.autograd_meta()->grad_fn.get();
      if (child != nullptr && state[child] == 0) {
        state[child] = 1;
        stack.emplace_back(child, 0);
      }
      continue;
    }
    state[node] = 2;
    order.push_back(node);
    stack.pop_back();
  }
  std::unordered_map<Node*, Tensor> pending;
  pending[root_node.get()] = root_grad;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Node* node = *it;
    auto found = pending.find(node);
    if (found == pending.end()) continue;  // nothing flows into it
    const Tensor grad_out = std::move(found->second);
    pending.erase(found);
    check_saved(*node);
    if (backward_observer != nullptr) backward_observer->node_gradient(*node, grad_out);
    std::vector<Tensor> grads = node->backward(grad_out);
    for (std::size_t i = 0; i < node->inputs.size() && i < grads.size(); ++i) {
      if (!node->needs(i) || !grads[i].defined()) continue;
      const Tensor& in = node->inputs[i];
      Tensor g = checked(grads[i], in, *node);
      Meta& meta = *in.autograd_meta();
      if (meta.grad_fn) {
        Tensor& slot = pending[meta.grad_fn.get()];
        if (!slot.defined()) {
          slot = g;
        } else {
          // Out of place: g or slot may be shared with another node's gradient.
          Tensor sum = slot.contiguous().clone();
          add_into(sum, g);
          slot = sum;
        }
      } else if (meta.grad.defined()) {
        add_into(meta.grad, g);
      } else {
        meta.grad = g.contiguous().clone();
      }
    }
  }
  if (!retain_graph)
    for (Node* node : order) node->released = true;
}

}  // namespace

}  // namespace autograd

Tensor& Tensor::set_requires_grad(bool r) {
  requires_grad_ = r;
  if (r && !autograd_) autograd_ = std::make_shared<autograd::Meta>();
  return *this;
}

Tensor Tensor::grad() const { return autograd_ ? autograd_->grad : Tensor(); }

void Tensor::set_grad(const Tensor& g) {
  if (!autograd_) autograd_ = std::make_shared<autograd::Meta>();
  autograd_->grad = g;
}

bool Tensor::has_grad_fn() const { return autograd_ && autograd_->grad_fn; }

Tensor Tensor::detach() const { return Tensor(storage_, offset_, shape_, strides_, dtype_); }

void Tensor::backward() const { backward(Tensor()); }

void Tensor::backward(const Tensor& gradient) const { backward(gradient, true); }

void Tensor::backward(const Tensor& gradient, bool retain_graph) const {
  if (!requires_grad_ || !autograd_) {
    raise(ErrorKind::RuntimeError,
          "element 0 of tensors does not require grad and does not have a grad_fn");
  }
  Tensor g = gradient;
  if (!g.defined()) {
    if (numel() != 1) raise(ErrorKind::RuntimeError, "grad can be implicitly created only for scalar outputs");
    g = Tensor::full(shape_, 1.0f);
  } else if (g.shape() != shape_) {
    raise(ErrorKind::RuntimeError, "Mismatch in shape: grad_output[0] has a shape of torch.Size(" +
                                       g.shape().to_string() + ") and output[0] has a shape of torch.Size(" +
                                       shape_.to_string() + ").");
  }
  autograd::run_backward(*this, g.contiguous(), retain_graph);
}

}  // namespace initlab
