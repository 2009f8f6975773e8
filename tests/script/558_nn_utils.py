# torch.nn.utils: clip_grad_norm_ / clip_grad_value_ and parameters <-> vector, against PyTorch.
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_, clip_grad_value_, parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
x = torch.randn(5, 4)
(net(x) * 10).sum().backward()
total = clip_grad_norm_(net.parameters(), max_norm=1.0)
print(round(total.item(), 4))
print(round(sum(p.grad.norm().item() ** 2 for p in net.parameters()) ** 0.5, 4))
print(round(clip_grad_norm_(net.parameters(), 5.0).item(), 4))
print(round(nn.utils.clip_grad_norm_(net.parameters(), 0.5, norm_type=float("inf")).item(), 4))
clip_grad_value_(net.parameters(), 0.01)
print(max(p.grad.abs().max().item() for p in net.parameters()) <= 0.01)
print(clip_grad_norm_([], 1.0))
vec = parameters_to_vector(net.parameters())
print(tuple(vec.shape), torch.equal(vec[:12], net[0].weight.view(-1)))
vector_to_parameters(torch.arange(23).float(), net.parameters())
print(net[2].bias, net[0].weight[0])

# CPython 3.11 printed:
# expect: 93.7604
# expect: 1.0
# expect: 1.0
# expect: 0.5333
# expect: True
# expect: tensor(0.)
# expect: (23,) True
# expect: Parameter containing:
# expect: tensor([21., 22.], requires_grad=True) tensor([0., 1., 2., 3.], grad_fn=<SelectBackward0>)
