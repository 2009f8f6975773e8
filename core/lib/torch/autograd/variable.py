# torch.autograd.Variable as PyTorch 1.13 treats it: Variable(t, requires_grad=False) is
# t.detach() with the requires_grad flag given (so the result is a new leaf, never t itself),
# and Variable() an empty tensor. volatile is accepted and ignored, as PyTorch ignores it (with
# a warning there).
import torch as _torch


class Variable:
    def __new__(cls, data=None, requires_grad=False, volatile=False):
        if data is None:
            out = _torch.empty(0)
        elif isinstance(data, _torch.Tensor):
            out = data.detach()
        else:
            raise TypeError("Variable data has to be a tensor, but got " + data.__class__.__name__)
        if requires_grad:
            out.requires_grad_(True)
        return out
