# torch.nn.Bilinear as PyTorch 1.13 defines it (torch/nn/modules/linear.py): weight
# (out, in1, in2) then bias (out), both drawn by reset_parameters from U(-b, b) with
# b = 1 / sqrt(in1_features), weight first.
import math as _math

import torch as _torch
import torch.nn as _nn
import torch.nn.functional as _F


class Bilinear(_nn.Module):
    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        self.weight = _nn.Parameter(_torch.empty((out_features, in1_features, in2_features)))
        if bias:
            self.bias = _nn.Parameter(_torch.empty(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / _math.sqrt(self.weight.size(1))
        _nn.init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            _nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        return _F.bilinear(input1, input2, self.weight, self.bias)

    def extra_repr(self):
        return 'in1_features={}, in2_features={}, out_features={}, bias={}'.format(
            self.in1_features, self.in2_features, self.out_features, self.bias is not None)
