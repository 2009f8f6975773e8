# PyTorch 1.13's torch/nn/utils/convert_parameters.py: parameters flattened into one vector
# and back, in the order given.
import torch as _torch


def _check(t):
    if not isinstance(t, _torch.Tensor):
        raise TypeError('expected torch.Tensor, but got: {}'.format(_torch.typename(t)))


def parameters_to_vector(parameters):
    vec = []
    for param in parameters:
        vec.append(param.view(-1))
    return _torch.cat(vec)


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, _torch.Tensor):
        raise TypeError('expected torch.Tensor, but got: {}'.format(type(vec).__name__))
    pointer = 0
    for param in parameters:
        num_param = param.numel()
        param.data = vec[pointer:pointer + num_param].view(param.shape).data
        pointer += num_param
