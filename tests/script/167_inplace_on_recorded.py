import torch
import torch.nn as nn

# An in-place write into a tensor autograd recorded runs as in PyTorch (issue 14, part 4):
# x += y rebinds x; x[0, 0] = 0 records PyTorch's CopySlices, which passes no gradient to the
# overwritten element. (Once refused: initlab had no version counters.)
torch.manual_seed(0)
layer = nn.Linear(2, 2)
h = layer(torch.ones(1, 2))
h += 1
h = h * 2
print(h.grad_fn is not None)
h[0, 0] = 0.0
print(type(h.grad_fn).__name__)
h.sum().backward()
print(layer.weight.grad.tolist(), layer.bias.grad.tolist())

# CPython 3.11 printed:
# expect: True
# expect: CopySlices
# expect: [[0.0, 0.0], [2.0, 2.0]] [0.0, 2.0]
