# torch.autograd: what model files import from it. Variable is PyTorch 1.13's legacy
# constructor; grad mode is the native torch.no_grad.
import torch as _torch
from torch.autograd.variable import Variable

no_grad = _torch.no_grad


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=False, is_grads_batched=False):
    raise NotImplementedError("not supported in initlab: torch.autograd.grad (use loss.backward() and read .grad)")


class Function:
    @classmethod
    def apply(cls, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: custom torch.autograd.Function")
