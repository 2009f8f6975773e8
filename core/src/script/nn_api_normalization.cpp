// torch.nn.functional.layer_norm for scripts: PyTorch's signature over ops::layer_norm (the op
// behind nn.LayerNorm, so both normalize and differentiate alike).
#include "initlab/nn/module.hpp"
#include "nn_api_util.hpp"

namespace initlab::script {

void install_functional_normalization(NamespaceObj& F_ns) {
  F_ns.members["layer_norm"] = make_builtin("torch.nn.functional.layer_norm", [](Interpreter& in, CallArgs& a) -> Value {
    const auto args = bind_native(in, "layer_norm", a,
                                  {{"input", std::nullopt}, {"normalized_shape", std::nullopt}, {"weight", Value()}, {"bias", Value()}, {"eps", Value(1e-5)}});
    const Tensor x = tensor_arg(in, args[0], "layer_norm");
    const std::vector<int64_t> shape = to_ints(in, args[1], "normalized_shape");
    const Tensor w = args[2].is_none() ? Tensor() : tensor_arg(in, args[2], "layer_norm");
    const Tensor b = args[3].is_none() ? Tensor() : tensor_arg(in, args[3], "layer_norm");
    nn::set_source_line(in.location().line);
    return make_tensor(ops::layer_norm(x, shape, w, b, to_float(in, args[4], "eps")));
  });
}

}  // namespace initlab::script
