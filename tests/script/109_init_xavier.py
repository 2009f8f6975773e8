import torch
import torch.nn as nn

torch.manual_seed(0)
w = torch.empty(128, 64)
nn.init.xavier_uniform_(w)
print(f"{w.mean().item():.4f} {w.std().item():.4f} {w.abs().max().item():.4f} {w[0, 0].item():.4f}")  # expect: -0.0004 0.1017 0.1767 -0.0013
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('tanh'))
print(f"{w.std().item():.4f} {w[5, 7].item():.4f}")  # expect: 0.1710 0.1580
nn.init.xavier_normal_(w)
print(f"{w.mean().item():.4f} {w.std().item():.4f} {w[127, 63].item():.4f}")  # expect: -0.0010 0.1018 0.1033
c = torch.empty(16, 8, 3, 3)
nn.init.xavier_normal_(c, gain=2.0)
print(f"{c.std().item():.4f} {c[0, 0, 0, 0].item():.4f}")  # expect: 0.1889 0.0752
