import torch
import torch.nn as nn

layer = nn.Linear(3, 2)
with torch.no_grad():
    layer.weight.fill_(0.2)
print(layer.weight)
# expect: Parameter containing:
# expect: tensor([[0.2000, 0.2000, 0.2000],
# expect:         [0.2000, 0.2000, 0.2000]], requires_grad=True)
with torch.no_grad():
    layer.bias[0] = 1.0
    layer.bias[1] = -1.0
print(layer.bias)
# expect: Parameter containing:
# expect: tensor([ 1., -1.], requires_grad=True)
