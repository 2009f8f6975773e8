// torch.randint / randint_like and the float *_like samplers, drawing PyTorch's CPU streams:
// randint is ATen's random_from_to (one random() per element in memory order, value
// random() % range + low; random64() once the range reaches 2^32), rand/randn_like are
// uniform_/normal_ on a new tensor of the input's shape.
#include "initlab/error.hpp"
#include "initlab/sampling.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

Tensor randint(Interpreter& in, int64_t low, int64_t high, const Shape& shape, Generator& gen, DType dtype) {
  if (low >= high) {
    in.error("RuntimeError", "random_ expects 'from' to be less than 'to', but got from=" + std::to_string(low) + " >= to=" + std::to_string(high));
  }
  in.check_list_size(shape.numel());
  const auto range = static_cast<uint64_t>(high - low);
  Tensor t(shape);
  for (int64_t i = 0; i < t.numel(); ++i) {
    const uint64_t r = range >= (uint64_t{1} << 32) ? gen.random64() : gen.random();
    t.data()[i] = static_cast<float>(static_cast<int64_t>(r % range) + low);
  }
  t.set_dtype(dtype);
  return t;
}

}  // namespace

std::optional<Value> tensor_random_method(Interpreter&, const Value&, const std::string&) { return std::nullopt; }

void install_torch_random(NamespaceObj& torch) {
  const auto def = [&](const std::string& name, Native fn) { torch.members[name] = make_builtin("torch." + name, std::move(fn)); };
  def("randint", [](Interpreter& in, A& a) {
    // randint(high, size) or randint(low, high, size), as PyTorch's overloads bind them.
    std::vector<Value> pos = a.positional;
    Value low(0), high, size, generator, dtype, requires_grad(false);
    for (const auto& [k, v] : a.keywords) {
      if (k == "low") low = v;
      else if (k == "high") high = v;
      else if (k == "size") size = v;
      else if (k == "generator") generator = v;
      else if (k == "dtype") dtype = v;
      else if (k == "requires_grad") requires_grad = v;
      else if (k != "device" && k != "layout" && k != "pin_memory") in.error("TypeError", "randint() got an unexpected keyword argument '" + k + "'");
    }
    if (size.is_none() && !pos.empty()) {
      size = pos.back();
      pos.pop_back();
    }
    if (pos.size() == 2) {
      low = pos[0];
      high = pos[1];
    } else if (pos.size() == 1) {
      if (high.is_none()) high = pos[0];
      else low = pos[0];
    } else if (pos.size() > 2) {
      in.error("TypeError", "randint() received an invalid combination of arguments");
    }
    if (high.is_none() || size.is_none()) in.error("TypeError", "randint() missing required arguments: 'high' and 'size'");
    if (!size.get<TupleObj>() && !size.get<ListObj>()) {
      in.error("TypeError", "randint(): argument 'size' must be tuple of ints, but found element of type " + type_name(size) + " at pos 1");
    }
    const DType d = dtype_arg(in, dtype, DType::int64);
    if (in.truthy(requires_grad) && d != DType::float32) in.error("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients");
    Tensor t = randint(in, to_int(in, low, "low"), to_int(in, high, "high"), Shape(to_ints(in, size, "size")), generator_arg(in, generator), d);
    if (in.truthy(requires_grad)) t.set_requires_grad(true);
    return make_tensor(t);
  });
  def("randint_like", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "randint_like", a, {{"input", std::nullopt}, {"low", std::nullopt}, {"high", Value()},
                                                          {"dtype", Value(), true}, {"device", Value(), true}, {"generator", Value(), true}});
    const Tensor x = tensor_value(in, args[0], "randint_like(): argument 'input'");
    int64_t low = 0, high;
    if (args[2].is_none()) high = to_int(in, args[1], "high");
    else {
      low = to_int(in, args[1], "low");
      high = to_int(in, args[2], "high");
    }
    return make_tensor(randint(in, low, high, x.shape(), generator_arg(in, args[5]), dtype_arg(in, args[3], x.dtype())));
  });
  for (const char* n : {"rand_like", "randn_like"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"dtype", Value(), true}, {"device", Value(), true},
                                                  {"requires_grad", Value(false), true}, {"generator", Value(), true}});
      const Tensor x = tensor_value(in, args[0], name + "(): argument 'input'");
      const DType d = dtype_arg(in, args[1], x.dtype());
      if (d != DType::float32) {
        in.error("RuntimeError", std::string(name == "rand_like" ? "\"check_uniform_bounds\"" : "\"normal_kernel_cpu\"") + " not implemented for '" +
                                     (d == DType::int64 ? "Long" : "Bool") + "'");
      }
      Tensor t(x.shape());
      if (name == "rand_like") initlab::uniform_(t, 0, 1, generator_arg(in, args[4]));
      else initlab::normal_(t, 0, 1, generator_arg(in, args[4]));
      if (in.truthy(args[3])) t.set_requires_grad(true);
      return make_tensor(t);
    });
  }
}

}  // namespace initlab::script
