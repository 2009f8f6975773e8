# nn.init.*(..., generator=g) is PyTorch >= 2.1 API; the expectations are what
# w.uniform_(-1, 1, generator=g) / w.normal_(0, gain / sqrt(fan_in), generator=g) draw in 1.13.
import torch
import torch.nn as nn

g = torch.Generator().manual_seed(1)
w = torch.empty(2, 3)
nn.init.uniform_(w, -1.0, 1.0, generator=g)
print(w)
# expect: tensor([[ 0.5153, -0.4414, -0.1939],
# expect:         [ 0.4694, -0.9414,  0.5997]])
g = torch.Generator().manual_seed(5)
w = torch.empty(20, 30)
nn.init.kaiming_normal_(w, generator=g)
print(f"{w.std().item():.4f} {w[0, 0].item():.4f} {w[19, 29].item():.4f}")  # expect: 0.2545 0.4757 0.0764
