import torch
import torch.nn as nn

torch.manual_seed(0)
fc = nn.Linear(3, 2)
print(fc.weight)
# expect: Parameter containing:
# expect: tensor([[-0.0043,  0.3097, -0.4752],
# expect:         [-0.4249, -0.2224,  0.1548]], requires_grad=True)
print(fc.bias)
# expect: Parameter containing:
# expect: tensor([-0.0114,  0.4578], requires_grad=True)
conv = nn.Conv2d(2, 4, 3)
print(f"{conv.weight[0, 0, 0, 0].item():.4f} {conv.weight.mean().item():.4f} {conv.bias[3].item():.4f}")  # expect: -0.0209 -0.0017 -0.2351
torch.manual_seed(0)
again = nn.Linear(3, 2)
print(torch.equal(again.weight, fc.weight))  # expect: True
big = nn.Linear(512, 256)
print(f"{big.weight.std().item():.4f} {big.weight.abs().max().item():.4f} {big.weight[255, 511].item():.4f}")  # expect: 0.0255 0.0442 0.0418
