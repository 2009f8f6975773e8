# torch.nn.utils: gradient clipping and parameter/vector conversion as PyTorch 1.13 defines
# them (torch/nn/utils/clip_grad.py, convert_parameters.py). weight_norm and spectral_norm
# reparametrize a module through a forward pre-hook and by removing its parameter, which
# initlab's modules do not allow yet: they are refused by name.
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_, clip_grad_norm
from torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters


def weight_norm(module, name='weight', dim=0):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.weight_norm (it replaces a module's parameter)")


def spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.spectral_norm (it replaces a module's parameter)")


def remove_weight_norm(module, name='weight'):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.remove_weight_norm")


def remove_spectral_norm(module, name='weight'):
    raise NotImplementedError("not supported in initlab: torch.nn.utils.remove_spectral_norm")
