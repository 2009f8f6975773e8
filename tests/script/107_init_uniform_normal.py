import torch
import torch.nn as nn

torch.manual_seed(0)
w = torch.empty(3, 4)
nn.init.uniform_(w)
print(w)
# expect: tensor([[0.4963, 0.7682, 0.0885, 0.1320],
# expect:         [0.3074, 0.6341, 0.4901, 0.8964],
# expect:         [0.4556, 0.6323, 0.3489, 0.4017]])
nn.init.uniform_(w, a=-0.5, b=0.5)
print(f"{w.min().item():.4f} {w.max().item():.4f} {w[0, 0].item():.4f}")  # expect: -0.4777 0.4152 -0.4777
nn.init.normal_(w)
print(w[0])  # expect: tensor([-0.8567,  1.1006, -1.0712,  0.1227])
big = torch.empty(256, 64)
nn.init.normal_(big, mean=1.0, std=0.02)
print(f"{big.mean().item():.4f} {big.std().item():.4f} {big[0, 0].item():.4f} {big[255, 63].item():.4f}")  # expect: 0.9999 0.0201 0.9865 0.9786
