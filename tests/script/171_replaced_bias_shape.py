# A bias replaced by hand may have any shape (a fuzzer finding: a one-element bias was read as
# four values). PyTorch broadcasts a one-element Linear bias, refuses other sizes, and wants
# exactly out_channels values for a convolution.
import torch
import torch.nn as nn

layer = nn.Linear(2, 3)
layer.weight = nn.Parameter(torch.ones(4, 2))
layer.bias = nn.Parameter(torch.full((1,), 0.5))
with torch.no_grad():
    print(layer(torch.tensor([[0.0, 2.0]])))
# expect: tensor([[2.5000, 2.5000, 2.5000, 2.5000]])
layer(torch.tensor([[0.0, 2.0]])).sum().backward()
print(layer.bias.grad)
# expect: tensor([4.])
layer.bias = nn.Parameter(torch.zeros(3))
layer(torch.tensor([[0.0, 2.0]]))
# error: line 17: RuntimeError: The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [1, 4].  Tensor sizes: [3]
