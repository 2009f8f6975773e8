#include "initlab/nn/fusion.hpp"

#include "initlab/autograd.hpp"
#include "initlab/nn/layers.hpp"

namespace initlab::nn {

namespace {

thread_local int64_t chains_run = 0;

// A fused chain records nothing for autograd, so it runs only when nothing would be
// recorded: grad mode off, or neither the input nor a parameter of the chain requires grad.
bool recording(const Module* m, const Tensor& x) {
  if (!autograd::grad_enabled()) return false;
  if (x.requires_grad()) return true;
  for (const auto& [name, p] : m->own_parameters())
    if (p.defined() && p.requires_grad()) return true;
  return false;
}

bool is_relu(const Module* m) {
  const auto* a = dynamic_cast<const ActivationModule*>(m);
  return a != nullptr && a->activation() == kernels::Activation::relu;
}

}  // namespace

bool run_fused_chain(const std::vector<std::pair<std::string, ModulePtr>>& children,
                     std::size_t& i, Tensor& x) {
  Module* head = children[i].second.get();
  auto* linear = dynamic_cast<Linear*>(head);
  auto* conv = dynamic_cast<ConvNd*>(head);
  if (linear == nullptr && conv == nullptr) return false;
  if (recording(head, x)) return false;
  ops::PostOp post;
  std::size_t next = i + 1;
  if (next < children.size()) {
    if (auto* bn = dynamic_cast<BatchNorm*>(children[next].second.get())) {
      if (recording(bn, x)) return false;
      // BatchNorm1d after Linear sees (N, C): the channel is the GEMM's column, as fused.
      if (bn->eval_affine(post.scale, post.shift)) ++next;
    }
  }
  if (next < children.size() && is_relu(children[next].second.get())) {
    post.relu = true;
    ++next;
  }
  if (next == i + 1) return false;  // nothing to fuse
  const Tensor in = x;
  if (linear != nullptr) {
    if (!post.scale.empty() && static_cast<int64_t>(post.scale.size()) != linear->out_features) return false;
    if (in.dim() != 2 && !post.scale.empty()) return false;  // BatchNorm1d on (N, C, L)
    x = linear->forward_fused(in, post);
  } else {
    if (!post.scale.empty() && static_cast<int64_t>(post.scale.size()) != conv->options().out_channels) return false;
    x = conv->forward_fused(in, post);
  }
  i = next;
  ++chains_run;
  return true;
}

int64_t fused_chains_run() { return chains_run; }

}  // namespace initlab::nn
