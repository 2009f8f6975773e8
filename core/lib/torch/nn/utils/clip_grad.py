# Gradient clipping (PyTorch 1.13's torch/nn/utils/clip_grad.py): the total norm is the norm
# of the per-parameter gradient norms; each gradient is scaled in place by
# min(1, max_norm / (total_norm + 1e-6)).
import math as _math
import warnings as _warnings
import torch as _torch


def _with_grads(parameters):
    if isinstance(parameters, _torch.Tensor):
        parameters = [parameters]
    return [p for p in parameters if p.grad is not None]


def _stack(tensors):
    return _torch.cat([t.reshape(1) for t in tensors], 0)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    parameters = _with_grads(parameters)
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    if len(parameters) == 0:
        return _torch.tensor(0.)
    if norm_type == _math.inf:
        norms = [p.grad.detach().abs().max() for p in parameters]
        total_norm = norms[0] if len(norms) == 1 else _stack(norms).max()
    else:
        total_norm = _stack([p.grad.detach().norm(norm_type) for p in parameters]).norm(norm_type)
    if error_if_nonfinite and (_torch.isnan(total_norm) or _torch.isinf(total_norm)):
        raise RuntimeError(
            f'The total norm of order {norm_type} for gradients from '
            '`parameters` is non-finite, so it cannot be clipped. To disable '
            'this error and scale the gradients by the non-finite norm anyway, '
            'set `error_if_nonfinite=False`')
    clip_coef = max_norm / (total_norm + 1e-6)
    clip_coef_clamped = _torch.clamp(clip_coef, max=1.0)
    for p in parameters:
        p.grad.detach().mul_(clip_coef_clamped)
    return total_norm


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    _warnings.warn("torch.nn.utils.clip_grad_norm is now deprecated in favor of torch.nn.utils.clip_grad_norm_.")
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)


def clip_grad_value_(parameters, clip_value):
    clip_value = float(clip_value)
    for p in _with_grads(parameters):
        p.grad.data.clamp_(min=-clip_value, max=clip_value)
