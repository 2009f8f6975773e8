# torch.nn.utils: gradient clipping, parameter/vector conversion, weight_norm and
# spectral_norm as PyTorch 1.13 defines them (torch/nn/utils/clip_grad.py,
# convert_parameters.py, weight_norm.py, spectral_norm.py).
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_, clip_grad_norm
from torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters
# (PyTorch's files are weight_norm.py and spectral_norm.py; here they start with _ because
# initlab's import would bind the submodule over the function of the same name.)
from torch.nn.utils._weight_norm import weight_norm, remove_weight_norm
from torch.nn.utils._spectral_norm import spectral_norm, remove_spectral_norm

