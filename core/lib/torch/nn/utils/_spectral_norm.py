# torch.nn.utils.spectral_norm / remove_spectral_norm as PyTorch 1.13 defines them
# (torch/nn/utils/spectral_norm.py): the parameter `name` becomes name_orig (the same tensor),
# with buffers name_u and name_v drawn from N(0, 1) (u first, then v, from the global
# generator) and normalized; a forward pre-hook (the SpectralNorm object) runs
# n_power_iterations steps of power iteration in training mode, updating u and v in place,
# and sets name = name_orig / sigma with sigma = u . (W v). Built-in layers read the plain
# attribute from their parameter slot, hidden from the script (see _weight_norm.py).
# PyTorch's state_dict metadata hooks (the version number for old checkpoints) are not kept.
import torch as _torch
import torch.nn as _nn
from torch.nn.utils._weight_norm import _hide_slot, _show_slot


def _normalize(x, eps):
    # F.normalize(x, dim=0, eps=eps): x / max(||x||, eps).
    return x / x.norm(2, 0, keepdim=True).clamp(min=eps)


def _mv(mat, vec):
    return _torch.matmul(mat, vec.unsqueeze(1)).squeeze(1)


class SpectralNorm:
    _version = 1

    def __init__(self, name='weight', n_power_iterations=1, dim=0, eps=1e-12):
        self.name = name
        self.dim = dim
        if n_power_iterations <= 0:
            raise ValueError('Expected n_power_iterations to be positive, but '
                             'got n_power_iterations={}'.format(n_power_iterations))
        self.n_power_iterations = n_power_iterations
        self.eps = eps

    def reshape_weight_to_matrix(self, weight):
        weight_mat = weight
        if self.dim != 0:
            weight_mat = weight_mat.permute(self.dim, *[d for d in range(weight_mat.dim()) if d != self.dim])
        height = weight_mat.size(0)
        return weight_mat.reshape(height, -1)

    def compute_weight(self, module, do_power_iteration):
        weight = getattr(module, self.name + '_orig')
        u = getattr(module, self.name + '_u')
        v = getattr(module, self.name + '_v')
        weight_mat = self.reshape_weight_to_matrix(weight)
        if do_power_iteration:
            with _torch.no_grad():
                for _ in range(self.n_power_iterations):
                    # normalize(..., out=v): the buffers themselves are updated.
                    v.copy_(_normalize(_mv(weight_mat.t(), u), self.eps))
                    u.copy_(_normalize(_mv(weight_mat, v), self.eps))
                u = u.clone()
                v = v.clone()
        sigma = (u * _mv(weight_mat, v)).sum()
        return weight / sigma

    def remove(self, module):
        with _torch.no_grad():
            weight = self.compute_weight(module, do_power_iteration=False)
        delattr(module, self.name)
        _show_slot(module, self.name)
        delattr(module, self.name + '_u')
        delattr(module, self.name + '_v')
        delattr(module, self.name + '_orig')
        module.register_parameter(self.name, _nn.Parameter(weight.detach()))

    def __call__(self, module, inputs):
        setattr(module, self.name, self.compute_weight(module, do_power_iteration=module.training))

    @staticmethod
    def apply(module, name, n_power_iterations, dim, eps):
        for k, hook in module._forward_pre_hooks.items():
            if isinstance(hook, SpectralNorm) and hook.name == name:
                raise RuntimeError("Cannot register two spectral_norm hooks on "
                                   "the same parameter {}".format(name))
        fn = SpectralNorm(name, n_power_iterations, dim, eps)
        weight = getattr(module, name)
        if weight is None:
            raise ValueError(f'`SpectralNorm` cannot be applied as parameter `{name}` is None')
        with _torch.no_grad():
            weight_mat = fn.reshape_weight_to_matrix(weight)
            h, w = weight_mat.size()
            u = _normalize(_torch.empty(h).normal_(0, 1), fn.eps)
            v = _normalize(_torch.empty(w).normal_(0, 1), fn.eps)
        # PyTorch's delattr(module, name): the slot is kept, hidden from the script.
        _hide_slot(module, fn.name)
        module.register_parameter(fn.name + "_orig", weight)
        setattr(module, fn.name, weight.data)
        module.register_buffer(fn.name + "_u", u)
        module.register_buffer(fn.name + "_v", v)
        module.register_forward_pre_hook(fn)
        return fn


def spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None):
    if dim is None:
        # ConvTranspose's weight is (in, out, ...): its outputs are dim 1.
        if type(module).__name__ in ('ConvTranspose1d', 'ConvTranspose2d', 'ConvTranspose3d'):
            dim = 1
        else:
            dim = 0
    SpectralNorm.apply(module, name, n_power_iterations, dim, eps)
    return module


def remove_spectral_norm(module, name='weight'):
    for k, hook in module._forward_pre_hooks.items():
        if isinstance(hook, SpectralNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[k]
            break
    else:
        raise ValueError("spectral_norm of '{}' not found in {}".format(name, module))
    return module
