import torch
import torch.nn as nn

layer = nn.Linear(2, 3)
layer.weight = nn.Parameter(torch.ones(3, 2))
layer.bias = nn.Parameter(torch.zeros(3), requires_grad=False)
print(layer.weight)
# expect: Parameter containing:
# expect: tensor([[1., 1.],
# expect:         [1., 1.],
# expect:         [1., 1.]], requires_grad=True)
print(layer.bias.requires_grad, isinstance(layer.weight, nn.Parameter), isinstance(layer.weight, torch.Tensor))  # expect: False True True
print([n for n, _ in layer.named_parameters()])  # expect: ['weight', 'bias']
with torch.no_grad():
    print(layer(torch.tensor([[1.0, 2.0]])))  # expect: tensor([[3., 3., 3.]])
m = nn.Module()
m.scale = nn.Parameter(torch.tensor([2.0]))
print(list(m.state_dict().keys()), m.bias if hasattr(m, "bias") else "no bias")  # expect: ['scale'] no bias
lin = nn.Linear(2, 2, bias=False)
print(lin.bias is not None, layer.bias is not None)  # expect: False True
