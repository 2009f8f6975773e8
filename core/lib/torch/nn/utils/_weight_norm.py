# torch.nn.utils.weight_norm / remove_weight_norm as PyTorch 1.13 defines them
# (torch/nn/utils/weight_norm.py): the parameter `name` is replaced by name_g (its norm over
# every dim but `dim`, the magnitude) and name_v (the weight itself, the direction), registered
# after the module's other parameters; a forward pre-hook (the WeightNorm object) recomputes
# name = v * (g / ||v||) before every forward. Written over tensor ops so that autograd
# differentiates it (initlab's Tensor.norm has no backward: the norms are sqrt(sum v*v)).
#
# A built-in (native) layer, the probe and the theory read the weight from the module's own
# parameter slot, not from a Python attribute: the slot stays, holding the recomputed tensor,
# and the module's `_initlab_reparametrized` list names it, so that for the script it is a
# plain tensor attribute outside parameters() and state_dict() (module_hooks.hpp).
import torch.nn as _nn


def norm_except_dim(v, pow=2, dim=0):
    # ATen's norm_except_dim: dim -1 the norm of the whole tensor; otherwise the norm of each
    # slice along dim, shaped to broadcast against v (size 1 in every other dim).
    if pow != 2:
        raise NotImplementedError("not supported in initlab: norm_except_dim with pow={} (only 2)".format(pow))
    if dim == -1:
        return (v * v).sum().sqrt()
    if dim < 0:
        dim = dim + v.dim()
    shape = [1] * v.dim()
    shape[dim] = v.size(dim)
    moved = v.transpose(0, dim).contiguous() if dim != 0 else v.contiguous()
    flat = moved.reshape(v.size(dim), -1)
    return (flat * flat).sum(1).sqrt().reshape(shape)


def _weight_norm(v, g, dim=0):
    return v * (g / norm_except_dim(v, 2, dim))


class WeightNorm(object):
    def __init__(self, name, dim):
        if dim is None:
            dim = -1
        self.name = name
        self.dim = dim

    def compute_weight(self, module):
        g = getattr(module, self.name + '_g')
        v = getattr(module, self.name + '_v')
        return _weight_norm(v, g, self.dim)

    @staticmethod
    def apply(module, name, dim):
        for k, hook in module._forward_pre_hooks.items():
            if isinstance(hook, WeightNorm) and hook.name == name:
                raise RuntimeError("Cannot register two weight_norm hooks on "
                                   "the same parameter {}".format(name))
        if dim is None:
            dim = -1
        fn = WeightNorm(name, dim)
        weight = getattr(module, name)
        # PyTorch's del module._parameters[name]: the slot is kept, hidden from the script.
        _hide_slot(module, name)
        module.register_parameter(name + '_g', _nn.Parameter(norm_except_dim(weight, 2, dim).data))
        module.register_parameter(name + '_v', _nn.Parameter(weight.data))
        setattr(module, name, fn.compute_weight(module))
        module.register_forward_pre_hook(fn)
        return fn

    def remove(self, module):
        weight = self.compute_weight(module)
        delattr(module, self.name)
        _show_slot(module, self.name)
        delattr(module, self.name + '_g')
        delattr(module, self.name + '_v')
        setattr(module, self.name, _nn.Parameter(weight.data))

    def __call__(self, module, inputs):
        setattr(module, self.name, self.compute_weight(module))


def _hide_slot(module, name):
    names = list(getattr(module, '_initlab_reparametrized', []))
    names.append(name)
    module._initlab_reparametrized = names


def _show_slot(module, name):
    names = [n for n in getattr(module, '_initlab_reparametrized', []) if n != name]
    if names:
        module._initlab_reparametrized = names
    else:
        delattr(module, '_initlab_reparametrized')


def weight_norm(module, name='weight', dim=0):
    WeightNorm.apply(module, name, dim)
    return module


def remove_weight_norm(module, name='weight'):
    for k, hook in module._forward_pre_hooks.items():
        if isinstance(hook, WeightNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[k]
            return module
    raise ValueError("weight_norm of '{}' not found in {}"
                     .format(name, module))
