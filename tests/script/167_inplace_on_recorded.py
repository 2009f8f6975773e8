import torch
import torch.nn as nn

# initlab does not version tensors: an in-place write into a tensor autograd recorded (whose
# values its backward may need) is refused; x = x + y and x += y (which rebinds x) work
# (PyTorch allows this write and checks versions at backward time).
layer = nn.Linear(2, 2)
h = layer(torch.ones(1, 2))
h += 1
h = h * 2
print(h.grad_fn is not None)  # expect: True
h[0, 0] = 0.0
# error: line 12: NotImplementedError: not supported in initlab: in-place writes into a tensor that autograd recorded (compute a new tensor instead: y = y + x, y = y * mask, torch.cat)
