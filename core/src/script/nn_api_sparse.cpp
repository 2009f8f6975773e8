// torch.nn.functional.embedding for scripts (nn.Embedding itself is Python:
// core/lib/torch/nn/modules/sparse.py): PyTorch 1.13's F.embedding argument handling
// (negative padding_idx, max_norm's in-place renorm) over ops::embedding.
#include "initlab/autograd.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/module.hpp"
#include "nn_api_util.hpp"

namespace initlab::script {

void install_functional_sparse(NamespaceObj& F_ns) {
  F_ns.members["embedding"] = make_builtin("torch.nn.functional.embedding", [](Interpreter& in, CallArgs& a) -> Value {
    const auto args = bind_native(in, "embedding", a,
                                  {{"input", std::nullopt}, {"weight", std::nullopt}, {"padding_idx", Value()}, {"max_norm", Value()},
                                   {"norm_type", Value(2.0)}, {"scale_grad_by_freq", Value(false)}, {"sparse", Value(false)}});
    const Tensor input = tensor_arg(in, args[0], "embedding");
    Tensor weight = tensor_arg(in, args[1], "embedding");
    if (weight.dim() != 2) in.error("RuntimeError", "'weight' must be 2-D");
    const int64_t rows = weight.size(0);
    int64_t padding_idx = -1;
    if (!args[2].is_none()) {
      padding_idx = to_int(in, args[2], "padding_idx");
      if (padding_idx > 0 && padding_idx >= rows) in.error("AssertionError", "Padding_idx must be within num_embeddings");
      if (padding_idx < 0) {
        if (padding_idx < -rows) in.error("AssertionError", "Padding_idx must be within num_embeddings");
        padding_idx += rows;
      }
    }
    if (in.truthy(args[6])) {
      in.error("NotImplementedError", "not supported in initlab: sparse=True (sparse gradients); initlab computes the dense gradient, which sparse=False gives");
    }
    if (!args[3].is_none()) {
      // PyTorch renormalizes the rows the batch reads, in place and without recording.
      autograd::NoGrad no_grad;
      ops::embedding_renorm_(weight, input, to_float(in, args[3], "max_norm"), to_float(in, args[4], "norm_type"));
    }
    nn::set_source_line(in.location().line);
    return make_tensor(F::embedding(weight, input, padding_idx, in.truthy(args[5])));
  });
}

}  // namespace initlab::script
