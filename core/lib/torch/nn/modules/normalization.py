# torch.nn.LocalResponseNorm as PyTorch 1.13 defines it (torch/nn/modules/normalization.py):
# size, alpha, beta, k kept as attributes, no parameters, PyTorch's extra_repr.
import torch.nn as _nn
import torch.nn.functional as _F


class LocalResponseNorm(_nn.Module):
    def __init__(self, size, alpha=1e-4, beta=0.75, k=1.):
        super().__init__()
        self.size = size
        self.alpha = alpha
        self.beta = beta
        self.k = k

    def forward(self, input):
        return _F.local_response_norm(input, self.size, self.alpha, self.beta, self.k)

    def extra_repr(self):
        return '{}, alpha={}, beta={}, k={}'.format(self.size, self.alpha, self.beta, self.k)
