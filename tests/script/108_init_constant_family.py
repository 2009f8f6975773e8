import torch
import torch.nn as nn

w = torch.empty(2, 3)
nn.init.constant_(w, 0.3)
print(w)
# expect: tensor([[0.3000, 0.3000, 0.3000],
# expect:         [0.3000, 0.3000, 0.3000]])
nn.init.ones_(w)
print(w.sum().item())  # expect: 6.0
nn.init.zeros_(w)
print(w.abs().sum().item())  # expect: 0.0
e = torch.empty(3, 4)
nn.init.eye_(e)
print(e)
# expect: tensor([[1., 0., 0., 0.],
# expect:         [0., 1., 0., 0.],
# expect:         [0., 0., 1., 0.]])
d = torch.empty(2, 2, 3)
nn.init.dirac_(d)
print(d.view(4, 3))
# expect: tensor([[0., 1., 0.],
# expect:         [0., 0., 0.],
# expect:         [0., 0., 0.],
# expect:         [0., 1., 0.]])
k = torch.empty(4, 2, 3, 3)
nn.init.dirac_(k, groups=2)
print(k.sum().item(), k[0, 0, 1, 1].item(), k[2, 0, 1, 1].item(), k[3, 1, 1, 1].item())  # expect: 4.0 1.0 1.0 1.0
