import torch
import torch.nn as nn

torch.manual_seed(1)
w = torch.empty(64, 32, 3, 3)
nn.init.kaiming_uniform_(w)
print(f"{w.std().item():.4f} {w.abs().max().item():.4f} {w[0, 0, 0, 0].item():.4f}")  # expect: 0.0832 0.1443 0.0744
nn.init.kaiming_uniform_(w, a=0.2, mode='fan_out', nonlinearity='leaky_relu')
print(f"{w.std().item():.4f} {w[1, 2, 0, 1].item():.4f}")  # expect: 0.0578 -0.0255
nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu')
print(f"{w.mean().item():.4f} {w.std().item():.4f} {w[63, 31, 2, 2].item():.4f}")  # expect: -0.0005 0.0592 -0.0648
lin = torch.empty(10, 50)
nn.init.kaiming_normal_(lin, nonlinearity='linear')
print(f"{lin.std().item():.4f} {lin[0, 0].item():.4f}")  # expect: 0.1504 -0.0113
