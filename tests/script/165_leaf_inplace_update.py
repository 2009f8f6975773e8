import torch
import torch.nn as nn

# A manual SGD update must run under torch.no_grad(): outside it PyTorch refuses.
layer = nn.Linear(2, 1)
layer(torch.ones(3, 2)).sum().backward()
with torch.no_grad():
    layer.bias -= 0.1 * layer.bias.grad
print(layer.bias.requires_grad, layer.bias.grad)  # expect: True tensor([3.])
for p in layer.parameters():
    p -= 0.1 * p.grad
# error: line 11: RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
