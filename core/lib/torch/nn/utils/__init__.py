# torch.nn.utils: gradient clipping, parameter/vector conversion and weight_norm as PyTorch
# 1.13 defines them (torch/nn/utils/clip_grad.py, convert_parameters.py, weight_norm.py).
# spectral_norm is refused by name.
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_, clip_grad_norm
from torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters
# (PyTorch's file is weight_norm.py; here it is _weight_norm.py because initlab's import would
# bind the submodule over the function of the same name.)
from torch.nn.utils._weight_norm import weight_norm, remove_weight_norm


def spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.spectral_norm (it replaces a module's parameter)")


def remove_spectral_norm(module, name='weight'):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.remove_spectral_norm")
