import torch
import torch.nn as nn

torch.manual_seed(0)
q = torch.empty(4, 4)
nn.init.orthogonal_(q)
print(f"{(q @ q.t() - torch.eye(4)).abs().max().item() < 1e-5}")  # expect: True
r = torch.empty(3, 5)
nn.init.orthogonal_(r, gain=2.0)
print(f"{(r * r).sum(dim=1).mean().item():.4f}")  # expect: 4.0000
s = torch.empty(10, 6)
nn.init.sparse_(s, sparsity=0.3)
print((s == 0).sum(dim=0).tolist(), f"{s.abs().max().item():.4f}")  # expect: [3, 3, 3, 3, 3, 3] 0.0257
t = torch.empty(1000)
nn.init.trunc_normal_(t, mean=0.0, std=1.0, a=-2.0, b=2.0)
print(f"{t.abs().max().item() <= 2.0} {t[0].item():.4f} {t.mean().item():.4f}")  # expect: True 1.1832 -0.0069
