import torch

x = torch.zeros(64, 20, 4, 4)
print(x.view(-1, 320).shape)  # expect: torch.Size([64, 320])
y = x.view(-1, 300)
# error: line 5: RuntimeError: shape '[-1, 300]' is invalid for input of size 20480
