// torch.nn.functional.layer_norm and instance_norm for scripts: PyTorch's signatures over
// ops::layer_norm and ops::instance_norm (the ops behind nn.LayerNorm and nn.InstanceNorm1d/2d,
// so module and function normalize and differentiate alike).
#include "initlab/nn/module.hpp"
#include "initlab/nn/instance_norm.hpp"
#include "native_args.hpp"
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
  F_ns.members["instance_norm"] = make_builtin("torch.nn.functional.instance_norm", [](Interpreter& in, CallArgs& a) -> Value {
    const auto args = bind_native(in, "instance_norm", a,
                                  {{"input", std::nullopt}, {"running_mean", Value()}, {"running_var", Value()}, {"weight", Value()},
                                   {"bias", Value()}, {"use_input_stats", Value(true)}, {"momentum", Value(0.1)}, {"eps", Value(1e-5)}});
    const auto opt = [&](std::size_t i) { return args[i].is_none() ? Tensor() : tensor_arg(in, args[i], "instance_norm"); };
    const Tensor x = tensor_arg(in, args[0], "instance_norm");
    // Tensor handles share their storage: the running stats update the caller's tensors.
    Tensor rm = opt(1), rv = opt(2);
    const bool use_input_stats = to_bool(in, args[5], "use_input_stats");
    if (rm.defined() != rv.defined() && use_input_stats) {
      in.error("NotImplementedError", "not supported in initlab: F.instance_norm with only one of running_mean and running_var "
                                      "(pass both, or neither)");
    }
    nn::set_source_line(in.location().line);
    return make_tensor(ops::instance_norm(x, rm.defined() ? &rm : nullptr, rv.defined() ? &rv : nullptr, opt(3), opt(4),
                                          use_input_stats, to_float(in, args[6], "momentum"), to_float(in, args[7], "eps")));
  });
}

}  // namespace initlab::script
