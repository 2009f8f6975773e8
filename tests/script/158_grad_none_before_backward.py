import torch
import torch.nn as nn

# .grad is None until a backward pass reaches the tensor.
layer = nn.Linear(3, 2)
print(layer.weight.grad, layer.bias.grad)  # expect: None None
x = torch.randn(4, 3)
print(x.requires_grad, x.grad)  # expect: False None
t = torch.zeros(2, requires_grad=True)
print(t, t.grad, t.is_leaf)  # expect: tensor([0., 0.], requires_grad=True) None True
out = layer(x)
print(layer.weight.grad)  # expect: None
out.sum().backward()
print(layer.weight.grad is None, x.grad)  # expect: False None
frozen = nn.Linear(3, 2)
frozen.weight.requires_grad_(False)
frozen.bias.requires_grad = False
print(frozen.weight.requires_grad, frozen.bias.requires_grad, [p.requires_grad for p in frozen.parameters()])  # expect: False False [False, False]
for p in frozen.parameters():
    p.requires_grad_(True)
frozen.weight.requires_grad = False
frozen(x).sum().backward()
print(frozen.weight.grad, frozen.bias.grad)  # expect: None tensor([4., 4.])
