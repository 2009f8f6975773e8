import torch
import torch.nn as nn

# Gradients accumulate over backward calls until zero_grad; PyTorch 1.13 zeroes them in place
# (set_to_none=False), so .grad is a zero tensor afterwards, not None.
torch.manual_seed(4)
layer = nn.Linear(2, 1)
x = torch.randn(3, 2)
layer(x).sum().backward()
first = layer.weight.grad.clone()
print(first)  # expect: tensor([[-1.3151, -0.8340]])
layer(x).sum().backward()
print(layer.weight.grad)  # expect: tensor([[-2.6302, -1.6680]])
print(torch.equal(layer.weight.grad, 2 * first))  # expect: True
layer.zero_grad()
print(layer.weight.grad, layer.bias.grad)  # expect: tensor([[0., 0.]]) tensor([0.])
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
layer(x).sum().backward()
opt.zero_grad()
print(layer.weight.grad)  # expect: tensor([[0., 0.]])
layer(x).sum().backward()
opt.zero_grad(set_to_none=True)
print(layer.weight.grad)  # expect: None
layer.zero_grad()
print(layer.weight.grad)  # expect: None
a = torch.ones(2, requires_grad=True)
(a * 3).sum().backward()
(a * a).sum().backward()
print(a.grad)  # expect: tensor([5., 5.])
a.grad = None
print(a.grad)  # expect: None
