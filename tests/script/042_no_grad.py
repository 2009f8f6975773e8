import torch
import torch.nn as nn

layer = nn.Linear(2, 2)
with torch.no_grad():
    layer.weight.fill_(0.5)
    layer.bias.zero_()
    y = layer(torch.ones(1, 2))
    print(torch.is_grad_enabled())  # expect: False
print(torch.is_grad_enabled())  # expect: True
print(y)  # expect: tensor([[1., 1.]])
print(layer.weight.requires_grad)  # expect: True
